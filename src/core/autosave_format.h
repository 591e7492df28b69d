// The working copy kept in browser or desktop storage after every edit. A record
// carries a version and a checksum so a damaged or foreign value is recognised and
// set aside instead of being opened.
#pragma once
#include <string>

namespace azplan {

struct AutosaveRecord {
  std::string name;      // what the user opened
  std::string planText;  // SavePlan output
  int year = 0;          // monitoring year in view
  // False for the plan as opened or saved, kept only so that the next edits can be
  // journaled (autosave_journal.h) instead of writing the whole plan: nothing to restore.
  bool dirty = true;
  std::string checksum;  // of planText: set by DecodeAutosave, named by the journal
};

// Newer: written by a newer azplan (a higher record version), to be kept for it.
enum class AutosaveState { None, Valid, Damaged, Foreign, Newer };

// `checksum`, when given, receives the checksum of record.planText (record.checksum is not read).
std::string EncodeAutosave(const AutosaveRecord& record, std::string* checksum = nullptr);
// The same text, built in the plan text's own buffer (escaped from its end backwards, the
// header moved in front): no second copy of the plan. In the browser a module's memory
// never shrinks, so the autosave's peak (15 MB of plan at 10k measures) stays resident;
// with `AutosaveCapacity` spare bytes reserved by the writer, nothing is reallocated.
std::string EncodeAutosave(AutosaveRecord&& record, std::string* checksum = nullptr);
// The capacity for a plan text of about `planBytes` that EncodeAutosave(&&) then fills
// without growing it: room for the escapes of a pretty-printed plan (8 % at 10k measures)
// and the record's header.
size_t AutosaveCapacity(size_t planBytes);
// None for an empty value; Foreign for another program's value; Newer for a newer
// azplan's record.
AutosaveState DecodeAutosave(const std::string& text, AutosaveRecord& record);
// The record's small fields without its plan, which every record has last: name, year,
// dirty and the checksum as stored (unverified). True only for a record of this version
// whose fields read cleanly; anything else is for DecodeAutosave to judge. A start that
// finds a copy that is not an edited plan need not read it (6 MB at 10k measures, most of
// a second of the page's start).
bool PeekAutosave(const std::string& text, AutosaveRecord& record);
// FNV-1a 64-bit as 16 hex digits, with the offset basis 1469598103934665603 (one digit
// short of the standard's); kept, since stored records were written with it.
std::string Checksum(const std::string& bytes);

}  // namespace azplan
