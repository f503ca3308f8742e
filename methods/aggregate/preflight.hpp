#pragma once
/// \file preflight.hpp
/// Checks, before any index is built, that the chosen treatment, normalisation, weighting and
/// aggregation methods can work together on this tree and data.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// What values a node's score can take, as far as the methods determine it.
enum class ScoreSign {
  Positive,     ///< always > 0 (rank; min-max/goalposts/percentile/distance with range lo > 0; ratios)
  NonNegative,  ///< >= 0, zeros possible (min-max with lo = 0, TOPSIS closeness)
  Any,          ///< negative values possible (z-score, vector of a negative indicator, Copeland)
};

/// One combination that cannot work: the node (or indicator) and a sentence saying why and what to do.
struct PreflightIssue {
  std::string node;
  std::string message;
};

/// The normalisation method of leaf `leaf` (its `normalize:` override, else the global one).
[[nodiscard]] NormalizeMethod leaf_normalize_method(const IndicatorTree& tree, int leaf, const IndexConfig& config);
/// The aggregation of inner node `node` (its `aggregate:` override, else the global one with
/// AggregateParams::power).
[[nodiscard]] NodeAggregate node_aggregate(const IndicatorTree& tree, int node, const IndexConfig& config);

/// Finds every method combination that cannot work, before building:
/// - geometric or harmonic mean, or a power mean of order r <= 0, over a child that can be <= 0
///   (allowed for zeros, not negatives, when methods.aggregate.zeros: shift), and a power mean of
///   order r > 0 over a child that can be negative;
/// - coefficient-of-variation weights over children that can be negative (mean near 0, e.g. z-scores);
/// - a plain log transform (`transform: log`) of an indicator with a value <= 0;
/// - ratio_mean / ratio_max over an indicator with a value <= 0 or after an explicit log transform;
/// - distance_target without a `target:`; distance_ref without methods.normalize.reference or with
///   a reference unit that is not in the data;
/// - overrides naming nodes that do not exist or are of the wrong kind.
/// Signs propagate bottom-up (ScoreSign): leaves from their normalisation (and, for vector
/// normalisation, the data), inner nodes from their aggregation and children.
/// @param data the raw indicator values, before treatment (rows = units, cols = leaves in leaf
///        order); may be empty (then the data-dependent checks are skipped). Winsorising and
///        mean/median imputation keep values inside the observed range, so raw signs carry over;
///        a log fallback of the outlier treatment is not foreseen here (normalize() then names the unit).
/// @param unit_ids one per row of `data` (names the unit in messages).
[[nodiscard]] std::vector<PreflightIssue> preflight(const IndicatorTree& tree, const IndexConfig& config,
                                                    const Eigen::MatrixXd& data,
                                                    const std::vector<std::string>& unit_ids);

/// preflight(), throwing DomainError listing every issue ("node 'x': ...") when there is any.
void require_preflight(const IndicatorTree& tree, const IndexConfig& config, const Eigen::MatrixXd& data,
                       const std::vector<std::string>& unit_ids);

}  // namespace cikit
