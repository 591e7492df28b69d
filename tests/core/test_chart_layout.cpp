#include <doctest/doctest.h>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/filter.h"
#include "core/synthetic.h"
#include "core/text.h"
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

// The span every item and document reaches, the slow way: each item's own span.
static DaySpan UnionOfSpans(const PlanIndex& index) {
  DaySpan all;
  auto add = [&](int a, int b) {
    if (!all.known) all = {a, b, true};
    all.first = std::min(all.first, a);
    all.last = std::max(all.last, b);
  };
  for (int i = 0; i < index.Size(); ++i)
    if (DaySpan s = ItemSpan(index, i); s.known) add(s.first, s.last);
  for (const auto& d : index.plan()->documents)
    if (d.period.IsSet()) add(DaysFromCivil(d.period.start, 1, 1), DaysFromCivil(d.period.end, 12, 31));
  return all;
}

TEST_CASE("the plan's span is the union of its items' spans: years, dates and deadlines") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  auto same = [](const DaySpan& a, const DaySpan& b) {
    CHECK(a.known == b.known);
    CHECK(a.first == b.first);
    CHECK(a.last == b.last);
  };
  same(PlanSpan(PlanIndex(plan)), UnionOfSpans(PlanIndex(plan)));
  // A date past every year, a deadline before every start, and a reversed period each
  // move the ends.
  Node& a = plan.documents[0].nodes[0].children[0].children[0];
  Node& b = plan.documents[0].nodes[0].children[0].children[2];
  a.period.endDate = "2031-05";
  b.period = Period{};
  b.period.withinMonths = 1;
  for (auto& d : plan.documents) d.period = Period{};
  PlanIndex dated(plan);
  DaySpan s = PlanSpan(dated);
  same(s, UnionOfSpans(dated));
  CHECK(s.last == DaysFromCivil(2031, 5, 31));
  Node& c = plan.documents[0].nodes[0].children[0].children[1];
  c.period.start = 2035;
  c.period.end = 2010;
  PlanIndex reversed(plan);
  same(PlanSpan(reversed), UnionOfSpans(reversed));
  CHECK(PlanSpan(reversed).first <= DaysFromCivil(2010, 12, 31));
  // A large generated plan: thousands of year-only items and some with dates.
  SyntheticOptions o;
  o.measures = 2000;
  Plan big = MakeSyntheticPlan(o);
  PlanIndex bigIndex(big);
  same(PlanSpan(bigIndex), UnionOfSpans(bigIndex));
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

// ---- timeline layout --------------------------------------------------------------------

