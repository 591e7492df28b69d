// A flat, pre-order view of every node in a plan: subtrees are contiguous ranges,
// periods are resolved (inherited), and ids map to positions. Rebuilt after any
// structural edit. It also keeps compact copies of what the monitoring figures read
// per item (statuses by year, lead agencies), so that ComputeFigures never touches the
// nodes: after a status or lead edit call RefreshContent (the Editor does, on every
// change), or those copies are stale.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/flat_hash.h"
#include "core/plan.h"

namespace azplan {

struct IndexedNode {
  const Node* node = nullptr;
  int doc = 0;        // index into plan.documents
  int parent = -1;    // index into items, -1 for top-level nodes
  int depth = 0;      // 0 for top-level nodes
  int end = 0;        // one past the last item of this subtree
  Period period;      // effective period (own, else inherited)
  // An open-ended duty: "ongoing" with no years or end of its own (the 2018 decree's
  // standing assignments), or a node without a period under one. `period` still holds
  // the inherited years, for drawing and for "due in a year"; no text may show its end
  // year as the duty's end (docs/plan-format.md).
  bool openEnded = false;
  bool countsAsMeasure = false;     // measure level of the report
  bool countsAsSubMeasure = false;  // sub-measure level (a measure without sub-measures counts itself)
  std::string id;
};

class PlanIndex {
 public:
  PlanIndex() = default;
  explicit PlanIndex(const Plan& plan) { Build(plan); }
  // Copies re-point the id map at their own items; moves keep the items' storage.
  PlanIndex(const PlanIndex& o)
      : plan_(o.plan_), items_(o.items_), facts_(o.facts_), docRanges_(o.docRanges_), content_(o.content_) {
    MapIds();
  }
  PlanIndex& operator=(const PlanIndex& o) {
    if (this != &o) {
      plan_ = o.plan_;
      items_ = o.items_;
      facts_ = o.facts_;
      docRanges_ = o.docRanges_;
      content_ = o.content_;
      MapIds();
    }
    return *this;
  }
  PlanIndex(PlanIndex&&) noexcept = default;
  PlanIndex& operator=(PlanIndex&&) noexcept = default;
  void Build(const Plan& plan);

  const std::vector<IndexedNode>& Items() const { return items_; }
  const IndexedNode& operator[](int i) const { return items_[static_cast<size_t>(i)]; }
  // What the figures read of every item, packed: a pass over 26,000 items reads 0.4 MB
  // instead of the items' 5 MB (their strings and periods), which set its pace.
  struct Facts {
    int parent;
    int start, end;  // effective period's years; start 0: none
    bool countsAsMeasure, countsAsSubMeasure;
    bool dated;  // the period also has days: a start or end date, or a relative deadline
  };
  const Facts& FactsOf(int i) const { return facts_[static_cast<size_t>(i)]; }
  int Size() const { return static_cast<int>(items_.size()); }
  int Find(std::string_view id) const;
  int DocBegin(int doc) const { return docRanges_[static_cast<size_t>(doc)].first; }
  int DocEnd(int doc) const { return docRanges_[static_cast<size_t>(doc)].second; }
  const Plan* plan() const { return plan_; }

  // Re-reads every item's statuses and leads from the plan (not the hierarchy).
  void RefreshContent();
  // The same for the nodes with these ids only (a status or lead edit): their entries are
  // replaced in place and the offsets after them moved, instead of every node read again
  // (16 ms at 50k measures, in the edit's frame). False, with nothing done, when an id is
  // not in the index: then RefreshContent.
  bool RefreshContent(const std::vector<std::string>& ids);

  // Compact per-item copies for the figures. A lead is an index into plan.agencies, or
  // -1 - k for the k-th id that names no agency (UnknownLead(k)).
  struct YearStatus {
    short year;
    Status status;
  };
  struct Content {
    std::vector<unsigned> statusBegin, leadBegin;  // Size() + 1 offsets each
    std::vector<YearStatus> statuses;               // assessments with a status, by year
    std::vector<int> leads;
    std::vector<std::string> unknownLeads;
  };
  const Content& content() const { return content_; }
  // EffectiveStatus from the compact copy.
  Status CachedStatus(int i, int year) const {
    const Facts& f = facts_[static_cast<size_t>(i)];
    for (unsigned k = content_.statusBegin[static_cast<size_t>(i)], e = content_.statusBegin[static_cast<size_t>(i) + 1];
         k < e; ++k)
      if (content_.statuses[k].year == year) return content_.statuses[k].status;
    if (f.start == 0 || year < f.start || year > f.end) return Status::NotAssessed;
    return Status::Pending;
  }

 private:
  void MapIds();
  void Add(const Plan& plan, int doc, const Node& n, int parent, int depth, const Period& inherited);
  const Plan* plan_ = nullptr;
  std::vector<IndexedNode> items_;
  std::vector<Facts> facts_;  // one per item
  std::vector<std::pair<int, int>> docRanges_;
  Content content_;
  static void AppendStatuses(const Node& n, std::vector<YearStatus>& out);
  // Keys view items_[i].id: items_ is reserved up front and not touched until the next Build.
  FlatMap<std::string_view, int> byId_;
};

// The status that counts for `year`: the assessment's, else not assessed outside the
// period, else pending (due but not yet assessed).
Status EffectiveStatus(const IndexedNode& item, int year);

}  // namespace azplan
