// Semantic checks of a plan that parsed: ids, references, periods, statuses.
#pragma once
#include <vector>

#include "core/diagnostics.h"
#include "core/plan.h"

namespace azplan {

// Errors make a file invalid; warnings are reported and the file still opens.
// Diagnostics carry JSON paths; the caller adds file and position.
std::vector<Diagnostic> ValidatePlan(const Plan& plan);

}  // namespace azplan
