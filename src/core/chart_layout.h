// Layout maths for the Gantt and the timeline, free of any UI: date ↔ x mapping, the
// tick scale at year / quarter / month zoom, Gantt rows with grouping and collapsing,
// visible-range culling, and timeline lanes whose labels never overlap. The ImGui
// views and the SVG exporters both draw from these.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
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
// `minLabelPx`: the room a year label needs (its text width at the font in use).
std::vector<Tick> MakeTicks(const TimeAxis& axis, double x0, double x1, TickUnit unit, const std::string& language,
                            double minLabelPx = 36);

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

// ---- timeline layout -----------------------------------------------------------------------
// One layout for the timeline view and its SVG export. The caller measures text (the
// real font on screen, an estimate in SVG); everything else is decided here.

using MeasureText = std::function<double(std::string_view)>;

// The longest prefix of `s` (never splitting a UTF-8 character) that, with "…" added when
// cut, is at most `maxWidth` wide; empty when not even "…" fits. `cut` says whether it was shortened.
std::string FitText(std::string_view s, double maxWidth, const MeasureText& measure, bool* cut = nullptr);

// Axis labels that fit whole inside their cell's visible part: a year whose visible part
// is too narrow for its number gets no label rather than a cut one ("2").
struct AxisLabel {
  double x;  // left edge of the text
  TickUnit unit;
  std::string text;
};
std::vector<AxisLabel> PlaceAxisLabels(const std::vector<Tick>& ticks, double x0, double x1, const MeasureText& measure,
                                       double pad);

struct TimelineMetrics {
  double laneH = 18;       // one lane; text sits in its top part, period lines at its bottom
  double textH = 13;       // height of a line of text
  double markerR = 5;      // half the width of an event marker
  double labelGap = 4;     // marker → label
  double laneGap = 10;     // least room between two things in one lane
  double maxLabelW = 260;  // longer labels are shortened (full text on hover)
  double minLabelW = 40;   // a label is never squeezed below this: the event takes a new lane
  double docPad = 4;       // text inset inside a document bar
};

struct TimelineDocIn {
  double x0 = 0, x1 = 0;  // the bar (already in pixels)
  std::string label;
};
struct TimelineEventIn {
  double at = 0;          // the event's date
  double x0 = 0, x1 = 0;  // its period line (x0 == x1 == at when it has none)
  std::string label;
};

struct PlacedLabel {
  double x = 0, y = 0, w = 0;  // top-left and width; height is TimelineMetrics::textH
  std::string text;            // possibly shortened
  bool shortened = false;
};
struct PlacedDoc {
  int index = 0, lane = 0;
  double x0 = 0, x1 = 0, y = 0;  // bar, clamped to the shown range; y = lane top
  bool labelInside = true;       // false: the bar is too short and the name sits beside it
  PlacedLabel label;
};
struct PlacedEvent {
  int index = 0, lane = 0;   // index: the event, or a cluster's first member
  std::vector<int> members;  // a cluster: the events whose markers fell on one spot (else empty)
  double at = 0, x0 = 0, x1 = 0, y = 0;  // marker, period line (clamped), lane top
  double markerY = 0, lineY = 0;         // marker centre, period line
  PlacedLabel label;
};
struct TimelineLayout {
  std::vector<PlacedDoc> docs;
  std::vector<PlacedEvent> events;      // only events dated inside [x0, x1]
  std::vector<int> before, after;       // events dated outside, listed (indices, in input order)
  int docLanes = 0, eventLanes = 0;
  double eventTop = 0, bottom = 0;
};

// Many events on one spot (e.g. 30 dated only "2013") would take a lane each and fill a
// column: `clusterMin` or more events whose markers overlap become one marker labelled by
// `clusterLabel(members)`, their list shown on demand. No callback: no clusters.
using ClusterLabel = std::function<std::string(const std::vector<int>& members)>;

// Documents from `top` in lanes, then events below them. Nothing placed overlaps: no label
// touches another label, a bar, a marker or a period line; nothing runs past x1.
TimelineLayout LayoutTimeline(const std::vector<TimelineDocIn>& docs, const std::vector<TimelineEventIn>& events,
                              double x0, double x1, double top, double sectionGap, const TimelineMetrics& m,
                              const MeasureText& measure, const ClusterLabel& clusterLabel = {}, int clusterMin = 4);

}  // namespace azplan
