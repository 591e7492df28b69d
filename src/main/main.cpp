// Entry point for the desktop and the web app: window, GL context, ImGui, the font,
// and the frame loop. Platform differences below are the entry point's own
// (main loop, GL version); everything else goes through platform/platform.h.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "main/frame_pacer.h"
#include "main/gl_renderer.h"
#include "main/input_events.h"
#include "main/soft_renderer.h"
#include "core/plan_json.h"
#include "core/png.h"
#include "core/synthetic.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/redraw.h"
#include "ui/strings.h"
#include "ui/view_table.h"
#include "ui/widgets/text_capture.h"
#include "ui/widgets/theme.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#else
#include <GL/gl.h>
namespace azplan::platform {
void DeliverDroppedPath(const std::string& path);
}
#endif

namespace {

struct Options {
  std::vector<std::string> planFiles;
  std::string screenshot;     // write a PNG after `frames` frames and quit
  std::string stateOut;       // keep the app's state (App::StateJson) in this file
  int frames = 0;
  int width = 1400, height = 860;
  std::string tab, select, lang, theme;
  float scale = 0;            // text size 1–2 (100–200 %); 0 = as remembered
  std::string synth;          // "N" or "N:SEED": a synthetic plan instead of a file
  std::string dumpText;       // write the text of the last frame (--frames) here
  std::vector<std::string> returns;  // agency returns read into the merge review
  int year = 0;
  std::string render;         // "soft": the software renderer (the desktop keeps GL)
};

struct Runtime {
  GLFWwindow* window = nullptr;
  azplan::ui::App* app = nullptr;
  Options options;
  int frame = 0;   // frames built
  int painted = 0; // frames handed to GL (the picture changed)
  azplan::app::FramePacer pacer;
  float scale = 1;
  bool ready = false;
  bool quit = false;
  // The software renderer draws instead of GL: in a browser whose WebGL is itself a CPU
  // rasteriser (web/azplan-glue.js decides), or natively with --render soft for testing.
  bool soft = false;
  azplan::app::SoftRenderer softRenderer;
};

Runtime g_runtime;

bool IsBlank(const std::vector<unsigned char>& px) {
  // A frame that drew anything has more than a handful of distinct colours.
  std::vector<uint32_t> seen;
  for (size_t i = 0; i + 3 < px.size() && seen.size() < 16; i += 4 * 97) {
    uint32_t c;
    std::memcpy(&c, &px[i], 4);
    if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
  }
  return seen.size() < 4;
}

// The same JSON the page exposes as window.azplan.get(), written (whole, by rename)
// whenever it changes, so a test can read the state of a running or killed app.
void WriteState(Runtime& rt) {
  static std::string written;
  std::string state = rt.app->StateJson();
  if (state == written) return;
  std::string tmp = rt.options.stateOut + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << state << "\n";
    if (!f) return;
  }
  if (std::rename(tmp.c_str(), rt.options.stateOut.c_str()) == 0) written = state;
}

// A key or a mouse button is down (key repeat and drags need frames while it is).
bool InputHeld() {
  const ImGuiIO& io = ImGui::GetIO();
  for (bool down : io.MouseDown)
    if (down) return true;
  for (bool down : io.KeysDown)
    if (down) return true;
  return false;
}

// Test runs (--frames, --screenshot) count frames: every loop turn builds one.
bool EveryFrame(const Runtime& rt) { return rt.options.frames > 0; }

// The font atlas to whichever renderer draws, at start and after a rebuild at a new
// text size.
void UploadFonts(Runtime& rt) {
  if (!rt.soft) {
    azplan::app::GlRendererUploadFonts();
    return;
  }
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  rt.softRenderer.SetTexture(pixels, w, h, io.Fonts->TexUvWhitePixel.x, io.Fonts->TexUvWhitePixel.y);
  // The renderer keeps its own copy; ImGui's two (alpha and RGBA) would only hold memory.
  io.Fonts->ClearTexData();
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));  // the one texture there is
}

