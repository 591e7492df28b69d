// The timeline 2013–2028: documents as spans, acts and milestones as markers in lanes
// whose labels never overlap; zoom and pan; clicking a document filters the table.
#include <imgui.h>

#include <cmath>

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
  float y = o.y;
  // Axis.
  auto ticks = MakeTicks(axis, o.x, o.x + w, ChooseTickUnit(axis.pxPerDay, fs * 4), Language());
  float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  for (const auto& tk : ticks) {
    float x = static_cast<float>(tk.x);
    bool major = tk.unit == TickUnit::Year;
    dl->AddLine(ImVec2(x, y + (major ? 0 : rowH)), ImVec2(x, bottom), major ? c.gridMajor : c.gridMinor);
    dl->AddText(ImVec2(x + 3, y + (major ? 0 : rowH)), c.axisText, tk.label.c_str());
  }
  y += rowH * 2.2f;

  // Documents as spans, one lane each (few documents).
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const Document& doc = plan.documents[d];
    if (!doc.period.IsSet()) continue;
    float x0 = static_cast<float>(axis.DayToX(DaysFromCivil(doc.period.start, 1, 1)));
    float x1 = static_cast<float>(axis.DayToX(DaysFromCivil(doc.period.end, 12, 31)));
    ImVec2 a(x0, y + 2), b(std::max(x1, x0 + 2), y + rowH - 2);
    bool over = hovered && ImGui::IsMouseHoveringRect(a, b);
    dl->AddRectFilled(a, b, c.documentSpan, 3);
    if (over) dl->AddRect(a, b, c.text, 3, 0, 2);
    dl->PushClipRect(a, b, true);
    dl->AddText(ImVec2(x0 + 4, y + (rowH - fs) / 2), IM_COL32(255, 255, 255, 255), doc.Label().c_str());
    dl->PopClipRect();
    if (over) {
      ImGui::SetTooltip("%s\n%d–%d\n%s", doc.title.c_str(), doc.period.start, doc.period.end, Tr("filterToDocument"));
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x == 0) {
        st.filter.document = static_cast<int>(d);
        st.filter.subtree = -1;
        app.ShowTab("table");
      }
    }
    y += rowH;
  }
  y += rowH * 0.5f;

  // Events in lanes: label widths measured with the real font, so nothing overlaps.
  std::vector<LaneInput> inputs;
  std::vector<const Event*> events;
  std::vector<std::string> labels;
  for (const auto& e : plan.events) {
    auto d = ParsePartialDate(e.date);
    if (!d) continue;
    LaneInput in;
    in.x0 = axis.DayToX(d->FirstDay());
    in.x1 = e.period.IsSet() ? axis.DayToX(DaysFromCivil(e.period.end, 12, 31)) : in.x0;
    // Short labels keep lanes few; the tooltip has the whole title.
    std::string label = e.date + " " + EllipsizeChars(e.title, 42);
    in.labelWidth = fs * 0.8f + ImGui::CalcTextSize(label.c_str()).x;
    inputs.push_back(in);
    events.push_back(&e);
    labels.push_back(label);
  }
  auto lanes = AssignLanes(inputs, fs * 0.6f);
  int laneCount = 0;
  for (size_t k = 0; k < inputs.size(); ++k) {
    laneCount = std::max(laneCount, lanes[k] + 1);
    float ly = y + lanes[k] * rowH;
    float x = static_cast<float>(inputs[k].x0), x1 = static_cast<float>(inputs[k].x1);
    float cy = ly + rowH / 2, r = fs * 0.35f;
    if (x1 > x + 1) dl->AddRectFilled(ImVec2(x, cy - r * 0.4f), ImVec2(x1, cy + r * 0.4f), c.documentSpan);
    ImVec2 pts[4] = {{x, cy - r}, {x + r, cy}, {x, cy + r}, {x - r, cy}};
    dl->AddConvexPolyFilled(pts, 4, events[k]->kind == "act" ? c.milestone : c.pending);
    dl->AddText(ImVec2(x + r + 3, ly + (rowH - fs) / 2), c.axisText, labels[k].c_str());
    if (hovered && ImGui::IsMouseHoveringRect(ImVec2(x - r, ly), ImVec2(x + static_cast<float>(inputs[k].labelWidth), ly + rowH))) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(fs * 30);
      ImGui::Text("%s %s", events[k]->date.c_str(), events[k]->number.empty() ? "" : ("№ " + events[k]->number).c_str());
      ImGui::TextUnformatted(events[k]->title.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  ImGui::Dummy(ImVec2(w, y - o.y + laneCount * rowH));
  ImGui::EndChild();
}

}  // namespace azplan::ui
