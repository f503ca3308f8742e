#pragma once
/// \file structure.hpp
/// Validity of a declared indicator structure (the `cikit validity` report): per first-level
/// dimension and for the whole system, PCA + parallel analysis; varimax loadings of the whole
/// system against the declared dimensions; CR/AVE, Fornell–Larcker, HTMT.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/validity/convergent.hpp"
#include "methods/validity/parallel.hpp"
#include "methods/validity/pca.hpp"
#include "methods/validity/rotation.hpp"

namespace cikit {

struct StructureValidityOptions {
  CorrelationOptions correlation = {};  ///< missing rule for every correlation (pairwise default)
  ParallelOptions parallel = {};        ///< replicates, quantile, seed (correlation copied from above)
  ConvergentOptions convergent = {};    ///< thresholds (correlation copied from above)
};

struct BlockStructure {
  std::string id;                       ///< first-level dimension id ("" for the whole system)
  std::vector<Eigen::Index> columns;    ///< data columns
  PcaResult pca;
  ParallelResult parallel;
};

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
