#include "core/filter.h"

#include <algorithm>
#include <numeric>

#include "core/text.h"

namespace azplan {

std::string AgencyName(const Plan& plan, const std::string& id) {
  const Agency* a = plan.FindAgency(id);
  return a ? a->name : id;
}

std::string JoinAgencyNames(const Plan& plan, const std::vector<std::string>& ids, const char* sep) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += sep;
    out += AgencyName(plan, id);
  }
  return out;
}

FilterMatcher::FilterMatcher(const PlanIndex& index, const Filter& filter)
    : index_(index), filter_(filter), foldedText_(FoldCaseAz(Trim(filter.text))) {
  if (foldedText_.empty()) return;
  // Searching "nazirliyi" should find measures led by a ministry: match agency names,
  // acronyms and variants once, then compare ids per row.
  for (const auto& a : index.plan()->agencies) {
    bool hit = ContainsFolded(a.name, foldedText_) || ContainsFolded(a.shortName, foldedText_);
    for (const auto& v : a.variants) hit = hit || ContainsFolded(v, foldedText_);
    for (const auto& v : a.acronyms) hit = hit || ContainsFolded(v, foldedText_);
    if (hit) agencyMatchIds_.push_back(a.id);
  }
}

static bool HasAny(const std::vector<std::string>& ids, const std::vector<std::string>& wanted) {
  for (const auto& id : ids)
    if (std::find(wanted.begin(), wanted.end(), id) != wanted.end()) return true;
  return false;
}

bool FilterMatcher::Matches(int i) const {
  const auto& item = index_[i];
  const Node& n = *item.node;
  if (filter_.measuresOnly && !IsAssessableKind(n.kind)) return false;
  if (filter_.document >= 0 && item.doc != filter_.document) return false;
  if (filter_.subtree >= 0 && (i < filter_.subtree || i >= index_[filter_.subtree].end)) return false;
  if (!filter_.agencyId.empty()) {
    bool lead = std::find(n.lead.begin(), n.lead.end(), filter_.agencyId) != n.lead.end();
    bool co = std::find(n.coExecutors.begin(), n.coExecutors.end(), filter_.agencyId) != n.coExecutors.end();
    if (!(lead || (filter_.agencyRole == AgencyRole::Any && co))) return false;
  }
  if (filter_.activeInYear && !(item.period.IsSet() && item.period.Covers(filter_.activeInYear))) return false;
  if (filter_.statusMask) {
    if (!IsAssessableKind(n.kind)) return false;
    Status s = EffectiveStatus(item, filter_.year);
    if (!(filter_.statusMask & (1 << static_cast<int>(s)))) return false;
  }
  if (!foldedText_.empty()) {
    if (!ContainsFolded(n.code, foldedText_) && !ContainsFolded(n.title, foldedText_) &&
        !HasAny(n.lead, agencyMatchIds_) && !HasAny(n.coExecutors, agencyMatchIds_)) {
      bool inNotes = false;
      for (const auto& a : n.assessments) inNotes = inNotes || ContainsFolded(a.note, foldedText_);
      if (!inNotes) return false;
    }
  }
  return true;
}

std::vector<int> FilterMatcher::Apply(bool withAncestors) const {
  std::vector<int> out;
  if (filter_.Empty()) {  // what a plan opens with: every item, nothing to test
    out.resize(static_cast<size_t>(index_.Size()));
    std::iota(out.begin(), out.end(), 0);
    return out;
  }
  std::vector<char> keep(static_cast<size_t>(index_.Size()), 0);
  for (int i = 0; i < index_.Size(); ++i) {
    if (!Matches(i)) continue;
    keep[static_cast<size_t>(i)] = 1;
    if (withAncestors)
      for (int p = index_[i].parent; p >= 0 && !keep[static_cast<size_t>(p)]; p = index_[p].parent)
        keep[static_cast<size_t>(p)] = 1;
  }
  for (int i = 0; i < index_.Size(); ++i)
    if (keep[static_cast<size_t>(i)]) out.push_back(i);
  return out;
}

void SortItems(const PlanIndex& index, std::vector<int>& items, SortKey key, bool ascending, int year) {
  const Plan& plan = *index.plan();
  auto leadName = [&](int i) {
    const auto& lead = index[i].node->lead;
    return lead.empty() ? std::string() : AgencyName(plan, lead.front());
  };
  // Collation keys are computed once per row, not per comparison.
  std::vector<std::u32string> keys;
  if (key == SortKey::Title || key == SortKey::Lead) {
    keys.resize(static_cast<size_t>(index.Size()));
    for (int i : items) keys[static_cast<size_t>(i)] = CollationKeyAz(key == SortKey::Title ? index[i].node->title : leadName(i));
  }
  auto cmp = [&](int a, int b) -> int {
    const auto& A = index[a];
    const auto& B = index[b];
    switch (key) {
      case SortKey::Code:
        if (A.doc != B.doc) return A.doc < B.doc ? -1 : 1;
        return CompareCodes(A.node->code, B.node->code);
      case SortKey::Title:
      case SortKey::Lead: {
        const auto& ka = keys[static_cast<size_t>(a)];
        const auto& kb = keys[static_cast<size_t>(b)];
        return ka < kb ? -1 : (kb < ka ? 1 : 0);
      }
      case SortKey::Period:
        if (A.period.start != B.period.start) return A.period.start < B.period.start ? -1 : 1;
        if (A.period.end != B.period.end) return A.period.end < B.period.end ? -1 : 1;
        return 0;
      case SortKey::Status: {
        int sa = static_cast<int>(EffectiveStatus(A, year)), sb = static_cast<int>(EffectiveStatus(B, year));
        return sa == sb ? 0 : (sa < sb ? -1 : 1);
      }
    }
    return 0;
  };
  std::stable_sort(items.begin(), items.end(), [&](int a, int b) {
    int c = cmp(a, b);
    if (c == 0) return a < b;
    return ascending ? c < 0 : c > 0;
  });
}

}  // namespace azplan
