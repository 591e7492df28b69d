#include "ui/widget_rects.h"

#include <imgui.h>

namespace azplan::ui {

namespace {
// Only what is on screen: a clipped row or a widget scrolled away cannot be clicked.
bool LastItemOnScreen(ImVec2& a, ImVec2& b) {
  a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGuiIO& io = ImGui::GetIO();
  return !(b.x <= 0 || b.y <= 0 || a.x >= io.DisplaySize.x || a.y >= io.DisplaySize.y || !ImGui::IsItemVisible());
}
}  // namespace

void WidgetRects::NoteLastItem(const char* name, const char* detail, int item) {
  ImVec2 a, b;
  if (LastItemOnScreen(a, b)) entries_.push_back({name, detail, item, a.x, a.y, b.x - a.x, b.y - a.y, {}});
}

void WidgetRects::NoteLastItem(const char* name, std::string key) {
  ImVec2 a, b;
  if (LastItemOnScreen(a, b))
    entries_.push_back({name, nullptr, -1, a.x, a.y, b.x - a.x, b.y - a.y, std::move(key)});
}

}  // namespace azplan::ui
