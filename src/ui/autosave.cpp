#include "ui/autosave.h"

#include "platform/platform.h"

namespace azplan::ui {

static const char* kKey = "azplan.autosave";
static const char* kAsideKey = "azplan.autosave.damaged";
static const char* kNewerKey = "azplan.autosave.newer";

AutosaveState ReadAutosave(AutosaveRecord& record) {
  return DecodeAutosave(platform::StorageGet(kKey), record);
}

bool WriteAutosave(const AutosaveRecord& record) { return platform::StorageSet(kKey, EncodeAutosave(record)); }

void SetAsideAutosave() {
  std::string v = platform::StorageGet(kKey);
  if (!v.empty()) platform::StorageSet(kAsideKey, v);
  platform::StorageRemove(kKey);
}

void SetAsideNewerAutosave() {
  std::string v = platform::StorageGet(kKey);
  if (!v.empty()) platform::StorageSet(kNewerKey, v);
  platform::StorageRemove(kKey);
}

void ClearAutosave() { platform::StorageRemove(kKey); }

}  // namespace azplan::ui
