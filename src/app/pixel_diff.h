// What changed between two pictures, so only that is handed to the screen (a 2D canvas
// upload costs per pixel; a pan of the Gantt leaves the menu, tabs and table alone).
#pragma once
#include <cstdint>

namespace azplan::app {

// Pixels [x0, x1) × [y0, y1), top row first.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool Empty() const { return x1 <= x0 || y1 <= y0; }
};

// The bounding rectangle of the pixels where two equally sized pictures differ (empty
// when they are identical).
PixelRect DiffRect(const uint32_t* a, const uint32_t* b, int width, int height);

}  // namespace azplan::app
