// The software renderer (src/main/soft_renderer.h) draws what the GL renderer draws: fills
// inside their clip rectangle, straight alpha blending, glyphs from the atlas's alpha,
// triangles under the top-left rule, interpolated fringes; and it reports only what
// changed since the previous picture.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdint>
#include <cstdlib>
#include <memory>

#include "main/soft_renderer.h"

using azplan::app::PixelRect;
using azplan::app::SoftRenderer;

namespace {

// An ImGui context with its built-in font (one texel per pixel, like the app's), one draw
// list to draw into, and the renderer fed with the atlas.
struct Scene {
  int w, h;
  ImGuiContext* ctx;
  std::unique_ptr<ImDrawList> list;
  ImDrawData data;
  ImDrawList* lists[1];
  SoftRenderer r;
  SoftRenderer fresh;  // draws every frame whole: the picture `r` must match
  int texW = 0, texH = 0;
  unsigned char* tex = nullptr;

  Scene(int width, int height) : w(width), h(height) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60;
    io.Fonts->GetTexDataAsRGBA32(&tex, &texW, &texH);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    ImGui::NewFrame();
    r.SetTexture(tex, texW, texH, io.Fonts->TexUvWhitePixel.x, io.Fonts->TexUvWhitePixel.y);
    fresh.SetTexture(tex, texW, texH, io.Fonts->TexUvWhitePixel.x, io.Fonts->TexUvWhitePixel.y);
    Reset();
  }
  ~Scene() {
    list.reset();
    ImGui::EndFrame();
    ImGui::DestroyContext(ctx);
  }
  void Reset() {
    list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    list->_ResetForNewFrame();
    list->PushClipRectFullScreen();
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
  }
  PixelRect Draw(ImU32 clear) {
    lists[0] = list.get();
    data = ImDrawData();
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list->VtxBuffer.Size;
    data.TotalIdxCount = list->IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    data.FramebufferScale = ImVec2(1, 1);
    return r.Render(&data, w, h, clear);
  }
  // ImGui's last frame drawn by `r` (only what changed) and whole by `fresh`: the two
  // pictures must be the same. Returns what `r` damaged.
  PixelRect RenderMatchingFresh(ImU32 clear) {
    const PixelRect damage = r.Render(ImGui::GetDrawData(), w, h, clear);
    fresh.Invalidate();
    fresh.Render(ImGui::GetDrawData(), w, h, clear);
    CHECK(std::equal(fresh.Pixels(), fresh.Pixels() + static_cast<size_t>(w) * h * 4, r.Pixels()));
    return damage;
  }
  uint32_t At(int x, int y) const {
    const uint8_t* p = r.Pixels() + (static_cast<size_t>(y) * w + x) * 4;
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
  }
  int Channel(int x, int y, int c) const { return r.Pixels()[(static_cast<size_t>(y) * w + x) * 4 + c]; }
  // A triangle through ImGui's own primitive writer, with a colour per vertex.
  void Tri(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 ca, ImU32 cb, ImU32 cc) {
    const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
    list->PrimReserve(3, 3);
    const ImDrawIdx base = static_cast<ImDrawIdx>(list->_VtxCurrentIdx);
    list->PrimWriteVtx(a, uv, ca);
    list->PrimWriteVtx(b, uv, cb);
    list->PrimWriteVtx(c, uv, cc);
    list->PrimWriteIdx(base);
    list->PrimWriteIdx(base + 1);
    list->PrimWriteIdx(base + 2);
  }
};

constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBlack = IM_COL32(0, 0, 0, 255);

bool Near(int a, int b, int tolerance = 1) { return std::abs(a - b) <= tolerance; }

}  // namespace

TEST_CASE("soft renderer: the picture starts as the clear colour, opaque") {
  Scene s(32, 16);
  s.Draw(IM_COL32(10, 20, 30, 0));
  CHECK(s.At(0, 0) == IM_COL32(10, 20, 30, 255));
  CHECK(s.At(31, 15) == IM_COL32(10, 20, 30, 255));
}

