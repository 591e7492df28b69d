// The Indicators view: every indicator of the open plan by document and direction, with
// its unit, baseline, targets, measured values, a small chart and its progress state for
// the monitoring year (click the state for its working); a form records the year's value
// with its source and note. Also the indicator parts of the dashboard and detail panel.
// The rule and the input checks live in core/indicators.h; this file only draws.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "core/export_indicators.h"
#include "core/indicators.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

namespace {

ImU32 ProgressColor(Progress p) {
  const Palette& c = Colors();
  switch (p) {
    case Progress::Achieved: return c.executed;
    case Progress::OnTrack: return c.pending;
    case Progress::Behind: return c.notExecuted;
    case Progress::NoData: break;
  }
  return c.notAssessed;
}

const char* ProgressMark(Progress p) {
  switch (p) {
    case Progress::Achieved: return "✔";
    case Progress::OnTrack: return "→";
    case Progress::Behind: return "✘";
    case Progress::NoData: break;
  }
  return "–";
}

const char* ProgressText(Progress p) { return Tr(ProgressKey(p)); }

std::string ValueText(const KpiValue& v, const std::string& unit) {
  if (v.value) return FormatAzNumber(*v.value) + (unit.empty() ? "" : " " + unit);
  return "«" + v.text + "»";
}

// Baseline, numeric targets (the path, drawn as dashes) and measured points over the
// years, the monitoring year as a vertical line. Text-only targets are not drawn.
void Chart(const Kpi& k, int year, float w, float h) {
  const Palette& c = Colors();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<std::pair<int, double>> path, measured;
  if (k.baseline && k.baseline->value && k.baseline->year) path.push_back({k.baseline->year, *k.baseline->value});
  for (const auto& t : k.targets)
    if (t.value && t.year) path.push_back({t.year, *t.value});
  std::sort(path.begin(), path.end());
  for (const auto& m : k.measured)
    if (m.value) measured.push_back({m.year, *m.value});
  int y0 = year, y1 = year;
  double lo = 0, hi = 1;
  bool any = false;
  for (const auto* list : {&path, &measured})
    for (const auto& [yr, v] : *list) {
      y0 = std::min(y0, yr);
      y1 = std::max(y1, yr);
      hi = any ? std::max(hi, v) : v;
      lo = any ? std::min(lo, v) : std::min(0.0, v);
      any = true;
    }
  if (hi <= lo) hi = lo + 1;
  if (y1 == y0) ++y1;
  const float pad = 4;
  auto X = [&](double yr) { return p0.x + pad + static_cast<float>((yr - y0) / (y1 - y0)) * (w - 2 * pad); };
  auto Y = [&](double v) { return p0.y + pad + static_cast<float>(1 - (v - lo) / (hi - lo)) * (h - 2 * pad); };
  dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), c.gridMinor);
  dl->AddLine(ImVec2(X(year), p0.y + 1), ImVec2(X(year), p0.y + h - 1), c.today, 1.5f);
  for (size_t i = 1; i < path.size(); ++i) {
    // Dashes along the planned path.
    const ImVec2 a(X(path[i - 1].first), Y(path[i - 1].second)), b(X(path[i].first), Y(path[i].second));
    const int n = 12;
    for (int s = 0; s < n; s += 2)
      dl->AddLine(ImVec2(a.x + (b.x - a.x) * s / n, a.y + (b.y - a.y) * s / n),
                  ImVec2(a.x + (b.x - a.x) * (s + 1) / n, a.y + (b.y - a.y) * (s + 1) / n), c.documentSpan, 1.5f);
  }
  for (const auto& [yr, v] : path) dl->AddRectFilled(ImVec2(X(yr) - 3, Y(v) - 3), ImVec2(X(yr) + 3, Y(v) + 3), c.documentSpan);
  for (size_t i = 1; i < measured.size(); ++i)
    dl->AddLine(ImVec2(X(measured[i - 1].first), Y(measured[i - 1].second)),
                ImVec2(X(measured[i].first), Y(measured[i].second)), c.executed, 1.5f);
  for (const auto& [yr, v] : measured) dl->AddCircleFilled(ImVec2(X(yr), Y(v)), 3.5f, c.executed);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%d–%d · %s %s … %s", y0, y1, Tr("unit"), k.unit.empty() ? "–" : k.unit.c_str(),
                      FormatAzNumber(hi).c_str());
}

