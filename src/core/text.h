// UTF-8 and Azerbaijani text rules: case folding for search, alphabet order for
// sorting, and cutting strings without splitting a character.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace azplan {

// Decodes UTF-8; invalid bytes become U+FFFD so callers never loop forever.
std::u32string DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);
void AppendUtf8(std::string& out, char32_t c);
bool IsValidUtf8(std::string_view s);

// Azerbaijani case folding: I→ı, İ→i, Ə→ə, and the usual Latin pairs.
char32_t FoldCaseAz(char32_t c);
std::string FoldCaseAz(std::string_view s);
// Upper-casing for headings: i→İ, ı→I.
std::string UpperCaseAz(std::string_view s);

// True when `needle` occurs in `haystack` ignoring Azerbaijani case.
// `foldedNeedle` must already be folded (fold once, match many rows).
bool ContainsFolded(std::string_view haystack, std::string_view foldedNeedle);

// Sort key following the Azerbaijani alphabet
// (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z);
// digits and punctuation sort before letters, case only breaks ties.
std::u32string CollationKeyAz(std::string_view s);
int CompareAz(std::string_view a, std::string_view b);

// Compares outline codes numerically part by part: "5.1.9" < "5.1.10".
int CompareCodes(std::string_view a, std::string_view b);

// Longest prefix of at most `maxChars` characters, never splitting a code point;
// appends "…" when something was cut.
std::string EllipsizeChars(std::string_view s, size_t maxChars);
size_t CountChars(std::string_view s);
// Up to `maxLines` lines of at most `maxChars` characters, broken at spaces (a word longer
// than a line is cut on a character boundary); the last line ends in "…" when text is left.
std::vector<std::string> WrapChars(std::string_view s, size_t maxChars, size_t maxLines);

std::string Trim(std::string_view s);
// Only spaces, tabs and line breaks (or nothing): Trim(s).empty() without the copy.
bool IsBlank(std::string_view s);

// A number read aloud in Azerbaijani: the last word's harmony vowel (ı i u ü) and whether
// that word ends in a vowel, which pick suffixes: "2016-cı", "4-ü", "2-si".
struct NumberSoundAz {
  const char* vowel;
  bool endsInVowel;
};
NumberSoundAz SoundOfNumberAz(long long n);
// Collapses runs of white space into single spaces.
std::string CollapseSpaces(std::string_view s);

}  // namespace azplan
