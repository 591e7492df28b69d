// Indicators in the exports: CSV (a second file), the report's section per document with
// inline SVG charts, the CLI's JSON, and the progress working as text.
#pragma once
#include <string>

#include "core/exporters.h"
#include "core/indicators.h"
#include "core/plan.h"

namespace azplan {

// "hədəfə çatılıb" / "achieved", … in the language ("az" or "en").
const char* ProgressLabel(Progress p, const std::string& language);
// The numbers behind a state in one line: path, expected value, measured value, state.
std::string ProgressWorkingText(const ProgressWorking& w, const std::string& unit, const std::string& language);

// A small chart: baseline and numeric targets (dashed path), measured points, the
// monitoring year as a vertical line. SVG markup to inline in HTML (no xmlns).
std::string IndicatorChartSvg(const Kpi& kpi, int year, int width, int height);

// The report's part for one document: its expected results (the document's and each
// direction's or section's), the indicator counts per state, and a table with every
// indicator's baseline, targets, measured values, state with its working, and chart.
std::string IndicatorsHtmlSection(const Plan& plan, const std::string& documentId, int year,
                                  const std::string& language);

std::string ExportIndicatorsCsv(const Plan& plan, const ExportOptions& options);
Json IndicatorsToJson(const Plan& plan, int year);

}  // namespace azplan
