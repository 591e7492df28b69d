// The right panel: everything about the selected measure — its status, note and
// evidence for the monitoring year, and every field — editable through core commands.
// Text fields edit a copy and commit one command when the field is left, so one
// typing session is one undo step.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/dates.h"
#include "core/exporters.h"
#include "core/filter.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/view_table.h"
#include "ui/views/views.h"
#include "ui/widgets/agency_picker.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/widgets.h"

namespace azplan::ui {

namespace {


void Heading(const char* label) { ImGui::TextDisabled("%s", label); }

void Wrapped(const char* label, const std::string& text) {
  if (text.empty()) return;
  Heading(label);
  ImGui::TextWrapped("%s", text.c_str());
}

// Commits buf.node when it differs from the plan's node.
void CommitNode(App& app, const std::string& id, const Node& original, const Node& edited) {
  if (!edited.SameFields(original)) app.Execute(EditNode(id, edited));
}

void DocumentSection(App& app, DetailEditState& buf, int doc) {
  const Editor& ed = app.editor();
  const Document& d = ed.plan().documents[static_cast<size_t>(doc)];
  Heading(Tr("document"));
  ImGui::TextWrapped("%s", d.title.c_str());
  Heading(Tr("approved"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputTextWithHint("##approved", "YYYY-MM-DD", &buf.approved);
  if (ImGui::IsItemDeactivatedAfterEdit() && buf.approved != d.approved) {
    if (buf.approved.empty() || ParsePartialDate(buf.approved)) {
      Document fields = d;
      fields.approved = buf.approved;
      fields.approvedFromSource = false;  // a person entered it
      app.Execute(EditDocument(d.id, std::move(fields)));
    } else {
      buf.approved = d.approved;
    }
  }
  if (!d.approvedFromSource) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", Tr("notFromSource"));
  }
  // The document's own expected results (the State Programme's section 4).
  if (!d.expectedResults.empty() &&
      ImGui::TreeNode("##docResults", "%s (%zu)", Tr("documentExpectedResults"), d.expectedResults.size())) {
    for (const auto& r : d.expectedResults) ImGui::BulletText("%s %s", r.code.c_str(), r.text.c_str());
    ImGui::TreePop();
  }
}

}  // namespace

void DrawDetailPanel(App& app) {
  DetailEditState& buf = app.views().detail;
  UiState& st = app.state();
  const Editor& ed = app.editor();
  ImGui::TextUnformatted(Tr("details"));
  ImGui::Separator();
  // The timeline's picked event, whole (its label there may be shortened).
  if (st.tab == FindView("timeline") && !st.timeline.selectedEvent.empty())
    for (const auto& e : ed.plan().events)
      if (e.id == st.timeline.selectedEvent) {
        Heading(Tr("event"));
        ImGui::TextWrapped("%s%s%s", e.date.c_str(), e.number.empty() ? "" : "  № ", e.number.c_str());
        ImGui::TextWrapped("%s", e.title.c_str());
        if (e.period.IsSet()) ImGui::Text("%s: %s", Tr("period"), PeriodText(e.period).c_str());
        ImGui::Separator();
        break;
      }
  int i = st.selectedId.empty() ? -1 : ed.index().Find(st.selectedId);
  if (i < 0) {
    ImGui::TextDisabled("—");
    return;
  }
  const auto& item = ed.index()[i];
  const Node& n = *item.node;
  const Plan& plan = ed.plan();
  const std::string id = item.id;  // the index may be rebuilt by a command below
  if (buf.id != id || buf.year != st.year || buf.key != app.CurrentPlanKey()) {
    buf.id = id;
    buf.year = st.year;
    buf.key = app.CurrentPlanKey();
    buf.node = n;
    buf.node.children.clear();
    const Assessment* a = n.AssessmentFor(st.year);
    buf.note = a ? a->note : "";
    buf.evidence = a ? a->evidence : "";
    buf.assessedBy = a ? a->assessedBy : "";
    buf.approved = plan.documents[static_cast<size_t>(item.doc)].approved;
  }
  Node original = n;
  original.children.clear();
  const float fs = ImGui::GetFontSize();
  ImGui::TextDisabled("%s · %s", plan.documents[static_cast<size_t>(item.doc)].Label().c_str(), Tr(NodeKindKey(n.kind)));
  ImGui::SetNextItemWidth(fs * 7);
  ImGui::InputText("##code", &buf.node.code);
  if (ImGui::IsItemDeactivatedAfterEdit()) CommitNode(app, id, original, buf.node);
  ImGui::PushItemWidth(-1);
  ImGui::InputTextMultiline("##title", &buf.node.title, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
  if (ImGui::IsItemDeactivatedAfterEdit()) CommitNode(app, id, original, buf.node);
  ImGui::PopItemWidth();

  if (IsAssessableKind(n.kind)) {
    ImGui::Spacing();
    ImGui::Text("%s %d", Tr("status"), st.year);
    Status cur = EffectiveStatus(item, st.year);
    const Assessment* a = n.AssessmentFor(st.year);
    bool explicitStatus = a && a->status;
    for (Status s : {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed}) {
      ImGui::PushID(static_cast<int>(s));
      // The measure on show, even when rows of the table are Ctrl-checked.
      const bool clicked = ImGui::RadioButton(StatusText(s).c_str(), cur == s);
      app.NoteWidget("detailStatus", StatusKey(s));
      if (clicked) app.SetStatusOf(id, s);
      ImGui::PopID();
    }
    if (!explicitStatus) ImGui::TextDisabled("(%s)", StatusLabel(cur));
    if (explicitStatus && ImGui::SmallButton(Tr("clearStatus"))) app.SetStatusOf(id, std::nullopt);
    Heading(Tr("note"));
    ImGui::InputTextMultiline("##note", &buf.note, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    if (ImGui::IsItemDeactivatedAfterEdit() && buf.note != (a ? a->note : std::string()))
      app.Execute(SetNote(id, st.year, buf.note));
    // Evidence and assessor travel with the year's assessment.
    auto assessmentField = [&](const char* key, const char* widget, std::string& value, std::string Assessment::*field) {
      Heading(Tr(key));
      ImGui::SetNextItemWidth(-1);
      ImGui::InputText(widget, &value);
      if (ImGui::IsItemDeactivatedAfterEdit() && value != (a ? a->*field : std::string())) {
        Node fields = original;
        fields.AssessmentForEdit(st.year).*field = value;
        app.Execute(EditNode(id, std::move(fields)));
      }
    };
    assessmentField("evidence", "##evidence", buf.evidence, &Assessment::evidence);
    assessmentField("assessedBy", "##assessedBy", buf.assessedBy, &Assessment::assessedBy);
    // Provenance: where the status came from when an agency reported it (returns).
    if (a && (a->HasProvenance() || !a->workDone.empty())) {
      Heading(Tr("provenance"));
      const Agency* ag = plan.FindAgency(a->reportingAgency);
      std::string who = ag ? ag->Label() : a->reportingAgency;
      if (!a->reportedBy.empty()) who += (who.empty() ? "" : " — ") + a->reportedBy;
      if (!who.empty()) ImGui::TextWrapped("%s: %s", Tr("reportedBy"), who.c_str());
      if (!a->date.empty()) ImGui::TextWrapped("%s: %s", Tr("date"), a->date.c_str());
      if (!a->sourceFile.empty()) ImGui::TextWrapped("%s: %s", Tr("sourceFile"), a->sourceFile.c_str());
      if (a->reportedStatus) {
        ImGui::TextWrapped("%s: %s", Tr("reportedStatus"), StatusText(*a->reportedStatus).c_str());
        if (a->StatusByCoordinator()) ImGui::TextColored(ImColor(Colors().partial), "%s", Tr("changedByCoordinator"));
      }
      Wrapped(Tr("workDone"), a->workDone);
    }
  } else if (const Assessment* a = n.AssessmentFor(st.year)) {
    Wrapped(Tr("note"), a->note);
  }

  ImGui::Spacing();
  Heading(Tr("lead"));
  if (ImGui::Checkbox(Tr("executorsPendingLabel"), &buf.node.executorsPending)) CommitNode(app, id, original, buf.node);
  if (AgencyListEditor("lead", plan, buf.node.lead, app.views().agencyQuery)) CommitNode(app, id, original, buf.node);
  Heading(Tr("coExecutors"));
  if (AgencyListEditor("co", plan, buf.node.coExecutors, app.views().agencyQuery)) CommitNode(app, id, original, buf.node);
  if (!n.recommended.empty()) {
    std::string r;
    for (const auto& s : n.recommended) r += (r.empty() ? "" : ", ") + s;
    Wrapped(Tr("recommended"), r);
  }

  Heading(Tr("period"));
  // Editing starts from the effective (possibly inherited) period.
  Period& p = buf.node.period;
  if (item.openEnded) {
    // An open-ended duty has no end year to show or edit: its start and "müddətsiz".
    // Unticking "mütəmadi" gives it the inherited years as a fixed period to edit.
    ImGui::TextUnformatted(PeriodText(item.period, true).c_str());
    SameLineOrWrap(CheckboxWidth(Tr("ongoing")));
    bool ongoing = true;
    if (ImGui::Checkbox(Tr("ongoing"), &ongoing) && !ongoing) {
      p.start = item.period.start;
      p.end = item.period.end;
      p.ongoing = false;
      p.text.clear();
      CommitNode(app, id, original, buf.node);
    }
  } else {
    if (!p.IsSet()) {
      p.start = item.period.start;
      p.end = item.period.end;
    }
    ImGui::SetNextItemWidth(fs * 4.5f);
    ImGui::InputInt("##start", &p.start, 0);
    bool commit = ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::TextUnformatted("–");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 4.5f);
    ImGui::InputInt("##end", &p.end, 0);
    commit = commit || ImGui::IsItemDeactivatedAfterEdit();
    SameLineOrWrap(CheckboxWidth(Tr("ongoing")));
    commit = ImGui::Checkbox(Tr("ongoing"), &p.ongoing) || commit;
    if (commit) {
      // Keep the period valid: the model rejects an end before the start.
      if (p.start < 1900 || p.start > 2200) p.start = item.period.start;
      if (p.end < p.start) p.end = p.start;
      p.text.clear();  // the source wording no longer describes the edited period
      if (p.start != item.period.start || p.end != item.period.end || p.ongoing != item.period.ongoing)
        CommitNode(app, id, original, buf.node);
    }
  }
  if (p.withinMonths) ImGui::TextDisabled("%d %s", p.withinMonths, Tr("withinMonths"));

  Wrapped(Tr("rationale"), n.rationale);
  if (!n.expectedResults.empty()) {
    Heading(Tr("expectedResults"));
    for (const auto& r : n.expectedResults) ImGui::BulletText("%s", r.c_str());
  }
  if (!n.risks.empty()) {
    Heading(Tr("risks"));
    for (const auto& r : n.risks) {
      ImGui::BulletText("%s", r.risk.c_str());
      if (!r.mitigation.empty()) ImGui::TextWrapped("  → %s", r.mitigation.c_str());
    }
  }
  DrawNodeIndicators(app, id, item.doc);
  for (const auto& as : n.assessments) {
    if (as.year == st.year || !as.status) continue;
    ImGui::TextDisabled("%d: %s %s", as.year, StatusMark(*as.status), StatusLabel(*as.status));
  }
  ImGui::Spacing();
  ImGui::Separator();
  DocumentSection(app, buf, item.doc);
}

}  // namespace azplan::ui
