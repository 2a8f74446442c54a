// An autoencoder's task (seed 004 C.4): reconstruct the input. The samples of a dataset become a
// regression set whose targets are its own features, and a split's parts are turned so after
// scaling, so that the network learns to give back its input exactly as it sees it.
#pragma once

#include "core/data/dataset.hpp"
#include "core/data/preprocess.hpp"

namespace lab {

// The same samples as a regression set (flagged `reconstruction`) with targets Y = X (d × n),
// target_names = feature_names;
// labels and classes are dropped, the name, image size and feature names kept. `data` may be an
// empty part (0 samples).
Dataset reconstruction_set(const Dataset& data);

// Turns every part of a prepared split into reconstruction_set(part): the targets are the scaled
// features the network takes. The indices and the scaler stay.
void make_reconstruction(PreparedData& prepared);

}  // namespace lab
