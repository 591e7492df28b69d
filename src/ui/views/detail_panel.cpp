// The right panel: everything about the selected measure, its status and note for the
// monitoring year, and its fields, all editable through core commands.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/exporters.h"
#include "core/filter.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

namespace {

// Text fields edit a copy and commit one command when the field is left.
struct EditBuffers {
  std::string id;
  int year = 0;
  unsigned long revision = ~0ul;
  std::string title, note, evidence, assessedBy;
};

void Wrapped(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::TextDisabled("%s", label);
  ImGui::TextWrapped("%s", text.c_str());
}

}  // namespace

void DrawDetailPanel(App& app) {
  static EditBuffers buf;
  UiState& st = app.state();
  Editor& ed = app.editor();
  ImGui::TextUnformatted(Tr("details"));
  ImGui::Separator();
  int i = st.selectedId.empty() ? -1 : ed.index().Find(st.selectedId);
  if (i < 0) {
    ImGui::TextDisabled("—");
    return;
  }
  const auto& item = ed.index()[i];
  const Node& n = *item.node;
  const Plan& plan = ed.plan();
  if (buf.id != item.id || buf.year != st.year || buf.revision != ed.Revision()) {
    buf.id = item.id;
    buf.year = st.year;
    buf.revision = ed.Revision();
    buf.title = n.title;
    const Assessment* a = n.AssessmentFor(st.year);
    buf.note = a ? a->note : "";
    buf.evidence = a ? a->evidence : "";
    buf.assessedBy = a ? a->assessedBy : "";
  }
  ImGui::TextDisabled("%s · %s", plan.documents[static_cast<size_t>(item.doc)].Label().c_str(), Tr(NodeKindKey(n.kind)));
  ImGui::Text("%s", n.code.c_str());
  ImGui::PushItemWidth(-1);
  ImGui::InputTextMultiline("##title", &buf.title, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
  if (ImGui::IsItemDeactivatedAfterEdit() && buf.title != n.title) {
    Node fields = n;
    fields.title = buf.title;
    ed.Execute(EditNode(item.id, std::move(fields)));
  }
  ImGui::PopItemWidth();

  if (IsAssessableKind(n.kind)) {
    ImGui::Spacing();
    ImGui::Text("%s %d", Tr("status"), st.year);
    Status cur = EffectiveStatus(item, st.year);
    const Assessment* a = n.AssessmentFor(st.year);
    bool explicitStatus = a && a->status;
    for (Status s : {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed}) {
      ImGui::PushID(static_cast<int>(s));
      if (ImGui::RadioButton(StatusText(s).c_str(), cur == s)) app.SetStatusOfSelection(s);
      ImGui::PopID();
    }
    if (!explicitStatus) ImGui::TextDisabled("(%s)", StatusLabel(cur));
    if (explicitStatus && ImGui::SmallButton(Tr("clearStatus"))) app.SetStatusOfSelection(std::nullopt);
    ImGui::TextDisabled("%s", Tr("note"));
    ImGui::InputTextMultiline("##note", &buf.note, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    if (ImGui::IsItemDeactivatedAfterEdit() && buf.note != (a ? a->note : std::string()))
      ed.Execute(SetNote(item.id, st.year, buf.note));
  } else if (const Assessment* a = n.AssessmentFor(st.year)) {
    Wrapped(Tr("note"), a->note);
  }

  ImGui::Spacing();
  ImGui::TextDisabled("%s", Tr("lead"));
  if (n.executorsPending) ImGui::TextWrapped("%s", Tr("toBeAssigned"));
  else ImGui::TextWrapped("%s", JoinAgencyNames(plan, n.lead).c_str());
  if (!n.coExecutors.empty()) Wrapped(Tr("coExecutors"), JoinAgencyNames(plan, n.coExecutors));
  if (!n.recommended.empty()) {
    std::string r;
    for (const auto& s : n.recommended) r += (r.empty() ? "" : ", ") + s;
    Wrapped(Tr("recommended"), r);
  }
  ImGui::TextDisabled("%s", Tr("period"));
  ImGui::TextWrapped("%s", PeriodText(n.period.IsSet() || !n.period.Empty() ? n.period : item.period).c_str());
  Wrapped(Tr("rationale"), n.rationale);
  if (!n.expectedResults.empty()) {
    ImGui::TextDisabled("%s", Tr("expectedResults"));
    for (const auto& r : n.expectedResults) ImGui::BulletText("%s", r.c_str());
  }
  if (!n.risks.empty()) {
    ImGui::TextDisabled("%s", Tr("risks"));
    for (const auto& r : n.risks) {
      ImGui::BulletText("%s", r.risk.c_str());
      if (!r.mitigation.empty()) ImGui::TextWrapped("  → %s", r.mitigation.c_str());
    }
  }
  // Other years' statuses, for context.
  for (const auto& as : n.assessments) {
    if (as.year == st.year || !as.status) continue;
    ImGui::TextDisabled("%d: %s %s", as.year, StatusMark(*as.status), StatusLabel(*as.status));
  }
}

}  // namespace azplan::ui