// Hands the software renderer's picture to the screen: only the rectangle that changed.
void PresentSoft(Runtime& rt, const azplan::app::PixelRect& r) {
  const int w = rt.softRenderer.Width(), h = rt.softRenderer.Height();
#ifdef __EMSCRIPTEN__
  // One putImageData of a view on the wasm heap (web/azplan-glue.js present).
  EM_ASM({ window.azplanGlue.present($0, $1, $2, $3, $4, $5, $6); }, rt.softRenderer.Pixels(), w, h, r.x0, r.y0,
         r.x1 - r.x0, r.y1 - r.y0);
#else
  (void)r;  // the desktop's back buffer is redrawn whole every frame
  glViewport(0, 0, w, h);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);  // no shader program: the GL renderer is not initialised in this mode
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  // Rows top first: drawn downwards from the window's top-left corner.
  glRasterPos2f(-1, 1);
  glPixelZoom(1, -1);
  glDrawPixels(w, h, GL_RGBA, GL_UNSIGNED_BYTE, rt.softRenderer.Pixels());
  glPixelZoom(1, 1);
#endif
}

// The web build's optimiser (wasm-opt -O3) inlines every function that has one caller,
// so the rasteriser, ImGui's NewFrame and Render and the app's frame became one 106 KB
// function with this file's frame. V8 optimises a function only once it has run a while,
// and optimising that one took ~470 ms of the other core during the start, while the first
// frames ran unoptimised. Called through pointers the optimiser cannot follow, each stays
// a function of its own, optimised on its own (the rasteriser in 44 ms).
azplan::app::PixelRect RenderSoft(azplan::app::SoftRenderer& r, const ImDrawData* d, int w, int h, uint32_t clear) {
  return r.Render(d, w, h, clear);
}
azplan::app::PixelRect (*volatile g_renderSoft)(azplan::app::SoftRenderer&, const ImDrawData*, int, int, uint32_t) = RenderSoft;
void AppFrame(azplan::ui::App& app, float w, float h) { app.Frame(w, h); }
void (*volatile g_appFrame)(azplan::ui::App&, float, float) = AppFrame;
void (*volatile g_imguiNewFrame)() = ImGui::NewFrame;
void (*volatile g_imguiRender)() = ImGui::Render;

// The software renderer draws what changed since its last picture and hands that to the
// screen; false when nothing changed (and nothing is drawn, unless `always`). It compares
// each draw command itself, so the pacer's hash of the whole draw data is not needed here.
bool PaintSoft(Runtime& rt, int fbw, int fbh, bool always) {
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  bg.w = 1;
  const azplan::app::PixelRect damage =
      g_renderSoft(rt.softRenderer, ImGui::GetDrawData(), fbw, fbh, ImGui::ColorConvertFloat4ToU32(bg));
  if (damage.Empty() && !always) return false;
  PresentSoft(rt, damage);
  return true;
}

// Draws the frame ImGui built with GL, cleared to the window colour (the main window has
// no background of its own: ui/app.cpp).
void Paint(Runtime& rt, int fbw, int fbh) {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glViewport(0, 0, fbw, fbh);
  glDisable(GL_SCISSOR_TEST);  // the clear is the main window's background: all of it
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  azplan::app::GlRendererDraw(ImGui::GetDrawData(), fbw, fbh);
}

// Builds a frame when the pacer wants one and hands it to GL when its picture changed.
void Frame(void* arg) {
  auto* rt = static_cast<Runtime*>(arg);
  glfwPollEvents();
  if (!rt->pacer.WantsFrame(glfwGetTime(), InputHeld()) && !EveryFrame(*rt)) return;
  auto start = std::chrono::steady_clock::now();
  ImGui_ImplGlfw_NewFrame();
  int fbw, fbh;
  glfwGetFramebufferSize(rt->window, &fbw, &fbh);
#ifdef __EMSCRIPTEN__
  // Work in canvas pixels: the page sizes the canvas to CSS size × devicePixelRatio, and
  // Emscripten reports the mouse in canvas pixels, so text stays sharp at any ratio.
  int cw, ch;
  emscripten_get_canvas_element_size("#canvas", &cw, &ch);
  if (cw != fbw || ch != fbh) {
    // Not glfwSetWindowSize: Emscripten's asks for fullscreen when the size equals the
    // screen's (a page in a fullscreen browser, headless Chromium), which fails without a
    // gesture and puts the canvas back at its old size. GLFW only needs to know the size.
    EM_ASM({ if (GLFW.active) { GLFW.active.width = $0; GLFW.active.height = $1; } }, cw, ch);
    rt->pacer.Invalidate();
    rt->softRenderer.Invalidate();
  }
  fbw = cw;
  fbh = ch;
  ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(fbw), static_cast<float>(fbh));
  ImGui::GetIO().DisplayFramebufferScale = ImVec2(1, 1);
