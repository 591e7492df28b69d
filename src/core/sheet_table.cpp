#include "core/sheet_table.h"

#include <pugixml.hpp>

#include <cstdlib>
#include <cstring>

#include "core/zip_archive.h"

namespace azplan {

int ColumnFromRef(const char* ref) {
  int c = 0;
  bool any = false;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref) {
    c = c * 26 + (*ref - 'A' + 1);
    any = true;
    if (c > 16384) return -1;  // past XFD: not a real column
  }
  return any ? c - 1 : -1;
}

std::string ColumnName(int column) {
  std::string s;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

namespace {

// A part's text through pugixml, with its own limits.
bool ParsePart(ZipReader& zip, const std::string& name, pugi::xml_document* doc, std::string* raw,
               std::string* error) {
  if (!zip.Read(name, raw)) {
    *error = zip.error();
    return false;
  }
  pugi::xml_parse_result r = doc->load_buffer(raw->data(), raw->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    *error = "part " + name + " is not well-formed XML (" + r.description() + " at byte " +
             std::to_string(r.offset) + ")";
    return false;
  }
  return true;
}

// Element names may carry a namespace prefix ("x:row") in files some tools write.
const char* Local(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}
pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c : n.children())
    if (std::strcmp(Local(c), local) == 0) return c;
  return {};
}
const char* Attr(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_attribute a : n.attributes()) {
    const char* name = a.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a.value();
  }
  return "";
}

// All <t> text of a shared string or inline string, skipping phonetic runs (<rPh>).
void CollectText(const pugi::xml_node& n, std::string* out) {
  for (pugi::xml_node c : n.children()) {
    const char* l = Local(c);
    if (std::strcmp(l, "t") == 0) out->append(c.text().get());
    else if (std::strcmp(l, "r") == 0) CollectText(c, out);
  }
}

