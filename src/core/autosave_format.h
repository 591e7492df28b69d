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

enum class AutosaveState { None, Valid, Damaged, Foreign };

std::string EncodeAutosave(const AutosaveRecord& record);
// None for an empty value; Foreign for another program's or a newer version's value.
AutosaveState DecodeAutosave(const std::string& text, AutosaveRecord& record);
// FNV-1a 64-bit as 16 hex digits.
std::string Checksum(const std::string& bytes);

}  // namespace azplan
