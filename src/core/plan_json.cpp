#include "core/plan_json.h"

#include <exception>
#include <type_traits>

#include "core/dates.h"
#include "core/text.h"
#include "core/validate.h"

namespace azplan {

namespace {

std::string Quote(std::string_view s) { return "\"" + EllipsizeChars(s, 40) + "\""; }

const char* TypeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

// Converts parsed JSON into the model, collecting every type error with its path.
class Reader {
 public:
  Reader(std::vector<Diagnostic>& diags, const std::string& file) : diags_(diags), file_(file) {}

  void Error(const std::string& path, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.path = path;
    d.message = std::move(message);
    diags_.push_back(std::move(d));
  }

  // "documents[0].title", or "title" for a key of the root object.
  static std::string Join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }

  // Copies every key not in `known` into `extra`.
  void Extra(const Json& obj, std::initializer_list<const char*> known, Json& extra) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool isKnown = false;
      for (const char* k : known) isKnown = isKnown || it.key() == k;
      if (!isKnown) extra[it.key()] = it.value();
    }
  }

  bool Object(const Json& j, const std::string& path, const char* what) {
    if (j.is_object()) return true;
    Error(path, std::string("expected ") + what + " (an object), found " + TypeName(j));
    return false;
  }

  void Str(const Json& obj, const char* key, std::string& out, const std::string& path,
           bool required = false) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) Error(path, std::string("missing required key \"") + key + "\" (a string)");
      return;
    }
    if (!it->is_string()) {
      Error(Join(path, key), std::string("expected a string, found ") + TypeName(*it));
      return;
    }
    out = it->get<std::string>();
    if (required && Trim(out).empty())
      Error(Join(path, key), std::string("\"") + key + "\" must not be empty");
  }

  void Bool(const Json& obj, const char* key, bool& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_boolean()) {
      Error(Join(path, key), std::string("expected true or false, found ") + TypeName(*it));
      return;
    }
    out = it->get<bool>();
  }

  void Int(const Json& obj, const char* key, int& out, const std::string& path, bool required,
           int lo, int hi) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) Error(path, std::string("missing required key \"") + key + "\" (an integer)");
      return;
    }
    if (!it->is_number_integer()) {
      Error(Join(path, key), std::string("expected an integer, found ") + TypeName(*it));
      return;
    }
    // An unsigned value above LLONG_MAX must not wrap into a negative one.
    const bool huge = it->is_number_unsigned() && it->get<unsigned long long>() > static_cast<unsigned long long>(hi);
    long long v = huge ? hi : it->get<long long>();
    if (huge || v < lo || v > hi) {
      Error(Join(path, key), "expected an integer from " + std::to_string(lo) + " to " +
                                  std::to_string(hi) + ", found " + it->dump());
      return;
    }
    out = static_cast<int>(v);
  }

  void Strings(const Json& obj, const char* key, std::vector<std::string>& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    std::string p = Join(path, key);
    if (!it->is_array()) {
      Error(p, std::string("expected an array of strings, found ") + TypeName(*it));
      return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const Json& v = (*it)[i];
      if (!v.is_string()) {
        Error(p + "[" + std::to_string(i) + "]", std::string("expected a string, found ") + TypeName(v));
        continue;
      }
      out.push_back(v.get<std::string>());
    }
  }

  // Calls fn(element, elementPath) for each element of the array at obj[key].
  template <class Fn>
  void Array(const Json& obj, const char* key, const std::string& path, Fn fn) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    std::string p = Join(path, key);
    if (!it->is_array()) {
      Error(p, std::string("expected an array, found ") + TypeName(*it));
      return;
    }
    for (size_t i = 0; i < it->size(); ++i) fn((*it)[i], p + "[" + std::to_string(i) + "]");
  }

  void Date(const Json& obj, const char* key, std::string& out, const std::string& path) {
    Str(obj, key, out, path);
    if (!out.empty() && !ParsePartialDate(out)) {
      Error(Join(path, key), "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found " + Quote(out));
      out.clear();
    }
  }

  void ReadPeriod(const Json& obj, Period& p, const std::string& path) {
    auto it = obj.find("period");
    if (it == obj.end()) return;
    std::string pp = path + ".period";
    if (!Object(*it, pp, "a period")) return;
    // Years may be left out when only a relative deadline is known; they are inherited.
    bool hasStart = it->contains("start"), hasEnd = it->contains("end");
    Int(*it, "start", p.start, pp, hasEnd, 1900, 2200);
    Int(*it, "end", p.end, pp, hasStart, 1900, 2200);
    Bool(*it, "ongoing", p.ongoing, pp);
    Str(*it, "text", p.text, pp);
    Date(*it, "startDate", p.startDate, pp);
    Date(*it, "endDate", p.endDate, pp);
    Int(*it, "withinMonths", p.withinMonths, pp, false, 0, 1200);
    Extra(*it, {"start", "end", "ongoing", "text", "startDate", "endDate", "withinMonths"}, p.extra);
  }

  void ReadAssessment(const Json& j, Assessment& a, const std::string& path) {
    if (!Object(j, path, "an assessment")) return;
    Int(j, "year", a.year, path, true, 1900, 2200);
    auto st = j.find("status");
    if (st != j.end()) {
      if (!st->is_string()) {
        Error(path + ".status", std::string("expected a status string, found ") + TypeName(*st));
      } else if (auto s = StatusFromKey(st->get<std::string>())) {
        a.status = *s;
      } else {
        Error(path + ".status", "unknown status " + Quote(st->get<std::string>()) +
                                    "; expected executed, partial, notExecuted or notAssessed");
      }
    }
    Str(j, "note", a.note, path);
    Str(j, "evidence", a.evidence, path);
    Str(j, "assessedBy", a.assessedBy, path);
    Date(j, "date", a.date, path);
    Extra(j, {"year", "status", "note", "evidence", "assessedBy", "date"}, a.extra);
  }

  void ReadNode(const Json& j, Node& n, const std::string& path) {
    if (!Object(j, path, "a node")) return;
    Str(j, "code", n.code, path, true);
    Str(j, "id", n.id, path);
    Str(j, "title", n.title, path, true);
    std::string kind;
    Str(j, "kind", kind, path, true);
    if (!kind.empty()) {
      if (auto k = NodeKindFromKey(kind)) n.kind = *k;
      else
        Error(path + ".kind", "unknown node kind " + Quote(kind) +
                                  "; expected target, priority, direction, section, subsection, "
                                  "measure, submeasure or assignment");
    }
    Strings(j, "lead", n.lead, path);
    Strings(j, "coExecutors", n.coExecutors, path);
    Strings(j, "recommended", n.recommended, path);
    Bool(j, "executorsPending", n.executorsPending, path);
    ReadPeriod(j, n.period, path);
    Str(j, "rationale", n.rationale, path);
    Strings(j, "expectedResults", n.expectedResults, path);
    Strings(j, "indicators", n.indicators, path);
    Array(j, "risks", path, [&](const Json& r, const std::string& rp) {
      if (!Object(r, rp, "a risk")) return;
      Risk risk;
      Str(r, "risk", risk.risk, rp, true);
      Str(r, "mitigation", risk.mitigation, rp);
      Extra(r, {"risk", "mitigation"}, risk.extra);
      n.risks.push_back(std::move(risk));
    });
    Array(j, "assessments", path, [&](const Json& a, const std::string& ap) {
      Assessment as;
      ReadAssessment(a, as, ap);
      n.assessments.push_back(std::move(as));
    });
    std::stable_sort(n.assessments.begin(), n.assessments.end(),
                     [](const Assessment& x, const Assessment& y) { return x.year < y.year; });
    Array(j, "children", path, [&](const Json& c, const std::string& cp) {
      n.children.emplace_back();
      ReadNode(c, n.children.back(), cp);
    });
    Extra(j, {"code", "id", "title", "kind", "lead", "coExecutors", "recommended", "executorsPending",
              "period", "rationale", "expectedResults", "indicators", "risks", "assessments", "children"},
          n.extra);
  }

  void ReadCoded(const Json& j, const char* key, std::vector<CodedText>& out, const std::string& path) {
    Array(j, key, path, [&](const Json& c, const std::string& cp) {
      if (!Object(c, cp, "a coded text")) return;
      CodedText t;
      Str(c, "code", t.code, cp);
      Str(c, "text", t.text, cp, true);
      Extra(c, {"code", "text"}, t.extra);
      out.push_back(std::move(t));
    });
  }

  void ReadDocument(const Json& j, Document& d, const std::string& path) {
    if (!Object(j, path, "a document")) return;
    Str(j, "id", d.id, path, true);
    Str(j, "kind", d.kind, path, true);
    Str(j, "title", d.title, path, true);
    Str(j, "shortTitle", d.shortTitle, path);
    Str(j, "number", d.number, path);
    Date(j, "approved", d.approved, path);
    Bool(j, "approvedFromSource", d.approvedFromSource, path);
    Str(j, "approvedBy", d.approvedBy, path);
    ReadPeriod(j, d.period, path);
    Str(j, "source", d.source, path);
    Str(j, "notes", d.notes, path);
    ReadCoded(j, "goals", d.goals, path);
    ReadCoded(j, "tasks", d.tasks, path);
    ReadCoded(j, "expectedResults", d.expectedResults, path);
    Array(j, "nodes", path, [&](const Json& c, const std::string& cp) {
      d.nodes.emplace_back();
      ReadNode(c, d.nodes.back(), cp);
    });
    Extra(j, {"id", "kind", "title", "shortTitle", "number", "approved", "approvedFromSource",
              "approvedBy", "period", "source", "notes", "goals", "tasks", "expectedResults", "nodes"},
          d.extra);
  }

  void ReadAgency(const Json& j, Agency& a, const std::string& path) {
    if (!Object(j, path, "an agency")) return;
    Str(j, "id", a.id, path, true);
    Str(j, "name", a.name, path, true);
    Str(j, "short", a.shortName, path);
    Str(j, "kind", a.kind, path);
    Strings(j, "acronyms", a.acronyms, path);
    Strings(j, "variants", a.variants, path);
    Array(j, "names", path, [&](const Json& n, const std::string& np) {
      if (!Object(n, np, "a name entry")) return;
      AgencyName an;
      Str(n, "name", an.name, np, true);
      Date(n, "from", an.from, np);
      Date(n, "to", an.to, np);
      Str(n, "note", an.note, np);
      Extra(n, {"name", "from", "to", "note"}, an.extra);
      a.names.push_back(std::move(an));
    });
    auto s = j.find("successor");
    if (s != j.end() && Object(*s, path + ".successor", "a successor")) {
      Str(*s, "id", a.successorId, path + ".successor", true);
      Date(*s, "date", a.successorDate, path + ".successor");
      Str(*s, "how", a.successorHow, path + ".successor");
    }
    Extra(j, {"id", "name", "short", "kind", "acronyms", "variants", "names", "successor"}, a.extra);
  }

  void ReadKpiValue(const Json& j, KpiValue& v, const std::string& path, bool yearRequired) {
    if (!Object(j, path, "a KPI value")) return;
    Int(j, "year", v.year, path, yearRequired, 1900, 2200);
    auto it = j.find("value");
    if (it != j.end()) {
      if (it->is_number()) v.value = it->get<double>();
      else Error(path + ".value", std::string("expected a number, found ") + TypeName(*it));
    }
    Str(j, "text", v.text, path);
    Extra(j, {"year", "value", "text"}, v.extra);
  }

  void ReadKpi(const Json& j, Kpi& k, const std::string& path) {
    if (!Object(j, path, "a KPI")) return;
    Str(j, "id", k.id, path, true);
    Str(j, "documentId", k.documentId, path);
    Str(j, "kind", k.kind, path);
    Str(j, "name", k.name, path, true);
    Str(j, "unit", k.unit, path);
    auto b = j.find("baseline");
    if (b != j.end()) {
      KpiValue v;
      ReadKpiValue(*b, v, path + ".baseline", false);
      k.baseline = v;
    }
    Array(j, "targets", path, [&](const Json& t, const std::string& tp) {
      KpiValue v;
      ReadKpiValue(t, v, tp, true);
      k.targets.push_back(v);
    });
    Array(j, "measured", path, [&](const Json& t, const std::string& tp) {
      KpiValue v;
      ReadKpiValue(t, v, tp, true);
      k.measured.push_back(v);
    });
    Extra(j, {"id", "documentId", "kind", "name", "unit", "baseline", "targets", "measured"}, k.extra);
  }

  void ReadEvent(const Json& j, Event& e, const std::string& path) {
    if (!Object(j, path, "an event")) return;
    Str(j, "id", e.id, path, true);
    Date(j, "date", e.date, path);
    if (e.date.empty() && j.find("date") == j.end())
      Error(path, "missing required key \"date\" (YYYY, YYYY-MM or YYYY-MM-DD)");
    Str(j, "kind", e.kind, path);
    Str(j, "title", e.title, path, true);
    Str(j, "number", e.number, path);
    Str(j, "documentId", e.documentId, path);
    Str(j, "source", e.source, path);
    ReadPeriod(j, e.period, path);
    Extra(j, {"id", "date", "kind", "title", "number", "documentId", "source", "period"}, e.extra);
  }

  void ReadPlan(const Json& j, Plan& plan) {
    if (!j.is_object()) {
      Error("", std::string("expected a plan (a JSON object), found ") + TypeName(j));
      return;
    }
    auto v = j.find("formatVersion");
    if (v == j.end()) {
      Error("", "missing required key \"formatVersion\" (this azplan writes " +
                    std::to_string(kFormatVersion) + ")");
      return;
    }
    if (!v->is_number_integer()) {
      Error("formatVersion", std::string("expected an integer, found ") + TypeName(*v));
      return;
    }
    const bool huge = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(kFormatVersion);
    long long version = huge ? kFormatVersion + 1 : v->get<long long>();
    if (version > kFormatVersion) {
      Error("formatVersion", "the file has format version " + v->dump() +
                                 "; this azplan reads versions up to " + std::to_string(kFormatVersion) +
                                 " (use a newer azplan)");
      return;
    }
    if (version < 1) {
      Error("formatVersion", "expected a format version from 1 to " + std::to_string(kFormatVersion) +
                                 ", found " + std::to_string(version));
      return;
    }
    // Versions older than the current one would be migrated here, one step each.
    Str(j, "id", plan.id, "");
    Str(j, "title", plan.title, "");
    Array(j, "agencies", "", [&](const Json& a, const std::string& p) {
      plan.agencies.emplace_back();
      ReadAgency(a, plan.agencies.back(), p);
    });
    Array(j, "documents", "", [&](const Json& a, const std::string& p) {
      plan.documents.emplace_back();
      ReadDocument(a, plan.documents.back(), p);
    });
    Array(j, "kpis", "", [&](const Json& a, const std::string& p) {
      plan.kpis.emplace_back();
      ReadKpi(a, plan.kpis.back(), p);
    });
    Array(j, "events", "", [&](const Json& a, const std::string& p) {
      plan.events.emplace_back();
      ReadEvent(a, plan.events.back(), p);
    });
    Extra(j, {"formatVersion", "id", "title", "agencies", "documents", "kpis", "events"}, plan.extra);
  }

 private:
  std::vector<Diagnostic>& diags_;
  std::string file_;
};

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
  if (text.size() > limits.maxBytes)
    return fail(0, "the file is " + std::to_string(text.size() >> 20) + " MiB; plans up to " +
                       std::to_string(limits.maxBytes >> 20) + " MiB are accepted");
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

