#include "ui/widget_rects.h"

#include <imgui.h>

namespace azplan::ui {

void WidgetRects::NoteLastItem(const char* name, const char* detail, int item) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  // Only what is on screen: a clipped row or a widget scrolled away cannot be clicked.
  ImGuiIO& io = ImGui::GetIO();
  if (b.x <= 0 || b.y <= 0 || a.x >= io.DisplaySize.x || a.y >= io.DisplaySize.y || !ImGui::IsItemVisible()) return;
  entries_.push_back({name, detail, item, a.x, a.y, b.x - a.x, b.y - a.y});
}

}  // namespace azplan::ui
