// How the user wants the app to look, remembered between sessions (platform storage,
// key "azplan.display"): theme, text size, language and the side panels' widths.
// Pure encode/decode here; App loads them at start and saves them when they change.
#pragma once
#include <string>
#include <string_view>

namespace azplan::ui {

struct DisplaySettings {
  std::string theme = "light";  // light, dark, contrast
  float textScale = 1;          // 1.0–2.0
  std::string language;         // "az", "en"; empty = the default
  float leftPanel = 0, rightPanel = 0;  // widths in pixels at 100 %; 0 = the default share of the window
  bool leftCollapsed = false, rightCollapsed = false;
  bool panelsChosen = false;  // the user opened or closed a panel: no automatic strip on narrow windows
  // The tables' column widths, order and visibility as the user left them: the [Table]
  // sections of ImGui's settings text (TableColumnLayouts picks them out).
  std::string tableColumns;

  bool operator==(const DisplaySettings& o) const;
  bool operator!=(const DisplaySettings& o) const { return !(*this == o); }
};

// Only the [Table][...] sections of ImGui's settings text (windows' places are the app's own).
std::string TableColumnLayouts(std::string_view imguiSettings);

std::string EncodeDisplaySettings(const DisplaySettings& s);
// Unknown or malformed values keep their defaults; numbers are clamped to what the UI allows.
DisplaySettings DecodeDisplaySettings(std::string_view json);

}  // namespace azplan::ui
