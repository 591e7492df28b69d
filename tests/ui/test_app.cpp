// App driven headless (ui/headless.h: an ImGui context without window or GL, frames as
// the entry point runs them), on the native platform with a temporary data and export
// folder per test. What a user would notice below the browser: opening over unsaved
// changes, which measures a status button changes, the autosave restored, damaged or
// from a newer version, exports that fail, view links, and the widgets tests click.
#include <doctest/doctest.h>
#include <imgui.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/autosave_format.h"
#include "core/plan_io.h"
#include "core/plan_json.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/headless.h"
#include "ui/strings.h"
#include "ui/view_table.h"

using namespace azplan;
using namespace azplan::ui;
namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SmallPlan() { return ReadFile(fs::path(AZPLAN_FIXTURES) / "small-plan.json"); }

// A fresh data folder (autosave) and export folder for one test; removed afterwards.
struct Sandbox {
  fs::path root;
  Sandbox() {
    std::string tmpl = (fs::temp_directory_path() / "azplan-app-tests-XXXXXX").string();
    root = mkdtemp(tmpl.data());
    setenv("AZPLAN_DATA_DIR", (root / "data").c_str(), 1);
    setenv("AZPLAN_EXPORT_DIR", (root / "exports").c_str(), 1);
    SetLanguage("az");
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

std::optional<Status> StatusIn(const App& app, const std::string& id, int year) {
  int i = app.editor().index().Find(id);
  REQUIRE(i >= 0);
  const Assessment* a = app.editor().index()[i].node->AssessmentFor(year);
  return a ? a->status : std::nullopt;
}

// The rectangle StateJson publishes for a named widget, after a frame.
std::optional<ImVec4> Widget(App& app, const std::string& name) {
  Json state = Json::parse(app.StateJson());
  auto it = state["widgets"].find(name);
  if (it == state["widgets"].end()) return std::nullopt;
  return ImVec4((*it)[0].get<float>(), (*it)[1].get<float>(), (*it)[2].get<float>(), (*it)[3].get<float>());
}

// A real click at the middle of a named widget: pressed in one frame, released in the next.
void Click(HeadlessUi& ui, App& app, const std::string& name) {
  auto r = Widget(app, name);
  REQUIRE_MESSAGE(r.has_value(), "no widget " << name << " in " << app.StateJson());
  ui.io().MousePos = ImVec2(r->x + r->z / 2, r->y + r->w / 2);
  ui.Frame(app);
  ui.io().MouseDown[0] = true;
  ui.Frame(app);
  ui.io().MouseDown[0] = false;
  ui.Frames(app, 2);
}

App& OpenSmall(App& app) {
  REQUIRE(app.OpenFiles(OneFile("small-plan.json", SmallPlan())));
  REQUIRE(app.editor().plan().id == "small");
  return app;
}

}  // namespace

TEST_CASE("opening over unsaved changes waits for the answer: cancel keeps, discard replaces, save first writes") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  app.SetYear(2017);
  app.SetStatusOf("rm/1.1.1.3", Status::Executed);
  REQUIRE(app.editor().Dirty());

  app.OpenBundled();
  CHECK(app.HasPendingOpen());
  CHECK(app.editor().plan().id == "small");  // nothing replaced yet
  ui.Frames(app, 2);
  CHECK(Widget(app, "confirmOpen:cancel").has_value());  // the dialog is up
  Click(ui, app, "confirmOpen:cancel");
  CHECK_FALSE(app.HasPendingOpen());
  CHECK(app.editor().plan().id == "small");
  CHECK(StatusIn(app, "rm/1.1.1.3", 2017) == Status::Executed);

  app.OpenBundled();
  ui.Frames(app, 2);
  Click(ui, app, "confirmOpen:save");
  CHECK(app.editor().plan().id != "small");
  CHECK_FALSE(app.editor().Dirty());
  // "Save first" wrote the edited plan where exports go.
  bool saved = false;
  for (const auto& e : fs::directory_iterator(box.root / "exports"))
    saved = saved || ReadFile(e.path()).find("\"executed\"") != std::string::npos;
  CHECK(saved);

  OpenSmall(app);
  app.SetStatusOf("rm/1.1.1.3", Status::Partial);
  app.OpenBundled();
  REQUIRE(app.HasPendingOpen());
  app.AnswerPendingOpen(App::OpenAnswer::Discard);
  CHECK(app.editor().plan().id != "small");
  CHECK_FALSE(app.editor().Dirty());
}

