// The bundled plans: every file validates, load→save is byte-identical, agencies
// resolve, counts match the sources, and the roadmap's 2017 statuses reproduce every
// figure the 2017 monitoring report publishes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/dates.h"
#include "core/export_table.h"
#include "core/exporters.h"
#include "core/indicators.h"
#include "core/markup.h"
#include "core/monitoring.h"
#include "core/plan_io.h"
#include "core/returns.h"
#include "core/returns_layout.h"
#include "core/sheet_table.h"
#include "../core/test_util.h"

using namespace azplan;
namespace fs = std::filesystem;

static std::vector<NamedText> BundledFiles() {
  std::vector<NamedText> files;
  for (const auto& e : fs::directory_iterator(std::string(AZPLAN_SOURCE_DIR) + "/data/plans"))
    if (e.path().extension() == ".json") files.push_back({e.path().filename().string(), test::ReadText(e.path().string())});
  std::sort(files.begin(), files.end(), [](const NamedText& a, const NamedText& b) { return a.name < b.name; });
  return files;
}

static Plan Bundle() {
  LoadResult r = LoadPlans(BundledFiles());
  std::string all;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) all += d.Format() + "\n";
  REQUIRE_MESSAGE(r.Ok(), all);
  return std::move(*r.plan);
}

TEST_CASE("every bundled file validates on its own and the bundle resolves every agency") {
  auto files = BundledFiles();
  CHECK(files.size() == 6);
  for (const auto& f : files) {
    LoadResult r = LoadPlan(f.text, f.name);
    CHECK_MESSAGE(r.Ok(), f.name);
  }
  Plan p = Bundle();
  CHECK(p.documents.size() == 4);
  CHECK(p.agencies.size() >= 80);
}

TEST_CASE("counts per document and section equal the sources'") {
  Plan p = Bundle();
  PlanIndex index(p);
  std::map<std::string, int> measures, subs;
  for (const auto& item : index.Items()) {
    const std::string& doc = p.documents[static_cast<size_t>(item.doc)].id;
    if (IsMeasureKind(item.node->kind)) measures[doc]++;
    if (item.node->kind == NodeKind::Submeasure) subs[doc]++;
  }
  CHECK(measures["state-programme-2016-2020"] == 51);
  CHECK(measures["roadmap-telecom-2016"] == 37);
  CHECK(subs["roadmap-telecom-2016"] == 152);
  CHECK(measures["action-plan-2026-2028"] == 55);
  CHECK(measures["decree-2018-digital-government"] == 23);
}

namespace {
struct PriorityFigures {
  const char* code;
  int executed, partial, notExecuted, notAssessed;  // measure level, as in each priority's summary
  int coverPercent;                                 // the cover: weighted score of sub-measures
};
}  // namespace

