#include "methods/validity/rotation.hpp"

#include <fmt/format.h>

#include <Eigen/LU>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

void check_loadings(const Eigen::MatrixXd& l, const char* function) {
  if (l.rows() < 1 || l.cols() < 1)
    throw InvalidInput(fmt::format("{}: loadings are {} x {}, but must be non-empty", function, l.rows(), l.cols()));
  if (!l.allFinite()) throw InvalidInput(fmt::format("{}: loadings contain a non-finite value", function));
}

}  // namespace

RotationResult varimax(const Eigen::MatrixXd& loadings, const VarimaxOptions& options) {
  check_loadings(loadings, "varimax");
  if (!(options.eps > 0) || !std::isfinite(options.eps))
    throw InvalidInput(fmt::format("varimax: eps is {}, but must be finite and > 0", options.eps));
  if (options.max_iterations < 1)
    throw InvalidInput(fmt::format("varimax: max_iterations is {}, but must be >= 1", options.max_iterations));
  const Eigen::Index p = loadings.rows();
  const Eigen::Index m = loadings.cols();
  RotationResult out;
  out.phi = Eigen::MatrixXd::Identity(m, m);
  if (m < 2) {
    out.loadings = loadings;
    out.rotation = Eigen::MatrixXd::Identity(m, m);
    out.converged = true;
    return out;
  }
  Eigen::MatrixXd x = loadings;
  Eigen::VectorXd sc = Eigen::VectorXd::Ones(p);
  if (options.normalize) {
    sc = x.rowwise().norm();
    for (Eigen::Index i = 0; i < p; ++i)
      if (!(sc(i) > 0))
        throw DomainError(fmt::format("varimax: row {} of the loadings is all zero; Kaiser normalisation is "
                                      "undefined (use normalize = false)",
                                      i + 1));
    x = sc.cwiseInverse().asDiagonal() * x;
  }
  Eigen::MatrixXd tt = Eigen::MatrixXd::Identity(m, m);
  double d = 0;
  const double pd = static_cast<double>(p);
  for (int it = 1; it <= options.max_iterations; ++it) {
    const Eigen::MatrixXd z = x * tt;
    const Eigen::MatrixXd z2 = z.array().square().matrix();
    const Eigen::RowVectorXd colsum = z2.colwise().sum();
    const Eigen::MatrixXd b =
        x.transpose() * (z.array().cube().matrix() - z * colsum.asDiagonal() / pd);
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(b, Eigen::ComputeFullU | Eigen::ComputeFullV);
    tt = svd.matrixU() * svd.matrixV().transpose();
    const double dpast = d;
    d = svd.singularValues().sum();
    out.iterations = it;
    if (d < dpast * (1 + options.eps)) {
      out.converged = true;
      break;
    }
  }
  if (!out.converged)
    out.warnings.push_back(
        fmt::format("varimax did not converge in {} iterations (as stats::varimax, the last rotation is returned)",
                    options.max_iterations));
  out.loadings = sc.asDiagonal() * (x * tt);
  out.rotation = tt;
  return out;
}

