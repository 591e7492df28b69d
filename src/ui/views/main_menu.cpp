// Menu bar, status bar, the notice line and the dialogs (errors, open by path, about).
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "core/exporters.h"
#include "core/plan_json.h"
#include "core/returns.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

void DrawMainMenu(App& app) {
  Editor& ed = app.editor();
  UiState& st = app.state();
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu(Tr("file"))) {
    if (ImGui::MenuItem(Tr("open"), "Ctrl+O")) app.ChooseFileToOpen();
    if (ImGui::MenuItem(Tr("openBundled"))) app.OpenBundled();
    ImGui::Separator();
    if (ImGui::MenuItem(Tr("save"), "Ctrl+S")) app.Save();
    if (ImGui::BeginMenu(Tr("export"))) {
      for (const auto& f : ExportFormats()) {
        std::string label = std::string(f.key) + "  (." + f.extension + ")";
        if (ImGui::MenuItem(label.c_str())) app.ExportFormat(f.key);
      }
      // Pictures of the charts: the SVG exports rasterised (a browser download; the
      // desktop writes the SVG).
      if (ImGui::MenuItem("gantt-png  (.png)")) app.ExportPng("gantt-svg");
      if (ImGui::MenuItem("timeline-png  (.png)")) app.ExportPng("timeline-svg");
      ImGui::Separator();
      // Agency return forms for the monitoring year: all agencies as one .zip, or one.
      if (ImGui::MenuItem(Tr("returnFormsAll"))) app.ExportReturnForms("");
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
    if (ImGui::MenuItem(Tr("importReturns"))) app.ChooseReturnsToImport();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("edit"))) {
    std::string undo = std::string(Tr("undo")) + (ed.CanUndo() ? std::string(": ") + Tr(ed.UndoLabel().c_str()) : "");
    std::string redo = std::string(Tr("redo")) + (ed.CanRedo() ? std::string(": ") + Tr(ed.RedoLabel().c_str()) : "");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, ed.CanUndo())) ed.Undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, ed.CanRedo())) ed.Redo();
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
    const char* tabs[kTabCount] = {"table", "gantt", "timeline", "dashboard", "indicators"};
    for (int i = 0; i < kTabCount; ++i)
      if (ImGui::MenuItem(Tr(tabs[i]), nullptr, static_cast<int>(st.tab) == i)) {
        st.tab = static_cast<Tab>(i);
        st.tabRequested = true;
      }
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
  ImGui::EndMainMenuBar();
}

void DrawStatusBar(App& app, float width, float height, float barHeight) {
  ImGui::SetNextWindowPos(ImVec2(0, height - barHeight));
  ImGui::SetNextWindowSize(ImVec2(width, barHeight));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  const Editor& ed = app.editor();
  ImGui::Text("%s  ·  %s %d  ·  %d %s", app.PlanName().c_str(), Tr("year"), app.state().year, ed.index().Size(),
              Tr("measures"));
  ImGui::SameLine();
  if (ed.Dirty()) {
    ImGui::TextColored(ImColor(Colors().notExecuted), "  ● %s", Tr("unsaved"));
  } else {
    ImGui::TextDisabled("  %s", Tr("saved"));
  }
  ImGui::End();
}

void DrawNoticeBar(App& app) {
  UiState& st = app.state();
  if (st.notice.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, Colors().selection);
  ImGui::BeginChild("##notice", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 4), false);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(st.notice.c_str());
  if (st.noticeRestored) {
    ImGui::SameLine();
    if (ImGui::SmallButton(Tr("discardRestore"))) {
      app.OpenBundled(true);  // the button says "discard": no question
      st.noticeRestored = false;
      st.notice.clear();
    }
  }
  if (!st.errors.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton(Tr("errors"))) st.showErrors = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("✕")) {
    st.notice.clear();
    st.noticeRestored = false;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void DrawDialogs(App& app) {
  UiState& st = app.state();
  if (st.showErrors) {
    ImGui::OpenPopup("##errors");
    st.showErrors = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 50, ImGui::GetFontSize() * 20), ImGuiCond_Appearing);
  // Centred each time it opens (ImGui centres a modal only the first time).
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  st.errorDialogOpen = ImGui::BeginPopupModal("##errors", nullptr);
  if (st.errorDialogOpen) {
    ImGui::TextUnformatted(Tr("openFailed"));
    ImGui::Separator();
    ImGui::BeginChild("##list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()));
    for (const auto& d : st.errors) ImGui::TextWrapped("%s", d.Format().c_str());
    ImGui::EndChild();
    if (ImGui::Button(Tr("close"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (st.showOpenPath) {
    ImGui::OpenPopup("##openpath");
    st.showOpenPath = false;
  }
  if (ImGui::BeginPopupModal("##openpath", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(Tr("openPath"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type the path at once
    bool enter = ImGui::InputText("##path", &st.openPath, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button(Tr("open")) || enter) {
      platform::FetchText(st.openPath, [&app, path = st.openPath](bool ok, std::string body) {
        if (ok) app.OpenFiles(OneFile(path, std::move(body)));
        else app.state().notice = std::string(Tr("openFailed")) + " " + path;
      });
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(Tr("close"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  // Opening another plan over unsaved changes (App::OpenFiles): save first, discard or cancel.
  if (app.HasPendingOpen() && !ImGui::IsPopupOpen("##confirmopen")) ImGui::OpenPopup("##confirmopen");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("##confirmopen", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(Tr("unsavedOpen"));
    ImGui::Text("%s: %s", Tr("toOpen"), app.PendingOpenName().c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    std::optional<App::OpenAnswer> answer;
    if (ImGui::Button(Tr("saveThenOpen"))) answer = App::OpenAnswer::SaveFirst;
    ImGui::SameLine();
    if (ImGui::Button(Tr("openWithoutSaving"))) answer = App::OpenAnswer::Discard;
    ImGui::SameLine();
    if (ImGui::Button(Tr("cancel"))) answer = App::OpenAnswer::Cancel;
    if (answer) {
      app.AnswerPendingOpen(*answer);
      ImGui::CloseCurrentPopup();
    } else if (!app.HasPendingOpen()) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (st.showAbout) {
    ImGui::OpenPopup("##about");
    st.showAbout = false;
  }
  if (ImGui::BeginPopupModal("##about", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(Tr("aboutText"));
    ImGui::Spacing();
    ImGui::TextUnformatted(Tr("shortcuts"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(Tr("close"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace azplan::ui
