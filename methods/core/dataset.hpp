#pragma once
/// \file dataset.hpp
/// The data matrix every method reads: rows = units (cities), columns = indicators.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cikit {

/// Units × indicators data. `values(i, j)` is unit i's value of indicator j; NaN marks a
/// missing value (methods state what they do with it; none lets it leak silently).
struct Dataset {
  std::vector<std::string> unit_ids;       ///< one per row, unique
  std::vector<std::string> unit_names_zh;  ///< optional display names (empty or one per row)
  std::vector<std::string> unit_names_en;  ///< optional display names (empty or one per row)
  std::vector<std::string> indicator_ids;  ///< one per column, unique
  /// 1-based CSV column and per-row line numbers of the source file (for error messages);
  /// empty when the dataset was not read from a file.
  std::vector<long> source_columns;
  std::vector<long> source_lines;
  std::string source_file;
  Eigen::MatrixXd values;  ///< rows = units, cols = indicators, column-major, NaN = missing
  /// Optional group label per unit (the spec's methods.treat.group column, for group-mean
  /// imputation); empty when no grouping column is named.
  std::vector<std::string> unit_groups;
  /// What reading the data changed on the user's behalf (Excel errors read as missing,
  /// full-width digits converted, values without a usable denominator), one sentence each,
  /// locations included; the pipelines pass them on as run warnings.
  std::vector<std::string> warnings;

  [[nodiscard]] Eigen::Index n_units() const { return values.rows(); }
  [[nodiscard]] Eigen::Index n_indicators() const { return values.cols(); }
  /// Column index of an indicator id, if present.
  [[nodiscard]] std::optional<Eigen::Index> column_of(std::string_view indicator_id) const;
  /// Display name of unit i in a language ("zh" or "en"); falls back to the other language,
  /// then to the id.
  [[nodiscard]] const std::string& unit_name(Eigen::Index i, std::string_view lang) const;
  /// Number of missing (NaN) values in the whole matrix.
  [[nodiscard]] Eigen::Index n_missing() const;
};

}  // namespace cikit
