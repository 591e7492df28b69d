#include "ui/view_link.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace azplan::ui {

bool ViewLink::operator==(const ViewLink& o) const {
  return plan == o.plan && year == o.year && tab == o.tab && search == o.search && document == o.document &&
         agency == o.agency && leadOnly == o.leadOnly && status == o.status && ganttStart == o.ganttStart &&
         ganttPxPerDay == o.ganttPxPerDay;
}

static std::string Escape(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

static int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// Shortest form that reads back to the same double (at most 17 significant digits).
static std::string Number(double v) {
  char buf[40];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

static bool ParseNumber(const std::string& s, double& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d)) return false;
  v = d;
  return true;
}

std::string EncodeViewLink(const ViewLink& l) {
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out += key;
    out += '=';
    out += Escape(value);
  };
  add("p", l.plan);
  add("y", l.year ? std::to_string(l.year) : std::string());
  add("tab", l.tab);
  add("q", l.search);
  add("doc", l.document);
  add("ag", l.agency);
  add("lead", l.leadOnly ? "1" : "");
  add("st", l.status);
  if (l.ganttPxPerDay > 0) {
    add("gs", Number(l.ganttStart));
    add("gz", Number(l.ganttPxPerDay));
  }
  return out;
}

ViewLink DecodeViewLink(std::string_view f) {
  ViewLink l;
  if (!f.empty() && f[0] == '#') f.remove_prefix(1);
  double gs = 0, gz = 0;
  bool haveGs = false, haveGz = false;
  while (!f.empty()) {
    size_t amp = f.find('&');
    std::string_view pair = f.substr(0, amp);
    f = amp == std::string_view::npos ? std::string_view() : f.substr(amp + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(pair.substr(0, eq));
    std::string value = Unescape(pair.substr(eq + 1));
    double d;
    if (key == "p") l.plan = value;
    else if (key == "y" && ParseNumber(value, d) && d >= 1900 && d <= 2200 && d == std::floor(d)) l.year = static_cast<int>(d);
    else if (key == "tab") l.tab = value;
    else if (key == "q") l.search = value;
    else if (key == "doc") l.document = value;
    else if (key == "ag") l.agency = value;
    else if (key == "lead") l.leadOnly = value == "1";
    else if (key == "st") l.status = value;
    else if (key == "gs" && ParseNumber(value, d)) gs = d, haveGs = true;
    else if (key == "gz" && ParseNumber(value, d) && d > 0) gz = d, haveGz = true;
  }
  if (haveGs && haveGz) {
    l.ganttStart = gs;
    l.ganttPxPerDay = gz;
  }
  return l;
}

}  // namespace azplan::ui
