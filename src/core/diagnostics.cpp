#include "core/diagnostics.h"

#include <cstdlib>

namespace azplan {

std::string Diagnostic::Format() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!path.empty()) out += path + ": ";
  if (severity == Severity::Warning) out += "warning: ";
  out += message;
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (d.severity == Severity::Error) return true;
  return false;
}

void LineColumnAt(std::string_view text, size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

namespace {

// A forgiving cursor over JSON text that can skip whole values without building them.
struct Scanner {
  std::string_view s;
  size_t i = 0;
  bool bad = false;

  void Ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool Eat(char c) {
    Ws();
    if (i < s.size() && s[i] == c) { ++i; return true; }
    return false;
  }
  // Reads a string's raw contents (escapes kept; keys in plans are plain ASCII).
  bool String(std::string_view& out) {
    Ws();
    if (i >= s.size() || s[i] != '"') return bad = true, false;
    size_t b = ++i;
    while (i < s.size() && s[i] != '"') i += (s[i] == '\\') ? 2 : 1;
    if (i >= s.size()) return bad = true, false;
    out = s.substr(b, i - b);
    ++i;
    return true;
  }
  // Skips one value iteratively, so deep nesting cannot exhaust the stack.
  void Skip() {
    Ws();
    int depth = 0;
    do {
      Ws();
      if (i >= s.size()) { bad = true; return; }
      char c = s[i];
      if (c == '"') { std::string_view tmp; String(tmp); }
      else if (c == '{' || c == '[') { ++depth; ++i; }
      else if (c == '}' || c == ']') { --depth; ++i; }
      else if (c == ',' || c == ':') { ++i; }
      else { while (i < s.size() && std::string_view(",]} \t\r\n").find(s[i]) == std::string_view::npos) ++i; }
      if (bad) return;
    } while (depth > 0);
  }
};

}  // namespace

size_t LocateJsonPath(std::string_view text, std::string_view path) {
  Scanner sc{text};
  size_t p = 0;
  while (p < path.size()) {
    if (path[p] == '.') ++p;
    if (path[p] == '[') {
      size_t close = path.find(']', p);
      if (close == std::string_view::npos) return std::string_view::npos;
      long index = std::strtol(std::string(path.substr(p + 1, close - p - 1)).c_str(), nullptr, 10);
      p = close + 1;
      if (!sc.Eat('[')) return std::string_view::npos;
      for (long k = 0; k < index; ++k) {
        sc.Skip();
        if (sc.bad || !sc.Eat(',')) return std::string_view::npos;
      }
    } else {
      size_t end = path.find_first_of(".[", p);
      if (end == std::string_view::npos) end = path.size();
      std::string_view key = path.substr(p, end - p);
      p = end;
      if (!sc.Eat('{')) return std::string_view::npos;
      for (;;) {
        std::string_view k;
        if (!sc.String(k) || !sc.Eat(':')) return std::string_view::npos;
        if (k == key) break;
        sc.Skip();
        if (sc.bad || !sc.Eat(',')) return std::string_view::npos;
      }
    }
  }
  sc.Ws();
  return sc.i;
}

void PlaceDiagnostics(std::string_view text, std::vector<Diagnostic>& diags) {
  for (auto& d : diags) {
    // An empty path is the root value itself ("missing formatVersion", "found an array").
    if (d.line > 0) continue;
    size_t at = LocateJsonPath(text, d.path);
    if (at != std::string_view::npos) LineColumnAt(text, at, d.line, d.column);
  }
}

}  // namespace azplan
