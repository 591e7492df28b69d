// The UI font's baked atlas (src/font/ui_font.h): restored, it is the atlas stb_truetype
// builds, texel for texel and glyph for glyph; at any other size the app rasterises.
#include <cstring>

#include <doctest/doctest.h>
#include "font/ui_font.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace {

void BuildWithStb(ImFontAtlas& atlas, float pixels) {
  azplan::font::AddUiFont(&atlas, pixels);
  atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
  REQUIRE(atlas.Build());
}

}  // namespace

TEST_CASE("the baked atlas at 100 % is the atlas stb_truetype builds") {
  const azplan::font::BakedAtlas* baked = azplan::font::UiFontBaked();
  REQUIRE(baked != nullptr);
  ImFontAtlas built, restored;
  BuildWithStb(built, azplan::font::kBasePixels);
  azplan::font::AddUiFont(&restored, azplan::font::kBasePixels);
  REQUIRE(azplan::font::RestoreBaked(&restored, *baked));
  REQUIRE(restored.IsBuilt());

  REQUIRE(restored.TexWidth == built.TexWidth);
  REQUIRE(restored.TexHeight == built.TexHeight);
  CHECK(std::memcmp(restored.TexPixelsAlpha8, built.TexPixelsAlpha8,
                    static_cast<size_t>(built.TexWidth) * static_cast<size_t>(built.TexHeight)) == 0);
  CHECK(restored.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
  CHECK(restored.TexUvWhitePixel.y == built.TexUvWhitePixel.y);
  CHECK(std::memcmp(restored.TexUvLines, built.TexUvLines, sizeof built.TexUvLines) == 0);

  const ImFont& a = *restored.Fonts[0];
  const ImFont& b = *built.Fonts[0];
  CHECK(a.FontSize == b.FontSize);
  CHECK(a.Ascent == b.Ascent);
  CHECK(a.Descent == b.Descent);
  CHECK(a.FallbackChar == b.FallbackChar);
  CHECK(a.EllipsisChar == b.EllipsisChar);
  REQUIRE(a.Glyphs.Size == b.Glyphs.Size);
  CHECK(std::memcmp(a.Glyphs.Data, b.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<size_t>(b.Glyphs.Size)) == 0);
  REQUIRE(a.IndexAdvanceX.Size == b.IndexAdvanceX.Size);
  CHECK(std::memcmp(a.IndexAdvanceX.Data, b.IndexAdvanceX.Data, sizeof(float) * static_cast<size_t>(b.IndexAdvanceX.Size)) == 0);
  // The Azerbaijani letters are there, and the same width as rasterised.
  for (ImWchar c : {ImWchar(0x0259), ImWchar(0x018F), ImWchar(0x015F), ImWchar(0x011F), ImWchar(0x0131), ImWchar(0x0130)}) {
    CAPTURE(c);
    const ImFontGlyph* g = a.FindGlyphNoFallback(c);
    REQUIRE(g != nullptr);
    CHECK(g->AdvanceX == b.FindGlyphNoFallback(c)->AdvanceX);
  }
}

TEST_CASE("another text size is rasterised, not taken from the bake") {
  const azplan::font::BakedAtlas* baked = azplan::font::UiFontBaked();
  REQUIRE(baked != nullptr);
  ImFontAtlas larger;
  azplan::font::AddUiFont(&larger, 18);
  CHECK_FALSE(azplan::font::RestoreBaked(&larger, *baked));
  CHECK_FALSE(larger.IsBuilt());
  larger.FontBuilderIO = azplan::font::BakedOrStbBuilder();
  REQUIRE(larger.Build());
  CHECK(larger.Fonts[0]->FontSize == 18);
  ImFontAtlas reference;
  BuildWithStb(reference, 18);
  CHECK(larger.TexHeight == reference.TexHeight);
  CHECK(larger.Fonts[0]->Glyphs.Size == reference.Fonts[0]->Glyphs.Size);
}

TEST_CASE("a damaged bake is refused and the atlas left to the rasteriser") {
  azplan::font::BakedAtlas damaged = *azplan::font::UiFontBaked();
  damaged.rectCount += 1;  // not the rectangles this atlas has
  ImFontAtlas atlas;
  azplan::font::AddUiFont(&atlas, azplan::font::kBasePixels);
  CHECK_FALSE(azplan::font::RestoreBaked(&atlas, damaged));
  CHECK(atlas.TexPixelsAlpha8 == nullptr);
  atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
  CHECK(atlas.Build());
}
