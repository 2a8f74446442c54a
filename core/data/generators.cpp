// The generator registry: each generator's metadata, defaults and ranges, JSON requests checked
// with JsonFields, and dispatch to the generator functions (generators_classification.cpp,
// generators_regression.cpp).
#include "core/data/generators.hpp"

#include <algorithm>
#include <functional>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"
#include "core/data/data_schema.hpp"

namespace lab {
namespace {

using GeneratorFunction = std::function<Dataset(const GeneratorRequest&)>;

struct Entry {
  GeneratorInfo info;
  GeneratorFunction make;
};

// The 2-D generators share their settings; `seed_samples` is the size the seeds used.
GeneratorInfo planar(std::string name, std::string description, Index seed_samples, Index page_samples, double noise) {
  GeneratorInfo info;
  info.name = std::move(name);
  info.task = "classification";
  info.description = std::move(description);
  info.noise_meaning = "σ of Gaussian jitter added to each coordinate";
  info.settings = {"samples", "noise", "seed"};
  info.default_samples = seed_samples;
  info.page_samples = page_samples;
  info.max_samples = DataLimits::max_samples;
  info.default_noise = noise;
  info.max_noise = 10.0;
  return info;
}

GeneratorInfo curve(std::string name, std::string description, Index features) {
  GeneratorInfo info = planar(std::move(name), std::move(description), 200, 200, 0.1);
  info.task = "regression";
  info.noise_meaning = "σ of Gaussian noise added to the target";
  info.dimensions = {static_cast<int>(features), static_cast<int>(features), static_cast<int>(features)};
  return info;
}

std::vector<Entry> make_registry() {
  std::vector<Entry> entries;
  auto fixed_classes = [](GeneratorInfo info, int k) {
    info.classes = {k, k, k};
    info.dimensions = {2, 2, 2};
    return info;
  };

  entries.push_back(
      {fixed_classes(planar("circles", "Two rings: outer (radius 1) and inner (radius 0.5), like seed 002's circles500",
                            500, 500, 0.1),
                     2),
       generators::circles});
  entries.push_back({fixed_classes(planar("xor", "XOR of the signs: one class where x·y > 0, the other where x·y < 0",
                                          400, 400, 0.05),
                                   2),
                     generators::xor_quadrants});

  GeneratorInfo blobs =
      planar("blobs", "Gaussian blobs: K centres in [−10, 10)^d, like seed 002's blobs400 (3 features)", 400, 400, 1.0);
  blobs.noise_meaning = "σ of each blob";
  blobs.settings = {"samples", "noise", "seed", "classes", "dimensions"};
  blobs.classes = {2, 2, 10};
  blobs.dimensions = {3, 1, 100};
  entries.push_back({blobs, generators::blobs});

  entries.push_back(
      {fixed_classes(planar("moons", "Two interleaving half circles (sklearn's make_moons)", 500, 500, 0.1), 2),
       generators::moons});

  GeneratorInfo spiral =
      planar("spiral", "K spiral arms winding 4 radians, as in CS231n's softmax example", 300, 300, 0.03);
  spiral.settings = {"samples", "noise", "seed", "classes"};
  spiral.classes = {3, 2, 10};
  spiral.dimensions = {2, 2, 2};
  entries.push_back({spiral, generators::spiral});

  entries.push_back(
      {fixed_classes(planar("peaks",
                            "5 bands of the peaks(x, y) surface on [−3, 3)², a stand-in for seed 000's PeaksData",
                            31250, 2000, 0.0),
                     5),
       generators::peaks});
  entries.push_back(
      {fixed_classes(planar("swiss_roll", "Two interleaved Swiss rolls, a stand-in for seed 000's SwissRollData", 25000,
                            2000, 0.05),
                     2),
       generators::swiss_roll});

  GeneratorInfo gmm =
      planar("gmm", "K classes, each a mixture of Gaussians in d dimensions, a stand-in for seed 000's GMMData", 31250,
             2000, 0.2);
  gmm.noise_meaning = "σ of each Gaussian component";
  gmm.settings = {"samples", "noise", "seed", "classes", "dimensions", "components"};
  gmm.classes = {5, 2, 20};
  gmm.dimensions = {5, 1, 100};
  gmm.components = {4, 1, 10};
  entries.push_back({gmm, generators::gmm});

  entries.push_back({curve("sine", "y = sin x + noise, x in [−π, π)", 1), generators::sine});
  entries.push_back({curve("polynomial", "y = x³ − x + noise, x in [−1.5, 1.5)", 1), generators::polynomial});
  entries.push_back({curve("plane", "y = 2 x1 − 3 x2 + 1 + noise, (x1, x2) in [−1, 1)²", 2), generators::plane});

  GeneratorInfo three = curve("three_points", "Seed 004 section A: the points (1, 3), (2, 4), (3, 5)", 1);
  three.settings = {};
  three.default_samples = three.page_samples = three.min_samples = three.max_samples = 3;
  three.default_noise = three.max_noise = 0.0;
  three.noise_meaning = "none: the points are fixed";
  entries.push_back({three, generators::three_points});

  GeneratorInfo squares =
      curve("least_squares",
            "Seed 000 §1.2: y = X·x + noise with singular values exp(0.3·N(0,1)), and the exact ridge optimum", 200);
  squares.settings = {"samples", "dimensions", "noise", "lambda", "seed"};
  squares.default_samples = squares.page_samples = 100;
  squares.max_samples = 20000;
  squares.default_noise = 0.05;
  squares.dimensions = {200, 1, 500};
  squares.default_lambda = 0.001;
  entries.push_back({squares, generators::least_squares});
  return entries;
}

const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = make_registry();
  return entries;
}

const Entry& entry(std::string_view name) {
  for (const Entry& e : registry())
    if (e.info.name == name) return e;
  std::string names;
  for (const Entry& e : registry()) names += (names.empty() ? "" : ", ") + e.info.name;
  throw SpecError("[Generator] name \"" + std::string(name) + "\" is not a generator; choose one of: " + names);
}

bool uses(const GeneratorInfo& info, std::string_view setting) {
  for (const std::string& s : info.settings)
    if (s == setting) return true;
  return false;
}

std::string settings_text(const GeneratorInfo& info) {
  std::string text;
  for (const std::string& s : info.settings) text += (text.empty() ? "" : ", ") + s;
  return text.empty() ? std::string("(none: it takes only a name)") : text;
}

void check_range(const GeneratorInfo& info, const char* key, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi))
    throw SpecError("[Generator] " + info.name + ": " + key + " must be in " + format_number(lo) + ".." +
                    format_number(hi) + ", got " + format_number(value));
}

}  // namespace

