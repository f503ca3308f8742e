#pragma once
/// \file sensitivity_tables.hpp
/// The robustness part of the appendix from one SensitivityAnalysis
/// (methods/sensitivity/index_sensitivity.hpp; JRC practice, Saisana, Saltelli & Tarantola
/// 2005): A12 rank intervals (Monte Carlo over the modelling assumptions, and the bootstrap
/// over units when it ran) with the dot-and-whisker figure, A13 Sobol' indices of the mean
/// absolute rank shift R̄s with their convergence, A14 leave-one-out. Tables only restate the
/// analysis' numbers; interpretations state what those numbers show.

#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/report/render.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"
#include "methods/sensitivity/sobol_convergence.hpp"

namespace cikit::report {

/// The label of an uncertain input ("normalize" → "Normalisation method" / "标准化方法") from
/// the catalogue key "input.<name>"; an input without an entry keeps its name.
[[nodiscard]] std::string input_label(const std::string& name, Lang lang);

/// One line per uncertain input: label and what varies ("Normalisation method: min–max,
/// z-score"), method names in `lang`.
[[nodiscard]] std::vector<std::string> input_descriptions(const UncertaintySpec& inputs, const IndicatorTree& tree,
                                                         Lang lang);

/// A12: per unit (nominal rank order) nominal, median and mean rank, 5th–95th percentile
/// interval, its width and the runs used; the bootstrap-over-units median and interval when
/// the analysis ran it. Interpretation: R̄s, how many intervals are wider than 10% of the
/// units, the widest. @throws InternalError without a Monte Carlo result.
[[nodiscard]] Table rank_interval_table(const SensitivityAnalysis& a, const Dataset& data, const IndicatorTree& tree,
                                        Lang lang);

/// Units per panel of the rank-interval chart.
inline constexpr std::size_t kRankPanelUnits = 40;

/// The JRC dot-and-whisker chart of A12 (units sorted by median rank): one figure, or with more
/// than kRankPanelUnits units equal panels ("4-1", "4-2", ...) on a common rank axis, so that
/// the labels stay legible at page width.
[[nodiscard]] std::vector<Figure> rank_intervals_figures(const SensitivityAnalysis& a, const Dataset& data, Lang lang,
                                                         const std::string& number);

/// A13-1 first- and total-order Sobol' indices of R̄s per input with bootstrap CIs and each
/// index's convergence status (sobol_convergence.hpp, tolerance τ): unconverged indices are
/// labelled with the reason, the notes state the rule, the base size N (and model runs) at which
/// the rule is expected to hold, and explain a total-order estimate above 1; the dominant input
/// is named only when its total-order index converged, else the ranking of the inputs is stated
/// as not established. A13-2 their convergence at N/4, N/2, N when available, with each row's
/// status. Empty when the analysis has no Sobol' indices (a failed run; its warnings say why).
[[nodiscard]] std::vector<Table> sobol_tables(const SensitivityAnalysis& a, Lang lang,
                                              double tolerance = kSobolTolerance);

/// A14: R̄s and the largest |rank shift| without each first-level dimension and each
/// indicator (largest R̄s first within each kind); removals that cannot be computed are listed
/// with "—" and their reason in a note. @throws InternalError without a leave-one-out result.
[[nodiscard]] Table leave_one_out_table(const SensitivityAnalysis& a, const IndicatorTree& tree, Lang lang);

}  // namespace cikit::report
