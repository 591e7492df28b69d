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

// Bars that wrap instead of being cut: puts the next item (of `nextWidth`) on the same
// line when it still fits in the window, else lets it start the next line.
void SameLineOrWrap(float nextWidth);
float CheckboxWidth(const char* label);
float SmallButtonWidth(const char* label);

// TableHeadersRow with each header's full text on hover (a narrow column cuts its header;
// abbreviated headers get their explanation): `tips[k]` or, when null, the column's name.
void TableHeadersRowWithTips(const char* const* tips = nullptr);

// A vertical bar between two panels that can be dragged; `width` is the panel's width,
// kept within [minW, maxW]. True while it is being dragged.
bool Splitter(const char* id, float& width, float minW, float maxW, float height, bool panelOnLeft);

}  // namespace azplan::ui