const std::vector<GeneratorInfo>& generator_infos() {
  static const std::vector<GeneratorInfo> infos = [] {
    std::vector<GeneratorInfo> list;
    for (const Entry& e : registry()) list.push_back(e.info);
    return list;
  }();
  return infos;
}

const GeneratorInfo& generator_info(std::string_view name) { return entry(name).info; }

std::string generators_json() {
  Json list = Json::array();
  for (const GeneratorInfo& info : generator_infos()) {
    Json item = {{"name", info.name},
                 {"task", info.task},
                 {"description", info.description},
                 {"noise_meaning", info.noise_meaning},
                 {"settings", info.settings},
                 {"default_samples", info.default_samples},
                 {"page_samples", info.page_samples},
                 {"min_samples", info.min_samples},
                 {"max_samples", info.max_samples},
                 {"default_noise", info.default_noise},
                 {"max_noise", info.max_noise},
                 {"classes", {{"default", info.classes.fallback}, {"min", info.classes.lo}, {"max", info.classes.hi}}},
                 {"dimensions",
                  {{"default", info.dimensions.fallback}, {"min", info.dimensions.lo}, {"max", info.dimensions.hi}}}};
    if (uses(info, "components"))
      item["components"] = {{"default", info.components.fallback},
                            {"min", info.components.lo},
                            {"max", info.components.hi}};
    if (uses(info, "lambda")) item["default_lambda"] = info.default_lambda;
    list.push_back(item);
  }
  return list.dump();
}

