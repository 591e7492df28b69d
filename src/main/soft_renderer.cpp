#include "main/soft_renderer.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace azplan::app {

namespace {

static_assert(sizeof(ImDrawIdx) == 4, "cmake/imgui.cmake sets 32-bit indices");

constexpr uint32_t kOpaque = 0xFF000000u;

// round(x / 255) for x in [0, 255 * 255], without a division.
inline uint32_t Div255(uint32_t x) {
  x += 128;
  return (x + (x >> 8)) >> 8;
}

// dst · (1 − a) + src · a per colour channel (GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA), two
// channels per multiply. The canvas is opaque, so the result's alpha is 255.
inline uint32_t Blend(uint32_t dst, uint32_t src, uint32_t a) {
  if (a >= 255) return src | kOpaque;
  const uint32_t na = 255 - a;
  uint32_t rb = (src & 0xFF00FFu) * a + (dst & 0xFF00FFu) * na + 0x800080u;
  rb = ((rb + ((rb >> 8) & 0xFF00FFu)) >> 8) & 0xFF00FFu;
  uint32_t g = ((src >> 8) & 0xFFu) * a + ((dst >> 8) & 0xFFu) * na + 0x80u;
  g = ((g + (g >> 8)) >> 8) & 0xFFu;
  return rb | (g << 8) | kOpaque;
}

// A colour component interpolated in floating point, back to a byte as GL writes it.
inline uint32_t ToByte(float v) {
  v = std::min(std::max(v, 0.0f), 255.0f);
  return static_cast<uint32_t>(v + 0.5f);
}

// Integer division rounding down / up, for a positive divisor.
inline int64_t FloorDiv(int64_t n, int64_t d) { return n >= 0 ? n / d : -((-n + d - 1) / d); }
inline int64_t CeilDiv(int64_t n, int64_t d) { return n >= 0 ? (n + d - 1) / d : -((-n) / d); }

// A count of pixels from a span computation, clamped to what a picture can hold.
inline int PixelCount(double v) { return static_cast<int>(std::min(std::max(v, -1e8), 1e8)); }

// Sub-pixel precision of the triangle setup (GL requires at least 4 bits).
constexpr int kSubBits = 8;
constexpr int64_t kOne = int64_t(1) << kSubBits;
constexpr int64_t kHalf = kOne / 2;

inline int64_t Fixed(float v) { return static_cast<int64_t>(std::llround(static_cast<double>(v) * kOne)); }

// A linear function of the pixel centre's position: value = c + dx·x + dy·y.
struct Plane {
  float c = 0, dx = 0, dy = 0;
  float At(float x, float y) const { return c + dx * x + dy * y; }
};

Plane MakePlane(float x0, float y0, float x1, float y1, float x2, float y2, float f0, float f1, float f2) {
  const float det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  Plane p;
  p.dx = ((f1 - f0) * (y2 - y0) - (f2 - f0) * (y1 - y0)) / det;
  p.dy = ((f2 - f0) * (x1 - x0) - (f1 - f0) * (x2 - x0)) / det;
  p.c = f0 - p.dx * x0 - p.dy * y0;
  return p;
}

inline float Channel(ImU32 c, int shift) { return static_cast<float>((c >> shift) & 0xFFu); }

}  // namespace

void SoftRenderer::SetTexture(const unsigned char* rgba, int width, int height, float whiteU, float whiteV) {
  invalid_ = true;  // the same UVs may now mean other pixels
  texWidth_ = width;
  texHeight_ = height;
  whiteU_ = whiteU;
  whiteV_ = whiteV;
  const size_t n = static_cast<size_t>(width) * static_cast<size_t>(height);
  texture_.resize(n);
  textureAlpha_.resize(n);
  textureWhite_ = true;
  for (size_t i = 0; i < n; ++i) {
    uint32_t t;
    std::memcpy(&t, rgba + i * 4, 4);
    texture_[i] = t;
    textureAlpha_[i] = static_cast<uint8_t>(t >> 24);
    if ((t & 0xFFFFFFu) != 0xFFFFFFu && (t >> 24) != 0) textureWhite_ = false;
  }
}

