#include "ui/a11y_mirror.h"

#include "core/markup.h"

namespace azplan::ui {

bool MirrorState::operator==(const MirrorState& o) const {
  return language == o.language && view == o.view && plan == o.plan && year == o.year && code == o.code &&
         title == o.title && kind == o.kind && status == o.status && document == o.document && lead == o.lead &&
         coExecutors == o.coExecutors && period == o.period && figure == o.figure && codeLabel == o.codeLabel;
}

namespace {
void Row(std::string& out, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  out += "<dt>" + EscapeXml(label) + "</dt><dd>" + EscapeXml(value) + "</dd>";
}
}  // namespace

std::string MirrorHtml(const MirrorState& s) {
  std::string out = "<h1>" + EscapeXml(s.plan) + " — " + EscapeXml(s.view) + "</h1>";
  out += "<p>" + EscapeXml(s.yearLabel) + " " + std::to_string(s.year) + "</p>";
  if (s.code.empty()) {
    out += "<p>" + EscapeXml(s.noneSelected) + "</p>";
  } else {
    out += "<h2>" + EscapeXml(s.code) + " " + EscapeXml(s.title) + "</h2><dl>";
    Row(out, s.codeLabel, s.code);
    Row(out, s.titleLabel, s.title);
    Row(out, s.statusLabel, s.status);
    Row(out, s.documentLabel, s.document);
    Row(out, s.leadLabel, s.lead);
    Row(out, s.coLabel, s.coExecutors);
    Row(out, s.periodLabel, s.period);
    out += "</dl>";
  }
  if (!s.figure.empty()) out += "<h2>" + EscapeXml(s.figureLabel) + "</h2><p>" + EscapeXml(s.figure) + "</p>";
  return out;
}

std::string MirrorAnnouncement(const MirrorState& before, const MirrorState& after) {
  if (after.code.empty()) return before.code.empty() ? std::string() : after.noneSelected;
  if (after.code != before.code || after.title != before.title)
    return after.code + " " + after.title + (after.status.empty() ? "" : ": " + after.status);
  if (after.status != before.status || after.year != before.year) return after.code + ": " + after.status;
  if (after.figure != before.figure && !after.figure.empty()) return after.figure;
  return std::string();
}

}  // namespace azplan::ui
