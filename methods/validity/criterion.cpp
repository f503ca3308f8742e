#include "methods/validity/criterion.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/validity/correlation.hpp"

namespace cikit {

CorrelationTest correlation_test(const Eigen::VectorXd& x, const Eigen::VectorXd& y, CorrelationMethod method,
                                 double level, const std::string& what) {
  const std::string name = what.empty() ? std::string("correlation_test") : what;
  if (x.size() != y.size())
    throw InvalidInput(fmt::format("{}: the two variables have {} and {} values", name, x.size(), y.size()));
  if (!(level > 0 && level < 1)) throw InvalidInput(fmt::format("{}: confidence level {} is not in (0, 1)", name, level));
  Eigen::MatrixXd xy(x.size(), 2);
  Eigen::Index n = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i)) && !std::isnan(y(i))) {
      xy(n, 0) = x(i);
      xy(n, 1) = y(i);
      ++n;
    }
  if (n < 4)
    throw InvalidInput(fmt::format("{}: {} complete pairs; a correlation with a confidence interval needs at least 4",
                                   name, n));
  xy.conservativeResize(n, 2);
  if (method == CorrelationMethod::Spearman) {
    xy.col(0) = average_ranks(xy.col(0));
    xy.col(1) = average_ranks(xy.col(1));
  }
  CorrelationOptions co;
  co.names = {what.empty() ? "x" : what + " (x)", what.empty() ? "y" : what + " (y)"};
  CorrelationTest t;
  t.n = static_cast<long>(n);
  t.r = correlation_matrix(xy, co).r(0, 1);
  const double dn = static_cast<double>(n);
  if (std::abs(t.r) >= 1) {
    t.r = std::copysign(1.0, t.r);
    t.lower = t.upper = t.r;
    t.p_value = 0;
    return t;
  }
  const boost::math::students_t_distribution<double> tdist(dn - 2);
  const double stat = t.r * std::sqrt((dn - 2) / (1 - t.r * t.r));
  t.p_value = 2 * boost::math::cdf(boost::math::complement(tdist, std::abs(stat)));
  const double q = boost::math::quantile(boost::math::normal_distribution<double>(), (1 + level) / 2);
  const double se = method == CorrelationMethod::Pearson ? 1 / std::sqrt(dn - 3)
                                                         : std::sqrt((1 + t.r * t.r / 2) / (dn - 3));
  const double z = std::atanh(t.r);
  t.lower = std::tanh(z - q * se);
  t.upper = std::tanh(z + q * se);
  return t;
}

std::vector<CriterionCorrelation> criterion_validity(const Eigen::MatrixXd& scores, const std::vector<std::string>& score_names,
                                                     const Eigen::MatrixXd& criteria,
                                                     const std::vector<std::string>& criterion_names, double level) {
  if (scores.rows() != criteria.rows())
    throw InvalidInput(fmt::format("criterion_validity: {} units with scores but {} with criteria", scores.rows(),
                                   criteria.rows()));
  if (static_cast<Eigen::Index>(score_names.size()) != scores.cols() ||
      static_cast<Eigen::Index>(criterion_names.size()) != criteria.cols())
    throw InvalidInput("criterion_validity: one name per score and per criterion column is needed");
  std::vector<CriterionCorrelation> out;
  for (Eigen::Index c = 0; c < criteria.cols(); ++c)
    for (Eigen::Index s = 0; s < scores.cols(); ++s) {
      CriterionCorrelation cc;
      cc.score = score_names[static_cast<std::size_t>(s)];
      cc.criterion = criterion_names[static_cast<std::size_t>(c)];
      const std::string what = fmt::format("criterion '{}' vs '{}'", cc.criterion, cc.score);
      cc.pearson = correlation_test(scores.col(s), criteria.col(c), CorrelationMethod::Pearson, level, what);
      cc.spearman = correlation_test(scores.col(s), criteria.col(c), CorrelationMethod::Spearman, level, what);
      out.push_back(std::move(cc));
    }
  return out;
}

}  // namespace cikit
