// `cikit coupling` pipeline; see coupling.hpp.
#include "methods/pipeline/coupling.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "methods/audit/audit.hpp"
#include "methods/core/error.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/panel.hpp"

namespace cikit::pipeline {

namespace {

std::string node_list(const IndicatorTree& tree, const std::vector<int>& nodes) {
  std::string s;
  for (int n : nodes) s += (s.empty() ? "" : ", ") + tree.node(n).id;
  return s;
}

// "a=0.4,b=0.6" -> weights in the order of `nodes`, renormalised to sum 1.
Eigen::VectorXd parse_given_weights(const std::string& text, const IndicatorTree& tree, const std::vector<int>& nodes) {
  Eigen::VectorXd w = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(nodes.size()), std::nan(""));
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos)
      throw InvalidInput(fmt::format("coupling --weights: '{}' is not ID=WEIGHT (use equal, index or ID=W,ID=W,...)", item));
    const std::string id = item.substr(0, eq), value = item.substr(eq + 1);
    Eigen::Index k = -1;
    for (std::size_t i = 0; i < nodes.size(); ++i)
      if (tree.node(nodes[i]).id == id) k = static_cast<Eigen::Index>(i);
    if (k < 0)
      throw InvalidInput(fmt::format("coupling --weights: '{}' is not a subsystem (the level's nodes: {})", id,
                                     node_list(tree, nodes)));
    if (!std::isnan(w(k))) throw InvalidInput(fmt::format("coupling --weights: '{}' is given twice", id));
    double v = 0.0;
    try {
      std::size_t used = 0;
      v = std::stod(value, &used);
      if (used != value.size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      throw InvalidInput(fmt::format("coupling --weights: weight '{}' of '{}' is not a number", value, id));
    }
    if (!(v >= 0.0) || !std::isfinite(v))
      throw InvalidInput(fmt::format("coupling --weights: weight of '{}' is {}, but must be finite and >= 0", id, v));
    w(k) = v;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (std::isnan(w(static_cast<Eigen::Index>(i))))
      throw InvalidInput(fmt::format("coupling --weights: no weight for '{}' (every subsystem needs one: {})",
                                     tree.node(nodes[i]).id, node_list(tree, nodes)));
  if (!(w.sum() > 0.0)) throw InvalidInput("coupling --weights: the weights sum to 0");
  return w / w.sum();
}

}  // namespace

