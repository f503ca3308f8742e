#pragma once
/// \file structure.hpp
/// Validity of a declared indicator structure (the `cikit validity` report): per first-level
/// dimension and for the whole system, PCA + parallel analysis; varimax loadings of the whole
/// system against the declared dimensions; KMO and Bartlett per block; CR/AVE, Fornell–Larcker,
/// HTMT; correlations of indicators with dimension scores (item_dimension_check).

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/validity/convergent.hpp"
#include "methods/validity/factorability.hpp"
#include "methods/validity/parallel.hpp"
#include "methods/validity/pca.hpp"
#include "methods/validity/rotation.hpp"

namespace cikit {

struct StructureValidityOptions {
  CorrelationOptions correlation = {};  ///< missing rule for every correlation (pairwise default)
  double significance = 0.05;           ///< item-dimension check: "not significant" when p >= this
  ParallelOptions parallel = {};        ///< replicates, quantile, seed (correlation copied from above)
  ConvergentOptions convergent = {};    ///< thresholds (correlation copied from above)
  FactorabilityOptions factorability = {};  ///< KMO/Bartlett warning thresholds (item ids set per block)
};

struct BlockStructure {
  std::string id;                       ///< first-level dimension id ("" for the whole system)
  std::vector<Eigen::Index> columns;    ///< data columns
  PcaResult pca;
  ParallelResult parallel;
  KmoResult kmo;                        ///< KMO/MSA of pca.r (psych::KMO; singular R: Q := R, warned)
  /// Bartlett's test of pca.r with n = all rows (psych::cortest.bartlett on data), listwise: the
  /// complete rows; absent (warning) when R is singular or n is too small.
  std::optional<BartlettResult> bartlett;
};

/// Structure check at the indicator level: the Pearson correlation of every indicator with every
/// first-level dimension score (mean of the available z-scores, mean_z_score()), pairwise
/// complete units, t-test p-values (correlation_test). The score of an indicator's own
/// dimension INCLUDES the indicator in `r`, which inflates it (a part-whole correlation);
/// `r_own_drop` is the corrected version with the indicator left out of its own dimension's
/// score (as psych::alpha's r.drop, on z-scores), and the flags use it.
struct ItemDimensionCheck {
  std::vector<std::string> dimensions;  ///< first-level dimension ids (columns of r)
  Eigen::MatrixXd r;                    ///< p x D
  Eigen::MatrixXd p_value;              ///< p x D, two-sided
  Eigen::MatrixXi n;                    ///< p x D complete pairs
  std::vector<int> own;                 ///< own dimension (column of r) per indicator
  Eigen::VectorXd r_own_drop;           ///< r with the own score without the indicator; NaN when
                                        ///< the own dimension has only this indicator
  Eigen::VectorXd p_own_drop;
  Eigen::VectorXi n_own_drop;
  std::vector<int> best_other;          ///< other dimension with the highest r (-1: none)
  std::vector<bool> other_higher;       ///< r(best other) > r_own_drop
  std::vector<bool> negative;           ///< r_own_drop < 0
  std::vector<bool> not_significant;    ///< p_own_drop >= significance
  /// Correlations of the dimension scores (D x D, unit diagonal), their p-values and n.
  Eigen::MatrixXd score_r;
  Eigen::MatrixXd score_p;
  Eigen::MatrixXi score_n;
  std::vector<std::string> warnings;
};

/// The indicator-dimension check on x (rows = units, cols = indicators, direction-corrected;
/// NaN = missing) for `blocks` (the first-level dimensions; 1-indicator blocks allowed).
/// A correlation that cannot be computed (fewer than 4 pairs, constant score) is NaN with a
/// warning. @throws DomainError for a constant indicator (mean_z_score).
[[nodiscard]] ItemDimensionCheck item_dimension_check(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks,
                                                      double significance = 0.05);

struct StructureValidityResult {
  std::vector<BlockStructure> dimensions;  ///< first-level dimensions with >= 2 indicators
  BlockStructure system;                   ///< all indicators
  /// Whole-system varimax of m = (number of first-level dimensions) principal components
  /// (psych sort/sign); m is capped at p - 1 and is at least 2.
  RotationResult system_varimax;
  std::vector<int> highest_component;      ///< per indicator: 0-based column of max |loading|
  std::vector<int> declared_dimension;     ///< per indicator: index into the first-level dimensions
  /// Per component: the declared dimension most of its highest-loading indicators belong to
  /// (ties -> lowest index); per indicator `matches_declared` compares with it.
  std::vector<int> component_dimension;
  std::vector<bool> matches_declared;
  ItemDimensionCheck item_dimension;       ///< indicator vs dimension scores; score correlations
  bool convergent_computed = false;        ///< false when a dimension has < 2 indicators
  ConvergentResult convergent;
  std::vector<std::string> warnings;
};

/// Runs the validity battery on a dataset (rows = units, cols = indicators in tree leaf order,
/// NaN = missing) for the tree's first-level dimensions. Negative-direction indicators are
/// multiplied by -1 first (only the signs of their correlations change), so that every
/// indicator is oriented "more is better".
/// @throws InvalidInput / DomainError as the underlying functions (e.g. a constant indicator).
[[nodiscard]] StructureValidityResult structure_validity(const Dataset& data, const IndicatorTree& tree,
                                                         const StructureValidityOptions& options = {});

}  // namespace cikit
