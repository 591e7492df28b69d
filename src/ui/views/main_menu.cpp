// The menu bar: File, Edit, View (made from the view table), Help, and the monitoring year.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/exporters.h"
#include "core/plan_json.h"
#include "core/returns.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/view_table.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

void DrawMainMenu(App& app) {
  const Editor& ed = app.editor();
  UiState& st = app.state();
  if (!ImGui::BeginMainMenuBar()) return;
  const bool fileMenu = ImGui::BeginMenu(Tr("file"));
  app.NoteWidget("menu", "file");
  if (fileMenu) {
    bool clicked = ImGui::MenuItem(Tr("open"), "Ctrl+O");
    app.NoteWidget("menu", "open");
    if (clicked) app.ChooseFileToOpen();
    clicked = ImGui::MenuItem(Tr("openBundled"));
    app.NoteWidget("menu", "openBundled");
    if (clicked) app.OpenBundled();
    ImGui::Separator();
    if (ImGui::MenuItem(Tr("save"), "Ctrl+S")) app.Save();
    const bool exportMenu = ImGui::BeginMenu(Tr("export"));
    app.NoteWidget("menu", "export");
    if (exportMenu) {
      for (const auto& f : ExportFormats()) {
        std::string label = std::string(f.key) + "  (." + f.extension + ")";
        clicked = ImGui::MenuItem(label.c_str());
        app.NoteWidget("export", f.key);
        if (clicked) app.ExportFormat(f.key);
      }
      // Pictures of the charts: the SVG exports rasterised (a browser download; the
      // desktop writes the SVG).
      clicked = ImGui::MenuItem("gantt-png  (.png)");
      app.NoteWidget("export", "gantt-png");
      if (clicked) app.ExportPng("gantt-svg");
      clicked = ImGui::MenuItem("timeline-png  (.png)");
      app.NoteWidget("export", "timeline-png");
      if (clicked) app.ExportPng("timeline-svg");
      ImGui::Separator();
      // Agency return forms for the monitoring year: all agencies as one .zip, or one.
      clicked = ImGui::MenuItem(Tr("returnFormsAll"));
      app.NoteWidget("export", "returnForms");
      if (clicked) app.ExportReturnForms("");
      if (ImGui::BeginMenu(Tr("returnFormsOne"))) {
        ReturnFormOptions o;
        o.year = st.year;
        o.includeCoExecutor = st.returnsCoExecutors;
        for (const auto& id : ReturnAgencies(ed.index(), o)) {
          const Agency* a = ed.plan().FindAgency(id);
          if (ImGui::MenuItem((a ? a->Label() : id).c_str())) app.ExportReturnForms(id);
        }
        ImGui::EndMenu();
      }
      ImGui::MenuItem(Tr("returnFormsCoExecutors"), nullptr, &st.returnsCoExecutors);
      ImGui::EndMenu();
    }
    clicked = ImGui::MenuItem(Tr("importReturns"));
    app.NoteWidget("menu", "importReturns");
    if (clicked) app.ChooseReturnsToImport();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("edit"))) {
    std::string undo = std::string(Tr("undo")) + (ed.CanUndo() ? std::string(": ") + Tr(ed.UndoLabel().c_str()) : "");
    std::string redo = std::string(Tr("redo")) + (ed.CanRedo() ? std::string(": ") + Tr(ed.RedoLabel().c_str()) : "");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, ed.CanUndo())) app.Undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, ed.CanRedo())) app.Redo();
    ImGui::Separator();
    for (Status s : {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed}) {
      std::string label = std::string(StatusMark(s)) + " " + StatusLabel(s);
      char key[2] = {static_cast<char>('0' + static_cast<int>(s)), 0};
      if (ImGui::MenuItem(label.c_str(), key, false, !st.selectedId.empty() || !st.checked.empty()))
        app.SetStatusOfSelection(s);
    }
    if (ImGui::MenuItem(Tr("clearStatus"), "0", false, !st.selectedId.empty())) app.SetStatusOfSelection(std::nullopt);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("view"))) {
    const auto& views = Views();
    for (size_t i = 0; i < views.size(); ++i)
      if (ImGui::MenuItem(Tr(views[i].labelKey), views[i].shortcut, st.tab == static_cast<int>(i)))
        app.ShowTab(static_cast<int>(i));
    ImGui::Separator();
    for (const char* theme : {"light", "dark", "contrast"}) {
      std::string key = std::string("theme.") + theme;
      if (ImGui::MenuItem(Tr(key.c_str()), nullptr, st.display.theme == theme)) app.SetTheme(theme);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(Tr("panelTree"), nullptr, !st.display.leftCollapsed)) st.display.leftCollapsed = !st.display.leftCollapsed;
    if (ImGui::MenuItem(Tr("panelDetails"), nullptr, !st.display.rightCollapsed)) st.display.rightCollapsed = !st.display.rightCollapsed;
    if (ImGui::MenuItem(Tr("panelReset"))) {
      st.display.leftPanel = st.display.rightPanel = 0;
      st.display.leftCollapsed = st.display.rightCollapsed = false;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(Tr("textLarger"), "Ctrl+=", false, TextScale() < kMaxTextScale)) app.SetTextSize(TextScale() + 0.1f);
    if (ImGui::MenuItem(Tr("textSmaller"), "Ctrl+-", false, TextScale() > kMinTextScale)) app.SetTextSize(TextScale() - 0.1f);
    std::string reset = std::string(Tr("textReset")) + " (" + std::to_string(static_cast<int>(std::lround(TextScale() * 100))) + " %)";
    if (ImGui::MenuItem(reset.c_str(), "Ctrl+0")) app.SetTextSize(1);
    ImGui::Separator();
    if (ImGui::MenuItem(Tr("language"))) SetLanguage(Language() == "az" ? "en" : "az");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("help"))) {
    if (ImGui::MenuItem(Tr("keys"))) st.showAbout = true;  // the about box lists the keys
    if (ImGui::MenuItem(Tr("about"))) st.showAbout = true;
    ImGui::EndMenu();
  }
  // The monitoring year is chosen here, once, and drives every view.
  // Right-aligned from its real width, so it is never cut at any window size or text size.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float yearW = ImGui::GetFontSize() * 6;
  const float needed = ImGui::CalcTextSize(Tr("year")).x + style.ItemSpacing.x + yearW + style.WindowPadding.x + style.ItemSpacing.x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - needed));
  ImGui::TextUnformatted(Tr("year"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(yearW);
  int year = st.year;
  if (ImGui::InputInt("##year", &year)) app.SetYear(year);
  app.NoteWidget("year");
  ImGui::EndMainMenuBar();
}

}  // namespace azplan::ui
