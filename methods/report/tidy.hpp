#pragma once
/// \file tidy.hpp
/// Formatting by meaning, applied to a finished table before it is rendered. Only how numbers
/// are shown changes, never a value: the CSV files keep full precision.

#include "methods/report/table.hpp"

namespace cikit::report {

/// Tidies a table for reading:
/// - a Number or Interval column whose values are all whole numbers (ranks, rank intervals,
///   widths of rank intervals) is shown without decimals ("[1, 3]", not "[1.0, 3.0]");
/// - an Integer column that holds one value in every row (at least kConstantRows rows, e.g. the
///   number of runs of every unit) is removed and stated once in a note ("Runs: 4096 for every
///   row"), in the table's language.
void tidy_for_reading(Table& t);

/// Rows a table needs before a column of one repeated value is folded into a note.
inline constexpr std::size_t kConstantRows = 3;

}  // namespace cikit::report
