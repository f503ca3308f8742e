/// \file monte_carlo.cpp
/// The Monte Carlo engine (run_monte_carlo, uncertainty.hpp): evaluates a ranks model on every
/// row of a Saltelli design and assembles the result (run ranks, R̄s, rank statistics over the
/// A and B runs, Sobol' indices of R̄s and optionally of every unit's rank).
#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

MonteCarloResult run_monte_carlo(const UncertaintySpec& spec, const Eigen::VectorXi& nominal, const RanksModel& model,
                                 const MonteCarloOptions& options) {
  validate_uncertainty_spec(spec, true);
  if (!model) throw InvalidInput("run_monte_carlo: the model is empty");
  if (nominal.size() < 1) throw InvalidInput("run_monte_carlo: no nominal ranks (no units)");
  const auto k = static_cast<int>(spec.inputs.size());
  const SaltelliDesign design = saltelli_design(options.n, coordinate_groups(spec), options.design);
  const Eigen::Index units = nominal.size();
  const BatchModel f = [&](const Eigen::VectorXd& row) {
    const Eigen::VectorXi rk = model(decode_design_row(spec, row));
    if (rk.size() != units)
      throw InvalidInput(fmt::format("run_monte_carlo: the model returned {} ranks for {} units", rk.size(), units));
    Eigen::VectorXd y(units + 1);
    y(0) = mean_abs_rank_shift(rk.transpose(), nominal)(0);
    y.tail(units) = rk.cast<double>();
    return y;
  };
  DesignOutputs out = evaluate_design(design, f, EvaluateOptions{options.threads, options.progress});

  MonteCarloResult r;
  for (const auto& in : spec.inputs) r.input_names.push_back(in.name);
  r.n = design.n;
  r.runs = design.runs();
  r.nominal = nominal;
  r.failures = std::move(out.failures);
  r.warnings = std::move(out.warnings);
  r.run_ranks = Eigen::MatrixXi::Zero(r.runs, units);
  r.rank_shift = out.y.col(0);
  std::vector<char> failed(static_cast<std::size_t>(r.runs), 0);
  for (const auto& fl : r.failures) failed[static_cast<std::size_t>(fl.run)] = 1;
  for (Eigen::Index run = 0; run < r.runs; ++run)
    if (!failed[static_cast<std::size_t>(run)])
      for (Eigen::Index u = 0; u < units; ++u) r.run_ranks(run, u) = static_cast<int>(std::lround(out.y(run, u + 1)));

  // Rank statistics over the successful A and B runs.
  std::vector<Eigen::Index> ab;
  for (Eigen::Index run = 0; run < 2 * r.n; ++run)
    if (!failed[static_cast<std::size_t>(run)]) ab.push_back(run);
  r.rank_stats_runs = static_cast<Eigen::Index>(ab.size());
  Eigen::MatrixXi abr(r.rank_stats_runs, units);
  double shift_sum = 0.0;
  for (std::size_t i = 0; i < ab.size(); ++i) {
    abr.row(static_cast<Eigen::Index>(i)) = r.run_ranks.row(ab[i]);
    shift_sum += r.rank_shift(ab[i]);
  }
  if (ab.empty()) throw DomainError("run_monte_carlo: every A and B run failed; no rank statistics");
  r.rank_stats = rank_statistics(abr, nominal, options.rank_stats);
  r.mean_rank_shift = shift_sum / static_cast<double>(ab.size());
  for (const auto& w : r.rank_stats.warnings) r.warnings.push_back(w);

  if (!r.failures.empty()) {
    r.warnings.push_back(fmt::format("Sobol' indices omitted: {} run(s) failed and every run of the design is needed",
                                     r.failures.size()));
    return r;
  }
  SobolIndexOptions so = options.sobol;
  so.input_names = r.input_names;
  so.output_names = {"mean_abs_rank_shift"};
  r.sobol_rank_shift = sobol_indices(out.y.leftCols(1), r.n, k, so);
  for (const auto& w : r.sobol_rank_shift->warnings) r.warnings.push_back("R̄s: " + w);
  if (options.sobol_of_unit_ranks) {
    so.output_names.clear();
    so.bootstrap_resamples = options.unit_rank_bootstrap;
    r.sobol_unit_ranks = sobol_indices(out.y.rightCols(units), r.n, k, so);
    for (const auto& w : r.sobol_unit_ranks->warnings) r.warnings.push_back("unit ranks: " + w);
  }
  return r;
}

}  // namespace cikit
