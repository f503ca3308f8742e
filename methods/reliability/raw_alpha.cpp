/// \file raw_alpha.cpp
/// Raw alpha alone (alpha.hpp): raw_alpha of one sample (complete or pairwise) and the
/// leave-one-out raw_alpha_jackknife (row-sum kernel for complete data, leave-one-out updates
/// of the pairwise sums otherwise).
#include "methods/reliability/alpha.hpp"

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"
#include "methods/reliability/detail/raw_alpha_sums.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

using reliability_detail::RawAlphaSums;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double raw_alpha(const Eigen::MatrixXd& x) {
  const Eigen::Index k = x.cols();
  const Eigen::Index n = x.rows();
  if (k < 2 || n < 2) return kNaN;
  double tr = 0.0;
  double sum = 0.0;
  if (!x.hasNaN()) {
    // Complete data: ΣC = var(row sums), tr C = Σ var_j (same C as the pairwise formula).
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centered = x.rowwise() - mean;
    const double d = static_cast<double>(n - 1);
    tr = centered.colwise().squaredNorm().sum() / d;
    sum = centered.rowwise().sum().squaredNorm() / d;
  } else {
    Eigen::MatrixXd c;
    try {
      c = stats::pairwise_covariance(x, 2, stats::item_names({}, k, "raw_alpha"), "raw_alpha");
    } catch (const DomainError&) {
      return kNaN;
    }
    tr = c.trace();
    sum = c.sum();
  }
  if (!(std::abs(sum) > 0.0)) return kNaN;
  const auto kd = static_cast<double>(k);
  return (1.0 - tr / sum) * (kd / (kd - 1.0));
}

Eigen::VectorXd raw_alpha_jackknife(const Eigen::MatrixXd& x) {
  // Leave-one-out updates of the pairwise sums: O(n k²) instead of n pairwise covariances
  // (O(n² k²)). Data are centred by their available-value column means first so that the
  // one-pass update Σab − a_r b_r − (Σa − a_r)(Σb − b_r)/m' does not cancel.
  const Eigen::Index n = x.rows();
  const Eigen::Index k = x.cols();
  Eigen::VectorXd out = Eigen::VectorXd::Constant(n, kNaN);
  if (k < 2 || n < 3) return out;
  if (!x.hasNaN()) return RawAlphaSums(x).jackknife();  // complete data: O(n k)
  const Eigen::MatrixXd z = stats::centre_by_available_means(x);
  // Pair sums over common rows (full symmetric storage for simple indexing).
  Eigen::MatrixXd cnt = Eigen::MatrixXd::Zero(k, k), sa = cnt, sb = cnt, sab = cnt;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index b = 0; b < k; ++b) {
      const double vb = z(i, b);
      if (std::isnan(vb)) continue;
      for (Eigen::Index a = 0; a < k; ++a) {
        const double va = z(i, a);
        if (std::isnan(va)) continue;
        cnt(a, b) += 1.0;
        sa(a, b) += va;
        sb(a, b) += vb;
        sab(a, b) += va * vb;
      }
    }
  const auto kd = static_cast<double>(k);
  // Each leave-one-out value depends only on the shared sums and its own row: the same bits at
  // any thread count.
#pragma omp parallel for schedule(static)
  for (Eigen::Index r = 0; r < n; ++r) {
    double tr = 0.0;
    double sum = 0.0;
    bool ok = true;
    for (Eigen::Index b = 0; b < k && ok; ++b)
      for (Eigen::Index a = 0; a < k; ++a) {
        const double va = z(r, a);
        const double vb = z(r, b);
        const bool in = !std::isnan(va) && !std::isnan(vb);
        const double m = cnt(a, b) - (in ? 1.0 : 0.0);
        if (m < 2.0) {
          ok = false;
          break;
        }
        const double s_a = sa(a, b) - (in ? va : 0.0);
        const double s_b = sb(a, b) - (in ? vb : 0.0);
        const double s_ab = sab(a, b) - (in ? va * vb : 0.0);
        const double c = (s_ab - s_a * s_b / m) / (m - 1.0);
        sum += c;
        if (a == b) tr += c;
      }
    if (ok && std::abs(sum) > 0.0) out[r] = (1.0 - tr / sum) * (kd / (kd - 1.0));
  }
  return out;
}

}  // namespace cikit
