#include "methods/disparity/disparity.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "methods/core/error.hpp"

namespace cikit::disparity {

namespace {

/// Indices of the units of each group, groups in order of first appearance.
struct Groups {
  std::vector<std::string> names;
  std::vector<std::vector<Eigen::Index>> members;
};

Groups group_units(const Eigen::VectorXd& y, const std::vector<std::string>& group, const char* fn) {
  if (static_cast<std::size_t>(y.size()) != group.size())
    throw InvalidInput(fmt::format("{}: {} values but {} group labels; they must match", fn, y.size(), group.size()));
  if (y.size() < 2) throw InvalidInput(fmt::format("{}: {} unit(s), but at least 2 are needed", fn, y.size()));
  Groups g;
  std::map<std::string, std::size_t> at;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y(i)))
      throw InvalidInput(fmt::format("{}: value of unit {} is {}, but must be finite", fn, i + 1, y(i)));
    const auto& label = group[static_cast<std::size_t>(i)];
    if (label.empty()) throw InvalidInput(fmt::format("{}: unit {} has an empty group label", fn, i + 1));
    auto [it, added] = at.emplace(label, g.names.size());
    if (added) {
      g.names.push_back(label);
      g.members.emplace_back();
    }
    g.members[it->second].push_back(i);
  }
  return g;
}

std::vector<GroupSummary> summaries(const Eigen::VectorXd& y, const Groups& g) {
  const double n = static_cast<double>(y.size());
  const double total = y.sum();
  std::vector<GroupSummary> out;
  for (std::size_t j = 0; j < g.names.size(); ++j) {
    double s = 0.0;
    for (Eigen::Index i : g.members[j]) s += y(i);
    const double nj = static_cast<double>(g.members[j].size());
    out.push_back({g.names[j], static_cast<int>(g.members[j].size()), s / nj, nj / n, s / total});
  }
  return out;
}

/// Σ_i Σ_r |a_i − b_r|, Σ (a_i − b_r)⁺ and Σ (b_r − a_i)⁺ over the units of two groups.
struct PairSums {
  double abs = 0.0, pos = 0.0, neg = 0.0;
};

PairSums pair_sums(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& a, const std::vector<Eigen::Index>& b) {
  PairSums s;
  for (Eigen::Index i : a) {
    const double yi = y(i);
    double pos = 0.0, neg = 0.0;
    for (Eigen::Index r : b) {
      const double d = yi - y(r);
      pos += d > 0.0 ? d : 0.0;
      neg += d < 0.0 ? -d : 0.0;
    }
    s.pos += pos;
    s.neg += neg;
  }
  s.abs = s.pos + s.neg;
  return s;
}

}  // namespace

