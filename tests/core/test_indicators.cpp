// Indicators: the progress rule on hand-made cases, Azerbaijani number input and unit
// checks, recording values with undo/redo, and the JSON round trip of measured values.
#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/export_indicators.h"
#include "core/exporters.h"
#include "core/indicators.h"
#include "core/plan_json.h"
#include "test_util.h"

using namespace azplan;

namespace {
KpiValue V(int year, std::optional<double> value, std::string text = {}) {
  KpiValue v;
  v.year = year;
  v.value = value;
  v.text = std::move(text);
  return v;
}

// The cashless share: 8 % in 2016 → 30 % in 2020 → 50 % in 2025.
Kpi Rising() {
  Kpi k;
  k.id = "cashless";
  k.name = "nağdsız əməliyyatların xüsusi çəkisi";
  k.unit = "%";
  k.baseline = V(2016, 8);
  k.targets = {V(2020, 30), V(2025, 50)};
  return k;
}

// A falling target: 40 days in 2016 down to 10 in 2020.
Kpi Falling() {
  Kpi k;
  k.id = "days";
  k.name = "lisenziya müddəti";
  k.unit = "gün";
  k.baseline = V(2016, 40);
  k.targets = {V(2020, 10)};
  return k;
}
}  // namespace

TEST_CASE("progress: a rising target, on the linear path from the baseline") {
  Kpi k = Rising();
  // 2017: a quarter of the way from 8 to 30 → 13.5 expected.
  k.measured = {V(2017, 14)};
  ProgressWorking w = AssessProgress(k, 2017);
  CHECK(w.state == Progress::OnTrack);
  CHECK(w.fromYear == 2016);
  CHECK(*w.from == 8);
  CHECK(w.toYear == 2020);
  CHECK(*w.to == 30);
  CHECK(*w.expected == doctest::Approx(13.5));
  CHECK(w.direction == 1);

  k.measured = {V(2017, 13)};
  CHECK(AssessProgress(k, 2017).state == Progress::Behind);
  k.measured = {V(2017, 13.5)};  // exactly on the path
  CHECK(AssessProgress(k, 2017).state == Progress::OnTrack);
  k.measured = {V(2017, 31)};  // already past the 2020 target
  CHECK(AssessProgress(k, 2017).state == Progress::Achieved);
}

TEST_CASE("progress: after a target year the next target is the goal, anchored at the previous one") {
  Kpi k = Rising();
  k.measured = {V(2022, 38)};
  ProgressWorking w = AssessProgress(k, 2022);
  CHECK(w.fromYear == 2020);
  CHECK(*w.from == 30);
  CHECK(w.toYear == 2025);
  CHECK(*w.expected == doctest::Approx(38));  // 30 + 20 · 2/5
  CHECK(w.state == Progress::OnTrack);
  // Past the last target, the last target is what counts.
  k.measured = {V(2027, 49)};
  w = AssessProgress(k, 2027);
  CHECK(w.toYear == 2025);
  CHECK(*w.expected == 50);
  CHECK(w.state == Progress::Behind);
  // In the target year itself the target must be met.
  k.measured = {V(2020, 30)};
  CHECK(AssessProgress(k, 2020).state == Progress::Achieved);
  k.measured = {V(2020, 29.9)};
  CHECK(AssessProgress(k, 2020).state == Progress::Behind);
}

TEST_CASE("progress: a falling target reverses the comparisons") {
  Kpi k = Falling();
  k.measured = {V(2018, 24)};  // expected 40 − 30 · 2/4 = 25; 24 is better
  ProgressWorking w = AssessProgress(k, 2018);
  CHECK(w.direction == -1);
  CHECK(*w.expected == doctest::Approx(25));
  CHECK(w.state == Progress::OnTrack);
  k.measured = {V(2018, 26)};
  CHECK(AssessProgress(k, 2018).state == Progress::Behind);
  k.measured = {V(2018, 9)};
  CHECK(AssessProgress(k, 2018).state == Progress::Achieved);
}

