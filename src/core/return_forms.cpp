// Writing the agency return forms with libxlsxwriter: one workbook per agency, the
// fixed columns protected, the status a dropdown (list data validation), headings in
// Azerbaijani and English, widths, wrapping and print setup for A4 landscape.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <set>

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

}  // namespace returns

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
  if (rows.empty()) {
    if (error) *error = "agency " + agencyId + " leads no measure due in " + std::to_string(options.year);
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
  lxw_error dvRc = worksheet_data_validation_range(ws, kHeaderRow + 1, kStatus, lastRow, kStatus, &dv);

  // Fixed columns protected (no password: this guards against slips, not people);
  // widths and rows may still change, and the sheet can be filtered and sorted.
  lxw_protection protection{};
  protection.format_columns = LXW_TRUE;
  protection.format_rows = LXW_TRUE;
  protection.autofilter = LXW_TRUE;
  worksheet_protect(ws, nullptr, &protection);
  worksheet_autofilter(ws, kHeaderRow, 0, lastRow, kColumns - 1);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 3);

  // Print: A4 landscape, one page wide, headings repeated on every page.
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  std::string footer = "&L" + agencyId + " — " + std::to_string(year) + "&RSəhifə / Page &P / &N";
  worksheet_set_footer(ws, footer.c_str());
  worksheet_activate(ws);

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
  std::vector<std::string> agencies = ReturnAgencies(index, options);
  if (agencies.empty()) {
    if (error) *error = "no measure is due in " + std::to_string(options.year);
    return false;
  }
  std::vector<ZipEntry> entries;
  entries.reserve(agencies.size());
  out->forms = out->rows = 0;
  int done = 0;
  for (const auto& id : agencies) {
    ZipEntry e;
    e.name = ReturnFormFileName(id, options.year);
    if (!WriteReturnForm(index, id, options, &e.data, error)) return false;
    out->rows += static_cast<int>(ReturnFormRows(index, id, options).size());
    ++out->forms;
    entries.push_back(std::move(e));
    if (progress) progress(++done, static_cast<int>(agencies.size()));
  }
  return WriteZip(entries, &out->zip, error);
}

}  // namespace azplan
