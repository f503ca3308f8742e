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

/// A text table aligned by display width (CJK = 2 columns).
struct TextTable {
  std::vector<std::string> header;
  std::vector<bool> right_align;  ///< per column; default left
  std::vector<std::vector<std::string>> rows;
  [[nodiscard]] std::string render() const;
  /// RFC 4180 CSV of header + rows.
  [[nodiscard]] std::string csv() const;
};

/// Two-language UI strings: tr(lang, "en", "zh").
[[nodiscard]] inline const char* tr(Lang lang, const char* en, const char* zh) {
  return lang == Lang::Zh ? zh : en;
}

/// Formats a two-language message: trf(lang, "{} units", "{} 个单位", n).
template <class... Args>
[[nodiscard]] std::string trf(Lang lang, const char* en, const char* zh, Args&&... args) {
  return fmt::format(fmt::runtime(tr(lang, en, zh)), std::forward<Args>(args)...);
}

/// Fixed-point number for tables; "NA" for NaN.
[[nodiscard]] std::string num(double v, int decimals);
/// Full precision ("{:.17g}") for CSV files; "" for NaN.
[[nodiscard]] std::string num_full(double v);
/// JSON number or null for NaN.
[[nodiscard]] nlohmann::json json_num(double v);

/// The run header every JSON document starts with (version, command, spec path and hash, seed).
[[nodiscard]] nlohmann::json json_header(const std::string& command, const Spec& spec);
/// Labels {zh, en} as JSON.
[[nodiscard]] nlohmann::json json_labels(const Labels& l);
/// A verdict as JSON {level, label {zh, en}, rule, citation} (docs/cli.md "Verdicts"); null
/// when absent (the value was NaN).
[[nodiscard]] nlohmann::json json_verdict(const std::optional<ValueVerdict>& v);
/// "0.843 good" / "0.843 良好": a value with its verdict label for human tables.
[[nodiscard]] std::string num_verdict(double value, int decimals, const std::optional<ValueVerdict>& v, Lang lang);

/// Output files of one run, written together at the end (each atomically) so that an error
/// never leaves half of a run's outputs behind.
class OutputSet {
 public:
  explicit OutputSet(std::string dir) : dir_(std::move(dir)) {}
  void add(const std::string& name, std::string content);
  /// Creates the folder and writes every file (temporary file + rename each).
  void write() const;
  [[nodiscard]] bool enabled() const { return !dir_.empty(); }
  [[nodiscard]] const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> files_;
};

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

/// Progress bar on stderr for a long loop: drawn only when stderr is a terminal and the loop has
/// run for more than ~1 s, redrawn at most every 100 ms, erased when destroyed. Pass it (by
/// reference) as a ProgressCallback: bar(done, total).
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

}  // namespace cikit::cli
