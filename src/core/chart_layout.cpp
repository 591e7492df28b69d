#include "core/chart_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/dates.h"
#include "core/filter.h"
#include "core/text.h"

namespace azplan {

void TimeAxis::ZoomAround(double x, double factor, double minPx, double maxPx) {
  double day = XToDay(x);
  pxPerDay = std::clamp(pxPerDay * factor, minPx, maxPx);
  startDay = day - (x - originX) / pxPerDay;
}

void TimeAxis::Fit(double firstDay, double lastDay, double x0, double width) {
  double span = std::max(1.0, lastDay - firstDay + 1);
  double margin = span * 0.02;
  originX = x0;
  startDay = firstDay - margin;
  pxPerDay = width / (span + 2 * margin);
}

TickUnit ChooseTickUnit(double pxPerDay, double minCellPx) {
  if (pxPerDay * 30.4 >= minCellPx) return TickUnit::Month;
  if (pxPerDay * 91.3 >= minCellPx) return TickUnit::Quarter;
  return TickUnit::Year;
}

const char* MonthName(int month, const std::string& language, bool full) {
  static const char* const kAzShort[] = {"Yan", "Fev", "Mar", "Apr", "May", "İyn", "İyl", "Avq", "Sen", "Okt", "Noy", "Dek"};
  static const char* const kAzFull[] = {"Yanvar", "Fevral", "Mart",     "Aprel",   "May",    "İyun",
                                        "İyul",   "Avqust", "Sentyabr", "Oktyabr", "Noyabr", "Dekabr"};
  static const char* const kEnShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static const char* const kEnFull[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  int m = std::clamp(month, 1, 12) - 1;
  if (language == "en") return full ? kEnFull[m] : kEnShort[m];
  return full ? kAzFull[m] : kAzShort[m];
}

std::string QuarterName(int quarter, const std::string& language) {
  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  int q = std::clamp(quarter, 1, 4);
  if (language == "en") return "Q" + std::to_string(q);
  return std::string(kRoman[q - 1]) + " rüb";
}

std::vector<Tick> MakeTicks(const TimeAxis& axis, double x0, double x1, TickUnit unit, const std::string& language,
                            double minLabelPx) {
  std::vector<Tick> ticks;
  int y0, m0, d0, y1, m1, d1;
  CivilFromDays(static_cast<int>(std::floor(axis.XToDay(x0))), y0, m0, d0);
  CivilFromDays(static_cast<int>(std::ceil(axis.XToDay(x1))), y1, m1, d1);
  // Years too narrow for "2020" are labelled every 2nd, 5th or 10th year; every year
  // keeps its grid line.
  const double yearPx = axis.pxPerDay * 365.25;
  int stride = 1;
  for (int next : {2, 5, 10})
    if (yearPx * stride < minLabelPx) stride = next;
  for (int y = y0; y <= y1; ++y) {
    int day = DaysFromCivil(y, 1, 1);
    ticks.push_back({static_cast<double>(day), axis.DayToX(day), TickUnit::Year, y % stride ? std::string() : std::to_string(y)});
    if (unit == TickUnit::Year) continue;
    int step = unit == TickUnit::Quarter ? 3 : 1;
    for (int m = 1; m <= 12; m += step) {
      int md = DaysFromCivil(y, m, 1);
      std::string label = unit == TickUnit::Quarter ? QuarterName((m - 1) / 3 + 1, language) : MonthName(m, language);
      ticks.push_back({static_cast<double>(md), axis.DayToX(md), unit, label});
    }
  }
  return ticks;
}

DaySpan ItemSpan(const PlanIndex& index, int i) {
  const auto& item = index[i];
  const Period& p = item.period;
  DaySpan s;
  if (p.IsSet()) {
    s.first = DaysFromCivil(p.start, 1, 1);
    s.last = DaysFromCivil(p.end, 12, 31);
    s.known = true;
  }
  if (auto d = ParsePartialDate(p.startDate)) s.first = d->FirstDay(), s.known = true;
  if (auto d = ParsePartialDate(p.endDate)) s.last = d->LastDay(), s.known = true;
  if (p.withinMonths) {
    const Document& doc = index.plan()->documents[static_cast<size_t>(item.doc)];
    if (auto d = ParsePartialDate(doc.approved); d && d->month) {
      s.first = d->FirstDay();
      s.last = AddMonths(*d, p.withinMonths).LastDay();
      s.known = true;
    }
  }
  if (s.known && s.last < s.first) std::swap(s.first, s.last);
  return s;
}

DaySpan PlanSpan(const PlanIndex& index) {
  DaySpan all;
  auto add = [&](int a, int b) {
    if (!all.known) all = {a, b, true};
    all.first = std::min(all.first, a);
    all.last = std::max(all.last, b);
  };
  // Items with years only are summed up as the earliest start and latest end year (the
  // day of a year's start or end grows with the year); only those with dates, or with a
  // reversed period, are spanned one by one. Reads the index's packed facts, not the items.
  int firstYear = 0, lastYear = 0;
  for (int i = 0; i < index.Size(); ++i) {
    const PlanIndex::Facts& f = index.FactsOf(i);
    if (f.dated || (f.start != 0 && f.end < f.start)) {
      DaySpan s = ItemSpan(index, i);
      if (s.known) add(s.first, s.last);
    } else if (f.start != 0) {
      firstYear = firstYear == 0 ? f.start : std::min(firstYear, f.start);
      lastYear = lastYear == 0 ? f.end : std::max(lastYear, f.end);
    }
  }
  if (firstYear != 0) add(DaysFromCivil(firstYear, 1, 1), DaysFromCivil(lastYear, 12, 31));
  for (const auto& d : index.plan()->documents)
    if (d.period.IsSet()) add(DaysFromCivil(d.period.start, 1, 1), DaysFromCivil(d.period.end, 12, 31));
  return all;
}

std::vector<GanttRow> BuildGanttRows(const PlanIndex& index, const std::vector<int>& visible, GanttGrouping grouping,
                                     const std::set<std::string>& collapsed) {
  std::vector<GanttRow> rows;
  rows.reserve(visible.size());
  const Plan& plan = *index.plan();
  std::vector<char> shown(static_cast<size_t>(index.Size()), 0);
  for (int i : visible) shown[static_cast<size_t>(i)] = 1;
  auto hasVisibleChild = [&](int i) {
    for (int c = i + 1; c < index[i].end; ++c)
      if (shown[static_cast<size_t>(c)] && index[c].parent == i) return true;
    return false;
  };
  // Items in pre-order, skipping the subtrees of collapsed rows.
  auto emitItems = [&](const std::vector<int>& items, int baseDepth, int depthOffset) {
    int skipUntil = -1;
    for (int i : items) {
      if (i < skipUntil) continue;
      GanttRow r;
      r.item = i;
      r.depth = std::max(0, index[i].depth - depthOffset) + baseDepth;
      r.hasChildren = hasVisibleChild(i);
      // The key (a copy of the id, a heap block per row) only where it can matter.
      if (r.hasChildren) r.key = index[i].id;
      r.collapsed = r.hasChildren && collapsed.count(r.key);
      if (r.collapsed) skipUntil = index[i].end;
      rows.push_back(std::move(r));
    }
  };

  if (grouping == GanttGrouping::Hierarchy) {
    emitItems(visible, 0, 0);
    return rows;
  }
  if (grouping == GanttGrouping::Document) {
    for (size_t d = 0; d < plan.documents.size(); ++d) {
      std::vector<int> items;
      for (int i : visible)
        if (index[i].doc == static_cast<int>(d)) items.push_back(i);
      if (items.empty()) continue;
      GanttRow h;
      h.header = true;
      h.key = "doc:" + plan.documents[d].id;
      h.label = plan.documents[d].Label();
      h.count = static_cast<int>(items.size());
      h.hasChildren = true;
      h.collapsed = collapsed.count(h.key) > 0;
      rows.push_back(h);
      if (!h.collapsed) emitItems(items, 1, 0);
    }
    return rows;
  }
  // Lead agency: measures grouped under each lead, agencies in alphabet order, with a
  // final group for measures whose executors are still to be assigned.
  std::vector<std::string> order;
  std::map<std::string, std::vector<int>> groups;
  for (int i : visible) {
    const Node& n = *index[i].node;
    if (!IsMeasureKind(n.kind)) continue;
    if (n.lead.empty()) {
      groups[""].push_back(i);
      continue;
    }
    for (const auto& l : n.lead) groups[l].push_back(i);
  }
  for (const auto& [id, items] : groups) order.push_back(id);
  std::sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return b.empty();
    return CompareAz(AgencyName(plan, a), AgencyName(plan, b)) < 0;
  });
  for (const auto& id : order) {
    const auto& items = groups[id];
    GanttRow h;
    h.header = true;
    h.key = "agency:" + id;
    h.label = id.empty() ? std::string() : AgencyName(plan, id);  // empty label = "to be assigned"
    h.count = static_cast<int>(items.size());
    h.hasChildren = true;
    h.collapsed = collapsed.count(h.key) > 0;
    rows.push_back(h);
    if (h.collapsed) continue;
    for (int i : items) {
      GanttRow r;
      r.item = i;
      r.depth = 1;
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

void VisibleRowRange(double scrollY, double viewH, double rowH, int rowCount, int& first, int& last) {
  if (rowH <= 0 || rowCount <= 0) {
    first = last = 0;
    return;
  }
  first = std::clamp(static_cast<int>(std::floor(scrollY / rowH)), 0, rowCount);
  last = std::clamp(static_cast<int>(std::ceil((scrollY + viewH) / rowH)), first, rowCount);
}

std::vector<int> AssignLanes(const std::vector<LaneInput>& items, double gap) {
  std::vector<int> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return items[static_cast<size_t>(a)].x0 < items[static_cast<size_t>(b)].x0; });
  std::vector<double> laneEnd;
  std::vector<int> lane(items.size(), 0);
  for (int k : order) {
    const auto& it = items[static_cast<size_t>(k)];
    double right = std::max(it.x1, it.x0 + it.labelWidth);
    size_t l = 0;
    while (l < laneEnd.size() && laneEnd[l] + gap > it.x0) ++l;
    if (l == laneEnd.size()) laneEnd.push_back(right);
    else laneEnd[l] = right;
    lane[static_cast<size_t>(k)] = static_cast<int>(l);
  }
  return lane;
}

}  // namespace azplan

