// Drives App without a window or GL: an ImGui context with the app's theme and font, and
// frames run as the entry point runs them (NewFrame, App::Frame, Render). The UI
// benchmark and app_tests share it.
#pragma once
#include <imgui.h>

namespace azplan::ui {

class App;

class HeadlessUi {
 public:
  explicit HeadlessUi(float width = 1400, float height = 860);  // the browser tests' viewport
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // One frame with the input set on io(); the wheel is consumed. Returns the thread CPU
  // milliseconds of NewFrame + App::Frame + Render.
  double Frame(App& app);
  void Frames(App& app, int count);
  ImGuiIO& io() { return ImGui::GetIO(); }
  float width() const { return width_; }
  float deltaTime = 1.0f / 60;  // seconds per frame, as ImGui is told (slow frames: larger)
  float height() const { return height_; }

 private:
  float width_, height_;
};

}  // namespace azplan::ui
