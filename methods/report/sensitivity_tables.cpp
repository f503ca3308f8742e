#include "methods/report/sensitivity_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <regex>

#include "methods/core/error.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

namespace {

std::string join(const std::vector<std::string>& parts, Lang lang) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? msg("interp.list_sep", lang) : "") + parts[i];
  return s;
}

/// A method name of a discrete input in `lang` (registry names of the input's family).
template <class E>
std::string method_label(std::span<const MethodName<E>> table, const std::string& name, Lang lang) {
  E e{};
  if (!parse_method(table, name, e)) return name;
  const auto& info = method_info(table, e);
  return std::string(lang == Lang::Zh ? info.zh : info.en);
}

std::string node_label(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto i = tree.find(id);
  return i ? tree.node(*i).label.get(lang, id) : id;
}

/// Why a leave-one-out run failed, in `lang`: an only child (its parent would be left empty)
/// named in the document's language; other reasons through localised_reason (zh: a Chinese
/// sentence pointing to the English warning on stderr).
std::string loo_reason(const std::string& error, const IndicatorTree& tree, Lang lang) {
  if (lang == Lang::En) return error;
  static const std::regex only_child(R"(.*removing '([^']+)' leaves node '([^']+)' without children.*)");
  std::smatch m;
  if (std::regex_match(error, m, only_child)) return msgf("a14.reason.only_child", lang, node_label(tree, m[2].str(), lang));
  return localised_reason(error, lang);
}


const MonteCarloResult& monte_carlo(const SensitivityAnalysis& a) {
  if (!a.monte_carlo) throw InternalError("sensitivity tables: the analysis has no Monte Carlo result");
  return *a.monte_carlo;
}

std::string unit_label(const Dataset& data, Eigen::Index u, Lang lang) {
  return data.unit_name(u, lang_code(lang));
}

}  // namespace

std::string input_label(const std::string& name, Lang lang) {
  const std::string key = "input." + name;
  if (has_msg(key)) return msg(key, lang);
  // Per-level aggregation inputs "aggregate.<level key>" (uncertainty_inputs): dimensions,
  // indicators or levelN.
  if (name.rfind("aggregate.", 0) == 0) {
    const std::string level = name.substr(10);
    if (level == "dimensions" || level == "indicators") return msg("input.aggregate." + level, lang);
    if (level.rfind("level", 0) == 0 && level.size() > 5 &&
        level.find_first_not_of("0123456789", 5) == std::string::npos)
      return msgf("input.aggregate.level", lang, level.substr(5));
  }
  return name;
}

std::vector<std::string> input_descriptions(const UncertaintySpec& inputs, const IndicatorTree& tree, Lang lang) {
  std::vector<std::string> out;
  for (const auto& in : inputs.inputs) {
    std::string what;
    switch (in.kind) {
      case UncertainKind::Discrete: {
        std::vector<std::string> labels;
        if (in.name == "exclude") {
          const auto n = std::count_if(in.labels.begin(), in.labels.end(), [](const auto& l) { return l != "none"; });
          const bool none = static_cast<std::size_t>(n) < in.labels.size();
          if (n > 3) {
            what = msgf(none ? "input.exclude.any" : "input.exclude.some", lang, n);
            break;
          }
          for (const auto& l : in.labels) labels.push_back(l == "none" ? msg("input.exclude.none", lang) : node_label(tree, l, lang));
        } else {
          for (const auto& l : in.labels) {
            if (in.name == "normalize") labels.push_back(method_label(normalize_methods(), l, lang));
            else if (in.name == "weights") labels.push_back(method_label(weight_methods(), l, lang));
            else if (in.name == "aggregate" || in.name.rfind("aggregate.", 0) == 0)
              labels.push_back(method_label(aggregate_methods(), l, lang));
            else if (in.name == "impute") labels.push_back(method_label(impute_methods(), l, lang));
            else labels.push_back(l);
          }
        }
        what = join(labels, lang);
        break;
      }
      case UncertainKind::WeightPerturbation:
        what = msgf("input.desc.perturb", lang, in.percent);
        break;
      case UncertainKind::WeightDirichlet:
        what = msgf("input.desc.dirichlet", lang, in.concentration);
        break;
      case UncertainKind::JudgmentPerturbation:
        what = msgf("input.desc.judgments", lang, in.steps);
        if (in.reject_cr > 0.0) what += msgf("input.desc.reject_cr", lang, in.reject_cr);
        break;
      case UncertainKind::Continuous:
        what = fmt::format("[{:g}, {:g})", in.lower, in.upper);
        break;
    }
    out.push_back(msgf("input.line", lang, input_label(in.name, lang), what));
  }
  return out;
}

