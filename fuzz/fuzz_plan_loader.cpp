// libFuzzer target for the plan loader (fuzz/README.md).
//
// Any input: LoadPlan must return (never throw, crash, hang or trip a sanitizer), and
// every diagnostic must format. An input that loads must also satisfy the round-trip
// property — SavePlan → LoadPlan succeeds and a second SavePlan is byte-identical to
// the first — and the derived views (PlanIndex, ComputeFigures, ExportCsv) must run.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/exporters.h"
#include "core/monitoring.h"
#include "core/plan_index.h"
#include "core/plan_json.h"

using namespace azplan;

namespace {

[[noreturn]] void Fail(const char* what, const LoadResult* r, const std::string& first,
                       const std::string* second) {
  std::fprintf(stderr, "fuzz_plan_loader: %s\n", what);
  if (r)
    for (const auto& d : r->diagnostics) std::fprintf(stderr, "  %s\n", d.Format().c_str());
  std::fprintf(stderr, "--- first save (%zu bytes) ---\n%.4000s\n", first.size(), first.c_str());
  if (second) std::fprintf(stderr, "--- second save (%zu bytes) ---\n%.4000s\n", second->size(), second->c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LoadResult r = LoadPlan(text, "fuzz.json");
  size_t formatted = 0;
  for (const auto& d : r.diagnostics) formatted += d.Format().size();
  if (!r.Ok()) {
    // A refused file always says why.
    if (r.diagnostics.empty()) Fail("load failed without a diagnostic", &r, std::string(text), nullptr);
    return 0;
  }

  // Round trip: what azplan writes, azplan reads back, and writes identically.
  const std::string first = SavePlan(*r.plan);
  LoadResult again = LoadPlan(first, "fuzz-saved.json");
  if (!again.Ok()) Fail("a saved plan does not load again", &again, first, nullptr);
  const std::string second = SavePlan(*again.plan);
  if (second != first) Fail("save → load → save is not byte-identical", nullptr, first, &second);

  // Derived views over the reloaded plan.
  const Plan& plan = *again.plan;
  PlanIndex index(plan);
  const int years[] = {2017, 2020, DefaultMonitoringYear(plan)};
  for (int year : years) {
    FigureOptions withLineage, without;
    without.followLineage = false;
    YearFigures f = ComputeFigures(index, year, withLineage);
    YearFigures g = ComputeFigures(index, year, without);
    if (!(f.plan.measures == g.plan.measures)) Fail("lineage changed the plan-wide tally", nullptr, first, nullptr);
    for (const auto& a : f.agencies) (void)DisplayScore(a.measures);
    ExportOptions options;
    options.year = year;
    std::string csv = ExportCsv(plan, options);
    if (csv.empty()) Fail("ExportCsv produced nothing", nullptr, first, nullptr);
  }
  (void)OverdueMeasures(index, DaysFromCivil(2021, 1, 1));
  (void)DiffYears(index, 2017, 2020, Level::SubMeasure, true);
  (void)formatted;
  return 0;
}
