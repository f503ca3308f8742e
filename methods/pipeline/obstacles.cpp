// `cikit obstacles` pipeline; see obstacles.hpp.
#include "methods/pipeline/obstacles.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/audit/audit.hpp"
#include "methods/core/error.hpp"
#include "methods/core/registry.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/panel.hpp"

namespace cikit::pipeline {

namespace {

std::string unit_list(const Dataset& data, const std::vector<Eigen::Index>& rows) {
  std::string s;
  for (std::size_t i = 0; i < rows.size() && i < 20; ++i)
    s += (s.empty() ? "" : ", ") + data.unit_ids[static_cast<std::size_t>(rows[i])];
  if (rows.size() > 20) s += fmt::format(", … ({} in all)", rows.size());
  return s;
}

}  // namespace

void analyse_obstacles(ObstaclesRun& run, const IndexResult& index, const ObstaclesRunOptions& o) {
  if (o.top < 1) throw InvalidInput(fmt::format("obstacles: --top must be at least 1, got {}", o.top));
  const IndicatorTree& tree = run.spec.tree;
  const IndexConfig& cfg = run.spec.config;
  const std::vector<int>& leaves = tree.leaves();
  const auto k = static_cast<Eigen::Index>(leaves.size());
  const int depth = audit::level_depth(tree, o.level);
  for (int n : tree.preorder())
    if (tree.node(n).depth == depth) {
      if (tree.node(n).is_leaf())
        throw InvalidInput(fmt::format(
            "obstacles: level '{}' contains indicator '{}'; the groups must be a level above the indicators "
            "(e.g. dimensions)", o.level, tree.node(n).id));
      run.groups.push_back(n);
    }
  for (Eigen::Index j = 0; j < k; ++j) {
    const NormalizeMethod m = index.normalization.methods[static_cast<std::size_t>(j)];
    if (m != NormalizeMethod::MinMax && m != NormalizeMethod::Goalposts && m != NormalizeMethod::PercentileRank)
      throw InvalidInput(fmt::format(
          "obstacles: indicator '{}' is normalised with {}, an unbounded scale; obstacle degrees need normalised "
          "scores on [0, 1] (use minmax, goalposts or percentile)",
          tree.node(leaves[static_cast<std::size_t>(j)]).id, method_info(normalize_methods(), m).name));
  }
  const Eigen::Index n = index.scores.rows();
  const double lo = cfg.range_lo, span = cfg.range_hi - cfg.range_lo;
  Eigen::MatrixXd x(n, k);
  Eigen::VectorXd f(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    const int leaf = leaves[static_cast<std::size_t>(j)];
    f(j) = index.weights.global(leaf);
    for (Eigen::Index i = 0; i < n; ++i) {
      double v = (index.scores(i, leaf) - lo) / span;
      if (std::abs(v) < 1e-12) v = 0.0;
      if (std::abs(v - 1.0) < 1e-12) v = 1.0;
      x(i, j) = v;
    }
  }
  std::vector<std::vector<Eigen::Index>> group_cols;
  for (int g : run.groups) {
    std::vector<Eigen::Index> cols;
    for (int p : tree.leaf_positions_under(g)) cols.push_back(p);
    group_cols.push_back(std::move(cols));
  }
  run.weight = f;
  run.result = obstacles::obstacle_degree(x, f, group_cols);
  if (!run.result.no_shortfall.empty())
    run.warnings.push_back(fmt::format(
        "obstacles: {} unit(s) reach the best normalised value on every available indicator, so they have no "
        "obstacle (all obstacle degrees 0, left out of the top-k frequencies): {}",
        run.result.no_shortfall.size(), unit_list(run.data, run.result.no_shortfall)));
  if (!run.result.incomplete.empty())
    run.warnings.push_back(fmt::format(
        "obstacles: {} unit(s) have missing indicators; their obstacle degrees are shares over the available "
        "indicators (the missing ones are empty): {}",
        run.result.incomplete.size(), unit_list(run.data, run.result.incomplete)));
  run.top.resize(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool skip = std::find(run.result.no_shortfall.begin(), run.result.no_shortfall.end(), i) !=
                      run.result.no_shortfall.end();
    if (!skip) run.top[static_cast<std::size_t>(i)] = obstacles::top_obstacles(run.result.indicator, i, o.top);
  }
  run.frequency = obstacles::top_frequencies(run.result.indicator, o.top, run.result.no_shortfall);
  run.counted_units = n - static_cast<Eigen::Index>(run.result.no_shortfall.size());

  // Outputs.
  TextTable& ind_csv = run.indicators_csv;
  TextTable& grp_csv = run.groups_csv;
  TextTable& top_csv = run.top_csv;
  ind_csv.header = {"unit"};
  for (int leaf : leaves) ind_csv.header.push_back(tree.node(leaf).id);
  grp_csv.header = {"unit"};
  for (int g : run.groups) grp_csv.header.push_back(tree.node(g).id);
  top_csv.header = {"unit"};
  for (int r = 1; r <= o.top; ++r) {
    top_csv.header.push_back(fmt::format("top{}", r));
    top_csv.header.push_back(fmt::format("top{}_obstacle", r));
  }
  nlohmann::json units = nlohmann::json::array();
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string& unit = run.data.unit_ids[static_cast<std::size_t>(i)];
    std::vector<std::string> ir = {unit}, gr = {unit}, tr_ = {unit};
    nlohmann::json ji = nlohmann::json::array(), jg = nlohmann::json::array(), jt = nlohmann::json::array();
    for (Eigen::Index j = 0; j < k; ++j) {
      ir.push_back(num_full(run.result.indicator(i, j)));
      ji.push_back({{"id", tree.node(leaves[static_cast<std::size_t>(j)]).id},
                    {"obstacle", json_num(run.result.indicator(i, j))}});
    }
    for (std::size_t g = 0; g < run.groups.size(); ++g) {
      const double v = run.result.group(i, static_cast<Eigen::Index>(g));
      gr.push_back(num_full(v));
      jg.push_back({{"id", tree.node(run.groups[g]).id}, {"obstacle", json_num(v)}});
    }
    const auto& top = run.top[static_cast<std::size_t>(i)];
    for (int r = 0; r < o.top; ++r) {
      if (static_cast<std::size_t>(r) < top.size()) {
        const Eigen::Index j = top[static_cast<std::size_t>(r)];
        tr_.push_back(tree.node(leaves[static_cast<std::size_t>(j)]).id);
        tr_.push_back(num_full(run.result.indicator(i, j)));
        jt.push_back(tree.node(leaves[static_cast<std::size_t>(j)]).id);
      } else {
        tr_.insert(tr_.end(), {"", ""});
      }
    }
    ind_csv.rows.push_back(std::move(ir));
    grp_csv.rows.push_back(std::move(gr));
    top_csv.rows.push_back(std::move(tr_));
    units.push_back({{"unit", unit}, {"indicators", ji}, {"groups", jg}, {"top", jt}});
  }
  run.frequency_csv.header = {"indicator", "label_zh", "label_en", "parent", "weight", "top_k_count", "top_k_share"};
  nlohmann::json jf = nlohmann::json::array();
  for (Eigen::Index j = 0; j < k; ++j) {
    const Node& nd = tree.node(leaves[static_cast<std::size_t>(j)]);
    const double share = run.counted_units > 0 ? run.frequency(j) / static_cast<double>(run.counted_units) : std::nan("");
    run.frequency_csv.rows.push_back({nd.id, nd.label.zh, nd.label.en, tree.node(nd.parent).id, num_full(f(j)),
                                      std::to_string(run.frequency(j)), num_full(share)});
    jf.push_back({{"id", nd.id}, {"label", json_labels(nd.label)}, {"weight", json_num(f(j))},
                  {"count", run.frequency(j)}, {"share", json_num(share)}});
  }
  run.doc = json_header("obstacles", run.spec);
  run.doc["options"] = {{"level", o.level}, {"top", o.top}, {"score_range", {cfg.range_lo, cfg.range_hi}}};
  run.doc["periods"] =
      nlohmann::json::array({{{"period", ""}, {"units", units}, {"frequency", jf}, {"counted_units", run.counted_units}}});
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("obstacles.json", run.doc.dump(2) + "\n");
  run.outputs.add("obstacles_indicators.csv", ind_csv.csv());
  run.outputs.add("obstacles_groups.csv", grp_csv.csv());
  run.outputs.add("obstacles_top.csv", top_csv.csv());
  run.outputs.add("obstacles_frequency.csv", run.frequency_csv.csv());
}

