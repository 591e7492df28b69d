// A flat, pre-order view of every node in a plan: subtrees are contiguous ranges,
// periods are resolved (inherited), and ids map to positions. Rebuilt after any
// structural edit; status edits keep it valid.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/plan.h"

namespace azplan {

struct IndexedNode {
  const Node* node = nullptr;
  int doc = 0;        // index into plan.documents
  int parent = -1;    // index into items, -1 for top-level nodes
  int depth = 0;      // 0 for top-level nodes
  int end = 0;        // one past the last item of this subtree
  Period period;      // effective period (own, else inherited)
  bool countsAsMeasure = false;     // measure level of the report
  bool countsAsSubMeasure = false;  // sub-measure level (a measure without sub-measures counts itself)
  std::string id;
};

class PlanIndex {
 public:
  PlanIndex() = default;
  explicit PlanIndex(const Plan& plan) { Build(plan); }
  // Copies re-point the id map at their own items; moves keep the items' storage.
  PlanIndex(const PlanIndex& o) : plan_(o.plan_), items_(o.items_), docRanges_(o.docRanges_) { MapIds(); }
  PlanIndex& operator=(const PlanIndex& o) {
    if (this != &o) {
      plan_ = o.plan_;
      items_ = o.items_;
      docRanges_ = o.docRanges_;
      MapIds();
    }
    return *this;
  }
  PlanIndex(PlanIndex&&) noexcept = default;
  PlanIndex& operator=(PlanIndex&&) noexcept = default;
  void Build(const Plan& plan);

  const std::vector<IndexedNode>& Items() const { return items_; }
  const IndexedNode& operator[](int i) const { return items_[static_cast<size_t>(i)]; }
  int Size() const { return static_cast<int>(items_.size()); }
  int Find(std::string_view id) const;
  int DocBegin(int doc) const { return docRanges_[static_cast<size_t>(doc)].first; }
  int DocEnd(int doc) const { return docRanges_[static_cast<size_t>(doc)].second; }
  const Plan* plan() const { return plan_; }

 private:
  void MapIds();
  void Add(const Plan& plan, int doc, const Node& n, int parent, int depth, const Period& inherited);
  const Plan* plan_ = nullptr;
  std::vector<IndexedNode> items_;
  std::vector<std::pair<int, int>> docRanges_;
  // Keys view items_[i].id: items_ is reserved up front and not touched until the next Build.
  std::unordered_map<std::string_view, int> byId_;
};

// The status that counts for `year`: the assessment's, else not assessed outside the
// period, else pending (due but not yet assessed).
Status EffectiveStatus(const IndexedNode& item, int year);

}  // namespace azplan
