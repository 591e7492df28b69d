// The dashboard: the engine's figures for the year — overall, per document, target and
// priority, agency performance, overdue measures, and a comparison with another year.
// Clicking a figure lists the items behind it and how it was computed.
#include <imgui.h>

#include <ctime>

#include "core/dates.h"
#include "core/exporters.h"
#include "core/filter.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

namespace {


// The lists beyond the year's figures, kept in App (ui/view_state.h) for the plan on show.
const DashboardState& Derived(App& app, int today, int fromYear, int toYear) {
  DashboardState& c = app.views().dashboard;
  const PlanKey key = app.CurrentPlanKey();
  const PlanIndex& index = app.editor().index();
  const bool planChanged = !c.valid || c.key != key;
  if (planChanged || c.today != today) c.overdue = OverdueMeasures(index, today);
  if (planChanged || c.fromYear != fromYear || c.toYear != toYear)
    c.changes = fromYear ? DiffYears(index, fromYear, toYear, Level::SubMeasure) : std::vector<StatusChange>{};
  c.key = key;
  c.valid = true;
  c.today = today;
  c.fromYear = fromYear;
  c.toYear = toYear;
  return c;
}

// Long lists draw only the rows in view.
template <typename Row>
void ClippedRows(int count, Row row) {
  ImGuiListClipper clipper;
  clipper.Begin(count);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) row(i);
}

// One figure row: label, stacked bar, shares and score; clicking selects it for tracing.
// `scored` gives the weighted score: the report scores priorities on their sub-measures.
void FigureRow(App& app, const std::string& key, const std::string& label, const Tally& t, const Tally& scored) {
  UiState& st = app.state();
  const float fs = ImGui::GetFontSize();
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  if (ImGui::Selectable((label + "##" + key).c_str(), st.dashboardTrace == key, ImGuiSelectableFlags_SpanAllColumns))
    st.dashboardTrace = st.dashboardTrace == key ? std::string() : key;
  ImGui::TableSetColumnIndex(1);
  ExecutionBar(t, fs * 9, fs * 0.9f);
  ImGui::TableSetColumnIndex(2);
  if (t.Assessed()) {
    Shares s = DisplayShares(t);
    ImGui::Text("%s %d%%  %s %d%%  %s %d%%", StatusMark(Status::Executed), s.executed, StatusMark(Status::Partial),
                s.partial, StatusMark(Status::NotExecuted), s.notExecuted);
  } else {
    ImGui::TextDisabled("—");
  }
  ImGui::TableSetColumnIndex(3);
  int score = DisplayScore(scored);
  if (score >= 0) ImGui::TextColored(ImColor(BandColor(score)), "%d%%", score);
  ImGui::TableSetColumnIndex(4);
  ImGui::Text("%d", t.Assessed());
  ImGui::TableSetColumnIndex(5);
  if (t.notAssessed || t.pending) ImGui::TextDisabled("%d / %d", t.notAssessed, t.pending);
}

