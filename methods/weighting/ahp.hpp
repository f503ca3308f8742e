#pragma once
/// \file ahp.hpp
/// Analytic Hierarchy Process (AHP): priorities from one pairwise comparison matrix
/// (eigenvector and row geometric mean methods), consistency (CI, CR with selectable random
/// index tables, GCI), group aggregation (AIJ, AIP), incomplete matrices (Harker; λmax-optimal
/// completion) and a diagnosis of the judgments that cause inconsistency.
///
/// Orientation: a pairwise comparison matrix A is m × m (m = number of compared elements, e.g.
/// the children of one tree node); a_ij = importance of element i over element j, so the
/// priorities w satisfy a_ij ≈ w_i / w_j. A is positive, reciprocal (a_ji = 1/a_ij) and has a
/// unit diagonal. A missing judgment is NaN, in a_ij and a_ji together.
/// Reference values: validation/weighting/ahp (base R eigen()), METHODS-REFERENCE.md §6.

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

/// How priorities are derived from a (complete) pairwise comparison matrix.
enum class AhpPriorityMethod {
  Eigenvector,    ///< principal right eigenvector (Saaty 1977), normalised to sum 1
  GeometricMean,  ///< row geometric mean method, RGMM (Crawford & Williams 1985)
};

/// Random index tables RI(m) for the consistency ratio (METHODS-REFERENCE.md §6.2).
enum class RandomIndexTable {
  Saaty1980,          ///< Saaty (1980) book, as widely reproduced; m ≤ 15 (RI_12 = 1.48 as printed)
  Saaty2005,          ///< Saaty (2005) ANP book p. 31 (AHPy 'saaty'); m ≤ 15
  AlonsoLamata2006,   ///< Alonso & Lamata (2006), 100 000 random matrices per m; m ≤ 15
  AlonsoLamataFit,    ///< Alonso & Lamata (2006) linear fit: RI = (1.7699 m − 4.3513)/(m − 1), any m;
                      ///< coefficients from METHODS-REFERENCE.md §6.2 ("from memory", not checked
                      ///< against the paper here); approximate for small m
  DoneganDodd1991,    ///< Donegan & Dodd (1991) (AHPy 'dd'); m ≤ 100, linear interpolation between
                      ///< the tabulated sizes 20, 25, 30, 40, …, 100
  ChineseTextbook,    ///< table of common Chinese textbooks (1–15: 0, 0, .52, .89, 1.12, 1.26, …)
};

/// Name of a table as used in specs and reports ("saaty1980", "saaty2005", "alonso_lamata",
/// "alonso_lamata_fit", "donegan_dodd", "chinese_textbook").
[[nodiscard]] std::string_view random_index_table_name(RandomIndexTable table);
/// Parses a table name (as random_index_table_name). Returns false when unknown.
bool parse_random_index_table(std::string_view name, RandomIndexTable& out);

/// Acceptance rule for the consistency ratio.
enum class CrThresholdRule {
  Fixed,           ///< CR ≤ AhpOptions::cr_threshold (0.10, Saaty 1980) for every m
  Saaty1994BySize, ///< CR ≤ 0.05 (m = 3), 0.08 (m = 4), 0.10 (m ≥ 5) (Saaty 1994)
};

/// What to do with missing judgments (NaN cells).
enum class MissingJudgments {
  Error,          ///< a missing judgment is an InvalidInput naming the cell
  Harker,         ///< Harker (1987): w from the eigenvector of the modified matrix C
  LambdaOptimal,  ///< Bozóki, Fülöp & Rónyai (2010): missing entries that minimise λmax
};

struct AhpOptions {
  /// Priority derivation; the eigenvector method is Saaty's original and the default.
  AhpPriorityMethod method = AhpPriorityMethod::Eigenvector;
  /// RI table for CR = CI/RI(m); Saaty (1980) is the most cited (METHODS-REFERENCE.md §9).
  RandomIndexTable random_index = RandomIndexTable::Saaty1980;
  /// Acceptance rule; the fixed 0.10 is the usual textbook rule.
  CrThresholdRule threshold_rule = CrThresholdRule::Fixed;
  /// Threshold under CrThresholdRule::Fixed (Saaty 1980: CR ≤ 0.10 is acceptable).
  double cr_threshold = 0.10;
  /// Reciprocity check: |a_ij · a_ji − 1| must be ≤ this. 1e-9 accepts fractions and decimals
  /// printed to ≥ 10 significant digits but rejects 0.33 for 1/3 (write "1/3").
  double reciprocal_tolerance = 1e-9;
  /// Missing judgments (NaN): an error unless a completion method is chosen.
  MissingJudgments missing = MissingJudgments::Error;
  /// Stopping rule of the λmax-optimal completion: a sweep over all missing entries that
  /// changes no ln a_ij by more than this ends the iteration.
  double completion_tolerance = 1e-13;
  /// Sweeps of the cyclic coordinate descent before giving up (DomainError).
  int completion_max_sweeps = 10000;
};