uint32_t SoftRenderer::Texel(float u, float v) const {
  if (texture_.empty()) return 0xFFFFFFFFu;
  // GL_NEAREST with GL_CLAMP_TO_EDGE.
  int x = static_cast<int>(std::floor(u * static_cast<float>(texWidth_)));
  int y = static_cast<int>(std::floor(v * static_cast<float>(texHeight_)));
  x = std::min(std::max(x, 0), texWidth_ - 1);
  y = std::min(std::max(y, 0), texHeight_ - 1);
  return texture_[static_cast<size_t>(y) * texWidth_ + x];
}

namespace {

// A 64-bit hash of bytes, eight at a time (a draw command's vertices and indices).
struct Hasher {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  void Word(uint64_t w) {
    h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xFF51AFD7ED558CCDull;
  }
  void Bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (; n >= 8; n -= 8, b += 8) {
      uint64_t w;
      std::memcpy(&w, b, 8);
      Word(w);
    }
    uint64_t w = 0;
    std::memcpy(&w, b, n);
    Word(w ^ n);
  }
};

void Unite(PixelRect& a, const PixelRect& b) {
  if (b.Empty()) return;
  if (a.Empty()) {
    a = b;
    return;
  }
  a = {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

}  // namespace

PixelRect SoftRenderer::Render(const ImDrawData* data, int width, int height, uint32_t clear) {
  if (width <= 0 || height <= 0) return {};
  const size_t n = static_cast<size_t>(width) * static_cast<size_t>(height);
  clear |= kOpaque;
  const bool whole = width != width_ || height != height_ || invalid_ || clear != clear_ || pixelCount_ != n;
  width_ = width;
  height_ = height;
  clear_ = clear;
  invalid_ = false;
  // A new size is drawn whole, so the new buffer is not zeroed first (4.8 MB at
  // 1400 × 860: a pass the first frame does not need).
  if (pixelCount_ != n) {
    pixels_.reset(new uint32_t[n]);
    pixelCount_ = n;
  }

  // Every draw command with its clip (the GL renderer's scissor), the pixels its vertices
  // can reach, and a hash of what it draws.
  commands_.clear();
  float ox = 0, oy = 0, sx = 1, sy = 1;
  if (data && data->DisplaySize.x > 0 && data->DisplaySize.y > 0) {
    ox = data->DisplayPos.x;
    oy = data->DisplayPos.y;
    // Vertices map DisplayPos..DisplayPos+DisplaySize onto the picture, as the GL
    // projection maps them onto the viewport; clip rectangles use FramebufferScale.
    sx = static_cast<float>(width) / data->DisplaySize.x;
    sy = static_cast<float>(height) / data->DisplaySize.y;
    const ImVec2 fs = data->FramebufferScale;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList* list = data->CmdLists[l];
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        Command c;
        c.list = list;
        c.cmd = &cmd;
        if (!cmd.UserCallback) {
          const float cx0 = (cmd.ClipRect.x - ox) * fs.x, cy0 = (cmd.ClipRect.y - oy) * fs.y;
          const float cx1 = (cmd.ClipRect.z - ox) * fs.x, cy1 = (cmd.ClipRect.w - oy) * fs.y;
          if (cx1 <= cx0 || cy1 <= cy0 || cmd.ElemCount == 0) continue;
          // The GL renderer's glScissor, converted back to rows from the top.
          const int gx = static_cast<int>(cx0), gy = static_cast<int>(static_cast<float>(height) - cy1);
          const int gw = static_cast<int>(cx1 - cx0), gh = static_cast<int>(cy1 - cy0);
          c.clip = {std::max(gx, 0), std::max(height - gy - gh, 0), std::min(gx + gw, width), std::min(height - gy, height)};
          if (c.clip.x1 <= c.clip.x0 || c.clip.y1 <= c.clip.y0) continue;
          const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
          const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
          unsigned lo = ~0u, hi = 0;
          for (unsigned i = 0; i < cmd.ElemCount; ++i) {
            lo = std::min(lo, idx[i]);
            hi = std::max(hi, idx[i]);
          }
          float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
          for (unsigned i = lo; i <= hi; ++i) {
            x0 = std::min(x0, vtx[i].pos.x);
            y0 = std::min(y0, vtx[i].pos.y);
            x1 = std::max(x1, vtx[i].pos.x);
            y1 = std::max(y1, vtx[i].pos.y);
          }
          // A pixel is drawn only if its centre lies within the vertices' bounds.
          c.box = {std::max(static_cast<int>(std::floor((x0 - ox) * sx)), c.clip.x0),
                   std::max(static_cast<int>(std::floor((y0 - oy) * sy)), c.clip.y0),
                   std::min(static_cast<int>(std::ceil((x1 - ox) * sx)), c.clip.x1),
                   std::min(static_cast<int>(std::ceil((y1 - oy) * sy)), c.clip.y1)};
          // Where a command sits in the buffers does not matter, only what it draws.
          Hasher h;
          h.Bytes(&c.clip, sizeof c.clip);
          const ImTextureID tex = cmd.GetTexID();
          h.Bytes(&tex, sizeof tex);
          h.Bytes(vtx + lo, (hi - lo + 1) * sizeof(ImDrawVert));
          for (unsigned i = 0; i < cmd.ElemCount; ++i) h.Word(idx[i] - lo);
          c.hash = h.h;
        }
        commands_.push_back(c);
      }
    }
  }

  const PixelRect damage = whole ? PixelRect{0, 0, width, height} : Damage();
  previous_.resize(commands_.size());
  for (size_t i = 0; i < commands_.size(); ++i) previous_[i] = {commands_[i].list, commands_[i].hash, commands_[i].box};
  if (damage.Empty()) return damage;

  // Only the damaged rectangle is cleared and drawn again; the rasteriser's result at a
  // pixel does not depend on how far its clip reaches.
  for (int y = damage.y0; y < damage.y1; ++y) {
    uint32_t* row = pixels_.get() + static_cast<size_t>(y) * width_;
    std::fill(row + damage.x0, row + damage.x1, clear);
  }
  for (const Command& c : commands_) {
    if (c.cmd->UserCallback) {
      if (c.cmd->UserCallback != ImDrawCallback_ResetRenderState) c.cmd->UserCallback(c.list, c.cmd);
      continue;
    }
    const Clip clip{std::max(c.clip.x0, damage.x0), std::max(c.clip.y0, damage.y0), std::min(c.clip.x1, damage.x1),
                    std::min(c.clip.y1, damage.y1)};
    if (clip.x1 <= clip.x0 || clip.y1 <= clip.y0 || c.box.Empty() || c.box.x1 <= damage.x0 || c.box.x0 >= damage.x1 ||
        c.box.y1 <= damage.y0 || c.box.y0 >= damage.y1)
      continue;
    DrawList(c.list->VtxBuffer.Data + c.cmd->VtxOffset, c.list->IdxBuffer.Data + c.cmd->IdxOffset, c.cmd->ElemCount,
             clip, ox, oy, sx, sy);
  }
  return damage;
}

