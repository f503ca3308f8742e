#include "methods/pipeline/sensitivity.hpp"
#include "methods/pipeline/common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "methods/compare/weights_report.hpp"
#include "methods/core/error.hpp"
#include "methods/pipeline/sensitivity_outputs.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

NamedSet option_set(const std::vector<std::string>& names) {
  NamedSet s;
  s.given = true;
  s.names = names;
  s.where.assign(names.size(), Location{.file = "(command line)"});
  s.key = Location{.file = "(command line)"};
  return s;
}

/// METHOD,... (every level) or LEVEL=METHOD,METHOD,... per level (tokens after KEY= belong to it).
void apply_aggregate_set(UncertaintyBlock& b, const std::vector<std::string>& tokens) {
  if (const std::string e = aggregate_set_error(tokens); !e.empty())
    throw InvalidInput("run_sensitivity: aggregate_set: " + e);
  b.aggregate = NamedSet{};
  b.aggregate_levels.clear();
  std::vector<std::string> plain;
  for (const auto& tok : tokens) {
    const auto eq = tok.find('=');
    if (eq != std::string::npos) {
      const std::string key = tok.substr(0, eq);
      b.aggregate_levels.push_back({key, aggregate_level_of_key(key), option_set({})});
      if (eq + 1 < tok.size()) b.aggregate_levels.back().set = option_set({tok.substr(eq + 1)});
    } else if (!b.aggregate_levels.empty()) {
      b.aggregate_levels.back().set.names.push_back(tok);
      b.aggregate_levels.back().set.where.push_back(Location{.file = "(command line)"});
    } else {
      plain.push_back(tok);
    }
  }
  if (!plain.empty()) b.aggregate = option_set(plain);
}

/// The spec's block with the options applied on top.
UncertaintyBlock effective_block(const Spec& spec, const SensitivityOptions& o) {
  UncertaintyBlock b = spec.uncertainty;
  if (!o.normalize_set.empty()) b.normalize = option_set(o.normalize_set);
  if (!o.weights_set.empty()) b.weights = option_set(o.weights_set);
  if (!o.impute_set.empty()) b.impute = option_set(o.impute_set);
  if (!o.aggregate_set.empty()) apply_aggregate_set(b, o.aggregate_set);
  if (!o.exclude.empty()) {
    b.exclude_any = o.exclude.size() == 1 && o.exclude[0] == "any";
    b.exclude = b.exclude_any ? NamedSet{} : option_set(o.exclude);
  }
  const Location cl{.file = "(command line)"};
  if (o.weight_noise) b.weight_noise = {WeightNoiseKind::Uniform, *o.weight_noise, 100.0, cl};
  if (o.dirichlet) b.weight_noise = {WeightNoiseKind::Dirichlet, 25.0, *o.dirichlet, cl};
  if (o.ahp_perturb) {
    b.ahp.enabled = true;
    b.ahp.steps = o.ahp_steps;
    b.ahp.where = cl;
  }
  if (o.ahp_reject_cr) b.ahp.reject_cr = *o.ahp_reject_cr;
  validate_uncertainty_block(b);
  return b;
}

/// True when the options declare an uncertain input (besides the spec's block).
bool options_declare_inputs(const SensitivityOptions& o) {
  return !o.impute_set.empty() || !o.normalize_set.empty() || !o.weights_set.empty() || !o.aggregate_set.empty() ||
         !o.exclude.empty() || o.weight_noise || o.dirichlet || o.ahp_perturb;
}

/// Units by nominal rank; unranked units (rank 0) last, in data order.
std::vector<Eigen::Index> rank_order(const Eigen::VectorXi& ranks) {
  std::vector<Eigen::Index> order(static_cast<std::size_t>(ranks.size()));
  for (Eigen::Index i = 0; i < ranks.size(); ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index x, Eigen::Index y) {
    const int rx = ranks(x), ry = ranks(y);
    return (rx == 0 ? INT32_MAX : rx) < (ry == 0 ? INT32_MAX : ry);
  });
  return order;
}

}  // namespace

std::string design_note(const MonteCarloResult& mc, const cikit::SensitivityOptions& so, Lang lang) {
  if (so.sobol_n > 0 || mc.runs == so.replicates) return "";
  return trf(lang,
             "{} model runs were requested; a Saltelli design with k = {} inputs makes N(k + 2) runs with the base "
             "size N a power of 2 (the smallest with N(k + 2) >= {}), so N = {} and {} model runs were made.",
             "请求 {} 次模型运行；k = {} 个输入的 Saltelli 设计运行 N(k + 2) 次，基础样本量 N 取 2 的幂（满足 "
             "N(k + 2) ≥ {} 的最小值），故实际取 N = {}，共运行 {} 次模型。",
             so.replicates, mc.input_names.size(), so.replicates, mc.n, mc.runs);
}

