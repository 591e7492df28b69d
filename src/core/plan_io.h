// Loading several plan files as one plan (the bundled plans are several files), and
// the bundled set itself.
#pragma once
#include <string>
#include <vector>

#include "core/editor.h"
#include "core/plan_json.h"

namespace azplan {

struct NamedText {
  std::string name;
  std::string text;
};
// One file, moved in: `{{name, text}}` would copy the text out of its initializer_list.
inline std::vector<NamedText> OneFile(std::string name, std::string text) {
  std::vector<NamedText> files(1);
  files[0].name = std::move(name);
  files[0].text = std::move(text);
  return files;
}

// Loads every file and merges them in order; the merged plan is validated again as a
// whole (references across files must resolve). Fails if any file fails.
LoadResult LoadPlans(const std::vector<NamedText>& files, const LoadLimits& limits = {});

// A failed open never loses the open plan: load into a separate LoadResult, then call
// this. On success the plan moves into the editor (history cleared) and it returns true;
// on failure the editor — plan, undo history, dirty flag — is left exactly as it was.
// The diagnostics stay in `result` either way, for showing.
bool TryReplacePlan(Editor& editor, LoadResult& result);

}  // namespace azplan
