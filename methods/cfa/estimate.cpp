#include "methods/cfa/estimate.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <string>

#include "methods/cfa/fiml.hpp"
#include "methods/cfa/optimise.hpp"
#include "methods/cfa/robust.hpp"
#include "methods/core/error.hpp"

namespace cikit::cfa {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// FIML stage 1 (two-stage start, fit_cfa_fiml): Fisher scoring on F_ML at the EM moments stops
/// when its Newton decrement is below this. Only a start: the FIML iterations that follow
/// converge to options.tolerance. On bfi (2,800 x 25, 87 patterns) the chord steps that follow
/// need 5 iterations from a start at 1e-4 or tighter, 8 from 1e-3 and 17 from 1e-2; 1e-5 keeps a
/// decade of margin for 7 instead of 12 stage-1 iterations (1e-8).
constexpr double kTwoStageTolerance = 1e-5;

void check_data(const MeasurementModel& model, const Eigen::MatrixXd& x, const Eigen::MatrixXd& s, int q) {
  if (x.cols() != static_cast<Eigen::Index>(model.indicators.size()))
    throw InvalidInput(fmt::format("CFA: data has {} columns, the model {} indicators", x.cols(), model.indicators.size()));
  if (!x.allFinite()) throw InvalidInput("CFA: data has missing or non-finite values (use listwise deletion or FIML)");
  const auto p = x.cols();
  if (x.rows() <= q)
    throw InvalidInput(fmt::format("CFA: {} complete units but the model has {} free parameters; need more units than "
                                   "free parameters",
                                   x.rows(), q));
  for (Eigen::Index i = 0; i < p; ++i)
    if (std::isinf(s(i, i)))
      throw InvalidInput(fmt::format("CFA: indicator '{}' has a variance that overflows a double (its values are too "
                                     "large); rescale the indicator (e.g. divide it by a power of ten)",
                                     model.indicators[static_cast<std::size_t>(i)]));
  for (Eigen::Index i = 0; i < p; ++i)
    if (!(s(i, i) > 0))
      throw InvalidInput(fmt::format("CFA: indicator '{}' is constant over the units used (variance 0)",
                                     model.indicators[static_cast<std::size_t>(i)]));
  const Eigen::VectorXd d = s.diagonal().cwiseSqrt().cwiseInverse();
  const Eigen::MatrixXd r = d.asDiagonal() * s * d.asDiagonal();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r, Eigen::EigenvaluesOnly);
  if (es.eigenvalues().minCoeff() < 1e-10 * static_cast<double>(p))
    throw InvalidInput(fmt::format("CFA: the sample covariance matrix of the {} indicators is singular (smallest "
                                   "eigenvalue of the correlation matrix {:.3g}): an indicator is a linear combination "
                                   "of others, or there are too few units",
                                   p, es.eigenvalues().minCoeff()));
}

std::vector<Parameter> free_parameters(const ParameterTable& t) {
  std::vector<Parameter> out;
  for (int k : t.free_index) out.push_back(t.pars[static_cast<std::size_t>(k)]);
  return out;
}

void warn_solution(CfaFit& fit) {
  const auto& mo = fit.model;
  for (Eigen::Index i = 0; i < fit.mm.theta.rows(); ++i)
    if (fit.mm.theta(i, i) < 0)
      fit.warnings.push_back(fmt::format("Heywood case: negative residual variance of indicator '{}' ({:.4g})",
                                         mo.indicators[static_cast<std::size_t>(i)], fit.mm.theta(i, i)));
  const Eigen::Index m = fit.mm.psi.rows();
  for (Eigen::Index j = 0; j < m; ++j)
    if (fit.mm.psi(j, j) < 0) {
      const std::size_t nf = mo.factors.size();
      const std::string name = static_cast<std::size_t>(j) < nf ? mo.factors[static_cast<std::size_t>(j)]
                                                                 : mo.second_order[static_cast<std::size_t>(j) - nf];
      fit.warnings.push_back(fmt::format("Heywood case: negative (disturbance) variance of factor '{}'", name));
    }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(fit.mm.lat_cov, Eigen::EigenvaluesOnly);
  if (es.eigenvalues().minCoeff() <= 0)
    fit.warnings.push_back("the covariance matrix of the latent factors is not positive definite "
                           "(a latent correlation at or beyond +-1, or a negative variance)");
  for (Eigen::Index i = 0; i < fit.latent_correlation.rows(); ++i)
    for (Eigen::Index j = 0; j < i; ++j)
      if (std::abs(fit.latent_correlation(i, j)) > 1)
        fit.warnings.push_back("a latent correlation exceeds 1 in absolute value");
  if (!fit.converged)
    fit.warnings.push_back(fmt::format("the estimation did NOT converge in {} iterations: the estimates and fit "
                                       "indices are not valid",
                                       fit.iterations));
}

