#include <doctest/doctest.h>

#include "core/plan_json.h"
#include "core/synthetic.h"
#include "test_util.h"

using namespace azplan;
using azplan::test::Fixture;
using azplan::test::MustLoad;

static std::vector<Diagnostic> Errors(const std::string& text) {
  return LoadPlan(text, "bad.json").diagnostics;
}

static bool Mentions(const std::vector<Diagnostic>& d, const std::string& part) {
  for (const auto& x : d)
    if (x.Format().find(part) != std::string::npos) return true;
  return false;
}

TEST_CASE("the sample plan loads and saves byte-identically after one save") {
  Plan p = MustLoad(Fixture("small-plan.json"));
  CHECK(p.documents.size() == 1);
  CHECK(p.documents[0].nodes[0].children[0].children.size() == 3);
  std::string once = SavePlan(p);
  Plan again = MustLoad(once);
  CHECK(SavePlan(again) == once);
  CHECK(once.find("Rəqəmsal İnkişaf") != std::string::npos);  // UTF-8, not \u escapes
  CHECK(once.back() == '\n');
}

TEST_CASE("the compact layout holds the same plan with no whitespace between values") {
  SyntheticOptions o;
  o.measures = 300;
  const Plan synthetic = MakeSyntheticPlan(o);
  for (const Plan& p : {MustLoad(Fixture("small-plan.json")), synthetic}) {
    const std::string indented = SavePlan(p);
    const std::string compact = SavePlan(p, 0, PlanLayout::Compact);
    CAPTURE(p.id);
    CHECK(compact.size() * 2 < indented.size());
    CHECK(compact.back() == '\n');
    CHECK(compact.find('\n') == compact.size() - 1);
    CHECK(compact.find("\": ") == std::string::npos);
    CHECK(compact.find(",\"") != std::string::npos);
    // Read back, it is the same plan: its canonical file is byte for byte the same.
    CHECK(SavePlan(MustLoad(compact)) == indented);
    CHECK(SavePlan(MustLoad(indented), 0, PlanLayout::Compact) == compact);
  }
}

TEST_CASE("unknown keys survive a round trip in their order") {
  std::string text = R"({"formatVersion":1,"zeta":1,"alpha":{"b":2,"a":1},"documents":[{"id":"d","kind":"roadmap","title":"T","custom":"x","nodes":[{"code":"1","kind":"measure","title":"M","future":[1,2]}]}]})";
  Plan p = MustLoad(text);
  std::string saved = SavePlan(p);
  CHECK(saved.find("\"zeta\": 1") < saved.find("\"alpha\""));
  CHECK(saved.find("\"future\"") != std::string::npos);
  CHECK(saved.find("\"custom\": \"x\"") != std::string::npos);
}

