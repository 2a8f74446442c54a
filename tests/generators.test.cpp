// The seeded generators: determinism per seed, fixed values (to check the wasm build against),
// shapes, class counts and balance, the geometry each one promises, request checking, and the
// least-squares problem's exact ridge optimum.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <Eigen/SVD>

#include "core/backprop.hpp"
#include "core/base/json_fields.hpp"

using namespace lab;
using Catch::Matchers::Contains;

namespace {

struct FixedSample {
  int column;
  std::vector<double> features;  // the first (up to) two features
  double label_or_target;
};

struct FixedCase {
  const char* request;
  bool exact;  // only + − × ÷ √ on Rng output: the same bits everywhere. Otherwise sin/cos/exp
               // (libm may differ by an ulp between glibc and the wasm libc): 1e-12 relative.
  std::vector<FixedSample> samples;
};

// Values printed once from the native build. tests/node/datasets.test.mjs asserts the same table
// on the wasm build (exactly where `exact`, to 1e-12 relative otherwise).
const std::vector<FixedCase>& fixed_cases() {
  static const std::vector<FixedCase> cases = {
      {R"({"name":"circles","samples":10,"noise":0.1,"seed":7})",
       false,
       {{0, {-0.35558402762816488, -0.87539582078476008}, 0},
        {1, {0.46608476059024639, -0.16914067387920395}, 1},
        {9, {0.40493561469768602, 0.36512998647026035}, 1}}},
      {R"({"name":"xor","samples":10,"noise":0.05,"seed":7})",
       true,
       {{0, {0.6715007877330238, 0.30409119603781115}, 0},
        {1, {0.10917434839271102, -0.45771647279181438}, 1},
        {9, {0.92231053873153113, -0.63226486178249075}, 1}}},
      {R"({"name":"blobs","samples":10,"noise":1,"seed":7,"classes":3,"dimensions":3})",
       true,
       {{0, {2.8284331808883909, -4.2844121606661592}, 0},
        {1, {9.771521956576283, 10.836816665781711}, 1},
        {9, {4.3120876040303626, -5.4318862261009784}, 0}}},
      {R"({"name":"moons","samples":10,"noise":0.1,"seed":7})",
       false,
       {{0, {-0.63926339255795694, 0.88472490499390566}, 0},
        {1, {1.9678443206043479, 0.33075471473663159}, 1},
        {9, {0.17054503645439636, 0.06828377269142788}, 1}}},
      {R"({"name":"spiral","samples":10,"noise":0.1,"seed":7,"classes":3})",
       false,
       {{0, {-0.71065214072635996, 0.30993581473794329}, 0},
        {1, {0.91661122762831593, -0.36628670456252777}, 1},
        {9, {0.1962179682011341, 0.057230076189673712}, 0}}},
      {R"({"name":"peaks","samples":10,"noise":0,"seed":7})",
       false,
       {{0, {1.2034588930781371, -1.3274926231572943}, 0},
        {1, {0.24820559123030339, 1.3911492422736824}, 4},
        {9, {0.74182497087674815, 2.0417771022187221}, 4}}},
      {R"({"name":"swiss_roll","samples":10,"noise":0.05,"seed":7})",
       false,
       {{0, {0.22645755068677306, -0.72146880626407339}, 0},
        {1, {-0.19017231120917905, -1.0267196492859507}, 1},
        {9, {-0.36871427899929199, 0.10975738272567696}, 1}}},
      {R"({"name":"gmm","samples":10,"noise":0.2,"seed":7,"classes":5,"dimensions":5,"components":4})",
       true,
       {{0, {0.52663016902464554, -0.8101386548228674}, 0},
        {1, {-0.76626449305749078, -0.96005559559671383}, 1},
        {9, {0.75383628967903249, -1.0904919959150448}, 4}}},
      {R"({"name":"sine","samples":10,"noise":0.1,"seed":7})",
       false,
       {{0, {1.260259205797194}, 0.90215566226414234},
        {1, {3.022826157131365}, 0.19526124189418409},
        {9, {0.95099959473239526}, 0.79711322326107426}}},
      {R"({"name":"polynomial","samples":10,"noise":0.1,"seed":7})",
       true,
       {{0, {0.60172944653906857}, -0.43387017218719209},
        {1, {1.443293175044805}, 1.6399976527325566},
        {9, {0.45406885914014983}, -0.37733293217568359}}},
      {R"({"name":"plane","samples":10,"noise":0.1,"seed":7})",
       true,
       {{0, {0.40115296435937919, -0.44249754105243144}, 3.0994055394894868},
        {1, {0.082735197076767797, 0.46371641409122755}, -0.33557578022028173},
        {9, {-0.29129163812120407, 0.37626052185926695}, -0.72559644686566793}}},
      {R"({"name":"least_squares","samples":20,"dimensions":10,"noise":0.05,"lambda":0.001,"seed":7})",
       false,
       {{0, {-0.35666393114563483, 0.17214771299388837}, -1.0777610406508609},
        {1, {0.24779991451211197, -0.071740823523257724}, 0.21109965199458108},
        {9, {-0.18551205664300172, -0.25775020713178082}, 0.63674903106147462}}},
  };
  return cases;
}

void check_value(double actual, double expected, bool exact) {
  if (exact)
    CHECK(actual == expected);
  else
    CHECK(actual == Approx(expected).epsilon(1e-12).margin(1e-14));
}

bool same_data(const Dataset& a, const Dataset& b) {
  return a.X == b.X && a.labels == b.labels && a.targets == b.targets;
}

}  // namespace

