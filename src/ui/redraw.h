// The app draws a frame only when something changed: input, or work that asked for one.
// Anything that changes the picture without input (progress while work runs, a result
// arriving from the browser, an animation, a notice that times out) asks here; the frame
// loop (src/main) sleeps while nobody has asked and no input arrives.
#pragma once

namespace azplan::ui {

// At least `frames` more frames, even with no input.
void RequestFrames(int frames = 1);
// A frame after `seconds` (the earliest of all such requests wins): timed work such as a
// debounced write or a notice that disappears.
void RequestFrameAfter(double seconds);

// Frame loop side. True when a frame is due now because of a request, and uses it up.
bool TakeFrameRequest(double nowSeconds);
// Seconds until the next timed request, or a negative number when none is pending.
double SecondsToNextRequest(double nowSeconds);

}  // namespace azplan::ui
