// Agency returns (issue 13): the forms, reading them back from .xlsx, CSV and JSON,
// hostile returns, and merging into the plan as one undoable step with provenance.
#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/plan_index.h"
#include "core/returns.h"
#include "core/returns_layout.h"
#include "core/returns_merge.h"
#include "core/sheet_table.h"
#include "core/synthetic.h"
#include "core/xlsx_io.h"
#include "core/zip_archive.h"
#include "test_util.h"

using namespace azplan;
using azplan::test::Fixture;
using azplan::test::MustLoad;

namespace {

std::string Form(const PlanIndex& index, const std::string& agency, int year, const std::string& lang = "az") {
  ReturnFormOptions o;
  o.year = year;
  o.language = lang;
  std::string bytes, error;
  REQUIRE_MESSAGE(WriteReturnForm(index, agency, o, &bytes, &error), error);
  return bytes;
}

SheetTable Table(const std::string& xlsx) {
  SheetTable t;
  std::string error;
  REQUIRE_MESSAGE(ReadXlsxTable(xlsx, {}, &t, &error), error);
  return t;
}

int HeaderRow(const SheetTable& t) {
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (const auto& c : t.rows[r].cells)
      if (c.text.rfind("Kod\nCode", 0) == 0) return static_cast<int>(r);
  return -1;
}

// Fills the status (and work done) of the row whose code is `code`, as a user would.
void Fill(SheetTable& t, const std::string& code, const std::string& status, const std::string& work = "") {
  int h = HeaderRow(t);
  REQUIRE(h >= 0);
  for (size_t r = static_cast<size_t>(h) + 1; r < t.rows.size(); ++r) {
    auto& cells = t.rows[r].cells;
    cells.resize(returns::kColumns);
    if (cells[returns::kCode].text != code) continue;
    cells[returns::kStatus].text = status;
    cells[returns::kWorkDone].text = work;
    return;
  }
  FAIL("no row with code " << code);
}

std::string Csv(const SheetTable& t, char sep, bool bom, const char* eol) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  int expect = 1;
  for (const auto& row : t.rows) {
    for (; expect < row.number; ++expect) out += eol;  // empty rows
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (c) out += sep;
      const std::string& s = row.cells[c].text;
      if (s.find_first_of(std::string("\"\r\n") + sep) != std::string::npos) {
        out += '"';
        for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += '"';
      } else {
        out += s;
      }
    }
    out += eol;
    ++expect;
  }
  return out;
}

// A workbook written cell by cell, for returns as other programs (or attackers) make them.
struct Book {
  std::string path = ScratchXlsxPath();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* Sheet(const char* name) { return workbook_add_worksheet(wb, name); }
  void Rows(lxw_worksheet* ws, const SheetTable& t) {
    for (const auto& row : t.rows)
      for (size_t c = 0; c < row.cells.size(); ++c)
        if (!row.cells[c].text.empty())
          worksheet_write_string(ws, row.number - 1, static_cast<lxw_col_t>(c), row.cells[c].text.c_str(), nullptr);
  }
  std::string Bytes() {
    std::string bytes, error;
    REQUIRE_MESSAGE(CloseWorkbookToBytes(wb, path, &bytes, &error), error);
    return bytes;
  }
};

bool Says(const std::vector<ReturnMessage>& m, const std::string& part) {
  for (const auto& x : m)
    if (x.Format().find(part) != std::string::npos) return true;
  return false;
}
std::string All(const std::vector<ReturnMessage>& m) {
  std::string s;
  for (const auto& x : m) s += x.Format() + "\n";
  return s;
}

