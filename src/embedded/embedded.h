// Files compiled into the binary at build time (cmake/embed_files.cmake): the bundled
// plans, and the UI font for the app. Each table ends with a null entry.
#pragma once
#include <cstddef>

namespace azplan {

struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  size_t size;
};

const EmbeddedFile* BundledPlanFiles();  // data/plans/*.json, sorted by name
const EmbeddedFile* UiFontFiles();       // the subset TTF (app only)

}  // namespace azplan
