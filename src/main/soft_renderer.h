// Draws ImGui's draw data into an RGBA8 buffer on the CPU, for browsers whose WebGL is
// itself a CPU rasteriser (SwiftShader, llvmpipe, WARP: office laptops, remote desktops).
//
// Why: in Chromium's software compositing every WebGL frame is finished, read back to the
// CPU and composited again (~40 ms of readback plus ~8 ms of compositing per frame, and
// ~57 MiB in the GPU process), while a 2D canvas frame costs one vsync. Drawing the same
// triangles here and handing the changed rectangle to a 2D canvas skips all of that.
//
// The picture matches src/main/gl_renderer.cpp: straight alpha blending (SRC_ALPHA,
// ONE_MINUS_SRC_ALPHA), the clip rectangle as scissor, the font atlas sampled unfiltered,
// the atlas's white texel as a solid fill, per-vertex colours interpolated (ImGui's
// anti-aliased fringes), pixel centres at +0.5 with the top-left fill rule.
//
// Plain C++ (no GL, no Emscripten), so it is unit-tested natively (tests/app).
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

struct ImDrawData;
struct ImDrawList;
struct ImDrawVert;
struct ImDrawCmd;

namespace azplan::app {

// Pixels [x0, x1) × [y0, y1), top row first.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool Empty() const { return x1 <= x0 || y1 <= y0; }
};

class SoftRenderer {
 public:
  // The font atlas as ImGui gives it (GetTexDataAsRGBA32) and its white texel's UV
  // (TexUvWhitePixel). Copied: call again after the atlas is rebuilt.
  void SetTexture(const unsigned char* rgba, int width, int height, float whiteU, float whiteV);

  // Draws `data` over a width × height picture cleared to `clear` (an ImU32, alpha
  // ignored: the canvas is opaque) and returns the rectangle that may differ from the
  // previous picture: where draw commands changed (all of it after a size change, a new
  // clear colour or texture, or Invalidate; empty when nothing changed). Only that
  // rectangle is drawn again: a Gantt pan leaves the menu, tabs and panels alone.
  PixelRect Render(const ImDrawData* data, int width, int height, uint32_t clear);

  // The last picture: Width() × Height() RGBA8 pixels (bytes R, G, B, A), top row first.
  const uint8_t* Pixels() const { return reinterpret_cast<const uint8_t*>(pixels_.get()); }
  int Width() const { return width_; }
  int Height() const { return height_; }

  // The screen lost its picture (a resized canvas is cleared): report all of the next one.
  void Invalidate() { invalid_ = true; }

  // Off: every quad goes through the general triangle rasteriser (the tests check that
  // the fast paths draw exactly what it draws).
  void SetFastPaths(bool on) {
    fastPaths_ = on;
    invalid_ = true;
  }

 private:
  using Clip = PixelRect;
  struct Command {
    const ImDrawList* list = nullptr;
    const ImDrawCmd* cmd = nullptr;
    PixelRect clip, box;  // box: the pixels its vertices reach, within the clip
    uint64_t hash = 0;
  };
  struct Drawn {
    const ImDrawList* list;  // compared, never dereferenced: the list may be gone
    uint64_t hash;
    PixelRect box;
  };
  PixelRect Damage() const;
  void DrawList(const ImDrawVert* vtx, const unsigned* idx, unsigned count, const Clip& clip, float ox, float oy,
                float sx, float sy);
  bool TryQuad(const ImDrawVert* v, const unsigned* idx, const Clip& clip, float ox, float oy, float sx, float sy);
  void FillRect(float x0, float y0, float x1, float y1, uint32_t color, const Clip& clip);
  void BlitGlyph(float x0, float y0, float x1, float y1, int tx0, int ty0, uint32_t color, const Clip& clip);
  void Triangle(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const Clip& clip, float ox, float oy,
                float sx, float sy);
  uint32_t Texel(float u, float v) const;

  int width_ = 0, height_ = 0;
  bool invalid_ = true;
  bool fastPaths_ = true;
  uint32_t clear_ = 0;
  std::unique_ptr<uint32_t[]> pixels_;  // the picture, kept between frames
  size_t pixelCount_ = 0;
  std::vector<Command> commands_;       // this frame's
  std::vector<Drawn> previous_;         // what the previous frame's commands drew
  std::vector<uint32_t> texture_;       // RGBA8 as ImU32
  std::vector<uint8_t> textureAlpha_;   // its alpha, for glyph blits
  bool textureWhite_ = true;            // every texel's colour is white (only alpha varies)
  int texWidth_ = 0, texHeight_ = 0;
  float whiteU_ = 0, whiteV_ = 0;
};

}  // namespace azplan::app
