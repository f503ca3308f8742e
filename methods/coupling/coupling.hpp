#pragma once
/// \file coupling.hpp
/// Coupling coordination degree (耦合协调度) of m ≥ 2 subsystems scored on [0, 1] for every unit:
/// coupling degree C, comprehensive development T, coordination degree D = √(C·T), and the usual
/// ten-band classification. Formulas, defaults and references: docs/methods.md#coupling.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit::coupling {

/// Which coupling degree C.
enum class Formula {
  /// Wang, Kong, Ren, Zhi & Dai (2021), 自然资源学报 36(3):793–810, eq. of the modified model:
  ///   C = √{ [1 − Σ_{i<j} |U_i − U_j| / (m(m−1)/2)] · [Π_i (U_i / max_j U_j)]^{1/(m−1)} }.
  /// The first factor is one minus the mean absolute pairwise difference; the second is the
  /// geometric mean of the m − 1 ratios of the other subsystems to the leading one. For m = 2:
  /// C = √{(1 − |U_1 − U_2|) · min/max}. Spreads C over [0, 1]; the default.
  Corrected,
  /// The traditional n-system formula (the "normative" form restated by Wang et al. 2021, §1):
  ///   C = m · (Π_i U_i)^{1/m} / Σ_i U_i  ( = geometric mean / arithmetic mean ).
  /// For U on [0, 1] it is close to 1 for most units (low discrimination).
  Traditional,
};

[[nodiscard]] const char* formula_name(Formula f);  ///< "corrected" | "traditional"
/// @throws InvalidInput for another name.
[[nodiscard]] Formula parse_formula(const std::string& name);

/// One band of the coordination degree D, [lo, hi) (the last band includes 1).
struct Band {
  double lo = 0.0, hi = 0.0;
  const char* key = "";  ///< JSON/CSV value, e.g. "extreme_imbalance"
  const char* zh = "";   ///< 极度失调 …
  const char* en = "";   ///< Extreme imbalance …
};
/// The ten equal bands of width 0.1 used in most Chinese studies (e.g. Liao 1999; Wang et al.
/// 2021 Table 2): 极度失调 [0, 0.1), 严重失调, 中度失调, 轻度失调, 濒临失调, 勉强协调, 初级协调,
/// 中级协调, 良好协调, 优质协调 [0.9, 1].
[[nodiscard]] const std::vector<Band>& coordination_bands();
/// Index into coordination_bands() of d ∈ [0, 1]; -1 for NaN.
[[nodiscard]] int band_of(double d);

struct CouplingResult {
  Eigen::VectorXd c;  ///< coupling degree per unit (NaN where undefined, see warnings)
  Eigen::VectorXd t;  ///< comprehensive development T = Σ_i w_i U_i
  Eigen::VectorXd d;  ///< coordination degree √(C·T)
  std::vector<int> band;            ///< band_of(d) per unit
  std::vector<Eigen::Index> undefined;  ///< units whose C is 0/0 (every subsystem 0) or has a missing score
};

/// Coupling coordination of the columns of `u` (units × m subsystems, every value in [0, 1] or
/// NaN for a missing score) with subsystem weights `w` (m entries ≥ 0, summing to 1).
/// A unit with a missing subsystem score, or whose subsystems are all 0 (C = 0/0), gets NaN C,
/// T (missing only) and D and is listed in `undefined` (the caller warns, naming the units).
/// @throws InvalidInput if m < 2, w has the wrong size, a negative entry or does not sum to 1
///         (within 1e-9), or a value lies outside [0, 1] (the message names row and column;
///         callers name unit and node).
[[nodiscard]] CouplingResult coupling_coordination(const Eigen::MatrixXd& u, const Eigen::VectorXd& w,
                                                   Formula formula = Formula::Corrected);

}  // namespace cikit::coupling
