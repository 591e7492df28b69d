// The application: one Editor (the model with undo), the view state (UiState) and what
// the views derive from the plan (ViewState). Views read the model through App (const)
// and change it only through App's methods, which execute core commands.
#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/chart_layout.h"
#include "core/diagnostics.h"
#include "core/editor.h"
#include "core/exporters.h"
#include "core/filter.h"
#include "core/monitoring.h"
#include "core/plan_io.h"
#include "core/plan_json.h"
#include "platform/platform.h"
#include "ui/view_link.h"
#include "ui/view_state.h"
#include "ui/widget_rects.h"

namespace azplan::ui {

struct GanttState {
  TimeAxis axis;
  bool fitted = false;
  GanttGrouping grouping = GanttGrouping::Hierarchy;
  std::set<std::string> collapsed;
  float rowHeight = 0;  // set from the font size
};

struct TimelineState {
  TimeAxis axis;
  bool fitted = false;
};

struct UiState {
  int year = 2017;
  int compareYear = 0;  // 0 = no comparison
  bool dark = false;
  std::string selectedId;              // the measure in the detail panel
  std::set<std::string> checked;       // multi-selection in the table
  Filter filter;
  std::string searchText;
  int statusChoice = 0;                // 0 = all, else 1 + Status
  int tab = 0;                         // index into Views() (ui/view_table.h); App::ShowTab
  bool tabRequested = false;           // the tab bar selects `tab` in the next frame
  GanttState gantt;
  TimelineState timeline;
  std::string dashboardTrace;          // key of the figure whose items are listed
  std::vector<Diagnostic> errors;      // last failed open
  bool showErrors = false;
  bool errorDialogOpen = false;        // as drawn in the last frame
  std::string notice;
  bool noticeRestored = false;         // offer "discard and open bundled"
  bool showAbout = false;
  bool showOpenPath = false;
  std::string openPath;
};

class App {
 public:
  App();
  void Frame(float width, float height);

  // Opening: the open plan changes only when the new one loads without errors (false,
  // errors shown). When it loads and the open plan has unsaved changes, it is not
  // replaced yet: the loaded plan waits (HasPendingOpen) until the user answers the
  // dialog with AnswerPendingOpen; `onOpened` runs once the new plan is open.
  // The texts are taken, not copied: a 10,000-measure plan is 15 MB, and in WebAssembly
  // every copy of it costs tens of milliseconds. Pass them with std::move.
  bool OpenFiles(std::vector<NamedText> files, bool markClean = true,
                 std::function<void()> onOpened = {});
  // A file from the picker or a drop (one refused unread for its size reports that).
  bool OpenFile(platform::File file);
  // `discardChanges`: the user already chose to drop the open plan's changes.
  void OpenBundled(bool discardChanges = false);
  // `bundledFallback` false: with no working copy to restore, open nothing (a plan is
  // being fetched and opens when it arrives).
  void RestoreAutosaveOrBundled(bool bundledFallback = true);

  enum class OpenAnswer { SaveFirst, Discard, Cancel };
  bool HasPendingOpen() const { return pending_.has_value(); }
  const std::string& PendingOpenName() const;
  // SaveFirst downloads the open plan as JSON (File › Save) and then opens; Discard
  // opens; Cancel keeps the open plan and drops the request.
  void AnswerPendingOpen(OpenAnswer answer);

  // The model, read-only: changes go through Execute, Undo, Redo and the methods below.
  const Editor& editor() const { return editor_; }
  UiState& state() { return ui_; }
  ViewState& views() { return views_; }
  const std::vector<int>& VisibleItems();
  const YearFigures& Figures();
  const std::string& PlanName() const { return planName_; }
  // Which plan (generation, bumped on every open) at which edit (revision).
  PlanKey CurrentPlanKey() const { return {generation_, editor_.Revision()}; }
  // The filter the views apply: the filter bar's choices with the search text, the year
  // and the status; with CurrentPlanKey, the key of every filtered list.
  Filter AppliedFilter() const;
  DataKey CurrentDataKey() const { return {CurrentPlanKey(), AppliedFilter()}; }

  // Records where the last ImGui item was drawn under `name` (StateJson's "widgets"), so
  // tests find it by name: "search", "tab:gantt" (with a detail), "row:<id>" (with an item).
  void NoteWidget(const char* name, const char* detail = nullptr) { widgets_.NoteLastItem(name, detail); }
  void NoteRow(const char* name, int item) { widgets_.NoteLastItem(name, nullptr, item); }

  bool Execute(std::unique_ptr<Command> command);
  void Undo();
  void Redo();

  void Select(const std::string& id);
  void SetYear(int year);
  // Shows the view at `index` of Views(), or the one with this URL name (false if none).
  void ShowTab(int index);
  bool ShowTab(std::string_view name);
  // The status keys and the Edit menu: the Ctrl-checked rows, else the measure on show.
  void SetStatusOfSelection(std::optional<Status> s);
  // The detail panel: the measure it shows, whatever rows are checked.
  void SetStatusOf(const std::string& id, std::optional<Status> s);
  void ExportFormat(const char* key);
  // File › Aç… and Ctrl+O: the browser's file chooser, or the open-by-path dialog natively.
  void ChooseFileToOpen();
  // File › Saxla and Ctrl+S: the plan as JSON (a download in the browser), then clean.
  void Save();
  // The Gantt or timeline SVG export ("gantt-svg", "timeline-svg") as a PNG picture.
  void ExportPng(const char* svgKey);
  // The view as a shareable URL fragment (ui/view_link.h): gathered, applied, and
  // written to the page URL when it changes.
  ViewLink CurrentViewLink();
  void ApplyViewLink(const ViewLink& link);
  void SyncUrlFragment();
  std::string StateJson();
  void HandleShortcuts();
  void Autosave();

 private:
  void ReportOpenFailure(std::vector<Diagnostic> diagnostics);
  struct PendingOpen {
    LoadResult loaded;  // loaded and validated: answering costs no second parse
    std::string name;
    bool markClean = true;
    std::function<void()> onOpened;
  };
  bool Open(const std::vector<NamedText>& files, bool markClean, std::function<void()> onOpened, bool discardChanges);
  void Replace(PendingOpen& open);
  ExportOptions CurrentExportOptions() const;  // the year and language on screen
  void ReportExport(const std::string& fileName, const std::string& where);

  Editor editor_;
  UiState ui_;
  ViewState views_;
  WidgetRects widgets_;
  unsigned long generation_ = 0;  // bumped on every open (Editor::OnChange, PlanChange::Replaced)
  std::string planName_;
  std::optional<PendingOpen> pending_;
  // Derived data, recomputed when the plan, the filter or the year changes.
  DataKey visibleKey_;
  bool visibleValid_ = false;
  std::vector<int> visible_;
  PlanKey figuresKey_;
  int figuresYear_ = 0;
  YearFigures figures_;
  unsigned long autosavedRevision_ = 0;
  std::string writtenFragment_;
  double fragmentChangedAt_ = -1;
};

}  // namespace azplan::ui
