#include "ui/widgets/draw_stats.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace azplan::ui {

namespace {

// Area of a triangle clipped to an axis-aligned rectangle (Sutherland–Hodgman, one edge of
// the rectangle at a time).
double ClippedArea(ImVec2 a, ImVec2 b, ImVec2 c, const ImVec4& clip) {
  std::vector<ImVec2> poly{a, b, c}, next;
  auto clipBy = [&](auto inside, auto cross) {
    next.clear();
    for (size_t i = 0; i < poly.size(); ++i) {
      ImVec2 p = poly[i], q = poly[(i + 1) % poly.size()];
      bool pin = inside(p), qin = inside(q);
      if (pin) next.push_back(p);
      if (pin != qin) next.push_back(cross(p, q));
    }
    poly.swap(next);
  };
  auto atX = [](float x) {
    return [x](ImVec2 p, ImVec2 q) { float t = (x - p.x) / (q.x - p.x); return ImVec2(x, p.y + t * (q.y - p.y)); };
  };
  auto atY = [](float y) {
    return [y](ImVec2 p, ImVec2 q) { float t = (y - p.y) / (q.y - p.y); return ImVec2(p.x + t * (q.x - p.x), y); };
  };
  clipBy([&](ImVec2 p) { return p.x >= clip.x; }, atX(clip.x));
  if (poly.empty()) return 0;
  clipBy([&](ImVec2 p) { return p.x <= clip.z; }, atX(clip.z));
  if (poly.empty()) return 0;
  clipBy([&](ImVec2 p) { return p.y >= clip.y; }, atY(clip.y));
  if (poly.empty()) return 0;
  clipBy([&](ImVec2 p) { return p.y <= clip.w; }, atY(clip.w));
  double twice = 0;
  for (size_t i = 0; i < poly.size(); ++i) {
    const ImVec2& p = poly[i];
    const ImVec2& q = poly[(i + 1) % poly.size()];
    twice += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
  }
  return std::fabs(twice) / 2;
}

}  // namespace

DrawStats MeasureDraw(const ImDrawData* data) {
  DrawStats s;
  if (!data) return s;
  s.screenPixels = static_cast<double>(data->DisplaySize.x) * data->DisplaySize.y;
  const ImVec4 screen(data->DisplayPos.x, data->DisplayPos.y, data->DisplayPos.x + data->DisplaySize.x,
                      data->DisplayPos.y + data->DisplaySize.y);
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    s.vertices += list->VtxBuffer.Size;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.ElemCount == 0) continue;
      ImVec4 clip(std::max(cmd.ClipRect.x, screen.x), std::max(cmd.ClipRect.y, screen.y), std::min(cmd.ClipRect.z, screen.z),
                  std::min(cmd.ClipRect.w, screen.w));
      if (clip.z <= clip.x || clip.w <= clip.y) continue;
      ++s.drawCalls;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
        const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
        s.filledPixels += ClippedArea(v[idx[0]].pos, v[idx[1]].pos, v[idx[2]].pos, clip);
        ++s.triangles;
      }
    }
  }
  return s;
}

}  // namespace azplan::ui
