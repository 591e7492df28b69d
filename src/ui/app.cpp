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
#include "ui/view_table.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

App::App() {
  platform::SetDropHandler([this](platform::File f) { OpenFile(std::move(f)); });
  // Every open is a new generation: lists derived from the previous plan never match it,
  // whatever its revision (ui/view_state.h).
  editor_.OnChange([this](PlanChange change) {
    if (change == PlanChange::Replaced) {
      ++generation_;
      views_ = ViewState();
    }
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
  // Set aside first: opening the bundled plans clears the autosave. A working copy of a
  // newer azplan is not damaged, only not ours to read: kept whole, and the user told.
  const bool damaged = st == AutosaveState::Damaged || st == AutosaveState::Valid || st == AutosaveState::Foreign;
  const bool newer = st == AutosaveState::Newer;
  if (damaged) SetAsideAutosave();
  if (newer) SetAsideNewerAutosave();
  // A plan on its way (?plan=) needs no bundled plans opened and thrown away first; a
  // damaged or newer autosave still opens them, so its notice has a plan to stand over.
  if (!bundledFallback && !damaged && !newer) return;
  OpenBundled();
  if (damaged) ui_.notice = Tr("autosaveDamaged");
  if (newer) ui_.notice = Tr("autosaveNewer");
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

Filter App::AppliedFilter() const {
  Filter f = ui_.filter;
  f.text = ui_.searchText;
  f.year = ui_.year;
  f.statusMask = ui_.statusChoice ? 1 << (ui_.statusChoice - 1) : 0;
  return f;
}

const std::vector<int>& App::VisibleItems() {
  DataKey key = CurrentDataKey();
  if (!visibleValid_ || key != visibleKey_) {
    visible_ = FilterMatcher(editor_.index(), key.filter).Apply(true);
    visibleKey_ = std::move(key);
    visibleValid_ = true;
  }
  return visible_;
}

const YearFigures& App::Figures() {
  if (figuresKey_ != CurrentPlanKey() || figuresYear_ != ui_.year) {
    figures_ = ComputeFigures(editor_.index(), ui_.year);
    figuresKey_ = CurrentPlanKey();
    figuresYear_ = ui_.year;
  }
  return figures_;
}

bool App::Execute(std::unique_ptr<Command> command) { return editor_.Execute(std::move(command)); }
void App::Undo() { editor_.Undo(); }
void App::Redo() { editor_.Redo(); }

void App::Select(const std::string& id) { ui_.selectedId = id; }

void App::SetYear(int year) { ui_.year = std::max(2000, std::min(2100, year)); }

void App::ShowTab(int index) {
  if (index < 0 || index >= static_cast<int>(Views().size())) return;
  ui_.tab = index;
  ui_.tabRequested = true;
}

bool App::ShowTab(std::string_view name) {
  int i = FindView(name);
  if (i >= 0) ShowTab(i);
  return i >= 0;
}

void App::SetStatusOf(const std::string& id, std::optional<Status> s) {
  int i = editor_.index().Find(id);
  if (i >= 0 && IsAssessableKind(editor_.index()[i].node->kind)) editor_.Execute(SetStatus(id, ui_.year, s));
}

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
  const std::string name = ExportFileName(editor_.plan(), ui_.year, *f);
  ReportExport(name, platform::Download(name, f->mime, f->run(editor_.plan(), CurrentExportOptions())));
}

// Download answers where the file went, or nothing when it could not be written.
void App::ReportExport(const std::string& fileName, const std::string& where) {
  if (where.empty()) ui_.notice = std::string(Tr("exportFailed")) + ": " + fileName;
  else ui_.notice = std::string(Tr("exported")) + ": " + where;
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
  const std::string name = ExportFileName(editor_.plan(), ui_.year, png);
  ReportExport(name, platform::DownloadSvgAsPng(name, f->run(editor_.plan(), CurrentExportOptions())));
}

ViewLink App::CurrentViewLink() {
  ViewLink l;
  const Plan& plan = editor_.plan();
  l.plan = planName_;
  l.year = ui_.year;
  l.tab = Views()[static_cast<size_t>(ui_.tab)].name;
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
  ShowTab(l.tab);
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
  // One press, one step: ImGui's key repeat counts frame time, so a press held across two
  // slow frames (a loaded machine, a page that draws only on input) would undo twice.
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
    if (io.KeyShift) editor_.Redo();
    else editor_.Undo();
  }
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) editor_.Redo();
  // Views by their shortcuts in the table (Ctrl+Shift+digit: the browser keeps Ctrl+digit).
  if (ctrl && io.KeyShift)
    for (size_t i = 0; i < Views().size(); ++i)
      if (Views()[i].shortcutKey && ImGui::IsKeyPressed(Views()[i].shortcutKey, false)) ShowTab(static_cast<int>(i));
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
  o["tab"] = ui_.tab;
  o["tabName"] = Views()[static_cast<size_t>(ui_.tab)].name;
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
  o["checked"] = ui_.checked;
  // Where the named widgets were drawn in the last frame: {name: [x, y, w, h]}, rows as
  // "row:<id>". Recorded cheaply during the frame, turned into text only here.
  Json widgets = Json::object();
  for (const auto& e : widgets_.Entries()) {
    std::string name = e.name;
    if (e.detail) name += std::string(":") + e.detail;
    if (e.item >= 0 && e.item < editor_.index().Size()) name += ":" + editor_.index()[e.item].id;
    widgets[name] = {e.x, e.y, e.w, e.h};
  }
  o["widgets"] = std::move(widgets);
  return o.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void App::Frame(float width, float height) {
  widgets_.BeginFrame();
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
    const auto& views = Views();
    for (size_t i = 0; i < views.size(); ++i) {
      const ViewEntry& v = views[i];
      const bool requested = ui_.tabRequested && ui_.tab == static_cast<int>(i);
      std::string label = std::string(Tr(v.labelKey)) + "###" + v.name;
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0);
      NoteWidget("tab", v.name);
      if (open) {
        if (!ui_.tabRequested) ui_.tab = static_cast<int>(i);
        v.draw(*this);
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
  DrawDialogs(*this);
  Autosave();
  SyncUrlFragment();
}

}  // namespace azplan::ui
