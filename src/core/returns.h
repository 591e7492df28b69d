// Agency returns (issue 13): the coordinator sends each agency a ready spreadsheet form
// for the monitoring year, the agency fills in status, work done and evidence, and the
// returns come back as .xlsx (as Excel or LibreOffice save it), CSV or azplan JSON.
// This file: the form's layout, writing the forms, and reading returns into rows checked
// against the plan. Merging them into the plan is returns_merge.h. Format: docs/returns.md.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/plan_index.h"

namespace azplan {

struct ReturnFormOptions {
  int year = 0;
  std::string language = "az";    // of the status dropdown and the role/status texts
  bool includeCoExecutor = false;  // also the measures where the agency is a co-executor
};

// One row of a form: an assessable item (measure, assignment, sub-measure) due in the
// year whose lead (or co-executor, if asked) resolves to the agency.
struct FormRow {
  int item = 0;  // index into the PlanIndex
  bool lead = true;
};

// The agencies that get a form (those with at least one row), in the plan's agency order.
std::vector<std::string> ReturnAgencies(const PlanIndex& index, const ReturnFormOptions& options);
std::vector<FormRow> ReturnFormRows(const PlanIndex& index, const std::string& agencyId,
                                    const ReturnFormOptions& options);

// "<year>-<agency>-hesabat.xlsx", ASCII only.
std::string ReturnFormFileName(const std::string& agencyId, int year);

// One agency's form as .xlsx bytes. False with `error` if the agency has no rows or the
// writer fails.
bool WriteReturnForm(const PlanIndex& index, const std::string& agencyId, const ReturnFormOptions& options,
                     std::string* xlsx, std::string* error);

// Every agency's form in one .zip (through minizip). `progress(done, total)` is called
// after each form, for the UI; it may be empty.
struct FormBundle {
  std::string zip;
  int forms = 0, rows = 0;
};
bool WriteAllReturnForms(const PlanIndex& index, const ReturnFormOptions& options, FormBundle* out,
                         std::string* error, const std::function<void(int, int)>& progress = {});

// The key that ties a return to the plan it was made from.
std::string PlanKey(const Plan& plan);

// ---- reading returns -----------------------------------------------------------------

struct ReturnMessage {
  bool error = true;  // false: a warning, the row (or file) still imports
  std::string file, sheet;
  int row = 0;        // 1-based as the spreadsheet shows it; 0 = the file as a whole
  std::string text;
  std::string Format() const;  // "file.xlsx, sheet Hesabat, row 7: text"
};

// One accepted row of a return.
struct ReturnRow {
  std::string nodeId;
  int item = -1;  // index into the PlanIndex it was checked against
  std::string sheet;
  int row = 0;
  Status status = Status::Executed;
  std::string workDone, evidence, reportedBy, date;  // date as YYYY-MM-DD or empty
};

struct ReturnFile {
  std::string file;      // file name as given
  std::string agencyId;  // from the form's header
  int year = 0;
  bool refused = false;  // the whole file was refused (see messages)
  std::vector<ReturnRow> rows;
  int rowsRefused = 0;
};

struct ReturnReadLimits {
  std::uint64_t maxFileBytes = 32u << 20;   // the file as uploaded
  std::uint64_t maxPartBytes = 64u << 20;   // one inflated part of an .xlsx
  int maxRows = 100000;                     // rows of the sheet (a form has one per item)
};

// Reads one return (.xlsx, .csv or .json, told apart by content, not by name) and checks
// every row against the plan: unknown code, a measure of another agency, a status that
// is not one of the four, the wrong year or plan, a protected cell changed. Bad rows get
// a message each; the good rows are returned. Never changes the plan.
ReturnFile ReadReturn(const PlanIndex& index, int year, const std::string& fileName, const std::string& bytes,
                      std::vector<ReturnMessage>* messages, const ReturnReadLimits& limits = {});

// A status as people type it: the UI labels in Azerbaijani or English, the marks
// ✔ ◐ ✘ –, the scores 1 / 0.5 (or 0,5) / 0, or the file keys.
std::optional<Status> ParseReturnStatus(const std::string& text);
// The dropdown's labels (Azerbaijani or English UI labels).
const char* ReturnStatusLabel(Status s, const std::string& language);

// A return as azplan JSON (what the CLI writes with --format json, and what an agency
// using azplan would send back).
std::string ReturnJson(const PlanIndex& index, const std::string& agencyId, const ReturnFormOptions& options);

}  // namespace azplan