/// The Yuan–Bentler scaling factors of a robust (MLR) fit, for fit_measures.
struct Scaling {
  double model = kNaN, null = kNaN, trace = kNaN;
};

/// Takes a robust result (complete data or FIML) into the fit: the sandwich covariance of the
/// estimates and the h1/h0 traces; returns the scaling factors.
Scaling take_robust(CfaFit& fit, const RobustResult& rr) {
  fit.vcov = rr.vcov;
  fit.trace_h1 = rr.trace_h1;
  fit.trace_h0 = rr.trace_h0;
  return {rr.scaling, rr.scaling_null, rr.trace_ugamma};
}

}  // namespace

double CfaFit::measure(const std::string& name) const {
  for (const auto& [k, v] : fit)
    if (k == name) return v;
  return kNaN;
}

void sample_moments(const Eigen::MatrixXd& x, Eigen::VectorXd& mean, Eigen::MatrixXd& s) {
  mean = x.colwise().mean().transpose();
  const Eigen::MatrixXd c = x.rowwise() - mean.transpose();
  s = (c.transpose() * c) / static_cast<double>(x.rows());
}

Eigen::VectorXd start_values(const MeasurementModel& mo, const ParameterTable& t, const Eigen::MatrixXd& s) {
  const int nf = static_cast<int>(mo.factors.size());
  std::vector<double> phi(static_cast<std::size_t>(t.m), 1.0), rel(static_cast<std::size_t>(nf), 0.5);
  auto corr = [&](int i, int j) { return s(i, j) / std::sqrt(s(i, i) * s(j, j)); };
  for (int f = 0; f < nf; ++f) {
    const auto& l = mo.loadings[static_cast<std::size_t>(f)];
    double sum = 0;
    int cnt = 0;
    for (std::size_t a = 0; a < l.size(); ++a)
      for (std::size_t b = 0; b < a; ++b, ++cnt) sum += std::abs(corr(l[a], l[b]));
    rel[static_cast<std::size_t>(f)] = std::clamp(cnt > 0 ? sum / cnt : 0.5, 0.05, 0.95);
    phi[static_cast<std::size_t>(f)] = rel[static_cast<std::size_t>(f)] * s(l[0], l[0]);
  }
  Eigen::VectorXd lam_sq_phi = Eigen::VectorXd::Zero(t.p);
  Eigen::VectorXd theta(static_cast<Eigen::Index>(t.free_index.size()));
  Eigen::Index k = 0;
  const bool second = !mo.second_order.empty();
  for (const Parameter& par : t.pars) {
    if (!par.free) {
      if (par.kind == ParKind::Loading) lam_sq_phi(par.row) += phi[static_cast<std::size_t>(par.col)];
      continue;
    }
    double v = 0;
    switch (par.kind) {
      case ParKind::Loading: {
        const int marker = mo.loadings[static_cast<std::size_t>(par.col)][0];
        v = s(par.row, marker) / phi[static_cast<std::size_t>(par.col)];
        lam_sq_phi(par.row) += v * v * phi[static_cast<std::size_t>(par.col)];
        break;
      }
      case ParKind::Regression: v = 1.0; break;
      case ParKind::ResidualCov:
        v = par.row == par.col ? std::max(s(par.row, par.row) - lam_sq_phi(par.row), 0.1 * s(par.row, par.row)) : 0.0;
        break;
      case ParKind::LatentCov: {
        if (par.row == par.col) {
          if (par.row < nf) {
            v = second ? 0.5 * phi[static_cast<std::size_t>(par.row)] : phi[static_cast<std::size_t>(par.row)];
          } else {
            const int first = mo.second_loadings[static_cast<std::size_t>(par.row - nf)][0];
            v = 0.5 * phi[static_cast<std::size_t>(first)];
          }
        } else if (par.row < nf) {
          const int ma = mo.loadings[static_cast<std::size_t>(par.row)][0];
          const int mb = mo.loadings[static_cast<std::size_t>(par.col)][0];
          const double r = std::clamp(corr(ma, mb) / std::sqrt(rel[static_cast<std::size_t>(par.row)] *
                                                               rel[static_cast<std::size_t>(par.col)]),
                                      -0.8, 0.8);
          v = r * std::sqrt(phi[static_cast<std::size_t>(par.row)] * phi[static_cast<std::size_t>(par.col)]);
        } else {
          v = 0.0;
        }
        break;
      }
    }
    theta(k++) = v;
  }
  return theta;
}

