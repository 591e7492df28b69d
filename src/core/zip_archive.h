// Zip archives in memory, through minizip (cmake/xlsx.cmake builds it from Debian's
// libxlsxwriter source package). Used to read .xlsx workbooks (which are zip files) and
// to bundle several exported files into one .zip download. No file system needed, so
// the browser build works the same way.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace azplan {

struct ZipMemory;  // minizip's in-memory I/O state (zip_archive.cpp)

struct ZipEntry {
  std::string name;  // path inside the archive, '/' separated
  std::string data;
};

// Deflates the entries into a zip archive. Returns false (and says why) only if
// minizip refuses, which for in-memory output means a name it cannot store.
bool WriteZip(const std::vector<ZipEntry>& entries, std::string* out, std::string* error);

// Limits that keep a hostile archive (a "zip bomb", thousands of parts) from taking the
// machine's memory: checked against the sizes the archive declares *and* while inflating.
struct ZipLimits {
  std::uint64_t maxEntryBytes = 64u << 20;   // one inflated part
  std::uint64_t maxTotalBytes = 256u << 20;  // all parts read from one archive
  std::size_t maxEntries = 10000;
};

class ZipReader {
 public:
  ZipReader() = default;
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // `bytes` must outlive the reader. False (with error()) if it is not a zip archive.
  bool Open(const std::string& bytes, ZipLimits limits = {});
  bool Has(const std::string& name) const;
  const std::vector<std::string>& Names() const { return names_; }
  // Inflates one part; false with error() when missing, damaged or over the limits.
  bool Read(const std::string& name, std::string* out);
  const std::string& error() const { return error_; }

 private:
  void* zip_ = nullptr;
  ZipMemory* memory_ = nullptr;
  ZipLimits limits_;
  std::uint64_t readTotal_ = 0;
  std::vector<std::string> names_;
  std::string error_;
};

// True if the bytes start like a zip archive ("PK\3\4").
bool LooksLikeZip(const std::string& bytes);

}  // namespace azplan