/// Priorities and consistency of one pairwise comparison matrix.
struct AhpResult {
  Eigen::VectorXd weights;          ///< priorities, w_i > 0, Σ w_i = 1
  /// Perron eigenvalue of A (of the completed A when judgments were missing). Used for CI and
  /// CR whatever the priority method: consistency is a property of the matrix.
  double lambda_max = 0;
  /// (1/m) Σ_i (A w)_i / w_i with the returned weights; equals lambda_max for the eigenvector
  /// method; the approximation many textbooks use with RGMM ("方根法").
  double lambda_mean_ratio = 0;
  double ci = 0;                    ///< CI = (λmax − m)/(m − 1); 0 for m ≤ 2
  double ri = 0;                    ///< RI(m) of the chosen table; 0 for m ≤ 2
  double cr = 0;                    ///< CR = CI/RI(m); 0 for m ≤ 2 (always consistent)
  double cr_threshold = 0;          ///< the threshold that applied
  bool acceptable = true;           ///< cr ≤ cr_threshold
  /// Geometric consistency index (Aguarón & Moreno-Jiménez 2003) with the RGMM priorities:
  /// GCI = 2/((m − 1)(m − 2)) Σ_{i<j} ln²(a_ij w_j / w_i); 0 for m ≤ 2.
  double gci = 0;
  /// GCI thresholds 0.31 (m = 3), 0.35 (m = 4), 0.37 (m > 4) (Aguarón & Moreno-Jiménez 2003).
  double gci_threshold = 0;
  int n_missing = 0;                ///< missing judgments (pairs i < j) that were completed
  Eigen::MatrixXd completed;        ///< A with missing entries filled (= A when complete)
  int completion_sweeps = 0;        ///< sweeps of the λmax-optimal completion (0 otherwise)
  std::vector<std::string> warnings;
};

/// Checks a pairwise comparison matrix: square, a_ii = 1, a_ij > 0 and finite, a_ji·a_ij = 1
/// within options.reciprocal_tolerance; NaN (missing) must be symmetric (a_ij and a_ji) and off
/// the diagonal, and is only accepted when options.missing is not Error. Returns the number
/// of missing pairs i < j.
/// @throws InvalidInput naming `where` (node) and the cell (row, column, 1-based) and value:
///         non-square or empty; diagonal ≠ 1; a non-positive or infinite cell;
///         a non-reciprocal pair ("a_12 = 3 but a_21 = 0.5; a_21 must be 1/a_12");
///         a one-sided or diagonal missing value; a missing value under MissingJudgments::Error.
int check_pairwise_matrix(const Eigen::MatrixXd& a, const AhpOptions& options = {},
                          const Location& where = {});

/// Random index RI(m) of a table. RI(1) = RI(2) = 0 in every table.
/// @throws DomainError if m < 1 or m exceeds the table (15; 100 for Donegan–Dodd).
/// Reference: Saaty (1980) The Analytic Hierarchy Process, McGraw-Hill; Saaty (2005) Theory and
/// Applications of the ANP, RWS, p. 31; Alonso & Lamata (2006) IJUFKS 14(4):445,
/// doi:10.1142/S0218488506004114; Donegan & Dodd (1991) Math. Comput. Model. 15(10):135,
/// doi:10.1016/0895-7177(91)90098-R.
[[nodiscard]] double random_index(int m, RandomIndexTable table);

/// CR threshold of a rule for size m (Fixed: `fixed`; Saaty1994BySize: .05/.08/.10).
/// Reference: Saaty (1994) Fundamentals of Decision Making and Priority Theory, RWS.
[[nodiscard]] double cr_threshold(int m, CrThresholdRule rule, double fixed = 0.10);

