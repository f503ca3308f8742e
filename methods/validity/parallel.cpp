#include "methods/validity/parallel.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <exception>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"

namespace cikit {

namespace {

Eigen::VectorXd descending_eigenvalues(const Eigen::MatrixXd& r) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r, Eigen::EigenvaluesOnly);
  return es.eigenvalues().reverse();
}

int leading_run(const Eigen::VectorXd& observed, const Eigen::VectorXd& threshold) {
  for (Eigen::Index k = 0; k < observed.size(); ++k)
    if (!(observed(k) > threshold(k))) return static_cast<int>(k);
  return static_cast<int>(observed.size());
}

}  // namespace

double quantile_type7(std::vector<double> values, double prob) {
  if (values.empty()) throw InvalidInput("quantile_type7: no values");
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * prob;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - std::floor(h)) * (values[hi] - values[lo]);
}

ParallelResult parallel_analysis(const Eigen::MatrixXd& x, const ParallelOptions& options) {
  if (options.replicates < 2)
    throw InvalidInput(fmt::format("parallel_analysis: replicates is {}, but must be >= 2", options.replicates));
  if (!(options.quantile > 0 && options.quantile < 1))
    throw InvalidInput(fmt::format("parallel_analysis: quantile is {}, but must be in (0, 1)", options.quantile));
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  ParallelResult out;
  out.warnings = cr.warnings;
  out.n_units = cr.n_units;
  out.seed = options.seed;
  out.replicates = options.replicates;
  out.observed = descending_eigenvalues(cr.r);

  const Eigen::Index n = x.rows(), p = x.cols();
  const auto nb = static_cast<Eigen::Index>(options.replicates);
  Eigen::MatrixXd sim(nb, p), res(options.resample ? nb : 0, p);
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(nb));
  CorrelationOptions sim_opt = options.correlation;
  sim_opt.missing = MissingCorrelation::Pairwise;  // simulated data are complete
#pragma omp parallel for schedule(static)
  for (Eigen::Index b = 0; b < nb; ++b) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    try {
      auto g = make_stream(options.seed, StreamTag::Parallel, static_cast<std::uint64_t>(b));
      Eigen::MatrixXd z(n, p);
      for (Eigen::Index j = 0; j < p; ++j)
        for (Eigen::Index i = 0; i < n; ++i) z(i, j) = standard_normal(g);
      sim.row(b) = descending_eigenvalues(correlation_matrix(z, sim_opt).r).transpose();
      if (options.resample) {
        Eigen::MatrixXd s(n, p);
        for (Eigen::Index j = 0; j < p; ++j)
          for (Eigen::Index i = 0; i < n; ++i)
            s(i, j) = x(static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(n))), j);
        res.row(b) = descending_eigenvalues(correlation_matrix(s, options.correlation).r).transpose();
      }
    } catch (...) {
      errors[static_cast<std::size_t>(b)] = std::current_exception();
    }
  }
  throw_if_cancelled();
  for (Eigen::Index b = 0; b < nb; ++b) {
    if (!errors[static_cast<std::size_t>(b)]) continue;
    try {
      std::rethrow_exception(errors[static_cast<std::size_t>(b)]);
    } catch (const DomainError& e) {
      throw DomainError(fmt::format("parallel_analysis: replicate {}: {}", b, e.what()));
    }
  }
  auto summarise = [&](const Eigen::MatrixXd& m, Eigen::VectorXd& mean, Eigen::VectorXd& q) {
    mean = m.colwise().mean().transpose();
    q.resize(p);
    for (Eigen::Index k = 0; k < p; ++k) {
      std::vector<double> v(static_cast<std::size_t>(nb));
      for (Eigen::Index b = 0; b < nb; ++b) v[static_cast<std::size_t>(b)] = m(b, k);
      q(k) = quantile_type7(std::move(v), options.quantile);
    }
  };
  summarise(sim, out.simulated_mean, out.simulated_quantile);
  out.n_components = leading_run(out.observed, out.simulated_quantile);
  out.n_components_mean = leading_run(out.observed, out.simulated_mean);
  if (options.resample) {
    summarise(res, out.resampled_mean, out.resampled_quantile);
    out.n_components_resampled = leading_run(out.observed, out.resampled_quantile);
  }
  if (cr.n_used <= p)
    out.warnings.push_back(fmt::format("n = {} units <= p = {} indicators: trailing eigenvalues are zero",
                                       cr.n_used, p));
  return out;
}

}  // namespace cikit
