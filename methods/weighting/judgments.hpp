#pragma once
/// \file judgments.hpp
/// AHP judgments file (YAML): pairwise comparison matrices of one or more experts for the inner
/// nodes of the indicator tree, as `cikit example` / `cikit simulate` write them.
///
/// ```yaml
/// scale: saaty                      # optional, informative
/// experts:
///   - id: E1
///     label: {zh: 专家1, en: Expert 1}   # optional (or a plain string)
///     weight: 2                     # optional; all experts or none; renormalised to sum 1
///     matrices:
///       cggi:                       # an inner node of the tree
///         order: [system, capacity, performance, feedback]   # exactly its children, any order
///         matrix:                   # matrix[i][j] = importance of order[i] over order[j]
///           - [1, 2, 2, 1]
///           - [1/2, 1, 1, 1/2]
///           - [1/2, 1, 1, 1/2]
///           - [1, 2, 2, 1]
///       system:                     # pair-list form: missing pairs make an incomplete matrix
///         pairs:
///           - [party_leadership, rule_of_law, 3]
///           - [rule_of_law, tech_support, "1/2"]
/// ```
/// Cells: a positive decimal number (3, 0.5, 2.5) or a fraction of two ("1/3"); in the matrix
/// form `null`, `~` or `NA` marks a missing judgment (in both a_ij and a_ji). Diagonal = 1;
/// a_ji · a_ij = 1 within 1e-9.

#include <Eigen/Core>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// One expert's comparisons of the children of one inner node.
struct NodeJudgments {
  int node = -1;            ///< tree node index
  std::string node_id;
  /// Pairwise comparison matrix in the TREE's child order (tree.node(node).children), whatever
  /// the order in the file; NaN = missing judgment.
  Eigen::MatrixXd matrix;
  int n_missing = 0;        ///< missing pairs i < j
  Location where;           ///< position of the node's key in the file (with .node set)
};

/// One expert's Best-Worst Method vectors for the children of one inner node (bwm_tree.hpp):
/// `bwm: {NODE: {best: ID, worst: ID, best_to_others: {ID: a, ...}, others_to_worst: {ID: a, ...}}}`,
/// every child in both vectors; values as parse_judgment, >= 1.
struct BwmNodeJudgments {
  int node = -1;
  std::string node_id;
  int best = -1;   ///< position of the best child in the tree's child order
  int worst = -1;  ///< position of the worst child
  Eigen::VectorXd best_to_others;   ///< a_Bj in the tree's child order
  Eigen::VectorXd others_to_worst;  ///< a_jW in the tree's child order
  Location where;                   ///< position of the node's key
};

struct ExpertJudgments {
  std::string id;
  Labels label;
  std::optional<double> weight;     ///< as given (not renormalised)
  std::vector<NodeJudgments> nodes; ///< in file order
  std::vector<BwmNodeJudgments> bwm; ///< Best-Worst Method vectors (`bwm:`), in file order
  Location where;                   ///< position of the expert entry
  /// This expert's judgments for tree node `node`, or nullptr.
  [[nodiscard]] const NodeJudgments* find(int node) const;
};

struct Judgments {
  std::string file;                     ///< file label as given
  std::string scale;                    ///< `scale:` (informative), empty if absent
  std::vector<ExpertJudgments> experts; ///< in file order, at least one
  /// Expert weights renormalised to sum 1; equal weights when none were given.
  [[nodiscard]] std::vector<double> expert_weights() const;
};

/// Parses one judgment cell: "3", "0.5", "2.5", "1/3", "1/2.5". Strict: each number is
/// digits with an optional decimal part (digits '.' digits), no sign, exponent or spaces; the value must be positive and finite.
/// @throws InvalidInput with `where` and the text ("'1/0' is not a valid judgment: …").
[[nodiscard]] double parse_judgment(const std::string& text, const Location& where = {});

/// Parses judgments text against the tree. `file_label` names the file in messages.
/// Checks: top-level keys (scale, experts); expert keys (id, label, weight, matrices); unique
/// expert ids; weights given for all experts or none, each ≥ 0 and finite, not all 0; node ids
/// exist and are inner nodes, at most once per expert; `order` lists exactly the node's
/// children; `matrix` is m × m; or `pairs` entries [child, child, value] with two distinct
/// children and no pair given twice; cells as parse_judgment; unit diagonal; reciprocity
/// within 1e-9; missing cells symmetric.
/// @throws InvalidInput naming file:line:column (yaml-cpp Mark, 1-based), the node and the
///         expert ("expert 'E2': a[1,3] = 3 but a[3,1] = 1/2 …") for each violation, and for
///         malformed YAML.
[[nodiscard]] Judgments parse_judgments(const std::string& text, const std::string& file_label,
                                        const IndicatorTree& tree);

/// Reads a judgments file (UTF-8, or GBK/GB18030 detected as for the spec) and parses it.
/// @throws InvalidInput if the file does not exist, and as parse_judgments.
[[nodiscard]] Judgments read_judgments(const std::filesystem::path& path, const IndicatorTree& tree);

/// The spec's `judgments:` file read against the spec's tree (for `weights: ahp`).
/// @throws InvalidInput naming the spec when it has no `judgments:`; as read_judgments.
[[nodiscard]] Judgments read_spec_judgments(const Spec& spec);

}  // namespace cikit
