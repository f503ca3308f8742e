#pragma once
/// \file criteria.hpp
/// External criteria for criterion validity (spec key `criteria:`, docs/spec.md): columns of
/// the data file that are not indicators of the index but outside measures the index should
/// agree with (e.g. a resident satisfaction survey). Read here; analysed by
/// methods/validity/criterion.hpp.

#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/error.hpp"
#include "methods/core/tree.hpp"

namespace YAML {
class Node;
}

namespace cikit {

struct YamlContext;
struct Spec;

/// One external criterion.
struct Criterion {
  std::string column;  ///< data column (also its id)
  Labels label;        ///< display label (defaults to the column name)
  Labels unit;         ///< optional unit, for reports (a string, or {zh: …, en: …})
  Location where;      ///< position in the spec
};

/// Reads the spec's `criteria:` list: entries `{column: x, label: {zh: …, en: …}, unit: …}` (or
/// just the column name). @throws InvalidInput (file:line:column) for a non-list, an entry
/// without column, an unknown key or a column named twice.
[[nodiscard]] std::vector<Criterion> parse_criteria(const YamlContext& ctx, const YAML::Node& node);

/// The criterion columns of the spec's data file, rows in the same (file) order as load_data
/// (columns in `criteria:` order, NaN = missing, same missing tokens).
/// @throws InvalidInput naming the criterion for a column not in the file or that is also an
///         indicator of the tree, and as read_csv / table_to_dataset for bad cells.
[[nodiscard]] Dataset load_criteria(const Spec& spec);

}  // namespace cikit
