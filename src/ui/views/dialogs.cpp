// The dialogs: the errors of a failed open, open by path (desktop), open over unsaved
// changes (save first, discard or cancel), the return forms' progress, and About.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/plan_io.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"

namespace azplan::ui {

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
    const bool close = ImGui::Button(Tr("close"));
    app.NoteWidget("errors", "close");
    if (close) ImGui::CloseCurrentPopup();
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
    app.NoteWidget("confirmOpen", "save");
    ImGui::SameLine();
    if (ImGui::Button(Tr("openWithoutSaving"))) answer = App::OpenAnswer::Discard;
    app.NoteWidget("confirmOpen", "discard");
    ImGui::SameLine();
    if (ImGui::Button(Tr("cancel"))) answer = App::OpenAnswer::Cancel;
    app.NoteWidget("confirmOpen", "cancel");
    if (answer) {
      app.AnswerPendingOpen(*answer);
      ImGui::CloseCurrentPopup();
    } else if (!app.HasPendingOpen()) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  // All agencies' return forms being written (App::StepReturnForms): how far, and Cancel.
  if (const ReturnFormBatch* batch = app.FormBatch()) {
    if (!ImGui::IsPopupOpen("##returnFormsProgress")) ImGui::OpenPopup("##returnFormsProgress");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##returnFormsProgress", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
      ImGui::TextUnformatted(Tr("returnFormsWriting"));
      const int written = batch->Written(), total = batch->Total();
      const std::string count = std::to_string(written) + " / " + std::to_string(total);
      ImGui::ProgressBar(total ? static_cast<float>(written) / total : 0, ImVec2(ImGui::GetFontSize() * 18, 0),
                         count.c_str());
      const bool cancel = ImGui::Button(Tr("cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
      ImGui::EndPopup();
      if (cancel) app.CancelReturnForms();
    }
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
