#include "methods/aggregate/copras.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"

namespace cikit {

CoprasResult copras(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const McdaColumns& o) {
  constexpr const char* fn = "copras";
  CoprasResult res;
  const McdaInput in = mcda_prepare(fn, x, w, o, res.warnings);
  res.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::Index n = in.x.rows(), m = in.x.cols();
  Eigen::VectorXd sp = Eigen::VectorXd::Zero(n), sm = Eigen::VectorXd::Zero(n);
  bool any_cost = false;
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto col = in.x.col(j);
    if (col.minCoeff() < 0)
      throw DomainError(fmt::format("{}: {} has a negative value ({}); COPRAS's sum normalisation needs values >= 0 "
                                    "(use methods.normalize: minmax, or shift the indicator)",
                                    fn, column_label(o.ids, j), col.minCoeff()),
                        Location{.indicator = column_id(o.ids, j)});
    const double sum = col.sum();
    if (!(sum > 0))
      throw DomainError(fmt::format("{}: {} sums to 0 over the complete units; sum normalisation is undefined", fn,
                                    column_label(o.ids, j)),
                        Location{.indicator = column_id(o.ids, j)});
    const bool cost = in.cost[static_cast<std::size_t>(j)];
    any_cost = any_cost || cost;
    (cost ? sm : sp) += (in.w(j) / sum) * col;
  }
  Eigen::VectorXd q = sp;
  if (any_cost) {
    for (Eigen::Index i = 0; i < n; ++i)
      if (!(sm(i) > 0))
        throw DomainError(fmt::format("{}: unit in row {} has 0 on every cost criterion (S- = 0); COPRAS's "
                                      "relative significance divides by S-",
                                      fn, in.rows[static_cast<std::size_t>(i)] + 1));
    const double inv_sum = sm.cwiseInverse().sum();
    q.array() += sm.sum() / (sm.array() * inv_sum);
  }
  res.s_plus = mcda_scatter(in, sp);
  res.s_minus = mcda_scatter(in, sm);
  res.q = mcda_scatter(in, q);
  res.utility = mcda_scatter(in, (q / q.maxCoeff()).eval());
  return res;
}

}  // namespace cikit
