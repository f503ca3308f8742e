#include "methods/weighting/deviation.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

CompleteCases prepare(const char* fn, const Eigen::MatrixXd& x, const VariationOptions& opt, Eigen::Index min_units,
                      VariationWeights& r) {
  check_column_info(fn, x.cols(), opt.ids, opt.directions);
  if (x.cols() < 1) throw InvalidInput(fmt::format("{}: no columns", fn));
  CompleteCases cc = complete_cases(x, opt.missing, fn, opt.ids, r.warnings);
  r.n_used = cc.x.rows();
  r.n_dropped = cc.n_dropped;
  if (cc.x.rows() < min_units)
    throw DomainError(fmt::format("{}: {} complete unit(s); at least {} are needed", fn, cc.x.rows(), min_units));
  return cc;
}

void finish(const char* fn, const VariationOptions& opt, VariationWeights& r, const std::vector<Eigen::Index>& constant) {
  for (Eigen::Index j : constant)
    r.warnings.push_back(fmt::format("{}: {} is constant over the {} units used: weight 0", fn,
                                     column_label(opt.ids, j), r.n_used));
  const double sum = r.score.sum();
  if (!(sum > 0)) throw DomainError(fmt::format("{}: every column is constant; weights are undefined", fn));
  r.weights = r.score / sum;
  check_weight_postcondition(fn, r.weights);
}

void moments(const Eigen::MatrixXd& z, VariationWeights& r) {
  const auto n = static_cast<double>(z.rows());
  r.mean = z.colwise().sum().transpose() / n;
  r.sd.resize(z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) r.sd(j) = std::sqrt((z.col(j).array() - r.mean(j)).square().sum() / (n - 1));
}

}  // namespace

VariationWeights max_deviation_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "max_deviation_weights";
  VariationWeights r;
  const CompleteCases cc = prepare(fn, x, opt, 2, r);
  std::vector<Eigen::Index> constant;
  const Eigen::MatrixXd z = min_max_unit(cc.x, opt.directions, opt.zero_range_tol, constant);
  moments(z, r);
  r.score = Eigen::VectorXd::Zero(z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    // sum_i sum_k |z_i - z_k| = 2 sum_{i<k} |z_i - z_k| = 2 sum_t (2t - n + 1) s_(t) over the sorted values.
    std::vector<double> v(z.col(j).data(), z.col(j).data() + z.rows());
    std::sort(v.begin(), v.end());
    const auto n = static_cast<double>(v.size());
    double d = 0;
    for (std::size_t t = 0; t < v.size(); ++t) d += (2.0 * static_cast<double>(t) - n + 1.0) * v[t];
    r.score(j) = 2 * d;
  }
  finish(fn, opt, r, constant);
  return r;
}

VariationWeights mean_deviation_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "mean_deviation_weights";
  VariationWeights r;
  const CompleteCases cc = prepare(fn, x, opt, 2, r);
  std::vector<Eigen::Index> constant;
  const Eigen::MatrixXd z = min_max_unit(cc.x, opt.directions, opt.zero_range_tol, constant);
  moments(z, r);
  r.score.resize(z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) r.score(j) = (z.col(j).array() - r.mean(j)).abs().mean();
  finish(fn, opt, r, constant);
  return r;
}

VariationWeights independence_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "independence_weights";
  VariationWeights r;
  if (x.cols() < 2) throw DomainError(fmt::format("{}: {} column(s); regressions need at least 2", fn, x.cols()));
  const CompleteCases cc = prepare(fn, x, opt, x.cols() + 2, r);
  moments(cc.x, r);
  const auto n = static_cast<double>(cc.x.rows());
  Eigen::MatrixXd c = cc.x.rowwise() - r.mean.transpose();
  for (Eigen::Index j = 0; j < c.cols(); ++j) {
    const double range = cc.x.col(j).maxCoeff() - cc.x.col(j).minCoeff();
    if (!(range > opt.zero_range_tol * std::max(1.0, cc.x.col(j).cwiseAbs().maxCoeff())))
      throw DomainError(fmt::format("{}: {} is constant; its correlations are undefined", fn, column_label(opt.ids, j)),
                        Location{.indicator = column_id(opt.ids, j)});
    c.col(j) /= r.sd(j) * std::sqrt(n - 1);
  }
  r.correlation = c.transpose() * c;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(r.correlation);
  const Eigen::MatrixXd inv = ldlt.solve(Eigen::MatrixXd::Identity(c.cols(), c.cols()));
  r.score.resize(c.cols());
  for (Eigen::Index j = 0; j < c.cols(); ++j) {
    const double s = 1.0 / inv(j, j);  // 1 - R_j^2, in (0, 1] for a non-singular C
    // A singular C (e.g. two children with correlation exactly -1) can leave LDLT with a zero
    // pivot and inv(j, j) at 0 or negative: 1 - R^2 outside (1e-10, 1 + 1e-8] is singular.
    if (ldlt.info() != Eigen::Success || !std::isfinite(inv(j, j)) || !(s > 1e-10 && s <= 1 + 1e-8))
      throw DomainError(fmt::format("{}: {} is (almost) an exact linear combination of the other columns "
                                    "(1 - R^2 = {:.3g}); the correlation matrix is singular",
                                    fn, column_label(opt.ids, j), s),
                        Location{.indicator = column_id(opt.ids, j)});
    r.score(j) = s;
  }
  finish(fn, opt, r, {});
  return r;
}

}  // namespace cikit
