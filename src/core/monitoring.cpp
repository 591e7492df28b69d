#include "core/monitoring.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "core/text.h"

namespace azplan {

void Tally::Add(Status s) {
  switch (s) {
    case Status::Executed: ++executed; break;
    case Status::Partial: ++partial; break;
    case Status::NotExecuted: ++notExecuted; break;
    case Status::NotAssessed: ++notAssessed; break;
    case Status::Pending: ++pending; break;
  }
}

void Tally::Add(const Tally& t) {
  executed += t.executed;
  partial += t.partial;
  notExecuted += t.notExecuted;
  notAssessed += t.notAssessed;
  pending += t.pending;
}

double Tally::Score() const {
  return Assessed() ? static_cast<double>(ScoreNumerator()) / ScoreDenominator() : 0.0;
}

int PercentHalfUp(long long num, long long den) {
  if (den <= 0) return 0;
  return static_cast<int>((200 * num + den) / (2 * den));
}

Shares DisplayShares(const Tally& t) {
  Shares s;
  int n = t.Assessed();
  if (!n) return s;
  s.executed = PercentHalfUp(t.executed, n);
  s.partial = PercentHalfUp(t.partial, n);
  s.notExecuted = 100 - s.executed - s.partial;
  return s;
}

int DisplayScore(const Tally& t) {
  if (!t.Assessed()) return -1;
  return PercentHalfUp(t.ScoreNumerator(), t.ScoreDenominator());
}

static bool Counts(const IndexedNode& item, Level level) {
  return level == Level::Measure ? item.countsAsMeasure : item.countsAsSubMeasure;
}

Tally CountRange(const PlanIndex& index, int begin, int end, int year, Level level) {
  Tally t;
  for (int i = begin; i < end; ++i) {
    const auto& item = index[i];
    if (Counts(item, level)) t.Add(EffectiveStatus(item, year));
  }
  return t;
}

std::string FinalAgency(const Plan& plan, const std::string& id) {
  std::string cur = id;
  for (int guard = 0; guard < 64; ++guard) {  // validation rejects cycles; the guard is for unvalidated plans
    const Agency* a = plan.FindAgency(cur);
    if (!a || a->successorId.empty()) return cur;
    cur = a->successorId;
  }
  return cur;
}

#if defined(__GNUC__) || defined(__clang__)
#define AZPLAN_PREFETCH(p) __builtin_prefetch(p)
#else
#define AZPLAN_PREFETCH(p) ((void)(p))
#endif

constexpr int kPrefetchAhead = 8;

static void PrefetchNode(const Node* node) {
  AZPLAN_PREFETCH(&node->lead);
  AZPLAN_PREFETCH(&node->assessments);
}

static void PrefetchNodeData(const Node* node) {
  if (!node->lead.empty()) AZPLAN_PREFETCH(node->lead.data());
  if (!node->assessments.empty()) AZPLAN_PREFETCH(node->assessments.data());
}

namespace {

// Lead id as written → agency slot, for one ComputeFigures call. Open addressing over a
// power-of-two table with a short FNV-1a hash: a plan names a few dozen agencies, and
// this lookup runs for every lead of every counted item.
class LeadSlots {
 public:
  explicit LeadSlots(size_t expected) {
    size_t cap = 64;
    while (cap < expected * 2) cap *= 2;
    keys_.resize(cap);
    slots_.assign(cap, -1);
  }
  // The slot of `id`, or -1; `pos` receives where it is or would go.
  int Find(std::string_view id, size_t& pos) const {
    const size_t mask = keys_.size() - 1;
    for (pos = Hash(id) & mask;; pos = (pos + 1) & mask) {
      if (slots_[pos] < 0) return -1;
      if (keys_[pos] == id) return slots_[pos];
    }
  }
  void Insert(size_t pos, std::string_view id, int slot) {
    keys_[pos] = id;
    slots_[pos] = slot;
    if (++count_ * 2 > keys_.size()) Grow();
  }

