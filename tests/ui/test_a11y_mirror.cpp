#include <doctest/doctest.h>

#include "ui/a11y_mirror.h"

using namespace azplan::ui;

namespace {
MirrorState Selected() {
  MirrorState s;
  s.language = "az";
  s.view = "Cədvəl";
  s.plan = "Bütün sənədlər";
  s.year = 2017;
  s.yearLabel = "Monitorinq ili";
  s.code = "1.1.1.3";
  s.title = "Azərbaycanda <telekommunikasiya> & İKT";
  s.status = "◐ qismən icra edilmişdir";
  s.lead = "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi";
  s.codeLabel = "Kod";
  s.statusLabel = "Status";
  s.leadLabel = "Əsas icraçı";
  s.noneSelected = "Heç nə seçilməyib";
  return s;
}
}  // namespace

TEST_CASE("the mirror names the selected measure, escaped") {
  std::string html = MirrorHtml(Selected());
  CHECK(html.find("<h2>1.1.1.3 Azərbaycanda &lt;telekommunikasiya&gt; &amp; İKT</h2>") != std::string::npos);
  CHECK(html.find("<dt>Status</dt><dd>◐ qismən icra edilmişdir</dd>") != std::string::npos);
  CHECK(html.find("<dt>Əsas icraçı</dt><dd>Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi</dd>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  MirrorState none = Selected();
  none.code.clear();
  CHECK(MirrorHtml(none).find("Heç nə seçilməyib") != std::string::npos);
}

TEST_CASE("the live region speaks when the selection or its status changes, not otherwise") {
  MirrorState a = Selected(), b = a;
  CHECK(MirrorAnnouncement(a, b).empty());
  b.status = "✘ icra edilməmişdir";
  CHECK(MirrorAnnouncement(a, b) == "1.1.1.3: ✘ icra edilməmişdir");
  MirrorState c = b;
  c.code = "1.1.1.4";
  c.title = "Başqa";
  CHECK(MirrorAnnouncement(b, c) == "1.1.1.4 Başqa: ✘ icra edilməmişdir");
  MirrorState empty;
  empty.noneSelected = "Heç nə seçilməyib";
  CHECK(MirrorAnnouncement(c, empty) == "Heç nə seçilməyib");
  CHECK(MirrorAnnouncement(empty, empty).empty());
}
