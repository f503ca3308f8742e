#include "methods/weighting/bod.hpp"

#include <fmt/format.h>
#include <glpk.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

std::string unit_name(const BodOptions& o, Eigen::Index i) {
  return i < static_cast<Eigen::Index>(o.unit_ids.size()) ? o.unit_ids[static_cast<std::size_t>(i)]
                                                          : fmt::format("row {}", i + 1);
}
std::string col_name(const BodOptions& o, Eigen::Index j) {
  return j < static_cast<Eigen::Index>(o.ids.size()) ? o.ids[static_cast<std::size_t>(j)]
                                                     : fmt::format("column {}", j + 1);
}
std::string prefix(const BodOptions& o) { return o.node.empty() ? "bod: " : fmt::format("bod (node '{}'): ", o.node); }

void check_share_pair(const BodOptions& o, double lo, double hi, const std::string& what) {
  if (!(lo >= 0 && lo <= 1 && hi >= 0 && hi <= 1 && lo <= hi))
    throw InvalidInput(fmt::format("{}share bounds of {} must satisfy 0 <= lower <= upper <= 1 (got {} and {})",
                                   prefix(o), what, lo, hi),
                       Location{.node = o.node});
}

/// Validates data and options; throws naming node, unit and indicator.
void validate(const Eigen::MatrixXd& y, const BodOptions& o) {
  const Eigen::Index n = y.rows(), k = y.cols();
  if (n < 1 || k < 1) throw InvalidInput(prefix(o) + "no units or no indicators", Location{.node = o.node});
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < k; ++j) {
      const Location at{.indicator = col_name(o, j), .node = o.node, .unit = unit_name(o, i)};
      if (std::isnan(y(i, j)))
        throw InvalidInput(prefix(o) + "missing value; benefit of the doubt needs complete data (impute first)", at);
      if (y(i, j) < 0 || !std::isfinite(y(i, j)))
        throw DomainError(fmt::format("{}value {} is negative or infinite; benefit of the doubt needs values >= 0 "
                                      "(normalise to a non-negative range, e.g. min-max 0-100)",
                                      prefix(o), y(i, j)),
                          at);
    }
  auto size_ok = [&](const Eigen::VectorXd& v, const char* name) {
    if (v.size() != 0 && v.size() != k)
      throw InvalidInput(fmt::format("{}{} has {} entries for {} indicators", prefix(o), name, v.size(), k),
                         Location{.node = o.node});
  };
  size_ok(o.lower, "lower");
  size_ok(o.upper, "upper");
  size_ok(o.share_lower, "share_lower");
  size_ok(o.share_upper, "share_upper");
  for (Eigen::Index j = 0; j < k; ++j) {
    const double lo = o.lower.size() ? o.lower(j) : 0.0;
    const double hi = o.upper.size() ? o.upper(j) : std::numeric_limits<double>::infinity();
    if (!(lo >= 0 && hi >= lo))
      throw InvalidInput(fmt::format("{}weight bounds of '{}' must satisfy 0 <= lower <= upper (got {} and {})",
                                     prefix(o), col_name(o, j), lo, hi),
                         Location{.indicator = col_name(o, j), .node = o.node});
  }
  if (o.share_lower.size() || o.share_upper.size()) {
    double sl = 0, su = 0;
    for (Eigen::Index j = 0; j < k; ++j) {
      const double lo = o.share_lower.size() ? o.share_lower(j) : 0.0;
      const double hi = o.share_upper.size() ? o.share_upper(j) : 1.0;
      check_share_pair(o, lo, hi, fmt::format("'{}'", col_name(o, j)));
      sl += lo;
      su += hi;
    }
    if (sl > 1 + 1e-12 || su < 1 - 1e-12)
      throw InvalidInput(fmt::format("{}infeasible pie-share restrictions: the lower shares sum to {:.6g} (must be "
                                     "<= 1) and the upper shares to {:.6g} (must be >= 1)",
                                     prefix(o), sl, su),
                         Location{.node = o.node});
  }
  for (const BodGroup& g : o.groups) {
    check_share_pair(o, g.lower, g.upper, fmt::format("dimension '{}'", g.id));
    if (g.members.empty())
      throw InvalidInput(fmt::format("{}dimension '{}' has no indicators", prefix(o), g.id), Location{.node = o.node});
    for (int m : g.members)
      if (m < 0 || m >= k)
        throw InvalidInput(fmt::format("{}dimension '{}' names column {} of {}", prefix(o), g.id, m + 1, k),
                           Location{.node = o.node});
  }
  if (o.lower.size()) {  // sum_j lo_j y_kj <= 1 must hold for every unit k
    const Eigen::VectorXd need = y * o.lower;
    Eigen::Index worst = 0;
    if (need.maxCoeff(&worst) > 1 + 1e-12)
      throw DomainError(fmt::format("{}infeasible weight bounds: with every weight at its lower bound unit '{}' "
                                    "already scores {:.6g} > 1; lower the bounds",
                                    prefix(o), unit_name(o, worst), need(worst)),
                        Location{.node = o.node, .unit = unit_name(o, worst)});
  }
  if (o.robust_m < 0 || (o.robust_m > 0 && o.robust_b < 1))
    throw InvalidInput(fmt::format("{}robust variant needs m >= 1 and B >= 1 (got m = {}, B = {})", prefix(o),
                                   o.robust_m, o.robust_b),
                       Location{.node = o.node});
}

