#include "methods/simulate/scenario.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "methods/weighting/ahp.hpp"

namespace cikit {

namespace {

}  // namespace

void check_scenario_options(const ScenarioOptions& o) {
  auto bad = [](const std::string& what) { throw InvalidInput("simulate scenario: " + what); };
  if (o.units < 10 || o.units > 1000000) bad(fmt::format("units is {}; must be in [10, 1000000]", o.units));
  if (o.dimensions < 1) bad(fmt::format("dimensions is {}; must be >= 1", o.dimensions));
  if (o.indicators_per_dimension < 2)
    bad(fmt::format("indicators per dimension is {}; must be >= 2", o.indicators_per_dimension));
  if (!(o.loading > 0 && o.loading <= 1)) bad(fmt::format("loading {} must be in (0, 1]", o.loading));
  if (!(o.dimension_correlation >= 0 && o.dimension_correlation <= 1))
    bad(fmt::format("dimension correlation {} must be in [0, 1]", o.dimension_correlation));
  if (!(o.weight_spread >= 0 && o.weight_spread <= 10)) bad("weight spread must be in [0, 10]");
  if (!(o.noise >= 0 && o.noise <= 100)) bad("noise must be in [0, 100]");
  if (!(o.skewed_share >= 0 && o.skewed_share <= 1)) bad("skewed share must be in [0, 1]");
  if (!(o.skewness > 0 && o.skewness <= 5)) bad("skewness (sdlog) must be in (0, 5]");
  if (!(o.outlier_rate >= 0 && o.outlier_rate < 0.5)) bad("outlier rate must be in [0, 0.5)");
  if (!std::isfinite(o.outlier_shift)) bad("outlier shift must be finite");
  if (!(o.missing_rate >= 0 && o.missing_rate < 0.5)) bad("missing rate must be in [0, 0.5)");
  if (!(o.negative_share >= 0 && o.negative_share <= 1)) bad("negative share must be in [0, 1]");
}

namespace {

/// Weights ∝ exp(spread c_k), c evenly spaced on [-1, 1] (reversed when `reverse`), sum 1.
Eigen::VectorXd spread_weights(int m, double spread, bool reverse) {
  Eigen::VectorXd w(m);
  for (int k = 0; k < m; ++k) {
    const double c = m == 1 ? 0.0 : -1.0 + 2.0 * k / (m - 1);
    w(k) = std::exp(spread * (reverse ? -c : c));
  }
  return w / w.sum();
}

/// Deterministic spread of a share over positions 0, 1, ...: position q is selected when
/// floor((q + 1 + offset) share) > floor((q + offset) share).
bool share_hit(int q, double share, int offset) {
  return std::floor((q + offset + 1) * share) > std::floor((q + offset) * share);
}

}  // namespace

ScenarioResult simulate_scenario(const ScenarioOptions& o) {
  check_scenario_options(o);
  const int D = o.dimensions;
  const int m = o.indicators_per_dimension;
  const int p = D * m;
  const int width = p >= 100 ? 3 : 2;
  ScenarioResult out;
  out.dimension_weights = spread_weights(D, o.weight_spread, false);

  // Tree with true weights and goalposts.
  std::vector<Node> nodes;
  Node root;
  root.id = "sim";
  root.label = {"模拟情景指数（合成数据）", "Simulated scenario index (synthetic data)"};
  nodes.push_back(root);
  std::vector<int> skewed(static_cast<std::size_t>(p), 0);
  for (int d = 0; d < D; ++d) {
    Node dim;
    dim.id = fmt::format("d{}", d + 1);
    dim.label = {fmt::format("维度{}", d + 1), fmt::format("Dimension {}", d + 1)};
    dim.parent = 0;
    dim.weight = out.dimension_weights(d);
    const int di = static_cast<int>(nodes.size());
    nodes[0].children.push_back(di);
    nodes.push_back(dim);
    const Eigen::VectorXd u = spread_weights(m, o.weight_spread, d % 2 == 1);
    for (int k = 0; k < m; ++k) {
      const int q = d * m + k;
      Node leaf;
      leaf.id = fmt::format("x{:0{}}", q + 1, width);
      leaf.column = leaf.id;
      leaf.label = {fmt::format("指标{}", q + 1), fmt::format("Indicator {}", q + 1)};
      leaf.parent = di;
      leaf.weight = u(k);
      leaf.direction = share_hit(q, o.negative_share, 0) ? Direction::Negative : Direction::Positive;
      skewed[static_cast<std::size_t>(q)] = share_hit(q, o.skewed_share, 1) ? 1 : 0;
      leaf.goalposts = skewed[static_cast<std::size_t>(q)]
                           ? std::make_pair(100 * std::exp(-3 * o.skewness), 100 * std::exp(3 * o.skewness))
                           : std::make_pair(20.0, 80.0);
      nodes[static_cast<std::size_t>(di)].children.push_back(static_cast<int>(nodes.size()));
      nodes.push_back(leaf);
    }
  }
  out.tree = IndicatorTree(nodes);
  const auto& leaves = out.tree.leaves();

  SimulationResult& sim = out.sim;
  const auto n = static_cast<Eigen::Index>(o.units);
  sim.data.values.resize(n, p);
  sim.true_general.resize(n);
  out.true_indicators.resize(n, p);
  sim.true_weights.resize(p);
  for (int d = 0; d < D; ++d) sim.dimension_ids.push_back(fmt::format("d{}", d + 1));
  for (int q = 0; q < p; ++q) {
    const Node& leaf = out.tree.node(leaves[static_cast<std::size_t>(q)]);
    sim.data.indicator_ids.push_back(leaf.id);
    sim.indicator_dimension.push_back(q / m);
    sim.indicator_negative.push_back(leaf.direction == Direction::Negative ? 1 : 0);
    sim.decimals.push_back(4);
    sim.true_weights(q) = out.dimension_weights(q / m) * *leaf.weight;
  }

  const double sr = std::sqrt(o.dimension_correlation), sr_c = std::sqrt(1 - o.dimension_correlation);
  const double a = o.loading, a_c = std::sqrt(1 - o.loading * o.loading);
  const double scale = 1 / std::sqrt(1 + o.noise * o.noise);
  std::vector<double> F(static_cast<std::size_t>(D));
  for (Eigen::Index i = 0; i < n; ++i) {
    auto g = make_stream(o.seed, StreamTag::SimulateScenario, static_cast<std::uint64_t>(i));
    const double G = standard_normal(g);
    sim.true_general(i) = G;
    for (auto& f : F) f = sr * G + sr_c * standard_normal(g);
    for (int q = 0; q < p; ++q) {
      const double T = a * F[static_cast<std::size_t>(q / m)] + a_c * standard_normal(g);
      out.true_indicators(i, q) = T;
      double z = (T + o.noise * standard_normal(g)) * scale;
      if (sim.indicator_negative[static_cast<std::size_t>(q)]) z = -z;
      if (uniform01(g) < o.outlier_rate) z += o.outlier_shift;
      sim.data.values(i, q) = skewed[static_cast<std::size_t>(q)] ? 100 * std::exp(o.skewness * z) : 50 + 10 * z;
    }
    for (int q = 0; q < p; ++q)
      if (uniform01(g) < o.missing_rate) sim.data.values(i, q) = std::numeric_limits<double>::quiet_NaN();
    if (sim.data.values.row(i).array().isNaN().all())  // a unit never loses every value
      sim.data.values(i, 0) = skewed[0] ? 100.0 : 50.0;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    UnitProfile u{fmt::format("u{:04}", i + 1), fmt::format("单位{}", i + 1), fmt::format("Unit {}", i + 1), "", 0.0};
    sim.data.unit_ids.push_back(u.id);
    sim.data.unit_names_zh.push_back(u.name_zh);
    sim.data.unit_names_en.push_back(u.name_en);
    sim.units.push_back(std::move(u));
  }
  // True dimension scores D_id = sum_{j in d} u_j T_ij and composite C_i = sum_d v_d D_id.
  sim.true_dimensions = Eigen::MatrixXd::Zero(n, D);
  for (int q = 0; q < p; ++q)
    sim.true_dimensions.col(q / m) += *out.tree.node(leaves[static_cast<std::size_t>(q)]).weight * out.true_indicators.col(q);
  sim.true_index = sim.true_dimensions * out.dimension_weights;
  return out;
}

std::string scenario_spec_yaml(const ScenarioResult& s, const ScenarioOptions& o) {
  std::string tree;
  const IndicatorTree& t = s.tree;
  for (int d : t.node(t.root()).children) {
    const Node& dim = t.node(d);
    tree += fmt::format("  - id: {}\n    label: {{zh: {}, en: {}}}\n    weight: {:.17g}\n    children:\n", dim.id,
                        dim.label.zh, dim.label.en, *dim.weight);
    for (int c : dim.children) {
      const Node& leaf = t.node(c);
      tree += fmt::format(
          "      - id: {}\n        label: {{zh: {}, en: {}}}\n        direction: \"{}\"\n        weight: {:.17g}\n"
          "        goalposts: [{:.17g}, {:.17g}]\n",
          leaf.id, leaf.label.zh, leaf.label.en, leaf.direction == Direction::Negative ? "-" : "+", *leaf.weight,
          leaf.goalposts->first, leaf.goalposts->second);
    }
  }
  return fmt::format(
      "# Generated by `cikit simulate --preset scenario` (seed {}). SYNTHETIC data with a known truth:\n"
      "# truth.csv (true composite and dimension scores), true_weights.csv; `weight:` = true weights.\n"
      "index:\n  id: sim\n  label: {{zh: {}, en: {}}}\n"
      "  description: \"Synthetic scenario: {} units, {} dimensions x {} indicators, loading {}, correlation {}, "
      "noise {}, weight spread {}, skewed share {} (sdlog {}), outliers {}, missing {}, negative share {}, seed {}\"\n"
      "data:\n  file: data.csv\n  unit: unit_id\n  names: {{zh: unit_zh, en: unit_en}}\n  missing: [\"\", NA]\n"
      "methods:\n  normalize: minmax\n  weights: equal\n  aggregate: arithmetic\n"
      "tree:\n{}",
      o.seed, t.node(0).label.zh, t.node(0).label.en, o.units, o.dimensions, o.indicators_per_dimension, o.loading,
      o.dimension_correlation, o.noise, o.weight_spread, o.skewed_share, o.skewness, o.outlier_rate, o.missing_rate,
      o.negative_share, o.seed, tree);
}

std::string scenario_weights_csv(const ScenarioResult& s) {
  std::string out = "indicator,dimension,direction,true_local_weight,true_global_weight\n";
  const auto& leaves = s.tree.leaves();
  for (std::size_t q = 0; q < leaves.size(); ++q) {
    const Node& leaf = s.tree.node(leaves[q]);
    out += fmt::format("{},{},{},{:.17g},{:.17g}\n", csv_quote(leaf.id), csv_quote(s.tree.node(leaf.parent).id),
                       leaf.direction == Direction::Negative ? "-" : "+", *leaf.weight,
                       s.sim.true_weights(static_cast<Eigen::Index>(q)));
  }
  return out;
}

Judgments scenario_judgments(const IndicatorTree& tree, int experts, double noise_sd, std::uint64_t seed) {
  if (experts < 1) throw InvalidInput("scenario judgments: at least one expert is needed");
  if (!(noise_sd >= 0 && std::isfinite(noise_sd))) throw InvalidInput("scenario judgments: noise must be >= 0");
  Judgments j;
  j.file = "(simulated from the true weights)";
  j.scale = "saaty";
  for (int e = 0; e < experts; ++e) {
    ExpertJudgments ex;
    ex.id = fmt::format("E{}", e + 1);
    ex.label = {fmt::format("专家{}", e + 1), fmt::format("Expert {}", e + 1)};
    j.experts.push_back(std::move(ex));
  }
  for (int k : tree.preorder()) {
    const Node& node = tree.node(k);
    if (node.children.size() < 2) continue;
    const auto m = static_cast<Eigen::Index>(node.children.size());
    Eigen::VectorXd u(m);
    for (Eigen::Index c = 0; c < m; ++c) {
      const Node& child = tree.node(node.children[static_cast<std::size_t>(c)]);
      if (!child.weight || !(*child.weight > 0))
        throw InvalidInput(fmt::format("scenario judgments: node '{}' has no positive true weight", child.id));
      u(c) = *child.weight;
    }
    auto g = make_stream(seed, StreamTag::ScenarioJudgments, static_cast<std::uint64_t>(k));
    for (auto& ex : j.experts) {
      NodeJudgments nj;
      nj.node = k;
      nj.node_id = node.id;
      nj.matrix = Eigen::MatrixXd::Ones(m, m);
      for (Eigen::Index r = 0; r < m; ++r)
        for (Eigen::Index c = r + 1; c < m; ++c) {
          const double v = nearest_saaty_value(u(r) / u(c) * std::exp(noise_sd * standard_normal(g)));
          nj.matrix(r, c) = v;
          nj.matrix(c, r) = 1 / v;
        }
      ex.nodes.push_back(std::move(nj));
    }
  }
  return j;
}

}  // namespace cikit
