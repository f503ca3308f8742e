#include "methods/pipeline/spatial.hpp"

#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/pipeline/cross_sections.hpp"
#include "methods/pipeline/index.hpp"

namespace cikit::pipeline {

namespace {

void check_scheme(const SpatialRunOptions& o) {
  const int schemes = (o.knn > 0) + (o.inverse_distance ? 1 : (o.band > 0.0)) + !o.weights.empty();
  if (schemes != 1)
    throw InvalidInput("spatial: give exactly one weight scheme: --coords X,Y with --knn K, --band D or "
                       "--inverse-distance, or --weights FILE");
  if (o.weights.empty() && o.coords.empty())
    throw InvalidInput("spatial: --knn, --band and --inverse-distance need --coords XCOL,YCOL");
  if (!o.weights.empty() && (!o.coords.empty() || o.lonlat))
    throw InvalidInput("spatial: --weights FILE replaces --coords and --lonlat; give one or the other");
  if (o.style != "W" && o.style != "B")
    throw InvalidInput(fmt::format("spatial: --style '{}' is not W (row-standardised) or B (as built)", o.style));
}

spatial::SpatialWeights make_weights(const SpatialRunOptions& o, const CrossSection& cs,
                                     const std::vector<std::size_t>& kept, const std::vector<std::string>& ids) {
  const auto style = o.style == "B" ? spatial::WeightStyle::B : spatial::WeightStyle::W;
  if (!o.weights.empty()) return spatial::read_weights_file(o.weights, ids, style);
  const auto comma = o.coords.find(',');
  if (comma == std::string::npos || o.coords.find(',', comma + 1) != std::string::npos || comma == 0 ||
      comma + 1 == o.coords.size())
    throw InvalidInput(fmt::format("spatial: --coords '{}' must be two column names, XCOL,YCOL", o.coords));
  const Eigen::VectorXd x = cs.number_column(o.coords.substr(0, comma), "--coords");
  const Eigen::VectorXd y = cs.number_column(o.coords.substr(comma + 1), "--coords");
  Eigen::MatrixXd c(static_cast<Eigen::Index>(kept.size()), 2);
  for (std::size_t k = 0; k < kept.size(); ++k)
    c.row(static_cast<Eigen::Index>(k)) << x(static_cast<Eigen::Index>(kept[k])), y(static_cast<Eigen::Index>(kept[k]));
  if (o.knn > 0) return spatial::knn_weights(c, o.knn, o.lonlat, ids, style);
  if (o.inverse_distance) return spatial::inverse_distance_weights(c, o.power, o.band, o.lonlat, ids, style);
  return spatial::band_weights(c, o.band, o.lonlat, ids, style);
}

nlohmann::json period_json(const SpatialPeriod& p, const SpatialRunOptions& o) {
  const auto& m = p.moran;
  std::size_t links = 0;
  for (const auto& nb : p.weights.neighbours) links += nb.size();
  const char* alt = "greater";
  nlohmann::json moran = {{"moran_i", json_num(m.moran_i)},
                          {"expectation", json_num(m.expectation)},
                          {"variance", json_num(m.variance_randomisation)},
                          {"z", json_num(m.z_randomisation)},
                          {"p_value", json_num(m.p_randomisation)},
                          {"assumption", "randomisation"},
                          {"alternative", alt},
                          {"normality", {{"variance", json_num(m.variance_normality)},
                                         {"z", json_num(m.z_normality)},
                                         {"p_value", json_num(m.p_normality)}}}};
  if (m.permutations > 0)
    moran["permutation"] = {{"permutations", m.permutations}, {"seed", o.seed},     {"rank", json_num(m.rank)},
                            {"p_value", json_num(m.p_permutation)}, {"mean", json_num(m.permutation_mean)},
                            {"sd", json_num(m.permutation_sd)}};
  nlohmann::json units = nlohmann::json::array();
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    units.push_back({{"unit", p.units[i]},
                     {"local_i", json_num(p.local.ii(k))},
                     {"expectation", json_num(p.local.expectation(k))},
                     {"variance", json_num(p.local.variance(k))},
                     {"z", json_num(p.local.z(k))},
                     {"p_value", json_num(p.local.p(k))},
                     {"quadrant", spatial::quadrant_name(p.local.quadrant[i])},
                     {"lag", json_num(p.local.lag(k))}});
  }
  return {{"period", p.period},
          {"node", p.node},
          {"n", p.units.size()},
          {"weights", {{"scheme", p.weights.scheme}, {"style", p.weights.style}, {"links", links},
                       {"mean_neighbours", json_num(static_cast<double>(links) / static_cast<double>(p.units.size()))}}},
          {"moran", moran},
          {"local", {{"conditional", true}, {"alternative", "two.sided"}, {"quadrants", "mean"}}},
          {"units", units}};
}

void add_outputs(SpatialRun& run, const SpatialRunOptions& o) {
  TextTable global;
  global.header = {"period", "node", "n", "scheme", "style", "moran_i", "expectation", "variance", "z", "p_value",
                   "variance_normality", "z_normality", "p_normality", "permutations", "p_permutation"};
  run.local_csv.header = {"period", "unit", "local_i", "expectation", "variance", "z", "p_value", "quadrant", "lag"};
  for (const auto& p : run.periods) {
    const auto& m = p.moran;
    global.rows.push_back({p.period, p.node, std::to_string(p.units.size()), p.weights.scheme, p.weights.style,
                           num_full(m.moran_i), num_full(m.expectation), num_full(m.variance_randomisation),
                           num_full(m.z_randomisation), num_full(m.p_randomisation), num_full(m.variance_normality),
                           num_full(m.z_normality), num_full(m.p_normality), std::to_string(m.permutations),
                           m.permutations > 0 ? num_full(m.p_permutation) : ""});
    for (std::size_t i = 0; i < p.units.size(); ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      run.local_csv.rows.push_back({p.period, p.units[i], num_full(p.local.ii(k)), num_full(p.local.expectation(k)),
                                    num_full(p.local.variance(k)), num_full(p.local.z(k)), num_full(p.local.p(k)),
                                    spatial::quadrant_name(p.local.quadrant[i]), num_full(p.local.lag(k))});
    }
  }
  run.outputs = OutputSet(o.out);
  run.outputs.add("spatial.json", run.doc.dump(2) + "\n");
  run.outputs.add("spatial_global.csv", global.csv());
  run.outputs.add("spatial_local.csv", run.local_csv.csv());
}

}  // namespace

