#include <doctest/doctest.h>

#include <algorithm>

#include "core/editor.h"
#include "core/monitoring.h"
#include "test_util.h"

using namespace azplan;

TEST_CASE("setting a status changes the figures; undo brings them back") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  auto before = ComputeFigures(e.index(), 2017).plan.subMeasures;
  CHECK_FALSE(e.Dirty());
  REQUIRE(e.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  CHECK(e.Dirty());
  auto after = ComputeFigures(e.index(), 2017).plan.subMeasures;
  CHECK(after.executed == before.executed + 1);
  CHECK(after.notExecuted == before.notExecuted - 1);
  CHECK(e.UndoLabel() == "setStatus");
  REQUIRE(e.Undo());
  CHECK(ComputeFigures(e.index(), 2017).plan.subMeasures == before);
  CHECK_FALSE(e.Dirty());
  REQUIRE(e.Redo());
  CHECK(ComputeFigures(e.index(), 2017).plan.subMeasures == after);
}

TEST_CASE("clearing a status makes the item pending and removes the empty assessment") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(e.Execute(SetStatus("rm/1.1.1.1", 2017, std::nullopt)));
  CHECK(e.FindNode("rm/1.1.1.1")->assessments.empty());
  e.Undo();
  CHECK(e.FindNode("rm/1.1.1.1")->AssessmentFor(2017)->status == Status::Executed);
}

TEST_CASE("notes, field edits, add, move and delete all undo") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  std::string original = SavePlan(e.plan());
  REQUIRE(e.Execute(SetNote("rm/1.1.1", 2017, "Qeyd: işçi qrup yaradılıb")));
  Node fields = *e.FindNode("rm/1.1.2");
  fields.title = "Yeni ad";
  fields.period.end = 2021;
  REQUIRE(e.Execute(EditNode("rm/1.1.2", fields)));
  CHECK(e.FindNode("rm/1.1.2")->children.size() == 2);  // children untouched
  Node added;
  added.code = "1.1.4";
  added.kind = NodeKind::Measure;
  added.title = "Əlavə tədbir";
  REQUIRE(e.Execute(AddNode("rm", "rm/1.1", 3, added)));
  CHECK(e.index().Find("rm/1.1.4") >= 0);
  REQUIRE(e.Execute(MoveNode("rm/1.1.1.4", "rm/1.1.2", 0)));
  CHECK(e.FindNode("rm/1.1.2")->children.front().code == "1.1.1.4");
  CHECK(e.FindNode("rm/1.1.1")->children.size() == 3);
  REQUIRE(e.Execute(DeleteNode("rm/1.1.1")));
  CHECK(e.index().Find("rm/1.1.1") < 0);
  CHECK(e.index().Find("rm/1.1.1.1") < 0);
  // A node cannot move into its own subtree.
  CHECK_FALSE(e.Execute(MoveNode("rm/1.1", "rm/1.1.2", 0)));
  while (e.CanUndo()) e.Undo();
  CHECK(SavePlan(e.plan()) == original);
  CHECK_FALSE(e.Dirty());
  while (e.CanRedo()) e.Redo();
  CHECK(e.index().Find("rm/1.1.4") >= 0);
}

TEST_CASE("a bulk status change undoes as one step") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  std::vector<std::unique_ptr<Command>> cmds;
  for (const char* id : {"rm/1.1.1.1", "rm/1.1.1.2", "rm/1.1.1.3"})
    cmds.push_back(SetStatus(id, 2017, Status::Partial));
  REQUIRE(e.Execute(Batch("bulkStatus", std::move(cmds))));
  CHECK(ComputeFigures(e.index(), 2017).plan.subMeasures.partial == 4);
  e.Undo();
  CHECK(ComputeFigures(e.index(), 2017).plan.subMeasures.partial == 1);
  CHECK_FALSE(e.CanUndo());
}

TEST_CASE("change notifications reach listeners") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  int content = 0, structure = 0;
  e.OnChange([&](PlanChange c) { (c == PlanChange::Structure ? structure : content)++; });
  e.Execute(SetStatus("rm/1.1.1.1", 2017, Status::Partial));
  e.Execute(DeleteNode("rm/1.1.3"));
  CHECK(content == 1);
  CHECK(structure == 1);
}

