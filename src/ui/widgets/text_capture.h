// The text a frame shows, read back from ImGui's draw lists: every glyph quad is matched
// to its glyph in the font atlas, and glyphs are joined into runs in drawing order. It
// sees all text — widgets' and text the charts draw directly — and only what is visible
// (clipped glyphs are not drawn). The language test reads it (the app's --dump-text).
#pragma once
#include <imgui.h>

#include <string>

namespace azplan::ui {

// One run of text a line (UTF-8), in the order the frame drew them.
std::string CaptureDrawnText(const ImDrawData* data);

}  // namespace azplan::ui
