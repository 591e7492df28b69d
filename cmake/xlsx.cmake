# Spreadsheet libraries, compiled from Debian's source packages that shell/setup.sh unpacks
# into third_party/ (never committed), the same sources for the native and the web build.
# Emscripten's ports (-sUSE_ZLIB=1) would download and cannot be used here (TOOLCHAIN.md).
#   azplan_zlib        zlib 1.2.13 (deflate for writing, inflate for reading)
#   azplan_minizip     minizip's zip + unzip, as shipped inside libxlsxwriter's source
#   azplan_xlsxwriter  libxlsxwriter 1.1.4: writes .xlsx workbooks
#   azplan_pugixml     pugixml 1.13: reads the XML parts of an .xlsx back
#   azplan_xlsx        all of the above, for src/core to link
# These are plain C/C++ libraries: the core may use them (they know nothing of the UI).
set(AZPLAN_THIRD_PARTY ${CMAKE_SOURCE_DIR}/third_party)
set(AZPLAN_ZLIB_DIR ${AZPLAN_THIRD_PARTY}/zlib CACHE PATH "zlib source folder (zlib.h, inflate.c ...)")
set(AZPLAN_XLSXWRITER_DIR ${AZPLAN_THIRD_PARTY}/libxlsxwriter CACHE PATH "libxlsxwriter source folder")
set(AZPLAN_PUGIXML_DIR ${AZPLAN_THIRD_PARTY}/pugixml CACHE PATH "pugixml source folder")
foreach(need ${AZPLAN_ZLIB_DIR}/inflate.c ${AZPLAN_XLSXWRITER_DIR}/src/workbook.c ${AZPLAN_PUGIXML_DIR}/src/pugixml.cpp)
  if(NOT EXISTS ${need})
    message(FATAL_ERROR "${need} not found: run shell/setup.sh (it fetches zlib, libxlsxwriter and "
                        "pugixml from Debian's source packages into third_party/)")
  endif()
endforeach()

# Third-party code is not ours to warn about.
set(AZPLAN_THIRD_PARTY_FLAGS -w)

set(z ${AZPLAN_ZLIB_DIR})
add_library(azplan_zlib STATIC
  ${z}/adler32.c ${z}/crc32.c ${z}/deflate.c ${z}/inflate.c ${z}/inftrees.c ${z}/inffast.c
  ${z}/trees.c ${z}/zutil.c ${z}/compress.c ${z}/uncompr.c)
# Listed first (BEFORE) so <zlib.h> is this one, never a system copy of another version.
target_include_directories(azplan_zlib SYSTEM BEFORE PUBLIC ${z})
target_compile_options(azplan_zlib PRIVATE ${AZPLAN_THIRD_PARTY_FLAGS})
if(NOT MSVC)
  target_compile_definitions(azplan_zlib PRIVATE HAVE_UNISTD_H)
endif()

# One minizip for writing (libxlsxwriter's packager, the .zip of all forms) and reading.
# No encryption; 32-bit stdio API (files are read and written through our memory I/O).
set(mz ${AZPLAN_XLSXWRITER_DIR}/third_party/minizip)
add_library(azplan_minizip STATIC ${mz}/zip.c ${mz}/unzip.c ${mz}/ioapi.c)
target_include_directories(azplan_minizip SYSTEM PUBLIC ${AZPLAN_XLSXWRITER_DIR}/third_party)
target_compile_definitions(azplan_minizip PUBLIC NOCRYPT NOUNCRYPT IOAPI_NO_64)
target_compile_options(azplan_minizip PRIVATE ${AZPLAN_THIRD_PARTY_FLAGS})
target_link_libraries(azplan_minizip PUBLIC azplan_zlib)

set(x ${AZPLAN_XLSXWRITER_DIR})
file(GLOB AZPLAN_XLSXWRITER_SOURCES ${x}/src/*.c)
add_library(azplan_xlsxwriter STATIC ${AZPLAN_XLSXWRITER_SOURCES}
  ${x}/third_party/tmpfileplus/tmpfileplus.c ${x}/third_party/md5/md5.c ${x}/third_party/dtoa/emyg_dtoa.c)
target_include_directories(azplan_xlsxwriter SYSTEM PUBLIC ${x}/include)
target_include_directories(azplan_xlsxwriter PRIVATE ${x}/third_party)
# tmpfile() for its scratch files (MEMFS in the browser); the dtoa library writes numbers
# the same way whatever the C locale.
target_compile_definitions(azplan_xlsxwriter PRIVATE USE_STANDARD_TMPFILE USE_DTOA_LIBRARY)
target_compile_options(azplan_xlsxwriter PRIVATE ${AZPLAN_THIRD_PARTY_FLAGS})
target_link_libraries(azplan_xlsxwriter PUBLIC azplan_minizip)

add_library(azplan_pugixml STATIC ${AZPLAN_PUGIXML_DIR}/src/pugixml.cpp)
target_include_directories(azplan_pugixml SYSTEM PUBLIC ${AZPLAN_PUGIXML_DIR}/src)
# The non-throwing API only: a bad sheet is a parse result, never an exception.
target_compile_definitions(azplan_pugixml PUBLIC PUGIXML_NO_EXCEPTIONS)
target_compile_options(azplan_pugixml PRIVATE ${AZPLAN_THIRD_PARTY_FLAGS})
if(EMSCRIPTEN)
  target_compile_options(azplan_pugixml PRIVATE -fwasm-exceptions)
endif()

add_library(azplan_xlsx INTERFACE)
target_link_libraries(azplan_xlsx INTERFACE azplan_xlsxwriter azplan_minizip azplan_zlib azplan_pugixml)
