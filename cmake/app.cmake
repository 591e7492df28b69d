# The ImGui app: native (GLFW + OpenGL 3) or web (Emscripten's GLFW + WebGL2).
include(${CMAKE_SOURCE_DIR}/cmake/imgui.cmake)

# The UI font, subset at build time from the distro's DejaVu Sans to the Azerbaijani
# alphabet, punctuation and the status marks; embedded in both builds.
set(AZPLAN_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF with Azerbaijani letters")
# Emscripten's toolchain limits program search to its sysroot; this is a host tool.
find_program(PYFTSUBSET pyftsubset NO_CMAKE_FIND_ROOT_PATH)
set(AZPLAN_FONT ${CMAKE_BINARY_DIR}/generated/azplan-ui.ttf)
if(PYFTSUBSET)
  add_custom_command(OUTPUT ${AZPLAN_FONT}
    COMMAND ${PYFTSUBSET} ${AZPLAN_FONT_SOURCE} --output-file=${AZPLAN_FONT}
            "--unicodes=U+0020-007E,U+00A0-024F,U+0259,U+02BC,U+0300-0301,U+0400-045F,U+2010-2027,U+2030-203A,U+2116,U+2190-2193,U+2212,U+2260-2265,U+25A0-25D1,U+2610-2612,U+2713-2718,U+FFFD"
            --no-hinting --desubroutinize
    DEPENDS ${AZPLAN_FONT_SOURCE} VERBATIM COMMENT "Subsetting the UI font")
else()
  message(WARNING "pyftsubset not found: embedding the full font")
  configure_file(${AZPLAN_FONT_SOURCE} ${AZPLAN_FONT} COPYONLY)
endif()
set(AZPLAN_FONT_CPP ${CMAKE_BINARY_DIR}/generated/ui_font.cpp)
azplan_embed(${AZPLAN_FONT_CPP} UiFontFiles ${AZPLAN_FONT})

# The font's glyphs and settings, and its atlas baked once at build time by a small tool
# built for the same target (src/font/ui_font.h says why). For the web the tool is a
# Node program; NODERAWFS lets it write the file.
add_library(azplan_font STATIC ${CMAKE_SOURCE_DIR}/src/font/ui_font.cpp ${AZPLAN_FONT_CPP})
target_link_libraries(azplan_font PUBLIC imgui)
target_include_directories(azplan_font PUBLIC ${CMAKE_SOURCE_DIR}/src)
add_executable(azplan_bake_font ${CMAKE_SOURCE_DIR}/src/font/bake_ui_font.cpp)
target_link_libraries(azplan_bake_font PRIVATE azplan_font)
set(AZPLAN_FONT_BAKED_CPP ${CMAKE_BINARY_DIR}/generated/ui_font_baked.cpp)
if(EMSCRIPTEN)
  target_link_options(azplan_bake_font PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1)
  find_program(AZPLAN_NODE node REQUIRED NO_CMAKE_FIND_ROOT_PATH)
  set(AZPLAN_BAKE_FONT ${AZPLAN_NODE} --no-experimental-fetch $<TARGET_FILE:azplan_bake_font>)
else()
  set(AZPLAN_BAKE_FONT $<TARGET_FILE:azplan_bake_font>)
endif()
add_custom_command(OUTPUT ${AZPLAN_FONT_BAKED_CPP}
  COMMAND ${AZPLAN_BAKE_FONT} ${AZPLAN_FONT_BAKED_CPP}
  DEPENDS azplan_bake_font VERBATIM COMMENT "Baking the UI font's atlas")
add_library(azplan_font_baked STATIC ${CMAKE_SOURCE_DIR}/src/font/baked_builder.cpp ${AZPLAN_FONT_BAKED_CPP})
target_link_libraries(azplan_font_baked PUBLIC azplan_font)

file(GLOB_RECURSE AZPLAN_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
if(EMSCRIPTEN)
  set(AZPLAN_PLATFORM_SOURCES ${CMAKE_SOURCE_DIR}/src/platform/web/platform_web.cpp
                              ${CMAKE_SOURCE_DIR}/src/platform/web/platform_web_a11y.cpp
                              ${CMAKE_SOURCE_DIR}/src/platform/web/save_in_place_web.cpp)
else()
  set(AZPLAN_PLATFORM_SOURCES ${CMAKE_SOURCE_DIR}/src/platform/native/platform_native.cpp)
endif()
add_library(azplan_ui STATIC ${AZPLAN_UI_SOURCES} ${AZPLAN_PLATFORM_SOURCES})
target_link_libraries(azplan_ui PUBLIC azplan_core imgui azplan_font_baked azplan_bundled)
target_include_directories(azplan_ui PUBLIC ${CMAKE_SOURCE_DIR}/src)

# The entry point: window, GL, the frame loop and when it draws.
set(AZPLAN_APP_SOURCES ${CMAKE_SOURCE_DIR}/src/main/main.cpp ${CMAKE_SOURCE_DIR}/src/main/gl_renderer.cpp
    ${CMAKE_SOURCE_DIR}/src/main/soft_renderer.cpp
    ${CMAKE_SOURCE_DIR}/src/main/frame_pacer.cpp ${CMAKE_SOURCE_DIR}/src/main/input_events.cpp)

if(NOT EMSCRIPTEN)
  add_executable(azplan ${AZPLAN_APP_SOURCES})
  target_link_libraries(azplan PRIVATE azplan_ui)
  return()
endif()

# ---- web ----------------------------------------------------------------------------------
# C++ exceptions on: a malformed plan must raise a catchable error, not abort the module.
# WebAssembly's own exception handling (Chrome 95, Firefox 100, Safari 15.2 and later), not
# Emscripten's JavaScript emulation, which routes calls through JS trampolines: the wasm
# is 8 % smaller and opening a 10,000-measure plan faster.
target_compile_options(azplan_core PUBLIC -fwasm-exceptions)
target_compile_options(azplan_ui PUBLIC -fwasm-exceptions)
set(AZPLAN_WEB_LINK
  -fwasm-exceptions -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sFULL_ES3=1
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sTOTAL_STACK=1048576
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_azplan_open_file,_azplan_open_url_result,_azplan_max_file_bytes,_azplan_open_too_large,_azplan_storage_failed,_azplan_wake,_azplan_state_json,_azplan_frame_pending,_azplan_incoming_buffer,_azplan_saved_in_place
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8,addRunDependency,removeRunDependency
  # No eval or new Function in the generated JavaScript (the page's CSP forbids them;
  # see docs/security.md).
  -sDYNAMIC_EXECUTION=0
  -sENVIRONMENT=web -sMINIFY_HTML=0 --closure 0)

set(AZPLAN_SITE ${CMAKE_BINARY_DIR}/site)
set(AZPLAN_SINGLE ${CMAKE_BINARY_DIR}/single)

# (a) the static site: page shell + azplan.js + azplan.wasm, relative URLs only.
add_executable(azplan ${AZPLAN_APP_SOURCES})
target_link_libraries(azplan PRIVATE azplan_ui)
target_link_options(azplan PRIVATE ${AZPLAN_WEB_LINK})
set_target_properties(azplan PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${AZPLAN_SITE})

# (b) one HTML file with everything inlined, for opening from disk (file://).
add_executable(azplan_single ${AZPLAN_APP_SOURCES})
target_link_libraries(azplan_single PRIVATE azplan_ui)
target_link_options(azplan_single PRIVATE ${AZPLAN_WEB_LINK} -sSINGLE_FILE=1)
set_target_properties(azplan_single PROPERTIES SUFFIX ".js" OUTPUT_NAME azplan-single RUNTIME_OUTPUT_DIRECTORY ${AZPLAN_SINGLE})

file(GLOB AZPLAN_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_target(azplan_site ALL
  COMMAND ${CMAKE_COMMAND} -DSITE=${AZPLAN_SITE} -DSINGLE=${AZPLAN_SINGLE} -DWEB=${CMAKE_SOURCE_DIR}/web
          -P ${CMAKE_SOURCE_DIR}/cmake/assemble_site.cmake
  DEPENDS azplan azplan_single ${AZPLAN_WEB_FILES} ${CMAKE_SOURCE_DIR}/cmake/assemble_site.cmake
  COMMENT "Assembling the static site and the single-file build")
