#include "methods/validity/factorability.hpp"

#include <Eigen/LU>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <sstream>

#include "methods/core/error.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

namespace {

std::string fmt_g(double v) {
  std::ostringstream s;
  s.precision(3);
  s << v;
  return s.str();
}

Eigen::MatrixXd checked_r(const Eigen::MatrixXd& r, const char* fn) {
  if (r.rows() != r.cols())
    throw InvalidInput(std::string(fn) + ": R is " + std::to_string(r.rows()) + " x " + std::to_string(r.cols()) +
                       ", but must be square");
  if (r.cols() < 2) throw InvalidInput(std::string(fn) + ": R has fewer than 2 variables");
  if (!r.allFinite()) throw InvalidInput(std::string(fn) + ": R has a missing or infinite entry");
  if (!((r - r.transpose()).cwiseAbs().maxCoeff() <= 1e-12))
    throw InvalidInput(std::string(fn) + ": R is not symmetric");
  Eigen::MatrixXd out = r;
  out.diagonal().setOnes();
  return out;
}

Eigen::MatrixXd data_r(const Eigen::MatrixXd& x, const FactorabilityOptions& o, const char* fn) {
  if (x.cols() < 2) throw InvalidInput(std::string(fn) + ": X has fewer than 2 indicator columns");
  if (x.rows() < 2) throw InvalidInput(std::string(fn) + ": X has fewer than 2 rows");
  if (o.min_pairwise_n < 2) throw InvalidInput(std::string(fn) + ": min_pairwise_n must be >= 2");
  const auto names = stats::item_names(o.item_ids, x.cols(), fn);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    double mn = std::numeric_limits<double>::infinity(), mx = -mn;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double v = x(i, j);
      if (std::isinf(v))
        throw InvalidInput(std::string(fn) + ": indicator '" + names[static_cast<std::size_t>(j)] +
                               "' has an infinite value",
                           Location{.indicator = names[static_cast<std::size_t>(j)]});
      if (!std::isnan(v)) {
        mn = std::min(mn, v);
        mx = std::max(mx, v);
      }
    }
    if (!(mx > mn))
      throw DomainError(std::string(fn) + ": indicator '" + names[static_cast<std::size_t>(j)] +
                            "' is constant or has no values; its correlations are undefined (drop it)",
                        Location{.indicator = names[static_cast<std::size_t>(j)]});
  }
  return stats::pairwise_correlation(x, o.min_pairwise_n, names, fn);
}

}  // namespace

KmoResult kmo_from_correlation(const Eigen::MatrixXd& r_in, const FactorabilityOptions& o) {
  constexpr const char* fn = "kmo";
  const Eigen::MatrixXd r = checked_r(r_in, fn);
  const Eigen::Index p = r.cols();
  KmoResult res;
  res.items = stats::item_names(o.item_ids, p, fn);
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(r);
  res.rcond = lu.rcond();
  Eigen::MatrixXd q;
  if (!(res.rcond >= o.singular_rcond) || !std::isfinite(res.rcond)) {
    res.singular = true;
    q = r;
    res.warnings.push_back(std::string("the correlation matrix is singular (reciprocal condition number ") + fmt_g(res.rcond) +
                           "): no anti-image; as psych, Q = R is used and every MSA is 0.5 by construction");
  } else {
    q = lu.inverse();
    q = (q + q.transpose()) / 2.0;
  }
  Eigen::MatrixXd a = stats::cov2cor(q);
  res.anti_image = a;
  Eigen::MatrixXd r0 = r;
  a.diagonal().setZero();
  r0.diagonal().setZero();
  const Eigen::MatrixXd r2 = r0.cwiseAbs2();
  const Eigen::MatrixXd a2 = a.cwiseAbs2();
  const double sr = r2.sum();
  const double sa = a2.sum();
  res.msa = sr / (sr + sa);
  res.msa_items.resize(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    const double cr = r2.col(j).sum();
    res.msa_items[j] = cr / (cr + a2.col(j).sum());
  }
  if (!std::isfinite(res.msa) || !res.msa_items.allFinite()) {
    if (!a.allFinite())
      throw DomainError(std::string(fn) +
                        ": MSA undefined: the inverse of the correlation matrix has a non-positive diagonal, so the "
                        "anti-image correlations are not defined (the matrix is not positive definite: pairwise "
                        "deletion, or nearly as many indicators as distinct units)");
    throw DomainError(std::string(fn) + ": MSA undefined (all correlations are zero)");
  }
  if (res.msa < o.kmo_min)
    res.warnings.push_back(std::string("overall MSA ") + fmt_g(res.msa) + " < " + fmt_g(o.kmo_min) +
                           ": unacceptable for factor analysis (Kaiser 1974)");
  return res;
}

KmoResult kmo(const Eigen::MatrixXd& x, const FactorabilityOptions& o) {
  KmoResult res = kmo_from_correlation(data_r(x, o, "kmo"), o);
  res.n_obs = x.rows();
  return res;
}

BartlettResult bartlett_sphericity_from_correlation(const Eigen::MatrixXd& r_in, Eigen::Index n,
                                                    const FactorabilityOptions& o) {
  constexpr const char* fn = "bartlett_sphericity";
  const Eigen::MatrixXd r = checked_r(r_in, fn);
  const Eigen::Index p = r.cols();
  const double pd = static_cast<double>(p);
  const double factor = static_cast<double>(n) - 1.0 - (2.0 * pd + 5.0) / 6.0;
  if (!(factor > 0.0))
    throw InvalidInput(std::string(fn) + ": n = " + std::to_string(n) + " is too small for p = " + std::to_string(p) +
                       " (n - 1 - (2p + 5)/6 must be > 0)");
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(r);
  const Eigen::MatrixXd& lu_m = lu.matrixLU();
  double log_det = 0.0;
  double sign = static_cast<double>(lu.permutationP().determinant());
  for (Eigen::Index i = 0; i < p; ++i) {
    const double d = lu_m(i, i);
    if (d < 0.0) sign = -sign;
    log_det += std::log(std::abs(d));
  }
  if (!(sign > 0.0) || !std::isfinite(log_det) || !(lu.rcond() >= o.singular_rcond))
    throw DomainError(std::string(fn) + ": the correlation matrix is singular or not positive definite "
                      "(reciprocal condition number " + fmt_g(lu.rcond()) + "); ln|R| is undefined");
  BartlettResult res;
  res.log_det = log_det;
  res.n = n;
  res.p = p;
  res.df = pd * (pd - 1.0) / 2.0;
  res.chi_square = -log_det * factor;
  if (res.chi_square < 0.0) res.chi_square = 0.0;  // |R| <= 1 for a correlation matrix; rounding only
  res.p_value = boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double>(res.df),
                                                         res.chi_square));
  if (res.p_value > o.bartlett_alpha)
    res.warnings.push_back(std::string("Bartlett's test does not reject sphericity (p = ") + fmt_g(res.p_value) + " > " +
                           fmt_g(o.bartlett_alpha) + "): the indicators may be too weakly correlated to factor");
  return res;
}

BartlettResult bartlett_sphericity(const Eigen::MatrixXd& x, const FactorabilityOptions& o) {
  return bartlett_sphericity_from_correlation(data_r(x, o, "bartlett_sphericity"), x.rows(), o);
}

}  // namespace cikit
