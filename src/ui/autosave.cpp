#include "ui/autosave.h"

#include "platform/platform.h"

#include <utility>

namespace azplan::ui {

static const char* kKey = "azplan.autosave";
static const char* kAsideKey = "azplan.autosave.damaged";
static const char* kJournalKey = "azplan.autosave.journal";
static const char* kJournalAsideKey = "azplan.autosave.journal.damaged";
static const char* kNewerKey = "azplan.autosave.newer";
static const char* kJournalNewerKey = "azplan.autosave.journal.newer";

StoredAutosave ReadStoredAutosave() {
  StoredAutosave s;
  const std::string text = platform::StorageGet(kKey);
  s.journalText = platform::StorageGet(kJournalKey);
  // A copy kept only as the journal's base (the plan as opened or saved, no edits since) is
  // not restored, so its plan is not read: its fields and the journal tell.
  StoredAutosave peeked;
  if (PeekAutosave(text, peeked.record)) {
    peeked.base = AutosaveState::Valid;
    peeked.journal = DecodeJournal(s.journalText, peeked.record.checksum, peeked.records);
    if (!peeked.Unsaved() && peeked.journal != JournalState::Damaged) {
      peeked.journalText = std::move(s.journalText);
      return peeked;
    }
  }
  s.base = DecodeAutosave(text, s.record);
  if (s.base == AutosaveState::Valid) s.journal = DecodeJournal(s.journalText, s.record.checksum, s.records);
  return s;
}

static void SetAside(const char* key, const char* asideKey) {
  std::string v = platform::StorageGet(key);
  if (!v.empty()) platform::StorageSet(asideKey, v);
  platform::StorageRemove(key);
}

void SetAsideAutosave() {
  SetAside(kJournalKey, kJournalAsideKey);
  SetAside(kKey, kAsideKey);
}

void SetAsideNewerAutosave() {
  SetAside(kJournalKey, kJournalNewerKey);
  SetAside(kKey, kNewerKey);
}

void SetAsideJournal() { SetAside(kJournalKey, kJournalAsideKey); }

void AutosaveStore::Clear() {
  // The journal first: a journal without its base is never restored, a base without its
  // journal would be (without the journal's edits).
  platform::StorageRemove(kJournalKey);
  platform::StorageRemove(kKey);
  baseChecksum_.clear();
  journal_.clear();
  records_ = 0;
}

bool AutosaveStore::WriteWhole(AutosaveRecord&& record) {
  std::string checksum;
  // The base first: until the new journal replaces the old one, the old one names the
  // old base and is refused, and the new base holds all of its edits. When a write
  // fails, what storage held stays (an older but whole copy) and the next edit tries a
  // whole write again.
  baseChecksum_.clear();
  journal_.clear();
  records_ = 0;
  if (!platform::StorageSet(kKey, EncodeAutosave(std::move(record), &checksum))) return false;
  std::string journal = JournalHeader(checksum);
  if (!platform::StorageSet(kJournalKey, journal)) return false;
  baseChecksum_ = checksum;
  journal_ = std::move(journal);
  return true;
}

bool AutosaveStore::Append(const PlanIndex& index, const std::vector<std::string>& ids, bool dirty, int year,
                           bool& stored) {
  stored = true;
  if (!HasBase() || !AppendJournalRecord(journal_, index, ids, dirty, year)) return false;
  ++records_;
  stored = platform::StorageSet(kJournalKey, journal_);
  return true;
}

void AutosaveStore::Adopt(const std::string& baseChecksum, std::string journalText, size_t records) {
  baseChecksum_ = baseChecksum;
  records_ = records;
  if (!journalText.empty()) {
    journal_ = std::move(journalText);
    return;
  }
  journal_ = JournalHeader(baseChecksum);
  platform::StorageSet(kJournalKey, journal_);
}

}  // namespace azplan::ui
