// Reading agency returns: .xlsx, CSV and azplan JSON become one table shape
// (sheet_table.h), then every row is checked against the plan. A bad row gets a message
// with file, sheet and row and is left out; the good rows import.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/dates.h"
#include "core/exporters.h"
#include "core/indicators.h"
#include "core/returns.h"
#include "core/returns_layout.h"
#include "core/sheet_table.h"
#include "core/text.h"
#include "core/zip_archive.h"

namespace azplan {
using namespace returns;

std::string ReturnMessage::Format() const {
  std::string s = file;
  if (!sheet.empty()) s += ", sheet " + sheet;
  if (row > 0) s += ", row " + std::to_string(row);
  return s + (error ? ": " : ": warning: ") + text;
}

std::optional<Status> ParseReturnStatus(const std::string& raw) {
  std::string s = FoldCaseAz(CollapseSpaces(Trim(raw)));
  if (s.empty()) return std::nullopt;
  static const std::pair<const char*, Status> kMarks[] = {
      {"✔", Status::Executed}, {"✓", Status::Executed}, {"◐", Status::Partial},
      {"✘", Status::NotExecuted}, {"✗", Status::NotExecuted}, {"–", Status::NotAssessed}};
  for (const auto& [mark, st] : kMarks) {
    size_t len = std::strlen(mark);
    if (s.compare(0, len, mark) != 0) continue;
    std::string rest = Trim(s.substr(len));
    if (rest.empty()) return st;
    // "✔ icra edilmişdir": the mark and a label must agree.
    std::optional<Status> label = ParseReturnStatus(rest);
    return label == st ? label : std::nullopt;
  }
  static const std::map<std::string, Status> kWords = {
      {"executed", Status::Executed}, {"partial", Status::Partial}, {"partially executed", Status::Partial},
      {"notexecuted", Status::NotExecuted}, {"not executed", Status::NotExecuted},
      {"notassessed", Status::NotAssessed}, {"not assessed", Status::NotAssessed},
      {"icra edilmişdir", Status::Executed}, {"icra edilib", Status::Executed},
      {"qismən icra edilmişdir", Status::Partial}, {"qismən icra edilib", Status::Partial}, {"qismən", Status::Partial},
      {"icra edilməmişdir", Status::NotExecuted}, {"icra edilməyib", Status::NotExecuted},
      {"qiymətləndirilmir", Status::NotAssessed}, {"icrası qiymətləndirilmir", Status::NotAssessed},
      {"1", Status::Executed}, {"1.0", Status::Executed}, {"1,0", Status::Executed},
      {"0.5", Status::Partial}, {"0,5", Status::Partial}, {".5", Status::Partial}, {",5", Status::Partial},
      {"0", Status::NotExecuted}, {"0.0", Status::NotExecuted}, {"0,0", Status::NotExecuted}};
  auto it = kWords.find(s);
  if (it != kWords.end()) return it->second;
  return std::nullopt;
}

namespace {

struct Reader {
  const PlanIndex& index;
  int year;
  std::string file;
  std::vector<ReturnMessage>* messages;
  ReturnFile result;
  std::string sheet;

  void Say(bool error, int row, std::string text) {
    messages->push_back({error, file, sheet, row, std::move(text)});
  }
  ReturnFile Refuse(int row, std::string text) {
    Say(true, row, std::move(text) + "; nothing was imported from this file");
    result.refused = true;
    result.rows.clear();
    result.indicators.clear();
    return result;
  }