TEST_CASE("the detail panel's status buttons change the measure on show; the status keys change the checked rows") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  app.SetYear(2017);
  const std::string shown = "rm/1.1.1.3", a = "rm/1.1.1.1", b = "rm/1.1.1.2";
  const auto before = StatusIn(app, shown, 2017), beforeA = StatusIn(app, a, 2017), beforeB = StatusIn(app, b, 2017);
  app.Select(shown);
  app.state().checked = {a, b};
  ui.Frames(app, 3);
  REQUIRE(before == Status::NotExecuted);  // tests/fixtures/small-plan.json
  REQUIRE(beforeA == Status::Executed);
  // The panel's "partial" button: the measure on show only.
  Click(ui, app, "detailStatus:partial");
  CHECK(StatusIn(app, shown, 2017) == Status::Partial);
  CHECK(StatusIn(app, a, 2017) == beforeA);
  CHECK(StatusIn(app, b, 2017) == beforeB);
  // The table's bulk buttons and the keys act on the checked rows, as one undo step.
  Click(ui, app, "bulkStatus:notExecuted");
  CHECK(StatusIn(app, a, 2017) == Status::NotExecuted);
  CHECK(StatusIn(app, b, 2017) == Status::NotExecuted);
  CHECK(StatusIn(app, shown, 2017) == Status::Partial);
  app.Undo();
  CHECK(StatusIn(app, a, 2017) == beforeA);
  CHECK(StatusIn(app, b, 2017) == beforeB);
  // Nothing checked: the keys act on the measure on show.
  app.state().checked.clear();
  app.SetStatusOfSelection(Status::Executed);
  CHECK(StatusIn(app, shown, 2017) == Status::Executed);
}

TEST_CASE("clicking a row by its published rectangle selects it") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  app.state().searchText = "1.1.1.3";
  ui.Frames(app, 3);
  Click(ui, app, "row:rm/1.1.1.3");
  CHECK(app.state().selectedId == "rm/1.1.1.3");
  Json state = Json::parse(app.StateJson());
  CHECK(state["selected"] == "rm/1.1.1.3");
  CHECK(state["widgets"].contains("search"));
  CHECK(state["widgets"].contains("tab:gantt"));
  CHECK(state["widgets"].contains("menu:file"));
  Click(ui, app, "tab:gantt");
  CHECK(app.state().tab == FindView("gantt"));
  CHECK(Widget(app, "zoomIn").has_value());
}

TEST_CASE("autosave: a valid working copy is restored unsaved; a damaged one is set aside") {
  Sandbox box;
  AutosaveRecord rec;
  rec.name = "işçi-nüsxə.json";
  rec.planText = SmallPlan();
  rec.year = 2018;
  REQUIRE(platform::StorageSet("azplan.autosave", EncodeAutosave(rec)));
  {
    HeadlessUi ui;  // App sets up ImGui when made (keyboard navigation, theme, text size)
    App app;
    app.RestoreAutosaveOrBundled();
    CHECK(app.editor().plan().id == "small");
    CHECK(app.PlanName() == "işçi-nüsxə.json");
    CHECK(app.state().year == 2018);
    CHECK(app.editor().Dirty());  // differs from any file
    CHECK(app.state().notice == Tr("restored"));
    CHECK(app.state().noticeRestored);
  }
  const std::string damaged = EncodeAutosave(rec).substr(0, 200);
  REQUIRE(platform::StorageSet("azplan.autosave", damaged));
  {
    HeadlessUi ui;  // App sets up ImGui when made (keyboard navigation, theme, text size)
    App app;
    app.RestoreAutosaveOrBundled();
    CHECK(app.editor().plan().id != "small");  // the bundled plans
    CHECK(app.state().notice == Tr("autosaveDamaged"));
    CHECK(platform::StorageGet("azplan.autosave.damaged") == damaged);
    CHECK(platform::StorageGet("azplan.autosave").empty());
  }
}

TEST_CASE("autosave: a newer azplan's working copy is kept aside unchanged and the user is told") {
  Sandbox box;
  AutosaveRecord rec;
  rec.name = "from-the-future.json";
  rec.planText = SmallPlan();
  std::string newer = EncodeAutosave(rec);
  const std::string marker = "\"azplanAutosave\":1";
  REQUIRE(newer.find(marker) != std::string::npos);
  newer.replace(newer.find(marker), marker.size(), "\"azplanAutosave\":2");
  REQUIRE(platform::StorageSet("azplan.autosave", newer));
  HeadlessUi ui;  // App sets up ImGui when made (keyboard navigation, theme, text size)
  App app;
  app.RestoreAutosaveOrBundled();
  CHECK(app.editor().plan().id != "small");
  CHECK(app.state().notice == Tr("autosaveNewer"));
  CHECK(platform::StorageGet("azplan.autosave.newer") == newer);
  // An edit now autosaves the bundled plans without touching the kept copy.
  CHECK(platform::StorageGet("azplan.autosave.damaged").empty());
}

