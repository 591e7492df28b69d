// The printable monitoring report, modelled on the 2017 Roadmap report: the cover's
// figures (sub-measure shares and weighted score overall, per document and per target),
// execution by priority, agency performance, then one table per priority with every
// measure and sub-measure, its executors, period and ticked status box. One
// self-contained HTML file: inline CSS (print layout included), no scripts.
#include <map>
#include <string>
#include <vector>

#include "core/export_indicators.h"
#include "core/exporters.h"
#include "core/markup.h"
#include "core/monitoring.h"
#include "core/plan_index.h"
#include "core/dates.h"
#include "core/text.h"

namespace azplan {
namespace {

// ---- every UI string, Azerbaijani and English -----------------------------------------
// {0}, {1}, … are filled by Sub(). {Y} phrases come from YearPhrase().
struct Strings {
  const char *lang, *reportTitle, *overall, *overallIntro, *scope, *executed, *partial, *notExecuted, *score,
      *assessed, *allDocuments, *targets, *priorities, *agencies, *agencyScale, *agency, *performance,
      *measuresCount, *agencyNote, *agencyCountNote, *bands, *code, *measure, *lead, *others, *period, *result,
      *note, *statusExecuted, *statusPartial, *statusNotExecuted, *statusNotAssessed, *statusPending, *countOf,
      *footNotAssessed, *footPending, *workDone, *recommended, *toBeAssigned, *ongoing, *docsNotAssessed,
      *approved, *measures, *generated, *target, *priority, *direction, *section, *subsection, *prepared, *page,
      *scopeDocument, *scopeTarget, *scopePriority, *scopeDirection, *scopeSection, *scopeSubsection;
};

const Strings kAz = {
    "az",
    "{0} üzrə icra vəziyyəti: monitorinq və qiymətləndirmə hesabatı",
    "ÜMUMİ NƏTİCƏ",
    "Faizlər {0} üzrə icrası nəzərdə tutulmuş fəaliyyətlər (alt tədbirlər) səviyyəsində hesablanmışdır: icra "
    "edilmiş fəaliyyət «1», qismən icra edilmiş «0.5», icra edilməmiş «0» bal ilə qiymətləndirilir. İcra müddəti "
    "həmin ili əhatə etməyən fəaliyyətlər nəzərə alınmır.",
    "Əhatə", "İcra edilmişdir", "Qismən icra edilmişdir", "İcra edilməmişdir", "Yekun bal", "Qiymətləndirilən",
    "Bütün sənədlər", "HƏDƏFLƏR", "Prioritetlərin icra vəziyyəti", "Əsas icraçı qurumların performansı*",
    "(100 ballıq şkala əsasında)", "Qurum", "Performans", "Məsul olduqları tədbirlərin sayı**",
    "* Əsas icraçı qurumların performansı müəyyənləşdirilərkən hər bir qurumun əsas icraçı olduğu tədbirlərdən "
    "icra edilmiş tədbirlər «1» bal, qismən icra edilmiş tədbirlər «0.5» bal, icra edilməmiş tədbirlər «0» bal ilə "
    "qiymətləndirilməklə, əldə edilmiş toplam nəticə həmin qurumların əsas icraçı olduqları tədbirlərin ümumi "
    "sayına bölünmüşdür. Tədbirlərin sənəddəki xüsusi çəkisi nəzərə alınmamışdır.",
    "** {0} üzrə həyata keçirilməsi nəzərdə tutulan və qiymətləndirilmiş tədbirlər.",
    "Rəng zolaqları (icra faizi):", "Kod", "Planlaşdırılmış tədbirlər", "Əsas icraçı qurum",
    "Digər icraçı qurumlar", "İcra müddəti", "Ümumi nəticə", "Qeyd", "icra edilmişdir", "qismən icra edilmişdir",
    "icra edilməmişdir", "{0}də icrası qiymətləndirilmir", "icra vəziyyəti hələ qiymətləndirilməyib",
    "{0} tədbirdən {1}",
    "* Bu {3} üzrə müəyyən edilmiş {0} tədbirdən {1} tədbir {2} üzrə qiymətləndirmədə nəzərə alınmamışdır "
    "(icra müddəti həmin ili əhatə etmir).",
    "** {0} tədbirin {1} üzrə icra vəziyyəti hələ qiymətləndirilməyib.",
    "Görülmüş işlər barədə qısa məlumat", "Tövsiyə olunur:", "müəyyən ediləcək", "mütəmadi",
    "{0} üzrə qiymətləndirilməyən sənədlər (icra müddəti həmin ili əhatə etmir):", "Təsdiq edilmişdir: {0}",
    "Tədbirlər", "azplan ilə hazırlanmışdır", "Hədəf", "Prioritet", "İstiqamət", "Bölmə", "Yarımbölmə",
    "Hazırlanma tarixi: {0}", "Səhifə", "sənəd", "hədəf", "prioritet", "istiqamət", "bölmə", "yarımbölmə"};

const Strings kEn = {
    "en",
    "Implementation status in {0}: monitoring and evaluation report",
    "OVERALL RESULT",
    "Percentages count the activities (sub-measures) due in {0}: an executed activity scores 1, a partially "
    "executed one 0.5, one not executed 0. Activities whose period does not cover the year are left out.",
    "Scope", "Executed", "Partially executed", "Not executed", "Weighted score", "Assessed", "All documents",
    "TARGETS", "Execution by priority", "Performance of the main executors*", "(100-point scale)", "Agency",
    "Performance", "Measures it is responsible for**",
    "* An agency's performance: each measure where it is the main executor scores 1 if executed, 0.5 if "
    "partially executed and 0 if not executed; the total is divided by the number of those measures. The "
    "measures' weights in the document are not taken into account.",
    "** Measures due and assessed in {0}.",
    "Colour bands (execution):", "Code", "Planned measures", "Main executor", "Other executors", "Period",
    "Result", "Notes", "executed", "partially executed", "not executed", "not assessed in {0}",
    "due, not yet assessed", "{1} of {0} measures",
    "* Left out of the {2} assessment because their period does not cover the year: {1} of the {3}'s {0} "
    "measures.",
    "** Due in {1} but not yet assessed: {0} measures.",
    "Summary of the work done", "Recommended:", "to be assigned", "ongoing",
    "Documents not assessed in {0} (their period does not cover the year):", "Approved: {0}", "Measures",
    "Generated by azplan", "Target", "Priority", "Direction", "Section", "Subsection", "Prepared on {0}", "Page",
    "document", "target", "priority", "direction", "section", "subsection"};

const char* kCss = R"(
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;color:#1f2933;margin:0 auto;max-width:1200px;padding:16px 24px;line-height:1.35}
h1{font-size:17pt;margin:0 0 4px}
h2{font-size:13.5pt;margin:28px 0 6px;border-bottom:2px solid #1f4e79;color:#1f4e79}
h3{font-size:11.5pt;margin:18px 0 6px}
h4{font-size:10.5pt;margin:14px 0 4px}
.subtitle{font-size:12pt;color:#52606d;margin:0 0 14px}
.intro,.foot,.meta{color:#52606d;font-size:9pt}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{border:1px solid #9aa5b1;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#e4e7eb;font-weight:bold}
td.num,th.num{text-align:right;white-space:nowrap}
table.figures{width:auto;min-width:60%}
tr.measure td{background:#f5f7fa;font-weight:bold}
tr.measure td.status,tr.measure td.note{font-weight:normal}
tr.group td{background:#e4e7eb;font-style:italic}
td.code{white-space:nowrap}
td.status{white-space:nowrap;font-size:9pt;color:#7b8794}
.box{font-size:11pt}
.mark{font-weight:bold;margin-right:3px}
.st-executed{color:#1e7a44}.st-partial{color:#a67813}.st-not-executed{color:#b3322e}.st-not-assessed{color:#616e7c}.st-pending{color:#3a6fd8}
.band-low{background:#f8d7d5}.band-mid{background:#fcefc7}.band-high{background:#d4f0de}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #9aa5b1}
table.summary{width:auto}
table.summary td{border:none;padding:1px 10px 1px 0}
.work{border-left:3px solid #1f4e79;padding:2px 8px;margin:6px 0;white-space:pre-line}
.note{white-space:pre-line}
table.indicators td{font-size:9pt}.kpi-chart{display:block}ul.expected-results{margin:4px 0 10px 18px;padding:0}
.prepared{color:#52606d;font-size:9pt;margin:0 0 10px}
caption.lead-in{text-align:left;caption-side:top}
@page{size:A4 landscape;margin:16mm 12mm 14mm 12mm}
@media print{
  body{max-width:none;padding:0;font-size:9pt}
  h2.document{break-before:page}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2,h3,h4,.meta{break-after:avoid}
  caption.lead-in{break-inside:avoid;break-after:avoid}
  table.summary,table.summary tr{break-inside:avoid}
  .keep{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

// A CSS string literal inside <style>: quotes and backslashes escaped, "<" written as
// an escape so no "</style" can appear, line breaks as \a.
std::string CssString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '<') out += "\\3c ";
    else if (c == '\n') out += "\\a ";
    else if (c >= 0x20 || c >= 0x80) out += static_cast<char>(c);
  }
  return out + "\"";
}

// {0}…{9} → args.
std::string Sub(const char* fmt, std::initializer_list<std::string> args) {
  std::vector<std::string> a(args);
  std::string out;
  for (const char* p = fmt; *p; ++p) {
    if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      size_t k = static_cast<size_t>(p[1] - '0');
      if (k < a.size()) out += a[k];
      p += 2;
    } else {
      out.push_back(*p);
    }
  }
  return out;
}

NumberSoundAz SoundOf(long long n) { return SoundOfNumberAz(n); }
std::string Possessive(long long n) {
  NumberSoundAz s = SoundOf(n);
  return std::to_string(n) + "-" + (s.endsInVowel ? "s" : "") + s.vowel;
}

class Report {
 public:
  Report(const Plan& plan, const ExportOptions& options)
      : plan_(plan), index_(plan), year_(options.year), s_(options.language == "en" ? kEn : kAz),
        figures_(ComputeFigures(index_, options.year)) {
    if (!options.preparedOn.empty()) prepared_ = Sub(s_.prepared, {OfficialDate(options.preparedOn, s_.lang)});
    for (size_t k = 0; k < figures_.nodes.size(); ++k) nodeFigures_[figures_.nodes[k].item] = k;
  }

  std::string Build() {
    out_ += "<!DOCTYPE html>\n<html lang=\"" + std::string(s_.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + E(PlanTitle(plan_, s_.lang)) + " — " + E(Year()) + "</title>\n<style>" + kCss + PageCss() + "</style>\n</head>\n<body>\n";
    out_ += "<h1>" + E(PlanTitle(plan_, s_.lang)) + "</h1>\n<p class=\"subtitle\">" + E(Sub(s_.reportTitle, {Year()})) + "</p>\n";
    if (!prepared_.empty()) out_ += "<p class=\"prepared\">" + E(prepared_) + "</p>\n";
    Cover();
    for (size_t d = 0; d < plan_.documents.size(); ++d)
      if (Included(static_cast<int>(d))) DocumentSection(static_cast<int>(d));
    out_ += "<p class=\"meta\">" + E(s_.generated) + "</p>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static std::string E(std::string_view s) { return EscapeHtml(s); }
  std::string Year() const { return OfficialYear(year_, s_.lang); }
  // The page's own header and footer (CSS paged media margin boxes): the report's title,
  // its date of preparation, and "Page n / N".
  std::string PageCss() const {
    std::string title = PlanTitle(plan_, s_.lang) + " — " + Sub(s_.reportTitle, {Year()});
    std::string css = "@page{@top-left{content:" + CssString(EllipsizeChars(title, 150)) +
                      ";font-size:7.5pt;color:#52606d;vertical-align:bottom}";
    if (!prepared_.empty())
      css += "@top-right{content:" + CssString(prepared_) + ";font-size:7.5pt;color:#52606d;vertical-align:bottom}";
    css += "@bottom-right{content:" + CssString(std::string(s_.page) + " ") +
           " counter(page) \" / \" counter(pages);font-size:8pt;color:#52606d}}\n";
    return css;
  }
  static std::string Pct(int p) { return std::to_string(p) + "%"; }
  static std::string ScoreCell(int score) {
    if (score < 0) return "<td class=\"num\">–</td>";
    return std::string("<td class=\"num band-") + PercentBand(score) + "\">" + Pct(score) + "</td>";
  }
  // A document enters the report when anything in it is due or assessed in the year.
  bool Included(int d) const {
    const Tally& t = figures_.documents[static_cast<size_t>(d)].subMeasures;
    return t.Assessed() + t.pending > 0;
  }
  const NodeFigures* FiguresOf(int item) const {
    auto it = nodeFigures_.find(item);
    return it == nodeFigures_.end() ? nullptr : &figures_.nodes[it->second];
  }
  const char* KindLabel(NodeKind k) const {
    switch (k) {
      case NodeKind::Target: return s_.target;
      case NodeKind::Priority: return s_.priority;
      case NodeKind::Direction: return s_.direction;
      case NodeKind::Section: return s_.section;
      case NodeKind::Subsection: return s_.subsection;
      default: return "";
    }
  }
  std::string Heading(const Node& n) const {
    std::string k = KindLabel(n.kind);
    return (k.empty() ? "" : k + " ") + n.code + ". " + n.title;
  }
  bool HasMeasureChild(int i) const {
    for (int c = i + 1; c < index_[i].end; c = index_[c].end)
      if (index_[c].countsAsMeasure) return true;
    return false;
  }

  void FigureRow(const std::string& label, const Tally& t) {
    Shares sh = DisplayShares(t);
    bool any = t.Assessed() > 0;
    out_ += "<tr><td>" + E(label) + "</td>";
    out_ += "<td class=\"num\">" + (any ? Pct(sh.executed) : "–") + "</td>";
    out_ += "<td class=\"num\">" + (any ? Pct(sh.partial) : "–") + "</td>";
    out_ += "<td class=\"num\">" + (any ? Pct(sh.notExecuted) : "–") + "</td>";
    out_ += ScoreCell(DisplayScore(t));
    out_ += "<td class=\"num\">" + std::to_string(t.Assessed()) + "</td></tr>\n";
  }
  void FigureTableHead(const char* scope) {
    out_ += "<table class=\"figures\">\n<thead><tr><th>" + E(scope) + "</th><th class=\"num\">" + E(s_.executed) +
            "</th><th class=\"num\">" + E(s_.partial) + "</th><th class=\"num\">" + E(s_.notExecuted) +
            "</th><th class=\"num\">" + E(s_.score) + "</th><th class=\"num\">" + E(s_.assessed) +
            "</th></tr></thead>\n<tbody>\n";
  }

  void Cover() {
    out_ += "<h2>" + E(s_.overall) + "</h2>\n<p class=\"intro\">" + E(Sub(s_.overallIntro, {Year()})) + "</p>\n";
    FigureTableHead(s_.scope);
    out_ += "<tr class=\"overall\" id=\"overall\">";
    out_ += "<td><b>" + E(s_.allDocuments) + "</b></td>";
    {
      const Tally& t = figures_.plan.subMeasures;
      Shares sh = DisplayShares(t);
      bool any = t.Assessed() > 0;
      out_ += "<td class=\"num\"><b>" + (any ? Pct(sh.executed) : "–") + "</b></td>";
      out_ += "<td class=\"num\"><b>" + (any ? Pct(sh.partial) : "–") + "</b></td>";
      out_ += "<td class=\"num\"><b>" + (any ? Pct(sh.notExecuted) : "–") + "</b></td>";
      out_ += ScoreCell(DisplayScore(t)) + "<td class=\"num\">" + std::to_string(t.Assessed()) + "</td></tr>\n";
    }
    std::vector<int> notIncluded;
    for (size_t d = 0; d < plan_.documents.size(); ++d) {
      if (!Included(static_cast<int>(d))) {
        notIncluded.push_back(static_cast<int>(d));
        continue;
      }
      FigureRow(plan_.documents[d].Label(), figures_.documents[d].subMeasures);
    }
    out_ += "</tbody></table>\n";
    Bands();
    if (!notIncluded.empty()) {
      out_ += "<p class=\"foot\">" + E(Sub(s_.docsNotAssessed, {Year()}));
      for (size_t k = 0; k < notIncluded.size(); ++k)
        out_ += (k ? "; " : " ") + E(plan_.documents[static_cast<size_t>(notIncluded[k])].Label());
      out_ += "</p>\n";
    }
    // Targets: the top-level nodes of the documents in the report.
    bool head = false;
    for (const auto& nf : figures_.nodes) {
      const auto& item = index_[nf.item];
      if (item.parent != -1 || !Included(item.doc) || nf.subMeasures.Assessed() == 0) continue;
      if (!head) {
        out_ += "<h3>" + E(s_.targets) + "</h3>\n";
        FigureTableHead(s_.scope);
        head = true;
      }
      FigureRow(Heading(*item.node), nf.subMeasures);
    }
    if (head) out_ += "</tbody></table>\n";
    // Execution by priority: weighted sub-measure score of every node holding measures.
    head = false;
    for (const auto& nf : figures_.nodes) {
      if (!HasMeasureChild(nf.item) || nf.subMeasures.Assessed() == 0) continue;
      if (!head) {
        out_ += "<h3>" + E(s_.priorities) + "</h3>\n<table class=\"figures\">\n<thead><tr><th>" + E(s_.scope) +
                "</th><th class=\"num\">" + E(s_.score) + "</th></tr></thead>\n<tbody>\n";
        head = true;
      }
      out_ += "<tr><td>" + E(index_[nf.item].node->Heading()) + "</td>" + ScoreCell(DisplayScore(nf.subMeasures)) + "</tr>\n";
    }
    if (head) out_ += "</tbody></table>\n";
    Agencies();
  }

  void Bands() {
    out_ += "<p class=\"legend foot\">" + E(s_.bands) +
            " <span class=\"band-low\">≤ 10%</span><span class=\"band-mid\">10–90%</span>"
            "<span class=\"band-high\">≥ 90%</span></p>\n";
  }

  void Agencies() {
    bool head = false;
    for (const auto& a : figures_.agencies) {
      if (a.measures.Assessed() == 0) continue;
      if (!head) {
        out_ += "<h3>" + E(s_.agencies) + " <small>" + E(s_.agencyScale) + "</small></h3>\n";
        out_ += "<table class=\"figures agencies\">\n<thead><tr><th>" + E(s_.agency) + "</th><th class=\"num\">" +
                E(s_.performance) + "</th><th class=\"num\">" + E(s_.measuresCount) + "</th></tr></thead>\n<tbody>\n";
        head = true;
      }
      out_ += "<tr><td>" + E(AgencyNameInYear(plan_, a.agencyId, year_)) + "</td>" + ScoreCell(DisplayScore(a.measures)) +
              "<td class=\"num\">" + std::to_string(a.measures.Assessed()) + "</td></tr>\n";
    }
    if (!head) return;
    out_ += "</tbody></table>\n<p class=\"foot\">" + E(s_.agencyNote) + "<br>" + E(Sub(s_.agencyCountNote, {Year()})) +
            "</p>\n";
  }

  void DocumentSection(int d) {
    const Document& doc = plan_.documents[static_cast<size_t>(d)];
    out_ += "<h2 class=\"document\">" + E(doc.title) + "</h2>\n<p class=\"meta\">";
    std::vector<std::string> meta;
    if (!doc.approved.empty())
      meta.push_back(Sub(s_.approved, {OfficialDate(doc.approved, s_.lang) + (doc.number.empty() ? "" : ", № " + doc.number)}));
    if (doc.period.IsSet()) meta.push_back(std::to_string(doc.period.start) + "–" + std::to_string(doc.period.end));
    for (size_t k = 0; k < meta.size(); ++k) out_ += (k ? " · " : "") + E(meta[k]);
    out_ += "</p>\n";
    std::vector<int> loose;  // measures directly under the document
    for (int i = index_.DocBegin(d); i < index_.DocEnd(d);) {
      const auto& item = index_[i];
      if (item.countsAsMeasure || item.countsAsSubMeasure) {
        if (item.parent == -1) loose.push_back(i);
        i = item.end;
        continue;
      }
      Group(i);
      ++i;
    }
    if (!loose.empty()) {
      const size_t start = out_.size();
      out_ += "<h3>" + E(s_.measures) + "</h3>\n";
      Tally t;
      for (int i : loose) t.Add(EffectiveStatus(index_[i], year_));
      Summary(t, s_.scopeDocument);
      std::string leadIn = out_.substr(start);
      out_.resize(start);
      Table(loose, leadIn);
    }
    // Expected results and indicators with their progress (export_indicators.cpp).
    out_ += IndicatorsHtmlSection(plan_, doc.id, year_, s_.lang);
  }

  // A target / priority / section: its heading, the priority's work note, and when it
  // holds measures their summary line and table.
  // The heading, work note and summary box print as one block kept with the table
  // that follows (the table's caption, never broken inside nor from its first rows).
  void Group(int i) {
    const Node& n = *index_[i].node;
    const char* h = index_[i].depth == 0 ? "h3" : "h4";
    const bool measures = HasMeasureChild(i);
    const size_t start = out_.size();
    out_ += std::string("<") + h + ">" + E(Heading(n)) + "</" + h + ">\n";
    if (const Assessment* a = n.AssessmentFor(year_); a && !a->note.empty())
      out_ += "<div class=\"work\"><b>" + E(s_.workDone) + "</b>\n" + E(a->note) + "</div>\n";
    if (!measures) return;
    if (const NodeFigures* f = FiguresOf(i)) Summary(f->measures, ScopeWord(n.kind));
    std::string leadIn = out_.substr(start);
    out_.resize(start);
    std::vector<int> rows;
    for (int c = i + 1; c < index_[i].end; c = index_[c].end)
      if (index_[c].countsAsMeasure || index_[c].countsAsSubMeasure) rows.push_back(c);
    Table(rows, leadIn);
  }

  // "bölmə", "prioritet", … for the footnote "Bu … üzrə": the scope the summary counts.
  const char* ScopeWord(NodeKind k) const {
    switch (k) {
      case NodeKind::Target: return s_.scopeTarget;
      case NodeKind::Priority: return s_.scopePriority;
      case NodeKind::Direction: return s_.scopeDirection;
      case NodeKind::Section: return s_.scopeSection;
      case NodeKind::Subsection: return s_.scopeSubsection;
      default: return s_.scopeSection;
    }
  }

  // "Qismən icra edilmişdir 5 tədbirdən 4-ü 80%" at measure level, with footnotes.
  void Summary(const Tally& t, const char* scope) {
    const bool en = std::string(s_.lang) == "en";
    const int n = t.Assessed();
    Shares sh = DisplayShares(t);
    auto line = [&](const char* label, int k, int pct, Status s) {
      out_ += std::string("<tr><td><span class=\"mark st-") + StatusClass(s) + "\">" + StatusMark(s) + "</span>" +
              E(label) + (s == Status::NotExecuted && t.notAssessed ? "*" : "") + "</td><td>";
      out_ += k ? E(Sub(s_.countOf, {std::to_string(n), en ? std::to_string(k) : Possessive(k)})) : "–";
      out_ += "</td><td class=\"num\">" + (n ? Pct(pct) : "–") + "</td></tr>\n";
    };
    out_ += "<table class=\"summary\">\n";
    line(s_.executed, t.executed, sh.executed, Status::Executed);
    line(s_.partial, t.partial, sh.partial, Status::Partial);
    line(s_.notExecuted, t.notExecuted, sh.notExecuted, Status::NotExecuted);
    out_ += "</table>\n";
    if (t.notAssessed)
      out_ += "<p class=\"foot\">" +
              E(Sub(s_.footNotAssessed, {std::to_string(t.Total()), std::to_string(t.notAssessed), Year(), scope})) + "</p>\n";
    if (t.pending)
      out_ += "<p class=\"foot\">" + E(Sub(s_.footPending, {std::to_string(t.pending), Year()})) + "</p>\n";
  }

  std::string Names(const std::vector<std::string>& ids) const {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + AgencyNameInYear(plan_, id, year_);
    return s;
  }

  std::string StatusCell(Status s) const {
    std::string c = "<td class=\"status\">";
    const std::string cls = std::string(" st-") + StatusClass(s);
    if (s == Status::NotAssessed) {
      return c + "<span class=\"mark" + cls + "\">" + StatusMark(s) + "</span>" + E(Sub(s_.statusNotAssessed, {Year()})) + "</td>";
    }
    const std::pair<Status, const char*> opts[] = {
        {Status::Executed, s_.statusExecuted}, {Status::Partial, s_.statusPartial}, {Status::NotExecuted, s_.statusNotExecuted}};
    for (const auto& [st, label] : opts) {
      bool on = st == s;
      c += std::string("<span class=\"box\">") + (on ? "☑" : "☐") + "</span> " + (on ? "<b class=\"" + cls.substr(1) + "\">" : "") + E(label) +
           (on ? std::string(" <span class=\"mark\">") + StatusMark(s) + "</span></b>" : "") + "<br>";
    }
    if (s == Status::Pending) c += "<span class=\"mark" + cls + "\">" + StatusMark(s) + "</span>" + E(s_.statusPending);
    return c + "</td>";
  }

  // The notes column only appears when some row in the table has a note for the year.
  // `leadIn` (heading, work note, summary box) is the table's caption: part of the table,
  // so print keeps it with the first rows (Chromium does not honour break-after:avoid
  // between a block and the table after it).
  void Table(const std::vector<int>& roots, const std::string& leadIn) {
    notes_ = false;
    for (int r : roots)
      for (int i = r; i < index_[r].end; ++i)
        if (const Assessment* a = index_[i].node->AssessmentFor(year_); a && !a->note.empty()) notes_ = true;
    out_ += "<table class=\"measures\">\n<caption class=\"lead-in\">\n" + leadIn + "</caption>\n<thead><tr><th>" + E(s_.code) + "</th><th>" + E(s_.measure) + "</th><th>" +
            E(s_.lead) + "</th><th>" + E(s_.others) + "</th><th>" + E(s_.period) + "</th><th>" + E(s_.result) +
            "</th>" + (notes_ ? "<th>" + E(s_.note) + "</th>" : "") + "</tr></thead>\n<tbody>\n";
    for (int r : roots)
      for (int i = r; i < index_[r].end; ++i) Row(i);
    out_ += "</tbody></table>\n";
  }

  void Row(int i) {
    const auto& item = index_[i];
    const Node& n = *item.node;
    if (!IsAssessableKind(n.kind)) {  // a heading nested inside a measure
      out_ += "<tr class=\"group\"><td class=\"code\">" + E(n.code) + "</td><td colspan=\"" + (notes_ ? "6" : "5") + "\">" + E(n.title) + "</td></tr>\n";
      return;
    }
    std::string lead = n.executorsPending && n.lead.empty() ? std::string(s_.toBeAssigned) : Names(n.lead);
    std::string others = Names(n.coExecutors);
    if (!n.recommended.empty()) {
      std::string rec;
      for (const auto& r : n.recommended) rec += (rec.empty() ? "" : ", ") + r;
      others += (others.empty() ? "" : "\n") + std::string(s_.recommended) + " " + rec;
    }
    const Period& p = item.period;
    std::string period = !p.text.empty() ? p.text
                         : p.IsSet()     ? (p.start == p.end ? std::to_string(p.start)
                                                             : std::to_string(p.start) + "–" + std::to_string(p.end))
                                         : "";
    if (p.ongoing && p.text.empty()) period += (period.empty() ? "" : " ") + std::string("(") + s_.ongoing + ")";
    if (item.openEnded) period = PeriodText(p, s_.lang, true);  // not the document's end year
    const Assessment* a = n.AssessmentFor(year_);
    std::string note = a ? a->note : "";
    out_ += std::string("<tr class=\"") + (item.countsAsMeasure ? "measure" : "sub") + "\"><td class=\"code\">" +
            E(n.code) + "</td><td>" + E(n.title) + "</td><td>" + E(lead) + "</td><td class=\"note\">" + E(others) +
            "</td><td>" + E(period) + "</td>" + StatusCell(EffectiveStatus(item, year_)) +
            (notes_ ? "<td class=\"note\">" + E(note) + "</td>" : "") + "</tr>\n";
  }

  const Plan& plan_;
  PlanIndex index_;
  int year_;
  const Strings& s_;
  YearFigures figures_;
  std::map<int, size_t> nodeFigures_;
  std::string out_;
  std::string prepared_;  // "Hazırlanma tarixi: 1 dekabr 2026-cı il", empty when not given
  bool notes_ = false;  // the current table has a notes column
};

}  // namespace

std::string ExportHtml(const Plan& plan, const ExportOptions& options) { return Report(plan, options).Build(); }

}  // namespace azplan
