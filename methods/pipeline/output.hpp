#pragma once
/// \file output.hpp
/// What every command's pipeline produces besides its result struct: plain tables (aligned
/// text for terminals, RFC 4180 CSV for files), number formatting, the JSON run header, and an
/// output set written all at once (each file atomically) so an error never leaves half of a
/// run's outputs behind. Shared by the front ends (cli/, python/); no statistics here.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "methods/core/fileio.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"
#include "methods/core/verdicts.hpp"

namespace cikit::pipeline {

/// A text table aligned by display width (CJK = 2 columns).
struct TextTable {
  std::vector<std::string> header;
  std::vector<bool> right_align;  ///< per column; default left
  std::vector<std::vector<std::string>> rows;
  [[nodiscard]] std::string render() const;
  /// RFC 4180 CSV of header + rows.
  [[nodiscard]] std::string csv() const;
};

/// One RFC 4180 CSV line (cells quoted where needed, "\n" at the end), as TextTable::csv writes.
[[nodiscard]] std::string csv_line(const std::vector<std::string>& cells);

/// One table of several periods: a leading `period` column, then each period's rows in order
/// (all tables have the same header).
[[nodiscard]] TextTable stack_periods(const std::vector<std::string>& periods, const std::vector<const TextTable*>& tables);

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
///
/// Most files are held as bytes until write(). A file too large for that (index.json and the
/// per-unit CSVs of 10^5 units) is streamed: stream() creates the folder and opens the file's
/// temporary name (".NAME.tmp-PID") at once, the caller writes it piece by piece and finishes
/// it, and write() renames it together with the others. Until then only the temporary exists;
/// an error or a stop removes it (core/fileio.hpp).
class OutputSet {
 public:
  explicit OutputSet(std::string dir) : dir_(std::move(dir)) {}
  void add(const std::string& name, std::string content);
  /// Starts a streamed file NAME (see above). @throws InvalidInput if the folder or the file
  /// cannot be created.
  StreamedFile& stream(const std::string& name);
  /// Creates the folder and writes every file (temporary file + rename each; a streamed file is
  /// only renamed).
  void write() const;
  [[nodiscard]] bool enabled() const { return !dir_.empty(); }
  [[nodiscard]] const std::string& dir() const { return dir_; }
  /// The files held as bytes (not the streamed ones), in the order added.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& files() const { return files_; }
  /// Every file's name, streamed or not, in the order added.
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  /// A file's bytes (a streamed one read back from disk). @throws InvalidInput for an unknown name.
  [[nodiscard]] std::string content(const std::string& name) const;

 private:
  void create_folder() const;
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> files_;
  std::vector<std::pair<std::string, std::shared_ptr<StreamedFile>>> streamed_;
  std::vector<std::string> names_;
};

}  // namespace cikit::pipeline