struct ProbDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using Prob = std::unique_ptr<glp_prob, ProbDeleter>;

/// Number of share rows: two per restricted indicator, two per group.
int share_rows(const BodOptions& o, Eigen::Index k) {
  const int per = (o.share_lower.size() || o.share_upper.size()) ? 2 * static_cast<int>(k) : 0;
  return per + 2 * static_cast<int>(o.groups.size());
}

/// The LP with the reference rows `ref` (unit indices) and placeholder share rows.
Prob make_problem(const Eigen::MatrixXd& y, const std::vector<Eigen::Index>& ref, const BodOptions& o) {
  const auto k = static_cast<int>(y.cols());
  Prob p(glp_create_prob());
  glp_set_obj_dir(p.get(), GLP_MAX);
  glp_add_cols(p.get(), k);
  for (int j = 1; j <= k; ++j) {
    const double lo = o.lower.size() ? o.lower(j - 1) : 0.0;
    const double hi = o.upper.size() ? o.upper(j - 1) : std::numeric_limits<double>::infinity();
    if (std::isinf(hi)) glp_set_col_bnds(p.get(), j, GLP_LO, lo, 0.0);
    else if (hi > lo) glp_set_col_bnds(p.get(), j, GLP_DB, lo, hi);
    else glp_set_col_bnds(p.get(), j, GLP_FX, lo, lo);
  }
  const auto nr = static_cast<int>(ref.size());
  const int ns = share_rows(o, k);
  if (nr + ns > 0) glp_add_rows(p.get(), nr + ns);
  std::vector<int> ind(static_cast<std::size_t>(k) + 1);
  std::vector<double> val(static_cast<std::size_t>(k) + 1);
  for (int r = 1; r <= nr; ++r) {
    int nz = 0;
    for (int j = 0; j < k; ++j) {
      const double v = y(ref[static_cast<std::size_t>(r - 1)], j);
      if (v < 0.0 || v > 0.0) {
        ++nz;
        ind[static_cast<std::size_t>(nz)] = j + 1;
        val[static_cast<std::size_t>(nz)] = v;
      }
    }
    glp_set_mat_row(p.get(), r, nz, ind.data(), val.data());
    glp_set_row_bnds(p.get(), r, GLP_UP, 0.0, 1.0);
  }
  for (int r = nr + 1; r <= nr + ns; ++r)
    glp_set_row_bnds(p.get(), r, (r - nr) % 2 == 1 ? GLP_LO : GLP_UP, 0.0, 0.0);
  return p;
}

