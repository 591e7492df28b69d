#include "ui/display_settings.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace azplan::ui {

bool DisplaySettings::operator==(const DisplaySettings& o) const {
  return theme == o.theme && textScale == o.textScale && language == o.language && leftPanel == o.leftPanel &&
         rightPanel == o.rightPanel && leftCollapsed == o.leftCollapsed && rightCollapsed == o.rightCollapsed;
}

std::string EncodeDisplaySettings(const DisplaySettings& s) {
  nlohmann::json o = {{"theme", s.theme},           {"textScale", s.textScale},   {"language", s.language},
                      {"leftPanel", s.leftPanel},   {"rightPanel", s.rightPanel}, {"leftCollapsed", s.leftCollapsed},
                      {"rightCollapsed", s.rightCollapsed}};
  return o.dump();
}

DisplaySettings DecodeDisplaySettings(std::string_view json) {
  DisplaySettings s;
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
  return s;
}

}  // namespace azplan::ui