void analyse_coupling(CouplingRun& run, const IndexResult& index, bool range_scale, const CouplingRunOptions& o) {
  const IndicatorTree& tree = run.spec.tree;
  const int depth = audit::level_depth(tree, o.level);
  for (int n : tree.preorder())
    if (tree.node(n).depth == depth) run.nodes.push_back(n);
  if (run.nodes.size() < 2)
    throw InvalidInput(fmt::format("coupling: level '{}' has {} node(s); coupling needs at least 2 subsystems",
                                   o.level, run.nodes.size()));
  if (!range_scale)
    throw InvalidInput(
        "coupling: the subsystem scores are not on a bounded range, so they cannot be put on [0, 1]; build the index "
        "with a bounded normalisation (methods.normalize: minmax, goalposts or percentile) and a weighted-mean "
        "aggregation (not TOPSIS, Mazziotta-Pareto or Copeland)");
  const IndexConfig& cfg = run.spec.config;
  const double lo = cfg.range_lo, span = cfg.range_hi - cfg.range_lo;
  const Eigen::Index n = index.scores.rows(), m = static_cast<Eigen::Index>(run.nodes.size());
  run.u.resize(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const int node = run.nodes[static_cast<std::size_t>(j)];
    for (Eigen::Index i = 0; i < n; ++i) {
      double v = (index.scores(i, node) - lo) / span;
      if (std::abs(v) < 1e-12) v = 0.0;  // rounding of the affine map at the range ends
      if (std::abs(v - 1.0) < 1e-12) v = 1.0;
      if (!std::isnan(v) && (v < 0.0 || v > 1.0))
        throw InvalidInput(fmt::format(
            "coupling: unit '{}' scores {} on subsystem '{}', outside the index range [{}, {}]",
            run.data.unit_ids[static_cast<std::size_t>(i)], index.scores(i, node), tree.node(node).id,
            cfg.range_lo, cfg.range_hi));
      run.u(i, j) = v;
    }
  }
  if (o.weights == "equal") {
    run.weights_kind = "equal";
    run.w = Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
  } else if (o.weights == "index") {
    run.weights_kind = "index";
    run.w.resize(m);
    for (Eigen::Index j = 0; j < m; ++j) run.w(j) = index.weights.global(run.nodes[static_cast<std::size_t>(j)]);
    if (!(run.w.sum() > 0.0)) throw InvalidInput("coupling --weights index: the subsystems' weights sum to 0");
    run.w /= run.w.sum();
  } else {
    run.weights_kind = "given";
    run.w = parse_given_weights(o.weights, tree, run.nodes);
  }
  run.result = coupling::coupling_coordination(run.u, run.w, o.formula);
  if (!run.result.undefined.empty()) {
    std::string units;
    for (Eigen::Index i : run.result.undefined)
      units += (units.empty() ? "" : ", ") + run.data.unit_ids[static_cast<std::size_t>(i)];
    run.warnings.push_back(fmt::format(
        "coupling: C and D are undefined (reported empty/null) for {} unit(s) with a missing subsystem score or every "
        "subsystem at 0: {}",
        run.result.undefined.size(), units));
  }

  // Outputs.
  const auto& bands = coupling::coordination_bands();
  run.units_csv.header = {"unit"};
  for (int node : run.nodes) run.units_csv.header.push_back("u_" + tree.node(node).id);
  run.units_csv.header.insert(run.units_csv.header.end(), {"c", "t", "d", "level", "level_zh", "level_en"});
  nlohmann::json units = nlohmann::json::array();
  std::vector<int> counts(bands.size(), 0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string& unit = run.data.unit_ids[static_cast<std::size_t>(i)];
    const int b = run.result.band[static_cast<std::size_t>(i)];
    if (b >= 0) ++counts[static_cast<std::size_t>(b)];
    std::vector<std::string> row = {unit};
    nlohmann::json uj = nlohmann::json::object();
    for (Eigen::Index j = 0; j < m; ++j) {
      row.push_back(num_full(run.u(i, j)));
      uj[tree.node(run.nodes[static_cast<std::size_t>(j)]).id] = json_num(run.u(i, j));
    }
    const coupling::Band* band = b >= 0 ? &bands[static_cast<std::size_t>(b)] : nullptr;
    row.insert(row.end(), {num_full(run.result.c(i)), num_full(run.result.t(i)), num_full(run.result.d(i)),
                           band ? band->key : "", band ? band->zh : "", band ? band->en : ""});
    run.units_csv.rows.push_back(std::move(row));
    units.push_back({{"unit", unit},
                     {"u", uj},
                     {"c", json_num(run.result.c(i))},
                     {"t", json_num(run.result.t(i))},
                     {"d", json_num(run.result.d(i))},
                     {"level", band ? nlohmann::json(band->key) : nlohmann::json(nullptr)},
                     {"level_label", band ? nlohmann::json{{"zh", band->zh}, {"en", band->en}} : nlohmann::json(nullptr)}});
  }
  run.bands_csv.header = {"level", "level_zh", "level_en", "d_from", "d_to", "units", "share"};
  nlohmann::json jb = nlohmann::json::array();
  const auto defined = static_cast<double>(n - static_cast<Eigen::Index>(run.result.undefined.size()));
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const double share = defined > 0 ? counts[b] / defined : std::nan("");
    run.bands_csv.rows.push_back({bands[b].key, bands[b].zh, bands[b].en, num_full(bands[b].lo), num_full(bands[b].hi),
                                  std::to_string(counts[b]), num_full(share)});
    jb.push_back({{"level", bands[b].key},
                  {"label", {{"zh", bands[b].zh}, {"en", bands[b].en}}},
                  {"from", bands[b].lo},
                  {"to", bands[b].hi},
                  {"units", counts[b]},
                  {"share", json_num(share)}});
  }
  nlohmann::json subsystems = nlohmann::json::array();
  for (Eigen::Index j = 0; j < m; ++j) {
    const Node& nd = tree.node(run.nodes[static_cast<std::size_t>(j)]);
    subsystems.push_back({{"id", nd.id}, {"label", json_labels(nd.label)}, {"weight", json_num(run.w(j))}});
  }
  run.doc = json_header("coupling", run.spec);
  run.doc["options"] = {{"level", o.level},
                        {"formula", coupling::formula_name(o.formula)},
                        {"weights", run.weights_kind},
                        {"score_range", {cfg.range_lo, cfg.range_hi}},
                        {"bands", "ten equal bands of D, [lo, hi), the last [0.9, 1]"}};
  run.doc["subsystems"] = subsystems;
  run.doc["periods"] = nlohmann::json::array({{{"period", ""}, {"units", units}, {"levels", jb}}});
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("coupling.json", run.doc.dump(2) + "\n");
  run.outputs.add("coupling.csv", run.units_csv.csv());
  run.outputs.add("coupling_bands.csv", run.bands_csv.csv());
}

CouplingRun run_coupling(const CouplingRunOptions& o) {
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  IndexRun index = run_index(io);
  CouplingRun run;
  run.spec = std::move(index.spec);
  run.warnings = index.warnings;
  if (!index.panel) {
    run.data = std::move(index.data);
    analyse_coupling(run, index.result, index.range_scale, o);
    return run;
  }
  // Panel data: every period on its own cross-section (the scores are comparable over time under
  // the panel's pooled or reference normalisation); the run's fields hold the latest period.
  const PanelBuild& b = *index.panel;
  nlohmann::json periods = nlohmann::json::array();
  std::vector<CouplingRun> per = analyse_each_period<CouplingRun>(
      run.spec, b,
      [&](CouplingRun& r, const IndexResult& res) { analyse_coupling(r, res, on_range_scale(res, run.spec.tree), o); },
      run.warnings, periods);
  std::vector<const TextTable*> units, bands;
  for (const auto& r : per) units.push_back(&r.units_csv), bands.push_back(&r.bands_csv);
  const TextTable units_all = stack_periods(b.data.periods, units), bands_all = stack_periods(b.data.periods, bands);
  CouplingRun& last = per.back();
  run.data = std::move(last.data);
  run.nodes = last.nodes;
  run.u = last.u;
  run.w = last.w;
  run.weights_kind = last.weights_kind;
  run.result = last.result;
  run.units_csv = units_all;
  run.bands_csv = bands_all;
  run.doc = last.doc;
  run.doc["periods"] = periods;
  run.doc["warnings"] = run.warnings;
  run.outputs = OutputSet(o.out);
  run.outputs.add("coupling.json", run.doc.dump(2) + "\n");
  run.outputs.add("coupling.csv", run.units_csv.csv());
  run.outputs.add("coupling_bands.csv", run.bands_csv.csv());
  return run;
}

}  // namespace cikit::pipeline
