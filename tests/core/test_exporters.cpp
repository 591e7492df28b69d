// Every export format: CSV quoting and formula neutralising, JSON round trip, the HTML
// report's figures and escaping, SVG and MSPDI well-formedness and content. The XML
// outputs are parsed by a small strict parser below (tag balance, quoting, entities).
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/exporters.h"
#include "core/markup.h"
#include "core/plan_index.h"
#include "core/plan_io.h"
#include "core/text.h"
#include "core/zip_archive.h"
#include "embedded/embedded.h"
#include "test_util.h"

using namespace azplan;

namespace {

// ---- a strict little XML reader ------------------------------------------------------

struct XNode {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::string text;  // all text directly inside, entities decoded
  std::vector<XNode> kids;
  const XNode* Kid(const std::string& n) const {
    for (const auto& k : kids)
      if (k.name == n) return &k;
    return nullptr;
  }
  std::string KidText(const std::string& n) const {
    const XNode* k = Kid(n);
    return k ? k->text : std::string("<missing " + n + ">");
  }
  void Collect(const std::function<bool(const XNode&)>& pred, std::vector<const XNode*>& out) const {
    if (pred(*this)) out.push_back(this);
    for (const auto& k : kids) k.Collect(pred, out);
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}
  // Parses the whole document; returns an error message, empty when well-formed.
  std::string Parse(XNode& root) {
    if (!IsValidUtf8(s_)) return "invalid UTF-8";
    if (s_.compare(0, 5, "<?xml") == 0) {
      size_t e = s_.find("?>");
      if (e == std::string_view::npos) return "unterminated prolog";
      p_ = e + 2;
    }
    SkipMisc();
    if (p_ >= s_.size() || s_[p_] != '<') return "no root element";
    if (!Element(root)) return error_;
    SkipMisc();
    if (p_ != s_.size()) return "content after the root element at " + std::to_string(p_);
    return "";
  }

 private:
  bool Fail(const std::string& m) {
    if (error_.empty()) error_ = m + " at byte " + std::to_string(p_);
    return false;
  }
  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '\t')) ++p_;
  }
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      if (s_.compare(p_, 4, "<!--") == 0) {
        size_t e = s_.find("-->", p_);
        p_ = e == std::string_view::npos ? s_.size() : e + 3;
        continue;
      }
      return;
    }
  }
  static bool NameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.';
  }
  bool Name(std::string& out) {
    size_t b = p_;
    while (p_ < s_.size() && NameChar(s_[p_])) ++p_;
    if (p_ == b || (s_[b] >= '0' && s_[b] <= '9') || s_[b] == '-' || s_[b] == '.') return Fail("bad name");
    out = std::string(s_.substr(b, p_ - b));
    return true;
  }
  // Text up to `stop`, decoding entities; '<' is never allowed in it.
  bool Chars(char stop, std::string& out) {
    while (p_ < s_.size() && s_[p_] != stop) {
      char c = s_[p_];
      if (c == '<') return Fail("raw '<' in text");
      if (c == '&') {
        size_t e = s_.find(';', p_);
        if (e == std::string_view::npos || e - p_ > 10) return Fail("bad entity");
        std::string_view ent = s_.substr(p_ + 1, e - p_ - 1);
        if (ent == "amp") out += '&';
        else if (ent == "lt") out += '<';
        else if (ent == "gt") out += '>';
        else if (ent == "quot") out += '"';
        else if (ent == "apos") out += '\'';
        else if (ent.size() > 1 && ent[0] == '#') {
          bool hex = ent[1] == 'x';
          std::string digits(ent.substr(hex ? 2 : 1));
          if (digits.empty()) return Fail("empty character reference");
          for (char d : digits)
            if (!(std::isdigit(static_cast<unsigned char>(d)) || (hex && std::isxdigit(static_cast<unsigned char>(d)))))
              return Fail("bad character reference");
          AppendUtf8(out, static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
        } else {
          return Fail("unknown entity &" + std::string(ent) + ";");
        }
        p_ = e + 1;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') return Fail("control character");
      out += c;
      ++p_;
    }
    return true;
  }
  bool Element(XNode& n) {
    ++p_;  // '<'
    if (!Name(n.name)) return false;
    for (;;) {
      size_t before = p_;
      SkipSpace();
      if (p_ >= s_.size()) return Fail("unterminated tag");
      if (s_[p_] == '/') {
        if (s_.compare(p_, 2, "/>") != 0) return Fail("bad empty tag");
        p_ += 2;
        return true;
      }
      if (s_[p_] == '>') {
        ++p_;
        break;
      }
      if (p_ == before) return Fail("attributes need white space between them");
      std::string an, av;
      if (!Name(an)) return false;
      SkipSpace();
      if (p_ >= s_.size() || s_[p_] != '=') return Fail("attribute without '='");
      ++p_;
      SkipSpace();
      if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\'')) return Fail("unquoted attribute");
      char q = s_[p_++];
      if (!Chars(q, av)) return false;
      if (p_ >= s_.size()) return Fail("unterminated attribute");
      ++p_;
      if (n.attrs.count(an)) return Fail("duplicate attribute " + an);
      n.attrs[an] = av;
    }
    for (;;) {
      if (!Chars('<', n.text)) return false;
      if (p_ >= s_.size()) return Fail("unclosed element " + n.name);
      if (s_.compare(p_, 4, "<!--") == 0) {
        size_t e = s_.find("-->", p_);
        if (e == std::string_view::npos) return Fail("unterminated comment");
        p_ = e + 3;
        continue;
      }
      if (s_.compare(p_, 2, "</") == 0) {
        p_ += 2;
        std::string close;
        if (!Name(close)) return false;
        if (close != n.name) return Fail("</" + close + "> closes <" + n.name + ">");
        SkipSpace();
        if (p_ >= s_.size() || s_[p_] != '>') return Fail("bad end tag");
        ++p_;
        return true;
      }
      if (s_.compare(p_, 2, "<!") == 0 || s_.compare(p_, 2, "<?") == 0) return Fail("unexpected markup");
      n.kids.emplace_back();
      if (!Element(n.kids.back())) return false;
    }
  }

  std::string_view s_;
  size_t p_ = 0;
  std::string error_;
};

XNode MustParseXml(const std::string& text) {
  XNode root;
  std::string err = XmlReader(text).Parse(root);
  REQUIRE_MESSAGE(err.empty(), err);
  return root;
}

// ---- a strict RFC 4180 reader ----------------------------------------------------------

std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, wasQuoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"' && cell.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (c == ',') {
      row.push_back(cell), cell.clear(), wasQuoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      row.push_back(cell), cell.clear(), wasQuoted = false;
      rows.push_back(row), row.clear();
      ++i;
    } else {
      REQUIRE_MESSAGE(c != '"', "stray quote in an unquoted cell");
      cell += c;
    }
  }
  REQUIRE_FALSE(quoted);
  if (!cell.empty() || !row.empty()) row.push_back(cell), rows.push_back(row);
  return rows;
}

