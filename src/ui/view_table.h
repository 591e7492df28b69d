// The views of the central area, one row each. The tab bar, the View menu, the URL
// (?tab= and the fragment's tab=), the command line (--tab) and the view shortcuts are
// all made from this table: adding a view is adding a row (docs/ARCHITECTURE.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace azplan::ui {

class App;

struct ViewEntry {
  const char* name;       // URL and command-line name (?tab=, #tab=, --tab); stable, never translated
  const char* labelKey;   // strings key of the tab label and the View menu entry
  void (*draw)(App&);     // draws the tab's contents
  const char* shortcut;   // as shown in the View menu ("Ctrl+Shift+1"); nullptr for none
  int shortcutKey;        // the key pressed with Ctrl+Shift (GLFW key code: digits are ASCII); 0 for none
};

// The views in tab order. The first one is shown at start.
const std::vector<ViewEntry>& Views();
// Index of the view with this URL name, or -1.
int FindView(std::string_view name);
// "table, gantt, timeline, dashboard or indicators", for messages and --help.
std::string ViewNameList();

}  // namespace azplan::ui
