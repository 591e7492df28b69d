# cmake -P script: copies web/ into the site folder and builds both pages from
# web/index.html. Both carry the glue inline: on the site it then starts the module's and a
# ?plan='s downloads as the page is parsed, not after one more request (40-60 ms on a first
# visit). The single file also inlines the SINGLE_FILE build. Each page gets its own
# Content-Security-Policy (docs/security.md): scripts from the site's origin plus the glue
# by its SHA-256 hash; the single file exactly its two inline scripts, by hash.
file(GLOB web_files "${WEB}/*")
list(FILTER web_files EXCLUDE REGEX "/azplan-glue\\.js$")
file(COPY ${web_files} DESTINATION "${SITE}")
file(REMOVE "${SITE}/azplan-glue.js")  # a site an earlier build assembled still has it

# Base64 of a hex string (the form CSP hashes take).
function(hex_to_base64 hex out)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(LENGTH "${hex}" n)
  set(result "")
  set(i 0)
  while(i LESS n)
    math(EXPR left "${n} - ${i}")
    if(left GREATER 6)
      set(left 6)
    endif()
    string(SUBSTRING "${hex}" ${i} ${left} chunk)
    set(missing 0)
    while(left LESS 6)
      string(APPEND chunk "00")
      math(EXPR left "${left} + 2")
      math(EXPR missing "${missing} + 1")
    endwhile()
    math(EXPR v "0x${chunk}")
    set(group "")
    foreach(shift 18 12 6 0)
      math(EXPR idx "(${v} >> ${shift}) & 63")
      string(SUBSTRING "${alphabet}" ${idx} 1 c)
      string(APPEND group "${c}")
    endforeach()
    if(missing GREATER 0)
      math(EXPR keep "4 - ${missing}")
      string(SUBSTRING "${group}" 0 ${keep} group)
      foreach(k RANGE 1 ${missing})
        string(APPEND group "=")
      endforeach()
    endif()
    string(APPEND result "${group}")
    math(EXPR i "${i} + 6")
  endwhile()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(csp_hash text out)
  string(SHA256 hex "${text}")
  hex_to_base64(${hex} b64)
  set(${out} "'sha256-${b64}'" PARENT_SCOPE)
endfunction()

file(READ "${WEB}/index.html" page)
file(READ "${WEB}/azplan-glue.js" glue)
file(READ "${SINGLE}/azplan-single.js" app)

string(REGEX MATCH "<style>(.*)</style>" _ "${page}")
csp_hash("${CMAKE_MATCH_1}" style_hash)
set(csp_common "default-src 'self'; style-src 'self' ${style_hash}; img-src 'self' data: blob:; connect-src 'self' data:; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")
set(csp_regex "<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">")

set(glue_inline "\n${glue}\n")
csp_hash("${glue_inline}" glue_hash)

# (a) the site: azplan.js from the origin, the glue by its hash, WebAssembly compiled from
# azplan.wasm (data-module tells the glue to fetch and compile it itself).
string(REGEX REPLACE "${csp_regex}"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"${csp_common}; script-src 'self' ${glue_hash} 'wasm-unsafe-eval'\">"
  site_page "${page}")
string(REPLACE "<script src=\"azplan-glue.js\"></script>" "<script data-module=\"azplan.wasm\">${glue_inline}</script>" site_page "${site_page}")
file(WRITE "${SITE}/index.html" "${site_page}")

# (b) the single file: no service worker (file:// cannot register one), no manifest, and
# the two scripts inline, allowed by their hashes.
set(app_inline "\n${app}\n")
csp_hash("${app_inline}" app_hash)
string(REGEX REPLACE "${csp_regex}"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"${csp_common}; script-src ${glue_hash} ${app_hash} 'wasm-unsafe-eval'\">"
  page "${page}")
string(REPLACE "<script src=\"azplan-glue.js\"></script>" "<script>${glue_inline}</script>" page "${page}")
string(REPLACE "<script async src=\"azplan.js\"></script>" "<script>${app_inline}</script>" page "${page}")
string(REPLACE "<link rel=\"manifest\" href=\"manifest.webmanifest\">" "" page "${page}")
string(REPLACE "<link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">" "" page "${page}")
file(WRITE "${SINGLE}/azplan.html" "${page}")