// ---- plans -------------------------------------------------------------------------------

const Plan& Bundled() {
  static const Plan plan = [] {
    std::vector<NamedText> in;
    for (const EmbeddedFile* f = BundledPlanFiles(); f->name; ++f)
      in.push_back({f->name, std::string(reinterpret_cast<const char*>(f->data), f->size)});
    LoadResult r = LoadPlans(in);
    REQUIRE(r.Ok());
    return std::move(*r.plan);
  }();
  return plan;
}

Plan Small() { return test::MustLoad(test::Fixture("small-plan.json")); }

Node& FindNode(std::vector<Node>& nodes, const std::string& code) {
  for (auto& n : nodes) {
    if (n.code == code) return n;
    if (code.compare(0, n.code.size() + 1, n.code + ".") == 0) return FindNode(n.children, code);
  }
  FAIL("no node " << code);
  return nodes.front();
}

const char* kHostile = "<script>alert('x')</script> & \"q\"";

std::string Export(const char* key, const Plan& plan, int year, const std::string& lang = "az") {
  const ExportFormat* f = FindExportFormat(key);
  REQUIRE(f);
  return f->run(plan, ExportOptions{year, lang});
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("the test's XML reader rejects what is not well-formed") {
  const char* bad[] = {"<a><b></a>", "<a>&foo;</a>", "<a x=1/>", "<a>1 < 2</a>", "<a>&amp</a>", "<a x=\"1\" x=\"2\"/>",
                       "<a></a><b/>", "<a>", "text", "<a x=\"<\"/>"};
  for (const char* b : bad) {
    XNode root;
    CHECK_MESSAGE(!XmlReader(b).Parse(root).empty(), b);
  }
  XNode root;
  CHECK(XmlReader("<?xml version=\"1.0\"?>\n<a x='1'><b>&lt;&#233;&#x4B;</b><!-- c --><c/></a>\n").Parse(root).empty());
  CHECK(root.Kid("b")->text == "<éK");
}

TEST_CASE("the registry has every format and file names follow <plan>-<year>-<kind>.<ext>") {
  const char* keys[] = {"json", "csv", "xlsx", "html", "gantt-svg", "gantt-a4", "gantt-a3", "timeline-svg", "mspdi"};
  for (const char* k : keys) CHECK_MESSAGE(FindExportFormat(k), k);
  CHECK_FALSE(FindExportFormat("pdf"));
  Plan plan = Small();
  CHECK(ExportFileName(plan, 2017, *FindExportFormat("html")) == "small-2017-report.html");
  CHECK(ExportFileName(plan, 2017, *FindExportFormat("gantt-svg")) == "small-2017-gantt.svg");
  CHECK(ExportFileName(plan, 2017, *FindExportFormat("timeline-svg")) == "small-2017-timeline.svg");
  CHECK(ExportFileName(plan, 2018, *FindExportFormat("mspdi")) == "small-2018-msproject.xml");
  CHECK(ExportFileName(plan, 2017, *FindExportFormat("csv")) == "small-2017-measures.csv");
  plan.id = "Kiçik Şəki planı";
  CHECK(ExportFileName(plan, 2017, *FindExportFormat("json")) == "kichik-sheki-plani-2017-plan.json");
}

TEST_CASE("markup escaping covers & < > \" ' and keeps the output well-formed") {
  CHECK(EscapeXml(kHostile) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(EscapeHtml("ə & ü") == "ə &amp; ü");
  // Control characters XML forbids are dropped, invalid UTF-8 becomes U+FFFD.
  CHECK(EscapeXml(std::string("a\x01" "b\xff" "c\tok")) == "ab\xEF\xBF\xBD" "c\tok");
  CHECK(PercentBand(10) == std::string("low"));
  CHECK(PercentBand(11) == std::string("mid"));
  CHECK(PercentBand(90) == std::string("high"));
}

TEST_CASE("CSV: BOM, header in the UI language, every text cell quoted, formulas neutralised, one row per node") {
  Plan plan = Small();
  auto& docNodes = plan.documents[0].nodes;
  const std::string tricky = "Ad, \"soyad\"; üçüncü\nikinci sətir";
  FindNode(docNodes, "1.1.1").title = tricky;
  FindNode(docNodes, "1.1.1.1").title = "=HYPERLINK(\"http://x\")";
  FindNode(docNodes, "1.1.1.2").title = "+1";
  FindNode(docNodes, "1.1.1.3").title = "-2";
  FindNode(docNodes, "1.1.1.4").title = "@SUM(A1)";
  std::string csv = Export("csv", plan, 2017);
  REQUIRE(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
  auto rows = ParseCsv(std::string_view(csv).substr(3));
  PlanIndex index(plan);
  REQUIRE(rows.size() == static_cast<size_t>(index.Size()) + 1);
  CHECK(rows[0][0] == "Sənəd");
  CHECK(rows[0][1] == "Kod");
  CHECK(rows[0][3] == "Tədbir");
  CHECK(rows[0][13] == "İcra vəziyyəti (2017)");
  std::map<std::string, std::vector<std::string>> byCode;
  for (size_t r = 1; r < rows.size(); ++r) {
    CHECK(rows[r].size() == rows[0].size());
    REQUIRE(rows[r][1].compare(0, 3, "\u2060") == 0);  // an invisible WORD JOINER keeps the code text
    byCode[rows[r][1].substr(3)] = rows[r];
  }
  CHECK(byCode["1.1.1"][3] == tricky);
  CHECK(byCode["1.1.1.1"][3] == "'=HYPERLINK(\"http://x\")");
  CHECK(byCode["1.1.1.2"][3] == "'+1");
  CHECK(byCode["1.1.1.3"][3] == "'-2");
  CHECK(byCode["1.1.1.4"][3] == "'@SUM(A1)");
  CHECK(byCode["1.1.1"][13] == "qismən icra edilmişdir");
  CHECK(byCode["1.1.1"][14] == "◐");
  CHECK(byCode["1.1.1"][2] == "tədbir");
  // Every non-empty text cell starts with a quote in the file, so a reader splitting on
  // ";" (LibreOffice's dialog, Excel in an Azerbaijani locale) keeps it whole.
  CHECK(csv.find("\r\n\"" + plan.documents[0].title + "\",\"\u20601.1.1\",\"tədbir\",\"Ad, ") != std::string::npos);
  // The same file split on semicolons outside quotes has as many cells in every row.
  size_t cellsPerRow = 0;
  bool ok = true, quoted = false;
  size_t cells = 1;
  for (size_t k = 3; k < csv.size(); ++k) {
    char c = csv[k];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == ';') ++cells;
    else if (!quoted && c == '\n') {
      if (!cellsPerRow) cellsPerRow = cells;
      ok = ok && cells == cellsPerRow;
      cells = 1;
    }
  }
  CHECK(ok);
  CHECK(cellsPerRow == 1);
  // English headers and statuses when the UI is in English.
  auto en = ParseCsv(std::string_view(Export("csv", plan, 2017, "en")).substr(3));
  CHECK(en[0][1] == "Code");
  CHECK(en[0][13] == "Status (2017)");
  for (const auto& r : en)
    if (r[1] == "\u20601.1.1") CHECK(r[13] == "partially executed");
}

TEST_CASE("CSV: agencies by their name in the year (as the report), current name beside; period as written") {
  const Plan& plan = Bundled();
  auto rows = ParseCsv(std::string_view(Export("csv", plan, 2017)).substr(3));
  std::vector<std::string> r113;
  for (const auto& r : rows)
    if (r[0] == plan.FindDocument("roadmap-telecom-2016")->title && r[1] == "\u20601.1.1.3") r113 = r;
  REQUIRE(!r113.empty());
  const std::string inYear = AgencyNameInYear(plan, "mincom", 2017);
  CHECK(inYear == "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi");
  CHECK(r113[4] == inYear);
  CHECK(r113[5] == "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi");
  CHECK(Export("html", plan, 2017).find(inYear) != std::string::npos);
  // Periods as written, "within N months" deadlines, recommended parties.
  bool within = false, recommended = false, written = false;
  PlanIndex index(plan);
  for (int i = 0; i < index.Size(); ++i) {
    const Node& n = *index[i].node;
    for (const auto& r : rows) {
      if (r[1] != "\u2060" + n.code || r[0] != plan.documents[static_cast<size_t>(index[i].doc)].title) continue;
      // "üç ay müddətində" as written, and its deadline: the decree's date plus 3 months.
      if (index[i].period.withinMonths)
        within = within || (r[9] == "üç ay müddətində" && r[12].size() == 10 && r[12].compare(0, 2, "20") == 0);
      if (!n.period.text.empty()) written = written || r[9] == n.period.text;
      if (!n.recommended.empty()) recommended = recommended || r[8].find(n.recommended[0]) != std::string::npos;
    }
  }
  CHECK(within);
  CHECK(recommended);
  CHECK(written);
}

TEST_CASE("CSV: evidence and provenance of a status reported by an agency") {
  Plan plan = Small();
  Assessment& a = FindNode(plan.documents[0].nodes, "1.1.1").AssessmentForEdit(2017);
  a.evidence = "https://example.az/hesabat.pdf";
  a.workDone = "Layihə hazırlanıb; təsdiq gözlənilir";
  a.reportedBy = "Şöbə müdiri Ə. Əliyev";
  a.reportingAgency = plan.agencies[0].id;
  a.sourceFile = "qaytarma-2017.xlsx";
  a.reportedStatus = Status::Executed;
  auto rows = ParseCsv(std::string_view(Export("csv", plan, 2017)).substr(3));
  std::map<std::string, int> col;
  for (size_t c = 0; c < rows[0].size(); ++c) col[rows[0][c]] = static_cast<int>(c);
  for (const auto& r : rows)
    if (r[1] == "\u20601.1.1") {
      CHECK(r[col.at("Sübut")] == a.evidence);
      CHECK(r[col.at("Görülmüş işlər")] == a.workDone);
      CHECK(r[col.at("Məlumatı təqdim edən")] == a.reportedBy);
      CHECK(r[col.at("Hesabat verən qurum")] == AgencyNameInYear(plan, plan.agencies[0].id, 2017));
      CHECK(r[col.at("Mənbə fayl")] == "qaytarma-2017.xlsx");
      CHECK(r[col.at("Qurumun bildirdiyi vəziyyət")] == "icra edilmişdir");
      CHECK(r[col.at("İcra vəziyyəti (2017)")] == "qismən icra edilmişdir");  // the coordinator's, which differs
    }
}

TEST_CASE("CSV: only the rows on screen, in the screen's order, when filtered") {
  Plan plan = Small();
  ExportOptions o{2017, "az"};
  o.filtered = true;
  PlanIndex index(plan);
  o.itemIds = {index[3].id, index[1].id, "no-such-id"};
  auto rows = ParseCsv(std::string_view(FindExportFormat("csv")->run(plan, o)).substr(3));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][1] == "\u2060" + index[3].node->code);
  CHECK(rows[2][1] == "\u2060" + index[1].node->code);
}

