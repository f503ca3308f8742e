#include "methods/simulate/simulate.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <functional>
#include <sstream>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

namespace {

void check_options(const SimulationOptions& o) {
  auto bad = [](const std::string& what) { throw InvalidInput("simulate: " + what); };
  if (!(o.dimension_correlation >= 0 && o.dimension_correlation <= 1))
    bad(fmt::format("dimension correlation {} must be in [0, 1]", o.dimension_correlation));
  if (!(o.subdimension_r >= 0 && o.subdimension_r <= 1))
    bad(fmt::format("sub-dimension share {} must be in [0, 1]", o.subdimension_r));
  if (!(o.outlier_rate >= 0 && o.outlier_rate < 1)) bad("outlier rate must be in [0, 1)");
  if (!(o.missing_rate >= 0 && o.missing_rate < 0.5)) bad("missing rate must be in [0, 0.5)");
  if (!std::isfinite(o.outlier_shift)) bad("outlier shift must be finite");
}

double apply_marginal(const IndicatorProfile& p, double z) {
  switch (p.marginal) {
    case Marginal::Normal:
      return p.location + p.spread * z;
    case Marginal::LogNormal:
      return p.location * std::exp(p.spread * z);
    case Marginal::Proportion: {
      const double width = p.upper - p.lower;
      const double p0 = std::clamp((p.location - p.lower) / width, 1e-3, 1 - 1e-3);
      const double eta = std::log(p0 / (1 - p0)) + p.spread * z;
      return p.lower + width / (1 + std::exp(-eta));
    }
  }
  throw InternalError("apply_marginal: unknown marginal");
}

double round_to(double x, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(x * f) / f;
  return r + 0.0;  // -0.0 + 0.0 == +0.0: no negative zero in outputs
}

}  // namespace

SimulationResult simulate_tree(const IndicatorTree& tree, const std::vector<IndicatorProfile>& profiles,
                               const std::vector<UnitProfile>& units, const SimulationOptions& options) {
  check_options(options);
  const auto& leaves = tree.leaves();
  if (profiles.size() != leaves.size())
    throw InvalidInput(fmt::format("simulate: {} indicator profiles for {} indicators", profiles.size(),
                                   leaves.size()));
  for (std::size_t j = 0; j < leaves.size(); ++j)
    if (profiles[j].id != tree.node(leaves[j]).id)
      throw InvalidInput(fmt::format("simulate: profile {} is '{}' but indicator {} is '{}'", j + 1,
                                     profiles[j].id, j + 1, tree.node(leaves[j]).id));
  if (units.size() < 3) throw InvalidInput("simulate: at least 3 units are needed");

  const auto n = static_cast<Eigen::Index>(units.size());
  const auto p = static_cast<Eigen::Index>(leaves.size());
  const auto& dims = tree.node(tree.root()).children;
  const auto D = static_cast<Eigen::Index>(dims.size());

  SimulationResult sim;
  sim.units = units;
  sim.data.values.resize(n, p);
  sim.true_general.resize(n);
  sim.true_dimensions.resize(n, D);
  for (int d : dims) sim.dimension_ids.push_back(tree.node(d).id);
  // First-level dimension of every indicator.
  sim.indicator_dimension.assign(leaves.size(), -1);
  for (Eigen::Index d = 0; d < D; ++d)
    for (int leaf_pos : tree.leaf_positions_under(dims[static_cast<std::size_t>(d)]))
      sim.indicator_dimension[static_cast<std::size_t>(leaf_pos)] = static_cast<int>(d);
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    const Node& leaf = tree.node(leaves[j]);
    sim.data.indicator_ids.push_back(leaf.id);
    sim.indicator_negative.push_back(leaf.direction == Direction::Negative ? 1 : 0);
    sim.decimals.push_back(profiles[j].decimals);
  }

  const double sr = std::sqrt(options.dimension_correlation);
  const double sr_c = std::sqrt(1 - options.dimension_correlation);
  const double ss = std::sqrt(options.subdimension_r);
  const double ss_c = std::sqrt(1 - options.subdimension_r);
  std::vector<double> latent(static_cast<std::size_t>(tree.size()));
  for (Eigen::Index i = 0; i < n; ++i) {
    auto g = make_stream(options.seed, StreamTag::Simulate, static_cast<std::uint64_t>(i));
    const double G = units[static_cast<std::size_t>(i)].shift + standard_normal(g);
    sim.true_general(i) = G;
    // Latent factor of every inner node, pre-order (parents first).
    for (int k : tree.preorder()) {
      const Node& node = tree.node(k);
      if (node.children.empty()) continue;
      if (k == tree.root()) {
        latent[static_cast<std::size_t>(k)] = G;
      } else if (node.parent == tree.root()) {
        latent[static_cast<std::size_t>(k)] = sr * G + sr_c * standard_normal(g);
      } else {
        latent[static_cast<std::size_t>(k)] =
            ss * latent[static_cast<std::size_t>(node.parent)] + ss_c * standard_normal(g);
      }
    }
    for (Eigen::Index d = 0; d < D; ++d) sim.true_dimensions(i, d) = latent[static_cast<std::size_t>(dims[static_cast<std::size_t>(d)])];
    for (Eigen::Index j = 0; j < p; ++j) {
      const auto& prof = profiles[static_cast<std::size_t>(j)];
      const Node& leaf = tree.node(leaves[static_cast<std::size_t>(j)]);
      const double lambda = prof.loading;
      const double e = standard_normal(g);
      double z = lambda * latent[static_cast<std::size_t>(leaf.parent)] + std::sqrt(1 - lambda * lambda) * e;
      if (leaf.direction == Direction::Negative) z = -z;
      const double u_out = uniform01(g);
      if (prof.marginal == Marginal::LogNormal && u_out < options.outlier_rate) z += options.outlier_shift;
      sim.data.values(i, j) = round_to(apply_marginal(prof, z), prof.decimals);
    }
    for (Eigen::Index j = 0; j < p; ++j)
      if (uniform01(g) < options.missing_rate) sim.data.values(i, j) = std::numeric_limits<double>::quiet_NaN();
    if (sim.data.values.row(i).array().isNaN().all()) {
      // A unit never loses every value (documented): the first indicator is set to its
      // profile's typical value.
      sim.data.values(i, 0) = round_to(apply_marginal(profiles[0], 0.0), profiles[0].decimals);
    }
  }
  for (const auto& u : units) {
    sim.data.unit_ids.push_back(u.id);
    sim.data.unit_names_zh.push_back(u.name_zh);
    sim.data.unit_names_en.push_back(u.name_en);
  }
  sim.true_index = sim.true_dimensions.rowwise().mean();
  const TreeWeights w = equal_tree_weights(tree);
  sim.true_weights.resize(p);
  for (Eigen::Index j = 0; j < p; ++j) sim.true_weights(j) = w.global(leaves[static_cast<std::size_t>(j)]);
  return sim;
}

