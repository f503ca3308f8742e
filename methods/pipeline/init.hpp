#pragma once
/// \file init.hpp
/// The `init` command's pipeline: a commented starter spec (YAML) from a data file's header
/// and cells (CSV or .xlsx), for `cikit check` to run on at once.
///
/// What it guesses, and states in comments for the user to confirm:
/// - the unit column: the first column whose values are all present and unique, preferring a
///   text column, and among those one named like an id (id, code, 代码, 编码, 编号);
/// - indicators: every other column whose cells are all numbers or missing (the data options
///   thousands/percent/excel_errors are switched on when a column needs them), each with
///   `direction: "+"` marked "confirm";
/// - other (text) columns: listed as possible name or group columns; one named like a name
///   (name, 名称, 城市, 地区) becomes data.names;
/// - dimensions: when column names share a prefix before '_', '.' or '-' (econ_gdp, econ_inv),
///   one dimension per prefix with two or more indicators (the rest under "other"); else the
///   indicators sit directly under the index.

#include <string>
#include <vector>

#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct InitOptions {
  std::string data;        ///< CSV or .xlsx file
  std::string out;         ///< spec file to write
  std::string sheet;       ///< workbook sheet (name or 1-based position)
  long header_row = 0;     ///< workbook header row (0 = detect)
  std::string encoding = "auto";  ///< CSV encoding
  bool force = false;      ///< overwrite `out`
};

struct InitRun {
  std::string yaml;                     ///< the spec text
  std::string unit_column;              ///< the guessed unit column
  std::vector<std::string> indicators;  ///< numeric columns made indicators
  std::vector<std::string> other;       ///< non-numeric columns (possible names/groups)
  std::vector<std::string> dimensions;  ///< prefix dimensions ("" none)
  OutputSet files{""};                  ///< the spec, for InitOptions::out
};

/// @throws InvalidInput for an unreadable data file, no column that can serve as unit id,
///         no numeric column, or an existing `out` without `force`.
[[nodiscard]] InitRun run_init(const InitOptions& o);

}  // namespace cikit::pipeline
