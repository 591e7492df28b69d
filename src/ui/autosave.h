// Autosave through platform storage; the record format lives in core/autosave_format.h.
#pragma once
#include "core/autosave_format.h"

namespace azplan::ui {

AutosaveState ReadAutosave(AutosaveRecord& record);
bool WriteAutosave(const AutosaveRecord& record);
void SetAsideAutosave();  // keeps a damaged value under another key for inspection
void SetAsideNewerAutosave();  // keeps a newer version's value, unchanged, for that version
void ClearAutosave();

}  // namespace azplan::ui
