// Reading plan files: the reader of the model over the JSON scanner, the precheck and
// the positioned diagnostics (docs/plan-format.md). Writing is in plan_writer.cpp.
#include <algorithm>
#include <deque>
#include <exception>
#include <iterator>
#include <type_traits>

#include "core/dates.h"
#include "core/json_scanner.h"
#include "core/plan_json.h"
#include "core/text.h"
#include "core/validate.h"

namespace azplan {

namespace {

using json_scan::Kind;
using json_scan::KeyIs;
using json_scan::KindName;
using json_scan::Num;

std::string Quote(std::string_view s) { return "\"" + EllipsizeChars(s, 40) + "\""; }

// Reads the plan straight from the text over the scanner (json_scanner.h), which says
// only whether the JSON itself is wrong (Ok() false); the caller then reports that with
// the precheck's and parser's own messages. Type errors are collected with their JSON
// path, built only when an error is raised, and the byte offset of the value they
// concern. Unknown keys are kept in `extra`.
class Reader : public json_scan::Scanner {
 private:
  // Path segments: a key (".key") or an array index ("[i]").
  struct Seg {
    const char* key;
    size_t index;
  };

 public:
  Reader(std::string_view text, std::vector<Diagnostic>& diags, const std::string& file, const LoadLimits& limits)
      : Scanner(text, limits), diags_(diags), file_(file) {}

  // Offsets of the diagnostics this reader added (diagnostic index, byte offset).
  const std::vector<std::pair<size_t, size_t>>& Offsets() const { return offsets_; }

  // A text that is one node's own fields (the autosave journal's records), read exactly as
  // a plan file's nodes are.
  void ReadNodeOnly(Node& n) {
    Ws();
    ReadNode(n);
    End();
  }

  void ReadPlan(Plan& plan) {
    if (n_ > limits_.maxBytes) return Fail(0);
    Ws();
    const size_t rootAt = i_;
    if (i_ >= n_ || (s_[i_] != '{' && s_[i_] != '[')) return Fail(i_);
    if (s_[i_] != '{') {
      Kind k = Skip(nullptr);
      End();
      if (!bad_) Error(rootAt, nullptr, std::string("expected a plan (a JSON object), found ") + KindName(k));
      return;
    }
    // The version decides how the rest is read, so a problem with it is the only message.
    const size_t firstDiag = diags_.size(), firstOffset = offsets_.size();
    bool hasVersion = false;
    Kind versionKind = Kind::Invalid;
    Num version;
    size_t versionAt = 0;
    ObjectLoop([&](std::string_view key, size_t at) {
      if (KeyIs(key, "formatVersion")) {
        hasVersion = true;
        versionAt = at;
        versionKind = Skip(nullptr, &version);
      } else if (KeyIs(key, "id")) {
        Str("id", plan.id, false);
      } else if (KeyIs(key, "title")) {
        Str("title", plan.title, false);
      } else if (KeyIs(key, "agencies")) {
        plan.agencies.clear();
        Array("agencies", [&] {
          plan.agencies.emplace_back();
          ReadAgency(plan.agencies.back());
        });
      } else if (KeyIs(key, "documents")) {
        plan.documents.clear();
        Array("documents", [&] {
          plan.documents.emplace_back();
          ReadDocument(plan.documents.back());
        });
      } else if (KeyIs(key, "kpis")) {
        plan.kpis.clear();
        Array("kpis", [&] {
          plan.kpis.emplace_back();
          ReadKpi(plan.kpis.back());
        });
      } else if (KeyIs(key, "events")) {
        plan.events.clear();
        Array("events", [&] {
          plan.events.emplace_back();
          ReadEvent(plan.events.back());
        });
      } else {
        ExtraValue(key, plan.extra);
      }
    });
    End();
    if (bad_) return;
    auto versionError = [&](size_t at, const char* key, std::string message) {
      diags_.resize(firstDiag);
      offsets_.resize(firstOffset);
      Error(at, key, std::move(message));
    };
    if (!hasVersion)
      return versionError(rootAt, nullptr, "missing required key \"formatVersion\" (this azplan writes " +
                                               std::to_string(kFormatVersion) + ")");
    if (versionKind != Kind::Integer)
      return versionError(versionAt, "formatVersion", std::string("expected an integer, found ") + KindName(versionKind));
    const bool huge = !version.negative && version.u > static_cast<unsigned long long>(kFormatVersion);
    long long v = huge ? kFormatVersion + 1 : version.i;
    if (v > kFormatVersion)
      return versionError(versionAt, "formatVersion",
                          "the file has format version " + version.Text() + "; this azplan reads versions up to " +
                              std::to_string(kFormatVersion) + " (use a newer azplan)");
    if (v < 1)
      return versionError(versionAt, "formatVersion", "expected a format version from 1 to " +
                                                          std::to_string(kFormatVersion) + ", found " +
                                                          std::to_string(v));
    // Versions older than the current one would be migrated here, one step each.
  }

