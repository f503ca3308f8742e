// Coupling coordination degree; see coupling.hpp and docs/methods.md#coupling.
#include "methods/coupling/coupling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit::coupling {

const char* formula_name(Formula f) { return f == Formula::Corrected ? "corrected" : "traditional"; }

Formula parse_formula(const std::string& name) {
  if (name == "corrected") return Formula::Corrected;
  if (name == "traditional") return Formula::Traditional;
  throw InvalidInput(fmt::format("coupling: unknown formula '{}' (use corrected or traditional)", name));
}

const std::vector<Band>& coordination_bands() {
  static const std::vector<Band> bands = {
      {0.0, 0.1, "extreme_imbalance", "极度失调", "Extreme imbalance"},
      {0.1, 0.2, "severe_imbalance", "严重失调", "Severe imbalance"},
      {0.2, 0.3, "moderate_imbalance", "中度失调", "Moderate imbalance"},
      {0.3, 0.4, "mild_imbalance", "轻度失调", "Mild imbalance"},
      {0.4, 0.5, "verge_of_imbalance", "濒临失调", "On the verge of imbalance"},
      {0.5, 0.6, "barely_coordinated", "勉强协调", "Barely coordinated"},
      {0.6, 0.7, "primary_coordination", "初级协调", "Primary coordination"},
      {0.7, 0.8, "intermediate_coordination", "中级协调", "Intermediate coordination"},
      {0.8, 0.9, "good_coordination", "良好协调", "Good coordination"},
      {0.9, 1.0, "high_quality_coordination", "优质协调", "High-quality coordination"},
  };
  return bands;
}

int band_of(double d) {
  if (std::isnan(d)) return -1;
  const auto& b = coordination_bands();
  for (std::size_t i = 0; i + 1 < b.size(); ++i)
    if (d < b[i].hi) return static_cast<int>(i);
  return static_cast<int>(b.size()) - 1;
}

namespace {

// C of one unit (every entry in [0, 1], not all 0).
double coupling_degree(const Eigen::Ref<const Eigen::RowVectorXd>& x, Formula f) {
  const auto m = static_cast<double>(x.size());
  if (f == Formula::Traditional) {
    // m · (Π U)^{1/m} / Σ U, the product taken through logs (a zero gives C = 0).
    if (!(x.minCoeff() > 0.0)) return 0.0;
    return m * std::exp(x.array().log().mean()) / x.sum();
  }
  double spread = 0.0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    for (Eigen::Index j = i + 1; j < x.size(); ++j) spread += std::abs(x(i) - x(j));
  const double first = 1.0 - spread / (m * (m - 1.0) / 2.0);
  const double top = x.maxCoeff();
  double ratios = 1.0;  // Π (U_i / max U)^{1/(m-1)}
  for (Eigen::Index i = 0; i < x.size(); ++i) ratios *= std::pow(x(i) / top, 1.0 / (m - 1.0));
  return std::sqrt(std::max(0.0, first) * ratios);
}

}  // namespace

CouplingResult coupling_coordination(const Eigen::MatrixXd& u, const Eigen::VectorXd& w, Formula formula) {
  const Eigen::Index n = u.rows(), m = u.cols();
  if (m < 2) throw InvalidInput(fmt::format("coupling: needs at least 2 subsystems, got {}", m));
  if (w.size() != m)
    throw InvalidInput(fmt::format("coupling: {} subsystem weights for {} subsystems", w.size(), m));
  if ((w.array() < 0.0).any() || !w.allFinite() || std::abs(w.sum() - 1.0) > 1e-9)
    throw InvalidInput(fmt::format("coupling: subsystem weights must be >= 0 and sum to 1 (they sum to {})", w.sum()));
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = u(i, j);
      if (!std::isnan(v) && !(v >= 0.0 && v <= 1.0))
        throw InvalidInput(fmt::format(
            "coupling: subsystem score {} in row {}, column {} lies outside [0, 1]", v, i + 1, j + 1));
    }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CouplingResult r;
  r.c = Eigen::VectorXd::Constant(n, nan);
  r.t = Eigen::VectorXd::Constant(n, nan);
  r.d = Eigen::VectorXd::Constant(n, nan);
  r.band.assign(static_cast<std::size_t>(n), -1);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::RowVectorXd x = u.row(i);
    if (x.hasNaN()) {
      r.undefined.push_back(i);
      continue;
    }
    r.t(i) = x.dot(w);
    if (!(x.maxCoeff() > 0.0)) {  // every subsystem at 0: C is 0/0
      r.undefined.push_back(i);
      continue;
    }
    r.c(i) = coupling_degree(x, formula);
    r.d(i) = std::sqrt(r.c(i) * r.t(i));
    r.band[static_cast<std::size_t>(i)] = band_of(r.d(i));
  }
  return r;
}

}  // namespace cikit::coupling
