#include "methods/aggregate/fuzzy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

/// "" when v is K >= 2 finite, strictly increasing values, else the reason.
std::string threshold_problem(const Eigen::RowVectorXd& v) {
  if (v.size() < 2) return fmt::format("{} threshold(s); fuzzy evaluation needs at least 2 grades", v.size());
  for (Eigen::Index k = 0; k < v.size(); ++k) {
    if (!std::isfinite(v(k))) return fmt::format("threshold {} is {}, but must be finite", k + 1, v(k));
    if (k > 0 && !(v(k) > v(k - 1)))
      return fmt::format("thresholds must be strictly increasing, but threshold {} ({}) is not above threshold {} ({})",
                         k + 1, v(k), k, v(k - 1));
  }
  return "";
}

}  // namespace

Eigen::RowVectorXd grade_membership(double x, const Eigen::RowVectorXd& v, bool cost) {
  if (const std::string why = threshold_problem(v); !why.empty())
    throw InvalidInput(fmt::format("grade_membership: {}", why));
  if (!std::isfinite(x)) throw InvalidInput(fmt::format("grade_membership: value {} is not finite", x));
  const Eigen::Index K = v.size();
  Eigen::RowVectorXd r = Eigen::RowVectorXd::Zero(K);
  if (x <= v(0)) {
    r(0) = 1;
  } else if (x >= v(K - 1)) {
    r(K - 1) = 1;
  } else {
    Eigen::Index k = 0;  // v(k) < x < v(k + 1) or x == v(k + 1)
    while (!(x <= v(k + 1))) ++k;
    const double h = v(k + 1) - v(k);
    r(k) = (v(k + 1) - x) / h;
    r(k + 1) = (x - v(k)) / h;
  }
  if (cost) r.reverseInPlace();
  return r;
}

FuzzyResult fuzzy_evaluation(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const FuzzyOptions& o) {
  constexpr const char* fn = "fuzzy";
  const std::string where = o.node.empty() ? std::string() : fmt::format("node '{}': ", o.node);
  const Eigen::Index m = x.cols(), K = o.thresholds.cols();
  if (o.thresholds.rows() != m)
    throw InvalidInput(fmt::format("{}: {}{} criteria but {} rows of grade thresholds", fn, where, m,
                                   o.thresholds.rows()),
                       Location{.node = o.node});
  for (Eigen::Index j = 0; j < m; ++j)
    if (const std::string why = threshold_problem(o.thresholds.row(j)); !why.empty())
      throw InvalidInput(fmt::format("{}: {}grade thresholds of {}: {}", fn, where, column_label(o.ids, j), why),
                         Location{.indicator = column_id(o.ids, j), .node = o.node});
  Eigen::VectorXd c = o.scores;
  if (c.size() == 0) c = Eigen::VectorXd::LinSpaced(K, 1.0, static_cast<double>(K));
  if (c.size() != K)
    throw InvalidInput(fmt::format("{}: {}{} grade scores for {} grades", fn, where, c.size(), K),
                       Location{.node = o.node});
  for (Eigen::Index k = 0; k < K; ++k)
    if (!std::isfinite(c(k)) || (k > 0 && !(c(k) > c(k - 1))))
      throw InvalidInput(fmt::format("{}: {}grade scores must be finite and strictly increasing (score {} is {})", fn,
                                     where, k + 1, c(k)),
                         Location{.node = o.node});
  FuzzyResult r;
  const McdaInput in = mcda_prepare(fn, x, w, o, r.warnings, 1);
  r.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::Index n = in.x.rows();
  Eigen::MatrixXd b(n, K);
  Eigen::VectorXd s(n), g(n);
  Eigen::MatrixXd rel(m, K);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < m; ++j)
      rel.row(j) = grade_membership(in.x(i, j), o.thresholds.row(j), in.cost[static_cast<std::size_t>(j)]);
    Eigen::RowVectorXd bi(K);
    for (Eigen::Index k = 0; k < K; ++k) {
      double acc = 0;
      for (Eigen::Index j = 0; j < m; ++j) {
        const double wj = in.w(j), rjk = rel(j, k);
        switch (o.op) {
          case FuzzyOperator::ProductSum: acc += wj * rjk; break;
          case FuzzyOperator::MinMax: acc = std::max(acc, std::min(wj, rjk)); break;
          case FuzzyOperator::ProductMax: acc = std::max(acc, wj * rjk); break;
          case FuzzyOperator::MinSum: acc += std::min(wj, rjk); break;
        }
      }
      bi(k) = (o.op == FuzzyOperator::ProductSum || o.op == FuzzyOperator::MinSum) ? std::min(1.0, acc) : acc;
    }
    if (o.op != FuzzyOperator::ProductSum) {
      const double sum = bi.sum();
      if (!(sum > 0))
        throw InternalError(fmt::format("{}: {}evaluation vector of a unit sums to {}", fn, where, sum));
      bi /= sum;
    }
    b.row(i) = bi;
    s(i) = bi.dot(c.transpose());
    Eigen::Index best = 0;
    if (o.grade_rule == FuzzyGradeRule::MaxMembership) {
      for (Eigen::Index k = 1; k < K; ++k)
        if (bi(k) > bi(best)) best = k;
    } else {
      for (Eigen::Index k = 1; k < K; ++k)
        if (std::abs(c(k) - s(i)) < std::abs(c(best) - s(i))) best = k;
    }
    g(i) = static_cast<double>(best + 1);
  }
  r.score = mcda_scatter(in, s);
  r.grade = mcda_scatter(in, g);
  r.membership = Eigen::MatrixXd::Constant(in.n_all, K, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t k = 0; k < in.rows.size(); ++k) r.membership.row(in.rows[k]) = b.row(static_cast<Eigen::Index>(k));
  return r;
}

}  // namespace cikit
