#pragma once
/// \file notice.hpp
/// An adjustment the library made on the user's behalf (a negative combination coefficient
/// replaced by its absolute value, units dropped by listwise deletion, values imputed or
/// winsorised, units left without a score, a fallback), as data rather than only as an English
/// sentence: the report layer renders it in either language through the message catalogue
/// ("notice.<key>"), as a note under the affected table, in the appendix's adjustments section
/// and on stderr. Every family emits them, so the type lives in core.

#include <string>
#include <vector>

namespace cikit {

struct Notice {
  /// What was done, e.g. "combine.negative", "weights.units_dropped", "units.no_score",
  /// "missing.available", "treat.imputed", "treat.winsorised", "treat.transformed".
  std::string key;
  /// The tree node or indicator id it concerns ("" = the whole index).
  std::string node;
  /// The numbers and names of the sentence, already formatted, in the catalogue's order.
  /// Method names are spec names ("entropy"); unit lists are unit ids joined by ", ".
  std::vector<std::string> args;
  /// The English warning that states the same fact (the text in the run's warnings, "" if none).
  std::string text;
};

}  // namespace cikit