 private:
  static size_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  void Grow() {
    std::vector<std::string_view> keys = std::move(keys_);
    std::vector<int> slots = std::move(slots_);
    keys_.assign(keys.size() * 2, std::string_view());
    slots_.assign(keys.size() * 2, -1);
    for (size_t k = 0; k < keys.size(); ++k) {
      if (slots[k] < 0) continue;
      size_t pos;
      Find(keys[k], pos);
      keys_[pos] = keys[k];
      slots_[pos] = slots[k];
    }
  }
  std::vector<std::string_view> keys_;
  std::vector<int> slots_;
  size_t count_ = 0;
};

}  // namespace

YearFigures ComputeFigures(const PlanIndex& index, int year, const FigureOptions& options) {
  YearFigures f;
  f.year = year;
  const Plan& plan = *index.plan();
  const int n = index.Size();
  // Each item's own status first; the subtree sums are added up afterwards, children
  // before parents (reverse pre-order), one addition per item.
  std::vector<Tally> meas(static_cast<size_t>(n)), subs(static_cast<size_t>(n));
  // Lead id as written → slot in f.agencies, resolved (lineage, plan lookup) once per
  // distinct id instead of once per item: a 10k-measure plan names ~50 agencies.
  LeadSlots slotOfLead(plan.agencies.size());
  std::unordered_map<std::string, int> slotOfKey;
  auto slotFor = [&](const std::string& id) -> int {
    size_t pos;
    int found = slotOfLead.Find(id, pos);
    if (found >= 0) return found;
    std::string key = options.followLineage ? FinalAgency(plan, id) : id;
    auto [kt, fresh] = slotOfKey.emplace(key, static_cast<int>(f.agencies.size()));
    if (fresh) {
      f.agencies.emplace_back();
      f.agencies.back().agencyId = key;
    }
    slotOfLead.Insert(pos, id, kt->second);
    return kt->second;
  };
  std::vector<int> leads;  // slots of the current item, reused
  size_t scopeNodes = 0;

  for (int i = 0; i < n; ++i) {
    // The loop waits on memory (node → lead list, node → assessments), not on arithmetic:
    // fetch the nodes a few items ahead, then what they point to.
    if (i + 2 * kPrefetchAhead < n) PrefetchNode(index[i + 2 * kPrefetchAhead].node);
    if (i + kPrefetchAhead < n) PrefetchNodeData(index[i + kPrefetchAhead].node);
    const auto& item = index[i];
    if (!item.countsAsMeasure && !item.countsAsSubMeasure) {
      ++scopeNodes;
      continue;
    }
    Status s = EffectiveStatus(item, year);
    if (item.countsAsMeasure) meas[static_cast<size_t>(i)].Add(s);
    if (item.countsAsSubMeasure) subs[static_cast<size_t>(i)].Add(s);
    // Each agency counts once per item even if the source names it twice.
    leads.clear();
    for (const auto& l : item.node->lead) {
      int slot = slotFor(l);
      if (std::find(leads.begin(), leads.end(), slot) != leads.end()) continue;
      leads.push_back(slot);
      AgencyFigures& af = f.agencies[static_cast<size_t>(slot)];
      if (item.countsAsMeasure) {
        af.measures.Add(s);
        af.measureItems.push_back(i);
      }
      if (item.countsAsSubMeasure) af.subMeasures.Add(s);
    }
  }
  for (int i = n - 1; i >= 0; --i) {
    const int parent = index[i].parent;
    if (parent < 0) continue;
    meas[static_cast<size_t>(parent)].Add(meas[static_cast<size_t>(i)]);
    subs[static_cast<size_t>(parent)].Add(subs[static_cast<size_t>(i)]);
  }
  f.nodes.reserve(scopeNodes);

  f.plan.label = plan.title;
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    ScopeFigures sf;
    sf.item = -2 - static_cast<int>(d);
    sf.label = plan.documents[d].Label();
    for (int i = index.DocBegin(static_cast<int>(d)); i < index.DocEnd(static_cast<int>(d)); ++i) {
      if (index[i].parent != -1) continue;
      sf.measures.Add(meas[static_cast<size_t>(i)]);
      sf.subMeasures.Add(subs[static_cast<size_t>(i)]);
    }
    f.plan.measures.Add(sf.measures);
    f.plan.subMeasures.Add(sf.subMeasures);
    f.documents.push_back(std::move(sf));
  }
  for (int i = 0; i < n; ++i) {
    const auto& item = index[i];
    if (item.countsAsMeasure || item.countsAsSubMeasure) continue;
    ScopeFigures sf;
    sf.item = i;
    sf.code = item.node->code;
    sf.label = item.node->title;
    sf.measures = meas[static_cast<size_t>(i)];
    sf.subMeasures = subs[static_cast<size_t>(i)];
    f.nodes.push_back(std::move(sf));
  }
  // Collation keys once per agency, not per comparison.
  std::unordered_map<std::string, std::u32string> nameKey;
  for (const auto& af : f.agencies) {
    const Agency* ag = plan.FindAgency(af.agencyId);
    nameKey.emplace(af.agencyId, CollationKeyAz(ag ? ag->name : af.agencyId));
  }
  std::stable_sort(f.agencies.begin(), f.agencies.end(), [&](const AgencyFigures& a, const AgencyFigures& b) {
    // Compare exact fractions: a.num/a.den > b.num/b.den, agencies with nothing assessed last.
    long long an = a.measures.ScoreNumerator(), ad = a.measures.ScoreDenominator();
    long long bn = b.measures.ScoreNumerator(), bd = b.measures.ScoreDenominator();
    if ((ad == 0) != (bd == 0)) return bd == 0;
    if (ad && an * bd != bn * ad) return an * bd > bn * ad;
    if (a.measures.Assessed() != b.measures.Assessed()) return a.measures.Assessed() > b.measures.Assessed();
    return nameKey.at(a.agencyId) < nameKey.at(b.agencyId);
  });
  return f;
}

