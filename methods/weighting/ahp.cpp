#include "methods/weighting/ahp.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <array>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace cikit {

namespace {

/// |CI| at or below this (times 1) is rounding noise of a consistent matrix: set to 0.
constexpr double kCiRoundingTolerance = 1e-12;
/// Iterations of one toms748 root search (each converges in far fewer for smooth λmax).
constexpr std::uintmax_t kRootMaxIterations = 200;
/// saaty_text: a value within this relative distance of v or 1/v (v = 1..9) prints as "v"/"1/v".
constexpr double kScaleTextTolerance = 1e-12;
/// Power iteration (completion only): stop when no component of the normalised vector moves
/// more than this (a few ulp of the weights); at most kPowerMaxIterations steps.
constexpr double kPowerTolerance = 1e-15;
constexpr int kPowerMaxIterations = 2000;
/// First bracketing step of a coordinate: this many times its previous change (at least
/// kMinBracketStep), so later sweeps search a small interval around the current value.
constexpr double kBracketGrowth = 4.0;
constexpr double kMinBracketStep = 1e-9;
/// Bracketing steps in ln a_ij double up to this (e^64: far beyond any judgment scale).
constexpr double kMaxBracketStep = 64;

// ---- random index tables (METHODS-REFERENCE.md §6.2; index = m, m = 1..15) -----------------
constexpr std::array<double, 15> kSaaty1980{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                             1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
constexpr std::array<double, 15> kSaaty2005{0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40,
                                             1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
constexpr std::array<double, 15> kAlonsoLamata{0,      0,      0.5245, 0.8815, 1.1086,
                                                1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                                                1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
constexpr std::array<double, 15> kChinese{0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41,
                                           1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
/// Donegan & Dodd (1991) as tabulated in AHPy (m, RI); linear interpolation in between.
constexpr std::array<std::pair<int, double>, 27> kDoneganDodd{{
    {1, 0},       {2, 0},       {3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},
    {7, 1.2519},  {8, 1.3171},  {9, 1.3733},  {10, 1.4055}, {11, 1.4213}, {12, 1.4497},
    {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078}, {17, 1.5153}, {18, 1.5262},
    {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102},
    {60, 1.6178}, {70, 1.6237}, {80, 1.6277},
}};
// 90 and 100 follow (kept apart to keep the table readable).
constexpr std::array<std::pair<int, double>, 2> kDoneganDoddTail{{{90, 1.6213}, {100, 1.6339}}};

struct TableName {
  RandomIndexTable table;
  std::string_view name;
};
constexpr std::array kTableNames{
    TableName{RandomIndexTable::Saaty1980, "saaty1980"},
    TableName{RandomIndexTable::Saaty2005, "saaty2005"},
    TableName{RandomIndexTable::AlonsoLamata2006, "alonso_lamata"},
    TableName{RandomIndexTable::AlonsoLamataFit, "alonso_lamata_fit"},
    TableName{RandomIndexTable::DoneganDodd1991, "donegan_dodd"},
    TableName{RandomIndexTable::ChineseTextbook, "chinese_textbook"},
};

std::string cell_name(Eigen::Index i, Eigen::Index j) { return fmt::format("a[{},{}]", i + 1, j + 1); }

[[noreturn]] void fail(const Location& where, const std::string& message) {
  throw InvalidInput("ahp: " + message, where);
}

/// Perron eigenpair of a positive matrix: eigenvalue of largest real part (real, simple) and
/// its eigenvector, made positive and normalised to sum 1.
struct Perron {
  double lambda = 0;
  Eigen::VectorXd vector;
};

Perron perron(const Eigen::MatrixXd& a) {
  const Eigen::Index m = a.rows();
  Perron p;
  if (m == 1) {
    p.lambda = a(0, 0);
    p.vector = Eigen::VectorXd::Ones(1);
    return p;
  }
  Eigen::EigenSolver<Eigen::MatrixXd> es(a, /*computeEigenvectors=*/true);
  if (es.info() != Eigen::Success) throw InternalError("ahp: the eigen solver did not converge");
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < m; ++k)
    if (es.eigenvalues()(k).real() > es.eigenvalues()(best).real()) best = k;
  p.lambda = es.eigenvalues()(best).real();
  p.vector = es.eigenvectors().col(best).real();
  const double s = p.vector.sum();
  p.vector /= s;
  if (!(p.vector.minCoeff() > 0) || !std::isfinite(p.lambda))
    throw InternalError("ahp: the Perron vector of a positive matrix is not positive");
  return p;
}

Eigen::VectorXd geometric_mean_weights(const Eigen::MatrixXd& a) {
  const Eigen::Index m = a.rows();
  Eigen::VectorXd w(m);
  for (Eigen::Index i = 0; i < m; ++i) w(i) = a.row(i).array().log().mean();
  // Shift by the max log before exp to avoid overflow for extreme judgments.
  w = (w.array() - w.maxCoeff()).exp();
  return w / w.sum();
}

double gci_of(const Eigen::MatrixXd& a, const Eigen::VectorXd& w) {
  const Eigen::Index m = a.rows();
  if (m <= 2) return 0;
  double s = 0;
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j) {
      const double e = std::log(a(i, j) * w(j) / w(i));
      s += e * e;
    }
  return 2.0 * s / static_cast<double>((m - 1) * (m - 2));
}

double gci_threshold_of(Eigen::Index m) {
  if (m <= 2) return 0;
  if (m == 3) return 0.31;
  if (m == 4) return 0.35;
  return 0.37;
}

/// Connected components of the comparison graph; returns the elements not reachable from 0.
std::vector<Eigen::Index> unreachable_from_first(const Eigen::MatrixXd& a) {
  const Eigen::Index m = a.rows();
  std::vector<char> seen(static_cast<std::size_t>(m), 0);
  std::vector<Eigen::Index> stack{0};
  seen[0] = 1;
  while (!stack.empty()) {
    const Eigen::Index i = stack.back();
    stack.pop_back();
    for (Eigen::Index j = 0; j < m; ++j)
      if (!seen[static_cast<std::size_t>(j)] && !std::isnan(a(i, j))) {
        seen[static_cast<std::size_t>(j)] = 1;
        stack.push_back(j);
      }
  }
  std::vector<Eigen::Index> out;
  for (Eigen::Index j = 0; j < m; ++j)
    if (!seen[static_cast<std::size_t>(j)]) out.push_back(j);
  return out;
}

/// Power iteration for the Perron vector of a positive matrix, warm-started from `v` (positive,
/// sum 1), updated in place. Converges fast for pairwise comparison matrices (|λ2/λ1| is small
/// for near-consistent ones). Returns false when kPowerMaxIterations do not reach
/// kPowerTolerance (the caller then falls back to the eigen solver).
bool power_perron(const Eigen::MatrixXd& a, Eigen::VectorXd& v) {
  Eigen::VectorXd y(v.size());
  for (int it = 0; it < kPowerMaxIterations; ++it) {
    y.noalias() = a * v;
    y /= y.sum();
    const double d = (y - v).cwiseAbs().maxCoeff();
    v.swap(y);
    if (d <= kPowerTolerance) return true;
  }
  return false;
}

/// Left and right Perron vectors kept between derivative evaluations (warm starts).
struct PerronPair {
  Eigen::VectorXd right, left;
};

/// Derivative of λmax with respect to x = ln a_ij (a_ji = 1/a_ij) at the current matrix:
/// (v_i a_ij w_j − v_j a_ji w_i)/(vᵀw), w and v the right and left Perron vectors.
double dlambda_dx(const Eigen::MatrixXd& a, Eigen::Index i, Eigen::Index j, PerronPair& pp) {
  if (!power_perron(a, pp.right)) pp.right = perron(a).vector;
  const Eigen::MatrixXd at = a.transpose();
  if (!power_perron(at, pp.left)) pp.left = perron(at).vector;
  const Eigen::VectorXd& w = pp.right;
  const Eigen::VectorXd& v = pp.left;
  return (v(i) * a(i, j) * w(j) - v(j) * a(j, i) * w(i)) / v.dot(w);
}

void fill_consistency(AhpResult& r, const Eigen::MatrixXd& a, const AhpOptions& o) {
  const Eigen::Index m = a.rows();
  const int mi = static_cast<int>(m);
  r.ri = random_index(mi, o.random_index);
  r.cr_threshold = cr_threshold(mi, o.threshold_rule, o.cr_threshold);
  r.gci_threshold = gci_threshold_of(m);
  if (m <= 2) {
    r.ci = r.cr = 0;  // a reciprocal 1x1 or 2x2 matrix is consistent by definition
  } else {
    r.ci = (r.lambda_max - static_cast<double>(m)) / static_cast<double>(m - 1);
    if (std::abs(r.ci) <= kCiRoundingTolerance) r.ci = 0;
    r.cr = r.ci / r.ri;
  }
  r.acceptable = r.cr <= r.cr_threshold;
  r.gci = gci_of(a, geometric_mean_weights(a));
}

}  // namespace

std::string_view random_index_table_name(RandomIndexTable table) {
  for (const auto& t : kTableNames)
    if (t.table == table) return t.name;
  return "unknown";
}

bool parse_random_index_table(std::string_view name, RandomIndexTable& out) {
  for (const auto& t : kTableNames)
    if (t.name == name) {
      out = t.table;
      return true;
    }
  return false;
}

double random_index(int m, RandomIndexTable table) {
  if (m < 1) throw DomainError(fmt::format("random_index: m is {} but must be >= 1", m));
  if (m <= 2) return 0;
  auto from15 = [&](const std::array<double, 15>& t) {
    if (m > 15)
      throw DomainError(fmt::format(
          "random_index: the {} table covers m <= 15, but m is {}; use donegan_dodd (m <= 100) "
          "or alonso_lamata_fit",
          random_index_table_name(table), m));
    return t[static_cast<std::size_t>(m - 1)];
  };
  switch (table) {
    case RandomIndexTable::Saaty1980:
      return from15(kSaaty1980);
    case RandomIndexTable::Saaty2005:
      return from15(kSaaty2005);
    case RandomIndexTable::AlonsoLamata2006:
      return from15(kAlonsoLamata);
    case RandomIndexTable::ChineseTextbook:
      return from15(kChinese);
    case RandomIndexTable::AlonsoLamataFit: {
      const double md = static_cast<double>(m);
      return (1.7699 * md - 4.3513) / (md - 1.0);
    }
    case RandomIndexTable::DoneganDodd1991: {
      if (m > 100)
        throw DomainError(fmt::format("random_index: the donegan_dodd table covers m <= 100, but m is {}", m));
      std::vector<std::pair<int, double>> t(kDoneganDodd.begin(), kDoneganDodd.end());
      t.insert(t.end(), kDoneganDoddTail.begin(), kDoneganDoddTail.end());
      for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (t[k].first == m) return t[k].second;
        if (t[k].first < m && m < t[k + 1].first) {
          const double f = static_cast<double>(m - t[k].first) / static_cast<double>(t[k + 1].first - t[k].first);
          return t[k].second + f * (t[k + 1].second - t[k].second);
        }
      }
      return t.back().second;
    }
  }
  throw InternalError("random_index: unknown table");
}

double cr_threshold(int m, CrThresholdRule rule, double fixed) {
  if (rule == CrThresholdRule::Saaty1994BySize) {
    if (m == 3) return 0.05;
    if (m == 4) return 0.08;
    return 0.10;
  }
  return fixed;
}

int check_pairwise_matrix(const Eigen::MatrixXd& a, const AhpOptions& o, const Location& where) {
  if (a.rows() == 0 || a.rows() != a.cols())
    fail(where, fmt::format("the pairwise comparison matrix is {} x {}, but must be square and non-empty",
                            a.rows(), a.cols()));
  if (!(o.reciprocal_tolerance >= 0))
    fail(where, fmt::format("reciprocal_tolerance is {} but must be >= 0", o.reciprocal_tolerance));
  const Eigen::Index m = a.rows();
  int missing = 0;
  for (Eigen::Index i = 0; i < m; ++i) {
    if (std::isnan(a(i, i)) || !(std::abs(a(i, i) - 1.0) <= o.reciprocal_tolerance))
      fail(where, fmt::format("diagonal {} is {}, but must be 1", cell_name(i, i), a(i, i)));
    for (Eigen::Index j = 0; j < m; ++j) {
      if (i == j) continue;
      const double x = a(i, j);
      if (std::isnan(x)) {
        if (!std::isnan(a(j, i)))
          fail(where, fmt::format("{} is missing but {} = {}; a missing judgment must be missing on both "
                                  "sides (or give {} = 1/{})",
                                  cell_name(i, j), cell_name(j, i), a(j, i), cell_name(i, j), a(j, i)));
        if (i < j) {
          ++missing;
          if (o.missing == MissingJudgments::Error)
            fail(where, fmt::format("judgment {} is missing; complete the matrix or choose a completion "
                                    "method (harker, lambda_optimal)",
                                    cell_name(i, j)));
        }
        continue;
      }
      if (!(x > 0) || !std::isfinite(x))
        fail(where, fmt::format("{} is {}, but judgments must be positive and finite", cell_name(i, j), x));
      if (i < j && !std::isnan(a(j, i)) && !(std::abs(x * a(j, i) - 1.0) <= o.reciprocal_tolerance))
        fail(where, fmt::format("{} = {} but {} = {}; the matrix must be reciprocal ({} = 1/{} = {:.10g})",
                                cell_name(i, j), x, cell_name(j, i), a(j, i), cell_name(j, i),
                                cell_name(i, j), 1.0 / x));
    }
  }
  return missing;
}

CompletionResult complete_pairwise_matrix(const Eigen::MatrixXd& a, MissingJudgments method,
                                          const AhpOptions& options, const Location& where) {
  AhpOptions o = options;
  if (o.missing == MissingJudgments::Error) o.missing = method;
  CompletionResult r;
  r.n_missing = check_pairwise_matrix(a, o, where);
  const Eigen::Index m = a.rows();
  r.completed = a;
  if (r.n_missing > 0) {
    const auto cut = unreachable_from_first(a);
    if (!cut.empty()) {
      std::string list;
      for (auto k : cut) {
        if (!list.empty()) list += ", ";
        list += std::to_string(k + 1);
      }
      throw DomainError(fmt::format("ahp: the comparison graph is not connected: element{} {} {} not compared, "
                                    "directly or indirectly, with element 1; priorities are not determined",
                                    cut.size() > 1 ? "s" : "", list, cut.size() > 1 ? "are" : "is"),
                        where);
    }
  }
  if (r.n_missing == 0 || method == MissingJudgments::Error) {
    if (r.n_missing > 0) fail(where, "complete_pairwise_matrix: method must be harker or lambda_optimal");
    const Perron p = perron(a);
    r.weights = p.vector;
    r.lambda_max = p.lambda;
    return r;
  }
  if (method == MissingJudgments::Harker) {
    Eigen::MatrixXd c = a;
    for (Eigen::Index i = 0; i < m; ++i) {
      int mi = 0;
      for (Eigen::Index j = 0; j < m; ++j)
        if (std::isnan(c(i, j))) c(i, j) = 0, ++mi;
      c(i, i) = 1.0 + mi;
    }
    const Perron p = perron(c);
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < m; ++j)
        if (std::isnan(a(i, j))) r.completed(i, j) = p.vector(i) / p.vector(j);
    const Perron q = perron(r.completed);
    r.weights = q.vector;
    r.lambda_max = q.lambda;
    return r;
  }
  // λmax-optimal completion by cyclic coordinate descent in x = ln a_ij.
  if (!(o.completion_tolerance > 0)) fail(where, "completion_tolerance must be > 0");
  if (o.completion_max_sweeps < 1) fail(where, "completion_max_sweeps must be >= 1");
  std::vector<std::pair<Eigen::Index, Eigen::Index>> miss;
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j)
      if (std::isnan(a(i, j))) {
        miss.emplace_back(i, j);
        r.completed(i, j) = r.completed(j, i) = 1.0;  // start: x = 0
      }
  Eigen::MatrixXd& c = r.completed;
  PerronPair pp{Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m)),
                Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m))};
  std::vector<double> last_change(miss.size(), 1.0);  // first sweep: unit steps
  auto set = [&](Eigen::Index i, Eigen::Index j, double x) {
    c(i, j) = std::exp(x);
    c(j, i) = std::exp(-x);
  };
  bool converged = false;
  for (int sweep = 1; sweep <= o.completion_max_sweeps; ++sweep) {
    double max_change = 0;
    for (std::size_t k = 0; k < miss.size(); ++k) {
      const auto [i, j] = miss[k];
      const double x0 = std::log(c(i, j));
      auto f = [&, i = i, j = j](double x) {
        set(i, j, x);
        return dlambda_dx(c, i, j, pp);
      };
      const double f0 = f(x0);
      double x1 = x0;
      if (f0 > 0 || f0 < 0) {
        // Bracket the root of the increasing derivative by doubling steps away from x0.
        double lo = x0, hi = x0, flo = f0, fhi = f0;
        double step = std::max(kMinBracketStep, kBracketGrowth * last_change[k]);
        if (f0 > 0) {
          for (;;) {
            lo = x0 - step;
            flo = f(lo);
            if (!(flo > 0)) break;
            hi = lo;
            fhi = flo;
            step *= 2;
            if (step > kMaxBracketStep) throw InternalError("ahp: lambda-optimal completion: no bracket");
          }
        } else {
          for (;;) {
            hi = x0 + step;
            fhi = f(hi);
            if (!(fhi < 0)) break;
            lo = hi;
            flo = fhi;
            step *= 2;
            if (step > kMaxBracketStep) throw InternalError("ahp: lambda-optimal completion: no bracket");
          }
        }
        if (!(flo < 0)) {
          x1 = lo;  // f(lo) == 0
        } else if (!(fhi > 0)) {
          x1 = hi;  // f(hi) == 0
        } else {
          std::uintmax_t iters = kRootMaxIterations;
          const auto root = boost::math::tools::toms748_solve(
              f, lo, hi, flo, fhi, boost::math::tools::eps_tolerance<double>(52), iters);
          x1 = 0.5 * (root.first + root.second);
        }
      }
      set(i, j, x1);
      last_change[k] = std::abs(x1 - x0);
      max_change = std::max(max_change, last_change[k]);
    }
    r.sweeps = sweep;
    if (max_change <= o.completion_tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged)
    throw DomainError(fmt::format("ahp: λmax-optimal completion did not converge in {} sweeps (tolerance {})",
                                  o.completion_max_sweeps, o.completion_tolerance),
                      where);
  const Perron p = perron(c);
  r.weights = p.vector;
  r.lambda_max = p.lambda;
  return r;
}

