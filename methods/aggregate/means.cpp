#include "methods/aggregate/means.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

std::string id_at(const std::vector<std::string>& ids, Eigen::Index j) {
  return j < static_cast<Eigen::Index>(ids.size()) ? ids[static_cast<std::size_t>(j)] : fmt::format("{}", j + 1);
}

/// Power mean of order r (r = 0: geometric) with the shared checks and missing/zero rules.
AggregateResult power_mean(const char* fn, const Eigen::MatrixXd& x, const Eigen::VectorXd& w, double r,
                           const MeanOptions& opt, const std::vector<std::string>& child_ids,
                           const std::vector<std::string>& unit_ids) {
  if (x.cols() != w.size())
    throw InvalidInput(fmt::format("{}: {} columns but {} weights", fn, x.cols(), w.size()));
  if (!std::isfinite(r)) throw InvalidInput(fmt::format("{}: order r is {}, but must be finite", fn, r));
  for (Eigen::Index j = 0; j < w.size(); ++j)
    if (!(w(j) >= 0) || !std::isfinite(w(j)))
      throw InvalidInput(fmt::format("{}: weight {} of '{}' must be finite and >= 0", fn, w(j), id_at(child_ids, j)));
  if (opt.zero == ZeroRule::Shift && !(opt.delta > 0 && std::isfinite(opt.delta)))
    throw InvalidInput(fmt::format("{}: zero rule Shift needs delta > 0 (finite), got {}", fn, opt.delta));
  const double shift = opt.zero == ZeroRule::Shift ? opt.delta : 0.0;
  const bool zero_matters = !(r > 0);
  AggregateResult res;
  res.score.resize(x.rows());
  res.n_missing = Eigen::VectorXi::Zero(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double num = 0, den = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const double v = x(i, j);
      const Location where{.indicator = id_at(child_ids, j), .unit = id_at(unit_ids, i)};
      if (std::isnan(v)) {
        if (opt.missing == MissingPolicy::Error)
          throw DomainError(fmt::format("{}: missing value in aggregation (methods.aggregate.missing: error); "
                                        "use 'available' to average the available children",
                                        fn),
                            where);
        ++res.n_missing(i);
        continue;
      }
      if (!std::isfinite(v)) throw DomainError(fmt::format("{}: score is {}; must be finite", fn, v), where);
      if (v < 0)
        throw DomainError(fmt::format("{}: score is {} (negative); geometric, harmonic and power means need "
                                      "scores >= 0 (normalise to a non-negative range first)",
                                      fn, v),
                          where);
      if (zero_matters && !(v > 0) && opt.zero == ZeroRule::Error && w(j) > 0)
        throw DomainError(fmt::format("{}: score is 0; the {} mean is 0 or undefined with a zero (it would "
                                      "veto the unit); normalise to a range above 0 (e.g. 1–100) or use "
                                      "the zero rule Shift with a stated delta",
                                      fn, r < 0 ? "harmonic/power" : "geometric"),
                          where);
      const double y = v + shift;
      if (w(j) > 0) num += w(j) * ((r < 0 || r > 0) ? std::pow(y, r) : std::log(y));
      den += w(j);
    }
    if (!(den > 0)) {
      res.score(i) = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    const double m = num / den;
    res.score(i) = ((r < 0 || r > 0) ? std::pow(m, 1.0 / r) : std::exp(m)) - shift;
  }
  return res;
}

}  // namespace

AggregateResult weighted_geometric(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const MeanOptions& options,
                                   const std::vector<std::string>& child_ids, const std::vector<std::string>& unit_ids) {
  return power_mean("weighted_geometric", x, w, 0.0, options, child_ids, unit_ids);
}

AggregateResult weighted_harmonic(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const MeanOptions& options,
                                  const std::vector<std::string>& child_ids, const std::vector<std::string>& unit_ids) {
  return power_mean("weighted_harmonic", x, w, -1.0, options, child_ids, unit_ids);
}

AggregateResult weighted_power_mean(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, double r,
                                    const MeanOptions& options, const std::vector<std::string>& child_ids,
                                    const std::vector<std::string>& unit_ids) {
  return power_mean("weighted_power_mean", x, w, r, options, child_ids, unit_ids);
}

}  // namespace cikit
