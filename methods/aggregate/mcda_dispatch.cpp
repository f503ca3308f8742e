#include "methods/aggregate/mcda_dispatch.hpp"

#include <fmt/format.h>

#include "methods/aggregate/copras.hpp"
#include "methods/aggregate/edas.hpp"
#include "methods/aggregate/gra.hpp"
#include "methods/aggregate/promethee.hpp"
#include "methods/aggregate/rsr.hpp"
#include "methods/aggregate/vikor.hpp"
#include "methods/core/error.hpp"

namespace cikit {

bool is_mcda_method(AggregateMethod m) {
  return m == AggregateMethod::Gra || m == AggregateMethod::Vikor || m == AggregateMethod::Promethee ||
         m == AggregateMethod::Copras || m == AggregateMethod::Edas || m == AggregateMethod::Rsr;
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
    default: throw InternalError(fmt::format("aggregate_mcda: '{}' is not an MCDA method",
                                             method_info(aggregate_methods(), m).name));
  }
  a.n_missing = x.array().isNaN().rowwise().count().cast<int>();
  return a;
}

}  // namespace cikit
