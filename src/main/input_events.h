// The window's input reaches ImGui through here: every event wakes the frame loop, and a
// key pressed and released before any frame saw it down is held down for one frame.
// ImGui 1.86 samples keys once per frame, so without that a quick tap (a fast typist, a
// slow frame under software WebGL, Ctrl+A sent in one go) would be lost. Mouse clicks
// need no help: the backend already remembers presses between frames.
#pragma once

struct GLFWwindow;

namespace azplan::app {

// Installs the callbacks; call after ImGui_ImplGlfw_InitForOpenGL. `wake` runs on every
// event.
void InstallInputCallbacks(GLFWwindow* window, void (*wake)());
// After each frame ImGui built: delivers the key releases held back for it.
void InputFrameDone();

}  // namespace azplan::app
