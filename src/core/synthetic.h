// Synthetic plans for benchmarks and stress tests: realistic shape (target → priority →
// measure → sub-measures), Azerbaijani-looking titles, 30–60 agencies with leads and
// co-executors, periods over 2016–2028 and statuses for several monitoring years that
// agree with the periods. Fully deterministic: the same options give the same plan,
// and SavePlan of it gives the same bytes, on every platform and standard library.
#pragma once
#include <cstdint>
#include <vector>

#include "core/plan.h"

namespace azplan {

struct SyntheticOptions {
  uint64_t seed = 1;
  int measures = 1000;           // nodes of kind "measure" in the whole plan
  int minSubMeasures = 0;        // sub-measures per measure, drawn from [min, max]
  int maxSubMeasures = 3;
  int documents = 4;             // programmes, roadmaps, action plans, strategies
  int agencies = 0;              // 0: drawn from the seed, 30–60
  int firstYear = 2016, lastYear = 2028;  // documents' periods lie within
  // Monitoring years that get assessments (only where the item's period covers the year).
  std::vector<int> assessmentYears = {2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024};
};

Plan MakeSyntheticPlan(const SyntheticOptions& options);

}  // namespace azplan
