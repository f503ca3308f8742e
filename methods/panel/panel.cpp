#include "methods/panel/panel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <map>

#include "methods/aggregate/preflight.hpp"
#include "methods/treat/treat.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The tree with every leaf's direction "+" (the values handed to build_index are already
/// normalised and oriented) and, when `weights` is given, each non-root node's `weight:` set to
/// its local weight there (WeightMethod::Given).
IndicatorTree oriented_tree(const IndicatorTree& tree, const Eigen::VectorXd* weights) {
  std::vector<Node> nodes = tree.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].children.empty() && i != 0) nodes[i].direction = Direction::Positive;
    if (weights != nullptr && i != 0) nodes[i].weight = (*weights)(static_cast<Eigen::Index>(i));
  }
  return IndicatorTree(std::move(nodes));
}

/// Index of a period label (string match, then numeric match).
std::optional<std::size_t> find_period(const PanelData& panel, const std::string& label) {
  for (std::size_t k = 0; k < panel.periods.size(); ++k)
    if (panel.periods[k] == label) return k;
  char* end = nullptr;
  const double v = std::strtod(label.c_str(), &end);
  if (panel.numeric_periods && end != label.c_str() && *end == '\0')
    for (std::size_t k = 0; k < panel.periods.size(); ++k)
      if (!(panel.period_values[k] < v) && !(panel.period_values[k] > v)) return k;
  return std::nullopt;
}

std::string period_list(const PanelData& panel) {
  std::string s;
  for (const auto& p : panel.periods) s += (s.empty() ? "" : ", ") + p;
  return s;
}

/// True for the aggregations whose score of a unit depends on the other units of the same
/// cross-section (an ideal/anti-ideal, reference sequence, flows or ranks taken over the units):
/// TOPSIS, Copeland, BoD, GRA, VIKOR, PROMETHEE, COPRAS, EDAS and RSR. Built period by period,
/// their scores measure a unit against that period's units, not against a fixed scale.
bool relative_aggregation(AggregateMethod m) {
  switch (m) {
    case AggregateMethod::Topsis:
    case AggregateMethod::Copeland:
    case AggregateMethod::Bod:
    case AggregateMethod::Gra:
    case AggregateMethod::Vikor:
    case AggregateMethod::Promethee:
    case AggregateMethod::Copras:
    case AggregateMethod::Edas:
    case AggregateMethod::Rsr: return true;
    default: return false;
  }
}

/// The inner nodes (preorder) aggregated by a relative method, as "id (method)".
std::string relative_nodes(const IndicatorTree& tree, const IndexConfig& config) {
  std::string s;
  for (int i : tree.preorder()) {
    const Node& n = tree.node(i);
    if (n.children.empty()) continue;
    AggregateMethod m = config.aggregate;
    if (const auto it = config.aggregate_by_node.find(n.id); it != config.aggregate_by_node.end()) m = it->second.method;
    if (relative_aggregation(m))
      s += fmt::format("{}{} ({})", s.empty() ? "" : ", ", n.id, method_info(aggregate_methods(), m).name);
  }
  return s;
}

Dataset with_values(const Dataset& d, Eigen::MatrixXd values) {
  Dataset out = d;
  out.values = std::move(values);
  return out;
}

}  // namespace

const char* panel_mode_name(PanelNormalize m) {
  switch (m) {
    case PanelNormalize::Pooled: return "pooled";
    case PanelNormalize::Reference: return "reference";
    case PanelNormalize::PerPeriod: return "per_period";
  }
  return "pooled";
}

const char* panel_mode_name(PanelWeights m) {
  switch (m) {
    case PanelWeights::Pooled: return "pooled";
    case PanelWeights::Reference: return "reference";
    case PanelWeights::PerPeriod: return "per_period";
  }
  return "pooled";
}

