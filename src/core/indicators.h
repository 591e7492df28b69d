// Indicators (KPIs): whether a programme changed anything. One documented progress rule
// with its working, counts per document, and the Azerbaijani number input with its unit
// check. Plain values, no UI (docs/indicators.md states the rule for users).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"

namespace azplan {

enum class Progress : unsigned char { Achieved, OnTrack, Behind, NoData };
const char* ProgressKey(Progress p);  // "achieved", "onTrack", "behind", "noData"

// The numbers behind a progress state, so it can be shown "with its working".
struct ProgressWorking {
  Progress state = Progress::NoData;
  int year = 0;
  // The measured value for `year` (measuredYear == 0: none recorded).
  int measuredYear = 0;
  std::optional<double> measured;
  // The path: from the anchor (baseline or the previous numeric target) to the target.
  int fromYear = 0, toYear = 0;
  std::optional<double> from, to;
  std::optional<double> expected;  // the path's value in `year`
  int direction = 0;               // +1 rising, -1 falling target
  std::string why;                 // key of the reason when no state can be computed (see .cpp)
};

// THE RULE (the only place it is written; docs/indicators.md repeats it for users):
//  1. The value compared is the one measured for the monitoring year itself; no value
//     (or a text-only one) for that year gives "no data".
//  2. The target is the first target with a number whose year is the monitoring year or
//     later; past the last one, the last one. Text-only targets ("8-9 faiz", "improve
//     the ranking") are never read as numbers: an indicator without a numeric target
//     gives "no data".
//  3. The anchor is the previous numeric target before it, else the numeric baseline.
//     The direction is the sign of target − anchor (rising when equal: "keep at least").
//     Without an anchor the direction is taken as rising and there is no path before the
//     target year ("no data" until then, unless the target is already reached).
//  4. The expected value is the straight line from anchor to target at the monitoring
//     year (the target itself from the target year on).
//  5. Achieved: the measured value has reached the target (≥ rising, ≤ falling).
//     On track: it has reached the expected value. Behind: otherwise.
ProgressWorking AssessProgress(const Kpi& kpi, int year);

struct ProgressCounts {
  int achieved = 0, onTrack = 0, behind = 0, noData = 0;
  int Total() const { return achieved + onTrack + behind + noData; }
  int& operator[](Progress p);
};
// Indicators of one document (documentId empty: of the whole plan) by state.
ProgressCounts CountProgress(const Plan& plan, std::string_view documentId, int year);

// Indicators that belong to a node: listed in its nodeIds, directly or via an ancestor
// (`ancestorIds` is the node's own id then its parents' ids).
std::vector<const Kpi*> IndicatorsForNode(const Plan& plan, const std::vector<std::string>& ancestorIds);

// Azerbaijani number input: "12,5", "12.5", "12,5 %", "1 234,5", "-3", "12,5 faiz".
// A comma or a point is the decimal separator; with both, the last one is, and the other
// groups thousands; spaces (also no-break) group thousands. What follows the number is
// the unit as typed (trimmed). Returns nullopt and sets `error` on anything else.
struct ParsedNumber {
  double value = 0;
  std::string unit;
};
std::optional<ParsedNumber> ParseAzNumber(std::string_view text, std::string* error = nullptr);

// Whether a typed unit fits the indicator's: an empty typed unit always fits; "%" and
// "faiz" are the same; otherwise equal ignoring Azerbaijani case. Sets `error`.
bool UnitFits(std::string_view kpiUnit, std::string_view typed, std::string* error = nullptr);

// What the user typed for an indicator's value in `year`, checked: the number (Azerbaijani
// input), a unit that fits the indicator's, a source and a note (trimmed). On a problem,
// nullopt and `error` says what is wrong in words a user understands.
std::optional<KpiValue> MakeMeasuredValue(const Kpi& kpi, int year, std::string_view valueText,
                                          std::string_view source, std::string_view note, std::string* error);

// A number as Azerbaijani text: decimal comma, at most `decimals` places, no trailing zeros.
std::string FormatAzNumber(double v, int decimals = 2);

}  // namespace azplan
