// The measures table as a workbook (libxlsxwriter): the same rows and columns as the CSV
// (export_table), codes stored as text, years as numbers, deadlines as dates; a frozen,
// filterable header, column widths and wrapping set, and a print setup (A4 landscape,
// one page wide, header row repeated, the title and page numbers in the margins).
#include <cstdlib>
#include <string>

#include "core/dates.h"
#include "core/export_table.h"
#include "core/exporters.h"
#include "core/markup.h"
#include "core/text.h"
#include "core/xlsx_io.h"

namespace azplan {
namespace {

double ColumnWidth(const std::string& key) {
  if (key == "title") return 60;
  if (key == "document") return 28;
  if (key == "code") return 10;
  if (key == "kind" || key == "mark" || key == "start" || key == "end") return key == "kind" ? 11 : 8;
  if (key == "deadline" || key == "assessedOn") return 12;
  if (key == "status") return 20;
  if (key == "note" || key == "evidence" || key == "workDone") return 40;
  return 26;  // agencies, recommended, period, assessed by
}

// Header and footer text: "&" starts a control code there.
std::string HeaderText(const std::string& s) {
  std::string out;
  for (char c : EllipsizeChars(s, 120)) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

}  // namespace

std::string ExportXlsx(const Plan& plan, const ExportOptions& options) {
  const bool en = options.language == "en";
  ExportTable table = BuildExportTable(plan, options);
  const std::string path = ScratchXlsxPath();
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return {};
  lxw_worksheet* ws = workbook_add_worksheet(wb, en ? "Measures" : "Tədbirlər");

  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(head, 0xE4E7EB);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* code = workbook_add_format(wb);
  format_set_num_format(code, "@");  // typed into later, a code stays text too
  format_set_align(code, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold(code);
  lxw_format* number = workbook_add_format(wb);
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);

  const auto cols = static_cast<lxw_col_t>(table.columns.size());
  for (lxw_col_t c = 0; c < cols; ++c) {
    const TableColumn& col = table.columns[c];
    lxw_format* f = col.type == CellType::Code ? code : col.type == CellType::Text ? text : number;
    worksheet_set_column(ws, c, c, ColumnWidth(col.key), f);
    worksheet_write_string(ws, 0, c, col.header.c_str(), head);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (lxw_col_t c = 0; c < cols; ++c) {
      const std::string& v = table.rows[r][c];
      if (v.empty()) continue;
      switch (table.columns[c].type) {
        case CellType::Number:
          worksheet_write_number(ws, row, c, std::atof(v.c_str()), number);
          break;
        case CellType::Date:
          if (auto d = ParsePartialDate(v); d && d->day) {
            lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
            worksheet_write_datetime(ws, row, c, &dt, date);
          } else {
            worksheet_write_string(ws, row, c, v.c_str(), text);
          }
          break;
        case CellType::Code:
          worksheet_write_string(ws, row, c, v.c_str(), code);
          break;
        case CellType::Text:
          worksheet_write_string(ws, row, c, v.c_str(), text);  // never a formula, whatever it starts with
          break;
      }
    }
  }
  worksheet_freeze_panes(ws, 1, 2);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()), static_cast<lxw_col_t>(cols - 1));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  std::string title = HeaderText(PlanTitle(plan, options.language) + " — " + OfficialYear(options.year, options.language));
  worksheet_set_header(ws, ("&L&8" + title).c_str());
  worksheet_set_footer(ws, en ? "&R&8Page &P / &N" : "&R&8Səhifə &P / &N");

  std::string bytes, error;
  if (!CloseWorkbookToBytes(wb, path, &bytes, &error)) return {};
  return bytes;
}

}  // namespace azplan
