// The browser side of platform.h. The JavaScript half lives in web/azplan-glue.js
// (window.azplanGlue); bytes come back through the exported azplan_* functions.
#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <string>
#include <utility>

#include "core/plan_json.h"
#include "platform/platform.h"

namespace azplan::platform {

static FileCallback g_open, g_drop;
static std::map<int, std::function<void(bool, std::string)>> g_fetches;
static int g_nextFetch = 1;
static bool g_storageFailed = false;

EM_JS(void, js_request_open, (), { window.azplanGlue.requestOpen(); });
EM_JS(void, js_request_open_files, (const char* accept, int multiple), {
  window.azplanGlue.requestOpen(UTF8ToString(accept), multiple !== 0);
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
  window.azplanGlue.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(void, js_svg_to_png, (const char* name, const char* svg), {
  window.azplanGlue.svgToPng(UTF8ToString(name), UTF8ToString(svg));
});
EM_JS(void, js_fetch, (int id, const char* url), { window.azplanGlue.fetchText(id, UTF8ToString(url)); });
// The value as bytes in the heap: the glue decides whether it becomes a string (short
// values, and localStorage) or a Blob (the autosave of a large plan; web/azplan-glue.js).
EM_JS(int, js_storage_set, (const char* key, const char* value, size_t len), {
  return window.azplanGlue.storageSetBytes(UTF8ToString(key), value, len) ? 1 : 0;
});
// Bytes straight into the module's memory: a long value loaded at start is kept as its
// UTF-8 bytes (web/azplan-glue.js), and short ones go through the browser's encoder.
// Emscripten's lengthBytesUTF8 and stringToUTF8 walk a text a character at a time in
// script, 0.4-0.6 s at start for a 10k-measure working copy.
EM_JS(char*, js_storage_get, (const char* key), {
  var v = window.azplanGlue.storageBytes(UTF8ToString(key));
  if (v === null || v === undefined) return 0;
  var bytes = v instanceof Uint8Array ? v : new TextEncoder().encode(v);
  var p = _malloc(bytes.length + 1);
  HEAPU8.set(bytes, p);
  HEAPU8[p + bytes.length] = 0;
  return p;
});
EM_JS(void, js_storage_remove, (const char* key), { window.azplanGlue.storageRemove(UTF8ToString(key)); });
EM_JS(void, js_clipboard, (const char* text), { window.azplanGlue.setClipboard(UTF8ToString(text)); });
EM_JS(char*, js_query, (const char* name), {
  var v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
  if (v === null) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(char*, js_fragment, (), {
  var v = (window.location.hash || "").replace(/^#/, "");
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(void, js_set_fragment, (const char* f), { window.azplanGlue.setFragment(UTF8ToString(f)); });
EM_JS(void, js_report_frame, (double ms, double uiMs, int painted, int items, const char* view), {
  window.azplanGlue.frame(ms, uiMs, painted !== 0, items, painted !== 0 ? UTF8ToString(view) : "");
});
EM_JS(void, js_report_ready, (), { window.azplanGlue.ready(); });
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// Units per notch of the wheel event being handled: 100 pixels (Chromium's notch),
// 3 lines (Firefox's), or a page.
EM_JS(double, js_wheel_units, (), {
  var mode = window.azplanGlue.wheelMode || 0;
  return mode === 1 ? 3 : mode === 2 ? 1 : 100;
});

static std::string Take(char* p) {
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}

bool RequestOpenFile(FileCallback onOpen) {
  g_open = std::move(onOpen);
  js_request_open();
  return true;
}

bool RequestOpenFiles(const std::string& accept, bool multiple, FileCallback onEach) {
  g_open = std::move(onEach);
  js_request_open_files(accept.c_str(), multiple ? 1 : 0);
  return true;
}

void SetDropHandler(FileCallback onDrop) { g_drop = std::move(onDrop); }

std::string Download(const std::string& fileName, const std::string& mime, const std::string& bytes) {
  js_download(fileName.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
  return fileName;
}

std::string DownloadSvgAsPng(const std::string& fileName, const std::string& svg) {
  js_svg_to_png(fileName.c_str(), svg.c_str());
  return fileName;
}

void FetchText(const std::string& url, std::function<void(bool, std::string)> done) {
  int id = g_nextFetch++;
  g_fetches[id] = std::move(done);
  js_fetch(id, url.c_str());
}

bool StorageSet(const std::string& key, const std::string& value) { return js_storage_set(key.c_str(), value.data(), value.size()) != 0; }
std::string StorageGet(const std::string& key) { return Take(js_storage_get(key.c_str())); }
void StorageRemove(const std::string& key) { js_storage_remove(key.c_str()); }
void SetClipboard(const std::string& text) { js_clipboard(text.c_str()); }
std::string QueryParam(const std::string& name) { return Take(js_query(name.c_str())); }
std::string UrlFragment() { return Take(js_fragment()); }
void SetUrlFragment(const std::string& fragment) { js_set_fragment(fragment.c_str()); }
void ReportFrame(const FrameReport& f) { js_report_frame(f.ms, f.uiMs, f.painted ? 1 : 0, f.items, f.view); }
void ReportReady() { js_report_ready(); }
bool TakeStorageFailure() { return std::exchange(g_storageFailed, false); }
float PixelRatio() { return static_cast<float>(js_pixel_ratio()); }
void NormalizeWheel(double& x, double& y) {
  const double units = js_wheel_units();
  x = -x / units;
  y = -y / units;
}

}  // namespace azplan::platform

using namespace azplan::platform;

// fromPicker: 1 for File > Open, 0 for a drop on the page.
static void Deliver(File f, int fromPicker) {
  FileCallback& cb = (fromPicker && g_open) ? g_open : g_drop;
  if (cb) cb(std::move(f));
}

extern "C" {

// Bytes from the page (a file, a fetched plan) are written by the page straight into this
// string, which the app then takes: one copy in the wasm heap instead of two (a 50,000-
// measure plan is 77 MB, and wasm memory never shrinks once touched).
static std::string g_incoming;

EMSCRIPTEN_KEEPALIVE char* azplan_incoming_buffer(int len) {
  // The page overwrites every byte: no zero fill first (a 10,000-measure plan's 6 MB were
  // ~10 ms of memset before its parse could start, in the browser's baseline tier).
  g_incoming = std::string();
#if defined(_LIBCPP_VERSION)
  g_incoming.__resize_default_init(static_cast<size_t>(len));
#else
  g_incoming.assign(static_cast<size_t>(len), '\0');
#endif
  return g_incoming.data();
}

EMSCRIPTEN_KEEPALIVE void azplan_open_file(const char* name, int fromPicker) {
  Deliver({name, std::move(g_incoming), 0}, fromPicker);
  g_incoming = std::string();
}

// The largest file the loader accepts: the page refuses a bigger one before reading it
// (reading 2 GB into the heap would fail or stall), with the loader's own message.
EMSCRIPTEN_KEEPALIVE double azplan_max_file_bytes() { return static_cast<double>(azplan::LoadLimits{}.maxBytes); }

EMSCRIPTEN_KEEPALIVE void azplan_open_too_large(const char* name, double size, int fromPicker) {
  Deliver({name, std::string(), size}, fromPicker);
}

// The glue calls this when an IndexedDB write failed and localStorage could not take it.
EMSCRIPTEN_KEEPALIVE void azplan_storage_failed() { g_storageFailed = true; }

// ok: the bytes are in azplan_incoming_buffer's string.
EMSCRIPTEN_KEEPALIVE void azplan_open_url_result(int id, int ok) {
  std::string body = ok ? std::move(g_incoming) : std::string();
  g_incoming = std::string();
  auto it = g_fetches.find(id);
  if (it == g_fetches.end()) return;
  auto done = std::move(it->second);
  g_fetches.erase(it);
  done(ok != 0, std::move(body));
}


}