MlValue ml_discrepancy(const ParameterTable& t, const Eigen::VectorXd& theta, const Eigen::MatrixXd& s, double log_det_s,
                       bool hessian) {
  MlValue out;
  const ModelMatrices mm = model_matrices(t, theta);
  Eigen::LLT<Eigen::MatrixXd> llt(mm.sigma);
  if (llt.info() != Eigen::Success) return out;
  const Eigen::MatrixXd l = llt.matrixL();
  const double log_det = 2.0 * l.diagonal().array().log().sum();
  if (!std::isfinite(log_det)) return out;
  const auto p = static_cast<double>(t.p);
  const Eigen::MatrixXd v = llt.solve(Eigen::MatrixXd::Identity(t.p, t.p));
  const Eigen::MatrixXd vs = v * s;
  out.f = log_det + vs.trace() - log_det_s - p;
  out.ok = std::isfinite(out.f);
  if (!hessian) return out;
  const Eigen::MatrixXd w = v - vs * v;
  const SigmaDerivatives d = sigma_derivatives(t, mm, free_parameters(t));
  out.gradient = trace_with(d, w);
  out.hessian = trace_products(d, d, v);
  return out;
}

void standardise(const CfaFit& fit, ParameterEstimate& e) {
  const Eigen::MatrixXd& lc = fit.mm.lat_cov;
  const Eigen::MatrixXd& sg = fit.mm.sigma;
  switch (e.kind) {
    case ParKind::Loading:
      e.std_lv = e.est * std::sqrt(lc(e.col, e.col));
      e.std_all = e.std_lv / std::sqrt(sg(e.row, e.row));
      break;
    case ParKind::Regression:
      e.std_lv = e.est * std::sqrt(lc(e.col, e.col)) / std::sqrt(lc(e.row, e.row));
      e.std_all = e.std_lv;
      break;
    case ParKind::LatentCov:
      e.std_lv = e.std_all = e.est / std::sqrt(lc(e.row, e.row) * lc(e.col, e.col));
      break;
    case ParKind::ResidualCov:
      // lavaan: a residual variance over the indicator's variance; a residual covariance over
      // the residual SDs (the residual correlation).
      e.std_lv = e.est;
      e.std_all = e.row == e.col ? e.est / sg(e.row, e.row)
                                 : e.est / std::sqrt(fit.mm.theta(e.row, e.row) * fit.mm.theta(e.col, e.col));
      break;
  }
}