namespace azplan {

std::string FitText(std::string_view s, double maxWidth, const MeasureText& measure, bool* cut) {
  if (cut) *cut = false;
  if (measure(s) <= maxWidth) return std::string(s);
  if (cut) *cut = true;
  // Binary search on the number of characters kept (EllipsizeChars counts the "…").
  size_t lo = 0, hi = CountChars(s);
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (measure(EllipsizeChars(s, mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo == 0 ? std::string() : EllipsizeChars(s, lo);
}

std::vector<AxisLabel> PlaceAxisLabels(const std::vector<Tick>& ticks, double x0, double x1, const MeasureText& measure,
                                       double pad) {
  std::vector<AxisLabel> out;
  for (size_t k = 0; k < ticks.size(); ++k) {
    const Tick& t = ticks[k];
    if (t.label.empty()) continue;
    // The cell runs to the next labelled tick of the same unit (unlabelled years are free room).
    double end = x1;
    for (size_t j = k + 1; j < ticks.size(); ++j)
      if (ticks[j].unit == t.unit && !ticks[j].label.empty()) {
        end = ticks[j].x;
        break;
      }
    double a = std::max(t.x, x0), b = std::min(end, x1);
    double w = measure(t.label);
    if (b - a >= w + 2 * pad) out.push_back({a + pad, t.unit, t.label});
  }
  return out;
}

TimelineLayout LayoutTimeline(const std::vector<TimelineDocIn>& docs, const std::vector<TimelineEventIn>& events,
                              double x0, double x1, double top, double sectionGap, const TimelineMetrics& m,
                              const MeasureText& measure, const ClusterLabel& clusterLabel, int clusterMin) {
  TimelineLayout out;
  auto clampX = [&](double x) { return std::clamp(x, x0, x1); };
  // A label beside [left, right]: to the right when it fits whole there, else on the side
  // with more room, shortened to that room.
  auto beside = [&](double left, double right, const std::string& text, PlacedLabel& label) {
    double want = std::min(measure(text), m.maxLabelW);
    double roomRight = x1 - (right + m.labelGap), roomLeft = (left - m.labelGap) - x0;
    bool toRight = roomRight >= want || roomRight >= roomLeft;
    double room = std::min(want, std::max(0.0, toRight ? roomRight : roomLeft));
    label.text = FitText(text, room, measure, &label.shortened);
    label.w = label.text.empty() ? 0 : measure(label.text);
    label.x = toRight ? right + m.labelGap : left - m.labelGap - label.w;
  };

  std::vector<LaneInput> docLanes;
  for (size_t k = 0; k < docs.size(); ++k) {
    PlacedDoc d;
    d.index = static_cast<int>(k);
    d.x0 = clampX(std::min(docs[k].x0, docs[k].x1));
    d.x1 = std::max(clampX(std::max(docs[k].x0, docs[k].x1)), d.x0 + 2);
    double w = measure(docs[k].label);
    if (w + 2 * m.docPad <= d.x1 - d.x0) {
      d.label = {d.x0 + m.docPad, 0, w, docs[k].label, false};
    } else {
      d.labelInside = false;
      beside(d.x0, d.x1, docs[k].label, d.label);
    }
    double left = std::min(d.x0, d.label.x), right = std::max(d.x1, d.label.x + d.label.w);
    docLanes.push_back({left, right, 0});
    out.docs.push_back(std::move(d));
  }
  std::vector<int> lanes = AssignLanes(docLanes, m.laneGap);
  for (size_t k = 0; k < out.docs.size(); ++k) {
    PlacedDoc& d = out.docs[k];
    d.lane = lanes[k];
    d.y = top + m.laneH * d.lane;
    d.label.y = d.y + (m.laneH - m.textH) / 2;
    out.docLanes = std::max(out.docLanes, d.lane + 1);
  }

  out.eventTop = top + m.laneH * out.docLanes + (out.docLanes ? sectionGap : 0);
  // Events inside the range, in date order, grouped where markers overlap.
  std::vector<int> inside;
  for (size_t k = 0; k < events.size(); ++k) {
    const TimelineEventIn& in = events[k];
    if (in.at < x0) out.before.push_back(static_cast<int>(k));
    else if (in.at > x1) out.after.push_back(static_cast<int>(k));
    else inside.push_back(static_cast<int>(k));
  }
  std::stable_sort(inside.begin(), inside.end(),
                   [&](int a, int b) { return events[static_cast<size_t>(a)].at < events[static_cast<size_t>(b)].at; });
  std::vector<std::vector<int>> groups;
  for (size_t k = 0; k < inside.size();) {
    size_t j = k + 1;
    const double start = events[static_cast<size_t>(inside[k])].at;
    while (j < inside.size() && events[static_cast<size_t>(inside[j])].at - start < m.markerR) ++j;
    if (clusterLabel && static_cast<int>(j - k) >= clusterMin) {
      groups.emplace_back(inside.begin() + static_cast<long>(k), inside.begin() + static_cast<long>(j));
    } else {
      for (size_t q = k; q < j; ++q) groups.push_back({inside[q]});
    }
    k = j;
  }

  std::vector<LaneInput> eventLanes;
  for (auto& group : groups) {
    const TimelineEventIn& in = events[static_cast<size_t>(group.front())];
    PlacedEvent e;
    e.index = group.front();
    e.at = in.at;
    if (group.size() > 1) {
      // A cluster's marker stands alone: the members' periods are in their list.
      e.x0 = e.x1 = e.at;
      e.members = std::move(group);
      beside(e.at - m.markerR, e.at + m.markerR, clusterLabel(e.members), e.label);
    } else {
      e.x0 = clampX(std::min({in.x0, in.x1, in.at}));
      e.x1 = clampX(std::max({in.x0, in.x1, in.at}));
      beside(e.at - m.markerR, e.at + m.markerR, in.label, e.label);
    }
    double left = std::min({e.x0, e.at - m.markerR, e.label.x});
    double right = std::max({e.x1, e.at + m.markerR, e.label.x + e.label.w});
    eventLanes.push_back({left, right, 0});
    out.events.push_back(std::move(e));
  }
  lanes = AssignLanes(eventLanes, m.laneGap);
  for (size_t k = 0; k < out.events.size(); ++k) {
    PlacedEvent& e = out.events[k];
    e.lane = lanes[k];
    e.y = out.eventTop + m.laneH * e.lane;
    // Text in the lane's top part, the period line below it: a line never crosses a label.
    e.label.y = e.y + 1;
    e.markerY = e.label.y + m.textH / 2;
    e.lineY = e.y + m.laneH - 1.5;
    out.eventLanes = std::max(out.eventLanes, e.lane + 1);
  }
  out.bottom = out.eventTop + m.laneH * out.eventLanes;
  return out;
}

}  // namespace azplan
