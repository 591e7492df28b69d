// What a frame asks the rasteriser to do, read from ImGui's draw lists. Under software
// WebGL (remote desktops, machines without a GPU) a frame costs about what it fills, so
// the benchmark prints these next to the frame times.
#pragma once
#include <imgui.h>

namespace azplan::ui {

struct DrawStats {
  int drawCalls = 0;  // glDrawElements calls: one per ImDrawCmd with something to draw
  int vertices = 0;
  int triangles = 0;
  // Pixels covered by triangles, each counted once per triangle covering it, after the
  // command's clip rectangle; divided by the screen's area it is the frame's overdraw.
  double filledPixels = 0;
  double screenPixels = 0;
  double Overdraw() const { return screenPixels > 0 ? filledPixels / screenPixels : 0; }
};

DrawStats MeasureDraw(const ImDrawData* data);

}  // namespace azplan::ui