 private:
  // ---- diagnostics

  std::string PathString(const char* key) const {
    std::string p;
    for (const Seg& s : path_) {
      if (s.key) {
        if (!p.empty()) p += '.';
        p += s.key;
      } else {
        p += '[';
        p += std::to_string(s.index);
        p += ']';
      }
    }
    if (key) {
      if (!p.empty()) p += '.';
      p += key;
    }
    return p;
  }

  // An error about the value at `at`, whose path is the current one plus `key`.
  void Error(size_t at, const char* key, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.path = PathString(key);
    d.message = std::move(message);
    offsets_.emplace_back(diags_.size(), at);
    diags_.push_back(std::move(d));
  }

  // ---- typed fields (i_ at the value of `key` in the current object)

  void ExtraValue(std::string_view key, Json& extra) {
    std::string k(key);
    Json v;
    Skip(&v);
    if (bad_) return;
    if (!extra.is_object()) extra = Json::object();
    Put(extra, k, std::move(v));
  }

  // Skips a value of the wrong type and says what was expected.
  void WrongType(size_t at, const char* key, const char* expected) {
    Kind k = Skip(nullptr);
    if (!bad_) Error(at, key, std::string(expected) + ", found " + KindName(k));
  }

  void Str(const char* key, std::string& out, bool required) {
    const size_t at = i_;
    if (Peek() != '"') return WrongType(at, key, "expected a string");
    std::string_view v;
    if (!String(v, valueScratch_)) return;
    out.assign(v.data(), v.size());
    if (required && IsBlank(out)) Error(at, key, std::string("\"") + key + "\" must not be empty");
  }

  void Bool(const char* key, bool& out) {
    const size_t at = i_;
    const char c = Peek();
    if (c == 't' && Literal("true")) out = true;
    else if (c == 'f' && Literal("false")) out = false;
    else if (c != 't' && c != 'f') WrongType(at, key, "expected true or false");
  }

  void Int(const char* key, int& out, int lo, int hi) {
    const size_t at = i_;
    const char c = Peek();
    if (c != '-' && (c < '0' || c > '9')) return WrongType(at, key, "expected an integer");
    Num num;
    if (!Number(num)) return;
    if (num.isFloat) return Error(at, key, "expected an integer, found a number");
    // An unsigned value above LLONG_MAX must not wrap into a negative one.
    const bool huge = !num.negative && num.u > static_cast<unsigned long long>(hi);
    long long v = huge ? hi : num.i;
    if (huge || v < lo || v > hi)
      return Error(at, key, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                ", found " + num.Text());
    out = static_cast<int>(v);
  }

  void Date(const char* key, std::string& out) {
    const size_t at = i_;
    Str(key, out, false);
    if (!bad_ && !out.empty() && !ParsePartialDate(out)) {
      Error(at, key, "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found " + Quote(out));
      out.clear();
    }
  }

  void Strings(const char* key, std::vector<std::string>& out) {
    const size_t at = i_;
    out.clear();
    if (Peek() != '[') return WrongType(at, key, "expected an array of strings");
    path_.push_back({key, 0});
    ArrayLoop([&](size_t index) {
      if (Peek() == '"') {
        std::string_view v;
        if (!String(v, valueScratch_)) return;
        // Executor lists hold one to four ids: one allocation instead of three.
        if (out.empty()) out.reserve(4);
        out.emplace_back(v);
        return;
      }
      path_.push_back({nullptr, index});
      WrongType(i_, nullptr, "expected a string");
      path_.pop_back();
    });
    path_.pop_back();
  }

  // Calls fn() with i_ at each element of the array at `key`, the path naming the element.
  template <class Fn>
  void Array(const char* key, Fn fn) {
    const size_t at = i_;
    if (Peek() != '[') return WrongType(at, key, "expected an array");
    path_.push_back({key, 0});
    ArrayLoop([&](size_t index) {
      path_.push_back({nullptr, index});
      fn();
      path_.pop_back();
    });
    path_.pop_back();
  }

