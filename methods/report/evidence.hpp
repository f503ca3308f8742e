#pragma once
/// \file evidence.hpp
/// Runs the reliability and validity battery the appendix reports (tables A3–A8, figures of
/// the scree plot and the correlation heatmap) with one set of options, so that the tables are
/// pure conversions of these results. Every statistic comes from methods/reliability and
/// methods/validity; this file only orients the indicators and picks the blocks.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/random.hpp"
#include "methods/core/tree.hpp"
#include "methods/reliability/alpha.hpp"
#include "methods/reliability/omega.hpp"
#include "methods/reliability/split_half.hpp"
#include "methods/validity/factorability.hpp"
#include "methods/validity/structure.hpp"

namespace cikit::report {

struct EvidenceOptions {
  /// Missing values in every covariance/correlation (pairwise as psych, or listwise).
  MissingRule missing = MissingRule::Pairwise;
  /// Reliability on z-scores of the indicators (default): indicators in different units make
  /// the raw-covariance α depend on the units; on z-scores α is the standardised α and its
  /// Feldt and bootstrap intervals apply to it. false: on the raw (direction-aligned) values.
  bool standardize = true;
  double level = 0.95;               ///< confidence level of the alpha intervals
  int bootstrap_replicates = 1000;   ///< alpha bootstrap (percentile and BCa); 0 = none
  int parallel_replicates = 100;     ///< parallel analysis data sets
  double parallel_quantile = 0.95;   ///< parallel analysis decision quantile
  std::uint64_t seed = kDefaultSeed; ///< master seed (streams Bootstrap and Parallel)
};

/// One block of indicators: a first-level dimension, or the whole system (`node` = root).
struct BlockEvidence {
  int node = 0;
  std::string id;
  std::vector<int> positions;           ///< leaf positions (data columns)
  std::optional<AlphaResult> alpha;     ///< absent when not computable (see alpha_error)
  std::string alpha_error;
  std::optional<SplitHalfResult> split_half;
  std::optional<OmegaOneFactorResult> omega;  ///< absent for < 3 indicators or on error
  std::string omega_error;
  std::optional<KmoResult> kmo;
  std::string kmo_error;
  std::optional<BartlettResult> bartlett;
  std::string bartlett_error;
};

struct Evidence {
  EvidenceOptions options;
  std::vector<BlockEvidence> blocks;    ///< first-level dimensions in tree order, then the whole system
  StructureValidityResult structure;    ///< PCA, parallel analysis, varimax, CR/AVE/HTMT
  std::vector<std::string> warnings;
};

/// Runs alpha (with bootstrap), split-half, one-factor omega, KMO and Bartlett per first-level
/// dimension with >= 2 indicators and for all indicators, and structure_validity() for the
/// whole tree; indicators are first direction-aligned and (options.standardize) z-scored with
/// normalize() (y = ±(x − mean)/sd, sd with n − 1). Correlation-based results (ω, split-half,
/// KMO, Bartlett, PCA, CR/AVE, HTMT) do not depend on the z-scoring; α does. A block that a method
/// cannot handle (DomainError, e.g. a constant indicator) gets that method's error text instead
/// of a result; other blocks are unaffected.
/// @throws InvalidInput if the data columns do not match the tree's leaves or options are bad;
///         DomainError from normalize() or structure_validity() (e.g. a constant indicator).
[[nodiscard]] Evidence compute_evidence(const Dataset& data, const IndicatorTree& tree, const EvidenceOptions& options);

}  // namespace cikit::report
