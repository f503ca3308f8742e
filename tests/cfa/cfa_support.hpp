#pragma once
// Loads a validation/cfa case: the model (model.csv, lavaan lhs/op/rhs lines) and data.csv.
#include <algorithm>
#include <map>
#include <string>

#include "methods/cfa/estimate.hpp"
#include "tests/support.hpp"

namespace cikit_test {

struct CfaCase {
  cikit::cfa::MeasurementModel model;
  Eigen::MatrixXd x;  ///< columns in model.indicators order (NaN for NA)
};

inline CfaCase load_cfa_case(const std::string& dir) {
  CfaCase c;
  const auto model = read_table(dir + "/model.csv");
  const auto data = read_table(dir + "/data.csv");
  auto& mo = c.model;
  std::map<std::string, int> ind, fac;
  // Indicators: every "=~" rhs that is not itself a factor (lhs of "=~").
  std::map<std::string, bool> is_factor;
  for (std::size_t r = 1; r < model.size(); ++r)
    if (model[r][1] == "=~") is_factor[model[r][0]] = true;
  for (std::size_t r = 1; r < model.size(); ++r) {
    const auto& row = model[r];
    if (row[1] != "=~" || is_factor.count(row[2])) continue;
    if (!fac.count(row[0])) {
      fac[row[0]] = static_cast<int>(mo.factors.size());
      mo.factors.push_back(row[0]);
      mo.loadings.emplace_back();
    }
    if (!ind.count(row[2])) {
      ind[row[2]] = static_cast<int>(mo.indicators.size());
      mo.indicators.push_back(row[2]);
    }
    mo.loadings[static_cast<std::size_t>(fac[row[0]])].push_back(ind[row[2]]);
  }
  std::map<std::string, int> sec;
  for (std::size_t r = 1; r < model.size(); ++r) {
    const auto& row = model[r];
    if (row[1] == "=~" && is_factor.count(row[2])) {
      if (!sec.count(row[0])) {
        sec[row[0]] = static_cast<int>(mo.second_order.size());
        mo.second_order.push_back(row[0]);
        mo.second_loadings.emplace_back();
      }
      mo.second_loadings[static_cast<std::size_t>(sec[row[0]])].push_back(fac.at(row[2]));
    } else if (row[1] == "~~") {
      mo.residual_covariances.emplace_back(ind.at(row[0]), ind.at(row[2]));
    }
  }
  c.x.resize(static_cast<Eigen::Index>(data.size() - 1), static_cast<Eigen::Index>(mo.indicators.size()));
  for (std::size_t j = 0; j < mo.indicators.size(); ++j) {
    const std::size_t col = column(data, mo.indicators[j]);
    for (std::size_t r = 1; r < data.size(); ++r)
      c.x(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(j)) = ref_number(data[r][col]);
  }
  return c;
}

inline bool rel_close(double a, double b, double rel, double abs_floor = 1e-12) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::abs(a - b) <= rel * std::max(std::abs(b), abs_floor / rel) + abs_floor;
}

}  // namespace cikit_test