namespace {

// 7 px a character, whatever the script: Azerbaijani letters are 2 bytes but one character.
double Measure7(std::string_view s) { return 7.0 * static_cast<double>(CountChars(s)); }

struct Box {
  double x0, y0, x1, y1;
  std::string what;
};
bool Overlap(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// Every label against every other label, bar, marker and period line; all inside [x0, x1].
void CheckNothingCrosses(const TimelineLayout& lay, const TimelineMetrics& m, double x0, double x1) {
  std::vector<Box> labels, others;
  for (const auto& d : lay.docs) {
    others.push_back({d.x0, d.y + 2, d.x1, d.y + m.laneH - 2, "bar " + std::to_string(d.index)});
    if (!d.label.text.empty()) {
      Box b{d.label.x, d.label.y, d.label.x + d.label.w, d.label.y + m.textH, "doc label " + d.label.text};
      // A name inside its own bar is meant to be there: compare it with other bars only.
      labels.push_back(b);
      if (d.labelInside) {
        CHECK(b.x0 >= d.x0);
        CHECK(b.x1 <= d.x1);
      }
    }
  }
  for (const auto& e : lay.events) {
    others.push_back({e.at - m.markerR, e.markerY - m.markerR, e.at + m.markerR, e.markerY + m.markerR,
                      "marker " + std::to_string(e.index)});
    if (e.x1 > e.x0) others.push_back({e.x0, e.lineY - 1.5, e.x1, e.lineY + 1.5, "line " + std::to_string(e.index)});
    labels.push_back({e.label.x, e.label.y, e.label.x + e.label.w, e.label.y + m.textH, "event label " + e.label.text});
  }
  for (const auto& l : labels) {
    CHECK_MESSAGE(l.x0 >= x0 - 1e-9, l.what);
    CHECK_MESSAGE(l.x1 <= x1 + 1e-9, l.what);
  }
  for (size_t a = 0; a < labels.size(); ++a)
    for (size_t b = a + 1; b < labels.size(); ++b) CHECK_MESSAGE(!Overlap(labels[a], labels[b]), labels[a].what << " / " << labels[b].what);
  for (const auto& l : labels)
    for (const auto& o : others) {
      bool ownBar = l.what.rfind("doc label", 0) == 0 && o.what.rfind("bar", 0) == 0 && l.x0 >= o.x0 && l.x1 <= o.x1 &&
                    l.y0 >= o.y0 - 3 && l.y1 <= o.y1 + 3;
      if (!ownBar) CHECK_MESSAGE(!Overlap(l, o), l.what << " / " << o.what);
    }
}

}  // namespace

TEST_CASE("FitText shortens on character boundaries and says so") {
  bool cut = false;
  CHECK(FitText("Rəqəmsal", 100, Measure7, &cut) == "Rəqəmsal");
  CHECK_FALSE(cut);
  std::string s = FitText("Rəqəmsal İnkişaf", 5 * 7, Measure7, &cut);
  CHECK(cut);
  CHECK(s == "Rəqə…");
  CHECK(IsValidUtf8(s));
  CHECK(FitText("Rəqəmsal", 3, Measure7, &cut).empty());
}

TEST_CASE("axis labels are whole or absent, never cut at the edge") {
  TimeAxis axis;
  axis.originX = 0;
  axis.pxPerDay = 0.2;  // a year is 73 px
  // 2012 shows only its last 10 px: too narrow for "2012".
  axis.startDay = DaysFromCivil(2013, 1, 1) - 50;
  auto ticks = MakeTicks(axis, 0, 600, TickUnit::Year, "az");
  auto labels = PlaceAxisLabels(ticks, 0, 600, Measure7, 3);
  REQUIRE_FALSE(labels.empty());
  CHECK(labels.front().text == "2013");
  for (size_t k = 0; k < labels.size(); ++k) {
    CHECK(labels[k].x >= 0);
    CHECK(labels[k].x + Measure7(labels[k].text) <= 600);
    if (k) CHECK(labels[k - 1].x + Measure7(labels[k - 1].text) <= labels[k].x);
  }
  // With 2012's visible part wide enough, it is labelled at the left edge, whole.
  axis.startDay = DaysFromCivil(2013, 1, 1) - 200;  // 40 px of 2012
  labels = PlaceAxisLabels(MakeTicks(axis, 0, 600, TickUnit::Year, "az"), 0, 600, Measure7, 3);
  REQUIRE_FALSE(labels.empty());
  CHECK(labels.front().text == "2012");
  CHECK(labels.front().x == doctest::Approx(3));
}

TEST_CASE("timeline: crowded events take lanes, nothing crosses, long labels are shortened") {
  TimelineMetrics m;
  const double x0 = 0, x1 = 800;
  std::vector<TimelineDocIn> docs = {{0, 500, "Yol xəritəsi 2016–2020"}, {480, 800, "Strategiya"}, {300, 330, "Rəqəmsal"}};
  std::vector<TimelineEventIn> events;
  // 30 events on one day (the 2013 pile), some with periods running across the others.
  for (int k = 0; k < 30; ++k) {
    double at = 40 + k % 3;
    double end = k % 4 == 0 ? 400 : at;
    events.push_back({at, at, end, "Qərar " + std::to_string(k) + " haqqında"});
  }
  // A very long Azerbaijani title, an event hard at the right edge, a period line under later events.
  std::string longTitle;
  for (int k = 0; k < 20; ++k) longTitle += "şəxsiyyətin biometrik eyniləşdirilməsi ";
  events.push_back({200, 200, 200, longTitle});
  events.push_back({795, 795, 795, "Sonuncu hadisə"});
  events.push_back({100, 100, 700, "Uzun müddətli proqram"});
  events.push_back({150, 150, 150, "Ortada"});
  TimelineLayout lay = LayoutTimeline(docs, events, x0, x1, 50, 12, m, Measure7);
  CHECK(lay.events.size() == events.size());
  CHECK(lay.before.empty());
  CHECK(lay.after.empty());
  CheckNothingCrosses(lay, m, x0, x1);
  for (const auto& e : lay.events) {
    if (e.index == 30) {
      CHECK(e.label.shortened);
      CHECK(e.label.w <= m.maxLabelW);
      CHECK(IsValidUtf8(e.label.text));
      CHECK(e.label.text.size() < longTitle.size());
    }
    if (e.index == 31) {
      CHECK_FALSE(e.label.shortened);  // no room to the right: the label goes to the left, whole
      CHECK(e.label.x + e.label.w <= e.at);
    }
  }
  // The 30-event pile needs a lane each, but later events reuse the lanes to its right.
  CHECK(lay.eventLanes <= 32);
  CHECK(lay.eventTop >= 50 + m.laneH * lay.docLanes);
  // "Rəqəmsal" does not fit its 30 px bar: it is written whole beside it.
  for (const auto& d : lay.docs)
    if (d.index == 2) {
      CHECK_FALSE(d.labelInside);
      CHECK(d.label.text == "Rəqəmsal");
      CHECK((d.label.x >= d.x1 || d.label.x + d.label.w <= d.x0));
    } else {
      CHECK(d.labelInside);
    }
}

TEST_CASE("timeline: events outside the range are listed, not squeezed against the edge") {
  TimelineMetrics m;
  std::vector<TimelineEventIn> events = {{-300, -300, -300, "2008: əvvəlki akt"}, {100, 100, 100, "İçəridə"},
                                         {-5, -5, 50, "bir az əvvəl"}, {1200, 1200, 1200, "sonra"}};
  TimelineLayout lay = LayoutTimeline({}, events, 0, 1000, 0, 10, m, Measure7);
  CHECK(lay.before == std::vector<int>{0, 2});
  CHECK(lay.after == std::vector<int>{3});
  REQUIRE(lay.events.size() == 1);
  CHECK(lay.events[0].index == 1);
  CHECK(lay.events[0].label.text == "İçəridə");
  CheckNothingCrosses(lay, m, 0, 1000);
}

TEST_CASE("timeline: random crowds never overlap") {
  TimelineMetrics m;
  unsigned seed = 12345;
  auto rnd = [&](int n) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<int>((seed >> 8) % static_cast<unsigned>(n));
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<TimelineDocIn> docs;
    std::vector<TimelineEventIn> events;
    for (int k = 0; k < 6; ++k) {
      double a = rnd(900), b = a + rnd(400);
      docs.push_back({a, b, std::string(static_cast<size_t>(1 + rnd(30)), 'D')});
    }
    for (int k = 0; k < 60; ++k) {
      double at = rnd(1000) - 50;
      double end = rnd(3) ? at : at + rnd(300);
      events.push_back({at, at, end, "ə" + std::string(static_cast<size_t>(rnd(60)), 'x')});
    }
    TimelineLayout lay = LayoutTimeline(docs, events, 0, 900, 30, 10, m, Measure7);
    CHECK(lay.events.size() + lay.before.size() + lay.after.size() == events.size());
    CheckNothingCrosses(lay, m, 0, 900);
  }
}

