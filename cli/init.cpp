// cikit init DATA --out SPEC.yaml: a commented starter spec from a CSV or .xlsx header. The
// pipeline is methods/pipeline/init (pipeline::run_init); this file parses, writes and reports.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/init.hpp"

namespace cikit::cli {

namespace {
void run_init_cli(const pipeline::InitOptions& o) {
  const pipeline::InitRun run = pipeline::run_init(o);
  run.files.write();
  std::cout << fmt::format("Wrote {}: unit column '{}' (guessed), {} indicator(s) with direction \"+\" to confirm",
                           o.out, run.unit_column, run.indicators.size());
  if (!run.dimensions.empty()) std::cout << fmt::format(", {} example dimension(s) by name prefix", run.dimensions.size());
  std::cout << ".\n";
  if (!run.other.empty()) {
    std::cout << "Non-numeric columns (possible name or group columns):";
    for (const auto& c : run.other) std::cout << " " << c;
    std::cout << "\n";
  }
  std::cout << fmt::format("Next: edit the guesses marked in {0}, then cikit check {0}\n", o.out);
}
}  // namespace

void setup_init(CLI::App& app) {
  auto opt = std::make_shared<pipeline::InitOptions>();
  auto* sub = app.add_subcommand(
      "init", "Write a commented starter spec from a data file's header (CSV or .xlsx): unit column, indicators "
              "with a direction to confirm, name/group columns, example dimensions");
  sub->add_option("data", opt->data, "Data file (CSV or .xlsx workbook)")->required();
  sub->add_option("--out", opt->out, "Spec file to write")->required();
  sub->add_option("--sheet", opt->sheet, "Workbook sheet: name or 1-based position (default: the first)");
  sub->add_option("--header-row", opt->header_row, "Workbook row of the column names (default: the first row with "
                                                   "two or more values)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--encoding", opt->encoding, "CSV encoding: auto, utf-8 or gbk")
      ->check(CLI::IsMember({"auto", "utf-8", "gbk"}))
      ->capture_default_str();
  sub->add_flag("--force", opt->force, "Overwrite an existing spec file");
  sub->callback([opt] { run_init_cli(*opt); });
}

}  // namespace cikit::cli
