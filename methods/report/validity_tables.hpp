#pragma once
/// \file validity_tables.hpp
/// Tables A3–A8 and the scree and heatmap figures of the appendix, converted from
/// compute_evidence() (APPENDIX-CONVENTIONS.md §1–§4): A3 reliability per dimension and
/// overall, A4 item analysis, A5 KMO and Bartlett, A6 total variance explained with parallel
/// analysis, A7 rotated loadings against the declared dimensions, A8 CR/AVE/Fornell–Larcker and
/// HTMT. Each table's notes state the methods.
///
/// Interpretation sentences (Table::interpretation; issue: appendix, item 4): each restates
/// numbers already in the table and the verdict the spec's rules (methods/core/verdicts.hpp,
/// `thresholds:`) give them, with the rule met and its citation. Nothing is claimed that the
/// numbers don't show: when the confidence interval of α reaches below the cut-point of the
/// verdict's level the sentence says so; factorability is concluded only when KMO is at least
/// acceptable and Bartlett's test rejects sphericity (p < its cut-point).

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/core/verdicts.hpp"
#include "methods/report/evidence.hpp"
#include "methods/report/render.hpp"

namespace cikit::report {

/// A3: per first-level dimension and for all indicators (last row): k, N, α, standardised α,
/// Feldt CI, bootstrap BCa CI (when replicates > 0), one-factor ω, odd–even split-half
/// (Spearman–Brown) and the best split's λ4.
[[nodiscard]] Table reliability_table(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// A4: per indicator within its first-level dimension: CITC (psych r.drop), α if deleted, and
/// the dimension's α on its first row.
[[nodiscard]] Table item_analysis_table(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// A5: KMO, lowest MSA (and its indicator), Bartlett's χ², df, p per dimension and overall.
[[nodiscard]] Table factorability_table(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// A6: whole-system eigenvalues, % of variance, cumulative %, rotated sums of squared loadings
/// of the m varimax components, and the parallel-analysis random mean and quantile, for the
/// first components (up to one past the largest of the Kaiser count, the parallel-analysis
/// count and m). `scree_figure_number` is cited in the note.
[[nodiscard]] Table variance_table(const Evidence& ev, Lang lang, const std::string& scree_figure_number);

/// A7: whole-system varimax loadings per indicator with its declared dimension, communality,
/// highest-loading component and whether it matches the declared dimension.
[[nodiscard]] Table loadings_table(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// A8-1 (CR, AVE, Fornell–Larcker) and A8-2 (HTMT below, HTMT2 above the diagonal); empty
/// when convergent validity was not computed (a dimension with < 2 indicators).
[[nodiscard]] std::vector<Table> convergent_tables(const Evidence& ev, const IndicatorTree& tree, Lang lang);

/// Scree plot of all indicators with the parallel-analysis quantile and the Kaiser line.
[[nodiscard]] Figure scree_figure(const Evidence& ev, Lang lang, const std::string& number);

/// Heatmap of the whole-system correlation matrix in tree order, first-level dimensions boxed.
[[nodiscard]] Figure heatmap_figure(const Evidence& ev, const IndicatorTree& tree, Lang lang, const std::string& number);

/// A3: per block with an α, "α = 0.861 (95% CI 0.830–0.890) for X indicates good internal
/// consistency (≥ 0.8; …)." using the BCa interval when there is one, else Feldt's; plus a
/// caveat when the lower limit is below the level's cut-point.
[[nodiscard]] std::vector<std::string> reliability_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                                  const VerdictTable& verdicts, Lang lang);

/// A5: the whole system's KMO verdict and Bartlett's test with the conclusion on factorability;
/// the dimensions whose KMO falls below the acceptable cut-point, if any.
[[nodiscard]] std::vector<std::string> factorability_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                                    const VerdictTable& verdicts, Lang lang);

/// A6: components retained by parallel analysis and by the Kaiser rule, and the cumulative
/// variance of the m rotated components judged by the `cumulative_variance` rule.
[[nodiscard]] std::vector<std::string> variance_interpretation(const Evidence& ev, const VerdictTable& verdicts,
                                                               Lang lang);

/// A8-1: per first-level dimension, CR and AVE with their verdicts. Empty when convergent
/// validity was not computed.
[[nodiscard]] std::vector<std::string> convergent_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                                 const VerdictTable& verdicts, Lang lang);

/// A8-2: the largest HTMT, the pair of dimensions it belongs to and its verdict (discriminant
/// validity). Empty when convergent validity was not computed.
[[nodiscard]] std::vector<std::string> htmt_interpretation(const Evidence& ev, const IndicatorTree& tree,
                                                           const VerdictTable& verdicts, Lang lang);

}  // namespace cikit::report
