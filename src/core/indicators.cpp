#include "core/indicators.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"

namespace azplan {

const char* ProgressKey(Progress p) {
  switch (p) {
    case Progress::Achieved: return "achieved";
    case Progress::OnTrack: return "onTrack";
    case Progress::Behind: return "behind";
    case Progress::NoData: return "noData";
  }
  return "noData";
}

int& ProgressCounts::operator[](Progress p) {
  switch (p) {
    case Progress::Achieved: return achieved;
    case Progress::OnTrack: return onTrack;
    case Progress::Behind: return behind;
    case Progress::NoData: break;
  }
  return noData;
}

// Reasons for "no data" (ProgressWorking::why), translated by the UI:
//   noValue       nothing measured for the year
//   textValue     the year's value has no number
//   textTargets   no target has a number
//   noPath        no baseline and the target year is still ahead
ProgressWorking AssessProgress(const Kpi& kpi, int year) {
  ProgressWorking w;
  w.year = year;
  // 2. the target in effect
  const KpiValue* target = nullptr;
  const KpiValue* lastNumeric = nullptr;
  for (const auto& t : kpi.targets) {
    if (!t.value || !t.year) continue;
    if (!lastNumeric || t.year > lastNumeric->year) lastNumeric = &t;
    if (t.year >= year && (!target || t.year < target->year)) target = &t;
  }
  if (!target) target = lastNumeric;
  if (const KpiValue* m = kpi.MeasuredFor(year)) {
    w.measuredYear = m->year;
    w.measured = m->value;
  }
  if (!target) {
    w.why = "textTargets";
    return w;
  }
  w.toYear = target->year;
  w.to = target->value;
  // 3. the anchor: the previous numeric target, else the baseline
  const KpiValue* anchor = nullptr;
  for (const auto& t : kpi.targets)
    if (t.value && t.year && t.year < target->year && (!anchor || t.year > anchor->year)) anchor = &t;
  if (!anchor && kpi.baseline && kpi.baseline->value && kpi.baseline->year && kpi.baseline->year < target->year)
    anchor = &*kpi.baseline;
  if (anchor) {
    w.fromYear = anchor->year;
    w.from = anchor->value;
    w.direction = *w.to < *w.from ? -1 : 1;
  } else {
    w.direction = 1;
  }
  // 4. the expected value on the path
  if (year >= target->year) {
    w.expected = w.to;
  } else if (anchor) {
    const double span = target->year - anchor->year;
    const double t = std::max(0.0, (year - anchor->year) / span);
    w.expected = *w.from + (*w.to - *w.from) * t;
  }
  // 1. the measured value
  if (!w.measuredYear) {
    w.why = "noValue";
    return w;
  }
  if (!w.measured) {
    w.why = "textValue";
    return w;
  }
  // 5. the state (small tolerance: 12,5 typed vs 12.499999 computed is "reached")
  auto reached = [&](double goal) {
    const double eps = 1e-9 * std::max(1.0, std::fabs(goal));
    return w.direction > 0 ? *w.measured >= goal - eps : *w.measured <= goal + eps;
  };
  if (reached(*w.to)) w.state = Progress::Achieved;
  else if (!w.expected) w.why = "noPath";
  else w.state = reached(*w.expected) ? Progress::OnTrack : Progress::Behind;
  return w;
}

ProgressCounts CountProgress(const Plan& plan, std::string_view documentId, int year) {
  ProgressCounts c;
  for (const auto& k : plan.kpis)
    if (documentId.empty() || k.documentId == documentId) ++c[AssessProgress(k, year).state];
  return c;
}

std::vector<const Kpi*> IndicatorsForNode(const Plan& plan, const std::vector<std::string>& ancestorIds) {
  std::vector<const Kpi*> out;
  for (const auto& k : plan.kpis) {
    bool hit = false;
    for (const auto& id : k.nodeIds)
      for (const auto& a : ancestorIds) hit = hit || id == a;
    if (hit) out.push_back(&k);
  }
  return out;
}

namespace {

// Length of a space-like character at s[i] (ASCII space/tab, U+00A0, U+202F), else 0.
size_t SpaceAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0xAF)
    return 3;
  return 0;
}

void SetError(std::string* error, std::string msg) {
  if (error) *error = std::move(msg);
}

}  // namespace

