// The timeline 2013–2028: documents as spans, acts and milestones as markers in lanes
// whose labels never overlap; zoom and pan; clicking a document filters the table.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/text.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

void DrawTimelineView(App& app) {
  UiState& st = app.state();
  TimelineState& t = st.timeline;
  const Plan& plan = app.editor().plan();
  const float fs = ImGui::GetFontSize();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (ImGui::SmallButton(Tr("zoomOut"))) t.axis.ZoomAround(avail.x / 2, 1 / 1.5);
  ImGui::SameLine();
  if (ImGui::SmallButton(Tr("zoomIn"))) t.axis.ZoomAround(avail.x / 2, 1.5);
  ImGui::SameLine();
  if (ImGui::SmallButton(Tr("fit"))) t.fitted = false;
  if (!t.fitted) {
    t.axis.Fit(DaysFromCivil(2013, 1, 1), DaysFromCivil(2028, 12, 31), 0, avail.x);
    t.fitted = true;
  }
  ImGui::BeginChild("##timeline", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  ImGuiIO& io = ImGui::GetIO();
  ImVec2 o = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  bool hovered = ImGui::IsWindowHovered();
  if (hovered && io.MouseWheel != 0) t.axis.ZoomAround(io.MousePos.x - o.x, std::pow(1.2, io.MouseWheel));
  if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) t.axis.Pan(io.MouseDelta.x);
  TimeAxis axis = t.axis;
  axis.originX += o.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Palette& c = Colors();
  const float rowH = fs * 1.6f;
  const double x0 = o.x, x1 = o.x + w;
  const MeasureText measure = [](std::string_view s) {
    return static_cast<double>(ImGui::CalcTextSize(s.data(), s.data() + s.size()).x);
  };
  float y = o.y;
  // Axis: grid lines for every tick, labels only where they fit whole (chart_layout).
  auto ticks = MakeTicks(axis, x0, x1, ChooseTickUnit(axis.pxPerDay, fs * 4), Language(), measure("2020") + 8);
  float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  for (const auto& tk : ticks) {
    float x = static_cast<float>(tk.x);
    bool major = tk.unit == TickUnit::Year;
    dl->AddLine(ImVec2(x, y + (major ? 0 : rowH)), ImVec2(x, bottom), major ? c.gridMajor : c.gridMinor);
  }
  for (const auto& l : PlaceAxisLabels(ticks, x0, x1, measure, 3))
    dl->AddText(ImVec2(static_cast<float>(l.x), y + (l.unit == TickUnit::Year ? 0 : rowH)), c.axisText, l.text.c_str());
  y += rowH * 2.2f;

  // Documents and events: one layout, shared with the SVG export.
  std::vector<TimelineDocIn> docIn;
  std::vector<size_t> docOf;
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const Document& doc = plan.documents[d];
    if (!doc.period.IsSet()) continue;
    docIn.push_back({axis.DayToX(DaysFromCivil(doc.period.start, 1, 1)), axis.DayToX(DaysFromCivil(doc.period.end, 12, 31)),
                     doc.Label()});
    docOf.push_back(d);
  }
  std::vector<TimelineEventIn> eventIn;
  std::vector<const Event*> eventOf;
  for (const auto& e : plan.events) {
    auto d = ParsePartialDate(e.date);
    if (!d) continue;
    TimelineEventIn in;
    in.at = in.x0 = in.x1 = axis.DayToX(d->FirstDay());
    if (e.period.IsSet()) {
      in.x0 = axis.DayToX(DaysFromCivil(e.period.start, 1, 1));
      in.x1 = axis.DayToX(DaysFromCivil(e.period.end, 12, 31));
    }
    in.label = e.date + " " + e.title;
    eventIn.push_back(std::move(in));
    eventOf.push_back(&e);
  }
  TimelineMetrics m;
  m.laneH = rowH;
  m.textH = fs;
  m.markerR = fs * 0.35f;
  m.labelGap = fs * 0.25f;
  m.laneGap = fs * 0.6f;
  m.maxLabelW = fs * 20;
  m.minLabelW = fs * 3;
  m.docPad = fs * 0.3f;
  auto clusterLabel = [&](const std::vector<int>& members) {
    const std::string& first = eventOf[static_cast<size_t>(members.front())]->date;
    const std::string& last = eventOf[static_cast<size_t>(members.back())]->date;
    return (first == last ? first : first + " – " + last) + " · " + std::to_string(members.size()) + " " + Tr("eventsCluster");
  };
  TimelineLayout lay = LayoutTimeline(docIn, eventIn, x0, x1, y, rowH * 0.5f, m, measure, clusterLabel);

  for (const PlacedDoc& pd : lay.docs) {
    const size_t d = docOf[static_cast<size_t>(pd.index)];
    const Document& doc = plan.documents[d];
    ImVec2 a(static_cast<float>(pd.x0), static_cast<float>(pd.y) + 2), b(static_cast<float>(pd.x1), static_cast<float>(pd.y + rowH) - 2);
    bool over = hovered && ImGui::IsMouseHoveringRect(a, b);
    dl->AddRectFilled(a, b, c.documentSpan, 3);
    if (over) dl->AddRect(a, b, c.text, 3, 0, 2);
    ImVec2 lp(static_cast<float>(pd.label.x), static_cast<float>(pd.label.y));
    dl->AddText(lp, pd.labelInside ? c.onSpan : c.axisText, pd.label.text.c_str());
    bool overLabel = hovered && ImGui::IsMouseHoveringRect(lp, ImVec2(lp.x + static_cast<float>(pd.label.w), lp.y + fs));
    if (over || overLabel) {
      ImGui::SetTooltip("%s\n%d–%d\n%s", doc.title.c_str(), doc.period.start, doc.period.end, Tr("filterToDocument"));
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x == 0) {
        st.filter.document = static_cast<int>(d);
        st.filter.subtree = -1;
        app.ShowTab("table");
      }
    }
  }

  auto eventTooltip = [&](const Event& e) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(fs * 30);
    ImGui::Text("%s %s", e.date.c_str(), e.number.empty() ? "" : ("№ " + e.number).c_str());
    ImGui::TextUnformatted(e.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  };
  // The list behind a mark (a cluster, or the events outside the range): pick one to see it whole.
  auto eventList = [&](const std::vector<int>& list, const char* popupId) {
    if (!ImGui::BeginPopup(popupId)) return;
    for (int k : list) {
      const Event& e = *eventOf[static_cast<size_t>(k)];
      std::string line = e.date + "  " + e.title;
      ImGui::PushID(k);
      if (ImGui::Selectable(line.c_str(), e.id == t.selectedEvent)) t.selectedEvent = e.id;
      ImGui::PopID();
    }
    ImGui::EndPopup();
  };
  for (const PlacedEvent& pe : lay.events) {
    const Event& e = *eventOf[static_cast<size_t>(pe.index)];
    if (!pe.members.empty()) {
      float x = static_cast<float>(pe.at), cy = static_cast<float>(pe.markerY), r = static_cast<float>(m.markerR);
      ImVec2 pts[4] = {{x, cy - r * 1.3f}, {x + r * 1.3f, cy}, {x, cy + r * 1.3f}, {x - r * 1.3f, cy}};
      dl->AddConvexPolyFilled(pts, 4, c.milestone);
      dl->AddPolyline(pts, 4, c.text, ImDrawFlags_Closed, 1.5f);
      ImGui::PushID(pe.index);
      ImGui::SetCursorScreenPos(ImVec2(static_cast<float>(pe.label.x), static_cast<float>(pe.label.y) - ImGui::GetStyle().FramePadding.y));
      if (ImGui::SmallButton(pe.label.text.c_str())) ImGui::OpenPopup("##cluster");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("outsideRangeHint"));
      eventList(pe.members, "##cluster");
      ImGui::PopID();
      continue;
    }
    float x = static_cast<float>(pe.at), cy = static_cast<float>(pe.markerY), r = static_cast<float>(m.markerR);
    float ly = static_cast<float>(pe.y);
    if (pe.x1 > pe.x0 + 1)
      dl->AddRectFilled(ImVec2(static_cast<float>(pe.x0), static_cast<float>(pe.lineY) - 1.5f),
                        ImVec2(static_cast<float>(pe.x1), static_cast<float>(pe.lineY) + 1.5f), c.documentSpan);
    ImVec2 pts[4] = {{x, cy - r}, {x + r, cy}, {x, cy + r}, {x - r, cy}};
    dl->AddConvexPolyFilled(pts, 4, e.kind == "act" ? c.milestone : c.pending);
    bool selected = e.id == t.selectedEvent && !e.id.empty();
    ImVec2 lp(static_cast<float>(pe.label.x), static_cast<float>(pe.label.y));
    ImVec2 lq(lp.x + static_cast<float>(pe.label.w), lp.y + fs);
    if (selected) dl->AddRectFilled(ImVec2(lp.x - 2, lp.y), ImVec2(lq.x + 2, lq.y), c.selection, 2);
    dl->AddText(lp, c.axisText, pe.label.text.c_str());
    float left = std::min(x - r, lp.x), right = std::max(x + r, lq.x);
    if (hovered && ImGui::IsMouseHoveringRect(ImVec2(left, ly), ImVec2(right, ly + rowH))) {
      eventTooltip(e);
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x == 0)
        t.selectedEvent = e.id;
    }
  }

  // Events dated outside the shown range: a mark at each edge with a count, and the list
  // on click, rather than markers piled against the edge.
  auto edgeList = [&](const std::vector<int>& list, bool left, const char* popupId, const char* word) {
    if (list.empty()) return;
    std::string mark = left ? "◀ " + std::to_string(list.size()) + " " + word : std::to_string(list.size()) + " " + word + " ▶";
    float mw = ImGui::CalcTextSize(mark.c_str()).x + fs;
    ImVec2 at(left ? o.x : o.x + w - mw, static_cast<float>(lay.eventTop) - rowH * 0.5f - fs * 0.2f);
    ImGui::SetCursorScreenPos(at);
    if (ImGui::SmallButton(mark.c_str())) ImGui::OpenPopup(popupId);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("outsideRangeHint"));
    eventList(list, popupId);
  };
  edgeList(lay.before, true, "##before", Tr("eventsBefore"));
  edgeList(lay.after, false, "##after", Tr("eventsAfter"));
  ImGui::SetCursorScreenPos(o);
  ImGui::Dummy(ImVec2(w, static_cast<float>(lay.bottom - o.y) + rowH));
  ImGui::EndChild();
}

}  // namespace azplan::ui
