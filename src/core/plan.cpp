#include "core/plan.h"

#include <algorithm>
#include <string_view>

namespace azplan {

namespace {
// Views, so a comparison checks the length before any bytes (no strlen, fewer memcmp calls:
// every node's kind and every status of a plan is read through these).
constexpr std::string_view kStatusKeys[] = {"pending", "executed", "partial", "notExecuted", "notAssessed"};
constexpr std::string_view kKindKeys[] = {"target",     "priority", "direction",  "section",
                                          "subsection", "measure",  "submeasure", "assignment"};
}  // namespace

const char* StatusKey(Status s) { return kStatusKeys[static_cast<int>(s)].data(); }

std::optional<Status> StatusFromKey(std::string_view key) {
  // "pending" is the absence of a status and is never written to files.
  for (int i = 1; i < 5; ++i)
    if (key == kStatusKeys[i]) return static_cast<Status>(i);
  return std::nullopt;
}

const char* NodeKindKey(NodeKind k) { return kKindKeys[static_cast<int>(k)].data(); }

std::optional<NodeKind> NodeKindFromKey(std::string_view key) {
  for (int i = 0; i < 8; ++i)
    if (key == kKindKeys[i]) return static_cast<NodeKind>(i);
  return std::nullopt;
}

size_t CountNodes(const std::vector<Node>& nodes) {
  size_t n = nodes.size();
  for (const auto& c : nodes) n += CountNodes(c.children);
  return n;
}

const Assessment* Node::AssessmentFor(int year) const {
  for (const auto& a : assessments)
    if (a.year == year) return &a;
  return nullptr;
}

Assessment& Node::AssessmentForEdit(int year) {
  auto it = std::lower_bound(assessments.begin(), assessments.end(), year,
                             [](const Assessment& a, int y) { return a.year < y; });
  if (it != assessments.end() && it->year == year) return *it;
  Assessment a;
  a.year = year;
  return *assessments.insert(it, a);
}

bool Node::SameFields(const Node& o) const {
  return code == o.code && id == o.id && title == o.title && kind == o.kind && lead == o.lead &&
         coExecutors == o.coExecutors && recommended == o.recommended &&
         executorsPending == o.executorsPending && period == o.period && rationale == o.rationale &&
         expectedResults == o.expectedResults && indicators == o.indicators && risks == o.risks &&
         assessments == o.assessments && extra == o.extra;
}

const Agency* Plan::FindAgency(std::string_view id) const {
  for (const auto& a : agencies)
    if (a.id == id) return &a;
  return nullptr;
}

const Document* Plan::FindDocument(std::string_view id) const {
  for (const auto& d : documents)
    if (d.id == id) return &d;
  return nullptr;
}

const Kpi* Plan::FindKpi(std::string_view id) const {
  for (const auto& k : kpis)
    if (k.id == id) return &k;
  return nullptr;
}

const KpiValue* Kpi::MeasuredFor(int year) const {
  for (const auto& m : measured)
    if (m.year == year) return &m;
  return nullptr;
}

std::string EffectiveNodeId(const Document& doc, const Node& node) {
  return node.id.empty() ? doc.id + "/" + node.code : node.id;
}

static void AppendUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

void MergePlan(Plan& into, const Plan& from) {
  for (const auto& a : from.agencies) {
    auto it = std::find_if(into.agencies.begin(), into.agencies.end(),
                           [&](const Agency& x) { return x.id == a.id; });
    if (it == into.agencies.end()) {
      into.agencies.push_back(a);
      continue;
    }
    if (it->name.empty()) it->name = a.name;
    if (it->shortName.empty()) it->shortName = a.shortName;
    if (it->kind.empty()) it->kind = a.kind;
    AppendUnique(it->acronyms, a.acronyms);
    AppendUnique(it->variants, a.variants);
    if (a.name != it->name) AppendUnique(it->variants, {a.name});
    for (const auto& n : a.names) {
      bool have = std::any_of(it->names.begin(), it->names.end(),
                              [&](const AgencyName& x) { return x.name == n.name; });
      if (!have) it->names.push_back(n);
    }
    if (it->successorId.empty()) {
      it->successorId = a.successorId;
      it->successorDate = a.successorDate;
      it->successorHow = a.successorHow;
    }
  }
  into.documents.insert(into.documents.end(), from.documents.begin(), from.documents.end());
  into.kpis.insert(into.kpis.end(), from.kpis.begin(), from.kpis.end());
  into.events.insert(into.events.end(), from.events.begin(), from.events.end());
}

void OrderDocumentsByAdoption(Plan& plan) {
  auto key = [](const Document& d) { return d.approved.empty() ? std::to_string(d.period.start) : d.approved; };
  std::stable_sort(plan.documents.begin(), plan.documents.end(),
                   [&](const Document& a, const Document& b) { return key(a) < key(b); });
}

}  // namespace azplan