  // An array of large items read into `staged`, then moved into `out` sized exactly. A
  // vector grown one item at a time moves every item read so far at each doubling, and
  // most arrays of a plan are short (1-3 children or assessments), where growing 1, 2, 4
  // costs more moves and allocations than the items themselves.
  template <class T, class Read>
  void StagedArray(const char* key, std::vector<T>& out, std::vector<T>& staged, Read read) {
    staged.clear();
    Array(key, [&] {
      staged.emplace_back();
      read(staged.back());
    });
    out.assign(std::make_move_iterator(staged.begin()), std::make_move_iterator(staged.end()));
    staged.clear();
  }

  // One staging vector per level of nesting: a node's children are staged while its
  // parent's siblings still are. A deque, so that a new level does not move the others.
  std::vector<Node>& StagedNodes(size_t level) {
    if (stagedNodes_.size() <= level) stagedNodes_.resize(level + 1);
    return stagedNodes_[level];
  }

  // Calls fn() for the object value at `key`, the path naming it.
  template <class Fn>
  void Nested(const char* key, Fn fn) {
    path_.push_back({key, 0});
    fn();
    path_.pop_back();
  }

  // i_ at a value that must be an object (the current path names it).
  bool Object(const char* what) {
    if (Peek() == '{') return true;
    const size_t at = i_;
    Kind k = Skip(nullptr);
    if (!bad_) Error(at, nullptr, std::string("expected ") + what + " (an object), found " + KindName(k));
    return false;
  }

  void Missing(size_t at, const char* key, const char* what) {
    Error(at, nullptr, std::string("missing required key \"") + key + "\" (" + what + ")");
  }

  // ---- the model

  void ReadPeriod(Period& p) {
    const size_t at = i_;
    p = Period();
    if (!Object("a period")) return;
    // Years may be left out when only a relative deadline is known; they are inherited.
    bool hasStart = false, hasEnd = false;
    ObjectLoop([&](std::string_view key, size_t) {
      if (KeyIs(key, "start")) hasStart = true, Int("start", p.start, 1900, 2200);
      else if (KeyIs(key, "end")) hasEnd = true, Int("end", p.end, 1900, 2200);
      else if (KeyIs(key, "ongoing")) Bool("ongoing", p.ongoing);
      else if (KeyIs(key, "text")) Str("text", p.text, false);
      else if (KeyIs(key, "startDate")) Date("startDate", p.startDate);
      else if (KeyIs(key, "endDate")) Date("endDate", p.endDate);
      else if (KeyIs(key, "withinMonths")) Int("withinMonths", p.withinMonths, 0, 1200);
      else ExtraValue(key, p.extra);
    });
    if (bad_) return;
    if (hasEnd && !hasStart) Missing(at, "start", "an integer");
    if (hasStart && !hasEnd) Missing(at, "end", "an integer");
  }

  // A status key's value; an unknown status is an error naming the four.
  void ReadStatus(size_t at, const char* key, std::optional<Status>& out) {
    out.reset();
    if (Peek() != '"') return WrongType(at, key, "expected a status string");
    std::string_view v;
    if (!String(v, valueScratch_)) return;
    if (auto st = StatusFromKey(v)) out = *st;
    else Error(at, key, "unknown status " + Quote(v) + "; expected executed, partial, notExecuted or notAssessed");
  }

  void ReadAssessment(Assessment& a) {
    const size_t at = i_;
    if (!Object("an assessment")) return;
    bool hasYear = false;
    ObjectLoop([&](std::string_view key, size_t vat) {
      if (KeyIs(key, "year")) {
        hasYear = true;
        Int("year", a.year, 1900, 2200);
      } else if (KeyIs(key, "status")) {
        ReadStatus(vat, "status", a.status);
      } else if (KeyIs(key, "note")) {
        Str("note", a.note, false);
      } else if (KeyIs(key, "evidence")) {
        Str("evidence", a.evidence, false);
      } else if (KeyIs(key, "assessedBy")) {
        Str("assessedBy", a.assessedBy, false);
      } else if (KeyIs(key, "date")) {
        Date("date", a.date);
      } else if (KeyIs(key, "workDone")) {
        Str("workDone", a.workDone, false);
      } else if (KeyIs(key, "reportedBy")) {
        Str("reportedBy", a.reportedBy, false);
      } else if (KeyIs(key, "reportingAgency")) {
        Str("reportingAgency", a.reportingAgency, false);
      } else if (KeyIs(key, "sourceFile")) {
        Str("sourceFile", a.sourceFile, false);
      } else if (KeyIs(key, "reportedStatus")) {
        ReadStatus(vat, "reportedStatus", a.reportedStatus);
      } else {
        ExtraValue(key, a.extra);
      }
    });
    if (!bad_ && !hasYear) Missing(at, "year", "an integer");
  }

