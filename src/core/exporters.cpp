#include "core/exporters.h"

#include <algorithm>

#include "core/plan_index.h"
#include "core/plan_json.h"

namespace azplan {

const std::vector<ExportFormat>& ExportFormats() {
  static const std::vector<ExportFormat> kFormats = {
      {"json", "plan", "json", "application/json", &ExportJson},
      {"csv", "measures", "csv", "text/csv;charset=utf-8", &ExportCsv},
      {"indicators-csv", "indicators", "csv", "text/csv;charset=utf-8", &ExportIndicatorsCsv},
      {"html", "report", "html", "text/html;charset=utf-8", &ExportHtml},
      {"gantt-svg", "gantt", "svg", "image/svg+xml", &ExportGanttSvg},
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

std::string CsvCell(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos || v != s;
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string ExportCsv(const Plan& plan, const ExportOptions& options) {
  PlanIndex index(plan);
  std::string out = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read UTF-8
  auto row = [&](std::initializer_list<std::string> cells) {
    bool first = true;
    for (const auto& c : cells) {
      if (!first) out += ",";
      out += CsvCell(c);
      first = false;
    }
    out += "\r\n";
  };
  const std::string y = std::to_string(options.year);
  row({"document", "code", "kind", "title", "lead", "coExecutors", "start", "end", "ongoing",
       "status " + y, "mark", "note " + y});
  auto names = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) {
      const Agency* a = plan.FindAgency(id);
      if (!s.empty()) s += "; ";
      s += a ? a->name : id;
    }
    return s;
  };
  for (const auto& item : index.Items()) {
    const Node& n = *item.node;
    const Assessment* a = n.AssessmentFor(options.year);
    bool counted = IsAssessableKind(n.kind);
    Status s = EffectiveStatus(item, options.year);
    row({plan.documents[static_cast<size_t>(item.doc)].id, n.code, NodeKindKey(n.kind), n.title, names(n.lead),
         names(n.coExecutors), item.period.IsSet() ? std::to_string(item.period.start) : "",
         item.period.IsSet() ? std::to_string(item.period.end) : "", item.period.ongoing ? "mütəmadi" : "",
         counted ? StatusKey(s) : "", counted ? StatusMark(s) : "", a ? a->note : ""});
  }
  return out;
}

}  // namespace azplan