TEST_CASE("a failed export says it failed and names the file") {
  Sandbox box;
  HeadlessUi ui;  // App sets up ImGui when made (keyboard navigation, theme, text size)
  App app;
  OpenSmall(app);
  // The export folder cannot be made: a file stands where it would be.
  std::ofstream(box.root / "blocker") << "x";
  setenv("AZPLAN_EXPORT_DIR", (box.root / "blocker" / "exports").c_str(), 1);
  app.ExportFormat("csv");
  CHECK(app.state().notice.rfind(std::string(Tr("exportFailed")) + ": ", 0) == 0);
  CHECK(app.state().notice.find(".csv") != std::string::npos);
  CHECK(app.state().notice.rfind(Tr("exported"), 0) != 0);
  setenv("AZPLAN_EXPORT_DIR", (box.root / "exports").c_str(), 1);
  app.ExportFormat("csv");
  CHECK(app.state().notice.rfind(std::string(Tr("exported")) + ": " + (box.root / "exports").string(), 0) == 0);
}

TEST_CASE("view links: the table of views names the tabs; a link applied shows its view") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  for (size_t i = 0; i < Views().size(); ++i) {
    CHECK(FindView(Views()[i].name) == static_cast<int>(i));
    CHECK(app.ShowTab(Views()[i].name));
    ui.Frames(app, 2);
    CHECK(app.state().tab == static_cast<int>(i));
    CHECK(app.CurrentViewLink().tab == Views()[i].name);
    CHECK(Json::parse(app.StateJson())["tabName"] == Views()[i].name);
  }
  CHECK_FALSE(app.ShowTab("nope"));
  app.ApplyViewLink(DecodeViewLink("#y=2018&tab=timeline&q=%C3%87%C9%99r%C3%A7iv%C9%99&ag=minecon&lead=1&st=partial"));
  ui.Frames(app, 2);
  CHECK(app.state().year == 2018);
  CHECK(app.state().tab == FindView("timeline"));
  CHECK(app.state().searchText == "Çərçivə");
  CHECK(app.state().filter.agencyId == "minecon");
  CHECK(app.state().filter.agencyRole == AgencyRole::Lead);
  ViewLink back = app.CurrentViewLink();
  CHECK(back.tab == "timeline");
  CHECK(back.search == "Çərçivə");
  CHECK(back.status == "partial");
  // An unknown agency or tab in a link is ignored, not applied.
  app.ApplyViewLink(DecodeViewLink("tab=bogus&ag=nobody"));
  CHECK(app.state().tab == FindView("timeline"));
  CHECK(app.state().filter.agencyId.empty());
}

TEST_CASE("every open is a new plan generation: derived lists are never served from the previous plan") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  app.ShowTab("dashboard");
  ui.Frames(app, 3);
  const auto first = app.CurrentPlanKey();
  const size_t smallVisible = app.VisibleItems().size();
  app.OpenBundled();
  CHECK(app.CurrentPlanKey().generation == first.generation + 1);
  CHECK(app.VisibleItems().size() != smallVisible);
  CHECK(app.VisibleItems().size() == static_cast<size_t>(app.editor().index().Size()));
  ui.Frames(app, 3);
  CHECK(app.views().dashboard.key == app.CurrentPlanKey());
}

TEST_CASE("one Ctrl+Z is one undo, even held across slow frames") {
  Sandbox box;
  HeadlessUi ui;
  App app;
  OpenSmall(app);
  app.SetYear(2017);
  app.SetStatusOf("rm/1.1.1.3", Status::Executed);
  app.SetStatusOf("rm/1.1.1.3", Status::Partial);
  ui.Frames(app, 2);
  ui.io().KeyMap[ImGuiKey_Z] = 'Z';  // as the GLFW backend maps it (GLFW_KEY_Z is ASCII)
  ui.deltaTime = 0.4f;  // slower than ImGui's key-repeat delay (0.275 s)
  ui.io().KeyCtrl = true;
  ui.io().KeysDown['Z'] = true;
  ui.Frames(app, 3);
  ui.io().KeysDown['Z'] = false;
  ui.io().KeyCtrl = false;
  ui.Frames(app, 2);
  CHECK(StatusIn(app, "rm/1.1.1.3", 2017) == Status::Executed);  // one step back, not two
  CHECK(app.editor().CanUndo());
}
