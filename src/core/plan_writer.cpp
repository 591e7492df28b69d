// Writing plan files: deterministic (fixed key order, two-space indent or none, UTF-8,
// final newline); unknown keys kept in `extra` are written back after the known ones.
#include <algorithm>
#include <cstddef>

#include "core/plan_json.h"

namespace azplan {

namespace {

void PutIf(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void PutList(Json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

// Adding a key to an ordered object searches every key before it, so 200,000 unknown keys
// took minutes to write (as they once did to read). Only the few keys written before the
// extra ones are searched: a key of `extra` the writer already set replaces it in place;
// the rest are distinct (extra is an object) and appended in their order.
void PutExtra(Json& j, const Json& extra) {
  if (extra.empty() || !extra.is_object()) return;
  Json::object_t& object = j.get_ref<Json::object_t&>();
  auto& items = static_cast<Json::object_t::Container&>(object);
  const auto known = static_cast<std::ptrdiff_t>(items.size());
  items.reserve(items.size() + extra.size());
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    auto end = items.begin() + known;
    auto same = std::find_if(items.begin(), end, [&](const auto& kv) { return kv.first == it.key(); });
    if (same != end) same->second = it.value();
    else items.emplace_back(it.key(), it.value());
  }
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
  PutIf(o, "source", v.source);  // measured values (issue 14)
  PutIf(o, "note", v.note);
  PutIf(o, "date", v.date);  // provenance of a value merged from an agency return
  PutIf(o, "reportedBy", v.reportedBy);
  PutIf(o, "reportingAgency", v.reportingAgency);
  PutIf(o, "sourceFile", v.sourceFile);
  PutExtra(o, v.extra);
  return o;
}

// A string no plan holds (it starts with a NUL, which no text in a plan may contain).
std::string NodesMarker(size_t i) { return std::string("\0azplan-nodes-", 14) + std::to_string(i); }

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
      PutIf(ao, "workDone", as.workDone);
      PutIf(ao, "reportedBy", as.reportedBy);
      PutIf(ao, "reportingAgency", as.reportingAgency);
      PutIf(ao, "sourceFile", as.sourceFile);
      if (as.reportedStatus) ao["reportedStatus"] = StatusKey(*as.reportedStatus);
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

std::string SavePlan(const Plan& plan, size_t capacity, PlanLayout layout) {
  const bool compact = layout == PlanLayout::Compact;
  const int indent = compact ? -1 : 2;
  size_t nodeMarkers = 0;
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
      // The nodes are written one top-level node at a time (below), not held as one tree of
      // JSON values: a 10k plan's tree is several times its text, and in the browser a
      // module's memory never shrinks once grown. A marker keeps their place.
      o["nodes"] = d.nodes.empty() ? Json::array() : Json(NodesMarker(nodeMarkers++));
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
      PutList(o, "nodeIds", k.nodeIds);
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
  std::string text = root.dump(indent, ' ', false, Json::error_handler_t::replace);
  if (nodeMarkers == 0) {
    text.reserve(std::max(capacity, text.size() + 1));
    text += "\n";
    return text;
  }
  // Each marker becomes its document's nodes, laid out as the whole tree's dump would lay
  // them out: "nodes" sits at depth 3 (root, documents, document), its elements at depth 4.
  std::string out;
  out.reserve(std::max(text.size() * 2, capacity));
  size_t from = 0;
  size_t marker = 0;
  for (const auto& d : plan.documents) {
    if (d.nodes.empty()) continue;
    const std::string quoted = Json(NodesMarker(marker++)).dump();
    const size_t at = text.find(quoted, from);
    out.append(text, from, at - from);
    // Each node dumped alone, its lines indented to sit in the document's "nodes" array
    // (nothing between them when compact: a compact dump has no line breaks).
    const std::string newline = compact ? "" : "\n", inner(compact ? 0 : 8, ' '), outer(compact ? 0 : 6, ' ');
    out += "[" + newline;
    for (size_t i = 0; i < d.nodes.size(); ++i) {
      const std::string node = NodeToJson(d.nodes[i]).dump(indent, ' ', false, Json::error_handler_t::replace);
      out += inner;
      for (char c : node) {
        out += c;
        if (c == '\n') out += inner;
      }
      if (i + 1 < d.nodes.size()) out += ',';
      out += newline;
    }
    out += outer + "]";
    from = at + quoted.size();
  }
  out.append(text, from, std::string::npos);
  out += "\n";
  return out;
}

}  // namespace azplan
