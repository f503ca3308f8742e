#include "methods/pipeline/audit.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "methods/pipeline/index.hpp"

namespace cikit::pipeline {

namespace {

nlohmann::json json_pair(const std::optional<std::pair<double, double>>& p) {
  return p ? nlohmann::json{json_num(p->first), json_num(p->second)} : nlohmann::json(nullptr);
}

std::vector<std::string> flags_of(const audit::NodeCorrelation& c, const audit::NodeImportance& m,
                                  const std::vector<audit::GroupCorrelation>& groups) {
  std::vector<std::string> f;
  if (c.negative) f.emplace_back("negative");
  if (c.weak) f.emplace_back("weak");
  for (const auto& g : groups)
    for (const auto& p : g.redundant)
      if (p.a == c.node || p.b == c.node) {
        f.emplace_back("redundant");
        goto done;
      }
done:
  if (m.divergent) f.emplace_back("divergent");
  return f;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

void node_outputs(AuditRun& run) {
  const IndicatorTree& tree = run.spec.tree;
  const auto& r = run.result;
  run.nodes_csv.header = {"node", "label_zh", "label_en", "parent", "depth", "n", "r_parent", "r_index",
                          "rho_parent", "rho_index", "s_i", "s_i_lower", "s_i_upper", "s_i_parent",
                          "s_i_parent_lower", "s_i_parent_upper", "r2_index", "r2_parent", "weight",
                          "weight_norm", "importance_norm", "ratio", "flags"};
  nlohmann::json jn = nlohmann::json::array();
  for (std::size_t k = 0; k < r.correlations.size(); ++k) {
    const auto& c = r.correlations[k];
    const auto& m = r.importance[k];
    const Node& nd = tree.node(c.node);
    const auto flags = flags_of(c, m, r.groups);
    const auto opt = [](const std::optional<double>& v) { return v ? num_full(*v) : std::string(); };
    run.nodes_csv.rows.push_back(
        {nd.id, nd.label.zh, nd.label.en, tree.node(c.parent).id, std::to_string(nd.depth), std::to_string(c.n),
         num_full(c.r_parent), num_full(c.r_index), opt(c.rho_parent), opt(c.rho_index), num_full(m.s_index),
         m.s_index_ci ? num_full(m.s_index_ci->first) : "", m.s_index_ci ? num_full(m.s_index_ci->second) : "",
         num_full(m.s_parent), m.s_parent_ci ? num_full(m.s_parent_ci->first) : "",
         m.s_parent_ci ? num_full(m.s_parent_ci->second) : "", num_full(m.r2_index), num_full(m.r2_parent),
         num_full(m.weight), num_full(m.weight_norm), num_full(m.importance_norm), num_full(m.ratio),
         join(flags, ";")});
    nlohmann::json j = {{"id", nd.id},
                        {"label", json_labels(nd.label)},
                        {"parent", tree.node(c.parent).id},
                        {"depth", nd.depth},
                        {"kind", node_kind(tree, c.node)},
                        {"n", c.n},
                        {"r_parent", json_num(c.r_parent)},
                        {"r_index", json_num(c.r_index)},
                        {"s_i", json_num(m.s_index)},
                        {"s_i_ci", json_pair(m.s_index_ci)},
                        {"s_i_parent", json_num(m.s_parent)},
                        {"s_i_parent_ci", json_pair(m.s_parent_ci)},
                        {"r2_index", json_num(m.r2_index)},
                        {"r2_parent", json_num(m.r2_parent)},
                        {"weight", json_num(m.weight)},
                        {"weight_norm", json_num(m.weight_norm)},
                        {"importance_norm", json_num(m.importance_norm)},
                        {"ratio", json_num(m.ratio)},
                        {"flags", flags}};
    if (c.rho_parent) j["rho_parent"] = json_num(*c.rho_parent);
    if (c.rho_index) j["rho_index"] = json_num(*c.rho_index);
    jn.push_back(j);
  }
  run.doc["nodes"] = jn;
}

void group_outputs(AuditRun& run, TextTable& groups_csv, TextTable& summary_csv) {
  const IndicatorTree& tree = run.spec.tree;
  groups_csv.header = {"group", "a", "b", "r", "redundant"};
  nlohmann::json jg = nlohmann::json::array();
  for (const auto& g : run.result.groups) {
    std::vector<std::string> ids;
    for (int c : g.children) ids.push_back(tree.node(c).id);
    nlohmann::json mat = nlohmann::json::array();
    for (Eigen::Index a = 0; a < g.r.rows(); ++a) {
      nlohmann::json row = nlohmann::json::array();
      for (Eigen::Index b = 0; b < g.r.cols(); ++b) row.push_back(json_num(g.r(a, b)));
      mat.push_back(row);
      for (Eigen::Index b = a + 1; b < g.r.cols(); ++b)
        groups_csv.rows.push_back({tree.node(g.node).id, ids[static_cast<std::size_t>(a)],
                                   ids[static_cast<std::size_t>(b)], num_full(g.r(a, b)),
                                   std::abs(g.r(a, b)) > run.result.options.redundant_r ? "1" : "0"});
    }
    nlohmann::json red = nlohmann::json::array();
    for (const auto& p : g.redundant)
      red.push_back({{"a", tree.node(p.a).id}, {"b", tree.node(p.b).id}, {"r", json_num(p.r)}});
    jg.push_back({{"id", tree.node(g.node).id}, {"children", ids}, {"r", mat}, {"redundant", red}});
  }
  run.doc["groups"] = jg;
  summary_csv.header = {"node", "label_zh", "label_en", "k", "raw_alpha", "std_alpha", "eigen_share", "n_negative",
                        "n_weak", "n_redundant", "n_divergent", "verdict", "reasons"};
  nlohmann::json js = nlohmann::json::array();
  for (const auto& s : run.result.summary) {
    const Node& nd = tree.node(s.node);
    const auto opt = [](const std::optional<double>& v) { return v ? num_full(*v) : std::string(); };
    const auto jopt = [](const std::optional<double>& v) { return v ? json_num(*v) : nlohmann::json(nullptr); };
    summary_csv.rows.push_back({nd.id, nd.label.zh, nd.label.en, std::to_string(s.k), opt(s.alpha), opt(s.std_alpha),
                                opt(s.eigen_share), std::to_string(s.n_negative), std::to_string(s.n_weak),
                                std::to_string(s.n_redundant), std::to_string(s.n_divergent), s.verdict,
                                join(s.reasons, ";")});
    js.push_back({{"id", nd.id}, {"label", json_labels(nd.label)}, {"k", s.k}, {"raw_alpha", jopt(s.alpha)},
                  {"std_alpha", jopt(s.std_alpha)}, {"eigen_share", jopt(s.eigen_share)},
                  {"n_negative", s.n_negative}, {"n_weak", s.n_weak}, {"n_redundant", s.n_redundant},
                  {"n_divergent", s.n_divergent}, {"verdict", s.verdict}, {"reasons", s.reasons}});
  }
  run.doc["summary"] = js;
}

void optimisation_outputs(AuditRun& run, TextTable& opt_csv, TextTable& ranks_csv) {
  const IndicatorTree& tree = run.spec.tree;
  const audit::OptimiseResult& o = *run.optimised;
  opt_csv.header = {"node", "parent", "nominal_weight", "optimised_weight", "optimised_weight_level", "desired",
                    "obtained_nominal", "obtained", "r_index"};
  nlohmann::json jn = nlohmann::json::array();
  for (std::size_t i = 0; i < o.nodes.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    const Node& nd = tree.node(o.nodes[i]);
    opt_csv.rows.push_back({nd.id, tree.node(nd.parent).id, num_full(o.nominal_weights(k)), num_full(o.weights(k)),
                            num_full(o.weights_level(k)), num_full(o.target(k)), num_full(o.obtained_nominal(k)),
                            num_full(o.obtained(k)), num_full(o.r_index(k))});
    jn.push_back({{"id", nd.id}, {"parent", tree.node(nd.parent).id}, {"nominal_weight", json_num(o.nominal_weights(k))},
                  {"weight", json_num(o.weights(k))}, {"weight_level", json_num(o.weights_level(k))},
                  {"desired", json_num(o.target(k))}, {"obtained_nominal", json_num(o.obtained_nominal(k))},
                  {"obtained", json_num(o.obtained(k))}, {"r_index", json_num(o.r_index(k))}});
  }
  ranks_csv.header = {"unit", "rank_nominal", "rank_optimised", "shift"};
  nlohmann::json jr = nlohmann::json::array();
  for (const auto& c : o.ranks) {
    const std::string& u = run.data.unit_ids[static_cast<std::size_t>(c.unit)];
    ranks_csv.rows.push_back({u, std::to_string(c.nominal), std::to_string(c.optimised),
                              std::to_string(c.optimised - c.nominal)});
    jr.push_back({{"unit", u}, {"nominal", c.nominal}, {"optimised", c.optimised}});
  }
  nlohmann::json at_bound = nlohmann::json::array();
  for (int i : o.at_lower_bound) at_bound.push_back(tree.node(o.nodes[static_cast<std::size_t>(i)]).id);
  run.doc["optimisation"] = {
      {"level", o.level},
      {"objective_kind", o.objective_kind == audit::OptimiseObjective::Balance ? "balance" : "infomax"},
      {"target", run.target_kind},
      {"objective", json_num(o.objective)},
      {"objective_nominal", json_num(o.objective_nominal)},
      {"evaluations", o.evaluations},
      {"starts", o.starts},
      {"converged", o.converged},
      {"stop_reason", o.stop_reason},
      {"optimiser", "NLopt BOBYQA, bounds [1e-3, 1], xtol_rel 1e-8, ftol_abs 1e-10 per start, multi-start (target, nominal, equal, node-boosted; at most 6)"},
      {"nodes", jn},
      {"at_lower_bound", at_bound},
      {"mean_abs_rank_shift", json_num(o.mean_abs_shift)},
      {"max_abs_rank_shift", o.max_abs_shift},
      {"ranks", jr}};
}

}  // namespace

Eigen::VectorXd read_audit_target(const std::string& path, const IndicatorTree& tree, const std::vector<int>& nodes,
                                  const std::string& level) {
  const CsvTable t = read_csv(path);
  const auto col = [&](const char* name) {
    for (std::size_t c = 0; c < t.header.size(); ++c)
      if (t.header[c] == name) return c;
    throw InvalidInput(fmt::format("audit target: the file has no column '{}' (columns: id, weight)", name),
                       Location{.file = path, .line = t.header_line});
  };
  const std::size_t ci = col("id"), cw = col("weight");
  Eigen::VectorXd w = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(nodes.size()), std::nan(""));
  std::string names;
  for (int n : nodes) names += (names.empty() ? "" : ", ") + tree.node(n).id;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const Location at{.file = path, .line = t.row_lines[r]};
    const std::string& id = t.rows[r][ci];
    Eigen::Index k = -1;
    for (std::size_t i = 0; i < nodes.size(); ++i)
      if (tree.node(nodes[i]).id == id) k = static_cast<Eigen::Index>(i);
    if (k < 0)
      throw InvalidInput(fmt::format("audit target: '{}' is not a node of level '{}' (its nodes: {})", id, level,
                                     names),
                         at);
    if (!std::isnan(w(k))) throw InvalidInput(fmt::format("audit target: node '{}' is listed twice", id), at);
    double v = 0.0;
    try {
      std::size_t used = 0;
      v = std::stod(t.rows[r][cw], &used);
      if (used != t.rows[r][cw].size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      throw InvalidInput(fmt::format("audit target: weight '{}' of node '{}' is not a number", t.rows[r][cw], id), at);
    }
    if (!(v >= 0.0) || !std::isfinite(v))
      throw InvalidInput(fmt::format("audit target: weight of node '{}' is {}, but must be finite and >= 0", id, v),
                         at);
    w(k) = v;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (std::isnan(w(static_cast<Eigen::Index>(i))))
      throw InvalidInput(fmt::format("audit target: node '{}' of level '{}' has no row (every node needs one: {})",
                                     tree.node(nodes[i]).id, level, names),
                         Location{.file = path});
  if (!(w.sum() > 0.0))
    throw InvalidInput(fmt::format("audit target: the weights sum to {}, but must sum to a positive number", w.sum()),
                       Location{.file = path});
  return w;
}

AuditRun run_audit(const AuditRunOptions& o) {
  if (o.objective != "balance" && o.objective != "infomax")
    throw InvalidInput(fmt::format("audit: unknown objective '{}' (use balance or infomax)", o.objective));
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  IndexRun index = run_index(io);
  AuditRun run;
  run.spec = std::move(index.spec);
  run.data = std::move(index.data);
  run.warnings = index.warnings;
  const audit::AuditInput in = audit::audit_input(run.spec.tree, index.result, run.spec.config, run.data.unit_ids);
  run.result = audit::run_audit(in, o.audit);
  for (const auto& w : run.result.warnings) run.warnings.push_back(w);
  run.doc = json_header("audit", run.spec);
  const auto& ao = o.audit;
  run.doc["options"] = {{"spearman", ao.spearman}, {"weak_r", ao.weak_r}, {"redundant_r", ao.redundant_r},
                        {"spline_df", ao.spline_df}, {"spline_degree", ao.spline_degree},
                        {"divergence", ao.divergence}, {"bootstrap", ao.bootstrap}, {"level", ao.level},
                        {"seed", ao.seed}, {"alpha_min", ao.alpha_min}, {"eigen_share_min", ao.eigen_share_min}};
  run.doc["units"] = run.result.n_units;
  node_outputs(run);
  TextTable groups_csv, summary_csv, opt_csv, ranks_csv;
  group_outputs(run, groups_csv, summary_csv);
  if (!o.optimise_level.empty()) {
    const int depth = audit::level_depth(run.spec.tree, o.optimise_level);
    audit::OptimiseOptions oo;
    oo.objective = o.objective == "infomax" ? audit::OptimiseObjective::Infomax : audit::OptimiseObjective::Balance;
    std::vector<int> nodes;
    for (int n : run.spec.tree.preorder())
      if (run.spec.tree.node(n).depth == depth) nodes.push_back(n);
    if (o.target == "equal") {
      run.target_kind = "equal";
    } else if (o.target == "nominal") {
      run.target_kind = "nominal";
      oo.target.resize(static_cast<Eigen::Index>(nodes.size()));
      for (std::size_t i = 0; i < nodes.size(); ++i)
        oo.target(static_cast<Eigen::Index>(i)) = index.result.weights.global(nodes[i]);
    } else {
      run.target_kind = "file";
      oo.target = read_audit_target(o.target, run.spec.tree, nodes, o.optimise_level);
    }
    run.optimised = audit::optimise_weights(in, depth, oo);
    for (const auto& w : run.optimised->warnings) run.warnings.push_back(w);
    optimisation_outputs(run, opt_csv, ranks_csv);
  }
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("audit.json", run.doc.dump(2) + "\n");
  run.outputs.add("audit_nodes.csv", run.nodes_csv.csv());
  run.outputs.add("audit_groups.csv", groups_csv.csv());
  run.outputs.add("audit_summary.csv", summary_csv.csv());
  if (run.optimised) {
    run.outputs.add("audit_optimisation.csv", opt_csv.csv());
    run.outputs.add("audit_rank_changes.csv", ranks_csv.csv());
  }
  return run;
}

}  // namespace cikit::pipeline
