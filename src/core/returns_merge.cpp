#include "core/returns_merge.h"

#include <algorithm>
#include <unordered_map>

#include "core/returns_layout.h"

namespace azplan {

const char* MergeConflictKey(MergeConflict c) {
  switch (c) {
    case MergeConflict::None: return "none";
    case MergeConflict::ReturnsDisagree: return "returnsDisagree";
    case MergeConflict::CoordinatorEdit: return "coordinatorEdit";
    case MergeConflict::Both: return "both";
  }
  return "none";
}

Assessment MergeItem::Result(int k, const std::string& mergeDate) const {
  Assessment a = current.value_or(Assessment{});
  const IncomingAssessment& in = incoming[static_cast<size_t>(k)];
  a.status = in.status;
  a.reportedStatus = in.status;
  // The agency's account replaces the previous one; empty cells keep what was there.
  if (!in.workDone.empty()) a.workDone = in.workDone;
  if (!in.evidence.empty()) a.evidence = in.evidence;
  if (!in.reportedBy.empty()) a.reportedBy = in.reportedBy;
  a.reportingAgency = in.agencyId;
  a.sourceFile = in.file;
  a.date = !in.date.empty() ? in.date : (!mergeDate.empty() ? mergeDate : a.date);
  return a;
}

bool MergeItem::Changes(int k, const std::string& mergeDate) const {
  if (k < 0) return false;
  const IncomingAssessment& in = incoming[static_cast<size_t>(k)];
  if (!current) return true;
  // The same status with nothing new to say is no change (re-reading the same file).
  Assessment r = Result(k, mergeDate);
  r.date = current->date;
  if (in.date.empty()) return !(r == *current);
  r.date = in.date;
  return !(r == *current);
}

KpiValue MergeIndicator::Result(int k, const std::string& mergeDate) const {
  const IncomingValue& in = incoming[static_cast<size_t>(k)];
  KpiValue v = in.value;
  v.reportingAgency = in.agencyId;
  v.sourceFile = in.file;
  if (v.date.empty()) v.date = mergeDate;
  v.extra = current ? current->extra : Json{};  // unknown keys of the current value survive
  return v;
}

bool MergeIndicator::Changes(int k, const std::string& mergeDate) const {
  if (k < 0) return false;
  if (!current) return true;
  // Re-reading the same return is no change, whatever the merge date.
  KpiValue r = Result(k, mergeDate);
  if (incoming[static_cast<size_t>(k)].value.date.empty()) r.date = current->date;
  return !(r == *current);
}

MergeCounts MergeReview::Counts() const {
  MergeCounts c;
  for (const auto& f : files) {
    ++c.files;
    if (f.refused) ++c.filesRefused;
    c.received += static_cast<int>(f.rows.size() + f.indicators.size());
    c.rowsRefused += f.rowsRefused;
  }
  for (const auto& it : items) {
    if (it.conflict != MergeConflict::None) ++c.conflicts;
    if (it.choice == MergeItem::kUndecided) ++c.undecided;
    else if (it.Changes(it.choice, mergeDate)) ++c.changed;
  }
  for (const auto& it : indicators) {
    if (it.conflict != MergeConflict::None) ++c.conflicts;
    if (it.choice == MergeItem::kUndecided) ++c.undecided;
    else if (it.Changes(it.choice, mergeDate)) ++c.changed;
  }
  return c;
}

MergeReview BuildMergeReview(const PlanIndex& index, int year, std::vector<ReturnFile> files,
                             std::vector<ReturnMessage> messages, std::string mergeDate) {
  MergeReview review;
  review.year = year;
  review.mergeDate = std::move(mergeDate);
  review.messages = std::move(messages);
  std::unordered_map<int, size_t> at;  // item → position in items
  std::vector<std::string> leads;
  for (const ReturnFile& f : files) {
    if (f.refused) continue;
    for (const ReturnRow& r : f.rows) {
      if (r.item < 0 || r.item >= index.Size() || index[r.item].id != r.nodeId) continue;
      auto [it, fresh] = at.emplace(r.item, review.items.size());
      if (fresh) {
        MergeItem m;
        m.nodeId = r.nodeId;
        m.item = r.item;
        if (const Assessment* a = index[r.item].node->AssessmentFor(year)) m.current = *a;
        review.items.push_back(std::move(m));
      }
      IncomingAssessment in;
      static_cast<ReturnSource&>(in) = {f.file, f.agencyId, r.sheet, r.row};
      in.status = r.status;
      in.workDone = r.workDone;
      in.evidence = r.evidence;
      in.reportedBy = r.reportedBy;
      in.date = r.date;
      leads.clear();
      returns::ItemAgencies(index, r.item, false, &leads);
      in.fromLead = std::find(leads.begin(), leads.end(), f.agencyId) != leads.end();
      review.items[it->second].incoming.push_back(std::move(in));
    }
  }
  // Indicators: the same, keyed by indicator.
  const Plan& plan = *index.plan();
  std::unordered_map<int, size_t> kpiAt;
  for (const ReturnFile& f : files) {
    if (f.refused) continue;
    for (const IndicatorReturnRow& r : f.indicators) {
      if (r.kpi < 0 || r.kpi >= static_cast<int>(plan.kpis.size()) || plan.kpis[static_cast<size_t>(r.kpi)].id != r.kpiId)
        continue;
      auto [it, fresh] = kpiAt.emplace(r.kpi, review.indicators.size());
      if (fresh) {
        MergeIndicator m;
        m.kpiId = r.kpiId;
        if (const KpiValue* v = plan.kpis[static_cast<size_t>(r.kpi)].MeasuredFor(year)) m.current = *v;
        review.indicators.push_back(std::move(m));
      }
      IncomingValue in;
      static_cast<ReturnSource&>(in) = {f.file, f.agencyId, r.sheet, r.row};
      in.value = r.value;
      in.value.year = year;
      review.indicators[it->second].incoming.push_back(std::move(in));
    }
  }
  std::unordered_map<std::string, int> kpiOrder;
  for (size_t k = 0; k < plan.kpis.size(); ++k) kpiOrder.emplace(plan.kpis[k].id, static_cast<int>(k));
  std::sort(review.indicators.begin(), review.indicators.end(),
            [&](const MergeIndicator& a, const MergeIndicator& b) { return kpiOrder[a.kpiId] < kpiOrder[b.kpiId]; });
  for (MergeIndicator& m : review.indicators) {
    bool disagree = false, coordinator = false;
    for (const auto& in : m.incoming) {
      disagree = disagree || in.value.value != m.incoming[0].value.value;
      // A value the coordinator recorded (no return's provenance) that a return
      // contradicts: the coordinator must say which stands.
      coordinator = coordinator || (m.current && !m.current->HasProvenance() && in.value.value != m.current->value);
    }
    m.conflict = disagree && coordinator ? MergeConflict::Both
                 : disagree             ? MergeConflict::ReturnsDisagree
                 : coordinator          ? MergeConflict::CoordinatorEdit
                                        : MergeConflict::None;
  }
  review.files = std::move(files);
  std::sort(review.items.begin(), review.items.end(), [](const MergeItem& a, const MergeItem& b) { return a.item < b.item; });
  for (MergeItem& m : review.items) {
    std::stable_sort(m.incoming.begin(), m.incoming.end(),
                     [](const IncomingAssessment& a, const IncomingAssessment& b) { return a.fromLead > b.fromLead; });
    bool disagree = false, coordinator = false;
    for (const auto& in : m.incoming) {
      disagree = disagree || in.status != m.incoming[0].status;
      // A status the coordinator set (or changed after an earlier merge) that a return
      // contradicts: the coordinator must say which stands.
      coordinator = coordinator || (m.current && m.current->StatusByCoordinator() && in.status != *m.current->status);
    }
    m.conflict = disagree && coordinator ? MergeConflict::Both
                 : disagree             ? MergeConflict::ReturnsDisagree
                 : coordinator          ? MergeConflict::CoordinatorEdit
                                        : MergeConflict::None;
  }
  AcceptNonConflicting(review);
  return review;
}

void AcceptNonConflicting(MergeReview& review) {
  for (MergeItem& m : review.items) {
    if (m.conflict != MergeConflict::None) {
      if (m.choice == MergeItem::kKeep) m.choice = MergeItem::kUndecided;
      continue;
    }
    m.choice = m.Changes(0, review.mergeDate) ? 0 : MergeItem::kKeep;
  }
  for (MergeIndicator& m : review.indicators) {
    if (m.conflict != MergeConflict::None) {
      if (m.choice == MergeItem::kKeep) m.choice = MergeItem::kUndecided;
      continue;
    }
    m.choice = m.Changes(0, review.mergeDate) ? 0 : MergeItem::kKeep;
  }
}

void ResolveConflicts(MergeReview& review, MergePrefer prefer) {
  for (MergeItem& m : review.items) {
    if (m.conflict == MergeConflict::None || m.choice != MergeItem::kUndecided) continue;
    if (prefer == MergePrefer::Current) {
      m.choice = MergeItem::kKeep;
      continue;
    }
    int best = 0;
    for (int k = 1; k < static_cast<int>(m.incoming.size()); ++k) {
      const auto& a = m.incoming[static_cast<size_t>(k)];
      const auto& b = m.incoming[static_cast<size_t>(best)];
      if (a.fromLead != b.fromLead) {
        if (a.fromLead) best = k;
      } else if (a.date > b.date) {
        best = k;
      }
    }
    m.choice = best;
  }
  for (MergeIndicator& m : review.indicators) {
    if (m.conflict == MergeConflict::None || m.choice != MergeItem::kUndecided) continue;
    if (prefer == MergePrefer::Current) {
      m.choice = MergeItem::kKeep;
      continue;
    }
    int best = 0;  // the latest dated return, else the first file
    for (int k = 1; k < static_cast<int>(m.incoming.size()); ++k)
      if (m.incoming[static_cast<size_t>(k)].value.date > m.incoming[static_cast<size_t>(best)].value.date) best = k;
    m.choice = best;
  }
}

std::unique_ptr<Command> ApplyMerge(const MergeReview& review) {
  std::vector<std::unique_ptr<Command>> commands;
  for (const MergeItem& m : review.items)
    if (m.choice >= 0 && m.Changes(m.choice, review.mergeDate))
      commands.push_back(SetAssessment(m.nodeId, review.year, m.Result(m.choice, review.mergeDate)));
  for (const MergeIndicator& m : review.indicators)
    if (m.choice >= 0 && m.Changes(m.choice, review.mergeDate))
      commands.push_back(SetMeasured(m.kpiId, m.Result(m.choice, review.mergeDate)));
  if (commands.empty()) return nullptr;
  return Batch("mergeReturns", std::move(commands));
}

std::string MergeReviewJson(const MergeReview& review) {
  nlohmann::ordered_json j;
  MergeCounts c = review.Counts();
  j["year"] = review.year;
  j["counts"] = {{"files", c.files},       {"filesRefused", c.filesRefused}, {"received", c.received},
                 {"changed", c.changed},   {"conflicts", c.conflicts},       {"undecided", c.undecided},
                 {"rowsRefused", c.rowsRefused}};
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const MergeItem& m : review.items) {
    nlohmann::ordered_json o;
    o["id"] = m.nodeId;
    o["current"] = m.current && m.current->status ? StatusKey(*m.current->status) : nullptr;
    o["conflict"] = MergeConflictKey(m.conflict);
    o["choice"] = m.choice == MergeItem::kUndecided ? nlohmann::ordered_json("undecided")
                  : m.choice == MergeItem::kKeep    ? nlohmann::ordered_json("current")
                                                    : nlohmann::ordered_json(m.choice);
    nlohmann::ordered_json in = nlohmann::ordered_json::array();
    for (const auto& x : m.incoming)
      in.push_back({{"file", x.file}, {"agency", x.agencyId}, {"row", x.row}, {"status", StatusKey(x.status)},
                    {"date", x.date}, {"reportedBy", x.reportedBy}});
    o["incoming"] = std::move(in);
    items.push_back(std::move(o));
  }
  j["items"] = std::move(items);
  nlohmann::ordered_json kpis = nlohmann::ordered_json::array();
  for (const MergeIndicator& m : review.indicators) {
    auto number = [](const KpiValue& v) {
      return v.value ? nlohmann::ordered_json(*v.value) : nlohmann::ordered_json(nullptr);
    };
    nlohmann::ordered_json o;
    o["id"] = m.kpiId;
    o["current"] = m.current ? number(*m.current) : nlohmann::ordered_json(nullptr);
    o["conflict"] = MergeConflictKey(m.conflict);
    o["choice"] = m.choice == MergeItem::kUndecided ? nlohmann::ordered_json("undecided")
                  : m.choice == MergeItem::kKeep    ? nlohmann::ordered_json("current")
                                                    : nlohmann::ordered_json(m.choice);
    nlohmann::ordered_json in = nlohmann::ordered_json::array();
    for (const auto& x : m.incoming)
      in.push_back({{"file", x.file}, {"agency", x.agencyId}, {"sheet", x.sheet}, {"row", x.row},
                    {"value", number(x.value)}, {"source", x.value.source}, {"date", x.value.date},
                    {"reportedBy", x.value.reportedBy}});
    o["incoming"] = std::move(in);
    kpis.push_back(std::move(o));
  }
  j["indicators"] = std::move(kpis);
  nlohmann::ordered_json msgs = nlohmann::ordered_json::array();
  for (const auto& m : review.messages) msgs.push_back(m.Format());
  j["messages"] = std::move(msgs);
  return j.dump(2) + "\n";
}

}  // namespace azplan