  static std::string HeadingKey(const std::string& line) {
    // "Status (2017)" → "status"; a year in brackets is checked separately.
    std::string s = Trim(line);
    if (!s.empty() && s.back() == ')') {
      size_t open = s.rfind(" (");
      if (open != std::string::npos) s = s.substr(0, open);
    }
    return FoldCaseAz(CollapseSpaces(s));
  }
  static int HeadingYear(const std::string& cell) {
    size_t open = cell.rfind('(');
    return open == std::string::npos ? 0 : std::atoi(cell.c_str() + open + 1);
  }
  static int ColumnOf(const std::string& cell) { return ColumnIn(cell, Spec, kColumns); }
  static int KpiColumnOf(const std::string& cell) { return ColumnIn(cell, KpiSpec, kKpiColumns); }
  static int ColumnIn(const std::string& cell, const ColumnSpec& (*spec)(int), int count) {
    size_t start = 0;
    while (start <= cell.size()) {
      size_t nl = cell.find('\n', start);
      std::string line = cell.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      // A heading typed on one line as "Kod / Code" works too.
      size_t slash = line.find(" / ");
      std::string parts[2] = {slash == std::string::npos ? line : line.substr(0, slash),
                              slash == std::string::npos ? "" : line.substr(slash + 3)};
      for (const std::string& part : parts) {
        std::string key = HeadingKey(part);
        if (key.empty()) continue;
        for (int c = 0; c < count; ++c)
          if (key == HeadingKey(spec(c).az) || key == HeadingKey(spec(c).en)) return c;
      }
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return -1;
  }

  // A formula in a cell to fill in refuses the row (the value is typed, not computed).
  template <class Inputs>
  bool RefuseFormulas(const SheetRow& row, const int* columns, const Inputs& inputs) {
    bool formula = false;
    for (int c : inputs)
      if (columns[c] >= 0 && static_cast<size_t>(columns[c]) < row.cells.size() &&
          row.cells[static_cast<size_t>(columns[c])].formula) {
        Say(true, row.number, "cell " + ColumnName(columns[c]) + std::to_string(row.number) +
                                  " holds a formula; type the value itself");
        formula = true;
      }
    if (formula) ++result.rowsRefused;
    return formula;
  }

  // The fixed columns are protected in the form; a change means the row no longer says
  // what the coordinator sent, and it is refused.
  bool RefuseChanged(const SheetRow& row, int column, const std::string& heading, const std::string& given,
                     const std::string& expected) {
    if (column < 0) return false;
    if (CollapseSpaces(given) == CollapseSpaces(Trim(expected))) return false;
    ++result.rowsRefused;
    Say(true, row.number, "protected cell " + ColumnName(column) + std::to_string(row.number) + " (" + heading +
                              ") was changed from \"" + EllipsizeChars(expected, 60) + "\" to \"" +
                              EllipsizeChars(given, 60) + "\"");
    return true;
  }

  static std::string Cell(const SheetRow& r, int col) {
    return col >= 0 && static_cast<size_t>(col) < r.cells.size() ? r.cells[static_cast<size_t>(col)].text : "";
  }

  // Whether a row holds any text at all, and any in the columns an agency fills in.
  struct Filled {
    bool any = false, inputs = false;
  };
  template <size_t N>
  static Filled FilledOf(const SheetRow& row, const int* columns, const int (&inputs)[N]) {
    Filled f;
    for (const auto& c : row.cells) f.any = f.any || !IsBlank(c.text);
    for (int c : inputs) f.inputs = f.inputs || !IsBlank(Cell(row, columns[c]));
    return f;
  }

  // Dates as people and spreadsheets give them: ISO, dd.mm.yyyy, dd/mm/yyyy, or a
  // spreadsheet's day serial (1900 date system).
  static std::string NormaliseDate(const SheetCell& cell, bool* ok) {
    *ok = true;
    std::string s = Trim(cell.text);
    if (s.empty()) return s;
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
        std::sscanf(s.c_str(), "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3 ||
        std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3) {
      if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
      }
    } else if (cell.number) {
      double serial = std::atof(s.c_str());
      if (serial >= 367 && serial < 120000) {  // 1901 … 2228
        int days = static_cast<int>(std::floor(serial)) - 25569;  // 1970-01-01 is serial 25569
        CivilFromDays(days, y, m, d);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
      }
    }
    *ok = false;
    return "";
  }

