// The edits made since the working copy (the autosave's base, autosave_format.h) was last
// written whole. Writing a 10,000-measure plan takes longer than a frame, so an edit only
// appends a short record here, at once; the base is rewritten and the journal emptied when
// the user is idle. Restoring = the base, then every record replayed in order.
//
// Text, one line each: a header {"azplanJournal":1,"base":"<checksum of the base's plan
// text>"}, then per edit 16 hex digits (the checksum of the rest of the line), a space and
// {"dirty":b,"year":y,"nodes":[{"at":"<node id>","node":{its own fields}}]}, where the
// fields are written as in plan files (docs/plan-format.md) without "children". A record
// only ever replaces the own fields of existing nodes; changes to the hierarchy, ids,
// codes, periods or documents are never journaled (the whole plan is written instead).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/plan.h"
#include "core/plan_index.h"

namespace azplan {

struct JournalRecord {
  bool dirty = true;  // false: the plan is back to the state of a saved or opened file
  int year = 0;       // monitoring year in view
  std::vector<std::pair<std::string, Node>> nodes;  // index id, own fields (no children)
};

enum class JournalState { None, Valid, Damaged, OtherBase };

std::string JournalHeader(const std::string& baseChecksum);

// Appends one record line to `journal` (which starts with a header): the current own
// fields of the nodes with these index ids. Returns false and leaves `journal` as it was
// when a node is not in the index or its fields would not come back identical from the
// record (e.g. a field this format does not know): the caller then writes the whole plan.
bool AppendJournalRecord(std::string& journal, const PlanIndex& index, const std::vector<std::string>& ids,
                         bool dirty, int year);

// None for an empty text; OtherBase when the header names another base than
// `baseChecksum` (the journal does not extend that plan); Damaged for anything unreadable,
// a line whose checksum does not match, or an unknown version. `records` is filled only
// when Valid.
JournalState DecodeJournal(const std::string& text, const std::string& baseChecksum,
                           std::vector<JournalRecord>& records);

// Replays the records on the plan loaded from the base. Returns false when a record names
// a node the plan does not have or would change what identifies or places a node (id,
// code, kind, period); the plan is then partly changed and must be dropped.
bool ApplyJournal(Plan& plan, const std::vector<JournalRecord>& records);

// The node's own fields as a plan file writes them (children left out), and back.
Json NodeFieldsToJson(const Node& node);
bool NodeFieldsFromJson(const Json& object, Node& node);

}  // namespace azplan