ObstaclesRun run_obstacles(const ObstaclesRunOptions& o) {
  if (o.top < 1) throw InvalidInput(fmt::format("obstacles: --top must be at least 1, got {}", o.top));
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  IndexRun index = run_index(io);
  ObstaclesRun run;
  run.spec = std::move(index.spec);
  run.warnings = index.warnings;
  if (!index.panel) {
    run.data = std::move(index.data);
    analyse_obstacles(run, index.result, o);
    return run;
  }
  const PanelBuild& b = *index.panel;
  nlohmann::json periods = nlohmann::json::array();
  std::vector<ObstaclesRun> per = analyse_each_period<ObstaclesRun>(
      run.spec, b, [&](ObstaclesRun& r, const IndexResult& res) { analyse_obstacles(r, res, o); }, run.warnings,
      periods);
  std::vector<const TextTable*> ind, grp, top, freq;
  for (const auto& r : per) {
    ind.push_back(&r.indicators_csv);
    grp.push_back(&r.groups_csv);
    top.push_back(&r.top_csv);
    freq.push_back(&r.frequency_csv);
  }
  const TextTable ind_all = stack_periods(b.data.periods, ind), grp_all = stack_periods(b.data.periods, grp),
                  top_all = stack_periods(b.data.periods, top), freq_all = stack_periods(b.data.periods, freq);
  ObstaclesRun& last = per.back();
  run.data = std::move(last.data);
  run.groups = last.groups;
  run.result = last.result;
  run.weight = last.weight;
  run.top = last.top;
  run.frequency = last.frequency;
  run.counted_units = last.counted_units;
  run.indicators_csv = ind_all;
  run.groups_csv = grp_all;
  run.top_csv = top_all;
  run.frequency_csv = freq_all;
  run.doc = last.doc;
  run.doc["periods"] = periods;
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("obstacles.json", run.doc.dump(2) + "\n");
  run.outputs.add("obstacles_indicators.csv", run.indicators_csv.csv());
  run.outputs.add("obstacles_groups.csv", run.groups_csv.csv());
  run.outputs.add("obstacles_top.csv", run.top_csv.csv());
  run.outputs.add("obstacles_frequency.csv", run.frequency_csv.csv());
  return run;
}

}  // namespace cikit::pipeline