void add_criteria(SimulationResult& sim, const std::vector<IndicatorProfile>& criteria,
                  const SimulationOptions& options) {
  const auto n = sim.true_general.size();
  sim.criteria.resize(n, static_cast<Eigen::Index>(criteria.size()));
  for (const auto& c : criteria) {
    if (!(c.loading >= -1 && c.loading <= 1))
      throw InvalidInput(fmt::format("simulate: criterion '{}' has loading {} outside [-1, 1]", c.id, c.loading));
    sim.criterion_ids.push_back(c.id);
    sim.criterion_decimals.push_back(c.decimals);
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    auto g = make_stream(options.seed, StreamTag::SimulateCriteria, static_cast<std::uint64_t>(i));
    const double G = sim.true_general(i) - sim.units[static_cast<std::size_t>(i)].shift;
    for (std::size_t c = 0; c < criteria.size(); ++c) {
      const double lambda = criteria[c].loading;
      const double z = lambda * G + std::sqrt(1 - lambda * lambda) * standard_normal(g);
      sim.criteria(i, static_cast<Eigen::Index>(c)) = round_to(apply_marginal(criteria[c], z), criteria[c].decimals);
    }
    for (Eigen::Index c = 0; c < sim.criteria.cols(); ++c)
      if (uniform01(g) < options.missing_rate) sim.criteria(i, c) = std::numeric_limits<double>::quiet_NaN();
  }
}

std::string simulation_csv(const SimulationResult& sim, const std::string& prefix) {
  std::string out = fmt::format("{0}_id,{0}_zh,{0}_en,province", prefix);
  for (const auto& id : sim.data.indicator_ids) {
    out += ',';
    out += csv_quote(id);
  }
  for (const auto& id : sim.criterion_ids) {
    out += ',';
    out += csv_quote(id);
  }
  out += "\n";
  for (Eigen::Index i = 0; i < sim.data.n_units(); ++i) {
    const auto& u = sim.units[static_cast<std::size_t>(i)];
    out += fmt::format("{},{},{},{}", csv_quote(u.id), csv_quote(u.name_zh), csv_quote(u.name_en),
                       csv_quote(u.province_zh));
    for (Eigen::Index j = 0; j < sim.data.n_indicators(); ++j) {
      const double v = sim.data.values(i, j);
      out += std::isnan(v) ? std::string(",NA")
                           : fmt::format(",{:.{}f}", v, sim.decimals[static_cast<std::size_t>(j)]);
    }
    for (Eigen::Index c = 0; c < sim.criteria.cols(); ++c) {
      const double v = sim.criteria(i, c);
      out += std::isnan(v) ? std::string(",NA")
                           : fmt::format(",{:.{}f}", v, sim.criterion_decimals[static_cast<std::size_t>(c)]);
    }
    out += "\n";
  }
  return out;
}