TEST_CASE("timeline: a pile of events on one spot becomes one marker with its list") {
  TimelineMetrics m;
  std::vector<TimelineEventIn> events;
  for (int k = 0; k < 31; ++k) events.push_back({100, 100, 100, "2013 hadisə " + std::to_string(k)});  // dated only "2013"
  events.push_back({101, 101, 101, "yaxın"});                                                         // on the same spot
  events.push_back({300, 300, 300, "tək"});
  events.push_back({302, 302, 302, "cüt"});  // two close events stay separate (fewer than clusterMin)
  auto label = [](const std::vector<int>& members) { return std::to_string(members.size()) + " hadisə"; };
  TimelineLayout lay = LayoutTimeline({}, events, 0, 800, 0, 10, m, Measure7, label, 4);
  REQUIRE(lay.events.size() == 3);
  const PlacedEvent& pile = lay.events[0];
  CHECK(pile.members.size() == 32);
  CHECK(pile.label.text == "32 hadisə");
  CHECK(lay.events[1].members.empty());
  CHECK(lay.events[2].members.empty());
  CHECK(lay.eventLanes == 2);  // not 32 lanes for one column of labels
  size_t shown = 0;
  for (const auto& e : lay.events) shown += e.members.empty() ? 1 : e.members.size();
  CHECK(shown == events.size());
  CheckNothingCrosses(lay, m, 0, 800);
  // Without a label for clusters, every event keeps its own lane and label.
  lay = LayoutTimeline({}, events, 0, 800, 0, 10, m, Measure7);
  CHECK(lay.events.size() == events.size());
  CHECK(lay.eventLanes >= 32);
}