// What changed since the previous frame. Commands are compared with the one at the same
// place in the same draw list (ImGui keeps one list per window): a Gantt zoom changes the
// Gantt's commands, not the panels beside it. The old and the new box of each command that
// differs are damaged, all of a list that appeared or went, and a command inserted early
// in a list marks all after it in that list. A pixel outside is covered by the same
// commands in the same order as before, as long as the lists kept their order; when they
// did not (a window brought to the front), every command is compared in painter's order.
PixelRect SoftRenderer::Damage() const {
  struct Run {
    const ImDrawList* list;
    size_t begin, end;
  };
  auto runsOf = [](const auto& v, auto listOf) {
    std::vector<Run> runs;
    for (size_t i = 0; i < v.size(); ++i)
      if (runs.empty() || runs.back().list != listOf(v[i])) runs.push_back({listOf(v[i]), i, i + 1});
      else runs.back().end = i + 1;
    return runs;
  };
  const std::vector<Run> now = runsOf(commands_, [](const Command& c) { return c.list; });
  const std::vector<Run> before = runsOf(previous_, [](const Drawn& d) { return d.list; });
  PixelRect damage;
  auto compare = [&](size_t n0, size_t n1, size_t b0, size_t b1) {
    const size_t common = std::min(n1 - n0, b1 - b0);
    for (size_t i = 0; i < common; ++i)
      if (commands_[n0 + i].hash != previous_[b0 + i].hash) {
        Unite(damage, commands_[n0 + i].box);
        Unite(damage, previous_[b0 + i].box);
      }
    for (size_t i = n0 + common; i < n1; ++i) Unite(damage, commands_[i].box);
    for (size_t i = b0 + common; i < b1; ++i) Unite(damage, previous_[i].box);
  };
  // The lists both frames drew, matched in order; a list seen twice in a frame, or
  // common lists in another order, fall back to the whole comparison.
  bool ordered = true;
  size_t next = 0;  // in `before`, where the search for the next common list starts
  std::vector<char> matched(before.size(), 0);
  for (const Run& r : now) {
    size_t k = next;
    while (k < before.size() && before[k].list != r.list) ++k;
    if (k == before.size()) {
      for (size_t j = 0; j < next; ++j)
        if (before[j].list == r.list) ordered = false;  // there, but earlier: reordered
      if (!ordered) break;
      compare(r.begin, r.end, 0, 0);  // new
      continue;
    }
    if (matched[k]) {
      ordered = false;
      break;
    }
    matched[k] = 1;
    compare(r.begin, r.end, before[k].begin, before[k].end);
    next = k + 1;
  }
  if (!ordered) {
    damage = {};
    compare(0, commands_.size(), 0, previous_.size());
    return damage;
  }
  for (size_t k = 0; k < before.size(); ++k)
    if (!matched[k]) compare(0, 0, before[k].begin, before[k].end);  // gone
  return damage;
}

