// The BPDS parser and the bundled presets (see bundled.hpp).
#include "core/data/bundled.hpp"

#include <algorithm>
#include <array>

#include "core/base/errors.hpp"
#include "core/base/json_fields.hpp"

namespace lab {
namespace {

const std::string tag = "[Bundled]";

std::vector<BundledPreset> make_presets() {
  auto preset = [](std::string name, std::string file, std::string dataset, std::string description, double test) {
    BundledPreset p;
    p.name = std::move(name);
    p.file = std::move(file);
    p.dataset = std::move(dataset);
    p.description = std::move(description);
    p.split.test = test;
    return p;
  };
  std::vector<BundledPreset> presets;
  presets.push_back(
      preset("iris", "iris.bpds.gz", "iris", "Fisher's iris: 150 flowers, 4 measurements (cm), 3 species", 0.2));
  BundledPreset binary =
      preset("iris_binary", "iris.bpds.gz", "iris",
             "Seed 001's task: the first 100 iris rows (setosa, versicolor), sepal length and width", 0.0);
  binary.rows = 100;
  binary.features = {0, 1};
  binary.classes = 2;
  presets.push_back(binary);
  presets.push_back(preset("digits", "digits.bpds.gz", "digits",
                           "8 × 8 handwritten digits, pixels 0..16; test 0.5 gives seed 001's 898 / 899 split", 0.5));
  presets.push_back(preset("mnist", "mnist.bpds.gz", "mnist", "10,000 MNIST digits, 28 × 28, pixels in [0, 1]", 0.2));
  presets.push_back(
      preset("mnist_1k", "mnist_1k.bpds.gz", "mnist_1k", "1,000 MNIST digits (100 per class) for quick runs", 0.2));
  presets.push_back(preset("fashion_mnist", "fashion_mnist.bpds.gz", "fashion_mnist",
                           "6,000 Fashion-MNIST clothes (600 per class: T-shirt/top, Trouser, …, Ankle boot), "
                           "28 × 28, pixels in [0, 1]",
                           0.2));
  return presets;
}

std::uint32_t read_u32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::vector<std::string> string_list(const JsonFields& fields, std::string_view key, std::size_t expected) {
  const Json& list = fields.get(key);
  if (!list.is_array() || list.size() != expected)
    fields.fail(key, "must be a list of " + std::to_string(expected) + " names");
  std::vector<std::string> names;
  for (const Json& name : list) {
    if (!name.is_string()) fields.fail(key, "must hold strings, got " + excerpt(name));
    names.push_back(name.get<std::string>());
  }
  return names;
}

// "pixel_r_c" for each pixel, row by row (sklearn's digits feature names).
std::vector<std::string> pixel_names(int width, int height) {
  std::vector<std::string> names;
  for (int r = 0; r < height; ++r)
    for (int c = 0; c < width; ++c) names.push_back("pixel_" + std::to_string(r) + "_" + std::to_string(c));
  return names;
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFU;
  for (std::size_t i = 0; i < size; ++i) crc = table[(crc ^ bytes[i]) & 0xFFU] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFU;
}

const std::vector<BundledPreset>& bundled_presets() {
  static const std::vector<BundledPreset> presets = make_presets();
  return presets;
}

const BundledPreset& bundled_preset(std::string_view name) {
  for (const BundledPreset& preset : bundled_presets())
    if (preset.name == name) return preset;
  std::string names;
  for (const BundledPreset& preset : bundled_presets()) names += (names.empty() ? "" : ", ") + preset.name;
  throw SpecError(tag + " \"" + std::string(name) + "\" is not a bundled dataset; choose one of: " + names);
}

std::string bundled_presets_json() {
  Json list = Json::array();
  for (const BundledPreset& p : bundled_presets())
    list.push_back({{"name", p.name},
                    {"file", p.file},
                    {"dataset", p.dataset},
                    {"description", p.description},
                    {"rows", p.rows},
                    {"features", p.features},
                    {"classes", p.classes},
                    {"split",
                     {{"validation", p.split.validation},
                      {"test", p.split.test},
                      {"stratify", p.split.stratify},
                      {"seed", p.split.seed}}}});
  return list.dump();
}

Dataset parse_bundled(const std::uint8_t* bytes, std::size_t size) {
  if (size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
    throw DataError(tag +
                    " the bytes are still gzip-compressed: decompress the .bpds.gz file first "
                    "(DecompressionStream(\"gzip\") on the page, zlib natively)");
  if (size < 8 || std::string_view(reinterpret_cast<const char*>(bytes), 4) != "BPDS")
    throw DataError(tag + " not a BPDS dataset file: it must start with \"BPDS\" (" + std::to_string(size) +
                    " bytes given)");
  const std::uint32_t header_length = read_u32(bytes + 4);
  if (header_length > size - 8 || header_length > (1U << 20))
    throw DataError(tag + " the header length " + std::to_string(header_length) + " does not fit in " +
                    std::to_string(size) + " bytes: the file is truncated or damaged");
  const Json header = parse_json_text(std::string_view(reinterpret_cast<const char*>(bytes + 8), header_length), tag);
  const JsonFields fields(header, tag, "header",
                          {"format", "version", "name", "description", "samples", "features", "classes", "class_names",
                           "feature_names", "image_width", "image_height", "divisor", "crc32", "source", "licence"});
  if (fields.text("format") != "bpds") fields.fail("format", "must be \"bpds\"");
  fields.integer("version", 1, 1);

  Dataset data;
  data.name = fields.text("name");
  data.description = fields.text("description");
  data.task = "classification";
  const Index n = static_cast<Index>(fields.integer("samples", 1, DataLimits::max_samples));
  const Index d = static_cast<Index>(fields.integer("features", 1, DataLimits::max_features));
  data.classes = static_cast<int>(fields.integer("classes", 2, std::min(DataLimits::max_classes, 256)));
  data.class_names = string_list(fields, "class_names", static_cast<std::size_t>(data.classes));
  data.image_width = static_cast<int>(fields.integer("image_width", 0, 1024, 0));
  data.image_height = static_cast<int>(fields.integer("image_height", 0, 1024, 0));
  if (fields.has("feature_names"))
    data.feature_names = string_list(fields, "feature_names", static_cast<std::size_t>(d));
  else if (data.image_width > 0 && static_cast<Index>(data.image_width) * data.image_height == d)
    data.feature_names = pixel_names(data.image_width, data.image_height);
  else
    fields.fail("feature_names", "is missing (only images may leave it out)");
  const double divisor = static_cast<double>(fields.integer("divisor", 1, 65535));

  const std::size_t payload = static_cast<std::size_t>(n) * static_cast<std::size_t>(d) + static_cast<std::size_t>(n);
  const std::uint8_t* body = bytes + 8 + header_length;
  if (size - 8 - header_length != payload)
    throw DataError(tag + " " + data.name + ": expected " + std::to_string(payload) +
                    " bytes of data after the header (" + std::to_string(n) + " samples × " + std::to_string(d) +
                    " features + labels), got " + std::to_string(size - 8 - header_length) +
                    ": the file is truncated or damaged");
  const std::int64_t expected_crc = fields.integer("crc32", 0, 0xFFFFFFFFLL);
  const std::uint32_t actual_crc = crc32(body, payload);
  if (actual_crc != static_cast<std::uint32_t>(expected_crc))
    throw DataError(tag + " " + data.name + ": the data's CRC-32 is " + std::to_string(actual_crc) +
                    " but the header says " + std::to_string(expected_crc) + ": the file is damaged; fetch it again");

  // value = byte / divisor (an exact IEEE division: the same double on every platform)
  data.X.resize(d, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < d; ++i) data.X(i, j) = static_cast<double>(body[j * d + i]) / divisor;
  const std::uint8_t* labels = body + n * d;
  data.labels.assign(labels, labels + n);
  validate_dataset(data, tag);
  return data;
}

Dataset load_bundled(std::string_view name, const std::uint8_t* bytes, std::size_t size) {
  const BundledPreset& preset = bundled_preset(name);
  Dataset data = parse_bundled(bytes, size);
  if (data.name != preset.dataset)
    throw DataError(tag + " " + preset.name + " needs the file " + preset.file + ", but these bytes hold \"" +
                    data.name + "\"");
  if (preset.rows > 0) {
    std::vector<int> first(static_cast<std::size_t>(std::min(preset.rows, data.samples())));
    for (std::size_t j = 0; j < first.size(); ++j) first[j] = static_cast<int>(j);
    data = subset(data, first);
  }
  if (!preset.features.empty()) data = select_features(data, preset.features);
  if (preset.classes > 0) {
    data.classes = preset.classes;
    data.class_names.resize(static_cast<std::size_t>(preset.classes));
  }
  data.name = preset.name;
  data.description = preset.description;
  validate_dataset(data, tag);
  return data;
}

}  // namespace lab