NormalizeResult apply_normalization(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                                    const NormalizeResult& fitted, double lo, double hi, bool cap_at_target,
                                    std::vector<Eigen::Index>* n_outside) {
  const Eigen::Index m = x.cols();
  if (static_cast<Eigen::Index>(columns.size()) != m || fitted.center.size() != m || fitted.scale.size() != m ||
      static_cast<Eigen::Index>(fitted.methods.size()) != m)
    throw InvalidInput(fmt::format("apply_normalization: x has {} columns, but {} column infos and {} fitted constants "
                                   "were given; must be one per column",
                                   m, columns.size(), fitted.center.size()));
  NormalizeResult r;
  r.values.resize(x.rows(), m);
  r.center = fitted.center;
  r.scale = fitted.scale;
  r.methods = fitted.methods;
  r.n_truncated.assign(static_cast<std::size_t>(m), 0);
  if (n_outside != nullptr) n_outside->assign(static_cast<std::size_t>(m), 0);
  for (Eigen::Index j = 0; j < m; ++j) {
    const ColumnInfo& info = columns[static_cast<std::size_t>(j)];
    const NormalizeMethod method = fitted.methods[static_cast<std::size_t>(j)];
    const bool neg = info.direction == Direction::Negative;
    const double c = fitted.center(j), s = fitted.scale(j);
    Location where;
    where.indicator = info.id;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double v = x(i, j);
      double y = v;
      if (std::isnan(v)) {
        r.values(i, j) = v;
        continue;
      }
      switch (method) {
        case NormalizeMethod::MinMax:
        case NormalizeMethod::Goalposts: {
          double vv = v;
          if (method == NormalizeMethod::Goalposts) {  // the spec's goalposts clip, as normalize()
            if (v < c || v > c + s) ++r.n_truncated[static_cast<std::size_t>(j)];
            vv = std::clamp(v, c, c + s);
          }
          const double t = neg ? (c + s - vv) / s : (vv - c) / s;
          if (n_outside != nullptr && (t < 0 || t > 1)) ++(*n_outside)[static_cast<std::size_t>(j)];
          y = std::lerp(lo, hi, t);
          break;
        }
        case NormalizeMethod::ZScore: y = neg ? (c - v) / s : (v - c) / s; break;
        case NormalizeMethod::DistanceToReference:
        case NormalizeMethod::DistanceToTarget: {
          double t = neg ? (c - v) / s : (v - c) / s;
          if (cap_at_target && t > 1) {
            t = 1;
            ++r.n_truncated[static_cast<std::size_t>(j)];
          }
          y = lo + (hi - lo) * t;
          break;
        }
        case NormalizeMethod::RatioToMean:
        case NormalizeMethod::RatioToMax:
          if (!(v > 0))
            throw DomainError(fmt::format("apply_normalization: column {} has value {} in row {}, but ratios need "
                                          "every value > 0",
                                          j + 1, v, i + 1),
                              where);
          y = neg ? s / v : v / s;
          break;
        case NormalizeMethod::Vector: y = (neg ? -v : v) / s; break;
        case NormalizeMethod::None: y = v; break;
        case NormalizeMethod::Rank:
        case NormalizeMethod::PercentileRank:
          throw InvalidInput(fmt::format("apply_normalization: indicator '{}' uses {} normalisation, which has no "
                                         "constants to carry to other rows (a rank depends on the other units); use "
                                         "panel.normalize: pooled (ranks over all periods) or per_period",
                                         info.id, method == NormalizeMethod::Rank ? "rank" : "percentile"),
                             where);
      }
      if (!std::isfinite(y))
        throw DomainError(fmt::format("apply_normalization: column {} ('{}'): non-finite result {} in row {}", j + 1,
                                      info.id, y, i + 1),
                          where);
      r.values(i, j) = y;
    }
  }
  return r;
}

