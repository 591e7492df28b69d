// The view as a URL fragment ("#y=2017&tab=gantt&q=..."), so a link reproduces what
// its sender saw. Pure functions: App gathers and applies the values, the platform
// reads and writes the fragment.
#pragma once
#include <string>
#include <string_view>

namespace azplan::ui {

struct ViewLink {
  std::string plan;       // p: the plan's name (informative; the plan itself comes from ?plan= or storage)
  int year = 0;           // y: monitoring year; 0 = not given
  std::string tab;        // tab: table, gantt, timeline, dashboard, indicators
  std::string search;     // q: search text
  std::string document;   // doc: document id
  std::string agency;     // ag: agency id
  bool leadOnly = false;  // lead=1: the agency leads
  std::string status;     // st: status key (executed, partial, ...)
  double ganttStart = 0;  // gs: Gantt day number at the left edge
  double ganttPxPerDay = 0;  // gz: Gantt zoom; 0 = not given (fit to the plan)

  bool operator==(const ViewLink& o) const;
};

// Keys in a fixed order, values percent-encoded (UTF-8 bytes outside A-Z a-z 0-9 - . _ ~),
// empty values left out.
std::string EncodeViewLink(const ViewLink& link);
// Accepts the fragment with or without '#'; unknown keys and malformed numbers are ignored.
ViewLink DecodeViewLink(std::string_view fragment);

}  // namespace azplan::ui