  // The rows of an indicators sheet (header block already checked): each filled row is a
  // measured value for the year of an indicator the agency owns, typed as the Indicators
  // view accepts it (12,5 · 12.5 · 12,5 % · 1 234,5; a unit must be the indicator's).
  ReturnFile InterpretIndicators(const SheetTable& table, int headerAt, const int* columns) {
    const Plan& plan = *index.plan();
    const std::string& agencyId = result.agencyId;
    std::unordered_map<std::string, int> byId;
    for (size_t k = 0; k < plan.kpis.size(); ++k) byId.emplace(plan.kpis[k].id, static_cast<int>(k));
    std::unordered_map<int, int> seen;  // kpi → row
    std::vector<std::string> owners;
    const int inputs[] = {kKpiValue, kKpiSource, kKpiNote, kKpiReportedBy, kKpiDate};
    for (size_t r = static_cast<size_t>(headerAt) + 1; r < table.rows.size(); ++r) {
      const SheetRow& row = table.rows[r];
      auto cell = [&](int c) { return Trim(Cell(row, columns[c])); };
      const Filled filled = FilledOf(row, columns, inputs);
      if (!filled.any || !filled.inputs) continue;  // an indicator left empty: nothing reported
      std::string id = cell(kKpiId);
      if (id.empty()) {
        ++result.rowsRefused, Say(true, row.number, "no indicator ID: the row cannot be matched to an indicator");
        continue;
      }
      auto found = byId.find(id);
      if (found == byId.end()) {
        ++result.rowsRefused, Say(true, row.number, "unknown indicator ID " + id);
        continue;
      }
      const int k = found->second;
      const Kpi& kpi = plan.kpis[static_cast<size_t>(k)];
      auto changed = [&](int c, const std::string& expected) {
        return RefuseChanged(row, columns[c], KpiSpec(c).en, cell(c), expected);
      };
      if (changed(kKpiName, kpi.name) || changed(kKpiUnit, kpi.unit)) continue;
      owners.clear();
      KpiAgencies(index, k, &owners);
      if (std::find(owners.begin(), owners.end(), agencyId) == owners.end()) {
        ++result.rowsRefused, Say(true, row.number, "indicator " + id + " is not one of " + agencyId + "'s indicators");
        continue;
      }
      if (RefuseFormulas(row, columns, inputs)) continue;
      std::string valueText = cell(kKpiValue);
      if (valueText.empty()) {
        ++result.rowsRefused, Say(true, row.number, "indicator " + id + ": no measured value given");
        continue;
      }
      std::string why;
      std::optional<KpiValue> value =
          MakeMeasuredValue(kpi, year, valueText, cell(kKpiSource), cell(kKpiNote), &why);
      if (!value) {
        ++result.rowsRefused;
        Say(true, row.number, "indicator " + id + ": value \"" + EllipsizeChars(valueText, 40) + "\" not accepted: " + why);
        continue;
      }
      if (auto [it, fresh] = seen.emplace(k, row.number); !fresh) {
        ++result.rowsRefused;
        Say(true, row.number, "indicator " + id + " appears again (first on row " + std::to_string(it->second) +
                                  "); this row is left out");
        continue;
      }
      value->reportedBy = cell(kKpiReportedBy);
      if (columns[kKpiDate] >= 0 && static_cast<size_t>(columns[kKpiDate]) < row.cells.size()) {
        bool ok = true;
        value->date = NormaliseDate(row.cells[static_cast<size_t>(columns[kKpiDate])], &ok);
        if (!ok)
          Say(false, row.number, "date \"" + cell(kKpiDate) + "\" not understood (use YYYY-MM-DD); left empty");
      }
      IndicatorReturnRow ir;
      ir.kpiId = id;
      ir.kpi = k;
      ir.sheet = sheet;
      ir.row = row.number;
      ir.value = std::move(*value);
      result.indicators.push_back(std::move(ir));
    }
    return result;
  }

  // Whether a table has a row of return-form headings (measures or indicators).
  static bool HasHeadings(const SheetTable& table) {
    for (size_t r = 0; r < table.rows.size() && r < 40; ++r) {
      bool status = false, value = false, id = false;
      for (const auto& c : table.rows[r].cells) {
        int col = ColumnOf(c.text), kcol = KpiColumnOf(c.text);
        status = status || col == kStatus;
        id = id || col == kId || col == kCode;
        value = value || kcol == kKpiValue;
      }
      if (id && (status || value)) return true;
    }
    return false;
  }