// Agency figures follow lead edits at once, and follow undo and redo, without the
// editor rebuilding anything by hand.
TEST_CASE("editing a lead moves the measure between agencies' figures") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  auto agency = [&](const std::string& id) {
    for (const auto& a : ComputeFigures(e.index(), 2017).agencies)
      if (a.agencyId == id) return a;
    return AgencyFigures{};
  };
  const AgencyFigures mincomBefore = agency("mincom"), mineconBefore = agency("minecon");
  CHECK(mincomBefore.measures.partial == 1);  // 1.1.1 is partial in 2017
  CHECK(mineconBefore.measures.notExecuted == 1);

  Node fields = *e.FindNode("rm/1.1.1");
  fields.lead = {"minecon"};
  REQUIRE(e.Execute(EditNode("rm/1.1.1", fields)));
  const AgencyFigures mincomAfter = agency("mincom"), mineconAfter = agency("minecon");
  CHECK(mincomAfter.measures.Total() == mincomBefore.measures.Total() - 1);
  CHECK(mincomAfter.measures.partial == 0);
  CHECK(mineconAfter.measures.partial == 1);
  CHECK(mineconAfter.measures.Total() == mineconBefore.measures.Total() + 1);
  CHECK(std::find(mineconAfter.measureItems.begin(), mineconAfter.measureItems.end(),
                  e.index().Find("rm/1.1.1")) != mineconAfter.measureItems.end());

  // A status edit on the moved measure counts for its new lead.
  REQUIRE(e.Execute(SetStatus("rm/1.1.1", 2017, Status::Executed)));
  CHECK(agency("minecon").measures.executed == mineconBefore.measures.executed + 1);

  // A lead given to a merged agency counts for its successor (lineage followed).
  fields = *e.FindNode("rm/1.1.1");
  fields.lead = {"old-agency"};
  REQUIRE(e.Execute(EditNode("rm/1.1.1", fields)));
  CHECK(agency("minecon").measures.executed == mineconBefore.measures.executed + 1);
  CHECK(agency("old-agency").agencyId.empty());

  while (e.CanUndo()) e.Undo();
  CHECK(agency("mincom").measures == mincomBefore.measures);
  CHECK(agency("minecon").measures == mineconBefore.measures);
  CHECK(agency("mincom").measureItems == mincomBefore.measureItems);
}

TEST_CASE("after each status or lead edit, and its undo, the index reads as a fresh one") {
  Editor e(test::MustLoad(test::Fixture("small-plan.json")));
  auto same = [&](const char* step) {
    PlanIndex fresh;
    fresh.Build(e.plan());
    const PlanIndex::Content &a = e.index().content(), &b = fresh.content();
    INFO(step);
    CHECK(a.statusBegin == b.statusBegin);
    CHECK(a.leadBegin == b.leadBegin);
    REQUIRE(a.statuses.size() == b.statuses.size());
    for (size_t k = 0; k < a.statuses.size(); ++k) {
      CHECK(a.statuses[k].year == b.statuses[k].year);
      CHECK(a.statuses[k].status == b.statuses[k].status);
    }
    CHECK(a.leads == b.leads);
    CHECK(a.unknownLeads == b.unknownLeads);
  };
  REQUIRE(e.Execute(SetStatus("rm/1.1.1.3", 2019, Status::Executed)));  // a year it had none for
  same("a new assessment");
  REQUIRE(e.Execute(SetStatus("rm/1.1.1.3", 2019, Status::Partial)));
  same("a changed status");
  REQUIRE(e.Execute(SetStatus("rm/1.1.1.1", 2017, std::nullopt)));
  same("a cleared status");
  Node fields = *e.FindNode("rm/1.1.1");
  fields.lead = {"minecon", "mincom"};
  REQUIRE(e.Execute(EditNode("rm/1.1.1", fields)));
  same("two leads");
  fields.lead = {"no-such-agency"};
  REQUIRE(e.Execute(EditNode("rm/1.1.1", fields)));
  same("a lead that names no agency");
  fields.lead = {"mincom"};
  REQUIRE(e.Execute(EditNode("rm/1.1.1", fields)));
  same("back to a known lead");
  while (e.CanUndo()) {
    REQUIRE(e.Undo());
    same("undo");
  }
}
