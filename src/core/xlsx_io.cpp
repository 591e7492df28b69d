#include "core/xlsx_io.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace azplan {

std::string ScratchXlsxPath() {
  static std::atomic<unsigned> counter{0};
  const char* dir = std::getenv("TMPDIR");
  std::string base = dir && *dir ? dir : "/tmp";
#if defined(_WIN32)
  if (!dir || !*dir) base = ".";
#endif
  // The address of a local differs between processes sharing /tmp often enough; the
  // counter separates calls within one.
  int local = 0;
  std::ostringstream name;
  name << base << "/azplan-" << std::hex << reinterpret_cast<std::uintptr_t>(&local) << "-"
       << std::dec << counter++ << ".xlsx";
  return name.str();
}

bool CloseWorkbookToBytes(lxw_workbook* workbook, const std::string& path, std::string* bytes,
                          std::string* error) {
  lxw_error rc = workbook_close(workbook);
  if (rc != LXW_NO_ERROR) {
    std::remove(path.c_str());
    if (error) *error = std::string("cannot write the workbook: ") + lxw_strerror(rc);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  in.close();
  std::remove(path.c_str());
  *bytes = all.str();
  if (bytes->empty()) {
    if (error) *error = "the workbook came out empty";
    return false;
  }
  return true;
}

}  // namespace azplan
