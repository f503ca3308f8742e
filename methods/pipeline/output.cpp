#include "methods/pipeline/output.hpp"

#include "methods/core/cancel.hpp"
#include "methods/core/delphi_key.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/text.hpp"

namespace cikit::pipeline {

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

std::string csv_line(const std::vector<std::string>& cells) {
  std::string s;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) s += ',';
    s += csv_quote(cells[c]);
  }
  return s + "\n";
}

std::string TextTable::csv() const {
  std::string out = csv_line(header);
  for (const auto& r : rows) out += csv_line(r);
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
  nlohmann::json h = {{"cikit_version", CIKIT_VERSION},
                      {"command", command},
                      {"spec", {{"path", spec.path}, {"sha256", spec.hash}}},
                      {"data_file", spec.data.file_as_written},
                      {"seed", spec.config.seed},
                      {"index", {{"id", spec.id}, {"label", json_labels(spec.label)}}}};
  // The expert consultation's screening (pipeline::apply_delphi_screening): what it removed.
  if (const DelphiKey key = delphi_key(spec); key.screened)
    h["delphi_screening"] = {{"apply", key.apply},
                             {"screened_out", key.screened_out},
                             {"reason", key.reason},
                             {"proposed_indicators", key.proposed_tree ? key.proposed_tree->leaves().size() : 0},
                             {"indicators", spec.tree.leaves().size()}};
  return h;
}

void OutputSet::add(const std::string& name, std::string content) {
  files_.emplace_back(name, std::move(content));
  names_.push_back(name);
}

void OutputSet::create_folder() const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw InvalidInput(fmt::format("cannot create output folder '{}': {}", dir_, ec.message()));
}

StreamedFile& OutputSet::stream(const std::string& name) {
  if (dir_.empty()) throw InvalidInput(fmt::format("no output folder for '{}'", name));
  throw_if_cancelled();
  create_folder();
  streamed_.emplace_back(name, std::make_shared<StreamedFile>(std::filesystem::path(dir_) / name));
  names_.push_back(name);
  return *streamed_.back().second;
}

std::string OutputSet::content(const std::string& name) const {
  for (const auto& [n, bytes] : files_)
    if (n == name) return bytes;
  for (const auto& [n, file] : streamed_)
    if (n == name) return file->contents();
  throw InvalidInput(fmt::format("no output file '{}'", name));
}

void OutputSet::write() const {
  if (dir_.empty()) return;
  throw_if_cancelled();  // a stopped run writes nothing (methods/core/cancel.hpp)
  create_folder();
  for (const std::string& name : names_) {
    bool done = false;
    for (const auto& [n, file] : streamed_)
      if (n == name) {
        file->commit();
        done = true;
      }
    if (done) continue;
    for (const auto& [n, content] : files_)
      if (n == name) write_file_atomic(std::filesystem::path(dir_) / name, content);
  }
}

TextTable stack_periods(const std::vector<std::string>& periods, const std::vector<const TextTable*>& tables) {
  TextTable out;
  if (tables.empty()) return out;
  out.header = tables.front()->header;
  out.header.insert(out.header.begin(), "period");
  for (std::size_t p = 0; p < tables.size(); ++p)
    for (const auto& row : tables[p]->rows) {
      std::vector<std::string> r = row;
      r.insert(r.begin(), periods[p]);
      out.rows.push_back(std::move(r));
    }
  return out;
}

}  // namespace cikit::pipeline
