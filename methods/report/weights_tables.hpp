#pragma once
/// \file weights_tables.hpp
/// Tables A9 (AHP consistency per node and expert) and A10 (local and global weights of every
/// node under every available weighting method) and the grouped-bar figure of the indicators'
/// global weights by method, converted from weights_report() (methods/weighting/
/// weights_report.hpp). Nothing is recomputed here.

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/report/render.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::report {

/// The AHP consistency rows of a report: those of the ahp method, else of the first method
/// that has any (combined with an ahp component); empty when no method used AHP.
[[nodiscard]] const std::vector<NodeConsistency>& ahp_consistency(const WeightsReport& report);

/// A9: per inner node and expert (then the group's aggregate) m, λmax, CI = (λmax − m)/(m − 1),
/// RI, CR = CI/RI and whether CR is below the threshold in force (Saaty 1980: 0.1). The
/// interpretation counts the matrices meeting the threshold and names those that do not.
/// @throws InternalError if `rows` is empty (the caller leaves A9 out then).
[[nodiscard]] Table ahp_consistency_table(const std::vector<NodeConsistency>& rows, const IndicatorTree& tree,
                                          Lang lang);

/// A10-1 local and A10-2 global weights (%): every non-root node in pre-order (indented), one
/// column per method of `report` (two narrow tables instead of one with 2 × methods columns, so
/// that eight methods fit a page); the method variants in the notes of A10-1.
[[nodiscard]] std::vector<Table> weights_compared_tables(const WeightsReport& report, const IndicatorTree& tree,
                                                         Lang lang);

/// Grouped bars: the indicators' global weights (%) under each method of `report`. A system with
/// more than kWeightsPanelIndicators indicators and at least two first-level dimensions gets one
/// figure per dimension (numbers "3-1", "3-2", ...), so that each stays legible at page width.
[[nodiscard]] std::vector<Figure> weights_figures(const WeightsReport& report, const IndicatorTree& tree, Lang lang,
                                                  const std::string& number);

/// Indicators up to which the weights chart is one figure.
inline constexpr std::size_t kWeightsPanelIndicators = 20;

/// A weighting method's variant or a scheme name built from spec names ("eigenvector,
/// saaty1980, aij", "game_theory(ahp, entropy)") in `lang`: en unchanged; zh with each spec
/// name replaced by its Chinese display name (registries; RI tables from the catalogue).
[[nodiscard]] std::string localised_variant(const std::string& variant, Lang lang);

}  // namespace cikit::report