#endif
  // A new text size (ui/widgets/theme.h) rebuilds the font atlas; the renderer needs its pixels again.
  if (azplan::ui::RebuildFontIfNeeded()) UploadFonts(*rt);
  auto uiStart = std::chrono::steady_clock::now();
  g_imguiNewFrame();
  ImVec2 size = ImGui::GetIO().DisplaySize;
  g_appFrame(*rt->app, size.x, size.y);
  g_imguiRender();
  auto uiEnd = std::chrono::steady_clock::now();
  // --dump-text: the text the last frame drew (the language test).
  if (!rt->options.dumpText.empty() && rt->options.frames > 0 && rt->frame + 1 >= rt->options.frames)
    std::ofstream(rt->options.dumpText, std::ios::binary) << azplan::ui::CaptureDrawnText(ImGui::GetDrawData());
  azplan::app::InputFrameDone();
  // An unchanged picture is not drawn again: the canvas (or window) keeps showing it.
  bool paint;
  if (rt->soft) {
    paint = PaintSoft(*rt, fbw, fbh, EveryFrame(*rt));
    if (paint) rt->pacer.PictureShown();
  } else {
    paint = rt->pacer.PictureChanged(ImGui::GetDrawData(), fbw, fbh) || EveryFrame(*rt);
    if (paint) Paint(*rt, fbw, fbh);
  }
  if (paint) ++rt->painted;
  ++rt->frame;
  // The Gantt's today line and the overdue list move at midnight.
  azplan::ui::RequestFrameAfter(azplan::app::SecondsToNextDay());
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  double uiMs = std::chrono::duration<double, std::milli>(uiEnd - uiStart).count();
  azplan::platform::ReportFrame({ms, uiMs, paint, rt->app->editor().index().Size(), rt->app->DrawnView()});
  if (!rt->ready) {
    rt->ready = true;
    azplan::platform::ReportReady();
  }
  if (!rt->options.stateOut.empty()) WriteState(*rt);
  if (rt->options.screenshot.empty() && rt->options.frames > 0 && rt->frame >= rt->options.frames) rt->quit = true;
  if (!rt->options.screenshot.empty() && rt->frame >= rt->options.frames) {
    std::vector<unsigned char> px(static_cast<size_t>(fbw) * fbh * 4), flipped(px.size());
    glReadPixels(0, 0, fbw, fbh, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    for (int y = 0; y < fbh; ++y)
      std::memcpy(&flipped[static_cast<size_t>(y) * fbw * 4], &px[static_cast<size_t>(fbh - 1 - y) * fbw * 4],
                  static_cast<size_t>(fbw) * 4);
    std::ofstream(rt->options.screenshot, std::ios::binary) << azplan::EncodePng(flipped.data(), fbw, fbh);
    if (IsBlank(flipped)) {
      std::fprintf(stderr, "azplan: the rendered frame is blank\n");
      std::exit(3);
    }
    std::printf("azplan: wrote %s (%dx%d) after %d frames\n", rt->options.screenshot.c_str(), fbw, fbh, rt->frame);
    rt->quit = true;
  }
  if (paint) glfwSwapBuffers(rt->window);
}

// Input of any kind: the pacer owes frames, and a sleeping loop wakes up.
void Wake();

void InstallWindowCallbacks(GLFWwindow* w) {
  glfwSetWindowRefreshCallback(w, [](GLFWwindow*) {
    g_runtime.pacer.Invalidate();  // the window's contents were lost (exposed, resized)
    g_runtime.softRenderer.Invalidate();
    Wake();
  });
  glfwSetFramebufferSizeCallback(w, [](GLFWwindow*, int, int) {
    g_runtime.pacer.Invalidate();
    g_runtime.softRenderer.Invalidate();
    Wake();
  });
}

#ifdef __EMSCRIPTEN__
// The browser calls Frame from requestAnimationFrame only while frames are wanted; when
// the app rests, no callback is pending and the page does nothing at all.
bool g_framePending = false;
long g_timer = 0;

