#pragma once
/// \file fuzzy.hpp
/// Fuzzy comprehensive evaluation (模糊综合评价): membership of each criterion value in K
/// ordered grades from per-criterion grade thresholds, composed with the criterion weights by
/// one of the four classic operators, then a grade and a weighted-average grade score.
/// Rows = units, cols = criteria (the children of one node).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/mcda_common.hpp"
#include "methods/core/registry.hpp"

namespace cikit {

struct FuzzyOptions : McdaColumns {
  FuzzyOperator op = FuzzyOperator::ProductSum;       ///< composition M(., .), M(., (+)) by default
  FuzzyGradeRule grade_rule = FuzzyGradeRule::MaxMembership;  ///< how `grade` is chosen
  /// Criteria × K: row j holds the characteristic values v_j1 < ... < v_jK of the K grades
  /// (worst to best for a benefit criterion; for a cost criterion the same increasing values
  /// belong to the grades best to worst, i.e. v_j1 to grade K).
  Eigen::MatrixXd thresholds;
  /// Grade scores c_1 < ... < c_K (worst to best); empty = 1, 2, ..., K.
  Eigen::VectorXd scores;
  std::string node;  ///< node id for messages
};

struct FuzzyResult {
  Eigen::VectorXd score;       ///< sum_k b_k c_k (higher = better); NaN for dropped units
  Eigen::MatrixXd membership;  ///< units × K, the evaluation vector b (normalised to sum 1)
  Eigen::VectorXd grade;       ///< 1-based grade index by the grade rule; NaN for dropped units
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// Membership of value x in the K grades with characteristic values v_1 < ... < v_K (the
/// "semi-trapezoid at the ends, triangles inside" convention of Chinese textbooks):
///   grade 1:   1 for x <= v_1, (v_2 - x)/(v_2 - v_1) on (v_1, v_2), 0 for x >= v_2;
///   grade k:   (x - v_{k-1})/(v_k - v_{k-1}) on [v_{k-1}, v_k], (v_{k+1} - x)/(v_{k+1} - v_k) on
///              [v_k, v_{k+1}], 0 elsewhere (1 < k < K);
///   grade K:   1 for x >= v_K, (x - v_{K-1})/(v_K - v_{K-1}) on (v_{K-1}, v_K), 0 for x <= v_{K-1}.
/// The memberships of a value sum to 1 and at most two adjacent grades are non-zero. `cost`
/// reverses the result (v_1 belongs to the best grade). Values beyond [v_1, v_K] belong wholly
/// to the end grade.
/// @throws InvalidInput if K < 2, x is not finite or v is not strictly increasing.
[[nodiscard]] Eigen::RowVectorXd grade_membership(double x, const Eigen::RowVectorXd& v, bool cost = false);

/// Fuzzy comprehensive evaluation (single level, per unit i):
///   R_i = [r_jk] (criteria × grades) by grade_membership, w renormalised to sum 1;
///   b_k = min(1, sum_j w_j r_jk)        M(., (+))  (product_sum, the default)
///   b_k = max_j min(w_j, r_jk)          M(^, v)    (min_max)
///   b_k = max_j w_j r_jk                M(., v)    (product_max)
///   b_k = min(1, sum_j min(w_j, r_jk))  M(^, (+))  (min_sum)
/// The three operators other than M(., (+)) do not give sum_k b_k = 1, so b is normalised,
/// b_k / sum_l b_l (under M(., (+)) the sum is already 1: rows of R sum to 1, weights to 1).
/// score_i = sum_k b_k c_k (weighted-average grade score, grade scores c default 1..K; higher
/// = better); grade_i = argmax_k b_k (max_membership; ties: the lower grade) or the k whose c_k
/// is nearest score_i (score; ties: the lower grade).
/// Missing: listwise (warned) or error (McdaColumns::missing).
/// @throws InvalidInput (sizes; weights; thresholds not criteria × K with K >= 2, not finite or
///         not strictly increasing, criterion and node named; scores not K increasing values).
/// Reference: 杜栋, 庞庆华, 吴炎 (2008) 现代综合评价方法与案例精选, 清华大学出版社, ch. 3 (模糊综合
///   评价法: membership functions, operators M(^,v), M(.,v), M(^,(+)), M(.,(+))); Zadeh (1965)
///   Fuzzy sets, Information and Control 8:338-353.
/// Complexity O(n m K).
[[nodiscard]] FuzzyResult fuzzy_evaluation(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                           const FuzzyOptions& options);

}  // namespace cikit
