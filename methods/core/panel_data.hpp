#pragma once
/// \file panel_data.hpp
/// Panel (long-format) data: one row per unit and period, the period in the spec's
/// `data.time: COLUMN` (docs/spec.md, "Panel data"). Reading splits the rows into one Dataset
/// per period (a cross-section), each validated like a plain data file.
///
/// Conventions (documented in docs/spec.md):
/// - periods are the distinct trimmed labels of the time column; they are sorted numerically
///   when every label is a number (2019, 2020, 2020.5), else kept in order of first appearance;
/// - a duplicated (unit, period) row is an error naming file:line of both rows;
/// - a unit absent from some periods (an unbalanced panel) is allowed: each period is built
///   from the units it has, and a warning names every absent (unit, period);
/// - an empty period cell is an error (file:line).
/// The time column is stored in Spec::settings under kPanelColumnsBlock so that core's Spec
/// type stays unchanged; panel_columns(spec) reads it back.

#include <string>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/error.hpp"

namespace cikit {

struct Spec;

/// The settings block holding the spec's `data.time`.
inline constexpr const char* kPanelColumnsBlock = "data.time";

/// `data.time` as read from the spec.
struct PanelColumns {
  std::string time;  ///< the period column of the data file
  Location where;    ///< position of `data.time` in the spec
};

/// The spec's `data.time`, or nullptr when the spec is not a panel.
[[nodiscard]] const PanelColumns* panel_columns(const Spec& spec);
/// True when the spec names a time column (`data.time`).
[[nodiscard]] bool is_panel(const Spec& spec);

/// A panel read from the spec's data file: one cross-section per period, in period order.
struct PanelData {
  std::string time_column;
  std::vector<std::string> periods;  ///< sorted labels (see the conventions above)
  bool numeric_periods = false;      ///< every label is a number (then `period_values` holds them)
  std::vector<double> period_values; ///< numeric value of each period (numeric_periods), else 1, 2, ...
  std::vector<Dataset> sections;     ///< one per period; rows = the units present in that period
  /// Every unit of the panel, in order of first appearance in the file.
  std::vector<std::string> units;
  /// (period, unit) pairs absent from the file (unbalanced panel), one entry per period: the
  /// ids of the absent units (empty for a complete period).
  std::vector<std::vector<std::string>> absent;
  std::vector<std::string> warnings;  ///< unbalanced panel, plus what reading the data changed
};

/// Reads the panel named by the spec (`data.file`, `data.unit`, `data.time`).
/// @throws InvalidInput (file:line) when the spec has no `data.time`, the time column is not in
///         the file, a period cell is empty, a (unit, period) pair occurs twice, or as load_data
///         for any cell; also for data handed over in memory (not supported for panels yet).
[[nodiscard]] PanelData load_panel_data(const Spec& spec);

/// The indicator columns (tree leaf order), unit groups and denominators of a parsed table, as
/// load_data builds them (implemented in spec.cpp; used per period by load_panel_data).
/// @throws InvalidInput as load_data.
[[nodiscard]] Dataset dataset_from_table(const Spec& spec, const CsvTable& table);

/// The rows of `table` whose period (the spec's data.time column, trimmed) is `period`, e.g. to
/// read the criterion columns of the latest period. @throws InvalidInput if the column is absent.
[[nodiscard]] CsvTable panel_period_rows(const Spec& spec, const CsvTable& table, const std::string& period);

}  // namespace cikit