std::string truth_csv(const SimulationResult& sim) {
  std::string out = "unit_id,true_index,true_general";
  for (const auto& d : sim.dimension_ids) out += ",true_" + d;
  out += "\n";
  for (Eigen::Index i = 0; i < sim.data.n_units(); ++i) {
    out += fmt::format("{},{:.17g},{:.17g}", csv_quote(sim.data.unit_ids[static_cast<std::size_t>(i)]),
                       sim.true_index(i), sim.true_general(i));
    for (Eigen::Index d = 0; d < sim.true_dimensions.cols(); ++d)
      out += fmt::format(",{:.17g}", sim.true_dimensions(i, d));
    out += "\n";
  }
  return out;
}

std::string simulate_judgments_yaml(const IndicatorTree& tree, int experts, std::uint64_t seed) {
  if (experts < 1) throw InvalidInput("simulate: at least one expert is needed for judgments");
  // Saaty's fundamental scale and its reciprocals, as printed.
  static constexpr std::array<int, 9> kScale{1, 2, 3, 4, 5, 6, 7, 8, 9};
  auto saaty = [](double ratio) {
    // Nearest value of {1/9, ..., 1/2, 1, 2, ..., 9} on the log scale.
    const double l = std::log(ratio);
    int best = 1;
    bool recip = false;
    double best_d = std::abs(l);
    for (int v : kScale) {
      const double lv = std::log(static_cast<double>(v));
      if (std::abs(l - lv) < best_d) best_d = std::abs(l - lv), best = v, recip = false;
      if (std::abs(l + lv) < best_d) best_d = std::abs(l + lv), best = v, recip = true;
    }
    return std::make_pair(best, recip);
  };
  std::ostringstream y;
  y << "# SYNTHETIC AHP judgments generated by cikit (simulate_judgments_yaml, seed " << seed
    << ").\n# No real expert was consulted. Pairwise comparisons on Saaty's 1-9 scale:\n"
    << "# matrix[i][j] = importance of order[i] over order[j]; reciprocal by construction.\n";
  y << "scale: saaty\nexperts:\n";
  std::vector<std::vector<double>> consensus(static_cast<std::size_t>(tree.size()));
  for (int e = 0; e < experts; ++e) {
    y << fmt::format("  - id: E{}\n    label: {{zh: 专家{}, en: Expert {}}}\n    matrices:\n", e + 1, e + 1, e + 1);
    for (int k : tree.preorder()) {
      const Node& node = tree.node(k);
      if (node.children.size() < 2) continue;
      auto g = make_stream(seed, StreamTag::SimulateJudgments, static_cast<std::uint64_t>(k));
      const std::size_t m = node.children.size();
      std::vector<double> c(m), w(m);
      for (auto& v : c) v = standard_normal(g);
      // Expert e's noise: the next draws of the node's stream, expert by expert.
      for (int skip = 0; skip < e; ++skip)
        for (std::size_t j = 0; j < m; ++j) (void)standard_normal(g);
      for (std::size_t j = 0; j < m; ++j) w[j] = std::exp(0.4 * c[j] + 0.25 * standard_normal(g));
      y << fmt::format("      {}:\n        order: [", node.id);
      for (std::size_t j = 0; j < m; ++j) y << (j ? ", " : "") << tree.node(node.children[j]).id;
      y << "]\n        matrix:\n";
      for (std::size_t a = 0; a < m; ++a) {
        y << "          - [";
        for (std::size_t b = 0; b < m; ++b) {
          std::string cell;
          if (a == b) {
            cell = "1";
          } else {
            // Upper triangle decides; the lower one is its reciprocal.
            const auto [v, recip] = a < b ? saaty(w[a] / w[b]) : saaty(w[b] / w[a]);
            const bool show_recip = a < b ? recip : !recip;
            cell = v == 1 ? "1" : (show_recip ? fmt::format("1/{}", v) : fmt::format("{}", v));
          }
          y << (b ? ", " : "") << cell;
        }
        y << "]\n";
      }
    }
  }
  return y.str();
}

