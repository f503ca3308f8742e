#pragma once
/// \file delphi_analysis.hpp
/// The whole consultation: per round the panel (positive and authority coefficients), per round
/// × aspect × level the indicator statistics, Kendall's W, screening, content validity and
/// agreement; per round the indicator verdicts; changes between rounds.

#include <optional>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/delphi/delphi.hpp"
#include "methods/delphi/delphi_input.hpp"

namespace cikit {

struct DelphiOptions {
  int threads = 0;  ///< OpenMP threads for the permutation test (0 = default); results do not depend on it
};

/// One round × aspect × level (the set over which W and the boundary thresholds are computed).
struct DelphiGroup {
  int round = 0;
  std::string aspect;
  int level = 0;                        ///< tree depth of the indicators (0 = all levels, groups: all)
  std::vector<std::string> indicators;  ///< column order (tree pre-order)
  int n_experts = 0;                    ///< experts who rated at least one indicator of the group
  int n_used = 0;                       ///< experts used (complete ones under drop_experts)
  int n_dropped = 0;                    ///< incomplete experts dropped
  ItemStats stats;
  ScreeningResult screening;
  std::optional<KendallResult> kendall;  ///< absent for counts input or when W is undefined
  Eigen::VectorXd rank_sums;             ///< from kendall (NaN when absent)
  CviResult cvi;
  CvrResult cvr;
  std::optional<IccResult> icc;
  std::optional<FleissKappaResult> fleiss;
  double alpha_nominal = std::numeric_limits<double>::quiet_NaN();
  double alpha_ordinal = std::numeric_limits<double>::quiet_NaN();
  double alpha_interval = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::string> warnings;
};

/// Verdict of one indicator in one round: the worst verdict over the aspects, with the rules
/// it fails, e.g. "importance: mean < 3.5", "feasibility: boundary CV".
struct DelphiVerdict {
  std::string indicator;
  Verdict verdict = Verdict::Keep;
  std::vector<std::string> failed;
};

struct DelphiRound {
  int round = 0;
  int sent = 0, returned = 0;       ///< from the expert sheet (0 when absent)
  double positive_coefficient = std::numeric_limits<double>::quiet_NaN();  ///< returned / sent
  int commented = 0;                ///< returned experts who wrote suggestions
  double comment_rate = std::numeric_limits<double>::quiet_NaN();          ///< commented / returned
  std::optional<AuthorityResult> authority;  ///< when the sheet has basis and familiarity columns
  std::vector<std::string> authority_experts;  ///< expert ids in authority order
  std::vector<DelphiGroup> groups;
  std::vector<DelphiVerdict> verdicts;  ///< indicators rated this round, tree order
};

/// What happened to an indicator between round r and the next round.
struct DelphiChange {
  std::string indicator;
  int from_round = 0, to_round = 0;
  Verdict from = Verdict::Keep;
  std::optional<Verdict> to;        ///< empty = not rated in to_round (dropped)
  std::string aspect;               ///< aspect of the mean change below (the first aspect)
  double mean_from = 0;
  double mean_to = std::numeric_limits<double>::quiet_NaN();
};

struct DelphiResult {
  std::vector<DelphiRound> rounds;
  std::vector<DelphiChange> changes;
  std::vector<std::string> aspects;  ///< in order of first appearance
  std::vector<std::string> warnings;
};

/// Runs every statistic of delphi.hpp on a parsed consultation.
/// Missing rule: input.missing (default drop incomplete experts per round × aspect × level, the
/// number dropped is reported). Counts input: item statistics, screening, CVI and CVR only.
/// Agreement statistics that are undefined for a group (e.g. a single category) are skipped with
/// a warning rather than thrown.
/// @throws InvalidInput when a group has fewer than 2 usable experts.
[[nodiscard]] DelphiResult analyse_delphi(const DelphiInput& input, const IndicatorTree& tree,
                                          const DelphiOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Bundled example (SYNTHETIC)
// ---------------------------------------------------------------------------------------------

/// Files of the simulated two-round consultation for the governance example: {name, content}
/// for delphi.yaml, delphi_ratings.csv and delphi_experts.csv. 16 experts invited in round 1
/// (15 return), 15 in round 2; every leaf of `tree` rated for importance and feasibility on a
/// 1-5 scale; a few indicators are rated low in round 1 (dropped or revised); round 2 rates the
/// kept and revised ones. Deterministic: make_stream(seed, StreamTag::SimulateDelphi, round).
/// Labelled SYNTHETIC in the files.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> simulate_delphi_files(const IndicatorTree& tree,
                                                                                    std::uint64_t seed);

}  // namespace cikit
