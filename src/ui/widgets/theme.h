// Named colours and the two themes (light for reports, dark). Views never write colour
// literals; status colours always come with a status mark (ui::StatusMark).
#pragma once
#include <imgui.h>

#include "core/plan.h"

namespace azplan::ui {

struct Palette {
  ImU32 executed, partial, notExecuted, notAssessed, pending;
  ImU32 gridMajor, gridMinor, axisText, rowAlt, selection, today, milestone, documentSpan, headerRow, text, onSpan;
};

enum class ThemeKind { Light, Dark, HighContrast };
const char* ThemeName(ThemeKind k);  // "light", "dark", "contrast" (settings)
ThemeKind ThemeFromName(const std::string& name);

// `pixelRatio` is the display's; the user's text size (SetTextScale) multiplies it.
void ApplyTheme(ThemeKind kind, float pixelRatio);
inline void ApplyTheme(bool dark, float pixelRatio) { ApplyTheme(dark ? ThemeKind::Dark : ThemeKind::Light, pixelRatio); }
ThemeKind CurrentTheme();
// The embedded UI font (Azerbaijani Latin, Cyrillic, the status marks) at 15 px × pixelRatio × text scale.
void LoadUiFont(float pixelRatio);

// The user's text size, 1.0–2.0 (100–200 %), in 10 % steps. Changing it rebuilds the font
// atlas at the new size (sharp text, not a stretched texture) before the next frame.
constexpr float kMinTextScale = 1.0f, kMaxTextScale = 2.0f;
void SetTextScale(float scale);
float TextScale();
// Called by the frame loop before ImGui::NewFrame: when the text size changed, reloads the
// font and the style's sizes and returns true — the renderer must then re-upload the atlas.
bool RebuildFontIfNeeded();
const Palette& Colors();
ImU32 StatusColor(Status s);
// The three report bands for execution percentages: ≤ 10 %, 10–90 %, ≥ 90 %.
ImU32 BandColor(int percent);
const char* StatusLabel(Status s);  // translated

}  // namespace azplan::ui