TEST_CASE("the roadmap's 2017 assessments reproduce every figure the report publishes") {
  Plan p = Bundle();
  PlanIndex index(p);
  YearFigures f = ComputeFigures(index, 2017);
  const PriorityFigures kPublished[] = {
      {"1.1", 0, 1, 1, 1, 50}, {"1.2", 0, 4, 1, 1, 38}, {"1.3", 0, 0, 2, 0, 0},   {"2.1", 2, 0, 0, 1, 100},
      {"2.2", 0, 2, 1, 0, 63}, {"2.3", 1, 1, 2, 0, 58}, {"2.4", 5, 1, 0, 0, 95},  {"2.5", 2, 2, 0, 0, 83},
      {"3.1", 0, 1, 1, 0, 17}, {"3.2", 0, 1, 1, 2, 33}};
  std::map<std::string, const NodeFigures*> byCode;
  for (const auto& n : f.nodes)
    if (index[n.item].id.rfind("roadmap-telecom-2016/", 0) == 0) byCode[index[n.item].node->code] = &n;
  for (const auto& pub : kPublished) {
    CAPTURE(pub.code);
    REQUIRE(byCode.count(pub.code));
    const NodeFigures& s = *byCode[pub.code];
    CHECK(s.measures.executed == pub.executed);
    CHECK(s.measures.partial == pub.partial);
    CHECK(s.measures.notExecuted == pub.notExecuted);
    CHECK(s.measures.notAssessed == pub.notAssessed);
    CHECK(DisplayScore(s.subMeasures) == pub.coverPercent);
  }
  // Priority 2.2's summary: "Qismən icra edilmişdir 3 tədbirdən 2-si 67%", "İcra edilməmişdir 3 tədbirdən 1-i 33%".
  Shares s22 = DisplayShares(byCode["2.2"]->measures);
  CHECK(s22.partial == 67);
  CHECK(s22.notExecuted == 33);
  // The cover: targets' shares and the overall figures, at sub-measure level.
  const int kTargets[3][3] = {{6, 56, 38}, {71, 17, 12}, {17, 17, 66}};
  for (int t = 0; t < 3; ++t) {
    Shares s = DisplayShares(byCode[std::to_string(t + 1)]->subMeasures);
    CHECK(s.executed == kTargets[t][0]);
    CHECK(s.partial == kTargets[t][1]);
    CHECK(s.notExecuted == kTargets[t][2]);
  }
  const Tally* roadmap = nullptr;
  for (size_t d = 0; d < p.documents.size(); ++d)
    if (p.documents[d].id == "roadmap-telecom-2016") roadmap = &f.documents[d].subMeasures;
  REQUIRE(roadmap);
  Shares all = DisplayShares(*roadmap);
  CHECK(all.executed == 47);
  CHECK(all.partial == 28);
  CHECK(all.notExecuted == 25);
  CHECK(DisplayScore(*roadmap) == 61);
}

TEST_CASE("bundled files are in azplan's canonical layout: load then save gives the same bytes") {
  for (const auto& f : BundledFiles()) {
    LoadResult r = LoadPlan(f.text, f.name);
    REQUIRE_MESSAGE(r.Ok(), f.name);
    // When this fails after a hand edit, run: azplan-cli format data/plans/*.json
    CHECK_MESSAGE(SavePlan(*r.plan) == f.text, f.name << " is not canonical");
  }
}

// ---- corrections from the independent check against the sources (issue 14) ------------

static const Node* FindCode(const std::vector<Node>& nodes, const std::string& code) {
  for (const auto& n : nodes) {
    if (n.code == code) return &n;
    if (const Node* c = FindCode(n.children, code)) return c;
  }
  return nullptr;
}

TEST_CASE("an agency has one display name and short label in every plan file") {
  std::map<std::string, std::pair<std::string, std::string>> first;
  std::map<std::string, std::string> firstFile;
  for (const auto& f : BundledFiles()) {
    LoadResult r = LoadPlan(f.text, f.name);
    REQUIRE(r.Ok());
    for (const auto& a : r.plan->agencies) {
      auto [it, added] = first.emplace(a.id, std::make_pair(a.name, a.shortName));
      if (added) firstFile[a.id] = f.name;
      CHECK_MESSAGE(it->second.first == a.name, a.id << ": " << f.name << " vs " << firstFile[a.id]);
      CHECK_MESSAGE(it->second.second == a.shortName, a.id << " short: " << f.name << " vs " << firstFile[a.id]);
    }
  }
  Plan p = Bundle();
  const Agency* mincom = p.FindAgency("mincom");
  REQUIRE(mincom);
  CHECK(mincom->Label() == "RİNN");
  // The names the sources print stay findable as variants.
  auto has = [](const Agency& a, const std::string& v) {
    return std::find(a.variants.begin(), a.variants.end(), v) != a.variants.end();
  };
  CHECK(has(*mincom, "Rabitə və Yüksək Texnologiyalar Nazirliyi"));
  CHECK(has(*mincom, "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi"));
}