TEST_CASE("soft renderer: a filled rectangle covers the pixels whose centres it holds, inside its clip") {
  Scene s(40, 30);
  s.list->AddRectFilled(ImVec2(2, 3), ImVec2(12, 8), IM_COL32(255, 0, 0, 255));
  s.list->PushClipRect(ImVec2(20, 10), ImVec2(25, 14));
  s.list->AddRectFilled(ImVec2(15, 5), ImVec2(35, 25), IM_COL32(0, 255, 0, 255));  // clipped to 20..25 × 10..14
  s.list->PopClipRect();
  s.Draw(kBlack);
  int red = 0, green = 0;
  for (int y = 0; y < 30; ++y)
    for (int x = 0; x < 40; ++x) {
      const uint32_t p = s.At(x, y);
      if (p == IM_COL32(255, 0, 0, 255)) {
        ++red;
        CHECK((x >= 2 && x < 12 && y >= 3 && y < 8));
      } else if (p == IM_COL32(0, 255, 0, 255)) {
        ++green;
        CHECK((x >= 20 && x < 25 && y >= 10 && y < 14));
      } else {
        CHECK(p == kBlack);
      }
    }
  CHECK(red == 10 * 5);
  CHECK(green == 5 * 4);
}

TEST_CASE("soft renderer: straight alpha blending over the background") {
  Scene s(8, 8);
  s.list->AddRectFilled(ImVec2(0, 0), ImVec2(4, 8), IM_COL32(255, 0, 0, 128));
  s.list->AddRectFilled(ImVec2(4, 0), ImVec2(8, 8), IM_COL32(255, 255, 255, 64));
  s.list->AddRectFilled(ImVec2(4, 0), ImVec2(8, 8), IM_COL32(0, 0, 0, 0));  // fully transparent: nothing
  s.Draw(IM_COL32(0, 0, 255, 255));
  // src·a + dst·(1 − a), per channel, rounded.
  CHECK(Near(s.Channel(1, 1, 0), 128));
  CHECK(Near(s.Channel(1, 1, 1), 0));
  CHECK(Near(s.Channel(1, 1, 2), 127));
  CHECK(s.Channel(1, 1, 3) == 255);
  CHECK(Near(s.Channel(6, 6, 0), 64));
  CHECK(Near(s.Channel(6, 6, 1), 64));
  CHECK(Near(s.Channel(6, 6, 2), 255));
}

TEST_CASE("soft renderer: a glyph is the atlas's alpha blended in the text colour") {
  Scene s(64, 32);
  ImFont* font = ImGui::GetFont();
  const ImFontGlyph* g = font->FindGlyph('W');
  REQUIRE(g);
  const ImVec2 at(10, 5);
  s.list->AddText(at, kBlack, "W");
  s.Draw(kWhite);
  const int gx0 = static_cast<int>(at.x + g->X0), gy0 = static_cast<int>(at.y + g->Y0);
  const int gw = static_cast<int>(g->X1 - g->X0), gh = static_cast<int>(g->Y1 - g->Y0);
  const int tx0 = static_cast<int>(g->U0 * s.texW + 0.5f), ty0 = static_cast<int>(g->V0 * s.texH + 0.5f);
  REQUIRE(gw > 2);
  int inked = 0;
  for (int y = 0; y < gh; ++y)
    for (int x = 0; x < gw; ++x) {
      const int alpha = s.tex[((ty0 + y) * s.texW + tx0 + x) * 4 + 3];
      const int expected = 255 - alpha;  // black over white
      CHECK(Near(s.Channel(gx0 + x, gy0 + y, 0), expected));
      inked += alpha > 0;
    }
  CHECK(inked > 5);
  // The glyph's fast path draws what the general rasteriser draws.
  std::vector<uint8_t> fast(s.r.Pixels(), s.r.Pixels() + 64 * 32 * 4);
  s.r.SetFastPaths(false);
  s.Draw(kWhite);
  CHECK(std::equal(fast.begin(), fast.end(), s.r.Pixels()));
}

TEST_CASE("soft renderer: a triangle covers pixel centres under the top-left rule") {
  Scene s(16, 16);
  // Corners on pixel centres: the top edge (y = 0.5) and the left edge (x = 0.5) keep the
  // pixels on them, the diagonal (x + y = 9) leaves them out.
  s.Tri(ImVec2(0.5f, 0.5f), ImVec2(8.5f, 0.5f), ImVec2(0.5f, 8.5f), kWhite, kWhite, kWhite);
  s.Draw(kBlack);
  int covered = 0;
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 16; ++x) {
      const bool in = s.At(x, y) == kWhite;
      covered += in;
      CHECK(in == (x + y <= 7));
    }
  CHECK(covered == 36);
}

