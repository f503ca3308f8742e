#include "methods/aggregate/edas.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"

namespace cikit {

EdasResult edas(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const McdaColumns& o) {
  constexpr const char* fn = "edas";
  EdasResult res;
  const McdaInput in = mcda_prepare(fn, x, w, o, res.warnings);
  res.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::Index n = in.x.rows(), m = in.x.cols();
  Eigen::VectorXd sp = Eigen::VectorXd::Zero(n), sn = Eigen::VectorXd::Zero(n);
  for (Eigen::Index j = 0; j < m; ++j) {
    const double av = in.x.col(j).mean();
    if (!(av > 0))
      throw DomainError(fmt::format("{}: {} has average {} over the complete units; EDAS divides the distances by "
                                    "the average, which must be > 0 (use methods.normalize: minmax with a range "
                                    "above 0, or shift the indicator)",
                                    fn, column_label(o.ids, j), av),
                        Location{.indicator = column_id(o.ids, j)});
    Eigen::ArrayXd d = (in.x.col(j).array() - av) / av;  // benefit: above average is positive
    if (in.cost[static_cast<std::size_t>(j)]) d = -d;
    sp.array() += in.w(j) * d.max(0.0);
    sn.array() += in.w(j) * (-d).max(0.0);
  }
  if (!(sp.maxCoeff() > 0) || !(sn.maxCoeff() > 0))
    throw DomainError(fmt::format("{}: every unit equals the average on every criterion; EDAS's normalised "
                                  "distances are undefined",
                                  fn));
  const Eigen::VectorXd nsp = sp / sp.maxCoeff();
  const Eigen::VectorXd nsn = (1.0 - sn.array() / sn.maxCoeff()).matrix();
  res.sp = mcda_scatter(in, sp);
  res.sn = mcda_scatter(in, sn);
  res.nsp = mcda_scatter(in, nsp);
  res.nsn = mcda_scatter(in, nsn);
  res.as = mcda_scatter(in, ((nsp + nsn) / 2).eval());
  return res;
}

}  // namespace cikit
