// cikit example DIR: writes the bundled governance example to start from. The pipeline is
// methods/pipeline/example (pipeline::run_example); this file parses, writes and reports.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/example.hpp"

namespace cikit::cli {

namespace {
struct ExampleCli {
  std::string dir;
  std::string encoding = "utf-8";
  bool force = false;
  bool panel = false;
};

void run_example_cli(const ExampleCli& o) {
  namespace fs = std::filesystem;
  const pipeline::ExampleRun run = pipeline::run_example({o.dir, o.encoding == "gbk", o.force, o.panel});
  run.files.write();
  std::cout << fmt::format(
      "Wrote the China City Good Governance Index example (SYNTHETIC data) to {}:\n", o.dir);
  for (const auto& [name, content] : run.files.files()) std::cout << "  " << (fs::path(o.dir) / name).string() << "\n";
  std::cout << fmt::format(
      "Next: cikit check {0}/governance.yaml && cikit index {0}/governance.yaml && cikit delphi {0}/governance.yaml\n",
      o.dir);
  if (o.panel)
    std::cout << fmt::format("Panel (SYNTHETIC, 2019-2023): cikit index {0}/governance_panel.yaml && cikit panel "
                             "{0}/governance_panel.yaml\n",
                             o.dir);
}
}  // namespace

void setup_example(CLI::App& app) {
  auto opt = std::make_shared<ExampleCli>();
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
  sub->add_flag("--panel", opt->panel,
                "Also write the panel example: governance_panel.yaml and cities_panel.csv (the same cities over "
                "2019-2023, with region and approximate coordinates; SYNTHETIC)");
  sub->callback([opt] { run_example_cli(*opt); });
}

}  // namespace cikit::cli