DagumGini dagum_gini(const Eigen::VectorXd& y, const std::vector<std::string>& group, const DisparityOptions& o) {
  const Groups g = group_units(y, group, "dagum_gini");
  DagumGini r;
  r.groups = summaries(y, g);
  const auto k = static_cast<Eigen::Index>(g.names.size());
  const double n = static_cast<double>(y.size());
  const double mu = y.mean();
  if (!(mu > 0.0))
    throw DomainError(fmt::format("dagum_gini: the mean of the values is {}, but must be > 0 (the Gini ratio "
                                  "divides by it; scores centred at 0, such as z-scores, have no Gini: use a "
                                  "normalisation with positive scores, e.g. minmax)", mu));
  Eigen::Index negatives = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) negatives += y(i) < 0.0 ? 1 : 0;
  if (negatives > 0)
    r.warnings.push_back(fmt::format("Gini: {} of {} values are negative; the Gini ratio is computed as defined "
                                     "(mean absolute difference over twice the mean) and may exceed 1",
                                     negatives, y.size()));
  for (const auto& s : r.groups) {
    if (!(s.mean > 0.0))
      throw DomainError(fmt::format("dagum_gini: group '{}' has mean {}, but must have a mean > 0 (G_jj divides "
                                    "by it)", s.group, s.mean));
    if (s.n == 1) {
      if (!o.allow_single_unit_groups)
        throw InvalidInput(fmt::format("dagum_gini: group '{}' has only one unit", s.group));
      r.warnings.push_back(fmt::format("Gini: group '{}' has only one unit; its within-group Gini G_jj is 0 by "
                                       "definition", s.group));
    }
  }
  r.group_gini = Eigen::VectorXd::Zero(k);
  r.pair_gini = Eigen::MatrixXd::Zero(k, k);
  r.pair_d = Eigen::MatrixXd::Zero(k, k);
  r.pair_gross = Eigen::MatrixXd::Zero(k, k);
  r.pair_transvariation_moment = Eigen::MatrixXd::Zero(k, k);
  double total_abs = 0.0;
  for (Eigen::Index j = 0; j < k; ++j) {
    const auto ju = static_cast<std::size_t>(j);
    const double nj = r.groups[ju].n, yj = r.groups[ju].mean;
    const PairSums w = pair_sums(y, g.members[ju], g.members[ju]);
    total_abs += w.abs;
    r.group_gini(j) = w.abs / (2.0 * nj * nj * yj);
    r.pair_gini(j, j) = r.group_gini(j);
    r.within += r.group_gini(j) * r.groups[ju].p * r.groups[ju].s;
    for (Eigen::Index h = 0; h < j; ++h) {
      const auto hu = static_cast<std::size_t>(h);
      const double nh = r.groups[hu].n, yh = r.groups[hu].mean;
      const PairSums b = pair_sums(y, g.members[ju], g.members[hu]);
      total_abs += 2.0 * b.abs;
      const double gjh = b.abs / (nj * nh * (yj + yh));
      // Order the pair so that the first group has the larger mean (Dagum 1997, eq. 9).
      const bool j_richer = yj >= yh;
      const double d = (j_richer ? b.pos : b.neg) / (nj * nh);
      const double p = (j_richer ? b.neg : b.pos) / (nj * nh);
      const double djh = d + p > 0.0 ? (d - p) / (d + p) : 0.0;
      r.pair_gini(j, h) = r.pair_gini(h, j) = gjh;
      r.pair_d(j, h) = r.pair_d(h, j) = djh;
      r.pair_gross(j, h) = r.pair_gross(h, j) = d;
      r.pair_transvariation_moment(j, h) = r.pair_transvariation_moment(h, j) = p;
      const double weight = r.groups[ju].p * r.groups[hu].s + r.groups[hu].p * r.groups[ju].s;
      r.between += gjh * weight * djh;
      r.transvariation += gjh * weight * (1.0 - djh);
    }
  }
  r.gini = total_abs / (2.0 * n * n * mu);
  if (r.gini > 0.0) {
    r.share_within = r.within / r.gini;
    r.share_between = r.between / r.gini;
    r.share_transvariation = r.transvariation / r.gini;
  }
  if (!std::isfinite(r.gini) || !std::isfinite(r.within) || !std::isfinite(r.between) ||
      !std::isfinite(r.transvariation))
    throw InternalError("dagum_gini: a non-finite result from finite input");
  return r;
}

TheilResult theil(const Eigen::VectorXd& y, const std::vector<std::string>& group,
                  const std::vector<std::string>& names) {
  const Groups g = group_units(y, group, "theil");
  std::string bad;
  int n_bad = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (!(y(i) > 0.0)) {
      if (++n_bad <= 10) {
        const auto iu = static_cast<std::size_t>(i);
        bad += (bad.empty() ? "" : ", ") +
               (iu < names.size() ? fmt::format("'{}' ({})", names[iu], y(i)) : fmt::format("unit {} ({})", i + 1, y(i)));
      }
    }
  if (n_bad > 0)
    throw DomainError(fmt::format("theil: {} value(s) are <= 0, but the Theil indices need values > 0 (they take "
                                  "logarithms): {}{}",
                                  n_bad, bad, n_bad > 10 ? ", ..." : ""));
  TheilResult r;
  r.groups = summaries(y, g);
  const auto k = static_cast<Eigen::Index>(g.names.size());
  const double n = static_cast<double>(y.size());
  const double mu = y.mean();
  r.group_t = Eigen::VectorXd::Zero(k);
  r.group_l = Eigen::VectorXd::Zero(k);
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    r.t += (y(i) / mu) * std::log(y(i) / mu);
    r.l += std::log(mu / y(i));
  }
  r.t /= n;
  r.l /= n;
  for (Eigen::Index j = 0; j < k; ++j) {
    const auto& s = r.groups[static_cast<std::size_t>(j)];
    double tj = 0.0, lj = 0.0;
    for (Eigen::Index i : g.members[static_cast<std::size_t>(j)]) {
      tj += (y(i) / s.mean) * std::log(y(i) / s.mean);
      lj += std::log(s.mean / y(i));
    }
    r.group_t(j) = tj / s.n;
    r.group_l(j) = lj / s.n;
    r.t_within += s.s * r.group_t(j);
    r.t_between += s.s * std::log(s.mean / mu);
    r.l_within += s.p * r.group_l(j);
    r.l_between += s.p * std::log(mu / s.mean);
  }
  if (!std::isfinite(r.t) || !std::isfinite(r.l)) throw InternalError("theil: a non-finite result from finite input");
  return r;
}

}  // namespace cikit::disparity
