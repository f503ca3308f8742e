#pragma once
/// \file detail/ahp_common.hpp
/// Private helpers shared by the AHP files of methods/weighting (ahp.cpp,
/// ahp_completion.cpp): the "ahp: ..." input error and the Perron eigenpair of a positive
/// matrix. Not installed; no other family includes it.

#include <Eigen/Core>
#include <string>

#include "methods/core/error.hpp"

namespace cikit::weighting_detail {

/// @throws InvalidInput "ahp: <message>" at `where`.
[[noreturn]] inline void fail(const Location& where, const std::string& message) {
  throw InvalidInput("ahp: " + message, where);
}

/// Perron eigenpair of a positive matrix: eigenvalue of largest real part (real, simple) and
/// its eigenvector, made positive and normalised to sum 1.
struct Perron {
  double lambda = 0;
  Eigen::VectorXd vector;
};

/// @throws InternalError if the eigen solver fails or the vector is not positive (ahp.cpp).
Perron perron(const Eigen::MatrixXd& a);

}  // namespace cikit::weighting_detail
