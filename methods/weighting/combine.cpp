#include "methods/weighting/combine.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

namespace {

/// Gram matrices whose reciprocal condition number is below this are singular.
constexpr double kMinReciprocalCondition = 1e-12;

Eigen::VectorXd checked(const char* fn, const Eigen::VectorXd& v, std::size_t which, std::vector<std::string>& warnings) {
  if (v.size() < 1) throw InvalidInput(fmt::format("{}: weight vector {} is empty", fn, which));
  double sum = 0;
  for (Eigen::Index j = 0; j < v.size(); ++j) {
    if (!(v(j) >= 0) || !std::isfinite(v(j)))
      throw InvalidInput(fmt::format("{}: weight vector {}, entry {} is {}, but must be finite and >= 0", fn, which,
                                     j + 1, v(j)));
    sum += v(j);
  }
  if (!(sum > 0)) throw InvalidInput(fmt::format("{}: weight vector {} sums to 0", fn, which));
  if (!(std::abs(sum - 1.0) <= kWeightSumTolerance))
    warnings.push_back(fmt::format("{}: weight vector {} sums to {:.6g}; renormalised to 1", fn, which, sum));
  return v / sum;
}

void same_length(const char* fn, const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size())
    throw InvalidInput(fmt::format("{}: weight vectors have lengths {} and {}", fn, a.size(), b.size()));
}

CombinedWeights normalised_product(const char* fn, const Eigen::VectorXd& s0, const Eigen::VectorXd& o0, bool root) {
  same_length(fn, s0, o0);
  CombinedWeights r;
  const Eigen::VectorXd s = checked(fn, s0, 1, r.warnings);
  const Eigen::VectorXd o = checked(fn, o0, 2, r.warnings);
  Eigen::VectorXd p = s.cwiseProduct(o);
  if (root) p = p.cwiseSqrt();
  const double sum = p.sum();
  if (!(sum > 0))
    throw DomainError(fmt::format("{}: s_j o_j = 0 for every j (the vectors have disjoint support); the "
                                  "combination is undefined",
                                  fn));
  r.weights = p / sum;
  check_weight_postcondition(fn, r.weights);
  return r;
}

}  // namespace

CombinedWeights combine_linear(const Eigen::VectorXd& s0, const Eigen::VectorXd& o0, double alpha) {
  constexpr const char* fn = "combine_linear";
  same_length(fn, s0, o0);
  if (!(alpha >= 0 && alpha <= 1))
    throw InvalidInput(fmt::format("{}: alpha is {}, but must be in [0, 1]", fn, alpha));
  CombinedWeights r;
  const Eigen::VectorXd s = checked(fn, s0, 1, r.warnings);
  const Eigen::VectorXd o = checked(fn, o0, 2, r.warnings);
  r.weights = alpha * s + (1 - alpha) * o;
  r.weights /= r.weights.sum();
  r.coefficients = Eigen::Vector2d(alpha, 1 - alpha);
  check_weight_postcondition(fn, r.weights);
  return r;
}

CombinedWeights combine_multiplicative(const Eigen::VectorXd& s, const Eigen::VectorXd& o) {
  return normalised_product("combine_multiplicative", s, o, false);
}

CombinedWeights combine_min_entropy(const Eigen::VectorXd& s, const Eigen::VectorXd& o) {
  return normalised_product("combine_min_entropy", s, o, true);
}

CombinedWeights combine_game_theory(const std::vector<Eigen::VectorXd>& vectors) {
  constexpr const char* fn = "combine_game_theory";
  if (vectors.size() < 2)
    throw InvalidInput(fmt::format("{}: {} weight vector(s); at least 2 are needed", fn, vectors.size()));
  CombinedWeights r;
  const auto n_vec = static_cast<Eigen::Index>(vectors.size());
  const Eigen::Index k = vectors.front().size();
  Eigen::MatrixXd u(n_vec, k);
  for (std::size_t l = 0; l < vectors.size(); ++l) {
    same_length(fn, vectors.front(), vectors[l]);
    u.row(static_cast<Eigen::Index>(l)) = checked(fn, vectors[l], l + 1, r.warnings).transpose();
  }
  const Eigen::MatrixXd gram = u * u.transpose();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(gram, Eigen::EigenvaluesOnly);
  const double lmax = es.eigenvalues().maxCoeff();
  const double rcond = lmax > 0 ? es.eigenvalues().minCoeff() / lmax : 0.0;
  if (!(rcond >= kMinReciprocalCondition))
    throw DomainError(fmt::format("{}: the Gram matrix of the weight vectors is singular (reciprocal condition "
                                  "number {:.3g}); two vectors are equal or linearly dependent, so the "
                                  "coefficients are not identified",
                                  fn, rcond));
  r.raw_coefficients = gram.ldlt().solve(gram.diagonal());
  for (Eigen::Index l = 0; l < n_vec; ++l)
    if (r.raw_coefficients(l) < 0)
      r.warnings.push_back(fmt::format("{}: coefficient of vector {} is negative ({:.6g}); |alpha| is used "
                                       "(normalisation alpha*_k = |alpha_k| / sum |alpha|)",
                                       fn, l + 1, r.raw_coefficients(l)));
  r.coefficients = r.raw_coefficients.cwiseAbs() / r.raw_coefficients.cwiseAbs().sum();
  r.weights = u.transpose() * r.coefficients;
  r.weights /= r.weights.sum();
  check_weight_postcondition(fn, r.weights);
  return r;
}

}  // namespace cikit
