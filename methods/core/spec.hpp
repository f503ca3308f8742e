#pragma once
/// \file spec.hpp
/// The indicator-system specification (YAML), schema in docs/spec.md.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "methods/core/criteria.hpp"
#include "methods/core/csv.hpp"
#include "methods/core/xlsx.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/core/verdicts.hpp"
#include "methods/core/settings.hpp"
#include "methods/core/uncertainty_block.hpp"

namespace cikit {

struct MemoryTable;

struct DataSpec {
  std::filesystem::path file;         ///< resolved path (relative paths are relative to the spec)
  std::string file_as_written;        ///< as written in the spec (for messages and reports)
  CsvOptions csv;                     ///< encoding and delimiter
  XlsxOptions xlsx;                   ///< sheet and header row of a workbook (.xlsx)
  CsvColumns columns;                 ///< unit id, names, missing tokens (indicators from tree)
  Location where;                     ///< position of `data:` in the spec
  /// Data handed over in memory (the Python package's DataFrame) instead of read from `file`;
  /// load_data and load_criteria read it when set (methods/core/memory_table.hpp).
  std::shared_ptr<const MemoryTable> memory;
};

/// A parsed spec: index identity, data source, tree and method choices.
struct Spec {
  std::string path;                   ///< spec file as given
  std::string id;                     ///< index.id
  Labels label;                       ///< index.label
  std::string description;            ///< index.description (optional; English if given in both languages)
  Labels description_labels;          ///< index.description as {zh, en} (a plain string fills both)
  DataSpec data;
  IndicatorTree tree;
  IndexConfig config;
  /// Method settings owned by the families (methods/core/settings.hpp), e.g. the variants of
  /// methods.weights (entropy, pca, ahp, combine/of/alpha): read them through the family's
  /// accessor, weight_settings(spec) in methods/weighting/weight_settings.hpp.
  SettingsStore settings;
  std::filesystem::path judgments;    ///< optional `judgments:` file (AHP), resolved
  Location judgments_where;           ///< position of `judgments:` (read_spec checks the file exists)
  std::filesystem::path delphi;       ///< optional `delphi:` file (expert consultation), resolved;
                                      ///< read and checked by read_delphi (cikit delphi), not read_spec
  Location delphi_where;              ///< position of `delphi:`
  std::vector<Criterion> criteria;    ///< optional `criteria:` (external criterion columns)
  VerdictTable thresholds;            ///< verdict rules: defaults + the optional `thresholds:` key
  UncertaintyBlock uncertainty;       ///< optional `uncertainty:` block (cikit sensitivity)
  std::string hash;                   ///< SHA-256 of the spec file's bytes (of the text for parse_spec), 64 hex digits
};

/// Reads and validates a spec file.
/// @throws InvalidInput naming file:line:column for malformed YAML, unknown keys, wrong types,
///         duplicate ids, leaves without a data column, cycles, unknown method names.
[[nodiscard]] Spec read_spec(const std::filesystem::path& path);

/// Parses spec text; `file_label` names it in messages, `base_dir` resolves relative paths.
[[nodiscard]] Spec parse_spec(const std::string& text, const std::string& file_label,
                              const std::filesystem::path& base_dir);

/// Reads the data file named by the spec and returns the indicator columns in the tree's leaf
/// order. @throws InvalidInput (file:line:column) as read_csv/table_to_dataset.
[[nodiscard]] Dataset load_data(const Spec& spec);

}  // namespace cikit
