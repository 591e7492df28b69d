# Header-only libraries come from the distro (/usr/include). Emscripten must never see
# -I/usr/include (glibc headers break its sysroot), so a build-tree folder of symlinks
# exposes just these libraries to both builds.
set(AZPLAN_SYSTEM_INCLUDE "/usr/include" CACHE PATH "Where nlohmann/ and doctest/ headers live")
set(AZPLAN_SHIM_INCLUDE ${CMAKE_BINARY_DIR}/include)
file(MAKE_DIRECTORY ${AZPLAN_SHIM_INCLUDE})
foreach(lib nlohmann doctest)
  if(EXISTS ${AZPLAN_SYSTEM_INCLUDE}/${lib} AND NOT EXISTS ${AZPLAN_SHIM_INCLUDE}/${lib})
    file(CREATE_LINK ${AZPLAN_SYSTEM_INCLUDE}/${lib} ${AZPLAN_SHIM_INCLUDE}/${lib} SYMBOLIC)
  endif()
endforeach()
if(NOT EXISTS ${AZPLAN_SHIM_INCLUDE}/nlohmann/json.hpp)
  message(FATAL_ERROR "nlohmann/json.hpp not found under ${AZPLAN_SYSTEM_INCLUDE}; run shell/setup.sh "
                      "or pass -DAZPLAN_SYSTEM_INCLUDE=<folder holding nlohmann/>")
endif()
add_library(azplan_json INTERFACE)
target_include_directories(azplan_json SYSTEM INTERFACE ${AZPLAN_SHIM_INCLUDE})
