// Helpers the markup exporters share (HTML report, SVG charts, MS Project XML):
// escaping plan text, status colours and number formatting. Pure string functions.
#pragma once
#include <string>
#include <string_view>

#include "core/plan.h"

namespace azplan {

// Escapes & < > " ' for element text and attribute values. Invalid UTF-8 becomes
// U+FFFD and control characters XML 1.0 forbids are dropped, so the output is
// always well-formed.
std::string EscapeXml(std::string_view s);
// The same rules; HTML shares XML's escaping needs here.
inline std::string EscapeHtml(std::string_view s) { return EscapeXml(s); }

// Chart colours for a year's status (the app uses the same).
const char* StatusColor(Status s);
// Lower-case CSS class part: "executed", "partial", "not-executed", "not-assessed", "pending".
const char* StatusClass(Status s);

// Colour band of an execution percentage as the report draws it: ≤10, 10–90, ≥90.
const char* PercentBand(int percent);  // "low", "mid", "high"

// The plan's title; a merged plan has none, so: its single document's title, else a
// generic heading in the language ("az" or "en").
std::string PlanTitle(const Plan& plan, const std::string& language);

// The agency's name as it was in `year` (its `names` lineage), else its current name;
// the id itself when the plan does not list the agency.
std::string AgencyNameInYear(const Plan& plan, const std::string& id, int year);

// A status as the report's status box words it, in "az" or "en" ("icra edilmişdir").
const char* StatusLabel(Status s, const std::string& language);
// A node kind in the glossary's words ("alt tədbir", "prioritet").
const char* NodeKindLabel(NodeKind k, const std::string& language);
// A period as the source writes it; else "2017–2020", "2017", "mütəmadi", "6 ay müddətində".
std::string PeriodText(const Period& p, const std::string& language);

// Fixed-point number without locale surprises: Fmt(12.5) == "12.5", Fmt(3) == "3".
std::string Fmt(double v);

}  // namespace azplan