TEST_CASE("progress: a year without data is 'no data', whatever other years hold") {
  Kpi k = Rising();
  k.measured = {V(2017, 14), V(2019, 40)};
  ProgressWorking w = AssessProgress(k, 2018);
  CHECK(w.state == Progress::NoData);
  CHECK(w.why == "noValue");
  CHECK(w.measuredYear == 0);
  // The path is still worked out, so the user sees what 2018 should have reached.
  CHECK(*w.expected == doctest::Approx(19));
  // A value recorded as text only (no number) gives no state either.
  k.measured = {V(2018, std::nullopt, "məlumat yoxdur")};
  CHECK(AssessProgress(k, 2018).why == "textValue");
}

TEST_CASE("progress: text-only targets are never read as numbers") {
  Kpi k;
  k.id = "pos";
  k.unit = "%";
  k.baseline = V(2016, 1);
  k.targets = {V(2020, std::nullopt, "8-9 faizədək")};
  k.measured = {V(2018, 5)};
  ProgressWorking w = AssessProgress(k, 2018);
  CHECK(w.state == Progress::NoData);
  CHECK(w.why == "textTargets");
  CHECK_FALSE(w.to);
  CHECK_FALSE(w.expected);
}

TEST_CASE("progress: without a baseline there is no path before the target year") {
  Kpi k;
  k.id = "lte";
  k.unit = "%";
  k.targets = {V(2020, 70), V(2025, 85)};
  k.measured = {V(2018, 50)};
  ProgressWorking w = AssessProgress(k, 2018);
  CHECK(w.state == Progress::NoData);
  CHECK(w.why == "noPath");
  k.measured = {V(2018, 72)};
  CHECK(AssessProgress(k, 2018).state == Progress::Achieved);
  // From 2020 on the previous target anchors the path to 2025.
  k.measured = {V(2021, 72)};
  w = AssessProgress(k, 2021);
  CHECK(w.fromYear == 2020);
  CHECK(*w.expected == doctest::Approx(73));
  CHECK(w.state == Progress::Behind);
}

TEST_CASE("progress: counts per document") {
  Plan p;
  Kpi a = Rising(), b = Falling(), c = Rising();
  a.documentId = b.documentId = "doc";
  c.documentId = "other";
  c.id = "c";
  a.measured = {V(2018, 40)};  // achieved
  b.measured = {V(2018, 30)};  // behind (expected 25)
  p.kpis = {a, b, c};
  ProgressCounts n = CountProgress(p, "doc", 2018);
  CHECK(n.achieved == 1);
  CHECK(n.behind == 1);
  CHECK(n.onTrack == 0);
  CHECK(n.noData == 0);
  CHECK(CountProgress(p, "other", 2018).noData == 1);
  CHECK(CountProgress(p, "", 2018).Total() == 3);
}

TEST_CASE("Azerbaijani number input: decimal comma or point, unit after the number") {
  auto num = [](const char* s) {
    auto r = ParseAzNumber(s);
    REQUIRE_MESSAGE(r, s);
    return *r;
  };
  CHECK(num("12,5").value == 12.5);
  CHECK(num("12.5").value == 12.5);
  CHECK(num("12,5 %").value == 12.5);
  CHECK(num("12,5 %").unit == "%");
  CHECK(num("12,5%").unit == "%");
  CHECK(num(" 70 faiz ").unit == "faiz");
  CHECK(num("1 234,5").value == 1234.5);
  CHECK(num("1\xC2\xA0" "234,5").value == 1234.5);  // no-break space
  CHECK(num("1.234,5").value == 1234.5);
  CHECK(num("1,234.5").value == 1234.5);
  CHECK(num("1.234.567").value == 1234567);
  CHECK(num("-3,25").value == -3.25);
  CHECK(num("2700 milyon manat").unit == "milyon manat");
  std::string err;
  CHECK_FALSE(ParseAzNumber("", &err));
  CHECK(err.find("expected a number") != std::string::npos);
  CHECK_FALSE(ParseAzNumber("faiz", &err));
  CHECK_FALSE(ParseAzNumber("12,", &err));
  CHECK_FALSE(ParseAzNumber("1,2,3", &err));
  CHECK_FALSE(ParseAzNumber("12,5 3", &err));
}