TEST_CASE("merged bodies point to their successor, flagged as general knowledge") {
  Plan p = Bundle();
  const Agency* transport = p.FindAgency("mintransport");
  REQUIRE(transport);
  CHECK(transport->successorId == "mincom");
  CHECK(transport->successorDate == "2017");
  CHECK(transport->successorHow == "merged");
  CHECK(transport->extra.value("successorFromSource", true) == false);
  const Agency* mns = p.FindAgency("mns");
  REQUIRE(mns);
  CHECK(mns->successorId == "state-security-service");
  CHECK(mns->extra.value("successorFromSource", true) == false);
  // Every successor names an agency of the bundle.
  for (const auto& a : p.agencies)
    if (!a.successorId.empty()) CHECK_MESSAGE(p.FindAgency(a.successorId), a.id);
}

TEST_CASE("the 2018 decree's inferred dates say so and open-ended duties have no end year") {
  Plan p = Bundle();
  const Document* d = p.FindDocument("decree-2018-digital-government");
  REQUIRE(d);
  CHECK(d->approved == "2018");
  CHECK_FALSE(d->approvedFromSource);
  CHECK(d->extra.value("periodFromSource", true) == false);
  int openEnded = 0, inferred = 0, relative = 0;
  PlanIndex index(p);
  for (const auto& item : index.Items()) {
    if (p.documents[static_cast<size_t>(item.doc)].id != d->id || item.node->kind != NodeKind::Assignment) continue;
    const Node& n = *item.node;
    if (n.period.withinMonths) {
      ++relative;
      continue;
    }
    CHECK_MESSAGE(n.extra.value("periodFromSource", true) == false, n.code);
    if (n.period.ongoing) {
      ++openEnded;
      CHECK_MESSAGE(n.period.end == 0, n.code << " has an invented end year");
      CHECK(item.period.ongoing);  // shown as ongoing, not as a 2018 deadline
    } else {
      ++inferred;
    }
  }
  CHECK(relative == 4);
  CHECK(openEnded == 9);
  CHECK(inferred == 10);
  CHECK(FindCode(d->nodes, "1.1")->period.ongoing);
  CHECK_FALSE(FindCode(d->nodes, "1.6")->period.ongoing);
  bool eventFlagged = false;
  for (const auto& e : p.events)
    if (e.documentId == d->id) eventFlagged = e.extra.value("dateFromSource", true) == false;
  CHECK(eventFlagged);
}

TEST_CASE("Action Plan 2026-2028: no full stop invented where the source lost its last character") {
  Plan p = Bundle();
  const Document* d = p.FindDocument("action-plan-2026-2028");
  REQUIRE(d);
  int rationales = 0, mitigations = 0;
  for (const auto& dir : d->nodes) {
    if (!dir.rationale.empty()) {
      ++rationales;
      CHECK_MESSAGE(dir.rationale.back() != '.', dir.code << " rationale");
    }
    for (const auto& r : dir.risks)
      if (!r.mitigation.empty()) {
        ++mitigations;
        CHECK_MESSAGE(r.mitigation.back() != '.', dir.code << " mitigation");
      }
  }
  CHECK(rationales == 5);
  CHECK(mitigations == 8);
}

TEST_CASE("the roadmap's 3.2 note keeps the source's typo, as data/README.md says") {
  Plan p = Bundle();
  const Document* d = p.FindDocument("roadmap-telecom-2016");
  REQUIRE(d);
  const Node* n = FindCode(d->nodes, "3.2");
  REQUIRE(n);
  REQUIRE(n->AssessmentFor(2017));
  CHECK(n->AssessmentFor(2017)->note.find("yaradılması məsədilə bu Strateji") != std::string::npos);
  CHECK(test::ReadText(std::string(AZPLAN_SOURCE_DIR) + "/data/README.md").find("“məsədilə” in the 3.2 note") !=
        std::string::npos);
}

// ---- the roadmap's 16 indicators, as the 2017 report's cover states them ---------------

namespace {
struct StatedTarget {
  int year;
  double value;  // NAN: a text-only target (a range or wording)
};
struct StatedKpi {
  const char* id;  // after "roadmap-telecom-2016-"
  const char* unit;
  int baselineYear;      // 0: no baseline year
  double baseline;       // NAN: none or text only
  std::vector<StatedTarget> targets;
};
}  // namespace

