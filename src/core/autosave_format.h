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
};

// Newer: written by a newer azplan (a higher record version), to be kept for it.
enum class AutosaveState { None, Valid, Damaged, Foreign, Newer };

std::string EncodeAutosave(const AutosaveRecord& record);
// None for an empty value; Foreign for another program's value; Newer for a newer
// azplan's record.
AutosaveState DecodeAutosave(const std::string& text, AutosaveRecord& record);
// FNV-1a 64-bit as 16 hex digits, with the offset basis 1469598103934665603 (one digit
// short of the standard's); kept, since stored records were written with it.
std::string Checksum(const std::string& bytes);

}  // namespace azplan
