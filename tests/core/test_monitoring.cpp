#include <doctest/doctest.h>

#include "core/monitoring.h"
#include "test_util.h"

using namespace azplan;

static Tally T(int e, int p, int n) {
  Tally t;
  t.executed = e;
  t.partial = p;
  t.notExecuted = n;
  return t;
}

TEST_CASE("rounding as the report prints it") {
  // Overall 2017 cover: 27 / 16 / 14 of 57 sub-measures → 47 / 28 / 25, score 61.
  Shares s = DisplayShares(T(27, 16, 14));
  CHECK(s.executed == 47);
  CHECK(s.partial == 28);
  CHECK(s.notExecuted == 25);
  CHECK(DisplayScore(T(27, 16, 14)) == 61);
  // Half-up on single scores: 62.5 → 63.
  CHECK(DisplayScore(T(1, 3, 0)) == 63);   // (2+3)/8 = 62.5%
  CHECK(PercentHalfUp(1, 8) == 13);        // 12.5 → 13
  // Shares always add up to 100, not-executed takes the remainder.
  for (int e = 0; e < 7; ++e)
    for (int p = 0; p < 7; ++p)
      for (int n = 0; n < 7; ++n) {
        if (e + p + n == 0) continue;
        Shares x = DisplayShares(T(e, p, n));
        CHECK(x.executed + x.partial + x.notExecuted == 100);
      }
  CHECK(DisplayScore(Tally{}) == -1);
}

TEST_CASE("measure and sub-measure levels on a small roadmap") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  YearFigures f = ComputeFigures(index, 2017);
  // Measures: 1.1.1 partial, 1.1.2 not executed, 1.1.3 not assessed (starts 2018).
  CHECK(f.plan.measures.partial == 1);
  CHECK(f.plan.measures.notExecuted == 1);
  CHECK(f.plan.measures.notAssessed == 1);
  CHECK(f.plan.measures.Assessed() == 2);
  // Sub-measures: 2 executed, 1 partial, 2 not executed; 1.1.2.2 (2018) not assessed;
  // 1.1.3 has no sub-measures and counts itself (not assessed in 2017).
  CHECK(f.plan.subMeasures.executed == 2);
  CHECK(f.plan.subMeasures.partial == 1);
  CHECK(f.plan.subMeasures.notExecuted == 2);
  CHECK(f.plan.subMeasures.notAssessed == 2);
  CHECK(DisplayScore(f.plan.subMeasures) == 50);  // (2 + 0.5) / 5
  // The priority node carries the same figures as the plan here.
  REQUIRE(f.nodes.size() == 2);
  CHECK(index[f.nodes[1].item].node->code == "1.1");
  CHECK(f.nodes[1].subMeasures == f.plan.subMeasures);
}

TEST_CASE("items with no status inside their period are pending, not counted in shares") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  YearFigures f = ComputeFigures(index, 2019);
  CHECK(f.plan.measures.pending == 2);  // 1.1.2 and 1.1.3 run in 2019 without a status
  CHECK(f.plan.measures.Assessed() == 0);
}

TEST_CASE("agency performance counts measures where the agency leads, following lineage") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  YearFigures f = ComputeFigures(index, 2018);
  // 2018: 1.1.2 executed (minecon); 1.1.3 pending (old-agency, merged into minecon).
  const AgencyFigures* econ = nullptr;
  for (const auto& a : f.agencies)
    if (a.agencyId == "minecon") econ = &a;
  REQUIRE(econ);
  CHECK(econ->measures.executed == 1);
  CHECK(econ->measures.pending == 1);
  CHECK(econ->measureItems.size() == 2);
  CHECK(DisplayScore(econ->measures) == 100);
  FigureOptions noLineage;
  noLineage.followLineage = false;
  YearFigures g = ComputeFigures(index, 2018, noLineage);
  bool sawOld = false;
  for (const auto& a : g.agencies) sawOld = sawOld || a.agencyId == "old-agency";
  CHECK(sawOld);
}

TEST_CASE("differences between two monitoring years") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  auto changes = DiffYears(index, 2017, 2018, Level::Measure);
  // 1.1.2: not executed → executed; 1.1.1 leaves (period 2017 only); 1.1.3 is pending in 2018.
  bool improved = false, left = false;
  for (const auto& c : changes) {
    if (index[c.item].node->code == "1.1.2") improved = c.kind == ChangeKind::Improved;
    if (index[c.item].node->code == "1.1.1") left = c.kind == ChangeKind::NoLongerAssessed;
  }
  CHECK(improved);
  CHECK(left);
}

TEST_CASE("overdue measures at a date") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  // At 2018-03-01, 1.1.1 (2017, only partial) is overdue; 1.1.2 runs to 2020.
  auto overdue = OverdueMeasures(index, DaysFromCivil(2018, 3, 1));
  REQUIRE(overdue.size() == 1);
  CHECK(index[overdue[0]].node->code == "1.1.1");
  // At 2021-01-01, 1.1.2 was executed in 2018, 1.1.3 never assessed → overdue.
  auto later = OverdueMeasures(index, DaysFromCivil(2021, 1, 1));
  CHECK(later.size() == 2);
}
