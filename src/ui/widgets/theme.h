// Named colours and the two themes (light for reports, dark). Views never write colour
// literals; status colours always come with a status mark (ui::StatusMark).
#pragma once
#include <imgui.h>

#include "core/plan.h"

namespace azplan::ui {

struct Palette {
  ImU32 executed, partial, notExecuted, notAssessed, pending;
  ImU32 gridMajor, gridMinor, axisText, rowAlt, selection, today, milestone, documentSpan, headerRow, text;
};

void ApplyTheme(bool dark, float scale);
// The embedded UI font (Azerbaijani Latin, Cyrillic, the status marks) at 15 px × scale.
void LoadUiFont(float scale);
const Palette& Colors();
ImU32 StatusColor(Status s);
// The three report bands for execution percentages: ≤ 10 %, 10–90 %, ≥ 90 %.
ImU32 BandColor(int percent);
const char* StatusLabel(Status s);  // translated

}  // namespace azplan::ui
