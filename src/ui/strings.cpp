#include "ui/strings.h"

#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace azplan::ui {

namespace {

struct Entry {
  const char* az;
  const char* en;
};

// Keyed by views of the literal keys: Tr runs hundreds of times a frame, and a
// std::string key cost an allocation per lookup (WebAssembly's libc++ keeps only 10
// characters inline).
const std::unordered_map<std::string_view, Entry>& Table() {
  static const std::unordered_map<std::string_view, Entry> kTable = {
      // menus
      {"file", {"Fayl", "File"}},
      {"open", {"Aç…", "Open…"}},
      {"openBundled", {"Daxili planları aç", "Open bundled plans"}},
      {"openPath", {"Faylı yoldan aç", "Open file by path"}},
      {"save", {"Yadda saxla (JSON)", "Save (JSON)"}},
      {"export", {"İxrac", "Export"}},
      {"exportPng", {"Qrafik (PNG)", "Chart (PNG)"}},
      // agency returns
      {"returnFormsAll", {"Qurumların hesabat formaları (.zip)", "Agency return forms (.zip)"}},
      {"returnFormsOne", {"Bir qurumun hesabat forması (.xlsx)", "One agency's return form (.xlsx)"}},
      {"returnFormsCoExecutors", {"Formalara digər icraçı olduğu tədbirlər də", "Forms also list co-executed measures"}},
      {"returnForms", {"forma", "forms"}},
      {"returnFormsFailed", {"Hesabat formaları yazılmadı", "Return forms not written"}},
      {"returnFormsWriting", {"Qurumların hesabat formaları yazılır…", "Writing the agencies' return forms…"}},
      {"returnFormsCancelled", {"Hesabat formalarının yazılması dayandırıldı", "Writing the return forms was stopped"}},
      {"importReturns", {"Hesabatları idxal et…", "Import returns…"}},
      {"importMore", {"Daha çox fayl…", "More files…"}},
      {"mergeReturns", {"Hesabatların birləşdirilməsi", "Merging returns"}},
      {"returnsWaiting", {"Qurumların doldurduğu .xlsx, CSV və ya JSON hesabatlarını seçin (bir neçəsini birdən) və ya pəncərəyə atın.",
                          "Choose the .xlsx, CSV or JSON returns the agencies filled in (several at once), or drop them here."}},
      {"returnsPaths", {"Hesabat fayllarının yolları (hər sətirdə bir)", "Paths of the return files (one per line)"}},
      {"read", {"Oxu", "Read"}},
      {"cannotRead", {"oxunmadı", "cannot be read"}},
      {"returnTooLarge", {"fayl çox böyükdür", "the file is too large"}},
      {"returnFiles", {"Fayllar", "Files"}},
      {"received", {"Alınıb", "Received"}},
      {"changedCount", {"dəyişiklik", "changes"}},
      {"conflicts", {"Ziddiyyətlər", "Conflicts"}},
      {"rowsRefused", {"Rədd edilən sətirlər", "Rows refused"}},
      {"undecided", {"ziddiyyət üçün seçim edilməyib", "conflicts without a choice"}},
      {"acceptNonConflicting", {"Ziddiyyətsizləri qəbul et", "Accept all non-conflicting"}},
      {"keepCurrentForConflicts", {"Ziddiyyətlərdə cari qalsın", "Keep current for conflicts"}},
      {"conflictsOnly", {"Yalnız ziddiyyətlər", "Conflicts only"}},
      {"applyMerge", {"Tətbiq et", "Apply"}},
      {"returnMessages", {"Mesajlar", "Messages"}},
      {"current", {"Cari", "Current"}},
      {"incoming", {"Gələn hesabatlar", "Incoming"}},
      {"choice", {"Seçim", "Choice"}},
      {"chooseOne", {"seçin", "choose"}},
      {"keepCurrent", {"cari qalsın", "keep current"}},
      {"byCoordinator", {"(əlaqələndirici)", "(coordinator)"}},
      {"returnsDisagree", {"hesabatlar fərqlidir", "returns disagree"}},
      {"coordinatorEdit", {"əlaqələndiricinin statusundan fərqli", "differs from the coordinator's status"}},
      {"both", {"hesabatlar və əlaqələndirici fərqlidir", "returns and coordinator disagree"}},
      {"row", {"sətir", "row"}},
      {"coordinatorEditValue", {"əlaqələndiricinin dəyərindən fərqli", "differs from the coordinator's value"}},
      {"measuredValue", {"Ölçülmüş dəyər", "Measured value"}},
      {"returnsMerged", {"Hesabatlar birləşdirildi", "Returns merged"}},
      {"provenance", {"Mənbə (qurumun hesabatı)", "Provenance (agency return)"}},
      {"reportedBy", {"Hesabatı verən", "Reported by"}},
      {"date", {"Tarix", "Date"}},
      {"sourceFile", {"Fayl", "File"}},
      {"reportedStatus", {"Qurumun bildirdiyi status", "Status as reported"}},
      {"changedByCoordinator", {"status əlaqələndirici tərəfindən dəyişdirilib", "status changed by the coordinator"}},
      {"workDone", {"Görülən işlər", "Work done"}},
      {"edit", {"Redaktə", "Edit"}},
      {"undo", {"Geri qaytar", "Undo"}},
      {"redo", {"Təkrarla", "Redo"}},
      {"view", {"Görünüş", "View"}},
      {"help", {"Kömək", "Help"}},
      {"language", {"Dil: English", "Language: Azərbaycan"}},
      {"theme.light", {"Açıq tema", "Light theme"}},
      {"theme.dark", {"Tünd tema", "Dark theme"}},
      {"theme.contrast", {"Yüksək kontrast", "High contrast"}},
      {"panelTree", {"Sənədlər paneli", "Documents panel"}},
      {"panelDetails", {"Ətraflı paneli", "Details panel"}},
      {"panelReset", {"Panellərin ölçüsünü bərpa et", "Reset panel sizes"}},
      {"showPanel", {"Paneli göstər", "Show the panel"}},
      {"hidePanel", {"Paneli gizlət", "Hide the panel"}},
      {"textLarger", {"Mətni böyüt", "Larger text"}},
      {"textSmaller", {"Mətni kiçilt", "Smaller text"}},
      {"textReset", {"Mətnin ölçüsü", "Text size"}},
      {"about", {"azplan haqqında", "About azplan"}},
      {"aboutText",
       {"azplan — Azərbaycanın rəqəmsal inkişaf proqramlarının icrasının monitorinqi. Statuslar: ✔ icra edilmişdir, ◐ "
        "qismən icra edilmişdir, ✘ icra edilməmişdir, – qiymətləndirilmir, … qiymətləndirilməyib.",
        "azplan — monitoring the execution of Azerbaijan's digital-development programmes. Statuses: ✔ executed, ◐ "
        "partially executed, ✘ not executed, – not assessed, … not yet assessed."}},
      {"shortcuts",
       {"Klavişlər:\n"
        "  Alt — menyu; F6 / Shift+F6 — növbəti / əvvəlki panel; oxlar — hərəkət; Enter / boşluq — seç, aç\n"
        "  Tab / Shift+Tab — mətn sahələri arasında; Ctrl+Tab — pəncərələr (panellər) arasında; Esc — bağla\n"
        "  1 icra edilib, 2 qismən, 3 icra edilməyib, 4 qiymətləndirilmir, 0 statusu sil (seçilmiş tədbir)\n"
        "  Ctrl+Z geri, Ctrl+Y təkrar; Ctrl+S saxla; Ctrl+O aç\n"
        "  Ctrl+= mətni böyüt, Ctrl+- kiçilt, Ctrl+0 100 %\n"
        "  F2 — cari görünüşün əlçatan HTML hesabatı (ekran oxuyucular üçün)\n"
        "  Qant: Ctrl+təkər böyüt, sürüşdür, ← → hərəkət",
        "Keys:\n"
        "  Alt — the menu; F6 / Shift+F6 — next / previous pane; arrows — move; Enter / Space — pick, open\n"
        "  Tab / Shift+Tab — between text fields; Ctrl+Tab — between windows (panels); Esc — close\n"
        "  1 executed, 2 partial, 3 not executed, 4 not assessed, 0 clear (the selected measure)\n"
        "  Ctrl+Z undo, Ctrl+Y redo; Ctrl+S save; Ctrl+O open\n"
        "  Ctrl+= larger text, Ctrl+- smaller, Ctrl+0 100 %\n"
        "  F2 — the accessible HTML report of the current view (for screen readers)\n"
        "  Gantt: Ctrl+wheel zoom, drag to pan, ← → move"}},
      {"keys", {"Klavişlər", "Keyboard"}},
      {"nothingSelected", {"Heç bir tədbir seçilməyib", "No measure selected"}},
      // tabs and panels
      {"table", {"Cədvəl", "Table"}},
      {"gantt", {"Qant", "Gantt"}},
      {"timeline", {"Zaman xətti", "Timeline"}},
      {"dashboard", {"Göstəricilər", "Dashboard"}},
      {"documents", {"Sənədlər", "Documents"}},
      {"details", {"Ətraflı", "Details"}},
      {"allDocuments", {"Bütün sənədlər", "All documents"}},
      // columns and fields
      {"code", {"Kod", "Code"}},
      {"title", {"Tədbirin adı", "Measure"}},
      {"lead", {"Əsas icraçı", "Lead executor"}},
      {"coExecutors", {"Digər icraçılar", "Co-executors"}},
      {"recommended", {"Tövsiyə olunur", "Recommended"}},
      {"period", {"İcra müddəti", "Period"}},
      {"status", {"Status", "Status"}},
      {"note", {"Qeyd", "Note"}},
      {"evidence", {"Sübut", "Evidence"}},
      {"assessedBy", {"Qiymətləndirən", "Assessed by"}},
      {"kind", {"Növ", "Kind"}},
      {"ongoing", {"mütəmadi", "ongoing"}},
      {"openEnded", {"müddətsiz", "open-ended"}},
      {"toBeAssigned", {"təyin ediləcək", "to be assigned"}},
      {"withinMonths", {"ay ərzində", "months"}},
      {"rationale", {"Əsaslandırma", "Rationale"}},
      {"expectedResults", {"Gözlənilən nəticələr", "Expected results"}},
      {"risks", {"Risklər", "Risks"}},
      {"mitigation", {"Azaldılması", "Mitigation"}},
      {"year", {"Monitorinq ili", "Monitoring year"}},
      {"search", {"Axtarış", "Search"}},
      {"agency", {"Qurum", "Agency"}},
      {"anyAgency", {"Bütün qurumlar", "All agencies"}},
      {"leadOnly", {"yalnız əsas icraçı", "lead only"}},
      {"anyStatus", {"Bütün statuslar", "All statuses"}},
      {"activeOnly", {"yalnız bu ildə", "this year only"}},
      {"clearFilters", {"Təmizlə", "Clear"}},
      {"bulkStatus", {"Seçilənlərə status", "Set status of selected"}},
      {"selected", {"seçilib", "selected"}},
      // statuses
      {"executed", {"icra edilmişdir", "executed"}},
      {"partial", {"qismən icra edilmişdir", "partially executed"}},
      {"notExecuted", {"icra edilməmişdir", "not executed"}},
      {"notAssessed", {"qiymətləndirilmir", "not assessed"}},
      {"pending", {"qiymətləndirilməyib", "not yet assessed"}},
      {"addAgency", {"+ qurum əlavə et", "+ add agency"}},
      {"executorsPendingLabel", {"icraçılar hələ təyin edilməyib", "executors not yet assigned"}},
      {"start", {"başlanğıc", "start"}},
      {"end", {"son", "end"}},
      {"approved", {"Təsdiq tarixi", "Approved"}},
      {"notFromSource", {"mənbədə yoxdur, istifadəçi daxil edib", "not in the source; entered by a user"}},
      {"document", {"Sənəd", "Document"}},
      {"measure", {"tədbir", "measure"}},
      {"submeasure", {"alt tədbir", "sub-measure"}},
      {"assignment", {"tapşırıq", "assignment"}},
      {"target", {"hədəf", "target"}},
      {"priority", {"prioritet", "priority"}},
      {"direction", {"istiqamət", "direction"}},
      {"section", {"bölmə", "section"}},
      {"subsection", {"yarımbölmə", "subsection"}},
      {"clearStatus", {"statusu sil", "clear status"}},
      // status bar and notices
      {"unsaved", {"yadda saxlanmamış dəyişikliklər", "unsaved changes"}},
      {"saved", {"yadda saxlanılıb", "saved"}},
      {"measures", {"tədbir", "measures"}},
      {"restored", {"Avtomatik yaddaşdan bərpa edildi.", "Restored from autosave."}},
      {"autosaveFailed",
       {"Avtomatik yaddaşa yazılmadı (yer qalmayıb?): işinizi Fayl › İxrac › JSON ilə saxlayın.",
        "Autosave failed (storage full?): keep your work with File › Export › JSON."}},
      {"discardRestore", {"Ləğv et və daxili planı aç", "Discard and open the bundled plan"}},
      {"autosaveDamaged",
       {"Avtomatik yaddaş zədələnib və kənara qoyulub; daxili planlar açıldı.",
        "The autosave was damaged and has been set aside; the bundled plans are open."}},
      {"autosaveNewer",
       {"Avtomatik yaddaş azplan-ın daha yeni versiyası ilə yazılıb; toxunulmadan kənara qoyulub "
        "(azplan.autosave.newer). Onu yeni versiyada açın; daxili planlar açıldı.",
        "The autosave was written by a newer azplan; it has been set aside unchanged "
        "(azplan.autosave.newer). Open it with the newer version; the bundled plans are open."}},
      {"openFailed", {"Fayl açılmadı; açıq plan dəyişmədi.", "The file did not open; the open plan is unchanged."}},
      {"errors", {"Xətalar", "Errors"}},
      {"close", {"Bağla", "Close"}},
      {"unsavedOpen",
       {"Açıq planda yadda saxlanmamış dəyişikliklər var. Başqa plan açılsa, onlar itəcək.",
        "The open plan has unsaved changes. Opening another plan would lose them."}},
      {"toOpen", {"Açılacaq", "To open"}},
      {"saveThenOpen", {"Yadda saxla (JSON) və aç", "Save (JSON), then open"}},
      {"openWithoutSaving", {"Saxlamadan aç", "Open without saving"}},
      {"cancel", {"İmtina", "Cancel"}},
      {"opened", {"Açıldı", "Opened"}},
      {"exported", {"İxrac edildi", "Exported"}},
      {"exportFailed", {"İxrac alınmadı, fayl yazılmadı", "Export failed, the file was not written"}},
      {"savedInPlace", {"Faylda yadda saxlanıldı", "Saved to the file"}},
      {"path", {"Yol", "Path"}},
      // Gantt and timeline
      {"groupBy", {"Qruplaşdır", "Group by"}},
      {"byHierarchy", {"iyerarxiya", "hierarchy"}},
      {"byDocument", {"sənəd", "document"}},
      {"byAgency", {"əsas icraçı", "lead agency"}},
      {"fit", {"Hamısı", "Fit"}},
      {"zoomIn", {"Böyüt", "Zoom in"}},
      {"zoomOut", {"Kiçilt", "Zoom out"}},
      {"today", {"bu gün", "today"}},
      {"legend", {"Şərti işarələr", "Legend"}},
      {"eventsBefore", {"əvvəlki hadisələr", "earlier events"}},
      {"eventsAfter", {"sonrakı hadisələr", "later events"}},
      {"outsideRangeHint", {"Hadisələrin siyahısı: birini seçmək üçün klikləyin", "The list of events: click to pick one"}},
      {"eventsCluster", {"hadisə", "events"}},
      {"event", {"Hadisə", "Event"}},
      {"date", {"Tarix", "Date"}},
      {"filterToDocument", {"Cədvəli bu sənədə görə süz", "Filter the table to this document"}},
      // dashboard
      {"overall", {"Ümumi nəticə", "Overall"}},
      {"byTarget", {"Hədəflər üzrə", "By target"}},
      {"byPriority", {"Prioritetlər üzrə", "By priority"}},
      {"byDocumentFig", {"Sənədlər üzrə", "By document"}},
      {"agencyPerformance", {"Əsas icraçı qurumların performansı", "Main executors' performance"}},
      {"score", {"Çəkili bal", "Weighted score"}},
      {"col.scope", {"Bölmə", "Scope"}},
      {"col.execution", {"İcra", "Execution"}},
      {"col.shares", {"Paylar", "Shares"}},
      {"col.executionTip",
       {"İcra edilmiş, qismən və icra edilməmiş tədbirlərin payı (zolaq)", "Shares of executed, partial and not executed measures (bar)"}},
      {"col.sharesTip",
       {"✔ icra edilmiş, ◐ qismən, ✘ icra edilməmiş tədbirlərin faizi", "Percent ✔ executed, ◐ partially executed, ✘ not executed"}},
      {"col.scoreTip",
       {"Çəkili bal: icra edilmiş 1, qismən 0,5, icra edilməmiş 0 (hesabatın metodu)",
        "Weighted score: executed 1, partial 0.5, not executed 0 (the report's method)"}},
      {"col.nTip", {"n: qiymətləndirilmiş tədbirlərin sayı", "n: number of assessed measures"}},
      {"col.excludedTip",
       {"–/…: qiymətləndirilmir / hələ qiymətləndirilməyib (hesablamaya daxil deyil)",
        "–/…: not assessed / not yet assessed (left out of the figures)"}},
      {"subMeasureLevel", {"alt tədbirlər üzrə", "sub-measure level"}},
      {"measureLevel", {"tədbirlər üzrə", "measure level"}},
      {"overdue", {"Vaxtı keçmiş tədbirlər", "Overdue measures"}},
      {"compareWith", {"Müqayisə ili", "Compare with year"}},
      {"improved", {"yaxşılaşıb", "improved"}},
      {"regressed", {"geriləyib", "regressed"}},
      {"newlyAssessed", {"yeni qiymətləndirilib", "newly assessed"}},
      {"noLongerAssessed", {"artıq qiymətləndirilmir", "no longer assessed"}},
      {"howComputed", {"Necə hesablanıb", "How it was computed"}},
      {"formulaShares",
       {"Paylar: icra edilmiş və qismən icra edilmiş faizlər yarıdan yuxarı yuvarlaqlaşdırılır, icra edilməmiş = 100 − "
        "digər ikisi. Çəkili bal = (icra edilmiş × 1 + qismən × 0.5) / qiymətləndirilən.",
        "Shares: executed and partial are rounded half-up, not executed = 100 − the other two. Weighted score = "
        "(executed × 1 + partial × 0.5) / assessed."}},
      {"excludedNotAssessed", {"qiymətləndirilmədiyi üçün kənarda qalıb", "left out as not assessed"}},
      {"pendingCount", {"hələ qiymətləndirilməyib", "not yet assessed"}},
      {"itemsBehind", {"Bu rəqəmin arxasındakı bəndlər", "The items behind this figure"}},
      {"of", {"/", "of"}},
      {"performanceNote",
       {"Tədbirlərin Yol Xəritəsindəki xüsusi çəkisi nəzərə alınmır (100 ballıq şkala).",
        "The measures' weights are not taken into account (100-point scale)."}},
      {"noFigures", {"Bu il üçün qiymətləndirilmiş bənd yoxdur.", "Nothing is assessed for this year."}},
      // undo labels
      {"setStatus", {"Status", "Status"}},
      {"setNote", {"Qeyd", "Note"}},
      {"editNode", {"Tədbirin redaktəsi", "Edit measure"}},
      {"editDocument", {"Sənədin redaktəsi", "Edit document"}},
      {"addNode", {"Əlavə", "Add"}},
      {"deleteNode", {"Silmə", "Delete"}},
      {"moveNode", {"Köçürmə", "Move"}},
      {"setMeasured", {"Ölçülmüş dəyər", "Measured value"}},
      {"clearMeasured", {"Ölçülmüş dəyərin silinməsi", "Clear measured value"}},
      // indicators (issue 14)
      {"indicators", {"İndikatorlar", "Indicators"}},
      {"indicator", {"İndikator", "Indicator"}},
      {"unit", {"Vahid", "Unit"}},
      {"baseline", {"Başlanğıc", "Baseline"}},
      {"targets", {"Hədəflər", "Targets"}},
      {"measuredValues", {"Ölçülmüş dəyərlər", "Measured values"}},
      {"progressState", {"Vəziyyət", "State"}},
      {"achieved", {"hədəfə çatılıb", "achieved"}},
      {"onTrack", {"plan üzrədir", "on track"}},
      {"behind", {"geridə qalır", "behind"}},
      {"noData", {"məlumat yoxdur", "no data"}},
      {"recordValue", {"Dəyəri qeyd et", "Record value"}},
      {"valueFor", {"dəyəri", "value"}},
      {"valueHint", {"məs. 12,5 və ya 12,5 %", "e.g. 12,5 or 12.5 %"}},
      {"source", {"Mənbə", "Source"}},
      {"saveValue", {"Yadda saxla", "Save"}},
      {"valueRefused", {"Dəyər qəbul edilmədi", "Value refused"}},
      {"notANumber", {"rəqəm gözlənilirdi, məsələn 12,5 və ya 12.5", "expected a number such as 12,5 or 12.5"}},
      {"unitIs", {"vahid", "the unit is"}},
      {"unitIsNot", {"deyil", ""}},
      {"noUnitHere", {"bu indikatorun vahidi yoxdur", "this indicator has no unit"}},
      {"clearValue", {"Dəyəri sil", "Clear value"}},
      {"working", {"Hesablama", "Working"}},
      {"noIndicators", {"Bu planda indikator yoxdur.", "This plan has no indicators."}},
      {"textTargetOnly", {"hədəf mətn kimidir", "text target"}},
      {"indicatorCounts", {"İndikatorlar", "Indicators"}},
      {"documentIndicators", {"Sənədin indikatorları", "The document's indicators"}},
      {"documentExpectedResults", {"Sənədin gözlənilən nəticələri", "The document's expected results"}},
      {"progressRule",
       {"Qayda: ölçülmüş dəyər başlanğıcdan (və ya əvvəlki hədəfdən) növbəti rəqəmli hədəfə düz xətt üzrə həmin il üçün "
        "gözlənilən dəyərlə müqayisə edilir. Mətn hədəfləri rəqəm kimi oxunmur.",
        "Rule: the value measured that year is compared with the straight path from the baseline (or the previous "
        "target) to the next numeric target. Text targets are never read as numbers."}},
  };
  return kTable;
}

std::string g_language = "az";
bool g_english = false;

}  // namespace

void SetLanguage(const std::string& lang) {
  g_language = lang == "en" ? "en" : "az";
  g_english = g_language == "en";
}
const std::string& Language() { return g_language; }

const char* Tr(const char* key) {
  const auto& table = Table();
  auto it = table.find(std::string_view(key));
  if (it == table.end()) return key;
  return g_english ? it->second.en : it->second.az;
}

const char* TrIn(const char* key, const std::string& lang) {
  const auto& table = Table();
  auto it = table.find(std::string_view(key));
  if (it == table.end()) return key;
  return lang == "en" ? it->second.en : it->second.az;
}

void ForEachString(const std::function<void(const char* key, const char* az, const char* en)>& f) {
  for (const auto& [key, e] : Table()) f(key.data(), e.az, e.en);
}

}  // namespace azplan::ui
