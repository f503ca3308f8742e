#include "methods/aggregate/gra.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

GraResult grey_relational(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const GraOptions& o) {
  constexpr const char* fn = "gra";
  if (!(o.rho > 0 && o.rho <= 1))
    throw InvalidInput(fmt::format("{}: resolution coefficient rho = {} must be in (0, 1]", fn, o.rho));
  GraResult r;
  const McdaInput in = mcda_prepare(fn, x, w, o, r.warnings);
  r.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::MatrixXd delta = (1.0 - mcda_minmax(fn, in, o.ids).array()).abs().matrix();
  r.delta_min = delta.minCoeff();
  r.delta_max = delta.maxCoeff();
  const double rd = o.rho * r.delta_max;
  const Eigen::MatrixXd xi = ((r.delta_min + rd) / (delta.array() + rd)).matrix();
  r.grade = mcda_scatter(in, xi * in.w);
  r.coefficient = Eigen::MatrixXd::Constant(in.n_all, x.cols(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t k = 0; k < in.rows.size(); ++k) r.coefficient.row(in.rows[k]) = xi.row(static_cast<Eigen::Index>(k));
  return r;
}

}  // namespace cikit