namespace {

/// The parameter table with estimates, SEs (from fit.vcov), z, p and the standardised values;
/// with FIML also the intercepts ("x ~1") and the fixed latent means ("F ~1" = 0), as lavaan.
void fill_estimates(CfaFit& fit) {
  const MeasurementModel& model = fit.model;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  boost::math::normal norm;
  auto inference = [&](ParameterEstimate& e, Eigen::Index k) {
    const double var = fit.vcov(k, k);
    e.se = var > 0 ? std::sqrt(var) : nan;
    e.z = e.est / e.se;
    e.pvalue = std::isfinite(e.z) ? 2.0 * boost::math::cdf(boost::math::complement(norm, std::abs(e.z))) : nan;
  };
  Eigen::Index k = 0;
  for (const Parameter& par : fit.table.pars) {
    ParameterEstimate e;
    const ParName nm = parameter_name(model, par);
    e.lhs = nm.lhs;
    e.op = nm.op;
    e.rhs = nm.rhs;
    e.kind = par.kind;
    e.row = par.row;
    e.col = par.col;
    e.free = par.free;
    if (par.free) {
      e.est = fit.theta(k);
      inference(e, k);
      ++k;
    } else {
      e.est = par.value;
      e.se = 0;  // lavaan reports se = 0 and z/pvalue NA for fixed parameters
      e.z = e.pvalue = nan;
    }
    standardise(fit, e);
    fit.estimates.push_back(e);
  }
  if (!fit.fiml) return;
  for (Eigen::Index i = 0; i < fit.nu.size(); ++i) {
    ParameterEstimate e;
    e.lhs = model.indicators[static_cast<std::size_t>(i)];
    e.op = "~1";
    e.kind = ParKind::ResidualCov;  // not a covariance: kind is unused for intercepts (op "~1")
    e.row = e.col = static_cast<int>(i);
    e.free = true;
    e.est = fit.nu(i);
    inference(e, fit.theta.size() + i);
    e.std_lv = e.est;
    e.std_all = e.est / std::sqrt(fit.mm.sigma(i, i));
    fit.estimates.push_back(e);
  }
  const std::size_t m = model.factors.size() + model.second_order.size();
  for (std::size_t j = 0; j < m; ++j) {
    ParameterEstimate e;
    e.lhs = j < model.factors.size() ? model.factors[j] : model.second_order[j - model.factors.size()];
    e.op = "~1";
    e.kind = ParKind::LatentCov;
    e.row = e.col = static_cast<int>(j);
    e.free = false;
    e.z = e.pvalue = nan;
    fit.estimates.push_back(e);
  }
}

}  // namespace

CfaFit fit_cfa(const MeasurementModel& model, const Eigen::MatrixXd& x, const EstimateOptions& options) {
  validate_model(model);
  CfaFit fit;
  fit.model = model;
  fit.estimator = options.estimator;
  fit.table = build_parameters(model);
  const int q = static_cast<int>(fit.table.free_index.size());
  sample_moments(x, fit.mean, fit.s);
  check_data(model, x, fit.s, q);
  fit.n = static_cast<int>(x.rows());
  const double log_det_s = 2.0 * Eigen::LLT<Eigen::MatrixXd>(fit.s).matrixL().toDenseMatrix().diagonal().array().log().sum();
  auto eval = [&](const Eigen::VectorXd& th, bool deriv) {
    const MlValue v = ml_discrepancy(fit.table, th, fit.s, log_det_s, deriv);
    return Evaluation{v.ok, v.f, v.gradient, v.hessian};
  };
  const MinimiseResult r = newton_minimise(start_values(model, fit.table, fit.s), eval, options.max_iterations,
                                           options.tolerance);
  fit.theta = r.x;
  fit.converged = r.converged;
  fit.iterations = r.iterations;
  fit.fmin = 0.5 * r.value;
  fit.mm = model_matrices(fit.table, fit.theta);
  const Eigen::VectorXd sd = fit.mm.lat_cov.diagonal().cwiseAbs().cwiseSqrt().cwiseInverse();
  fit.latent_correlation = sd.asDiagonal() * fit.mm.lat_cov * sd.asDiagonal();
  fit.r2 = (1.0 - fit.mm.theta.diagonal().array() / fit.mm.sigma.diagonal().array()).matrix();

  Scaling sc;  // NaN unless the estimator is robust
  const MlValue at = ml_discrepancy(fit.table, fit.theta, fit.s, log_det_s, true);
  if (options.estimator == Estimator::ML) {
    fit.vcov = (0.5 * fit.n * at.hessian).ldlt().solve(Eigen::MatrixXd::Identity(q, q));
  } else {
    sc = take_robust(fit, mlr(fit, x, log_det_s));
  }
  fill_estimates(fit);
  fit.fit = fit_measures(fit, sc.model, sc.null, sc.trace);
  warn_solution(fit);
  return fit;
}