TEST_CASE("the roadmap's 16 indicators carry the baselines and targets the source states") {
  const double kText = NAN;
  // Source 001, the cover's KPI and impact columns (lines 55–160 of the seed).
  const StatedKpi kStated[] = {
      {"kpi-lte-coverage", "%", 0, kText, {{2020, 70}, {2025, 85}}},
      {"kpi-cashless-share", "%", 2016, 8, {{2020, 30}, {2025, 50}}},
      {"kpi-mobile-spending-share", "%", 2016, 0.37, {{2020, 1.41}}},
      {"kpi-pos-cashless-share", "%", 2016, 1, {{2020, kText}}},  // "8-9 faizədək"
      {"kpi-mobile-subscribers", "", 0, kText, {{2020, kText}}},
      {"kpi-pos-volume", "milyon manat", 2016, 400, {{2020, 2700}}},
      {"kpi-fixed-broadband-coverage", "%", 0, kText, {{2020, 70}, {2025, 95}}},
      {"kpi-it-graduate-employment", "%", 2016, 43, {{2020, 60}}},
      {"kpi-gateway-operators", "operator", 2016, 2, {{2020, 3}}},
      {"kpi-broadband-speed", "Mbit/s", 2016, 3.6, {{2020, 20}, {2025, 50}}},
      {"kpi-egov-level", "", 0, kText, {{2020, kText}}},
      {"kpi-esignature-banking", "%", 2016, 20, {{2020, kText}}},  // "80-100 faiz"
      {"impact-gdp", "milyon manat", 0, kText, {{2020, 235}}},
      {"impact-jobs", "iş yeri", 0, kText, {{2020, 1450}}},
      {"impact-gov-it-savings", "milyon manat", 0, kText, {{2020, 55}}},
      {"impact-ehealth-savings", "", 0, kText, {{2020, kText}}},  // two figures
  };
  Plan p = Bundle();
  int roadmapKpis = 0;
  for (const auto& k : p.kpis) roadmapKpis += k.documentId == "roadmap-telecom-2016";
  CHECK(roadmapKpis == 16);
  for (const auto& s : kStated) {
    const Kpi* k = p.FindKpi(std::string("roadmap-telecom-2016-") + s.id);
    REQUIRE_MESSAGE(k, s.id);
    CAPTURE(s.id);
    CHECK(k->unit == s.unit);
    const bool hasBaselineValue = k->baseline && k->baseline->value;
    CHECK(hasBaselineValue == !std::isnan(s.baseline));
    if (hasBaselineValue) {
      CHECK(*k->baseline->value == doctest::Approx(s.baseline));
      CHECK(k->baseline->year == s.baselineYear);
    }
    REQUIRE(k->targets.size() == s.targets.size());
    for (size_t t = 0; t < s.targets.size(); ++t) {
      CHECK(k->targets[t].year == s.targets[t].year);
      CHECK(static_cast<bool>(k->targets[t].value) == !std::isnan(s.targets[t].value));
      if (k->targets[t].value) CHECK(*k->targets[t].value == doctest::Approx(s.targets[t].value));
      CHECK_FALSE(k->targets[t].text.empty());  // the wording is always kept
    }
  }
  // Nothing is measured in the bundled data: every indicator starts with "no data".
  ProgressCounts c = CountProgress(p, "roadmap-telecom-2016", 2017);
  CHECK(c.noData == 16);
  // The cashless share worked from the data: 2017 is a quarter of the way from 8 to 30.
  ProgressWorking w = AssessProgress(*p.FindKpi("roadmap-telecom-2016-kpi-cashless-share"), 2017);
  CHECK(*w.expected == doctest::Approx(13.5));
  CHECK(w.why == "noValue");
}

