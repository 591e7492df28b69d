// The autosave's stored forms: the whole working copy (autosave_format.h) and the
// journal of edits made since (autosave_journal.h), as a restart reads them back.
#include <doctest/doctest.h>

#include "core/autosave_format.h"
#include "core/autosave_journal.h"
#include "core/editor.h"
#include "core/monitoring.h"
#include "core/synthetic.h"
#include "test_util.h"

using namespace azplan;

namespace {

// A session: the plan as the base was written, an editor on it, and the journal so far.
struct Session {
  std::string baseText, baseChecksum, journal;
  Editor editor;
  explicit Session(Plan plan) : baseText(SavePlan(plan)), editor(std::move(plan)) {
    AutosaveRecord rec;
    rec.planText = baseText;
    EncodeAutosave(rec, &baseChecksum);
    journal = JournalHeader(baseChecksum);
    std::vector<std::string> none;
    editor.TakeChangedNodes(none);
  }
  // What App::Autosave does after each edit; false when it would write the whole plan.
  bool Journal(int year = 2017) {
    std::vector<std::string> ids;
    if (!editor.TakeChangedNodes(ids)) return false;
    return AppendJournalRecord(journal, editor.index(), ids, editor.Dirty(), year);
  }
  // What a restart does: the base loaded, the journal replayed.
  Plan Restore() {
    std::vector<JournalRecord> records;
    REQUIRE(DecodeJournal(journal, baseChecksum, records) == JournalState::Valid);
    Plan p = test::MustLoad(baseText);
    REQUIRE(ApplyJournal(p, records));
    return p;
  }
};

}  // namespace

TEST_CASE("the whole copy: a plan as opened is marked clean, older values count as edited") {
  AutosaveRecord rec;
  rec.name = "plan.json";
  rec.planText = "{\"formatVersion\":1}";
  rec.year = 2019;
  rec.dirty = false;
  std::string sum;
  std::string text = EncodeAutosave(rec, &sum);
  AutosaveRecord back;
  REQUIRE(DecodeAutosave(text, back) == AutosaveState::Valid);
  CHECK_FALSE(back.dirty);
  CHECK(back.checksum == sum);
  CHECK(back.year == 2019);
  // A value written before the journal existed has no "dirty": it was always an edited plan.
  Json old = Json::parse(text);
  old.erase("dirty");
  REQUIRE(DecodeAutosave(old.dump(), back) == AutosaveState::Valid);
  CHECK(back.dirty);
}

TEST_CASE("status edits, notes, evidence and a title edit are journaled and come back on restore") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  CHECK(s.Journal());
  REQUIRE(s.editor.Execute(SetNote("rm/1.1.1.3", 2017, "İcra olunub; İnformasiya Şurası (ı, İ, ə)")));
  CHECK(s.Journal());
  Node fields = *s.editor.FindNode("rm/1.1.2");
  fields.children.clear();
  fields.title = "Yeni başlıq";
  fields.AssessmentForEdit(2018).evidence = "https://example.az/hesabat";
  REQUIRE(s.editor.Execute(EditNode("rm/1.1.2", fields)));
  CHECK(s.Journal(2018));
  Plan restored = s.Restore();
  CHECK(SavePlan(restored) == SavePlan(s.editor.plan()));
  CHECK(SavePlan(restored) != s.baseText);
  std::vector<JournalRecord> records;
  REQUIRE(DecodeJournal(s.journal, s.baseChecksum, records) == JournalState::Valid);
  REQUIRE(records.size() == 3);
  CHECK(records[0].nodes.size() == 1);
  CHECK(records[0].nodes[0].first == "rm/1.1.1.3");
  CHECK(records.back().year == 2018);
  CHECK(records.back().dirty);
}

TEST_CASE("a record holds only the changed nodes: small next to the plan") {
  SyntheticOptions o;
  o.measures = 2000;
  Plan plan = MakeSyntheticPlan(o);
  Session s(std::move(plan));
  const size_t header = s.journal.size();
  std::string id;
  for (int i = 0; i < s.editor.index().Size() && id.empty(); ++i)
    if (IsMeasureKind(s.editor.index()[i].node->kind)) id = s.editor.index()[i].id;
  REQUIRE(s.editor.Execute(SetStatus(id, 2020, Status::NotExecuted)));
  REQUIRE(s.Journal(2020));
  CHECK(s.journal.size() - header < 4000);
  CHECK(s.baseText.size() > 1000000);
  CHECK(SavePlan(s.Restore()) == SavePlan(s.editor.plan()));
}