AhpResult ahp_priorities(const Eigen::MatrixXd& a, const AhpOptions& o, const Location& where) {
  if (!(o.cr_threshold >= 0)) fail(where, fmt::format("cr_threshold is {} but must be >= 0", o.cr_threshold));
  AhpResult r;
  r.n_missing = check_pairwise_matrix(a, o, where);
  const Eigen::Index m = a.rows();
  if (r.n_missing > 0) {
    const CompletionResult c = complete_pairwise_matrix(a, o.missing, o, where);
    r.completed = c.completed;
    r.completion_sweeps = c.sweeps;
    r.warnings.push_back(fmt::format("{} missing judgment{} completed ({})", r.n_missing,
                                     r.n_missing > 1 ? "s" : "",
                                     o.missing == MissingJudgments::Harker ? "Harker 1987" : "lambda-max optimal"));
  } else {
    r.completed = a;
  }
  const Eigen::MatrixXd& c = r.completed;
  const Perron p = perron(c);
  r.lambda_max = p.lambda;
  r.weights = o.method == AhpPriorityMethod::Eigenvector ? p.vector : geometric_mean_weights(c);
  r.lambda_mean_ratio = ((c * r.weights).array() / r.weights.array()).mean();
  fill_consistency(r, c, o);
  if (!r.acceptable)
    r.warnings.push_back(fmt::format("{}consistency ratio CR = {:.4f} exceeds {:.2f} (m = {}, RI = {} from {}); "
                                     "revise the judgments (see diagnose_inconsistency)",
                                     where.node.empty() ? "" : fmt::format("node '{}': ", where.node), r.cr,
                                     r.cr_threshold, m, r.ri, random_index_table_name(o.random_index)));
  if (!r.weights.allFinite() || !std::isfinite(r.cr) || !std::isfinite(r.gci))
    throw InternalError("ahp_priorities: a non-finite result escaped");
  return r;
}