CfaFit fit_cfa_fiml(const MeasurementModel& model, const Eigen::MatrixXd& x, const EstimateOptions& options) {
  validate_model(model);
  CfaFit fit;
  fit.model = model;
  fit.estimator = options.estimator;
  fit.fiml = true;
  fit.table = build_parameters(model);
  const auto q = static_cast<Eigen::Index>(fit.table.free_index.size());
  const Eigen::Index p = fit.table.p;
  if (x.cols() != p)
    throw InvalidInput(fmt::format("CFA: data has {} columns, the model {} indicators", x.cols(), p));
  const MissingPatterns pats = make_patterns(x);
  fit.n = n_units(pats);
  const SaturatedFit h1 = em_saturated(pats);
  if (!h1.converged) throw DomainError("CFA (FIML): the EM algorithm for the saturated model did not converge");
  fit.s = h1.sigma;
  fit.mean = h1.mu;
  fit.logl_h1 = h1.loglik;
  check_data(model, Eigen::MatrixXd::Zero(fit.n, p), fit.s, static_cast<int>(q + p));
  // Independence baseline: per variable, the available-case mean and ML variance.
  fit.logl_baseline = 0;
  for (Eigen::Index j = 0; j < p; ++j) {
    double sum = 0, ss = 0, cnt = 0;
    for (Eigen::Index r = 0; r < pats.data.rows(); ++r)
      if (std::isfinite(pats.data(r, j))) sum += pats.data(r, j), cnt += 1;
    const double mj = sum / cnt;
    for (Eigen::Index r = 0; r < pats.data.rows(); ++r)
      if (std::isfinite(pats.data(r, j))) ss += (pats.data(r, j) - mj) * (pats.data(r, j) - mj);
    fit.logl_baseline += -0.5 * cnt * (std::log(2.0 * std::numbers::pi) + std::log(ss / cnt) + 1.0);
  }
  const double n = fit.n;
  const std::vector<Parameter> freep = free_parameters(fit.table);
  // Objective -logL/N over (theta, nu); scaling matrix: complete-data expected information.
  auto evaluate = [&](const Eigen::VectorXd& th, bool deriv, bool with_hessian) {
    Evaluation e;
    const ModelMatrices mm = model_matrices(fit.table, th.head(q));
    const auto v = try_fiml_loglik(pats, th.tail(p), mm.sigma, deriv);
    if (!v) return e;
    e.ok = std::isfinite(v->loglik);
    e.value = -v->loglik / n;
    if (!deriv) return e;
    const SigmaDerivatives d = sigma_derivatives(fit.table, mm, freep);
    e.gradient.resize(q + p);
    e.gradient.head(q) = -trace_with(d, v->d_sigma) / n;
    e.gradient.tail(p) = -v->d_mu / n;
    if (!with_hessian) return e;
    const Eigen::MatrixXd vinv = mm.sigma.llt().solve(Eigen::MatrixXd::Identity(p, p));
    e.hessian = Eigen::MatrixXd::Zero(q + p, q + p);
    e.hessian.topLeftCorner(q, q) = 0.5 * trace_products(d, d, vinv);
    e.hessian.bottomRightCorner(p, p) = vinv;
    return e;
  };
  auto eval = [&](const Eigen::VectorXd& th, bool deriv) { return evaluate(th, deriv, deriv); };
  Eigen::VectorXd start(q + p);
  start.head(q) = start_values(model, fit.table, fit.s);
  start.tail(p) = fit.mean;
  // Stage 1 (a two-stage start): the complete-data ML fit to the EM moments (mu~, S~), by Fisher
  // scoring on F_ML (cheap: no pass over the patterns); its nu is mu~. The FIML estimate differs
  // from it only through the missing information.
  {
    const double log_det_h1 = 2.0 * Eigen::LLT<Eigen::MatrixXd>(fit.s).matrixLLT().diagonal().array().log().sum();
    auto eval_ts = [&](const Eigen::VectorXd& th, bool deriv) {
      const MlValue v = ml_discrepancy(fit.table, th, fit.s, log_det_h1, deriv);
      return Evaluation{v.ok, v.f, v.gradient, v.hessian};
    };
    const MinimiseResult ts = newton_minimise(start.head(q), eval_ts, options.max_iterations, kTwoStageTolerance);
    // newton_minimise moves only to points where Sigma(theta) is positive definite, so every
    // Sigma_oo is too and the FIML objective is defined at ts.x.
    if (ts.x.allFinite()) start.head(q) = ts.x;
  }
  // Stage 2 (chord method): Newton steps on -logL/N with one fixed matrix, the exact Hessian of
  // the complete-data objective at the stage-1 point (two_stage_hessian: no pass over the
  // patterns; it differs from the FIML Hessian by the missing information, 0.7 % of its largest
  // entry on bfi). The steps converge linearly at a rate set by that difference and by how much
  // the Hessian changes between the two points (5 steps on bfi against 31 of Fisher scoring
  // from the start values). Stage 3, only if that Hessian is not positive definite or the chord
  // steps have not converged in options.fiml_chord_iterations (25; bfi needs 5): Fisher
  // scoring (the complete-data expected information at the current Sigma) from the best point.
  MinimiseResult r;
  r.x = start;
  {
    std::optional<Eigen::MatrixXd> h0;
    try {
      h0 = two_stage_hessian(fit.table, start.head(q), fit.s);
    } catch (const DomainError&) {
      // not positive definite at the stage-1 point: Fisher scoring below
    }
    if (h0) {
      Eigen::LLT<Eigen::MatrixXd> llt(*h0);
      if (llt.info() != Eigen::Success || !(llt.matrixLLT().diagonal().minCoeff() > 0)) h0.reset();
    }
    if (h0 && options.fiml_chord_iterations > 0) {
      auto eval_chord = [&](const Eigen::VectorXd& th, bool deriv) {
        Evaluation e = evaluate(th, deriv, false);
        if (deriv && e.ok) e.hessian = *h0;
        return e;
      };
      r = newton_minimise(start, eval_chord, std::min(options.fiml_chord_iterations, options.max_iterations), options.tolerance);
    }
  }
  if (!r.converged) {
    const int chord_iterations = r.iterations;
    r = newton_minimise(r.x, eval, options.max_iterations - chord_iterations, options.tolerance);
    r.iterations += chord_iterations;
  }
  fit.theta = r.x.head(q);
  fit.nu = r.x.tail(p);
  fit.converged = r.converged;
  fit.iterations = r.iterations;
  fit.mm = model_matrices(fit.table, fit.theta);
  fit.logl = -r.value * n;
  fit.fmin = (fit.logl_h1 - fit.logl) / n;  // chisq = 2 N fmin, as lavaan
  const Eigen::VectorXd sd = fit.mm.lat_cov.diagonal().cwiseAbs().cwiseSqrt().cwiseInverse();
  fit.latent_correlation = sd.asDiagonal() * fit.mm.lat_cov * sd.asDiagonal();
  fit.r2 = (1.0 - fit.mm.theta.diagonal().array() / fit.mm.sigma.diagonal().array()).matrix();
  // Observed information per unit, analytic (robust.hpp, fiml_observed_information); the h1
  // (saturated) information of the EM moments for the Yuan–Bentler trace and the FIML-corrected
  // robust indices.
  const Eigen::MatrixXd jac = fiml_jacobian(fit);
  const Eigen::MatrixXd info = fiml_observed_information(fit, pats);
  const bool robust = options.estimator == Estimator::MLR;
  // MLR needs the h1 information for its scaled test (an error if it is singular); under ML it
  // serves only the FIML-corrected robust indices, which are then left out with a warning (as
  // lavaan gives NA).
  std::optional<FimlH1Information> h1i;
  try {
    h1i = fiml_h1_information(pats, fit.mean, fit.s, robust);
  } catch (const DomainError& e) {
    if (robust) throw;
    fit.warnings.push_back(std::string("robust CFI/TLI/RMSEA (FIML-corrected) not computed: ") + e.what());
  }
  Scaling sc;  // NaN unless the estimator is robust
  if (robust) {
    sc = take_robust(fit, mlr_fiml(fit, pats, jac, info, *h1i));
  } else {
    Eigen::LDLT<Eigen::MatrixXd> ldlt(n * info);
    if (ldlt.info() != Eigen::Success || !(ldlt.vectorD().minCoeff() > 0))
      throw DomainError("CFA (FIML): the observed information matrix is not positive definite at the estimate "
                        "(the model is not identified by these data)");
    fit.vcov = ldlt.solve(Eigen::MatrixXd::Identity(q + p, q + p));
  }
  if (h1i) {
    try {
      fit.fiml_c = fiml_corrected(fit, pats, jac, *h1i, robust);
    } catch (const DomainError& e) {
      fit.warnings.push_back(std::string("robust CFI/TLI/RMSEA (FIML-corrected) not computed: ") + e.what());
    }
  }
  fill_estimates(fit);
  fit.fit = fit_measures(fit, sc.model, sc.null, sc.trace);
  warn_solution(fit);
  return fit;
}

}  // namespace cikit::cfa