Table rank_interval_table(const SensitivityAnalysis& a, const Dataset& data, const IndicatorTree& tree, Lang lang) {
  const MonteCarloResult& mc = monte_carlo(a);
  const RankStatistics& rs = mc.rank_stats;
  const RankStatistics* bs = a.bootstrap && a.bootstrap->ranks ? &*a.bootstrap->ranks : nullptr;
  Table t = make_table("A12_rank_intervals", "A12", "a12.title", lang);
  for (const char* h : {"a12.h.unit", "a12.h.nominal", "a12.h.median", "a12.h.mean", "a12.h.interval", "a12.h.width",
                        "a12.h.runs"})
    t.header.push_back(msg(h, lang));
  if (bs) {
    t.header.push_back(msg("a12.h.median", lang));
    t.header.push_back(msgf("a12.h.boot_interval", lang, 100.0 * a.bootstrap->level));
    t.groups = {{"", 2}, {msg("a12.g.monte_carlo", lang), 5}, {msg("a12.g.bootstrap", lang), 2}};
  }
  const Eigen::Index n = data.n_units();
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  const auto key = [&](Eigen::Index u) { return a.nominal_ranks(u) > 0 ? a.nominal_ranks(u) : INT32_MAX; };
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index x, Eigen::Index y) { return key(x) < key(y); });
  Eigen::Index wider = 0, widest = -1;
  const auto cut = static_cast<double>((n + 9) / 10);  // 10% of the units, rounded up
  for (const Eigen::Index u : order) {
    const double width = rs.upper(u) - rs.lower(u);
    std::vector<Cell> row{Cell::txt(unit_label(data, u, lang)),
                          a.nominal_ranks(u) > 0 ? Cell::integer(a.nominal_ranks(u)) : Cell::txt("—"),
                          Cell::rank(rs.median(u)), Cell::number(rs.mean(u), 1),
                          Cell::rank_interval(rs.lower(u), rs.upper(u)), Cell::rank(width),
                          Cell::integer(rs.n_runs(u))};
    if (bs) {
      row.push_back(Cell::rank(bs->median(u)));
      row.push_back(Cell::rank_interval(bs->lower(u), bs->upper(u)));
    }
    t.rows.push_back(std::move(row));
    if (std::isfinite(width)) {
      if (width > cut) ++wider;
      if (widest < 0 || width > rs.upper(widest) - rs.lower(widest)) widest = u;
    }
  }
  std::string inputs;
  for (const auto& line : input_descriptions(a.inputs, tree, lang))
    inputs += (inputs.empty() ? "" : msg("list.major_sep", lang)) + line;
  t.notes.push_back(msgf("a12.note.inputs", lang, inputs));
  t.notes.push_back(msgf("a12.note.design", lang, mc.runs, mc.n, mc.input_names.size(),
                         msg(a.design == DesignKind::Sobol ? "a12.design.sobol" : "a12.design.random", lang),
                         mc.rank_stats_runs));
  if (!mc.failures.empty()) t.notes.push_back(msgf("a12.note.failures", lang, mc.failures.size()));
  if (bs) t.notes.push_back(msgf("a12.note.bootstrap", lang, a.bootstrap->replicates, a.bootstrap->failures.size(),
                                 100.0 * a.bootstrap->level));
  else if (a.bootstrap) t.notes.push_back(msg("a12.note.no_bootstrap_ranks", lang));
  t.interpretation.push_back(msgf("a12.interp", lang, mc.mean_rank_shift, wider, n, cut, rs.mean_interval_width));
  if (widest >= 0)
    t.interpretation.push_back(msgf("a12.interp.widest", lang, unit_label(data, widest, lang), rs.lower(widest),
                                    rs.upper(widest), a.nominal_ranks(widest)));
  return t;
}

