// The return form's layout, shared by the writer (return_forms.cpp) and the reader
// (return_read.cpp): the header block with plan, year and agency, and the columns, each
// with its Azerbaijani and English heading. The reader finds columns by heading, so an
// agency that reorders or adds columns still imports.
#pragma once
#include <string>
#include <vector>

#include "core/plan_index.h"

namespace azplan::returns {

enum Column { kId, kCode, kTitle, kDocument, kPeriod, kRole, kLastStatus, kStatus, kWorkDone, kEvidence,
              kReportedBy, kDate, kColumns };

struct ColumnSpec {
  const char* az;
  const char* en;
  double width;   // characters
  bool input;     // filled in by the agency (unlocked); the rest is protected
};

inline const ColumnSpec& Spec(int c) {
  static const ColumnSpec kSpecs[kColumns] = {
      {"İD", "ID", 10, false},
      {"Kod", "Code", 9, false},
      {"Tədbir", "Measure", 48, false},
      {"Sənəd", "Document", 18, false},
      {"Müddət", "Period", 10, false},
      {"Rol", "Role", 12, false},
      {"Əvvəlki ilin statusu", "Last year's status", 20, false},
      {"Status", "Status", 22, true},
      {"Görülən işlər", "Work done", 40, true},
      {"Sübut (sənəd nömrələri, keçidlər)", "Evidence (document numbers, links)", 28, true},
      {"Hesabatı verən", "Reported by", 18, true},
      {"Tarix (İİİİ-AA-GG)", "Date (YYYY-MM-DD)", 13, true},
  };
  return kSpecs[c];
}

// The indicators sheet (docs/returns.md, "Indicators"): one row per indicator the agency
// owns, with the same header block as the measures sheet so that each sheet saved as its
// own CSV file still says plan, year and agency. The reader tells the two tables apart by
// their headings: a "Status" column makes a measures table, a "Measured value" column an
// indicators table.
enum IndicatorColumn { kKpiId, kKpiName, kKpiUnit, kKpiDocument, kKpiBaseline, kKpiTarget, kKpiLast, kKpiValue,
                       kKpiSource, kKpiNote, kKpiReportedBy, kKpiDate, kKpiColumns };

inline const ColumnSpec& KpiSpec(int c) {
  static const ColumnSpec kSpecs[kKpiColumns] = {
      {"İD", "ID", 10, false},
      {"İndikator", "Indicator", 44, false},
      {"Vahid", "Unit", 10, false},
      {"Sənəd", "Document", 16, false},
      {"Başlanğıc göstərici", "Baseline", 14, false},
      {"Hədəf", "Target", 16, false},
      {"Son ölçülmüş dəyər", "Last measured value", 16, false},
      {"Ölçülmüş dəyər", "Measured value", 15, true},
      {"Mənbə", "Source", 26, true},
      {"Qeyd", "Note", 28, true},
      {"Hesabatı verən", "Reported by", 18, true},
      {"Tarix (İİİİ-AA-GG)", "Date (YYYY-MM-DD)", 13, true},
  };
  return kSpecs[c];
}
constexpr const char* kIndicatorSheetName = "İndikatorlar";

// Header block labels (column A of rows 4-6; the value is in column B).
inline const char* kPlanLabel = "Plan / Plan";
inline const char* kYearLabel = "İl / Year";
inline const char* kAgencyLabel = "Qurum / Agency";
constexpr int kMetaFirstRow = 3;  // 0-based: rows 4, 5, 6 hold plan, year, agency
constexpr int kHeaderRow = 8;     // 0-based: the column headings are on row 9
constexpr const char* kSheetName = "Hesabat";

// The agencies that lead (or, with coExecutors, co-execute) item i: its own, else those of
// the nearest assessable ancestor that names a lead (sub-measures usually name none),
// resolved through renames and mergers.
void ItemAgencies(const PlanIndex& index, int i, bool coExecutors, std::vector<std::string>* out);

// The agencies that own indicator `kpi` (an index into plan.kpis): the leads of the
// items its nodeIds name, as ItemAgencies gives them (a sub-measure without executors of
// its own goes by its measure's). Directions, sections and priorities name no executor,
// so an indicator that belongs only to them has no owner. In first-seen order, each once.
void KpiAgencies(const PlanIndex& index, int kpi, std::vector<std::string>* out);

}  // namespace azplan::returns
