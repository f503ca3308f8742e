// cikit simulate: synthetic indicator systems with a known truth (docs/simulate.md).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/example_files.hpp"
#include "methods/core/error.hpp"
#include "methods/simulate/simulate.hpp"

namespace cikit::cli {

namespace {

struct SimulateCliOptions {
  std::string preset = "generic";
  std::string out;
  SimulationOptions sim;
  int experts = 3;
};

void run_simulate(const SimulateCliOptions& o) {
  OutputSet out(o.out);
  std::vector<std::string> written;
  if (o.preset == "governance") {
    for (auto& [name, content] : governance_example_files(o.sim.seed, false, true)) {
      out.add(name, content);
      written.push_back(name);
    }
  } else {
    const SimulationResult sim = simulate(o.sim);
    out.add("spec.yaml", sim.spec_yaml);
    out.add("data.csv", simulation_csv(sim, "unit"));
    out.add("truth.csv", truth_csv(sim));
    written = {"spec.yaml", "data.csv", "truth.csv"};
  }
  out.write();
  std::cout << fmt::format("Wrote SYNTHETIC data ({} preset, seed {}) to {}: ", o.preset, o.sim.seed, o.out);
  for (std::size_t k = 0; k < written.size(); ++k) std::cout << (k ? ", " : "") << written[k];
  std::cout << "\n";
}

}  // namespace

void setup_simulate(CLI::App& app) {
  auto opt = std::make_shared<SimulateCliOptions>();
  auto* sub = app.add_subcommand(
      "simulate",
      "Generate SYNTHETIC indicator data from a latent-factor model with a known truth (truth.csv): "
      "a generic system of any size, or the governance example's cities");
  sub->add_option("--preset", opt->preset,
                  "generic (spec.yaml, data.csv, truth.csv) or governance (the bundled example's files)")
      ->check(CLI::IsMember({"generic", "governance"}))
      ->capture_default_str();
  sub->add_option("--out,-o", opt->out, "Folder to write (created if needed)")->required();
  auto& s = opt->sim;
  sub->add_option("--units,-n", s.units, "Units (generic)")->check(CLI::Range(3, 10000000))->capture_default_str();
  sub->add_option("--dimensions", s.dimensions, "First-level dimensions (generic)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--indicators,-p", s.indicators, "Indicators in total (generic; >= 2 per dimension)")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  sub->add_option("--loading", s.loading, "Loading of each indicator on its dimension (generic)")
      ->check(CLI::Range(0.01, 0.99))
      ->capture_default_str();
  sub->add_option("--negative-share", s.negative_share, "Share of negative-direction indicators (generic)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--skewed-share", s.skewed_share, "Share of log-normal (skewed) indicators (generic)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--correlation", s.dimension_correlation, "Correlation of the dimension factors")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--outlier-rate", s.outlier_rate, "Probability a skewed indicator's value is an outlier")
      ->check(CLI::Range(0.0, 0.5))
      ->capture_default_str();
  sub->add_option("--missing-rate", s.missing_rate, "Probability a value is missing (MCAR)")
      ->check(CLI::Range(0.0, 0.49))
      ->capture_default_str();
  sub->add_option("--seed", s.seed, "Master seed (default: the documented constant 20221219)")->capture_default_str();
  sub->callback([opt] { run_simulate(*opt); });
}

}  // namespace cikit::cli
