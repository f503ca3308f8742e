#pragma once
/// \file verdicts.hpp
/// Verdicts: every reliability/validity statistic judged against documented, cited thresholds
/// kept as data in one place (the default table in verdicts.cpp, overridable by the spec's
/// `thresholds:` key). Reports say e.g. "acceptable (≥ 0.7; George & Mallery 2003; Nunnally
/// 1978)" with `ValueVerdict::text()`. The table of defaults is documented in docs/methods.md
/// ("Verdicts").
///
/// A rule has cut-points for some of the levels excellent > good > acceptable > questionable,
/// best first; a value meeting none of them is "poor". For a statistic where higher is better
/// (alpha, KMO, CR, …) a value meets a band when value ≥ cut; where lower is better (HTMT,
/// Bartlett's p) when value < cut.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/tree.hpp"

namespace YAML {
class Node;
}

namespace cikit {

struct YamlContext;

/// Verdict levels, best first.
enum class VerdictLevel { Excellent, Good, Acceptable, Questionable, Poor };

/// "excellent", "good", "acceptable", "questionable", "poor" (JSON and spec keys).
[[nodiscard]] std::string_view verdict_level_id(VerdictLevel level);
/// {zh: 优秀/良好/可接受/存疑/不佳, en: excellent/good/acceptable/questionable/poor}.
[[nodiscard]] const Labels& verdict_level_label(VerdictLevel level);

struct VerdictBand {
  VerdictLevel level = VerdictLevel::Acceptable;  ///< never Poor (Poor is the remainder)
  double cut = 0.0;
};

struct VerdictRule {
  std::string statistic;          ///< id, e.g. "alpha", "kmo", "htmt"
  Labels name;                    ///< what is judged, zh and en
  bool higher_is_better = true;   ///< true: band met when value ≥ cut; false: when value < cut
  std::vector<VerdictBand> bands; ///< best level first, strictly increasing levels, monotone cuts
  std::string citation;           ///< e.g. "Kaiser 1974"
  /// All bands in one line, for table notes: "KMO: ≥ 0.9 excellent, ≥ 0.8 good, ≥ 0.6
  /// acceptable, ≥ 0.5 questionable, otherwise poor (Kaiser 1974)".
  [[nodiscard]] std::string describe(Lang lang) const;
  /// The cut-point of a level, NaN when the rule has no band for it.
  [[nodiscard]] double cut(VerdictLevel level) const;
};

/// The verdict for one value.
struct ValueVerdict {
  std::string statistic;
  double value = 0.0;
  VerdictLevel level = VerdictLevel::Poor;
  std::string rule;      ///< the condition met: "≥ 0.7", "< 0.85"; for Poor the failed one, "< 0.6"
  double cut = 0.0;      ///< the cut-point of `rule`
  bool at_least = true;  ///< `rule` is "≥ cut" (else "< cut")
  std::string citation;  ///< the rule's citation
  [[nodiscard]] std::string_view id() const { return verdict_level_id(level); }
  [[nodiscard]] const std::string& label(Lang lang) const { return verdict_level_label(level).get(lang, ""); }
  /// "acceptable (≥ 0.7; Nunnally 1978)" / "可接受（≥ 0.7；Nunnally 1978）".
  [[nodiscard]] std::string text(Lang lang) const;
};

/// The rules in force: the cited defaults, possibly overridden by the spec.
class VerdictTable {
 public:
  /// The default rules (see verdicts.cpp and docs/methods.md for the table and the sources).
  VerdictTable();
  /// The rule for a statistic id. @throws InternalError for an unknown id (a bug in the caller).
  [[nodiscard]] const VerdictRule& rule(std::string_view statistic) const;
  /// Judges a value; std::nullopt when the value is NaN (nothing to judge).
  /// @throws InternalError for an unknown statistic id.
  [[nodiscard]] std::optional<ValueVerdict> judge(std::string_view statistic, double value) const;
  /// Replaces the rule with the same statistic id. @throws InvalidInput if the bands are not
  /// ordered (levels best first without Poor, cuts monotone in the rule's direction) or the id
  /// is unknown.
  void set(VerdictRule rule);
  [[nodiscard]] const std::vector<VerdictRule>& rules() const { return rules_; }

 private:
  std::vector<VerdictRule> rules_;
};

/// Reads the spec's `thresholds:` mapping into `table`: one entry per statistic id,
///   alpha: {excellent: 0.9, good: 0.8, acceptable: 0.7, questionable: 0.6, citation: "…"}
/// The level keys given replace all of the rule's bands; without `citation:` the citation
/// becomes "spec thresholds". Errors (unknown id or level, 'poor', non-monotone cuts) are
/// located at file:line:column. Used by read_spec.
void parse_thresholds(const YamlContext& ctx, const YAML::Node& node, VerdictTable& table);

}  // namespace cikit
