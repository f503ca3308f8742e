// cikit example DIR: writes the bundled governance example to start from.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cikit/embedded_example.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/example_files.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/simulate/simulate.hpp"

namespace cikit::cli {

std::vector<std::pair<std::string, std::string>> governance_example_files(std::uint64_t seed, bool gbk,
                                                                          bool with_truth) {
  std::vector<std::pair<std::string, std::string>> files;
  std::string spec_text;
  for (const auto& f : embedded::kExampleFiles) {
    files.emplace_back(std::string(f.name), std::string(f.text));
    if (f.name == "governance.yaml") spec_text = f.text;
  }
  const Spec spec = parse_spec(spec_text, "governance.yaml (built in)", ".");
  SimulationOptions opt;
  opt.seed = seed;
  SimulationResult sim = simulate_tree(spec.tree, governance_profiles(), governance_cities(), opt);
  add_criteria(sim, governance_criteria(), opt);
  const std::string csv = simulation_csv(sim, "city");
  files.emplace_back("cities.csv", gbk ? utf8_to_gbk(csv) : csv);
  files.emplace_back("ahp_judgments.yaml", simulate_judgments_yaml(spec.tree, 3, seed));
  for (auto& f : simulate_delphi_files(spec.tree, seed)) files.push_back(std::move(f));
  if (with_truth) files.emplace_back("truth.csv", truth_csv(sim));
  return files;
}

namespace {
struct ExampleOptions {
  std::string dir;
  std::string encoding = "utf-8";
  bool force = false;
};

void run_example(const ExampleOptions& o) {
  namespace fs = std::filesystem;
  const auto files = governance_example_files(kDefaultSeed, o.encoding == "gbk", false);
  if (!o.force)
    for (const auto& [name, content] : files)
      if (fs::exists(fs::path(o.dir) / name))
        throw InvalidInput(fmt::format("'{}' exists; use --force to overwrite", (fs::path(o.dir) / name).string()));
  OutputSet out(o.dir);
  for (const auto& [name, content] : files) out.add(name, content);
  out.write();
  std::cout << fmt::format(
      "Wrote the China City Good Governance Index example (SYNTHETIC data) to {}:\n", o.dir);
  for (const auto& [name, content] : files) std::cout << "  " << (fs::path(o.dir) / name).string() << "\n";
  std::cout << fmt::format(
      "Next: cikit check {0}/governance.yaml && cikit index {0}/governance.yaml && cikit delphi {0}/governance.yaml\n",
      o.dir);
}
}  // namespace

void setup_example(CLI::App& app) {
  auto opt = std::make_shared<ExampleOptions>();
  auto* sub = app.add_subcommand(
      "example",
      "Write the bundled China City Good Governance Index example (indicator system, SYNTHETIC data for "
      "over 100 cities, synthetic AHP judgments of 3 experts, a synthetic two-round Delphi consultation of 15 experts) "
      "to a folder to start from");
  sub->add_option("dir", opt->dir, "Folder to write (created if needed)")->required();
  sub->add_option("--encoding", opt->encoding, "Encoding of cities.csv: utf-8 or gbk (as Chinese Excel saves)")
      ->check(CLI::IsMember({"utf-8", "gbk"}))
      ->capture_default_str();
  sub->add_flag("--force", opt->force, "Overwrite existing files");
  sub->callback([opt] { run_example(*opt); });
}

}  // namespace cikit::cli
