// When the app draws (issue 12): only when something changed. A page or window that
// redraws an unchanged picture sixty times a second burns a core, and under software
// WebGL (remote desktops, machines without a GPU) the whole machine.
//
// A frame is built when input arrived (and for a few frames after it, so layouts, hovers
// and popups settle), while a key or button is held with input still coming, or when work
// asked for one (ui/redraw.h). A built frame whose picture equals the one on screen is
// not handed to GL at all, and a picture that changed gets one more frame, so a state
// change made during a frame is shown by the next one and the loop then comes to rest.
#pragma once
#include <algorithm>
#include <cstdint>

struct ImDrawData;

namespace azplan::app {

class FramePacer {
 public:
  // Any event from the window or the page (keys, mouse, wheel, resize, focus, a file or
  // a fetch result delivered).
  void OnInput(double now);
  // Whether to build a frame now. `inputHeld`: a key or mouse button is down.
  bool WantsFrame(double now, bool inputHeld);
  // Reports the picture the frame built; true when it differs from the one on screen
  // (it must be drawn), and then one more frame is owed.
  bool PictureChanged(const ImDrawData* data, int fbw, int fbh);
  // A new picture went to the screen, found changed by its renderer (the software one
  // compares draw commands itself): one more frame is owed, as after PictureChanged.
  void PictureShown() { owed_ = std::max(owed_, 1); }
  // Forgets the picture on screen (the canvas was cleared by a resize, the context lost).
  void Invalidate() { shown_ = 0; }
  // Seconds the loop may sleep before a frame is due; negative: until the next input.
  double SleepSeconds(double now, bool inputHeld) const;

 private:
  // Frames built after an input: the input's own frame, then ImGui's settling (a window
  // that appears is measured in one frame and shown in the next).
  static constexpr int kFramesAfterInput = 3;
  // A held key or button keeps frames coming while input is recent (key repeat, drags);
  // a key whose release was lost (focus moved away) stops doing so after this long.
  static constexpr double kHeldWindow = 1.0;
  int owed_ = kFramesAfterInput;
  double lastInput_ = 0;
  uint64_t shown_ = 0;
};

// Seconds to the next change of day (local or UTC, whichever comes first): the Gantt's
// "today" line and the dashboard's overdue list move then.
double SecondsToNextDay();

}  // namespace azplan::app