SimulationResult simulate(const SimulationOptions& o) {
  if (o.units < 3) throw InvalidInput(fmt::format("simulate: units is {} but must be >= 3", o.units));
  if (o.dimensions < 1) throw InvalidInput("simulate: dimensions must be >= 1");
  if (o.indicators < 2 * o.dimensions)
    throw InvalidInput(fmt::format("simulate: {} indicators for {} dimensions; need at least 2 per dimension",
                                   o.indicators, o.dimensions));
  if (!(o.loading > 0 && o.loading < 1)) throw InvalidInput("simulate: loading must be in (0, 1)");
  if (!(o.negative_share >= 0 && o.negative_share <= 1)) throw InvalidInput("simulate: negative share must be in [0, 1]");
  if (!(o.skewed_share >= 0 && o.skewed_share <= 1)) throw InvalidInput("simulate: skewed share must be in [0, 1]");

  std::vector<Node> nodes;
  Node root;
  root.id = "sim";
  root.label = {"模拟指数（合成数据）", "Simulated index (synthetic data)"};
  nodes.push_back(root);
  std::vector<IndicatorProfile> profiles;
  std::string tree_yaml;
  const int width = o.indicators >= 100 ? 3 : 2;
  int next = 0;
  for (int d = 0; d < o.dimensions; ++d) {
    Node dim;
    dim.id = fmt::format("d{}", d + 1);
    dim.label = {fmt::format("维度{}", d + 1), fmt::format("Dimension {}", d + 1)};
    dim.parent = 0;
    const int dim_index = static_cast<int>(nodes.size());
    nodes[0].children.push_back(dim_index);
    nodes.push_back(dim);
    tree_yaml += fmt::format("  - id: {}\n    label: {{zh: {}, en: {}}}\n    children:\n", dim.id, dim.label.zh,
                             dim.label.en);
    const int count = o.indicators / o.dimensions + (d < o.indicators % o.dimensions ? 1 : 0);
    for (int k = 0; k < count; ++k, ++next) {
      Node leaf;
      leaf.id = fmt::format("x{:0{}}", next + 1, width);
      leaf.column = leaf.id;
      leaf.label = {fmt::format("指标{}", next + 1), fmt::format("Indicator {}", next + 1)};
      leaf.parent = dim_index;
      // Deterministic spread of negative and skewed indicators over the list.
      const auto share_hit = [&](double share, int offset) {
        return std::floor((next + offset + 1) * share) > std::floor((next + offset) * share);
      };
      leaf.direction = share_hit(o.negative_share, 0) ? Direction::Negative : Direction::Positive;
      const bool skewed = share_hit(o.skewed_share, 1);
      IndicatorProfile prof;
      prof.id = leaf.id;
      prof.loading = o.loading;
      prof.decimals = 3;
      if (skewed) {
        prof.marginal = Marginal::LogNormal, prof.location = 100, prof.spread = 0.5;
      } else {
        prof.marginal = Marginal::Normal, prof.location = 50, prof.spread = 10;
      }
      profiles.push_back(prof);
      nodes[static_cast<std::size_t>(dim_index)].children.push_back(static_cast<int>(nodes.size()));
      tree_yaml += fmt::format("      - id: {}\n        label: {{zh: {}, en: {}}}\n        direction: \"{}\"\n",
                               leaf.id, leaf.label.zh, leaf.label.en,
                               leaf.direction == Direction::Negative ? "-" : "+");
      nodes.push_back(leaf);
    }
  }
  const IndicatorTree tree(nodes);
  std::vector<UnitProfile> units;
  for (int i = 0; i < o.units; ++i)
    units.push_back(UnitProfile{fmt::format("u{:04}", i + 1), fmt::format("单位{}", i + 1),
                                fmt::format("Unit {}", i + 1), "", 0.0});
  SimulationResult sim = simulate_tree(tree, profiles, units, o);
  sim.spec_yaml = fmt::format(
      "# Generated by `cikit simulate` (seed {}). SYNTHETIC data with a known truth (truth.csv).\n"
      "index:\n  id: sim\n  label: {{zh: {}, en: {}}}\n"
      "  description: \"Synthetic latent-factor system: {} units, {} dimensions, {} indicators, loading {}, "
      "dimension correlation {}, seed {}\"\n"
      "data:\n  file: data.csv\n  unit: unit_id\n  names: {{zh: unit_zh, en: unit_en}}\n  missing: [\"\", NA]\n"
      "methods:\n  normalize: minmax\n  weights: equal\n  aggregate: arithmetic\n"
      "tree:\n{}",
      o.seed, root.label.zh, root.label.en, o.units, o.dimensions, o.indicators, o.loading,
      o.dimension_correlation, o.seed, tree_yaml);
  return sim;
}

}  // namespace cikit