std::string aggregate_set_error(const std::vector<std::string>& tokens) {
  bool plain = false, levels = false;
  for (const auto& tok : tokens) {
    if (tok.find('=') != std::string::npos) levels = true;
    else if (!levels) plain = true;
  }
  return plain && levels ? "either METHOD,... (every level) or LEVEL=METHOD,... per level, not both" : "";
}

std::string input_description(const UncertainInput& in) {
  switch (in.kind) {
    case UncertainKind::Discrete: {
      std::string s;
      for (const auto& l : in.labels) s += (s.empty() ? "" : ", ") + l;
      if (in.nodes.empty()) return "{" + s + "}";
      std::string nodes;
      for (std::size_t i = 0; i < in.nodes.size() && i < 4; ++i) nodes += (i == 0 ? "" : ", ") + in.nodes[i];
      if (in.nodes.size() > 4) nodes += ", …";
      return fmt::format("{{{}}} at {} node(s): {}", s, in.nodes.size(), nodes);
    }
    case UncertainKind::WeightPerturbation:
      return fmt::format("each local weight ±{}% (uniform), renormalised among siblings", in.percent);
    case UncertainKind::WeightDirichlet:
      return fmt::format("siblings' weights ~ Dirichlet(concentration {} × weights)", in.concentration);
    case UncertainKind::JudgmentPerturbation:
      return fmt::format("every judgment ±{} step(s) on Saaty's 1–9 scale{}", in.steps,
                         in.reject_cr > 0.0 ? fmt::format(", draws with CR > {} rejected", in.reject_cr) : "");
    case UncertainKind::Continuous:
      return fmt::format("[{}, {})", in.lower, in.upper);
  }
  return "";
}

SensitivityRun run_sensitivity(const SensitivityOptions& o) {
  if (!(o.sobol_tolerance > 0.0 && o.sobol_tolerance < 1.0))
    throw InvalidInput(fmt::format("run_sensitivity: sobol_tolerance is {}, but must be in (0, 1)", o.sobol_tolerance));
  SensitivityRun run;
  run.sobol_tolerance = o.sobol_tolerance;
  run.spec = read_spec_with(o.spec);
  Spec& spec = run.spec;
  const UncertaintyBlock block = effective_block(spec, o);
  run.inputs = block.present || options_declare_inputs(o) ? uncertainty_inputs(block, spec.tree, spec.config)
                                                           : UncertaintySpec{};
  cikit::SensitivityOptions so;
  so.seed = o.seed ? *o.seed : spec.config.seed;
  spec.config.seed = so.seed;
  so.threads = o.threads;
  apply_design_sizes(so, block, {o.replicates, o.sobol, o.bootstrap});
  so.sobol_bootstrap = o.sobol_bootstrap;
  so.unit_sobol_bootstrap = o.unit_sobol_bootstrap;
  so.leave_one_out = o.leave_one_out;
  so.bootstrap_omega = o.bootstrap_omega;
  so.progress = o.progress;
  so.bootstrap_progress = o.bootstrap_progress;

  // The weighting methods this analysis can use: the nominal one, the block's set, and AHP when
  // its judgments are perturbed; the spec's variants (entropy/PCA/AHP options, combinations) apply.
  Judgments judgments;
  const WeightInputs wi = spec_weight_inputs(spec, uncertainty_weight_methods(spec.config.weights, block), judgments);
  run.data = load_data(spec);
  run.analysis = analyse_sensitivity(run.data, spec.tree, spec.config, wi, run.inputs, so);
  const SensitivityAnalysis& a = run.analysis;
  run.order = rank_order(a.nominal_ranks);
  if (a.monte_carlo) {
    if (const std::string note = design_note(*a.monte_carlo, so, o.lang); !note.empty()) run.notes.push_back(note);
  }
  if (a.monte_carlo && a.monte_carlo->sobol_unit_ranks) run.dominant = dominant_inputs(a.monte_carlo->sobol_unit_ranks->total);
  build_sensitivity_outputs(run, o.out);
  return run;
}

}  // namespace cikit::pipeline
