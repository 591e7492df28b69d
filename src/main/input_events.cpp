#include "main/input_events.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <vector>

#include "platform/platform.h"

namespace azplan::app {

namespace {

struct HeldRelease {
  int key, scancode, mods;
};

void (*g_wake)() = [] {};
GLFWwindow* g_window = nullptr;
std::vector<int> g_pressedUnseen;       // pressed since the last frame
std::vector<HeldRelease> g_heldReleases;  // released before a frame saw them down

void OnKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
  g_wake();
  if (action == GLFW_PRESS) g_pressedUnseen.push_back(key);
  if (action == GLFW_RELEASE &&
      std::find(g_pressedUnseen.begin(), g_pressedUnseen.end(), key) != g_pressedUnseen.end()) {
    g_heldReleases.push_back({key, scancode, mods});
    return;
  }
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

}  // namespace

void InstallInputCallbacks(GLFWwindow* w, void (*wake)()) {
  g_wake = wake;
  g_window = w;
  // ImGui's backend installed its own callbacks; ours replace them and call them on.
  glfwSetKeyCallback(w, OnKey);
  glfwSetCharCallback(w, [](GLFWwindow* win, unsigned c) {
    g_wake();
    ImGui_ImplGlfw_CharCallback(win, c);
  });
  glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int mods) {
    g_wake();
    ImGui_ImplGlfw_MouseButtonCallback(win, button, action, mods);
  });
  glfwSetScrollCallback(w, [](GLFWwindow* win, double x, double y) {
    g_wake();
    platform::NormalizeWheel(x, y);
    ImGui_ImplGlfw_ScrollCallback(win, x, y);
  });
  glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int focused) {
    g_wake();
    ImGui_ImplGlfw_WindowFocusCallback(win, focused);
  });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int entered) {
    g_wake();
    ImGui_ImplGlfw_CursorEnterCallback(win, entered);
  });
  // The backend polls the cursor position each frame; a move only has to wake the loop.
  glfwSetCursorPosCallback(w, [](GLFWwindow*, double, double) { g_wake(); });
}

void InputFrameDone() {
  g_pressedUnseen.clear();
  if (g_heldReleases.empty()) return;
  std::vector<HeldRelease> releases;
  releases.swap(g_heldReleases);
  for (const HeldRelease& r : releases) ImGui_ImplGlfw_KeyCallback(g_window, r.key, r.scancode, GLFW_RELEASE, r.mods);
  g_wake();  // the next frame shows the key up
}

}  // namespace azplan::app