TEST_CASE("soft renderer: triangles sharing edges draw each pixel once (either winding)") {
  Scene s(24, 24);
  // A fan of half-transparent triangles around a centre, alternating windings: a pixel
  // drawn twice would be darker, one left out would stay black.
  const ImU32 half = IM_COL32(255, 255, 255, 128);
  const ImVec2 c(11.3f, 12.7f);
  const ImVec2 ring[] = {{2.2f, 2.5f}, {20.1f, 1.9f}, {21.6f, 20.4f}, {3.3f, 21.7f}};
  for (int i = 0; i < 4; ++i) {
    const ImVec2 a = ring[i], b = ring[(i + 1) % 4];
    if (i % 2) s.Tri(c, a, b, half, half, half);
    else s.Tri(c, b, a, half, half, half);
  }
  s.Draw(kBlack);
  for (int y = 6; y < 18; ++y)
    for (int x = 6; x < 18; ++x) CHECK(Near(s.Channel(x, y, 0), 128));
}

TEST_CASE("soft renderer: colours are interpolated across a fringe") {
  Scene s(110, 10);
  // A band fading from opaque white on the left to transparent on the right, as ImGui's
  // anti-aliased fringes do over a pixel.
  const ImU32 on = kWhite, off = IM_COL32(255, 255, 255, 0);
  s.Tri(ImVec2(0, 0), ImVec2(100, 0), ImVec2(100, 10), on, off, off);
  s.Tri(ImVec2(0, 0), ImVec2(100, 10), ImVec2(0, 10), on, off, on);
  s.Draw(kBlack);
  // At pixel centre x + 0.5 the alpha is 255·(1 − (x + 0.5)/100).
  for (int x : {0, 10, 49, 75, 99}) CHECK(Near(s.Channel(x, 5, 0), static_cast<int>(255 * (1 - (x + 0.5) / 100) + 0.5), 2));
  for (int x = 1; x < 100; ++x) CHECK(s.Channel(x, 5, 0) <= s.Channel(x - 1, 5, 0));
}

TEST_CASE("soft renderer: fast paths draw what the general rasteriser draws, on a real frame") {
  Scene s(300, 200);
  // Widgets, text, rounded frames, borders, a circle and a line: every kind of geometry.
  ImGui::SetNextWindowPos(ImVec2(5, 5));
  ImGui::SetNextWindowSize(ImVec2(280, 180));
  ImGui::Begin("w");
  ImGui::Text("Gantt 2017 – əşğıİ");
  bool b = true;
  ImGui::Checkbox("box", &b);
  ImGui::Button("Button");
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(200, 100), 20, IM_COL32(200, 40, 120, 200));
  ImGui::GetWindowDrawList()->AddLine(ImVec2(20, 150), ImVec2(250, 120), IM_COL32(0, 0, 0, 255), 1.5f);
  ImGui::End();
  ImGui::Render();
  const ImDrawData* d = ImGui::GetDrawData();
  s.r.Render(d, 300, 200, kWhite);
  std::vector<uint8_t> fast(s.r.Pixels(), s.r.Pixels() + 300 * 200 * 4);
  s.r.SetFastPaths(false);
  s.r.Render(d, 300, 200, kWhite);
  CHECK(std::equal(fast.begin(), fast.end(), s.r.Pixels()));
  int changed = 0;
  for (size_t i = 0; i < fast.size(); i += 4) changed += fast[i] != 255 || fast[i + 1] != 255;
  CHECK(changed > 2000);
  ImGui::NewFrame();  // the scene's destructor ends this frame
}

TEST_CASE("soft renderer: the damaged rectangle is where draw commands changed") {
  Scene s(100, 80);
  s.list->AddRectFilled(ImVec2(10, 10), ImVec2(20, 20), IM_COL32(255, 0, 0, 255));
  PixelRect first = s.Draw(kWhite);
  CHECK((first.x0 == 0 && first.y0 == 0 && first.x1 == 100 && first.y1 == 80));  // the first picture: all of it

  PixelRect same = s.Draw(kWhite);
  CHECK(same.Empty());

  // The rectangle moves right and down: the old and the new place.
  s.Reset();
  s.list->AddRectFilled(ImVec2(30, 25), ImVec2(40, 35), IM_COL32(255, 0, 0, 255));
  PixelRect moved = s.Draw(kWhite);
  CHECK(moved.x0 == 10);
  CHECK(moved.y0 == 10);
  CHECK(moved.x1 == 40);
  CHECK(moved.y1 == 35);

  // After Invalidate (the canvas was cleared) the whole picture again.
  s.r.Invalidate();
  PixelRect all = s.Draw(kWhite);
  CHECK((all.x0 == 0 && all.y0 == 0 && all.x1 == 100 && all.y1 == 80));
  CHECK(s.Draw(kWhite).Empty());
}