const ReturnRow* RowFor(const ReturnFile& f, const std::string& code, const PlanIndex& index) {
  for (const auto& r : f.rows)
    if (index[r.item].node->code == code) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("statuses are read as labels in both languages, marks and scores") {
  CHECK(ParseReturnStatus("icra edilmişdir") == Status::Executed);
  CHECK(ParseReturnStatus("  İCRA EDİLMİŞDİR ") == Status::Executed);  // Azerbaijani upper case
  CHECK(ParseReturnStatus("Qismən icra edilmişdir") == Status::Partial);
  CHECK(ParseReturnStatus("icra edilməmişdir") == Status::NotExecuted);
  CHECK(ParseReturnStatus("qiymətləndirilmir") == Status::NotAssessed);
  CHECK(ParseReturnStatus("Partially executed") == Status::Partial);
  CHECK(ParseReturnStatus("not executed") == Status::NotExecuted);
  CHECK(ParseReturnStatus("✔") == Status::Executed);
  CHECK(ParseReturnStatus("◐") == Status::Partial);
  CHECK(ParseReturnStatus("✘") == Status::NotExecuted);
  CHECK(ParseReturnStatus("–") == Status::NotAssessed);
  CHECK(ParseReturnStatus("✔ icra edilmişdir") == Status::Executed);
  CHECK_FALSE(ParseReturnStatus("✔ icra edilməmişdir"));  // mark and label disagree
  CHECK(ParseReturnStatus("1") == Status::Executed);
  CHECK(ParseReturnStatus("0,5") == Status::Partial);
  CHECK(ParseReturnStatus("0.5") == Status::Partial);
  CHECK(ParseReturnStatus("0") == Status::NotExecuted);
  CHECK_FALSE(ParseReturnStatus("done"));
  CHECK_FALSE(ParseReturnStatus("0.7"));
}

TEST_CASE("a form lists the agency's due items with protection, dropdown and both languages") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  ReturnFormOptions o;
  o.year = 2017;
  CHECK(ReturnAgencies(index, o) == std::vector<std::string>{"mincom", "minecon"});
  o.year = 2018;  // 1.1.3's lead old-agency was merged into minecon
  CHECK(ReturnAgencies(index, o) == std::vector<std::string>{"minecon"});

  std::string xlsx = Form(index, "mincom", 2017);
  ZipReader zip;
  REQUIRE(zip.Open(xlsx));
  std::string sheet;
  REQUIRE(zip.Read("xl/worksheets/sheet1.xml", &sheet));
  CHECK(sheet.find("<sheetProtection") != std::string::npos);
  CHECK(sheet.find("type=\"list\"") != std::string::npos);
  CHECK(sheet.find("icra edilmişdir,qismən icra edilmişdir,icra edilməmişdir,qiymətləndirilmir") != std::string::npos);
  CHECK(sheet.find("<pageSetup") != std::string::npos);
  CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);

  SheetTable t = Table(xlsx);
  int h = HeaderRow(t);
  REQUIRE(h >= 0);
  CHECK(t.rows[static_cast<size_t>(h)].cells[returns::kStatus].text == "Status (2017)\nStatus (2017)");
  std::vector<std::string> codes;
  for (size_t r = static_cast<size_t>(h) + 1; r < t.rows.size(); ++r) codes.push_back(t.rows[r].cells[returns::kCode].text);
  CHECK(codes == std::vector<std::string>{"1.1.1", "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4"});
  CHECK(t.rows[static_cast<size_t>(h) + 1].cells[returns::kTitle].text == "İşçi qrupun yaradılması");

  std::string en = Form(index, "mincom", 2017, "en");
  REQUIRE(zip.Open(en));
  ZipReader zen;
  REQUIRE(zen.Open(en));
  REQUIRE(zen.Read("xl/worksheets/sheet1.xml", &sheet));
  CHECK(sheet.find("executed,partially executed,not executed,not assessed") != std::string::npos);
}

