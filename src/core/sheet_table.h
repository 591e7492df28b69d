// A spreadsheet's first visible sheet as rows of text cells, read from .xlsx (minizip +
// pugixml) or from CSV as spreadsheets save it. What the cells mean is the caller's
// business (return_read.cpp); this only gets the text out faithfully and safely.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace azplan {

struct SheetCell {
  std::string text;
  bool formula = false;  // the cell holds a formula (its cached value is in `text`)
  bool number = false;   // stored as a number (dates typed into a number cell are serials)
};

struct SheetRow {
  int number = 0;  // 1-based, as the spreadsheet shows it
  std::vector<SheetCell> cells;
};

struct SheetTable {
  std::string sheet;  // sheet name; "CSV" for a CSV file
  std::vector<SheetRow> rows;
  std::vector<std::string> warnings;  // hidden sheets skipped, hyperlinks not followed
};

struct SheetLimits {
  std::uint64_t maxPartBytes = 64u << 20;
  int maxRows = 100000;
};

// False with `error` when the file cannot be read as a workbook: not a zip, no workbook
// part, no visible sheet, a part over the size limit, too many rows, broken XML.
bool ReadXlsxTable(const std::string& bytes, const SheetLimits& limits, SheetTable* out, std::string* error);

// CSV: UTF-8 with or without BOM, CRLF or LF, quoted fields with doubled quotes and line
// breaks. `separator` is ';' or ','.
bool ReadCsvTable(const std::string& text, char separator, const SheetLimits& limits, SheetTable* out,
                  std::string* error);

// "A" → 0, "AB" → 27; the column part of a cell reference such as "AB12".
int ColumnFromRef(const char* ref);
std::string ColumnName(int column);

}  // namespace azplan
