// Writing the agency return forms with libxlsxwriter: one workbook per agency, the
// fixed columns protected, the status a dropdown (list data validation), headings in
// Azerbaijani and English, widths, wrapping and print setup for A4 landscape.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/indicators.h"
#include "core/markup.h"
#include "core/monitoring.h"
#include "core/returns.h"
#include "core/returns_layout.h"
#include "core/text.h"
#include "core/xlsx_io.h"
#include "core/zip_archive.h"

namespace azplan {
using namespace returns;

namespace returns {
// The agencies that lead (or co-execute) an item: its own, else its parent's (a
// sub-measure usually names no executors of its own), resolved through renames.
void ItemAgencies(const PlanIndex& index, int i, bool coExecutors, std::vector<std::string>* out) {
  const Plan& plan = *index.plan();
  for (int at = i;;) {
    const Node& n = *index[at].node;
    if (!n.lead.empty()) {
      for (const auto& id : coExecutors ? n.coExecutors : n.lead) out->push_back(FinalAgency(plan, id));
      return;
    }
    // Only inherit from an assessable parent (a measure), never from a priority.
    at = index[at].parent;
    if (at < 0 || !IsAssessableKind(index[at].node->kind)) return;
  }
}

void KpiAgencies(const PlanIndex& index, int kpi, std::vector<std::string>* out) {
  const Kpi& k = index.plan()->kpis[static_cast<size_t>(kpi)];
  std::vector<std::string> ids;
  for (const auto& nodeId : k.nodeIds) {
    int i = index.Find(nodeId);
    if (i < 0) continue;
    ids.clear();
    ItemAgencies(index, i, false, &ids);
    for (auto& id : ids)
      if (std::find(out->begin(), out->end(), id) == out->end()) out->push_back(std::move(id));
  }
}

}  // namespace returns

std::vector<int> ReturnFormIndicators(const PlanIndex& index, const std::string& agencyId) {
  std::vector<int> out;
  std::vector<std::string> owners;
  for (int k = 0; k < static_cast<int>(index.plan()->kpis.size()); ++k) {
    owners.clear();
    KpiAgencies(index, k, &owners);
    if (std::find(owners.begin(), owners.end(), agencyId) != owners.end()) out.push_back(k);
  }
  return out;
}

std::string PlanKey(const Plan& plan) {
  if (!plan.id.empty()) return plan.id;
  if (!plan.title.empty()) return plan.title;
  return plan.documents.empty() ? std::string() : plan.documents[0].id;
}

const char* ReturnStatusLabel(Status s, const std::string& language) {
  bool en = language == "en";
  switch (s) {
    case Status::Executed: return en ? "executed" : "icra edilmişdir";
    case Status::Partial: return en ? "partially executed" : "qismən icra edilmişdir";
    case Status::NotExecuted: return en ? "not executed" : "icra edilməmişdir";
    case Status::NotAssessed: return en ? "not assessed" : "qiymətləndirilmir";
    case Status::Pending: return en ? "not yet assessed" : "qiymətləndirilməyib";
  }
  return "";
}

namespace {

bool DueIn(const IndexedNode& it, int year) { return !it.period.IsSet() || it.period.Covers(year); }

std::string PeriodText(const IndexedNode& it) {
  const Period& p = it.period;
  if (it.openEnded) return azplan::PeriodText(p, "az", true);
  if (!p.text.empty()) return p.text;
  if (!p.IsSet()) return "";
  std::string s = p.start == p.end ? std::to_string(p.start) : std::to_string(p.start) + "–" + std::to_string(p.end);
  if (p.ongoing) s += " (mütəmadi)";
  return s;
}

std::string Slug(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "agency" : out;
}

// An indicator value as a cell shows it: the source's wording, else the number with a
// decimal comma; the unit has its own column.
std::string KpiValueText(const KpiValue& v) {
  if (!v.text.empty()) return v.text;
  return v.value ? FormatAzNumber(*v.value) : std::string();
}

struct IndicatorSheetFormats {
  lxw_format *title, *text, *id, *note, *meta, *head, *inputHead, *input;
};

// The second sheet, "İndikatorlar": the indicators the agency owns, with what the
// coordinator knows (baseline, the target in effect for the year, the last measured
// value) protected, and the year's measured value, its source, a note, who reports and
// the date to fill in. The same header block as the measures sheet, so the sheet saved
// alone as CSV still names plan, year and agency.
// Fixed columns protected (no password: this guards against slips, not people); widths
// and rows may still change, and the sheet can be filtered and sorted. Printed A4
// landscape, one page wide, the headings repeated on every page; the footer names the
// agency and the year.
void ProtectAndPrint(lxw_worksheet* ws, int lastRow, int columns, int frozenColumns, const std::string& footerLeft) {
  lxw_protection protection{};
  protection.format_columns = LXW_TRUE;
  protection.format_rows = LXW_TRUE;
  protection.autofilter = LXW_TRUE;
  worksheet_protect(ws, nullptr, &protection);
  worksheet_autofilter(ws, kHeaderRow, 0, static_cast<lxw_row_t>(lastRow), static_cast<lxw_col_t>(columns - 1));
  worksheet_freeze_panes(ws, kHeaderRow + 1, static_cast<lxw_col_t>(frozenColumns));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  const std::string footer = "&L" + footerLeft + "&RSəhifə / Page &P / &N";
  worksheet_set_footer(ws, footer.c_str());
}

lxw_error WriteIndicatorSheet(lxw_workbook* wb, const IndicatorSheetFormats& f, const PlanIndex& index,
                              const std::vector<int>& kpis, const std::string& agencyId,
                              const std::string& agencyName, int year, const std::string& lang) {
  const Plan& plan = *index.plan();
  lxw_worksheet* ws = workbook_add_worksheet(wb, kIndicatorSheetName);
  if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  worksheet_write_string(ws, 0, 0, ("İndikatorların ölçülmüş dəyərləri — " + std::to_string(year) +
                                    " / Measured values of the indicators").c_str(), f.title);
  worksheet_merge_range(ws, 1, 0, 1, kKpiColumns - 1,
      "Sarı sütunları doldurun: hər indikator üçün bu ilin ölçülmüş dəyərini indikatorun vahidində yazın (12,5 və ya "
      "12.5; vahid yazılarsa, cədvəldəki vahid olmalıdır), mənbəni (hesabat, statistika), qeydi, hesabatı verən şəxsi və "
      "tarixi göstərin. Dəyəri bilinməyən sətri boş saxlayın. Digər sütunlar qorunur.", f.note);
  worksheet_merge_range(ws, 2, 0, 2, kKpiColumns - 1,
      "Fill in the yellow columns: for each indicator give this year's measured value in the indicator's unit (12,5 or "
      "12.5; a unit typed after the number must be the one in the table), its source (report, statistics), a note, who "
      "reports and the date. Leave a row empty if the value is not known. The other columns are protected.", f.note);
  worksheet_set_row(ws, 1, 45, nullptr);
  worksheet_set_row(ws, 2, 45, nullptr);
  worksheet_write_string(ws, kMetaFirstRow, 0, kPlanLabel, f.meta);
  worksheet_write_string(ws, kMetaFirstRow, 1, PlanKey(plan).c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow, 2, plan.title.c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 1, 0, kYearLabel, f.meta);
  worksheet_write_number(ws, kMetaFirstRow + 1, 1, year, nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 2, 0, kAgencyLabel, f.meta);
  worksheet_write_string(ws, kMetaFirstRow + 2, 1, agencyId.c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 2, 2, agencyName.c_str(), nullptr);

  const std::string y = " (" + std::to_string(year) + ")";
  for (int c = 0; c < kKpiColumns; ++c) {
    const ColumnSpec& s = KpiSpec(c);
    std::string az = s.az, en = s.en;
    if (c == kKpiValue) az += y, en += y;  // the reader checks the year in this heading
    worksheet_write_string(ws, kHeaderRow, c, (az + "\n" + en).c_str(), s.input ? f.inputHead : f.head);
    worksheet_set_column(ws, c, c, s.width, nullptr);
  }
  worksheet_set_row(ws, kHeaderRow, 64, nullptr);

  const bool en = lang == "en";
  int r = kHeaderRow + 1;
  for (int k : kpis) {
    const Kpi& kpi = plan.kpis[static_cast<size_t>(k)];
    const Document* doc = plan.FindDocument(kpi.documentId);
    std::string baseline;
    if (kpi.baseline) {
      baseline = KpiValueText(*kpi.baseline);
      if (kpi.baseline->year) baseline += " (" + std::to_string(kpi.baseline->year) + ")";
    }
    // The target in effect for the year: the first one due in the year or later (text
    // targets as written), else the last; with the year's point on the straight path to
    // it when the progress rule has one (docs/indicators.md).
    const KpiValue* target = nullptr;
    for (const auto& t : kpi.targets)
      if (t.year >= year && (!target || t.year < target->year)) target = &t;
    if (!target)
      for (const auto& t : kpi.targets)
        if (!target || t.year > target->year) target = &t;
    std::string targetText;
    if (target) {
      targetText = KpiValueText(*target);
      if (target->year) targetText += " (" + std::to_string(target->year) + ")";
      ProgressWorking w = AssessProgress(kpi, year);
      if (w.expected && w.toYear > year)
        targetText += std::string("\n") + (en ? "expected in " : "gözlənilən ") + std::to_string(year) + ": " +
                      FormatAzNumber(*w.expected);
    }
    std::string last;
    for (const auto& m : kpi.measured)
      if (m.year < year) last = KpiValueText(m) + " (" + std::to_string(m.year) + ")";
    const std::string cells[] = {kpi.id, kpi.name, kpi.unit, doc ? doc->Label() : kpi.documentId, baseline,
                                 targetText, last};
    int lines = 1;
    for (int c = 0; c <= kKpiLast; ++c) {
      worksheet_write_string(ws, r, c, cells[c].c_str(), c == kKpiId ? f.id : f.text);
      if (c == kKpiId) continue;
      double perLine = KpiSpec(c).width * 1.15;
      lines = std::max(lines, static_cast<int>((static_cast<double>(CountChars(cells[c])) + perLine - 1) / perLine));
    }
    worksheet_set_row(ws, r, 15.0 * std::min(lines + 1, 12), nullptr);
    // Empty, like the statuses: what comes back is what the agency measured.
    for (int c = kKpiValue; c < kKpiColumns; ++c) worksheet_write_blank(ws, r, c, f.input);
    ++r;
  }
  const int lastRow = r - 1;

  // A hint on the value cells (no list: any number in the indicator's unit).
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_ANY;
  std::string inputTitle = en ? "Measured value" : "Ölçülmüş dəyər";
  std::string inputMessage = en ? "A number in the indicator's unit: 12,5 or 12.5 (12,5 % for a percentage)."
                                : "İndikatorun vahidində rəqəm: 12,5 və ya 12.5 (faiz üçün 12,5 %).";
  dv.input_title = inputTitle.data();
  dv.input_message = inputMessage.data();
  lxw_error rc = worksheet_data_validation_range(ws, kHeaderRow + 1, kKpiValue, lastRow, kKpiValue, &dv);

  ProtectAndPrint(ws, lastRow, kKpiColumns, 2, agencyId + " — " + std::to_string(year) + " — İndikatorlar / Indicators");
  return rc;
}

}  // namespace

std::vector<FormRow> ReturnFormRows(const PlanIndex& index, const std::string& agencyId,
                                    const ReturnFormOptions& options) {
  std::vector<FormRow> rows;
  std::vector<std::string> ids;
  for (int i = 0; i < index.Size(); ++i) {
    const IndexedNode& it = index[i];
    if (!IsAssessableKind(it.node->kind) || !DueIn(it, options.year)) continue;
    ids.clear();
    ItemAgencies(index, i, false, &ids);
    if (std::find(ids.begin(), ids.end(), agencyId) != ids.end()) {
      rows.push_back({i, true});
      continue;
    }
    if (!options.includeCoExecutor) continue;
    ids.clear();
    ItemAgencies(index, i, true, &ids);
    if (std::find(ids.begin(), ids.end(), agencyId) != ids.end()) rows.push_back({i, false});
  }
  return rows;
}

std::vector<std::string> ReturnAgencies(const PlanIndex& index, const ReturnFormOptions& options) {
  std::set<std::string> used;
  std::vector<std::string> ids;
  for (int i = 0; i < index.Size(); ++i) {
    const IndexedNode& it = index[i];
    if (!IsAssessableKind(it.node->kind) || !DueIn(it, options.year)) continue;
    ids.clear();
    ItemAgencies(index, i, false, &ids);
    if (options.includeCoExecutor) ItemAgencies(index, i, true, &ids);
    used.insert(ids.begin(), ids.end());
  }
  // An agency that owns an indicator reports its value even in a year without measures.
  for (int k = 0; k < static_cast<int>(index.plan()->kpis.size()); ++k) {
    ids.clear();
    KpiAgencies(index, k, &ids);
    used.insert(ids.begin(), ids.end());
  }
  std::vector<std::string> out;
  for (const auto& a : index.plan()->agencies)
    if (used.erase(a.id)) out.push_back(a.id);
  out.insert(out.end(), used.begin(), used.end());  // ids that name no agency, sorted
  return out;
}

std::string ReturnFormFileName(const std::string& agencyId, int year) {
  return std::to_string(year) + "-" + Slug(agencyId) + "-hesabat.xlsx";
}

bool WriteReturnForm(const PlanIndex& index, const std::string& agencyId, const ReturnFormOptions& options,
                     std::string* xlsx, std::string* error) {
  const Plan& plan = *index.plan();
  std::vector<FormRow> rows = ReturnFormRows(index, agencyId, options);
  std::vector<int> indicators = ReturnFormIndicators(index, agencyId);
  if (rows.empty() && indicators.empty()) {
    if (error)
      *error = "agency " + agencyId + " leads no measure due in " + std::to_string(options.year) +
               " and owns no indicator";
    return false;
  }
  const Agency* agency = plan.FindAgency(agencyId);
  const std::string agencyName = agency ? agency->name : agencyId;
  const int year = options.year;
  const std::string& lang = options.language;

  std::string path = ScratchXlsxPath();
  lxw_workbook_options wbOptions{};
  wbOptions.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wbOptions);
  if (!wb) {
    if (error) *error = "cannot start a workbook";
    return false;
  }
  lxw_doc_properties props{};
  std::string title = "Hesabat " + std::to_string(year) + " — " + agencyName;
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("azplan");
  workbook_set_properties(wb, &props);

