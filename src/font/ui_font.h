// The UI font: which glyphs, at what size, and the atlas baked at build time.
//
// stb_truetype rasterises ~760 glyphs when the atlas is built. In a browser that ran in
// the module's cold code at every start (50-70 ms on the page's thread, and a 150-200 ms
// optimising compile of the rasteriser on the other core, issue 12). The build runs
// azplan_bake_font (bake_ui_font.cpp) once and compiles its output into the app; at
// start the atlas is copied from it instead. Any other size (text size, pixel ratio) or
// a changed font or setting no longer matches the bake's fingerprint and is rasterised
// as before.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

struct ImFontAtlas;
struct ImFontBuilderIO;

namespace azplan::font {

// The atlas's one font at the given pixel size (15 at 100 %, no pixel ratio).
constexpr float kBasePixels = 15.0f;
void AddUiFont(ImFontAtlas* atlas, float pixels);

// What a bake is valid for: the font bytes, the font's settings and the atlas's.
uint64_t Fingerprint(const ImFontAtlas& atlas);

// A built atlas, as compiled into the app (generated ui_font_baked.cpp).
struct BakedAtlas {
  uint64_t fingerprint;
  int width, height;
  const unsigned char* alpha8;  // width × height coverage
  int rectCount;                // the atlas's own custom rectangles (white pixel, lines)
  const unsigned short* rectXY;  // x, y per rectangle
  float ascent, descent;
  int metricsTotalSurface;
  int glyphCount;
  size_t glyphSize;              // sizeof(ImFontGlyph) where it was baked
  const unsigned char* glyphs;   // glyphCount × glyphSize bytes
};
const BakedAtlas* UiFontBaked();  // nullptr when the build baked nothing

// The C++ source of a BakedAtlas for a built atlas (the bake tool writes it).
std::string BakedAtlasSource(const ImFontAtlas& atlas);
// Fills an atlas that has had AddUiFont from the bake and finishes it as ImGui's own
// builder does; false (atlas untouched) when the bake is not for this atlas.
bool RestoreBaked(ImFontAtlas* atlas, const BakedAtlas& baked);
// An ImGui font builder that restores the bake when it matches and rasterises otherwise.
const ImFontBuilderIO* BakedOrStbBuilder();

}  // namespace azplan::font