TEST_CASE("syntax errors name the line and column") {
  auto d = Errors("{\n  \"formatVersion\": 1,\n  \"documents\": [ , ]\n}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].line == 3);
  CHECK(d[0].column >= 17);
  CHECK(d[0].Format().rfind("bad.json:3:", 0) == 0);
  CHECK(Mentions(d, "invalid JSON"));
}

TEST_CASE("type errors name the JSON path, the position, and what was expected") {
  auto d = Errors("{\"formatVersion\": 1, \"documents\": [{\"id\": \"d\", \"kind\": \"roadmap\", \"title\": \"T\",\n"
                  " \"nodes\": [{\"code\": \"1\", \"kind\": \"measure\", \"title\": 5}]}]}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].path == "documents[0].nodes[0].title");
  CHECK(d[0].line == 2);
  CHECK(Mentions(d, "expected a string, found an integer"));
}

TEST_CASE("semantic errors: unknown status, unknown agency, end before start, duplicates") {
  std::string base = R"({"formatVersion":1,"agencies":[{"id":"a","name":"A"}],"documents":[{"id":"d","kind":"roadmap","title":"T","nodes":[NODES]}]})";
  auto with = [&](const std::string& nodes) {
    std::string t = base;
    t.replace(t.find("NODES"), 5, nodes);
    return Errors(t);
  };
  CHECK(Mentions(with(R"({"code":"1","kind":"measure","title":"M","assessments":[{"year":2017,"status":"done"}]})"),
                 "unknown status \"done\""));
  CHECK(Mentions(with(R"({"code":"1","kind":"measure","title":"M","lead":["nobody"]})"),
                 "documents[0].nodes[0].lead[0]: unknown agency \"nobody\""));
  CHECK(Mentions(with(R"({"code":"1","kind":"measure","title":"M","period":{"start":2020,"end":2017}})"),
                 "end year 2017 is before start year 2020"));
  CHECK(Mentions(with(R"({"code":"1","kind":"measure","title":"M"},{"code":"1","kind":"measure","title":"N"})"),
                 "duplicate code \"1\""));
  auto outside = with(R"({"code":"1","kind":"measure","title":"M","period":{"start":2018,"end":2019},"assessments":[{"year":2017,"status":"executed"}]})");
  CHECK(Mentions(outside, "warning: status for 2017, outside the period 2018–2019"));
  CHECK_FALSE(HasErrors(outside));
}

TEST_CASE("hostile input is refused with a clear message, never a crash") {
  CHECK(Mentions(Errors(""), "the file is empty"));
  CHECK(Mentions(Errors("hello"), "this is not JSON"));
  CHECK(Mentions(Errors("{\"formatVersion\": 1, \"title\": \"\xC3\x28\"}"), "invalid UTF-8"));
  CHECK(Mentions(Errors(std::string(100, '[') + std::string(100, ']')), "nesting deeper than 64"));
  CHECK(Mentions(Errors("{\"formatVersion\": 99}"), "format version 99"));
  CHECK(Mentions(Errors("[]"), "expected a plan (a JSON object), found an array"));
  CHECK(Mentions(Errors("{\"documents\": []}"), "missing required key \"formatVersion\""));
  // A BOM is accepted and dropped.
  CHECK(LoadPlan("\xEF\xBB\xBF{\"formatVersion\": 1}", "bom.json").Ok());
  LoadLimits small;
  small.maxStringBytes = 16;
  CHECK(Mentions(LoadPlan("{\"formatVersion\":1,\"title\":\"" + std::string(100, 'x') + "\"}", "big.json", small).diagnostics,
                 "texts up to"));
}

TEST_CASE("agency lineage cycles are rejected") {
  auto d = Errors(R"({"formatVersion":1,"agencies":[{"id":"a","name":"A","successor":{"id":"b"}},{"id":"b","name":"B","successor":{"id":"a"}}]})");
  CHECK(Mentions(d, "cycle"));
}

TEST_CASE("assessment provenance round-trips and a bad reportedStatus is named") {
  std::string text = R"({"formatVersion":1,"agencies":[{"id":"a","name":"A"}],"documents":[{"id":"d","kind":"roadmap","title":"T","nodes":[{"code":"1","kind":"measure","title":"M","lead":["a"],"assessments":[{"year":2017,"status":"executed","evidence":"Sərəncam № 12","date":"2018-01-15","workDone":"Qanun layihəsi hazırlanıb","reportedBy":"Ə. Məmmədov, şöbə müdiri","reportingAgency":"a","sourceFile":"2017-a.xlsx","reportedStatus":"partial"}]}]}]})";
  Plan p = MustLoad(text);
  const Assessment& a = p.documents[0].nodes[0].assessments[0];
  CHECK(a.workDone == "Qanun layihəsi hazırlanıb");
  CHECK(a.reportedBy == "Ə. Məmmədov, şöbə müdiri");
  CHECK(a.reportingAgency == "a");
  CHECK(a.sourceFile == "2017-a.xlsx");
  CHECK(a.reportedStatus == Status::Partial);
  CHECK(a.StatusByCoordinator());  // executed by the coordinator, partial in the return
  Plan again = MustLoad(SavePlan(p));
  CHECK(again.documents[0].nodes[0].assessments[0] == a);

  std::string bad = text;
  bad.replace(bad.find("\"reportedStatus\":\"partial\""), 26, "\"reportedStatus\":\"done\"");
  auto d = Errors(bad);
  CHECK(Mentions(d, "reportedStatus"));
  CHECK(Mentions(d, "unknown status \"done\""));
}

// The reader stages each level's children (and each node's assessments) before moving them
// into place: a deep tree whose levels have different numbers of siblings must come back
// with every node under its own parent, in order, with its own assessments.
static void AddLevel(std::vector<Node>& into, const std::string& prefix, int depth) {
  const int siblings = depth == 0 ? 3 : (depth * 7 + static_cast<int>(prefix.size())) % 5;  // 0 to 4
  for (int k = 1; k <= siblings; ++k) {
    Node n;
    n.code = prefix + std::to_string(k);
    n.kind = depth < 2 ? NodeKind::Target : depth < 4 ? NodeKind::Priority : NodeKind::Section;
    n.title = "Səviyyə " + std::to_string(depth) + " düyün " + n.code;
    if (depth < 5) AddLevel(n.children, n.code + ".", depth + 1);
    into.push_back(std::move(n));
  }
}

static void CheckSameTree(const std::vector<Node>& want, const std::vector<Node>& got) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(want[i].code);
    CHECK(got[i].SameFields(want[i]));
    CheckSameTree(want[i].children, got[i].children);
  }
}

TEST_CASE("a deep tree reads back with every node under its own parent, in order") {
  Plan p = MustLoad(Fixture("small-plan.json"));
  Document& doc = p.documents[0];
  doc.nodes.clear();
  AddLevel(doc.nodes, "", 0);
  // Measures with one to three assessments of their own, at the deepest level of one branch.
  Node* deepest = &doc.nodes[0];
  while (!deepest->children.empty()) deepest = &deepest->children.back();
  for (int k = 1; k <= 4; ++k) {
    Node m;
    m.code = deepest->code + ".m" + std::to_string(k);
    m.kind = NodeKind::Measure;
    m.title = "Tədbir " + std::to_string(k);
    m.lead = {"mincom"};
    m.period.start = 2017;
    m.period.end = 2020;
    for (int y = 0; y < k % 3 + 1; ++y) {
      Assessment a;
      a.year = 2017 + y;
      a.status = y % 2 ? Status::Partial : Status::Executed;
      a.note = "Qeyd " + m.code + " " + std::to_string(a.year);
      m.assessments.push_back(a);
    }
    deepest->children.push_back(std::move(m));
  }
  REQUIRE(CountNodes(doc.nodes) > 60);
  for (PlanLayout layout : {PlanLayout::Indented, PlanLayout::Compact}) {
    const Plan back = MustLoad(SavePlan(p, 0, layout));
    CheckSameTree(doc.nodes, back.documents[0].nodes);
  }
}