GeneratorRequest default_request(std::string_view name, bool for_page) {
  const GeneratorInfo& info = entry(name).info;
  GeneratorRequest request;
  request.name = info.name;
  request.samples = for_page ? info.page_samples : info.default_samples;
  request.noise = info.default_noise;
  request.seed = 0;
  request.classes = info.classes.fallback;
  request.dimensions = info.dimensions.fallback;
  request.components = info.components.fallback;
  request.lambda = info.default_lambda;
  return request;
}

GeneratorRequest parse_generator_request(std::string_view json_text, bool for_page) {
  const Json json = parse_json_text(json_text, "[Generator]");
  if (!json.is_object() || !json.contains("name") || !json["name"].is_string())
    throw SpecError(
        "[Generator] a request is a JSON object with a \"name\", e.g. "
        "{\"name\":\"spiral\",\"samples\":300,\"noise\":0.1,\"seed\":1,\"classes\":3}");
  const GeneratorInfo& info = entry(json["name"].get<std::string>()).info;
  for (const auto& item : json.items())
    if (item.key() != "name" && !uses(info, item.key()))
      throw SpecError("[Generator] " + item.key() + " is not a setting of " + info.name +
                      "; its settings: " + settings_text(info));
  const JsonFields fields(json, "[Generator]", "",
                          {"name", "samples", "noise", "seed", "classes", "dimensions", "components", "lambda"});
  GeneratorRequest request = default_request(info.name, for_page);
  const Index min_samples = std::max<Index>(info.min_samples, info.classes.lo);
  request.samples = static_cast<Index>(fields.integer("samples", min_samples, info.max_samples, request.samples));
  request.noise = fields.number("noise", 0.0, info.max_noise, request.noise);
  request.seed = static_cast<std::uint64_t>(fields.integer(data_schema::generator_seed));
  request.classes = static_cast<int>(fields.integer("classes", info.classes.lo, info.classes.hi, request.classes));
  request.dimensions =
      static_cast<int>(fields.integer("dimensions", info.dimensions.lo, info.dimensions.hi, request.dimensions));
  request.components =
      static_cast<int>(fields.integer("components", info.components.lo, info.components.hi, request.components));
  request.lambda =
      fields.number("lambda", data_schema::generator_lambda.lo, data_schema::generator_lambda.hi, request.lambda);
  validate_generator_request(request);
  return request;
}

void validate_generator_request(const GeneratorRequest& r) {
  const GeneratorInfo& info = entry(r.name).info;
  check_range(info, "samples", static_cast<double>(r.samples),
              static_cast<double>(std::max<Index>(info.min_samples, info.classes.lo)),
              static_cast<double>(info.max_samples));
  check_range(info, "noise", r.noise, 0.0, info.max_noise);
  check_range(info, "seed", static_cast<double>(r.seed), data_schema::generator_seed.lo,
              data_schema::generator_seed.hi);
  check_range(info, "classes", r.classes, info.classes.lo, info.classes.hi);
  check_range(info, "dimensions", r.dimensions, info.dimensions.lo, info.dimensions.hi);
  if (uses(info, "components")) check_range(info, "components", r.components, info.components.lo, info.components.hi);
  if (uses(info, "lambda"))
    check_range(info, "lambda", r.lambda, data_schema::generator_lambda.lo, data_schema::generator_lambda.hi);
  if (r.samples < r.classes)
    throw SpecError("[Generator] " + info.name + ": samples (" + std::to_string(r.samples) +
                    ") must be at least the number of classes (" + std::to_string(r.classes) + ")");
  if (r.samples * r.dimensions > DataLimits::max_cells)
    throw SpecError("[Generator] " + info.name +
                    ": samples × dimensions = " + std::to_string(r.samples * r.dimensions) +
                    " is more than the limit of " + std::to_string(DataLimits::max_cells) + " values");
}

Dataset generate(const GeneratorRequest& request) {
  validate_generator_request(request);
  const Entry& e = entry(request.name);
  Dataset data = e.make(request);
  data.name = e.info.name;
  data.description = e.info.description;
  return data;
}

Dataset generate(std::string_view request_json) { return generate(parse_generator_request(request_json)); }

}  // namespace lab
