// Restricting a classification dataset to chosen classes (seed 002 trains Shirt vs Sandal on
// Fashion-MNIST, then all ten): the samples of those classes, in their order, relabelled 0..k−1
// in the order the classes are chosen, with their names kept.
#pragma once

#include <vector>

#include "core/data/dataset.hpp"

namespace lab {

// `classes` (k ≥ 2) are distinct class numbers 0..K−1 of `data`; classes[i] becomes class i.
// Every chosen class must have a sample. DataError names the field "classes" and what is allowed.
Dataset select_classes(const Dataset& data, const std::vector<int>& classes);

}  // namespace lab