// The state as a coloured, clickable mark: a click opens (or closes) its working.
void StateCell(App& app, const Kpi& k, const ProgressWorking& w) {
  IndicatorsState& s = app.state().indicators;
  ImGui::PushStyleColor(ImGuiCol_Text, ProgressColor(w.state));
  const std::string label = std::string(ProgressMark(w.state)) + " " + ProgressText(w.state) + "##state" + k.id;
  if (ImGui::Selectable(label.c_str(), s.workingKpi == k.id)) s.workingKpi = s.workingKpi == k.id ? "" : k.id;
  ImGui::PopStyleColor();
  app.NoteWidget("kpiState", k.id);
  if (s.workingKpi == k.id) ImGui::TextWrapped("%s", ProgressWorkingText(w, k.unit, Language()).c_str());
}

void RecordForm(App& app) {
  IndicatorsState& s = app.state().indicators;
  const Plan& plan = app.editor().plan();
  const Kpi* k = plan.FindKpi(s.selectedKpi);
  if (!k) return;
  const int year = app.state().year;
  ImGui::Separator();
  ImGui::Text("%s %d: %s", Tr("recordValue"), year, k->name.c_str());
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(fs * 9);
  const bool enter = ImGui::InputTextWithHint("##kpiValue", Tr("valueHint"), &s.valueText,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  app.NoteWidget("kpiForm", "value");
  ImGui::SameLine();
  ImGui::TextUnformatted(k->unit.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 14);
  const bool enter2 =
      ImGui::InputTextWithHint("##kpiSource", Tr("source"), &s.source, ImGuiInputTextFlags_EnterReturnsTrue);
  app.NoteWidget("kpiForm", "source");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 14);
  const bool enter3 = ImGui::InputTextWithHint("##kpiNote", Tr("note"), &s.note, ImGuiInputTextFlags_EnterReturnsTrue);
  app.NoteWidget("kpiForm", "note");
  ImGui::SameLine();
  const bool save = ImGui::Button(Tr("saveValue"));
  app.NoteWidget("kpiForm", "save");
  if (enter || enter2 || enter3 || save) app.RecordMeasured(k->id, s.valueText, s.source, s.note);
  if (k->MeasuredFor(year)) {
    ImGui::SameLine();
    if (ImGui::Button(Tr("clearValue"))) app.ClearMeasuredValue(k->id);
    app.NoteWidget("kpiForm", "clear");
  }
  if (!s.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, Colors().notExecuted);
    ImGui::TextWrapped("%s", s.error.c_str());
    ImGui::PopStyleColor();
  }
}

// Fills the form from the indicator's value for the year, when one is chosen.
void Choose(App& app, const Kpi& k) {
  IndicatorsState& s = app.state().indicators;
  s.selectedKpi = k.id;
  s.error.clear();
  const KpiValue* m = k.MeasuredFor(app.state().year);
  s.valueText = m && m->value ? FormatAzNumber(*m->value, 6) : "";
  s.source = m ? m->source : "";
  s.note = m ? m->note : "";
}

