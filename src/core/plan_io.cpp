#include "core/plan_io.h"

#include "core/validate.h"

namespace azplan {

LoadResult LoadPlans(const std::vector<NamedText>& files, const LoadLimits& limits) {
  LoadResult result;
  if (files.size() == 1) return LoadPlan(files[0].text, files[0].name, limits);
  Plan merged;
  bool ok = true;
  for (const auto& f : files) {
    LoadResult one = LoadPlan(f.text, f.name, limits);
    for (auto& d : one.diagnostics) result.diagnostics.push_back(std::move(d));
    if (!one.Ok()) {
      ok = false;
      continue;
    }
    MergePlan(merged, *one.plan);
  }
  if (!ok) return result;
  merged.id = "bundle";
  OrderDocumentsByAdoption(merged);
  for (auto& d : ValidatePlan(merged)) {
    if (d.severity != Severity::Error) continue;  // per-file warnings were reported already
    d.file = "(merged)";
    result.diagnostics.push_back(std::move(d));
  }
  if (!HasErrors(result.diagnostics)) result.plan = std::move(merged);
  return result;
}

bool TryReplacePlan(Editor& editor, LoadResult& result) {
  if (!result.Ok()) return false;
  editor.Reset(std::move(*result.plan));
  result.plan.reset();
  return true;
}

}  // namespace azplan