EM_BOOL OnAnimationFrame(double, void*);

void ScheduleFrame() {
  if (g_framePending) return;
  g_framePending = true;
  emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

void OnTimer(void*) {
  g_timer = 0;
  ScheduleFrame();
}

EM_BOOL OnAnimationFrame(double, void*) {
  g_framePending = false;
  Runtime& rt = g_runtime;
  Frame(&rt);
  const double sleep = rt.pacer.SleepSeconds(glfwGetTime(), InputHeld());
  if (g_timer) emscripten_clear_timeout(g_timer);
  g_timer = 0;
  if (sleep == 0) ScheduleFrame();
  else if (sleep > 0) g_timer = emscripten_set_timeout(OnTimer, sleep * 1000.0, nullptr);
  return EM_FALSE;
}

void Wake() {
  g_runtime.pacer.OnInput(glfwGetTime());
  ScheduleFrame();
}
#else
void Wake() { g_runtime.pacer.OnInput(glfwGetTime()); }

// Sleeps in the window system until input or the next timed request.
void WaitForWork(Runtime& rt) {
  if (EveryFrame(rt)) return;
  const double sleep = rt.pacer.SleepSeconds(glfwGetTime(), InputHeld());
  if (sleep < 0) glfwWaitEvents();
  else if (sleep > 0) glfwWaitEventsTimeout(sleep);
}
#endif

const char* const kUsage =
    "usage: azplan [options] [--] [plan.json ...]\n"
    "  with no plan files the autosave is restored, else the bundled plans open\n"
    "  --year Y            monitoring year\n"
    "  --tab T             the view: %s\n"
    "  --select ID         select a measure (document-id/code)\n"
    "  --lang az|en        interface language\n"
    "  --scale S           text size, 1 to 2 (100 %% to 200 %%)\n"
    "  --theme T           light, dark or contrast\n"
    "  --dump-text F       write the text the widgets drew in the last frame to F\n"
    "  --synth N[:SEED]    open a generated plan of N measures (the benchmarks' plans)\n"
    "  --size WxH          window size (default 1400x860)\n"
    "  --screenshot F.png  write a PNG after --frames frames (default 8) and quit\n"
    "  --frames N          quit after N frames\n"
    "  --render soft       draw with the software renderer (the browser's choice where\n"
    "                      WebGL is itself software), shown through GL\n"
    "  --returns FILE      read an agency return into the merge review (repeatable)\n"
    "  --state-out F       keep the app's state as JSON in F (rewritten when it changes;\n"
    "                      the same JSON the web page exposes as window.azplan.get())\n"
    "environment: AZPLAN_DATA_DIR (autosave folder), AZPLAN_EXPORT_DIR (exports)\n";

void PrintUsage(FILE* to) { std::fprintf(to, kUsage, azplan::ui::ViewNameList().c_str()); }

// A mistyped option must not be taken for a plan file: it is refused (exit 2), and a
// file whose name starts with '-' is given after "--".
[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "azplan: %s\n", message.c_str());
  PrintUsage(stderr);
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  bool filesOnly = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() {
      if (i + 1 >= argc) UsageError(a + " needs a value");
      return std::string(argv[++i]);
    };
    if (filesOnly || a.empty() || a[0] != '-' || a == "-") {
      o.planFiles.push_back(a);
    } else if (a == "--") {
      filesOnly = true;
    } else if (a == "--help" || a == "-h") {
      PrintUsage(stdout);
      std::exit(0);
    } else if (a == "--screenshot") o.screenshot = next();
    else if (a == "--state-out") o.stateOut = next();
    else if (a == "--frames") o.frames = std::atoi(next().c_str());
    else if (a == "--size") std::sscanf(next().c_str(), "%dx%d", &o.width, &o.height);
    else if (a == "--tab") {
      o.tab = next();
      if (azplan::ui::FindView(o.tab) < 0)
        UsageError("unknown view \"" + o.tab + "\" for --tab (" + azplan::ui::ViewNameList() + ")");
    }
    else if (a == "--year") o.year = std::atoi(next().c_str());
    else if (a == "--select") o.select = next();
    else if (a == "--lang") o.lang = next();
    else if (a == "--scale") o.scale = static_cast<float>(std::atof(next().c_str()));
    else if (a == "--theme") o.theme = next();
    else if (a == "--dump-text") o.dumpText = next();
    else if (a == "--synth") o.synth = next();
    else if (a == "--returns") o.returns.push_back(next());
    else if (a == "--render") o.render = next();
    else if (a.rfind("--render=", 0) == 0) o.render = a.substr(9);
    else UsageError("unknown option " + a);
  }
  if (!o.screenshot.empty() && o.frames <= 0) o.frames = 8;
  return o;
}

