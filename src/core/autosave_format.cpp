#include "core/autosave_format.h"

#include <cstdio>
#include <cstring>
#include <utility>

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
  AutosaveRecord copy = r;
  return EncodeAutosave(std::move(copy), checksum);
}

size_t AutosaveCapacity(size_t planBytes) { return planBytes + planBytes / 8 + 4096; }

std::string EncodeAutosave(AutosaveRecord&& r, std::string* checksum) {
  Json o = Json::object();
  o["azplanAutosave"] = kAutosaveVersion;
  o["name"] = r.name;
  o["year"] = r.year;
  if (!r.dirty) o["dirty"] = false;  // absent in older values, which were all edited plans
  std::string sum = Checksum(r.planText);
  if (checksum) *checksum = sum;
  o["checksum"] = std::move(sum);
  if (!IsValidUtf8(r.planText)) {  // not SavePlan's: the JSON library replaces what is cut
    o["plan"] = r.planText;
    return o.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  // In valid UTF-8 (SavePlan's always is) only quotes, backslashes and control
  // characters need escaping.
  std::string header = o.dump(-1, ' ', false, Json::error_handler_t::replace);
  header.pop_back();  // the closing brace
  header += ",\"plan\":\"";
  static const char kTail[] = "\"}";
  std::string& t = r.planText;
  const size_t n = t.size();
  size_t escaped = n;
  for (unsigned char c : t) {
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') escaped += 1;
    else if (c < 0x20) escaped += 5;
  }
  const size_t h = header.size();
  t.resize(h + escaped + sizeof kTail - 1);
  char* d = &t[0];
  std::memcpy(d + h + escaped, kTail, sizeof kTail - 1);
  // Backwards: the escaped form of byte i starts at or after h + i, past every byte not
  // yet read, so nothing is overwritten before it is read.
  static const char kHex[] = "0123456789abcdef";
  size_t w = h + escaped;
  for (size_t i = n; i-- > 0;) {
    const unsigned char c = static_cast<unsigned char>(d[i]);
    auto put2 = [&](char e) {
      d[--w] = e;
      d[--w] = '\\';
    };
    switch (c) {
      case '"': put2('"'); break;
      case '\\': put2('\\'); break;
      case '\n': put2('n'); break;
      case '\r': put2('r'); break;
      case '\t': put2('t'); break;
      default:
        if (c < 0x20) {
          d[--w] = kHex[c & 15];
          d[--w] = kHex[c >> 4];
          d[--w] = '0';
          d[--w] = '0';
          d[--w] = 'u';
          d[--w] = '\\';
        } else {
          d[--w] = static_cast<char>(c);
        }
    }
  }
  std::memcpy(d, header.data(), h);
  return std::move(t);
}

namespace {

// Every field of a record but its plan: version, the stored checksum, dirty, name, year.
AutosaveState ReadFields(const Json& o, AutosaveRecord& r) {
  if (o.is_discarded() || !o.is_object()) return AutosaveState::Damaged;
  auto v = o.find("azplanAutosave");
  if (v == o.end() || !v->is_number_integer()) return AutosaveState::Foreign;
  if (v->get<long long>() > kAutosaveVersion) return AutosaveState::Newer;
  if (v->get<long long>() != kAutosaveVersion) return AutosaveState::Foreign;
  auto sum = o.find("checksum");
  if (sum == o.end() || !sum->is_string()) return AutosaveState::Damaged;
  r.checksum = sum->get<std::string>();
  r.dirty = true;
  if (auto d = o.find("dirty"); d != o.end()) {
    if (!d->is_boolean()) return AutosaveState::Damaged;
    r.dirty = d->get<bool>();
  }
  if (auto n = o.find("name"); n != o.end() && n->is_string()) r.name = n->get<std::string>();
  if (auto y = o.find("year"); y != o.end() && y->is_number_integer()) r.year = y->get<int>();
  return AutosaveState::Valid;
}

}  // namespace

AutosaveState DecodeAutosave(const std::string& text, AutosaveRecord& r) {
  if (text.empty()) return AutosaveState::None;
  const Json o = Json::parse(text, nullptr, false);
  const AutosaveState fields = ReadFields(o, r);
  if (fields != AutosaveState::Valid) return fields;
  auto plan = o.find("plan");
  if (plan == o.end() || !plan->is_string()) return AutosaveState::Damaged;
  r.planText = plan->get<std::string>();
  return Checksum(r.planText) == r.checksum ? AutosaveState::Valid : AutosaveState::Damaged;
}

bool PeekAutosave(const std::string& text, AutosaveRecord& r) {
  // Inside a JSON string a quote is escaped, so this can only be the key itself.
  static const char kPlanKey[] = ",\"plan\":\"";
  const size_t at = text.find(kPlanKey);
  if (text.empty() || text[0] != '{' || at == std::string::npos) return false;
  AutosaveRecord head;
  if (ReadFields(Json::parse(text.substr(0, at) + "}", nullptr, false), head) != AutosaveState::Valid) return false;
  r = std::move(head);
  return true;
}

}  // namespace azplan
