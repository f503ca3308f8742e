#include "methods/weighting/entropy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

namespace {
constexpr const char* kFn = "entropy_weights";
/// Warn when sum_j (1 - E_j) is below this times the number of columns: the weights then
/// amplify tiny entropy differences (METHODS-REFERENCE §7.1).
constexpr double kNearlyUniformDivergence = 1e-6;
}  // namespace

EntropyWeights entropy_weights(const Eigen::MatrixXd& x, const EntropyOptions& opt) {
  const Eigen::Index m = x.cols();
  check_column_info(kFn, m, opt.ids, opt.directions);
  if (m < 1) throw InvalidInput(fmt::format("{}: no columns", kFn));
  if (opt.shift == EntropyShift::None) {
    if (opt.delta < 0.0 || opt.delta > 0.0 || std::isnan(opt.delta))
      throw InvalidInput(fmt::format("{}: delta is {} but shift is None; set shift to Add or MinMaxFloor", kFn,
                                     opt.delta));
  } else if (!(opt.delta > 0) || !std::isfinite(opt.delta)) {
    throw InvalidInput(fmt::format("{}: delta is {}, but must be finite and > 0 when a shift is used", kFn,
                                   opt.delta));
  }
  if (opt.shift == EntropyShift::MinMaxFloor) {
    if (opt.variant != EntropyVariant::MinMax)
      throw InvalidInput(fmt::format("{}: shift MinMaxFloor needs the MinMax variant", kFn));
    if (!(opt.delta < 1))
      throw InvalidInput(fmt::format("{}: MinMaxFloor delta is {}, but must be in (0, 1)", kFn, opt.delta));
  }
  if (opt.variant == EntropyVariant::Ratio)
    for (std::size_t j = 0; j < opt.directions.size(); ++j)
      if (opt.directions[j] == Direction::Negative)
        throw InvalidInput(fmt::format("{}: {} is a cost (negative) indicator, but the Ratio variant does not "
                                       "reverse directions; orient the data first or use the MinMax variant",
                                       kFn, column_label(opt.ids, static_cast<Eigen::Index>(j))));

  EntropyWeights r;
  r.variant = opt.variant;
  const CompleteCases cc = complete_cases(x, opt.missing, kFn, opt.ids, r.warnings);
  const Eigen::Index n = cc.x.rows();
  r.n_used = n;
  r.n_dropped = cc.n_dropped;
  if (n < 2)
    throw DomainError(fmt::format("{}: {} complete unit(s); entropy needs at least 2 (k = 1/ln n)", kFn, n));

  // v: the values entering the ratio.
  std::vector<Eigen::Index> constant;
  Eigen::MatrixXd v;
  if (opt.variant == EntropyVariant::MinMax) {
    v = min_max_unit(cc.x, opt.directions, opt.zero_range_tol, constant);
    if (opt.shift == EntropyShift::MinMaxFloor) v = (opt.delta + (1.0 - opt.delta) * v.array()).matrix();
  } else {
    v = cc.x;
    for (Eigen::Index j = 0; j < m; ++j) {
      const double hi = v.col(j).maxCoeff(), lo = v.col(j).minCoeff();
      if (!(hi - lo > opt.zero_range_tol * std::max(1.0, v.col(j).cwiseAbs().maxCoeff()))) constant.push_back(j);
    }
  }
  if (opt.shift == EntropyShift::Add) v.array() += opt.delta;
  if (opt.variant == EntropyVariant::Ratio)
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index i = 0; i < n; ++i)
        if (!(v(i, j) >= 0))
          throw DomainError(fmt::format("{}: row {}, {} is {} (after any shift), but the Ratio variant needs "
                                        "values >= 0; shift the data or use the MinMax variant",
                                        kFn, cc.rows[static_cast<std::size_t>(i)] + 1, column_label(opt.ids, j),
                                        v(i, j)),
                            Location{.indicator = column_id(opt.ids, j)});

  const double k = 1.0 / std::log(static_cast<double>(n));
  r.entropy.resize(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    if (std::find(constant.begin(), constant.end(), j) != constant.end()) {
      r.entropy(j) = 1.0;
      r.warnings.push_back(fmt::format("{}: {} is constant over the {} units used: entropy 1, weight 0", kFn,
                                       column_label(opt.ids, j), n));
      continue;
    }
    const double sum = v.col(j).sum();
    double h = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double p = v(i, j) / sum;
      if (p > 0) h -= p * std::log(p);  // 0 ln 0 := 0 (limit)
    }
    // Clamp rounding: E in [0, 1] exactly in theory.
    r.entropy(j) = std::clamp(k * h, 0.0, 1.0);
  }
  r.divergence = (1.0 - r.entropy.array()).matrix();
  const double dsum = r.divergence.sum();
  if (!(dsum > 0))
    throw DomainError(fmt::format("{}: every column is constant (all entropies are 1); entropy weights are "
                                  "undefined",
                                  kFn));
  r.weights = r.divergence / dsum;
  if (dsum < kNearlyUniformDivergence * static_cast<double>(m))
    r.warnings.push_back(fmt::format("{}: all entropies are close to 1 (sum of 1 - E = {:.3g}); the weights are "
                                     "very sensitive to small changes in the data",
                                     kFn, dsum));
  check_weight_postcondition(kFn, r.weights);
  return r;
}

}  // namespace cikit