TEST_CASE("unit checks: % is faiz, other units must match, Azerbaijani case ignored") {
  std::string err;
  CHECK(UnitFits("%", ""));
  CHECK(UnitFits("%", "%"));
  CHECK(UnitFits("%", "faiz"));
  CHECK(UnitFits("%", "FAİZ"));
  CHECK(UnitFits("Mbit/s", "mbit/s"));
  CHECK(UnitFits("milyon manat", "Milyon Manat"));
  CHECK_FALSE(UnitFits("%", "Mbit/s", &err));
  CHECK(err == "the unit is %, not “Mbit/s”");
  CHECK_FALSE(UnitFits("", "%", &err));
  CHECK(FormatAzNumber(12.5) == "12,5");
  CHECK(FormatAzNumber(70) == "70");
  CHECK(FormatAzNumber(13.4999, 1) == "13,5");
}

TEST_CASE("recording a measured value: set, replace, clear, undo and redo") {
  Plan p;
  p.kpis = {Rising()};
  Editor e(p);
  KpiValue v = V(2018, 12.5);
  v.source = "Mərkəzi Bank, 2018 hesabatı";
  v.note = "ilkin";
  REQUIRE(e.Execute(SetMeasured("cashless", v)));
  REQUIRE(e.plan().kpis[0].MeasuredFor(2018));
  CHECK(e.plan().kpis[0].MeasuredFor(2018)->source == "Mərkəzi Bank, 2018 hesabatı");
  CHECK(e.Dirty());
  CHECK_FALSE(e.Execute(SetMeasured("cashless", v)));  // the same value again is no edit
  REQUIRE(e.Execute(SetMeasured("cashless", V(2017, 10))));
  CHECK(e.plan().kpis[0].measured.front().year == 2017);  // kept in year order
  REQUIRE(e.Execute(SetMeasured("cashless", V(2018, 20))));
  CHECK(*e.plan().kpis[0].MeasuredFor(2018)->value == 20);
  CHECK(e.UndoLabel() == "setMeasured");
  REQUIRE(e.Undo());
  CHECK(*e.plan().kpis[0].MeasuredFor(2018)->value == 12.5);
  CHECK(e.plan().kpis[0].MeasuredFor(2018)->note == "ilkin");
  REQUIRE(e.Execute(ClearMeasured("cashless", 2018)));
  CHECK_FALSE(e.plan().kpis[0].MeasuredFor(2018));
  CHECK_FALSE(e.Execute(ClearMeasured("cashless", 2018)));  // nothing left to clear
  CHECK_FALSE(e.Execute(SetMeasured("no-such-kpi", V(2018, 1))));
  REQUIRE(e.Undo());
  CHECK(e.plan().kpis[0].MeasuredFor(2018));
  REQUIRE(e.Redo());
  CHECK_FALSE(e.plan().kpis[0].MeasuredFor(2018));
  CHECK(e.plan().kpis[0].measured.size() == 1);
}

TEST_CASE("measured values, their source and note, and nodeIds survive a save and load") {
  Plan p;
  p.id = "t";
  Kpi k = Rising();
  k.nodeIds = {"doc/6.1.1"};
  KpiValue v = V(2018, 12.5);
  v.source = "DSK";
  v.note = "qeyd";
  k.measured = {v};
  p.kpis = {k};
  std::string text = SavePlan(p);
  CHECK(text.find("\"source\": \"DSK\"") != std::string::npos);
  Plan back = test::MustLoad(text);
  REQUIRE(back.kpis.size() == 1);
  CHECK(back.kpis[0].measured == k.measured);
  CHECK(back.kpis[0].nodeIds == k.nodeIds);
  CHECK(SavePlan(back) == text);
}

