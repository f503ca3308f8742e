#include "methods/weighting/variation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

/// Two-pass mean and sample sd (n - 1) of each column.
void column_moments(const Eigen::MatrixXd& z, Eigen::VectorXd& mean, Eigen::VectorXd& sd) {
  const auto n = static_cast<double>(z.rows());
  mean = z.colwise().sum().transpose() / n;
  sd.resize(z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j)
    sd(j) = std::sqrt((z.col(j).array() - mean(j)).square().sum() / (n - 1.0));
}

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

void normalise_scores(const char* fn, const std::vector<std::string>& ids, VariationWeights& r,
                      const std::vector<Eigen::Index>& constant, const char* what) {
  for (Eigen::Index j : constant)
    r.warnings.push_back(fmt::format("{}: {} is constant over the {} units used: {} 0, weight 0", fn,
                                     column_label(ids, j), r.n_used, what));
  const double sum = r.score.sum();
  if (!(sum > 0)) throw DomainError(fmt::format("{}: every column is constant; weights are undefined", fn));
  r.weights = r.score / sum;
  check_weight_postcondition(fn, r.weights);
}

}  // namespace

VariationWeights cv_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "cv_weights";
  VariationWeights r;
  const CompleteCases cc = prepare(fn, x, opt, 2, r);
  column_moments(cc.x, r.mean, r.sd);
  r.score.resize(x.cols());
  std::vector<Eigen::Index> constant;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double scale = cc.x.col(j).cwiseAbs().maxCoeff();
    const double range = cc.x.col(j).maxCoeff() - cc.x.col(j).minCoeff();
    if (!(std::abs(r.mean(j)) > opt.zero_mean_tol * scale))
      throw DomainError(fmt::format("{}: {} has mean {} (zero); the coefficient of variation sd/|mean| is "
                                    "undefined; use sd_weights or shift the data",
                                    fn, column_label(opt.ids, j), r.mean(j)),
                        Location{.indicator = column_id(opt.ids, j)});
    if (!(range > opt.zero_range_tol * std::max(1.0, scale))) {
      constant.push_back(j);
      r.score(j) = 0;
      continue;
    }
    r.score(j) = r.sd(j) / std::abs(r.mean(j));
  }
  normalise_scores(fn, opt.ids, r, constant, "CV");
  return r;
}

VariationWeights sd_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "sd_weights";
  VariationWeights r;
  const CompleteCases cc = prepare(fn, x, opt, 2, r);
  std::vector<Eigen::Index> constant;
  const Eigen::MatrixXd z = min_max_unit(cc.x, opt.directions, opt.zero_range_tol, constant);
  column_moments(z, r.mean, r.sd);
  r.score = r.sd;
  for (Eigen::Index j : constant) r.score(j) = 0;
  normalise_scores(fn, opt.ids, r, constant, "sd");
  return r;
}

VariationWeights critic_weights(const Eigen::MatrixXd& x, const VariationOptions& opt) {
  constexpr const char* fn = "critic_weights";
  VariationWeights r;
  if (x.cols() < 2)
    throw DomainError(fmt::format("{}: {} indicator(s); CRITIC needs at least 2 indicators", fn, x.cols()));
  const CompleteCases cc = prepare(fn, x, opt, 3, r);
  std::vector<Eigen::Index> constant;
  const Eigen::MatrixXd z = min_max_unit(cc.x, opt.directions, opt.zero_range_tol, constant);
  if (!constant.empty())
    throw DomainError(fmt::format("{}: {} is constant over the {} units used; its correlations (and CRITIC) "
                                  "are undefined; drop it",
                                  fn, column_label(opt.ids, constant.front()), r.n_used),
                      Location{.indicator = column_id(opt.ids, constant.front())});
  column_moments(z, r.mean, r.sd);
  const Eigen::MatrixXd centred = z.rowwise() - r.mean.transpose();
  const Eigen::MatrixXd cov = centred.transpose() * centred / static_cast<double>(z.rows() - 1);
  const Eigen::Index m = x.cols();
  r.correlation.resize(m, m);
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index k = 0; k < m; ++k)
      r.correlation(j, k) = j == k ? 1.0 : std::clamp(cov(j, k) / (r.sd(j) * r.sd(k)), -1.0, 1.0);
  r.score.resize(m);
  for (Eigen::Index j = 0; j < m; ++j) r.score(j) = r.sd(j) * (1.0 - r.correlation.row(j).array()).sum();
  if (!(r.score.sum() > 0))
    throw DomainError(fmt::format("{}: all indicators are perfectly correlated (r = 1); CRITIC weights are "
                                  "undefined",
                                  fn));
  normalise_scores(fn, opt.ids, r, {}, "C");
  return r;
}

}  // namespace cikit
