#include "methods/pipeline/example.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "cikit/embedded_example.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/simulate/simulate.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit::pipeline {

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

ExampleRun run_example(const ExampleOptions& o) {
  namespace fs = std::filesystem;
  auto files = governance_example_files(kDefaultSeed, o.gbk, false);
  if (o.panel)
    for (auto& f : governance_panel_files(kDefaultSeed)) files.push_back(std::move(f));
  if (!o.force)
    for (const auto& [name, content] : files)
      if (path_exists(fs::path(o.dir) / name))
        throw InvalidInput(fmt::format("'{}' exists; use --force to overwrite", (fs::path(o.dir) / name).string()));
  ExampleRun run;
  run.files = OutputSet(o.dir);
  for (const auto& [name, content] : files) run.files.add(name, content);
  return run;
}

}  // namespace cikit::pipeline