TEST_CASE("Every generator gives the same data for the same seed and different data for another",
          "[datasets][generators]") {
  for (const GeneratorInfo& info : generator_infos()) {
    INFO(info.name);
    GeneratorRequest request = default_request(info.name, true);
    request.seed = 3;
    const Dataset first = generate(request);
    const Dataset again = generate(request);
    CHECK(same_data(first, again));
    if (info.name == "three_points") continue;  // fixed points, no randomness
    request.seed = 4;
    CHECK_FALSE(same_data(first, generate(request)));
  }
}

TEST_CASE("Generators reproduce fixed values for seed 7, the numbers the wasm build is checked against",
          "[datasets][generators]") {
  for (const FixedCase& fixed : fixed_cases()) {
    INFO(fixed.request);
    const Dataset data = generate(fixed.request);
    for (const FixedSample& sample : fixed.samples) {
      INFO("column " << sample.column);
      for (std::size_t i = 0; i < sample.features.size(); ++i)
        check_value(data.X(static_cast<Index>(i), sample.column), sample.features[i], fixed.exact);
      if (data.is_classification())
        CHECK(data.labels[static_cast<std::size_t>(sample.column)] == static_cast<int>(sample.label_or_target));
      else
        check_value(data.targets(0, sample.column), sample.label_or_target, fixed.exact);
    }
  }
}

