// A minimal PNG encoder (zlib "stored" blocks, no compression library needed) for
// screenshots and chart pictures.
#pragma once
#include <string>
#include <vector>

namespace azplan {

// rgba: width*height*4 bytes, top row first.
std::string EncodePng(const unsigned char* rgba, int width, int height);

}  // namespace azplan
