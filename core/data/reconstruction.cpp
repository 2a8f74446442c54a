// The reconstruction task of an autoencoder (see reconstruction.hpp).
#include "core/data/reconstruction.hpp"

namespace lab {

Dataset reconstruction_set(const Dataset& data) {
  Dataset out;
  out.name = data.name;
  out.description = data.description;
  out.task = "regression";
  out.reconstruction = true;
  out.X = data.X;
  // y = x: the target of every sample is its own input
  out.targets = data.X;
  out.feature_names = data.feature_names;
  out.target_names = data.feature_names;
  out.image_width = data.image_width;
  out.image_height = data.image_height;
  return out;
}

void make_reconstruction(PreparedData& prepared) {
  for (Dataset* part : {&prepared.split.train, &prepared.split.validation, &prepared.split.test})
    *part = reconstruction_set(*part);
}

}  // namespace lab
