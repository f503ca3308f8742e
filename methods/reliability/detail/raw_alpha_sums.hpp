#pragma once
/// \file detail/raw_alpha_sums.hpp
/// Private kernel of methods/reliability (raw_alpha.cpp, alpha.cpp): raw alpha of bootstrap
/// resamples and leave-one-out samples of complete data from row sums. Not installed; no
/// other family includes it.

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "methods/core/random.hpp"

namespace cikit::reliability_detail {

// Raw alpha of resamples and leave-one-out samples of complete data from row sums, without
// materialising the sample. With z = X − colMeans(X) (the full sample's means, once, so that the
// one-pass sums below do not cancel), per row q_i = Σ_j z_ij² and t_i = Σ_j z_ij, and a sample of
// m rows (with repeats): S_j = Σ z_ij, tr C = (Σ q_i − Σ_j S_j²/m)/(m − 1) and
// ΣC = var(row totals) = (Σ t_i² − (Σ t_i)²/m)/(m − 1), which is what raw_alpha computes on the
// materialised sample (C is invariant to the shift by the means); the two agree up to rounding
// (tests/reliability/alpha_test.cpp: max |difference| <= 1e-12). A bootstrap replicate costs
// O(n k) additions over contiguous rows and no allocation (the accumulator is the caller's, one
// per thread); the whole jackknife O(n k).
class RawAlphaSums {
 public:
  explicit RawAlphaSums(const Eigen::MatrixXd& x) : k_(x.cols()), rows_(x.rows(), x.cols() + 3) {
    const Eigen::RowVectorXd mean = x.colwise().mean();
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      double t = 0.0;
      double q = 0.0;
      for (Eigen::Index j = 0; j < k_; ++j) {
        const double z = x(i, j) - mean[j];
        rows_(i, j) = z;
        t += z;
        q += z * z;
      }
      rows_(i, k_) = q;
      rows_(i, k_ + 1) = t;
      rows_(i, k_ + 2) = t * t;
    }
  }

  /// raw_alpha of the resample drawn from `g` (n calls of uniform_index(g, n), as the
  /// materialising path draws them); NaN when every draw is the same row or ΣC is 0. Draws
  /// alternate between two halves of `acc` (two independent chains of additions, added at the end).
  double replicate(std::mt19937_64& g, Eigen::RowVectorXd& acc) const {
    const Eigen::Index n = rows_.rows();
    const Eigen::Index w = rows_.cols();
    const auto nu = static_cast<std::uint64_t>(n);
    acc.setZero(2 * w);
    double* __restrict a0 = acc.data();
    double* __restrict a1 = acc.data() + w;
    const double* __restrict z = rows_.data();
    const auto add = [w, z](double* __restrict a, std::uint64_t i) {
      const double* __restrict row = z + static_cast<Eigen::Index>(i) * w;
      for (Eigen::Index j = 0; j < w; ++j) a[j] += row[j];
    };
    const std::uint64_t first = uniform_index(g, nu);
    add(a0, first);
    bool varied = false;
    for (Eigen::Index r = 1; r < n; ++r) {
      const std::uint64_t i = uniform_index(g, nu);
      varied = varied || i != first;
      add((r & 1) != 0 ? a1 : a0, i);
    }
    for (Eigen::Index j = 0; j < w; ++j) a0[j] += a1[j];
    return varied ? from_sums(a0, n) : kNaN;  // a constant resample has C = 0
  }

  /// raw_alpha of X without row i, i = 0..n−1 (n >= 3).
  Eigen::VectorXd jackknife() const {
    const Eigen::Index n = rows_.rows();
    const Eigen::RowVectorXd all = rows_.colwise().sum();
    Eigen::RowVectorXd acc(rows_.cols());
    Eigen::VectorXd out(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      acc = all - rows_.row(i);
      out[i] = from_sums(acc.data(), n - 1);
    }
    return out;
  }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  // acc = [S_1..S_k, Σq, Σt, Σt²] over m rows.
  double from_sums(const double* acc, Eigen::Index m) const {
    const auto md = static_cast<double>(m);
    double s2 = 0.0;
    for (Eigen::Index j = 0; j < k_; ++j) s2 += acc[j] * acc[j];
    const double tr = (acc[k_] - s2 / md) / (md - 1.0);
    const double sum = (acc[k_ + 2] - acc[k_ + 1] * acc[k_ + 1] / md) / (md - 1.0);
    if (!(std::abs(sum) > 0.0)) return kNaN;
    const auto kd = static_cast<double>(k_);
    return (1.0 - tr / sum) * (kd / (kd - 1.0));
  }

  Eigen::Index k_;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows_;  // [z, q, t, t²] per row
};

}  // namespace cikit::reliability_detail
