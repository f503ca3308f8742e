#include "methods/aggregate/mcda_dispatch.hpp"

#include <fmt/format.h>

#include "methods/aggregate/copras.hpp"
#include "methods/aggregate/edas.hpp"
#include "methods/aggregate/fuzzy.hpp"
#include "methods/aggregate/gra.hpp"
#include "methods/aggregate/promethee.hpp"
#include "methods/aggregate/rsr.hpp"
#include "methods/aggregate/vikor.hpp"
#include "methods/core/error.hpp"

namespace cikit {

bool is_mcda_method(AggregateMethod m) {
  return m == AggregateMethod::Gra || m == AggregateMethod::Vikor || m == AggregateMethod::Promethee ||
         m == AggregateMethod::Copras || m == AggregateMethod::Edas || m == AggregateMethod::Rsr ||
         m == AggregateMethod::Fuzzy;
}

namespace {

template <class O>
O columns_of(const IndexConfig& config, const McdaNode& node) {
  O o;
  o.directions = node.directions;
  o.ids = node.child_ids;
  o.missing = config.missing == MissingPolicy::Error ? CompleteCaseRule::Error : CompleteCaseRule::Listwise;
  return o;
}

void take_warnings(const std::vector<std::string>& from, const McdaNode& node, AggregateMethod m,
                   std::vector<std::string>& to) {
  for (const auto& s : from)
    to.push_back(fmt::format("node '{}' ({}): {}", node.node_id, method_info(aggregate_methods(), m).name, s));
}

/// The fuzzy options of a node: each child's grade thresholds (its own row, else "default").
/// @throws InvalidInput naming node and child when the grade table has no grades or no row
///         for a child (the table does not cover the node's data), or a row of the wrong length.
FuzzyOptions fuzzy_options(const IndexConfig& config, const McdaNode& node) {
  const FuzzyParams& f = config.aggregate_params.fuzzy;
  auto o = columns_of<FuzzyOptions>(config, node);
  o.op = f.op;
  o.grade_rule = f.grade;
  o.node = node.node_id;
  const auto K = static_cast<Eigen::Index>(f.grades.size());
  if (K < 2)
    throw InvalidInput(fmt::format("node '{}' (fuzzy): methods.aggregate.fuzzy.grades must list at least 2 grade "
                                   "labels, worst to best",
                                   node.node_id),
                       Location{.node = node.node_id});
  o.thresholds.resize(static_cast<Eigen::Index>(node.child_ids.size()), K);
  for (std::size_t j = 0; j < node.child_ids.size(); ++j) {
    auto it = f.thresholds.find(node.child_ids[j]);
    if (it == f.thresholds.end()) it = f.thresholds.find("default");
    if (it == f.thresholds.end())
      throw InvalidInput(fmt::format("node '{}' (fuzzy): the grade table has no thresholds for '{}' (add "
                                     "methods.aggregate.fuzzy.thresholds.{}: [{} values] or a 'default' row)",
                                     node.node_id, node.child_ids[j], node.child_ids[j], K),
                         Location{.indicator = node.child_ids[j], .node = node.node_id});
    if (static_cast<Eigen::Index>(it->second.size()) != K)
      throw InvalidInput(fmt::format("node '{}' (fuzzy): thresholds of '{}' ('{}' row) has {} values for {} grades",
                                     node.node_id, node.child_ids[j], it->first, it->second.size(), K),
                         Location{.indicator = node.child_ids[j], .node = node.node_id});
    for (Eigen::Index k = 0; k < K; ++k) o.thresholds(static_cast<Eigen::Index>(j), k) = it->second[static_cast<std::size_t>(k)];
  }
  if (!f.scores.empty()) o.scores = Eigen::Map<const Eigen::VectorXd>(f.scores.data(), static_cast<Eigen::Index>(f.scores.size()));
  return o;
}

}  // namespace

AggregateResult aggregate_mcda(AggregateMethod m, const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                               const IndexConfig& config, const McdaNode& node, std::vector<std::string>& warnings) {
  AggregateResult a;
  AggregateDetails& d = a.details;
  const AggregateParams& p = config.aggregate_params;
  switch (m) {
    case AggregateMethod::Gra: {
      auto o = columns_of<GraOptions>(config, node);
      o.rho = p.gra_rho;
      GraResult r = grey_relational(x, w, o);
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.grade;
      d.add("grade", r.grade);
      break;
    }
    case AggregateMethod::Vikor: {
      auto o = columns_of<VikorOptions>(config, node);
      o.v = p.vikor_v;
      VikorResult r = vikor(x, w, o);
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.score;
      d.add("s", r.s);
      d.add("r", r.r);
      d.add("q", r.q);
      d.add("compromise", r.compromise);
      d.summary = {{"v", p.vikor_v},
                   {"dq", r.dq},
                   {"acceptable_advantage", r.acceptable_advantage ? 1.0 : 0.0},
                   {"acceptable_stability", r.acceptable_stability ? 1.0 : 0.0}};
      break;
    }
    case AggregateMethod::Promethee: {
      auto o = columns_of<PrometheeOptions>(config, node);
      o.preferences = node.preferences;
      o.threads = config.threads;
      PrometheeResult r = promethee_ii(x, w, o);
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.phi;
      d.add("phi_plus", r.phi_plus);
      d.add("phi_minus", r.phi_minus);
      d.add("phi", r.phi);
      break;
    }
    case AggregateMethod::Copras: {
      CoprasResult r = copras(x, w, columns_of<McdaColumns>(config, node));
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.q;
      d.add("s_plus", r.s_plus);
      d.add("s_minus", r.s_minus);
      d.add("q", r.q);
      d.add("utility", r.utility);
      break;
    }
    case AggregateMethod::Edas: {
      EdasResult r = edas(x, w, columns_of<McdaColumns>(config, node));
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.as;
      d.add("sp", r.sp);
      d.add("sn", r.sn);
      d.add("nsp", r.nsp);
      d.add("nsn", r.nsn);
      d.add("as", r.as);
      break;
    }
    case AggregateMethod::Rsr: {
      auto o = columns_of<RsrOptions>(config, node);
      o.ranking = p.rsr;
      o.tiers = p.rsr_tiers;
      RsrResult r = rank_sum_ratio(x, w, o);
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.rsr;
      d.add("rsr", r.rsr);
      d.add("probit", r.probit);
      d.add("fitted", r.fitted);
      d.add("tier", r.tier);
      d.summary = {{"intercept", r.intercept}, {"slope", r.slope}, {"r_squared", r.r_squared},
                   {"tiers", static_cast<double>(p.rsr_tiers)}};
      break;
    }
    case AggregateMethod::Fuzzy: {
      const FuzzyOptions o = fuzzy_options(config, node);
      FuzzyResult r = fuzzy_evaluation(x, w, o);
      take_warnings(r.warnings, node, m, warnings);
      a.score = r.score;
      // index JSON units[].details.NODE: {membership: {GRADE: b_k}, grade: index 1..K}
      const auto& grades = p.fuzzy.grades;
      for (Eigen::Index k = 0; k < r.membership.cols(); ++k)
        d.add("membership/" + grades[static_cast<std::size_t>(k)], r.membership.col(k));
      d.add("grade", r.grade);
      break;
    }
    default: throw InternalError(fmt::format("aggregate_mcda: '{}' is not an MCDA method",
                                             method_info(aggregate_methods(), m).name));
  }
  a.n_missing = x.array().isNaN().rowwise().count().cast<int>();
  return a;
}

}  // namespace cikit