TEST_CASE("XLSX: the CSV's rows and columns, codes as text, frozen filtered header, print setup") {
  const Plan& plan = Bundled();
  std::string bytes = Export("xlsx", plan, 2017);
  ZipReader zip;
  REQUIRE_MESSAGE(zip.Open(bytes), zip.error());
  std::string sheet, shared, workbook;
  REQUIRE(zip.Read("xl/worksheets/sheet1.xml", &sheet));
  REQUIRE(zip.Read("xl/sharedStrings.xml", &shared));
  REQUIRE(zip.Read("xl/workbook.xml", &workbook));
  XNode ws = MustParseXml(sheet), ss = MustParseXml(shared);
  std::vector<std::string> strings;
  for (const auto& si : ss.kids) strings.push_back(si.KidText("t"));
  // Every code cell (column B) is a shared string, never a number.
  const XNode* data = ws.Kid("sheetData");
  REQUIRE(data);
  PlanIndex index(plan);
  CHECK(data->kids.size() == static_cast<size_t>(index.Size()) + 1);
  size_t codes = 0;
  for (const auto& row : data->kids)
    for (const auto& c : row.kids)
      if (c.attrs.at("r").rfind("B", 0) == 0 && c.attrs.at("r") != "B1") {
        CHECK(c.attrs.count("t"));
        CHECK(c.attrs.at("t") == "s");
        ++codes;
      }
  CHECK(codes == static_cast<size_t>(index.Size()));
  CHECK(std::find(strings.begin(), strings.end(), "5.1.10") != strings.end());
  CHECK(std::find(strings.begin(), strings.end(), "İcra vəziyyəti (2017)") != strings.end());
  CHECK(std::find(strings.begin(), strings.end(), "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi") != strings.end());
  // Frozen header, filter over the table, landscape A4 one page wide, header row repeated.
  CHECK(sheet.find("<pane xSplit=\"2\" ySplit=\"1\"") != std::string::npos);
  CHECK(ws.Kid("autoFilter"));
  CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
  CHECK(sheet.find("fitToWidth") == std::string::npos);  // 1 is the default: one page wide
  CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
  CHECK(workbook.find("_xlnm.Print_Titles") != std::string::npos);
  CHECK(sheet.find("Səhifə &amp;P / &amp;N") != std::string::npos);
}

TEST_CASE("JSON export round-trips through LoadPlan") {
  Plan plan = Small();
  FindNode(plan.documents[0].nodes, "1.1.1").title = kHostile;
  std::string json = Export("json", plan, 2017);
  Plan back = test::MustLoad(json, "roundtrip.json");
  CHECK(ExportJson(back, {}) == json);
  CHECK(FindNode(back.documents[0].nodes, "1.1.1").title == kHostile);
}

