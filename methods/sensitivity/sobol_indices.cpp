#include "methods/sensitivity/sobol_indices.hpp"

#include <fmt/format.h>

#include <atomic>

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <exception>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/stats/numeric.hpp"

namespace cikit {

using stats::q7_sorted;
using stats::resolve_threads;
using stats::sample_sd;

int discrete_choice(double u, int m) {
  if (m < 1) throw InvalidInput(fmt::format("discrete_choice: m is {}, but must be >= 1", m));
  if (!(u >= 0.0 && u <= 1.0))
    throw InvalidInput(fmt::format("discrete_choice: u is {}, but must be in [0, 1)", u));
  const auto c = static_cast<int>(std::floor(u * static_cast<double>(m)));
  return std::min(c, m - 1);
}

Eigen::VectorXd SaltelliDesign::row(Eigen::Index r) const {
  if (!(r >= 0 && r < runs()))
    throw InvalidInput(fmt::format("SaltelliDesign::row: run {} is outside [0, {})", r, runs()));
  if (r < n) return a.row(r).transpose();
  if (r < 2 * n) return b.row(r - n).transpose();
  const Eigen::Index i = (r - 2 * n) / n;
  const Eigen::Index j = (r - 2 * n) % n;
  Eigen::VectorXd x = a.row(j).transpose();
  for (std::size_t c = 0; c < group_of.size(); ++c)
    if (group_of[c] == i) x(static_cast<Eigen::Index>(c)) = b(j, static_cast<Eigen::Index>(c));
  return x;
}

SaltelliDesign saltelli_design(Eigen::Index n, int k, const DesignOptions& options) {
  if (k < 1) throw InvalidInput(fmt::format("saltelli_design: k is {}, but must be >= 1", k));
  std::vector<int> g(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) g[static_cast<std::size_t>(i)] = i;
  return saltelli_design(n, g, options);
}

SaltelliDesign saltelli_design(Eigen::Index n, const std::vector<int>& group_of, const DesignOptions& options) {
  if (n < 2) throw InvalidInput(fmt::format("saltelli_design: N is {}, but must be >= 2", n));
  if (group_of.empty()) throw InvalidInput("saltelli_design: no coordinates (group_of is empty)");
  int k = 0;
  for (std::size_t c = 0; c < group_of.size(); ++c) {
    if (group_of[c] < 0)
      throw InvalidInput(fmt::format("saltelli_design: coordinate {} belongs to input {}, but inputs are >= 0",
                                     c, group_of[c]));
    k = std::max(k, group_of[c] + 1);
  }
  std::vector<int> count(static_cast<std::size_t>(k), 0);
  for (int gi : group_of) ++count[static_cast<std::size_t>(gi)];
  for (int i = 0; i < k; ++i)
    if (count[static_cast<std::size_t>(i)] == 0)
      throw InvalidInput(fmt::format("saltelli_design: input {} owns no coordinate", i));
  const auto d = static_cast<int>(group_of.size());
  SaltelliDesign s;
  s.n = n;
  s.inputs = k;
  s.group_of = group_of;
  if (options.kind == DesignKind::Sobol) {
    if (2 * d > kSobolMaxDimension)
      throw InvalidInput(fmt::format("saltelli_design: {} coordinates need {} Sobol' dimensions, but only {} are "
                                     "embedded; use DesignKind::Random",
                                     d, 2 * d, kSobolMaxDimension));
    SobolOptions so;
    so.seed = options.seed;
    const Eigen::MatrixXd p = sobol_points(n, 2 * d, so);
    s.a = p.leftCols(d);
    s.b = p.rightCols(d);
  } else {
    s.a.resize(n, d);
    s.b.resize(n, d);
    for (Eigen::Index j = 0; j < n; ++j) {
      auto g = make_stream(options.seed, StreamTag::MonteCarlo, static_cast<std::uint64_t>(j));
      for (int c = 0; c < d; ++c) s.a(j, c) = uniform01(g);
      for (int c = 0; c < d; ++c) s.b(j, c) = uniform01(g);
    }
  }
  return s;
}

DesignOutputs evaluate_design(const SaltelliDesign& design, const BatchModel& f, const EvaluateOptions& options) {
  if (!f) throw InvalidInput("evaluate_design: the model is empty");
  DesignOutputs out;
  const Eigen::Index runs = design.runs();
  Eigen::VectorXd y0;
  try {
    y0 = f(design.row(0));
  } catch (const std::exception& e) {
    throw DomainError(fmt::format("evaluate_design: run 0 failed: {}", e.what()));
  } catch (...) {
    throw DomainError("evaluate_design: run 0 failed: unknown exception");
  }
  if (y0.size() == 0) throw DomainError("evaluate_design: run 0 returned no outputs");
  if (!y0.allFinite()) throw DomainError("evaluate_design: run 0 returned a non-finite output");
  const Eigen::Index m = y0.size();
  out.y.resize(runs, m);
  out.y.row(0) = y0.transpose();
  std::vector<std::string> reason(static_cast<std::size_t>(runs));
  const int nt = resolve_threads(options.threads);
  std::atomic<Eigen::Index> done{1};
#pragma omp parallel for num_threads(nt) schedule(dynamic, 16)
  for (Eigen::Index r = 1; r < runs; ++r) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    const Eigen::Index now = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (options.progress && omp_get_thread_num() == 0) options.progress(now, runs);
    std::string why;
    try {
      const Eigen::VectorXd yr = f(design.row(r));
      if (yr.size() != m)
        why = fmt::format("returned {} outputs, but run 0 returned {}", yr.size(), m);
      else if (!yr.allFinite())
        why = "returned a non-finite output";
      else
        out.y.row(r) = yr.transpose();
    } catch (const std::exception& e) {
      why = e.what();
      if (why.empty()) why = "exception without message";
    } catch (...) {
      why = "unknown exception (not derived from std::exception)";
    }
    if (!why.empty()) {
      out.y.row(r).setConstant(std::numeric_limits<double>::quiet_NaN());
      reason[static_cast<std::size_t>(r)] = std::move(why);
    }
  }
  throw_if_cancelled();
  if (options.progress) options.progress(runs, runs);
  for (Eigen::Index r = 1; r < runs; ++r)
    if (!reason[static_cast<std::size_t>(r)].empty())
      out.failures.push_back({r, std::move(reason[static_cast<std::size_t>(r)])});
  if (!out.failures.empty())
    out.warnings.push_back(fmt::format("{} of {} runs failed (first: run {}: {})", out.failures.size(), runs,
                                       out.failures.front().run, out.failures.front().reason));
  return out;
}