TEST_CASE("Generators give the requested shapes, classes and names", "[datasets][generators]") {
  struct Expected {
    const char* request;
    Index features, samples;
    int classes;
    const char* task;
  };
  const Expected table[] = {
      {R"({"name":"circles","samples":500})", 2, 500, 2, "classification"},
      {R"({"name":"xor","samples":40})", 2, 40, 2, "classification"},
      {R"({"name":"blobs","samples":400,"classes":2,"dimensions":3})", 3, 400, 2, "classification"},
      {R"({"name":"blobs","samples":90,"classes":4,"dimensions":2})", 2, 90, 4, "classification"},
      {R"({"name":"moons","samples":51})", 2, 51, 2, "classification"},
      {R"({"name":"spiral","samples":300,"classes":5})", 2, 300, 5, "classification"},
      {R"({"name":"peaks","samples":100})", 2, 100, 5, "classification"},
      {R"({"name":"swiss_roll","samples":100})", 2, 100, 2, "classification"},
      {R"({"name":"gmm","samples":100})", 5, 100, 5, "classification"},
      {R"({"name":"gmm","samples":100,"classes":3,"dimensions":7,"components":2})", 7, 100, 3, "classification"},
      {R"({"name":"sine","samples":20})", 1, 20, 0, "regression"},
      {R"({"name":"polynomial","samples":20})", 1, 20, 0, "regression"},
      {R"({"name":"plane","samples":20})", 2, 20, 0, "regression"},
      {R"({"name":"three_points"})", 1, 3, 0, "regression"},
      {R"({"name":"least_squares","samples":30,"dimensions":12})", 12, 30, 0, "regression"},
  };
  for (const Expected& e : table) {
    INFO(e.request);
    const Dataset data = generate(e.request);
    CHECK(data.features() == e.features);
    CHECK(data.samples() == e.samples);
    CHECK(data.classes == e.classes);
    CHECK(data.task == e.task);
    CHECK(data.feature_names.size() == static_cast<std::size_t>(e.features));
    CHECK(data.class_names.size() == static_cast<std::size_t>(e.classes));
    CHECK_FALSE(data.description.empty());
    CHECK_NOTHROW(validate_dataset(data));
    if (data.is_classification()) {
      CHECK(data.labels.size() == static_cast<std::size_t>(e.samples));
      CHECK(std::set<std::string>(data.class_names.begin(), data.class_names.end()).size() == data.class_names.size());
    } else {
      CHECK(data.targets.rows() == 1);
      CHECK(data.targets.cols() == e.samples);
    }
  }
}

TEST_CASE("Generators whose classes take turns give balanced classes, and peaks gives about a fifth each",
          "[datasets][generators]") {
  for (const char* name : {"circles", "xor", "blobs", "moons", "spiral", "swiss_roll", "gmm"}) {
    INFO(name);
    GeneratorRequest request = default_request(name, true);
    request.samples = 1003;  // not a multiple of the class count: counts may differ by one
    const std::vector<long> counts = class_counts(generate(request).labels, request.classes);
    const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
    CHECK(*hi - *lo <= 1);
  }
  // peaks: thresholds at the surface's quintiles, seed-sized default (31,250 points).
  const Dataset peaks = generate(default_request("peaks"));
  REQUIRE(peaks.samples() == 31250);
  for (double fraction : summarize(peaks).class_fractions) CHECK(fraction == Approx(0.2).margin(0.02));
}