TEST_CASE("HTML report: the 2017 cover figures of the Roadmap") {
  std::string html = Export("html", Bundled(), 2017);
  size_t at = html.find("id=\"overall\"");
  REQUIRE(at != std::string::npos);
  std::string overall = html.substr(at, html.find("</tr>", at) - at);
  CHECK(overall.find(">47%<") != std::string::npos);
  CHECK(overall.find(">28%<") != std::string::npos);
  CHECK(overall.find(">25%<") != std::string::npos);
  CHECK(overall.find(">61%<") != std::string::npos);
  // Targets 1–3 as on the cover (executed / partial / not executed).
  for (const char* t : {">6%<", ">56%<", ">38%<", ">71%<", ">17%<", ">12%<", ">66%<"})
    CHECK_MESSAGE(html.find(t) != std::string::npos, t);
  // Priority summaries at measure level, as printed under each priority.
  CHECK(html.find("2 tədbirdən 1-i") != std::string::npos);   // 1.1
  CHECK(html.find("5 tədbirdən 4-ü") != std::string::npos);   // 1.2
  CHECK(html.find("2 tədbirdən 2-si") != std::string::npos);  // 1.3
  CHECK(html.find(">80%<") != std::string::npos);
  CHECK(html.find("6 tədbirdən 1 tədbir") != std::string::npos);  // 1.2's footnote: one measure starts in 2018
  // Priority scores with colour bands (2.1 = 100% is in the top band, 1.3 = 0% in the bottom one).
  CHECK(html.find("band-high\">100%<") != std::string::npos);
  CHECK(html.find("band-low\">0%<") != std::string::npos);
  // Agency performance, named as in 2017, with the weights note.
  CHECK(html.find("Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi") != std::string::npos);
  CHECK(html.find("xüsusi çəkisi nəzərə alınmamışdır") != std::string::npos);
  // Ticked boxes and marks.
  CHECK(html.find("☑") != std::string::npos);
  CHECK(html.find("☐") != std::string::npos);
  CHECK(html.find("✔") != std::string::npos);
  CHECK(html.find("2017-ci ildə icrası qiymətləndirilmir") != std::string::npos);
  // Self-contained and printable.
  CHECK(html.find("@media print") != std::string::npos);
  for (const char* bad : {"<script", "src=", "href=", "@import", "url(", "http://", "https://"})
    CHECK_MESSAGE(html.find(bad) == std::string::npos, bad);
  CHECK(html.compare(0, 15, "<!DOCTYPE html>") == 0);
  CHECK(Count(html, "<table") == Count(html, "</table>"));
  CHECK(Count(html, "<tr") == Count(html, "</tr>"));
}

TEST_CASE("HTML report in English") {
  std::string html = Export("html", Bundled(), 2017, "en");
  CHECK(html.find("lang=\"en\"") != std::string::npos);
  CHECK(html.find("4 of 5 measures") != std::string::npos);
  CHECK(html.find("OVERALL RESULT") != std::string::npos);
  CHECK(html.find("weights in the document are not taken into account") != std::string::npos);
}

TEST_CASE("official Azerbaijani dates: \"20 sentyabr 2016-cı il\"") {
  CHECK(OfficialDate("2016-09-20", "az") == "20 sentyabr 2016-cı il");
  CHECK(OfficialDate("2016-12-06", "az") == "6 dekabr 2016-cı il");
  CHECK(OfficialDate("2017-01-01", "az") == "1 yanvar 2017-ci il");
  CHECK(OfficialDate("2013-05-28", "az") == "28 may 2013-cü il");
  CHECK(OfficialDate("2019-04", "az") == "aprel 2019-cu il");
  CHECK(OfficialDate("2010", "az") == "2010-cu il");
  CHECK(OfficialDate("2020-02-29", "az") == "29 fevral 2020-ci il");
  CHECK(OfficialDate("2026-06-15", "az") == "15 iyun 2026-cı il");
  CHECK(OfficialDate("2016-09-20", "en") == "20 September 2016");
  // Not a date the model writes: shown as it is rather than guessed at.
  CHECK(OfficialDate("20.09.2016", "az") == "20.09.2016");
  CHECK(OfficialDate("2016-13-01", "az") == "2016-13-01");
  CHECK(OfficialYear(2018, "az") == "2018-ci il");
}

TEST_CASE("HTML report for signing: official dates, date of preparation, page header/footer, scope words") {
  const Plan& plan = Bundled();
  ExportOptions o{2017, "az"};
  o.preparedOn = "2026-12-01";
  std::string html = ExportHtml(plan, o);
  CHECK(html.find("Təsdiq edilmişdir: 20 sentyabr 2016-cı il") != std::string::npos);
  CHECK(html.find("Təsdiq edilmişdir: 6 dekabr 2016-cı il") != std::string::npos);
  CHECK(html.find("<p class=\"prepared\">Hazırlanma tarixi: 1 dekabr 2026-cı il</p>") != std::string::npos);
  CHECK(html.find("@top-right{content:\"Hazırlanma tarixi: 1 dekabr 2026-cı il\"") != std::string::npos);
  CHECK(html.find("@bottom-right{content:\"Səhifə \" counter(page) \" / \" counter(pages)") != std::string::npos);
  CHECK(html.find("@top-left{content:\"") != std::string::npos);
  // Footnotes name the scope they count: a roadmap priority is a "prioritet", a state
  // programme section a "bölmə".
  CHECK(html.find("Bu prioritet üzrə") != std::string::npos);
  const size_t roadmap = html.find("<h2 class=\"document\">" + plan.FindDocument("roadmap-telecom-2016")->title);
  REQUIRE(roadmap != std::string::npos);
  size_t next = html.find("<h2 class=\"document\">", roadmap + 1);
  CHECK(html.substr(roadmap, next - roadmap).find("Bu bölmə üzrə") == std::string::npos);
  // Every summary box is in its table's caption with its heading (kept together in print).
  CHECK(Count(html, "<table class=\"summary\">") == Count(html, "<caption class=\"lead-in\">"));
  // Without a date of preparation: no empty header box.
  CHECK(ExportHtml(plan, ExportOptions{2017, "az"}).find("@top-right") == std::string::npos);
  std::string en = ExportHtml(plan, [] { ExportOptions e{2017, "en"}; e.preparedOn = "2026-12-01"; return e; }());
  CHECK(en.find("Prepared on 1 December 2026") != std::string::npos);
}