TEST_CASE("a filled .xlsx return imports; bad rows are named with file, sheet and row") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  SheetTable t = Table(Form(index, "mincom", 2017));
  Fill(t, "1.1.1", "icra edilmişdir", "Qrup yaradılıb; əmr № 15");
  Fill(t, "1.1.1.1", "✔");
  Fill(t, "1.1.1.2", "bitdi");         // not a status
  Fill(t, "1.1.1.3", "0,5");
  int h = HeaderRow(t);
  t.rows[static_cast<size_t>(h) + 5].cells[returns::kTitle].text = "Başqa ad";  // 1.1.1.4: protected cell changed
  t.rows[static_cast<size_t>(h) + 5].cells[returns::kStatus].text = "1";
  SheetRow extra;  // a measure of another agency, and an unknown code
  extra.number = t.rows.back().number + 1;
  extra.cells.resize(returns::kColumns);
  extra.cells[returns::kId].text = "rm/1.1.2";
  extra.cells[returns::kCode].text = "1.1.2";
  extra.cells[returns::kTitle].text = "Normativ aktların hazırlanması";
  extra.cells[returns::kStatus].text = "1";
  t.rows.push_back(extra);
  extra.number++;
  extra.cells[returns::kId].text = "rm/9.9.9";
  extra.cells[returns::kCode].text = "9.9.9";
  extra.cells[returns::kTitle].text = "";
  t.rows.push_back(extra);
  Book b;
  b.Rows(b.Sheet("Hesabat"), t);
  std::vector<ReturnMessage> m;
  ReturnFile f = ReadReturn(index, 2017, "mincom.xlsx", b.Bytes(), &m);
  INFO(All(m));
  CHECK_FALSE(f.refused);
  CHECK(f.agencyId == "mincom");
  CHECK(f.rows.size() == 3);
  CHECK(f.rowsRefused == 4);
  REQUIRE(RowFor(f, "1.1.1", index));
  CHECK(RowFor(f, "1.1.1", index)->workDone == "Qrup yaradılıb; əmr № 15");
  CHECK(RowFor(f, "1.1.1.3", index)->status == Status::Partial);
  const int first = t.rows[static_cast<size_t>(h) + 1].number;
  CHECK(Says(m, "mincom.xlsx, sheet Hesabat, row " + std::to_string(first + 2) + ": status \"bitdi\" is not one of the four"));
  CHECK(Says(m, "row " + std::to_string(first + 4) + ": protected cell C" + std::to_string(first + 4)));
  CHECK(Says(m, "measure 1.1.2 is not one of mincom's measures"));
  CHECK(Says(m, "unknown measure ID rm/9.9.9"));
}

TEST_CASE("CSV returns: BOM or not, ';' or ',', CRLF, quoted line breaks") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  SheetTable t = Table(Form(index, "minecon", 2017));
  Fill(t, "1.1.2", "Qismən icra edilmişdir", "Birinci sətir;\nikinci sətir, \"sitat\"");
  Fill(t, "1.1.2.1", "icra edilməmişdir");
  for (auto [sep, bom, eol] : {std::tuple<char, bool, const char*>{';', true, "\r\n"}, {',', false, "\n"}, {';', false, "\r\n"}}) {
    std::vector<ReturnMessage> m;
    ReturnFile f = ReadReturn(index, 2017, "minecon.csv", Csv(t, sep, bom, eol), &m);
    INFO(All(m), " sep ", sep);
    CHECK_FALSE(f.refused);
    REQUIRE(f.rows.size() == 2);
    CHECK(RowFor(f, "1.1.2", index)->status == Status::Partial);
    CHECK(RowFor(f, "1.1.2", index)->workDone == "Birinci sətir;\nikinci sətir, \"sitat\"");
    CHECK(RowFor(f, "1.1.2.1", index)->status == Status::NotExecuted);
  }
}