TEST_CASE("undo and redo are journaled like edits; a bulk change records every node") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  auto before = ComputeFigures(s.editor.index(), 2017).plan;
  std::vector<std::unique_ptr<Command>> cmds;
  cmds.push_back(SetStatus("rm/1.1.1.1", 2017, Status::NotExecuted));
  cmds.push_back(SetStatus("rm/1.1.1.3", 2017, Status::NotExecuted));
  REQUIRE(s.editor.Execute(Batch("bulkStatus", std::move(cmds))));
  REQUIRE(s.Journal());
  std::vector<JournalRecord> records;
  REQUIRE(DecodeJournal(s.journal, s.baseChecksum, records) == JournalState::Valid);
  CHECK(records.back().nodes.size() == 2);
  REQUIRE(s.editor.Undo());
  REQUIRE(s.Journal());
  REQUIRE(DecodeJournal(s.journal, s.baseChecksum, records) == JournalState::Valid);
  CHECK_FALSE(records.back().dirty);  // back at the plan as opened
  Plan restored = s.Restore();
  CHECK(SavePlan(restored) == s.baseText);
  REQUIRE(s.editor.Redo());
  REQUIRE(s.Journal());
  restored = s.Restore();
  CHECK(SavePlan(restored) == SavePlan(s.editor.plan()));
  Editor check(std::move(restored));
  CHECK(ComputeFigures(check.index(), 2017).plan.subMeasures.notExecuted == before.subMeasures.notExecuted + 1);
}

TEST_CASE("changes to the hierarchy, codes or documents are not journaled: the whole plan is written") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(s.editor.Execute(DeleteNode("rm/1.1.1.3")));
  CHECK_FALSE(s.Journal());
  REQUIRE(s.editor.Undo());
  CHECK_FALSE(s.Journal());
  Node fields = *s.editor.FindNode("rm/1.1.2");
  fields.children.clear();
  fields.code = "1.1.9";  // the code is part of the id: the index is rebuilt
  REQUIRE(s.editor.Execute(EditNode("rm/1.1.2", fields)));
  CHECK_FALSE(s.Journal());
  // A batch with one such change in it is not journaled either.
  std::vector<std::unique_ptr<Command>> cmds;
  cmds.push_back(SetStatus("rm/1.1.1.1", 2017, Status::NotExecuted));
  cmds.push_back(DeleteNode("rm/1.1.1.1"));
  REQUIRE(s.editor.Execute(Batch("mixed", std::move(cmds))));
  CHECK_FALSE(s.Journal());
  // The next plain status edit is journaled again.
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  CHECK(s.Journal());
}

TEST_CASE("a node whose fields a record cannot bring back exactly is not journaled") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  std::vector<std::string> ids;
  REQUIRE(s.editor.TakeChangedNodes(ids));
  // An empty (not null) object of unknown keys is written as nothing and read back as
  // null: the record would not be the node, so the caller must write the whole plan.
  const_cast<Node*>(s.editor.FindNode("rm/1.1.1.3"))->extra = Json::object();
  const std::string journal = s.journal;
  CHECK_FALSE(AppendJournalRecord(s.journal, s.editor.index(), ids, true, 2017));
  CHECK(s.journal == journal);
  CHECK_FALSE(AppendJournalRecord(s.journal, s.editor.index(), {"rm/no-such-node"}, true, 2017));
  CHECK(s.journal == journal);
}

TEST_CASE("node fields round-trip with every field and unknown keys") {
  Node n;
  n.code = "2.3.4";
  n.id = "x/2.3.4";
  n.title = "Başlıq İı";
  n.kind = NodeKind::Submeasure;
  n.lead = {"a1"};
  n.coExecutors = {"a2", "a3"};
  n.recommended = {"a4"};
  n.executorsPending = true;
  n.period.start = 2017;
  n.period.end = 2019;
  n.period.ongoing = true;
  n.period.text = "2017-2019";
  n.period.startDate = "2017-01";
  n.period.endDate = "2019-12-31";
  n.period.withinMonths = 6;
  n.period.extra["q"] = 1;
  n.rationale = "səbəb";
  n.expectedResults = {"r1", "r2"};
  n.indicators = {"i1"};
  n.risks.push_back({"risk", "mitigation", Json{{"level", "high"}}});
  Assessment a;
  a.year = 2018;
  a.status = Status::Partial;
  a.note = "qeyd\nikinci sətir";
  a.evidence = "e";
  a.assessedBy = "b";
  a.date = "2019-02-01";
  a.extra["score"] = 0.5;
  n.assessments.push_back(a);
  Assessment noteOnly;
  noteOnly.year = 2019;
  noteOnly.note = "yalnız qeyd";
  n.assessments.push_back(noteOnly);
  n.extra["budget"] = Json{{"amount", 10}};
  Node back;
  REQUIRE(NodeFieldsFromJson(NodeFieldsToJson(n), back));
  CHECK(back.SameFields(n));
  Json withChildren = NodeFieldsToJson(n);
  withChildren["children"] = Json::array();
  CHECK_FALSE(NodeFieldsFromJson(withChildren, back));
}