  ReturnFile Interpret(const SheetTable& table) {
    sheet = table.sheet;
    result.file = file;
    for (const auto& w : table.warnings) Say(false, 0, w);
    const Plan& plan = *index.plan();
    std::string planKey;
    int fileYear = 0, yearRow = 0, agencyRow = 0;
    std::string agencyId;
    int headerAt = -1;
    int columns[kColumns];
    int kpiColumns[kKpiColumns];
    bool indicators = false;  // the table is an indicators sheet
    // The header block and the headings are within the first rows.
    for (size_t r = 0; r < table.rows.size() && r < 40 && headerAt < 0; ++r) {
      const SheetRow& row = table.rows[r];
      for (size_t c = 0; c + 1 < row.cells.size(); ++c) {
        std::string label = FoldCaseAz(Trim(row.cells[c].text));
        std::string value = Trim(row.cells[c + 1].text);
        if (label == FoldCaseAz(kPlanLabel) || label == "plan") planKey = value;
        else if (label == FoldCaseAz(kYearLabel) || label == "il" || label == "year")
          fileYear = std::atoi(value.c_str()), yearRow = row.number;
        else if (label == FoldCaseAz(kAgencyLabel) || label == "qurum" || label == "agency")
          agencyId = value, agencyRow = row.number;
      }
      std::fill(columns, columns + kColumns, -1);
      for (size_t c = 0; c < row.cells.size(); ++c) {
        int col = ColumnOf(row.cells[c].text);
        if (col >= 0 && columns[col] < 0) columns[col] = static_cast<int>(c);
      }
      std::fill(kpiColumns, kpiColumns + kKpiColumns, -1);
      for (size_t c = 0; c < row.cells.size(); ++c) {
        int col = KpiColumnOf(row.cells[c].text);
        if (col >= 0 && kpiColumns[col] < 0) kpiColumns[col] = static_cast<int>(c);
      }
      int yearColumn = -1;
      if (columns[kStatus] >= 0 && (columns[kId] >= 0 || columns[kCode] >= 0)) {
        yearColumn = columns[kStatus];
      } else if (kpiColumns[kKpiValue] >= 0 && kpiColumns[kKpiId] >= 0) {
        yearColumn = kpiColumns[kKpiValue];
        indicators = true;
      }
      if (yearColumn >= 0) {
        headerAt = static_cast<int>(r);
        int headingYear = HeadingYear(row.cells[static_cast<size_t>(yearColumn)].text);
        if (!fileYear && headingYear) fileYear = headingYear, yearRow = row.number;
      }
    }
    if (headerAt < 0)
      return Refuse(0, "no row of column headings (with \"Kod / Code\" or \"İD / ID\" and \"Status\", or \"İD / ID\" "
                       "and \"Ölçülmüş dəyər / Measured value\") in the first 40 rows: not an azplan return form");
    if (!planKey.empty() && planKey != PlanKey(plan))
      return Refuse(0, "this return was made for the plan \"" + planKey + "\", not for the open plan \"" +
                           PlanKey(plan) + "\"");
    if (fileYear && fileYear != year)
      return Refuse(yearRow, "this return is for " + std::to_string(fileYear) + ", but returns are being merged for " +
                                 std::to_string(year));
    if (!fileYear) Say(false, 0, "the return names no year; taken as " + std::to_string(year));
    if (agencyId.empty()) return Refuse(0, "the return names no agency (\"Qurum / Agency\" in the header)");
    if (!plan.FindAgency(agencyId)) return Refuse(agencyRow, "unknown agency \"" + agencyId + "\"");
    if (!result.agencyId.empty() && result.agencyId != agencyId)
      return Refuse(agencyRow, "this sheet is for the agency \"" + agencyId + "\", an earlier sheet of the file for \"" +
                                   result.agencyId + "\"");
    result.agencyId = agencyId;
    result.year = year;
    if (indicators) return InterpretIndicators(table, headerAt, kpiColumns);

    std::unordered_multimap<std::string, int> byCode;
    if (columns[kId] < 0)
      for (int i = 0; i < index.Size(); ++i)
        if (IsAssessableKind(index[i].node->kind)) byCode.emplace(index[i].node->code, i);
    std::unordered_map<int, int> seen;  // item → row
    std::vector<std::string> agencies;
    const int inputs[] = {kStatus, kWorkDone, kEvidence, kReportedBy, kDate};
    for (size_t r = static_cast<size_t>(headerAt) + 1; r < table.rows.size(); ++r) {
      const SheetRow& row = table.rows[r];
      auto cell = [&](int c) { return Trim(Cell(row, columns[c])); };
      const Filled filled = FilledOf(row, columns, inputs);
      if (!filled.any) continue;
      std::string id = cell(kId), code = cell(kCode);
      if (id.empty() && code.empty()) {
        if (filled.inputs) ++result.rowsRefused, Say(true, row.number, "no code or ID: the row cannot be matched to a measure");
        continue;
      }
      int item = id.empty() ? -1 : index.Find(id);
      if (id.empty()) {
        auto [a, b] = byCode.equal_range(code);
        int hits = static_cast<int>(std::distance(a, b));
        if (hits > 1) {
          ++result.rowsRefused;
          Say(true, row.number, "code " + code + " is in several documents; keep the ID column to say which");
          continue;
        }
        if (hits == 1) item = a->second;
      }
      if (item < 0 || !IsAssessableKind(index[item].node->kind)) {
        ++result.rowsRefused;
        Say(true, row.number, "unknown measure " + (id.empty() ? "code " + code : "ID " + id));
        continue;
      }
      const Node& node = *index[item].node;
      auto changed = [&](int c, const std::string& expected) {
        return RefuseChanged(row, columns[c], Spec(c).en, cell(c), expected);
      };
      if (changed(kCode, node.code) || changed(kTitle, node.title)) continue;
      agencies.clear();
      ItemAgencies(index, item, false, &agencies);
      ItemAgencies(index, item, true, &agencies);
      if (std::find(agencies.begin(), agencies.end(), agencyId) == agencies.end()) {
        ++result.rowsRefused;
        Say(true, row.number, "measure " + node.code + " is not one of " + agencyId + "'s measures");
        continue;
      }
      if (RefuseFormulas(row, columns, inputs)) continue;
      std::string statusText = cell(kStatus);
      if (statusText.empty()) {
        if (filled.inputs) ++result.rowsRefused, Say(true, row.number, "measure " + node.code + ": no status given");
        continue;
      }
      std::optional<Status> status = ParseReturnStatus(statusText);
      if (!status) {
        ++result.rowsRefused;
        Say(true, row.number, "status \"" + EllipsizeChars(statusText, 40) +
                                  "\" is not one of the four (icra edilmişdir, qismən icra edilmişdir, icra "
                                  "edilməmişdir, qiymətləndirilmir; ✔ ◐ ✘ –; 1, 0.5, 0)");
        continue;
      }
      if (auto [it, fresh] = seen.emplace(item, row.number); !fresh) {
        ++result.rowsRefused;
        Say(true, row.number, "measure " + node.code + " appears again (first on row " + std::to_string(it->second) +
                                  "); this row is left out");
        continue;
      }
      ReturnRow rr;
      rr.nodeId = index[item].id;
      rr.item = item;
      rr.sheet = sheet;
      rr.row = row.number;
      rr.status = *status;
      rr.workDone = cell(kWorkDone);
      rr.evidence = cell(kEvidence);
      rr.reportedBy = cell(kReportedBy);
      if (columns[kDate] >= 0 && static_cast<size_t>(columns[kDate]) < row.cells.size()) {
        bool ok = true;
        rr.date = NormaliseDate(row.cells[static_cast<size_t>(columns[kDate])], &ok);
        if (!ok)
          Say(false, row.number, "date \"" + cell(kDate) + "\" not understood (use YYYY-MM-DD); left empty");
      }
      result.rows.push_back(std::move(rr));
    }
    return result;
  }
};

// JSON returns become the same tables: header block, headings, rows; its "indicators"
// a second table like the indicators sheet.
bool JsonTable(const std::string& text, SheetTable* table, SheetTable* indicatorTable, std::string* error) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "not valid JSON";
    return false;
  }
  if (!j.contains("azplanReturn")) {
    *error = "a JSON file but not an azplan return (no \"azplanReturn\" key)";
    return false;
  }
  auto str = [](const nlohmann::json& v) -> std::string {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", v.get<double>());
      return buf;
    }
    return "";
  };
  table->sheet = "rows";
  auto meta = [&](const char* label, const char* key) {
    SheetRow r;
    r.number = 0;
    r.cells.push_back({label});
    r.cells.push_back({j.contains(key) ? str(j[key]) : ""});
    table->rows.push_back(std::move(r));
  };
  meta(kPlanLabel, "plan");
  meta(kYearLabel, "year");
  meta(kAgencyLabel, "agency");
  static const char* kKeys[kColumns] = {"id", "code", "title", nullptr, nullptr, nullptr, nullptr,
                                        "status", "workDone", "evidence", "reportedBy", "date"};
  SheetRow head;
  for (int c = 0; c < kColumns; ++c) head.cells.push_back({kKeys[c] ? Spec(c).en : ""});
  table->rows.push_back(std::move(head));
  const bool hasIndicators = j.contains("indicators");
  const nlohmann::json& rows = j.contains("rows") ? j["rows"] : hasIndicators ? nlohmann::json::array() : nlohmann::json();
  if (!rows.is_array()) {
    *error = "\"rows\" must be an array";
    return false;
  }
  if (hasIndicators) {
    const nlohmann::json& list = j["indicators"];
    if (!list.is_array()) {
      *error = "\"indicators\" must be an array";
      return false;
    }
    indicatorTable->sheet = "indicators";
    indicatorTable->rows.assign(table->rows.begin(), table->rows.begin() + 3);  // the header block
    static const char* kKpiKeys[kKpiColumns] = {"id", "name", "unit", nullptr, nullptr, nullptr, nullptr,
                                                "value", "source", "note", "reportedBy", "date"};
    SheetRow kh;
    for (int c = 0; c < kKpiColumns; ++c) kh.cells.push_back({kKpiKeys[c] ? KpiSpec(c).en : ""});
    indicatorTable->rows.push_back(std::move(kh));
    int n = 0;
    for (const auto& row : list) {
      SheetRow r;
      r.number = ++n;  // indicators[n-1]
      for (int c = 0; c < kKpiColumns; ++c)
        r.cells.push_back({kKpiKeys[c] && row.is_object() && row.contains(kKpiKeys[c]) ? str(row[kKpiKeys[c]]) : ""});
      indicatorTable->rows.push_back(std::move(r));
    }
  }
  int n = 0;
  for (const auto& row : rows) {
    SheetRow r;
    r.number = ++n;  // rows[n-1]
    for (int c = 0; c < kColumns; ++c)
      r.cells.push_back({kKeys[c] && row.is_object() && row.contains(kKeys[c]) ? str(row[kKeys[c]]) : ""});
    table->rows.push_back(std::move(r));
  }
  return true;
}

}  // namespace

