#include "ui/app.h"

#include <imgui.h>
#include <imgui_internal.h>  // the nav window's name for the state

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/dates.h"
#include "core/exporters.h"
#include "core/figures_json.h"
#include "core/indicators.h"
#include "core/plan_io.h"
#include "embedded/embedded.h"
#include "platform/platform.h"
#include "ui/autosave.h"
#include "ui/redraw.h"
#include "ui/strings.h"
#include "ui/view_table.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

// Any mouse or key activity in this frame: the autosave waits for a pause in it.
static bool HadInput() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0 ||
      io.InputQueueCharacters.Size > 0)
    return true;
  for (bool down : io.MouseDown)
    if (down) return true;
  for (bool down : io.KeysDown)
    if (down) return true;
  return false;
}
namespace {
const char* const kDisplayKey = "azplan.display";

// A small button at the panel's top-right corner that folds the panel away; the cursor
// is put back so the panel's own content starts where it would have.
bool PanelCollapseButton(const char* label) {
  ImVec2 back = ImGui::GetCursorPos();
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - SmallButtonWidth(label));
  bool pressed = ImGui::SmallButton(label);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("hidePanel"));
  ImGui::SetCursorPos(back);
  return pressed;
}
}  // namespace

App::App() {
  // While the merge review is open, dropped files are agency returns.
  platform::SetDropHandler([this](platform::File f) {
    if (ui_.showMergeReview) AddReturn(std::move(f));
    else OpenFile(std::move(f));
  });
  // Every open is a new generation: lists derived from the previous plan never match it,
  // whatever its revision (ui/view_state.h).
  editor_.OnChange([this](PlanChange change) {
    if (change == PlanChange::Replaced) {
      ++generation_;
      views_ = ViewState();
    }
  });
  // Every control reachable without a mouse: arrows, Space/Enter, Alt for the menu, with
  // the focus drawn (ImGuiCol_NavHighlight; yellow in the high-contrast theme).
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ui_.display = DecodeDisplaySettings(platform::StorageGet(kDisplayKey));
  savedDisplay_ = ui_.display;
  // Column widths and order of the tables, as the user left them, saved a second after a
  // change (ImGui's default is 5 s: a tab closed sooner would forget it).
  ImGui::GetIO().IniSavingRate = 1.0f;
  if (!ui_.display.tableColumns.empty())
    ImGui::LoadIniSettingsFromMemory(ui_.display.tableColumns.data(), ui_.display.tableColumns.size());
  if (!ui_.display.language.empty()) SetLanguage(ui_.display.language);
  SetTextScale(ui_.display.textScale);
  ApplyTheme(ThemeFromName(ui_.display.theme), platform::PixelRatio());
}

std::string App::PlanName() const {
  // The bundled set is named when opened, in the language of that moment: name it anew.
  if (planName_ == TrIn("allDocuments", "az") || planName_ == TrIn("allDocuments", "en")) return Tr("allDocuments");
  return planName_;
}

void App::SetTheme(const std::string& theme) {
  ui_.display.theme = ThemeName(ThemeFromName(theme));
  ApplyTheme(ThemeFromName(theme), platform::PixelRatio());
  RequestFrames(2);
}

void App::SetTextSize(float scale) {
  SetTextScale(scale);
  ui_.display.textScale = TextScale();
  RequestFrames(2);  // the font is rebuilt before the next frame
}