/// Priorities and consistency of one pairwise comparison matrix A (m × m; see file comment).
/// - Eigenvector: A w = λmax w, w the Perron vector (Eigen::EigenSolver, eigenvalue of largest
///   real part), normalised to Σ w = 1.
/// - GeometricMean: w_i ∝ (Π_j a_ij)^{1/m}, normalised (computed as exp of the mean of logs).
/// CI = (λmax − m)/(m − 1) with the Perron λmax of A; CR = CI/RI(m); m ≤ 2 ⇒ CI = CR = 0 by
/// definition (a reciprocal 2 × 2 matrix is always consistent). Rounding can make λmax − m
/// slightly negative for a consistent matrix: |CI| ≤ 1e-12 is set to 0.
/// Missing judgments (NaN) follow options.missing: Error, or completion by
/// complete_pairwise_matrix() before deriving priorities (the RGMM is then taken on the
/// completed matrix). CR > threshold is not an error: `acceptable` = false plus a warning.
/// @param where names the node in messages (Location{.node = id}).
/// @throws InvalidInput as check_pairwise_matrix; DomainError if the random index table does
///         not cover m, or from the completion (disconnected comparison graph).
/// Reference: Saaty (1977) J. Math. Psychol. 15:234, doi:10.1016/0022-2496(77)90033-5;
/// Crawford & Williams (1985) J. Math. Psychol. 29:387, doi:10.1016/0022-2496(85)90002-1;
/// Aguarón & Moreno-Jiménez (2003) EJOR 147:137, doi:10.1016/S0377-2217(02)00255-2.
/// Complexity: O(m³).
[[nodiscard]] AhpResult ahp_priorities(const Eigen::MatrixXd& a, const AhpOptions& options = {},
                                       const Location& where = {});

/// Result of completing an incomplete pairwise comparison matrix.
struct CompletionResult {
  Eigen::MatrixXd completed;  ///< reciprocal, missing entries filled
  Eigen::VectorXd weights;    ///< Perron vector of `completed` (Harker: of C, the same vector)
  double lambda_max = 0;      ///< Perron eigenvalue of `completed`
  int n_missing = 0;          ///< missing pairs i < j
  int sweeps = 0;             ///< coordinate-descent sweeps (LambdaOptimal), 0 for Harker
};

/// Completes a pairwise comparison matrix with missing judgments (NaN, symmetric).
/// - Harker (1987): C with c_ij = a_ij (known, i ≠ j), 0 (missing), c_ii = 1 + (missing in
///   row i); w = Perron vector of C; missing a_ij := w_i/w_j. Then A(w) w = C w = λ w, so
///   λmax(completed) = λmax(C) and w is also the eigenvector priority of the completed matrix.
/// - LambdaOptimal (Bozóki, Fülöp & Rónyai 2010): the missing x_ij = ln a_ij minimise
///   λmax(A(x)), a strictly convex function of x when the comparison graph is connected. Cyclic
///   coordinate descent: each coordinate is solved exactly by a bracketed root search
///   (Boost toms748) of ∂λmax/∂x_ij = (v_i a_ij w_j − v_j a_ji w_i)/(vᵀw) = 0 (v, w left and right
///   Perron vectors by warm-started power iteration), starting from x = 0, until a sweep
///   changes no x_ij by more than options.completion_tolerance. The final weights and λmax
///   are from the eigen solver on the completed matrix. Time: ~20 ms for m = 15 with 49
///   missing pairs (Release build).
/// A complete matrix is returned unchanged (n_missing = 0).
/// @throws InvalidInput as check_pairwise_matrix; DomainError if the comparison graph (edge
///         i–j when a_ij is known) is not connected, naming the elements cut off from element 1
///         ("elements 3, 4 are not compared, directly or indirectly, with element 1"), or if
///         the descent does not converge in completion_max_sweeps sweeps.
/// Reference: Harker (1987) Math. Model. 9(11):837, doi:10.1016/0270-0255(87)90503-3;
/// Bozóki, Fülöp & Rónyai (2010) Math. Comput. Model. 52:318, doi:10.1016/j.mcm.2010.02.047;
/// Shiraishi, Obata & Daigo (1998) J. Oper. Res. Soc. Japan 41:404.
[[nodiscard]] CompletionResult complete_pairwise_matrix(const Eigen::MatrixXd& a,
                                                        MissingJudgments method,
                                                        const AhpOptions& options = {},
                                                        const Location& where = {});

/// Group aggregation of several decision makers' judgments (Forman & Peniwati 1998).
enum class GroupAggregation {
  AIJ,            ///< aggregate individual judgments: weighted geometric mean of the matrices
  AIPGeometric,   ///< aggregate individual priorities: weighted geometric mean, renormalised
  AIPArithmetic,  ///< aggregate individual priorities: weighted arithmetic mean
};

struct AhpGroupOptions {
  AhpOptions ahp;  ///< priority method, RI table, thresholds, missing rule for every matrix
  /// AIJ is the rule for a group acting as one (Forman & Peniwati 1998, Aczél & Saaty 1983).
  GroupAggregation aggregation = GroupAggregation::AIJ;
  /// Expert weights β_k (≥ 0, not all 0), renormalised to sum 1; empty = equal weights 1/K.
  std::vector<double> expert_weights;
};