void SoftRenderer::DrawList(const ImDrawVert* vtx, const unsigned* idx, unsigned count, const Clip& clip, float ox,
                            float oy, float sx, float sy) {
  unsigned i = 0;
  while (i + 3 <= count) {
    if (fastPaths_ && i + 6 <= count && TryQuad(vtx, idx + i, clip, ox, oy, sx, sy)) {
      i += 6;
      continue;
    }
    Triangle(vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], clip, ox, oy, sx, sy);
    i += 3;
  }
}

// ImGui's PrimRect and PrimRectUV: corners a, b, c, d as triangles (a, b, c), (a, c, d).
bool SoftRenderer::TryQuad(const ImDrawVert* v, const unsigned* idx, const Clip& clip, float ox, float oy, float sx,
                           float sy) {
  if (idx[3] != idx[0] || idx[4] != idx[2]) return false;
  const ImDrawVert &a = v[idx[0]], &b = v[idx[1]], &c = v[idx[2]], &d = v[idx[5]];
  if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
  const bool bRight = b.pos.x == c.pos.x && b.pos.y == a.pos.y && d.pos.x == a.pos.x && d.pos.y == c.pos.y;
  const bool bBelow = b.pos.x == a.pos.x && b.pos.y == c.pos.y && d.pos.x == c.pos.x && d.pos.y == a.pos.y;
  if (!bRight && !bBelow) return false;
  const float x0 = (a.pos.x - ox) * sx, y0 = (a.pos.y - oy) * sy;
  const float x1 = (c.pos.x - ox) * sx, y1 = (c.pos.y - oy) * sy;

  // One texel under the whole quad (usually the white one): a solid fill.
  const bool constantUv = a.uv.x == b.uv.x && a.uv.x == c.uv.x && a.uv.x == d.uv.x && a.uv.y == b.uv.y &&
                          a.uv.y == c.uv.y && a.uv.y == d.uv.y;
  if (constantUv) {
    uint32_t color = a.col;
    const float qx = 0.25f / static_cast<float>(std::max(texWidth_, 1)), qy = 0.25f / static_cast<float>(std::max(texHeight_, 1));
    if (std::fabs(a.uv.x - whiteU_) >= qx || std::fabs(a.uv.y - whiteV_) >= qy) {
      const uint32_t t = Texel(a.uv.x, a.uv.y);
      color = 0;
      for (int s = 0; s < 32; s += 8) color |= Div255(((a.col >> s) & 0xFFu) * ((t >> s) & 0xFFu)) << s;
    }
    FillRect(std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), color, clip);
    return true;
  }

  // A glyph: the UV rectangle follows the screen rectangle one texel per pixel.
  if (!textureWhite_ || texture_.empty() || !(x1 > x0) || !(y1 > y0)) return false;
  auto uOf = [&](const ImDrawVert& p) { return p.pos.x == a.pos.x ? a.uv.x : c.uv.x; };
  auto vOf = [&](const ImDrawVert& p) { return p.pos.y == a.pos.y ? a.uv.y : c.uv.y; };
  if (uOf(b) != b.uv.x || vOf(b) != b.uv.y || uOf(d) != d.uv.x || vOf(d) != d.uv.y) return false;
  const float tw = static_cast<float>(texWidth_), th = static_cast<float>(texHeight_);
  if (std::fabs((c.uv.x - a.uv.x) * tw - (x1 - x0)) > 0.01f || std::fabs((c.uv.y - a.uv.y) * th - (y1 - y0)) > 0.01f)
    return false;
  // The texel under pixel px is floor(u0·W + px + 0.5 − x0): px plus a constant. The
  // small bias keeps a texel edge computed as 36.99998 on its side.
  const int offX = static_cast<int>(std::floor(a.uv.x * tw + 0.5f - x0 + 1e-3f));
  const int offY = static_cast<int>(std::floor(a.uv.y * th + 0.5f - y0 + 1e-3f));
  BlitGlyph(x0, y0, x1, y1, offX, offY, a.col, clip);
  return true;
}

