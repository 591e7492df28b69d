// Where a few named widgets were drawn in the last frame, so tests find them by name
// instead of by pixel position (App::StateJson publishes them as "widgets"). Recording
// is cheap, a name pointer and four floats per widget; names are resolved into text
// only when the state is asked for.
#pragma once
#include <string>
#include <vector>

namespace azplan::ui {

class WidgetRects {
 public:
  struct Entry {
    const char* name;    // a string literal ("search", "menu.file", "tab", "row")
    const char* detail;  // a string literal told apart under the name ("gantt" in "tab:gantt"), or nullptr
    int item;            // for per-item widgets (table rows): the index item, else -1
    float x, y, w, h;
    std::string key;     // for widgets of things other than index items (an indicator's id), else empty
  };
  void BeginFrame() { entries_.clear(); }
  // The last ImGui item, under `name` (with `detail` or `item` for one of many: a tab, a
  // table row). Every string must outlive the frame (literals, the view table).
  void NoteLastItem(const char* name, const char* detail = nullptr, int item = -1);
  // The last ImGui item, under `name` with a key of its own ("kpi" with an indicator's id).
  void NoteLastItem(const char* name, std::string key);
  const std::vector<Entry>& Entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

}  // namespace azplan::ui
