// The status bar (plan, year, size, saved or not) and the notice line above the views
// (what just happened: opened, restored, exported, failed), with its buttons.
#include <imgui.h>

#include "ui/app.h"
#include "ui/strings.h"
#include "ui/views/views.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

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
    const bool clicked = ImGui::SmallButton(Tr("discardRestore"));
    app.NoteWidget("notice", "discardRestore");
    if (clicked) {
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
  const bool dismiss = ImGui::SmallButton("✕");
  app.NoteWidget("notice", "close");
  if (dismiss) {
    st.notice.clear();
    st.noticeRestored = false;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace azplan::ui
