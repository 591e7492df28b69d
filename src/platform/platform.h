// Everything that differs between the browser and the desktop: opening files,
// downloads, persistent storage, clipboard, URL parameters. One small interface,
// implemented in native/platform_native.cpp and web/platform_web.cpp.
#pragma once
#include <functional>
#include <string>

namespace azplan::platform {

struct File {
  std::string name;
  std::string bytes;
  // Non-zero when the file was larger than the loader accepts (LoadLimits::maxBytes) and
  // so was refused before it was read: its size in bytes, and `bytes` is empty.
  double refusedSize = 0;
};
using FileCallback = std::function<void(File)>;

// Asks the user for a plan file. The browser answers later (after the picker closes);
// the desktop build opens the path typed in the app's own dialog instead, so this
// returns false there.
bool RequestOpenFile(FileCallback onOpen);
// The same for other files: `accept` as for <input accept> (".xlsx,.csv,.json"), several
// at once when `multiple`; each arrives through onEach. False on the desktop.
bool RequestOpenFiles(const std::string& accept, bool multiple, FileCallback onEach);
// Files dropped on the page or the window arrive here.
void SetDropHandler(FileCallback onDrop);
// Hands bytes to the user: a browser download, or a file in the export folder on the
// desktop. Returns a short description of where it went.
std::string Download(const std::string& fileName, const std::string& mime, const std::string& bytes);
// Writes the plan back to the file it was opened from, where the browser lets a page do
// that (the File System Access API: the first save asks the user to allow it). Returns
// false, without calling `done`, when there is no such file under `fileName` (another
// browser, a dropped file, the bundled plans, the desktop): the caller downloads instead.
// `done(ok)` comes later; ok=false when the user refused or the write failed.
bool SaveToOpenedFile(const std::string& fileName, const std::string& bytes, std::function<void(bool ok)> done);
// The page's (or window's) title: the plan's file name and whether it is saved.
void SetTitle(const std::string& title);
// Hands an SVG picture over as a PNG (the browser rasterises it on a canvas). The
// desktop has no SVG rasteriser: it writes the SVG itself, with a .svg name.
std::string DownloadSvgAsPng(const std::string& fileName, const std::string& svg);
// Fetches a URL relative to the page (web only); calls back with ok=false on failure.
void FetchText(const std::string& url, std::function<void(bool ok, std::string body)> done);

// Small persistent key/value storage: localStorage in the browser, files on the desktop.
// StorageSet returns false when the value could not be kept (quota, disk). In the browser
// the write reaches IndexedDB later: a failure there is reported by the next
// TakeStorageFailure() (true once per failure; always false on the desktop).
bool StorageSet(const std::string& key, const std::string& value);
bool TakeStorageFailure();
std::string StorageGet(const std::string& key);
void StorageRemove(const std::string& key);

void SetClipboard(const std::string& text);
// A query parameter of the page URL (web) or an environment variable AZPLAN_<NAME> (desktop).
std::string QueryParam(const std::string& name);
// The URL fragment ("#...") without the '#', as it stands (still percent-encoded), and a
// way to replace it without reloading (the caller encodes).
std::string UrlFragment();
void SetUrlFragment(const std::string& fragment);
// Tells the page about each frame the app built (web: window.azplan.frames and the frame
// log the benchmarks read; nothing on the desktop). The state JSON is not part of it: the
// page asks for it when it wants it (window.azplan.get()).
struct FrameReport {
  double ms = 0;       // the whole frame
  double uiMs = 0;     // its UI part (ImGui::NewFrame to ImGui::Render); the rest is GL
  bool painted = false;  // handed to GL: the picture changed
  int items = 0;       // items of the open plan (tells the plan's frames from earlier ones)
  const char* view = "";  // the view whose content the frame drew ("gantt", ...; "" none)
};
void ReportFrame(const FrameReport& frame);
// Called once the first frame is drawn (web: window.azplanReady = true).
void ReportReady();
// Turns a scroll event's offsets into wheel notches, positive up and right, as ImGui
// expects. Native GLFW already reports notches; the browser's GLFW passes the DOM wheel
// event's deltaX/deltaY as they are (pixels or lines, positive down).
void NormalizeWheel(double& x, double& y);
// Device pixel ratio of the display (for sharp text).
float PixelRatio();

// Screen readers find nothing in a canvas. The web page keeps a visually hidden region
// with `html` (the mirror of the selection, ui/a11y_mirror.h) and speaks `announcement`
// through an aria-live status region; call only when they changed. The desktop has no
// screen reader bridge: it ignores them.
void SetAccessibleMirror(const std::string& html, const std::string& lang, const std::string& announcement);
// Shows an HTML document: a new browser tab (a download if the browser blocks it), or a
// file in the export folder on the desktop. Returns where it went.
std::string OpenHtmlDocument(const std::string& fileName, const std::string& html);

}  // namespace azplan::platform