TEST_CASE("HTML report escapes every piece of plan text") {
  Plan plan = Small();
  plan.title = kHostile;
  FindNode(plan.documents[0].nodes, "1.1.1").title = kHostile;
  FindNode(plan.documents[0].nodes, "1.1").AssessmentForEdit(2017).note = kHostile;
  FindNode(plan.documents[0].nodes, "1.1.1.1").AssessmentForEdit(2017).note = kHostile;
  plan.agencies[0].name = kHostile;
  std::string html = Export("html", plan, 2017);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(Count(html, "</style") == 1);  // the title in the page header cannot close the style sheet
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;") != std::string::npos);
  CHECK(Count(html, "&lt;script&gt;") >= 5);
}

TEST_CASE("Gantt SVG: well-formed, one bar per item row, marks beside the bars, text escaped") {
  Plan plan = Small();
  FindNode(plan.documents[0].nodes, "1.1.1").title = kHostile;
  std::string svg = Export("gantt-svg", plan, 2017);
  XNode root = MustParseXml(svg);
  CHECK(root.name == "svg");
  CHECK(root.attrs["xmlns"] == "http://www.w3.org/2000/svg");
  CHECK(svg.find("<script") == std::string::npos);
  std::vector<const XNode*> rows, bars, marks, hatches;
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "row"; }, rows);
  PlanIndex index(plan);
  REQUIRE(rows.size() == static_cast<size_t>(index.Size()));
  for (const XNode* r : rows) {
    std::vector<const XNode*> b;
    r->Collect([](const XNode& n) { return n.name == "rect" && n.attrs.count("class") && n.attrs.at("class").rfind("bar", 0) == 0; }, b);
    CHECK(b.size() == 1);
  }
  // The hostile title survives as text (tooltip) after decoding.
  bool found = false;
  for (const XNode* r : rows)
    if (r->Kid("title") && r->Kid("title")->text == std::string("1.1.1 ") + kHostile) found = true;
  CHECK(found);
  // Status marks as text, colours as fills, ongoing 1.1.3 hatched.
  root.Collect([](const XNode& n) { return n.name == "text" && n.attrs.count("class") && n.attrs.at("class") == "mark"; }, marks);
  std::set<std::string> markTexts;
  for (const XNode* m : marks) markTexts.insert(m->text);
  CHECK(markTexts.count("✔"));
  CHECK(markTexts.count("◐"));
  CHECK(markTexts.count("✘"));
  CHECK(markTexts.count("–"));
  CHECK(svg.find("fill=\"#2e9d5b\"") != std::string::npos);
  CHECK(svg.find("fill=\"#d64541\"") != std::string::npos);
  root.Collect([](const XNode& n) { return n.attrs.count("class") && n.attrs.at("class") == "hatch"; }, hatches);
  CHECK(hatches.size() == 1);
  CHECK(svg.find("class=\"monitoring-year\"") != std::string::npos);
  // A one-year plan is wide enough for month names on the axis.
  plan.documents[0].period = {2017, 2017};
  for (auto& n : plan.documents[0].nodes) n.children.clear();
  std::string months = Export("gantt-svg", plan, 2017);
  MustParseXml(months);
  CHECK(months.find(">Yan<") != std::string::npos);
  CHECK(months.find(">İyn<") != std::string::npos);
}

TEST_CASE("Gantt SVG of the bundled plans in both languages") {
  for (const char* lang : {"az", "en"}) {
    std::string svg = Export("gantt-svg", Bundled(), 2017, lang);
    XNode root = MustParseXml(svg);
    PlanIndex index(Bundled());
    size_t known = 0;
    for (int i = 0; i < index.Size(); ++i) known += ItemSpan(index, i).known;
    CHECK(Count(svg, "class=\"bar") == known);
    CHECK(Count(svg, "<g class=\"row\">") == static_cast<size_t>(index.Size()));
  }
}

TEST_CASE("Gantt SVG: the screen's filter and zoom; titles wrapped onto two lines, not cut at one") {
  const Plan& plan = Bundled();
  PlanIndex index(plan);
  int deep = -1;
  for (int i = 0; i < index.Size() && deep < 0; ++i)
    if (index[i].depth >= 2 && CountChars(index[i].node->code + " " + index[i].node->title) > 80) deep = i;
  REQUIRE(deep >= 0);
  ExportOptions o{2017, "az"};
  o.filtered = true;
  o.itemIds = {index[deep].id};
  o.ganttStartDay = DaysFromCivil(2017, 1, 1);
  o.ganttEndDay = DaysFromCivil(2018, 12, 31);
  o.ganttPxPerDay = 1;
  XNode root = MustParseXml(ExportGanttSvg(plan, o));
  std::vector<const XNode*> rows, texts;
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "row"; }, rows);
  CHECK(rows.size() == static_cast<size_t>(index[deep].depth) + 1);  // the item and its ancestors
  root.Collect([](const XNode& n) { return n.name == "text"; }, texts);
  bool y2017 = false, y2020 = false;
  for (const XNode* t : texts) {
    y2017 = y2017 || t->text == "2017";
    y2020 = y2020 || t->text == "2020";
  }
  CHECK(y2017);
  CHECK_FALSE(y2020);  // outside the zoomed days
  // The long title reads on across two lines.
  const XNode* row = rows.back();
  std::vector<const XNode*> lines;
  row->Collect([](const XNode& n) { return n.name == "text" && n.attrs.count("class") && n.attrs.at("class") == "label"; }, lines);
  REQUIRE(lines.size() == 2);
  std::string first;
  for (const auto& k : lines[0]->kids) first += k.text + " ";
  first += lines[0]->text;
  const std::string full = index[deep].node->code + " " + index[deep].node->title;
  CHECK(full.find(lines[1]->text.substr(0, lines[1]->text.size() - (lines[1]->text.size() >= 3 &&
        lines[1]->text.compare(lines[1]->text.size() - 3, 3, "…") == 0 ? 3 : 0))) != std::string::npos);
  CHECK(std::stod(lines[1]->attrs.at("y")) > std::stod(lines[0]->attrs.at("y")));
}

TEST_CASE("Gantt paged for printing: A4 and A3 landscape pages, axis and legend on each, every row once") {
  const Plan& plan = Bundled();
  PlanIndex index(plan);
  for (const char* key : {"gantt-a4", "gantt-a3"}) {
    INFO(key);
    std::string html = Export(key, plan, 2017);
    CHECK(html.find(std::string("@page{size:") + (key[7] == '4' ? "A4" : "A3") + " landscape") != std::string::npos);
    size_t pages = Count(html, "<div class=\"page\">");
    CHECK(pages > 3);
    size_t rows = 0, legends = 0, axes = 0;
    for (size_t p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) {
      std::string svg = html.substr(p, html.find("</svg>", p) + 6 - p);
      XNode root = MustParseXml(svg);
      double w = std::stod(root.attrs.at("width")), h = std::stod(root.attrs.at("height"));
      CHECK(h <= w * (key[7] == '4' ? 194.0 / 281 : 281.0 / 404) + 1);
      std::vector<const XNode*> r, l, t;
      root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "row"; }, r);
      root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "legend"; }, l);
      root.Collect([](const XNode& n) { return n.name == "text" && n.text == "2018"; }, t);
      rows += r.size();
      legends += l.size();
      axes += t.empty() ? 0 : 1;
    }
    CHECK(rows == static_cast<size_t>(index.Size()));
    CHECK(legends == pages);
    CHECK(axes == pages);
  }
  // A3 holds more rows per page than A4.
  CHECK(Count(Export("gantt-a3", plan, 2017), "<div class=\"page\">") < Count(Export("gantt-a4", plan, 2017), "<div class=\"page\">"));
}

