#include "ui/widgets/theme.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/markup.h"
#include "font/ui_font.h"
#include "ui/strings.h"

namespace azplan::ui {

static Palette g_palette;
static ThemeKind g_kind = ThemeKind::Light;
static float g_pixelRatio = 1, g_textScale = 1, g_fontScale = 0;  // g_fontScale: the atlas as built

const char* ThemeName(ThemeKind k) {
  switch (k) {
    case ThemeKind::Dark: return "dark";
    case ThemeKind::HighContrast: return "contrast";
    default: return "light";
  }
}
ThemeKind ThemeFromName(const std::string& name) {
  if (name == "dark") return ThemeKind::Dark;
  if (name == "contrast") return ThemeKind::HighContrast;
  return ThemeKind::Light;
}
ThemeKind CurrentTheme() { return g_kind; }

void SetTextScale(float scale) {
  scale = std::round(scale * 10) / 10;
  g_textScale = scale < kMinTextScale ? kMinTextScale : scale > kMaxTextScale ? kMaxTextScale : scale;
}
float TextScale() { return g_textScale; }

bool RebuildFontIfNeeded() {
  if (g_fontScale == g_pixelRatio * g_textScale) return false;
  LoadUiFont(g_pixelRatio);
  ApplyTheme(g_kind, g_pixelRatio);
  return true;
}

// Black ground, white text, yellow for what has focus or is hovered; borders on every
// frame so controls are found without colour.
static void StyleHighContrast(ImGuiStyle& style) {
  ImGui::StyleColorsDark(&style);
  ImVec4* c = style.Colors;
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1, 0.92f, 0, 1), blue(0.05f, 0.25f, 0.6f, 1),
      blueHi(0.1f, 0.4f, 0.85f, 1);
  c[ImGuiCol_Text] = white;
  c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
  for (int i : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg, ImGuiCol_TableRowBg}) c[i] = black;
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.12f, 0.12f, 0.12f, 1);
  c[ImGuiCol_Border] = white;
  c[ImGuiCol_FrameBg] = ImVec4(0.08f, 0.08f, 0.08f, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.25f, 0.25f, 0.1f, 1);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.35f, 0.35f, 0.1f, 1);
  for (int i : {ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_Tab, ImGuiCol_TableHeaderBg, ImGuiCol_TitleBg}) c[i] = blue;
  for (int i : {ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered, ImGuiCol_TabHovered, ImGuiCol_TitleBgActive}) c[i] = blueHi;
  for (int i : {ImGuiCol_ButtonActive, ImGuiCol_HeaderActive, ImGuiCol_TabActive}) c[i] = ImVec4(0.15f, 0.5f, 1, 1);
  for (int i : {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive, ImGuiCol_NavHighlight,
                ImGuiCol_SeparatorHovered, ImGuiCol_ResizeGripHovered, ImGuiCol_DragDropTarget})
    c[i] = yellow;
  c[ImGuiCol_Separator] = c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = ImVec4(0.8f, 0.8f, 0.8f, 1);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.1f, 0.4f, 0.85f, 1);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0.8f, 0.8f, 0.8f, 1);
  style.FrameBorderSize = 1;
  style.WindowBorderSize = 1;
  style.PopupBorderSize = 1;
  style.TabBorderSize = 1;
}

// "#rrggbb" → opaque ImU32.
static ImU32 FromHex(const char* hex) {
  unsigned v = static_cast<unsigned>(std::strtoul(hex + 1, nullptr, 16));
  return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

void LoadUiFont(float pixelRatio) {
  g_pixelRatio = pixelRatio;
  g_fontScale = pixelRatio * g_textScale;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  // At 100 % the atlas comes from the build's bake (font/ui_font.h).
  atlas->FontBuilderIO = font::BakedOrStbBuilder();
  font::AddUiFont(atlas, std::round(font::kBasePixels * g_fontScale));
}

void ApplyTheme(ThemeKind kind, float pixelRatio) {
  g_kind = kind;
  g_pixelRatio = pixelRatio;
  const float scale = pixelRatio * g_textScale;
  const bool dark = kind != ThemeKind::Light, contrast = kind == ThemeKind::HighContrast;
  ImGuiStyle style;
  if (contrast) StyleHighContrast(style);
  else if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 2;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.TabRounding = 3;
  style.CellPadding = ImVec2(5, 3);
  style.ScaleAllSizes(scale);
  // Lines as geometry, not as strips of the atlas's baked lines, which need a filtered
  // texture (the renderer samples unfiltered: see LoadUiFont).
  style.AntiAliasedLinesUseTex = false;
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
  g_palette.onSpan = IM_COL32(255, 255, 255, 255);
  if (contrast) {
    g_palette.gridMajor = IM_COL32(255, 255, 255, 150);
    g_palette.gridMinor = IM_COL32(255, 255, 255, 70);
    g_palette.axisText = IM_COL32(255, 255, 255, 255);
    g_palette.rowAlt = IM_COL32(255, 255, 255, 24);
    g_palette.selection = IM_COL32(255, 235, 0, 90);
    g_palette.milestone = IM_COL32(255, 235, 0, 255);
    g_palette.documentSpan = IM_COL32(40, 110, 255, 255);
    g_palette.headerRow = IM_COL32(255, 255, 255, 40);
  }
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
