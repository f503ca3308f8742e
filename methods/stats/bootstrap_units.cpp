#include "methods/stats/bootstrap_units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/stats/bootstrap.hpp"
#include "methods/stats/norm_inter.hpp"

namespace cikit {

using stats::norm_inter;
using stats::q7_sorted;
using stats::resolve_threads;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Evaluates stat on rows; "" on success (result in out), else the reason.
std::string try_eval(const UnitRowsStatistic& stat, const std::vector<Eigen::Index>& rows, Eigen::Index m,
                     Eigen::VectorXd& out) {
  try {
    out = stat(rows);
  } catch (const std::exception& e) {
    return e.what()[0] ? e.what() : "exception without message";
  } catch (...) {
    return "unknown exception (not derived from std::exception)";
  }
  if (out.size() != m) return fmt::format("returned {} values, but the full sample gave {}", out.size(), m);
  if (!out.allFinite()) return "returned a non-finite value";
  return {};
}

// The shared engine: `draw(b, rows)` fills the resample of replicate b.
template <class Draw>
BootstrapUnitsResult run(Eigen::Index n, const UnitRowsStatistic& stat, int nrep, const BootstrapUnitsOptions& options,
                         Draw draw) {
  if (!stat) throw InvalidInput("bootstrap_units: the statistic is empty");
  if (n < 2) throw InvalidInput(fmt::format("bootstrap_units: n is {}, but must be >= 2 units", n));
  if (nrep < 2) throw InvalidInput(fmt::format("bootstrap_units: {} replicates, but must be >= 2", nrep));
  if (!(options.level > 0.0 && options.level < 1.0))
    throw InvalidInput(fmt::format("bootstrap_units: level is {}, but must be in (0, 1)", options.level));
  BootstrapUnitsResult r;
  std::vector<Eigen::Index> all(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
  try {
    r.estimate = stat(all);
  } catch (const std::exception& e) {
    throw DomainError(fmt::format("bootstrap_units: the statistic fails on the full sample: {}", e.what()));
  }
  const Eigen::Index m = r.estimate.size();
  if (m == 0) throw DomainError("bootstrap_units: the statistic returned no values");
  if (!r.estimate.allFinite()) throw DomainError("bootstrap_units: the statistic is not finite on the full sample");

  r.replicates.resize(nrep, m);
  std::vector<std::string> why(static_cast<std::size_t>(nrep));
  const int nt = resolve_threads(options.threads);
  ProgressCounter progress(options.progress, nrep);
#pragma omp parallel for num_threads(nt) schedule(dynamic, 8)
  for (int b = 0; b < nrep; ++b) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(n));
    draw(b, rows);
    Eigen::VectorXd t;
    std::string w = try_eval(stat, rows, m, t);
    if (w.empty())
      r.replicates.row(b) = t.transpose();
    else {
      r.replicates.row(b).setConstant(kNaN);
      why[static_cast<std::size_t>(b)] = std::move(w);
    }
    progress.step(omp_get_thread_num() == 0);
  }
  throw_if_cancelled();
  progress.finish();
  for (int b = 0; b < nrep; ++b)
    if (!why[static_cast<std::size_t>(b)].empty()) r.failures.emplace_back(b, why[static_cast<std::size_t>(b)]);
  if (!r.failures.empty())
    r.warnings.push_back(fmt::format("{} of {} bootstrap replicates failed and are left out (first: replicate {}: "
                                     "{})",
                                     r.failures.size(), nrep, r.failures.front().first, r.failures.front().second));

  std::string jack_fail;
  if (options.bca) {
    r.jackknife.resize(n, m);
    std::vector<std::string> jwhy(static_cast<std::size_t>(n));
#pragma omp parallel for num_threads(nt) schedule(dynamic, 8)
    for (Eigen::Index i = 0; i < n; ++i) {
      if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
      std::vector<Eigen::Index> rows;
      rows.reserve(static_cast<std::size_t>(n - 1));
      for (Eigen::Index j = 0; j < n; ++j)
        if (j != i) rows.push_back(j);
      Eigen::VectorXd t;
      std::string w = try_eval(stat, rows, m, t);
      if (w.empty())
        r.jackknife.row(i) = t.transpose();
      else {
        r.jackknife.row(i).setConstant(kNaN);
        jwhy[static_cast<std::size_t>(i)] = std::move(w);
      }
    }
    throw_if_cancelled();
    for (Eigen::Index i = 0; i < n; ++i)
      if (!jwhy[static_cast<std::size_t>(i)].empty()) {
        jack_fail = fmt::format("the statistic fails without unit {}: {}", i + 1, jwhy[static_cast<std::size_t>(i)]);
        break;
      }
  }

