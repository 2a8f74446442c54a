// A classification dataset restricted to chosen classes (see class_subset.hpp).
#include "core/data/class_subset.hpp"

#include <algorithm>
#include <string>

#include "core/base/errors.hpp"

namespace lab {

Dataset select_classes(const Dataset& data, const std::vector<int>& classes) {
  const std::string tag = "[Dataset] classes: ";
  if (!data.is_classification())
    throw DataError(tag + "only a classification dataset has classes to choose; \"" + data.name + "\" is " + data.task);
  const int K = data.classes;
  if (classes.size() < 2 || classes.size() > static_cast<std::size_t>(K))
    throw DataError(tag + "choose 2 to " + std::to_string(K) + " of the classes 0.." + std::to_string(K - 1) +
                    " of \"" + data.name + "\", got " + std::to_string(classes.size()));
  // new_label[c] = the position of class c in `classes`, or −1 when it is left out
  std::vector<int> new_label(static_cast<std::size_t>(K), -1);
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const int c = classes[i];
    if (c < 0 || c >= K)
      throw DataError(tag + std::to_string(c) + " is not a class of \"" + data.name + "\": its classes are 0.." +
                      std::to_string(K - 1));
    if (new_label[static_cast<std::size_t>(c)] >= 0)
      throw DataError(tag + "class " + std::to_string(c) + " (" + data.class_names[static_cast<std::size_t>(c)] +
                      ") is chosen twice");
    new_label[static_cast<std::size_t>(c)] = static_cast<int>(i);
  }
  std::vector<int> kept;
  for (std::size_t j = 0; j < data.labels.size(); ++j)
    if (new_label[static_cast<std::size_t>(data.labels[j])] >= 0) kept.push_back(static_cast<int>(j));
  Dataset out = subset(data, kept);
  for (int& label : out.labels) label = new_label[static_cast<std::size_t>(label)];
  const std::vector<long> counts = class_counts(out.labels, static_cast<int>(classes.size()));
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (counts[i] == 0)
      throw DataError(tag + "class " + std::to_string(classes[i]) + " (" +
                      data.class_names[static_cast<std::size_t>(classes[i])] + ") has no samples in \"" + data.name +
                      "\"");
  out.classes = static_cast<int>(classes.size());
  out.class_names.clear();
  for (const int c : classes) out.class_names.push_back(data.class_names[static_cast<std::size_t>(c)]);
  validate_dataset(out);
  return out;
}

}  // namespace lab
