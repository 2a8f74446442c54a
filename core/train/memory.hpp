// Memory estimates made before anything is allocated: a network's parameters, and what training
// it adds (saved weights, optimizer state, batch and full-pass workspaces). Against a limit the
// platform sets (the wasm module sets its 2 GB memory), a setting that cannot fit is refused with
// a message that names it, instead of a bare std::bad_alloc. Without a limit nothing is refused.
#pragma once

#include <string>

#include "core/nn/spec.hpp"
#include "core/train/train_settings.hpp"

namespace lab {

// The memory the process may use, and how a message names it ("the browser"); 0 = no limit.
void set_memory_limit(double bytes, std::string holder);
double memory_limit();

// Flat parameters of a spec, counted without building it (dense in·out + out, residual 2w² + w).
Index spec_parameter_count(const ModelSpec& spec);

// Bytes a network of `spec` holds: its parameters, gradients and weight mask (3 × P doubles).
double network_bytes(const ModelSpec& spec);
// Bytes training adds for n_train + n_val samples: two saved copies of the weights, the
// optimizer's state, the data copies, and the layer workspaces of a batch and of a full pass.
double training_bytes(const ModelSpec& spec, const TrainSettings& settings, Index n_train, Index n_val);

// Throw ResourceError ("about 3.2 GB needed, the browser allows 2 GB: reduce the units of layer 2
// …") when the network, or the network with its training, would not fit under the limit.
void check_network_memory(const ModelSpec& spec);
void check_training_memory(const ModelSpec& spec, const TrainSettings& settings, Index n_train, Index n_val);

}  // namespace lab