  const double plo = (1.0 - options.level) / 2.0;
  const double phi = (1.0 + options.level) / 2.0;
  r.intervals.resize(static_cast<std::size_t>(m));
  std::vector<double> t;
  Eigen::Index n_no_bca = 0;
  for (Eigen::Index s = 0; s < m; ++s) {
    BootstrapInterval& iv = r.intervals[static_cast<std::size_t>(s)];
    iv.estimate = r.estimate(s);
    t.clear();
    for (int b = 0; b < nrep; ++b)
      if (std::isfinite(r.replicates(b, s))) t.push_back(r.replicates(b, s));
    iv.replicates_used = static_cast<Eigen::Index>(t.size());
    if (t.size() < 2) {
      iv.percentile_lower = iv.percentile_upper = kNaN;
      iv.bca_note = "fewer than 2 successful replicates";
      r.warnings.push_back(fmt::format("statistic {}: fewer than 2 successful replicates; no interval", s + 1));
      continue;
    }
    std::sort(t.begin(), t.end());
    if (options.percentile == PercentileRule::Type7) {
      iv.percentile_lower = q7_sorted(t, plo);
      iv.percentile_upper = q7_sorted(t, phi);
    } else {
      iv.percentile_lower = norm_inter(t, plo, &iv.extreme_order_statistics);
      iv.percentile_upper = norm_inter(t, phi, &iv.extreme_order_statistics);
    }
    if (!options.bca) continue;
    if (!jack_fail.empty()) {
      iv.bca_note = jack_fail;
      ++n_no_bca;
      continue;
    }
    // BCa exactly as boot::boot.ci (methods/stats/bootstrap.hpp, shared with alpha()).
    const Eigen::Map<const Eigen::VectorXd> tv(t.data(), static_cast<Eigen::Index>(t.size()));
    std::string why_not;
    const auto e = bca_interval(tv, iv.estimate, r.jackknife.col(s), options.level, &why_not);
    if (!e) {
      iv.bca_note = why_not;
      iv.bca_lower = iv.bca_upper = kNaN;
      ++n_no_bca;
      continue;
    }
    iv.bca_available = true;
    iv.bca_lower = e->interval.lower;
    iv.bca_upper = e->interval.upper;
    iv.z0 = e->z0;
    iv.acceleration = e->acceleration;
    iv.extreme_order_statistics = iv.extreme_order_statistics || e->extreme_order_statistics;
  }
  if (n_no_bca > 0)
    r.warnings.push_back(fmt::format("BCa interval unavailable for {} of {} statistic(s) (see bca_note)", n_no_bca, m));
  Eigen::Index n_extreme = 0;
  for (const auto& iv : r.intervals) n_extreme += iv.extreme_order_statistics ? 1 : 0;
  if (n_extreme > 0)
    r.warnings.push_back(fmt::format("{} statistic(s) use extreme order statistics as interval end points; "
                                     "increase the number of replicates",
                                     n_extreme));
  return r;
}

}  // namespace

BootstrapUnitsResult bootstrap_units(Eigen::Index n, const UnitRowsStatistic& stat,
                                     const BootstrapUnitsOptions& options) {
  return run(n, stat, options.replicates, options, [&](int b, std::vector<Eigen::Index>& rows) {
    auto g = make_stream(options.seed, StreamTag::Bootstrap, static_cast<std::uint64_t>(b));
    for (auto& j : rows) j = static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(n)));
  });
}

BootstrapUnitsResult bootstrap_units(const Eigen::MatrixXd& data, const UnitMatrixStatistic& stat,
                                     const BootstrapUnitsOptions& options) {
  if (!stat) throw InvalidInput("bootstrap_units: the statistic is empty");
  const UnitRowsStatistic by_rows = [&](const std::vector<Eigen::Index>& rows) {
    Eigen::MatrixXd sub(static_cast<Eigen::Index>(rows.size()), data.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) sub.row(static_cast<Eigen::Index>(i)) = data.row(rows[i]);
    return stat(sub);
  };
  return bootstrap_units(data.rows(), by_rows, options);
}

BootstrapUnitsResult bootstrap_units_with_indices(Eigen::Index n, const UnitRowsStatistic& stat,
                                                  const Eigen::MatrixXi& indices, const BootstrapUnitsOptions& options) {
  if (indices.cols() != n)
    throw InvalidInput(fmt::format("bootstrap_units_with_indices: indices have {} columns for n = {} units",
                                   indices.cols(), n));
  for (Eigen::Index b = 0; b < indices.rows(); ++b)
    for (Eigen::Index j = 0; j < n; ++j)
      if (indices(b, j) < 0 || indices(b, j) >= n)
        throw InvalidInput(fmt::format("bootstrap_units_with_indices: index {} in replicate {} is outside [0, {})",
                                       indices(b, j), b + 1, n));
  return run(n, stat, static_cast<int>(indices.rows()), options, [&](int b, std::vector<Eigen::Index>& rows) {
    for (Eigen::Index j = 0; j < n; ++j) rows[static_cast<std::size_t>(j)] = indices(b, j);
  });
}

}  // namespace cikit