  void ReadNode(Node& n) {
    const size_t at = i_;
    if (!Object("a node")) return;
    bool hasCode = false, hasTitle = false, hasKind = false;
    std::string kind;
    size_t kindAt = 0;
    ObjectLoop([&](std::string_view key, size_t vat) {
      switch (key.size()) {
        case 2:
          if (KeyIs(key, "id")) return Str("id", n.id, false);
          break;
        case 4:
          if (KeyIs(key, "code")) return hasCode = true, Str("code", n.code, true);
          if (KeyIs(key, "kind")) return hasKind = true, kindAt = vat, kind.clear(), Str("kind", kind, true);
          if (KeyIs(key, "lead")) return Strings("lead", n.lead);
          break;
        case 5:
          if (KeyIs(key, "title")) return hasTitle = true, Str("title", n.title, true);
          if (KeyIs(key, "risks")) return ReadRisks(n.risks);
          break;
        case 6:
          if (KeyIs(key, "period")) return Nested("period", [&] { ReadPeriod(n.period); });
          break;
        case 8:
          if (KeyIs(key, "children")) {
            ++nodeLevel_;
            StagedArray("children", n.children, StagedNodes(nodeLevel_), [&](Node& child) { ReadNode(child); });
            --nodeLevel_;
            return;
          }
          break;
        case 9:
          if (KeyIs(key, "rationale")) return Str("rationale", n.rationale, false);
          break;
        case 10:
          if (KeyIs(key, "indicators")) return Strings("indicators", n.indicators);
          break;
        case 11:
          if (KeyIs(key, "coExecutors")) return Strings("coExecutors", n.coExecutors);
          if (KeyIs(key, "recommended")) return Strings("recommended", n.recommended);
          if (KeyIs(key, "assessments"))
            return StagedArray("assessments", n.assessments, stagedAssessments_, [&](Assessment& a) { ReadAssessment(a); });
          break;
        case 15:
          if (KeyIs(key, "expectedResults")) return Strings("expectedResults", n.expectedResults);
          break;
        case 16:
          if (KeyIs(key, "executorsPending")) return Bool("executorsPending", n.executorsPending);
          break;
        default: break;
      }
      ExtraValue(key, n.extra);
    });
    if (bad_) return;
    if (!hasCode) Missing(at, "code", "a string");
    if (!hasTitle) Missing(at, "title", "a string");
    if (!hasKind) Missing(at, "kind", "a string");
    if (!kind.empty()) {
      if (auto k = NodeKindFromKey(kind)) n.kind = *k;
      else UnknownKind(kindAt, kind);
    }
    bool sorted = true;
    for (size_t k = 1; k < n.assessments.size() && sorted; ++k)
      sorted = n.assessments[k - 1].year <= n.assessments[k].year;
    if (!sorted) SortByYear(n.assessments);
  }

  void UnknownKind(size_t at, const std::string& kind) {
    Error(at, "kind", "unknown node kind " + Quote(kind) +
                          "; expected target, priority, direction, section, subsection, "
                          "measure, submeasure or assignment");
  }

  static void SortByYear(std::vector<Assessment>& assessments) {
    std::stable_sort(assessments.begin(), assessments.end(),
                     [](const Assessment& x, const Assessment& y) { return x.year < y.year; });
  }

  // An array of small objects that each need one string key (risks, coded texts, an
  // agency's former names): `field(item, key)` reads one key and says whether it was that one.
  template <class T, class Field>
  void ObjectArray(const char* key, const char* what, const char* required, std::vector<T>& out, Field field) {
    out.clear();
    Array(key, [&] {
      const size_t at = i_;
      if (!Object(what)) return;
      T item;
      bool hasRequired = false;
      ObjectLoop([&](std::string_view k, size_t) {
        if (field(item, k)) hasRequired = true;
      });
      if (bad_) return;
      if (!hasRequired) Missing(at, required, "a string");
      out.push_back(std::move(item));
    });
  }

