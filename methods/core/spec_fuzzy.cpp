#include "methods/core/detail/spec_fuzzy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cikit::spec_detail {

/// methods.aggregate.fuzzy: {grades: [worst..best], scores: [..], operator, grade, thresholds:
/// {ID|default: [v_1 < ... < v_K]}} (methods/aggregate/fuzzy.hpp).
void parse_fuzzy(const YamlContext& ctx, const YAML::Node& v, FuzzyParams& f) {
  YAML::Node thresholds;
  bool have_thresholds = false;
  const auto numbers = [&](const YAML::Node& w, const std::string& what) {
    if (!w.IsSequence()) ctx.fail(w, what + " must be a list of numbers ([a, b, ...])");
    std::vector<double> out;
    for (const auto& e : w) out.push_back(ctx.number(e, what));
    return out;
  };
  ctx.each_key(v, "methods.aggregate.fuzzy", {"grades", "scores", "operator", "grade", "thresholds"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "grades") {
      if (!w.IsSequence() || w.size() < 2)
        ctx.fail(w, "methods.aggregate.fuzzy.grades must list at least 2 grade labels, worst to best");
      f.grades.clear();
      for (const auto& e : w) {
        f.grades.push_back(ctx.scalar(e, "a grade label"));
        if (f.grades.back().empty() || f.grades.back().find('/') != std::string::npos)
          ctx.fail(e, "a grade label must be non-empty and contain no '/'");
        if (std::count(f.grades.begin(), f.grades.end(), f.grades.back()) > 1)
          ctx.fail(e, fmt::format("grade label '{}' is repeated", f.grades.back()));
      }
    } else if (k == "scores") {
      f.scores = numbers(w, "methods.aggregate.fuzzy.scores");
      for (std::size_t i = 1; i < f.scores.size(); ++i)
        if (!(f.scores[i] > f.scores[i - 1]))
          ctx.fail(w, fmt::format("methods.aggregate.fuzzy.scores must be strictly increasing (worst to best), but "
                                  "score {} ({}) is not above score {} ({})",
                                  i + 1, f.scores[i], i, f.scores[i - 1]));
    } else if (k == "operator") {
      f.op = parse_enum(ctx, w, fuzzy_operators(), "fuzzy operator");
    } else if (k == "grade") {
      f.grade = parse_enum(ctx, w, fuzzy_grade_rules(), "fuzzy grade rule");
    } else {
      thresholds = w;
      have_thresholds = true;
    }
  });
  if (f.grades.size() < 2) ctx.fail(v, "methods.aggregate.fuzzy needs grades: [labels, worst to best] (at least 2)");
  if (!f.scores.empty() && f.scores.size() != f.grades.size())
    ctx.fail(v, fmt::format("methods.aggregate.fuzzy: {} scores for {} grades", f.scores.size(), f.grades.size()));
  if (!have_thresholds)
    ctx.fail(v, "methods.aggregate.fuzzy needs thresholds: {INDICATOR_OR_GROUP_ID: [one value per grade], ...} "
                "(or a 'default' row)");
  if (!thresholds.IsMap()) ctx.fail(thresholds, "methods.aggregate.fuzzy.thresholds must be a mapping ID: [values]");
  f.thresholds.clear();
  for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
    const std::string id = ctx.scalar(it->first, "a key of methods.aggregate.fuzzy.thresholds");
    const std::string what = fmt::format("methods.aggregate.fuzzy.thresholds.{}", id);
    std::vector<double> row = numbers(it->second, what);
    if (row.size() != f.grades.size())
      ctx.fail(it->second, fmt::format("{} has {} values, but there are {} grades (one characteristic value per "
                                       "grade)",
                                       what, row.size(), f.grades.size()));
    for (std::size_t i = 1; i < row.size(); ++i)
      if (!(row[i] > row[i - 1]))
        ctx.fail(it->second, fmt::format("{} must be strictly increasing, but value {} ({}) is not above value {} ({}); "
                                         "list a cost indicator's values increasing too (the first then belongs "
                                         "to the best grade)",
                                         what, i + 1, row[i], i, row[i - 1]));
    if (!f.thresholds.emplace(id, std::move(row)).second) ctx.fail(it->first, fmt::format("{} is repeated", what));
  }
}

}  // namespace cikit::spec_detail
