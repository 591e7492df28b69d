#include <doctest/doctest.h>

#include "ui/display_settings.h"

using namespace azplan::ui;

TEST_CASE("display settings survive a round trip") {
  DisplaySettings s;
  s.theme = "contrast";
  s.textScale = 1.5f;
  s.language = "en";
  s.leftPanel = 180;
  s.rightPanel = 320;
  s.rightCollapsed = true;
  s.panelsChosen = true;
  CHECK(DecodeDisplaySettings(EncodeDisplaySettings(s)) == s);
}

TEST_CASE("damaged or hostile display settings fall back to defaults, sizes clamped") {
  CHECK(DecodeDisplaySettings("") == DisplaySettings{});
  CHECK(DecodeDisplaySettings("{not json") == DisplaySettings{});
  CHECK(DecodeDisplaySettings("[1,2]") == DisplaySettings{});
  DisplaySettings s = DecodeDisplaySettings(R"({"theme":"neon","textScale":9,"language":"fr","leftPanel":-5,"leftCollapsed":"yes"})");
  CHECK(s.theme == "light");
  CHECK(s.textScale == 2.0f);
  CHECK(s.language.empty());
  CHECK(s.leftPanel == 0);
  CHECK_FALSE(s.leftCollapsed);
}

TEST_CASE("the tables' column layouts are remembered, and only those") {
  const std::string imgui =
      "[Window][##main]\nPos=0,0\nSize=1400,860\n\n"
      "[Table][0x1A2B3C4D,7]\nRefScale=15\nColumn 0  Width=120 Sort=0v\nColumn 1  Width=300\n\n"
      "[Docking][Data]\n\n"
      "[Table][0x00000042,3]\nColumn 0  Weight=1.0000\n";
  const std::string tables = TableColumnLayouts(imgui);
  CHECK(tables ==
        "[Table][0x1A2B3C4D,7]\nRefScale=15\nColumn 0  Width=120 Sort=0v\nColumn 1  Width=300\n\n"
        "[Table][0x00000042,3]\nColumn 0  Weight=1.0000\n");
  CHECK(TableColumnLayouts("[Window][x]\nPos=1,1\n").empty());

  DisplaySettings s;
  s.tableColumns = tables;
  DisplaySettings back = DecodeDisplaySettings(EncodeDisplaySettings(s));
  CHECK(back == s);
  CHECK(back != DisplaySettings{});
  // A window section smuggled into the stored text is dropped on reading.
  back = DecodeDisplaySettings(R"({"tableColumns":"[Window][##main]\nPos=500,500\n[Table][0x1,1]\nColumn 0  Width=50\n"})");
  CHECK(back.tableColumns == "[Table][0x1,1]\nColumn 0  Width=50\n");
  CHECK(DecodeDisplaySettings(R"({"tableColumns":42})").tableColumns.empty());
}
