// The browser side of the screen-reader functions of platform.h: a visually hidden region
// (#azplan-a11y, a labelled landmark screen readers can reach) holding the mirror, and a
// polite live region (#azplan-live) for announcements. Both are made here on first use,
// so the page shell and the glue need nothing.
#include <emscripten.h>

#include <string>

#include "platform/platform.h"

namespace azplan::platform {

EM_JS(void, js_a11y_mirror, (const char* html, const char* lang, const char* said), {
  var hide = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);" +
             "white-space:nowrap;border:0";
  var region = document.getElementById("azplan-a11y");
  if (!region) {
    region = document.createElement("section");
    region.id = "azplan-a11y";
    region.setAttribute("aria-label", "azplan");
    region.style.cssText = hide;
    document.body.appendChild(region);
    var live = document.createElement("div");
    live.id = "azplan-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.style.cssText = hide;
    document.body.appendChild(live);
    // The canvas itself is described by the mirror.
    var canvas = document.getElementById("canvas");
    if (canvas) {
      canvas.setAttribute("role", "application");
      canvas.setAttribute("aria-describedby", "azplan-a11y");
    }
  }
  var l = UTF8ToString(lang);
  region.setAttribute("lang", l);
  document.documentElement.setAttribute("lang", l);
  region.innerHTML = UTF8ToString(html);  // built and escaped by ui/a11y_mirror.cpp
  var text = UTF8ToString(said);
  if (text) document.getElementById("azplan-live").textContent = text;
});

EM_JS(void, js_open_html, (const char* name, const char* html), {
  var blob = new Blob([UTF8ToString(html)], {type : "text/html;charset=utf-8"});
  var url = URL.createObjectURL(blob);
  var w = window.open(url, "_blank");
  if (!w) {
    var a = document.createElement("a");
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

void SetAccessibleMirror(const std::string& html, const std::string& lang, const std::string& announcement) {
  js_a11y_mirror(html.c_str(), lang.c_str(), announcement.c_str());
}

std::string OpenHtmlDocument(const std::string& fileName, const std::string& html) {
  js_open_html(fileName.c_str(), html.c_str());
  return fileName;
}

}  // namespace azplan::platform
