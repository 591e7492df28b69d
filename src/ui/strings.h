// Every UI string in one table, Azerbaijani first with English beside it. Views
// call Tr("key"); docs/glossary.md explains the Azerbaijani planning terms.
#pragma once
#include <string>

namespace azplan::ui {

void SetLanguage(const std::string& lang);  // "az" (default) or "en"
const std::string& Language();
const char* Tr(const char* key);  // unknown keys come back as themselves (easy to spot)

}  // namespace azplan::ui
