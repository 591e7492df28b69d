// The accessible mirror of what the canvas shows: plain HTML (headings, a definition list)
// that the page keeps in a visually hidden region for screen readers, and the sentence a
// live region announces when the selection or its status changes ("1.1.1.3: icra
// edilməmişdir"). Pure functions: App gathers the state, platform::SetAccessibleMirror
// puts it on the page, and only when it changed.
#pragma once
#include <string>

namespace azplan::ui {

struct MirrorState {
  std::string language;   // "az" / "en": the page's lang attribute
  std::string view;       // the tab's name as shown
  std::string plan;       // plan name
  int year = 0;
  std::string yearLabel;  // "Monitorinq ili"
  // The selected item (empty code: nothing selected).
  std::string code, title, kind, status, document, lead, coExecutors, period;
  std::string codeLabel, titleLabel, statusLabel, documentLabel, leadLabel, coLabel, periodLabel, noneSelected;
  std::string figure;     // the figure under focus (dashboard), as a sentence; may be empty
  std::string figureLabel;

  bool operator==(const MirrorState& o) const;
  bool operator!=(const MirrorState& o) const { return !(*this == o); }
};

// Escaped HTML for the mirror region (no script, no attributes beyond lang/role/aria).
std::string MirrorHtml(const MirrorState& s);
// What the live region should say going from `before` to `after`: the selection's code
// with its status when either changed; empty when nothing worth announcing changed.
std::string MirrorAnnouncement(const MirrorState& before, const MirrorState& after);

}  // namespace azplan::ui
