// The monitoring figures as JSON: the shape `azplan-cli stats --json` prints
// (documented in docs/cli.md).
#pragma once
#include "core/monitoring.h"
#include "core/plan.h"

namespace azplan {

Json TallyToJson(const Tally& t);
Json FiguresToJson(const PlanIndex& index, const YearFigures& f);
Json DiffToJson(const PlanIndex& index, int a, int b, const std::vector<StatusChange>& changes);

}  // namespace azplan