  void ReadRisks(std::vector<Risk>& risks) {
    ObjectArray("risks", "a risk", "risk", risks, [&](Risk& risk, std::string_view k) {
      if (KeyIs(k, "risk")) return Str("risk", risk.risk, true), true;
      if (KeyIs(k, "mitigation")) Str("mitigation", risk.mitigation, false);
      else ExtraValue(k, risk.extra);
      return false;
    });
  }

  void ReadCoded(const char* key, std::vector<CodedText>& out) {
    ObjectArray(key, "a coded text", "text", out, [&](CodedText& t, std::string_view k) {
      if (KeyIs(k, "text")) return Str("text", t.text, true), true;
      if (KeyIs(k, "code")) Str("code", t.code, false);
      else ExtraValue(k, t.extra);
      return false;
    });
  }

  void ReadDocument(Document& d) {
    const size_t at = i_;
    if (!Object("a document")) return;
    bool hasId = false, hasKind = false, hasTitle = false;
    ObjectLoop([&](std::string_view key, size_t) {
      if (KeyIs(key, "nodes")) {
        StagedArray("nodes", d.nodes, StagedNodes(0), [&](Node& node) { ReadNode(node); });
      } else if (KeyIs(key, "id")) hasId = true, Str("id", d.id, true);
      else if (KeyIs(key, "kind")) hasKind = true, Str("kind", d.kind, true);
      else if (KeyIs(key, "title")) hasTitle = true, Str("title", d.title, true);
      else if (KeyIs(key, "shortTitle")) Str("shortTitle", d.shortTitle, false);
      else if (KeyIs(key, "number")) Str("number", d.number, false);
      else if (KeyIs(key, "approved")) Date("approved", d.approved);
      else if (KeyIs(key, "approvedFromSource")) Bool("approvedFromSource", d.approvedFromSource);
      else if (KeyIs(key, "approvedBy")) Str("approvedBy", d.approvedBy, false);
      else if (KeyIs(key, "period")) Nested("period", [&] { ReadPeriod(d.period); });
      else if (KeyIs(key, "source")) Str("source", d.source, false);
      else if (KeyIs(key, "notes")) Str("notes", d.notes, false);
      else if (KeyIs(key, "goals")) ReadCoded("goals", d.goals);
      else if (KeyIs(key, "tasks")) ReadCoded("tasks", d.tasks);
      else if (KeyIs(key, "expectedResults")) ReadCoded("expectedResults", d.expectedResults);
      else ExtraValue(key, d.extra);
    });
    if (bad_) return;
    if (!hasId) Missing(at, "id", "a string");
    if (!hasKind) Missing(at, "kind", "a string");
    if (!hasTitle) Missing(at, "title", "a string");
  }

  void ReadAgency(Agency& a) {
    const size_t at = i_;
    if (!Object("an agency")) return;
    bool hasId = false, hasName = false;
    ObjectLoop([&](std::string_view key, size_t) {
      if (KeyIs(key, "id")) hasId = true, Str("id", a.id, true);
      else if (KeyIs(key, "name")) hasName = true, Str("name", a.name, true);
      else if (KeyIs(key, "short")) Str("short", a.shortName, false);
      else if (KeyIs(key, "kind")) Str("kind", a.kind, false);
      else if (KeyIs(key, "acronyms")) Strings("acronyms", a.acronyms);
      else if (KeyIs(key, "variants")) Strings("variants", a.variants);
      else if (KeyIs(key, "names")) {
        ObjectArray("names", "a name entry", "name", a.names, [&](AgencyName& an, std::string_view k) {
          if (KeyIs(k, "name")) return Str("name", an.name, true), true;
          if (KeyIs(k, "from")) Date("from", an.from);
          else if (KeyIs(k, "to")) Date("to", an.to);
          else if (KeyIs(k, "note")) Str("note", an.note, false);
          else ExtraValue(k, an.extra);
          return false;
        });
      } else if (KeyIs(key, "successor")) {
        Nested("successor", [&] {
          const size_t sat = i_;
          a.successorId.clear();
          a.successorDate.clear();
          a.successorHow.clear();
          if (!Object("a successor")) return;
          bool hasSid = false;
          // Unknown keys of a successor are not kept (as before).
          ObjectLoop([&](std::string_view k, size_t) {
            if (KeyIs(k, "id")) hasSid = true, Str("id", a.successorId, true);
            else if (KeyIs(k, "date")) Date("date", a.successorDate);
            else if (KeyIs(k, "how")) Str("how", a.successorHow, false);
            else Skip(nullptr);
          });
          if (!bad_ && !hasSid) Missing(sat, "id", "a string");
        });
      } else {
        ExtraValue(key, a.extra);
      }
    });
    if (bad_) return;
    if (!hasId) Missing(at, "id", "a string");
    if (!hasName) Missing(at, "name", "a string");
  }

