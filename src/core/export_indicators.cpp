// Indicators wherever the statuses go: the CSV (a second file), the report's section per
// document with each indicator's chart as inline SVG, and the JSON the CLI prints. Every
// state comes from AssessProgress (core/indicators.h) with its working.
#include "core/export_indicators.h"

#include <algorithm>
#include <cmath>

#include "core/exporters.h"
#include "core/indicators.h"
#include "core/markup.h"

namespace azplan {

namespace {

struct Words {
  const char *indicators, *indicator, *unit, *baseline, *targets, *measured, *state, *working, *expectedResults,
      *achieved, *onTrack, *behind, *noData, *source, *none, *counts, *expected, *path;
};
const Words kAzWords = {"İndikatorlar",  "İndikator",    "Vahid",          "Başlanğıc",     "Hədəflər",
                        "Ölçülmüş",      "Vəziyyət",     "Hesablama",      "Gözlənilən nəticələr",
                        "hədəfə çatılıb", "plan üzrədir", "geridə qalır",   "məlumat yoxdur", "Mənbə",
                        "–",             "{Y} üzrə: hədəfə çatılıb {A}, plan üzrədir {O}, geridə qalır {B}, məlumat yoxdur {N}",
                        "gözlənilən",    "yol"};
const Words kEnWords = {"Indicators", "Indicator", "Unit",   "Baseline", "Targets", "Measured", "State",
                        "Working",    "Expected results",     "achieved", "on track", "behind",   "no data",
                        "Source",     "–",        "{Y}: achieved {A}, on track {O}, behind {B}, no data {N}",
                        "expected",   "path"};

std::string E(std::string_view s) { return EscapeHtml(s); }

std::string Replace(std::string s, const std::string& key, const std::string& v) {
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + v.size())) s.replace(at, key.size(), v);
  return s;
}

const char* StateColor(Progress p) {
  switch (p) {
    case Progress::Achieved: return "#1e7a44";
    case Progress::OnTrack: return "#3a6fd8";
    case Progress::Behind: return "#b3322e";
    case Progress::NoData: break;
  }
  return "#616e7c";
}

std::string ValueText(const KpiValue& v, const std::string& unit) {
  if (v.value) return FormatAzNumber(*v.value) + (unit.empty() ? "" : " " + unit);
  return v.text;
}

std::string Targets(const Kpi& k) {
  std::string s;
  for (const auto& t : k.targets) {
    if (!s.empty()) s += "; ";
    s += std::to_string(t.year) + ": " + (t.value ? FormatAzNumber(*t.value) : "«" + t.text + "»");
  }
  return s;
}

}  // namespace

const char* ProgressLabel(Progress p, const std::string& language) {
  const Words& w = language == "en" ? kEnWords : kAzWords;
  switch (p) {
    case Progress::Achieved: return w.achieved;
    case Progress::OnTrack: return w.onTrack;
    case Progress::Behind: return w.behind;
    case Progress::NoData: break;
  }
  return w.noData;
}

std::string ProgressWorkingText(const ProgressWorking& w, const std::string& unit, const std::string& language) {
  const bool en = language == "en";
  const std::string u = unit.empty() ? "" : " " + unit;
  std::string s;
  if (w.to) {
    if (w.from)
      s += (en ? "path " : "yol: ") + FormatAzNumber(*w.from) + u + " (" + std::to_string(w.fromYear) + ") → " +
           FormatAzNumber(*w.to) + u + " (" + std::to_string(w.toYear) + ")";
    else
      s += (en ? "target " : "hədəf: ") + FormatAzNumber(*w.to) + u + " (" + std::to_string(w.toYear) + "), " +
           (en ? "no baseline" : "başlanğıc yoxdur");
    s += w.direction < 0 ? (en ? ", falling" : ", azalan") : (en ? ", rising" : ", artan");
    if (w.expected)
      s += "; " + std::string(en ? "expected in " : "") + std::to_string(w.year) + (en ? ": " : " üçün gözlənilən: ") +
           FormatAzNumber(*w.expected) + u;
  } else {
    s += en ? "targets are text only: not compared as numbers" : "hədəflər yalnız mətndir: rəqəm kimi müqayisə edilmir";
  }
  if (w.measuredYear && w.measured)
    s += "; " + std::string(en ? "measured " : "ölçülmüş ") + FormatAzNumber(*w.measured) + u;
  else if (w.why == "noValue")
    s += en ? "; nothing measured for " + std::to_string(w.year) : "; " + std::to_string(w.year) + " üçün ölçülmüş dəyər yoxdur";
  else if (w.why == "textValue")
    s += en ? "; the measured value is not a number" : "; ölçülmüş dəyər rəqəm deyil";
  else if (w.why == "noPath")
    s += en ? "; no path before the target year" : "; hədəf ilinədək yol müəyyən deyil";
  s += " → " + std::string(ProgressLabel(w.state, language));
  return s;
}

