#include "main/frame_pacer.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "core/dates.h"
#include "ui/redraw.h"

namespace azplan::app {

namespace {

// FNV-1a over 64-bit words: the picture's vertices, indices, clip rectangles and
// textures. A few hundred kilobytes a frame; far cheaper than rasterising them again.
struct Hash {
  uint64_t h = 1469598103934665603ull;
  void Bytes(const void* p, size_t n) {
    const unsigned char* b = static_cast<const unsigned char*>(p);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, b + i, 8);
      h = (h ^ w) * 1099511628211ull;
    }
    for (; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  }
};

}  // namespace

void FramePacer::OnInput(double now) {
  owed_ = std::max(owed_, kFramesAfterInput);
  lastInput_ = now;
}

bool FramePacer::WantsFrame(double now, bool inputHeld) {
  // Every source is asked, so a request is used up even when input also wants the frame.
  bool requested = ui::TakeFrameRequest(now);
  bool owed = owed_ > 0;
  if (owed) --owed_;
  bool held = inputHeld && now - lastInput_ < kHeldWindow;
  return requested || owed || held;
}

bool FramePacer::PictureChanged(const ImDrawData* data, int fbw, int fbh) {
  Hash hash;
  hash.Bytes(&fbw, sizeof fbw);
  hash.Bytes(&fbh, sizeof fbh);
  for (int n = 0; data && n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    hash.Bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.Bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      hash.Bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
      ImTextureID tex = cmd.GetTexID();
      hash.Bytes(&tex, sizeof tex);
      hash.Bytes(&cmd.ElemCount, sizeof cmd.ElemCount);
    }
  }
  if (hash.h == 0) hash.h = 1;  // 0 means "nothing shown"
  if (hash.h == shown_) return false;
  shown_ = hash.h;
  PictureShown();
  return true;
}

double FramePacer::SleepSeconds(double now, bool inputHeld) const {
  if (owed_ > 0 || (inputHeld && now - lastInput_ < kHeldWindow)) return 0;
  return ui::SecondsToNextRequest(now);
}

double SecondsToNextDay() {
  const std::time_t t = std::time(nullptr);
  const std::tm local = NowLocal();
  double toLocal = 86400.0 - (local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec);
  double toUtc = 86400.0 - static_cast<double>(t % 86400);
  return std::min(toLocal, toUtc) + 1;
}

}  // namespace azplan::app
