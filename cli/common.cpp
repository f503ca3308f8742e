#include "cli/common.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cmath>
#include <iostream>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/text.hpp"

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

std::string num_full(double v) { return std::isnan(v) ? "" : fmt::format("{:.17g}", v); }

std::string TextTable::render() const {
  const std::size_t k = header.size();
  std::vector<std::size_t> w(k, 0);
  for (std::size_t c = 0; c < k; ++c) w[c] = display_width(header[c]);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < k && c < r.size(); ++c) w[c] = std::max(w[c], display_width(r[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < k; ++c) {
      const bool right = c < right_align.size() && right_align[c];
      const std::string cell = c < cells.size() ? cells[c] : "";
      std::string padded = pad_display(cell, w[c], right);
      if (c + 1 == k && !right) {  // no trailing spaces
        while (!padded.empty() && padded.back() == ' ') padded.pop_back();
      }
      s += padded;
      if (c + 1 < k) s += "  ";
    }
    return s + "\n";
  };
  std::string out = line(header);
  std::size_t total = 0;
  for (std::size_t c = 0; c < k; ++c) total += w[c] + (c + 1 < k ? 2 : 0);
  out += std::string(total, '-') + "\n";
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string TextTable::csv() const {
  auto line = [](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) s += ',';
      s += csv_quote(cells[c]);
    }
    return s + "\n";
  };
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string num(double v, int decimals) {
  if (std::isnan(v)) return "NA";
  return fmt::format("{:.{}f}", v, decimals);
}

nlohmann::json json_num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

nlohmann::json json_labels(const Labels& l) { return {{"zh", l.zh}, {"en", l.en}}; }

nlohmann::json json_verdict(const std::optional<ValueVerdict>& v) {
  if (!v) return nullptr;
  return {{"level", std::string(v->id())},
          {"label", json_labels(verdict_level_label(v->level))},
          {"rule", v->rule},
          {"citation", v->citation}};
}

std::string num_verdict(double value, int decimals, const std::optional<ValueVerdict>& v, Lang lang) {
  return v ? num(value, decimals) + " " + v->label(lang) : num(value, decimals);
}

nlohmann::json json_header(const std::string& command, const Spec& spec) {
  return {{"cikit_version", CIKIT_VERSION},
          {"command", command},
          {"spec", {{"path", spec.path}, {"sha256", spec.hash}}},
          {"data_file", spec.data.file_as_written},
          {"seed", spec.config.seed},
          {"index", {{"id", spec.id}, {"label", json_labels(spec.label)}}}};
}

void OutputSet::add(const std::string& name, std::string content) { files_.emplace_back(name, std::move(content)); }

void OutputSet::write() const {
  if (dir_.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw InvalidInput(fmt::format("cannot create output folder '{}': {}", dir_, ec.message()));
  for (const auto& [name, content] : files_) write_file_atomic(std::filesystem::path(dir_) / name, content);
}

void print_warnings(const std::string& command, const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "cikit " << command << ": warning: " << w << "\n";
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