  void ReadKpiValue(KpiValue& v, bool yearRequired) {
    const size_t at = i_;
    if (!Object("a KPI value")) return;
    bool hasYear = false;
    ObjectLoop([&](std::string_view key, size_t vat) {
      if (KeyIs(key, "year")) hasYear = true, Int("year", v.year, 1900, 2200);
      else if (KeyIs(key, "value")) {
        const char c = Peek();
        if (c != '-' && (c < '0' || c > '9')) return WrongType(vat, "value", "expected a number");
        Num num;
        if (Number(num)) v.value = num.d;
      } else if (KeyIs(key, "text")) Str("text", v.text, false);
      else if (!ReadKpiValueSourceNote(key, v)) ExtraValue(key, v.extra);
    });
    if (!bad_ && yearRequired && !hasYear) Missing(at, "year", "an integer");
  }

  // Indicators (issue 14): a measured value's provenance. Kept apart so the reader's
  // split into files moves it as one piece.
  bool ReadKpiValueSourceNote(std::string_view key, KpiValue& v) {
    if (KeyIs(key, "source")) return Str("source", v.source, false), true;
    if (KeyIs(key, "note")) return Str("note", v.note, false), true;
    if (KeyIs(key, "date")) return Str("date", v.date, false), true;  // agency returns (docs/returns.md)
    if (KeyIs(key, "reportedBy")) return Str("reportedBy", v.reportedBy, false), true;
    if (KeyIs(key, "reportingAgency")) return Str("reportingAgency", v.reportingAgency, false), true;
    if (KeyIs(key, "sourceFile")) return Str("sourceFile", v.sourceFile, false), true;
    return false;
  }

  // Indicators (issue 14): the measured values, sorted by year; a second value for a
  // year is an error (the progress rule reads one value per year).
  void ReadKpiMeasured(Kpi& k) {
    k.measured.clear();
    const size_t at = i_;
    Array("measured", [&] {
      KpiValue v;
      ReadKpiValue(v, true);
      k.measured.push_back(std::move(v));
    });
    if (bad_) return;
    std::stable_sort(k.measured.begin(), k.measured.end(),
                     [](const KpiValue& x, const KpiValue& y) { return x.year < y.year; });
    for (size_t j = 1; j < k.measured.size(); ++j)
      if (k.measured[j].year == k.measured[j - 1].year) {
        path_.push_back({"measured", 0});
        Error(at, nullptr, "two measured values for " + std::to_string(k.measured[j].year) + "; expected one per year");
        path_.pop_back();
        break;
      }
  }

  void ReadKpi(Kpi& k) {
    const size_t at = i_;
    if (!Object("a KPI")) return;
    bool hasId = false, hasName = false;
    ObjectLoop([&](std::string_view key, size_t) {
      if (KeyIs(key, "id")) hasId = true, Str("id", k.id, true);
      else if (KeyIs(key, "documentId")) Str("documentId", k.documentId, false);
      else if (KeyIs(key, "kind")) Str("kind", k.kind, false);
      else if (KeyIs(key, "name")) hasName = true, Str("name", k.name, true);
      else if (KeyIs(key, "unit")) Str("unit", k.unit, false);
      else if (KeyIs(key, "baseline")) {
        KpiValue v;
        Nested("baseline", [&] { ReadKpiValue(v, false); });
        k.baseline = std::move(v);
      } else if (KeyIs(key, "targets")) {
        k.targets.clear();
        Array("targets", [&] {
          KpiValue v;
          ReadKpiValue(v, true);
          k.targets.push_back(std::move(v));
        });
      } else if (KeyIs(key, "measured")) {
        ReadKpiMeasured(k);
      } else if (KeyIs(key, "nodeIds")) {
        Strings("nodeIds", k.nodeIds);
      } else {
        ExtraValue(key, k.extra);
      }
    });
    if (bad_) return;
    if (!hasId) Missing(at, "id", "a string");
    if (!hasName) Missing(at, "name", "a string");
  }

