#pragma once
/// \file delphi_input.hpp
/// The Delphi consultation file (YAML) and the tables it names: a long ratings CSV (or
/// per-indicator score-count tables) and an expert sheet. Schema in docs/spec.md ("delphi").

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/delphi/delphi.hpp"

namespace cikit {

/// Rating scale of the consultation.
struct DelphiScale {
  double min = 1;        ///< lowest score
  double max = 5;        ///< highest score (the full score of the full-score ratio)
  double relevant = 4;   ///< I-CVI: score >= relevant counts as relevant (default max - 1)
  double essential = 5;  ///< Lawshe CVR: score >= essential counts as essential (default max)
};

/// How incomplete experts are handled within one round × aspect × level.
enum class DelphiMissing {
  DropIncompleteExperts,  ///< default: experts who skipped an indicator are dropped (SPSS case deletion)
  AvailableCase,          ///< item statistics, CVI, CVR and alpha use every rating; W, ICC, kappa complete experts
};

/// Over which indicators the boundary-value thresholds and W are computed.
enum class DelphiGrouping { Level /* tree depth, default */, All };

struct DelphiRating {
  int round = 0;
  std::string expert, indicator, aspect;
  double score = 0;  ///< NaN = not rated (NA in the file)
  long line = 0;
};

struct DelphiCount {
  int round = 0;
  std::string indicator, aspect;
  double score = 0, count = 0;
  long line = 0;
};

struct DelphiExpert {
  int round = 0;
  std::string id;
  bool returned = true;
  std::vector<BasisLevel> basis;  ///< one per AuthorityTables::basis source; empty = not given
  std::string familiarity;        ///< level name of AuthorityTables::familiarity; empty = not given
  bool commented = false;         ///< wrote suggestions (专家意见提出率)
  double weight = std::numeric_limits<double>::quiet_NaN();  ///< optional expert weight (reported only)
  long line = 0;
};

/// What the consultation changed in an indicator after a round (`revisions:` in the Delphi
/// file): the wording, definition or unit revised on the experts' comments before the next round.
/// Reported in the appendix's construction of the system; no statistic uses it.
struct DelphiRevision {
  int round = 0;          ///< the round after which the indicator was revised
  std::string indicator;  ///< indicator id (a node of the tree)
  Labels change;          ///< what changed, e.g. "renamed from ... ; unit changed to ..."
  long line = 0;          ///< line in the Delphi file
};

/// A parsed Delphi file with its tables.
struct DelphiInput {
  std::string file;                     ///< the YAML file as given
  Labels note;  ///< free text (e.g. "SYNTHETIC"): a string, or {zh: …, en: …} shown in each language
  std::string ratings_file, counts_file, experts_file;  ///< resolved paths ("" = absent)
  std::vector<DelphiRating> ratings;
  std::vector<DelphiCount> counts;
  std::vector<DelphiExpert> experts;
  std::vector<DelphiRevision> revisions;  ///< `revisions:` (optional), file order
  DelphiScale scale;
  ScreeningOptions screening;
  FullScoreRule full_score = FullScoreRule::ScaleMaximum;
  DelphiGrouping grouping = DelphiGrouping::Level;
  DelphiMissing missing = DelphiMissing::DropIncompleteExperts;
  AuthorityTables authority;
  double min_response = 0.70;           ///< acceptable expert positive coefficient
  int permutations = 2000;              ///< permutation replicates for W (0 = none)
  std::uint64_t seed = kDefaultSeed;
};

/// Reads a Delphi YAML file and the CSV files it names (relative to the YAML file).
/// Indicator ids must be nodes of `tree` (leaves, or inner nodes when those are rated).
/// @throws InvalidInput naming file:line:column for malformed YAML, unknown keys, a missing file,
///         an unknown indicator id, a score outside [scale.min, scale.max] or not numeric, a
///         duplicated (round, expert, indicator, aspect) row, a round that is not a positive
///         integer, unknown judgment-basis or familiarity levels, ratings by an expert absent from
///         the sheet or marked as not returned.
[[nodiscard]] DelphiInput read_delphi(const std::filesystem::path& path, const IndicatorTree& tree);

/// Parses Delphi YAML text; `base_dir` resolves the CSV paths.
[[nodiscard]] DelphiInput parse_delphi(const std::string& text, const std::string& file_label,
                                       const std::filesystem::path& base_dir, const IndicatorTree& tree);

}  // namespace cikit
