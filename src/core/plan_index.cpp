#include "core/plan_index.h"

#include <algorithm>

namespace azplan {

void PlanIndex::Build(const Plan& plan) {
  plan_ = &plan;
  byId_.Clear();
  items_.clear();
  facts_.clear();
  docRanges_.clear();
  size_t total = 0;
  for (const auto& d : plan.documents) total += CountNodes(d.nodes);
  items_.reserve(total);
  facts_.reserve(total);
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    int begin = Size();
    for (const auto& n : plan.documents[d].nodes)
      Add(plan, static_cast<int>(d), n, -1, 0, plan.documents[d].period);
    docRanges_.emplace_back(begin, Size());
  }
  MapIds();
  RefreshContent();
}

// A node's assessed statuses as the figures read them (the years a short holds), for the
// whole refresh and the targeted one alike.
void PlanIndex::AppendStatuses(const Node& n, std::vector<YearStatus>& out) {
  for (const auto& a : n.assessments)
    if (a.status && a.year >= -32768 && a.year <= 32767) out.push_back({static_cast<short>(a.year), *a.status});
}

void PlanIndex::RefreshContent() {
  Content& c = content_;
  c.statusBegin.assign(1, 0);
  c.leadBegin.assign(1, 0);
  c.statuses.clear();
  c.leads.clear();
  c.unknownLeads.clear();
  c.statusBegin.reserve(items_.size() + 1);
  c.leadBegin.reserve(items_.size() + 1);
  if (!plan_) return;
  FlatMap<std::string_view, int> agencyOf;
  agencyOf.Reserve(plan_->agencies.size());
  for (size_t a = 0; a < plan_->agencies.size(); ++a) agencyOf.Emplace(plan_->agencies[a].id, static_cast<int>(a));
  for (const auto& item : items_) {
    const Node& n = *item.node;
    AppendStatuses(n, c.statuses);
    c.statusBegin.push_back(static_cast<unsigned>(c.statuses.size()));
    for (const auto& l : n.lead) {
      if (const int* a = agencyOf.Find(l)) {
        c.leads.push_back(*a);
        continue;
      }
      auto u = std::find(c.unknownLeads.begin(), c.unknownLeads.end(), l);
      if (u == c.unknownLeads.end()) u = c.unknownLeads.insert(u, l);
      c.leads.push_back(-1 - static_cast<int>(u - c.unknownLeads.begin()));
    }
    c.leadBegin.push_back(static_cast<unsigned>(c.leads.size()));
  }
}

bool PlanIndex::RefreshContent(const std::vector<std::string>& ids) {
  if (!plan_) return false;
  std::vector<int> items;
  items.reserve(ids.size());
  for (const std::string& id : ids) {
    const int i = Find(id);
    if (i < 0) return false;
    items.push_back(i);
  }
  Content& c = content_;
  // Each item's leads first, so that nothing is changed when false is returned: a lead
  // that names no agency, before or after, is left to the whole refresh (which keeps the
  // list of such names in item order).
  std::vector<std::vector<int>> leads(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    const size_t i = static_cast<size_t>(items[k]);
    for (unsigned j = c.leadBegin[i]; j < c.leadBegin[i + 1]; ++j)
      if (c.leads[j] < 0) return false;
    for (const auto& l : items_[i].node->lead) {
      auto a = std::find_if(plan_->agencies.begin(), plan_->agencies.end(), [&](const Agency& g) { return g.id == l; });
      if (a == plan_->agencies.end()) return false;
      leads[k].push_back(static_cast<int>(a - plan_->agencies.begin()));
    }
  }
  auto splice = [](auto& values, std::vector<unsigned>& begin, size_t i, const auto& fresh) {
    const unsigned b = begin[i], e = begin[i + 1];
    values.erase(values.begin() + b, values.begin() + e);
    values.insert(values.begin() + b, fresh.begin(), fresh.end());
    const long delta = static_cast<long>(fresh.size()) - static_cast<long>(e - b);
    if (delta)
      for (size_t k = i + 1; k < begin.size(); ++k) begin[k] = static_cast<unsigned>(static_cast<long>(begin[k]) + delta);
  };
  std::vector<YearStatus> statuses;
  for (size_t k = 0; k < items.size(); ++k) {
    const size_t i = static_cast<size_t>(items[k]);
    statuses.clear();
    AppendStatuses(*items_[i].node, statuses);
    splice(c.statuses, c.statusBegin, i, statuses);
    splice(c.leads, c.leadBegin, i, leads[k]);
  }
  return true;
}

void PlanIndex::MapIds() {
  byId_.Clear();
  byId_.Reserve(items_.size());
  for (int i = 0; i < Size(); ++i) byId_.Emplace(items_[static_cast<size_t>(i)].id, i);
}

void PlanIndex::Add(const Plan& plan, int doc, const Node& n, int parent, int depth, const Period& inherited) {
  int self = Size();
  IndexedNode item;
  item.node = &n;
  item.doc = doc;
  item.parent = parent;
  item.depth = depth;
  item.period = n.period.IsSet() ? n.period : inherited;
  if (!n.period.IsSet() && !n.period.Empty()) {
    // Only a relative deadline or wording is given: years come from above.
    item.period.withinMonths = n.period.withinMonths;
    item.period.text = n.period.text;
    item.period.startDate = n.period.startDate;
    item.period.endDate = n.period.endDate;
    // An open-ended duty ("ongoing" with no years of its own) is shown as such, not
    // as a deadline at the end of the inherited span.
    if (n.period.ongoing) item.period.ongoing = true;
    item.openEnded = n.period.ongoing && n.period.endDate.empty() && !n.period.withinMonths;
  }
  if (n.period.Empty() && parent >= 0 && items_[static_cast<size_t>(parent)].openEnded) item.openEnded = true;
  item.countsAsMeasure = IsMeasureKind(n.kind);
  bool hasSub = false;
  for (const auto& c : n.children) hasSub = hasSub || c.kind == NodeKind::Submeasure;
  item.countsAsSubMeasure = n.kind == NodeKind::Submeasure || (item.countsAsMeasure && !hasSub);
  item.id = EffectiveNodeId(plan.documents[static_cast<size_t>(doc)], n);
  facts_.push_back({parent, item.period.start, item.period.end, item.countsAsMeasure, item.countsAsSubMeasure,
                    item.period.HasDays()});
  items_.push_back(std::move(item));
  // Build reserved room for every node, so no push_back below moves this item: its
  // period is passed down without a copy of its strings.
  const Period& eff = items_.back().period;
  for (const auto& c : n.children) Add(plan, doc, c, self, depth + 1, eff);
  items_[static_cast<size_t>(self)].end = Size();
}

int PlanIndex::Find(std::string_view id) const {
  const int* i = byId_.Find(id);
  return i ? *i : -1;
}

Status EffectiveStatus(const IndexedNode& item, int year) {
  if (const Assessment* a = item.node->AssessmentFor(year))
    if (a->status) return *a->status;
  if (!item.period.IsSet() || !item.period.Covers(year)) return Status::NotAssessed;
  return Status::Pending;
}

}  // namespace azplan