  lxw_worksheet* ws = workbook_add_worksheet(wb, kSheetName);
  lxw_format* titleFmt = workbook_add_format(wb);
  format_set_bold(titleFmt);
  format_set_font_size(titleFmt, 14);
  lxw_format* textFmt = workbook_add_format(wb);  // fixed, wrapped
  format_set_text_wrap(textFmt);
  format_set_align(textFmt, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(textFmt, LXW_BORDER_THIN);
  format_set_num_format(textFmt, "@");
  lxw_format* idFmt = workbook_add_format(wb);  // fixed, not wrapped
  format_set_align(idFmt, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(idFmt, LXW_BORDER_THIN);
  format_set_num_format(idFmt, "@");
  lxw_format* noteFmt = workbook_add_format(wb);
  format_set_text_wrap(noteFmt);
  format_set_align(noteFmt, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* metaFmt = workbook_add_format(wb);
  format_set_bold(metaFmt);
  lxw_format* headFmt = workbook_add_format(wb);
  format_set_bold(headFmt);
  format_set_text_wrap(headFmt);
  format_set_align(headFmt, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(headFmt, LXW_BORDER_THIN);
  format_set_bg_color(headFmt, 0xDDE4EE);
  lxw_format* inputHeadFmt = workbook_add_format(wb);
  format_set_bold(inputHeadFmt);
  format_set_text_wrap(inputHeadFmt);
  format_set_align(inputHeadFmt, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(inputHeadFmt, LXW_BORDER_THIN);
  format_set_bg_color(inputHeadFmt, 0xFFF2C6);
  lxw_format* inputFmt = workbook_add_format(wb);  // to fill in: unlocked, text
  format_set_unlocked(inputFmt);
  format_set_text_wrap(inputFmt);
  format_set_align(inputFmt, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(inputFmt, LXW_BORDER_THIN);
  format_set_bg_color(inputFmt, 0xFFFBEA);
  format_set_num_format(inputFmt, "@");  // a typed date stays the text typed

  // Header block: what the form is, in both languages, and the keys the reader checks.
  worksheet_write_string(ws, 0, 0, ("Tədbirlərin icrası haqqında hesabat — " + std::to_string(year) + " / Report on the execution of measures").c_str(), titleFmt);
  worksheet_merge_range(ws, 1, 0, 1, kColumns - 1,
      "Sarı sütunları doldurun: hər tədbir üçün siyahıdan statusu seçin, görülən işləri və sübutları (sənəd nömrələri, "
       "keçidlər) yazın, hesabatı verən şəxsi və tarixi göstərin. Digər sütunlar qorunur; sətirləri silməyin və ya "
       "yerini dəyişməyin. Faylı .xlsx (və ya CSV) kimi saxlayıb əlaqələndiriciyə qaytarın.", noteFmt);
  worksheet_merge_range(ws, 2, 0, 2, kColumns - 1,
      "Fill in the yellow columns: pick each measure's status from the list, describe the work done and the evidence "
      "(document numbers, links), and give who reports and the date. The other columns are protected; do not delete or "
      "move rows. Save as .xlsx (or CSV) and return the file to the coordinator.", noteFmt);
  worksheet_set_row(ws, 1, 45, nullptr);
  worksheet_set_row(ws, 2, 45, nullptr);
  worksheet_write_string(ws, kMetaFirstRow, 0, kPlanLabel, metaFmt);
  worksheet_write_string(ws, kMetaFirstRow, 1, PlanKey(plan).c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow, 2, plan.title.c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 1, 0, kYearLabel, metaFmt);
  worksheet_write_number(ws, kMetaFirstRow + 1, 1, year, nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 2, 0, kAgencyLabel, metaFmt);
  worksheet_write_string(ws, kMetaFirstRow + 2, 1, agencyId.c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 2, 2, agencyName.c_str(), nullptr);
  worksheet_write_string(ws, kMetaFirstRow + 4, 0,
      "Statuslar / Statuses: icra edilmişdir (executed) · qismən icra edilmişdir (partially executed) · "
      "icra edilməmişdir (not executed) · qiymətləndirilmir (not assessed)", nullptr);

  for (int c = 0; c < kColumns; ++c) {
    const ColumnSpec& s = Spec(c);
    std::string az = s.az, en = s.en;
    if (c == kLastStatus) az += " (" + std::to_string(year - 1) + ")", en += " (" + std::to_string(year - 1) + ")";
    if (c == kStatus) az += " (" + std::to_string(year) + ")", en += " (" + std::to_string(year) + ")";
    worksheet_write_string(ws, kHeaderRow, c, (az + "\n" + en).c_str(), s.input ? inputHeadFmt : headFmt);
    worksheet_set_column(ws, c, c, s.width, nullptr);
  }
  worksheet_set_row(ws, kHeaderRow, 64, nullptr);

  std::vector<std::string> ids;
  int r = kHeaderRow + 1;
  for (const FormRow& fr : rows) {
    const IndexedNode& it = index[fr.item];
    const Node& n = *it.node;
    const Document& doc = plan.documents[static_cast<size_t>(it.doc)];
    std::string role = fr.lead ? (lang == "en" ? "lead" : "əsas icraçı") : (lang == "en" ? "co-executor" : "digər icraçı");
    std::string last;
    if (const Assessment* a = n.AssessmentFor(year - 1); a && a->status)
      last = std::string(ReturnStatusLabel(*a->status, lang));
    const std::string cells[] = {it.id, n.code, n.title, doc.Label(), PeriodText(it), role, last};
    // Rows as tall as their wrapped text (spreadsheets do not all fit row heights to
    // wrapped text on opening, and printed rows would overlap). The ID is for the reader,
    // clipped rather than wrapped.
    int lines = 1;
    for (int c = 0; c <= kLastStatus; ++c) {
      worksheet_write_string(ws, r, c, cells[c].c_str(), c == kId ? idFmt : textFmt);
      if (c == kId) continue;
      double perLine = Spec(c).width * 1.15;
      lines = std::max(lines, static_cast<int>((static_cast<double>(CountChars(cells[c])) + perLine - 1) / perLine));
    }
    worksheet_set_row(ws, r, 15.0 * std::min(lines, 12), nullptr);
    // The columns to fill start empty: a status is what the agency reports now, never
    // the coordinator's current one coming back as if reported.
    for (int c = kStatus; c < kColumns; ++c) worksheet_write_blank(ws, r, c, inputFmt);
    ++r;
  }
  const int lastRow = r - 1;

  // The status dropdown: the four statuses in the UI language.
  std::string labels[4];
  char* list[5];
  const Status order[4] = {Status::Executed, Status::Partial, Status::NotExecuted, Status::NotAssessed};
  for (int k = 0; k < 4; ++k) {
    labels[k] = ReturnStatusLabel(order[k], lang);
    list[k] = labels[k].data();
  }
  list[4] = nullptr;
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list;
  dv.ignore_blank = LXW_VALIDATION_ON;
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  std::string inputTitle = lang == "en" ? "Status" : "Status";
  std::string inputMessage = lang == "en" ? "Pick one of the four statuses." : "Dörd statusdan birini seçin.";
  std::string errorMessage = lang == "en" ? "Only the four statuses of the list are accepted."
                                          : "Yalnız siyahıdakı dörd status qəbul olunur.";
  dv.input_title = inputTitle.data();
  dv.input_message = inputMessage.data();
  dv.error_title = inputTitle.data();
  dv.error_message = errorMessage.data();
  // An agency with indicators but no measure due this year still gets the measures sheet
  // (empty), so every form has the same first sheet.
  lxw_error dvRc = lastRow > kHeaderRow
                       ? worksheet_data_validation_range(ws, kHeaderRow + 1, kStatus, lastRow, kStatus, &dv)
                       : LXW_NO_ERROR;
  if (rows.empty())
    worksheet_write_string(ws, kHeaderRow + 1, 0,
                           ("Bu il üçün tədbir yoxdur / No measures due in " + std::to_string(year)).c_str(), nullptr);

  ProtectAndPrint(ws, lastRow, kColumns, 3, agencyId + " — " + std::to_string(year));
  worksheet_activate(ws);

  if (dvRc == LXW_NO_ERROR && !indicators.empty()) {
    IndicatorSheetFormats f{titleFmt, textFmt, idFmt, noteFmt, metaFmt, headFmt, inputHeadFmt, inputFmt};
    dvRc = WriteIndicatorSheet(wb, f, index, indicators, agencyId, agencyName, year, lang);
  }
  if (dvRc != LXW_NO_ERROR) {
    workbook_close(wb);
    std::remove(path.c_str());
    if (error) *error = std::string("cannot add the status list: ") + lxw_strerror(dvRc);
    return false;
  }
  return CloseWorkbookToBytes(wb, path, xlsx, error);
}

bool WriteAllReturnForms(const PlanIndex& index, const ReturnFormOptions& options, FormBundle* out,
                         std::string* error, const std::function<void(int, int)>& progress) {
  ReturnFormBatch batch(index, options);
  while (!batch.Done()) {
    if (!batch.Step(error)) return false;
    if (progress) progress(batch.Written(), batch.Total());
  }
  return batch.Finish(out, error);
}

ReturnFormBatch::ReturnFormBatch(const PlanIndex& index, ReturnFormOptions options)
    : index_(index), options_(std::move(options)), agencies_(ReturnAgencies(index, options_)) {
  entries_.reserve(agencies_.size());
}

bool ReturnFormBatch::Step(std::string* error) {
  if (Done()) return true;
  const std::string& id = agencies_[entries_.size()];
  ZipEntry e;
  e.name = ReturnFormFileName(id, options_.year);
  if (!WriteReturnForm(index_, id, options_, &e.data, error)) return false;
  counts_.rows += static_cast<int>(ReturnFormRows(index_, id, options_).size());
  counts_.indicators += static_cast<int>(ReturnFormIndicators(index_, id).size());
  ++counts_.forms;
  entries_.push_back(std::move(e));
  return true;
}

bool ReturnFormBatch::Finish(FormBundle* out, std::string* error) {
  if (agencies_.empty()) {
    if (error) *error = "no measure is due in " + std::to_string(options_.year);
    return false;
  }
  *out = counts_;
  return WriteZip(entries_, &out->zip, error);
}

}  // namespace azplan