PanelIndexResult build_panel_index(const PanelData& panel, const IndicatorTree& tree, const IndexConfig& config,
                                   const WeightInputs& inputs, const PanelSettings& settings) {
  const std::size_t P = panel.sections.size();
  if (P == 0) throw InvalidInput("build_panel_index: the panel has no period");
  PanelIndexResult out;
  out.periods = panel.periods;
  out.period_values = panel.period_values;
  out.settings = settings;
  const bool need_ref = settings.normalize == PanelNormalize::Reference || settings.weights == PanelWeights::Reference;
  std::size_t ref = 0;
  if (need_ref) {
    if (settings.reference.empty())
      throw InvalidInput(fmt::format("panel.normalize or panel.weights is reference, but panel.reference (the "
                                     "reference period) is not given; periods: {}",
                                     period_list(panel)),
                         settings.where);
    const auto k = find_period(panel, settings.reference);
    if (!k)
      throw InvalidInput(fmt::format("panel.reference is '{}', which is not a period of the data ({}: {})",
                                     settings.reference, panel.time_column, period_list(panel)),
                         settings.reference_where);
    ref = *k;
  }
  const auto& leaves = tree.leaves();
  const auto m = static_cast<Eigen::Index>(leaves.size());
  std::vector<ColumnInfo> columns = leaf_columns(tree);
  for (std::size_t j = 0; j < leaves.size(); ++j) columns[j].method = leaf_normalize_method(tree, leaves[j], config);

  // Stacked panel (rows: period 1's units, period 2's, ...), ids "unit (period)" for messages.
  std::vector<Eigen::Index> offset(P + 1, 0);
  for (std::size_t p = 0; p < P; ++p) {
    if (panel.sections[p].n_indicators() != m)
      throw InvalidInput(fmt::format("build_panel_index: period {} has {} indicator columns but the tree has {}",
                                     panel.periods[p], panel.sections[p].n_indicators(), m));
    offset[p + 1] = offset[p] + panel.sections[p].n_units();
  }
  Eigen::MatrixXd stacked(offset[P], m);
  std::vector<std::string> stacked_ids, stacked_groups;
  for (std::size_t p = 0; p < P; ++p) {
    const Dataset& d = panel.sections[p];
    stacked.middleRows(offset[p], d.n_units()) = d.values;
    for (const auto& u : d.unit_ids) stacked_ids.push_back(fmt::format("{} ({})", u, panel.periods[p]));
    stacked_groups.insert(stacked_groups.end(), d.unit_groups.begin(), d.unit_groups.end());
  }
  const auto section_of = [&](const Eigen::MatrixXd& all, std::size_t p) {
    return Eigen::MatrixXd(all.middleRows(offset[p], panel.sections[p].n_units()));
  };

  // (1) Treatment: on the stacked panel unless periods are normalised on their own.
  const bool per_period_norm = settings.normalize == PanelNormalize::PerPeriod;
  std::vector<Eigen::MatrixXd> raw(P);
  std::vector<TreatResult> treatments(P);
  if (treatment_requested(config.treat)) {
    if (per_period_norm) {
      for (std::size_t p = 0; p < P; ++p) {
        const Dataset& d = panel.sections[p];
        treatments[p] = treat(d.values, d.indicator_ids, d.unit_ids, config.treat, d.unit_groups);
        raw[p] = treatments[p].values;
        for (const auto& w : treatments[p].warnings) out.warnings.push_back(fmt::format("period {}: {}", panel.periods[p], w));
      }
    } else {
      const TreatResult t = treat(stacked, panel.sections[0].indicator_ids, stacked_ids, config.treat,
                                  stacked_groups.size() == stacked_ids.size() ? stacked_groups : std::vector<std::string>{});
      for (const auto& w : t.warnings) out.warnings.push_back("treatment of the stacked panel: " + w);
      stacked = t.values;
      for (std::size_t p = 0; p < P; ++p) raw[p] = section_of(stacked, p);
    }
  } else {
    for (std::size_t p = 0; p < P; ++p) raw[p] = panel.sections[p].values;
  }

  // (2) Normalisation.
  NormalizeOptions nopt;
  nopt.method = config.normalize;
  nopt.range_lo = config.range_lo;
  nopt.range_hi = config.range_hi;
  nopt.cap_at_target = config.cap_at_target;
  const auto reference_row = [&](const Dataset& d, const std::string& period) -> std::optional<Eigen::Index> {
    if (config.reference_unit.empty()) return std::nullopt;
    const auto it = std::find(d.unit_ids.begin(), d.unit_ids.end(), config.reference_unit);
    if (it == d.unit_ids.end())
      throw InvalidInput(fmt::format("methods.normalize.reference is '{}', which is not a unit of period {}",
                                     config.reference_unit, period));
    return static_cast<Eigen::Index>(it - d.unit_ids.begin());
  };
  std::vector<NormalizeResult> normed(P);
  switch (settings.normalize) {
    case PanelNormalize::Pooled: {
      for (const ColumnInfo& c : columns)
        if (c.method == NormalizeMethod::DistanceToReference)
          throw InvalidInput(fmt::format("indicator '{}' uses distance_ref, whose reference unit exists once per "
                                         "period; with panel data use panel.normalize: reference (the reference "
                                         "unit's value in the reference period) or per_period",
                                         c.id));
      Eigen::MatrixXd all(offset[P], m);
      for (std::size_t p = 0; p < P; ++p) all.middleRows(offset[p], raw[p].rows()) = raw[p];
      nopt.unit_ids = stacked_ids;
      out.fitted = normalize(all, columns, nopt);
      for (std::size_t p = 0; p < P; ++p) {
        normed[p] = out.fitted;
        normed[p].values = section_of(out.fitted.values, p);
        normed[p].n_truncated.assign(static_cast<std::size_t>(m), 0);
      }
      break;
    }
    case PanelNormalize::Reference: {
      nopt.unit_ids = panel.sections[ref].unit_ids;
      nopt.reference_row = reference_row(panel.sections[ref], panel.periods[ref]);
      out.fitted = normalize(raw[ref], columns, nopt);
      std::vector<Eigen::Index> outside_total(static_cast<std::size_t>(m), 0);
      for (std::size_t p = 0; p < P; ++p) {
        std::vector<Eigen::Index> outside;
        normed[p] = apply_normalization(raw[p], columns, out.fitted, config.range_lo, config.range_hi,
                                        config.cap_at_target, &outside);
        for (std::size_t j = 0; j < outside.size(); ++j) outside_total[j] += outside[j];
      }
      std::string list;
      Eigen::Index n_out = 0;
      for (std::size_t j = 0; j < outside_total.size(); ++j)
        if (outside_total[j] > 0) {
          n_out += outside_total[j];
          list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", columns[j].id, outside_total[j]);
        }
      if (n_out > 0)
        out.warnings.push_back(fmt::format(
            "panel.normalize: reference: {} value(s) lie outside the reference period {}'s range and score outside "
            "[{}, {}] (not clipped, so change beyond the reference stays visible): {}",
            n_out, panel.periods[ref], config.range_lo, config.range_hi, list));
      break;
    }
    case PanelNormalize::PerPeriod: {
      for (std::size_t p = 0; p < P; ++p) {
        nopt.unit_ids = panel.sections[p].unit_ids;
        nopt.reference_row = reference_row(panel.sections[p], panel.periods[p]);
        normed[p] = normalize(raw[p], columns, nopt);
      }
      out.warnings.push_back(
          "panel.normalize: per_period: each period is normalised on its own (cross-sections); scores and ranks are "
          "comparable within a period but NOT over time (use pooled or reference to compare periods)");
      break;
    }
  }

  // (3) Weights and (4) the index of every period, on the normalised values.
  IndexConfig cfg = config;
  cfg.normalize = NormalizeMethod::None;
  cfg.normalize_by_indicator.clear();
  cfg.reference_unit.clear();
  cfg.treat = TreatConfig{};
  const IndicatorTree oriented = oriented_tree(tree, nullptr);
  const bool data_driven = is_data_driven(config.weights);
  const auto period_data = [&](std::size_t p) { return with_values(panel.sections[p], normed[p].values); };
  out.weights_fixed = !data_driven || settings.weights != PanelWeights::PerPeriod;
  std::optional<IndicatorTree> fixed_tree;
  IndexConfig fixed_cfg = cfg;
  if (data_driven && settings.weights != PanelWeights::PerPeriod) {
    Dataset fit;
    if (settings.weights == PanelWeights::Pooled) {
      fit = panel.sections[0];
      fit.unit_ids = stacked_ids;
      fit.unit_names_zh.clear();
      fit.unit_names_en.clear();
      fit.unit_groups.clear();
      fit.source_lines.clear();
      fit.values.resize(offset[P], m);
      for (std::size_t p = 0; p < P; ++p) fit.values.middleRows(offset[p], normed[p].values.rows()) = normed[p].values;
    } else {
      fit = period_data(ref);
    }
    const IndexResult fr = build_index(fit, oriented, cfg, inputs, RankScope::IndexOnly);
    out.weights = fr.weights;
    for (const auto& w : fr.weights.warnings)
      out.warnings.push_back(fmt::format("weights ({}): {}", panel_mode_name(settings.weights), w));
    fixed_tree = oriented_tree(tree, &fr.weights.local);
    fixed_cfg.weights = WeightMethod::Given;
  }
  for (std::size_t p = 0; p < P; ++p) {
    IndexResult r = fixed_tree ? build_index(period_data(p), *fixed_tree, fixed_cfg, inputs)
                               : build_index(period_data(p), oriented, cfg, inputs);
    if (fixed_tree) r.weights = out.weights;  // the fitted weights, with their AHP/BWM diagnostics
    r.normalization = normed[p];
    r.treatment = treatments[p];
    r.n_missing_values = panel.sections[p].n_missing();
    r.n_units_incomplete = (panel.sections[p].values.array().isNaN().rowwise().any()).count();
    for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("period {}: {}", panel.periods[p], w));
    out.results.push_back(std::move(r));
  }
  if (!fixed_tree) out.weights = out.results.front().weights;
  if (P > 1)
    if (const std::string rel = relative_nodes(tree, config); !rel.empty())
      out.warnings.push_back(fmt::format(
          "panel: nodes aggregated relative to the units of each period ({}): the ideal, reference or flows "
          "come from that period's cross-section, so a score measures a unit against the other units of its "
          "own period and its change over time also reflects theirs; arithmetic, geometric or power means "
          "keep one scale across periods",
          rel));
  if (data_driven && settings.weights == PanelWeights::PerPeriod)
    out.warnings.push_back(fmt::format(
        "panel.weights: per_period: the data-driven weights ({}) are computed in every period, so they change from "
        "period to period and part of a score's change over time comes from the weights",
        std::string(method_info(weight_methods(), config.weights).name)));
  return out;
}

