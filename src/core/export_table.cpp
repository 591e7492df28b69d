#include "core/export_table.h"

#include <cstdio>

#include "core/dates.h"
#include "core/markup.h"
#include "core/monitoring.h"
#include "core/plan_index.h"

namespace azplan {

int ExportTable::Column(const std::string& key) const {
  for (size_t c = 0; c < columns.size(); ++c)
    if (columns[c].key == key) return static_cast<int>(c);
  return -1;
}

namespace {

std::string IsoDate(int day) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
  return s;
}

}  // namespace

ExportTable BuildExportTable(const Plan& plan, const ExportOptions& options) {
  const bool en = options.language == "en";
  const std::string y = std::to_string(options.year);
  ExportTable t;
  auto col = [&](const char* key, const std::string& az, const std::string& english, CellType type = CellType::Text) {
    t.columns.push_back({key, en ? english : az, type});
  };
  col("document", "Sənəd", "Document");
  col("code", "Kod", "Code", CellType::Code);
  col("kind", "Növ", "Kind");
  col("title", "Tədbir", "Measure");
  col("lead", "Əsas icraçı qurum (" + y + ")", "Main executor (" + y + ")");
  col("leadCurrent", "Əsas icraçı qurum (cari adı)", "Main executor (current name)");
  col("coExecutors", "Digər icraçı qurumlar (" + y + ")", "Other executors (" + y + ")");
  col("coExecutorsCurrent", "Digər icraçı qurumlar (cari adı)", "Other executors (current name)");
  col("recommended", "Tövsiyə olunur", "Recommended");
  col("period", "İcra müddəti", "Period");
  col("start", "Başlama ili", "Start year", CellType::Number);
  col("end", "Bitmə ili", "End year", CellType::Number);
  col("deadline", "Son tarix", "Deadline", CellType::Date);
  col("status", "İcra vəziyyəti (" + y + ")", "Status (" + y + ")");
  col("mark", "İşarə", "Mark");
  col("note", "Qeyd (" + y + ")", "Note (" + y + ")");
  col("evidence", "Sübut", "Evidence");
  col("assessedBy", "Qiymətləndirən", "Assessed by");
  col("assessedOn", "Qiymətləndirmə tarixi", "Assessed on");
  // Provenance, when the status came from an agency's return.
  col("workDone", "Görülmüş işlər", "Work done");
  col("reportingAgency", "Hesabat verən qurum", "Reporting agency");
  col("reportedBy", "Məlumatı təqdim edən", "Reported by");
  col("reportedStatus", "Qurumun bildirdiyi vəziyyət", "Status as reported");
  col("sourceFile", "Mənbə fayl", "Source file");

  PlanIndex index(plan);
  std::vector<int> items;
  if (options.filtered) {
    for (const auto& id : options.itemIds)
      if (int i = index.Find(id); i >= 0) items.push_back(i);
  } else {
    for (int i = 0; i < index.Size(); ++i) items.push_back(i);
  }
  auto names = [&](const std::vector<std::string>& ids, bool inYear) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
      const Agency* a = plan.FindAgency(id);
      out.push_back(inYear ? AgencyNameInYear(plan, id, options.year) : a ? a->name : id);
    }
    return Join(out);
  };
  for (int i : items) {
    const auto& item = index[i];
    const Node& n = *item.node;
    const Assessment* a = n.AssessmentFor(options.year);
    const bool counted = IsAssessableKind(n.kind);
    const Status s = EffectiveStatus(item, options.year);
    const Period& p = item.period;
    const int deadline = counted ? DeadlineDay(index, i) : -1;
    std::string lead = names(n.lead, true), leadNow = names(n.lead, false);
    if (n.lead.empty() && n.executorsPending) lead = leadNow = en ? "to be assigned" : "müəyyən ediləcək";
    t.rows.push_back({
        plan.documents[static_cast<size_t>(item.doc)].title,
        n.code,
        NodeKindLabel(n.kind, options.language),
        n.title,
        lead,
        leadNow,
        names(n.coExecutors, true),
        names(n.coExecutors, false),
        Join(n.recommended),
        PeriodText(p, options.language),
        p.IsSet() ? std::to_string(p.start) : "",
        p.IsSet() && p.end ? std::to_string(p.end) : "",
        deadline >= 0 ? IsoDate(deadline) : "",
        counted ? StatusLabel(s, options.language) : "",
        counted ? StatusMark(s) : "",
        a ? a->note : "",
        a ? a->evidence : "",
        a ? a->assessedBy : "",
        a ? a->date : "",
        a ? a->workDone : "",
        a && !a->reportingAgency.empty() ? AgencyNameInYear(plan, a->reportingAgency, options.year) : "",
        a ? a->reportedBy : "",
        a && a->reportedStatus ? StatusLabel(*a->reportedStatus, options.language) : "",
        a ? a->sourceFile : "",
    });
  }
  return t;
}

}  // namespace azplan