bool BeginFigureTable(const char* id) {
  if (!ImGui::BeginTable(id, 6,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV |
                             ImGuiTableFlags_Resizable))
    return false;
  const float fs = ImGui::GetFontSize();
  ImGui::TableSetupColumn(Tr("col.scope"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(Tr("col.execution"), 0, fs * 9.5f);
  ImGui::TableSetupColumn(Tr("col.shares"), 0, fs * 11);
  ImGui::TableSetupColumn(Tr("score"), 0, fs * 3.5f);
  ImGui::TableSetupColumn("n", 0, fs * 2.5f);
  ImGui::TableSetupColumn("–/…", 0, fs * 3.5f);
  const char* tips[] = {nullptr, Tr("col.executionTip"), Tr("col.sharesTip"), Tr("col.scoreTip"), Tr("col.nTip"),
                        Tr("col.excludedTip")};
  TableHeadersRowWithTips(tips);
  return true;
}

// The items behind a traced figure and how it was computed.
void TracePanel(App& app, int begin, int end, Level level, const std::string& agencyId) {
  const PlanIndex& index = app.editor().index();
  int year = app.state().year;
  ImGui::Separator();
  ImGui::TextUnformatted(Tr("howComputed"));
  ImGui::TextDisabled("%s — %s", level == Level::Measure ? Tr("measureLevel") : Tr("subMeasureLevel"), Tr("formulaShares"));
  ImGui::TextUnformatted(Tr("itemsBehind"));
  ImGui::BeginChild("##trace", ImVec2(0, ImGui::GetFontSize() * 12), true);
  std::vector<int> items;
  for (int i = begin; i < end; ++i) {
    const auto& item = index[i];
    bool counts = level == Level::Measure ? item.countsAsMeasure : item.countsAsSubMeasure;
    if (!counts) continue;
    if (!agencyId.empty() && std::find(item.node->lead.begin(), item.node->lead.end(), agencyId) == item.node->lead.end())
      continue;
    items.push_back(i);
  }
  ClippedRows(static_cast<int>(items.size()), [&](int row) {
    const int i = items[static_cast<size_t>(row)];
    const auto& item = index[i];
    Status s = EffectiveStatus(item, year);
    bool excluded = s == Status::NotAssessed || s == Status::Pending;
    ImGui::PushID(i);
    std::string line = std::string(StatusMark(s)) + " " + item.node->code + "  " + item.node->title;
    if (excluded) line += "  (" + std::string(s == Status::NotAssessed ? Tr("excludedNotAssessed") : Tr("pendingCount")) + ")";
    if (ImGui::Selectable(line.c_str(), app.state().selectedId == item.id)) app.Select(item.id);
    ImGui::PopID();
  });
  ImGui::EndChild();
}

}  // namespace

void DrawDashboardView(App& app) {
  UiState& st = app.state();
  const PlanIndex& index = app.editor().index();
  const Plan& plan = app.editor().plan();
  const YearFigures& f = app.Figures();
  const float fs = ImGui::GetFontSize();
  // The figure tables need about 42 em; narrower (a small window, large text) they keep
  // their columns and the view scrolls sideways instead of squeezing them to one letter.
  const float minW = fs * 42;
  if (ImGui::GetContentRegionAvail().x < minW) ImGui::SetNextWindowContentSize(ImVec2(minW, 0));
  ImGui::BeginChild("##dash", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);

  ImGui::Text("%s — %d (%s)", Tr("overall"), st.year, Tr("subMeasureLevel"));
  if (BeginFigureTable("##overall")) {
    FigureRow(app, "plan", Tr("allDocuments"), f.plan.subMeasures, f.plan.subMeasures);
    for (size_t d = 0; d < f.documents.size(); ++d)
      if (f.documents[d].subMeasures.Total()) FigureRow(app, "doc:" + std::to_string(d), f.documents[d].label, f.documents[d].subMeasures,
                  f.documents[d].subMeasures);
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::Text("%s / %s (%s)", Tr("byTarget"), Tr("byPriority"), Tr("measureLevel"));
  if (BeginFigureTable("##nodes")) {
    std::vector<const NodeFigures*> rows;
    for (const auto& n : f.nodes)
      if (n.measures.Total()) rows.push_back(&n);
    ClippedRows(static_cast<int>(rows.size()), [&](int r) {
      const NodeFigures& n = *rows[static_cast<size_t>(r)];
      std::string label = std::string(static_cast<size_t>(index[n.item].depth) * 2, ' ') + index[n.item].node->Heading();
      FigureRow(app, "node:" + std::to_string(n.item), label, n.measures, n.subMeasures);
    });
    ImGui::EndTable();
  }

  ImGui::Spacing();
  ImGui::TextUnformatted(Tr("agencyPerformance"));
  ImGui::TextDisabled("%s", Tr("performanceNote"));
  if (ImGui::BeginTable("##agencies", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable)) {
    ImGui::TableSetupColumn(Tr("agency"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(Tr("col.execution"), 0, fs * 14);
    ImGui::TableSetupColumn(Tr("measures"), 0, fs * 6);
    const char* tips[] = {nullptr, Tr("col.executionTip"), nullptr};
    TableHeadersRowWithTips(tips);
    for (const auto& a : f.agencies) {
      if (!a.measures.Assessed()) continue;
      int perf = DisplayScore(a.measures);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      std::string key = "agency:" + a.agencyId;
      if (ImGui::Selectable((AgencyName(plan, a.agencyId) + "##" + key).c_str(), st.dashboardTrace == key,
                            ImGuiSelectableFlags_SpanAllColumns))
        st.dashboardTrace = st.dashboardTrace == key ? std::string() : key;
      ImGui::TableSetColumnIndex(1);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      ImVec2 p = ImGui::GetCursorScreenPos();
      float w = fs * 10 * perf / 100.0f;
      dl->AddRectFilled(p, ImVec2(p.x + w, p.y + fs * 0.9f), BandColor(perf));
      ImGui::Dummy(ImVec2(fs * 10, fs * 0.9f));
      ImGui::SameLine();
      ImGui::Text("%d", perf);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%d", a.measures.Assessed());
    }
    ImGui::EndTable();
  }

  // Trace the selected figure.
  const std::string& tr = st.dashboardTrace;
  if (tr == "plan") TracePanel(app, 0, index.Size(), Level::SubMeasure, "");
  else if (tr.rfind("doc:", 0) == 0) {
    int d = std::stoi(tr.substr(4));
    if (d < static_cast<int>(plan.documents.size())) TracePanel(app, index.DocBegin(d), index.DocEnd(d), Level::SubMeasure, "");
  } else if (tr.rfind("node:", 0) == 0) {
    int i = std::stoi(tr.substr(5));
    if (i < index.Size()) TracePanel(app, i, index[i].end, Level::Measure, "");
  } else if (tr.rfind("agency:", 0) == 0) {
    TracePanel(app, 0, index.Size(), Level::Measure, tr.substr(7));
  }

  // Indicators by state per document, and the expected results (indicators_view.cpp).
  DrawIndicatorSummary(app);

  // Overdue measures at today's date.
  ImGui::Spacing();
  int today = static_cast<int>(std::time(nullptr) / 86400);
  const bool comparing = st.compareYear > 1900 && st.compareYear != st.year;
  const DashboardState& derived = Derived(app, today, comparing ? st.compareYear : 0, st.year);
  const auto& overdue = derived.overdue;
  ImGui::Text("%s: %zu", Tr("overdue"), overdue.size());
  if (!overdue.empty() && ImGui::TreeNode("##overdueList", "%s", Tr("overdue"))) {
    ClippedRows(static_cast<int>(overdue.size()), [&](int row) {
      const int i = overdue[static_cast<size_t>(row)];
      ImGui::PushID(i);
      if (ImGui::Selectable((index[i].node->code + "  " + index[i].node->title).c_str())) app.Select(index[i].id);
      ImGui::PopID();
    });
    ImGui::TreePop();
  }

  // Comparison of two monitoring years.
  ImGui::Spacing();
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::InputInt(Tr("compareWith"), &st.compareYear);
  if (comparing) {
    const auto& changes = derived.changes;
    int counts[5] = {};
    std::vector<const StatusChange*> moved;  // improved or regressed: the ones listed
    for (const auto& ch : changes) {
      counts[static_cast<int>(ch.kind)]++;
      if (ch.kind == ChangeKind::Improved || ch.kind == ChangeKind::Regressed) moved.push_back(&ch);
    }
    ImGui::Text("%d → %d:  %s %d · %s %d · %s %d · %s %d", st.compareYear, st.year, Tr("improved"), counts[0],
                Tr("regressed"), counts[1], Tr("newlyAssessed"), counts[3], Tr("noLongerAssessed"), counts[4]);
    ClippedRows(static_cast<int>(moved.size()), [&](int row) {
      const StatusChange& ch = *moved[static_cast<size_t>(row)];
      ImGui::BulletText("%s %s → %s  %s", index[ch.item].node->code.c_str(), StatusMark(ch.from), StatusMark(ch.to),
                        index[ch.item].node->title.c_str());
    });
  }
  ImGui::EndChild();
}

}  // namespace azplan::ui