ReturnFile ReadReturn(const PlanIndex& index, int year, const std::string& fileName, const std::string& bytes,
                      std::vector<ReturnMessage>* messages, const ReturnReadLimits& limits) {
  Reader reader{index, year, fileName, messages, {}, {}};
  reader.result.file = fileName;
  if (bytes.size() > limits.maxFileBytes)
    return reader.Refuse(0, "the file is " + std::to_string(bytes.size() >> 20) + " MiB, more than the " +
                                std::to_string(limits.maxFileBytes >> 20) + " MiB a return can be");
  SheetLimits sl;
  sl.maxPartBytes = limits.maxPartBytes;
  sl.maxRows = limits.maxRows;
  SheetTable table;
  std::string error;
  if (LooksLikeZip(bytes)) {
    // The measures sheet and, where the agency owns indicators, the indicators sheet; a
    // few more visible sheets are looked at so that one the agency added is named.
    std::vector<SheetTable> tables;
    if (!ReadXlsxTables(bytes, sl, 4, &tables, &error)) return reader.Refuse(0, error);
    bool any = false;
    for (const auto& t : tables) any = any || Reader::HasHeadings(t);
    if (!any) return reader.Interpret(tables.front());  // says why it is not a form
    for (const auto& t : tables) {
      if (!Reader::HasHeadings(t)) {
        reader.sheet = t.sheet;
        for (const auto& w : t.warnings) reader.Say(false, 0, w);
        reader.Say(false, 0, "this sheet has no return-form headings and was not read");
        continue;
      }
      reader.Interpret(t);
      if (reader.result.refused) break;
    }
    return reader.result;
  }
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && bytes.compare(first, 3, "\xEF\xBB\xBF") != 0 && bytes[first] == '{') {
    reader.sheet = "rows";
    SheetTable indicatorTable;
    if (!JsonTable(bytes, &table, &indicatorTable, &error)) return reader.Refuse(0, error);
    reader.Interpret(table);
    if (!reader.result.refused && !indicatorTable.rows.empty()) reader.Interpret(indicatorTable);
    return reader.result;
  }
  // Anything else must be CSV text. A binary file (a renamed .xls, a PDF) fails here.
  if (bytes.find('\0') != std::string::npos || !IsValidUtf8(bytes))
    return reader.Refuse(0, "neither .xlsx, CSV nor JSON (binary or not UTF-8); save the form as .xlsx or as "
                            "CSV with the UTF-8 character set");
  // ';' (Azerbaijani locales) or ','; the one whose header row is found wins.
  std::string lastError;
  for (char sep : {';', ','}) {
    SheetTable t;
    if (!ReadCsvTable(bytes, sep, sl, &t, &error)) return reader.Refuse(0, error);
    std::vector<ReturnMessage> probe;
    Reader trial{index, year, fileName, &probe, {}, {}};
    trial.Interpret(t);
    bool noHeader = trial.result.refused && !probe.empty() && probe.back().text.find("column headings") != std::string::npos;
    if (!noHeader || sep == ',') return reader.Interpret(t);
  }
  return reader.result;
}

