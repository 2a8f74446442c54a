// Shared helpers of the layer interface.
#include "core/nn/layer.hpp"

namespace lab {

Index Layer::param_count() const {
  Index count = 0;
  for (const auto& block : param_blocks()) count += block.rows * block.cols;
  return count;
}

}  // namespace lab
