// Build tool: rasterises the UI font's atlas at 100 % and writes it as C++ source
// (font/ui_font.h says why). Usage: azplan_bake_font OUT.cpp
#include <cstdio>
#include <fstream>

#include "font/ui_font.h"
#include "imgui.h"
#include "imgui_internal.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: azplan_bake_font OUT.cpp\n");
    return 2;
  }
  ImFontAtlas atlas;
  azplan::font::AddUiFont(&atlas, azplan::font::kBasePixels);
  atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
  if (!atlas.Build()) {
    std::fprintf(stderr, "azplan_bake_font: the font atlas did not build\n");
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << azplan::font::BakedAtlasSource(atlas);
  out.close();
  if (!out) {
    std::fprintf(stderr, "azplan_bake_font: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}

