#include "core/dates.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace azplan {

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

int PartialDate::FirstDay() const {
  return DaysFromCivil(year, month ? month : 1, day ? day : 1);
}

int PartialDate::LastDay() const {
  int m = month ? month : 12;
  return DaysFromCivil(year, m, day ? day : DaysInMonth(year, m));
}

std::string PartialDate::ToString() const {
  char buf[16];
  if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

static bool Digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<PartialDate> ParsePartialDate(std::string_view s) {
  PartialDate d;
  if (!Digits(s, 0, 4, d.year) || d.year < 1900 || d.year > 2200) return std::nullopt;
  if (s.size() == 4) return d;
  if (s.size() < 7 || s[4] != '-' || !Digits(s, 5, 2, d.month) || d.month < 1 || d.month > 12)
    return std::nullopt;
  if (s.size() == 7) return d;
  if (s.size() != 10 || s[7] != '-' || !Digits(s, 8, 2, d.day) || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month))
    return std::nullopt;
  return d;
}

PartialDate AddMonths(const PartialDate& d, int months) {
  PartialDate r = d;
  int m0 = (d.month ? d.month : 1) - 1 + months;
  r.year = d.year + (m0 >= 0 ? m0 / 12 : (m0 - 11) / 12);
  r.month = ((m0 % 12) + 12) % 12 + 1;
  if (!d.month) r.month = d.month;  // a year-only date stays a year (months unknown)
  if (r.day) r.day = std::min(r.day, DaysInMonth(r.year, r.month));
  return r;
}

std::string OfficialYear(int year, const std::string& language) {
  if (language == "en") return std::to_string(year);
  return std::to_string(year) + "-c" + SoundOfNumberAz(year).vowel + " il";
}

std::string OfficialDate(std::string_view iso, const std::string& language) {
  static const char* const kAz[] = {"yanvar", "fevral", "mart",     "aprel",   "may",    "iyun",
                                    "iyul",   "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"};
  static const char* const kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
  auto d = ParsePartialDate(iso);
  if (!d) return std::string(iso);
  const bool en = language == "en";
  std::string out;
  if (d->day) out += std::to_string(d->day) + " ";
  if (d->month) out += std::string(en ? kEn[d->month - 1] : kAz[d->month - 1]) + " ";
  return out + OfficialYear(d->year, language);
}

std::tm NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm t{};
#if defined(_WIN32)
  gmtime_s(&t, &now);
#else
  gmtime_r(&now, &t);
#endif
  return t;
}

std::tm NowLocal() {
  const std::time_t now = std::time(nullptr);
  std::tm t{};
#if defined(_WIN32)
  localtime_s(&t, &now);
#else
  localtime_r(&now, &t);
#endif
  return t;
}

std::string IsoDate(const std::tm& t) {
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &t);
  return buf;
}

}  // namespace azplan