std::optional<ParsedNumber> ParseAzNumber(std::string_view text, std::string* error) {
  size_t i = 0;
  auto skipSpaces = [&] {
    while (i < text.size()) {
      size_t n = SpaceAt(text, i);
      if (!n) break;
      i += n;
    }
  };
  skipSpaces();
  std::string digits;  // the number as the C library reads it: [-]digits[.digits]
  if (i < text.size() && (text[i] == '-' || text[i] == '+' || text.substr(i, 3) == "\xE2\x88\x92")) {
    if (text[i] != '+') digits += '-';
    i += text[i] == '-' || text[i] == '+' ? 1 : 3;
  }
  // Collect digits and separators; decide which separator is the decimal one afterwards.
  std::string raw;
  size_t lastSep = std::string::npos;
  while (i < text.size()) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      raw += c;
      ++i;
    } else if (c == ',' || c == '.') {
      if (raw.empty()) break;
      lastSep = raw.size();
      raw += c;
      ++i;
    } else if (size_t n = SpaceAt(text, i); n && !raw.empty() && i + n < text.size() && text[i + n] >= '0' &&
                                             text[i + n] <= '9' && lastSep == std::string::npos) {
      // "1 234": a space between digit groups (not after a decimal separator).
      i += n;
    } else {
      break;
    }
  }
  if (raw.empty() || !(raw[0] >= '0' && raw[0] <= '9')) {
    SetError(error, "expected a number such as 12,5 or 12.5");
    return std::nullopt;
  }
  if (lastSep == raw.size() - 1) {
    SetError(error, "a number cannot end with “" + std::string(1, raw.back()) + "”");
    return std::nullopt;
  }
  // The last separator is decimal; others must be the other kind, grouping thousands.
  const char decimal = lastSep == std::string::npos ? 0 : raw[lastSep];
  int decimalsOfKind = 0;
  for (char c : raw) decimalsOfKind += c == decimal;
  for (size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    if (c >= '0' && c <= '9') digits += c;
    else if (k == lastSep && decimalsOfKind == 1) digits += '.';
    else if (c == decimal) {
      // "1.234.567" reads as thousands; "1,2,3" is not a number.
      if (raw.find(decimal == '.' ? ',' : '.') != std::string::npos) {
        SetError(error, "two decimal separators in “" + std::string(text) + "”");
        return std::nullopt;
      }
    }
  }
  if (decimalsOfKind > 1) {
    // Only thousands groups: every group after the first has three digits.
    size_t start = raw.find(decimal) + 1;
    for (size_t k = start; k <= raw.size(); ++k)
      if (k == raw.size() || raw[k] == decimal) {
        if (k - start != 3) {
          SetError(error, "expected a number such as 12,5 or 1.234.567");
          return std::nullopt;
        }
        start = k + 1;
      }
  }
  skipSpaces();
  ParsedNumber out;
  out.value = std::strtod(digits.c_str(), nullptr);
  if (!std::isfinite(out.value)) {
    SetError(error, "the number is too large");
    return std::nullopt;
  }
  out.unit = Trim(text.substr(i));
  if (!out.unit.empty() && ((out.unit[0] >= '0' && out.unit[0] <= '9') || out.unit[0] == ',' || out.unit[0] == '.')) {
    SetError(error, "unexpected “" + out.unit + "” after the number");
    return std::nullopt;
  }
  return out;
}

bool UnitFits(std::string_view kpiUnit, std::string_view typed, std::string* error) {
  const std::string t = FoldCaseAz(Trim(typed));
  if (t.empty()) return true;
  auto canon = [](std::string u) { return u == "faiz" ? std::string("%") : u; };
  const std::string want = canon(FoldCaseAz(Trim(kpiUnit)));
  if (canon(t) == want) return true;
  if (want.empty()) SetError(error, "this indicator has no unit; “" + std::string(Trim(typed)) + "” does not apply");
  else
    SetError(error, "the unit is " + std::string(Trim(kpiUnit)) + ", not “" + std::string(Trim(typed)) + "”");
  return false;
}

std::optional<KpiValue> MakeMeasuredValue(const Kpi& kpi, int year, std::string_view valueText,
                                          std::string_view source, std::string_view note, std::string* error) {
  if (year < 1900 || year > 2200) {
    SetError(error, "the year must be from 1900 to 2200");
    return std::nullopt;
  }
  auto number = ParseAzNumber(valueText, error);
  if (!number) return std::nullopt;
  if (!UnitFits(kpi.unit, number->unit, error)) return std::nullopt;
  KpiValue v;
  v.year = year;
  v.value = number->value;
  v.source = Trim(source);
  v.note = Trim(note);
  return v;
}

std::string FormatAzNumber(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

}  // namespace azplan
