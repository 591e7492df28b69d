// Microsoft Project XML (MSPDI), which MS Project, ProjectLibre and GanttProject open:
// the documents as level-1 summary tasks with their hierarchies below, dates on a
// standard Monday–Friday 08:00–17:00 calendar, percent complete from the year's status,
// one resource per agency and the lead agencies assigned to their tasks. Elements are
// written in the schema's order (MS Project rejects files that are not).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/chart_layout.h"
#include "core/dates.h"
#include "core/exporters.h"
#include "core/markup.h"

namespace azplan {
namespace {

std::string E(std::string_view s) { return EscapeXml(s); }

// The year's status in the task notes, in the export's language.
const char* StatusWords(Status s, const std::string& language) {
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

struct Task {
  std::string name, wbs, outline, notes;
  int level = 0, first = 0, last = 0, percent = 0;
  bool summary = false;
  std::vector<std::string> leads;
};

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
         std::to_string(days * 8 * static_cast<int>(t.leads.size())) +  // each lead full time (Units 1)
         "H0M0S</Work><Milestone>0</Milestone><Summary>" +
         (t.summary ? "1" : "0") + "</Summary><PercentComplete>" + std::to_string(t.percent) +
         "</PercentComplete><ConstraintType>4</ConstraintType><ConstraintDate>" + start + "</ConstraintDate>";
  if (!t.notes.empty()) out += "<Notes>" + E(t.notes) + "</Notes>";
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
    dt.name = doc.title;
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
      t.name = n.code.empty() ? n.title : n.code + " " + n.title;
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
      if (IsAssessableKind(n.kind)) {
        Status st = EffectiveStatus(item, options.year);
        t.percent = st == Status::Executed ? 100 : st == Status::Partial ? 50 : 0;
        t.notes = std::to_string(options.year) + ": " + StatusMark(st) + " " + StatusWords(st, options.language);
      }
      if (a && !a->note.empty()) t.notes += (t.notes.empty() ? "" : "\n") + a->note;
      for (const auto& l : n.lead)  // each agency once, even when the source names it twice
        if (std::find(t.leads.begin(), t.leads.end(), l) == t.leads.end()) t.leads.push_back(l);
      FitToCalendar(t);
      tasks.push_back(std::move(t));
    }
    if (!ds.known) ds = whole;
    tasks[docTask].first = ds.first;
    tasks[docTask].last = ds.last;
    FitToCalendar(tasks[docTask]);
  }

  Task project;
  project.name = PlanTitle(plan, options.language);
  project.wbs = "0";
  project.outline = "0";
  project.summary = true;
  project.first = whole.first;
  project.last = whole.last;
  for (const auto& t : tasks) project.first = std::min(project.first, t.first), project.last = std::max(project.last, t.last);
  FitToCalendar(project);

  // Resources: every agency, then any lead id the plan does not list.
  std::vector<std::string> resourceIds;
  std::vector<std::string> resourceNames;
  for (const auto& a : plan.agencies) resourceIds.push_back(a.id), resourceNames.push_back(a.name);
  for (const auto& t : tasks)
    for (const auto& l : t.leads)
      if (std::find(resourceIds.begin(), resourceIds.end(), l) == resourceIds.end())
        resourceIds.push_back(l), resourceNames.push_back(l);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
  out += "<SaveVersion>14</SaveVersion><Name>" + E(project.name) + ".xml</Name><Title>" + E(project.name) +
         "</Title><ScheduleFromStart>1</ScheduleFromStart><StartDate>" + Date(project.first) +
         "T08:00:00</StartDate><FinishDate>" + Date(project.last) +
         "T17:00:00</FinishDate><FYStartDate>1</FYStartDate><CalendarUID>1</CalendarUID>"
         "<DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>17:00:00</DefaultFinishTime>"
         "<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>"
         "<DefaultTaskType>1</DefaultTaskType><DurationFormat>7</DurationFormat><WorkFormat>2</WorkFormat>\n";
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
           E(resourceNames[r]) + "</Name><Type>1</Type><IsNull>0</IsNull></Resource>\n";
  out += "</Resources>\n<Assignments>\n";
  int uid = 0;
  for (size_t k = 0; k < tasks.size(); ++k) {
    for (const auto& l : tasks[k].leads) {
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