namespace {

// Indices of every output on the base rows `rows` (indices into 0..N-1). first/total: k × m.
void estimate(const Eigen::MatrixXd& y, Eigen::Index n, int k, const std::vector<Eigen::Index>& rows,
              SobolVariance conv, Eigen::MatrixXd& first, Eigen::MatrixXd& total, Eigen::VectorXd* variance) {
  const Eigen::Index m = y.cols();
  const auto nn = static_cast<double>(rows.size());
  first.resize(k, m);
  total.resize(k, m);
  if (variance) variance->resize(m);
  for (Eigen::Index o = 0; o < m; ++o) {
    double mean = 0.0;
    for (Eigen::Index j : rows) mean += y(j, o) + y(n + j, o);
    mean /= 2.0 * nn;
    double ss = 0.0;
    for (Eigen::Index j : rows) {
      const double da = y(j, o) - mean;
      const double db = y(n + j, o) - mean;
      ss += da * da + db * db;
    }
    const double v = ss / (conv == SobolVariance::Population ? 2.0 * nn : 2.0 * nn - 1.0);
    if (variance) (*variance)(o) = v;
    for (int i = 0; i < k; ++i) {
      if (!(v > 0.0)) {
        first(i, o) = 0.0;
        total(i, o) = 0.0;
        continue;
      }
      const Eigen::Index base = 2 * n + static_cast<Eigen::Index>(i) * n;
      double s1 = 0.0;
      double st = 0.0;
      for (Eigen::Index j : rows) {
        const double fa = y(j, o);
        const double fb = y(n + j, o);
        const double fab = y(base + j, o);
        s1 += fb * (fab - fa);
        st += (fa - fab) * (fa - fab);
      }
      first(i, o) = s1 / nn / v;
      total(i, o) = st / (2.0 * nn) / v;
    }
  }
}

std::string name_or_index(const std::vector<std::string>& names, Eigen::Index i, const char* what) {
  if (!names.empty()) return names[static_cast<std::size_t>(i)];
  return fmt::format("{} {}", what, i + 1);
}

}  // namespace

