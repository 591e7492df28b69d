// What users hand on: every export format, produced from the plan alone so the CLI,
// the tests and both apps share one implementation.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"

namespace azplan {

struct ExportOptions {
  int year = 0;               // monitoring year whose statuses are exported
  std::string language = "az";
  std::string preparedOn;     // YYYY-MM-DD the report is prepared on; the callers' clock, not the model's
  // What the screen shows (App::CurrentExportOptions fills these): the table, CSV and
  // charts export only these node ids, in this order, when `filtered`; everything otherwise.
  bool filtered = false;
  std::vector<std::string> itemIds;
  // The Gantt's zoom: first visible day and pixels per day; 0 = fit the whole plan.
  int ganttStartDay = 0;
  int ganttEndDay = 0;
  double ganttPxPerDay = 0;
};

struct ExportFormat {
  const char* key;        // --format name: json, csv, xlsx, html, gantt-svg, timeline-svg, mspdi
  const char* kind;       // file-name part: plan, measures, report, gantt, timeline, msproject
  const char* extension;  // without the dot
  const char* mime;
  std::string (*run)(const Plan& plan, const ExportOptions& options);
};

const std::vector<ExportFormat>& ExportFormats();
const ExportFormat* FindExportFormat(std::string_view key);

// "<plan>-<year>-<kind>.<ext>", ASCII-safe: Azerbaijani letters are transliterated.
std::string ExportFileName(const Plan& plan, int year, const ExportFormat& format);

// The latest year that has any status; the current programmes' first year otherwise.
int DefaultMonitoringYear(const Plan& plan);

// Individual exporters.
std::string ExportCsv(const Plan& plan, const ExportOptions& options);
std::string ExportJson(const Plan& plan, const ExportOptions& options);
std::string ExportXlsx(const Plan& plan, const ExportOptions& options);         // export_xlsx.cpp
std::string ExportHtml(const Plan& plan, const ExportOptions& options);         // export_html.cpp
std::string ExportGanttSvg(const Plan& plan, const ExportOptions& options);     // export_svg.cpp
std::string ExportTimelineSvg(const Plan& plan, const ExportOptions& options);  // export_svg.cpp
// The Gantt paged for printing (HTML, one landscape page per picture, axis repeated).
std::string ExportGanttPagesA4(const Plan& plan, const ExportOptions& options);  // export_svg.cpp
std::string ExportGanttPagesA3(const Plan& plan, const ExportOptions& options);  // export_svg.cpp
std::string ExportMspdi(const Plan& plan, const ExportOptions& options);        // export_mspdi.cpp

std::string ExportIndicatorsCsv(const Plan& plan, const ExportOptions& options);  // export_indicators.cpp

// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading quote.
std::string CsvCell(const std::string& s);

// Status marks that never rely on colour alone: ✔ ◐ ✘ –, and "…" for pending.
const char* StatusMark(Status s);

}  // namespace azplan