AhpGroupResult ahp_group(const std::vector<Eigen::MatrixXd>& mats, const AhpGroupOptions& o,
                         const Location& where) {
  if (mats.empty()) fail(where, "ahp_group: no expert matrix given");
  const auto k_n = static_cast<Eigen::Index>(mats.size());
  const Eigen::Index m = mats.front().rows();
  AhpGroupResult r;
  r.expert_weights = Eigen::VectorXd::Constant(k_n, 1.0 / static_cast<double>(k_n));
  if (!o.expert_weights.empty()) {
    if (static_cast<Eigen::Index>(o.expert_weights.size()) != k_n)
      fail(where, fmt::format("ahp_group: {} expert weights for {} experts", o.expert_weights.size(), k_n));
    double s = 0;
    for (std::size_t k = 0; k < o.expert_weights.size(); ++k) {
      if (!(o.expert_weights[k] >= 0) || !std::isfinite(o.expert_weights[k]))
        fail(where, fmt::format("ahp_group: weight of expert {} is {}, but must be >= 0 and finite", k + 1,
                                o.expert_weights[k]));
      s += o.expert_weights[k];
    }
    if (!(s > 0)) fail(where, "ahp_group: all expert weights are 0");
    for (Eigen::Index k = 0; k < k_n; ++k) r.expert_weights(k) = o.expert_weights[static_cast<std::size_t>(k)] / s;
  }
  for (Eigen::Index k = 0; k < k_n; ++k) {
    const auto& a = mats[static_cast<std::size_t>(k)];
    if (a.rows() != m || a.cols() != m)
      fail(where, fmt::format("ahp_group: expert {} gave a {} x {} matrix, expert 1 a {} x {} one", k + 1, a.rows(),
                              a.cols(), m, m));
    try {
      r.experts.push_back(ahp_priorities(a, o.ahp, where));
    } catch (const InvalidInput& e) {
      throw InvalidInput(fmt::format("expert {}: {}", k + 1, e.what()));
    } catch (const DomainError& e) {
      throw DomainError(fmt::format("expert {}: {}", k + 1, e.what()));
    }
  }
  // Element-wise weighted geometric mean over the experts who judged each pair.
  r.aggregated_matrix = Eigen::MatrixXd::Ones(m, m);
  int nobody = 0;
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < m; ++j) {
      if (i == j) continue;
      double lsum = 0, wsum = 0;
      for (Eigen::Index k = 0; k < k_n; ++k) {
        const double x = mats[static_cast<std::size_t>(k)](i, j);
        if (std::isnan(x) || !(r.expert_weights(k) > 0)) continue;
        lsum += r.expert_weights(k) * std::log(x);
        wsum += r.expert_weights(k);
      }
      if (wsum > 0) {
        r.aggregated_matrix(i, j) = std::exp(lsum / wsum);
      } else {
        r.aggregated_matrix(i, j) = std::numeric_limits<double>::quiet_NaN();
        if (i < j) ++nobody;
      }
    }
  // Reciprocity of the aggregate holds up to rounding of exp(±s); restore it exactly.
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j)
      if (!std::isnan(r.aggregated_matrix(i, j))) r.aggregated_matrix(j, i) = 1.0 / r.aggregated_matrix(i, j);
  r.aggregated = ahp_priorities(r.aggregated_matrix, o.ahp, where);
  if (nobody > 0)
    r.warnings.push_back(fmt::format("{} pair{} judged by no expert; completed in the aggregated matrix", nobody,
                                     nobody > 1 ? "s" : ""));
  switch (o.aggregation) {
    case GroupAggregation::AIJ:
      r.weights = r.aggregated.weights;
      break;
    case GroupAggregation::AIPGeometric: {
      Eigen::VectorXd l = Eigen::VectorXd::Zero(m);
      for (Eigen::Index k = 0; k < k_n; ++k)
        l += r.expert_weights(k) * r.experts[static_cast<std::size_t>(k)].weights.array().log().matrix();
      l = (l.array() - l.maxCoeff()).exp();
      r.weights = l / l.sum();
      break;
    }
    case GroupAggregation::AIPArithmetic: {
      r.weights = Eigen::VectorXd::Zero(m);
      for (Eigen::Index k = 0; k < k_n; ++k) r.weights += r.expert_weights(k) * r.experts[static_cast<std::size_t>(k)].weights;
      r.weights /= r.weights.sum();
      break;
    }
  }
  for (Eigen::Index k = 0; k < k_n; ++k)
    for (const auto& w : r.experts[static_cast<std::size_t>(k)].warnings)
      r.warnings.push_back(fmt::format("expert {}: {}", k + 1, w));
  for (const auto& w : r.aggregated.warnings) r.warnings.push_back("aggregated judgments: " + w);
  if (!r.weights.allFinite()) throw InternalError("ahp_group: a non-finite weight escaped");
  return r;
}