int DeadlineDay(const PlanIndex& index, int i) {
  const auto& item = index[i];
  const Period& p = item.period;
  if (!p.endDate.empty())
    if (auto d = ParsePartialDate(p.endDate)) return d->LastDay();
  if (p.withinMonths) {
    const Document& doc = index.plan()->documents[static_cast<size_t>(item.doc)];
    if (auto d = ParsePartialDate(doc.approved); d && d->month)
      return AddMonths(*d, p.withinMonths).LastDay();
  }
  // Ongoing ("mütəmadi") work is judged at its period's end too.
  if (p.IsSet()) return DaysFromCivil(p.end, 12, 31);
  return -1;
}

std::vector<int> OverdueMeasures(const PlanIndex& index, int day) {
  std::vector<int> out;
  int y, m, d;
  CivilFromDays(day, y, m, d);
  for (int i = 0; i < index.Size(); ++i) {
    const auto& item = index[i];
    if (!item.countsAsMeasure) continue;
    int deadline = DeadlineDay(index, i);
    if (deadline < 0 || deadline >= day) continue;
    // The latest assessment up to the current year decides.
    const Assessment* latest = nullptr;
    for (const auto& a : item.node->assessments)
      if (a.year <= y && a.status && *a.status != Status::NotAssessed) latest = &a;
    if (!latest || *latest->status != Status::Executed) out.push_back(i);
  }
  return out;
}

static int Rank(Status s) {
  switch (s) {
    case Status::Executed: return 2;
    case Status::Partial: return 1;
    case Status::NotExecuted: return 0;
    default: return -1;
  }
}

std::vector<StatusChange> DiffYears(const PlanIndex& index, int a, int b, Level level, bool includeUnchanged) {
  std::vector<StatusChange> out;
  for (int i = 0; i < index.Size(); ++i) {
    const auto& item = index[i];
    if (!Counts(item, level)) continue;
    Status sa = EffectiveStatus(item, a), sb = EffectiveStatus(item, b);
    int ra = Rank(sa), rb = Rank(sb);
    ChangeKind kind;
    if (ra < 0 && rb < 0) continue;  // assessed in neither year
    if (ra < 0) kind = ChangeKind::NewlyAssessed;
    else if (rb < 0) kind = ChangeKind::NoLongerAssessed;
    else if (rb > ra) kind = ChangeKind::Improved;
    else if (rb < ra) kind = ChangeKind::Regressed;
    else kind = ChangeKind::Unchanged;
    if (kind == ChangeKind::Unchanged && !includeUnchanged) continue;
    out.push_back({i, sa, sb, kind});
  }
  return out;
}

const char* ChangeKindKey(ChangeKind k) {
  static const char* const kKeys[] = {"improved", "regressed", "unchanged", "newlyAssessed", "noLongerAssessed"};
  return kKeys[static_cast<int>(k)];
}

}  // namespace azplan
