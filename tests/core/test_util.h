// Helpers shared by the core tests: read fixture files, load plans that must be valid.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/plan_json.h"

namespace azplan::test {

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Fixture(const std::string& name) { return ReadText(std::string(AZPLAN_FIXTURES) + "/" + name); }

inline Plan MustLoad(const std::string& text, const std::string& name = "test.json") {
  LoadResult r = LoadPlan(text, name);
  std::string all;
  for (const auto& d : r.diagnostics) all += d.Format() + "\n";
  REQUIRE_MESSAGE(r.Ok(), all);
  return std::move(*r.plan);
}

}  // namespace azplan::test