// --synth / ?synth=N[:SEED]: a generated plan (core/synthetic.h, the benchmarks' plans)
// opened through the same loader as a file, with nothing to host or download.
void OpenSynthetic(azplan::ui::App& app, const std::string& spec) {
  int measures = 0;
  unsigned long long seed = 1;
  if (std::sscanf(spec.c_str(), "%d:%llu", &measures, &seed) < 1 || measures <= 0 || measures > 200000) {
    app.state().notice = std::string(azplan::ui::Tr("openFailed")) + " synth=" + spec;
    return;
  }
  azplan::SyntheticOptions options;
  options.measures = measures;
  options.seed = seed;
  app.OpenFiles(azplan::OneFile("synthetic-" + std::to_string(measures) + ".json",
                                azplan::SavePlan(azplan::MakeSyntheticPlan(options))));
}

void ApplyStartOptions(Runtime& rt) {
  auto& app = *rt.app;
  const Options& o = rt.options;
  // A shared view in the URL fragment (ui/view_link.h); empty on the desktop.
  const std::string fragment = azplan::platform::UrlFragment();
  // The page URL may carry ?tab=gantt&year=2017 (benchmarks and shared links use them).
  // ?year= and then the fragment, which wins (it is what the sender of the link saw):
  // applied at start, and again once a hosted plan has arrived (opening resets them).
  const std::string year = azplan::platform::QueryParam("year");
  auto applyView = [&app, fragment, year] {
    if (!year.empty()) app.SetYear(std::atoi(year.c_str()));
    if (!fragment.empty()) app.ApplyViewLink(azplan::ui::DecodeViewLink(fragment));
  };
  if (!o.planFiles.empty()) {
    std::vector<azplan::NamedText> files;
    for (const auto& p : o.planFiles) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      files.push_back({p, ss.str()});
    }
    if (!app.OpenFiles(std::move(files))) app.OpenBundled();
  } else if (std::string synth = o.synth.empty() ? azplan::platform::QueryParam("synth") : o.synth; !synth.empty()) {
    OpenSynthetic(app, synth);
  } else {
    // ?plan=relative/url.json on a hosted site opens that plan instead (the page started
    // fetching it before the module was compiled).
    std::string url = azplan::platform::QueryParam("plan");
    app.RestoreAutosaveOrBundled(url.empty());
    if (!url.empty())
      azplan::platform::FetchText(url, [&app, url, applyView](bool ok, std::string body) {
        // Over a restored working copy with unsaved changes this asks first (App::OpenFiles).
        if (!ok || !app.OpenFiles(azplan::OneFile(url, std::move(body)), true, applyView)) {
          // Nothing may be open yet: the bundled plans, under the file's messages.
          if (app.editor().index().Size() == 0) {
            auto errors = std::move(app.state().errors);
            app.OpenBundled();
            app.state().errors = std::move(errors);
            app.state().showErrors = !app.state().errors.empty();
          }
          app.state().notice = std::string(azplan::ui::Tr("openFailed")) + " " + url;
        }
      });
  }
  std::string tab = o.tab.empty() ? azplan::platform::QueryParam("tab") : o.tab;
  if (o.year) app.SetYear(o.year);
  if (!o.lang.empty()) azplan::ui::SetLanguage(o.lang);
  if (o.scale > 0) app.SetTextSize(o.scale);
  if (!o.theme.empty()) app.SetTheme(o.theme);
  if (!o.select.empty()) app.Select(o.select);
  if (!tab.empty()) app.ShowTab(tab);
  applyView();
  for (const auto& p : o.returns) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    app.AddReturn({p.substr(p.find_last_of('/') + 1), ss.str(), 0});
  }
}

}  // namespace

