// azplan-bench-core: times the core on synthetic plans of 1k, 10k and 50k measures and
// checks the budgets (bench/README.md). Each size runs in its own child process so its
// peak RSS is its own.
//
//   azplan-bench-core [--sizes 1000,10000,50000] [--runs N] [--seed S] [--json OUT]
//
// Exit codes: 0 all budgets pass, 1 a budget fails, 2 usage error.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "core/chart_layout.h"
#include "core/filter.h"
#include "core/monitoring.h"
#include "core/plan_index.h"
#include "core/plan_json.h"
#include "core/returns.h"
#include "core/returns_merge.h"
#include "core/synthetic.h"

using namespace azplan;
using Clock = std::chrono::steady_clock;

namespace {

// The figures, in the order of the table. Times in milliseconds, medians of the runs.
// kManyKeys does not depend on the plan's size: a file whose top object holds 200,000
// unknown keys (3.4 MB), which the loader once read in quadratic time.
enum Figure { kLoad, kIndex, kLoadIndex, kStatsYear, kStatsAll, kFilter, kGantt, kSort, kSave, kFormsWrite,
              kReturnsMerge, kManyKeys, kFigures };
const char* const kKeys[kFigures] = {"loadValidate",  "index",       "loadValidateIndex", "statsOneYear",
                                     "statsAllYears", "filterText",  "ganttLayout",       "sortTitle",
                                     "save",          "returnFormsWrite", "returnsMerge", "load200kUnknownKeys"};
const char* const kLabels[kFigures] = {"load+validate", "index",        "load+val+index", "stats 1 year",
                                       "stats 2016-28", "filter text",  "gantt layout",   "sort title",
                                       "save",          "return forms", "merge returns",  "200k keys load"};

// Sent from the child to the parent through a pipe, so plain data only.
struct Result {
  int measures = 0, items = 0, matches = 0;
  long long bytes = 0;
  double ms[kFigures] = {};
  long peakRssKiB = 0;
  bool ok = false;
};

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Keeps the optimiser from dropping work whose result is unused.
volatile long long g_sink = 0;

Result RunSize(int measures, uint64_t seed, int runs) {
  Result r;
  r.measures = measures;
  SyntheticOptions options;
  options.seed = seed;
  options.measures = measures;
  std::string text = SavePlan(MakeSyntheticPlan(options));  // not counted
  r.bytes = static_cast<long long>(text.size());
  const LoadLimits limits;  // the app's own: the 50k plan must open there too
  std::string manyKeys = "{\"formatVersion\": 1";
  for (int k = 0; k < 200000; ++k) manyKeys += ", \"k" + std::to_string(k) + "\": " + std::to_string(k);
  manyKeys += "}";

  std::vector<double> t[kFigures];
  for (int run = 0; run < runs; ++run) {
    auto t0 = Clock::now();
    LoadResult loaded = LoadPlan(text, "synthetic.json", limits);
    auto t1 = Clock::now();
    if (!loaded.Ok()) {
      for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.Format().c_str());
      return r;
    }
    const Plan& plan = *loaded.plan;
    PlanIndex index(plan);
    auto t2 = Clock::now();
    t[kLoad].push_back(Ms(t0, t1));
    t[kIndex].push_back(Ms(t1, t2));
    t[kLoadIndex].push_back(Ms(t0, t2));
    r.items = index.Size();

    // Several repetitions inside a run for the short figures, so the clock resolves them.
    const int reps = 10;
    auto s0 = Clock::now();
    for (int k = 0; k < reps; ++k) g_sink += ComputeFigures(index, 2020).plan.measures.Total();
    auto s1 = Clock::now();
    t[kStatsYear].push_back(Ms(s0, s1) / reps);

    s0 = Clock::now();
    for (int year = 2016; year <= 2028; ++year) g_sink += ComputeFigures(index, year).plan.subMeasures.Total();
    s1 = Clock::now();
    t[kStatsAll].push_back(Ms(s0, s1));

    Filter filter;
    filter.text = "təhlükəsizliyi";  // a word in many titles, folded as Azerbaijani text
    s0 = Clock::now();
    std::vector<int> hits = FilterMatcher(index, filter).Apply(true);
    s1 = Clock::now();
    t[kFilter].push_back(Ms(s0, s1));
    r.matches = static_cast<int>(hits.size());

    std::vector<int> all(static_cast<size_t>(index.Size()));
    for (int i = 0; i < index.Size(); ++i) all[static_cast<size_t>(i)] = i;

    // What the Gantt's first frame lays out: every row (hierarchy, nothing collapsed), the
    // plan's span, the axis fitted to 1 000 px and its ticks.
    s0 = Clock::now();
    std::vector<GanttRow> rows = BuildGanttRows(index, all, GanttGrouping::Hierarchy, {});
    DaySpan span = PlanSpan(index);
    TimeAxis axis;
    axis.Fit(span.first, span.last, 0, 1000);
    std::vector<Tick> ticks = MakeTicks(axis, 0, 1000, ChooseTickUnit(axis.pxPerDay), "az");
    s1 = Clock::now();
    t[kGantt].push_back(Ms(s0, s1));
    g_sink += static_cast<long long>(rows.size() + ticks.size());
    s0 = Clock::now();
    SortItems(index, all, SortKey::Title, true, 2020);
    s1 = Clock::now();
    t[kSort].push_back(Ms(s0, s1));
    g_sink += all.front();

    s0 = Clock::now();
    std::string saved = SavePlan(plan);
    s1 = Clock::now();
    t[kSave].push_back(Ms(s0, s1));
    if (saved != text) {
      std::fprintf(stderr, "azplan-bench-core: the saved plan differs from the loaded one\n");
      return r;
    }

    s0 = Clock::now();
    LoadResult keys = LoadPlan(manyKeys, "many-keys.json", limits);
    s1 = Clock::now();
    t[kManyKeys].push_back(Ms(s0, s1));
    if (!keys.Ok() || keys.plan->extra.size() != 200000) {
      std::fprintf(stderr, "azplan-bench-core: the 200,000-key object was not read whole\n");
      return r;
    }
  }
  // Agency returns (issue 13), on the same shape of plan with 60 agencies: every .xlsx
  // form into one .zip, then reading one filled return per agency (60), building the
  // merge review and applying it. Skipped (–) above 20k measures: minutes of work.
  if (measures <= 20000) {
    SyntheticOptions ro = options;
    ro.agencies = 60;
    Editor editor;
    editor.Reset(MakeSyntheticPlan(ro));
    ReturnFormOptions fo;
    fo.year = 2021;
    std::vector<std::string> returns;
    for (const auto& id : ReturnAgencies(editor.index(), fo)) {
      std::string json = ReturnJson(editor.index(), id, fo);
      for (size_t at = json.find("\"status\": \"\""); at != std::string::npos; at = json.find("\"status\": \"\"", at))
        json.replace(at, 12, "\"status\": \"partial\"");
      returns.push_back(std::move(json));
    }
    for (int run = 0; run < runs; ++run) {
      auto s0 = Clock::now();
      FormBundle bundle;
      std::string error;
      if (!WriteAllReturnForms(editor.index(), fo, &bundle, &error)) {
        std::fprintf(stderr, "azplan-bench-core: return forms: %s\n", error.c_str());
        return r;
      }
      auto s1 = Clock::now();
      t[kFormsWrite].push_back(Ms(s0, s1));
      g_sink += static_cast<long long>(bundle.zip.size());

      Editor copy;
      copy.Reset(editor.plan());
      s0 = Clock::now();
      std::vector<ReturnFile> files;
      std::vector<ReturnMessage> messages;
      for (size_t k = 0; k < returns.size(); ++k)
        files.push_back(ReadReturn(copy.index(), fo.year, "r" + std::to_string(k) + ".json", returns[k], &messages));
      MergeReview review = BuildMergeReview(copy.index(), fo.year, std::move(files), std::move(messages), "2022-02-01");
      ResolveConflicts(review, MergePrefer::Returns);
      copy.Execute(ApplyMerge(review));
      s1 = Clock::now();
      t[kReturnsMerge].push_back(Ms(s0, s1));
      g_sink += review.Counts().changed;
    }
  } else {
    t[kFormsWrite].push_back(-1);
    t[kReturnsMerge].push_back(-1);
  }
  for (int f = 0; f < kFigures; ++f) r.ms[f] = Median(t[f]);
  r.peakRssKiB = bench::PeakRssKiB();
  r.ok = true;
  return r;
}

