#pragma once
/// \file bwm.hpp
/// Best-Worst Method (BWM) weights of n criteria from one expert's two comparison vectors:
/// best-to-others a_Bj (how much the best criterion B is preferred over j; a_BB = 1) and
/// others-to-worst a_jW (how much j is preferred over the worst criterion W; a_WW = 1), with
/// a_BW given in both vectors (the same value).
///
/// Linear model (Rezaei 2016, unique weights):
///   min xi^L  s.t. |w_B - a_Bj w_j| <= xi^L, |w_j - a_jW w_W| <= xi^L (all j), sum_j w_j = 1, w >= 0.
/// Nonlinear model (Rezaei 2015), for the consistency xi*:
///   min xi    s.t. |w_B / w_j - a_Bj| <= xi, |w_j / w_W - a_jW| <= xi, sum_j w_j = 1, w >= 0.
/// For a fixed xi the constraints of the nonlinear model are linear in w (w_B - (a_Bj + xi) w_j <= 0,
/// (a_Bj - xi) w_j - w_B <= 0, and likewise for a_jW) and the feasible set grows with xi, so xi* is
/// found exactly by bisection on xi over feasibility LPs (to 1e-10; GLPK simplex, no home-made solver).
/// Consistency ratio CR = xi* / CI(a_BW), with CI the smaller root of
///   xi^2 - (1 + 2 a_BW) xi + (a_BW^2 - a_BW) = 0   (Rezaei 2015 eq. 9; Table 5 prints it to 2 dp:
///   0, 0.44, 1.00, 1.63, 2.30, 3.00, 3.73, 4.47, 5.23 for a_BW = 1..9); CR = 0 when a_BW = 1.
/// Input-based consistency (Liang, Brunelli & Rezaei 2020): CR^I = max_j |a_Bj a_jW - a_BW| /
/// (a_BW^2 - a_BW) (0 when a_BW = 1), judged acceptable when CR^I <= the threshold of their
/// Table for n criteria and scale a_BW (rounded up to an integer; tabulated for n = 3..9 and
/// a_BW = 3..9; outside it the verdict is "untabulated").
///
/// References: Rezaei (2015), Omega 53:49-57, doi:10.1016/j.omega.2014.11.009; Rezaei (2016),
/// Omega 64:126-130, doi:10.1016/j.omega.2015.12.001; Liang, Brunelli & Rezaei (2020), Omega
/// 96:102175, doi:10.1016/j.omega.2019.102175.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

struct BwmResult {
  Eigen::VectorXd weights;            ///< linear-model weights (sum 1)
  double xi_linear = 0;               ///< xi^L of the linear model
  double xi_star = 0;                 ///< xi* of the nonlinear model
  Eigen::VectorXd weights_nonlinear;  ///< one optimal solution of the nonlinear model (may not be unique)
  double a_bw = 1;
  double consistency_index = 0;       ///< CI(a_BW)
  double consistency_ratio = 0;       ///< xi* / CI (0 when a_BW = 1)
  double input_cr = 0;                ///< CR^I (Liang et al. 2020)
  double threshold = 0;               ///< Liang et al. threshold (NaN when untabulated)
  std::string verdict;                ///< "acceptable", "unacceptable" or "untabulated"
};

/// BWM for one expert. `best`, `worst`: indices into the vectors (0-based); `ids` name the
/// criteria in errors (optional).
/// @throws InvalidInput when the sizes differ, n < 2, best == worst, a_BB != 1 or a_WW != 1,
///         a value is < 1 or not finite, or a_BW differs between the two vectors (criterion named).
[[nodiscard]] BwmResult bwm(const Eigen::VectorXd& best_to_others, const Eigen::VectorXd& others_to_worst, int best,
                            int worst, const std::vector<std::string>& ids = {});

/// CI(a_BW) of Rezaei (2015): the largest xi* any comparisons with this a_BW can reach (smaller root of eq. 9).
[[nodiscard]] double bwm_consistency_index(double a_bw);

/// Liang, Brunelli & Rezaei (2020) threshold of CR^I for n criteria and scale a_BW (NaN outside n, scale in 3..9).
[[nodiscard]] double bwm_input_threshold(int n, double a_bw);

}  // namespace cikit
