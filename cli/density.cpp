// cikit density SPEC: Gaussian kernel density of the index (or --node) scores per period, with R's
// bw.nrd0 (default) or bw.SJ bandwidth, and the overlay and ridgeline figures. Thin front end
// over pipeline::run_density().
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/density.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct DensityCliOptions {
  CommonOptions common;
  pipeline::DensityRunOptions run;
};

void print_tables(const pipeline::DensityRun& run, Lang lang) {
  using report::msg;
  TextTable t;
  t.header = {msg("disparity.col.period", lang), msg("disparity.col.node", lang), msg("disparity.col.n", lang),
              msg("density.col.bandwidth", lang), msg("density.col.peak", lang), msg("density.col.peak_density", lang)};
  t.right_align = {false, false, true, true, true, true};
  for (const auto& p : run.periods) {
    Eigen::Index at = 0;
    p.result.y.maxCoeff(&at);
    t.rows.push_back({p.period.empty() ? "—" : p.period, p.node, std::to_string(p.result.n_obs),
                      num(p.result.bandwidth, 4), num(p.result.x(at), 3), num(p.result.y(at), 5)});
  }
  const auto& r = run.periods.front().result;
  std::cout << msg("density.e4.title", lang) << "\n"
            << t.render() << report::msgf("density.note", lang, r.rule, r.rule, r.x.size()) << "\n";
}

void run_density_cli(const DensityCliOptions& d) {
  const CommonOptions& o = d.common;
  pipeline::DensityRunOptions ro = d.run;
  ro.spec = o.spec;
  ro.out = o.out;
  ro.lang = o.language();
  const pipeline::DensityRun run = pipeline::run_density(ro);
  if (o.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.format == "csv") std::cout << run.outputs.files()[1].second;
  else print_tables(run, o.language());
  print_warnings("density", run.warnings);
  run.outputs.write();
}

}  // namespace

void setup_density(CLI::App& app) {
  auto opt = std::make_shared<DensityCliOptions>();
  auto* sub = app.add_subcommand(
      "density",
      "Gaussian kernel density of the index (or a node's) scores per period, bandwidth as R's bw.nrd0 (default) or "
      "bw.SJ, on R's grid (512 points, cut = 3); figures density_overlay.svg and density_ridgeline.svg with --out.");
  add_common_options(*sub, opt->common);
  sub->add_option("--node", opt->run.node, "Analyse this node's scores instead of the index");
  sub->add_option("--bw", opt->run.bw, "Bandwidth rule: nrd0 (Silverman) or SJ (Sheather-Jones)")
      ->check(CLI::IsMember({"nrd0", "SJ"}))
      ->capture_default_str();
  sub->add_option("--grid", opt->run.n, "Grid points")->check(CLI::Range(2, 100000))->capture_default_str();
  sub->add_option("--normalize", opt->run.methods.normalize, "Override methods.normalize");
  sub->add_option("--aggregate", opt->run.methods.aggregate, "Override methods.aggregate");
  sub->callback([opt] { run_density_cli(*opt); });
}

}  // namespace cikit::cli