PanelTrajectories panel_trajectories(const PanelData& panel, const PanelIndexResult& r, int node) {
  PanelTrajectories t;
  t.units = panel.units;
  const auto n = static_cast<Eigen::Index>(panel.units.size());
  const auto P = static_cast<Eigen::Index>(r.results.size());
  t.scores = Eigen::MatrixXd::Constant(n, P, kNaN);
  t.ranks = Eigen::MatrixXi::Zero(n, P);
  std::map<std::string, Eigen::Index> row_of;
  for (Eigen::Index u = 0; u < n; ++u) row_of[panel.units[static_cast<std::size_t>(u)]] = u;
  for (Eigen::Index p = 0; p < P; ++p) {
    const Dataset& d = panel.sections[static_cast<std::size_t>(p)];
    const IndexResult& res = r.results[static_cast<std::size_t>(p)];
    for (Eigen::Index i = 0; i < d.n_units(); ++i) {
      const Eigen::Index u = row_of.at(d.unit_ids[static_cast<std::size_t>(i)]);
      t.scores(u, p) = res.scores(i, node);
      if (res.ranks.cols() > node) t.ranks(u, p) = res.ranks(i, node);
    }
  }
  return t;
}

std::vector<UnitTrend> panel_trends(const Eigen::MatrixXd& y, const std::vector<double>& t,
                                    const std::vector<std::string>& units, const TrendOptions& options) {
  if (static_cast<Eigen::Index>(t.size()) != y.cols())
    throw InvalidInput(fmt::format("panel_trends: {} period values for {} columns; must be one per period", t.size(),
                                   y.cols()));
  if (static_cast<Eigen::Index>(units.size()) != y.rows())
    throw InvalidInput(fmt::format("panel_trends: {} unit ids for {} rows", units.size(), y.rows()));
  for (std::size_t k = 1; k < t.size(); ++k)
    if (!(t[k - 1] < t[k])) throw InvalidInput("panel_trends: period values must be increasing");
  if (!(options.flat_tol >= 0)) throw InvalidInput("panel_trends: flat_tol must be >= 0");
  std::vector<UnitTrend> out;
  const Eigen::Index P = y.cols();
  for (Eigen::Index u = 0; u < y.rows(); ++u) {
    UnitTrend tr;
    tr.unit = units[static_cast<std::size_t>(u)];
    tr.first = P > 0 ? y(u, 0) : kNaN;
    tr.last = P > 0 ? y(u, P - 1) : kNaN;
    tr.change = tr.last - tr.first;
    tr.cagr = kNaN;
    if (std::isnan(tr.first) || std::isnan(tr.last)) {
      tr.cagr_note = "no score in the first or last period";
    } else if (!(tr.first > 0) || !(tr.last > 0)) {
      tr.cagr_note = fmt::format("a score is not > 0 (first {}, last {}); growth rates need positive scores", tr.first,
                                 tr.last);
    } else if (P < 2) {
      tr.cagr_note = "one period";
    } else {
      tr.cagr = std::pow(tr.last / tr.first, 1.0 / (t[static_cast<std::size_t>(P - 1)] - t[0])) - 1.0;
    }
    // OLS y ~ t over the available periods (two-pass: means, then centred sums).
    std::vector<std::pair<double, double>> pts;
    for (Eigen::Index p = 0; p < P; ++p)
      if (!std::isnan(y(u, p))) pts.emplace_back(t[static_cast<std::size_t>(p)], y(u, p));
    tr.n = static_cast<Eigen::Index>(pts.size());
    tr.slope = tr.intercept = tr.slope_se = tr.p_value = tr.r_squared = kNaN;
    if (tr.n >= 2) {
      double mt = 0, my = 0;
      for (const auto& [ti, yi] : pts) mt += ti, my += yi;
      const auto n = static_cast<double>(tr.n);
      mt /= n;
      my /= n;
      double stt = 0, sty = 0, syy = 0;
      for (const auto& [ti, yi] : pts) {
        stt += (ti - mt) * (ti - mt);
        sty += (ti - mt) * (yi - my);
        syy += (yi - my) * (yi - my);
      }
      tr.slope = sty / stt;
      tr.intercept = my - tr.slope * mt;
      double sse = 0;
      for (const auto& [ti, yi] : pts) {
        const double e = yi - tr.intercept - tr.slope * ti;
        sse += e * e;
      }
      tr.r_squared = syy > 0 ? 1.0 - sse / syy : kNaN;
      if (tr.n >= 3) {
        tr.slope_se = std::sqrt(sse / (n - 2) / stt);
        if (tr.slope_se > 0) {
          const boost::math::students_t_distribution<double> td(n - 2);
          tr.p_value = 2 * boost::math::cdf(boost::math::complement(td, std::abs(tr.slope / tr.slope_se)));
        } else {
          tr.p_value = 0;  // an exact line: the slope is certain
        }
      }
      tr.direction = std::abs(tr.slope) <= options.flat_tol ? "flat" : tr.slope > 0 ? "up" : "down";
    }
    out.push_back(std::move(tr));
  }
  return out;
}