// The pixels whose centres lie in [x0, x1) × [y0, y1): the top-left rule for a rectangle.
void SoftRenderer::FillRect(float x0, float y0, float x1, float y1, uint32_t color, const Clip& clip) {
  const int ix0 = std::max(static_cast<int>(std::ceil(x0 - 0.5f)), clip.x0);
  const int ix1 = std::min(static_cast<int>(std::ceil(x1 - 0.5f)), clip.x1);
  const int iy0 = std::max(static_cast<int>(std::ceil(y0 - 0.5f)), clip.y0);
  const int iy1 = std::min(static_cast<int>(std::ceil(y1 - 0.5f)), clip.y1);
  if (ix1 <= ix0 || iy1 <= iy0) return;
  const uint32_t a = color >> 24;
  if (a == 0) return;
  const uint32_t rgb = color & 0xFFFFFFu;
  for (int y = iy0; y < iy1; ++y) {
    uint32_t* row = pixels_.get() + static_cast<size_t>(y) * width_;
    if (a == 255) std::fill(row + ix0, row + ix1, rgb | kOpaque);
    else
      for (int x = ix0; x < ix1; ++x) row[x] = Blend(row[x], rgb, a);
  }
}

void SoftRenderer::BlitGlyph(float x0, float y0, float x1, float y1, int offX, int offY, uint32_t color,
                             const Clip& clip) {
  int ix0 = std::max(static_cast<int>(std::ceil(x0 - 0.5f)), clip.x0);
  int ix1 = std::min(static_cast<int>(std::ceil(x1 - 0.5f)), clip.x1);
  int iy0 = std::max(static_cast<int>(std::ceil(y0 - 0.5f)), clip.y0);
  int iy1 = std::min(static_cast<int>(std::ceil(y1 - 0.5f)), clip.y1);
  // Texels outside the atlas would be clamped to its edge; a glyph never reaches there,
  // so those pixels are simply left out.
  ix0 = std::max(ix0, -offX);
  ix1 = std::min(ix1, texWidth_ - offX);
  iy0 = std::max(iy0, -offY);
  iy1 = std::min(iy1, texHeight_ - offY);
  if (ix1 <= ix0 || iy1 <= iy0) return;
  const uint32_t ca = color >> 24;
  if (ca == 0) return;
  const uint32_t rgb = color & 0xFFFFFFu;
  for (int y = iy0; y < iy1; ++y) {
    uint32_t* row = pixels_.get() + static_cast<size_t>(y) * width_;
    const uint8_t* tex = textureAlpha_.data() + static_cast<size_t>(y + offY) * texWidth_ + offX;
    for (int x = ix0; x < ix1; ++x) {
      const uint32_t t = tex[x];
      if (t == 0) continue;
      row[x] = Blend(row[x], rgb, ca == 255 ? t : Div255(ca * t));
    }
  }
}

