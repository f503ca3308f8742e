#include "methods/pipeline/cfa.hpp"

#include "methods/core/panel_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "methods/cfa/cfa_settings.hpp"
#include "methods/compare/weights_report.hpp"
#include "methods/core/error.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/validity/convergent.hpp"

namespace cikit::pipeline {

namespace {

struct Built {
  cfa::MeasurementModel model;
  std::vector<Eigen::Index> columns;  ///< indicators: data column of each model indicator
  std::vector<int> nodes;             ///< node_scores: tree node of each observed variable
  std::vector<Labels> factor_labels, indicator_labels;
  int level = 0;
};

int depth_of(const IndicatorTree& tree, int node) {
  int d = 0;
  for (int n = node; tree.node(n).parent >= 0; n = tree.node(n).parent) ++d;
  return d;
}

int ancestor_at(const IndicatorTree& tree, int node, int depth) {
  int n = node;
  while (depth_of(tree, n) > depth) n = tree.node(n).parent;
  return n;
}

/// Factors given by the spec's `cfa.factors`: each member resolved by `observe` (which adds the
/// observed variable, or throws naming it) into the model's loadings.
template <class Observe>
void add_explicit_factors(Built& b, const cfa::CfaSettings& s, bool second, Observe&& observe) {
  if (second) throw InvalidInput("cfa: second_order cannot be combined with cfa.factors (an explicit assignment)");
  for (const auto& f : s.factors) {
    b.model.factors.push_back(f.name);
    b.factor_labels.push_back(Labels{f.name, f.name});
    std::vector<int> members;
    for (const auto& id : f.indicators) members.push_back(observe(f, id));
    b.model.loadings.push_back(members);
  }
}

/// Second-order factors: the parents of the first-order factors' nodes, in order of appearance.
void add_second_order(Built& b, const IndicatorTree& tree, const std::vector<int>& factor_nodes) {
  std::map<int, std::size_t> second_of_node;
  for (std::size_t f = 0; f < factor_nodes.size(); ++f) {
    const int up = tree.node(factor_nodes[f]).parent;
    auto it = second_of_node.find(up);
    if (it == second_of_node.end()) {
      it = second_of_node.emplace(up, b.model.second_order.size()).first;
      b.model.second_order.push_back(tree.node(up).id);
      b.model.second_loadings.emplace_back();
      b.factor_labels.push_back(tree.node(up).label);
    }
    b.model.second_loadings[it->second].push_back(static_cast<int>(f));
  }
}

/// The spec's residual covariances between observed variables of the model; `what` says what
/// the observed variables are in the error.
void add_residual_covariances(Built& b, const cfa::CfaSettings& s, const std::string& what) {
  for (const auto& pr : s.residual_covariances) {
    auto index_of = [&](const std::string& id) {
      for (std::size_t i = 0; i < b.model.indicators.size(); ++i)
        if (b.model.indicators[i] == id) return static_cast<int>(i);
      throw InvalidInput(fmt::format("cfa.residual_covariances: '{}' is not {}", id, what), pr.where);
    };
    b.model.residual_covariances.emplace_back(index_of(pr.a), index_of(pr.b));
  }
}

/// The model from the tree (or from `cfa.factors`), with the spec's residual covariances.
Built build_model(const Spec& spec, const cfa::CfaSettings& s, std::optional<int> level, bool second) {
  const IndicatorTree& tree = spec.tree;
  const auto& leaves = tree.leaves();
  Built b;
  std::map<std::string, std::size_t> leaf_pos;
  for (std::size_t k = 0; k < leaves.size(); ++k) leaf_pos[tree.node(leaves[k]).id] = k;
  auto add_indicator = [&](std::size_t k) {
    const std::string& id = tree.node(leaves[k]).id;
    for (std::size_t i = 0; i < b.model.indicators.size(); ++i)
      if (b.model.indicators[i] == id) return static_cast<int>(i);
    b.model.indicators.push_back(id);
    b.columns.push_back(static_cast<Eigen::Index>(k));
    b.indicator_labels.push_back(tree.node(leaves[k]).label);
    return static_cast<int>(b.model.indicators.size() - 1);
  };
  if (!s.factors.empty()) {
    add_explicit_factors(b, s, second, [&](const auto& f, const std::string& id) {
      const auto it = leaf_pos.find(id);
      if (it == leaf_pos.end())
        throw InvalidInput(fmt::format("cfa.factors.{}: '{}' is not an indicator (leaf) of the tree", f.name, id),
                           f.where);
      return add_indicator(it->second);
    });
  } else {
    std::map<int, std::size_t> factor_of_node;
    int min_depth = 1 << 20;
    for (int leaf : leaves) min_depth = std::min(min_depth, depth_of(tree, leaf));
    if (level && *level >= min_depth)
      throw InvalidInput(fmt::format("cfa: level {} is not above every indicator (the shallowest indicators sit at "
                                     "level {}); choose a level between 1 and {}",
                                     *level, min_depth, min_depth - 1));
    for (std::size_t k = 0; k < leaves.size(); ++k) {
      const int group = level ? ancestor_at(tree, leaves[k], *level) : tree.node(leaves[k]).parent;
      if (group == tree.root())
        throw InvalidInput(fmt::format("cfa: indicator '{}' sits directly under the index; a CFA needs its indicators "
                                       "grouped into dimensions",
                                       tree.node(leaves[k]).id));
      auto it = factor_of_node.find(group);
      if (it == factor_of_node.end()) {
        it = factor_of_node.emplace(group, b.model.factors.size()).first;
        b.model.factors.push_back(tree.node(group).id);
        b.factor_labels.push_back(tree.node(group).label);
        b.model.loadings.emplace_back();
      }
      b.model.loadings[it->second].push_back(add_indicator(k));
    }
    if (second) {
      std::vector<int> factor_nodes(b.model.factors.size());
      for (const auto& [n, idx] : factor_of_node) factor_nodes[idx] = n;
      add_second_order(b, tree, factor_nodes);
    }
  }
  add_residual_covariances(b, s, "an indicator of the model");
  b.level = level ? *level : -1;
  // Name the factor in the error of a factor with too few indicators (validate_model's message).
  cfa::validate_model(b.model);
  return b;
}

/// Parcels (observed = node_scores): factors = the nodes of tree level `level` (default 1),
/// each measured by the scores of its children; or the spec's `cfa.factors`, naming any nodes.
Built build_model_scores(const Spec& spec, const cfa::CfaSettings& s, std::optional<int> level, bool second) {
  const IndicatorTree& tree = spec.tree;
  Built b;
  auto add_observed = [&](int node) {
    const std::string& id = tree.node(node).id;
    for (std::size_t i = 0; i < b.model.indicators.size(); ++i)
      if (b.model.indicators[i] == id) return static_cast<int>(i);
    b.model.indicators.push_back(id);
    b.nodes.push_back(node);
    b.indicator_labels.push_back(tree.node(node).label);
    return static_cast<int>(b.model.indicators.size() - 1);
  };
  std::vector<int> factor_nodes;
  if (!s.factors.empty()) {
    add_explicit_factors(b, s, second, [&](const auto& f, const std::string& id) {
      const auto n = tree.find(id);
      if (!n || *n == tree.root())
        throw InvalidInput(fmt::format("cfa.factors.{}: '{}' is not a node below the index (with observed: "
                                       "node_scores the observed variables are node scores)",
                                       f.name, id),
                           f.where);
      return add_observed(*n);
    });
  } else {
    const int lv = level.value_or(1);
    for (int n : tree.preorder()) {
      if (tree.node(n).depth != lv) continue;
      if (tree.node(n).children.empty())
        throw InvalidInput(fmt::format("cfa (observed: node_scores): node '{}' at level {} is an indicator, so it "
                                       "cannot be a factor measured by the scores below it; choose a level above "
                                       "every indicator (--level)",
                                       tree.node(n).id, lv));
      factor_nodes.push_back(n);
      b.model.factors.push_back(tree.node(n).id);
      b.factor_labels.push_back(tree.node(n).label);
      b.model.loadings.emplace_back();
      for (int c : tree.node(n).children) b.model.loadings.back().push_back(add_observed(c));
    }
    if (factor_nodes.empty())
      throw InvalidInput(fmt::format("cfa (observed: node_scores): the tree has no node at level {} (its height is "
                                     "{}); choose a level between 1 and {}",
                                     lv, tree.height(), tree.height() - 1));
    if (second) add_second_order(b, tree, factor_nodes);
    b.level = lv;
  }
  add_residual_covariances(b, s, "an observed variable of the model (observed: node_scores: the children of the "
                              "factors)");
  if (b.level == 0) b.level = -1;
  cfa::validate_model(b.model);
  return b;
}

std::string g17(double v) { return fmt::format("{:.17g}", v); }

}  // namespace

CfaRun run_cfa(const CfaOptions& o) {
  const Spec spec = read_spec_with(o.spec);
  const Dataset data = load_data(spec);
  CfaRun run = cfa_of(spec, data, nullptr, o);
  if (is_panel(spec) && !data.warnings.empty()) {  // the note that only the latest period is used
    run.warnings.insert(run.warnings.begin(), data.warnings.front());
    run.doc["warnings"] = run.warnings;
  }
  return run;
}

CfaRun cfa_of(const Spec& spec_in, const Dataset& data, const IndexResult* index, const CfaOptions& o) {
  CfaRun run;
  run.spec = spec_in;
  const Spec& spec = run.spec;
  const cfa::CfaSettings& s = cfa::cfa_settings(spec);
  run.estimator = !o.estimator.empty() ? o.estimator : s.estimator.value_or("ml");
  run.missing = !o.missing.empty() ? o.missing : s.missing.value_or("listwise");
  run.observed = !o.observed.empty() ? o.observed : s.observed.value_or("indicators");
  if (run.estimator != "ml" && run.estimator != "mlr")
    throw InvalidInput(fmt::format("cfa: estimator '{}' (accepted: ml, mlr)", run.estimator));
  if (run.observed != "indicators" && run.observed != "node_scores")
    throw InvalidInput(fmt::format("cfa: observed '{}' (accepted: indicators, node_scores)", run.observed));
  if (run.missing != "listwise" && run.missing != "fiml") throw InvalidInput(fmt::format("cfa: missing '{}' (accepted: listwise, fiml)", run.missing));
  if (o.top_mi < 0) throw InvalidInput(fmt::format("cfa: mi (modification indices to report) is {}, but must be >= 0", o.top_mi));
  if (o.level && *o.level < 1) throw InvalidInput(fmt::format("cfa: level is {}, but must be >= 1 (1 = the groups below the index)", *o.level));
  run.second_order = o.second_order ? *o.second_order : s.second_order.value_or(false);
  const std::optional<int> level = o.level ? o.level : s.level;
  const bool scores = run.observed == "node_scores";
  Built b = scores ? build_model_scores(spec, s, level, run.second_order) : build_model(spec, s, level, run.second_order);
  run.level = b.level;
  run.factor_labels = b.factor_labels;
  run.indicator_labels = b.indicator_labels;
  const auto p = static_cast<Eigen::Index>(b.model.indicators.size());
  Eigen::MatrixXd x(data.n_units(), p);
  if (scores) {
    // The scores of the index pipeline (normalised with direction, aggregated): already oriented.
    IndexResult built;
    if (index == nullptr) {
      Judgments judgments;
      const WeightInputs inputs = spec_weight_inputs(spec, {spec.config.weights}, judgments);
      built = build_index(data, spec.tree, spec.config, inputs);
      index = &built;
    }
    for (Eigen::Index j = 0; j < p; ++j) x.col(j) = index->scores.col(b.nodes[static_cast<std::size_t>(j)]);
  } else {
    // Orient (direction '-' times -1).
    const auto& leaves = spec.tree.leaves();
    for (Eigen::Index j = 0; j < p; ++j) {
      const Eigen::Index c = b.columns[static_cast<std::size_t>(j)];
      x.col(j) = data.values.col(c);
      if (spec.tree.node(leaves[static_cast<std::size_t>(c)]).direction == Direction::Negative) x.col(j) *= -1.0;
    }
  }
  // Keep the complete rows (listwise) or the rows with a value (FIML).
  std::vector<Eigen::Index> keep;
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    if (x.row(r).allFinite() || run.missing == "fiml") keep.push_back(r);
  Eigen::MatrixXd xc(static_cast<Eigen::Index>(keep.size()), p);
  for (std::size_t r = 0; r < keep.size(); ++r) xc.row(static_cast<Eigen::Index>(r)) = x.row(keep[r]);
  run.n_units = static_cast<int>(x.rows());
  run.n_used = static_cast<int>(xc.rows());
  if (run.n_used < run.n_units && run.missing == "listwise")
    run.warnings.push_back(fmt::format("listwise deletion: {} of {} units have a missing value in the model's "
                                       "indicators and are left out",
                                       run.n_units - run.n_used, run.n_units));
  cfa::EstimateOptions eo;
  eo.estimator = run.estimator == "mlr" ? cfa::Estimator::MLR : cfa::Estimator::ML;
  run.fit = run.missing == "fiml" ? cfa::fit_cfa_fiml(b.model, xc, eo) : cfa::fit_cfa(b.model, xc, eo);
  if (run.missing == "fiml") run.n_used = run.fit.n;
  if (scores) {
    run.observed_csv.header = {spec.data.columns.unit.empty() ? std::string("unit") : spec.data.columns.unit};
    for (const auto& id : b.model.indicators) run.observed_csv.header.push_back(id);
    for (const Eigen::Index r : keep) {
      std::vector<std::string> row{data.unit_ids[static_cast<std::size_t>(r)]};
      for (Eigen::Index j = 0; j < p; ++j) row.push_back(std::isfinite(x(r, j)) ? g17(x(r, j)) : "NA");
      run.observed_csv.rows.push_back(std::move(row));
    }
  }
  const cfa::CfaFit& fit = run.fit;
  for (const auto& w : fit.warnings) run.warnings.push_back(w);
  // CR, AVE, Fornell–Larcker from the standardised first-order loadings; HTMT from the data.
  const auto nf = static_cast<Eigen::Index>(b.model.factors.size());
  std::vector<IndicatorBlock> blocks;
  for (Eigen::Index f = 0; f < nf; ++f) {
    std::vector<double> l;
    for (const auto& e : fit.estimates)
      if (e.kind == cfa::ParKind::Loading && e.col == f) l.push_back(e.std_all);
    const Eigen::VectorXd lv = Eigen::Map<const Eigen::VectorXd>(l.data(), static_cast<Eigen::Index>(l.size()));
    CfaFactorValidity v{b.model.factors[static_cast<std::size_t>(f)], b.factor_labels[static_cast<std::size_t>(f)],
                        static_cast<int>(l.size()), composite_reliability(lv), average_variance_extracted(lv), true};
    run.validity.push_back(v);
    IndicatorBlock blk{v.factor, {}};
    for (int i : b.model.loadings[static_cast<std::size_t>(f)]) blk.columns.push_back(i);
    blocks.push_back(blk);
  }
  run.fornell_larcker = fit.latent_correlation.topLeftCorner(nf, nf);
  for (Eigen::Index f = 0; f < nf; ++f) {
    run.fornell_larcker(f, f) = std::sqrt(run.validity[static_cast<std::size_t>(f)].ave);
    for (Eigen::Index g = 0; g < nf; ++g)
      if (g != f && std::abs(fit.latent_correlation(f, g)) >= run.fornell_larcker(f, f))
        run.validity[static_cast<std::size_t>(f)].fornell_larcker_ok = false;
  }
  if (nf >= 2) {
    const Eigen::VectorXd sd = fit.s.diagonal().cwiseSqrt().cwiseInverse();
    const Eigen::MatrixXd r = sd.asDiagonal() * fit.s * sd.asDiagonal();
    try {
      run.htmt = htmt_matrix(r, blocks, false);
    } catch (const DomainError& e) {
      run.warnings.push_back(std::string("HTMT not computed: ") + e.what());
    }
  }
  if (fit.converged) {
    run.mi = cfa::modification_indices(fit);
    std::sort(run.mi.begin(), run.mi.end(), [](const auto& a, const auto& c) { return a.mi > c.mi; });
    if (static_cast<int>(run.mi.size()) > o.top_mi) run.mi.resize(static_cast<std::size_t>(std::max(o.top_mi, 0)));
  }
  // Outputs.
  const VerdictTable& vt = spec.thresholds;
  run.fit_csv.header = {"measure", "value", "verdict"};
  nlohmann::json jf = nlohmann::json::object();
  const double chisq_df = fit.measure("chisq") / fit.measure("df");
  // The judged values, as A15 (report/cfa_tables.cpp): under MLR the scaled chi-square per df and
  // the robust CFI, TLI and RMSEA (SRMR has no robust version); `name` is a fitMeasures name.
  const bool robust = run.estimator == "mlr";
  const double chisq_scaled_df = fit.measure("chisq.scaled") / fit.measure("df");
  auto judged_id = [&](const std::string& name) -> std::string {
    if (name == "srmr") return name;
    if (robust) {
      for (const char* k : {"cfi", "tli", "rmsea"})
        if (name == std::string(k) + ".robust") return k;
      return name == "chisq_scaled_df" ? "chisq_df" : "";
    }
    return name == "cfi" || name == "tli" || name == "rmsea" || name == "chisq_df" ? name : "";
  };
  auto verdict_of = [&](const std::string& name) -> std::optional<ValueVerdict> {
    const std::string id = judged_id(name);
    if (id.empty()) return std::nullopt;
    if (name == "chisq_df") return vt.judge(id, chisq_df);
    if (name == "chisq_scaled_df") return vt.judge(id, chisq_scaled_df);
    return vt.judge(id, fit.measure(name));
  };
  for (const auto& [name, value] : fit.fit) {
    std::string key = name;
    std::replace(key.begin(), key.end(), '.', '_');
    jf[key] = json_num(value);
    const auto v = verdict_of(name);
    run.fit_csv.rows.push_back({key, g17(value), v ? std::string(v->id()) : ""});
  }
  jf["chisq_df"] = json_num(chisq_df);
  run.fit_csv.rows.push_back({"chisq_df", g17(chisq_df), verdict_of("chisq_df") ? std::string(verdict_of("chisq_df")->id()) : ""});
  if (robust) {
    jf["chisq_scaled_df"] = json_num(chisq_scaled_df);
    const auto v = verdict_of("chisq_scaled_df");
    run.fit_csv.rows.push_back({"chisq_scaled_df", g17(chisq_scaled_df), v ? std::string(v->id()) : ""});
  }
  nlohmann::json jv = nlohmann::json::object();
  for (const char* k : {"chisq_df", "cfi", "tli", "rmsea", "srmr"}) {
    const std::string name = !robust || std::string(k) == "srmr" ? std::string(k)
                              : std::string(k) == "chisq_df" ? std::string("chisq_scaled_df")
                                                             : std::string(k) + ".robust";
    jv[k] = json_verdict(verdict_of(name));
  }
  run.estimates_csv.header = {"lhs", "op", "rhs", "free", "est", "se", "z", "pvalue", "std_lv", "std_all"};
  nlohmann::json jl = nlohmann::json::array(), jp = nlohmann::json::array();
  for (const auto& e : fit.estimates) {
    run.estimates_csv.rows.push_back({e.lhs, e.op, e.rhs, e.free ? "1" : "0", g17(e.est), e.free ? g17(e.se) : "",
                                      e.free ? g17(e.z) : "", e.free ? g17(e.pvalue) : "", g17(e.std_lv), g17(e.std_all)});
    nlohmann::json je = {{"est", json_num(e.est)},
                         {"se", e.free ? json_num(e.se) : nlohmann::json(nullptr)},
                         {"z", e.free ? json_num(e.z) : nlohmann::json(nullptr)},
                         {"pvalue", e.free ? json_num(e.pvalue) : nlohmann::json(nullptr)},
                         {"std_all", json_num(e.std_all)},
                         {"free", e.free}};
    if (e.kind == cfa::ParKind::Loading || e.kind == cfa::ParKind::Regression) {
      je["factor"] = e.lhs;
      je["indicator"] = e.rhs;
      jl.push_back(je);
    } else {
      je["lhs"] = e.lhs;
      je["op"] = e.op;
      je["rhs"] = e.rhs;
      jp.push_back(je);
    }
  }
  nlohmann::json jval = nlohmann::json::array();
  for (const auto& v : run.validity)
    jval.push_back({{"factor", v.factor}, {"k", v.k}, {"cr", json_num(v.cr)}, {"cr_verdict", json_verdict(vt.judge("cr", v.cr))},
                    {"ave", json_num(v.ave)}, {"ave_verdict", json_verdict(vt.judge("ave", v.ave))},
                    {"fornell_larcker_ok", v.fornell_larcker_ok}});
  nlohmann::json jmi = nlohmann::json::array();
  for (const auto& m : run.mi)
    jmi.push_back({{"lhs", m.lhs}, {"op", m.op}, {"rhs", m.rhs}, {"mi", json_num(m.mi)}, {"epc", json_num(m.epc)},
                   {"sepc_all", json_num(m.sepc_all)}});
  nlohmann::json jr2 = nlohmann::json::object();
  for (std::size_t i = 0; i < b.model.indicators.size(); ++i)
    jr2[b.model.indicators[i]] = json_num(fit.r2(static_cast<Eigen::Index>(i)));
  auto mat = [](const Eigen::MatrixXd& m) {
    nlohmann::json a = nlohmann::json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      nlohmann::json row = nlohmann::json::array();
      for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(json_num(m(i, j)));
      a.push_back(row);
    }
    return a;
  };
  run.doc = json_header("cfa", spec);
  run.doc["options"] = {{"estimator", run.estimator}, {"missing", run.missing}, {"observed", run.observed},
                        {"level", run.level > 0 ? nlohmann::json(run.level) : nlohmann::json(nullptr)},
                        {"second_order", run.second_order}, {"likelihood", "normal (S with divisor N)"},
                        {"identification", "first loading of each factor fixed to 1 (lavaan default)"},
                        {"direction", scores ? "node scores of the index pipeline (normalised with direction, aggregated)"
                                             : "indicators with direction '-' multiplied by -1"}};
  if (scores) {
    nlohmann::json jo = nlohmann::json::object();
    for (std::size_t f = 0; f < b.model.factors.size(); ++f) {
      nlohmann::json members = nlohmann::json::array();
      for (int i : b.model.loadings[f]) members.push_back(b.model.indicators[static_cast<std::size_t>(i)]);
      jo[b.model.factors[f]] = members;
    }
    run.doc["observed_variables"] = jo;
  }
  run.doc["converged"] = fit.converged;
  run.doc["iterations"] = fit.iterations;
  run.doc["n_units"] = run.n_units;
  run.doc["n_used"] = run.n_used;
  run.doc["factors"] = b.model.factors;
  run.doc["second_order_factors"] = b.model.second_order;
  run.doc["fit"] = fit.converged ? jf : nlohmann::json(nullptr);
  run.doc["fit_verdicts"] = fit.converged ? jv : nlohmann::json(nullptr);
  run.doc["loadings"] = jl;
  run.doc["parameters"] = jp;
  run.doc["r2"] = jr2;
  run.doc["latent_correlation"] = mat(fit.latent_correlation);
  run.doc["validity"] = jval;
  run.doc["fornell_larcker"] = mat(run.fornell_larcker);
  if (run.htmt.size() > 0) run.doc["htmt"] = mat(run.htmt);
  run.doc["modification_indices"] = jmi;
  nlohmann::json jt = nlohmann::json::object();
  for (const char* k : {"chisq_df", "cfi", "tli", "rmsea", "srmr", "cr", "ave", "htmt"})
    jt[k] = vt.rule(k).describe(Lang::En);
  run.doc["thresholds"] = jt;
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  if (fit.converged) run.outputs.add("cfa_fit.csv", run.fit_csv.csv());
  run.outputs.add("cfa_estimates.csv", run.estimates_csv.csv());
  run.outputs.add("cfa.json", run.doc.dump(2) + "\n");
  if (scores) run.outputs.add("cfa_observed.csv", run.observed_csv.csv());
  return run;
}

}  // namespace cikit::pipeline