TEST_CASE("an assessment merged from an agency return is journaled with its provenance") {
  Node n;
  n.code = "1.2";
  n.title = "Tədbir";
  n.kind = NodeKind::Measure;
  Assessment a;
  a.year = 2018;
  a.status = Status::Executed;
  a.workDone = "İşçi qrup yaradılıb";
  a.reportedBy = "Mərkəzi Bank";
  a.reportingAgency = "cbar";
  a.sourceFile = "cbar-2018.xlsx";
  n.assessments.push_back(a);
  Node back;
  REQUIRE(NodeFieldsFromJson(NodeFieldsToJson(n), back));
  CHECK(back.SameFields(n));
  REQUIRE(back.assessments.size() == 1);
  CHECK(back.assessments[0].reportedBy == "Mərkəzi Bank");
  CHECK(back.assessments[0].extra.empty());  // read into its fields, not kept as unknown keys
}

TEST_CASE("a damaged journal is refused whole, never replayed in part") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  REQUIRE(s.Journal());
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.1", 2017, Status::NotExecuted)));
  REQUIRE(s.Journal());
  std::vector<JournalRecord> records;
  REQUIRE(DecodeJournal(s.journal, s.baseChecksum, records) == JournalState::Valid);
  REQUIRE(records.size() == 2);

  // One character changed in the last record: its checksum no longer matches.
  std::string flipped = s.journal;
  size_t at = flipped.rfind("notExecuted");
  REQUIRE(at != std::string::npos);
  flipped.replace(at, 11, "executedXYZ");
  CHECK(DecodeJournal(flipped, s.baseChecksum, records) == JournalState::Damaged);
  CHECK(records.empty());
  // Cut short in the middle of a record.
  CHECK(DecodeJournal(s.journal.substr(0, s.journal.size() - 10), s.baseChecksum, records) == JournalState::Damaged);
  // Cut exactly at a line's end but without its newline.
  CHECK(DecodeJournal(s.journal.substr(0, s.journal.size() - 1), s.baseChecksum, records) == JournalState::Damaged);
  // Garbage, a foreign header, a newer version, a line with a correct checksum but no JSON.
  CHECK(DecodeJournal("\x01\xff garbage\n", s.baseChecksum, records) == JournalState::Damaged);
  CHECK(DecodeJournal("{\"other\":1}\n", s.baseChecksum, records) == JournalState::Damaged);
  CHECK(DecodeJournal("{\"azplanJournal\":2,\"base\":\"" + s.baseChecksum + "\"}\n", s.baseChecksum, records) ==
        JournalState::Damaged);
  CHECK(DecodeJournal(JournalHeader(s.baseChecksum) + Checksum("[1") + " [1\n", s.baseChecksum, records) ==
        JournalState::Damaged);
  // A record (with a good checksum) for a node the base does not have: decoding is fine,
  // replaying refuses.
  std::string stray = s.journal;
  REQUIRE(AppendJournalRecord(stray, s.editor.index(), {"rm/1.1.1.3"}, true, 2017));
  size_t last = stray.rfind('\n', stray.size() - 2) + 1;
  std::string body = stray.substr(last + 17);
  body.pop_back();
  size_t idAt = body.find("rm/1.1.1.3");
  body.replace(idAt, 10, "rm/9.9.9.9");
  stray = stray.substr(0, last) + Checksum(body) + " " + body + "\n";
  REQUIRE(DecodeJournal(stray, s.baseChecksum, records) == JournalState::Valid);
  Plan p = test::MustLoad(s.baseText);
  CHECK_FALSE(ApplyJournal(p, records));
  // And an empty value is no journal at all.
  CHECK(DecodeJournal("", s.baseChecksum, records) == JournalState::None);
}

TEST_CASE("a journal for another base is refused") {
  Session s(test::MustLoad(test::Fixture("small-plan.json")));
  REQUIRE(s.editor.Execute(SetStatus("rm/1.1.1.3", 2017, Status::Executed)));
  REQUIRE(s.Journal());
  std::vector<JournalRecord> records;
  // The base was rewritten since (a different plan text, another checksum).
  std::string otherBase = Checksum(SavePlan(s.editor.plan()));
  REQUIRE(otherBase != s.baseChecksum);
  CHECK(DecodeJournal(s.journal, otherBase, records) == JournalState::OtherBase);
  CHECK(records.empty());
  // A record that would move a node (its code changed) is refused on replay too.
  std::vector<JournalRecord> bad(1);
  Node moved = *s.editor.FindNode("rm/1.1.1.3");
  moved.children.clear();
  moved.code = "1.1.1.9";
  bad[0].nodes.emplace_back("rm/1.1.1.3", moved);
  Plan p = test::MustLoad(s.baseText);
  CHECK_FALSE(ApplyJournal(p, bad));
}