TEST_CASE("azplan JSON returns import like the forms") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  ReturnFormOptions o;
  o.year = 2017;
  std::string json = ReturnJson(index, "minecon", o);
  size_t at = json.find("\"status\": \"\"");  // 1.1.2's; 1.1.2.1 stays unreported
  REQUIRE(at != std::string::npos);
  json.replace(at, 12, "\"status\": \"◐\"");
  std::vector<ReturnMessage> m;
  ReturnFile f = ReadReturn(index, 2017, "minecon.json", json, &m);
  INFO(All(m));
  REQUIRE(f.rows.size() == 1);
  CHECK(RowFor(f, "1.1.2", index)->status == Status::Partial);
  std::vector<ReturnMessage> m2;
  ReturnFile wrongYear = ReadReturn(index, 2018, "minecon.json", json, &m2);
  CHECK(wrongYear.refused);
  CHECK(Says(m2, "this return is for 2017, but returns are being merged for 2018"));
}

TEST_CASE("hostile returns get a clear message and import nothing") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  std::vector<ReturnMessage> m;
  auto refused = [&](const std::string& name, const std::string& bytes, const std::string& says) {
    m.clear();
    ReturnFile f = ReadReturn(index, 2017, name, bytes, &m);
    INFO(All(m));
    CHECK(f.refused);
    CHECK(f.rows.empty());
    CHECK(Says(m, name + ", ") + Says(m, name + ": ") > 0);
    CHECK(Says(m, says));
  };
  // The literal's 19 bytes, its NUL included (22 read past its end: ASan).
  SUBCASE("a renamed PDF") { refused("hesabat.xlsx", std::string("%PDF-1.4\n\0\x93\x8c binary", 19), "neither .xlsx, CSV nor JSON"); }
  SUBCASE("a zip that is not a workbook") {
    std::string zip, error;
    REQUIRE(WriteZip({{"readme.txt", "salam"}}, &zip, &error));
    refused("x.xlsx", zip, "not an .xlsx workbook");
  }
  SUBCASE("a zip bomb") {
    std::string zip, error;
    REQUIRE(WriteZip({{"xl/workbook.xml", "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"/></sheets></workbook>"},
                      {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                      {"xl/worksheets/sheet1.xml", std::string(80u << 20, ' ')}},
                     &zip, &error));
    CHECK(zip.size() < (1u << 20));
    refused("bomb.xlsx", zip, "over the limit");
  }
  SUBCASE("a sheet with a million rows") {
    std::string sheet = "<worksheet><sheetData>";
    for (int r = 1; r <= 1000001; ++r) sheet += "<row r=\"" + std::to_string(r) + "\"/>";
    sheet += "</sheetData></worksheet>";
    std::string zip, error;
    REQUIRE(WriteZip({{"xl/workbook.xml", "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"/></sheets></workbook>"},
                      {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                      {"xl/worksheets/sheet1.xml", sheet}},
                     &zip, &error));
    refused("rows.xlsx", zip, "1000001 rows, more than the 100000");
  }
  SUBCASE("a return for another plan") {
    SyntheticOptions so;
    so.measures = 20;
    Plan other = MakeSyntheticPlan(so);
    PlanIndex oi(other);
    ReturnFormOptions o;
    o.year = 2020;
    std::string agency = ReturnAgencies(oi, o).at(0);
    m.clear();
    ReturnFile f = ReadReturn(index, 2020, "other.xlsx", Form(oi, agency, 2020), &m);
    CHECK(f.refused);
    CHECK(Says(m, "other.xlsx, sheet Hesabat: this return was made for the plan"));
  }
  SUBCASE("formulas and hyperlinks in cells") {
    SheetTable t = Table(Form(index, "mincom", 2017));
    Book b;
    lxw_worksheet* ws = b.Sheet("Hesabat");
    b.Rows(ws, t);
    int h = HeaderRow(t);
    int row = t.rows[static_cast<size_t>(h) + 1].number - 1;  // 0-based, 1.1.1
    worksheet_write_formula(ws, row, returns::kStatus, "=IF(1,\"icra edilmişdir\",\"\")", nullptr);
    worksheet_write_string(ws, row + 1, returns::kStatus, "icra edilmişdir", nullptr);
    worksheet_write_url(ws, row + 1, returns::kEvidence, "https://example.invalid/x", nullptr);
    m.clear();
    ReturnFile f = ReadReturn(index, 2017, "f.xlsx", b.Bytes(), &m);
    INFO(All(m));
    CHECK_FALSE(f.refused);
    CHECK(f.rowsRefused == 1);
    CHECK(Says(m, "row " + std::to_string(row + 1) + ": cell H" + std::to_string(row + 1) + " holds a formula"));
    CHECK(Says(m, "holds a hyperlink: its text was read, the link itself was not followed"));
    REQUIRE(f.rows.size() == 1);  // 1.1.1.1, with the link's text as evidence
    CHECK(f.rows[0].evidence == "https://example.invalid/x");
  }
  SUBCASE("hidden sheets") {
    SheetTable t = Table(Form(index, "mincom", 2017));
    Fill(t, "1.1.1", "icra edilmişdir");
    Book b;
    lxw_worksheet* visible = b.Sheet("Vərəq1");
    worksheet_write_string(visible, 0, 0, "boş", nullptr);
    lxw_worksheet* hidden = b.Sheet("Hesabat");
    b.Rows(hidden, t);
    worksheet_hide(hidden);
    refused("hidden.xlsx", b.Bytes(), "not an azplan return form");
    CHECK(Says(m, "warning: sheet \"Hesabat\" is hidden and was not read"));
  }
}

namespace {
ReturnFile Return(const PlanIndex& index, const std::string& agency, int year, const std::string& file,
                  std::vector<std::pair<std::string, std::string>> statuses, std::vector<ReturnMessage>* m) {
  SheetTable t = Table(Form(index, agency, year));
  for (auto& [code, st] : statuses) Fill(t, code, st, "İş görülüb: " + code);
  return ReadReturn(index, year, file, Csv(t, ';', true, "\r\n"), m);
}
}  // namespace

TEST_CASE("merge: counts, conflicts, one undo step, provenance kept") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  Editor editor;
  editor.Reset(std::move(plan));
  const PlanIndex& index = editor.index();
  std::vector<ReturnMessage> m;
  std::vector<ReturnFile> files;
  // 2017. mincom leads 1.1.1 (current: partial, the coordinator's) and its sub-measures;
  // minecon co-executes 1.1.1 and leads 1.1.2 (notExecuted) and 1.1.2.1 (notExecuted).
  files.push_back(Return(index, "mincom", 2017, "mincom.csv",
                         {{"1.1.1", "icra edilmişdir"}, {"1.1.1.1", "icra edilmişdir"}, {"1.1.1.3", "icra edilmişdir"},
                          {"1.1.1.4", "bilmirəm"}},
                         &m));
  ReturnFormOptions co;
  co.year = 2017;
  co.includeCoExecutor = true;
  std::string json = ReturnJson(index, "minecon", co);
  // minecon's own return also gives 1.1.1 (as co-executor) a different status.
  auto setStatus = [&](const std::string& id, const std::string& st) {
    size_t at = json.find("\"id\": \"" + id + "\"");
    REQUIRE(at != std::string::npos);
    size_t s = json.find("\"status\": ", at);
    size_t e = json.find('\n', s);
    json.replace(s, e - s, "\"status\": \"" + st + "\",");
  };
  setStatus("rm/1.1.1", "partial");
  setStatus("rm/1.1.2", "partial");
  setStatus("rm/1.1.2.1", "notExecuted");  // same as now: no change
  files.push_back(ReadReturn(index, 2017, "minecon.json", json, &m));
  REQUIRE_MESSAGE(files[1].rows.size() >= 3, All(m));

  MergeReview review = BuildMergeReview(index, 2017, files, m, "2018-02-01");
  MergeCounts c = review.Counts();
  CHECK(c.files == 2);
  CHECK(c.rowsRefused == 1);  // "bilmirəm"
  CHECK(c.received == 3 + static_cast<int>(files[1].rows.size()));
  // 1.1.1: mincom says executed, minecon partial (returns disagree) and the coordinator's
  // partial differs from mincom's (both). 1.1.1.3 notExecuted → executed: coordinator's.
  // 1.1.2 notExecuted → partial: the coordinator's too.
  CHECK(c.conflicts == 3);
  CHECK(c.undecided == 3);
  const MergeItem* item111 = nullptr;
  for (const auto& it : review.items)
    if (it.nodeId == "rm/1.1.1") item111 = &it;
  REQUIRE(item111);
  CHECK(item111->conflict == MergeConflict::Both);
  CHECK(item111->incoming[0].agencyId == "mincom");  // the lead's return first

  std::string before = SavePlan(editor.plan());
  // Decide: 1.1.1 from mincom, keep the rest as the coordinator had them.
  for (auto& it : review.items) {
    if (it.nodeId == "rm/1.1.1") it.choice = 0;
    else if (it.choice == MergeItem::kUndecided) it.choice = MergeItem::kKeep;
  }
  c = review.Counts();
  CHECK(c.undecided == 0);
  auto cmd = ApplyMerge(review);
  REQUIRE(cmd);
  REQUIRE(editor.Execute(std::move(cmd)));
  const Node* n = editor.plan().documents[0].nodes[0].children[0].children.data();
  const Assessment* a = n->AssessmentFor(2017);
  REQUIRE(a);
  CHECK(a->status == Status::Executed);
  CHECK(a->reportedStatus == Status::Executed);
  CHECK(a->reportingAgency == "mincom");
  CHECK(a->sourceFile == "mincom.csv");
  CHECK(a->workDone == "İş görülüb: 1.1.1");
  CHECK(a->date == "2018-02-01");
  CHECK_FALSE(a->StatusByCoordinator());
  // 1.1.1.1 was executed already: same status, new account → provenance added.
  CHECK(n->children[0].AssessmentFor(2017)->sourceFile == "mincom.csv");
  CHECK(n->children[2].AssessmentFor(2017)->status == Status::NotExecuted);  // kept
  // The whole merge is one step.
  CHECK(editor.Undo());
  CHECK(SavePlan(editor.plan()) == before);
  CHECK(editor.Redo());

  // The same return again: nothing changes; a later return that differs from what the
  // merge set (not a coordinator edit) is an update, not a conflict.
  std::vector<ReturnMessage> m2;
  ReturnFile again = Return(editor.index(), "mincom", 2017, "mincom-2.csv", {{"1.1.1", "qismən icra edilmişdir"}}, &m2);
  MergeReview r2 = BuildMergeReview(editor.index(), 2017, {again}, m2, "2018-03-01");
  CHECK(r2.Counts().conflicts == 0);
  CHECK(r2.Counts().changed == 1);
}

TEST_CASE("merge --prefer: returns win by lead agency, or the coordinator's status stays") {
  Plan plan = MustLoad(Fixture("small-plan.json"));
  PlanIndex index(plan);
  std::vector<ReturnMessage> m;
  ReturnFile f = Return(index, "mincom", 2017, "mincom.csv", {{"1.1.1", "icra edilmişdir"}}, &m);
  MergeReview r = BuildMergeReview(index, 2017, {f}, m, "2018-02-01");
  REQUIRE(r.Counts().undecided == 1);
  MergeReview keep = r;
  ResolveConflicts(keep, MergePrefer::Current);
  CHECK(keep.Counts().undecided == 0);
  CHECK(keep.Counts().changed == 0);
  CHECK_FALSE(ApplyMerge(keep));
  ResolveConflicts(r, MergePrefer::Returns);
  CHECK(r.Counts().changed == 1);
  CHECK(ApplyMerge(r));
}