// Any triangle: pixel centres inside it, edges shared by two triangles drawn once (the
// top-left rule), colour and UV interpolated linearly (there is no perspective here).
void SoftRenderer::Triangle(const ImDrawVert& va, const ImDrawVert& vb, const ImDrawVert& vc, const Clip& clip,
                            float ox, float oy, float sx, float sy) {
  const ImDrawVert* v[3] = {&va, &vb, &vc};
  int64_t X[3], Y[3];
  for (int k = 0; k < 3; ++k) {
    X[k] = Fixed((v[k]->pos.x - ox) * sx);
    Y[k] = Fixed((v[k]->pos.y - oy) * sy);
  }
  int64_t area = (X[1] - X[0]) * (Y[2] - Y[0]) - (Y[1] - Y[0]) * (X[2] - X[0]);
  if (area == 0) return;
  if (area < 0) {
    std::swap(v[1], v[2]);
    std::swap(X[1], X[2]);
    std::swap(Y[1], Y[2]);
    area = -area;
  }
  const int64_t minX = std::min({X[0], X[1], X[2]}), maxX = std::max({X[0], X[1], X[2]});
  const int64_t minY = std::min({Y[0], Y[1], Y[2]}), maxY = std::max({Y[0], Y[1], Y[2]});
  const int px0 = static_cast<int>(std::max<int64_t>(FloorDiv(minX - kHalf, kOne), clip.x0));
  const int px1 = static_cast<int>(std::min<int64_t>(CeilDiv(maxX - kHalf, kOne) + 1, clip.x1));
  const int py0 = static_cast<int>(std::max<int64_t>(FloorDiv(minY - kHalf, kOne), clip.y0));
  const int py1 = static_cast<int>(std::min<int64_t>(CeilDiv(maxY - kHalf, kOne) + 1, clip.y1));
  if (px1 <= px0 || py1 <= py0) return;

  // Edge k runs from vertex k+1 to k+2; with the winding above, the inside is where
  // E(p) = (bx − ax)(py − ay) − (by − ay)(px − ax) ≥ 0. A top edge (horizontal, going
  // right) or a left edge (going up) keeps the pixels on it; the others leave them to
  // the neighbouring triangle.
  struct Edge {
    int64_t stepX, stepY, atOrigin, threshold;
  } e[3];
  for (int k = 0; k < 3; ++k) {
    const int a = (k + 1) % 3, b = (k + 2) % 3;
    const int64_t dx = X[b] - X[a], dy = Y[b] - Y[a];
    const bool topLeft = (dy == 0 && dx > 0) || dy < 0;
    e[k].stepX = -dy * kOne;
    e[k].stepY = dx * kOne;
    // E at the centre of pixel (px0, py0).
    e[k].atOrigin = dx * (py0 * kOne + kHalf - Y[a]) - dy * (px0 * kOne + kHalf - X[a]);
    e[k].threshold = topLeft ? 0 : 1;
  }

  const ImU32 c0 = v[0]->col, c1 = v[1]->col, c2 = v[2]->col;
  const bool flat = c0 == c1 && c0 == c2;
  // ImGui's anti-aliased fringes keep the colour and fade only its alpha: one plane.
  const bool onlyAlpha = !flat && ((c0 ^ c1) & 0xFFFFFFu) == 0 && ((c0 ^ c2) & 0xFFFFFFu) == 0;
  const float qx = 0.25f / static_cast<float>(std::max(texWidth_, 1)), qy = 0.25f / static_cast<float>(std::max(texHeight_, 1));
  auto white = [&](const ImDrawVert* p) { return std::fabs(p->uv.x - whiteU_) < qx && std::fabs(p->uv.y - whiteV_) < qy; };
  const bool textured = !texture_.empty() && !(white(v[0]) && white(v[1]) && white(v[2]));
  const float fx[3] = {static_cast<float>(X[0]) / kOne, static_cast<float>(X[1]) / kOne, static_cast<float>(X[2]) / kOne};
  const float fy[3] = {static_cast<float>(Y[0]) / kOne, static_cast<float>(Y[1]) / kOne, static_cast<float>(Y[2]) / kOne};
  auto plane = [&](float f0, float f1, float f2) { return MakePlane(fx[0], fy[0], fx[1], fy[1], fx[2], fy[2], f0, f1, f2); };
  Plane pc[4], pu, pv;
  if (onlyAlpha) pc[3] = plane(Channel(c0, 24), Channel(c1, 24), Channel(c2, 24));
  else if (!flat)
    for (int s = 0; s < 4; ++s) pc[s] = plane(Channel(c0, s * 8), Channel(c1, s * 8), Channel(c2, s * 8));
  if (textured) {
    pu = plane(v[0]->uv.x, v[1]->uv.x, v[2]->uv.x);
    pv = plane(v[0]->uv.y, v[1]->uv.y, v[2]->uv.y);
  }

  for (int py = py0; py < py1; ++py) {
    const int64_t dyRows = py - py0;
    int lo = px0, hi = px1 - 1;
    for (int k = 0; k < 3 && lo <= hi; ++k) {
      const int64_t e0 = e[k].atOrigin + e[k].stepY * dyRows;
      const int64_t t = e[k].threshold, a = e[k].stepX;
      // The pixels of this row where e0 + a·(px − px0) ≥ t. The quotient in double is
      // exact enough (|e| < 2^45, and a non-integer quotient lies at least 1/|a| away
      // from an integer) and several times cheaper than a 64-bit division.
      if (a > 0) lo = std::max(lo, px0 + PixelCount(std::ceil(static_cast<double>(t - e0) / static_cast<double>(a))));
      else if (a < 0) hi = std::min(hi, px0 + PixelCount(std::floor(static_cast<double>(e0 - t) / static_cast<double>(-a))));
      else if (e0 < t) hi = lo - 1;
    }
    if (lo > hi) continue;
    uint32_t* row = pixels_.get() + static_cast<size_t>(py) * width_;
    const float cy = static_cast<float>(py) + 0.5f;
    if (flat && !textured) {
      // The inside of rounded frames and of ImGui's filled shapes: one colour.
      const uint32_t a = c0 >> 24, rgb = c0 & 0xFFFFFFu;
      if (a == 255) std::fill(row + lo, row + hi + 1, rgb | kOpaque);
      else if (a)
        for (int px = lo; px <= hi; ++px) row[px] = Blend(row[px], rgb, a);
      continue;
    }
    if (onlyAlpha && !textured) {
      const uint32_t rgb = c0 & 0xFFFFFFu;
      const float rowAlpha = pc[3].c + pc[3].dy * cy;
      for (int px = lo; px <= hi; ++px) {
        const uint32_t a = ToByte(rowAlpha + pc[3].dx * (static_cast<float>(px) + 0.5f));
        if (a) row[px] = Blend(row[px], rgb, a);
      }
      continue;
    }
    for (int px = lo; px <= hi; ++px) {
      const float cx = static_cast<float>(px) + 0.5f;
      uint32_t col;
      if (flat) col = c0;
      else
        col = ToByte(pc[0].At(cx, cy)) | ToByte(pc[1].At(cx, cy)) << 8 | ToByte(pc[2].At(cx, cy)) << 16 |
              ToByte(pc[3].At(cx, cy)) << 24;
      if (textured) {
        const uint32_t tx = Texel(pu.At(cx, cy), pv.At(cx, cy));
        uint32_t m = 0;
        for (int s = 0; s < 32; s += 8) m |= Div255(((col >> s) & 0xFFu) * ((tx >> s) & 0xFFu)) << s;
        col = m;
      }
      const uint32_t a = col >> 24;
      if (a) row[px] = Blend(row[px], col & 0xFFFFFFu, a);
    }
  }
}

}  // namespace azplan::app
