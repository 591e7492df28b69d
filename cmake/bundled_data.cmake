# Embeds the bundled plans (data/plans/*.json) and, for the app, the UI font.
file(GLOB AZPLAN_PLAN_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/plans/*.json)
list(SORT AZPLAN_PLAN_FILES)

function(azplan_embed out symbol)
  # A list's ";" would split the shell command; "|" travels safely.
  string(REPLACE ";" "|" files "${ARGN}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${symbol} -DFILES=${files}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()

set(AZPLAN_BUNDLED_CPP ${CMAKE_BINARY_DIR}/generated/bundled_plans.cpp)
azplan_embed(${AZPLAN_BUNDLED_CPP} BundledPlanFiles ${AZPLAN_PLAN_FILES})
add_library(azplan_bundled STATIC ${AZPLAN_BUNDLED_CPP})
target_include_directories(azplan_bundled PUBLIC ${CMAKE_SOURCE_DIR}/src)

function(azplan_bundle_data target)
  target_link_libraries(${target} PRIVATE azplan_bundled)
endfunction()
