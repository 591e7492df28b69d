// The Gantt chart: one bar per measure period, coloured by the year's status and marked
// with its symbol; grouping, collapsing, zoom around the mouse, pan, and culling so only
// visible rows and spans are drawn.
#include <imgui.h>

#include <cmath>
#include <ctime>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/exporters.h"
#include "core/filter.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

namespace {

int TodayDay() {
  std::time_t t = std::time(nullptr);
  return static_cast<int>(t / 86400);
}

void DrawToolbar(App& app, GanttState& g, float /*areaX*/, float areaW) {
  const char* groups[] = {Tr("byHierarchy"), Tr("byDocument"), Tr("byAgency")};
  int gi = static_cast<int>(g.grouping);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  if (ImGui::Combo(Tr("groupBy"), &gi, groups, 3)) g.grouping = static_cast<GanttGrouping>(gi);
  // Buttons go to the next line when the view is too narrow for them (large text).
  auto buttonW = [](const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; };
  SameLineOrWrap(buttonW(Tr("zoomOut")));
  // The axis is relative to the time area (originX 0), not to the screen.
  double mid = areaW / 2;
  if (ImGui::SmallButton(Tr("zoomOut"))) g.axis.ZoomAround(mid, 1 / 1.5);
  app.NoteWidget("zoomOut");
  SameLineOrWrap(buttonW(Tr("zoomIn")));
  if (ImGui::SmallButton(Tr("zoomIn"))) g.axis.ZoomAround(mid, 1.5);
  app.NoteWidget("zoomIn");
  SameLineOrWrap(buttonW(Tr("fit")));
  if (ImGui::SmallButton(Tr("fit"))) g.fitted = false;
  // Legend: colour and mark together; an entry that does not fit goes to the next line.
  for (Status s : {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed, Status::Pending}) {
    SameLineOrWrap(ImGui::CalcTextSize(StatusMark(s)).x + 3 + ImGui::CalcTextSize(StatusLabel(s)).x);
    ImGui::PushStyleColor(ImGuiCol_Text, StatusColor(s));
    ImGui::TextUnformatted(StatusMark(s));
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 3);
    ImGui::TextDisabled("%s", StatusLabel(s));
  }
  (void)app;
}

void DrawHatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
  // Diagonal stripes mark ongoing ("mütəmadi") work without relying on colour.
  float step = (b.y - a.y) * 0.9f;
  dl->PushClipRect(a, b, true);
  for (float x = a.x - (b.y - a.y); x < b.x; x += step) dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), col, 1.5f);
  dl->PopClipRect();
}

}  // namespace

