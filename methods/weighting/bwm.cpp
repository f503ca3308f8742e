#include "methods/weighting/bwm.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <array>
#include <cmath>
#include <limits>
#include <memory>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

struct ProbDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using Prob = std::unique_ptr<glp_prob, ProbDeleter>;

/// Liang, Brunelli & Rezaei (2020), Table of CR^I thresholds: rows a_BW = 3..9, columns n = 3..9.
constexpr std::array<std::array<double, 7>, 7> kThreshold{{
    {0.1667, 0.1667, 0.1667, 0.1667, 0.1667, 0.1667, 0.1667},
    {0.1121, 0.1529, 0.1898, 0.2206, 0.2527, 0.2577, 0.2683},
    {0.1354, 0.1994, 0.2306, 0.2546, 0.2716, 0.2844, 0.2960},
    {0.1330, 0.1990, 0.2643, 0.3044, 0.3144, 0.3221, 0.3262},
    {0.1294, 0.2457, 0.2819, 0.3029, 0.3144, 0.3251, 0.3403},
    {0.1309, 0.2521, 0.2958, 0.3154, 0.3408, 0.3620, 0.3657},
    {0.1359, 0.2681, 0.3062, 0.3337, 0.3517, 0.3620, 0.3662},
}};

std::string name(const std::vector<std::string>& ids, Eigen::Index j) {
  return j < static_cast<Eigen::Index>(ids.size()) ? fmt::format("'{}'", ids[static_cast<std::size_t>(j)])
                                                   : fmt::format("criterion {}", j + 1);
}

/// Adds the row  c_a w_a + c_b w_b <= 0.
void add_le0(glp_prob* p, int a, double ca, int b, double cb) {
  const int r = glp_add_rows(p, 1);
  const std::array<int, 3> ind{0, a + 1, b + 1};
  const std::array<double, 3> val{0, ca, cb};
  glp_set_mat_row(p, r, 2, ind.data(), val.data());
  glp_set_row_bnds(p, r, GLP_UP, 0.0, 0.0);
}

/// Columns w_1..w_n >= 0 (and optionally xi >= 0 as column n+1), the row sum w = 1.
Prob base(Eigen::Index n, bool with_xi) {
  Prob p(glp_create_prob());
  const int nc = static_cast<int>(n) + (with_xi ? 1 : 0);
  glp_add_cols(p.get(), nc);
  for (int j = 1; j <= nc; ++j) glp_set_col_bnds(p.get(), j, GLP_LO, 0.0, 0.0);
  const int r = glp_add_rows(p.get(), 1);
  std::vector<int> ind(static_cast<std::size_t>(n) + 1);
  std::vector<double> val(static_cast<std::size_t>(n) + 1, 1.0);
  for (int j = 1; j <= n; ++j) ind[static_cast<std::size_t>(j)] = j;
  glp_set_mat_row(p.get(), r, static_cast<int>(n), ind.data(), val.data());
  glp_set_row_bnds(p.get(), r, GLP_FX, 1.0, 1.0);
  return p;
}

int run(glp_prob* p) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  glp_std_basis(p);
  if (glp_simplex(p, &parm) != 0) return -1;
  return glp_get_status(p);
}

Eigen::VectorXd column_values(glp_prob* p, Eigen::Index n) {
  Eigen::VectorXd w(n);
  for (Eigen::Index j = 0; j < n; ++j) w(j) = std::max(0.0, glp_get_col_prim(p, static_cast<int>(j) + 1));
  return w / w.sum();
}

/// Feasibility of the nonlinear model's constraints at a fixed xi; fills w when feasible.
bool feasible(const Eigen::VectorXd& ab, const Eigen::VectorXd& aw, int b, int wst, double xi, Eigen::VectorXd& w) {
  const Eigen::Index n = ab.size();
  Prob p = base(n, false);
  for (int j = 0; j < n; ++j) {
    if (j != b) {
      add_le0(p.get(), b, 1.0, j, -(ab(j) + xi));  // w_B - (a_Bj + xi) w_j <= 0
      add_le0(p.get(), b, -1.0, j, ab(j) - xi);    // (a_Bj - xi) w_j - w_B <= 0
    }
    if (j != wst) {
      add_le0(p.get(), j, 1.0, wst, -(aw(j) + xi));  // w_j - (a_jW + xi) w_W <= 0
      add_le0(p.get(), j, -1.0, wst, aw(j) - xi);    // (a_jW - xi) w_W - w_j <= 0
    }
  }
  if (run(p.get()) != GLP_OPT) return false;
  w = column_values(p.get(), n);
  return true;
}

}  // namespace

double bwm_consistency_index(double a) {
  if (a <= 1) return 0.0;
  const double b = 1 + 2 * a;
  return (b - std::sqrt(b * b - 4 * (a * a - a))) / 2;
}

double bwm_input_threshold(int n, double a_bw) {
  const double scale = std::ceil(a_bw - 1e-9);
  if (n < 3 || n > 9 || scale < 3 || scale > 9) return std::numeric_limits<double>::quiet_NaN();
  return kThreshold[static_cast<std::size_t>(scale - 3)][static_cast<std::size_t>(n - 3)];
}