void IndicatorRow(App& app, const Kpi& k, int year) {
  const IndicatorsState& s = app.state().indicators;
  const ProgressWorking w = AssessProgress(k, year);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  // The whole name, wrapped; a selectable of the same height under it chooses the indicator.
  const ImVec2 at = ImGui::GetCursorPos();
  ImGui::TextWrapped("%s", k.name.c_str());
  const float h = ImGui::GetItemRectSize().y;
  ImGui::SetCursorPos(at);
  if (ImGui::Selectable(("##kpi" + k.id).c_str(), s.selectedKpi == k.id, ImGuiSelectableFlags_AllowItemOverlap,
                        ImVec2(0, h)))
    Choose(app, k);
  app.NoteWidget("kpi", k.id);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(k.unit.empty() ? "–" : k.unit.c_str());
  ImGui::TableSetColumnIndex(2);
  if (k.baseline)
    ImGui::TextWrapped("%s%s", k.baseline->year ? (std::to_string(k.baseline->year) + ": ").c_str() : "",
                       ValueText(*k.baseline, k.unit).c_str());
  else
    ImGui::TextDisabled("–");
  ImGui::TableSetColumnIndex(3);
  for (const auto& t : k.targets) {
    // Text targets stay text: a range or wording is never drawn as a number.
    if (t.value) ImGui::TextWrapped("%d: %s", t.year, ValueText(t, k.unit).c_str());
    else ImGui::TextWrapped("%d: «%s» (%s)", t.year, t.text.c_str(), Tr("textTargetOnly"));
  }
  ImGui::TableSetColumnIndex(4);
  if (k.measured.empty()) ImGui::TextDisabled("–");
  for (const auto& m : k.measured) {
    ImGui::Text("%d: %s", m.year, ValueText(m, k.unit).c_str());
    if (ImGui::IsItemHovered() && (!m.source.empty() || !m.note.empty() || m.HasProvenance())) {
      std::string tip = std::string(Tr("source")) + ": " + m.source + "\n" + m.note;
      // A value merged from an agency return says so, as a status does in the detail panel.
      if (m.HasProvenance()) {
        const Agency* ag = app.editor().plan().FindAgency(m.reportingAgency);
        tip += std::string("\n") + Tr("provenance") + ": " + (ag ? ag->Label() : m.reportingAgency);
        if (!m.reportedBy.empty()) tip += "\n" + std::string(Tr("reportedBy")) + ": " + m.reportedBy;
        if (!m.date.empty()) tip += "\n" + std::string(Tr("date")) + ": " + m.date;
        if (!m.sourceFile.empty()) tip += "\n" + std::string(Tr("sourceFile")) + ": " + m.sourceFile;
      }
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }
  ImGui::TableSetColumnIndex(5);
  StateCell(app, k, w);
  ImGui::TableSetColumnIndex(6);
  Chart(k, year, ImGui::GetFontSize() * 9.5f, ImGui::GetFontSize() * 3.2f);
}

// Where an indicator sits: the title of the first node it names, else its document.
std::string GroupOf(const Editor& ed, const Kpi& k) {
  for (const auto& id : k.nodeIds) {
    int i = ed.index().Find(id);
    if (i >= 0) return ed.index()[i].node->Heading();
  }
  return std::string();
}

void CountsLine(const ProgressCounts& c) {
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Colors().executed), "✔ %s %d", Tr("achieved"), c.achieved);
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Colors().pending), "→ %s %d", Tr("onTrack"), c.onTrack);
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Colors().notExecuted), "✘ %s %d", Tr("behind"), c.behind);
  ImGui::SameLine();
  ImGui::TextDisabled("– %s %d", Tr("noData"), c.noData);
}

}  // namespace

