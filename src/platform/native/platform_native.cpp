// The desktop side of platform.h: files in folders, no browser.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/platform.h"

namespace azplan::platform {

namespace fs = std::filesystem;

static FileCallback g_drop;

static fs::path DataDir() {
  if (const char* d = std::getenv("AZPLAN_DATA_DIR")) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME")) return fs::path(x) / "azplan";
  if (const char* h = std::getenv("HOME")) return fs::path(h) / ".local/share/azplan";
  return fs::path(".azplan");
}

bool RequestOpenFile(FileCallback) { return false; }
bool RequestOpenFiles(const std::string&, bool, FileCallback) { return false; }

void SetDropHandler(FileCallback onDrop) { g_drop = std::move(onDrop); }

// Called by the GLFW drop callback in the entry point.
void DeliverDroppedPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || !g_drop) return;
  std::ostringstream ss;
  ss << in.rdbuf();
  g_drop({fs::path(path).filename().string(), ss.str()});
}

std::string Download(const std::string& fileName, const std::string&, const std::string& bytes);

std::string DownloadSvgAsPng(const std::string& fileName, const std::string& svg) {
  std::string name = fileName;
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".png") == 0) name.replace(name.size() - 4, 4, ".svg");
  return Download(name, "image/svg+xml", svg);
}

std::string Download(const std::string& fileName, const std::string&, const std::string& bytes) {
  fs::path dir = std::getenv("AZPLAN_EXPORT_DIR") ? fs::path(std::getenv("AZPLAN_EXPORT_DIR")) : fs::current_path() / "exports";
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path out = dir / fs::path(fileName).filename();
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  return f ? out.string() : std::string();
}

void FetchText(const std::string& url, std::function<void(bool, std::string)> done) {
  std::ifstream in(url, std::ios::binary);
  if (!in) return done(false, {});
  std::ostringstream ss;
  ss << in.rdbuf();
  done(true, ss.str());
}

static fs::path KeyPath(const std::string& key) {
  std::string safe;
  for (char c : key) safe.push_back((isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_');
  return DataDir() / safe;
}

bool StorageSet(const std::string& key, const std::string& value) {
  std::error_code ec;
  fs::create_directories(DataDir(), ec);
  // Write then rename, so a crash mid-write never leaves half a file behind.
  fs::path final = KeyPath(key), tmp = final;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << value;
    if (!f) return false;
  }
  fs::rename(tmp, final, ec);
  return !ec;
}

std::string StorageGet(const std::string& key) {
  std::ifstream in(KeyPath(key), std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool TakeStorageFailure() { return false; }  // StorageSet's result is final here

void StorageRemove(const std::string& key) {
  std::error_code ec;
  fs::remove(KeyPath(key), ec);
}

void SetClipboard(const std::string&) {}  // the entry point sets GLFW's clipboard via ImGui

std::string QueryParam(const std::string& name) {
  std::string env = "AZPLAN_";
  for (char c : name) env.push_back(static_cast<char>(toupper(static_cast<unsigned char>(c))));
  const char* v = std::getenv(env.c_str());
  return v ? v : "";
}

static std::string g_fragment;
std::string UrlFragment() { return g_fragment; }
void SetUrlFragment(const std::string& fragment) { g_fragment = fragment; }
void ReportFrame(const FrameReport&) {}
void ReportReady() {}
void NormalizeWheel(double&, double&) {}
float PixelRatio() { return 1.0f; }

void SetAccessibleMirror(const std::string&, const std::string&, const std::string&) {}

std::string OpenHtmlDocument(const std::string& fileName, const std::string& html) {
  return Download(fileName, "text/html", html);
}
// The desktop saves into its export folder (Download) as before: the path typed into
// the open dialog is not treated as a place to write.
bool SaveToOpenedFile(const std::string&, const std::string&, std::function<void(bool)>) { return false; }
// The window belongs to src/main (GLFW); the desktop keeps its fixed title for now.
void SetTitle(const std::string&) {}

}  // namespace azplan::platform