TEST_CASE("Generators keep the geometry they describe when there is no noise", "[datasets][generators]") {
  auto clean = [](const char* name) {
    GeneratorRequest request = default_request(name, true);
    request.noise = 0.0;
    request.seed = 11;
    return generate(request);
  };
  SECTION("circles: class 0 on the radius-1 ring, class 1 on the radius-0.5 ring") {
    const Dataset data = clean("circles");
    for (Index j = 0; j < data.samples(); ++j)
      CHECK(data.X.col(j).norm() == Approx(data.labels[static_cast<std::size_t>(j)] == 0 ? 1.0 : 0.5).epsilon(1e-12));
  }
  SECTION("xor: class 0 where x·y > 0, class 1 where x·y < 0") {
    const Dataset data = clean("xor");
    for (Index j = 0; j < data.samples(); ++j)
      CHECK((data.X(0, j) * data.X(1, j) > 0.0) == (data.labels[static_cast<std::size_t>(j)] == 0));
  }
  SECTION("peaks: the class is the band of peaks(x, y)") {
    const double thresholds[4] = {-0.3074, 0.0017, 0.1532, 1.3126};
    const Dataset data = clean("peaks");
    for (Index j = 0; j < data.samples(); ++j) {
      const double height = generators::peaks_surface(data.X(0, j), data.X(1, j));
      const int label = data.labels[static_cast<std::size_t>(j)];
      if (label > 0) CHECK(height >= thresholds[label - 1]);
      if (label < 4) CHECK(height < thresholds[label]);
    }
    CHECK(generators::peaks_surface(0.0, 0.0) == Approx(0.98101184312384).epsilon(1e-12));  // MATLAB peaks(0,0)
  }
  SECTION("swiss_roll: both rolls stay in the unit disc, the radius grows with t") {
    const Dataset data = clean("swiss_roll");
    for (Index j = 0; j < data.samples(); ++j) {
      CHECK(data.X.col(j).norm() <= 1.0 + 1e-12);
      CHECK(data.X.col(j).norm() >= 1.5 / 4.5 - 1e-12);
    }
  }
  SECTION("regression: targets follow their formulas exactly") {
    const Dataset sine = clean("sine"), poly = clean("polynomial"), plane = clean("plane");
    for (Index j = 0; j < sine.samples(); ++j)
      CHECK(sine.targets(0, j) == Approx(std::sin(sine.X(0, j))).epsilon(1e-14));
    for (Index j = 0; j < poly.samples(); ++j) {
      const double x = poly.X(0, j);
      CHECK(poly.targets(0, j) == Approx(x * x * x - x).margin(1e-14));
    }
    for (Index j = 0; j < plane.samples(); ++j)
      CHECK(plane.targets(0, j) == Approx(2.0 * plane.X(0, j) - 3.0 * plane.X(1, j) + 1.0).margin(1e-14));
    const Dataset three = generate(R"({"name":"three_points"})");
    CHECK(three.X == (Matrix(1, 3) << 1, 2, 3).finished());
    CHECK(three.targets == (Matrix(1, 3) << 3, 4, 5).finished());
  }
}

TEST_CASE("Seed-sized defaults are tens of thousands for peaks, gmm and swiss_roll, smaller for the page",
          "[datasets][generators]") {
  CHECK(generator_info("peaks").default_samples == 31250);
  CHECK(generator_info("gmm").default_samples == 31250);
  CHECK(generator_info("swiss_roll").default_samples == 25000);
  CHECK(generator_info("circles").default_samples == 500);
  CHECK(generator_info("blobs").default_samples == 400);
  for (const GeneratorInfo& info : generator_infos()) CHECK(info.page_samples <= 2000);
  const GeneratorRequest gmm = default_request("gmm");
  CHECK(gmm.dimensions == 5);
  CHECK(gmm.classes == 5);
  CHECK(parse_generator_request(R"({"name":"gmm"})", true).samples == 2000);
  CHECK(parse_generator_request(R"({"name":"gmm"})").samples == 31250);
}

TEST_CASE("Generator requests reject unknown names, settings and out-of-range values by name",
          "[datasets][generators]") {
  CHECK_THROWS_WITH(generate(R"({"name":"sprial"})"),
                    Contains("[Generator] name \"sprial\" is not a generator; choose one of: circles, xor"));
  CHECK_THROWS_WITH(generate(R"({"name":"circles","classes":3})"),
                    Contains("[Generator] classes is not a setting of circles; its settings: samples, noise, seed"));
  CHECK_THROWS_WITH(generate(R"({"name":"three_points","samples":5})"),
                    Contains("[Generator] samples is not a setting of three_points; its settings: (none"));
  CHECK_THROWS_WITH(generate(R"({"name":"spiral","samples":0})"),
                    Contains("[Generator] samples must be an integer in 2..100000, got 0"));
  CHECK_THROWS_WITH(generate(R"({"name":"spiral","classes":11})"),
                    Contains("[Generator] classes must be an integer in 2..10, got 11"));
  CHECK_THROWS_WITH(generate(R"({"name":"moons","noise":-0.5})"),
                    Contains("[Generator] noise must be a number in 0..10, got -0.5"));
  CHECK_THROWS_WITH(generate(R"({"name":"moons","seed":-1})"), Contains("[Generator] seed must be an integer"));
  CHECK_THROWS_WITH(generate(R"({"samples":10})"), Contains("[Generator] a request is a JSON object with a \"name\""));
  CHECK_THROWS_WITH(generate(R"({"name":"moons",)"), Contains("[Generator] the text is not valid JSON"));
  CHECK_THROWS_AS(generate(R"({"name":"spiral","samples":3,"classes":4})"), SpecError);
  GeneratorRequest in_code = default_request("blobs");
  in_code.dimensions = 0;
  CHECK_THROWS_WITH(generate(in_code), Contains("[Generator] blobs: dimensions must be in 1..100, got 0"));
}

