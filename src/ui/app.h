// The application: one Editor (the model with undo), the view state (UiState) and what
// the views derive from the plan (ViewState). Views read the model through App (const)
// and change it only through App's methods, which execute core commands.
#pragma once
#include <functional>
#include <map>
#include <memory>
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
#include "core/returns.h"
#include "core/returns_merge.h"
#include "platform/platform.h"
#include "ui/autosave.h"
#include "ui/a11y_mirror.h"
#include "ui/display_settings.h"
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
  float areaWidth = 0;  // the time area's width as last drawn
  float bodyX0 = 0, bodyY0 = 0, bodyX1 = 0, bodyY1 = 0;  // the rows' area as last drawn: where the wheel and drags act
};

struct TimelineState {
  TimeAxis axis;
  bool fitted = false;
  std::string selectedEvent;  // event id shown whole in the detail panel
};

// The Indicators view: the indicator being recorded, the typed fields, the last
// refusal, and the indicator whose working is open.
struct IndicatorsState {
  std::string selectedKpi;
  std::string valueText, source, note;
  std::string error;
  std::string workingKpi;
};

struct UiState {
  int year = 2017;
  int compareYear = 0;  // 0 = no comparison
  DisplaySettings display;             // theme, text size, language, panels (remembered)
  int focusPane = 0;                   // F6 asked to focus: 1 documents, 2 the view, 3 details (0: none)
  int lastPane = 0;                    // the pane F6 focused last
  std::string selectedId;              // the measure in the detail panel
  std::set<std::string> checked;       // multi-selection in the table
  Filter filter;
  std::string searchText;
  int statusChoice = 0;                // 0 = all, else 1 + Status
  int tab = 0;                         // index into Views() (ui/view_table.h); App::ShowTab
  bool tabRequested = false;           // the tab bar selects `tab` in the next frame
  GanttState gantt;
  TimelineState timeline;
  IndicatorsState indicators;
  // The table's sort as last drawn (the table view writes it): exports list rows in it.
  SortKey tableSort = SortKey::Code;
  bool tableSortAscending = true;
  std::string dashboardTrace;          // key of the figure whose items are listed
  std::vector<Diagnostic> errors;      // last failed open
  bool showErrors = false;
  bool errorDialogOpen = false;        // as drawn in the last frame
  std::string notice;
  bool noticeRestored = false;         // offer "discard and open bundled"
  bool showAbout = false;
  bool showOpenPath = false;
  std::string openPath;
  // Agency returns (ui/returns_ui.cpp, views/merge_review.cpp).
  bool returnsCoExecutors = false;     // forms also list co-executed measures
  bool showMergeReview = false;
  bool showReturnsPath = false;        // desktop: paths typed instead of a picker
  std::string returnsPath;
  bool reviewConflictsOnly = false;
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
  // The open plan's file name, or "all documents" in the language on screen.
  std::string PlanName() const;
  // Which plan (generation, bumped on every open) at which edit (revision).
  PlanKey CurrentPlanKey() const { return {generation_, editor_.Revision()}; }
  // The filter the views apply: the filter bar's choices with the search text, the year
  // and the status; with CurrentPlanKey, the key of every filtered list.
  Filter AppliedFilter() const;
  DataKey CurrentDataKey() const { return {CurrentPlanKey(), AppliedFilter()}; }

