/// \file ahp_diagnosis.cpp
/// Revising inconsistent AHP judgments (ahp.hpp): the nearest value on Saaty's 1–9 scale, its
/// text ("3", "1/5"), and diagnose_inconsistency (the CR if each judgment were made consistent
/// or moved to the nearest scale value).
#include "methods/weighting/ahp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cikit {

namespace {

/// saaty_text: a value within this relative distance of v or 1/v (v = 1..9) prints as "v"/"1/v".
constexpr double kScaleTextTolerance = 1e-12;

}  // namespace

double nearest_saaty_value(double x) {
  if (!(x > 0) || !std::isfinite(x))
    throw InvalidInput(fmt::format("nearest_saaty_value: x is {}, but must be positive and finite", x));
  const double l = std::log(x);
  double best = 1, best_d = std::abs(l);
  for (int v = 2; v <= 9; ++v) {
    const double lv = std::log(static_cast<double>(v));
    if (std::abs(l - lv) < best_d) best_d = std::abs(l - lv), best = v;
    if (std::abs(l + lv) < best_d) best_d = std::abs(l + lv), best = 1.0 / v;
  }
  return best;
}

std::string saaty_text(double x) {
  for (int v = 1; v <= 9; ++v) {
    if (std::abs(x - v) <= kScaleTextTolerance * v) return std::to_string(v);
    if (std::abs(x * v - 1.0) <= kScaleTextTolerance) return fmt::format("1/{}", v);
  }
  return fmt::format("{:.6g}", x);
}

AhpDiagnosis diagnose_inconsistency(const Eigen::MatrixXd& a, const AhpOptions& options, const Location& where) {
  AhpOptions o = options;
  o.missing = MissingJudgments::Error;  // diagnosis needs every judgment
  const AhpResult base = ahp_priorities(a, o, where);
  AhpDiagnosis d;
  d.cr = base.cr;
  const Eigen::Index m = a.rows();
  auto cr_with = [&](Eigen::Index i, Eigen::Index j, double v) {
    Eigen::MatrixXd b = a;
    b(i, j) = v;
    b(j, i) = 1.0 / v;
    return ahp_priorities(b, o, where).cr;
  };
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j) {
      JudgmentRevision rv;
      rv.row = static_cast<int>(i);
      rv.col = static_cast<int>(j);
      rv.current = a(i, j);
      rv.consistent = base.weights(i) / base.weights(j);
      rv.cr_if_consistent = cr_with(i, j, rv.consistent);
      rv.suggested = nearest_saaty_value(rv.consistent);
      rv.cr_if_suggested = cr_with(i, j, rv.suggested);
      rv.suggested_text = saaty_text(rv.suggested);
      d.revisions.push_back(rv);
    }
  std::stable_sort(d.revisions.begin(), d.revisions.end(),
                   [](const JudgmentRevision& x, const JudgmentRevision& y) {
                     return x.cr_if_consistent < y.cr_if_consistent;
                   });
  d.warnings = base.warnings;
  return d;
}

}  // namespace cikit
