/// \file delphi_content_validity.cpp
/// Content validity of indicators rated by a panel (delphi.hpp): the item-level and scale
/// content validity index (I-CVI, S-CVI) with the modified kappa, and Lawshe's content validity
/// ratio (CVR) with its critical value.
#include "methods/delphi/delphi.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/binomial.hpp>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Counted {
  Eigen::VectorXd n, hits;
};
Counted count_at_least(const Eigen::MatrixXd& ratings, double threshold, const char* fn) {
  if (ratings.rows() == 0 || ratings.cols() == 0) throw InvalidInput(fmt::format("{}: empty ratings matrix", fn));
  Counted c{Eigen::VectorXd::Zero(ratings.cols()), Eigen::VectorXd::Zero(ratings.cols())};
  for (Eigen::Index j = 0; j < ratings.cols(); ++j) {
    for (Eigen::Index i = 0; i < ratings.rows(); ++i) {
      if (std::isnan(ratings(i, j))) continue;
      c.n(j) += 1;
      if (ratings(i, j) >= threshold) c.hits(j) += 1;
    }
    if (!(c.n(j) > 0)) throw InvalidInput(fmt::format("{}: item column {} has no rating", fn, j + 1));
  }
  return c;
}
}  // namespace

CviResult content_validity_index(const Eigen::MatrixXd& ratings, double relevant_min) {
  const Counted c = count_at_least(ratings, relevant_min, "content_validity_index");
  CviResult r;
  const Eigen::Index n = ratings.cols();
  r.n = c.n;
  r.relevant = c.hits;
  r.i_cvi = c.hits.array() / c.n.array();
  r.pc.resize(n);
  r.kappa.resize(n);
  double ua = 0;
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto N = static_cast<unsigned>(c.n(j)), A = static_cast<unsigned>(c.hits(j));
    r.pc(j) = boost::math::binomial_coefficient<double>(N, A) * std::pow(0.5, static_cast<double>(N));
    r.kappa(j) = (r.i_cvi(j) - r.pc(j)) / (1 - r.pc(j));
    const double k = r.kappa(j);
    r.kappa_band.emplace_back(k > 0.74 ? "excellent" : k >= 0.60 ? "good" : k >= 0.40 ? "fair" : "poor");
    if (A == N) ua += 1;
  }
  r.s_cvi_ave = r.i_cvi.mean();
  r.s_cvi_ua = ua / static_cast<double>(n);
  return r;
}

CvrResult content_validity_ratio(const Eigen::MatrixXd& ratings, double essential_min, double alpha) {
  if (!(alpha > 0 && alpha < 1)) throw InvalidInput("content_validity_ratio: alpha must be in (0, 1)");
  const Counted c = count_at_least(ratings, essential_min, "content_validity_ratio");
  CvrResult r;
  r.alpha = alpha;
  const Eigen::Index n = ratings.cols();
  r.n = c.n;
  r.essential = c.hits;
  r.cvr = (c.hits.array() - c.n.array() / 2) / (c.n.array() / 2);
  r.n_critical.resize(n);
  r.cvr_critical.resize(n);
  double sum = 0, kept = 0;
  for (Eigen::Index j = 0; j < n; ++j) {
    const double N = c.n(j);
    const boost::math::binomial_distribution<double> bin(N, 0.5);
    double crit = kNaN;
    for (double k = 0; k <= N; k += 1) {
      const double upper = k < 1 ? 1.0 : boost::math::cdf(boost::math::complement(bin, k - 1));  // P(X >= k)
      if (upper < alpha) {
        crit = k;
        break;
      }
    }
    r.n_critical(j) = crit;
    r.cvr_critical(j) = std::isnan(crit) ? kNaN : (crit - N / 2) / (N / 2);
    const bool ok = !std::isnan(crit) && c.hits(j) >= crit;
    r.meets.push_back(ok);
    if (ok) {
      sum += r.cvr(j);
      kept += 1;
    }
    if (std::isnan(crit))
      r.warnings.push_back(fmt::format("content_validity_ratio: item column {} has only {} ratings; no critical CVR "
                                       "exists at alpha = {} (needs N >= 5)",
                                       j + 1, N, alpha));
  }
  r.cvi = kept > 0 ? sum / kept : kNaN;
  return r;
}

}  // namespace cikit
