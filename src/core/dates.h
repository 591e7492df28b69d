// Calendar dates as day numbers, and the partial dates ("2018", "2018-04",
// "2018-04-14") the sources give.
#pragma once
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace azplan {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
int DaysFromCivil(int y, int m, int d);
void CivilFromDays(int days, int& y, int& m, int& d);
int DaysInMonth(int y, int m);

struct PartialDate {
  int year = 0, month = 0, day = 0;  // 0 = not given
  bool IsSet() const { return year != 0; }
  int FirstDay() const;  // earliest day the date can mean
  int LastDay() const;   // latest day the date can mean
  std::string ToString() const;
};

// Accepts YYYY, YYYY-MM, YYYY-MM-DD; nullopt when malformed or out of range.
std::optional<PartialDate> ParsePartialDate(std::string_view s);

// Adds calendar months, clamping the day to the month's length.
PartialDate AddMonths(const PartialDate& d, int months);

// The official written form of a date, as decrees and reports print it:
// "20 sentyabr 2016-cı il", "aprel 2018-ci il", "2018-ci il" ("az"); "20 September 2016"
// ("en"). Month names are the glossary's. Anything that is not YYYY[-MM[-DD]] comes back
// unchanged.
std::string OfficialDate(std::string_view iso, const std::string& language);
// "2016-cı il" / "2016".
std::string OfficialYear(int year, const std::string& language);

// The calendar time now, in UTC or on the user's clock (thread-safe, on every platform).
std::tm NowUtc();
std::tm NowLocal();
// "YYYY-MM-DD" of a calendar time.
std::string IsoDate(const std::tm& t);

}  // namespace azplan