/// Sets the objective and share rows for unit c (rows after the first `nr`).
void set_unit(glp_prob* p, const Eigen::MatrixXd& y, Eigen::Index c, int nr, const BodOptions& o) {
  const auto k = static_cast<int>(y.cols());
  for (int j = 1; j <= k; ++j) glp_set_obj_coef(p, j, y(c, j - 1));
  std::vector<int> ind(static_cast<std::size_t>(k) + 1);
  std::vector<double> val(static_cast<std::size_t>(k) + 1);
  // Row: sum_i (a_i - s * y_ci) w_i with a_i = y_ci for i in the set, 0 otherwise; >= 0 (lower share
  // s = L) or <= 0 (upper share s = U).
  auto put = [&](int row, const std::vector<char>& in, double s) {
    int nz = 0;
    for (int i = 0; i < k; ++i) {
      const double v = (in[static_cast<std::size_t>(i)] ? y(c, i) : 0.0) - s * y(c, i);
      if (v < 0.0 || v > 0.0) {
        ++nz;
        ind[static_cast<std::size_t>(nz)] = i + 1;
        val[static_cast<std::size_t>(nz)] = v;
      }
    }
    glp_set_mat_row(p, row, nz, ind.data(), val.data());
  };
  int row = nr + 1;
  std::vector<char> in(static_cast<std::size_t>(k), 0);
  if (o.share_lower.size() || o.share_upper.size())
    for (int j = 0; j < k; ++j) {
      std::fill(in.begin(), in.end(), 0);
      in[static_cast<std::size_t>(j)] = 1;
      put(row++, in, o.share_lower.size() ? o.share_lower(j) : 0.0);
      put(row++, in, o.share_upper.size() ? o.share_upper(j) : 1.0);
    }
  for (const BodGroup& g : o.groups) {
    std::fill(in.begin(), in.end(), 0);
    for (int m : g.members) in[static_cast<std::size_t>(m)] = 1;
    put(row++, in, g.lower);
    put(row++, in, g.upper);
  }
}

/// Solves from the all-slack basis. Returns GLPK's status (GLP_OPT, GLP_UNBND, GLP_NOFEAS, ...).
int solve(glp_prob* p) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  glp_std_basis(p);
  const int rc = glp_simplex(p, &parm);
  if (rc != 0) {  // a numerical failure: retry once with the advanced basis
    glp_adv_basis(p, 0);
    if (glp_simplex(p, &parm) != 0) return -rc;
  }
  return glp_get_status(p);
}

std::string status_text(int s) {
  switch (s) {
    case GLP_NOFEAS: return "infeasible";
    case GLP_UNBND: return "unbounded";
    case GLP_INFEAS: return "not feasible after the iteration limit";
    case GLP_UNDEF: return "undefined";
    default: return fmt::format("solver failure (code {})", s);
  }
}

int thread_count(int threads) { return threads > 0 ? threads : omp_get_max_threads(); }

