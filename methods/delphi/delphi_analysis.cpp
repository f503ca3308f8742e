#include "methods/delphi/delphi_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt_num(double x) { return fmt::format("{:g}", x); }

/// Indicator ids of a set, in tree pre-order, split by level (or all together).
std::vector<std::pair<int, std::vector<std::string>>> split_levels(const std::set<std::string>& ids,
                                                                   const IndicatorTree& tree, DelphiGrouping g) {
  std::map<int, std::vector<std::string>> by;
  for (int i : tree.preorder()) {
    const Node& n = tree.node(i);
    if (ids.count(n.id)) by[g == DelphiGrouping::Level ? n.depth : 0].push_back(n.id);
  }
  return {by.begin(), by.end()};
}

void fill_group(DelphiGroup& grp, const Eigen::MatrixXd& full, bool counts_input, const DelphiInput& in,
                const DelphiOptions& options) {
  // Complete experts (rows without NaN).
  std::vector<Eigen::Index> complete;
  for (Eigen::Index i = 0; i < full.rows(); ++i)
    if (!full.row(i).array().isNaN().any()) complete.push_back(i);
  Eigen::MatrixXd comp(static_cast<Eigen::Index>(complete.size()), full.cols());
  for (std::size_t q = 0; q < complete.size(); ++q) comp.row(static_cast<Eigen::Index>(q)) = full.row(complete[q]);
  const bool drop = in.missing == DelphiMissing::DropIncompleteExperts && !counts_input;
  const Eigen::MatrixXd& used = drop ? comp : full;
  grp.n_experts = static_cast<int>(full.rows());
  grp.n_used = counts_input ? grp.n_experts : static_cast<int>(used.rows());
  grp.n_dropped = drop ? static_cast<int>(full.rows() - comp.rows()) : 0;
  const std::string where = fmt::format("round {}, aspect '{}'{}", grp.round, grp.aspect,
                                        grp.level > 0 ? fmt::format(", level {}", grp.level) : std::string());
  if (grp.n_dropped > 0)
    grp.warnings.push_back(fmt::format("{}: {} incomplete expert(s) dropped (missing rule drop_experts)", where,
                                       grp.n_dropped));
  if (used.rows() < 2)
    throw InvalidInput(fmt::format("Delphi {}: fewer than 2 experts with complete ratings ({} of {})", where,
                                   used.rows(), full.rows()),
                       Location{.file = in.file});
  grp.stats = item_statistics(used, {.scale_max = in.scale.max, .full_score = in.full_score});
  grp.screening = screen_indicators(grp.stats, in.screening);
  grp.cvi = content_validity_index(used, in.scale.relevant);
  grp.cvr = content_validity_ratio(used, in.scale.essential);
  grp.rank_sums = Eigen::VectorXd::Constant(full.cols(), kNaN);
  for (auto* w : {&grp.stats.warnings, &grp.screening.warnings, &grp.cvi.warnings, &grp.cvr.warnings})
    for (const auto& s : *w) grp.warnings.push_back(fmt::format("{}: {}", where, s));
  if (counts_input) return;
  auto guarded = [&](const char* what, auto&& f) {
    try {
      f();
    } catch (const DomainError& e) {
      grp.warnings.push_back(fmt::format("{}: {} not computed: {}", where, what, e.what()));
    } catch (const InvalidInput& e) {
      grp.warnings.push_back(fmt::format("{}: {} not computed: {}", where, what, e.what()));
    }
  };
  if (comp.rows() >= 2 && comp.cols() >= 2) {
    guarded("Kendall's W", [&] {
      grp.kendall = kendall_w(comp, {.permutations = in.permutations, .seed = in.seed, .threads = options.threads});
      grp.rank_sums = grp.kendall->rank_sums;
      for (const auto& s : grp.kendall->warnings) grp.warnings.push_back(fmt::format("{}: {}", where, s));
    });
    guarded("ICC", [&] { grp.icc = intraclass_correlation(comp); });
    guarded("Fleiss' kappa", [&] { grp.fleiss = fleiss_kappa(comp); });
  } else {
    grp.warnings.push_back(fmt::format("{}: W, ICC and kappa need >= 2 complete experts and >= 2 indicators", where));
  }
  guarded("Krippendorff's alpha", [&] {
    grp.alpha_nominal = krippendorff_alpha(used, AlphaLevel::Nominal);
    grp.alpha_ordinal = krippendorff_alpha(used, AlphaLevel::Ordinal);
    grp.alpha_interval = krippendorff_alpha(used, AlphaLevel::Interval);
  });
}

}  // namespace

