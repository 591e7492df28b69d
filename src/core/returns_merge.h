// Merging agency returns into the plan: per item the current assessment and every
// incoming one, conflicts marked, a choice per item, and applying it all as one undoable
// editor step that keeps each assessment's provenance (docs/returns.md).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/editor.h"
#include "core/returns.h"

namespace azplan {

// Where a returned value came from: the file, the agency it is for, its sheet and row.
struct ReturnSource {
  std::string file, agencyId, sheet;
  int row = 0;
};

struct IncomingAssessment : ReturnSource {
  Status status = Status::Executed;
  std::string workDone, evidence, reportedBy, date;
  bool fromLead = false;  // the agency leads the item (rather than co-executes it)
};

enum class MergeConflict : unsigned char {
  None,
  ReturnsDisagree,   // two returns give different statuses
  CoordinatorEdit,   // a return differs from a status the coordinator set
  Both,
};
const char* MergeConflictKey(MergeConflict c);  // "none", "returnsDisagree", "coordinatorEdit", "both"

struct MergeItem {
  std::string nodeId;
  int item = -1;  // into the PlanIndex the review was built from
  std::optional<Assessment> current;
  std::vector<IncomingAssessment> incoming;  // the lead's returns first
  MergeConflict conflict = MergeConflict::None;
  // -1: keep the current assessment; k >= 0: take incoming[k]; kUndecided: a conflict
  // nobody has decided (applying keeps the current one).
  static constexpr int kKeep = -1, kUndecided = -2;
  int choice = kKeep;
  // The assessment `incoming[k]` would leave in the plan.
  Assessment Result(int k, const std::string& mergeDate) const;
  bool Changes(int k, const std::string& mergeDate) const;
};

// A measured value from a return's indicators sheet.
struct IncomingValue : ReturnSource {
  KpiValue value;  // the year's number, source, note, reportedBy and date as returned
};

// An indicator's measured value for the year: the current one and each return's.
// Conflicts as for statuses: two returns give different numbers, or a return differs
// from a value the coordinator recorded (one without a return's provenance).
struct MergeIndicator {
  std::string kpiId;
  std::optional<KpiValue> current;
  std::vector<IncomingValue> incoming;
  MergeConflict conflict = MergeConflict::None;
  int choice = MergeItem::kKeep;  // as MergeItem::choice
  // The value `incoming[k]` would leave in the plan: the return's number, source and note
  // (a number and its source go together), with its provenance.
  KpiValue Result(int k, const std::string& mergeDate) const;
  bool Changes(int k, const std::string& mergeDate) const;
};

struct MergeCounts {
  int files = 0, filesRefused = 0;
  int received = 0;      // accepted rows over all returns (measures and indicators)
  int changed = 0;       // items and indicators whose assessment or value the choices change
  int conflicts = 0;     // items and indicators with a conflict
  int undecided = 0;     // conflicts without a choice
  int rowsRefused = 0;   // rows refused while reading
};

struct MergeReview {
  int year = 0;
  std::string mergeDate;  // YYYY-MM-DD, for incoming rows that give no date
  std::vector<MergeItem> items;  // in plan order
  std::vector<MergeIndicator> indicators;  // in the plan's indicator order
  std::vector<ReturnFile> files;
  std::vector<ReturnMessage> messages;
  MergeCounts Counts() const;
};

// Builds the review: non-conflicting items that change something are chosen (accept
// all that don't conflict); conflicts are left undecided.
MergeReview BuildMergeReview(const PlanIndex& index, int year, std::vector<ReturnFile> files,
                             std::vector<ReturnMessage> messages, std::string mergeDate);

// Decides every undecided conflict: the coordinator's current status, or the returns
// (the lead agency's return, then the latest dated, then the first file).
enum class MergePrefer { Current, Returns };
void ResolveConflicts(MergeReview& review, MergePrefer prefer);
// Accepts every non-conflicting change (what BuildMergeReview does by default).
void AcceptNonConflicting(MergeReview& review);

// One editor command (a single undo step) applying the chosen assessments and measured
// values; null when nothing changes.
std::unique_ptr<Command> ApplyMerge(const MergeReview& review);

// The review as JSON (CLI --json, tests).
std::string MergeReviewJson(const MergeReview& review);

}  // namespace azplan
