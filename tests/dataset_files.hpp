// Test-side loading of the bundled files: read datasets/<file>, gunzip it with zlib and hand the
// bytes to the core, as the page does with fetch + DecompressionStream. The core itself never
// reads files or links zlib.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <zlib.h>

#include "core/backprop.hpp"

namespace lab::test {

inline std::string dataset_path(const std::string& file) { return std::string(BACKPROP_DATASETS) + "/" + file; }

// The file's bytes as stored (compressed).
inline std::vector<std::uint8_t> read_file_bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("missing dataset file " + path);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The decompressed bytes of a .gz file.
inline std::vector<std::uint8_t> gunzip_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("cannot open " + path);
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) bytes.insert(bytes.end(), buffer, buffer + got);
  gzclose(file);
  if (got < 0) throw std::runtime_error("cannot decompress " + path);
  return bytes;
}

// A bundled preset loaded the way the page will: its file, gunzipped, parsed by the core.
// The decompressed bytes of each file are read once per test run.
inline Dataset load_preset(const std::string& name) {
  static std::vector<std::pair<std::string, std::vector<std::uint8_t>>> cache;
  const std::string& file = bundled_preset(name).file;
  for (const auto& [cached_file, bytes] : cache)
    if (cached_file == file) return load_bundled(name, bytes.data(), bytes.size());
  cache.emplace_back(file, gunzip_file(dataset_path(file)));
  return load_bundled(name, cache.back().second.data(), cache.back().second.size());
}

}  // namespace lab::test
