// The monitoring method of the 2017 report (shared/seeds/README.md): scores 1 / 0.5 / 0,
// items outside their period left out, measure and sub-measure levels, agency
// performance by main executor, and the report's rounding.
#pragma once
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/plan_index.h"

namespace azplan {

enum class Level { Measure, SubMeasure };

struct Tally {
  int executed = 0, partial = 0, notExecuted = 0, notAssessed = 0, pending = 0;
  void Add(Status s);
  void Add(const Tally& t);
  int Assessed() const { return executed + partial + notExecuted; }
  int Total() const { return Assessed() + notAssessed + pending; }
  // Weighted score as an exact fraction: (2·executed + partial) / (2·assessed).
  int ScoreNumerator() const { return 2 * executed + partial; }
  int ScoreDenominator() const { return 2 * Assessed(); }
  double Score() const;  // 0..1; 0 when nothing is assessed
  bool operator==(const Tally& o) const {
    return executed == o.executed && partial == o.partial && notExecuted == o.notExecuted &&
           notAssessed == o.notAssessed && pending == o.pending;
  }
};

// Whole percents as the report prints them: executed and partial rounded half-up,
// not executed = 100 − the two, so the three always add up to 100.
struct Shares {
  int executed = 0, partial = 0, notExecuted = 0;
};
Shares DisplayShares(const Tally& t);
// Weighted score in whole percents, half-up (62.5 → 63); -1 when nothing is assessed.
int DisplayScore(const Tally& t);
// round-half-up(num / den · 100) in integers, exact for all inputs.
int PercentHalfUp(long long num, long long den);

Tally CountRange(const PlanIndex& index, int begin, int end, int year, Level level);

// The figures of the whole plan or of a document.
struct ScopeFigures {
  std::string label;
  Tally measures, subMeasures;
};

// The figures of a node that is not itself counted (a target, a priority, …). Its code and
// title are the index item's (index[item].node), not copies: a 10k-measure plan has
// thousands of such nodes, and copying their titles took about half of ComputeFigures.
struct NodeFigures {
  int item = -1;
  Tally measures, subMeasures;
};

struct AgencyFigures {
  std::string agencyId;
  Tally measures;     // where the agency is the main (lead) executor
  Tally subMeasures;
  std::vector<int> measureItems;  // the measures behind the figure (assessed and not)
};

struct FigureOptions {
  bool followLineage = true;  // count a merged agency's measures under its successor
};

struct YearFigures {
  int year = 0;
  ScopeFigures plan;
  std::vector<ScopeFigures> documents;
  std::vector<NodeFigures> nodes;  // every node that is not itself counted, in index order
  std::vector<AgencyFigures> agencies;  // sorted by performance, best first, then name
};

YearFigures ComputeFigures(const PlanIndex& index, int year, const FigureOptions& options = {});

// The agency an id resolves to when following renames and mergers.
std::string FinalAgency(const Plan& plan, const std::string& id);

// Measures whose deadline passed before `day` (days since 1970) and that were not
// executed by their latest assessment up to that year.
std::vector<int> OverdueMeasures(const PlanIndex& index, int day);

// The deadline of a measure as a day number (end of its period, exact end date, or
// the approval date plus withinMonths); -1 when unknown.
int DeadlineDay(const PlanIndex& index, int item);

enum class ChangeKind { Improved, Regressed, Unchanged, NewlyAssessed, NoLongerAssessed };
struct StatusChange {
  int item;
  Status from, to;
  ChangeKind kind;
};
// Every counted item (at `level`) whose status differs between years a and b,
// plus unchanged ones when `includeUnchanged`.
std::vector<StatusChange> DiffYears(const PlanIndex& index, int a, int b, Level level,
                                    bool includeUnchanged = false);
const char* ChangeKindKey(ChangeKind k);

}  // namespace azplan