RotationResult oblimin(const Eigen::MatrixXd& a, const ObliminOptions& options) {
  check_loadings(a, "oblimin");
  if (a.cols() < 2)
    throw InvalidInput("oblimin: rotation needs at least 2 factors (GPArotation: \"rotation does not make sense "
                       "for single factor models\")");
  if (!(options.eps > 0) || !std::isfinite(options.eps) || !std::isfinite(options.gamma))
    throw InvalidInput("oblimin: eps must be finite and > 0 and gamma finite");
  if (options.max_iterations < 0)
    throw InvalidInput(fmt::format("oblimin: max_iterations is {}, but must be >= 0", options.max_iterations));
  const Eigen::Index p = a.rows();
  const Eigen::Index m = a.cols();
  const Eigen::MatrixXd offdiag = Eigen::MatrixXd::Ones(m, m) - Eigen::MatrixXd::Identity(m, m);
  const Eigen::MatrixXd centre =
      Eigen::MatrixXd::Identity(p, p) - Eigen::MatrixXd::Constant(p, p, options.gamma / static_cast<double>(p));
  // vgQ.oblimin: X = L^2 N (gamma != 0: (I - gamma/p 11') X); Gq = L * X; f = sum(L^2 * X)/4.
  auto vgq = [&](const Eigen::MatrixXd& l, Eigen::MatrixXd& gq) {
    const Eigen::MatrixXd l2 = l.array().square().matrix();
    Eigen::MatrixXd xx = l2 * offdiag;
    if (options.gamma < 0 || options.gamma > 0) xx = centre * xx;
    gq = l.cwiseProduct(xx);
    return l2.cwiseProduct(xx).sum() / 4.0;
  };
  Eigen::MatrixXd tmat = Eigen::MatrixXd::Identity(m, m);
  double al = 1;
  Eigen::MatrixXd l = a * tmat.inverse().transpose();
  Eigen::MatrixXd gq;
  double f = vgq(l, gq);
  Eigen::MatrixXd g = -(l.transpose() * gq * tmat.inverse()).transpose();
  RotationResult out;
  double s = 0;
  for (int iter = 0; iter <= options.max_iterations; ++iter) {
    const Eigen::RowVectorXd cs = (tmat.cwiseProduct(g)).colwise().sum();
    const Eigen::MatrixXd gp = g - tmat * cs.asDiagonal();
    s = std::sqrt((gp.transpose() * gp).trace());
    out.iterations = iter;
    if (s < options.eps) break;
    al = 2 * al;
    Eigen::MatrixXd tmatt = tmat;
    double ft = f;
    Eigen::MatrixXd gqt;
    for (int i = 0; i <= 10; ++i) {
      const Eigen::MatrixXd xm = tmat - al * gp;
      const Eigen::RowVectorXd v = xm.array().square().colwise().sum().sqrt().inverse().matrix();
      tmatt = xm * v.asDiagonal();
      l = a * tmatt.inverse().transpose();
      ft = vgq(l, gqt);
      const double improvement = f - ft;
      if (improvement > 0.5 * s * s * al) break;
      al = al / 2;
    }
    tmat = tmatt;
    f = ft;
    g = -(l.transpose() * gqt * tmatt.inverse()).transpose();
  }
  out.converged = s < options.eps;
  if (!out.converged)
    out.warnings.push_back(fmt::format("oblimin did not converge in {} iterations (GPFoblq)", options.max_iterations));
  out.loadings = l;
  out.phi = tmat.transpose() * tmat;
  out.rotation = tmat.inverse().transpose();
  return out;
}

void psych_sort_sign(RotationResult& rotated) {
  const Eigen::Index m = rotated.loadings.cols();
  Eigen::VectorXd ss(m);
  for (Eigen::Index k = 0; k < m; ++k) ss(k) = (rotated.phi * rotated.loadings.transpose() * rotated.loadings)(k, k);
  std::vector<Eigen::Index> order(static_cast<std::size_t>(m));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index j) { return ss(i) > ss(j); });
  Eigen::MatrixXd l(rotated.loadings.rows(), m), t(rotated.rotation.rows(), m), phi(m, m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const Eigen::Index src = order[static_cast<std::size_t>(k)];
    const double sgn = rotated.loadings.col(src).sum() < 0 ? -1.0 : 1.0;
    l.col(k) = sgn * rotated.loadings.col(src);
    t.col(k) = sgn * rotated.rotation.col(src);
  }
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = 0; b < m; ++b) {
      const Eigen::Index sa = order[static_cast<std::size_t>(a)], sb = order[static_cast<std::size_t>(b)];
      const double sign_a = rotated.loadings.col(sa).sum() < 0 ? -1.0 : 1.0;
      const double sign_b = rotated.loadings.col(sb).sum() < 0 ? -1.0 : 1.0;
      phi(a, b) = sign_a * sign_b * rotated.phi(sa, sb);
    }
  rotated.loadings = l;
  rotated.rotation = t;
  rotated.phi = phi;
}

}  // namespace cikit
