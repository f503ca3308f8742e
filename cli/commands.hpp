#pragma once
// Subcommand registration: each cli/<name>.cpp defines setup_<name>(app), which adds the
// subcommand, its options, and a callback that reads, calls the library and writes.
#include <CLI/CLI.hpp>

namespace cikit::cli {
void setup_example(CLI::App& app);
void setup_check(CLI::App& app);
void setup_reliability(CLI::App& app);
void setup_cfa(CLI::App& app);
void setup_index(CLI::App& app);
void setup_simulate(CLI::App& app);
void setup_appendix(CLI::App& app);
void setup_delphi(CLI::App& app);
void setup_validity(CLI::App& app);
void setup_weights(CLI::App& app);
void setup_compare(CLI::App& app);
void setup_sensitivity(CLI::App& app);
void setup_benchmark_methods(CLI::App& app);
void setup_audit(CLI::App& app);
void setup_init(CLI::App& app);
void setup_coupling(CLI::App& app);
void setup_obstacles(CLI::App& app);
void setup_disparity(CLI::App& app);
void setup_density(CLI::App& app);
void setup_spatial(CLI::App& app);
void setup_panel(CLI::App& app);
void setup_dematel(CLI::App& app);

/// Thrown by a subcommand whose analysis ran but found blocking problems it already reported
/// (e.g. `cikit check` with a constant indicator): exit status 1, no further message.
struct ReportedFailure {
  int exit_code = 1;
};
}  // namespace cikit::cli
