#include "ui/widgets/text_capture.h"

#include <cmath>
#include <map>
#include <utility>

#include "core/text.h"

namespace azplan::ui {

std::string CaptureDrawnText(const ImDrawData* data) {
  std::string out;
  if (!data) return out;
  const ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  if (!font) return out;
  // A glyph is known by the top-left corner of its cell in the atlas.
  std::map<std::pair<float, float>, const ImFontGlyph*> byUv;
  for (const ImFontGlyph& g : font->Glyphs)
    if (g.Visible) byUv[{g.U0, g.V0}] = &g;
  const float fs = font->FontSize;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
    bool inRun = false;
    float nextPen = 0, baseY = 0;
    for (int i = 0; i + 3 < v.Size; ++i) {
      auto it = byUv.find({v[i].uv.x, v[i].uv.y});
      if (it == byUv.end()) continue;
      const ImFontGlyph& g = *it->second;
      // ImDrawList::PrimRectUV: a, (b.x, a.y), b, (a.x, b.y).
      if (v[i + 1].uv.x != g.U1 || v[i + 1].uv.y != g.V0 || v[i + 2].uv.x != g.U1 || v[i + 2].uv.y != g.V1 ||
          v[i + 3].uv.x != g.U0 || v[i + 3].uv.y != g.V1)
        continue;
      const float pen = v[i].pos.x - g.X0, y = v[i].pos.y - g.Y0;
      if (inRun && std::fabs(y - baseY) < fs * 0.3f && pen >= nextPen - fs * 0.05f && pen - nextPen < fs * 1.5f) {
        if (pen - nextPen > fs * 0.12f) out += ' ';  // spaces draw nothing: a gap is a space
      } else if (inRun) {
        out += '\n';
      }
      AppendUtf8(out, static_cast<char32_t>(g.Codepoint));
      inRun = true;
      nextPen = pen + g.AdvanceX;
      baseY = y;
      i += 3;
    }
    if (inRun) out += '\n';
  }
  return out;
}

}  // namespace azplan::ui
