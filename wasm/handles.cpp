// The handle classes' methods: convert, call the core once, convert back (see handles.hpp).
#include "wasm/handles.hpp"

#include <limits>

#include "core/backprop.hpp"
#include "wasm/convert.hpp"
#include "wasm/errors.hpp"
#include "wasm/results.hpp"

namespace lab::wasm {

int& live_handles() {
  static int count = 0;
  return count;
}

// ---- DatasetHandle

DatasetHandle::DatasetHandle(Dataset data) : data_(std::move(data)) {}

val DatasetHandle::info() const { return dataset_info_to_js(data_); }

std::string DatasetHandle::summary_json() const { return summary_to_json(summarize(data_)); }

val DatasetHandle::features() const { return batch_to_js(data_.X); }

val DatasetHandle::labels() const { return int32_array(data_.labels); }

val DatasetHandle::targets() const { return batch_to_js(data_.targets); }

// From JS a subset names at least one sample (the core's splits make empty parts on purpose).
DatasetHandle* DatasetHandle::subset(const val& indices) const {
  return guarded([&] {
    const std::vector<int> chosen = ints_from(indices);
    if (chosen.empty())
      throw DataError("[Dataset] subset: indices must name at least one sample of \"" + data_.name + "\" (0.." +
                      std::to_string(data_.samples() - 1) + "), got none");
    return new DatasetHandle(lab::subset(data_, chosen));
  });
}

DatasetHandle* DatasetHandle::select_features(const val& features) const {
  return guarded([&] { return new DatasetHandle(lab::select_features(data_, ints_from(features))); });
}

DatasetHandle* DatasetHandle::select_classes(const val& classes) const {
  return guarded([&] { return new DatasetHandle(lab::select_classes(data_, ints_from(classes))); });
}

PreparedHandle* DatasetHandle::prepare(const std::string& split_json, const std::string& scaling,
                                       bool reconstruct) const {
  return guarded([&] {
    PreparedData prepared =
        lab::prepare(data_, parse_split_settings(split_json), scaling_from_name(scaling, "scaling"));
    if (reconstruct) make_reconstruction(prepared);
    return new PreparedHandle(std::move(prepared));
  });
}

DatasetHandle* PreparedHandle::part(const std::string& name) const {
  return guarded([&] {
    if (name == "train") return new DatasetHandle(prepared_.split.train);
    if (name == "validation") return new DatasetHandle(prepared_.split.validation);
    if (name == "test") return new DatasetHandle(prepared_.split.test);
    throw SpecError("[Split] part must be \"train\", \"validation\" or \"test\", got \"" + name + "\"");
  });
}

val PreparedHandle::indices() const {
  val out = val::object();
  out.set("train", int32_array(prepared_.split.indices.train));
  out.set("validation", int32_array(prepared_.split.indices.validation));
  out.set("test", int32_array(prepared_.split.indices.test));
  return out;
}

val PreparedHandle::scale(const val& features, double samples) const {
  return guarded([&] {
    const Index d = prepared_.split.train.features();
    return batch_to_js(prepared_.scaler.apply(
        batch_from(features, d, sample_count(samples, "[Scaler] samples"), "[Scaler] features")));
  });
}

val PreparedHandle::scaler() const {
  const Scaler& s = prepared_.scaler;
  val out = val::object();
  out.set("kind", std::string(scaling_name(s.kind)));
  out.set("shift", float64_array(s.shift));
  out.set("scale", float64_array(s.scale));
  return out;
}

// ---- NetworkHandle

NetworkHandle::NetworkHandle(const std::string& spec_json)
    : net_(guarded([&] { return std::make_shared<Network>(spec_json); })) {}

std::string NetworkHandle::spec_json() const { return net_->spec_json(); }
double NetworkHandle::parameter_count() const { return static_cast<double>(net_->parameter_count()); }
double NetworkHandle::input_size() const { return static_cast<double>(net_->input_size()); }
double NetworkHandle::output_size() const { return static_cast<double>(net_->output_size()); }

val NetworkHandle::layers() const {
  val list = val::array();
  for (std::size_t i = 0; i < net_->layer_count(); ++i)
    list.call<void>("push", layer_info_to_js(net_->layer(i), net_->layer_offset(i)));
  return list;
}

val NetworkHandle::parameters() const { return float64_array(net_->parameters()); }

void NetworkHandle::set_parameters(const val& values) {
  guarded([&] {
    const std::vector<double> flat = doubles_from(values);
    net_->set_parameters(Eigen::Map<const Vector>(flat.data(), static_cast<Index>(flat.size())));
  });
}

val NetworkHandle::gradients() const { return float64_array(net_->gradients()); }

void NetworkHandle::initialise() { net_->initialise(); }

void NetworkHandle::set_derivative_bug(const std::string& name) {
  guarded([&] { net_->set_derivative_bug(derivative_bug_from_name(name, "bug")); });
}

std::string NetworkHandle::derivative_bug() const { return std::string(derivative_bug_name(net_->derivative_bug())); }

Matrix NetworkHandle::targets_batch(const val& targets, Index samples) const {
  return batch_from(targets, net_->output_size(), samples, "[Network] targets");
}

val NetworkHandle::forward(const val& inputs, double samples) {
  return guarded([&] {
    return batch_to_js(net_->forward(
        batch_from(inputs, net_->input_size(), sample_count(samples, "[Network] samples"), "[Network] inputs")));
  });
}

val NetworkHandle::loss(const val& inputs, const val& targets, double samples) {
  return guarded([&] {
    const Index n = sample_count(samples, "[Network] samples");
    return loss_parts_to_js(
        net_->loss(batch_from(inputs, net_->input_size(), n, "[Network] inputs"), targets_batch(targets, n)));
  });
}

val NetworkHandle::compute_gradients(const val& inputs, const val& targets, double samples) {
  return guarded([&] {
    const Index n = sample_count(samples, "[Network] samples");
    const LossParts loss = net_->compute_gradients(batch_from(inputs, net_->input_size(), n, "[Network] inputs"),
                                                   targets_batch(targets, n));
    val out = val::object();
    out.set("loss", loss_parts_to_js(loss));
    out.set("gradients", gradients());
    return out;
  });
}

Optimizer& NetworkHandle::trace_optimizer(const std::string& optimizer_json) {
  if (!trace_optimizer_ || optimizer_json != trace_optimizer_json_) {
    const TrainSettings settings = parse_train_settings("{\"optimizer\":" + optimizer_json + "}");
    trace_optimizer_ = make_optimizer(settings.optimizer, net_->parameter_count());
    trace_optimizer_json_ = optimizer_json;
  }
  return *trace_optimizer_;
}

val NetworkHandle::trace(const val& inputs, const val& targets, double samples, const std::string& optimizer_json,
                         double learning_rate) {
  return guarded([&] {
    const Index n = sample_count(samples, "[Network] samples");
    const Matrix X = batch_from(inputs, net_->input_size(), n, "[Trace] inputs");
    const Matrix Y = targets_batch(targets, n);
    return trace_to_js(trace_step(*net_, X, Y, trace_optimizer(optimizer_json), learning_rate));
  });
}

void NetworkHandle::set_trace_state(const std::string& optimizer_json, double t, const val& values) {
  guarded([&] {
    Optimizer& optimizer = trace_optimizer(optimizer_json);
    const std::vector<double> flat = doubles_from(values);
    optimizer.set_state(
        unflatten_state(optimizer, t, Eigen::Map<const Vector>(flat.data(), static_cast<Index>(flat.size()))));
  });
}

void NetworkHandle::reset_trace_optimizer() { trace_optimizer_.reset(); }

val NetworkHandle::gradient_test(const val& inputs, const val& targets, double samples,
                                 const std::string& settings_json) {
  return guarded([&] {
    const Index n = sample_count(samples, "[Network] samples");
    return gradient_test_to_js(
        network_gradient_test(*net_, batch_from(inputs, net_->input_size(), n, "[GradientTest] inputs"),
                              targets_batch(targets, n), parse_gradient_test_settings(settings_json)));
  });
}

val NetworkHandle::jacobian_test(double layer, double batch, const std::string& settings_json) {
  return guarded([&] {
    const auto index = static_cast<std::size_t>(
        whole_number(layer, "[GradientTest] layer", 0, static_cast<std::int64_t>(spec_schema::layers.hi) - 1));
    return gradient_test_to_js(lab::jacobian_test(*net_, index, sample_count(batch, "[GradientTest] batch"),
                                                  parse_gradient_test_settings(settings_json)));
  });
}

val NetworkHandle::elementwise_check(const val& inputs, const val& targets, double samples,
                                     const std::string& settings_json) {
  return guarded([&] {
    const Index n = sample_count(samples, "[Network] samples");
    return elementwise_to_js(
        lab::elementwise_check(*net_, batch_from(inputs, net_->input_size(), n, "[GradientTest] inputs"),
                               targets_batch(targets, n), parse_elementwise_settings(settings_json)));
  });
}

val NetworkHandle::predict(const DatasetHandle& data) {
  return guarded([&] { return batch_to_js(net_->forward(data.data().X)); });
}

DatasetHandle* NetworkHandle::layer_features(const DatasetHandle& data, const PreparedHandle& prepared, double layer) {
  return guarded([&] {
    const auto index = static_cast<std::size_t>(
        whole_number(layer, "[Features] layer", 0, static_cast<std::int64_t>(net_->layer_count()) - 1));
    return new DatasetHandle(layer_features_set(*net_, data.data(), prepared.prepared().scaler, index));
  });
}

namespace {

// A direction in parameter space; the core checks its size against the network's and names it.
Vector vector_from(const val& values) {
  const std::vector<double> v = doubles_from(values);
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

}  // namespace

Matrix NetworkHandle::targets_of(const Dataset& data) const {
  return targets_for_loss(data, net_->spec().loss, net_->output_size());
}

val NetworkHandle::loss_line(const DatasetHandle& data, const val& direction, const val& alphas) {
  return guarded([&] {
    const Dataset& d = data.data();
    return float64_array(loss_along(*net_, d.X, targets_of(d), vector_from(direction), doubles_from(alphas)));
  });
}

val NetworkHandle::loss_surface(const DatasetHandle& data, const val& d1, const val& d2, const val& alphas,
                                const val& betas) {
  return guarded([&] {
    const Dataset& d = data.data();
    return matrix_object(loss_plane(*net_, d.X, targets_of(d), vector_from(d1), vector_from(d2), doubles_from(alphas),
                                    doubles_from(betas)));
  });
}

val NetworkHandle::random_direction(double seed) const {
  return guarded([&] {
    return float64_array(filter_normalized_direction(
        *net_, static_cast<std::uint64_t>(whole_number(seed, "[Landscape] seed", 0, as_integer(kMaxSeed)))));
  });
}

val NetworkHandle::gradient_direction(const DatasetHandle& data) {
  return guarded([&] {
    const Dataset& d = data.data();
    return float64_array(lab::gradient_direction(*net_, d.X, targets_of(d)));
  });
}

val NetworkHandle::predict_labels(const DatasetHandle& data) {
  return guarded([&] { return int32_array(labels_from_outputs(net_->forward(data.data().X))); });
}

val NetworkHandle::targets_for(const DatasetHandle& data) const {
  return guarded([&] { return batch_to_js(targets_of(data.data())); });
}

val NetworkHandle::evaluate(const DatasetHandle& data) {
  return guarded([&] {
    const Dataset& d = data.data();
    const Task task = task_of(d);
    const Evaluation e = lab::evaluate(*net_, d.X, targets_of(d), task);
    val out = val::object();
    out.set("loss", loss_parts_to_js(e.loss));
    out.set("metric", e.metric);
    out.set("metricName", std::string(metric_name(task)));
    return out;
  });
}

val NetworkHandle::classification_report(const DatasetHandle& data) {
  return guarded([&] {
    const Dataset& d = data.data();
    if (!d.is_classification())
      throw DataError("[Metrics] a classification report needs class labels; \"" + d.name + "\" is a regression set");
    return classification_report_to_js(
        lab::classification_report(d.labels, labels_from_outputs(net_->forward(d.X)), d.classes));
  });
}

val NetworkHandle::classify_samples(const DatasetHandle& data, bool mistakes_only, double limit) {
  return guarded([&] {
    return classified_samples_to_js(lab::classify_samples(*net_, data.data(),
                                                          mistakes_only ? SampleFilter::mistakes : SampleFilter::all,
                                                          sample_count(limit, "[Predictions] limit", 0)));
  });
}

// ---- TrainerHandle

namespace {

std::unique_ptr<Trainer> make_trainer(Network& net, const Dataset& train, const Dataset* validation,
                                      const std::string& settings_json) {
  TrainSettings settings = parse_train_settings(settings_json);
  Matrix Y = targets_for_loss(train, net.spec().loss, net.output_size());
  // the dataset, not the loss, says what is scored (accuracy also under sigmoid + MSE)
  const Task task = task_of(train);
  if (!validation || validation->samples() == 0)
    return std::make_unique<Trainer>(net, train.X, std::move(Y), std::move(settings), std::nullopt, std::nullopt, task);
  return std::make_unique<Trainer>(net, train.X, std::move(Y), std::move(settings), validation->X,
                                   targets_for_loss(*validation, net.spec().loss, net.output_size()), task);
}

}  // namespace

TrainerHandle::TrainerHandle(const NetworkHandle& net, const DatasetHandle& train, const std::string& settings_json)
    : net_(net.network()),
      trainer_(guarded([&] { return make_trainer(*net_, train.data(), nullptr, settings_json); })) {}

TrainerHandle::TrainerHandle(const NetworkHandle& net, const DatasetHandle& train, const DatasetHandle& validation,
                             const std::string& settings_json)
    : net_(net.network()),
      trainer_(guarded([&] { return make_trainer(*net_, train.data(), &validation.data(), settings_json); })) {}

val TrainerHandle::step() {
  return guarded([&] { return step_result_to_js(trainer_->step()); });
}
val TrainerHandle::step_epoch() {
  return guarded([&] { return step_result_to_js(trainer_->step_epoch()); });
}
val TrainerHandle::run(double epochs) {
  return guarded([&] {
    return step_result_to_js(trainer_->run(
        static_cast<int>(whole_number(epochs, "[Trainer] run: epochs", 1, as_integer(settings_schema::epochs.hi)))));
  });
}
void TrainerHandle::reset() { trainer_->reset(); }
std::string TrainerHandle::status() const { return std::string(train_status_name(trainer_->status())); }
std::string TrainerHandle::message() const { return trainer_->message(); }
double TrainerHandle::epoch() const { return trainer_->epoch(); }
double TrainerHandle::batch_in_epoch() const { return static_cast<double>(trainer_->batch_in_epoch()); }
double TrainerHandle::batches_per_epoch() const { return static_cast<double>(trainer_->batches_per_epoch()); }
double TrainerHandle::batch_size() const { return static_cast<double>(trainer_->effective_batch_size()); }
double TrainerHandle::learning_rate() const { return trainer_->current_learning_rate(); }
double TrainerHandle::best_epoch() const { return trainer_->best_epoch(); }
bool TrainerHandle::restored_best() const { return trainer_->restored_best(); }
bool TrainerHandle::has_validation() const { return trainer_->has_validation(); }
std::string TrainerHandle::metric_name() const { return std::string(lab::metric_name(trainer_->task())); }

std::string TrainerHandle::use_least_squares_optimum(const DatasetHandle& train, const std::string& request_json) {
  return guarded([&] {
    const LeastSquaresProblem problem = least_squares_problem(parse_generator_request(request_json, true));
    auto reference = least_squares_reference(problem, net_->spec(), train.data().X);
    if (auto* reason = std::get_if<std::string>(&reference)) return *reason;
    trainer_->set_optimum(std::move(std::get<Optimum>(reference)));
    return std::string();
  });
}
std::string TrainerHandle::settings_json() const { return train_settings_to_json(trainer_->settings()); }

val TrainerHandle::history() const {
  val list = val::array();
  for (const EpochRecord& record : trainer_->history()) list.call<void>("push", epoch_to_js(record));
  return list;
}

namespace {

// The records from index `first` on, each converted by `to_js`: what a message streams anew.
template <class Record, class Convert>
val records_since(const std::vector<Record>& records, double first, Convert to_js) {
  val list = val::array();
  for (std::size_t i = first > 0 ? static_cast<std::size_t>(first) : 0; i < records.size(); ++i)
    list.call<void>("push", to_js(records[i]));
  return list;
}

}  // namespace

val TrainerHandle::history_since(double first) const { return records_since(trainer_->history(), first, epoch_to_js); }

val TrainerHandle::layer_stats_since(double first) const {
  return records_since(trainer_->layer_stats(), first, layer_stats_to_js);
}

val TrainerHandle::diagnoses() const {
  val list = val::array();
  if (trainer_->layer_stats().empty()) return list;
  const EpochLayerStats& last = trainer_->layer_stats().back();
  std::vector<Diagnosis> found = diagnose(net_->spec(), trainer_->settings(), last);
  // a healthy run: what it passed, in words
  if (found.empty())
    found.push_back({"healthy", -1, std::numeric_limits<double>::quiet_NaN(), no_warning_text(last.epoch)});
  for (const Diagnosis& d : found) list.call<void>("push", diagnosis_to_js(d));
  return list;
}

val TrainerHandle::path_plane() const {
  return guarded([&] {
    const PathPlane plane = lab::path_plane(trainer_->path(), net_->parameters());
    val out = val::object();
    out.set("d1", float64_array(plane.d1));
    out.set("d2", float64_array(plane.d2));
    out.set("explained", float64_array(std::vector<double>{plane.explained1, plane.explained2}));
    out.set("snapshots", static_cast<double>(trainer_->path().size()));
    return out;
  });
}

val TrainerHandle::project_path(const val& d1, const val& d2) const {
  return guarded([&] {
    const Matrix xy = lab::project_path(trainer_->path(), net_->parameters(), vector_from(d1), vector_from(d2));
    val out = val::object();
    out.set("epochs", int32_array(trainer_->path().epochs()));
    out.set("x", float64_array(Vector(xy.row(0).transpose())));
    out.set("y", float64_array(Vector(xy.row(1).transpose())));
    return out;
  });
}

val TrainerHandle::parameters() const { return float64_array(net_->parameters()); }

}  // namespace lab::wasm
