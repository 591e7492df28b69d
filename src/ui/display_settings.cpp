#include "ui/display_settings.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace azplan::ui {

namespace {
// A few tables with a few columns each need well under this; more is not ours.
constexpr size_t kMaxTableColumns = 64 * 1024;
}  // namespace

bool DisplaySettings::operator==(const DisplaySettings& o) const {
  return theme == o.theme && textScale == o.textScale && language == o.language && leftPanel == o.leftPanel &&
         rightPanel == o.rightPanel && leftCollapsed == o.leftCollapsed && rightCollapsed == o.rightCollapsed &&
         panelsChosen == o.panelsChosen && tableColumns == o.tableColumns;
}

std::string EncodeDisplaySettings(const DisplaySettings& s) {
  nlohmann::json o = {{"theme", s.theme},           {"textScale", s.textScale},   {"language", s.language},
                      {"leftPanel", s.leftPanel},   {"rightPanel", s.rightPanel}, {"leftCollapsed", s.leftCollapsed},
                      {"rightCollapsed", s.rightCollapsed}, {"panelsChosen", s.panelsChosen}};
  if (!s.tableColumns.empty()) o["tableColumns"] = s.tableColumns;
  return o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DisplaySettings DecodeDisplaySettings(std::string_view json) {
  DisplaySettings s;
  // Nothing stored yet (a first visit): the defaults, without starting the JSON parser,
  // whose first call in the browser costs its compilation (about 10 ms) at start-up.
  if (IsBlank(json)) return s;
  nlohmann::json o = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (!o.is_object()) return s;
  auto str = [&](const char* k, std::string& out, std::initializer_list<const char*> allowed) {
    auto it = o.find(k);
    if (it == o.end() || !it->is_string()) return;
    for (const char* a : allowed)
      if (*it == a) out = a;
  };
  auto num = [&](const char* k, float& out, float lo, float hi) {
    auto it = o.find(k);
    if (it == o.end() || !it->is_number()) return;
    double v = it->get<double>();
    if (std::isfinite(v)) out = std::clamp(static_cast<float>(v), lo, hi);
  };
  auto flag = [&](const char* k, bool& out) {
    auto it = o.find(k);
    if (it != o.end() && it->is_boolean()) out = it->get<bool>();
  };
  str("theme", s.theme, {"light", "dark", "contrast"});
  str("language", s.language, {"az", "en"});
  num("textScale", s.textScale, 1, 2);
  num("leftPanel", s.leftPanel, 0, 4000);
  num("rightPanel", s.rightPanel, 0, 4000);
  flag("leftCollapsed", s.leftCollapsed);
  flag("rightCollapsed", s.rightCollapsed);
  flag("panelsChosen", s.panelsChosen);
  auto columns = o.find("tableColumns");
  if (columns != o.end() && columns->is_string() && columns->get_ref<const std::string&>().size() <= kMaxTableColumns)
    s.tableColumns = TableColumnLayouts(columns->get_ref<const std::string&>());
  return s;
}

std::string TableColumnLayouts(std::string_view text) {
  std::string out;
  bool keep = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line[0] == '[') keep = line.rfind("[Table][", 0) == 0;
    if (keep) out.append(line).append("\n");
    pos = end + 1;
  }
  return out;
}

}  // namespace azplan::ui