TEST_CASE("WrapChars: at spaces, on character boundaries, the rest marked") {
  CHECK(WrapChars("bir iki üç dörd", 7, 2) == std::vector<std::string>{"bir iki", "üç dörd"});
  CHECK(WrapChars("bir iki üç dörd beş", 7, 2) == std::vector<std::string>{"bir iki", "üç dör…"});
  auto w = WrapChars("əəəəəəəəəəəəəəəəəəəə", 8, 2);
  REQUIRE(w.size() == 2);
  CHECK(w[0] == "əəəəəəəə");
  CHECK(IsValidUtf8(w[1]));
  CHECK(WrapChars("qısa", 10, 2) == std::vector<std::string>{"qısa"});
}

TEST_CASE("Timeline SVG: well-formed, every event drawn, labels never overlap") {
  Plan plan = Bundled();
  Event hostile;
  hostile.id = "x";
  hostile.date = "2017-05-01";
  hostile.kind = "event";
  hostile.title = kHostile;
  plan.events.push_back(hostile);
  std::string svg = Export("timeline-svg", plan, 2017);
  XNode root = MustParseXml(svg);
  CHECK(svg.find("<script") == std::string::npos);
  std::vector<const XNode*> events, docs;
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class").rfind("event", 0) == 0; }, events);
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "document"; }, docs);
  CHECK(events.size() == plan.events.size());
  CHECK(docs.size() == plan.documents.size());
  struct Box { double x0, x1, y; };
  std::vector<Box> boxes;
  size_t listed = 0;
  for (const auto* group : {&events, &docs})
    for (const XNode* g : *group) {
      if (g->attrs.at("class").find(" listed") != std::string::npos) {
        ++listed;  // outside 2013–2028 or in a cluster: listed under the chart with its date
        continue;
      }
      std::vector<const XNode*> labels;
      g->Collect([](const XNode& n) { return n.name == "text" && n.attrs.count("class") && n.attrs.at("class") == "label"; }, labels);
      REQUIRE(labels.size() == 1);
      double x = std::stod(labels[0]->attrs.at("x")), y = std::stod(labels[0]->attrs.at("y"));
      boxes.push_back({x, x + CountChars(labels[0]->text) * 6.5, y});
    }
  for (size_t a = 0; a < boxes.size(); ++a)
    for (size_t b = a + 1; b < boxes.size(); ++b) {
      if (std::abs(boxes[a].y - boxes[b].y) > 0.5) continue;
      bool apart = boxes[a].x1 <= boxes[b].x0 || boxes[b].x1 <= boxes[a].x0;
      CHECK_MESSAGE(apart, "labels overlap at y=" << boxes[a].y);
    }
  size_t outsideRange = 0;
  for (const auto& e : plan.events)
    if (auto d = ParsePartialDate(e.date); d && (d->FirstDay() < DaysFromCivil(2013, 1, 1) || d->FirstDay() > DaysFromCivil(2028, 12, 31)))
      ++outsideRange;
  CHECK(listed >= outsideRange);
  // Each cluster's members are all listed: drawn events + listed ones = every event.
  std::vector<const XNode*> clusters;
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") && n.attrs.at("class") == "cluster"; }, clusters);
  CHECK((listed > outsideRange) == !clusters.empty());
  // Azerbaijani characters count once each: the widest label is computed from characters.
  CHECK(svg.find("2013") != std::string::npos);
  CHECK(svg.find("2028") != std::string::npos);
}

TEST_CASE("Timeline SVG: a label never crosses a bar and never repeats the period its bar shows") {
  const Plan& plan = Bundled();
  XNode root = MustParseXml(Export("timeline-svg", plan, 2017));
  struct Box { double x0, x1, y0, y1; std::string what; };
  std::vector<Box> bars, labels;
  std::vector<const XNode*> nodes;
  root.Collect([](const XNode& n) { return n.name == "rect" || n.name == "line" || n.name == "text"; }, nodes);
  std::vector<const XNode*> groups;
  root.Collect([](const XNode& n) { return n.name == "g" && n.attrs.count("class") &&
                                           (n.attrs.at("class") == "document" || n.attrs.at("class").rfind("event", 0) == 0); }, groups);
  for (const XNode* g : groups)
    for (const auto& k : g->kids) {
      auto a = [&](const char* n) { return std::stod(k.attrs.at(n)); };
      if (k.name == "rect") bars.push_back({a("x"), a("x") + a("width"), a("y"), a("y") + a("height"), "bar"});
      if (k.name == "line") bars.push_back({std::min(a("x1"), a("x2")), std::max(a("x1"), a("x2")), a("y1") - 1.5, a("y1") + 1.5, "span"});
      if (k.name == "text") labels.push_back({a("x"), a("x") + CountChars(k.text) * 6.5, a("y") - 9, a("y") + 2, k.text});
    }
  REQUIRE(labels.size() == groups.size());
  for (const auto& l : labels) {
    for (const auto& b : bars) {
      const bool inside = l.x0 >= b.x0 && l.x1 <= b.x1 && l.y0 >= b.y0 - 4 && l.y1 <= b.y1 + 4;  // on its own bar, whole
      const bool apart = l.x1 <= b.x0 || b.x1 <= l.x0 || l.y1 <= b.y0 || b.y1 <= l.y0;
      CHECK_MESSAGE((inside || apart), "label \"" << l.what << "\" crosses a " << b.what);
    }
  }
  for (const auto& d : plan.documents)
    for (const auto& l : labels)
      if (l.what.rfind(d.Label(), 0) == 0 && d.period.IsSet())
        CHECK_MESSAGE(l.what.find(std::to_string(d.period.start) + "–") == std::string::npos, l.what);
}

