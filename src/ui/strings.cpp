#include "ui/strings.h"

#include <cstring>
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
      {"edit", {"Redaktə", "Edit"}},
      {"undo", {"Geri qaytar", "Undo"}},
      {"redo", {"Təkrarla", "Redo"}},
      {"view", {"Görünüş", "View"}},
      {"help", {"Kömək", "Help"}},
      {"language", {"Dil: English", "Language: Azərbaycan"}},
      {"darkTheme", {"Tünd tema", "Dark theme"}},
      {"about", {"azplan haqqında", "About azplan"}},
      {"aboutText",
       {"azplan — Azərbaycanın rəqəmsal inkişaf proqramlarının icrasının monitorinqi. Statuslar: ✔ icra edilmişdir, ◐ "
        "qismən icra edilmişdir, ✘ icra edilməmişdir, – qiymətləndirilmir, … qiymətləndirilməyib.",
        "azplan — monitoring the execution of Azerbaijan's digital-development programmes. Statuses: ✔ executed, ◐ "
        "partially executed, ✘ not executed, – not assessed, … not yet assessed."}},
      {"shortcuts",
       {"Klavişlər: 1 icra edilib, 2 qismən, 3 icra edilməyib, 4 qiymətləndirilmir, 0 statusu sil; Ctrl+Z / Ctrl+Y; "
        "Gantt: Ctrl+təkər böyüt, sürüşdür, ← → hərəkət",
        "Keys: 1 executed, 2 partial, 3 not executed, 4 not assessed, 0 clear; Ctrl+Z / Ctrl+Y; Gantt: Ctrl+wheel "
        "zoom, drag to pan, ← → move"}},
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
      {"filterToDocument", {"Cədvəli bu sənədə görə süz", "Filter the table to this document"}},
      // dashboard
      {"overall", {"Ümumi nəticə", "Overall"}},
      {"byTarget", {"Hədəflər üzrə", "By target"}},
      {"byPriority", {"Prioritetlər üzrə", "By priority"}},
      {"byDocumentFig", {"Sənədlər üzrə", "By document"}},
      {"agencyPerformance", {"Əsas icraçı qurumların performansı", "Main executors' performance"}},
      {"score", {"Çəkili bal", "Weighted score"}},
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

}  // namespace azplan::ui
