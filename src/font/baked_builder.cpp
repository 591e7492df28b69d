// The app's font builder: the bake when it is for this atlas, stb_truetype otherwise.
// Apart from ui_font.cpp because the bake tool links that and has no bake.
#include "font/ui_font.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace azplan::font {

static bool Build(ImFontAtlas* atlas) {
  const BakedAtlas* baked = UiFontBaked();
  if (baked && RestoreBaked(atlas, *baked)) return true;
  return ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas);
}

const ImFontBuilderIO* BakedOrStbBuilder() {
  static const ImFontBuilderIO io = {Build};
  return &io;
}

}  // namespace azplan::font
