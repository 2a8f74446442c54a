// The bundled real datasets (datasets/*.bpds.gz: iris, digits, mnist, mnist_1k, fashion_mnist) and the presets
// built from them (iris_binary is seed 001's task). The core never reads files: the caller
// decompresses the gzip file (zlib natively, DecompressionStream on the page) and hands over the
// bytes, which are parsed here.
//
// The BPDS v1 format (after gunzip), documented in datasets/README.md:
//   bytes 0..3      "BPDS"
//   bytes 4..7      L, the length of the header, uint32 little-endian
//   next L bytes    header, UTF-8 JSON: format, version, name, description, samples (n),
//                   features (d), classes (K), class_names, feature_names (optional for images),
//                   image_width, image_height, divisor, crc32, source, licence
//   next n·d bytes  features as uint8, sample after sample; value = byte / divisor
//   next n bytes    labels as uint8, 0..K−1
// crc32 is the CRC-32 (as zlib's crc32) of the n·d + n bytes after the header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/split.hpp"

namespace lab {

struct BundledPreset {
  std::string name;           // "iris_binary"
  std::string file;           // "iris.bpds.gz" in datasets/
  std::string dataset;        // the name in that file's header: "iris"
  std::string description;    // one line for the page
  Index rows = 0;             // keep only the first rows (0 = all)
  std::vector<int> features;  // keep only these features, in this order (empty = all)
  int classes = 0;            // the classes left after taking rows (0 = unchanged)
  SplitSettings split;        // the split the seeds used (test 0 = train on everything)
};

const std::vector<BundledPreset>& bundled_presets();
const BundledPreset& bundled_preset(std::string_view name);  // SpecError for an unknown name
std::string bundled_presets_json();

// Parses a whole BPDS file (decompressed). DataError says what is wrong with the bytes.
Dataset parse_bundled(const std::uint8_t* bytes, std::size_t size);
// The preset `name` from the bytes of its file (decompressed).
Dataset load_bundled(std::string_view name, const std::uint8_t* bytes, std::size_t size);

// CRC-32 (IEEE 802.3, reflected, as zlib's crc32 and Python's zlib.crc32).
std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size);

}  // namespace lab
