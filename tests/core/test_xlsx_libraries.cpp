// The spreadsheet libraries built from Debian's sources (cmake/xlsx.cmake) work together:
// libxlsxwriter writes a workbook with a dropdown, minizip reads it back, pugixml parses
// the sheet; zip bundles round-trip; hostile archives are refused with a reason.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "core/xlsx_io.h"
#include "core/zip_archive.h"

using namespace azplan;

TEST_CASE("libxlsxwriter writes a workbook that minizip and pugixml read back") {
  std::string path = ScratchXlsxPath();
  lxw_workbook* wb = workbook_new(path.c_str());
  REQUIRE(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Hesabat");
  worksheet_write_string(ws, 0, 0, "Əsas icraçı: İqtisadiyyat", nullptr);
  char a[] = "icra edilmişdir", b[] = "qismən icra edilmişdir";
  char* list[] = {a, b, nullptr};
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list;
  REQUIRE(worksheet_data_validation_cell(ws, 1, 0, &dv) == LXW_NO_ERROR);
  std::string bytes, error;
  REQUIRE_MESSAGE(CloseWorkbookToBytes(wb, path, &bytes, &error), error);
  CHECK(LooksLikeZip(bytes));

  ZipReader zip;
  REQUIRE_MESSAGE(zip.Open(bytes), zip.error());
  CHECK(zip.Has("xl/workbook.xml"));
  std::string shared, sheet;
  REQUIRE(zip.Read("xl/sharedStrings.xml", &shared));
  REQUIRE(zip.Read("xl/worksheets/sheet1.xml", &sheet));
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(shared.data(), shared.size()));
  CHECK(std::string(doc.select_node("//t").node().text().get()) == "Əsas icraçı: İqtisadiyyat");
  CHECK(sheet.find("dataValidation") != std::string::npos);
}

TEST_CASE("zip bundles round-trip with UTF-8 names") {
  std::vector<ZipEntry> in = {{"Rəqəmsal İnkişaf.xlsx", std::string(100000, 'x')}, {"b.txt", "ş"}};
  std::string bytes, error;
  REQUIRE(WriteZip(in, &bytes, &error));
  CHECK(bytes.size() < 5000);  // deflated
  ZipReader zip;
  REQUIRE(zip.Open(bytes));
  CHECK(zip.Names() == std::vector<std::string>{"Rəqəmsal İnkişaf.xlsx", "b.txt"});
  std::string got;
  REQUIRE(zip.Read("Rəqəmsal İnkişaf.xlsx", &got));
  CHECK(got == in[0].data);
}

TEST_CASE("hostile archives: not a zip, truncated, over the inflate limit") {
  ZipReader notZip;
  CHECK_FALSE(notZip.Open("{\"not\": \"xlsx\"}"));
  CHECK(notZip.error().find("zip") != std::string::npos);

  std::string bytes, error;
  REQUIRE(WriteZip({{"big.xml", std::string(3u << 20, ' ')}}, &bytes, &error));
  ZipReader truncated;
  std::string cut = bytes.substr(0, bytes.size() / 2);
  CHECK_FALSE(truncated.Open(cut));

  ZipLimits small;
  small.maxEntryBytes = 1u << 20;
  ZipReader bomb;
  REQUIRE(bomb.Open(bytes, small));
  std::string out;
  CHECK_FALSE(bomb.Read("big.xml", &out));
  CHECK(bomb.error().find("limit") != std::string::npos);
  CHECK(out.empty());
}
