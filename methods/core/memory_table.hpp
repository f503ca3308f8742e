#pragma once
/// \file memory_table.hpp
/// A data table held in memory instead of a file: what a front end that already has the data
/// (the Python package's pandas DataFrame) hands to the library, so no CSV text is written or
/// parsed. A spec whose `DataSpec::memory` is set reads its data from here (load_data,
/// load_criteria); everything else (tree, methods, checks) is as for a file.
///
/// Columns are either numeric (doubles, NaN = missing) or text (unit ids, names, groups).
/// Error messages locate cells as `LABEL row R, column 'NAME'` with R 1-based, because a
/// DataFrame has no file lines.

#include <memory>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"

namespace cikit {

struct Spec;
struct Node;

/// One column: `numbers` when numeric, else `text`; both `rows()` long.
struct MemoryColumn {
  std::string name;
  bool numeric = false;
  std::vector<double> numbers;    ///< numeric columns (NaN = missing)
  std::vector<std::string> text;  ///< text columns (unit ids, display names, groups)
  [[nodiscard]] std::size_t rows() const { return numeric ? numbers.size() : text.size(); }
};

/// A table of named columns of equal length.
struct MemoryTable {
  std::string label = "<DataFrame>";  ///< names the table in messages (and in reports' data file)
  std::vector<MemoryColumn> columns;
  /// Index of the column named `name`, or -1.
  [[nodiscard]] long find(const std::string& name) const;
  /// Rows of the table (0 without columns).
  /// @throws InvalidInput if the columns differ in length.
  [[nodiscard]] std::size_t rows() const;
};

/// The indicator columns named by the spec's tree (leaf order), the unit id, names and group
/// columns, from `spec.data.memory` — the in-memory counterpart of load_data.
/// @throws InvalidInput naming the column (and row) for a missing column, a non-numeric
///         indicator column, an empty or duplicate unit id, an empty group, no rows.
[[nodiscard]] Dataset load_memory_data(const Spec& spec);

/// Divides column `column` of `data` by `denominator` (one value per unit) as indicator `n`'s
/// `denominator:` and `scale:` say (COINr Denominate: x / (d / scale)); a missing or zero
/// denominator makes the value missing, listed in one warning in data.warnings. Shared by
/// load_data (files) and load_memory_data (DataFrames).
void divide_by_denominator(const Node& n, Eigen::Index column, const Eigen::VectorXd& denominator, Dataset& data);

/// The criterion columns (`criteria:`) from `spec.data.memory` — the counterpart of
/// load_criteria, with the same checks.
[[nodiscard]] Dataset load_memory_criteria(const Spec& spec);

}  // namespace cikit