TEST_CASE("open-ended duties show no end year: table/CSV, report, MSPDI, Gantt SVG, return forms, deadlines") {
  Plan p = Bundle();
  PlanIndex index(p);
  const int open11 = index.Find("decree-2018-digital-government/1.1");
  const int fixed16 = index.Find("decree-2018-digital-government/1.6");
  REQUIRE(open11 >= 0);
  REQUIRE(fixed16 >= 0);
  CHECK(index[open11].openEnded);
  CHECK_FALSE(index[fixed16].openEnded);
  int openEnded = 0;
  for (const auto& item : index.Items()) openEnded += item.openEnded;
  CHECK(openEnded == 9);  // 1.1–1.5, 4, 5.2, 5.3, 9.4; the State Programme's "mütəmadi" 2016–2020 have years
  CHECK(PeriodText(index[open11].period, "az", true) == "2018 – müddətsiz");
  CHECK(PeriodText(index[open11].period, "en", true) == "2018 – open-ended");

  // The measures table (CSV and XLSX): the period says so, no end year, no deadline.
  ExportOptions o;
  o.year = 2018;
  for (const char* lang : {"az", "en"}) {
    o.language = lang;
    ExportTable t = BuildExportTable(p, o);
    const int period = t.Column("period"), end = t.Column("end"), deadline = t.Column("deadline"),
              code = t.Column("code"), doc = t.Column("document");
    int seen = 0;
    for (const auto& row : t.rows) {
      if (row[static_cast<size_t>(doc)] != p.FindDocument("decree-2018-digital-government")->title) continue;
      if (row[static_cast<size_t>(code)] == "1.1") {
        ++seen;
        CHECK(row[static_cast<size_t>(period)] == (std::string(lang) == "en" ? "2018 – open-ended" : "2018 – müddətsiz"));
        CHECK(row[static_cast<size_t>(end)].empty());
        CHECK(row[static_cast<size_t>(deadline)].empty());
      } else if (row[static_cast<size_t>(code)] == "1.6") {
        ++seen;
        CHECK(row[static_cast<size_t>(end)] == "2018");  // a one-off task keeps its (inferred) year
      }
    }
    CHECK(seen == 2);
  }
  o.language = "az";
  // No deadline, so never overdue.
  for (int i : OverdueMeasures(index, DaysFromCivil(2020, 1, 1))) CHECK_MESSAGE(!index[i].openEnded, index[i].id);

  // The printed report, MS Project's notes and the Gantt chart.
  std::string html = ExportHtml(p, o);
  size_t count = 0;
  for (size_t at = html.find("2018 – müddətsiz"); at != std::string::npos; at = html.find("2018 – müddətsiz", at + 1)) ++count;
  CHECK(count == 9);
  std::string mspdi = ExportMspdi(p, o);
  CHECK(mspdi.find("Müddət: 2018 – müddətsiz") != std::string::npos);
  std::string svg = ExportGanttSvg(p, o);
  count = 0;
  for (size_t at = svg.find("class=\"open-end\""); at != std::string::npos; at = svg.find("class=\"open-end\"", at + 1)) ++count;
  CHECK(count == 9);
  CHECK(svg.find("(2018 – müddətsiz)</title>") != std::string::npos);

  // The return form's period column.
  ReturnFormOptions ro;
  ro.year = 2018;
  std::string xlsx, error;
  REQUIRE_MESSAGE(WriteReturnForm(index, "asan", ro, &xlsx, &error), error);
  SheetTable sheet;
  REQUIRE(ReadXlsxTable(xlsx, {}, &sheet, &error));
  int checked = 0;
  for (const auto& row : sheet.rows) {
    if (row.cells.size() <= returns::kPeriod) continue;
    if (row.cells[returns::kId].text == "decree-2018-digital-government/1.1") {
      CHECK(row.cells[returns::kPeriod].text == "2018 – müddətsiz");
      ++checked;
    }
    if (row.cells[returns::kId].text == "decree-2018-digital-government/1.6") {
      CHECK(row.cells[returns::kPeriod].text == "2018");
      ++checked;
    }
  }
  CHECK(checked == 2);
}