SpatialRun run_spatial(const SpatialRunOptions& o) {
  check_scheme(o);
  IndexOptions io;
  io.spec = o.spec;
  io.methods = o.methods;
  const IndexRun index = run_index(io);
  SpatialRun run;
  run.spec = index.spec;
  run.warnings = index.warnings;
  run.doc = json_header("spatial", run.spec);
  run.doc["options"] = {{"coords", o.coords}, {"knn", o.knn},         {"band", o.band},
                        {"inverse_distance", o.inverse_distance},   {"power", o.power},
                        {"lonlat", o.lonlat}, {"weights", o.weights}, {"style", o.style},
                        {"permutations", o.permutations},           {"seed", o.seed}};
  nlohmann::json periods = nlohmann::json::array();
  for (const CrossSection& cs : analysis_cross_sections(index)) {
    SpatialPeriod p;
    p.period = cs.period;
    p.node = o.node.empty() ? cs.node_ids.front() : o.node;
    const Complete c = complete_values(cs.node(o.node));
    for (std::size_t k : c.kept) p.units.push_back(cs.units[k]);
    if (c.kept.size() < cs.units.size())
      run.warnings.push_back(fmt::format("spatial{}: {} of {} units have no score for node '{}' and are left out of "
                                         "the weights and the statistics",
                                         p.period.empty() ? "" : " (period " + p.period + ")",
                                         cs.units.size() - c.kept.size(), cs.units.size(), p.node));
    p.weights = make_weights(o, cs, c.kept, p.units);
    p.moran = spatial::moran(c.values, p.weights,
                             {.permutations = o.permutations, .seed = o.seed, .threads = o.threads});
    p.local = spatial::local_moran(c.values, p.weights);
    periods.push_back(period_json(p, o));
    run.periods.push_back(std::move(p));
  }
  run.doc["periods"] = periods;
  run.doc["warnings"] = run.warnings;
  add_outputs(run, o);
  return run;
}

}  // namespace cikit::pipeline
