// The merge review: per measure the current assessment and each incoming one (agency,
// file, row, date), conflicts marked, a choice per conflict, the counts, and one Apply
// that is a single undo step. The decisions themselves are the core's (returns_merge.h).
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <sstream>

#include "core/exporters.h"
#include "core/indicators.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/redraw.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

namespace {

// " — agency (file, row N) date": who returned it and where.
std::string SourceText(const ReturnSource& in, const Plan& plan, const std::string& date) {
  const Agency* a = plan.FindAgency(in.agencyId);
  std::string s = " — " + (a ? a->Label() : in.agencyId);
  s += " (" + in.file + (in.row ? ", " + std::string(Tr("row")) + " " + std::to_string(in.row) : "") + ")";
  if (!date.empty()) s += " " + date;
  return s;
}

std::string Incoming(const IncomingAssessment& in, const Plan& plan) {
  return StatusText(in.status) + SourceText(in, plan, in.date);
}

std::string IncomingValueText(const IncomingValue& in, const Plan& plan, const std::string& unit) {
  return (in.value.value ? FormatAzNumber(*in.value.value) : in.value.text) + (unit.empty() ? "" : " " + unit) +
         SourceText(in, plan, in.value.date);
}

// Indicator values from the returns' indicators sheets: per indicator the current value
// and each incoming one, with the same choice as the statuses. A few rows high, above the
// measures, so both fit in the window.
void IndicatorReview(App& app, MergeReview& review) {
  if (review.indicators.empty()) return;
  UiState& st = app.state();
  const Plan& plan = app.editor().plan();
  const float rows = static_cast<float>(std::min<size_t>(review.indicators.size(), 6) + 1);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##reviewIndicators", 4, flags, ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing() * 1.6f)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(Tr("indicator"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(Tr("current"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(Tr("incoming"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(Tr("choice"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  for (size_t k = 0; k < review.indicators.size(); ++k) {
    MergeIndicator& m = review.indicators[k];
    if (st.reviewConflictsOnly && m.conflict == MergeConflict::None) continue;
    const Kpi* kpi = plan.FindKpi(m.kpiId);
    if (!kpi) continue;  // deleted since the returns were read
    ImGui::PushID(static_cast<int>(k));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextEllipsized(kpi->name, ImGui::GetContentRegionAvail().x);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", kpi->id.c_str(), kpi->name.c_str());
    if (m.conflict != MergeConflict::None) {
      ImGui::PushStyleColor(ImGuiCol_Text, Colors().notExecuted);
      const char* why = m.conflict == MergeConflict::CoordinatorEdit ? "coordinatorEditValue" : MergeConflictKey(m.conflict);
      ImGui::TextWrapped("▲ %s", Tr(why));
      ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    if (m.current && m.current->value) {
      ImGui::Text("%s %s", FormatAzNumber(*m.current->value).c_str(), kpi->unit.c_str());
      if (!m.current->HasProvenance()) ImGui::TextDisabled("%s", Tr("byCoordinator"));
    } else {
      ImGui::TextDisabled("—");
    }
    ImGui::TableNextColumn();
    for (const auto& in : m.incoming) ImGui::TextWrapped("%s", IncomingValueText(in, plan, kpi->unit).c_str());
    ImGui::TableNextColumn();
    std::string preview = m.choice == MergeItem::kUndecided ? std::string("▲ ") + Tr("chooseOne")
                          : m.choice == MergeItem::kKeep    ? std::string(Tr("keepCurrent"))
                                                            : IncomingValueText(m.incoming[static_cast<size_t>(m.choice)], plan, kpi->unit);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##choice", preview.c_str())) {
      if (ImGui::Selectable(Tr("keepCurrent"), m.choice == MergeItem::kKeep)) m.choice = MergeItem::kKeep;
      for (int i = 0; i < static_cast<int>(m.incoming.size()); ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(IncomingValueText(m.incoming[static_cast<size_t>(i)], plan, kpi->unit).c_str(), m.choice == i))
          m.choice = i;
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// The desktop has no file picker: paths, one per line or separated by ';'.
void PathsDialog(App& app) {
  UiState& st = app.state();
  if (!st.showReturnsPath) return;
  ImGui::TextUnformatted(Tr("returnsPaths"));
  ImGui::InputTextMultiline("##returnsPaths", &st.returnsPath, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
  if (ImGui::Button(Tr("read"))) {
    std::string paths = st.returnsPath;
    for (char& c : paths)
      if (c == ';') c = '\n';
    std::istringstream lines(paths);
    for (std::string path; std::getline(lines, path);) {
      while (!path.empty() && (path.back() == ' ' || path.back() == '\r')) path.pop_back();
      if (path.empty()) continue;
      platform::FetchText(path, [&app, path](bool ok, std::string body) {
        std::string name = path.substr(path.find_last_of("/\\") + 1);
        if (ok) app.AddReturn({name, std::move(body), 0});
        else app.state().notice = path + ": " + Tr("cannotRead");
      });
    }
    st.showReturnsPath = false;
  }
  ImGui::Separator();
}

}  // namespace

void DrawMergeReview(App& app) {
  UiState& st = app.state();
  if (!st.showMergeReview) return;
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(fs * 62, fs * 30), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  std::string title = std::string(Tr("mergeReturns")) + " — " + std::to_string(st.year) + "###mergeReview";
  if (!ImGui::Begin(title.c_str(), &open)) {
    ImGui::End();
    if (!open) app.CloseReview();
    return;
  }
  PathsDialog(app);
  MergeReview* review = app.Review();
  if (!review) {
    ImGui::TextWrapped("%s", Tr("returnsWaiting"));
    if (ImGui::Button(Tr("importReturns"))) app.ChooseReturnsToImport();
    ImGui::End();
    if (!open) app.CloseReview();
    return;
  }
  const Editor& ed = app.editor();
  const Plan& plan = ed.plan();
  MergeCounts c = review->Counts();
  ImGui::Text("%s: %d  ·  %s: %d  ·  %s: %d  ·  %s: %d  ·  %s: %d", Tr("returnFiles"), c.files, Tr("received"),
              c.received, Tr("changedCount"), c.changed, Tr("conflicts"), c.conflicts, Tr("rowsRefused"),
              c.rowsRefused + c.filesRefused);
  if (c.undecided)
    ImGui::TextColored(ImColor(Colors().notExecuted), "%d %s", c.undecided, Tr("undecided"));
  if (ImGui::Button(Tr("importMore"))) app.ChooseReturnsToImport();
  ImGui::SameLine();
  if (ImGui::Button(Tr("acceptNonConflicting"))) AcceptNonConflicting(*review);
  ImGui::SameLine();
  if (ImGui::Button(Tr("keepCurrentForConflicts"))) ResolveConflicts(*review, MergePrefer::Current);
  ImGui::SameLine();
  ImGui::Checkbox(Tr("conflictsOnly"), &st.reviewConflictsOnly);
  ImGui::SameLine();
  ImGui::BeginDisabled(c.changed == 0);
  const bool apply = ImGui::Button(Tr("applyMerge"));
  app.NoteWidget("review", "apply");
  if (apply) {
    app.ApplyReview();
    ImGui::EndDisabled();
    ImGui::End();
    return;
  }
  ImGui::EndDisabled();

  if (!review->messages.empty() &&
      ImGui::CollapsingHeader((std::string(Tr("returnMessages")) + " (" + std::to_string(review->messages.size()) +
                               ")###msgs").c_str())) {
    ImGui::BeginChild("##messages", ImVec2(0, fs * 6), true);
    for (const auto& m : review->messages) {
      if (m.error) ImGui::TextColored(ImColor(Colors().notExecuted), "%s", m.Format().c_str());
      else ImGui::TextWrapped("%s", m.Format().c_str());
    }
    ImGui::EndChild();
  }

  IndicatorReview(app, *review);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##review", 4, flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(Tr("measure"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(Tr("current"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(Tr("incoming"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(Tr("choice"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < review->items.size(); ++k) {
      MergeItem& m = review->items[k];
      if (st.reviewConflictsOnly && m.conflict == MergeConflict::None) continue;
      int at = ed.index().Find(m.nodeId);
      if (at < 0) continue;  // deleted since the returns were read
      const Node& n = *ed.index()[at].node;
      ImGui::PushID(static_cast<int>(k));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable((n.code + "##sel").c_str(), st.selectedId == m.nodeId, ImGuiSelectableFlags_SpanAllColumns |
                                                                                   ImGuiSelectableFlags_AllowItemOverlap))
        app.Select(m.nodeId);
      ImGui::SameLine();
      TextEllipsized(n.title, ImGui::GetContentRegionAvail().x);
      if (m.conflict != MergeConflict::None) {
        ImGui::PushStyleColor(ImGuiCol_Text, Colors().notExecuted);
        ImGui::TextWrapped("▲ %s", Tr(MergeConflictKey(m.conflict)));
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      if (m.current && m.current->status) {
        ImGui::TextUnformatted(StatusText(*m.current->status).c_str());
        if (m.current->StatusByCoordinator()) ImGui::TextDisabled("%s", Tr("byCoordinator"));
      } else {
        ImGui::TextDisabled("—");
      }
      ImGui::TableNextColumn();
      for (const auto& in : m.incoming) ImGui::TextWrapped("%s", Incoming(in, plan).c_str());
      ImGui::TableNextColumn();
      // keep current, or one of the returns
      std::string preview = m.choice == MergeItem::kUndecided ? std::string("▲ ") + Tr("chooseOne")
                            : m.choice == MergeItem::kKeep    ? std::string(Tr("keepCurrent"))
                                                              : Incoming(m.incoming[static_cast<size_t>(m.choice)], plan);
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##choice", preview.c_str())) {
        if (ImGui::Selectable(Tr("keepCurrent"), m.choice == MergeItem::kKeep)) m.choice = MergeItem::kKeep;
        for (int i = 0; i < static_cast<int>(m.incoming.size()); ++i) {
          ImGui::PushID(i);
          if (ImGui::Selectable(Incoming(m.incoming[static_cast<size_t>(i)], plan).c_str(), m.choice == i)) m.choice = i;
          ImGui::PopID();
        }
        ImGui::EndCombo();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::End();
  if (!open) app.CloseReview();
}

}  // namespace azplan::ui
