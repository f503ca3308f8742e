#pragma once
/// \file modindices.hpp
/// Modification indices and expected parameter changes of the parameters a CFA model fixes
/// to zero (cross-loadings of indicators on other first-order factors, residual covariances
/// of indicators, covariances of first-order disturbances in a second-order model), as
/// lavaan's modindices() with information = "expected" (Sörbom 1989):
///   MI_k = N (dfx_k)^2 / V_kk, EPC_k = -dfx_k / V_kk,
///   V = I_ee - I_ef I_ff^{-1} I_fe,
/// with fx = F_ML / 2, I the expected information per unit of the model extended by the
/// candidates (all at the estimate, candidates at 0) and f/e the free/extra parameters.
/// sepc.all standardises the EPC as the parameter's std.all (loading: EPC sd(factor) /
/// sd(indicator); residual covariance: EPC / sqrt(theta_ii theta_jj)).
/// Reference: Sörbom (1989), Psychometrika 54:371, doi:10.1007/BF02294623; Saris, Satorra &
/// Sörbom (1987); lavaan 0.6 modindices().
#include <string>
#include <vector>

#include "methods/cfa/estimate.hpp"

namespace cikit::cfa {

struct ModIndex {
  std::string lhs, op, rhs;
  double mi = 0, epc = 0, sepc_all = 0;
};

/// All candidates of an ML/MLR fit, in lavaan's order within each kind (loadings, then
/// covariances), unsorted; entries whose V_kk < eps^(1/3) are left out (as lavaan's NA).
[[nodiscard]] std::vector<ModIndex> modification_indices(const CfaFit& fit);

}  // namespace cikit::cfa