void DrawIndicatorsView(App& app) {
  const Editor& ed = app.editor();
  const Plan& plan = ed.plan();
  const int year = app.state().year;
  ImGui::BeginChild("##indicators");
  if (plan.kpis.empty()) {
    ImGui::TextDisabled("%s", Tr("noIndicators"));
    ImGui::EndChild();
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", Tr("progressRule"));
  ImGui::PopStyleColor();
  RecordForm(app);
  ImGui::Separator();
  // Documents in plan order, then indicators whose document is not in the plan.
  std::vector<std::pair<std::string, std::string>> docs;  // id, label
  for (const auto& d : plan.documents) docs.push_back({d.id, d.Label()});
  for (const auto& k : plan.kpis)
    if (std::none_of(docs.begin(), docs.end(), [&](const auto& d) { return d.first == k.documentId; }))
      docs.push_back({k.documentId, k.documentId});
  for (const auto& [docId, docLabel] : docs) {
    std::map<std::string, std::vector<const Kpi*>> groups;  // "" = the document itself
    std::vector<std::string> order;
    for (const auto& k : plan.kpis) {
      if (k.documentId != docId) continue;
      std::string g = GroupOf(ed, k);
      if (!groups.count(g)) order.push_back(g);
      groups[g].push_back(&k);
    }
    if (order.empty()) continue;
    ImGui::PushID(docId.c_str());
    const bool open = ImGui::CollapsingHeader((docLabel + "##doc").c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::SameLine();
    CountsLine(CountProgress(plan, docId, year));
    if (open) {
      for (const auto& g : order) {
        if (!g.empty()) ImGui::TextDisabled("%s", g.c_str());
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable;
        if (ImGui::BeginTable(("##kpis" + g).c_str(), 7, flags)) {
          const float fs = ImGui::GetFontSize();
          ImGui::TableSetupColumn(Tr("indicator"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
          ImGui::TableSetupColumn(Tr("unit"), ImGuiTableColumnFlags_WidthFixed, fs * 3.5f);
          ImGui::TableSetupColumn(Tr("baseline"), ImGuiTableColumnFlags_WidthFixed, fs * 5.5f);
          ImGui::TableSetupColumn(Tr("targets"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
          ImGui::TableSetupColumn(Tr("measuredValues"), ImGuiTableColumnFlags_WidthFixed, fs * 6);
          ImGui::TableSetupColumn(Tr("progressState"), ImGuiTableColumnFlags_WidthFixed, fs * 8.5f);
          ImGui::TableSetupColumn("##chart", ImGuiTableColumnFlags_WidthFixed, fs * 10);
          ImGui::TableHeadersRow();
          for (const Kpi* k : groups[g]) {
            ImGui::PushID(k->id.c_str());
            IndicatorRow(app, *k, year);
            ImGui::PopID();
          }
          ImGui::EndTable();
        }
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void DrawIndicatorSummary(App& app) {
  const Plan& plan = app.editor().plan();
  const int year = app.state().year;
  bool anyResults = !plan.kpis.empty();
  for (const auto& d : plan.documents) {
    anyResults = anyResults || !d.expectedResults.empty();
    for (const auto& n : d.nodes) anyResults = anyResults || !n.expectedResults.empty();
  }
  if (!anyResults) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(Tr("indicators"));
  for (const auto& d : plan.documents) {
    const ProgressCounts c = CountProgress(plan, d.id, year);
    if (c.Total()) {
      ImGui::BulletText("%s:", d.Label().c_str());
      ImGui::SameLine();
      CountsLine(c);
    }
  }
  for (const auto& d : plan.documents) {
    bool has = !d.expectedResults.empty();
    for (const auto& n : d.nodes) has = has || !n.expectedResults.empty();
    if (!has) continue;
    ImGui::PushID(d.id.c_str());
    if (ImGui::TreeNode("##results", "%s — %s", Tr("expectedResults"), d.Label().c_str())) {
      for (const auto& r : d.expectedResults) ImGui::BulletText("%s %s", r.code.c_str(), r.text.c_str());
      for (const auto& n : d.nodes) {
        if (n.expectedResults.empty()) continue;
        ImGui::TextDisabled("%s %s", n.code.c_str(), n.title.c_str());
        for (const auto& r : n.expectedResults) ImGui::BulletText("%s", r.c_str());
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

void DrawNodeIndicators(App& app, const std::string& nodeId, int doc) {
  const Editor& ed = app.editor();
  const Plan& plan = ed.plan();
  const int year = app.state().year;
  std::vector<std::string> ancestors;
  for (int i = ed.index().Find(nodeId); i >= 0; i = ed.index()[i].parent) ancestors.push_back(ed.index()[i].id);
  std::vector<const Kpi*> kpis = IndicatorsForNode(plan, ancestors);
  bool documentLevel = false;
  if (kpis.empty() && doc >= 0 && doc < static_cast<int>(plan.documents.size())) {
    // Indicators that name no node belong to their document.
    for (const auto& k : plan.kpis)
      if (k.documentId == plan.documents[static_cast<size_t>(doc)].id && k.nodeIds.empty()) kpis.push_back(&k);
    documentLevel = true;
  }
  if (kpis.empty()) return;
  ImGui::Spacing();
  if (!ImGui::TreeNodeEx("##nodeKpis", documentLevel ? 0 : ImGuiTreeNodeFlags_DefaultOpen, "%s (%zu)",
                         Tr(documentLevel ? "documentIndicators" : "indicators"), kpis.size()))
    return;
  for (const Kpi* k : kpis) {
    const ProgressWorking w = AssessProgress(*k, year);
    ImGui::PushID(k->id.c_str());
    ImGui::TextWrapped("%s", k->name.c_str());
    const KpiValue* m = k->MeasuredFor(year);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ProgressColor(w.state)), "%s %s", ProgressMark(w.state),
                       ProgressText(w.state));
    ImGui::SameLine();
    ImGui::TextDisabled("%d: %s", year, m ? ValueText(*m, k->unit).c_str() : "–");
    if (ImGui::SmallButton(Tr("recordValue"))) {
      Choose(app, *k);
      app.ShowTab("indicators");
    }
    ImGui::PopID();
  }
  ImGui::TreePop();
}

}  // namespace azplan::ui
