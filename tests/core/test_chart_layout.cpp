#include <doctest/doctest.h>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/filter.h"
#include "test_util.h"

using namespace azplan;

TEST_CASE("date ↔ x is exact and zoom keeps the day under the mouse") {
  TimeAxis a;
  a.Fit(DaysFromCivil(2016, 1, 1), DaysFromCivil(2020, 12, 31), 100, 1000);
  double x = a.DayToX(DaysFromCivil(2018, 6, 1));
  CHECK(a.XToDay(x) == doctest::Approx(DaysFromCivil(2018, 6, 1)));
  double before = a.XToDay(400);
  a.ZoomAround(400, 3.0);
  CHECK(a.XToDay(400) == doctest::Approx(before));
  a.Pan(50);
  CHECK(a.XToDay(450) == doctest::Approx(before));
}

TEST_CASE("tick unit follows zoom; Azerbaijani month and quarter names") {
  CHECK(ChooseTickUnit(0.05) == TickUnit::Year);
  CHECK(ChooseTickUnit(0.6) == TickUnit::Quarter);
  CHECK(ChooseTickUnit(3.0) == TickUnit::Month);
  TimeAxis a;
  a.Fit(DaysFromCivil(2017, 1, 1), DaysFromCivil(2017, 12, 31), 0, 1200);
  auto ticks = MakeTicks(a, 0, 1200, TickUnit::Month, "az");
  std::vector<std::string> months;
  for (const auto& t : ticks)
    if (t.unit == TickUnit::Month && t.day >= DaysFromCivil(2017, 1, 1) && t.day <= DaysFromCivil(2017, 12, 31))
      months.push_back(t.label);
  REQUIRE(months.size() == 12);
  CHECK(months[5] == "İyn");
  CHECK(months[7] == "Avq");
  CHECK(QuarterName(3, "az") == "III rüb");
  CHECK(std::string(MonthName(6, "en")) == "Jun");
}

TEST_CASE("zoomed far out, year labels thin out instead of overlapping") {
  auto labels = [](double pxPerDay) {
    TimeAxis a;
    a.startDay = DaysFromCivil(2013, 1, 1);
    a.pxPerDay = pxPerDay;
    std::vector<std::string> shown;
    int years = 0;
    for (const auto& t : MakeTicks(a, 0, a.DayToX(DaysFromCivil(2028, 12, 31)), TickUnit::Year, "az")) {
      ++years;
      if (!t.label.empty()) shown.push_back(t.label);
    }
    CHECK(years >= 16);  // 2013–2028: every year keeps its grid line
    return shown;
  };
  CHECK(labels(0.2).size() >= 16);  // 73 px a year: all labelled
  CHECK(labels(0.1).size() >= 16);  // 37 px: still all
  CHECK(labels(0.09) == std::vector<std::string>{"2014", "2016", "2018", "2020", "2022", "2024", "2026", "2028"});
  CHECK(labels(0.02) == std::vector<std::string>{"2015", "2020", "2025"});  // 7 px a year (the widest zoom)
  // Wherever the stride lands, labels are never closer than the width of "2020".
  for (double px : {0.02, 0.04, 0.06, 0.08, 0.09, 0.1, 0.12}) {
    TimeAxis a;
    a.pxPerDay = px;
    a.startDay = DaysFromCivil(2013, 1, 1);
    std::vector<double> xs;
    for (const auto& t : MakeTicks(a, 0, 1500, TickUnit::Year, "az"))
      if (!t.label.empty()) xs.push_back(t.x);
    for (size_t i = 1; i < xs.size(); ++i) CHECK(xs[i] - xs[i - 1] >= 36);
  }
}

TEST_CASE("item spans: years, exact dates, relative deadlines") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  DaySpan s = ItemSpan(index, index.Find("rm/1.1.2"));
  CHECK(s.first == DaysFromCivil(2017, 1, 1));
  CHECK(s.last == DaysFromCivil(2020, 12, 31));
  // The document is approved 2016-12-06: "within three months" runs to 2017-03-06.
  plan.documents[0].nodes[0].children[0].children[2].period = Period{};
  plan.documents[0].nodes[0].children[0].children[2].period.withinMonths = 3;
  PlanIndex again(plan);
  DaySpan r = ItemSpan(again, again.Find("rm/1.1.3"));
  CHECK(r.first == DaysFromCivil(2016, 12, 6));
  CHECK(r.last == DaysFromCivil(2017, 3, 6));
}

TEST_CASE("Gantt rows: hierarchy with collapsing, document and agency grouping") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  std::vector<int> all(static_cast<size_t>(index.Size()));
  for (int i = 0; i < index.Size(); ++i) all[static_cast<size_t>(i)] = i;
  auto rows = BuildGanttRows(index, all, GanttGrouping::Hierarchy, {});
  CHECK(rows.size() == static_cast<size_t>(index.Size()));
  auto folded = BuildGanttRows(index, all, GanttGrouping::Hierarchy, {"rm/1.1.1"});
  CHECK(folded.size() == rows.size() - 4);  // its four sub-measures are hidden
  auto byDoc = BuildGanttRows(index, all, GanttGrouping::Document, {});
  CHECK(byDoc.front().header);
  CHECK(byDoc.front().count == index.Size());
  auto byAgency = BuildGanttRows(index, all, GanttGrouping::LeadAgency, {});
  // İqtisadiyyat (İ) sorts before Köhnə (K), before Rəqəmsal (R).
  std::vector<std::string> headers;
  for (const auto& r : byAgency)
    if (r.header) headers.push_back(r.label);
  CHECK(headers == std::vector<std::string>{"İqtisadiyyat Nazirliyi", "Köhnə Agentlik", "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi"});
}

TEST_CASE("visible row range culls what is off screen") {
  int first, last;
  VisibleRowRange(1000, 400, 20, 10000, first, last);
  CHECK(first == 50);
  CHECK(last == 70);
  VisibleRowRange(0, 400, 20, 5, first, last);
  CHECK(first == 0);
  CHECK(last == 5);
}

TEST_CASE("timeline lanes never let labels overlap") {
  std::vector<LaneInput> in = {{0, 0, 100}, {50, 50, 100}, {120, 120, 40}, {90, 300, 10}, {400, 400, 50}};
  auto lanes = AssignLanes(in, 8);
  CHECK(lanes[0] == 0);
  CHECK(lanes[1] == 1);
  CHECK(lanes[2] == 0);  // 0..100 + gap ends before 120
  CHECK(lanes[3] == 2);
  CHECK(lanes[4] == 0);
  for (size_t a = 0; a < in.size(); ++a)
    for (size_t b = a + 1; b < in.size(); ++b) {
      if (lanes[a] != lanes[b]) continue;
      double ra = std::max(in[a].x1, in[a].x0 + in[a].labelWidth), rb = std::max(in[b].x1, in[b].x0 + in[b].labelWidth);
      CHECK((ra + 8 <= in[b].x0 || rb + 8 <= in[a].x0));
    }
}
