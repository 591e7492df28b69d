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

MergeCounts MergeReview::Counts() const {
  MergeCounts c;
  for (const auto& f : files) {
    ++c.files;
    if (f.refused) ++c.filesRefused;
    c.received += static_cast<int>(f.rows.size());
    c.rowsRefused += f.rowsRefused;
  }
  for (const auto& it : items) {
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
      in.file = f.file;
      in.agencyId = f.agencyId;
      in.sheet = r.sheet;
      in.row = r.row;
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
}

std::unique_ptr<Command> ApplyMerge(const MergeReview& review) {
  std::vector<std::unique_ptr<Command>> commands;
  for (const MergeItem& m : review.items)
    if (m.choice >= 0 && m.Changes(m.choice, review.mergeDate))
      commands.push_back(SetAssessment(m.nodeId, review.year, m.Result(m.choice, review.mergeDate)));
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
  nlohmann::ordered_json msgs = nlohmann::ordered_json::array();
  for (const auto& m : review.messages) msgs.push_back(m.Format());
  j["messages"] = std::move(msgs);
  return j.dump(2) + "\n";
}

}  // namespace azplan
