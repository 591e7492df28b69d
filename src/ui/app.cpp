#include "ui/app.h"

#include <imgui.h>

#include <cstdio>

#include "core/exporters.h"
#include "core/figures_json.h"
#include "core/plan_io.h"
#include "embedded/embedded.h"
#include "platform/platform.h"
#include "ui/autosave.h"
#include "ui/redraw.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

App::App() {
  // While the merge review is open, dropped files are agency returns.
  platform::SetDropHandler([this](platform::File f) {
    if (ui_.showMergeReview) AddReturn(std::move(f));
    else OpenFile(std::move(f));
  });
}

void App::ReportOpenFailure(std::vector<Diagnostic> diagnostics) {
  ui_.errors = std::move(diagnostics);
  ui_.showErrors = true;
  ui_.notice = Tr("openFailed");
}

bool App::OpenFile(platform::File file) {
  if (file.refusedSize > 0) {
    ReportOpenFailure({FileTooLarge(file.name, file.refusedSize)});
    return false;
  }
  return OpenFiles(OneFile(std::move(file.name), std::move(file.bytes)));
}

bool App::OpenFiles(std::vector<NamedText> files, bool markClean, std::function<void()> onOpened) {
  return Open(files, markClean, std::move(onOpened), false);
}

// Loads and validates; then opens at once, unless that would lose unsaved changes: then
// the loaded plan waits for the user's answer (the dialog in DrawDialogs). A newer
// request replaces a waiting one.
bool App::Open(const std::vector<NamedText>& files, bool markClean, std::function<void()> onOpened,
               bool discardChanges) {
  PendingOpen open;
  open.loaded = LoadPlans(files);
  if (!open.loaded.Ok()) {
    ReportOpenFailure(std::move(open.loaded.diagnostics));
    return false;
  }
  open.name = files.size() == 1 ? files[0].name : std::string(Tr("allDocuments"));
  open.markClean = markClean;
  open.onOpened = std::move(onOpened);
  if (editor_.Dirty() && !discardChanges) {
    pending_ = std::move(open);
    return true;
  }
  pending_.reset();
  Replace(open);
  return true;
}

void App::Replace(PendingOpen& open) {
  LoadResult& r = open.loaded;
  ui_.errors.clear();
  ui_.showErrors = false;
  ui_.notice.clear();  // an earlier failure's message no longer applies
  ui_.noticeRestored = false;
  planName_ = open.name;
  if (r.plan->title.empty()) r.plan->title = planName_;
  TryReplacePlan(editor_, r);
  if (!open.markClean) editor_.MarkUnsaved();  // a restored working copy differs from any file
  // The previous working copy was saved, discarded by the user, or unchanged: a reload
  // must bring back the plan now open, not it.
  else ClearAutosave();
  ui_.selectedId.clear();
  ui_.checked.clear();
  ui_.gantt.fitted = ui_.timeline.fitted = false;
  ui_.year = DefaultMonitoringYear(editor_.plan());
  autosavedRevision_ = editor_.Revision();
  if (open.onOpened) open.onOpened();
}

const std::string& App::PendingOpenName() const {
  static const std::string none;
  return pending_ ? pending_->name : none;
}

void App::AnswerPendingOpen(OpenAnswer answer) {
  if (!pending_) return;
  PendingOpen open = std::move(*pending_);
  pending_.reset();
  if (answer == OpenAnswer::Cancel) return;
  if (answer == OpenAnswer::SaveFirst) Save();
  Replace(open);
}

void App::OpenBundled(bool discardChanges) {
  std::vector<NamedText> inputs;
  for (const EmbeddedFile* f = BundledPlanFiles(); f->name; ++f)
    inputs.push_back({f->name, std::string(reinterpret_cast<const char*>(f->data), f->size)});
  Open(inputs, true, {}, discardChanges);
}