void robust_scores(const Eigen::MatrixXd& y, const BodOptions& o, BodResult& r) {
  const Eigen::Index n = y.rows();
  r.robust_score = Eigen::VectorXd::Zero(n);
  r.robust_skipped = Eigen::VectorXi::Zero(n);
  std::vector<std::string> errors(static_cast<std::size_t>(n));
#pragma omp parallel for num_threads(thread_count(o.threads)) schedule(dynamic, 8)
  for (Eigen::Index c = 0; c < n; ++c) {
    glp_term_out(GLP_OFF);
    std::mt19937_64 g = make_stream(o.seed, StreamTag::BodResample, static_cast<std::uint64_t>(c));
    std::vector<Eigen::Index> ref(static_cast<std::size_t>(o.robust_m));
    double sum = 0;
    int used = 0;
    for (int b = 0; b < o.robust_b; ++b) {
      for (auto& k : ref) k = static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(n)));
      Prob p = make_problem(y, ref, o);
      set_unit(p.get(), y, c, o.robust_m, o);
      const int s = solve(p.get());
      if (s == GLP_OPT) {
        sum += glp_get_obj_val(p.get());
        ++used;
      } else if (s == GLP_UNBND) {
        ++r.robust_skipped(c);
      } else {
        errors[static_cast<std::size_t>(c)] = status_text(s);
        break;
      }
    }
    if (errors[static_cast<std::size_t>(c)].empty() && used == 0) errors[static_cast<std::size_t>(c)] = "every replicate unbounded";
    r.robust_score(c) = used > 0 ? sum / used : 0.0;
  }
  for (Eigen::Index c = 0; c < n; ++c)
    if (!errors[static_cast<std::size_t>(c)].empty())
      throw DomainError(fmt::format("{}robust (order-m, m = {}) LP of unit '{}': {}", prefix(o), o.robust_m,
                                    unit_name(o, c), errors[static_cast<std::size_t>(c)]),
                        Location{.node = o.node, .unit = unit_name(o, c)});
  const Eigen::Index skipped = r.robust_skipped.sum();
  if (skipped > 0)
    r.warnings.push_back(fmt::format("{}robust variant: {} of {} replicate LPs unbounded (the drawn units cannot "
                                     "bound the unit) and skipped",
                                     prefix(o), skipped, n * o.robust_b));
}

}  // namespace

BodResult benefit_of_doubt(const Eigen::MatrixXd& y, const BodOptions& o) {
  validate(y, o);
  const Eigen::Index n = y.rows(), k = y.cols();
  BodResult r;
  r.score.resize(n);
  r.weights.resize(n, k);
  r.shares = Eigen::MatrixXd::Zero(n, k);
  std::vector<Eigen::Index> all(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
  std::vector<int> status(static_cast<std::size_t>(n), GLP_OPT);
#pragma omp parallel num_threads(thread_count(o.threads))
  {
    glp_term_out(GLP_OFF);
    Prob p = make_problem(y, all, o);
#pragma omp for schedule(dynamic, 8)
    for (Eigen::Index c = 0; c < n; ++c) {
      set_unit(p.get(), y, c, static_cast<int>(n), o);
      const int s = solve(p.get());
      status[static_cast<std::size_t>(c)] = s;
      r.score(c) = s == GLP_OPT ? glp_get_obj_val(p.get()) : std::numeric_limits<double>::quiet_NaN();
      for (Eigen::Index j = 0; j < k; ++j) r.weights(c, j) = glp_get_col_prim(p.get(), static_cast<int>(j) + 1);
    }
  }
  for (Eigen::Index c = 0; c < n; ++c)
    if (status[static_cast<std::size_t>(c)] != GLP_OPT)
      throw DomainError(fmt::format("{}LP of unit '{}' is {}; check the weight bounds and share restrictions",
                                    prefix(o), unit_name(o, c), status_text(status[static_cast<std::size_t>(c)])),
                        Location{.node = o.node, .unit = unit_name(o, c)});
  Eigen::Index positive = 0;
  r.mean_share = Eigen::VectorXd::Zero(k);
  for (Eigen::Index c = 0; c < n; ++c) {
    r.score(c) = std::min(1.0, std::max(0.0, r.score(c)));  // clear solver round-off at the bounds
    if (r.score(c) <= 0) continue;
    r.shares.row(c) = (r.weights.row(c).array() * y.row(c).array()).matrix() / r.score(c);
    r.mean_share += r.shares.row(c).transpose();
    ++positive;
  }
  if (positive == 0)
    throw DomainError(prefix(o) + "every unit scores 0 (all values 0 on the indicators)", Location{.node = o.node});
  r.mean_share /= r.mean_share.sum();
  if (positive < n)
    r.warnings.push_back(fmt::format("{}{} of {} units score 0 (all their values are 0)", prefix(o), n - positive, n));
  if (o.robust_m > 0) robust_scores(y, o, r);
  return r;
}

}  // namespace cikit
