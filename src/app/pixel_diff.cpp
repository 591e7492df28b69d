#include "app/pixel_diff.h"

#include <algorithm>
#include <cstring>

namespace azplan::app {

PixelRect DiffRect(const uint32_t* a, const uint32_t* b, int width, int height) {
  PixelRect r;
  if (width <= 0 || height <= 0) return r;
  const size_t rowBytes = static_cast<size_t>(width) * 4;
  int top = -1, bottom = -1;
  int left = width, right = 0;
  for (int y = 0; y < height; ++y) {
    const uint32_t* ra = a + static_cast<size_t>(y) * width;
    const uint32_t* rb = b + static_cast<size_t>(y) * width;
    // Most rows are identical, and memcmp is the fastest way to say so.
    if (std::memcmp(ra, rb, rowBytes) == 0) continue;
    if (top < 0) top = y;
    bottom = y;
    // Only pixels outside the columns known to differ can widen the rectangle.
    int x = 0;
    while (x < left && ra[x] == rb[x]) ++x;
    left = std::min(left, x);
    int e = width;
    while (e > right && ra[e - 1] == rb[e - 1]) --e;
    right = std::max(right, e);
  }
  if (top < 0) return r;
  return {left, top, right, bottom + 1};
}

}  // namespace azplan::app