SobolIndices sobol_indices(const Eigen::MatrixXd& y, Eigen::Index n, int k, const SobolIndexOptions& options) {
  if (n < 2) throw InvalidInput(fmt::format("sobol_indices: N is {}, but must be >= 2", n));
  if (k < 1) throw InvalidInput(fmt::format("sobol_indices: k is {}, but must be >= 1", k));
  if (y.rows() != n * (k + 2))
    throw InvalidInput(fmt::format("sobol_indices: y has {} rows, but a design with N = {} and k = {} has "
                                   "N(k + 2) = {} runs",
                                   y.rows(), n, k, n * (k + 2)));
  if (y.cols() < 1) throw InvalidInput("sobol_indices: y has no output column");
  for (Eigen::Index r = 0; r < y.rows(); ++r)
    for (Eigen::Index c = 0; c < y.cols(); ++c)
      if (!std::isfinite(y(r, c)))
        throw InvalidInput(fmt::format("sobol_indices: output {} of run {} is not finite (a failed run?); "
                                       "every run of a Saltelli design is needed",
                                       c + 1, r));
  if (!(options.level > 0.0 && options.level < 1.0))
    throw InvalidInput(fmt::format("sobol_indices: level is {}, but must be in (0, 1)", options.level));
  if (options.bootstrap_resamples < 0 || options.bootstrap_resamples == 1)
    throw InvalidInput(fmt::format("sobol_indices: bootstrap_resamples is {}, but must be 0 or >= 2",
                                   options.bootstrap_resamples));
  if (!options.input_names.empty() && options.input_names.size() != static_cast<std::size_t>(k))
    throw InvalidInput(fmt::format("sobol_indices: {} input names for {} inputs", options.input_names.size(), k));
  if (!options.output_names.empty() && options.output_names.size() != static_cast<std::size_t>(y.cols()))
    throw InvalidInput(fmt::format("sobol_indices: {} output names for {} outputs", options.output_names.size(),
                                   y.cols()));
  if (!(options.wide_ci_half_width > 0.0))
    throw InvalidInput(fmt::format("sobol_indices: wide_ci_half_width is {}, but must be > 0",
                                   options.wide_ci_half_width));

  SobolIndices r;
  r.n = n;
  r.inputs = k;
  r.outputs = y.cols();
  r.variance_convention = options.variance;
  const Eigen::Index m = y.cols();
  std::vector<Eigen::Index> all(static_cast<std::size_t>(n));
  for (Eigen::Index j = 0; j < n; ++j) all[static_cast<std::size_t>(j)] = j;
  estimate(y, n, k, all, options.variance, r.first, r.total, &r.variance);
  for (Eigen::Index o = 0; o < m; ++o)
    if (!(r.variance(o) > 0.0)) r.zero_variance_outputs.push_back(o);
  if (!r.zero_variance_outputs.empty())
    r.warnings.push_back(fmt::format("{} output(s) are constant over the design (first: {}); their indices are "
                                     "set to 0",
                                     r.zero_variance_outputs.size(),
                                     name_or_index(options.output_names, r.zero_variance_outputs.front(), "output")));

  if (options.convergence && n / 4 >= 2) {
    for (Eigen::Index nc : {n / 4, n / 2}) {
      SobolConvergence c;
      c.n = nc;
      std::vector<Eigen::Index> prefix(all.begin(), all.begin() + nc);
      estimate(y, n, k, prefix, options.variance, c.first, c.total, nullptr);
      r.convergence.push_back(std::move(c));
    }
    r.convergence.push_back({n, r.first, r.total});
  }

  const int nb = options.bootstrap_resamples;
  r.bootstrap_resamples = nb;
  if (nb == 0) return r;
  // Bootstrap values, resample b in slot b: [b][output][input] for S and ST.
  const auto km = static_cast<std::size_t>(k) * static_cast<std::size_t>(m);
  std::vector<double> boot_s(static_cast<std::size_t>(nb) * km);
  std::vector<double> boot_t(static_cast<std::size_t>(nb) * km);
  const int nt = resolve_threads(options.threads);
#pragma omp parallel for num_threads(nt) schedule(static)
  for (int b = 0; b < nb; ++b) {
    if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
    auto g = make_stream(options.seed, StreamTag::Bootstrap, static_cast<std::uint64_t>(b));
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(n));
    for (auto& j : rows) j = static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(n)));
    Eigen::MatrixXd s1;
    Eigen::MatrixXd st;
    estimate(y, n, k, rows, options.variance, s1, st, nullptr);
    const std::size_t off = static_cast<std::size_t>(b) * km;
    for (Eigen::Index o = 0; o < m; ++o)
      for (int i = 0; i < k; ++i) {
        const std::size_t at = off + static_cast<std::size_t>(o) * static_cast<std::size_t>(k) + static_cast<std::size_t>(i);
        boot_s[at] = s1(i, o);
        boot_t[at] = st(i, o);
      }
  }
  throw_if_cancelled();
  const double z = boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + options.level / 2.0);
  const double plo = (1.0 - options.level) / 2.0;
  const double phi = (1.0 + options.level) / 2.0;
  for (auto* mat : {&r.first_lower, &r.first_upper, &r.total_lower, &r.total_upper, &r.first_half_width,
                    &r.total_half_width})
    mat->resize(k, m);
  std::vector<double> v(static_cast<std::size_t>(nb));
  Eigen::Index n_wide = 0;
  std::string first_wide;
  for (Eigen::Index o = 0; o < m; ++o)
    for (int i = 0; i < k; ++i) {
      const std::size_t at = static_cast<std::size_t>(o) * static_cast<std::size_t>(k) + static_cast<std::size_t>(i);
      bool wide = false;
      for (int which = 0; which < 2; ++which) {
        const std::vector<double>& src = which == 0 ? boot_s : boot_t;
        for (int b = 0; b < nb; ++b) v[static_cast<std::size_t>(b)] = src[static_cast<std::size_t>(b) * km + at];
        const double hw = z * sample_sd(v);
        std::sort(v.begin(), v.end());
        const double lo = q7_sorted(v, plo);
        const double hi = q7_sorted(v, phi);
        if (which == 0) {
          r.first_lower(i, o) = lo;
          r.first_upper(i, o) = hi;
          r.first_half_width(i, o) = hw;
        } else {
          r.total_lower(i, o) = lo;
          r.total_upper(i, o) = hi;
          r.total_half_width(i, o) = hw;
        }
        if (hw > options.wide_ci_half_width || (hi - lo) / 2.0 > options.wide_ci_half_width) wide = true;
      }
      if (wide) {
        if (n_wide == 0)
          first_wide = fmt::format("{} on {}", name_or_index(options.input_names, i, "input"),
                                   name_or_index(options.output_names, o, "output"));
        ++n_wide;
      }
    }
  if (n_wide > 0)
    r.warnings.push_back(fmt::format("{} index pair(s) have a {:.0f}% CI half-width above {} (first: {}); "
                                     "increase N for stable indices",
                                     n_wide, 100.0 * options.level, options.wide_ci_half_width, first_wide));
  return r;
}

}  // namespace cikit
