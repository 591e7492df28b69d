// The filter bar above the views: search text, agency (and whether it leads), status,
// active in the year, and clearing them all. The views show what App::VisibleItems keeps.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/filter.h"
#include "core/text.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

void DrawFilterBar(App& app) {
  UiState& st = app.state();
  const Plan& plan = app.editor().plan();
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(fs * 11);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", st.searchText.c_str());
  if (ImGui::InputTextWithHint("##search", Tr("search"), buf, sizeof buf)) st.searchText = buf;
  app.NoteWidget("search");
  SameLineOrWrap(fs * 11);
  ImGui::SetNextItemWidth(fs * 11);
  std::string agencyLabel = st.filter.agencyId.empty() ? Tr("anyAgency") : AgencyName(plan, st.filter.agencyId);
  if (ImGui::BeginCombo("##agency", EllipsizeChars(agencyLabel, 28).c_str())) {
    if (ImGui::Selectable(Tr("anyAgency"), st.filter.agencyId.empty())) st.filter.agencyId.clear();
    std::vector<const Agency*> sorted;
    for (const auto& a : plan.agencies) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(), [](const Agency* a, const Agency* b) { return CompareAz(a->name, b->name) < 0; });
    for (const Agency* a : sorted)
      if (ImGui::Selectable(a->name.c_str(), st.filter.agencyId == a->id)) st.filter.agencyId = a->id;
    ImGui::EndCombo();
  }
  SameLineOrWrap(CheckboxWidth(Tr("leadOnly")));
  bool leadOnly = st.filter.agencyRole == AgencyRole::Lead;
  if (ImGui::Checkbox(Tr("leadOnly"), &leadOnly)) st.filter.agencyRole = leadOnly ? AgencyRole::Lead : AgencyRole::Any;
  SameLineOrWrap(fs * 9);
  ImGui::SetNextItemWidth(fs * 9);
  std::string statusLabel = st.statusChoice ? StatusText(static_cast<Status>(st.statusChoice - 1)) : Tr("anyStatus");
  if (ImGui::BeginCombo("##status", statusLabel.c_str())) {
    if (ImGui::Selectable(Tr("anyStatus"), st.statusChoice == 0)) st.statusChoice = 0;
    for (int s = 0; s < 5; ++s)
      if (ImGui::Selectable(StatusText(static_cast<Status>(s)).c_str(), st.statusChoice == s + 1)) st.statusChoice = s + 1;
    ImGui::EndCombo();
  }
  SameLineOrWrap(CheckboxWidth(Tr("activeOnly")));
  bool active = st.filter.activeInYear != 0;
  if (ImGui::Checkbox(Tr("activeOnly"), &active)) st.filter.activeInYear = active ? st.year : 0;
  if (active) st.filter.activeInYear = st.year;
  SameLineOrWrap(SmallButtonWidth(Tr("clearFilters")));
  const bool clear = ImGui::SmallButton(Tr("clearFilters"));
  app.NoteWidget("clearFilters");
  if (clear) {
    st.searchText.clear();
    st.filter = Filter{};
    st.statusChoice = 0;
  }
}

}  // namespace azplan::ui
