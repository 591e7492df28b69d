#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/text.h"

using namespace azplan;

TEST_CASE("Azərbaycan hərfləri: I ilə ı, İ ilə i qatlanır") {
  CHECK(FoldCaseAz("İKT") == "ikt");
  CHECK(FoldCaseAz("IŞIQ") == "ışıq");
  CHECK(FoldCaseAz("ƏMLAK ÖZƏL ÇÖL ĞƏ ÜZ") == "əmlak özəl çöl ğə üz");
  CHECK(ContainsFolded("İqtisadiyyat Nazirliyi", FoldCaseAz("iqtisadiyyat")));
  CHECK(ContainsFolded("İKT infrastrukturu", FoldCaseAz("ikt")));
  // Dotless I is a different letter: "IKT" must not match "İKT".
  CHECK_FALSE(ContainsFolded("İKT infrastrukturu", FoldCaseAz("IKT")));
  CHECK(UpperCaseAz("informasiya ışığı") == "İNFORMASİYA IŞIĞI");
}

TEST_CASE("sorting follows the Azerbaijani alphabet") {
  std::vector<std::string> words = {"xəritə", "həyat", "ıldırım", "iş", "qanun", "kənd", "ölkə", "ordu",
                                    "şəhər", "səhiyyə", "çay", "cavab", "ədliyyə", "elm", "ğ", "g"};
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) { return CompareAz(a, b) < 0; });
  std::vector<std::string> expected = {"cavab", "çay", "elm", "ədliyyə", "g", "ğ", "həyat", "xəritə", "ıldırım",
                                       "iş", "kənd", "qanun", "ordu", "ölkə", "səhiyyə", "şəhər"};
  CHECK(words == expected);
  CHECK(CompareAz("Ədliyyə", "ədliyyə") != 0);  // case breaks ties only
  CHECK(CompareAz("Ədliyyə", "elm") > 0);
}

TEST_CASE("outline codes compare number by number") {
  CHECK(CompareCodes("5.1.9", "5.1.10") < 0);
  CHECK(CompareCodes("6.1.3.2.5", "6.1.3.2.5") == 0);
  CHECK(CompareCodes("1.2", "1.2.1") < 0);
  CHECK(CompareCodes("10", "9") > 0);
}

TEST_CASE("cutting text never splits a letter") {
  std::string s = "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi";
  std::string cut = EllipsizeChars(s, 9);
  CHECK(cut == "Rəqəmsal…");
  CHECK(IsValidUtf8(cut));
  for (size_t n = 0; n < 45; ++n) CHECK(IsValidUtf8(EllipsizeChars(s, n)));
  CHECK(CountChars("əşğ") == 3);
  CHECK_FALSE(IsValidUtf8("\xC3\x28"));
  CHECK(DecodeUtf8("\xFF" "a") == std::u32string(U"\uFFFDa"));
}

TEST_CASE("text: blank is only spaces, tabs and line breaks") {
  CHECK(IsBlank(""));
  CHECK(IsBlank(" \t\r\n "));
  CHECK_FALSE(IsBlank("  ə "));
  CHECK_FALSE(IsBlank("\xC2\xA0"));  // a no-break space is text, as Trim keeps it
  CHECK(IsBlank(" \t") == Trim(" \t").empty());
  CHECK(IsBlank("İ") == Trim("İ").empty());
}