std::vector<Figure> rank_intervals_figures(const SensitivityAnalysis& a, const Dataset& data, Lang lang,
                                           const std::string& number) {
  const MonteCarloResult& mc = monte_carlo(a);
  const RankStatistics& rs = mc.rank_stats;
  std::vector<RankInterval> units;
  double rank_max = 1;
  for (Eigen::Index u = 0; u < data.n_units(); ++u)
    if (rs.n_runs(u) > 0) {
      units.push_back({unit_label(data, u, lang), static_cast<double>(a.nominal_ranks(u)), rs.median(u), rs.lower(u),
                       rs.upper(u)});
      rank_max = std::max({rank_max, rs.upper(u), static_cast<double>(a.nominal_ranks(u))});
    }
  if (units.empty()) throw InternalError("rank_intervals_figures: no unit has a rank");
  // The order of the chart (rank_intervals_svg sorts the same way), cut into equal panels.
  std::stable_sort(units.begin(), units.end(), [](const RankInterval& x, const RankInterval& y) {
    if (x.median < y.median || y.median < x.median) return x.median < y.median;
    if (x.nominal < y.nominal || y.nominal < x.nominal) return x.nominal < y.nominal;
    return x.unit < y.unit;
  });
  const std::size_t panels = (units.size() + kRankPanelUnits - 1) / kRankPanelUnits;
  const std::size_t per = (units.size() + panels - 1) / panels;
  const std::vector<std::string> labels{msg("fig.ranks.x", lang), msg("fig.ranks.nominal", lang),
                                        msg("fig.ranks.median", lang), msg("fig.ranks.interval", lang)};
  std::vector<Figure> out;
  for (std::size_t p = 0; p < panels; ++p) {
    const std::size_t from = p * per, to = std::min(units.size(), from + per);
    Figure f;
    f.number = panels > 1 ? fmt::format("{}-{}", number, p + 1) : number;
    f.id = panels > 1 ? fmt::format("F{}_rank_intervals_{}", number, p + 1) : str_cat("F", number, "_rank_intervals");
    f.lang = lang;
    f.title = panels > 1 ? msgf("fig.ranks.title.panel", lang, from + 1, to) : msg("fig.ranks.title", lang);
    f.svg = rank_intervals_svg({units.begin() + static_cast<std::ptrdiff_t>(from),
                                units.begin() + static_cast<std::ptrdiff_t>(to)},
                               labels, rank_max);
    f.notes.push_back(msgf("fig.ranks.note", lang, mc.rank_stats_runs));
    out.push_back(std::move(f));
  }
  return out;
}

namespace {

/// "converged" or "not converged (reasons)" of one index.
std::string status_text(const IndexConvergence& c, double tol, Lang lang) {
  if (c.converged) return msg("a13.status.converged", lang);
  std::vector<std::string> why;
  if (c.reasons & kCiIncludesZero) why.push_back(msg("a13.reason.zero", lang));
  if (c.reasons & kCiTooWide) why.push_back(msgf("a13.reason.wide", lang, tol));
  if (c.reasons & kUnstable) why.push_back(msgf("a13.reason.unstable", lang, tol));
  return msgf("a13.status.not", lang, join(why, lang));
}

/// The notes of A13-1 on convergence: the rule, what is not converged and the N needed, S_T > 1.
void convergence_notes(Table& t, const SobolConvergenceStatus& st, const std::vector<std::string>& names,
                       Eigen::Index runs, Lang lang) {
  t.notes.push_back(msgf("a13.note.rule", lang, st.tolerance));
  const int total = 2 * st.inputs, bad = st.not_converged();
  if (bad == 0) {
    t.notes.push_back(msgf("a13.note.converged", lang, st.n, runs));
  } else if (st.n_needed > 0) {
    t.notes.push_back(msgf("a13.note.needed", lang, bad, total, st.n, runs, st.n_needed, st.runs(st.n_needed)));
  } else {
    t.notes.push_back(msgf("a13.note.not_converged", lang, bad, total, st.n, runs));
  }
  std::vector<std::string> zero;
  for (int i = 0; i < st.inputs; ++i) {
    const IndexConvergence& f = st.first[static_cast<std::size_t>(i)];
    if (!f.converged && f.n_needed == 0 && f.estimate <= 0.0) zero.push_back(names[static_cast<std::size_t>(i)]);
  }
  if (!zero.empty()) t.notes.push_back(msgf("a13.note.consistent_zero", lang, join(zero, lang)));
  for (int i = 0; i < st.inputs; ++i) {
    const IndexConvergence& c = st.total[static_cast<std::size_t>(i)];
    if (c.above_one) t.notes.push_back(msgf("a13.note.above_one", lang, names[static_cast<std::size_t>(i)], c.estimate));
  }
}

}  // namespace

