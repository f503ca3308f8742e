#pragma once
// Shared CLI plumbing: output formats, text tables, files, error exits. No statistics here.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstddef>
#include <fmt/format.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"
#include "methods/core/verdicts.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::cli {

/// Options every analysis subcommand takes.
struct CommonOptions {
  std::string spec;             ///< SPEC.yaml
  std::string out;              ///< --out DIR ("" = no files)
  std::string format = "table"; ///< --format table|json|csv
  std::string lang = "en";      ///< --lang zh|en
  [[nodiscard]] Lang language() const { return lang == "zh" ? Lang::Zh : Lang::En; }
};

/// Adds SPEC, --out, --format, --lang to a subcommand.
void add_common_options(CLI::App& sub, CommonOptions& o, bool needs_spec = true);

// Tables, number formatting, JSON helpers and OutputSet live in the library
// (methods/pipeline/output.hpp) so every front end writes the same files.
using namespace cikit::pipeline;  // NOLINT(google-build-using-namespace)

/// Adds an option taking a comma-separated list of registry names (checked against `table`).
template <class E>
void add_method_list_option(CLI::App& sub, const std::string& flag, std::vector<std::string>& names,
                            std::span<const MethodName<E>> table, const std::string& help) {
  std::vector<std::string> accepted;
  for (const auto& m : table) accepted.emplace_back(m.name);
  sub.add_option(flag, names, help + " (" + method_names(table) + ")")->delimiter(',')->check(CLI::IsMember(accepted));
}

/// The registry values of names validated by add_method_list_option.
template <class E>
std::vector<E> parse_method_list(std::span<const MethodName<E>> table, const std::vector<std::string>& names) {
  std::vector<E> out;
  for (const auto& n : names) {
    E e{};
    if (!parse_method(table, n, e)) throw InternalError("CLI validator let '" + n + "' through");
    out.push_back(e);
  }
  return out;
}

/// Progress bar on stderr for a long loop (the drawing of methods/core/progress.hpp's ProgressFn):
/// drawn only when stderr is a terminal and the loop has run for more than ~1 s, redrawn at most
/// every 100 ms, erased when the loop reports done == total or the bar is destroyed. Pass it
/// (by reference) as a ProgressFn: bar(done, total).
class ProgressBar {
 public:
  explicit ProgressBar(std::string what);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  void operator()(std::ptrdiff_t done, std::ptrdiff_t total);

 private:
  std::string what_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

/// True when stderr is a terminal (progress output is shown only then).
[[nodiscard]] bool stderr_is_terminal();

/// One stage line of a long command on stderr ("cikit appendix: validity…"), only when stderr
/// is a terminal; redirected runs stay quiet.
void progress_stage(const std::string& command, const std::string& stage);

/// Prints the warnings to stderr as "cikit CMD: warning: ...".
void print_warnings(const std::string& command, const std::vector<std::string>& warnings);
/// The same with the "warning:" prefix in `lang` ("cikit CMD: 警告：..."); the warnings are
/// already in that language (report::localised_warnings).
void print_warnings(const std::string& command, const std::vector<std::string>& warnings, Lang lang);

}  // namespace cikit::cli
