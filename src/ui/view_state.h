// What the views keep between frames: lists derived from the plan and edit buffers.
// App owns them (App::views()), so nothing lives in function-local statics, and each
// is valid for one key, compared rather than printed: the plan generation (bumped on
// every open, so a second plan with the same revision is never served the first one's
// lists), the editor revision and, for filtered lists, the filter as applied.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/chart_layout.h"
#include "core/filter.h"
#include "core/monitoring.h"
#include "core/plan.h"

namespace azplan::ui {

// Which plan, at which edit.
struct PlanKey {
  unsigned long generation = ~0ul;
  unsigned long revision = ~0ul;
  bool operator==(const PlanKey& o) const { return generation == o.generation && revision == o.revision; }
  bool operator!=(const PlanKey& o) const { return !(*this == o); }
};

// Which plan, at which edit, through which filter (text, year and status included).
struct DataKey {
  PlanKey plan;
  Filter filter;
  bool operator==(const DataKey& o) const { return plan == o.plan && filter == o.filter; }
  bool operator!=(const DataKey& o) const { return !(*this == o); }
};

// The table's rows in the chosen order.
struct TableViewState {
  DataKey key;
  int sortColumn = -1;
  bool ascending = true;
  bool valid = false;
  std::vector<int> rows;
};

// The Gantt's rows for the visible items, grouped and with collapsed groups folded.
struct GanttRowsState {
  DataKey key;
  GanttGrouping grouping = GanttGrouping::Hierarchy;
  std::set<std::string> collapsed;
  bool valid = false;
  std::vector<GanttRow> rows;
};

// The dashboard's lists beyond the year's figures: a 50,000-measure plan makes each of
// them milliseconds of work.
struct DashboardState {
  PlanKey key;
  int today = 0, fromYear = 0, toYear = 0;
  bool valid = false;
  std::vector<int> overdue;
  std::vector<StatusChange> changes;
};

// The detail panel's copies of the fields being edited: committed as one command when a
// field is left, so one typing session is one undo step.
struct DetailEditState {
  PlanKey key;
  std::string id;
  int year = 0;
  Node node;  // the node's own fields (children not copied)
  std::string note, evidence, assessedBy, approved;
};

struct ViewState {
  TableViewState table;
  GanttRowsState ganttRows;
  DashboardState dashboard;
  DetailEditState detail;
  std::string agencyQuery;  // the agency picker's search text
};

}  // namespace azplan::ui
