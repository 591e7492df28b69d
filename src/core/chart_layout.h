// Layout maths for the Gantt and the timeline, free of any UI: date ↔ x mapping, the
// tick scale at year / quarter / month zoom, Gantt rows with grouping and collapsing,
// visible-range culling, and timeline lanes whose labels never overlap. The ImGui
// views and the SVG exporters both draw from these.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/plan_index.h"

namespace azplan {

// ---- time axis ---------------------------------------------------------------------------

struct TimeAxis {
  double startDay = 0;   // day number shown at x = originX
  double pxPerDay = 1;
  double originX = 0;

  double DayToX(double day) const { return originX + (day - startDay) * pxPerDay; }
  double XToDay(double x) const { return startDay + (x - originX) / pxPerDay; }
  // Zooms keeping the day under `x` fixed; pxPerDay is clamped to [minPx, maxPx].
  void ZoomAround(double x, double factor, double minPx = 0.02, double maxPx = 40);
  void Pan(double dx) { startDay -= dx / pxPerDay; }
  // Shows [firstDay, lastDay] across `width` pixels starting at x0, with a small margin.
  void Fit(double firstDay, double lastDay, double x0, double width);
};

enum class TickUnit { Year, Quarter, Month };

struct Tick {
  double day;
  double x;
  TickUnit unit;
  std::string label;
};

// The finest unit whose cells are at least `minCellPx` wide.
TickUnit ChooseTickUnit(double pxPerDay, double minCellPx = 44);
// Ticks from x0 to x1: the major row (years) and the minor row (quarters or months).
// Every year gets a tick; at the widest zoom some carry no label (they would overlap).
std::vector<Tick> MakeTicks(const TimeAxis& axis, double x0, double x1, TickUnit unit, const std::string& language);

// Month names for the axis ("Yan", "Fev", … in Azerbaijani; "Jan", … in English).
const char* MonthName(int month, const std::string& language, bool full = false);
// "I rüb" / "Q1".
std::string QuarterName(int quarter, const std::string& language);

// ---- spans ---------------------------------------------------------------------------

struct DaySpan {
  int first = 0, last = 0;  // inclusive day numbers
  bool known = false;
};
// The bar of an item: exact dates when given, else whole years of its period; a
// relative deadline runs from the document's approval to approval + N months.
DaySpan ItemSpan(const PlanIndex& index, int item);
DaySpan PlanSpan(const PlanIndex& index);  // all items and documents

// ---- Gantt rows ------------------------------------------------------------------------

enum class GanttGrouping { Hierarchy, Document, LeadAgency };

struct GanttRow {
  bool header = false;      // a group header (document or agency), not an item
  int item = -1;            // index item for item rows
  int depth = 0;            // indentation
  std::string key;          // collapse key: item id, "doc:<id>" or "agency:<id>"; empty when there is nothing to collapse
  std::string label;        // headers only; item rows take their text from the node
  bool hasChildren = false;
  bool collapsed = false;
  int count = 0;            // headers: items in the group
};

// `visible` are the items that passed the filter (with ancestors for Hierarchy).
std::vector<GanttRow> BuildGanttRows(const PlanIndex& index, const std::vector<int>& visible, GanttGrouping grouping,
                                     const std::set<std::string>& collapsed);

// Rows [first, last) that intersect a viewport scrolled to `scrollY` of height `viewH`.
void VisibleRowRange(double scrollY, double viewH, double rowH, int rowCount, int& first, int& last);

// ---- timeline lanes ----------------------------------------------------------------------

struct LaneInput {
  double x0 = 0, x1 = 0;   // the mark (a point has x0 == x1)
  double labelWidth = 0;   // the label drawn to the right of x0
};
// Greedy lane assignment in x order: an entry occupies [x0, max(x1, x0 + labelWidth)] plus
// `gap`; each goes to the first lane free at its x. Returns the lane of each input.
std::vector<int> AssignLanes(const std::vector<LaneInput>& items, double gap);

}  // namespace azplan
