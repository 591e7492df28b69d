// Reading and writing plan files (docs/plan-format.md). Loading never throws and
// never aborts: every problem becomes a Diagnostic with file, position and path.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/plan.h"

namespace azplan {

struct LoadLimits {
  size_t maxBytes = 128u << 20;    // whole file: a 50,000-measure plan is ~77 MiB
  int maxDepth = 64;               // nesting of arrays and objects
  size_t maxStringBytes = 1u << 20;
};

struct LoadResult {
  std::optional<Plan> plan;  // set when there are no errors
  std::vector<Diagnostic> diagnostics;
  bool Ok() const { return plan.has_value(); }
};

// Parses, migrates and validates. `fileName` only labels the messages.
LoadResult LoadPlan(std::string_view text, const std::string& fileName, const LoadLimits& limits = {});

// The error for a file over `limits.maxBytes` ("the file is N MiB; plans up to M MiB are
// accepted"), also given by callers that refuse such a file before reading it.
Diagnostic FileTooLarge(const std::string& fileName, double bytes, const LoadLimits& limits = {});

// How a saved plan is laid out. Indented is the canonical file: one value per line, so a
// plan kept in version control diffs by field. Compact has no whitespace at all, for a
// plan hosted for `?plan=`: 10k measures are 5.8 MB instead of 15 MB, and the browser
// downloads and reads that much less before it can draw.
enum class PlanLayout { Indented, Compact };

// Deterministic: fixed key order, UTF-8, final newline, laid out as `layout` says.
// `capacity`: bytes to reserve for the text, when the caller knows about how long it will
// be (and what it will add to it: AutosaveCapacity): the text is not grown copy by copy.
std::string SavePlan(const Plan& plan, size_t capacity = 0, PlanLayout layout = PlanLayout::Indented);

// One node as JSON text, read as a plan file's nodes are (children included if present);
// false when it is not a valid node. The autosave journal reads its records with it.
bool ReadNodeFields(std::string_view text, Node& node);

// Pieces shared with other readers and writers.
Json NodeToJson(const Node& node);
Json PeriodToJson(const Period& p);

}  // namespace azplan
