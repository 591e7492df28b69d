#include "ui/redraw.h"

#include <algorithm>

namespace azplan::ui {
namespace {
int g_frames = 0;
double g_dueAt = -1;  // absolute seconds on the loop's clock; < 0: none
double g_lastNow = 0;
}  // namespace

void RequestFrames(int frames) { g_frames = std::max(g_frames, frames); }

void RequestFrameAfter(double seconds) {
  double at = g_lastNow + std::max(0.0, seconds);
  if (g_dueAt < 0 || at < g_dueAt) g_dueAt = at;
}

bool TakeFrameRequest(double nowSeconds) {
  g_lastNow = nowSeconds;
  if (g_dueAt >= 0 && nowSeconds >= g_dueAt) {
    g_dueAt = -1;
    return true;
  }
  if (g_frames > 0) {
    --g_frames;
    return true;
  }
  return false;
}

double SecondsToNextRequest(double nowSeconds) {
  g_lastNow = nowSeconds;
  if (g_frames > 0) return 0;
  return g_dueAt < 0 ? -1 : std::max(0.0, g_dueAt - nowSeconds);
}

}  // namespace azplan::ui