void App::RestoreAutosaveOrBundled(bool bundledFallback) {
  AutosaveRecord rec;
  AutosaveState st = ReadAutosave(rec);
  if (st == AutosaveState::Valid &&
      OpenFiles(OneFile(rec.name, std::move(rec.planText)), false, [this, name = rec.name, year = rec.year] {
        planName_ = name;
        if (year) ui_.year = year;
        ui_.notice = Tr("restored");
        ui_.noticeRestored = true;
      }))
    return;
  // Set aside first: opening the bundled plans clears the autosave.
  const bool damaged = st == AutosaveState::Damaged || st == AutosaveState::Valid;
  if (damaged) SetAsideAutosave();
  // A plan on its way (?plan=) needs no bundled plans opened and thrown away first; a
  // damaged autosave still opens them, so its notice has a plan to stand over.
  if (!bundledFallback && !damaged) return;
  OpenBundled();
  if (damaged) ui_.notice = Tr("autosaveDamaged");
}

void App::Autosave() {
  // A write can fail later in the browser (IndexedDB quota): the user must hear of it,
  // since a closed tab would then lose the work.
  if (platform::TakeStorageFailure()) ui_.notice = Tr("autosaveFailed");
  if (editor_.Revision() == autosavedRevision_) return;
  autosavedRevision_ = editor_.Revision();
  if (!editor_.Dirty()) {
    ClearAutosave();  // back at the opened state: nothing to restore
    return;
  }
  if (!WriteAutosave({planName_, SavePlan(editor_.plan()), ui_.year})) ui_.notice = Tr("autosaveFailed");
}

const std::vector<int>& App::VisibleItems() {
  Filter f = ui_.filter;
  f.text = ui_.searchText;
  f.year = ui_.year;
  f.statusMask = ui_.statusChoice ? 1 << (ui_.statusChoice - 1) : 0;
  char key[512];
  std::snprintf(key, sizeof key, "%d|%d|%s|%d|%d|%d|%d|%d", f.document, f.subtree, f.agencyId.c_str(),
                static_cast<int>(f.agencyRole), f.statusMask, f.year, f.activeInYear, f.measuresOnly);
  std::string k = std::string(key) + "|" + f.text;
  if (visibleRevision_ != editor_.Revision() || k != visibleFilterKey_) {
    visible_ = FilterMatcher(editor_.index(), f).Apply(true);
    visibleRevision_ = editor_.Revision();
    visibleFilterKey_ = k;
  }
  return visible_;
}

const YearFigures& App::Figures() {
  if (figuresRevision_ != editor_.Revision() || figuresYear_ != ui_.year) {
    figures_ = ComputeFigures(editor_.index(), ui_.year);
    figuresRevision_ = editor_.Revision();
    figuresYear_ = ui_.year;
  }
  return figures_;
}

void App::Select(const std::string& id) { ui_.selectedId = id; }

void App::SetYear(int year) { ui_.year = std::max(2000, std::min(2100, year)); }

void App::SetStatusOfSelection(std::optional<Status> s) {
  std::vector<std::string> ids(ui_.checked.begin(), ui_.checked.end());
  if (ids.empty() && !ui_.selectedId.empty()) ids.push_back(ui_.selectedId);
  std::vector<std::unique_ptr<Command>> cmds;
  for (const auto& id : ids) {
    int i = editor_.index().Find(id);
    if (i >= 0 && IsAssessableKind(editor_.index()[i].node->kind)) cmds.push_back(SetStatus(id, ui_.year, s));
  }
  if (cmds.size() == 1) editor_.Execute(std::move(cmds[0]));
  else if (!cmds.empty()) editor_.Execute(Batch("bulkStatus", std::move(cmds)));
}

ExportOptions App::CurrentExportOptions() const {
  ExportOptions o;
  o.year = ui_.year;
  o.language = Language();
  return o;
}

void App::ExportFormat(const char* key) {
  const azplan::ExportFormat* f = FindExportFormat(key);
  if (!f) return;
  std::string where = platform::Download(ExportFileName(editor_.plan(), ui_.year, *f), f->mime,
                                         f->run(editor_.plan(), CurrentExportOptions()));
  ui_.notice = std::string(Tr("exported")) + ": " + where;
}

void App::ChooseFileToOpen() {
  if (!platform::RequestOpenFile([this](platform::File f) { OpenFile(std::move(f)); })) ui_.showOpenPath = true;
}

void App::Save() {
  ExportFormat("json");
  editor_.MarkClean();
}

