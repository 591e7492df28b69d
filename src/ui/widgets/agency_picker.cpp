#include "ui/widgets/agency_picker.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "core/filter.h"
#include "core/text.h"
#include "ui/strings.h"

namespace azplan::ui {

bool AgencyListEditor(const char* label, const Plan& plan, std::vector<std::string>& ids, std::string& query) {
  bool changed = false;
  ImGui::PushID(label);
  for (size_t k = 0; k < ids.size(); ++k) {
    ImGui::PushID(static_cast<int>(k));
    if (ImGui::SmallButton("✕")) {
      ids.erase(ids.begin() + static_cast<long>(k));
      changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", AgencyName(plan, ids[k]).c_str());
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##add", Tr("addAgency"))) {
    if (ImGui::IsWindowAppearing()) {
      query.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::InputTextWithHint("##q", Tr("search"), &query);
    std::string folded = FoldCaseAz(query);
    std::vector<const Agency*> list;
    for (const auto& a : plan.agencies) {
      if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) continue;
      bool hit = folded.empty() || ContainsFolded(a.name, folded) || ContainsFolded(a.shortName, folded);
      for (const auto& v : a.acronyms) hit = hit || ContainsFolded(v, folded);
      if (hit) list.push_back(&a);
    }
    std::sort(list.begin(), list.end(), [](const Agency* a, const Agency* b) { return CompareAz(a->name, b->name) < 0; });
    for (const Agency* a : list)
      if (ImGui::Selectable(a->name.c_str())) {
        ids.push_back(a->id);
        changed = true;
      }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

}  // namespace azplan::ui