void App::UpdateAccessibleMirror() {
  const PlanIndex& index = editor_.index();
  int i = ui_.selectedId.empty() ? -1 : index.Find(ui_.selectedId);
  const int tab = ui_.tab;
  // Cheap to compare every frame; the mirror itself is rebuilt only when this changes.
  std::string key = ui_.selectedId + '\n' + std::to_string(i) + '\n' + std::to_string(ui_.year) + '\n' +
                    std::to_string(editor_.Revision()) + '\n' + Language() + '\n' + std::to_string(tab) +
                    '\n' + ui_.dashboardTrace + '\n' + planName_;
  if (key == mirrorKey_) return;
  mirrorKey_ = key;
  MirrorState m;
  m.language = Language();
  m.view = Tr(Views()[static_cast<size_t>(tab)].labelKey);
  m.plan = PlanName();
  m.year = ui_.year;
  m.yearLabel = Tr("year");
  m.codeLabel = Tr("code");
  m.titleLabel = Tr("title");
  m.statusLabel = Tr("status");
  m.documentLabel = Tr("document");
  m.leadLabel = Tr("lead");
  m.coLabel = Tr("coExecutors");
  m.periodLabel = Tr("period");
  m.noneSelected = Tr("nothingSelected");
  m.figureLabel = Tr("dashboard");
  if (i >= 0) {
    const auto& item = index[i];
    const Node& n = *item.node;
    const Plan& plan = editor_.plan();
    m.code = n.code;
    m.title = n.title;
    if (IsAssessableKind(n.kind)) m.status = StatusText(EffectiveStatus(item, ui_.year));
    m.document = plan.documents[static_cast<size_t>(item.doc)].Label();
    m.lead = n.executorsPending ? Tr("toBeAssigned") : JoinAgencyNames(plan, n.lead);
    m.coExecutors = JoinAgencyNames(plan, n.coExecutors);
    m.period = item.openEnded ? PeriodText(item.period, true)
                              : PeriodText(n.period.IsSet() || !n.period.Empty() ? n.period : item.period);
  }
  if (Views()[static_cast<size_t>(tab)].name == std::string_view("dashboard")) {
    const Tally& t = Figures().plan.measures;
    if (t.Assessed()) {
      Shares s = DisplayShares(t);
      m.figure = std::string(Tr("measures")) + ": " + StatusText(Status::Executed) + " " + std::to_string(s.executed) +
                 "%, " + StatusText(Status::Partial) + " " + std::to_string(s.partial) + "%, " +
                 StatusText(Status::NotExecuted) + " " + std::to_string(s.notExecuted) + "%; " + Tr("score") + " " +
                 std::to_string(DisplayScore(Figures().plan.subMeasures)) + "%";
    }
  }
  std::string said = MirrorAnnouncement(mirror_, m);
  mirror_ = std::move(m);
  platform::SetAccessibleMirror(MirrorHtml(mirror_), mirror_.language, said);
}

void App::OpenAccessibleReport() {
  const azplan::ExportFormat* f = FindExportFormat("html");
  if (!f) return;
  const std::string name = ExportFileName(editor_.plan(), ui_.year, *f);
  ReportExport(name, platform::OpenHtmlDocument(name, f->run(editor_.plan(), CurrentExportOptions())));
}

