// Reads a bundled datasets/*.bpds.gz file and gunzips it with zlib, as the page does with
// DecompressionStream, so that the core's load_bundled() gets the same bytes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <zlib.h>

namespace bench {

inline std::vector<std::uint8_t> gunzip_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("cannot open " + path);
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint8_t> buffer(1 << 16);
  int got = 0;
  while ((got = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0)
    bytes.insert(bytes.end(), buffer.begin(), buffer.begin() + got);
  gzclose(file);
  if (got < 0) throw std::runtime_error("cannot decompress " + path);
  return bytes;
}

}  // namespace bench