std::string IndicatorChartSvg(const Kpi& k, int year, int width, int height) {
  // Years on x, values on y; baseline, numeric targets (dashed path), measured points,
  // the monitoring year as a vertical line.
  struct P {
    int year;
    double v;
  };
  std::vector<P> path, measured;
  if (k.baseline && k.baseline->value && k.baseline->year) path.push_back({k.baseline->year, *k.baseline->value});
  for (const auto& t : k.targets)
    if (t.value && t.year) path.push_back({t.year, *t.value});
  for (const auto& m : k.measured)
    if (m.value) measured.push_back({m.year, *m.value});
  std::sort(path.begin(), path.end(), [](const P& a, const P& b) { return a.year < b.year; });
  int y0 = year, y1 = year;
  double lo = 0, hi = 0;
  bool any = false;
  for (const auto* list : {&path, &measured})
    for (const auto& p : *list) {
      y0 = std::min(y0, p.year);
      y1 = std::max(y1, p.year);
      lo = any ? std::min(lo, p.v) : p.v;
      hi = any ? std::max(hi, p.v) : p.v;
      any = true;
    }
  lo = std::min(lo, 0.0);
  if (hi <= lo) hi = lo + 1;
  if (y1 == y0) ++y1;
  const double padL = 34, padR = 8, padT = 8, padB = 16;
  auto X = [&](double yr) { return padL + (yr - y0) / (y1 - y0) * (width - padL - padR); };
  auto Y = [&](double v) { return padT + (1 - (v - lo) / (hi - lo)) * (height - padT - padB); };
  // Inline in HTML: no xmlns (the report names no URL at all).
  std::string s = "<svg class=\"kpi-chart\" width=\"" + std::to_string(width) +
                  "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" role=\"img\" aria-label=\"" + E(k.name) + "\">";
  s += "<rect x=\"" + Fmt(padL) + "\" y=\"" + Fmt(padT) + "\" width=\"" + Fmt(width - padL - padR) + "\" height=\"" +
       Fmt(height - padT - padB) + "\" fill=\"#fff\" stroke=\"#cbd2d9\"/>";
  s += "<text x=\"2\" y=\"" + Fmt(padT + 8) + "\" font-size=\"8\" fill=\"#52606d\">" + E(FormatAzNumber(hi)) + "</text>";
  s += "<text x=\"2\" y=\"" + Fmt(height - padB) + "\" font-size=\"8\" fill=\"#52606d\">" + E(FormatAzNumber(lo)) + "</text>";
  s += "<text x=\"" + Fmt(padL) + "\" y=\"" + Fmt(height - 3) + "\" font-size=\"8\" fill=\"#52606d\">" +
       std::to_string(y0) + "</text>";
  s += "<text x=\"" + Fmt(width - padR) + "\" y=\"" + Fmt(height - 3) + "\" font-size=\"8\" fill=\"#52606d\" text-anchor=\"end\">" +
       std::to_string(y1) + "</text>";
  // The monitoring year.
  s += "<line class=\"year\" x1=\"" + Fmt(X(year)) + "\" x2=\"" + Fmt(X(year)) + "\" y1=\"" + Fmt(padT) + "\" y2=\"" +
       Fmt(height - padB) + "\" stroke=\"#a67813\" stroke-width=\"1\"/>";
  if (path.size() >= 2) {
    s += "<polyline class=\"path\" fill=\"none\" stroke=\"#1f4e79\" stroke-dasharray=\"4 3\" points=\"";
    for (const auto& p : path) s += Fmt(X(p.year)) + "," + Fmt(Y(p.v)) + " ";
    s += "\"/>";
  }
  for (const auto& p : path)
    s += "<rect class=\"target\" x=\"" + Fmt(X(p.year) - 3) + "\" y=\"" + Fmt(Y(p.v) - 3) +
         "\" width=\"6\" height=\"6\" fill=\"#1f4e79\"/>";
  if (measured.size() >= 2) {
    s += "<polyline fill=\"none\" stroke=\"#1e7a44\" points=\"";
    for (const auto& p : measured) s += Fmt(X(p.year)) + "," + Fmt(Y(p.v)) + " ";
    s += "\"/>";
  }
  for (const auto& p : measured)
    s += "<circle class=\"measured\" cx=\"" + Fmt(X(p.year)) + "\" cy=\"" + Fmt(Y(p.v)) + "\" r=\"3.5\" fill=\"#1e7a44\"/>";
  s += "</svg>";
  return s;
}

