#include "ui/widgets/widgets.h"

#include <algorithm>

#include "core/exporters.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/widgets/theme.h"

namespace azplan::ui {

std::string StatusText(Status s) { return std::string(StatusMark(s)) + " " + StatusLabel(s); }

void StatusBadge(Status s) {
  ImGui::PushStyleColor(ImGuiCol_Text, StatusColor(s));
  ImGui::TextUnformatted(StatusMark(s));
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted(StatusLabel(s));
}

void ExecutionBar(const Tally& t, float width, float height) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  int n = t.Assessed();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), Colors().headerRow);
  if (n > 0) {
    float x = p.x;
    const int parts[] = {t.executed, t.partial, t.notExecuted};
    const Status st[] = {Status::Executed, Status::Partial, Status::NotExecuted};
    for (int k = 0; k < 3; ++k) {
      float w = width * parts[k] / n;
      if (w > 0) dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + height), StatusColor(st[k]));
      x += w;
    }
  }
  ImGui::Dummy(ImVec2(width, height));
  if (ImGui::IsItemHovered() && n > 0) {
    Shares s = DisplayShares(t);
    ImGui::SetTooltip("%s %d%%  %s %d%%  %s %d%%\n%s: %d%% (%d)", StatusMark(Status::Executed), s.executed,
                      StatusMark(Status::Partial), s.partial, StatusMark(Status::NotExecuted), s.notExecuted,
                      Tr("score"), DisplayScore(t), n);
  }
}

void TextEllipsized(const std::string& text, float maxWidth) {
  if (ImGui::CalcTextSize(text.c_str()).x <= maxWidth) {
    ImGui::TextUnformatted(text.c_str());
    return;
  }
  // Binary search on characters (never bytes) for the longest prefix that fits.
  size_t lo = 0, hi = CountChars(text);
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(EllipsizeChars(text, mid).c_str()).x <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  ImGui::TextUnformatted(EllipsizeChars(text, lo).c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

std::string PeriodText(const Period& p) {
  if (!p.text.empty() && !p.IsSet()) return p.text;
  std::string s;
  if (p.IsSet()) s = p.start == p.end ? std::to_string(p.start) : std::to_string(p.start) + "–" + std::to_string(p.end);
  if (p.ongoing) s += std::string(" (") + Tr("ongoing") + ")";
  if (p.withinMonths) s += " · " + std::to_string(p.withinMonths) + " " + Tr("withinMonths");
  return s;
}

void SameLineOrWrap(float nextWidth) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + nextWidth <= right) ImGui::SameLine();
}

float CheckboxWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float SmallButtonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void TableHeadersRowWithTips(const char* const* tips) {
  const int columns = ImGui::TableGetColumnCount();
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int k = 0; k < columns; ++k) {
    if (!ImGui::TableSetColumnIndex(k)) continue;
    const char* name = ImGui::TableGetColumnName(k);
    ImGui::PushID(k);
    ImGui::TableHeader(name);
    ImGui::PopID();
    const char* tip = tips && tips[k] ? tips[k] : name;
    if (tip && *tip && ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
      ImGui::TextUnformatted(tip);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
}

bool Splitter(const char* id, float& width, float minW, float maxW, float height, bool panelOnLeft) {
  const float thickness = std::max(4.0f, ImGui::GetFontSize() * 0.35f);
  ImGui::InvisibleButton(id, ImVec2(thickness, height));
  const bool active = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (active) width += panelOnLeft ? ImGui::GetIO().MouseDelta.x : -ImGui::GetIO().MouseDelta.x;
  width = std::clamp(width, minW, std::max(minW, maxW));
  ImU32 colour = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive
                                           : ImGui::IsItemHovered() ? ImGuiCol_SeparatorHovered : ImGuiCol_Separator);
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  float mid = (a.x + b.x) / 2;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(mid, a.y), ImVec2(mid, b.y), colour, active ? 2.0f : 1.0f);
  return active;
}

}  // namespace azplan::ui
