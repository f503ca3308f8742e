#include "cli/common.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cmath>
#include <iostream>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

void add_common_options(CLI::App& sub, CommonOptions& o, bool needs_spec) {
  if (needs_spec)
    sub.add_option("spec", o.spec, "Indicator-system spec (YAML), e.g. datasets/governance/governance.yaml")
        ->required()
        ->check(CLI::ExistingFile);
  sub.add_option("--out,-o", o.out, "Folder for output files (created if needed); no files without it");
  sub.add_option("--format,-f", o.format, "Standard output: table (aligned text), json (one document), csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  sub.add_option("--lang,-l", o.lang, "Language of labels and headers: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
}

void print_warnings(const std::string& command, const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "cikit " << command << ": warning: " << w << "\n";
}

void print_warnings(const std::string& command, const std::vector<std::string>& warnings, Lang lang) {
  for (const auto& w : warnings) std::cerr << "cikit " << command << ": " << report::msg("cli.warning", lang) << w << "\n";
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

void progress_stage(const std::string& command, const std::string& stage) {
  if (stderr_is_terminal()) std::cerr << "cikit " << command << ": " << stage << std::endl;
}

ProgressBar::ProgressBar(std::string what)
    : what_(std::move(what)), tty_(stderr_is_terminal()), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (shown_) std::cerr << "\r" << std::string(72, ' ') << "\r" << std::flush;
}

void ProgressBar::operator()(std::ptrdiff_t done, std::ptrdiff_t total) {
  if (!tty_) return;
  if (done >= total && shown_) {  // the loop is over: erase the bar (the next phase draws its own)
    std::cerr << "\r" << std::string(72, ' ') << "\r" << std::flush;
    shown_ = false;
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(100) && done < total) return;
  last_ = now;
  shown_ = true;
  const double f = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const auto bar = static_cast<std::size_t>(f * 30.0);
  std::cerr << fmt::format("\r{} [{}{}] {}/{} ({:.0f}%)", what_, std::string(bar, '#'), std::string(30 - bar, ' '),
                           done, total, 100.0 * f)
            << std::flush;
}

}  // namespace cikit::cli