TEST_CASE("generators_json lists every generator with its settings and defaults", "[datasets][generators]") {
  const Json list = Json::parse(generators_json());
  REQUIRE(list.size() == generator_infos().size());
  std::set<std::string> names;
  for (const Json& item : list) names.insert(item["name"].get<std::string>());
  for (const char* name : {"circles", "xor", "blobs", "moons", "spiral", "peaks", "swiss_roll", "gmm", "sine",
                           "polynomial", "plane", "three_points", "least_squares"})
    CHECK(names.count(name) == 1);
  CHECK(list[2]["settings"] == Json({"samples", "noise", "seed", "classes", "dimensions"}));
  CHECK(list[2]["dimensions"]["default"] == 3);
}

TEST_CASE("The least-squares problem has the seed's singular values and its ridge optimum has zero gradient",
          "[datasets][generators]") {
  const LeastSquaresProblem problem = least_squares_problem(
      parse_generator_request(R"({"name":"least_squares","samples":100,"dimensions":200,"seed":1})"));
  const Matrix A = problem.data.X.transpose();  // (m × n), the seed's layout
  REQUIRE(A.rows() == 100);
  REQUIRE(A.cols() == 200);
  CHECK(problem.lambda == 0.001);

  // The singular values of A are the drawn s_i = exp(0.3 N(0,1)).
  Eigen::JacobiSVD<Matrix> svd(A);
  std::vector<double> drawn(problem.singular_values.data(), problem.singular_values.data() + 100);
  std::sort(drawn.begin(), drawn.end(), std::greater<>());
  for (Index i = 0; i < 100; ++i)
    CHECK(svd.singularValues()(i) == Approx(drawn[static_cast<std::size_t>(i)]).epsilon(1e-10));

  // ∇f(w*) = (1/m) Aᵀ(Aw* − y) + λw* = 0
  const Vector y = problem.data.targets.row(0).transpose();
  const Vector gradient = A.transpose() * (A * problem.solution - y) / 100.0 + problem.lambda * problem.solution;
  CHECK(gradient.norm() < 1e-10);
  CHECK(problem.optimum_loss == Approx(least_squares_loss(problem, problem.solution)));
  Vector nearby = problem.solution;
  nearby(0) += 1e-3;
  CHECK(least_squares_loss(problem, nearby) > problem.optimum_loss);
}

TEST_CASE("The seed's mini-batch SGD on the least-squares problem closes most of the gap to the exact optimum",
          "[datasets][generators]") {
  // Seed 000 §1.2: w = 0, lr 0.1 halved every 50 epochs, batches of 10, 200 epochs,
  // grad = (1/b) A_bᵀ(A_b w − y_b) + λw. With m = 100 < n = 200 and (1/m)s² as small as ~0.002,
  // SGD is still some way from w* after 200 epochs (as in the seed's plot); it must never go
  // below the optimum.
  const LeastSquaresProblem problem = least_squares_problem(default_request("least_squares"));
  const Matrix A = problem.data.X.transpose();
  const Vector y = problem.data.targets.row(0).transpose();
  Vector w = Vector::Zero(A.cols());
  Rng rng(1);
  std::vector<int> order(static_cast<std::size_t>(A.rows()));
  std::iota(order.begin(), order.end(), 0);
  double lr = 0.1;
  const double start = least_squares_loss(problem, w);
  for (int epoch = 1; epoch < 200; ++epoch) {
    if (epoch % 50 == 0) lr *= 0.5;
    rng.shuffle(order);
    for (std::size_t k = 0; k + 10 <= order.size(); k += 10) {
      Vector gradient = problem.lambda * w;
      for (std::size_t b = k; b < k + 10; ++b) {
        const Index j = order[b];
        gradient += A.row(j).transpose() * (A.row(j).dot(w) - y(j)) / 10.0;
      }
      w -= lr * gradient;
    }
  }
  const double gap = least_squares_loss(problem, w) - problem.optimum_loss;
  INFO("f(0) = " << start << ", f(w_sgd) − f(w*) = " << gap << ", f(w*) = " << problem.optimum_loss);
  CHECK(gap >= 0.0);
  CHECK(gap < 0.2 * (start - problem.optimum_loss));
}

