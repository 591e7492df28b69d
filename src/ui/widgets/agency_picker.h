// Editing a list of agency ids: each shown by name with a remove button, and a combo
// with a search box (Azerbaijani case folding) to add one.
#pragma once
#include <string>
#include <vector>

#include "core/plan.h"

namespace azplan::ui {

// Returns true when `ids` changed this frame. `query` is the search box's text, kept by
// the caller (ViewState) between frames.
bool AgencyListEditor(const char* label, const Plan& plan, std::vector<std::string>& ids, std::string& query);

}  // namespace azplan::ui