  void ReadEvent(Event& e) {
    const size_t at = i_;
    if (!Object("an event")) return;
    bool hasId = false, hasDate = false, hasTitle = false;
    ObjectLoop([&](std::string_view key, size_t) {
      if (KeyIs(key, "id")) hasId = true, Str("id", e.id, true);
      else if (KeyIs(key, "date")) hasDate = true, Date("date", e.date);
      else if (KeyIs(key, "kind")) Str("kind", e.kind, false);
      else if (KeyIs(key, "title")) hasTitle = true, Str("title", e.title, true);
      else if (KeyIs(key, "number")) Str("number", e.number, false);
      else if (KeyIs(key, "documentId")) Str("documentId", e.documentId, false);
      else if (KeyIs(key, "source")) Str("source", e.source, false);
      else if (KeyIs(key, "period")) Nested("period", [&] { ReadPeriod(e.period); });
      else ExtraValue(key, e.extra);
    });
    if (bad_) return;
    if (!hasId) Missing(at, "id", "a string");
    if (!hasDate) Error(at, nullptr, "missing required key \"date\" (YYYY, YYYY-MM or YYYY-MM-DD)");
    if (!hasTitle) Missing(at, "title", "a string");
  }

  std::vector<Diagnostic>& diags_;
  const std::string& file_;
  std::vector<Seg> path_;
  std::deque<std::vector<Node>> stagedNodes_;
  size_t nodeLevel_ = 0;  // of the node being read: 0 for a document's own nodes
  std::vector<Assessment> stagedAssessments_;
  std::vector<std::pair<size_t, size_t>> offsets_;
};

}  // namespace

Diagnostic FileTooLarge(const std::string& fileName, double bytes, const LoadLimits& limits) {
  Diagnostic d;
  d.file = fileName;
  d.line = d.column = 1;
  d.message = "the file is " + std::to_string(static_cast<unsigned long long>(bytes) >> 20) + " MiB; plans up to " +
              std::to_string(limits.maxBytes >> 20) + " MiB are accepted";
  return d;
}

namespace {

// Checks the limits and UTF-8 before the JSON parser sees the text, so hostile input
// is refused quickly with a position instead of exhausting memory or the stack.
bool Precheck(std::string_view text, const std::string& file, const LoadLimits& limits,
              std::vector<Diagnostic>& diags) {
  auto fail = [&](size_t offset, std::string message) {
    Diagnostic d;
    d.file = file;
    LineColumnAt(text, offset, d.line, d.column);
    d.message = std::move(message);
    diags.push_back(std::move(d));
    return false;
  };
  if (text.size() > limits.maxBytes) {
    diags.push_back(FileTooLarge(file, static_cast<double>(text.size()), limits));
    return false;
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return fail(0, "the file is empty; expected a plan (a JSON object)");
  if (text[first] != '{' && text[first] != '[')
    return fail(first, "this is not JSON: expected a plan (a JSON object starting with '{')");
  int depth = 0;
  bool inString = false;
  size_t stringStart = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Validate this multi-byte sequence in place.
      size_t n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
      bool ok = n != 0 && i + n <= text.size();
      for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      if (ok && n >= 3 && !IsValidUtf8(text.substr(i, n))) ok = false;
      if (!ok) return fail(i, "invalid UTF-8 byte sequence; plan files must be UTF-8 text");
      i += n - 1;
      continue;
    }
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') {
        inString = false;
        if (i - stringStart > limits.maxStringBytes)
          return fail(stringStart, "a text of " + std::to_string((i - stringStart) >> 10) +
                                       " KiB; texts up to " + std::to_string(limits.maxStringBytes >> 10) +
                                       " KiB are accepted");
      }
      continue;
    }
    if (c == '"') {
      inString = true;
      stringStart = i;
    } else if (c == '{' || c == '[') {
      if (++depth > limits.maxDepth)
        return fail(i, "nesting deeper than " + std::to_string(limits.maxDepth) +
                           " levels; a plan's hierarchy is far shallower");
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  if (inString && text.size() - stringStart > limits.maxStringBytes)
    return fail(stringStart, "an unterminated text of " + std::to_string((text.size() - stringStart) >> 10) + " KiB");
  return true;
}

// The JSON parser's verdict on text the reader refused, without building anything: a
// failure keeps its position and kind (a number out of range such as 1e400 is otherwise
// thrown as out_of_range, which carries no offset).
struct ErrorOnlySax : nlohmann::detail::json_sax_acceptor<Json> {
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    failed = true;
    end = position;
    tokenSize = token.size();
    outOfRange = std::is_same<Exception, nlohmann::detail::out_of_range>::value;
    what = ex.what();
    return false;
  }
  bool failed = false, outOfRange = false;
  size_t end = 0, tokenSize = 0;
  std::string what;
};

