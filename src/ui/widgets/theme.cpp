#include "ui/widgets/theme.h"

#include <cmath>
#include <cstdlib>

#include "core/markup.h"
#include "embedded/embedded.h"
#include "ui/strings.h"

namespace azplan::ui {

static Palette g_palette;

// "#rrggbb" → opaque ImU32.
static ImU32 FromHex(const char* hex) {
  unsigned v = static_cast<unsigned>(std::strtoul(hex + 1, nullptr, 16));
  return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

void LoadUiFont(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar kRanges[] = {0x0020, 0x024F, 0x0259, 0x0259, 0x02BC, 0x02BC, 0x0400, 0x045F,
                                    0x2010, 0x203A, 0x2116, 0x2116, 0x2190, 0x2193, 0x2212, 0x2212,
                                    0x25A0, 0x25D1, 0x2610, 0x2612, 0x2713, 0x2718, 0xFFFD, 0xFFFD, 0};
  const EmbeddedFile* font = UiFontFiles();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = 2;
  io.Fonts->Clear();
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font->data), static_cast<int>(font->size),
                                 std::round(15.0f * scale), &cfg, kRanges);
}

void ApplyTheme(bool dark, float scale) {
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 2;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.TabRounding = 3;
  style.CellPadding = ImVec2(5, 3);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
  // The exporters' colours (core/markup), in both themes, so a status reads the same on
  // screen and in every export.
  g_palette.executed = FromHex(azplan::StatusColor(Status::Executed));
  g_palette.partial = FromHex(azplan::StatusColor(Status::Partial));
  g_palette.notExecuted = FromHex(azplan::StatusColor(Status::NotExecuted));
  g_palette.notAssessed = FromHex(azplan::StatusColor(Status::NotAssessed));
  g_palette.pending = FromHex(azplan::StatusColor(Status::Pending));
  g_palette.gridMajor = dark ? IM_COL32(255, 255, 255, 60) : IM_COL32(0, 0, 0, 60);
  g_palette.gridMinor = dark ? IM_COL32(255, 255, 255, 22) : IM_COL32(0, 0, 0, 22);
  g_palette.axisText = dark ? IM_COL32(220, 220, 220, 255) : IM_COL32(40, 40, 40, 255);
  g_palette.rowAlt = dark ? IM_COL32(255, 255, 255, 8) : IM_COL32(0, 0, 0, 8);
  g_palette.selection = dark ? IM_COL32(90, 140, 255, 70) : IM_COL32(60, 110, 230, 50);
  g_palette.today = IM_COL32(200, 40, 120, 200);
  g_palette.milestone = dark ? IM_COL32(240, 200, 90, 255) : IM_COL32(150, 90, 10, 255);
  g_palette.documentSpan = dark ? IM_COL32(100, 140, 200, 200) : IM_COL32(90, 130, 190, 200);
  g_palette.headerRow = dark ? IM_COL32(255, 255, 255, 20) : IM_COL32(0, 0, 0, 16);
  g_palette.text = ImGui::GetColorU32(ImGuiCol_Text);
}

const Palette& Colors() { return g_palette; }

ImU32 StatusColor(Status s) {
  switch (s) {
    case Status::Executed: return g_palette.executed;
    case Status::Partial: return g_palette.partial;
    case Status::NotExecuted: return g_palette.notExecuted;
    case Status::NotAssessed: return g_palette.notAssessed;
    case Status::Pending: return g_palette.pending;
  }
  return g_palette.pending;
}

ImU32 BandColor(int percent) {
  if (percent <= 10) return g_palette.notExecuted;
  if (percent >= 90) return g_palette.executed;
  return g_palette.partial;
}

const char* StatusLabel(Status s) { return Tr(StatusKey(s)); }

}  // namespace azplan::ui
