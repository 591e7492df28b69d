// Messages about a plan file: where (file, line, column, JSON path) and what.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace azplan {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0, column = 0;  // 1-based; 0 when unknown
  std::string path;          // e.g. documents[0].nodes[2].lead[0]
  std::string message;       // what was expected and what was found
  // "file:line:col: path: message" (warnings say "warning: " before the message)
  std::string Format() const;
};

bool HasErrors(const std::vector<Diagnostic>& diags);

// Line and column (in characters) of a byte offset.
void LineColumnAt(std::string_view text, size_t offset, int& line, int& column);

// Byte offset of the value at `path` in JSON `text`, or npos when it cannot be found
// (malformed text or a path that does not exist). Used to place semantic errors.
size_t LocateJsonPath(std::string_view text, std::string_view path);

// Fills line/column of every diagnostic that has no position yet; an empty path
// places it at the root value.
void PlaceDiagnostics(std::string_view text, std::vector<Diagnostic>& diags);

}  // namespace azplan