TEST_CASE("two measured values for one year are refused with the JSON path") {
  const char* text = R"({"formatVersion": 1, "kpis": [{"id": "k", "name": "n",
    "measured": [{"year": 2018, "value": 1}, {"year": 2018, "value": 2}]}]})";
  LoadResult r = LoadPlan(text, "dup.json");
  REQUIRE_FALSE(r.Ok());
  std::string all;
  for (const auto& d : r.diagnostics) all += d.Format() + "\n";
  CHECK(all.find("two measured values for 2018") != std::string::npos);
  CHECK(all.find("kpis[0].measured") != std::string::npos);
}

TEST_CASE("a typed value becomes a measured value only with a number and a fitting unit") {
  Kpi k = Rising();
  std::string err;
  auto v = MakeMeasuredValue(k, 2018, "12,5 %", "  Mərkəzi Bank ", " ilkin ", &err);
  REQUIRE(v);
  CHECK(v->year == 2018);
  CHECK(*v->value == 12.5);
  CHECK(v->source == "Mərkəzi Bank");
  CHECK(v->note == "ilkin");
  CHECK_FALSE(MakeMeasuredValue(k, 2018, "12,5 Mbit/s", "", "", &err));
  CHECK(err == "the unit is %, not “Mbit/s”");
  CHECK_FALSE(MakeMeasuredValue(k, 2018, "on iki", "", "", &err));
  CHECK(err.find("expected a number") != std::string::npos);
}

TEST_CASE("the report has a section per document with indicators, their state and an inline chart") {
  Plan p;
  Document d;
  d.id = "doc";
  d.kind = "programme";
  d.title = "Sənəd";
  d.period = {2016, 2020};
  Node dir;
  dir.code = "1";
  dir.kind = NodeKind::Direction;
  dir.title = "İstiqamət";
  dir.expectedResults = {"nəticə bir"};
  Node m;
  m.code = "1.1";
  m.kind = NodeKind::Measure;
  m.title = "Tədbir";
  Assessment a;
  a.year = 2018;
  a.status = Status::Executed;
  m.assessments = {a};
  dir.children = {m};
  d.nodes = {dir};
  p.documents = {d};
  Kpi k = Rising();
  k.documentId = "doc";
  k.measured = {V(2018, 20)};
  p.kpis = {k};
  ExportOptions o;
  o.year = 2018;
  std::string html = ExportHtml(p, o);
  CHECK(html.find("<h3 class=\"indicators\">İndikatorlar</h3>") != std::string::npos);
  CHECK(html.find("hədəfə çatılıb 0, plan üzrədir 1, geridə qalır 0, məlumat yoxdur 0") != std::string::npos);
  CHECK(html.find("data-state=\"onTrack\"") != std::string::npos);
  CHECK(html.find("<svg class=\"kpi-chart\"") != std::string::npos);
  CHECK(html.find("<circle class=\"measured\"") != std::string::npos);
  CHECK(html.find("<line class=\"year\"") != std::string::npos);
  CHECK(html.find("Gözlənilən nəticələr") != std::string::npos);
  CHECK(html.find("nəticə bir") != std::string::npos);
  std::string csv = ExportIndicatorsCsv(p, o);
  CHECK(csv.find("\"doc\",\"cashless\",,,") != std::string::npos);
  CHECK(csv.find(",2018,20,,,,\"onTrack\",19,") != std::string::npos);
  const ExportFormat* f = FindExportFormat("indicators-csv");
  REQUIRE(f);
  CHECK(ExportFileName(p, 2018, *f) == "doc-2018-indicators.csv");
}

TEST_CASE("an indicator naming a node the plan lacks is a warning with its path") {
  const char* text = R"({"formatVersion": 1, "documents": [{"id": "d", "kind": "programme", "title": "t",
    "nodes": [{"code": "1", "kind": "direction", "title": "x"}]}],
    "kpis": [{"id": "k", "name": "n", "documentId": "d", "nodeIds": ["d/1", "d/9"]}]})";
  LoadResult r = LoadPlan(text, "k.json");
  REQUIRE(r.Ok());
  std::string all;
  for (const auto& d : r.diagnostics) all += d.Format() + "\n";
  CHECK(all.find("kpis[0].nodeIds[1]: warning: no node \"d/9\" in this plan") != std::string::npos);
  CHECK(all.find("d/1\"") == std::string::npos);
}