std::string IndicatorsHtmlSection(const Plan& plan, const std::string& documentId, int year,
                                  const std::string& language) {
  const Words& w = language == "en" ? kEnWords : kAzWords;
  const Document* doc = plan.FindDocument(documentId);
  std::string out;
  // Expected results: the document's, then each direction's / section's.
  std::string results;
  if (doc) {
    for (const auto& r : doc->expectedResults)
      results += "<li>" + (r.code.empty() ? "" : "<b>" + E(r.code) + "</b> ") + E(r.text) + "</li>\n";
    for (const auto& n : doc->nodes)
      if (!n.expectedResults.empty()) {
        results += "<li><b>" + E(n.Heading()) + "</b><ul>\n";
        for (const auto& r : n.expectedResults) results += "<li>" + E(r) + "</li>\n";
        results += "</ul></li>\n";
      }
  }
  if (!results.empty())
    out += "<h3 class=\"expected-results\">" + E(w.expectedResults) + "</h3>\n<ul class=\"expected-results\">\n" +
           results + "</ul>\n";
  std::vector<const Kpi*> kpis;
  for (const auto& k : plan.kpis)
    if (k.documentId == documentId) kpis.push_back(&k);
  if (kpis.empty()) return out;
  ProgressCounts c = CountProgress(plan, documentId, year);
  std::string counts = w.counts;
  counts = Replace(counts, "{Y}", std::to_string(year));
  counts = Replace(counts, "{A}", std::to_string(c.achieved));
  counts = Replace(counts, "{O}", std::to_string(c.onTrack));
  counts = Replace(counts, "{B}", std::to_string(c.behind));
  counts = Replace(counts, "{N}", std::to_string(c.noData));
  out += "<h3 class=\"indicators\">" + E(w.indicators) + "</h3>\n<p class=\"indicator-counts\">" + E(counts) + "</p>\n";
  out += "<table class=\"indicators\">\n<thead><tr><th>" + E(w.indicator) + "</th><th>" + E(w.baseline) + "</th><th>" +
         E(w.targets) + "</th><th>" + E(w.measured) + "</th><th>" + E(w.state) + "</th><th></th></tr></thead>\n<tbody>\n";
  for (const Kpi* k : kpis) {
    ProgressWorking pw = AssessProgress(*k, year);
    std::string measured;
    for (const auto& m : k->measured) {
      if (!measured.empty()) measured += "<br>";
      measured += std::to_string(m.year) + ": " + E(ValueText(m, k->unit));
      if (!m.source.empty()) measured += " <small>(" + E(w.source) + ": " + E(m.source) + ")</small>";
      if (!m.note.empty()) measured += " <small>" + E(m.note) + "</small>";
    }
    out += "<tr class=\"indicator\" data-state=\"" + std::string(ProgressKey(pw.state)) + "\"><td>" + E(k->name) +
           (k->unit.empty() ? "" : " <small>[" + E(k->unit) + "]</small>") + "</td><td>" +
           (k->baseline ? E((k->baseline->year ? std::to_string(k->baseline->year) + ": " : "") +
                            ValueText(*k->baseline, k->unit))
                        : w.none) +
           "</td><td>" + E(Targets(*k)) + "</td><td>" + (measured.empty() ? w.none : measured) +
           "</td><td><b style=\"color:" + StateColor(pw.state) + "\">" + E(ProgressLabel(pw.state, language)) +
           "</b><br><small>" + E(ProgressWorkingText(pw, k->unit, language)) + "</small></td><td>" +
           IndicatorChartSvg(*k, year, 180, 70) + "</td></tr>\n";
  }
  out += "</tbody></table>\n";
  return out;
}

