#include "core/text.h"

#include <algorithm>

namespace azplan {

static size_t DecodeOne(std::string_view s, size_t i, char32_t& out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) { out = b0; return 1; }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    int c1 = cont(1);
    if (c1 >= 0) { out = ((b0 & 0x1F) << 6) | c1; return 2; }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      char32_t c = ((b0 & 0x0F) << 12) | (c1 << 6) | c2;
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) { out = c; return 3; }
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      char32_t c = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (c >= 0x10000 && c <= 0x10FFFF) { out = c; return 4; }
    }
  }
  out = 0xFFFD;
  return 1;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeOne(s, i, c);
    out.push_back(c);
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    size_t n = DecodeOne(s, i, c);
    if (c == 0xFFFD && !(n == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) return false;
    i += n;
  }
  return true;
}

char32_t FoldCaseAz(char32_t c) {
  if (c == U'I') return U'ı';
  if (c == U'İ') return U'i';
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c == 0x018F) return 0x0259;  // Ə → ə
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
      c != 0x17F) {
    // Latin Extended-A pairs upper/lower as even/odd, except 0x139–0x148 and 0x179–0x17E,
    // where the upper-case letter sits on the odd code point.
    bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (oddUpper ? (c & 1) : !(c & 1)) return c + 1;
    return c;
  }
  if (c >= 0x410 && c <= 0x42F) return c + 32;  // Cyrillic, for names quoted in Russian
  return c;
}

static char32_t UpperAz(char32_t c) {
  if (c == U'i') return U'İ';
  if (c == U'ı') return U'I';
  if (c >= U'a' && c <= U'z') return c - 32;
  if (c == 0x0259) return 0x018F;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c >= 0x100 && c <= 0x17F && FoldCaseAz(c - 1) == c) return c - 1;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  return c;
}

std::string FoldCaseAz(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(out, FoldCaseAz(c));
  return out;
}

std::string UpperCaseAz(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(out, UpperAz(c));
  return out;
}

bool ContainsFolded(std::string_view haystack, std::string_view foldedNeedle) {
  if (foldedNeedle.empty()) return true;
  std::string folded = FoldCaseAz(haystack);
  return folded.find(foldedNeedle) != std::string::npos;
}

// Rank of each letter of the Azerbaijani alphabet (folded), 1-based; 0 = not a letter.
static int LetterRank(char32_t c) {
  static const char32_t kAlphabet[] = U"abcçdeəfgğhxıijkqlmnoöprsştuüvyz";
  for (int i = 0; kAlphabet[i]; ++i)
    if (kAlphabet[i] == c) return i + 1;
  return 0;
}

std::u32string CollationKeyAz(std::string_view s) {
  // Primary weights first (letters by alphabet rank, others by code point below
  // letters), then a 0 separator, then case bits as the tie-break.
  std::u32string primary, tertiary;
  for (char32_t c : DecodeUtf8(s)) {
    char32_t f = FoldCaseAz(c);
    int rank = LetterRank(f);
    if (rank) {
      primary.push_back(0x110000 + rank);
    } else if (f >= 0x80 && f != 0xFFFD) {
      primary.push_back(0x110000 + 64 + f);  // other letters after the alphabet
    } else {
      primary.push_back(f + 1);
    }
    tertiary.push_back(f == c ? 1 : 2);
  }
  primary.push_back(0);
  primary += tertiary;
  return primary;
}

int CompareAz(std::string_view a, std::string_view b) {
  auto ka = CollationKeyAz(a), kb = CollationKeyAz(b);
  return ka < kb ? -1 : (kb < ka ? 1 : 0);
}

int CompareCodes(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      size_t i2 = i, j2 = j;
      while (i2 < a.size() && a[i2] == '0') ++i2;
      while (j2 < b.size() && b[j2] == '0') ++j2;
      size_t ie = i2, je = j2;
      while (ie < a.size() && a[ie] >= '0' && a[ie] <= '9') ++ie;
      while (je < b.size() && b[je] >= '0' && b[je] <= '9') ++je;
      if (ie - i2 != je - j2) return ie - i2 < je - j2 ? -1 : 1;
      int c = a.substr(i2, ie - i2).compare(b.substr(j2, je - j2));
      if (c) return c < 0 ? -1 : 1;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      ++i;
      ++j;
    }
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string EllipsizeChars(std::string_view s, size_t maxChars) {
  if (CountChars(s) <= maxChars) return std::string(s);
  if (maxChars == 0) return std::string();
  size_t keep = maxChars - 1, n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == keep) break;
      ++n;
    }
  }
  std::string out(s.substr(0, i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

NumberSoundAz SoundOfNumberAz(long long n) {
  static const NumberSoundAz kUnits[] = {{"ı", false}, {"i", false}, {"i", true},  {"ü", false}, {"ü", false},
                                         {"i", false}, {"ı", true},  {"i", true},  {"i", false}, {"u", false}};
  static const NumberSoundAz kTens[] = {{"ı", false}, {"u", false}, {"i", true},  {"u", false}, {"ı", false},
                                        {"i", true},  {"ı", false}, {"i", false}, {"i", false}, {"ı", false}};
  if (n < 0) n = -n;
  if (n == 0) return kUnits[0];
  if (n % 10) return kUnits[n % 10];
  if (n % 100) return kTens[(n / 10) % 10];
  if (n % 1000) return {"ü", false};      // yüz
  if (n % 1000000) return {"i", false};   // min
  return {"u", false};                    // milyon
}

std::vector<std::string> WrapChars(std::string_view s, size_t maxChars, size_t maxLines) {
  std::vector<std::string> lines;
  if (maxChars == 0 || maxLines == 0) return lines;
  std::string rest = CollapseSpaces(s);
  while (!rest.empty()) {
    if (lines.size() + 1 == maxLines || CountChars(rest) <= maxChars) {
      lines.push_back(EllipsizeChars(rest, maxChars));
      break;
    }
    // The byte offset just past maxChars characters, then back to the last space.
    size_t end = 0, n = 0;
    while (end < rest.size() && n < maxChars) {
      ++end;
      while (end < rest.size() && (static_cast<unsigned char>(rest[end]) & 0xC0) == 0x80) ++end;
      ++n;
    }
    size_t cut = rest[end] == ' ' ? end : rest.rfind(' ', end);
    if (cut == std::string::npos || cut == 0) cut = end;  // one long word: cut on a character
    lines.push_back(Trim(rest.substr(0, cut)));
    rest = Trim(rest.substr(cut));
  }
  return lines;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace azplan
