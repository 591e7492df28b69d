// Every UI string in one table, Azerbaijani first with English beside it. Views
// call Tr("key"); docs/glossary.md explains the Azerbaijani planning terms.
#pragma once
#include <functional>
#include <string>

namespace azplan::ui {

void SetLanguage(const std::string& lang);  // "az" (default) or "en"
const std::string& Language();
const char* Tr(const char* key);  // unknown keys come back as themselves (easy to spot)
const char* TrIn(const char* key, const std::string& lang);  // in a given language
// Every entry (the language check's list of UI words in both languages).
void ForEachString(const std::function<void(const char* key, const char* az, const char* en)>& f);

}  // namespace azplan::ui
