#include "core/exporters.h"

#include <algorithm>

#include "core/export_table.h"
#include "core/plan_index.h"
#include "core/plan_json.h"

namespace azplan {

const std::vector<ExportFormat>& ExportFormats() {
  static const std::vector<ExportFormat> kFormats = {
      {"json", "plan", "json", "application/json", &ExportJson},
      {"csv", "measures", "csv", "text/csv;charset=utf-8", &ExportCsv},
      {"indicators-csv", "indicators", "csv", "text/csv;charset=utf-8", &ExportIndicatorsCsv},
      {"xlsx", "measures", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &ExportXlsx},
      {"html", "report", "html", "text/html;charset=utf-8", &ExportHtml},
      {"gantt-svg", "gantt", "svg", "image/svg+xml", &ExportGanttSvg},
      {"gantt-a4", "gantt-a4", "html", "text/html;charset=utf-8", &ExportGanttPagesA4},
      {"gantt-a3", "gantt-a3", "html", "text/html;charset=utf-8", &ExportGanttPagesA3},
      {"timeline-svg", "timeline", "svg", "image/svg+xml", &ExportTimelineSvg},
      {"mspdi", "msproject", "xml", "application/xml", &ExportMspdi},
  };
  return kFormats;
}

const ExportFormat* FindExportFormat(std::string_view key) {
  for (const auto& f : ExportFormats())
    if (key == f.key) return &f;
  return nullptr;
}

const char* StatusMark(Status s) {
  switch (s) {
    case Status::Executed: return "✔";
    case Status::Partial: return "◐";
    case Status::NotExecuted: return "✘";
    case Status::NotAssessed: return "–";
    case Status::Pending: return "…";
  }
  return "";
}

static std::string AsciiSlug(std::string_view s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"ə", "e"}, {"Ə", "e"}, {"ı", "i"}, {"İ", "i"}, {"ş", "sh"}, {"Ş", "sh"}, {"ç", "ch"}, {"Ç", "ch"},
      {"ğ", "gh"}, {"Ğ", "gh"}, {"ö", "o"}, {"Ö", "o"}, {"ü", "u"}, {"Ü", "u"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool mapped = false;
    for (const auto& [from, to] : kMap) {
      size_t n = std::char_traits<char>::length(from);
      if (s.compare(i, n, from) == 0) {
        out += to;
        i += n;
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    char c = s[i++];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "plan" : out;
}

std::string ExportFileName(const Plan& plan, int year, const ExportFormat& format) {
  std::string base = !plan.id.empty() ? plan.id : plan.title;
  if (base.empty() && plan.documents.size() == 1) base = plan.documents[0].id;
  return AsciiSlug(base) + "-" + std::to_string(year) + "-" + format.kind + "." + format.extension;
}

static int LatestAssessedYear(const std::vector<Node>& nodes) {
  int latest = 0;
  for (const auto& n : nodes) {
    for (const auto& a : n.assessments)
      if (a.status) latest = std::max(latest, a.year);
    latest = std::max(latest, LatestAssessedYear(n.children));
  }
  return latest;
}

int DefaultMonitoringYear(const Plan& plan) {
  // A walk over the nodes, not a PlanIndex: opening a plan calls this, and a second index
  // of a 10,000-measure plan would cost as much as the first.
  int latest = 0, first = 0;
  for (const auto& d : plan.documents) latest = std::max(latest, LatestAssessedYear(d.nodes));
  for (const auto& d : plan.documents)
    if (d.period.IsSet() && (!first || d.period.start < first)) first = d.period.start;
  return latest ? latest : (first ? first : 2017);
}

std::string ExportJson(const Plan& plan, const ExportOptions&) { return SavePlan(plan); }

namespace {

// Every text cell is quoted, so a `;` or `,` inside never splits it whichever separator
// the reader's import guesses (LibreOffice's dialog splits on comma and semicolon, Excel
// under an Azerbaijani locale on semicolon). Numbers and ISO dates stay bare for the
// reader to recognise. A cell a spreadsheet would run as a formula gets a leading quote.
// A code that starts with a digit gets an invisible WORD JOINER (U+2060) in front: quoting
// alone does not stop LibreOffice or Excel reading "5.1" as a number and, under an
// Azerbaijani or German locale with number detection, "5.1.10" as 5 January 2010. Tried
// with LibreOffice 7.4 (docs/exports.md): plain, quoted, trailing-dot and U+00A0-suffixed
// codes all turned into numbers or dates under one setting or another; `="5.1"` survives
// but is a formula every other reader shows as such; U+2060 kept every code as text under
// every setting and displays as nothing.
std::string CsvCell(const std::string& s, CellType type) {
  if (s.empty()) return s;
  if (type == CellType::Number || type == CellType::Date) return s;
  std::string v = s;
  if (type == CellType::Code && v[0] >= '0' && v[0] <= '9') v.insert(0, "\u2060");
  if (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') v.insert(v.begin(), '\'');
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

// A cell of the other CSV exports (indicators): a plain number stays bare for the reader
// to recognise, anything else is quoted text.
std::string CsvCell(const std::string& s) {
  bool number = !s.empty() && s.size() < 32;
  for (size_t i = 0; number && i < s.size(); ++i)
    number = (s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i > 0) || (s[i] == '-' && i == 0 && s.size() > 1);
  return CsvCell(s, number ? CellType::Number : CellType::Text);
}

std::string ExportCsv(const Plan& plan, const ExportOptions& options) {
  ExportTable table = BuildExportTable(plan, options);
  std::string out = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read UTF-8
  for (size_t c = 0; c < table.columns.size(); ++c) out += (c ? "," : "") + CsvCell(table.columns[c].header, CellType::Text);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + CsvCell(row[c], table.columns[c].type);
    out += "\r\n";
  }
  return out;
}

}  // namespace azplan
