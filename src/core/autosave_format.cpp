#include "core/autosave_format.h"

#include <cstdio>

#include "core/plan.h"
#include "core/text.h"

namespace azplan {

static constexpr int kAutosaveVersion = 1;

std::string Checksum(const std::string& bytes) {
  unsigned long long h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", h);
  return buf;
}

std::string EncodeAutosave(const AutosaveRecord& r, std::string* checksum) {
  Json o = Json::object();
  o["azplanAutosave"] = kAutosaveVersion;
  o["name"] = r.name;
  o["year"] = r.year;
  if (!r.dirty) o["dirty"] = false;  // absent in older values, which were all edited plans
  std::string sum = Checksum(r.planText);
  if (checksum) *checksum = sum;
  o["checksum"] = std::move(sum);
  // The plan's text is escaped straight into the result, not copied into a JSON value
  // first: it is the whole plan (15 MB at 10k measures), and in the browser a module's
  // memory never shrinks once grown. In valid UTF-8 (SavePlan's always is) only quotes,
  // backslashes and control characters need escaping.
  if (!IsValidUtf8(r.planText)) {  // not SavePlan's: the JSON library replaces what is cut
    o["plan"] = r.planText;
    return o.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  std::string out = o.dump(-1, ' ', false, Json::error_handler_t::replace);
  out.pop_back();  // the closing brace
  out.reserve(out.size() + r.planText.size() + r.planText.size() / 8 + 16);
  out += ",\"plan\":\"";
  static const char kHex[] = "0123456789abcdef";
  for (unsigned char c : r.planText) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += "\"}";
  return out;
}

AutosaveState DecodeAutosave(const std::string& text, AutosaveRecord& r) {
  if (text.empty()) return AutosaveState::None;
  Json o = Json::parse(text, nullptr, false);
  if (o.is_discarded() || !o.is_object()) return AutosaveState::Damaged;
  auto v = o.find("azplanAutosave");
  if (v == o.end()) return AutosaveState::Foreign;
  if (!v->is_number_integer()) return AutosaveState::Foreign;
  if (v->get<long long>() > kAutosaveVersion) return AutosaveState::Newer;
  if (v->get<long long>() != kAutosaveVersion) return AutosaveState::Foreign;
  auto plan = o.find("plan"), sum = o.find("checksum");
  if (plan == o.end() || !plan->is_string() || sum == o.end() || !sum->is_string()) return AutosaveState::Damaged;
  r.planText = plan->get<std::string>();
  r.checksum = Checksum(r.planText);
  if (r.checksum != sum->get<std::string>()) return AutosaveState::Damaged;
  r.dirty = true;
  if (auto d = o.find("dirty"); d != o.end()) {
    if (!d->is_boolean()) return AutosaveState::Damaged;
    r.dirty = d->get<bool>();
  }
  if (auto n = o.find("name"); n != o.end() && n->is_string()) r.name = n->get<std::string>();
  if (auto y = o.find("year"); y != o.end() && y->is_number_integer()) r.year = y->get<int>();
  return AutosaveState::Valid;
}

}  // namespace azplan