PanelAlpha panel_alpha(const PanelData& panel, const IndicatorTree& tree) {
  PanelAlpha a;
  for (int i : tree.preorder())
    if (!tree.node(i).children.empty()) {
      a.nodes.push_back(i);
      a.node_ids.push_back(tree.node(i).id);
    }
  const auto K = static_cast<Eigen::Index>(a.nodes.size());
  const auto P = static_cast<Eigen::Index>(panel.sections.size());
  a.alpha = Eigen::MatrixXd::Constant(K, P, kNaN);
  a.std_alpha = Eigen::MatrixXd::Constant(K, P, kNaN);
  a.notes.assign(static_cast<std::size_t>(K), std::vector<std::string>(static_cast<std::size_t>(P)));
  for (Eigen::Index p = 0; p < P; ++p) {
    const std::vector<NodeAlpha> na = alpha_by_node(panel.sections[static_cast<std::size_t>(p)], tree);
    for (const NodeAlpha& n : na) {
      const auto k = std::find(a.nodes.begin(), a.nodes.end(), n.node) - a.nodes.begin();
      if (k >= K) continue;
      if (n.result) {
        a.alpha(k, p) = n.result->raw_alpha;
        a.std_alpha(k, p) = n.result->std_alpha;
      }
      else a.notes[static_cast<std::size_t>(k)][static_cast<std::size_t>(p)] = n.error;
    }
  }
  return a;
}

}  // namespace cikit
