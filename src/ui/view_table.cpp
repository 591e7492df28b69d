#include "ui/view_table.h"

#include "ui/views/views.h"

namespace azplan::ui {

const std::vector<ViewEntry>& Views() {
  static const std::vector<ViewEntry> kViews = {
      {"table", "table", DrawTableView, "Ctrl+Shift+1", '1'},
      {"gantt", "gantt", DrawGanttView, "Ctrl+Shift+2", '2'},
      {"timeline", "timeline", DrawTimelineView, "Ctrl+Shift+3", '3'},
      {"dashboard", "dashboard", DrawDashboardView, "Ctrl+Shift+4", '4'},
      {"indicators", "indicators", DrawIndicatorsView, "Ctrl+Shift+5", '5'},
  };
  return kViews;
}

int FindView(std::string_view name) {
  const auto& views = Views();
  for (size_t i = 0; i < views.size(); ++i)
    if (name == views[i].name) return static_cast<int>(i);
  return -1;
}

std::string ViewNameList() {
  const auto& views = Views();
  std::string out;
  for (size_t i = 0; i < views.size(); ++i) {
    if (i) out += i + 1 == views.size() ? " or " : ", ";
    out += views[i].name;
  }
  return out;
}

}  // namespace azplan::ui