BwmResult bwm(const Eigen::VectorXd& ab, const Eigen::VectorXd& aw, int b, int wst, const std::vector<std::string>& ids) {
  const Eigen::Index n = ab.size();
  if (aw.size() != n)
    throw InvalidInput(fmt::format("bwm: best-to-others has {} values but others-to-worst {}", n, aw.size()));
  if (n < 2) throw InvalidInput("bwm: needs at least 2 criteria");
  if (b < 0 || b >= n || wst < 0 || wst >= n) throw InvalidInput("bwm: best or worst index out of range");
  if (b == wst) throw InvalidInput(fmt::format("bwm: best and worst are the same criterion {}", name(ids, b)));
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!(std::isfinite(ab(j)) && ab(j) >= 1))
      throw InvalidInput(fmt::format("bwm: best-to-others value of {} is {}; values are >= 1 (1 = equal, 9 = extreme)",
                                     name(ids, j), ab(j)));
    if (!(std::isfinite(aw(j)) && aw(j) >= 1))
      throw InvalidInput(fmt::format("bwm: others-to-worst value of {} is {}; values are >= 1 (1 = equal, 9 = extreme)",
                                     name(ids, j), aw(j)));
  }
  if (std::abs(ab(b) - 1) > 1e-12)
    throw InvalidInput(fmt::format("bwm: the best criterion {} against itself is {} in best-to-others; it must be 1",
                                   name(ids, b), ab(b)));
  if (std::abs(aw(wst) - 1) > 1e-12)
    throw InvalidInput(fmt::format("bwm: the worst criterion {} against itself is {} in others-to-worst; it must be 1",
                                   name(ids, wst), aw(wst)));
  if (std::abs(ab(wst) - aw(b)) > 1e-12)
    throw InvalidInput(fmt::format("bwm: best-over-worst differs between the vectors: best-to-others gives {} for {} "
                                   "but others-to-worst gives {} for {}; they must be equal",
                                   ab(wst), name(ids, wst), aw(b), name(ids, b)));
  BwmResult r;
  r.a_bw = ab(wst);
  // Linear model: columns w_1..w_n, xi (n+1); rows |w_B - a_Bj w_j| <= xi, |w_j - a_jW w_W| <= xi.
  {
    Prob p = base(n, true);
    const int xi = static_cast<int>(n) + 1;
    glp_set_obj_dir(p.get(), GLP_MIN);
    glp_set_obj_coef(p.get(), xi, 1.0);
    auto add = [&](int i, double ci, int j, double cj, double sx) {  // ci w_i + cj w_j + sx xi <= 0
      const int r0 = glp_add_rows(p.get(), 1);
      const std::array<int, 4> ind{0, i + 1, j + 1, xi};
      const std::array<double, 4> val{0, ci, cj, sx};
      glp_set_mat_row(p.get(), r0, 3, ind.data(), val.data());
      glp_set_row_bnds(p.get(), r0, GLP_UP, 0.0, 0.0);
    };
    for (int j = 0; j < n; ++j) {
      if (j != b) {
        add(b, 1.0, j, -ab(j), -1.0);
        add(b, -1.0, j, ab(j), -1.0);
      }
      if (j != wst) {
        add(j, 1.0, wst, -aw(j), -1.0);
        add(j, -1.0, wst, aw(j), -1.0);
      }
    }
    if (run(p.get()) != GLP_OPT) throw InternalError("bwm: the linear model has no optimum");
    r.weights = column_values(p.get(), n);
    r.xi_linear = glp_get_col_prim(p.get(), xi);
  }
  // Nonlinear model: bisection on xi over feasibility LPs.
  {
    double lo = 0, hi = std::max(ab.maxCoeff(), aw.maxCoeff());
    Eigen::VectorXd w;
    if (!feasible(ab, aw, b, wst, hi, w)) throw InternalError("bwm: nonlinear model infeasible at its upper bound");
    r.weights_nonlinear = w;
    if (feasible(ab, aw, b, wst, 0.0, w)) {
      hi = 0;
      r.weights_nonlinear = w;
    }
    while (hi - lo > 1e-10) {
      const double mid = 0.5 * (lo + hi);
      if (feasible(ab, aw, b, wst, mid, w)) {
        hi = mid;
        r.weights_nonlinear = w;
      } else {
        lo = mid;
      }
    }
    r.xi_star = hi;
  }
  r.consistency_index = bwm_consistency_index(r.a_bw);
  r.consistency_ratio = r.a_bw > 1 ? r.xi_star / r.consistency_index : 0.0;
  for (Eigen::Index j = 0; j < n; ++j)
    if (r.a_bw > 1)
      r.input_cr = std::max(r.input_cr, std::abs(ab(j) * aw(j) - r.a_bw) / (r.a_bw * r.a_bw - r.a_bw));
  r.threshold = bwm_input_threshold(static_cast<int>(n), r.a_bw);
  r.verdict = std::isnan(r.threshold) ? "untabulated" : (r.input_cr <= r.threshold + 1e-12 ? "acceptable" : "unacceptable");
  return r;
}

}  // namespace cikit