std::vector<Table> sobol_tables(const SensitivityAnalysis& a, Lang lang, double tolerance) {
  const MonteCarloResult& mc = monte_carlo(a);
  if (!mc.sobol_rank_shift) return {};
  const SobolIndices& s = *mc.sobol_rank_shift;
  const int k = s.inputs;
  const bool ci = s.bootstrap_resamples > 0;
  const SobolConvergenceStatus st = sobol_convergence_status(s, 0, tolerance);
  const auto name = [&](int i) { return input_label(mc.input_names[static_cast<std::size_t>(i)], lang); };
  std::vector<std::string> names;
  for (int i = 0; i < k; ++i) names.push_back(name(i));

  Table t = make_table("A13_sobol_indices", "A13-1", "a13.title", lang);
  // Groups "First-order index" / "Total-order index" over "Estimate | 95% CI | Status".
  const int per = ci ? 3 : 2;
  t.header.push_back(msg("a13.h.input", lang));
  for (int part = 0; part < 2; ++part) {
    t.header.push_back(msg("a13.h.estimate", lang));
    if (ci) t.header.push_back(msg("a13.h.ci", lang));
    t.header.push_back(msg("a13.h.status", lang));
  }
  t.groups = {{"", 1}, {msg("a13.g.first", lang), per}, {msg("a13.g.total", lang), per}};
  double sum_first = 0;
  int top = 0, second = -1;
  for (int i = 0; i < k; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    std::vector<Cell> row{Cell::txt(name(i)), Cell::number(s.first(i, 0), 3)};
    if (ci) row.push_back(Cell::interval(s.first_lower(i, 0), s.first_upper(i, 0), 3));
    row.push_back(Cell::txt(status_text(st.first[iu], tolerance, lang)));
    row.push_back(Cell::number(s.total(i, 0), 3));
    if (ci) row.push_back(Cell::interval(s.total_lower(i, 0), s.total_upper(i, 0), 3));
    row.push_back(Cell::txt(status_text(st.total[iu], tolerance, lang)));
    t.rows.push_back(std::move(row));
    sum_first += s.first(i, 0);
    if (s.total(i, 0) > s.total(top, 0)) top = i;
  }
  for (int i = 0; i < k; ++i)
    if (i != top && (second < 0 || s.total(i, 0) > s.total(second, 0))) second = i;
  t.notes.push_back(msgf("a13.note.method", lang, mc.n, k, mc.runs));
  if (ci) t.notes.push_back(msgf("a13.note.ci", lang, s.bootstrap_resamples));
  convergence_notes(t, st, names, mc.runs, lang);
  if (!s.zero_variance_outputs.empty()) t.notes.push_back(msg("a13.note.zero_variance", lang));
  else {
    const IndexConvergence& tc = st.total[static_cast<std::size_t>(top)];
    // The dominant input is named only when its total-order index converged (and is <= 1).
    if (tc.converged && !tc.above_one) {
      std::string sentence = ci ? msgf("a13.interp.top.ci", lang, name(top), s.total(top, 0), s.total_lower(top, 0),
                                       s.total_upper(top, 0), s.first(top, 0))
                                : msgf("a13.interp.top", lang, name(top), s.total(top, 0), s.first(top, 0));
      if (ci && second >= 0 && s.total_lower(top, 0) <= s.total_upper(second, 0))
        sentence += msgf("a13.interp.overlap", lang, name(second), s.total(second, 0));
      t.interpretation.push_back(sentence + msg("interp.period", lang));
    } else {
      t.interpretation.push_back(msgf("a13.interp.not_established", lang, st.n, st.not_converged(), 2 * k, name(top),
                                      s.total(top, 0)));
    }
    // The interaction share only when every first-order index converged (they can then be summed).
    std::vector<std::string> open_first;
    for (int i = 0; i < k; ++i)
      if (!st.first[static_cast<std::size_t>(i)].converged) open_first.push_back(name(i));
    if (open_first.empty() && sum_first >= 0.0 && sum_first <= 1.0)
      t.interpretation.push_back(msgf("a13.interp.sum", lang, sum_first, 100.0 * (1.0 - sum_first)));
    else if (!open_first.empty())
      t.interpretation.push_back(msgf("a13.interp.first_open", lang, join(open_first, lang), st.n));
  }
  std::vector<Table> out{std::move(t)};

  if (s.convergence.size() >= 2) {
    Table c = make_table("A13_sobol_convergence", "A13-2", "a13b.title", lang);
    const auto m = static_cast<int>(s.convergence.size());
    c.header.push_back(msg("a13.h.input", lang));
    c.groups = {{"", 1}, {msg("a13.g.first", lang), m}, {msg("a13.g.total", lang), m}, {"", 1}};
    for (int part = 0; part < 2; ++part)
      for (const auto& cv : s.convergence) c.header.push_back(fmt::format("N={}", cv.n));
    c.header.push_back(msg("a13.h.status", lang));
    double change = -1;
    int moved = 0;
    std::string which;
    for (int i = 0; i < k; ++i) {
      const auto iu = static_cast<std::size_t>(i);
      std::vector<Cell> row{Cell::txt(name(i))};
      for (const auto& cv : s.convergence) row.push_back(Cell::number(cv.first(i, 0), 3));
      for (const auto& cv : s.convergence) row.push_back(Cell::number(cv.total(i, 0), 3));
      const auto word = [&](const IndexConvergence& ic) {
        return msg(ic.converged ? "a13.status.converged" : "a13b.status.not", lang);
      };
      row.push_back(Cell::txt(msgf("a13b.status", lang, word(st.first[iu]), word(st.total[iu]))));
      c.rows.push_back(std::move(row));
      for (int part = 0; part < 2; ++part) {
        const IndexConvergence& ic = part == 0 ? st.first[iu] : st.total[iu];
        if (ic.reasons & kUnstable) ++moved;
        if (ic.change > change) {
          change = ic.change;
          which = msgf(part == 0 ? "a13b.which.first" : "a13b.which.total", lang, name(i));
        }
      }
    }
    c.notes.push_back(msg("a13b.note", lang));
    const auto& prev = s.convergence[s.convergence.size() - 2];
    c.interpretation.push_back(msgf(change > tolerance ? "a13b.interp.above" : "a13b.interp.within", lang, prev.n,
                                    s.n, change, which, tolerance, moved, 2 * k));
    out.push_back(std::move(c));
  }
  return out;
}