double nearest_saaty_value(double x) {
  if (!(x > 0) || !std::isfinite(x))
    throw InvalidInput(fmt::format("nearest_saaty_value: x is {}, but must be positive and finite", x));
  const double l = std::log(x);
  double best = 1, best_d = std::abs(l);
  for (int v = 2; v <= 9; ++v) {
    const double lv = std::log(static_cast<double>(v));
    if (std::abs(l - lv) < best_d) best_d = std::abs(l - lv), best = v;
    if (std::abs(l + lv) < best_d) best_d = std::abs(l + lv), best = 1.0 / v;
  }
  return best;
}

std::string saaty_text(double x) {
  for (int v = 1; v <= 9; ++v) {
    if (std::abs(x - v) <= kScaleTextTolerance * v) return std::to_string(v);
    if (std::abs(x * v - 1.0) <= kScaleTextTolerance) return fmt::format("1/{}", v);
  }
  return fmt::format("{:.6g}", x);
}

AhpDiagnosis diagnose_inconsistency(const Eigen::MatrixXd& a, const AhpOptions& options, const Location& where) {
  AhpOptions o = options;
  o.missing = MissingJudgments::Error;  // diagnosis needs every judgment
  const AhpResult base = ahp_priorities(a, o, where);
  AhpDiagnosis d;
  d.cr = base.cr;
  const Eigen::Index m = a.rows();
  auto cr_with = [&](Eigen::Index i, Eigen::Index j, double v) {
    Eigen::MatrixXd b = a;
    b(i, j) = v;
    b(j, i) = 1.0 / v;
    return ahp_priorities(b, o, where).cr;
  };
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j) {
      JudgmentRevision rv;
      rv.row = static_cast<int>(i);
      rv.col = static_cast<int>(j);
      rv.current = a(i, j);
      rv.consistent = base.weights(i) / base.weights(j);
      rv.cr_if_consistent = cr_with(i, j, rv.consistent);
      rv.suggested = nearest_saaty_value(rv.consistent);
      rv.cr_if_suggested = cr_with(i, j, rv.suggested);
      rv.suggested_text = saaty_text(rv.suggested);
      d.revisions.push_back(rv);
    }
  std::stable_sort(d.revisions.begin(), d.revisions.end(),
                   [](const JudgmentRevision& x, const JudgmentRevision& y) {
                     return x.cr_if_consistent < y.cr_if_consistent;
                   });
  d.warnings = base.warnings;
  return d;
}

}  // namespace cikit