std::string ResolveTarget(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

bool ReadXlsxTable(const std::string& bytes, const SheetLimits& limits, SheetTable* out, std::string* error) {
  *out = {};
  ZipReader zip;
  ZipLimits zl;
  zl.maxEntryBytes = limits.maxPartBytes;
  zl.maxTotalBytes = limits.maxPartBytes * 3;
  if (!zip.Open(bytes, zl)) {
    *error = zip.error();
    return false;
  }
  if (!zip.Has("xl/workbook.xml")) {
    *error = "a zip archive but not an .xlsx workbook (no xl/workbook.xml)";
    return false;
  }
  pugi::xml_document wb, rels, shared, sheet;
  std::string raw;
  if (!ParsePart(zip, "xl/workbook.xml", &wb, &raw, error)) return false;
  if (!ParsePart(zip, "xl/_rels/workbook.xml.rels", &rels, &raw, error)) return false;

  // The first visible sheet is the form; hidden ones are named and skipped.
  std::string sheetPart, sheetName;
  pugi::xml_node sheets = Child(wb.document_element(), "sheets");
  for (pugi::xml_node s : sheets.children()) {
    if (std::strcmp(Local(s), "sheet") != 0) continue;
    std::string state = Attr(s, "state");
    std::string name = Attr(s, "name");
    if (state == "hidden" || state == "veryHidden") {
      out->warnings.push_back("sheet \"" + name + "\" is hidden and was not read");
      continue;
    }
    if (!sheetPart.empty()) {
      out->warnings.push_back("sheet \"" + name + "\" was not read: only the first sheet (\"" + sheetName +
                              "\") holds the return");
      continue;
    }
    std::string rid = Attr(s, "id");
    for (pugi::xml_node r : rels.document_element().children())
      if (rid == Attr(r, "Id")) sheetPart = ResolveTarget(Attr(r, "Target"));
    sheetName = name;
    if (sheetPart.empty()) {
      *error = "sheet \"" + name + "\" has no part in the workbook";
      return false;
    }
  }
  if (sheetPart.empty()) {
    *error = "the workbook has no visible sheet";
    return false;
  }
  out->sheet = sheetName;

  std::vector<std::string> strings;
  if (zip.Has("xl/sharedStrings.xml")) {
    if (!ParsePart(zip, "xl/sharedStrings.xml", &shared, &raw, error)) return false;
    for (pugi::xml_node si : shared.document_element().children()) {
      if (std::strcmp(Local(si), "si") != 0) continue;
      strings.emplace_back();
      CollectText(si, &strings.back());
    }
  }

  if (!zip.Read(sheetPart, &raw)) {
    *error = zip.error();
    return false;
  }
  // Count rows before building a tree: a sheet of a million rows is refused cheaply.
  long rows = 0;
  for (size_t at = raw.find("<row"); at != std::string::npos; at = raw.find("<row", at + 4))
    if (at + 4 < raw.size() && (raw[at + 4] == ' ' || raw[at + 4] == '>' || raw[at + 4] == '/')) ++rows;
  if (rows > limits.maxRows) {
    *error = "sheet \"" + sheetName + "\" has " + std::to_string(rows) + " rows, more than the " +
             std::to_string(limits.maxRows) + " a return can have";
    return false;
  }
  pugi::xml_parse_result pr = sheet.load_buffer(raw.data(), raw.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!pr) {
    *error = "sheet \"" + sheetName + "\" is not well-formed XML (" + pr.description() + ")";
    return false;
  }
  pugi::xml_node ws = sheet.document_element();
  pugi::xml_node data = Child(ws, "sheetData");
  int nextRow = 1;
  for (pugi::xml_node row : data.children()) {
    if (std::strcmp(Local(row), "row") != 0) continue;
    SheetRow sr;
    const char* rAttr = Attr(row, "r");
    sr.number = *rAttr ? std::atoi(rAttr) : nextRow;
    if (sr.number < nextRow || sr.number > 1048576) {
      *error = "sheet \"" + sheetName + "\": row numbers out of order near row " + std::to_string(nextRow);
      return false;
    }
    nextRow = sr.number + 1;
    int nextCol = 0;
    for (pugi::xml_node c : row.children()) {
      if (std::strcmp(Local(c), "c") != 0) continue;
      const char* ref = Attr(c, "r");
      int col = *ref ? ColumnFromRef(ref) : nextCol;
      if (col < 0 || col > 1000) continue;  // far-right cells are not the form's
      nextCol = col + 1;
      if (static_cast<int>(sr.cells.size()) <= col) sr.cells.resize(static_cast<size_t>(col) + 1);
      SheetCell& cell = sr.cells[static_cast<size_t>(col)];
      std::string type = Attr(c, "t");
      cell.formula = static_cast<bool>(Child(c, "f"));
      pugi::xml_node v = Child(c, "v");
      if (type == "s") {
        long k = std::atol(v.text().get());
        if (k >= 0 && static_cast<size_t>(k) < strings.size()) cell.text = strings[static_cast<size_t>(k)];
      } else if (type == "inlineStr") {
        CollectText(Child(c, "is"), &cell.text);
      } else {
        cell.text = v.text().get();
        cell.number = type.empty() || type == "n";
      }
    }
    out->rows.push_back(std::move(sr));
  }
  for (pugi::xml_node h : Child(ws, "hyperlinks").children())
    out->warnings.push_back(std::string("cell ") + Attr(h, "ref") +
                            " holds a hyperlink: its text was read, the link itself was not followed");
  return true;
}

bool ReadCsvTable(const std::string& text, char sep, const SheetLimits& limits, SheetTable* out, std::string* error) {
  *out = {};
  out->sheet = "CSV";
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  const size_t n = text.size();
  SheetRow row;
  row.number = 1;
  std::string field;
  bool quoted = false, wasQuoted = false;
  auto endField = [&] {
    SheetCell c;
    c.text = std::move(field);
    field.clear();
    row.cells.push_back(std::move(c));
    wasQuoted = false;
  };
  auto endRow = [&]() -> bool {
    endField();
    out->rows.push_back(std::move(row));
    row = {};
    row.number = static_cast<int>(out->rows.size()) + 1;
    if (static_cast<long>(out->rows.size()) > limits.maxRows) {
      *error = "the CSV file has more than " + std::to_string(limits.maxRows) + " rows";
      return false;
    }
    return true;
  };
  if (i >= n) return true;
  while (i < n) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') field += '"', i += 2;
        else quoted = false, ++i;
      } else {
        field += c, ++i;
      }
      continue;
    }
    if (c == '"' && field.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
      ++i;
    } else if (c == sep) {
      endField();
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (!endRow()) return false;
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    } else {
      field += c, ++i;
    }
  }
  if (quoted) {
    *error = "the CSV file ends inside a quoted field (row " + std::to_string(row.number) + ")";
    return false;
  }
  if (!field.empty() || !row.cells.empty() || wasQuoted) return endRow();
  return true;
}

}  // namespace azplan
