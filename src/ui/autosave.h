// Autosave through platform storage: the working copy written whole (the base,
// core/autosave_format.h) and the journal of edits made since (core/autosave_journal.h).
// An edit appends a few hundred bytes to the journal in its own frame; the base is
// rewritten (compacted) only when the user is idle (App::Autosave decides when).
#pragma once
#include <string>
#include <vector>

#include "core/autosave_format.h"
#include "core/autosave_journal.h"

namespace azplan::ui {

// What storage holds, read once at start-up.
struct StoredAutosave {
  AutosaveState base = AutosaveState::None;
  AutosaveRecord record;  // when base is Valid; its plan only when it is to be restored (dirty)
  JournalState journal = JournalState::None;
  std::vector<JournalRecord> records;  // when journal is Valid
  std::string journalText;
  // Edits the user has not saved: the only copy that is restored. The journal's last
  // record says, when the journal extends this base; else the base itself.
  bool Unsaved() const {
    return journal == JournalState::Valid && !records.empty() ? records.back().dirty : record.dirty;
  }
};
StoredAutosave ReadStoredAutosave();
// Keeps damaged values (base and journal) under other keys for inspection.
void SetAsideAutosave();
// A journal that does not extend the stored base, kept aside the same way.
void SetAsideJournal();
// Keeps a newer azplan's values (base and journal), unchanged, for that version.
void SetAsideNewerAutosave();

// The stored copy this session writes: which base storage holds and the journal text
// appended to it.
class AutosaveStore {
 public:
  bool HasBase() const { return !baseChecksum_.empty(); }
  bool JournalEmpty() const { return records_ == 0; }
  // Storage holds nothing of the open plan.
  void Clear();
  // Writes the whole plan as the base and empties the journal. False when storage refused.
  bool WriteWhole(AutosaveRecord&& record);  // the record's plan text is used up
  // Appends the nodes' current fields to the journal. Returns false without writing when
  // there is no base or the nodes cannot be journaled (the caller writes the whole plan);
  // `stored` is false when storage refused the write.
  bool Append(const PlanIndex& index, const std::vector<std::string>& ids, bool dirty, int year, bool& stored);
  // After a restore: storage's base and journal are the open plan.
  void Adopt(const std::string& baseChecksum, std::string journalText, size_t records);

 private:
  std::string baseChecksum_, journal_;
  size_t records_ = 0;
};

}  // namespace azplan::ui