void App::ExportPng(const char* svgKey) {
  const azplan::ExportFormat* f = FindExportFormat(svgKey);
  if (!f) return;
  azplan::ExportFormat png = *f;
  png.extension = "png";
  std::string where = platform::DownloadSvgAsPng(ExportFileName(editor_.plan(), ui_.year, png),
                                                 f->run(editor_.plan(), CurrentExportOptions()));
  ui_.notice = std::string(Tr("exported")) + ": " + where;
}

static const char* const kTabKeys[] = {"table", "gantt", "timeline", "dashboard"};

ViewLink App::CurrentViewLink() {
  ViewLink l;
  const Plan& plan = editor_.plan();
  l.plan = planName_;
  l.year = ui_.year;
  l.tab = kTabKeys[static_cast<int>(ui_.tab)];
  l.search = ui_.searchText;
  if (ui_.filter.document >= 0 && ui_.filter.document < static_cast<int>(plan.documents.size()))
    l.document = plan.documents[ui_.filter.document].id;
  l.agency = ui_.filter.agencyId;
  l.leadOnly = ui_.filter.agencyRole == AgencyRole::Lead;
  if (ui_.statusChoice > 0) l.status = StatusKey(static_cast<Status>(ui_.statusChoice - 1));
  if (ui_.gantt.fitted) {
    l.ganttStart = ui_.gantt.axis.startDay;
    l.ganttPxPerDay = ui_.gantt.axis.pxPerDay;
  }
  return l;
}

void App::ApplyViewLink(const ViewLink& l) {
  const Plan& plan = editor_.plan();
  if (l.year) SetYear(l.year);
  for (int i = 0; i < 4; ++i)
    if (l.tab == kTabKeys[i]) {
      ui_.tab = static_cast<Tab>(i);
      ui_.tabRequested = true;
    }
  ui_.searchText = l.search;
  ui_.filter.document = -1;
  for (size_t i = 0; i < plan.documents.size(); ++i)
    if (plan.documents[i].id == l.document) ui_.filter.document = static_cast<int>(i);
  ui_.filter.agencyId.clear();
  for (const auto& a : plan.agencies)
    if (a.id == l.agency) ui_.filter.agencyId = a.id;
  ui_.filter.agencyRole = l.leadOnly ? AgencyRole::Lead : AgencyRole::Any;
  ui_.statusChoice = 0;
  if (auto s = StatusFromKey(l.status)) ui_.statusChoice = 1 + static_cast<int>(*s);
  if (l.ganttPxPerDay > 0) {
    ui_.gantt.axis.startDay = l.ganttStart;
    ui_.gantt.axis.pxPerDay = l.ganttPxPerDay;
    ui_.gantt.fitted = true;
  }
}

void App::SyncUrlFragment() {
  std::string f = EncodeViewLink(CurrentViewLink());
  double now = ImGui::GetTime();
  if (f == writtenFragment_) {
    fragmentChangedAt_ = -1;
    return;
  }
  // Written once the view has been still for a moment: the browser limits how often a
  // page may replace its URL, and a zoom or a typed search changes it every frame.
  if (fragmentChangedAt_ < 0) fragmentChangedAt_ = now;
  if (writtenFragment_.empty() || now - fragmentChangedAt_ >= 0.25) {
    platform::SetUrlFragment(f);
    writtenFragment_ = f;
    fragmentChangedAt_ = -1;
  } else {
    RequestFrameAfter(0.25 - (now - fragmentChangedAt_));  // an idle app still writes it
  }
}

void App::HandleShortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  bool ctrl = io.KeyCtrl || io.KeySuper;
  // Save and Open work while typing in a field too (letters by GLFW key code, ASCII capitals).
  if (ctrl && ImGui::IsKeyPressed('S', false)) Save();
  if (ctrl && ImGui::IsKeyPressed('O', false)) ChooseFileToOpen();
  if (io.WantTextInput) return;  // Ctrl+Z/Y there are the text field's own undo
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) {
    if (io.KeyShift) editor_.Redo();
    else editor_.Undo();
  }
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) editor_.Redo();
  if (ctrl) return;
  // Status keys act on the selection: 1 executed, 2 partial, 3 not executed, 4 not assessed, 0 clear.
  static const std::pair<int, std::optional<Status>> kKeys[] = {
      {'1', Status::Executed}, {'2', Status::Partial}, {'3', Status::NotExecuted},
      {'4', Status::NotAssessed}, {'0', std::nullopt}};
  // Key indexes are GLFW's (the same in Emscripten's GLFW): digits are ASCII, the keypad 320+.
  for (const auto& [ch, st] : kKeys)
    if (ImGui::IsKeyPressed(ch, false) || ImGui::IsKeyPressed(320 + (ch - '0'), false)) SetStatusOfSelection(st);
}

