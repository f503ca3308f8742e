#include "methods/core/dataset.hpp"

#include <cmath>

namespace cikit {

std::optional<Eigen::Index> Dataset::column_of(std::string_view indicator_id) const {
  for (std::size_t j = 0; j < indicator_ids.size(); ++j)
    if (indicator_ids[j] == indicator_id) return static_cast<Eigen::Index>(j);
  return std::nullopt;
}

const std::string& Dataset::unit_name(Eigen::Index i, std::string_view lang) const {
  const auto k = static_cast<std::size_t>(i);
  const auto& first = (lang == "zh") ? unit_names_zh : unit_names_en;
  const auto& second = (lang == "zh") ? unit_names_en : unit_names_zh;
  if (k < first.size() && !first[k].empty()) return first[k];
  if (k < second.size() && !second[k].empty()) return second[k];
  return unit_ids.at(k);
}

Eigen::Index Dataset::n_missing() const { return values.array().isNaN().count(); }

}  // namespace cikit