namespace {

// Test accuracy of `spec` trained with Adam on 80% of the data (stratified, seed 0).
double stand_in_accuracy(const Dataset& data, const char* spec, int epochs) {
  SplitSettings split;
  split.test = 0.2;
  const PreparedData prepared = prepare(data, split, Scaling::none);
  Network net(spec);
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::adam;
  settings.learning_rate = 0.01;
  settings.batch_size = 64;
  settings.epochs = epochs;
  settings.seed = 1;
  const Dataset& train = prepared.split.train;
  Trainer trainer(net, train.X, targets_for_loss(train, net.spec().loss, net.output_size()), settings);
  trainer.run(epochs);
  return accuracy(prepared.split.test.labels, labels_from_outputs(net.forward(prepared.split.test.X)));
}

}  // namespace

TEST_CASE("The seed 000 stand-ins at seed size defeat a linear softmax but a small network learns them",
          "[datasets][generators][learning][slow]") {
  // Seed 000: softmax regression by SGD stayed near 50%, its small networks reached 93-97%.
  struct StandIn {
    const char* name;
    const char* linear;
    const char* network;
    double linear_below, network_above;
  };
  const StandIn cases[] = {
      {"gmm",
       R"({"input":5,"layers":[{"units":5,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       R"({"input":5,"layers":[{"units":45,"activation":"tanh"},{"units":5,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       0.8, 0.9},
      {"peaks",
       R"({"input":2,"layers":[{"units":5,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       R"({"input":2,"layers":[{"units":17,"activation":"tanh"},{"units":17,"activation":"tanh"},{"units":5,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       0.5, 0.9},
      {"swiss_roll",
       R"({"input":2,"layers":[{"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       R"({"input":2,"layers":[{"units":17,"activation":"tanh"},{"units":17,"activation":"tanh"},{"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})",
       0.75, 0.88},
  };
  for (const StandIn& c : cases) {
    const Dataset data = generate(default_request(c.name));
    const double linear = stand_in_accuracy(data, c.linear, 10);
    const double network = stand_in_accuracy(data, c.network, c.name == std::string("gmm") ? 20 : 30);
    INFO(c.name << ": linear softmax " << linear << ", small network " << network);
    CHECK(linear < c.linear_below);
    CHECK(network > c.network_above);
  }
}

TEST_CASE("A trainer measured against the ridge optimum records ‖w − w*‖ and f(w) − f(w*)",
          "[datasets][generators][optimum]") {
  // Seed 000 §1.2's model: one dense identity unit without a bias, mse, l2 = λ, so that the
  // training loss is exactly f(w) = (1/2m)‖Xw − y‖² + (λ/2)‖w‖².
  const LeastSquaresProblem problem = least_squares_problem(
      parse_generator_request(R"({"name":"least_squares","samples":60,"dimensions":20,"seed":3})"));
  Network net(R"({"input":20,"layers":[{"units":1,"activation":"identity","bias":false}],"loss":"mse",
                  "l2":0.001,"init":{"scheme":"zeros"}})");
  TrainSettings settings;
  settings.learning_rate = 1.0;  // (1/m)s² ≈ 1/60: a small rate barely moves in 30 epochs
  settings.batch_size = 10;
  settings.epochs = 30;
  for (EpochMetrics metrics : {EpochMetrics::full, EpochMetrics::running}) {
    DYNAMIC_SECTION(epoch_metrics_name(metrics)) {
      settings.epoch_metrics = metrics;
      Trainer trainer(net, problem.data.X, problem.data.targets, settings);
      trainer.reset();
      trainer.set_optimum({problem.solution, problem.optimum_loss});
      CHECK_THROWS_WITH(trainer.set_optimum({Vector::Zero(3), 0.0}),
                        Catch::Contains("3 parameters") && Catch::Contains("has 20"));
      trainer.run(1);
      const EpochRecord first = trainer.history().back();
      CHECK(first.optimum_distance == Approx((net.parameters() - problem.solution).norm()).epsilon(1e-12));
      CHECK(first.optimum_gap ==
            Approx(least_squares_loss(problem, net.parameters()) - problem.optimum_loss).epsilon(1e-10));
      trainer.run(29);
      const EpochRecord last = trainer.history().back();
      CHECK(last.optimum_gap >= 0.0);
      CHECK(last.optimum_gap < first.optimum_gap);
      CHECK(last.optimum_gap < 0.2 * (least_squares_loss(problem, Vector::Zero(20)) - problem.optimum_loss));
      CHECK(last.optimum_gap ==
            Approx(least_squares_loss(problem, net.parameters()) - problem.optimum_loss).epsilon(1e-10));
    }
  }
  // without an optimum the fields are NaN
  Trainer plain(net, problem.data.X, problem.data.targets, settings);
  plain.run(1);
  CHECK(std::isnan(plain.history().back().optimum_gap));
}

TEST_CASE("The least-squares optimum applies only to the model whose loss is f, else says which setting differs",
          "[datasets][generators][optimum]") {
  const LeastSquaresProblem problem = least_squares_problem(
      parse_generator_request(R"({"name":"least_squares","samples":30,"dimensions":8,"seed":2})"));
  const ModelSpec matching =
      parse_model_spec(R"({"input":8,"layers":[{"units":1,"bias":false}],"loss":"mse","l2":0.001})");
  const auto applies = least_squares_reference(problem, matching, problem.data.X);
  REQUIRE(std::holds_alternative<Optimum>(applies));
  CHECK(std::get<Optimum>(applies).parameters == problem.solution);
  CHECK(std::get<Optimum>(applies).loss == problem.optimum_loss);
  const auto reason = [&](const char* spec, const Matrix& X) {
    const auto result = least_squares_reference(problem, parse_model_spec(spec), X);
    return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : std::string("applies");
  };
  const Matrix& X = problem.data.X;
  CHECK_THAT(reason(R"({"input":8,"layers":[{"units":1}],"loss":"mse","l2":0.001})", X), Catch::Contains("no bias"));
  CHECK_THAT(reason(R"({"input":8,"layers":[{"units":1,"bias":false}],"loss":"mse","l2":0.01})", X),
             Catch::Contains("L2 λ = 0.001") && Catch::Contains("is 0.01"));
  CHECK_THAT(
      reason(
          R"({"input":8,"layers":[{"units":4,"activation":"tanh"},{"units":1,"bias":false}],"loss":"mse","l2":0.001})",
          X),
      Catch::Contains("remove the hidden layers (1 now)"));
  CHECK_THAT(reason(R"({"input":8,"layers":[{"units":1,"activation":"sigmoid","bias":false}],"loss":"mse","l2":0.001})",
                    X),
             Catch::Contains("identity output"));
  const Matrix part = X.leftCols(20);
  CHECK_THAT(reason(R"({"input":8,"layers":[{"units":1,"bias":false}],"loss":"mse","l2":0.001})", part),
             Catch::Contains("all samples, unscaled"));
  const Matrix scaled = 2.0 * X;
  CHECK_THAT(reason(R"({"input":8,"layers":[{"units":1,"bias":false}],"loss":"mse","l2":0.001})", scaled),
             Catch::Contains("all samples, unscaled"));
}
