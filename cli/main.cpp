// The `cikit` executable: registers the subcommands and maps errors to exit codes.
//   exit 0: success; 1: data error (bad input file, degenerate data); 2: usage error;
//   3: internal error (a bug: please report).
#include <malloc.h>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/suggest.hpp"
#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/stats/gemm.hpp"

namespace {

/// `cikit --version`: one line (scripts read the version as its second word); the BLAS behind
/// the bootstrap kernels' products is named because it decides their last bits
/// (methods/stats/gemm.hpp).
std::string version_line() {
  return std::string("cikit " CIKIT_VERSION " (matrix products: ") + cikit::stats::gemm_backend() + ")";
}

/// glibc malloc: blocks up to 4 MB from the heap instead of a fresh mmap each (its default
/// starts at 128 kB), and the heap top kept up to 8 MB. A command's many 0.1-4 MB matrices
/// (e.g. the 350-square h1 information of FIML) otherwise cost a page fault per 4 kB each time.
/// Measured: `cikit cfa --missing fiml` on bfi 42.2 -> 38.1 ms CPU (3,875 -> 2,604 page
/// faults); peak RSS of `cikit reliability` on 50,000 x 100 +1.5 % (benchmarks/RESULTS.md).
void tune_malloc() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  cikit::install_cancel_handlers();  // first: a signal during set-up stops cleanly too (docs/robustness.md)
  tune_malloc();
  CLI::App app{
      "cikit " CIKIT_VERSION " - build and validate composite indicator systems.\n"
      "Start with `cikit example DIR`, then `cikit check DIR/governance.yaml` and "
      "`cikit index DIR/governance.yaml`.",
      "cikit"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  app.fallthrough(false);
  cikit::cli::setup_example(app);
  cikit::cli::setup_check(app);
  cikit::cli::setup_reliability(app);
  cikit::cli::setup_cfa(app);
  cikit::cli::setup_index(app);
  cikit::cli::setup_panel(app);
  cikit::cli::setup_simulate(app);
  cikit::cli::setup_appendix(app);
  cikit::cli::setup_delphi(app);
  cikit::cli::setup_validity(app);
  cikit::cli::setup_weights(app);
  cikit::cli::setup_compare(app);
  cikit::cli::setup_sensitivity(app);
  cikit::cli::setup_benchmark_methods(app);
  cikit::cli::setup_audit(app);
  cikit::cli::setup_init(app);
  cikit::cli::setup_coupling(app);
  cikit::cli::setup_obstacles(app);
  cikit::cli::setup_disparity(app);
  cikit::cli::setup_density(app);
  cikit::cli::setup_spatial(app);
  cikit::cli::setup_dematel(app);

  auto command_name = [&app]() -> std::string {
    for (const auto* sub : app.get_subcommands()) return sub->get_name();
    return "";
  };
  auto prefix = [&]() {
    const std::string c = command_name();
    return c.empty() ? std::string("cikit: ") : "cikit " + c + ": ";
  };
  try {
    try {
      app.parse(argc, argv);
    } catch (...) {
      // A run stopped by SIGINT/SIGTERM may fail in other ways first (a helper tool killed by
      // the same Ctrl-C): report the stop, not its consequence.
      if (cikit::cancel_requested()) throw cikit::Cancelled(cikit::cancel_signal());
      throw;
    }
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string unknown = cikit::cli::unknown_subcommand(app, args);
    std::cerr << prefix() << "error: " << (unknown.empty() ? std::string(e.what()) : "unknown command '" + unknown + "'") << "\n"
              << cikit::cli::suggestions(app, args)
              << "Run with --help for usage.\n";
    return 2;
  } catch (const cikit::cli::ReportedFailure& f) {
    return f.exit_code;
  } catch (const cikit::InternalError& e) {
    std::cerr << prefix() << "error: " << e.what() << "\n";
    return 3;
  } catch (const cikit::Cancelled& e) {
    cikit::reset_cancel();  // disarm the watchdog: the run has unwound, temporaries are gone
    std::cerr << prefix() << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {  // InvalidInput, DomainError and the rest: exit 1
    std::cerr << prefix() << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
