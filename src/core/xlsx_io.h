// Writing a libxlsxwriter workbook to bytes. libxlsxwriter 1.1.4 writes only to a file
// name, so the workbook goes to a scratch file (MEMFS in the browser) that is read back
// and removed. Shared by the return forms and the XLSX export.
#pragma once
#include <string>

#include "xlsxwriter.h"

namespace azplan {

// A fresh path in the temporary folder for one workbook.
std::string ScratchXlsxPath();

// Closes (and frees) the workbook, reads the written file into `bytes` and removes it.
bool CloseWorkbookToBytes(lxw_workbook* workbook, const std::string& path, std::string* bytes,
                          std::string* error);

}  // namespace azplan
