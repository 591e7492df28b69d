# cmake -P script: copies web/ into the site folder and builds the single-file page by
# inlining the glue script and the SINGLE_FILE build into web/index.html.
file(GLOB web_files "${WEB}/*")
file(COPY ${web_files} DESTINATION "${SITE}")

file(READ "${WEB}/index.html" page)
file(READ "${WEB}/azplan-glue.js" glue)
file(READ "${SINGLE}/azplan-single.js" app)
# The single file has no service worker (file:// cannot register one) and no manifest.
string(REPLACE "<script src=\"azplan-glue.js\"></script>" "<script>\n${glue}\n</script>" page "${page}")
string(REPLACE "<script async src=\"azplan.js\"></script>" "<script>\n${app}\n</script>" page "${page}")
string(REPLACE "<link rel=\"manifest\" href=\"manifest.webmanifest\">" "" page "${page}")
string(REPLACE "<link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">" "" page "${page}")
file(WRITE "${SINGLE}/azplan.html" "${page}")
