#include "core/validate.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/dates.h"
#include "core/text.h"

namespace azplan {

namespace {

class Validator {
 public:
  explicit Validator(const Plan& plan) : plan_(plan) {}

  std::vector<Diagnostic> Run() {
    CheckAgencies();
    for (size_t i = 0; i < plan_.documents.size(); ++i) CheckDocument(i);
    CheckKpis();
    CheckEvents();
    return std::move(diags_);
  }

 private:
  void Add(Severity sev, std::string path, std::string message) {
    Diagnostic d;
    d.severity = sev;
    d.path = std::move(path);
    d.message = std::move(message);
    diags_.push_back(std::move(d));
  }

  void CheckAgencies() {
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < plan_.agencies.size(); ++i) {
      const auto& a = plan_.agencies[i];
      std::string p = "agencies[" + std::to_string(i) + "]";
      auto [it, fresh] = seen.emplace(a.id, i);
      if (!fresh)
        Add(Severity::Error, p + ".id",
            "duplicate agency id \"" + a.id + "\" (first at agencies[" + std::to_string(it->second) + "])");
      agencyIds_.insert(a.id);
    }
    // A successor chain that loops would make "follow lineage" never end.
    for (size_t i = 0; i < plan_.agencies.size(); ++i) {
      const auto& a = plan_.agencies[i];
      if (a.successorId.empty()) continue;
      std::string p = "agencies[" + std::to_string(i) + "].successor.id";
      if (!agencyIds_.count(a.successorId)) {
        Add(Severity::Error, p, "unknown agency \"" + a.successorId + "\"");
        continue;
      }
      std::unordered_set<std::string> visited{a.id};
      std::string cur = a.successorId;
      while (!cur.empty()) {
        if (!visited.insert(cur).second) {
          Add(Severity::Error, p, "agency lineage forms a cycle through \"" + cur + "\"");
          break;
        }
        const Agency* next = plan_.FindAgency(cur);
        cur = next ? next->successorId : std::string();
      }
    }
  }

  void CheckRefs(const std::vector<std::string>& ids, const std::string& path) {
    for (size_t i = 0; i < ids.size(); ++i)
      if (!agencyIds_.count(ids[i]))
        Add(Severity::Error, path + "[" + std::to_string(i) + "]",
            "unknown agency \"" + ids[i] + "\"; expected an id from \"agencies\"");
  }

  void CheckPeriod(const Period& p, const std::string& path) {
    if (p.IsSet() && p.end < p.start)
      Add(Severity::Error, path + ".period", "end year " + std::to_string(p.end) + " is before start year " +
                                                 std::to_string(p.start));
  }

  void CheckNode(const Document& doc, const Node& n, const std::string& path, const Period& inherited,
                 std::unordered_map<std::string, std::string>& codes, const Node* parent) {
    auto [it, fresh] = codes.emplace(n.code, path);
    if (!fresh && !n.code.empty())
      Add(Severity::Error, path + ".code", "duplicate code \"" + n.code + "\" in document \"" + doc.id +
                                               "\" (first at " + it->second + ")");
    std::string id = EffectiveNodeId(doc, n);
    auto [nit, nfresh] = nodeIds_.emplace(id, path);
    if (!nfresh && !n.code.empty() && fresh)
      Add(Severity::Error, path + ".id", "duplicate node id \"" + id + "\" (first at " + nit->second + ")");
    CheckRefs(n.lead, path + ".lead");
    CheckRefs(n.coExecutors, path + ".coExecutors");
    CheckPeriod(n.period, path);
    Period eff = n.period.IsSet() ? n.period : inherited;
    if (n.period.IsSet() && inherited.IsSet() && (n.period.start < inherited.start || n.period.end > inherited.end))
      Add(Severity::Warning, path + ".period",
          "period " + std::to_string(n.period.start) + "–" + std::to_string(n.period.end) +
              " reaches outside its parent's " + std::to_string(inherited.start) + "–" +
              std::to_string(inherited.end));
    if (n.kind == NodeKind::Submeasure && parent && !IsMeasureKind(parent->kind))
      Add(Severity::Warning, path + ".kind", "a submeasure should sit under a measure");
    std::set<int> years;
    for (size_t i = 0; i < n.assessments.size(); ++i) {
      const auto& a = n.assessments[i];
      std::string ap = path + ".assessments[" + std::to_string(i) + "]";
      if (!years.insert(a.year).second)
        Add(Severity::Error, ap + ".year", "a second assessment for " + std::to_string(a.year) +
                                               "; one per year is allowed");
      if (!a.status) continue;
      if (!IsAssessableKind(n.kind))
        Add(Severity::Warning, ap + ".status", std::string("a ") + NodeKindKey(n.kind) +
                                                   " is not counted; statuses belong to measures and submeasures");
      if (*a.status != Status::NotAssessed && eff.IsSet() && !eff.Covers(a.year))
        Add(Severity::Warning, ap + ".status",
            "status for " + std::to_string(a.year) + ", outside the period " + std::to_string(eff.start) + "–" +
                std::to_string(eff.end));
    }
    for (size_t i = 0; i < n.children.size(); ++i)
      CheckNode(doc, n.children[i], path + ".children[" + std::to_string(i) + "]", eff, codes, &n);
  }

  void CheckDocument(size_t di) {
    const auto& d = plan_.documents[di];
    std::string p = "documents[" + std::to_string(di) + "]";
    if (!docIds_.insert(d.id).second) Add(Severity::Error, p + ".id", "duplicate document id \"" + d.id + "\"");
    CheckPeriod(d.period, p);
    std::unordered_map<std::string, std::string> codes;
    for (size_t i = 0; i < d.nodes.size(); ++i)
      CheckNode(d, d.nodes[i], p + ".nodes[" + std::to_string(i) + "]", d.period, codes, nullptr);
  }

  void CheckKpis() {
    std::unordered_set<std::string> ids;
    for (size_t i = 0; i < plan_.kpis.size(); ++i) {
      const auto& k = plan_.kpis[i];
      std::string p = "kpis[" + std::to_string(i) + "]";
      if (!ids.insert(k.id).second) Add(Severity::Error, p + ".id", "duplicate KPI id \"" + k.id + "\"");
      if (!k.documentId.empty() && !docIds_.count(k.documentId))
        Add(Severity::Warning, p + ".documentId", "no document \"" + k.documentId + "\" in this plan");
    }
  }

  void CheckEvents() {
    std::unordered_set<std::string> ids;
    for (size_t i = 0; i < plan_.events.size(); ++i) {
      const auto& e = plan_.events[i];
      std::string p = "events[" + std::to_string(i) + "]";
      if (!ids.insert(e.id).second) Add(Severity::Error, p + ".id", "duplicate event id \"" + e.id + "\"");
      CheckPeriod(e.period, p);
      // Events may point at documents bundled elsewhere; that is not an error.
    }
  }

  const Plan& plan_;
  std::vector<Diagnostic> diags_;
  std::unordered_set<std::string> agencyIds_, docIds_;
  std::unordered_map<std::string, std::string> nodeIds_;
};

}  // namespace

std::vector<Diagnostic> ValidatePlan(const Plan& plan) { return Validator(plan).Run(); }

}  // namespace azplan
