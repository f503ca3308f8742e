#pragma once
/// \file validity_tables.hpp
/// Tables A3–A8 and the scree and heatmap figures of the appendix, converted from
/// compute_evidence() (APPENDIX-CONVENTIONS.md §1–§4): A3 reliability per dimension and
/// overall, A4 item analysis, A5 KMO and Bartlett, A6 total variance explained with parallel
/// analysis, A7 rotated loadings against the declared dimensions, A8 CR/AVE/Fornell–Larcker and
/// HTMT. Each table's notes state the methods; interpretation sentences are left to
/// Table::interpretation.

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
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

}  // namespace cikit::report