// Reports what made the reader stop (bad UTF-8, a limit, a syntax error) with the
// precheck's and the JSON parser's messages and positions.
void ReportInvalidJson(std::string_view text, const std::string& fileName, const LoadLimits& limits,
                       size_t readerAt, std::vector<Diagnostic>& diags) {
  if (!Precheck(text, fileName, limits, diags)) return;
  Diagnostic d;
  d.file = fileName;
  ErrorOnlySax sax;
  if (!Json::sax_parse(text.begin(), text.end(), &sax) || sax.failed) {
    // A syntax error points at the last character read; a number out of range at its start.
    size_t at = sax.outOfRange && sax.end >= sax.tokenSize ? sax.end - sax.tokenSize
                                                           : (sax.end > 0 ? sax.end - 1 : 0);
    LineColumnAt(text, at, d.line, d.column);
    // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
    // error while parsing object - ..."; keep the part after the id and the position.
    std::string what = sax.what;
    size_t id = what.find("] ");
    if (id != std::string::npos) what.erase(0, id + 2);
    if (what.rfind("parse error", 0) == 0) {
      size_t colon = what.find(": ");
      if (colon != std::string::npos) what.erase(0, colon + 2);
    }
    d.message = "invalid JSON: " + what;
  } else {
    // The parser accepted what the reader refused; not expected, but still say where.
    LineColumnAt(text, readerAt, d.line, d.column);
    d.message = "invalid JSON: unexpected input";
  }
  diags.push_back(std::move(d));
}

// Line and column of every (diagnostic index, byte offset) pair, in one pass over the text.
void PlaceOffsets(std::string_view text, std::vector<std::pair<size_t, size_t>> offsets,
                  std::vector<Diagnostic>& diags) {
  std::sort(offsets.begin(), offsets.end(),
            [](const std::pair<size_t, size_t>& a, const std::pair<size_t, size_t>& b) { return a.second < b.second; });
  size_t pos = 0;
  int line = 1, column = 1;
  for (const auto& [index, offset] : offsets) {
    const size_t to = std::min(offset, text.size());
    for (; pos < to; ++pos) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    diags[index].line = line;
    diags[index].column = column;
  }
}

}  // namespace

LoadResult LoadPlan(std::string_view text, const std::string& fileName, const LoadLimits& limits) {
  LoadResult result;
  try {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Plan plan;
    Reader reader(text, result.diagnostics, fileName, limits);
    reader.ReadPlan(plan);
    if (!reader.Ok()) {
      result.diagnostics.clear();
      ReportInvalidJson(text, fileName, limits, reader.BadAt(), result.diagnostics);
      return result;
    }
    PlaceOffsets(text, reader.Offsets(), result.diagnostics);
    if (!HasErrors(result.diagnostics)) {
      auto semantic = ValidatePlan(plan);
      for (auto& d : semantic) {
        d.file = fileName;
        result.diagnostics.push_back(std::move(d));
      }
    }
    PlaceDiagnostics(text, result.diagnostics);
    if (!HasErrors(result.diagnostics)) result.plan = std::move(plan);
  } catch (const std::exception& e) {
    Diagnostic d;
    d.file = fileName;
    d.message = std::string("could not read the plan: ") + e.what();
    result.diagnostics.push_back(std::move(d));
    result.plan.reset();
  }
  return result;
}

bool ReadNodeFields(std::string_view text, Node& node) {
  std::vector<Diagnostic> diagnostics;
  const LoadLimits limits;  // the reader keeps a reference: it must outlive the reader
  Reader reader(text, diagnostics, "", limits);
  try {
    reader.ReadNodeOnly(node);
  } catch (const std::exception&) {
    return false;
  }
  return reader.Ok() && !HasErrors(diagnostics);
}

}  // namespace azplan
