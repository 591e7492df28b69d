#include "core/monitoring.h"

#include <algorithm>
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

YearFigures ComputeFigures(const PlanIndex& index, int year, const FigureOptions& options) {
  YearFigures f;
  f.year = year;
  const Plan& plan = *index.plan();
  const int n = index.Size();
  // Statuses and leads come from the index's compact copies (PlanIndex::Content), so
  // this pass reads a few flat arrays and never the nodes themselves.
  const PlanIndex::Content& content = index.content();
  // Each item's own status first; the subtree sums are added up afterwards, children
  // before parents (reverse pre-order), one addition per item.
  std::vector<Tally> meas(static_cast<size_t>(n)), subs(static_cast<size_t>(n));
  // Lead → slot in f.agencies, resolved (lineage, plan lookup) once per distinct
  // agency instead of once per item: a 10k-measure plan names ~50 agencies.
  std::vector<int> slotOfAgency(plan.agencies.size(), -1), slotOfUnknown(content.unknownLeads.size(), -1);
  std::unordered_map<std::string, int> slotOfKey;
  auto slotFor = [&](int lead) -> int {
    int& cached = lead >= 0 ? slotOfAgency[static_cast<size_t>(lead)] : slotOfUnknown[static_cast<size_t>(-1 - lead)];
    if (cached >= 0) return cached;
    const std::string& id = lead >= 0 ? plan.agencies[static_cast<size_t>(lead)].id
                                      : content.unknownLeads[static_cast<size_t>(-1 - lead)];
    std::string key = options.followLineage ? FinalAgency(plan, id) : id;
    auto [kt, fresh] = slotOfKey.emplace(key, static_cast<int>(f.agencies.size()));
    if (fresh) {
      f.agencies.emplace_back();
      f.agencies.back().agencyId = key;
    }
    cached = kt->second;
    return cached;
  };
  std::vector<int> leads;  // slots of the current item, reused
  size_t scopeNodes = 0;

  for (int i = 0; i < n; ++i) {
    const PlanIndex::Facts& item = index.FactsOf(i);
    if (!item.countsAsMeasure && !item.countsAsSubMeasure) {
      ++scopeNodes;
      continue;
    }
    Status s = index.CachedStatus(i, year);
    if (item.countsAsMeasure) meas[static_cast<size_t>(i)].Add(s);
    if (item.countsAsSubMeasure) subs[static_cast<size_t>(i)].Add(s);
    // Each agency counts once per item even if the source names it twice.
    leads.clear();
    for (unsigned k = content.leadBegin[static_cast<size_t>(i)], e = content.leadBegin[static_cast<size_t>(i) + 1];
         k < e; ++k) {
      int slot = slotFor(content.leads[k]);
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
    const int parent = index.FactsOf(i).parent;
    if (parent < 0) continue;
    meas[static_cast<size_t>(parent)].Add(meas[static_cast<size_t>(i)]);
    subs[static_cast<size_t>(parent)].Add(subs[static_cast<size_t>(i)]);
  }
  f.nodes.reserve(scopeNodes);

  f.plan.label = plan.title;
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    ScopeFigures sf;
    sf.label = plan.documents[d].Label();
    for (int i = index.DocBegin(static_cast<int>(d)); i < index.DocEnd(static_cast<int>(d)); ++i) {
      if (index.FactsOf(i).parent != -1) continue;
      sf.measures.Add(meas[static_cast<size_t>(i)]);
      sf.subMeasures.Add(subs[static_cast<size_t>(i)]);
    }
    f.plan.measures.Add(sf.measures);
    f.plan.subMeasures.Add(sf.subMeasures);
    f.documents.push_back(std::move(sf));
  }
  for (int i = 0; i < n; ++i) {
    const PlanIndex::Facts& facts = index.FactsOf(i);
    if (facts.countsAsMeasure || facts.countsAsSubMeasure) continue;
    f.nodes.push_back({i, meas[static_cast<size_t>(i)], subs[static_cast<size_t>(i)]});
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
  // An open-ended duty has no deadline: the document's end year is not its end.
  if (item.openEnded) return -1;
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
