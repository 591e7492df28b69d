#include <doctest/doctest.h>

#include <set>

#include "core/plan_index.h"
#include "core/plan_json.h"
#include "core/synthetic.h"
#include "core/text.h"

using namespace azplan;

namespace {

SyntheticOptions Small(uint64_t seed, int measures) {
  SyntheticOptions o;
  o.seed = seed;
  o.measures = measures;
  return o;
}

}  // namespace

TEST_CASE("synthetic plans: the same seed gives the same bytes, another seed other bytes") {
  std::string a = SavePlan(MakeSyntheticPlan(Small(7, 300)));
  std::string b = SavePlan(MakeSyntheticPlan(Small(7, 300)));
  std::string c = SavePlan(MakeSyntheticPlan(Small(8, 300)));
  CHECK(a == b);
  CHECK(a != c);
  // Loading and saving again changes nothing: the generator writes canonical plans.
  LoadResult r = LoadPlan(a, "synthetic.json");
  REQUIRE(r.Ok());
  CHECK(SavePlan(*r.plan) == a);
}

TEST_CASE("synthetic plans: counts follow the options") {
  SyntheticOptions o = Small(3, 457);
  o.minSubMeasures = 1;
  o.maxSubMeasures = 4;
  o.documents = 3;
  o.agencies = 33;
  Plan plan = MakeSyntheticPlan(o);
  CHECK(plan.documents.size() == 3);
  CHECK(plan.agencies.size() == 33);
  PlanIndex index(plan);
  int measures = 0, subs = 0, targets = 0, priorities = 0;
  for (const auto& item : index.Items()) {
    switch (item.node->kind) {
      case NodeKind::Measure: {
        ++measures;
        int n = static_cast<int>(item.node->children.size());
        CHECK(n >= 1);
        CHECK(n <= 4);
        CHECK(item.depth == 2);  // target → priority → measure
        CHECK(!item.node->lead.empty());
        break;
      }
      case NodeKind::Submeasure: ++subs; CHECK(item.depth == 3); break;
      case NodeKind::Target: ++targets; CHECK(item.depth == 0); break;
      case NodeKind::Priority: ++priorities; CHECK(item.depth == 1); break;
      default: FAIL("unexpected node kind " << NodeKindKey(item.node->kind));
    }
  }
  CHECK(measures == 457);
  CHECK(subs >= 457);
  CHECK(subs <= 4 * 457);
  CHECK(targets > 0);
  CHECK(priorities > targets);

  // Left to the seed, the agency count stays within 30–60.
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    size_t n = MakeSyntheticPlan(Small(seed, 10)).agencies.size();
    CHECK(n >= 30);
    CHECK(n <= 60);
  }
}

TEST_CASE("synthetic plans load without errors or warnings and look Azerbaijani") {
  Plan plan = MakeSyntheticPlan(Small(11, 800));
  std::string text = SavePlan(plan);
  LoadResult r = LoadPlan(text, "synthetic.json");
  std::string all;
  for (const auto& d : r.diagnostics) all += d.Format() + "\n";
  CHECK_MESSAGE(r.diagnostics.empty(), all);
  REQUIRE(r.Ok());
  for (const char* letter : {"ə", "ş", "ğ", "ı", "İ", "ö", "ü", "ç"})
    CHECK_MESSAGE(text.find(letter) != std::string::npos, letter);
  std::set<std::string> names;
  for (const auto& a : plan.agencies) {
    CHECK(IsValidUtf8(a.name));
    CHECK(names.insert(a.name).second);  // names are unique
  }
  // Periods lie in 2016–2028 and some are ongoing ("mütəmadi").
  PlanIndex index(plan);
  int ongoing = 0;
  for (const auto& item : index.Items()) {
    CHECK(item.period.start >= 2016);
    CHECK(item.period.end <= 2028);
    CHECK(item.period.start <= item.period.end);
    ongoing += item.period.ongoing;
  }
  CHECK(ongoing > 0);
}

TEST_CASE("synthetic plans: statuses agree with the periods") {
  SyntheticOptions o = Small(5, 600);
  Plan plan = MakeSyntheticPlan(o);
  PlanIndex index(plan);
  int assessed = 0, outside = 0;
  for (const auto& item : index.Items()) {
    const Node& n = *item.node;
    if (!IsAssessableKind(n.kind)) {
      CHECK(n.assessments.empty());
      continue;
    }
    for (int year = 2016; year <= 2028; ++year) {
      Status s = EffectiveStatus(item, year);
      if (!item.period.Covers(year)) {
        ++outside;
        CHECK_MESSAGE(s == Status::NotAssessed, n.code << " " << year);
      } else if (s != Status::Pending && s != Status::NotAssessed) {
        ++assessed;
        bool monitored = false;
        for (int y : o.assessmentYears) monitored = monitored || y == year;
        CHECK_MESSAGE(monitored, n.code << " " << year);
      }
    }
  }
  CHECK(assessed > 0);
  CHECK(outside > 0);
}
