// The measures table as the exports hand it on (CSV now, XLSX with the spreadsheet
// library): one row per item on screen, headers in the export's language, agencies by
// the name they had in the monitoring year beside their current name. One builder, so
// every tabular export has the same columns in the same order.
#pragma once
#include <string>
#include <vector>

#include "core/exporters.h"

namespace azplan {

enum class CellType : unsigned char { Text, Code, Number, Date };

struct TableColumn {
  std::string key;     // stable English key ("code", "leadInYear"): tests and widths
  std::string header;  // in the export's language
  CellType type = CellType::Text;
};

struct ExportTable {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;  // rows[r][c], as many cells as columns
  int Column(const std::string& key) const;    // -1 when absent
};

ExportTable BuildExportTable(const Plan& plan, const ExportOptions& options);

}  // namespace azplan
