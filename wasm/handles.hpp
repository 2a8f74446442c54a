// The JS handle classes: thin owners of core objects. Each method converts its arguments, calls
// the core once and converts the result; a C++ exception reaches JS as an Error (guarded()).
// Handles count themselves so that tests can check that dispose() frees everything.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "core/backprop.hpp"

namespace lab::wasm {

using emscripten::val;

// Live handles of every class, for the leak tests.
int& live_handles();

struct Counted {
  Counted() { ++live_handles(); }
  Counted(const Counted&) { ++live_handles(); }
  ~Counted() { --live_handles(); }
};

class DatasetHandle : Counted {
 public:
  explicit DatasetHandle(Dataset data);
  const Dataset& data() const { return data_; }

  val info() const;
  std::string summary_json() const;
  val features() const;  // n × d row-major
  val labels() const;    // Int32Array (n); empty for regression
  val targets() const;   // n × t row-major; empty for classification
  DatasetHandle* subset(const val& indices) const;
  DatasetHandle* select_features(const val& features) const;
  DatasetHandle* select_classes(const val& classes) const;
  // Split, scaler fitted on the training part, applied to all parts.
  // With `reconstruct`, every part becomes an autoencoder's task (make_reconstruction).
  class PreparedHandle* prepare(const std::string& split_json, const std::string& scaling, bool reconstruct) const;

 private:
  Dataset data_;
};

// The result of DatasetHandle::prepare: three parts, their indices and the fitted scaler.
class PreparedHandle : Counted {
 public:
  explicit PreparedHandle(PreparedData prepared) : prepared_(std::move(prepared)) {}
  DatasetHandle* part(const std::string& name) const;    // "train", "validation" or "test"
  val indices() const;                                   // {train, validation, test}: Int32Array
  val scaler() const;                                    // {kind, shift, scale}
  val scale(const val& features, double samples) const;  // the fitted scaling of new samples
  const PreparedData& prepared() const { return prepared_; }

 private:
  PreparedData prepared_;
};

class NetworkHandle : Counted {
 public:
  explicit NetworkHandle(const std::string& spec_json);
  const std::shared_ptr<Network>& network() const { return net_; }

  std::string spec_json() const;
  double parameter_count() const;
  double input_size() const;
  double output_size() const;
  val layers() const;
  val parameters() const;
  void set_parameters(const val& values);
  val gradients() const;
  void initialise();
  void set_derivative_bug(const std::string& name);
  std::string derivative_bug() const;

  val forward(const val& inputs, double samples);
  val loss(const val& inputs, const val& targets, double samples);
  val compute_gradients(const val& inputs, const val& targets, double samples);
  val trace(const val& inputs, const val& targets, double samples, const std::string& optimizer_json,
            double learning_rate);
  // Makes the next trace() with these optimizer settings start from {t, values} (flat, as a
  // trace's stateAfter holds them).
  void set_trace_state(const std::string& optimizer_json, double t, const val& values);
  void reset_trace_optimizer();
  val gradient_test(const val& inputs, const val& targets, double samples, const std::string& settings_json);
  val jacobian_test(double layer, double batch, const std::string& settings_json);
  val elementwise_check(const val& inputs, const val& targets, double samples, const std::string& settings_json);

  val predict(const DatasetHandle& data);            // n × out row-major outputs
  val predict_labels(const DatasetHandle& data);     // Int32Array of classes
  val targets_for(const DatasetHandle& data) const;  // n × out row-major targets for this loss
  val evaluate(const DatasetHandle& data);           // {loss, metric, metricName}
  val classification_report(const DatasetHandle& data);
  // {matched, indices, labels, predicted, confidence, probabilities}: every sample or only the
  // mistakes, the first `limit` listed.
  val classify_samples(const DatasetHandle& data, bool mistakes_only, double limit);
  // The outputs of hidden layer `layer` (0-based) for every sample of `data` (whole, unscaled),
  // scaled with `prepared`'s scaler, as a dataset with data's labels (layer_features_set).
  DatasetHandle* layer_features(const DatasetHandle& data, const PreparedHandle& prepared, double layer);
  // The loss of `data` (its targets for this loss) at θ + α d for every α, and on the plane
  // θ + α d1 + β d2 as {rows: betas, cols: alphas, data}; a filter-normalised random direction.
  val loss_line(const DatasetHandle& data, const val& direction, const val& alphas);
  val loss_surface(const DatasetHandle& data, const val& d1, const val& d2, const val& alphas, const val& betas);
  val random_direction(double seed) const;
  // −∇f of `data` (its targets for this loss) at the weights, filter-normalised (gradient_direction).
  val gradient_direction(const DatasetHandle& data);

 private:
  Matrix targets_batch(const val& targets, Index samples) const;
  // data's targets as this network's loss reads them (one-hot labels for the cross-entropies)
  Matrix targets_of(const Dataset& data) const;
  // The optimizer kept between trace() calls, made anew when the settings change.
  Optimizer& trace_optimizer(const std::string& optimizer_json);

  std::shared_ptr<Network> net_;
  std::unique_ptr<Optimizer> trace_optimizer_;  // kept between trace() calls with the same settings
  std::string trace_optimizer_json_;
};

class TrainerHandle : Counted {
 public:
  TrainerHandle(const NetworkHandle& net, const DatasetHandle& train, const std::string& settings_json);
  TrainerHandle(const NetworkHandle& net, const DatasetHandle& train, const DatasetHandle& validation,
                const std::string& settings_json);

  val step();
  val step_epoch();
  val run(double epochs);
  void reset();
  std::string status() const;
  std::string message() const;
  double epoch() const;
  double batch_in_epoch() const;
  double batches_per_epoch() const;
  double batch_size() const;
  double learning_rate() const;
  double best_epoch() const;
  bool restored_best() const;
  bool has_validation() const;
  // Measures every later epoch against the exact optimum of the least-squares problem that
  // `request_json` generates, when it applies to this network and `train`; returns "" then, else
  // the reason it does not apply.
  std::string use_least_squares_optimum(const DatasetHandle& train, const std::string& request_json);
  std::string metric_name() const;
  std::string settings_json() const;
  val history() const;
  val history_since(double first) const;      // records from epoch index `first` on
  val layer_stats_since(double first) const;  // per-layer statistics records from index `first` on
  val diagnoses() const;                      // the explanations of the last statistics record (none before one)
  // The training path's principal plane through the current weights: {d1, d2, explained: [e1, e2], snapshots}.
  val path_plane() const;
  // Every snapshot's coordinates in the plane θ + α d1 + β d2: {epochs: Int32Array, x, y}.
  val project_path(const val& d1, const val& d2) const;
  val parameters() const;

 private:
  std::shared_ptr<Network> net_;  // keeps the network alive while the trainer lives
  std::unique_ptr<Trainer> trainer_;
};

}  // namespace lab::wasm
