#include "methods/aggregate/copeland.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

CopelandResult copeland(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const std::vector<std::string>& child_ids,
                        const std::vector<std::string>& unit_ids, const CopelandOptions& options) {
  const Eigen::Index n = x.rows(), m = x.cols();
  if (w.size() != m || static_cast<Eigen::Index>(child_ids.size()) != m ||
      static_cast<Eigen::Index>(unit_ids.size()) != n)
    throw InvalidInput(fmt::format("copeland: x is {} x {}, but {} weights, {} child ids and {} unit ids were given",
                                   n, m, w.size(), child_ids.size(), unit_ids.size()));
  double wsum = 0;
  for (Eigen::Index j = 0; j < m; ++j) {
    if (!(w(j) >= 0) || !std::isfinite(w(j)))
      throw InvalidInput(fmt::format("copeland: weight of '{}' is {}, but must be finite and >= 0",
                                     child_ids[static_cast<std::size_t>(j)], w(j)));
    wsum += w(j);
  }
  if (!(wsum > 0)) throw InvalidInput("copeland: the weights sum to 0");
  if (!(options.tie_tol >= 0)) throw InvalidInput(fmt::format("copeland: tie_tol is {}, but must be >= 0", options.tie_tol));

  CopelandResult r;
  r.wins = Eigen::VectorXi::Zero(n);
  r.losses = Eigen::VectorXi::Zero(n);
  r.n_missing = Eigen::VectorXi::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < m; ++j)
      if (std::isnan(x(i, j))) {
        if (options.missing == MissingPolicy::Error) {
          Location where;
          where.indicator = child_ids[static_cast<std::size_t>(j)];
          throw DomainError(fmt::format("copeland: unit '{}' has no score for '{}' (methods.aggregate.missing: error)",
                                        unit_ids[static_cast<std::size_t>(i)], child_ids[static_cast<std::size_t>(j)]),
                            where);
        }
        ++r.n_missing(i);
      }
  for (Eigen::Index a = 0; a < n; ++a) {
    for (Eigen::Index b = a + 1; b < n; ++b) {
      double d = 0, shared = 0;  // d = sum_j w_j sign(x_aj - x_bj) over shared children
      for (Eigen::Index j = 0; j < m; ++j) {
        const double xa = x(a, j), xb = x(b, j);
        if (std::isnan(xa) || std::isnan(xb)) continue;
        shared += w(j);
        if (xa > xb) d += w(j);
        else if (xb > xa) d -= w(j);
      }
      const double tol = options.tie_tol * shared;
      if (d > tol) {
        ++r.wins(a);
        ++r.losses(b);
      } else if (d < -tol) {
        ++r.wins(b);
        ++r.losses(a);
      }
    }
  }
  r.score.resize(n);
  for (Eigen::Index i = 0; i < n; ++i)
    r.score(i) = r.n_missing(i) == m ? std::numeric_limits<double>::quiet_NaN()
                                     : static_cast<double>(r.wins(i) - r.losses(i));
  return r;
}

}  // namespace cikit
