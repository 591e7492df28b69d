#include "core/markup.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"

namespace azplan {

std::string EscapeXml(std::string_view raw) {
  std::string fixed;
  if (!IsValidUtf8(raw)) {
    fixed = EncodeUtf8(DecodeUtf8(raw));
    raw = fixed;
  }
  std::string out;
  out.reserve(raw.size() + raw.size() / 8);
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
        if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(raw[i + 2]) & 0xFE) == 0xBE) {
          i += 2;
          break;
        }
        out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

const char* StatusColor(Status s) {
  switch (s) {
    case Status::Executed: return "#2e9d5b";
    case Status::Partial: return "#e0a526";
    case Status::NotExecuted: return "#d64541";
    case Status::NotAssessed: return "#9aa3ad";
    case Status::Pending: return "#5b8def";
  }
  return "#9aa3ad";
}

const char* StatusClass(Status s) {
  switch (s) {
    case Status::Executed: return "executed";
    case Status::Partial: return "partial";
    case Status::NotExecuted: return "not-executed";
    case Status::NotAssessed: return "not-assessed";
    case Status::Pending: return "pending";
  }
  return "not-assessed";
}

const char* PercentBand(int percent) {
  if (percent <= 10) return "low";
  if (percent >= 90) return "high";
  return "mid";
}

std::string PlanTitle(const Plan& plan, const std::string& language) {
  if (!plan.title.empty()) return plan.title;
  if (plan.documents.size() == 1) return plan.documents[0].title;
  return language == "en" ? "Digital development programmes of Azerbaijan" : "Azərbaycanın rəqəmsal inkişaf proqramları";
}

std::string AgencyNameInYear(const Plan& plan, const std::string& id, int year) {
  const Agency* a = plan.FindAgency(id);
  if (!a) return id;
  const AgencyName* best = nullptr;
  int bestFrom = -1;
  for (const auto& n : a->names) {
    int from = n.from.size() >= 4 ? std::atoi(n.from.substr(0, 4).c_str()) : 0;
    int to = n.to.size() >= 4 ? std::atoi(n.to.substr(0, 4).c_str()) : 9999;
    if (from <= year && year <= to && from >= bestFrom) best = &n, bestFrom = from;  // the latest rename wins
  }
  return best && !best->name.empty() ? best->name : a->name;
}

const char* StatusLabel(Status s, const std::string& language) {
  const bool en = language == "en";
  switch (s) {
    case Status::Executed: return en ? "executed" : "icra edilmişdir";
    case Status::Partial: return en ? "partially executed" : "qismən icra edilmişdir";
    case Status::NotExecuted: return en ? "not executed" : "icra edilməmişdir";
    case Status::NotAssessed: return en ? "not assessed" : "qiymətləndirilmir";
    case Status::Pending: return en ? "due, not yet assessed" : "hələ qiymətləndirilməyib";
  }
  return "";
}

const char* NodeKindLabel(NodeKind k, const std::string& language) {
  const bool en = language == "en";
  switch (k) {
    case NodeKind::Target: return en ? "target" : "hədəf";
    case NodeKind::Priority: return en ? "priority" : "prioritet";
    case NodeKind::Direction: return en ? "direction" : "prioritet istiqamət";
    case NodeKind::Section: return en ? "section" : "bölmə";
    case NodeKind::Subsection: return en ? "subsection" : "yarımbölmə";
    case NodeKind::Measure: return en ? "measure" : "tədbir";
    case NodeKind::Submeasure: return en ? "sub-measure" : "alt tədbir";
    case NodeKind::Assignment: return en ? "assignment" : "tapşırıq";
  }
  return "";
}

std::string PeriodText(const Period& p, const std::string& language) {
  if (!p.text.empty()) return p.text;
  const bool en = language == "en";
  std::string s;
  if (p.withinMonths)
    s = en ? "within " + std::to_string(p.withinMonths) + " months" : std::to_string(p.withinMonths) + " ay müddətində";
  else if (p.IsSet())
    s = p.start == p.end || !p.end ? std::to_string(p.start) : std::to_string(p.start) + "–" + std::to_string(p.end);
  if (p.ongoing) s += s.empty() ? (en ? "ongoing" : "mütəmadi") : (en ? " (ongoing)" : " (mütəmadi)");
  return s;
}

std::string Fmt(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  for (char& c : s)
    if (c == ',') c = '.';  // a decimal comma from a locale the app may have set
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace azplan