  // Records where the last ImGui item was drawn under `name` (StateJson's "widgets"), so
  // tests find it by name: "search", "tab:gantt" (with a detail), "row:<id>" (with an item),
  // "kpi:<id>" (with a key of its own).
  void NoteWidget(const char* name, const char* detail = nullptr) { widgets_.NoteLastItem(name, detail); }
  void NoteWidget(const char* name, std::string key) { widgets_.NoteLastItem(name, std::move(key)); }
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
  // Records what the user typed as the indicator's value for the monitoring year (one
  // undo step); false with ui.indicators.error set when the input is refused.
  bool RecordMeasured(const std::string& kpiId, const std::string& valueText, const std::string& source,
                      const std::string& note);
  void ClearMeasuredValue(const std::string& kpiId);
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
  void SyncTitle();
  // Agency returns: File › Export › return forms (one agency, or all as a .zip), and
  // File › Import returns (several files; each read into the merge review).
  void ExportReturnForms(const std::string& agencyId);
  // All agencies' forms are written a few per frame behind a progress dialog (Cancel
  // stops it); an edit meanwhile cancels it, as the forms would mix two plans.
  void StepReturnForms();
  void CancelReturnForms();
  const ReturnFormBatch* FormBatch() const { return formBatch_.get(); }
  void ChooseReturnsToImport();
  void AddReturn(platform::File file);
  MergeReview* Review() { return review_ ? &*review_ : nullptr; }
  // One undoable step; the review closes.
  void ApplyReview();
  void CloseReview();
  std::string StateJson();
  // What draws the frames ("gl" or "soft", src/main/main.cpp), reported in StateJson.
  void SetRendererName(std::string name) { renderer_ = std::move(name); }
  // The name of the view whose content the last frame drew ("" none).
  const char* DrawnView() const { return drawnView_; }
  void HandleShortcuts();
  void Autosave();
  // The screen reader's mirror (ui/a11y_mirror.h), rebuilt and handed to the page only
  // when what it describes changed; F2 opens the accessible HTML report.
  void UpdateAccessibleMirror();
  void OpenAccessibleReport();
  // Theme and text size, applied now and remembered (DisplaySettings).
  void SetTheme(const std::string& theme);
  void SetTextSize(float scale);


 private:
  std::string renderer_ = "gl";
  const char* drawnView_ = "";
  void ReportOpenFailure(std::vector<Diagnostic> diagnostics);
  struct PendingOpen {
    LoadResult loaded;  // loaded and validated: answering costs no second parse
    std::string name;
    bool markClean = true;
    std::function<void()> onOpened;
    size_t textBytes = 0;  // the files' length: about what SavePlan will write
  };
  bool Open(const std::vector<NamedText>& files, bool markClean, std::function<void()> onOpened, bool discardChanges);
  void Replace(PendingOpen& open);
  ExportOptions CurrentExportOptions();  // the one place exports read what the screen shows
  // The notice after an export: where it went, or that it failed (an empty `where`).
  void ReportExport(const std::string& fileName, const std::string& where);

  Editor editor_;
  size_t planTextBytes_ = 0;  // about how long the plan's text is (opened, or last written)
  UiState ui_;
  ViewState views_;
  WidgetRects widgets_;
  unsigned long generation_ = 0;  // bumped on every open (Editor::OnChange, PlanChange::Replaced)
  std::string planName_;
  std::string title_;  // the page title as last set (SyncTitle)
  std::optional<PendingOpen> pending_;
  std::optional<MergeReview> review_;
  std::vector<ReturnFile> returnFiles_;
  std::vector<ReturnMessage> returnMessages_;
  std::unique_ptr<ReturnFormBatch> formBatch_;
  unsigned long formBatchRevision_ = 0;
  // Derived data, recomputed when the plan, the filter or the year changes.
  DataKey visibleKey_;
  bool visibleValid_ = false;
  std::vector<int> visible_;
  PlanKey figuresKey_;
  int figuresYear_ = 0;
  YearFigures figures_;
  unsigned long autosavedRevision_ = 0;
  AutosaveStore autosave_;
  bool compactPending_ = false;  // the whole plan is to be written once the user is idle
  double idleSince_ = -1;        // ImGui time of the last input or edit; < 0: take the next frame's
  void WriteWholeAutosave();
  static bool LargePlan(const Editor& editor);
  std::string writtenFragment_;
  DisplaySettings savedDisplay_;
  std::string mirrorKey_;
  MirrorState mirror_;
  void SaveDisplaySettings();
  double fragmentChangedAt_ = -1;
};

}  // namespace azplan::ui