struct Budget {
  const char* name;
  int measures;
  Figure figure;
  double limitMs;
};
const Budget kBudgets[] = {
    {"load + validate + index, 10k measures", 10000, kLoadIndex, 100.0},
    {"stats for one year, 10k measures", 10000, kStatsYear, 2.0},
    {"an object of 200,000 unknown keys", 10000, kManyKeys, 500.0},
};

}  // namespace

int main(int argc, char** argv) {
  bench::Options options;  // count: runs; 0 = 7 runs, 3 for the largest plans
  if (!bench::ParseOptions(argc, argv, "azplan-bench-core", "--runs", 1, options)) return 2;
  const std::vector<int>& sizes = options.sizes;
  const int runs = options.count;
  const uint64_t seed = options.seed;
  const std::string& jsonPath = options.json;

  const std::string loadBefore = bench::LoadAverage();
  std::printf("azplan core benchmarks: synthetic plans (seed %llu), milliseconds, median of the runs\n"
              "%ld cores, load average %s\n\n",
              static_cast<unsigned long long>(seed), sysconf(_SC_NPROCESSORS_ONLN), loadBefore.c_str());
  std::printf("%-16s", "figure");
  std::vector<Result> results;
  for (int n : sizes) std::printf(" %12s", (std::to_string(n) + " meas.").c_str());
  std::printf("\n");
  for (int n : sizes) {
    int r = runs ? runs : (n >= 30000 ? 3 : 7);
    Result failed;
    failed.measures = n;
    results.push_back(bench::RunIsolated([&] { return RunSize(n, seed, r); }, failed));
    if (!results.back().ok) {
      std::fprintf(stderr, "azplan-bench-core: the %d-measure run failed\n", n);
      return 1;
    }
  }
  auto row = [&](const char* label, auto value) {
    std::printf("%-16s", label);
    for (const auto& r : results) std::printf(" %12s", value(r).c_str());
    std::printf("\n");
  };
  auto fmt = [](double v) {
    char buf[32];
    if (v < 0) return std::string("–");
    std::snprintf(buf, sizeof buf, v < 10 ? "%.3f" : "%.1f", v);
    return std::string(buf);
  };
  row("items (nodes)", [](const Result& r) { return std::to_string(r.items); });
  row("file MiB", [&](const Result& r) { return fmt(static_cast<double>(r.bytes) / (1 << 20)); });
  for (int f = 0; f < kFigures; ++f) row(kLabels[f], [&](const Result& r) { return fmt(r.ms[f]); });
  row("filter matches", [](const Result& r) { return std::to_string(r.matches); });
  row("peak RSS MiB", [&](const Result& r) { return fmt(static_cast<double>(r.peakRssKiB) / 1024); });

  std::printf("\nbudgets (native):\n");
  bool allPass = true;
  Json budgets = Json::array();
  for (const auto& b : kBudgets) {
    const Result* r = nullptr;
    for (const auto& x : results)
      if (x.measures == b.measures) r = &x;
    if (!r) {
      std::printf("  SKIP  %-40s (no %d-measure run)\n", b.name, b.measures);
      continue;
    }
    bool pass = r->ms[b.figure] < b.limitMs;
    allPass = allPass && pass;
    std::printf("  %s  %-40s %8.3f ms  (budget < %g ms)\n", pass ? "PASS" : "FAIL", b.name, r->ms[b.figure],
                b.limitMs);
    budgets.push_back({{"name", b.name}, {"measures", b.measures}, {"figure", kKeys[b.figure]},
                       {"limitMs", b.limitMs}, {"measuredMs", r->ms[b.figure]}, {"pass", pass}});
  }

  if (!jsonPath.empty()) {
    Json out = Json::object();
    char date[32];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    out["benchmark"] = "core";
    out["date"] = date;
    out["seed"] = seed;
    out["cores"] = sysconf(_SC_NPROCESSORS_ONLN);
    out["loadAverageBefore"] = loadBefore;
    out["loadAverageAfter"] = bench::LoadAverage();
    Json sizesJson = Json::array();
    for (const auto& r : results) {
      Json s = Json::object();
      s["measures"] = r.measures;
      s["items"] = r.items;
      s["bytes"] = r.bytes;
      s["filterMatches"] = r.matches;
      Json ms = Json::object();
      for (int f = 0; f < kFigures; ++f) ms[kKeys[f]] = r.ms[f];
      s["ms"] = ms;
      s["peakRssKiB"] = r.peakRssKiB;
      sizesJson.push_back(s);
    }
    out["sizes"] = sizesJson;
    out["budgets"] = budgets;
    out["pass"] = allPass;
    std::ofstream(jsonPath) << out.dump(2) << "\n";
    std::printf("\nwrote %s\n", jsonPath.c_str());
  }
  return allPass ? 0 : 1;
}
