#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/flat_hash.h"

using namespace azplan;

TEST_CASE("FlatMap: the first value of a key stays, the second insert says it was there") {
  FlatMap<std::string_view, int> m;
  CHECK(m.Find("Rəqəmsal İnkişaf") == nullptr);
  auto [v, added] = m.Emplace("Rəqəmsal İnkişaf", 1);
  CHECK(added);
  CHECK(*v == 1);
  auto [again, addedAgain] = m.Emplace("Rəqəmsal İnkişaf", 2);
  CHECK_FALSE(addedAgain);
  CHECK(*again == 1);
  REQUIRE(m.Find("Rəqəmsal İnkişaf") != nullptr);
  CHECK(*m.Find("Rəqəmsal İnkişaf") == 1);
  // Other byte sequences for the "same-looking" text are other keys (no folding here).
  CHECK(m.Find("RƏQƏMSAL İNKİŞAF") == nullptr);
  CHECK(m.Find("Rəqəmsal Inkişaf") == nullptr);
  CHECK(m.Find("") == nullptr);
  CHECK(m.Size() == 1);
}

TEST_CASE("FlatMap agrees with std::unordered_map over many keys, through every growth") {
  // Keys of every length around the 8-byte steps of the hash, shared prefixes, and the
  // empty key; no Reserve, so the table grows many times.
  auto schwas = [](int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s += "ə";
    return s;
  };
  std::vector<std::string> keys;
  for (int i = 0; i < 20000; ++i) keys.push_back("ag-" + std::to_string(i % 7000) + schwas(i % 17));
  keys.push_back("");
  FlatMap<std::string_view, int> flat;
  std::unordered_map<std::string_view, int> ref;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto [v, added] = flat.Emplace(keys[i], static_cast<int>(i));
    auto [it, refAdded] = ref.emplace(keys[i], static_cast<int>(i));
    CHECK(added == refAdded);
    CHECK(*v == it->second);
  }
  CHECK(flat.Size() == ref.size());
  for (const auto& [k, v] : ref) {
    const int* f = flat.Find(k);
    REQUIRE(f != nullptr);
    CHECK(*f == v);
  }
  CHECK(flat.Find("ag-7000") == nullptr);
  CHECK(flat.Find("ag-1ə") != nullptr);
  CHECK(flat.Find("ag-1əə") == nullptr);  // "ag-1" + 1 ə exists (i = 1), + 2 does not
}

TEST_CASE("FlatSet, cleared and reused") {
  FlatSet<std::string_view> s;
  s.Reserve(3);
  CHECK(s.Insert("ag-01"));
  CHECK_FALSE(s.Insert("ag-01"));
  CHECK(s.Contains("ag-01"));
  CHECK_FALSE(s.Contains("ag-02"));
  FlatMap<std::string_view, int> m;
  m.Emplace("a", 1);
  m.Clear();
  CHECK(m.Find("a") == nullptr);
  CHECK(m.Emplace("a", 2).second);
  CHECK(*m.Find("a") == 2);
}