int main(int argc, char** argv) {
  Runtime& rt = g_runtime;
  rt.options = ParseArgs(argc, argv);
  if (!glfwInit()) {
    std::fprintf(stderr, "azplan: cannot initialise GLFW (no display?)\n");
    return 2;
  }
#ifdef __EMSCRIPTEN__
  // The page chose the renderer before the module started (web/azplan-glue.js): software
  // where WebGL is itself software, or as the URL asks (?render=soft|gl).
  rt.soft = EM_ASM_INT({ return window.azplanGlue && window.azplanGlue.renderer === "soft" ? 1 : 0; }) != 0;
#else
  rt.soft = rt.options.render == "soft";
#endif
#ifdef __EMSCRIPTEN__
  const char* glsl = "#version 300 es";
  // A canvas has one context: the software renderer's 2D one is made by the page, so
  // GLFW makes none.
  glfwWindowHint(GLFW_CLIENT_API, rt.soft ? GLFW_NO_API : GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  int cw = 0, ch = 0;
  emscripten_get_canvas_element_size("#canvas", &cw, &ch);
  if (cw > 0 && ch > 0) {
    rt.options.width = cw;
    rt.options.height = ch;
  }
#else
  const char* glsl = "#version 130";
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#endif
  // ImGui draws flat triangles in one pass: no depth or stencil buffer, no multisampling,
  // and an opaque canvas the compositor need not blend. Under software WebGL each of these
  // is memory and per-frame work (issue 12).
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);
#ifdef __EMSCRIPTEN__
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
#endif
#ifdef __EMSCRIPTEN__
  // Emscripten's GLFW listens for gamepads, and a page with a gamepad listener makes the
  // browser process poll for gamepads all the time (1–1.5 % of a core here, idle or not).
  // azplan reads no gamepad.
  EM_ASM({
    window.removeEventListener("gamepadconnected", GLFW.onGamepadConnected, true);
    window.removeEventListener("gamepaddisconnected", GLFW.onGamepadDisconnected, true);
  });
#endif
  rt.window = glfwCreateWindow(rt.options.width, rt.options.height, "azplan", nullptr, nullptr);
  if (!rt.window) {
    std::fprintf(stderr, "azplan: cannot create a window with an OpenGL 3 context\n");
    return 2;
  }
  glfwMakeContextCurrent(rt.window);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // view state is ours, not imgui.ini's
  rt.scale = azplan::platform::PixelRatio();
  azplan::ui::ApplyTheme(false, rt.scale);
  azplan::ui::LoadUiFont(rt.scale);
  // No blinking caret: a blink is a frame twice a second for as long as a field has focus.
  ImGui::GetIO().ConfigInputTextCursorBlink = false;
  InstallWindowCallbacks(rt.window);
  ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
  azplan::app::InstallInputCallbacks(rt.window, Wake);
  if (rt.soft) UploadFonts(rt);
  else azplan::app::GlRendererInit(glsl);
#ifndef __EMSCRIPTEN__
  glfwSetDropCallback(rt.window, [](GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) azplan::platform::DeliverDroppedPath(paths[i]);
  });
#endif
  static azplan::ui::App app;
  rt.app = &app;
  app.SetRendererName(rt.soft ? "soft" : "gl");
  ApplyStartOptions(rt);
#ifdef __EMSCRIPTEN__
  // main returns; the runtime stays alive and frames come from ScheduleFrame.
  ScheduleFrame();
#else
  while (!glfwWindowShouldClose(rt.window) && !rt.quit) {
    Frame(&rt);
    WaitForWork(rt);
  }
  if (!rt.soft) azplan::app::GlRendererShutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(rt.window);
  glfwTerminate();
#endif
  return 0;
}

#ifdef __EMSCRIPTEN__
extern "C" {
// The page delivered something the app must show (a file, a fetch result, a storage
// failure) or the canvas changed size: frames are owed as after input.
EMSCRIPTEN_KEEPALIVE void azplan_wake() { Wake(); }

// window.azplan.resting(): false while a frame is due (tests wait for input to be shown).
EMSCRIPTEN_KEEPALIVE int azplan_frame_pending() { return g_framePending ? 1 : 0; }

// window.azplan.get(): the app's state as JSON, built when asked and not every frame.
// Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* azplan_state_json() {
  static std::string state;
  state = g_runtime.app ? g_runtime.app->StateJson() : std::string("null");
  return state.c_str();
}
}
#endif
