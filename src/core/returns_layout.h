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

}  // namespace azplan::returns