Table leave_one_out_table(const SensitivityAnalysis& a, const IndicatorTree& tree, Lang lang) {
  if (!a.leave_one_out) throw InternalError("leave_one_out_table: the analysis has no leave-one-out result");
  const LeaveOneOutResult& loo = *a.leave_one_out;
  Table t = make_table("A14_leave_one_out", "A14", "a14.title", lang);
  for (const char* h : {"a14.h.removed", "a14.h.kind", "a14.h.mean_shift", "a14.h.max_shift"})
    t.header.push_back(msg(h, lang));
  std::vector<std::size_t> idx(loo.rows.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  // Dimensions first, then indicators; within each, the largest R̄s first (not computed last).
  const auto rank_key = [&](std::size_t i) { return loo.rows[i].computed ? loo.rows[i].mean_abs_rank_shift : -1.0; };
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
    const bool dx = loo.rows[x].kind == "dimension", dy = loo.rows[y].kind == "dimension";
    if (dx != dy) return dx;
    return rank_key(x) > rank_key(y);
  });
  std::vector<std::string> failed;
  const LeaveOneOutRow* top_dim = nullptr;
  const LeaveOneOutRow* top_ind = nullptr;
  for (const std::size_t i : idx) {
    const LeaveOneOutRow& r = loo.rows[i];
    const bool dim = r.kind == "dimension";
    const std::string label = node_label(tree, r.id, lang);
    t.rows.push_back({Cell::txt(label), Cell::txt(msg(dim ? "a14.kind.dimension" : "a14.kind.indicator", lang)),
                      r.computed ? Cell::number(r.mean_abs_rank_shift, 2) : Cell::txt("—"),
                      r.computed ? Cell::integer(r.max_abs_rank_shift) : Cell::txt("—")});
    if (!r.computed)
      failed.push_back(lang == Lang::Zh ? str_cat(label, "（", loo_reason(r.error, tree, lang), "）")
                                        : str_cat(label, " (", r.error, ")"));
    else if (dim && !top_dim) top_dim = &r;
    else if (!dim && !top_ind) top_ind = &r;
  }
  t.notes.push_back(msg("a14.note", lang));
  if (!failed.empty()) t.notes.push_back(msgf("a14.note.failed", lang, join(failed, lang)));
  if (top_dim)
    t.interpretation.push_back(msgf("a14.interp.dimension", lang, node_label(tree, top_dim->id, lang),
                                    top_dim->mean_abs_rank_shift, top_dim->max_abs_rank_shift));
  if (top_ind)
    t.interpretation.push_back(msgf("a14.interp.indicator", lang, node_label(tree, top_ind->id, lang),
                                    top_ind->mean_abs_rank_shift, top_ind->max_abs_rank_shift));
  return t;
}

}  // namespace cikit::report
