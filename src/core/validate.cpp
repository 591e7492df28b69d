#include "core/validate.h"

#include <functional>
#include <set>
#include <unordered_set>

#include "core/dates.h"
#include "core/flat_hash.h"
#include "core/text.h"

namespace azplan {

namespace {

// A node's effective id without building it: `id`, or `prefix` + "/" + `code` when the
// node has no id of its own (EffectiveNodeId). Hashing and equality see the joined text.
struct NodeIdKey {
  std::string_view prefix, rest;  // prefix empty: the id is `rest` alone
  bool joined = false;
  std::string Text() const { return joined ? std::string(prefix) + "/" + std::string(rest) : std::string(rest); }
};

struct NodeIdHash {
  uint64_t operator()(const NodeIdKey& k) const {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the joined text
    auto mix = [&](std::string_view s) {
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    };
    if (k.joined) {
      mix(k.prefix);
      mix("/");
    }
    mix(k.rest);
    return h;
  }
};

struct NodeIdEq {
  static size_t Size(const NodeIdKey& k) { return k.joined ? k.prefix.size() + 1 + k.rest.size() : k.rest.size(); }
  static char At(const NodeIdKey& k, size_t i) {
    if (!k.joined) return k.rest[i];
    if (i < k.prefix.size()) return k.prefix[i];
    return i == k.prefix.size() ? '/' : k.rest[i - k.prefix.size() - 1];
  }
  bool operator()(const NodeIdKey& a, const NodeIdKey& b) const {
    if (Size(a) != Size(b)) return false;
    if (a.joined == b.joined && a.prefix.size() == b.prefix.size()) return a.prefix == b.prefix && a.rest == b.rest;
    for (size_t i = 0, n = Size(a); i < n; ++i)
      if (At(a, i) != At(b, i)) return false;
    return true;
  }
};

class Validator {
 public:
  explicit Validator(const Plan& plan) : plan_(plan) {}

  std::vector<Diagnostic> Run() {
    CheckAgencies();
    size_t total = 0;
    for (const auto& d : plan_.documents) total += docNodes_.emplace_back(CountNodes(d.nodes));
    locs_.reserve(total);
    nodeIds_.Reserve(total);
    for (size_t i = 0; i < plan_.documents.size(); ++i) CheckDocument(i);
    CheckKpis();
    CheckEvents();
    return std::move(diags_);
  }

 private:
  // Where a node sits, so that its JSON path is built only for a message.
  struct Loc {
    int parent;  // index into locs_, -1 for a top-level node
    int doc;
    size_t index;  // in its parent's children (or the document's nodes)
  };

  std::string Path(int loc) const {
    std::vector<int> chain;
    for (int l = loc; l >= 0; l = locs_[static_cast<size_t>(l)].parent) chain.push_back(l);
    std::string p = "documents[" + std::to_string(locs_[static_cast<size_t>(loc)].doc) + "]";
    for (size_t k = chain.size(); k-- > 0;) {
      const Loc& l = locs_[static_cast<size_t>(chain[k])];
      p += (k + 1 == chain.size() ? ".nodes[" : ".children[") + std::to_string(l.index) + "]";
    }
    return p;
  }

  void Add(Severity sev, std::string path, std::string message) {
    Diagnostic d;
    d.severity = sev;
    d.path = std::move(path);
    d.message = std::move(message);
    diags_.push_back(std::move(d));
  }

