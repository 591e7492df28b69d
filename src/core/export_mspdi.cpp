// Microsoft Project XML (MSPDI), which MS Project, ProjectLibre and GanttProject open:
// the documents as level-1 summary tasks with their hierarchies below, dates on a
// standard Monday–Friday 08:00–17:00 calendar, percent complete from the year's status,
// one resource per agency (short name as Initials) with the lead and co-executing
// agencies assigned to their tasks. Elements are written in the schema's order (MS
// Project rejects files that are not). A task's Name is the code and the title cut to
// the 255 characters MS Project's Name field holds; the full title, the executors and
// the year's status go in Notes, and the status also in the Text1 custom field
// ("Status <year>") so a filter or a column can use it.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/exporters.h"
#include "core/markup.h"
#include "core/text.h"

namespace azplan {
namespace {

std::string E(std::string_view s) { return EscapeXml(s); }

int Weekday(int day) { return ((day + 4) % 7 + 7) % 7; }  // 0 = Sunday; 1970-01-01 was a Thursday
bool Working(int day) { int w = Weekday(day); return w != 0 && w != 6; }
// Working days in [a, b].
int WorkingDays(int a, int b) {
  auto before = [](int d) {  // working days from Monday 1969-12-29 up to d (exclusive)
    long long n = static_cast<long long>(d) + 3;
    long long q = n >= 0 ? n / 7 : (n - 6) / 7, r = n - q * 7;
    return static_cast<int>(q * 5 + std::min<long long>(r, 5));
  };
  return b < a ? 0 : before(b + 1) - before(a);
}

std::string Date(int day) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

constexpr size_t kMaxTaskName = 255;  // the Name element's limit for tasks (MSPDI reference)
constexpr const char* kStatusFieldId = "188743731";  // Task Text1

struct Task {
  std::string name, wbs, outline, notes, status;
  int level = 0, first = 0, last = 0, percent = 0;
  bool summary = false;
  std::vector<std::string> executors;  // leads first, then co-executors; each once
};

// "5.1.10 <title>" within kMaxTaskName characters: cut at a word when one ends in the
// last fifth, never inside a UTF-8 sequence, "…" marking the cut.
std::string TaskName(const std::string& code, const std::string& title) {
  std::string full = code.empty() ? title : code + " " + title;
  if (CountChars(full) <= kMaxTaskName) return full;
  std::string cut = EllipsizeChars(full, kMaxTaskName);  // ends in "…"
  std::string body = cut.substr(0, cut.size() - std::char_traits<char>::length("…"));
  size_t space = body.rfind(' ');
  if (space != std::string::npos && CountChars(body.substr(space)) < kMaxTaskName / 5) body.resize(space);
  while (!body.empty() && (body.back() == ' ' || body.back() == ',' || body.back() == ';')) body.pop_back();
  return body + "…";
}

// The span moved onto working days: MS Project would move a weekend start itself.
void FitToCalendar(Task& t) {
  int a = t.first, b = t.last;
  while (!Working(a) && a < b) ++a;
  while (!Working(b) && b > a) --b;
  t.first = a;
  t.last = b;
}

void WriteTask(std::string& out, int uid, const Task& t) {
  int days = std::max(1, WorkingDays(t.first, t.last));
  std::string start = Date(t.first) + "T08:00:00";
  out += "<Task><UID>" + std::to_string(uid) + "</UID><ID>" + std::to_string(uid) + "</ID><Name>" + E(t.name) +
         "</Name><Type>1</Type><IsNull>0</IsNull><WBS>" + E(t.wbs) + "</WBS><OutlineNumber>" + t.outline +
         "</OutlineNumber><OutlineLevel>" + std::to_string(t.level) + "</OutlineLevel><Start>" + start +
         "</Start><Finish>" + Date(t.last) + "T17:00:00</Finish><Duration>PT" + std::to_string(days * 8) +
         "H0M0S</Duration><DurationFormat>7</DurationFormat><Work>PT" +
         std::to_string(days * 8 * static_cast<int>(t.executors.size())) +  // each executor full time (Units 1)
         "H0M0S</Work><Milestone>0</Milestone><Summary>" +
         (t.summary ? "1" : "0") + "</Summary><PercentComplete>" + std::to_string(t.percent) +
         "</PercentComplete><ConstraintType>4</ConstraintType><ConstraintDate>" + start + "</ConstraintDate>";
  if (!t.notes.empty()) out += "<Notes>" + E(t.notes) + "</Notes>";
  if (!t.status.empty())
    out += std::string("<ExtendedAttribute><FieldID>") + kStatusFieldId + "</FieldID><Value>" + E(t.status) +
           "</Value></ExtendedAttribute>";
  out += "</Task>\n";
}

const char* kCalendar =
    "<Calendars>\n<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>"
    "<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>\n";

}  // namespace

std::string ExportMspdi(const Plan& plan, const ExportOptions& options) {
  PlanIndex index(plan);
  std::vector<Task> tasks;  // UID = position + 1; UID 0 is the project summary
  DaySpan whole = PlanSpan(index);
  if (!whole.known) {
    int y = options.year ? options.year : 2017;
    whole = {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), true};
  }
  std::vector<std::string> outline(static_cast<size_t>(index.Size()));
  std::vector<int> childCount(static_cast<size_t>(index.Size()), 0);
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const Document& doc = plan.documents[d];
    const int begin = index.DocBegin(static_cast<int>(d)), end = index.DocEnd(static_cast<int>(d));
    Task dt;
    dt.name = TaskName("", doc.title);
    if (dt.name != doc.title) dt.notes = doc.title;
    dt.wbs = doc.id;
    dt.outline = std::to_string(d + 1);
    dt.level = 1;
    dt.summary = end > begin;
    DaySpan ds{0, 0, false};
    if (doc.period.IsSet()) ds = {DaysFromCivil(doc.period.start, 1, 1), DaysFromCivil(doc.period.end, 12, 31), true};
    const size_t docTask = tasks.size();
    tasks.push_back(dt);
    int topCount = 0;
    for (int i = begin; i < end; ++i) {
      const auto& item = index[i];
      const Node& n = *item.node;
      Task t;
      t.name = TaskName(n.code, n.title);
      t.wbs = n.code;
      int ordinal = item.parent < 0 ? ++topCount : ++childCount[static_cast<size_t>(item.parent)];
      outline[static_cast<size_t>(i)] =
          (item.parent < 0 ? dt.outline : outline[static_cast<size_t>(item.parent)]) + "." + std::to_string(ordinal);
      t.outline = outline[static_cast<size_t>(i)];
      t.level = item.depth + 2;
      t.summary = item.end > i + 1;
      // A summary covers its whole subtree (some sub-measures run past their measure).
      DaySpan s{0, 0, false};
      for (int j = i; j < item.end; ++j) {
        DaySpan sj = ItemSpan(index, j);
        if (!sj.known) continue;
        s = s.known ? DaySpan{std::min(s.first, sj.first), std::max(s.last, sj.last), true} : sj;
      }
      if (!s.known) s = ds.known ? ds : whole;
      t.first = s.first;
      t.last = s.last;
      if (!ds.known) ds = s;
      ds = {std::min(ds.first, s.first), std::max(ds.last, s.last), true};
      const Assessment* a = n.AssessmentFor(options.year);
      const bool en = options.language == "en";
      std::vector<std::string> notes;
      if (t.name != (n.code.empty() ? n.title : n.code + " " + n.title)) notes.push_back(n.title);
      if (IsAssessableKind(n.kind)) {
        Status st = EffectiveStatus(item, options.year);
        t.percent = st == Status::Executed ? 100 : st == Status::Partial ? 50 : 0;
        t.status = std::string(StatusMark(st)) + " " + StatusLabel(st, options.language);
        notes.push_back(std::to_string(options.year) + ": " + t.status);
      }
      if (a && !a->note.empty()) notes.push_back(a->note);
      auto names = [&](const std::vector<std::string>& ids) {
        std::string s;
        for (const auto& id : ids) s += (s.empty() ? "" : "; ") + AgencyNameInYear(plan, id, options.year);
        return s;
      };
      if (!n.lead.empty()) notes.push_back((en ? "Main executor: " : "Əsas icraçı qurum: ") + names(n.lead));
      if (!n.coExecutors.empty())
        notes.push_back((en ? "Other executors: " : "Digər icraçı qurumlar: ") + names(n.coExecutors));
      if (!n.recommended.empty()) {
        std::string r;
        for (const auto& x : n.recommended) r += (r.empty() ? "" : "; ") + x;
        notes.push_back((en ? "Recommended: " : "Tövsiyə olunur: ") + r);
      }
      for (const auto& x : notes) t.notes += (t.notes.empty() ? "" : "\n") + x;
      for (const auto* ids : {&n.lead, &n.coExecutors})  // each agency once, even when the source names it twice
        for (const auto& l : *ids)
          if (std::find(t.executors.begin(), t.executors.end(), l) == t.executors.end()) t.executors.push_back(l);
      FitToCalendar(t);
      tasks.push_back(std::move(t));
    }
    if (!ds.known) ds = whole;
    tasks[docTask].first = ds.first;
    tasks[docTask].last = ds.last;
    FitToCalendar(tasks[docTask]);
  }

  Task project;
  project.name = TaskName("", PlanTitle(plan, options.language));
  project.wbs = "0";
  project.outline = "0";
  project.summary = true;
  project.first = whole.first;
  project.last = whole.last;
  for (const auto& t : tasks) project.first = std::min(project.first, t.first), project.last = std::max(project.last, t.last);
  FitToCalendar(project);

  // Resources: every agency, then any lead id the plan does not list.
  std::vector<std::string> resourceIds, resourceNames, resourceInitials;
  for (const auto& a : plan.agencies) {
    resourceIds.push_back(a.id);
    resourceNames.push_back(EllipsizeChars(a.name, kMaxTaskName));
    resourceInitials.push_back(!a.shortName.empty() ? a.shortName : !a.acronyms.empty() ? a.acronyms[0] : a.id);
  }
  for (const auto& t : tasks)
    for (const auto& l : t.executors)
      if (std::find(resourceIds.begin(), resourceIds.end(), l) == resourceIds.end())
        resourceIds.push_back(l), resourceNames.push_back(EllipsizeChars(l, kMaxTaskName)), resourceInitials.push_back(l);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
  out += "<SaveVersion>14</SaveVersion><Name>" + E(EllipsizeChars(project.name, 500)) + ".xml</Name><Title>" + E(project.name) +
         "</Title><ScheduleFromStart>1</ScheduleFromStart><StartDate>" + Date(project.first) +
         "T08:00:00</StartDate><FinishDate>" + Date(project.last) +
         "T17:00:00</FinishDate><FYStartDate>1</FYStartDate><CalendarUID>1</CalendarUID>"
         "<DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>17:00:00</DefaultFinishTime>"
         "<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>"
         "<DefaultTaskType>1</DefaultTaskType><DurationFormat>7</DurationFormat><WorkFormat>2</WorkFormat>\n";
  out += std::string("<ExtendedAttributes>\n<ExtendedAttribute><FieldID>") + kStatusFieldId +
         "</FieldID><FieldName>Text1</FieldName><Alias>" +
         E((options.language == "en" ? "Status " : "İcra vəziyyəti ") + std::to_string(options.year)) +
         "</Alias></ExtendedAttribute>\n</ExtendedAttributes>\n";
  out += kCalendar;
  for (int day = 1; day <= 7; ++day) {
    if (day == 1 || day == 7) {
      out += "<WeekDay><DayType>" + std::to_string(day) + "</DayType><DayWorking>0</DayWorking></WeekDay>\n";
      continue;
    }
    out += "<WeekDay><DayType>" + std::to_string(day) +
           "</DayType><DayWorking>1</DayWorking><WorkingTimes>"
           "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
           "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
           "</WorkingTimes></WeekDay>\n";
  }
  out += "</WeekDays></Calendar>\n</Calendars>\n<Tasks>\n";
  WriteTask(out, 0, project);
  for (size_t k = 0; k < tasks.size(); ++k) WriteTask(out, static_cast<int>(k + 1), tasks[k]);
  out += "</Tasks>\n<Resources>\n";
  for (size_t r = 0; r < resourceIds.size(); ++r)
    out += "<Resource><UID>" + std::to_string(r + 1) + "</UID><ID>" + std::to_string(r + 1) + "</ID><Name>" +
           E(resourceNames[r]) + "</Name><Type>1</Type><IsNull>0</IsNull><Initials>" + E(resourceInitials[r]) +
           "</Initials></Resource>\n";
  out += "</Resources>\n<Assignments>\n";
  int uid = 0;
  for (size_t k = 0; k < tasks.size(); ++k) {
    for (const auto& l : tasks[k].executors) {
      size_t r = static_cast<size_t>(std::find(resourceIds.begin(), resourceIds.end(), l) - resourceIds.begin());
      out += "<Assignment><UID>" + std::to_string(++uid) + "</UID><TaskUID>" + std::to_string(k + 1) +
             "</TaskUID><ResourceUID>" + std::to_string(r + 1) + "</ResourceUID><Units>1</Units><Work>PT" +
             std::to_string(8 * std::max(1, WorkingDays(tasks[k].first, tasks[k].last))) + "H0M0S</Work></Assignment>\n";
    }
  }
  out += "</Assignments>\n</Project>\n";
  return out;
}

}  // namespace azplan
