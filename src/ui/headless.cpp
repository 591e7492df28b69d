#include "ui/headless.h"

#include <time.h>

#include "ui/app.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

namespace {

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

HeadlessUi::HeadlessUi(float width, float height) : width_(width), height_(height) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ApplyTheme(false, 1);
  LoadUiFont(1);
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as the GL backend would
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(); }

double HeadlessUi::Frame(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width_, height_);
  io.DeltaTime = deltaTime;
  double t0 = ThreadCpuMs();
  ImGui::NewFrame();
  app.Frame(width_, height_);
  ImGui::Render();
  double t1 = ThreadCpuMs();
  io.MouseWheel = 0;
  return t1 - t0;
}

void HeadlessUi::Frames(App& app, int count) {
  for (int i = 0; i < count; ++i) Frame(app);
}

}  // namespace azplan::ui