std::string App::StateJson() {
  const YearFigures& f = Figures();
  Json o = Json::object();
  o["year"] = ui_.year;
  o["tab"] = static_cast<int>(ui_.tab);
  o["selected"] = ui_.selectedId;
  o["dirty"] = editor_.Dirty();
  o["canUndo"] = editor_.CanUndo();
  o["measures"] = editor_.index().Size();
  o["visible"] = VisibleItems().size();
  o["errors"] = ui_.errors.size();
  // The messages of the last failed open as the error dialog shows them (the first few).
  Json texts = Json::array();
  for (size_t i = 0; i < ui_.errors.size() && i < 20; ++i) texts.push_back(ui_.errors[i].Format());
  o["firstError"] = ui_.errors.empty() ? std::string() : ui_.errors[0].Format();
  o["errorTexts"] = std::move(texts);
  o["errorDialog"] = ui_.errorDialogOpen;
  o["notice"] = ui_.notice;
  // An open waiting for the user's answer because the open plan has unsaved changes.
  o["confirmOpen"] = pending_.has_value();
  o["pendingOpen"] = PendingOpenName();
  o["view"] = EncodeViewLink(CurrentViewLink());
  o["plan"] = {{"measures", TallyToJson(f.plan.measures)}, {"subMeasures", TallyToJson(f.plan.subMeasures)}};
  if (!ui_.selectedId.empty()) {
    int i = editor_.index().Find(ui_.selectedId);
    if (i >= 0) o["selectedStatus"] = StatusKey(EffectiveStatus(editor_.index()[i], ui_.year));
  }
  return o.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void App::Frame(float width, float height) {
  HandleShortcuts();
  DrawMainMenu(*this);
  const float menuH = ImGui::GetFrameHeight();
  const float statusH = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  ImGui::SetNextWindowPos(ImVec2(0, menuH));
  ImGui::SetNextWindowSize(ImVec2(width, height - menuH - statusH));
  ImGuiWindowFlags fixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                           ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("##main", nullptr, fixed);
  DrawNoticeBar(*this);
  const float leftW = std::max(220.0f, width * 0.2f), rightW = std::max(260.0f, width * 0.22f);
  ImGui::BeginChild("##tree", ImVec2(leftW, 0), true);
  DrawPlanTree(*this);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##center", ImVec2(ImGui::GetContentRegionAvail().x - rightW - ImGui::GetStyle().ItemSpacing.x, 0), false);
  DrawFilterBar(*this);
  if (ImGui::BeginTabBar("##tabs")) {
    struct {
      Tab tab;
      const char* key;
      void (*draw)(App&);
    } tabs[] = {{Tab::Table, "table", DrawTableView},
                {Tab::Gantt, "gantt", DrawGanttView},
                {Tab::Timeline, "timeline", DrawTimelineView},
                {Tab::Dashboard, "dashboard", DrawDashboardView}};
    for (auto& t : tabs) {
      ImGuiTabItemFlags flags = (ui_.tabRequested && ui_.tab == t.tab) ? ImGuiTabItemFlags_SetSelected : 0;
      std::string label = std::string(Tr(t.key)) + "###" + t.key;
      if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
        if (!ui_.tabRequested) ui_.tab = t.tab;
        t.draw(*this);
        ImGui::EndTabItem();
      }
    }
    ui_.tabRequested = false;
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##detail", ImVec2(0, 0), true);
  DrawDetailPanel(*this);
  ImGui::EndChild();
  ImGui::End();
  DrawStatusBar(*this, width, height, statusH);
  DrawMergeReview(*this);
  DrawDialogs(*this);
  Autosave();
  SyncUrlFragment();
}

}  // namespace azplan::ui