TEST_CASE("MSPDI: well-formed MS Project XML with tasks, outline levels, dates and resources") {
  Plan plan = Bundled();
  std::string xml = Export("mspdi", plan, 2017);
  XNode root = MustParseXml(xml);
  CHECK(root.name == "Project");
  CHECK(root.attrs["xmlns"] == "http://schemas.microsoft.com/project");
  CHECK(root.KidText("CalendarUID") == "1");
  REQUIRE(root.Kid("Calendars"));
  CHECK(root.Kid("Calendars")->Kid("Calendar")->KidText("UID") == "1");
  PlanIndex index(plan);
  const XNode* tasks = root.Kid("Tasks");
  REQUIRE(tasks);
  REQUIRE(tasks->kids.size() == 1 + plan.documents.size() + static_cast<size_t>(index.Size()));
  // UIDs are 0..N, level 0 is the project, documents are level 1.
  for (size_t k = 0; k < tasks->kids.size(); ++k) CHECK(tasks->kids[k].KidText("UID") == std::to_string(k));
  CHECK(tasks->kids[0].KidText("OutlineLevel") == "0");
  size_t docs = 0;
  const XNode* measure = nullptr;
  const XNode* partial = nullptr;
  for (const auto& t : tasks->kids) {
    if (t.KidText("OutlineLevel") == "1") ++docs;
    if (t.KidText("WBS") == "1.1.2" && t.KidText("Name").rfind("1.1.2 Tənzimləyici", 0) == 0) measure = &t;
    if (t.KidText("WBS") == "1.1.1" && t.KidText("Name").rfind("1.1.1 Telekommunikasiya", 0) == 0) partial = &t;
    CHECK(t.KidText("Start").size() == 19);
    CHECK(t.KidText("Start").substr(10) == "T08:00:00");
    CHECK(t.KidText("Finish").substr(10) == "T17:00:00");
    CHECK(t.KidText("Start") <= t.KidText("Finish"));
  }
  CHECK(docs == plan.documents.size());
  // Roadmap 1.1.2 runs 2017–2020 (1 January 2017 is a Sunday: work starts on Monday the 2nd).
  REQUIRE(measure);
  CHECK(measure->KidText("OutlineLevel") == "4");  // document, target 1, priority 1.1, measure
  CHECK(measure->KidText("Start") == "2017-01-02T08:00:00");
  CHECK(measure->KidText("Finish") == "2020-12-31T17:00:00");
  CHECK(measure->KidText("Summary") == "1");
  CHECK(measure->KidText("PercentComplete") == "0");  // not executed in 2017
  int workdays = 0;
  for (int d = DaysFromCivil(2017, 1, 2); d <= DaysFromCivil(2020, 12, 31); ++d)
    if (int w = ((d + 4) % 7); w != 0 && w != 6) ++workdays;
  CHECK(measure->KidText("Duration") == "PT" + std::to_string(workdays * 8) + "H0M0S");
  REQUIRE(partial);
  CHECK(partial->KidText("PercentComplete") == "50");
  CHECK(partial->KidText("OutlineNumber").find('.') != std::string::npos);
  // Resources: one per agency; assignments point at real tasks and resources.
  const XNode* resources = root.Kid("Resources");
  REQUIRE(resources);
  CHECK(resources->kids.size() >= plan.agencies.size());
  const XNode* assignments = root.Kid("Assignments");
  REQUIRE(assignments);
  CHECK(!assignments->kids.empty());
  for (const auto& a : assignments->kids) {
    int t = std::stoi(a.KidText("TaskUID")), r = std::stoi(a.KidText("ResourceUID"));
    CHECK(t >= 1);
    CHECK(t < static_cast<int>(tasks->kids.size()));
    CHECK(r >= 1);
    CHECK(r <= static_cast<int>(resources->kids.size()));
  }
}

// The constraints of Microsoft's published MSPDI schema (mspdi_pj12.xsd, "XML Schema for
// the Tasks Element", and the Name element's reference: 255 characters for a task or a
// resource) that this export touches, checked one by one.
namespace {
const char* const kTaskOrder[] = {"UID", "ID", "Name", "Type", "IsNull", "CreateDate", "Contact", "WBS", "WBSLevel",
                                  "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration",
                                  "DurationFormat", "Work", "Stop", "Resume", "ResumeValid", "EffortDriven",
                                  "Recurring", "OverAllocated", "Estimated", "Milestone", "Summary", "Critical",
                                  "PercentComplete", "PercentWorkComplete", "Cost", "ConstraintType", "CalendarUID",
                                  "ConstraintDate", "Deadline", "Hyperlink", "Notes", "PredecessorLink",
                                  "ExtendedAttribute", "Baseline"};
const char* const kProjectOrder[] = {"SaveVersion", "Name", "Title", "ScheduleFromStart", "StartDate", "FinishDate",
                                     "FYStartDate", "CalendarUID", "DefaultStartTime", "DefaultFinishTime",
                                     "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType",
                                     "DurationFormat", "WorkFormat", "OutlineCodes", "WBSMasks", "ExtendedAttributes",
                                     "Calendars", "Tasks", "Resources", "Assignments"};
const char* const kResourceOrder[] = {"UID", "ID", "Name", "Type", "IsNull", "Initials"};

template <size_t N>
std::string OrderError(const XNode& e, const char* const (&order)[N]) {
  int last = -1;
  for (const auto& k : e.kids) {
    int pos = -1;
    for (size_t j = 0; j < N; ++j)
      if (k.name == order[j]) pos = static_cast<int>(j);
    if (pos < 0) return "unexpected <" + k.name + "> in <" + e.name + ">";
    if (pos < last && k.name != "ExtendedAttribute") return "<" + k.name + "> out of the schema's order in <" + e.name + ">";
    if (pos == last && k.name != "ExtendedAttribute" && k.name != "PredecessorLink") return "<" + k.name + "> twice";
    last = pos;
  }
  return "";
}

size_t Utf16Units(const std::string& s) {
  size_t n = 0;
  for (char32_t c : DecodeUtf8(s)) n += c > 0xFFFF ? 2 : 1;
  return n;
}
}  // namespace