  void CheckAgencies() {
    FlatMap<std::string_view, size_t> seen;
    seen.Reserve(plan_.agencies.size());
    agencyIds_.Reserve(plan_.agencies.size());
    for (size_t i = 0; i < plan_.agencies.size(); ++i) {
      const auto& a = plan_.agencies[i];
      auto [first, fresh] = seen.Emplace(a.id, i);
      if (!fresh)
        Add(Severity::Error, "agencies[" + std::to_string(i) + "].id",
            "duplicate agency id \"" + a.id + "\" (first at agencies[" + std::to_string(*first) + "])");
      agencyIds_.Insert(a.id);
    }
    // A successor chain that loops would make "follow lineage" never end.
    for (size_t i = 0; i < plan_.agencies.size(); ++i) {
      const auto& a = plan_.agencies[i];
      if (a.successorId.empty()) continue;
      std::string p = "agencies[" + std::to_string(i) + "].successor.id";
      if (!agencyIds_.Contains(a.successorId)) {
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

  void CheckRefs(const std::vector<std::string>& ids, int loc, const char* key) {
    for (size_t i = 0; i < ids.size(); ++i)
      if (!agencyIds_.Contains(ids[i])) UnknownAgency(loc, key, i, ids[i]);
  }

  // ---- a node's messages

  void UnknownAgency(int loc, const char* key, size_t i, const std::string& id) {
    Add(Severity::Error, Path(loc) + "." + key + "[" + std::to_string(i) + "]",
        "unknown agency \"" + id + "\"; expected an id from \"agencies\"");
  }

  void DuplicateCode(const Document& doc, const Node& n, int loc, int first) {
    Add(Severity::Error, Path(loc) + ".code",
        "duplicate code \"" + n.code + "\" in document \"" + doc.id + "\" (first at " + Path(first) + ")");
  }

  void DuplicateId(const NodeIdKey& key, int loc, int first) {
    Add(Severity::Error, Path(loc) + ".id", "duplicate node id \"" + key.Text() + "\" (first at " + Path(first) + ")");
  }

  void PeriodOutside(const Period& own, const Period& inherited, int loc) {
    Add(Severity::Warning, Path(loc) + ".period",
        "period " + std::to_string(own.start) + "–" + std::to_string(own.end) + " reaches outside its parent's " +
            std::to_string(inherited.start) + "–" + std::to_string(inherited.end));
  }

  void MisplacedSubmeasure(int loc) {
    Add(Severity::Warning, Path(loc) + ".kind", "a submeasure should sit under a measure");
  }

  std::string AssessmentPath(int loc, size_t i) const {
    return Path(loc) + ".assessments[" + std::to_string(i) + "]";
  }

  void RepeatedYear(int loc, size_t i, int year) {
    Add(Severity::Error, AssessmentPath(loc, i) + ".year",
        "a second assessment for " + std::to_string(year) + "; one per year is allowed");
  }

  void UncountedStatus(const Node& n, int loc, size_t i) {
    Add(Severity::Warning, AssessmentPath(loc, i) + ".status",
        std::string("a ") + NodeKindKey(n.kind) + " is not counted; statuses belong to measures and submeasures");
  }

  void StatusOutside(const Period& eff, int loc, size_t i, int year) {
    Add(Severity::Warning, AssessmentPath(loc, i) + ".status",
        "status for " + std::to_string(year) + ", outside the period " + std::to_string(eff.start) + "–" +
            std::to_string(eff.end));
  }

  // Which assessments repeat an earlier one's year, for unusually long lists.
  static std::vector<char> RepeatedYears(const std::vector<Assessment>& assessments) {
    std::vector<char> repeated(assessments.size());
    std::set<int> years;
    for (size_t i = 0; i < assessments.size(); ++i) repeated[i] = !years.insert(assessments[i].year).second;
    return repeated;
  }

  void CheckPeriod(const Period& p, const std::function<std::string()>& path) {
    if (p.IsSet() && p.end < p.start)
      Add(Severity::Error, path() + ".period", "end year " + std::to_string(p.end) + " is before start year " +
                                                   std::to_string(p.start));
  }

  void CheckNode(const Document& doc, const Node& n, int loc, const Period& inherited,
                 FlatMap<std::string_view, int>& codes, const Node* parent) {
    auto [firstCode, fresh] = codes.Emplace(n.code, loc);
    if (!fresh && !n.code.empty()) DuplicateCode(doc, n, loc, *firstCode);
    NodeIdKey key = n.id.empty() ? NodeIdKey{doc.id, n.code, true} : NodeIdKey{{}, n.id, false};
    auto [firstId, nfresh] = nodeIds_.Emplace(key, loc);
    if (!nfresh && !n.code.empty() && fresh) DuplicateId(key, loc, *firstId);
    CheckRefs(n.lead, loc, "lead");
    CheckRefs(n.coExecutors, loc, "coExecutors");
    if (n.period.IsSet() && n.period.end < n.period.start) CheckPeriod(n.period, [&] { return Path(loc); });
    const Period& eff = n.period.IsSet() ? n.period : inherited;
    if (n.period.IsSet() && inherited.IsSet() && (n.period.start < inherited.start || n.period.end > inherited.end))
      PeriodOutside(n.period, inherited, loc);
    if (n.kind == NodeKind::Submeasure && parent && !IsMeasureKind(parent->kind)) MisplacedSubmeasure(loc);
    const size_t count = n.assessments.size();
    const std::vector<char> manyRepeated = count > 32 ? RepeatedYears(n.assessments) : std::vector<char>();
    for (size_t i = 0; i < count; ++i) {
      const auto& a = n.assessments[i];
      bool repeated = false;
      if (count <= 32) {
        for (size_t k = 0; k < i && !repeated; ++k) repeated = n.assessments[k].year == a.year;
      } else {
        repeated = manyRepeated[i] != 0;
      }
      if (repeated) RepeatedYear(loc, i, a.year);
      if (!a.status) continue;
      if (!IsAssessableKind(n.kind)) UncountedStatus(n, loc, i);
      if (*a.status != Status::NotAssessed && eff.IsSet() && !eff.Covers(a.year)) StatusOutside(eff, loc, i, a.year);
    }
    for (size_t i = 0; i < n.children.size(); ++i) {
      locs_.push_back({loc, locs_[static_cast<size_t>(loc)].doc, i});
      CheckNode(doc, n.children[i], static_cast<int>(locs_.size() - 1), eff, codes, &n);
    }
  }

  void CheckDocument(size_t di) {
    const auto& d = plan_.documents[di];
    auto p = [&] { return "documents[" + std::to_string(di) + "]"; };
    if (!docIds_.Insert(d.id)) Add(Severity::Error, p() + ".id", "duplicate document id \"" + d.id + "\"");
    CheckPeriod(d.period, p);
    FlatMap<std::string_view, int> codes;
    codes.Reserve(docNodes_[di]);
    for (size_t i = 0; i < d.nodes.size(); ++i) {
      locs_.push_back({-1, static_cast<int>(di), i});
      CheckNode(d, d.nodes[i], static_cast<int>(locs_.size() - 1), d.period, codes, nullptr);
    }
  }

  void CheckKpis() {
    std::unordered_set<std::string_view> ids;
    for (size_t i = 0; i < plan_.kpis.size(); ++i) {
      const auto& k = plan_.kpis[i];
      std::string p = "kpis[" + std::to_string(i) + "]";
      if (!ids.insert(k.id).second) Add(Severity::Error, p + ".id", "duplicate KPI id \"" + k.id + "\"");
      if (!k.documentId.empty() && !docIds_.Contains(k.documentId))
        Add(Severity::Warning, p + ".documentId", "no document \"" + k.documentId + "\" in this plan");
      // The nodes an indicator belongs to (issue 14): a stale id shows it nowhere.
      for (size_t j = 0; j < k.nodeIds.size(); ++j)
        if (!nodeIds_.Contains(NodeIdKey{{}, k.nodeIds[j], false}))
          Add(Severity::Warning, p + ".nodeIds[" + std::to_string(j) + "]",
              "no node \"" + k.nodeIds[j] + "\" in this plan");
    }
  }

  void CheckEvents() {
    std::unordered_set<std::string_view> ids;
    for (size_t i = 0; i < plan_.events.size(); ++i) {
      const auto& e = plan_.events[i];
      auto p = [&] { return "events[" + std::to_string(i) + "]"; };
      if (!ids.insert(e.id).second) Add(Severity::Error, p() + ".id", "duplicate event id \"" + e.id + "\"");
      CheckPeriod(e.period, p);
      // Events may point at documents bundled elsewhere; that is not an error.
    }
  }

  const Plan& plan_;
  std::vector<Diagnostic> diags_;
  FlatSet<std::string_view> agencyIds_, docIds_;
  std::vector<Loc> locs_;
  std::vector<size_t> docNodes_;  // each document's node count
  FlatMap<NodeIdKey, int, NodeIdHash, NodeIdEq> nodeIds_;
};

}  // namespace

std::vector<Diagnostic> ValidatePlan(const Plan& plan) { return Validator(plan).Run(); }

}  // namespace azplan