struct AhpGroupResult {
  Eigen::VectorXd weights;             ///< group priorities, Σ = 1
  /// Element-wise weighted geometric mean of the experts' matrices (missing cells: over the
  /// experts who judged the pair, weights renormalised; NaN if nobody did). Always computed.
  Eigen::MatrixXd aggregated_matrix;
  /// ahp_priorities() of aggregated_matrix: the group's priorities under AIJ, and under AIP the
  /// consistency of the aggregated judgments (for information).
  AhpResult aggregated;
  std::vector<AhpResult> experts;      ///< each expert's ahp_priorities()
  Eigen::VectorXd expert_weights;      ///< β_k used (sum 1)
  std::vector<std::string> warnings;
};

/// Group priorities from K experts' m × m pairwise comparison matrices (same element order).
/// - AIJ: a^G_ij = Π_k a^(k)_ij^{β_k} (β renormalised over the experts who judged (i,j)), then
///   ahp_priorities(A^G).
/// - AIPGeometric: w^G_i = Π_k (w^(k)_i)^{β_k} / Σ_l Π_k (w^(k)_l)^{β_k}.
/// - AIPArithmetic: w^G_i = Σ_k β_k w^(k)_i.
/// With RGMM for every expert and complete matrices, AIJ and AIPGeometric coincide exactly.
/// @throws InvalidInput if there is no matrix, sizes differ, the number of expert weights is
///         not K, a weight is negative/NaN or all are 0; as ahp_priorities for each matrix
///         (the message names the expert, 1-based).
/// Reference: Forman & Peniwati (1998) EJOR 108:165, doi:10.1016/S0377-2217(97)00244-0;
/// Aczél & Saaty (1983) J. Math. Psychol. 27:93, doi:10.1016/0022-2496(83)90028-7.
[[nodiscard]] AhpGroupResult ahp_group(const std::vector<Eigen::MatrixXd>& matrices,
                                       const AhpGroupOptions& options = {}, const Location& where = {});

/// AHP settings for weights over an indicator tree (ahp_tree_weights, tree_weights).
struct AhpTreeOptions {
  /// Per-matrix settings. Missing judgments default to the λmax-optimal completion here: a
  /// judgments file in pair form lists only some pairs on purpose.
  AhpOptions ahp{.missing = MissingJudgments::LambdaOptimal};
  /// Group rule when several experts judged a node (AIJ: the group acts as one).
  GroupAggregation group = GroupAggregation::AIJ;
};

/// One judgment a_ij (i < j) and the consistency if it were revised.
struct JudgmentRevision {
  int row = 0;                  ///< i (0-based)
  int col = 0;                  ///< j (0-based), i < j
  double current = 0;           ///< a_ij as given
  double consistent = 0;        ///< w_i / w_j with the priorities of the unrevised matrix
  double cr_if_consistent = 0;  ///< CR after a_ij := w_i/w_j, a_ji := w_j/w_i
  double suggested = 0;         ///< nearest value of Saaty's scale {1/9, …, 1, …, 9} (log scale)
  double cr_if_suggested = 0;   ///< CR after a_ij := suggested
  std::string suggested_text;   ///< suggested as written in judgments ("3", "1/4")
};

struct AhpDiagnosis {
  double cr = 0;                            ///< CR of the matrix as given
  /// All judgments i < j, sorted by cr_if_consistent ascending (the most helpful revision
  /// first; ties in (row, col) order).
  std::vector<JudgmentRevision> revisions;
  std::vector<std::string> warnings;
};

/// Which single judgment to revise to make a matrix more consistent: for each a_ij (i < j),
/// the CR after replacing it by the value consistent with the current priorities, w_i/w_j, and
/// by its nearest Saaty-scale value (an upper-triangle edit and its reciprocal). Priorities and
/// CR as ahp_priorities(a, options). Only complete matrices (no NaN) are diagnosed.
/// @throws InvalidInput as check_pairwise_matrix, and for a matrix with missing judgments;
///         DomainError as ahp_priorities.
/// Reference: Saaty (2003) EJOR 145:85, doi:10.1016/S0377-2217(02)00227-8 (revising the judgment
/// with the largest a_ij w_j/w_i); here the CR after each revision is computed directly.
[[nodiscard]] AhpDiagnosis diagnose_inconsistency(const Eigen::MatrixXd& a, const AhpOptions& options = {},
                                                  const Location& where = {});

/// Nearest value of Saaty's 1–9 scale and reciprocals to x > 0 on the log scale (ties to the
/// value nearer 1). @throws InvalidInput if x is not positive and finite.
[[nodiscard]] double nearest_saaty_value(double x);
/// "3", "1/4", "1" for a Saaty-scale value; other values as "%.6g".
[[nodiscard]] std::string saaty_text(double x);

}  // namespace cikit