void DrawGanttView(App& app) {
  GanttRowsState& cache = app.views().ganttRows;
  UiState& st = app.state();
  GanttState& g = st.gantt;
  const PlanIndex& index = app.editor().index();
  const Plan& plan = app.editor().plan();
  const auto& visible = app.VisibleItems();
  const float fs = ImGui::GetFontSize();
  const float rowH = std::round(fs * 1.55f);
  // The label column: 16 em, less when the view is narrow (large text), never under 10 em.
  const float labelW = std::max(fs * 10, std::min(fs * 16, ImGui::GetContentRegionAvail().x * 0.35f));

  ImVec2 avail = ImGui::GetContentRegionAvail();
  float areaX0 = ImGui::GetCursorScreenPos().x + labelW;
  float areaW = std::max(50.0f, avail.x - labelW - ImGui::GetStyle().ScrollbarSize);
  DrawToolbar(app, g, areaX0, areaW);
  g.areaWidth = areaW;  // the exports' visible span (App::CurrentExportOptions)
  if (!g.fitted) {
    DaySpan span = PlanSpan(index);
    if (!span.known) span = {DaysFromCivil(2016, 1, 1), DaysFromCivil(2028, 12, 31), true};
    g.axis.Fit(span.first, span.last, 0, areaW);
    g.fitted = true;
  }
  DataKey key = app.CurrentDataKey();
  if (!cache.valid || cache.key != key || cache.grouping != g.grouping || cache.collapsed != g.collapsed) {
    cache.rows = BuildGanttRows(index, visible, g.grouping, g.collapsed);
    cache.key = std::move(key);
    cache.valid = true;
    cache.grouping = g.grouping;
    cache.collapsed = g.collapsed;
  }
  const auto& rows = cache.rows;

  // ---- input that moves the time axis ---------------------------------------------------
  // Read before the header is drawn, so the header and the bars of one frame use the same
  // axis: a pan applied in the body showed bars ahead of their years for a frame, and cost
  // a second frame to put right. The body is where it was last drawn (ImGui's hover works
  // from the last frame's rectangles too).
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = g.bodyX1 > g.bodyX0 && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
                       ImGui::IsMouseHoveringRect(ImVec2(g.bodyX0, g.bodyY0), ImVec2(g.bodyX1, g.bodyY1), false);
  // Wheel: scroll rows (in the body, below); Ctrl+wheel: zoom around the mouse; Shift+wheel: pan in time.
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyCtrl) g.axis.ZoomAround(io.MousePos.x - areaX0, std::pow(1.25, io.MouseWheel));
    else if (io.KeyShift) g.axis.Pan(io.MouseWheel * areaW * 0.1);
  }
  if (hovered && io.MouseWheelH != 0) g.axis.Pan(io.MouseWheelH * areaW * 0.1);
  const bool dragging = hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2) && io.MousePos.x > areaX0;
  if (dragging) g.axis.Pan(io.MouseDelta.x);
  if (hovered && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) g.axis.Pan(areaW * 0.1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) g.axis.Pan(-areaW * 0.1);
  }

  // ---- header: years and quarters/months ------------------------------------------------
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Palette& c = Colors();
  ImVec2 head = ImGui::GetCursorScreenPos();
  const float headH = rowH * 2;
  TimeAxis axis = g.axis;
  axis.originX += areaX0;  // the axis is stored relative to the time area
  TickUnit unit = ChooseTickUnit(axis.pxPerDay);
  auto ticks = MakeTicks(axis, areaX0, areaX0 + areaW, unit, Language(), ImGui::CalcTextSize("2020").x + 8);
  dl->PushClipRect(ImVec2(areaX0, head.y), ImVec2(areaX0 + areaW, head.y + headH), true);
  for (size_t k = 0; k < ticks.size(); ++k) {
    const Tick& t = ticks[k];
    bool major = t.unit == TickUnit::Year;
    float y0 = major ? head.y : head.y + rowH;
    dl->AddLine(ImVec2(static_cast<float>(t.x), y0), ImVec2(static_cast<float>(t.x), head.y + headH), c.gridMajor);
    // A label stays inside the visible part of its cell, and is left out where the
    // cell's visible part is too narrow for it (no half-cut "5" for 2015 at the edge).
    double next = areaX0 + areaW;
    for (size_t j = k + 1; j < ticks.size(); ++j)
      if (ticks[j].unit == t.unit && !ticks[j].label.empty()) {
        next = ticks[j].x;
        break;
      }
    float lx = std::max(static_cast<float>(t.x), areaX0) + 3;
    if (!t.label.empty() && next - lx >= ImGui::CalcTextSize(t.label.c_str()).x + 2)
      dl->AddText(ImVec2(lx, y0 + (rowH - fs) / 2), c.axisText, t.label.c_str());
  }
  // Milestones and acts as diamonds along the lower header line.
  for (const auto& e : plan.events) {
    auto d = ParsePartialDate(e.date);
    if (!d) continue;
    float x = static_cast<float>(axis.DayToX(d->FirstDay()));
    if (x < areaX0 - 6 || x > areaX0 + areaW + 6) continue;
    float cy = head.y + headH - fs * 0.45f, r = fs * 0.32f;
    ImVec2 pts[4] = {{x, cy - r}, {x + r, cy}, {x, cy + r}, {x - r, cy}};
    dl->AddConvexPolyFilled(pts, 4, c.milestone);
    if (ImGui::IsMouseHoveringRect(ImVec2(x - r, cy - r), ImVec2(x + r, cy + r)))
    {
      // Long titles wrap instead of running off the screen.
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
      ImGui::Text("◆ %s", e.date.c_str());
      ImGui::TextUnformatted(e.title.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(avail.x, headH));

  // ---- body ------------------------------------------------------------------------------
  // Rows scroll from the body's own window: ImGui applies the new scroll in the next frame.
  float scrollDelta = 0;
  if (hovered && io.MouseWheel != 0 && !io.KeyCtrl && !io.KeyShift) scrollDelta = -io.MouseWheel * rowH * 3;
  if (dragging) scrollDelta = -io.MouseDelta.y;
  ImGui::BeginChild("##ganttbody", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  if (scrollDelta != 0) ImGui::SetScrollY(ImGui::GetScrollY() + scrollDelta);
  g.bodyX0 = ImGui::GetWindowPos().x;
  g.bodyY0 = ImGui::GetWindowPos().y;
  g.bodyX1 = g.bodyX0 + ImGui::GetWindowWidth();
  g.bodyY1 = g.bodyY0 + ImGui::GetWindowHeight();

  ImVec2 origin = ImGui::GetCursorScreenPos();
  const float viewH = ImGui::GetWindowHeight();
  int first, last;
  VisibleRowRange(ImGui::GetScrollY(), viewH, rowH, static_cast<int>(rows.size()), first, last);
  dl = ImGui::GetWindowDrawList();
  const float bodyTop = origin.y;
  // Grid lines once for the whole visible body.
  float visTop = ImGui::GetWindowPos().y, visBottom = visTop + viewH;
  dl->PushClipRect(ImVec2(areaX0, visTop), ImVec2(areaX0 + areaW, visBottom), true);
  for (const auto& t : ticks)
    dl->AddLine(ImVec2(static_cast<float>(t.x), visTop), ImVec2(static_cast<float>(t.x), visBottom),
                t.unit == TickUnit::Year ? c.gridMajor : c.gridMinor);
  // The monitoring year as a light band, and today's line.
  float yx0 = static_cast<float>(axis.DayToX(DaysFromCivil(st.year, 1, 1)));
  float yx1 = static_cast<float>(axis.DayToX(DaysFromCivil(st.year, 12, 31)));
  dl->AddRectFilled(ImVec2(yx0, visTop), ImVec2(yx1, visBottom), c.rowAlt);
  float tx = static_cast<float>(axis.DayToX(TodayDay()));
  dl->AddLine(ImVec2(tx, visTop), ImVec2(tx, visBottom), c.today, 2);
  dl->PopClipRect();

  const float barPad = rowH * 0.2f;
  for (int r = first; r < last; ++r) {
    const GanttRow& row = rows[static_cast<size_t>(r)];
    float y = bodyTop + r * rowH;
    ImVec2 rowMin(origin.x, y), rowMax(areaX0 + areaW, y + rowH);
    if (r % 2) dl->AddRectFilled(rowMin, rowMax, c.rowAlt);
    bool isSelected = row.item >= 0 && index[row.item].id == st.selectedId;
    if (isSelected) dl->AddRectFilled(rowMin, rowMax, c.selection);
    // Label column.
    float lx = origin.x + 4 + row.depth * fs * 0.9f;
    dl->PushClipRect(ImVec2(origin.x, y), ImVec2(areaX0 - 4, y + rowH), true);
    if (row.hasChildren) dl->AddText(ImVec2(lx, y + (rowH - fs) / 2), c.axisText, row.collapsed ? "▸" : "▾");
    float textX = lx + fs;
    std::string label;
    if (row.header) {
      label = (row.label.empty() ? std::string(Tr("toBeAssigned")) : row.label) + " (" + std::to_string(row.count) + ")";
      dl->AddRectFilled(rowMin, ImVec2(areaX0 - 4, y + rowH), c.headerRow);
    } else {
      const Node& n = *index[row.item].node;
      label = n.code + "  " + n.title;
    }
    dl->AddText(ImVec2(textX, y + (rowH - fs) / 2), c.axisText, label.c_str());
    dl->PopClipRect();
    // The label column cuts long titles; the whole text is one hover away.
    if (hovered && ImGui::IsMouseHoveringRect(ImVec2(textX, y), ImVec2(areaX0 - 4, y + rowH)) &&
        textX + ImGui::CalcTextSize(label.c_str()).x > areaX0 - 4) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(fs * 30);
      ImGui::TextUnformatted(label.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    if (row.hasChildren && ImGui::IsMouseHoveringRect(ImVec2(lx, y), ImVec2(lx + fs, y + rowH)) &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hovered) {
      if (!g.collapsed.erase(row.key)) g.collapsed.insert(row.key);
    }
    if (row.header || row.item < 0) continue;
    // Bar.
    DaySpan span = ItemSpan(index, row.item);
    if (!span.known) continue;
    float x0 = static_cast<float>(axis.DayToX(span.first)), x1 = static_cast<float>(axis.DayToX(span.last + 1));
    if (x1 < areaX0 || x0 > areaX0 + areaW) continue;
    x1 = std::max(x1, x0 + 2);  // sub-pixel spans still show
    const auto& item = index[row.item];
    bool assessable = IsAssessableKind(item.node->kind);
    Status s = assessable ? EffectiveStatus(item, st.year) : Status::NotAssessed;
    ImU32 col = assessable ? StatusColor(s) : c.documentSpan;
    dl->PushClipRect(ImVec2(areaX0, y), ImVec2(areaX0 + areaW, y + rowH), true);
    ImVec2 b0(x0, y + barPad), b1(x1, y + rowH - barPad);
    if (!assessable) b0.y = b1.y - rowH * 0.25f;  // summary rows: a thin span
    dl->AddRectFilled(b0, b1, col, 2);
    if (item.period.ongoing) DrawHatch(dl, b0, b1, IM_COL32(255, 255, 255, 110));
    if (item.openEnded) {
      // Drawn to the document's end, but open there: an arrow head, not a closed end that
      // would read as a deadline.
      const float ah = (b1.y - b0.y) / 2, mx = b1.x + 1, my = (b0.y + b1.y) / 2;
      dl->AddTriangleFilled(ImVec2(mx, b0.y), ImVec2(mx + ah, my), ImVec2(mx, b1.y), col);
    }
    if (isSelected) dl->AddRect(ImVec2(b0.x - 1, b0.y - 1), ImVec2(b1.x + 1, b1.y + 1), c.text, 2, 0, 2);
    if (assessable && b1.x - b0.x > fs * 1.2f)
      dl->AddText(ImVec2(std::max(b0.x, areaX0) + 3, y + (rowH - fs) / 2), IM_COL32(255, 255, 255, 255), StatusMark(s));
    dl->PopClipRect();
    // Hover and click.
    if (hovered && ImGui::IsMouseHoveringRect(rowMin, rowMax)) {
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x == 0 &&
          ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).y == 0)
        app.Select(item.id);
      if (io.MousePos.x >= x0 && io.MousePos.x <= x1) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(fs * 28);
        ImGui::Text("%s  %s", item.node->code.c_str(), item.node->title.c_str());
        ImGui::TextDisabled("%s: %s", Tr("lead"), JoinAgencyNames(plan, item.node->lead).c_str());
        ImGui::TextDisabled("%s: %s", Tr("period"), PeriodText(item.period, item.openEnded).c_str());
        if (assessable) ImGui::Text("%d: %s", st.year, StatusText(s).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
  }
  ImGui::Dummy(ImVec2(avail.x - ImGui::GetStyle().ScrollbarSize, rows.size() * rowH));
  ImGui::EndChild();
}

}  // namespace azplan::ui