void App::SaveDisplaySettings() {
  ui_.display.language = Language();
  // ImGui says when a table's columns were resized, moved or hidden (its own timer, about
  // a second after the change, so a drag is one write).
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantSaveIniSettings) {
    io.WantSaveIniSettings = false;
    ui_.display.tableColumns = TableColumnLayouts(ImGui::SaveIniSettingsToMemory());
  }
  // The timer runs on frames: a resting app builds one when it runs out.
  if (const ImGuiContext* g = ImGui::GetCurrentContext(); g && g->SettingsDirtyTimer > 0)
    RequestFrameAfter(g->SettingsDirtyTimer);
  if (ui_.display == savedDisplay_) return;
  savedDisplay_ = ui_.display;
  platform::StorageSet(kDisplayKey, EncodeDisplaySettings(ui_.display));
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
  for (const NamedText& f : files) open.textBytes += f.text.size();
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
  planTextBytes_ = open.textBytes;
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
  else autosave_.Clear();
  // Nothing stored is known to be this plan (a restore adopts what it read afterwards).
  autosave_ = AutosaveStore();
  std::vector<std::string> opened;
  editor_.TakeChangedNodes(opened);  // opening is not an edit to journal
  compactPending_ = LargePlan(editor_);
  idleSince_ = -1;
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
  StoredAutosave stored = ReadStoredAutosave();
  bool damaged = stored.base == AutosaveState::Damaged ||
                 (stored.base == AutosaveState::Valid && stored.journal == JournalState::Damaged);
  if (stored.base == AutosaveState::Valid && stored.journal == JournalState::OtherBase) {
    // The base was written whole after this journal (a kill between the two writes) and
    // holds its edits; or the journal is some other copy's. Either way it does not apply.
    SetAsideJournal();
    stored.records.clear();
    stored.journalText.clear();
  }
  if (stored.base == AutosaveState::Valid && !damaged && stored.Unsaved()) {
    // The base, then its journal replayed; a plan is opened whole or not at all.
    PendingOpen open;
    AutosaveRecord& rec = stored.record;
    open.textBytes = rec.planText.size();
    open.loaded = LoadPlans(OneFile(rec.name, std::move(rec.planText)));
    if (open.loaded.Ok() && ApplyJournal(*open.loaded.plan, stored.records)) {
      const int year = stored.records.empty() ? rec.year : stored.records.back().year;
      open.name = rec.name;
      open.markClean = false;
      open.onOpened = [this, name = rec.name, year] {
        planName_ = name;
        if (year) ui_.year = year;
        ui_.notice = Tr("restored");
        ui_.noticeRestored = true;
      };
      Replace(open);
      autosave_.Adopt(rec.checksum, std::move(stored.journalText), stored.records.size());
      compactPending_ = !stored.records.empty();  // fold the journal into the base when idle
      return;
    }
    damaged = true;  // a valid record that does not open (or replay) is damaged all the same
  }
  // Another program's value under our key is set aside like a damaged one. A working copy
  // of a newer azplan is not damaged, only not ours to read: kept whole, and the user told.
  if (stored.base == AutosaveState::Foreign) damaged = true;
  const bool newer = stored.base == AutosaveState::Newer;
  // Set aside first: opening the bundled plans clears the autosave.
  if (damaged) SetAsideAutosave();
  if (newer) SetAsideNewerAutosave();
  // A plan on its way (?plan=) needs no bundled plans opened and thrown away first; a
  // damaged or newer autosave still opens them, so its notice has a plan to stand over.
  if (!bundledFallback && !damaged && !newer) return;
  OpenBundled();
  if (damaged) ui_.notice = Tr("autosaveDamaged");
  if (newer) ui_.notice = Tr("autosaveNewer");
}

// Below this size the whole plan is written within a frame's budget, so a plan as opened
// needs no stored copy; above it one is written when idle, so that the first edit has a
// base to journal against (bench_ui: "status edit", "idle autosave").
bool App::LargePlan(const Editor& editor) { return editor.index().Size() >= 1000; }

void App::WriteWholeAutosave() {
  AutosaveRecord rec;
  rec.name = planName_;
  // Written and escaped in one buffer of about the right size: no copies of the plan.
  rec.planText = SavePlan(editor_.plan(), AutosaveCapacity(planTextBytes_));
  planTextBytes_ = rec.planText.size();
  rec.year = ui_.year;
  rec.dirty = editor_.Dirty();
  if (!autosave_.WriteWhole(std::move(rec))) ui_.notice = Tr("autosaveFailed");
}