// nlohmann's DOM builder, but a failure keeps its position instead of throwing: a number
// out of range (1e400) is otherwise thrown as out_of_range, which carries no offset.
struct PositionedDomParser : nlohmann::detail::json_sax_dom_parser<Json> {
  explicit PositionedDomParser(Json& root) : json_sax_dom_parser(root, false) {}
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

}  // namespace

LoadResult LoadPlan(std::string_view text, const std::string& fileName, const LoadLimits& limits) {
  LoadResult result;
  try {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!Precheck(text, fileName, limits, result.diagnostics)) return result;
    Json j;
    PositionedDomParser sax(j);
    if (!Json::sax_parse(text.begin(), text.end(), &sax) || sax.failed) {
      Diagnostic d;
      d.file = fileName;
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
      result.diagnostics.push_back(std::move(d));
      return result;
    }
    Plan plan;
    Reader reader(result.diagnostics, fileName);
    reader.ReadPlan(j, plan);
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

// ---------------------------------------------------------------------------------------
// Writing

namespace {

void PutIf(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void PutList(Json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

void PutExtra(Json& j, const Json& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = it.value();
}

Json CodedToJson(const std::vector<CodedText>& list) {
  Json a = Json::array();
  for (const auto& c : list) {
    Json o = Json::object();
    PutIf(o, "code", c.code);
    o["text"] = c.text;
    PutExtra(o, c.extra);
    a.push_back(std::move(o));
  }
  return a;
}

Json KpiValueToJson(const KpiValue& v) {
  Json o = Json::object();
  if (v.year) o["year"] = v.year;
  if (v.value) o["value"] = *v.value;
  PutIf(o, "text", v.text);
  PutExtra(o, v.extra);
  return o;
}

}  // namespace

Json PeriodToJson(const Period& p) {
  Json o = Json::object();
  if (p.start) o["start"] = p.start;
  if (p.end) o["end"] = p.end;
  if (p.ongoing) o["ongoing"] = true;
  PutIf(o, "text", p.text);
  PutIf(o, "startDate", p.startDate);
  PutIf(o, "endDate", p.endDate);
  if (p.withinMonths) o["withinMonths"] = p.withinMonths;
  PutExtra(o, p.extra);
  return o;
}

Json NodeToJson(const Node& n) {
  Json o = Json::object();
  o["code"] = n.code;
  PutIf(o, "id", n.id);
  o["kind"] = NodeKindKey(n.kind);
  o["title"] = n.title;
  PutList(o, "lead", n.lead);
  PutList(o, "coExecutors", n.coExecutors);
  PutList(o, "recommended", n.recommended);
  if (n.executorsPending) o["executorsPending"] = true;
  if (!n.period.Empty()) o["period"] = PeriodToJson(n.period);
  PutIf(o, "rationale", n.rationale);
  PutList(o, "expectedResults", n.expectedResults);
  PutList(o, "indicators", n.indicators);
  if (!n.risks.empty()) {
    Json a = Json::array();
    for (const auto& r : n.risks) {
      Json ro = Json::object();
      ro["risk"] = r.risk;
      PutIf(ro, "mitigation", r.mitigation);
      PutExtra(ro, r.extra);
      a.push_back(std::move(ro));
    }
    o["risks"] = std::move(a);
  }
  if (!n.assessments.empty()) {
    Json a = Json::array();
    for (const auto& as : n.assessments) {
      Json ao = Json::object();
      ao["year"] = as.year;
      if (as.status) ao["status"] = StatusKey(*as.status);
      PutIf(ao, "note", as.note);
      PutIf(ao, "evidence", as.evidence);
      PutIf(ao, "assessedBy", as.assessedBy);
      PutIf(ao, "date", as.date);
      PutExtra(ao, as.extra);
      a.push_back(std::move(ao));
    }
    o["assessments"] = std::move(a);
  }
  if (!n.children.empty()) {
    Json a = Json::array();
    for (const auto& c : n.children) a.push_back(NodeToJson(c));
    o["children"] = std::move(a);
  }
  PutExtra(o, n.extra);
  return o;
}

std::string SavePlan(const Plan& plan) {
  Json root = Json::object();
  root["formatVersion"] = kFormatVersion;
  PutIf(root, "id", plan.id);
  PutIf(root, "title", plan.title);
  if (!plan.agencies.empty()) {
    Json a = Json::array();
    for (const auto& ag : plan.agencies) {
      Json o = Json::object();
      o["id"] = ag.id;
      o["name"] = ag.name;
      PutIf(o, "short", ag.shortName);
      PutIf(o, "kind", ag.kind);
      PutList(o, "acronyms", ag.acronyms);
      PutList(o, "variants", ag.variants);
      if (!ag.names.empty()) {
        Json names = Json::array();
        for (const auto& n : ag.names) {
          Json no = Json::object();
          no["name"] = n.name;
          PutIf(no, "from", n.from);
          PutIf(no, "to", n.to);
          PutIf(no, "note", n.note);
          PutExtra(no, n.extra);
          names.push_back(std::move(no));
        }
        o["names"] = std::move(names);
      }
      if (!ag.successorId.empty()) {
        Json s = Json::object();
        s["id"] = ag.successorId;
        PutIf(s, "date", ag.successorDate);
        PutIf(s, "how", ag.successorHow);
        o["successor"] = std::move(s);
      }
      PutExtra(o, ag.extra);
      a.push_back(std::move(o));
    }
    root["agencies"] = std::move(a);
  }
  if (!plan.documents.empty()) {
    Json a = Json::array();
    for (const auto& d : plan.documents) {
      Json o = Json::object();
      o["id"] = d.id;
      o["kind"] = d.kind;
      o["title"] = d.title;
      PutIf(o, "shortTitle", d.shortTitle);
      PutIf(o, "number", d.number);
      PutIf(o, "approved", d.approved);
      if (!d.approvedFromSource) o["approvedFromSource"] = false;
      PutIf(o, "approvedBy", d.approvedBy);
      if (!d.period.Empty()) o["period"] = PeriodToJson(d.period);
      PutIf(o, "source", d.source);
      PutIf(o, "notes", d.notes);
      if (!d.goals.empty()) o["goals"] = CodedToJson(d.goals);
      if (!d.tasks.empty()) o["tasks"] = CodedToJson(d.tasks);
      if (!d.expectedResults.empty()) o["expectedResults"] = CodedToJson(d.expectedResults);
      Json nodes = Json::array();
      for (const auto& n : d.nodes) nodes.push_back(NodeToJson(n));
      o["nodes"] = std::move(nodes);
      PutExtra(o, d.extra);
      a.push_back(std::move(o));
    }
    root["documents"] = std::move(a);
  }
  if (!plan.kpis.empty()) {
    Json a = Json::array();
    for (const auto& k : plan.kpis) {
      Json o = Json::object();
      o["id"] = k.id;
      PutIf(o, "documentId", k.documentId);
      PutIf(o, "kind", k.kind);
      o["name"] = k.name;
      PutIf(o, "unit", k.unit);
      if (k.baseline) o["baseline"] = KpiValueToJson(*k.baseline);
      if (!k.targets.empty()) {
        Json t = Json::array();
        for (const auto& v : k.targets) t.push_back(KpiValueToJson(v));
        o["targets"] = std::move(t);
      }
      if (!k.measured.empty()) {
        Json t = Json::array();
        for (const auto& v : k.measured) t.push_back(KpiValueToJson(v));
        o["measured"] = std::move(t);
      }
      PutExtra(o, k.extra);
      a.push_back(std::move(o));
    }
    root["kpis"] = std::move(a);
  }
  if (!plan.events.empty()) {
    Json a = Json::array();
    for (const auto& e : plan.events) {
      Json o = Json::object();
      o["id"] = e.id;
      o["date"] = e.date;
      PutIf(o, "kind", e.kind);
      o["title"] = e.title;
      PutIf(o, "number", e.number);
      if (!e.period.Empty()) o["period"] = PeriodToJson(e.period);
      PutIf(o, "documentId", e.documentId);
      PutIf(o, "source", e.source);
      PutExtra(o, e.extra);
      a.push_back(std::move(o));
    }
    root["events"] = std::move(a);
  }
  PutExtra(root, plan.extra);
  // Text edited in the UI could in theory hold a cut code point; replace, never throw.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace azplan