std::string ReturnJson(const PlanIndex& index, const std::string& agencyId, const ReturnFormOptions& options) {
  nlohmann::ordered_json j;
  j["azplanReturn"] = 1;
  j["plan"] = PlanKey(*index.plan());
  j["year"] = options.year;
  j["agency"] = agencyId;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const FormRow& fr : ReturnFormRows(index, agencyId, options)) {
    const Node& n = *index[fr.item].node;
    nlohmann::ordered_json r;
    r["id"] = index[fr.item].id;
    r["code"] = n.code;
    r["title"] = n.title;
    // To fill in, like the spreadsheet form.
    for (const char* key : {"status", "workDone", "evidence", "reportedBy", "date"}) r[key] = "";
    rows.push_back(std::move(r));
  }
  j["rows"] = std::move(rows);
  std::vector<int> kpis = ReturnFormIndicators(index, agencyId);
  if (!kpis.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (int k : kpis) {
      const Kpi& kpi = index.plan()->kpis[static_cast<size_t>(k)];
      nlohmann::ordered_json r;
      r["id"] = kpi.id;
      r["name"] = kpi.name;
      r["unit"] = kpi.unit;
      // To fill in: the year's value as a number or as typed ("12,5 %"), its source, a note.
      for (const char* key : {"value", "source", "note", "reportedBy", "date"}) r[key] = "";
      list.push_back(std::move(r));
    }
    j["indicators"] = std::move(list);
  }
  return j.dump(2) + "\n";
}

}  // namespace azplan