// Each edit is journaled in its own frame; the whole plan is written only when that is not
// possible (no base yet, a change to the hierarchy) and, otherwise, once the user has left
// the app alone for kIdleSeconds.
void App::Autosave() {
  constexpr double kIdleSeconds = 2.0;
  // A write can fail later in the browser (IndexedDB quota): the user must hear of it,
  // since a closed tab would then lose the work.
  if (platform::TakeStorageFailure()) ui_.notice = Tr("autosaveFailed");
  const double now = ImGui::GetTime();
  if (idleSince_ < 0 || HadInput()) idleSince_ = now;
  if (editor_.Revision() != autosavedRevision_) {
    autosavedRevision_ = editor_.Revision();
    idleSince_ = now;
    std::vector<std::string> ids;
    const bool known = editor_.TakeChangedNodes(ids);
    const bool dirty = editor_.Dirty();
    bool stored = true;
    if (known && autosave_.Append(editor_.index(), ids, dirty, ui_.year, stored)) {
      compactPending_ = true;
    } else if (dirty) {
      WriteWholeAutosave();
      compactPending_ = false;
    } else {
      autosave_.Clear();  // back at the opened state: nothing to restore
      compactPending_ = LargePlan(editor_);
    }
    if (!stored) ui_.notice = Tr("autosaveFailed");
  }
  if (!compactPending_) return;
  // A large plan's first copy is work the open still owes: it goes at the first second's
  // pause, so a page left alone rests within 2 s of the last input (issue 12). Compacting
  // the journal after edits can wait for a longer pause.
  const double wait = editor_.Dirty() ? kIdleSeconds : 1.0;
  if (now - idleSince_ < wait) {
    RequestFrameAfter(wait - (now - idleSince_));
    return;
  }
  compactPending_ = false;
  if (editor_.Dirty() || LargePlan(editor_)) WriteWholeAutosave();
  else autosave_.Clear();
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

bool App::RecordMeasured(const std::string& kpiId, const std::string& valueText, const std::string& source,
                         const std::string& note) {
  IndicatorsState& s = ui_.indicators;
  const Kpi* kpi = editor_.plan().FindKpi(kpiId);
  if (!kpi) return false;
  std::string error;
  auto value = MakeMeasuredValue(*kpi, ui_.year, valueText, source, note, &error);
  if (!value) {
    // The core words its reasons in English; the two a user meets are said in the UI's language.
    std::string why = error;
    if (Language() != "en") {
      auto number = ParseAzNumber(valueText);
      if (!number) why = Tr("notANumber");
      else if (!UnitFits(kpi->unit, number->unit))
        why = kpi->unit.empty() ? std::string(Tr("noUnitHere"))
                                : std::string(Tr("unitIs")) + " " + kpi->unit + ", “" + number->unit + "” " + Tr("unitIsNot");
    }
    s.error = std::string(Tr("valueRefused")) + ": " + why;
    return false;
  }
  s.error.clear();
  editor_.Execute(SetMeasured(kpiId, std::move(*value)));
  return true;
}

void App::ClearMeasuredValue(const std::string& kpiId) {
  ui_.indicators.error.clear();
  editor_.Execute(ClearMeasured(kpiId, ui_.year));
}

ExportOptions App::CurrentExportOptions() {
  ExportOptions o;
  o.year = ui_.year;
  o.language = Language();
  o.preparedOn = IsoDate(NowLocal());  // the user's day, for the report's "prepared on"
  // The rows the filters leave, in the table's order; everything when nothing is filtered.
  Filter f = ui_.filter;
  f.text = ui_.searchText;
  f.statusMask = ui_.statusChoice ? 1 << (ui_.statusChoice - 1) : 0;
  if (!f.Empty()) {
    std::vector<int> rows = VisibleItems();
    if (ui_.tableSort != SortKey::Code || !ui_.tableSortAscending)
      SortItems(editor_.index(), rows, ui_.tableSort, ui_.tableSortAscending, ui_.year);
    o.filtered = true;
    for (int i : rows) o.itemIds.push_back(editor_.index()[i].id);
  }
  // The Gantt's zoom once the user has seen it: the days its time area shows.
  if (ui_.gantt.fitted && ui_.gantt.areaWidth > 0 && ui_.gantt.axis.pxPerDay > 0) {
    o.ganttStartDay = static_cast<int>(std::floor(ui_.gantt.axis.startDay));
    o.ganttEndDay = static_cast<int>(std::ceil(ui_.gantt.axis.XToDay(ui_.gantt.areaWidth)));
    o.ganttPxPerDay = ui_.gantt.axis.pxPerDay;
  }
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

// Writes back into the opened file where the browser allows it (the first time after
// the user's confirmation); elsewhere, or when that is refused, downloads as before.
void App::Save() {
  const std::string bytes = SavePlan(editor_.plan());
  const unsigned long revision = editor_.Revision();
  const std::string name = planName_;
  const bool inPlace = platform::SaveToOpenedFile(name, bytes, [this, revision, name, bytes](bool ok) {
    if (ok) {
      if (editor_.Revision() == revision) editor_.MarkClean();  // not edits made while it wrote
      ui_.notice = std::string(Tr("savedInPlace")) + ": " + name;
    } else {
      const azplan::ExportFormat* f = FindExportFormat("json");
      const std::string file = ExportFileName(editor_.plan(), ui_.year, *f);
      ReportExport(file, platform::Download(file, f->mime, bytes));
      if (editor_.Revision() == revision) editor_.MarkClean();
    }
    RequestFrames();
  });
  if (inPlace) return;
  ExportFormat("json");
  editor_.MarkClean();
}

// "● name — azplan" while there are unsaved changes, "name — azplan" once saved.
void App::SyncTitle() {
  std::string title = (editor_.Dirty() ? "● " : "") + planName_ + " — azplan";
  if (title == title_) return;
  title_ = title;
  platform::SetTitle(title);
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
  // Function keys type nothing: they work from a text field too.
  if (ImGui::IsKeyPressed(291, false)) OpenAccessibleReport();  // F2 (GLFW key code)
  // F6 / Shift+F6: the next / previous pane (documents, the view, details), as in most
  // desktop programs; arrows then move inside it.
  if (ImGui::IsKeyPressed(295, false)) {
    ui_.lastPane = io.KeyShift ? (ui_.lastPane <= 1 ? 3 : ui_.lastPane - 1) : (ui_.lastPane % 3) + 1;
    ui_.focusPane = ui_.lastPane;
    if (ImGui::GetActiveID()) ImGui::ClearActiveID();  // leave a text field: the keys go to the pane
    RequestFrames(2);
  }
  if (io.WantTextInput) return;  // Ctrl+Z/Y there are the text field's own undo
  // One press, one step: ImGui's key repeat counts frame time, so a press held across two
  // slow frames (a loaded machine, a page that draws only on input) would undo twice.
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
    if (io.KeyShift) editor_.Redo();
    else editor_.Undo();
  }
  if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) editor_.Redo();
  // Views by their shortcuts in the table (Ctrl+Shift+digit: the browser keeps Ctrl+digit).
  // Text size: Ctrl+= / Ctrl++ larger, Ctrl+- smaller, Ctrl+0 back to 100 % (GLFW key codes:
  // '=' 61, '-' 45, keypad + 334, keypad - 333).
  if (ctrl && (ImGui::IsKeyPressed('=', false) || ImGui::IsKeyPressed(334, false))) SetTextSize(TextScale() + 0.1f);
  if (ctrl && (ImGui::IsKeyPressed('-', false) || ImGui::IsKeyPressed(333, false))) SetTextSize(TextScale() - 0.1f);
  if (ctrl && ImGui::IsKeyPressed('0', false)) SetTextSize(1);
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
  o["renderer"] = renderer_;
  o["errorDialog"] = ui_.errorDialogOpen;
  o["notice"] = ui_.notice;
  // An open waiting for the user's answer because the open plan has unsaved changes.
  o["confirmOpen"] = pending_.has_value();
  o["pendingOpen"] = PendingOpenName();
  // The return forms being written (File › Export › all agencies), while it lasts.
  if (formBatch_) o["returnForms"] = {{"written", formBatch_->Written()}, {"total", formBatch_->Total()}};
  // The merge review of agency returns, while it is open: its counts and messages.
  if (review_) {
    const MergeCounts c = review_->Counts();
    Json messages = Json::array();
    for (const auto& m : review_->messages) messages.push_back(m.Format());
    o["review"] = {{"files", c.files},         {"filesRefused", c.filesRefused}, {"received", c.received},
                   {"changed", c.changed},     {"conflicts", c.conflicts},       {"rowsRefused", c.rowsRefused},
                   {"messages", std::move(messages)}};
  }
  o["view"] = EncodeViewLink(CurrentViewLink());
  // Where the keyboard focus is (tests of keyboard-only use).
  const ImGuiContext* g = ImGui::GetCurrentContext();
  o["navWindow"] = g && g->NavWindow ? std::string(g->NavWindow->Name) : std::string();
  o["navVisible"] = ImGui::GetIO().NavVisible;
  o["plan"] = {{"measures", TallyToJson(f.plan.measures)}, {"subMeasures", TallyToJson(f.plan.subMeasures)}};
  // Indicators: each one's state for the year, the counts, the form's last refusal.
  Json states = Json::object();
  for (const auto& k : editor_.plan().kpis) states[k.id] = ProgressKey(AssessProgress(k, ui_.year).state);
  const ProgressCounts pc = CountProgress(editor_.plan(), "", ui_.year);
  o["indicators"] = {{"states", std::move(states)},
                     {"counts", {{"achieved", pc.achieved}, {"onTrack", pc.onTrack}, {"behind", pc.behind},
                                 {"noData", pc.noData}}},
                     {"selected", ui_.indicators.selectedKpi},
                     {"working", ui_.indicators.workingKpi},
                     {"error", ui_.indicators.error}};
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
    if (!e.key.empty()) name += ":" + e.key;
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
  // The renderer clears the screen to the window colour, so the main window draws no
  // background of its own: a whole screen less to fill in every frame (software WebGL).
  fixed |= ImGuiWindowFlags_NoBackground;
  // Keyboard users start in the main window (not in the status bar, which ImGui would
  // focus as the last window to appear): arrows move at once.
  // (The second frame: on the first, windows appearing after this one take the focus.)
  // A dialog already up (an open over unsaved changes, a failed ?plan=) keeps the focus:
  // focusing the window behind it would close it, and it would reappear a frame later.
  static int framesDrawn = 0;
  if (++framesDrawn == 2 && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
    ImGui::SetNextWindowFocus();
  ImGui::Begin("##main", nullptr, fixed);
  StepReturnForms();
  DrawNoticeBar(*this);
  // Side panels: dragged wider or narrower at their edges, or collapsed to a strip; the
  // sizes are remembered (DisplaySettings). Their default is a share of the window.
  DisplaySettings& disp = ui_.display;
  const float fs = ImGui::GetFontSize(), gap = ImGui::GetStyle().ItemSpacing.x;
  const float panelH = ImGui::GetContentRegionAvail().y, stripW = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.x;
  // Defaults grow with the text size (at 200 % the status choices need about 15 em).
  float leftW = disp.leftPanel > 0 ? disp.leftPanel : std::clamp(width * 0.2f, std::min(fs * 14, width * 0.28f), width * 0.3f);
  float rightW = disp.rightPanel > 0 ? disp.rightPanel : std::clamp(width * 0.22f, std::min(fs * 15, width * 0.36f), width * 0.36f);
  const float minPanel = fs * 8, maxPanel = width * 0.45f;
  // A window narrower than 60 em (1280 px at 200 %) cannot hold both panels and a usable
  // view: the documents panel starts as a strip there, until the user opens or closes a
  // panel themselves (the choice is then theirs, and remembered).
  const bool leftCollapsed = disp.leftCollapsed || (!disp.panelsChosen && width < fs * 60);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
  if (leftCollapsed) {
    ImGui::BeginChild("##treeStrip", ImVec2(stripW, 0), true);
    if (ImGui::SmallButton("▶##showTree")) disp.leftCollapsed = false, disp.panelsChosen = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("showPanel"));
    ImGui::EndChild();
  } else {
    if (ui_.focusPane == 1) ImGui::SetNextWindowFocus(), ui_.focusPane = 0;
    ImGui::BeginChild("##tree", ImVec2(std::clamp(leftW, minPanel, std::max(minPanel, maxPanel)), 0), true);
    ImGui::PopStyleVar();
    if (PanelCollapseButton("◀##hideTree")) disp.leftCollapsed = true, disp.panelsChosen = true;
    DrawPlanTree(*this);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndChild();
    ImGui::SameLine();
    if (Splitter("##splitLeft", leftW, minPanel, maxPanel, panelH, true)) disp.leftPanel = leftW;
  }
  ImGui::SameLine();
  const float rightShown = disp.rightCollapsed ? stripW : std::clamp(rightW, minPanel, std::max(minPanel, maxPanel));
  const float splitW = disp.rightCollapsed ? 0 : std::max(4.0f, fs * 0.35f) + 2;
  ImGui::PopStyleVar();
  // Flattened for the keyboard: arrows reach the filter bar, the tabs and the view from the
  // main window without first "entering" this borderless child.
  if (ui_.focusPane == 2 && ui_.tab != FindView("table")) ImGui::SetNextWindowFocus(), ui_.focusPane = 0;  // the table focuses itself
  ImGui::BeginChild("##center", ImVec2(ImGui::GetContentRegionAvail().x - rightShown - splitW - gap, 0), false,
                    ImGuiWindowFlags_NavFlattened);
  DrawFilterBar(*this);
  // Tabs keep their whole names; when they do not fit, the bar scrolls (arrows) instead.
  drawnView_ = "";
  if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
    const auto& views = Views();
    auto label = [&](const ViewEntry& v) { return std::string(Tr(v.labelKey)) + "###" + v.name; };
    for (size_t i = 0; i < views.size(); ++i) {
      const ViewEntry& v = views[i];
      const bool requested = ui_.tabRequested && ui_.tab == static_cast<int>(i);
      const bool open = ImGui::BeginTabItem(label(v).c_str(), nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0);
      NoteWidget("tab", v.name);
      if (open) {
        if (!ui_.tabRequested) ui_.tab = static_cast<int>(i);  // a click on a tab
        ImGui::EndTabItem();
      }
    }
    // The content is the chosen view's, drawn after the tabs in that tab's own ID scope.
    // ImGui would show a newly selected tab's content only from the next frame (and a new
    // tab bar's first tab before it): a requested view (the page's ?tab=, Ctrl+Shift+N)
    // appears in the frame that asks for it, so a page opened on the Gantt shows the
    // Gantt first, not the table.
    if (ui_.tab >= 0 && ui_.tab < static_cast<int>(views.size())) {
      const ViewEntry& v = views[static_cast<size_t>(ui_.tab)];
      ImGui::PushOverrideID(ImGui::GetID(label(v).c_str()));
      v.draw(*this);
      ImGui::PopID();
      drawnView_ = v.name;
    }
    ui_.tabRequested = false;
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
  if (disp.rightCollapsed) {
    ImGui::BeginChild("##detailStrip", ImVec2(0, 0), true);
    if (ImGui::SmallButton("◀##showDetail")) disp.rightCollapsed = false, disp.panelsChosen = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("showPanel"));
    ImGui::EndChild();
    ImGui::PopStyleVar();
  } else {
    if (Splitter("##splitRight", rightW, minPanel, maxPanel, panelH, false)) disp.rightPanel = rightW;
    ImGui::SameLine();
    ImGui::PopStyleVar();
    if (ui_.focusPane == 3) ImGui::SetNextWindowFocus(), ui_.focusPane = 0;
    ImGui::BeginChild("##detail", ImVec2(0, 0), true);
    if (PanelCollapseButton("▶##hideDetail")) disp.rightCollapsed = true, disp.panelsChosen = true;
    DrawDetailPanel(*this);
    ImGui::EndChild();
  }
  ImGui::End();
  DrawStatusBar(*this, width, height, statusH);
  DrawMergeReview(*this);
  DrawDialogs(*this);
  Autosave();
  SyncUrlFragment();
  SaveDisplaySettings();
  UpdateAccessibleMirror();
  SyncTitle();
}

}  // namespace azplan::ui
