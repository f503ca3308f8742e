#pragma once
/// \file audit_tables.hpp
/// Tables and the figure of the statistical-coherence audit (methods/audit), in one language:
/// C1 correlation structure, C2 effective importance vs nominal weights, C3 weight optimisation,
/// C4 audit summary, and the figure "nominal weight vs importance per group". Also the
/// bilingual fragments the `cikit audit` front end prints (flags, verdicts, notes). Every
/// phrase comes from the message catalogue (messages_audit.cpp).

#include <string>
#include <vector>

#include "methods/audit/audit.hpp"
#include "methods/core/tree.hpp"
#include "methods/report/render.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// C1: every non-root node's r with parent and index (ρ too when computed), n and flags.
[[nodiscard]] Table audit_correlation_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang);
/// C2: S_i on the parent and on the index (CI when bootstrapped), r², normalised weight and
/// importance, ratio and the divergence flag.
[[nodiscard]] Table audit_importance_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang);
/// C3: nominal and optimised weights, desired and obtained normalised correlations, objective.
[[nodiscard]] Table audit_optimisation_table(const audit::OptimiseResult& o, const IndicatorTree& tree,
                                             const std::string& target_kind, Lang lang);
/// C4: α, standardised α, first-eigenvalue share, flags and verdict per group.
[[nodiscard]] Table audit_summary_table(const audit::AuditResult& r, const IndicatorTree& tree, Lang lang);
/// Figures: per group, each child's normalised nominal weight and normalised importance (bars).
/// One panel for the index's children, then one per dimension with the groups below it (a tree
/// of depth 1 or 2 gives a single figure), so that labels stay legible on a page.
[[nodiscard]] std::vector<Figure> audit_importance_figures(const audit::AuditResult& r, const IndicatorTree& tree,
                                                           Lang lang, const std::string& number);

/// "weak; redundant" (localised) flags of one node; "" when none.
[[nodiscard]] std::string audit_flags_text(const audit::AuditResult& r, int node, Lang lang);
/// The localised verdict of one group, with its reasons.
[[nodiscard]] std::string audit_verdict_text(const audit::GroupSummary& s, Lang lang);
/// Notes under the node table and the summary table of the front end.
[[nodiscard]] std::string audit_node_note(const audit::AuditResult& r, Lang lang);
[[nodiscard]] std::string audit_summary_note(const audit::AuditResult& r, Lang lang);
/// Title and note (objective, evaluations, rank changes) of the optimisation table.
[[nodiscard]] std::string audit_optimisation_title(const audit::OptimiseResult& o, Lang lang);
/// `target_kind`: equal, nominal or file. Names the nodes whose weight stopped at the lower bound.
[[nodiscard]] std::string audit_optimisation_note(const audit::OptimiseResult& o, const IndicatorTree& tree,
                                                  const std::string& target_kind, Lang lang);

}  // namespace cikit::report
