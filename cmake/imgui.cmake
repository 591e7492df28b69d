# Dear ImGui: one version compiled from source for both builds. Where it comes from, in
# order: -DIMGUI_DIR=..., third_party/imgui (shell/setup.sh fetches Debian's source
# package there), or the pinned upstream tag when the machine has internet.
set(IMGUI_DIR "" CACHE PATH "Dear ImGui source folder (with imgui.cpp and backends/)")
if(NOT IMGUI_DIR AND EXISTS ${CMAKE_SOURCE_DIR}/third_party/imgui/imgui.cpp)
  set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/third_party/imgui)
endif()
if(NOT IMGUI_DIR)
  include(FetchContent)
  FetchContent_Declare(imgui GIT_REPOSITORY https://github.com/ocornut/imgui.git GIT_TAG v1.86 GIT_SHALLOW TRUE)
  FetchContent_MakeAvailable(imgui)
  set(IMGUI_DIR ${imgui_SOURCE_DIR})
endif()
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources not found in '${IMGUI_DIR}'. Run shell/setup.sh or pass -DIMGUI_DIR=...")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)  # the renderer is ours: src/main/gl_renderer.h says why
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
# Our own config: 32-bit indices (10,000-row Gantts exceed 65,536 vertices per list).
target_compile_definitions(imgui PUBLIC ImDrawIdx=unsigned\ int IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(NOT EMSCRIPTEN)
  find_package(glfw3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