TEST_CASE("MSPDI: the schema's constraints one by one (order, Name ≤ 255, enumerations, references)") {
  const Plan& plan = Bundled();
  std::string xml = Export("mspdi", plan, 2017);
  XNode root = MustParseXml(xml);
  CHECK(OrderError(root, kProjectOrder) == "");
  CHECK(Utf16Units(root.KidText("Name")) <= 512);
  // Text1 is declared once, with an alias a filter shows.
  REQUIRE(root.Kid("ExtendedAttributes"));
  const XNode& def = root.Kid("ExtendedAttributes")->kids.at(0);
  CHECK(def.KidText("FieldID") == "188743731");
  CHECK(def.KidText("FieldName") == "Text1");
  CHECK(def.KidText("Alias") == "İcra vəziyyəti 2017");
  std::set<std::string> uids;
  size_t longTitles = 0, cut = 0;
  std::map<std::string, std::string> statusByWbs;
  for (const auto& t : root.Kid("Tasks")->kids) {
    INFO(t.KidText("UID"));
    CHECK(OrderError(t, kTaskOrder) == "");
    CHECK(uids.insert(t.KidText("UID")).second);
    const std::string name = t.KidText("Name");
    CHECK(IsValidUtf8(name));
    CHECK(Utf16Units(name) <= 255);
    CHECK(CountChars(name) <= 255);
    const std::string type = t.KidText("Type");
    CHECK((type == "0" || type == "1" || type == "2"));
    CHECK(t.KidText("DurationFormat") == "7");
    int c = std::stoi(t.KidText("ConstraintType"));
    CHECK((c >= 0 && c <= 7));
    int pct = std::stoi(t.KidText("PercentComplete"));
    CHECK((pct >= 0 && pct <= 100));
    CHECK(std::stoi(t.KidText("OutlineLevel")) >= 0);
    if (name.size() >= 3 && name.compare(name.size() - 3, 3, "…") == 0) {
      ++cut;
      REQUIRE(t.Kid("Notes"));
      // The full title opens the notes; the name is its beginning, cut at a word.
      const std::string notes = t.KidText("Notes");
      const std::string stem = name.substr(name.find(' ') + 1, name.size() - 3 - name.find(' ') - 1);
      CHECK(notes.compare(0, stem.size(), stem) == 0);
      CHECK(CountChars(notes.substr(0, notes.find('\n'))) > 255 - t.KidText("WBS").size() - 1);
    }
    for (const auto& k : t.kids)
      if (k.name == "ExtendedAttribute") {
        CHECK(k.KidText("FieldID") == "188743731");
        statusByWbs[t.KidText("OutlineNumber")] = k.KidText("Value");
      }
  }
  PlanIndex index(plan);
  for (int i = 0; i < index.Size(); ++i)
    if (CountChars(index[i].node->code + " " + index[i].node->title) > 255) ++longTitles;
  CHECK(longTitles >= 8);
  CHECK(cut >= longTitles);
  // The three statuses a percentage cannot tell apart are distinct values of Text1.
  std::set<std::string> values;
  for (const auto& [k, v] : statusByWbs) values.insert(v);
  CHECK(values.count("✘ icra edilməmişdir"));
  CHECK(values.count("– qiymətləndirilmir"));
  CHECK(values.count("◐ qismən icra edilmişdir"));
  // Resources: Name ≤ 255, short names as Initials; assignments name real tasks and resources.
  std::map<std::string, std::string> initialsByName;
  for (const auto& r : root.Kid("Resources")->kids) {
    CHECK(OrderError(r, kResourceOrder) == "");
    CHECK(Utf16Units(r.KidText("Name")) <= 255);
    CHECK(!r.KidText("Initials").empty());
    initialsByName[r.KidText("Name")] = r.KidText("Initials");
  }
  for (const auto& a : plan.agencies)
    if (!a.shortName.empty()) CHECK(initialsByName[EllipsizeChars(a.name, 255)] == a.shortName);
}

TEST_CASE("MSPDI: co-executors are assigned and named in the notes; long names cut on a character") {
  Plan plan = Small();
  Node& m = FindNode(plan.documents[0].nodes, "1.1.1");
  REQUIRE(!m.lead.empty());
  REQUIRE(plan.agencies.size() >= 2);
  m.coExecutors = {plan.agencies[1].id};
  std::string title;
  for (int k = 0; k < 300; ++k) title += "ə";  // two bytes each: a byte cut would split one
  FindNode(plan.documents[0].nodes, "1.1.1.1").title = title;
  XNode root = MustParseXml(Export("mspdi", plan, 2017));
  std::string uid;
  for (const auto& t : root.Kid("Tasks")->kids) {
    if (t.KidText("WBS") == "1.1.1") {
      uid = t.KidText("UID");
      CHECK(t.KidText("Notes").find("Digər icraçı qurumlar: " + AgencyNameInYear(plan, plan.agencies[1].id, 2017)) !=
            std::string::npos);
    }
    if (t.KidText("WBS") == "1.1.1.1") {
      const std::string name = t.KidText("Name");
      CHECK(IsValidUtf8(name));
      CHECK(CountChars(name) == 255);
      CHECK(name.compare(0, 10, "1.1.1.1 ə") == 0);
      CHECK(t.KidText("Notes").compare(0, title.size(), title) == 0);
    }
  }
  REQUIRE(!uid.empty());
  std::string coResource;
  int r = 0;
  for (const auto& res : root.Kid("Resources")->kids) {
    ++r;
    if (res.KidText("Name") == plan.agencies[1].name) coResource = res.KidText("UID");
  }
  bool assigned = false;
  for (const auto& a : root.Kid("Assignments")->kids)
    assigned = assigned || (a.KidText("TaskUID") == uid && a.KidText("ResourceUID") == coResource);
  CHECK(assigned);
}

TEST_CASE("MSPDI escapes names and notes") {
  Plan plan = Small();
  FindNode(plan.documents[0].nodes, "1.1.1").title = kHostile;
  FindNode(plan.documents[0].nodes, "1.1.1").AssessmentForEdit(2017).note = kHostile;
  plan.agencies[0].name = kHostile;
  std::string xml = Export("mspdi", plan, 2017);
  XNode root = MustParseXml(xml);
  bool name = false, note = false, res = false;
  for (const auto& t : root.Kid("Tasks")->kids) {
    if (t.KidText("Name") == std::string("1.1.1 ") + kHostile) name = true;
    if (t.Kid("Notes") && t.KidText("Notes").find(kHostile) != std::string::npos) note = true;
  }
  for (const auto& r : root.Kid("Resources")->kids)
    if (r.KidText("Name") == kHostile) res = true;
  CHECK(name);
  CHECK(note);
  CHECK(res);
  // Small plan: project + 1 document + 11 nodes.
  CHECK(root.Kid("Tasks")->kids.size() == 13);
}

TEST_CASE("every format runs on the bundled plans for every year and language") {
  for (const auto& f : ExportFormats())
    for (int year : {2013, 2017, 2027})
      for (const char* lang : {"az", "en"}) {
        std::string out = f.run(Bundled(), ExportOptions{year, lang});
        CHECK_MESSAGE(!out.empty(), f.key);
        if (std::string(f.key) == "xlsx") CHECK(LooksLikeZip(out));
        else CHECK(IsValidUtf8(out));
        std::string k = f.key;
        if (k == "gantt-svg" || k == "timeline-svg" || k == "mspdi") {
          XNode root;
          std::string err = XmlReader(out).Parse(root);
          CHECK_MESSAGE(err.empty(), f.key << " " << year << " " << lang << ": " << err);
        }
      }
}

TEST_CASE("every format copes with an empty plan and a plan without dates") {
  Plan empty;
  Plan undated = Small();
  undated.documents[0].period = {};
  for (auto& n : undated.documents[0].nodes) n.children.clear();
  for (const auto& f : ExportFormats())
    for (const Plan* p : {&empty, &undated}) {
      std::string out = f.run(*p, ExportOptions{2017, "az"});
      CHECK_MESSAGE(!out.empty(), f.key);
      std::string k = f.key;
      if (k == "gantt-svg" || k == "timeline-svg" || k == "mspdi") {
        XNode root;
        std::string err = XmlReader(out).Parse(root);
        CHECK_MESSAGE(err.empty(), f.key << ": " << err);
      }
    }
}
