#include "methods/pipeline/appendix_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "methods/report/convert.hpp"
#include "methods/report/messages.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/stats/numeric.hpp"

namespace cikit::pipeline {

using report::msg;
using report::msgf;

/// Quick mode: the sizes left at their defaults (options not given, spec values) reduced to
/// the kQuick* sizes when larger; run.quick_note lists what changed (from -> to).
void quick_sizes(const AppendixOptions& o, const Spec& spec, report::AppendixConfig& c, cikit::SensitivityOptions& so,
                 AppendixRun& run) {
  const AppendixOptions defaults;
  const Lang lang = c.lang;
  std::vector<std::string> parts;
  if (o.bootstrap == defaults.bootstrap && c.evidence.bootstrap_replicates > kQuickAlphaBootstrap) {
    parts.push_back(msgf("quick.alpha", lang, kQuickAlphaBootstrap, c.evidence.bootstrap_replicates));
    c.evidence.bootstrap_replicates = kQuickAlphaBootstrap;
  }
  if (o.parallel == defaults.parallel && c.evidence.parallel_replicates > kQuickParallel) {
    parts.push_back(msgf("quick.parallel", lang, kQuickParallel, c.evidence.parallel_replicates));
    c.evidence.parallel_replicates = kQuickParallel;
  }
  if (spec.uncertainty.present) {
    const bool runs_given = o.replicates > 0 || o.sobol > 0;
    if (!runs_given && so.replicates > kQuickReplicates) {
      parts.push_back(msgf("quick.runs", lang, kQuickReplicates, so.replicates));
      cikit::SensitivityOptions q;
      apply_design_sizes(q, spec.uncertainty, {kQuickReplicates, -1, -1});
      so.replicates = q.replicates;
      so.sobol_n = q.sobol_n;
    }
    if (o.sensitivity_bootstrap < 0 && so.bootstrap > kQuickUnitsBootstrap) {
      parts.push_back(msgf("quick.units", lang, kQuickUnitsBootstrap, so.bootstrap));
      so.bootstrap = static_cast<int>(kQuickUnitsBootstrap);
    }
    if (o.sobol_bootstrap == defaults.sobol_bootstrap && c.sensitivity.sobol_bootstrap > kQuickSobolBootstrap) {
      parts.push_back(msgf("quick.sobol", lang, kQuickSobolBootstrap, c.sensitivity.sobol_bootstrap));
      c.sensitivity.sobol_bootstrap = kQuickSobolBootstrap;
    }
  }
  std::string list;
  for (const auto& p : parts) list += (list.empty() ? "" : (lang == Lang::Zh ? "；" : "; ")) + p;
  if (list.empty()) list = msg("common.na_dash", lang);
  run.quick_note = msgf("repro.quick", lang, list);
}

namespace {

/// render(figure) for every figure, in parallel (OpenMP; each figure has its own librsvg handle
/// and cairo surface), results in figure order; the first exception in figure order is
/// rethrown. The bytes do not depend on the number of threads.
template <class Render>
auto each_figure(const std::vector<const report::Figure*>& figures, const Render& render) {
  using Out = decltype(render(*figures.front()));
  std::vector<Out> out(figures.size());
  std::vector<std::exception_ptr> failed(figures.size());
  const int n = static_cast<int>(figures.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(stats::resolve_threads(0))
  for (int i = 0; i < n; ++i) {
    try {
      out[static_cast<std::size_t>(i)] = render(*figures[static_cast<std::size_t>(i)]);
    } catch (...) {
      failed[static_cast<std::size_t>(i)] = std::current_exception();
    }
  }
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
  return out;
}

}  // namespace

std::vector<std::string> figures_as_pdf(const std::vector<const report::Figure*>& figures) {
  if (figures.empty()) return {};
  return each_figure(figures, [](const report::Figure& f) { return report::svg_to_pdf(f.svg); });
}

std::vector<report::RasterImage> figures_as_png(const std::vector<const report::Figure*>& figures) {
  if (figures.empty()) return {};
  return each_figure(figures, [](const report::Figure& f) { return report::svg_to_png(f.svg); });
}

/// A1's notes on the weighting and aggregation methods of issue 18 the spec selects: one
/// sentence each with its reference (message keys method.weights.NAME, method.aggregate.NAME).
void add_method_notes(const Spec& spec, report::Table& t, Lang lang) {
  const IndexConfig& cfg = spec.config;
  const std::string wkey = fmt::format("method.weights.{}", method_info(weight_methods(), cfg.weights).name);
  if (report::has_msg(wkey)) t.notes.push_back(report::msg(wkey, lang));
  std::vector<AggregateMethod> used{cfg.aggregate};
  for (const auto& [id, a] : cfg.aggregate_by_node)
    if (std::find(used.begin(), used.end(), a.method) == used.end()) used.push_back(a.method);
  const AggregateParams& p = cfg.aggregate_params;
  const auto name = [lang](const auto& m) { return std::string(lang == Lang::Zh ? m.zh : m.en); };
  for (AggregateMethod m : used) {
    const std::string key = fmt::format("method.aggregate.{}", method_info(aggregate_methods(), m).name);
    if (!report::has_msg(key)) continue;
    if (m == AggregateMethod::Gra) t.notes.push_back(report::msgf(key, lang, p.gra_rho));
    else if (m == AggregateMethod::Vikor) t.notes.push_back(report::msgf(key, lang, p.vikor_v));
    else if (m == AggregateMethod::Fuzzy) {
      std::string grades;
      for (const auto& g : p.fuzzy.grades) grades += (grades.empty() ? "" : lang == Lang::Zh ? "、" : ", ") + g;
      t.notes.push_back(report::msgf(key, lang, grades, name(method_info(fuzzy_operators(), p.fuzzy.op)),
                                     name(method_info(fuzzy_grade_rules(), p.fuzzy.grade))));
    } else t.notes.push_back(report::msg(key, lang));
  }
}

}  // namespace cikit::pipeline
