// Loading several plan files as one plan (the bundled plans are several files), and
// the bundled set itself.
#pragma once
#include <string>
#include <vector>

#include "core/plan_json.h"

namespace azplan {

struct NamedText {
  std::string name;
  std::string text;
};

// Loads every file and merges them in order; the merged plan is validated again as a
// whole (references across files must resolve). Fails if any file fails.
LoadResult LoadPlans(const std::vector<NamedText>& files, const LoadLimits& limits = {});

}  // namespace azplan
