// The measures table: sortable, resizable columns, clipped rows, multi-select with a
// bulk status change, status per row for the monitoring year.
#include <imgui.h>

#include "core/filter.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

void DrawTableView(App& app) {
  TableViewState& cache = app.views().table;
  UiState& st = app.state();
  const PlanIndex& index = app.editor().index();
  const Plan& plan = app.editor().plan();
  const auto& visible = app.VisibleItems();

  if (!st.checked.empty()) {
    ImGui::Text("%zu %s:", st.checked.size(), Tr("selected"));
    for (Status s : {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed}) {
      ImGui::SameLine();
      ImGui::PushID(static_cast<int>(s));
      const bool clicked = ImGui::SmallButton(StatusText(s).c_str());
      app.NoteWidget("bulkStatus", StatusKey(s));
      if (clicked) app.SetStatusOfSelection(s);
      ImGui::PopID();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(Tr("clearFilters"))) st.checked.clear();
  }

  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_RowBg |
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
  if (st.focusPane == 2) ImGui::SetNextWindowFocus(), st.focusPane = 0;  // F6: the table's own (scrolling) window
  if (!ImGui::BeginTable("##measures", 7, flags)) return;
  const float fs = ImGui::GetFontSize();
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableSetupColumn(Tr("code"), ImGuiTableColumnFlags_DefaultSort, fs * 5.5f);
  ImGui::TableSetupColumn(Tr("title"), 0, fs * 30);
  ImGui::TableSetupColumn(Tr("lead"), 0, fs * 11);
  ImGui::TableSetupColumn(Tr("coExecutors"), 0, fs * 10);
  ImGui::TableSetupColumn(Tr("period"), 0, fs * 6);
  ImGui::TableSetupColumn(Tr("status"), 0, fs * 10);
  ImGui::TableSetupColumn(Tr("note"), 0, fs * 12);
  TableHeadersRowWithTips();

  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  int col = specs && specs->SpecsCount ? specs->Specs[0].ColumnIndex : 0;
  bool asc = !specs || !specs->SpecsCount || specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
  DataKey key = app.CurrentDataKey();  // the filter holds the year the status column sorts by
  if (!cache.valid || cache.key != key || cache.sortColumn != col || cache.ascending != asc ||
      (specs && specs->SpecsDirty)) {
    cache.rows = visible;
    static const SortKey kKeys[] = {SortKey::Code, SortKey::Title, SortKey::Lead, SortKey::Lead, SortKey::Period,
                                    SortKey::Status, SortKey::Code};
    if (col != 0 || !asc) SortItems(index, cache.rows, kKeys[col], asc, st.year);
    st.tableSort = kKeys[col];
    st.tableSortAscending = asc;
    cache.key = std::move(key);
    cache.valid = true;
    cache.sortColumn = col;
    cache.ascending = asc;
    if (specs) specs->SpecsDirty = false;
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(cache.rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      int i = cache.rows[static_cast<size_t>(r)];
      const auto& item = index[i];
      const Node& n = *item.node;
      bool assessable = IsAssessableKind(n.kind);
      ImGui::TableNextRow();
      ImGui::PushID(i);
      ImGui::TableSetColumnIndex(0);
      bool selected = st.selectedId == item.id || st.checked.count(item.id);
      std::string code = std::string(static_cast<size_t>(item.depth), ' ') + n.code;
      const bool clicked =
          ImGui::Selectable(code.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
      app.NoteRow("row", i);
      if (clicked) {
        if (ImGui::GetIO().KeyCtrl) {
          if (!st.checked.erase(item.id)) st.checked.insert(item.id);
        } else {
          st.checked.clear();
          app.Select(item.id);
        }
      }
      // Keyboard navigation: the row that has the focus is the selected one.
      if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible && st.selectedId != item.id && !ImGui::GetIO().KeyCtrl) {
        st.checked.clear();
        app.Select(item.id);
      }
      ImGui::TableSetColumnIndex(1);
      if (!assessable) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      TextEllipsized(n.title, ImGui::GetContentRegionAvail().x);
      if (!assessable) ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(2);
      if (n.executorsPending) ImGui::TextDisabled("%s", Tr("toBeAssigned"));
      else TextEllipsized(JoinAgencyNames(plan, n.lead), ImGui::GetContentRegionAvail().x);
      ImGui::TableSetColumnIndex(3);
      TextEllipsized(JoinAgencyNames(plan, n.coExecutors), ImGui::GetContentRegionAvail().x);
      ImGui::TableSetColumnIndex(4);
      ImGui::TextUnformatted((item.openEnded ? PeriodText(item.period, true)
                              : PeriodText(n.period.IsSet() || !n.period.Empty() ? n.period : item.period)).c_str());
      ImGui::TableSetColumnIndex(5);
      if (assessable) StatusBadge(EffectiveStatus(item, st.year));
      ImGui::TableSetColumnIndex(6);
      if (const Assessment* a = n.AssessmentFor(st.year)) TextEllipsized(a->note, ImGui::GetContentRegionAvail().x);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace azplan::ui
