// Saving back into the opened file (File System Access API) and the page title; kept
// apart from platform_web.cpp. The glue (web/azplan-glue.js) keeps the opened file's
// handle; the answer to a write comes back through azplan_saved_in_place.
#include <emscripten.h>

#include <map>

#include "platform/platform.h"

namespace {

std::map<int, std::function<void(bool)>> g_saves;
int g_nextSave = 1;

EM_JS(int, js_save_in_place, (int id, const char* name, const char* data, int len), {
  return window.azplanGlue.saveInPlace(id, UTF8ToString(name), HEAPU8.slice(data, data + len)) ? 1 : 0;
});
EM_JS(void, js_set_title, (const char* title), { window.azplanGlue.setTitle(UTF8ToString(title)); });

}  // namespace

namespace azplan::platform {

bool SaveToOpenedFile(const std::string& fileName, const std::string& bytes, std::function<void(bool ok)> done) {
  const int id = g_nextSave++;
  if (!js_save_in_place(id, fileName.c_str(), bytes.data(), static_cast<int>(bytes.size()))) return false;
  g_saves[id] = std::move(done);
  return true;
}

void SetTitle(const std::string& title) { js_set_title(title.c_str()); }

}  // namespace azplan::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void azplan_saved_in_place(int id, int ok) {
  auto it = g_saves.find(id);
  if (it == g_saves.end()) return;
  auto done = std::move(it->second);
  g_saves.erase(it);
  done(ok != 0);  // the caller asks for a frame: the notice and the title change without input
}

}  // extern "C"
