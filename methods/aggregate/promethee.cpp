#include "methods/aggregate/promethee.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

double preference_value(const Preference& f, double d) {
  switch (f.function) {
    case PreferenceFunction::Usual: return d > 0 ? 1.0 : 0.0;
    case PreferenceFunction::UShape: return d > f.q ? 1.0 : 0.0;
    case PreferenceFunction::VShape: return d <= 0 ? 0.0 : d <= f.p ? d / f.p : 1.0;
    case PreferenceFunction::Level: return d <= f.q ? 0.0 : d <= f.p ? 0.5 : 1.0;
    case PreferenceFunction::Linear: return d <= f.q ? 0.0 : d <= f.p ? (d - f.q) / (f.p - f.q) : 1.0;
    case PreferenceFunction::Gaussian: return d <= 0 ? 0.0 : 1.0 - std::exp(-d * d / (2 * f.s * f.s));
  }
  return 0.0;
}

PrometheeResult promethee_ii(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const PrometheeOptions& o) {
  constexpr const char* fn = "promethee";
  const Eigen::Index m = x.cols();
  if (!o.preferences.empty() && static_cast<Eigen::Index>(o.preferences.size()) != m)
    throw InvalidInput(fmt::format("{}: {} columns but {} preference functions", fn, m, o.preferences.size()));
  std::vector<Preference> pref = o.preferences;
  pref.resize(static_cast<std::size_t>(m));
  for (Eigen::Index j = 0; j < m; ++j)
    if (const std::string why = preference_problem(pref[static_cast<std::size_t>(j)]); !why.empty())
      throw InvalidInput(fmt::format("{}: {} preference {}", fn, column_label(o.ids, j), why),
                         Location{.indicator = column_id(o.ids, j)});
  PrometheeResult res;
  const McdaInput in = mcda_prepare(fn, x, w, o, res.warnings);
  res.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::Index n = in.x.rows();
  // Oriented values: a cost criterion's differences are reversed.
  Eigen::MatrixXd f = in.x;
  for (Eigen::Index j = 0; j < m; ++j)
    if (in.cost[static_cast<std::size_t>(j)]) f.col(j) = -f.col(j);
  Eigen::VectorXd plus = Eigen::VectorXd::Zero(n), minus = Eigen::VectorXd::Zero(n);
  const int nt = o.threads > 0 ? o.threads : omp_get_max_threads();
#pragma omp parallel for num_threads(nt) schedule(dynamic, 16)
  for (Eigen::Index a = 0; a < n; ++a) {
    double sp = 0, sm = 0;
    for (Eigen::Index b = 0; b < n; ++b) {
      if (b == a) continue;
      double pab = 0, pba = 0;
      for (Eigen::Index j = 0; j < m; ++j) {
        const double d = f(a, j) - f(b, j);
        const Preference& pj = pref[static_cast<std::size_t>(j)];
        pab += in.w(j) * preference_value(pj, d);
        pba += in.w(j) * preference_value(pj, -d);
      }
      sp += pab;
      sm += pba;
    }
    plus(a) = sp / static_cast<double>(n - 1);
    minus(a) = sm / static_cast<double>(n - 1);
  }
  res.phi_plus = mcda_scatter(in, plus);
  res.phi_minus = mcda_scatter(in, minus);
  res.phi = mcda_scatter(in, (plus - minus).eval());
  return res;
}

}  // namespace cikit
