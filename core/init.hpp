// Weight initialisation schemes drawn from the project's generator. Biases start at zero; the
// weights are drawn in flat parameter order, layer by layer, from one Rng(seed).
//   zeros: 0;  uniform: U(−s, s);  normal: N(0, s²);
//   xavier: U(−r, r) with r = s·√(6 / (in + out));  he: N(0, s²·2 / in)    (s = scale)
#pragma once

#include <vector>

#include "core/layer.hpp"
#include "core/spec.hpp"

namespace lab {

// Fills `params` (the network's flat vector) for the given layers.
void initialise_parameters(const std::vector<const Layer*>& layers, const InitSpec& init,
                           double* params);

}  // namespace lab