std::string ExportIndicatorsCsv(const Plan& plan, const ExportOptions& options) {
  std::string out = "\xEF\xBB\xBF";
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
  // One row per indicator and measured year (an indicator with no value gets one row),
  // with the monitoring year's state and working on every row of the indicator.
  row({"document", "indicator", "code", "kind", "name", "unit", "baseline year", "baseline", "baseline text",
       "targets", "year", "value", "text", "source", "note", "state " + y, "expected " + y, "working " + y,
       "reporting agency", "reported by", "reported on", "source file"});
  for (const auto& k : plan.kpis) {
    ProgressWorking pw = AssessProgress(k, options.year);
    const std::string code = k.extra.is_object() && k.extra.contains("code") && k.extra["code"].is_string()
                                 ? k.extra["code"].get<std::string>()
                                 : "";
    auto emit = [&](const KpiValue* m) {
      row({k.documentId, k.id, code, k.kind, k.name, k.unit,
           k.baseline && k.baseline->year ? std::to_string(k.baseline->year) : "",
           k.baseline && k.baseline->value ? Fmt(*k.baseline->value) : "", k.baseline ? k.baseline->text : "",
           Targets(k), m ? std::to_string(m->year) : "", m && m->value ? Fmt(*m->value) : "", m ? m->text : "",
           m ? m->source : "", m ? m->note : "", ProgressKey(pw.state), pw.expected ? Fmt(*pw.expected) : "",
           ProgressWorkingText(pw, k.unit, "en"),
           // Provenance of a value merged from an agency return (docs/returns.md).
           m ? m->reportingAgency : "", m ? m->reportedBy : "", m ? m->date : "", m ? m->sourceFile : ""});
    };
    if (k.measured.empty()) emit(nullptr);
    for (const auto& m : k.measured) emit(&m);
  }
  return out;
}

Json IndicatorsToJson(const Plan& plan, int year) {
  Json root = Json::object();
  root["year"] = year;
  Json docs = Json::array();
  std::vector<std::string> ids;
  for (const auto& d : plan.documents) ids.push_back(d.id);
  for (const auto& k : plan.kpis)
    if (std::find(ids.begin(), ids.end(), k.documentId) == ids.end()) ids.push_back(k.documentId);
  for (const auto& id : ids) {
    Json d = Json::object();
    d["documentId"] = id;
    ProgressCounts c = CountProgress(plan, id, year);
    if (c.Total() == 0) continue;
    d["counts"] = {{"achieved", c.achieved}, {"onTrack", c.onTrack}, {"behind", c.behind}, {"noData", c.noData}};
    Json list = Json::array();
    for (const auto& k : plan.kpis) {
      if (k.documentId != id) continue;
      ProgressWorking w = AssessProgress(k, year);
      Json o = Json::object();
      o["id"] = k.id;
      o["name"] = k.name;
      o["unit"] = k.unit;
      o["state"] = ProgressKey(w.state);
      Json wk = Json::object();
      auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
      wk["measured"] = opt(w.measured);
      wk["fromYear"] = w.fromYear ? Json(w.fromYear) : Json(nullptr);
      wk["from"] = opt(w.from);
      wk["toYear"] = w.toYear ? Json(w.toYear) : Json(nullptr);
      wk["to"] = opt(w.to);
      wk["expected"] = opt(w.expected);
      wk["direction"] = w.direction;
      if (!w.why.empty()) wk["why"] = w.why;
      wk["text"] = ProgressWorkingText(w, k.unit, "en");
      o["working"] = std::move(wk);
      list.push_back(std::move(o));
    }
    d["indicators"] = std::move(list);
    docs.push_back(std::move(d));
  }
  root["documents"] = std::move(docs);
  return root;
}

}  // namespace azplan
