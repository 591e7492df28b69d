// Small drawing helpers shared by the views.
#pragma once
#include <imgui.h>

#include <string>

#include "core/monitoring.h"

namespace azplan::ui {

// "✔ icra edilmişdir": the mark first so status never relies on colour alone.
std::string StatusText(Status s);
void StatusBadge(Status s);  // coloured mark + label
// A stacked executed / partial / not-executed bar with the weighted score after it.
void ExecutionBar(const Tally& t, float width, float height);
// Text that is cut with "…" when it does not fit, with the full text as a tooltip.
void TextEllipsized(const std::string& text, float maxWidth);
std::string PeriodText(const Period& p);

}  // namespace azplan::ui
