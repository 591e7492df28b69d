// The left panel: documents and their hierarchy down to priorities/sections, with a
// count and an execution bar per node. Clicking filters the central views to it.
#include <imgui.h>

#include "core/text.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

void DrawPlanTree(App& app) {
  const PlanIndex& index = app.editor().index();
  const Plan& plan = app.editor().plan();
  const YearFigures& fig = app.Figures();
  UiState& st = app.state();
  ImGui::TextUnformatted(Tr("documents"));
  ImGui::Separator();
  const float barW = ImGui::GetFontSize() * 3.2f, barH = ImGui::GetFontSize() * 0.55f;
  if (ImGui::Selectable(Tr("allDocuments"), st.filter.document < 0 && st.filter.subtree < 0)) {
    st.filter.document = -1;
    st.filter.subtree = -1;
  }
  // The figure bar at the row's end, only where it does not cover the label (a narrow
  // panel or large text): the figures are also on the dashboard.
  auto trailingBar = [&](const std::string& shown, const Tally& t) {
    const float labelEnd = ImGui::GetItemRectMin().x + ImGui::GetTreeNodeToLabelSpacing() + ImGui::CalcTextSize(shown.c_str()).x;
    const float barX = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x - barW;
    if (labelEnd + ImGui::GetStyle().ItemSpacing.x > barX) return;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - barW);
    ExecutionBar(t, barW, barH);
  };
  // Node figures by item index for the bars.
  std::vector<const NodeFigures*> byItem(static_cast<size_t>(index.Size()), nullptr);
  for (const auto& n : fig.nodes) byItem[static_cast<size_t>(n.item)] = &n;
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const Document& doc = plan.documents[d];
    int begin = index.DocBegin(static_cast<int>(d)), end = index.DocEnd(static_cast<int>(d));
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (begin == end) flags |= ImGuiTreeNodeFlags_Leaf;
    if (st.filter.document == static_cast<int>(d) && st.filter.subtree < 0) flags |= ImGuiTreeNodeFlags_Selected;
    const std::string docLabel = EllipsizeChars(doc.Label(), 34);
    bool open = ImGui::TreeNodeEx(doc.id.c_str(), flags, "%s", docLabel.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", doc.title.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
      st.filter.document = static_cast<int>(d);
      st.filter.subtree = -1;
    }
    trailingBar(docLabel, fig.documents[d].subMeasures);
    if (!open) continue;
    // Structural nodes only (targets, priorities, sections); measures live in the table.
    std::vector<int> stack;
    for (int i = begin; i < end; ++i) {
      while (!stack.empty() && i >= index[stack.back()].end) {
        ImGui::TreePop();
        stack.pop_back();
      }
      const auto& item = index[i];
      if (IsAssessableKind(item.node->kind)) {
        i = item.end - 1;  // skip the measure's subtree
        continue;
      }
      bool hasStructuralChild = false;
      for (const auto& c : item.node->children) hasStructuralChild = hasStructuralChild || !IsAssessableKind(c.kind);
      ImGuiTreeNodeFlags f = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
      if (!hasStructuralChild) f |= ImGuiTreeNodeFlags_Leaf;
      if (st.filter.subtree == i) f |= ImGuiTreeNodeFlags_Selected;
      std::string label = item.node->Heading();
      const std::string shown = EllipsizeChars(label, 30);
      bool nodeOpen = ImGui::TreeNodeEx(item.id.c_str(), f, "%s", shown.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
      if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
        st.filter.document = item.doc;
        st.filter.subtree = i;
      }
      if (const NodeFigures* sf = byItem[static_cast<size_t>(i)]) trailingBar(shown, sf->subMeasures);
      if (nodeOpen) stack.push_back(i);
      else i = item.end - 1;
    }
    while (!stack.empty()) {
      ImGui::TreePop();
      stack.pop_back();
    }
    ImGui::TreePop();
  }
}

}  // namespace azplan::ui
