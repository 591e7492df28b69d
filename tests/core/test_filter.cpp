#include <doctest/doctest.h>

#include "core/filter.h"
#include "test_util.h"

using namespace azplan;

static std::vector<std::string> Codes(const PlanIndex& index, const std::vector<int>& items) {
  std::vector<std::string> out;
  for (int i : items) out.push_back(index[i].node->code);
  return out;
}

TEST_CASE("free text folds Azerbaijani case and finds agencies by any spelling") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  Filter f;
  f.text = "İŞÇİ QRUP";
  CHECK(Codes(index, FilterMatcher(index, f).Apply(false)) == std::vector<std::string>{"1.1.1"});
  f.text = "yüksək texnologiyalar";  // an older name of the ministry, kept as a variant
  auto hits = Codes(index, FilterMatcher(index, f).Apply(false));
  CHECK(hits.size() == 5);  // 1.1.1 and its four sub-measures are led by mincom
}

TEST_CASE("filters by agency role, status and year") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  Filter f;
  f.agencyId = "minecon";
  f.agencyRole = AgencyRole::Lead;
  CHECK(Codes(index, FilterMatcher(index, f).Apply(false)) == std::vector<std::string>{"1.1.2", "1.1.2.1", "1.1.2.2"});
  f.agencyRole = AgencyRole::Any;
  CHECK(Codes(index, FilterMatcher(index, f).Apply(false)).size() == 4);  // + 1.1.1 as co-executor
  Filter s;
  s.year = 2017;
  s.statusMask = 1 << static_cast<int>(Status::NotExecuted);
  CHECK(Codes(index, FilterMatcher(index, s).Apply(false)) == std::vector<std::string>{"1.1.1.3", "1.1.2", "1.1.2.1"});
  // With ancestors the tree keeps its target and priority rows.
  CHECK(Codes(index, FilterMatcher(index, s).Apply(true)).front() == "1");
}

TEST_CASE("sorting by title uses the alphabet, by code the numbers") {
  Plan plan = test::MustLoad(test::Fixture("small-plan.json"));
  PlanIndex index(plan);
  Filter f;
  f.measuresOnly = true;
  auto items = FilterMatcher(index, f).Apply(false);
  SortItems(index, items, SortKey::Title, true, 2017);
  auto titles = std::vector<std::string>{};
  for (int i : items) titles.push_back(index[i].node->title);
  // "Çərçivə" sorts after "Beynəlxalq" and before "İşçi"; "Qrupun" (q) after "Keçid" (k).
  auto pos = [&](const std::string& t) { return std::find(titles.begin(), titles.end(), t) - titles.begin(); };
  CHECK(pos("Beynəlxalq təcrübə") < pos("Çərçivə planı"));
  CHECK(pos("Çərçivə planı") < pos("İşçi qrupun yaradılması"));
  CHECK(pos("Keçid planı") < pos("Qrupun yaradılması"));
  SortItems(index, items, SortKey::Code, false, 2017);
  CHECK(index[items.front()].node->code == "1.1.3");
}
