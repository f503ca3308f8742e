// cikit spatial SPEC --coords X,Y (--knn K | --band D | --inverse-distance) [--lonlat] |
// --weights FILE: global Moran's I (normality, randomisation, permutations) and local Moran's I
// (LISA) with quadrants of the index (or --node) scores, per period. Thin front end over
// pipeline::run_spatial().
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/spatial.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct SpatialCliOptions {
  CommonOptions common;
  pipeline::SpatialRunOptions run;
};

void print_period(const pipeline::SpatialPeriod& p, Lang lang) {
  using report::msg;
  const auto& m = p.moran;
  if (!p.period.empty()) std::cout << msg("disparity.col.period", lang) << " " << p.period << "\n";
  TextTable g;
  g.header = {msg("spatial.col.moran_i", lang), msg("spatial.col.expectation", lang), msg("spatial.col.variance", lang),
              msg("spatial.col.z", lang), msg("spatial.col.p", lang)};
  if (m.permutations > 0) g.header.push_back(msg("spatial.col.p_perm", lang));
  g.right_align.assign(g.header.size(), true);
  g.rows.push_back({num(m.moran_i, 4), num(m.expectation, 4), num(m.variance_randomisation, 6), num(m.z_randomisation, 3),
                    num(m.p_randomisation, 4)});
  if (m.permutations > 0) g.rows.back().push_back(num(m.p_permutation, 4));
  std::cout << msg("spatial.e5.title", lang) << "\n"
            << g.render()
            << report::msgf("spatial.note", lang, p.weights.scheme, p.weights.style, p.units.size()) << "\n\n";
  TextTable l;
  l.header = {msg("spatial.col.unit", lang), msg("spatial.col.local_i", lang), msg("spatial.col.z", lang),
              msg("spatial.col.p", lang), msg("spatial.col.quadrant", lang)};
  l.right_align = {false, true, true, true, false};
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    l.rows.push_back({p.units[i], num(p.local.ii(k), 4), num(p.local.z(k), 3), num(p.local.p(k), 4),
                      spatial::quadrant_name(p.local.quadrant[i])});
  }
  std::cout << msg("spatial.e6.title", lang) << "\n" << l.render() << msg("spatial.lisa.note", lang) << "\n";
}

void run_spatial_cli(const SpatialCliOptions& s) {
  const CommonOptions& o = s.common;
  pipeline::SpatialRunOptions ro = s.run;
  ro.spec = o.spec;
  ro.out = o.out;
  const pipeline::SpatialRun run = pipeline::run_spatial(ro);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.local_csv.csv();
  else
    for (const auto& p : run.periods) print_period(p, o.language());
  print_warnings("spatial", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_spatial(CLI::App& app) {
  auto opt = std::make_shared<SpatialCliOptions>();
  auto& r = opt->run;
  auto* sub = app.add_subcommand(
      "spatial",
      "Spatial autocorrelation of the index scores per period (as R's spdep): weights from coordinates (k nearest "
      "neighbours, distance band or inverse distance; planar or great-circle with --lonlat) or a weights file, "
      "row-standardised by default; global Moran's I with E[I], variance, z and p (normality and randomisation), "
      "a seeded permutation test, and local Moran's I (LISA) with HH/LL/HL/LH quadrants.");
  add_common_options(*sub, opt->common);
  sub->add_option("--coords", r.coords, "Coordinate columns XCOL,YCOL of the data (planar unless --lonlat)");
  sub->add_option("--knn", r.knn, "k nearest neighbours")->check(CLI::Range(1, 1000000));
  sub->add_option("--band", r.band, "Distance band: neighbours within this distance (km with --lonlat)")
      ->check(CLI::PositiveNumber);
  sub->add_flag("--inverse-distance", r.inverse_distance, "Weights 1/d^power (all pairs, or within --band)");
  sub->add_option("--power", r.power, "Power of the inverse distance")->check(CLI::PositiveNumber)->capture_default_str();
  sub->add_flag("--lonlat", r.lonlat, "Coordinates are longitude,latitude in degrees: great-circle km (spdep longlat)");
  sub->add_option("--weights", r.weights, "Weights file: CSV adjacency list (unit,neighbour[,weight]) or matrix")
      ->check(CLI::ExistingFile);
  sub->add_option("--style", r.style, "W: row-standardised; B: weights as built (1 or 1/d^p)")
      ->check(CLI::IsMember({"W", "B"}))
      ->capture_default_str();
  sub->add_option("--permutations", r.permutations, "Permutation test with N permutations (0 = none)")
      ->check(CLI::Range(0, 10000000))
      ->capture_default_str();
  sub->add_option("--seed", r.seed, "Master seed of the permutations")->capture_default_str();
  sub->add_option("--threads", r.threads, "Threads (results never depend on it; 0 = default)")->check(CLI::Range(0, 1024));
  sub->add_option("--node", r.node, "Analyse this node's scores instead of the index");
  sub->add_option("--normalize", r.methods.normalize, "Override methods.normalize");
  sub->add_option("--aggregate", r.methods.aggregate, "Override methods.aggregate");
  sub->callback([opt] { run_spatial_cli(*opt); });
}

}  // namespace cikit::cli
