#pragma once
/// \file validity_summary.hpp
/// The evidence the appendix adds after A3–A8 (issue 23, point 4): per-dimension principal
/// components with parallel analysis (A6-2), criterion validity (A8-3: the index and its
/// dimensions against the spec's external criteria, as `cikit validity` computes it), and the
/// overall conclusions on reliability and on structural validity, which judge the evidence as
/// a whole: the n : k ratio, every indicator with an MSA below 0.5, a low rotated loading or
/// communality, a low corrected item–total correlation, and every dimension whose AVE or α
/// is rated poor are named. Every number restates one already computed; nothing is recomputed.

#include <vector>

#include "methods/core/criteria.hpp"
#include "methods/core/tree.hpp"
#include "methods/core/verdicts.hpp"
#include "methods/report/evidence.hpp"
#include "methods/report/table.hpp"
#include "methods/validity/criterion.hpp"

namespace cikit::report {

/// Cut-points the conclusions flag (APPENDIX-CONVENTIONS.md §1, §2, §4).
inline constexpr double kLowMsa = 0.5;            ///< item MSA below this is "unacceptable" (Kaiser 1974)
inline constexpr double kLowLoading = 0.4;        ///< highest |rotated loading| below this (SPSSAU; Hair et al.)
inline constexpr double kLowCommunality = 0.4;    ///< communality below this (SPSSAU)
inline constexpr double kLowCitc = 0.3;           ///< corrected item–total correlation (Nunnally & Bernstein 1994)
inline constexpr double kAlphaRise = 0.02;        ///< "α if deleted" above α + this counts as a rise
inline constexpr double kMinUnitsPerIndicator = 5; ///< n : k rule of thumb for factor analysis (Gorsuch 1983)

/// A6-2: per first-level dimension (≥ 2 indicators) and for all indicators: k, n : k, the
/// first eigenvalue and its share, the Kaiser count and the components parallel analysis
/// retains. The interpretation names the dimensions that are not unidimensional.
[[nodiscard]] Table dimension_parallel_table(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// A8-3: Pearson and Spearman correlations (Fisher-z / Bonett–Wright 95% CIs) of the index and
/// each first-level dimension with each criterion, with the verdict of the spec's
/// `criterion_r` rule, and one sentence per criterion for the index.
[[nodiscard]] Table criterion_table(const std::vector<CriterionCorrelation>& results,
                                    const std::vector<Criterion>& criteria, const IndicatorTree& tree,
                                    const std::string& index_id, const VerdictTable& verdicts, Lang lang);

/// The overall conclusion on reliability (a paragraph for the end of A4).
[[nodiscard]] std::vector<std::string> reliability_conclusion(const Evidence& ev, const IndicatorTree& tree,
                                                              const VerdictTable& verdicts, Lang lang);

/// The overall conclusion on structural validity (a paragraph for the end of the validity
/// tables): n : k, MSA, loadings and communalities, the declared structure, AVE, HTMT and the
/// criterion correlations of the index (`criterion` may be empty).
[[nodiscard]] std::vector<std::string> validity_conclusion(const Evidence& ev, const IndicatorTree& tree,
                                                           const VerdictTable& verdicts,
                                                           const std::vector<CriterionCorrelation>& criterion,
                                                           const std::vector<Criterion>& criteria,
                                                           const std::string& index_id, Lang lang);

}  // namespace cikit::report
