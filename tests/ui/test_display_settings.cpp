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