DelphiResult analyse_delphi(const DelphiInput& in, const IndicatorTree& tree, const DelphiOptions& options) {
  DelphiResult res;
  const bool counts_input = in.ratings.empty();
  std::set<int> rounds;
  auto note_aspect = [&](const std::string& a) {
    if (std::find(res.aspects.begin(), res.aspects.end(), a) == res.aspects.end()) res.aspects.push_back(a);
  };
  for (const auto& r : in.ratings) rounds.insert(r.round), note_aspect(r.aspect);
  for (const auto& c : in.counts) rounds.insert(c.round), note_aspect(c.aspect);

  for (int rd : rounds) {
    DelphiRound R;
    R.round = rd;
    // Panel.
    std::vector<ExpertAuthorityAnswers> answers;
    for (const auto& e : in.experts) {
      if (e.round != rd) continue;
      ++R.sent;
      if (!e.returned) continue;
      ++R.returned;
      if (e.commented) ++R.commented;
      if (!e.basis.empty() && !e.familiarity.empty()) {
        answers.push_back({e.basis, e.familiarity});
        R.authority_experts.push_back(e.id);
      }
    }
    if (R.sent > 0) {
      R.positive_coefficient = static_cast<double>(R.returned) / R.sent;
      if (R.positive_coefficient < in.min_response)
        res.warnings.push_back(fmt::format("round {}: expert positive coefficient {:.1f}% is below {:.0f}%", rd,
                                           100 * R.positive_coefficient, 100 * in.min_response));
    }
    if (R.returned > 0) R.comment_rate = static_cast<double>(R.commented) / R.returned;
    if (!answers.empty()) {
      R.authority = authority_coefficients(answers, in.authority);
      for (const auto& w : R.authority->warnings) res.warnings.push_back(fmt::format("round {}: {}", rd, w));
    }
    // Groups.
    std::map<std::string, DelphiVerdict> verdicts;
    for (const auto& aspect : res.aspects) {
      std::set<std::string> ids;
      for (const auto& r : in.ratings)
        if (r.round == rd && r.aspect == aspect) ids.insert(r.indicator);
      for (const auto& c : in.counts)
        if (c.round == rd && c.aspect == aspect) ids.insert(c.indicator);
      if (ids.empty()) continue;
      for (auto& [level, ind] : split_levels(ids, tree, in.grouping)) {
        DelphiGroup grp;
        grp.round = rd;
        grp.aspect = aspect;
        grp.level = level;
        grp.indicators = ind;
        std::map<std::string, Eigen::Index> col;
        for (std::size_t j = 0; j < ind.size(); ++j) col[ind[j]] = static_cast<Eigen::Index>(j);
        Eigen::MatrixXd full;
        if (!counts_input) {
          std::vector<std::string> experts;
          std::map<std::string, Eigen::Index> row;
          for (const auto& r : in.ratings)
            if (r.round == rd && r.aspect == aspect && col.count(r.indicator) && !std::isnan(r.score) &&
                row.emplace(r.expert, static_cast<Eigen::Index>(experts.size())).second)
              experts.push_back(r.expert);
          full = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(experts.size()), static_cast<Eigen::Index>(ind.size()),
                                           kNaN);
          for (const auto& r : in.ratings)
            if (r.round == rd && r.aspect == aspect && col.count(r.indicator) && row.count(r.expert))
              full(row.at(r.expert), col.at(r.indicator)) = r.score;
        } else {
          Eigen::VectorXd total = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(ind.size()));
          for (const auto& c : in.counts)
            if (c.round == rd && c.aspect == aspect && col.count(c.indicator)) total(col.at(c.indicator)) += c.count;
          full = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(total.maxCoeff()), total.size(), kNaN);
          Eigen::VectorXd filled = Eigen::VectorXd::Zero(total.size());
          for (const auto& c : in.counts)
            if (c.round == rd && c.aspect == aspect && col.count(c.indicator)) {
              const Eigen::Index j = col.at(c.indicator);
              for (int q = 0; q < static_cast<int>(c.count); ++q)
                full(static_cast<Eigen::Index>(filled(j)++), j) = c.score;
            }
        }
        fill_group(grp, full, counts_input, in, options);
        for (std::size_t j = 0; j < ind.size(); ++j) {
          auto& v = verdicts[ind[j]];
          v.indicator = ind[j];
          const auto& s = grp.screening;
          const auto& st = grp.stats;
          const auto jj = static_cast<Eigen::Index>(j);
          if (s.fail_mean[j]) v.failed.push_back(fmt::format("{}: mean {:.3f} < {}", aspect, st.mean(jj), fmt_num(in.screening.min_mean)));
          if (s.fail_cv[j]) v.failed.push_back(fmt::format("{}: CV {:.3f} >= {}", aspect, st.cv(jj), fmt_num(in.screening.max_cv)));
          if (s.fail_full_score[j])
            v.failed.push_back(fmt::format("{}: full-score ratio {:.3f} < {}", aspect, st.full_score_ratio(jj),
                                           fmt_num(in.screening.min_full_score)));
          if (s.fail_boundary_mean[j])
            v.failed.push_back(fmt::format("{}: boundary mean ({:.3f} <= {:.3f})", aspect, st.mean(jj), s.thresholds.mean));
          if (s.fail_boundary_full_score[j])
            v.failed.push_back(fmt::format("{}: boundary full-score ratio ({:.3f} <= {:.3f})", aspect,
                                           st.full_score_ratio(jj), s.thresholds.full_score));
          if (s.fail_boundary_cv[j])
            v.failed.push_back(fmt::format("{}: boundary CV ({:.3f} >= {:.3f})", aspect, st.cv(jj), s.thresholds.cv));
          v.verdict = std::max(v.verdict, s.verdict[j]);
        }
        for (const auto& w : grp.warnings) res.warnings.push_back(w);
        R.groups.push_back(std::move(grp));
      }
    }
    for (int i : tree.preorder())
      if (const auto it = verdicts.find(tree.node(i).id); it != verdicts.end()) R.verdicts.push_back(it->second);
    res.rounds.push_back(std::move(R));
  }

  // Changes between consecutive rounds (first aspect's mean).
  auto mean_in = [&](const DelphiRound& R, const std::string& id) {
    for (const auto& g : R.groups) {
      if (g.aspect != res.aspects.front()) continue;
      for (std::size_t j = 0; j < g.indicators.size(); ++j)
        if (g.indicators[j] == id) return g.stats.mean(static_cast<Eigen::Index>(j));
    }
    return kNaN;
  };
  for (std::size_t k = 0; k + 1 < res.rounds.size(); ++k) {
    const auto& a = res.rounds[k];
    const auto& b = res.rounds[k + 1];
    for (const auto& v : a.verdicts) {
      DelphiChange c;
      c.indicator = v.indicator;
      c.from_round = a.round;
      c.to_round = b.round;
      c.from = v.verdict;
      c.aspect = res.aspects.front();
      c.mean_from = mean_in(a, v.indicator);
      for (const auto& w : b.verdicts)
        if (w.indicator == v.indicator) c.to = w.verdict;
      c.mean_to = mean_in(b, v.indicator);
      res.changes.push_back(std::move(c));
    }
  }
  return res;
}

}  // namespace cikit
