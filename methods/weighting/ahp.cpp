/// \file ahp.cpp
/// AHP priorities (ahp.hpp): checks of a pairwise comparison matrix, the Perron eigenpair,
/// eigenvector and geometric-mean priorities with their consistency (CI, CR, GCI), and group
/// AHP (AIJ and AIP aggregation). Random index tables are in ahp_random_index.cpp, completion
/// of missing judgments in ahp_completion.cpp, the inconsistency diagnosis in ahp_diagnosis.cpp.
#include "methods/weighting/ahp.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

#include "methods/weighting/detail/ahp_common.hpp"

namespace cikit {

using weighting_detail::fail;
using weighting_detail::Perron;
using weighting_detail::perron;

namespace weighting_detail {

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

}  // namespace weighting_detail

namespace {

/// |CI| at or below this (times 1) is rounding noise of a consistent matrix: set to 0.
constexpr double kCiRoundingTolerance = 1e-12;

std::string cell_name(Eigen::Index i, Eigen::Index j) { return fmt::format("a[{},{}]", i + 1, j + 1); }

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

}  // namespace cikit
