#include "core/zip_archive.h"

#include <algorithm>
#include <cstring>
#include <ctime>

#include "core/dates.h"
#include "minizip/unzip.h"
#include "minizip/zip.h"

namespace azplan {

// minizip reads and writes through a table of stdio-like callbacks; these keep the
// archive in a std::string instead of a file.
struct ZipMemory {
  std::string* owned = nullptr;       // write target
  const std::string* bytes = nullptr;  // read source
  std::size_t pos = 0;
  bool error = false;
};
namespace {
using Memory = ZipMemory;

std::size_t Size(const Memory* m) { return m->owned ? m->owned->size() : m->bytes->size(); }

voidpf ZCALLBACK MemOpen(voidpf opaque, const char*, int) {
  auto* m = static_cast<Memory*>(opaque);
  m->pos = 0;
  return m;
}
uLong ZCALLBACK MemRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  const std::string& s = m->owned ? *m->owned : *m->bytes;
  std::size_t n = m->pos < s.size() ? std::min<std::size_t>(size, s.size() - m->pos) : 0;
  if (n) std::memcpy(buf, s.data() + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK MemWrite(voidpf, voidpf stream, const void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  if (!m->owned) return 0;
  std::string& s = *m->owned;
  if (m->pos + size > s.size()) s.resize(m->pos + size);
  std::memcpy(&s[m->pos], buf, size);
  m->pos += size;
  return size;
}
long ZCALLBACK MemTell(voidpf, voidpf stream) { return static_cast<long>(static_cast<Memory*>(stream)->pos); }
long ZCALLBACK MemSeek(voidpf, voidpf stream, uLong offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  std::size_t base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                     : origin == ZLIB_FILEFUNC_SEEK_END ? Size(m) : 0;
  std::size_t target = base + offset;
  if (target > Size(m) && !m->owned) return -1;
  m->pos = target;
  return 0;
}
int ZCALLBACK MemClose(voidpf, voidpf) { return 0; }
int ZCALLBACK MemError(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->error ? 1 : 0; }

zlib_filefunc_def MemoryFunctions(Memory* m) {
  zlib_filefunc_def f;
  f.zopen_file = MemOpen;
  f.zread_file = MemRead;
  f.zwrite_file = MemWrite;
  f.ztell_file = MemTell;
  f.zseek_file = MemSeek;
  f.zclose_file = MemClose;
  f.zerror_file = MemError;
  f.opaque = m;
  return f;
}
}  // namespace

bool LooksLikeZip(const std::string& bytes) { return bytes.size() >= 4 && bytes.compare(0, 4, "PK\3\4", 4) == 0; }

bool WriteZip(const std::vector<ZipEntry>& entries, std::string* out, std::string* error) {
  out->clear();
  Memory m;
  m.owned = out;
  zlib_filefunc_def f = MemoryFunctions(&m);
  zipFile z = zipOpen2("memory.zip", APPEND_STATUS_CREATE, nullptr, &f);
  if (!z) {
    if (error) *error = "cannot start a zip archive";
    return false;
  }
  const std::tm t = NowUtc();
  for (const ZipEntry& e : entries) {
    zip_fileinfo info{};
    info.tmz_date.tm_sec = t.tm_sec;
    info.tmz_date.tm_min = t.tm_min;
    info.tmz_date.tm_hour = t.tm_hour;
    info.tmz_date.tm_mday = t.tm_mday;
    info.tmz_date.tm_mon = t.tm_mon;
    info.tmz_date.tm_year = t.tm_year + 1900;
    // Bit 11 of the general-purpose flags: the name is UTF-8 (Azerbaijani agency names).
    if (zipOpenNewFileInZip4(z, e.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                             Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY,
                             nullptr, 0, 0, 1 << 11) != ZIP_OK ||
        zipWriteInFileInZip(z, e.data.data(), static_cast<unsigned>(e.data.size())) != ZIP_OK ||
        zipCloseFileInZip(z) != ZIP_OK) {
      zipClose(z, nullptr);
      if (error) *error = "cannot add " + e.name + " to the zip archive";
      return false;
    }
  }
  if (zipClose(z, nullptr) != ZIP_OK) {
    if (error) *error = "cannot finish the zip archive";
    return false;
  }
  return true;
}

ZipReader::~ZipReader() {
  if (zip_) unzClose(static_cast<unzFile>(zip_));
  delete memory_;
}

bool ZipReader::Open(const std::string& bytes, ZipLimits limits) {
  // A reader may be opened again on other bytes: let go of the previous archive first.
  if (zip_) unzClose(static_cast<unzFile>(zip_));
  delete memory_;
  zip_ = nullptr;
  memory_ = nullptr;
  readTotal_ = 0;
  names_.clear();
  error_.clear();
  limits_ = limits;
  if (!LooksLikeZip(bytes)) {
    error_ = "not an .xlsx or .zip file (it does not start like a zip archive)";
    return false;
  }
  memory_ = new ZipMemory;
  memory_->bytes = &bytes;
  zlib_filefunc_def f = MemoryFunctions(memory_);
  unzFile z = unzOpen2("memory.zip", &f);
  if (!z) {
    error_ = "damaged zip archive (its directory cannot be read)";
    return false;
  }
  zip_ = z;
  for (int rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
    char name[1024];
    unz_file_info info;
    if (unzGetCurrentFileInfo(z, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) break;
    if (names_.size() >= limits_.maxEntries) {
      error_ = "too many parts in the archive (more than " + std::to_string(limits_.maxEntries) + ")";
      return false;
    }
    names_.push_back(name);
  }
  return true;
}

bool ZipReader::Has(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

bool ZipReader::Read(const std::string& name, std::string* out) {
  out->clear();
  auto* z = static_cast<unzFile>(zip_);
  if (!z || unzLocateFile(z, name.c_str(), 1) != UNZ_OK) {
    error_ = "part " + name + " is missing";
    return false;
  }
  unz_file_info info;
  if (unzGetCurrentFileInfo(z, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    error_ = "part " + name + " is damaged";
    return false;
  }
  auto tooBig = [&](std::uint64_t n) {
    return n > limits_.maxEntryBytes || readTotal_ + n > limits_.maxTotalBytes;
  };
  if (tooBig(info.uncompressed_size)) {
    error_ = "part " + name + " inflates to " + std::to_string(info.uncompressed_size >> 20) +
             " MiB, over the limit of " + std::to_string(limits_.maxEntryBytes >> 20) + " MiB";
    return false;
  }
  if (unzOpenCurrentFile(z) != UNZ_OK) {
    error_ = "part " + name + " cannot be opened";
    return false;
  }
  // The declared size may lie: count what really comes out.
  char buf[65536];
  int n;
  while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) {
    if (tooBig(out->size() + n)) {
      unzCloseCurrentFile(z);
      out->clear();
      error_ = "part " + name + " inflates to more than its declared size and over the limit (" +
               std::to_string(limits_.maxEntryBytes >> 20) + " MiB)";
      return false;
    }
    out->append(buf, n);
  }
  bool crcOk = unzCloseCurrentFile(z) == UNZ_OK;
  if (n < 0 || !crcOk) {
    out->clear();
    error_ = "part " + name + " is damaged (inflate or checksum error)";
    return false;
  }
  readTotal_ += out->size();
  return true;
}

}  // namespace azplan