TEST_CASE("soft renderer: drawing only what changed gives the picture a fresh renderer draws") {
  Scene s(320, 220);
  // A window with a scrolled region and a moving shape, frame after frame.
  for (int frame = 0; frame < 6; ++frame) {
    if (frame) ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(5, 5));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("w");
    ImGui::Text("frame %d", frame < 3 ? 0 : frame);
    ImGui::BeginChild("rows", ImVec2(200, 120), true);
    ImGui::SetScrollY(static_cast<float>(frame * 7));
    for (int i = 0; i < 30; ++i) ImGui::Text("row %d", i);
    ImGui::EndChild();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(250.0f + frame * 3, 150), 12, IM_COL32(200, 40, 120, 200));
    ImGui::End();
    ImGui::Render();
    const PixelRect damage = s.RenderMatchingFresh(kWhite);
    if (frame > 0) CHECK((damage.x1 - damage.x0) * (damage.y1 - damage.y0) < 320 * 220);  // not all of it
  }
  ImGui::NewFrame();  // the scene's destructor ends this frame
}

TEST_CASE("soft renderer: a window whose commands change damages itself, not the windows drawn after it") {
  Scene s(320, 160);
  // No title bars: a window's focus would change another's title colour.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
  auto frame = [&](int k, bool third) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(100, 100));
    ImGui::Begin("changing", nullptr, flags);
    // Each clipped line is a draw command of its own: the window's command count changes.
    for (int i = 0; i < k % 3; ++i) {
      const ImVec2 at = ImGui::GetCursorScreenPos();
      ImGui::PushClipRect(at, ImVec2(at.x + 50, at.y + 15), true);
      ImGui::Text("line %d", i);
      ImGui::PopClipRect();
    }
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(150, 10));
    ImGui::SetNextWindowSize(ImVec2(100, 100));
    ImGui::Begin("still", nullptr, flags);  // drawn after "changing"
    ImGui::Text("the same");
    ImGui::End();
    if (third) {
      ImGui::SetNextWindowPos(ImVec2(260, 100));
      ImGui::SetNextWindowSize(ImVec2(50, 50));
      ImGui::Begin("new", nullptr, flags);
      ImGui::End();
    }
    ImGui::Render();
    return s.RenderMatchingFresh(kWhite);
  };
  ImGui::EndFrame();  // the scene's frame; each step below is one whole frame
  for (int k = 0; k < 3; ++k) frame(k, false);  // settle the windows' first frames
  for (int k = 3; k < 7; ++k) {
    const PixelRect d = frame(k, false);
    CHECK(!d.Empty());
    CHECK(d.x0 >= 10);
    CHECK(d.x1 <= 110);  // "still", at x 150, is not drawn again
  }
  // A window appears: only its place (and its border's anti-aliased pixel).
  const PixelRect added = frame(6, true);
  CHECK(added.x0 >= 259);
  CHECK(added.y0 >= 99);
  // It goes: its place again.
  const PixelRect gone = frame(6, false);
  CHECK(gone.x0 >= 259);
  // The windows change order (the front one brought back): still the right picture.
  ImGui::SetWindowFocus("changing");
  frame(6, false);
  frame(7, false);
  ImGui::NewFrame();  // the scene's destructor ends this frame
}

TEST_CASE("soft renderer: a new size, clear colour or texture is damaged whole") {
  Scene s(50, 40);
  s.Draw(kWhite);
  s.w = 60;
  PixelRect r = s.Draw(kWhite);
  CHECK((r.x0 == 0 && r.y0 == 0 && r.x1 == 60 && r.y1 == 40));
  CHECK(s.Draw(kWhite).Empty());
  r = s.Draw(kBlack);
  CHECK((r.x0 == 0 && r.y0 == 0 && r.x1 == 60 && r.y1 == 40));
  s.r.SetTexture(s.tex, s.texW, s.texH, ImGui::GetIO().Fonts->TexUvWhitePixel.x, ImGui::GetIO().Fonts->TexUvWhitePixel.y);
  r = s.Draw(kBlack);
  CHECK((r.x0 == 0 && r.y0 == 0 && r.x1 == 60 && r.y1 == 40));
}
