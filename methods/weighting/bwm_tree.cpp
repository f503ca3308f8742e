#include "methods/weighting/bwm_tree.hpp"

#include <fmt/format.h>
#include <cmath>
#include <limits>

#include <map>
#include <set>

#include "methods/weighting/bwm.hpp"
#include "methods/weighting/detail/bwm_parse.hpp"

namespace cikit {

namespace {

BwmNodeJudgments parse_one(const YamlContext& ctx, const IndicatorTree& tree, const YAML::Node& key,
                           const YAML::Node& val) {
  BwmNodeJudgments nj;
  nj.node_id = ctx.scalar(key, "a node id");
  const auto idx = tree.find(nj.node_id);
  if (!idx) ctx.fail(key, fmt::format("bwm: unknown node '{}' (not in the spec's tree)", nj.node_id));
  const Node& node = tree.node(*idx);
  if (node.children.empty())
    ctx.fail(key, fmt::format("bwm: node '{}' is an indicator (a leaf); best-worst vectors compare the children of "
                              "inner nodes",
                              nj.node_id));
  nj.node = *idx;
  YamlContext c = ctx;
  c.node = nj.node_id;
  c.prefix = ctx.prefix + fmt::format("bwm: node '{}': ", nj.node_id);
  nj.where = c.at(key);
  std::map<std::string, int> pos;
  std::string list;
  for (std::size_t k = 0; k < node.children.size(); ++k) {
    pos[tree.node(node.children[k]).id] = static_cast<int>(k);
    list += (list.empty() ? "" : ", ") + tree.node(node.children[k]).id;
  }
  const auto m = static_cast<Eigen::Index>(node.children.size());
  auto child = [&](const YAML::Node& n, const char* what) {
    const std::string id = c.scalar(n, what);
    const auto it = pos.find(id);
    if (it == pos.end()) c.fail(n, fmt::format("'{}' is not a child of node '{}' (children: {})", id, nj.node_id, list));
    return it->second;
  };
  YAML::Node bto, otw, best_node, worst_node;
  bool has[4] = {false, false, false, false};
  c.each_key(val, fmt::format("bwm node '{}'", nj.node_id), {"best", "worst", "best_to_others", "others_to_worst"},
             [&](const std::string& k, const YAML::Node&, const YAML::Node& v) {
               if (k == "best") nj.best = child(v, "best"), best_node = v, has[0] = true;
               else if (k == "worst") nj.worst = child(v, "worst"), worst_node = v, has[1] = true;
               else if (k == "best_to_others") bto = v, has[2] = true;
               else otw = v, has[3] = true;
             });
  const char* names[4] = {"best", "worst", "best_to_others", "others_to_worst"};
  for (int q = 0; q < 4; ++q)
    if (!has[q]) c.fail(val, fmt::format("missing '{}' (needs best, worst, best_to_others, others_to_worst)", names[q]));
  if (nj.best == nj.worst && m > 1) c.fail(worst_node, "best and worst are the same child");
  auto vec = [&](const YAML::Node& map, const char* what, Eigen::VectorXd& out) {
    out = Eigen::VectorXd::Constant(m, std::numeric_limits<double>::quiet_NaN());
    c.each_key(map, what, {}, [&](const std::string&, const YAML::Node& k, const YAML::Node& v) {
      const int j = child(k, "a child id");
      const double a = parse_judgment(c.scalar(v, "a comparison"), c.at(v));
      if (a < 1)
        c.fail(v, fmt::format("{} value {} for '{}' is below 1; best-worst comparisons use 1 (equal) to 9 (extreme)", what,
                              a, k.Scalar()));
      out(j) = a;
    });
    for (Eigen::Index j = 0; j < m; ++j)
      if (std::isnan(out(j)))
        c.fail(map, fmt::format("{} lacks child '{}' (it must list every child: {})", what,
                                tree.node(node.children[static_cast<std::size_t>(j)]).id, list));
  };
  vec(bto, "best_to_others", nj.best_to_others);
  vec(otw, "others_to_worst", nj.others_to_worst);
  const std::string& bid = tree.node(node.children[static_cast<std::size_t>(nj.best)]).id;
  const std::string& wid = tree.node(node.children[static_cast<std::size_t>(nj.worst)]).id;
  if (std::abs(nj.best_to_others(nj.best) - 1) > 1e-12)
    c.fail(bto[bid], fmt::format("best_to_others of the best child '{}' against itself is {}; it must be 1", bid,
                                 nj.best_to_others(nj.best)));
  if (std::abs(nj.others_to_worst(nj.worst) - 1) > 1e-12)
    c.fail(otw[wid], fmt::format("others_to_worst of the worst child '{}' against itself is {}; it must be 1", wid,
                                 nj.others_to_worst(nj.worst)));
  if (std::abs(nj.best_to_others(nj.worst) - nj.others_to_worst(nj.best)) > 1e-12)
    c.fail(otw[bid], fmt::format("best '{}' over worst '{}' is {} in best_to_others but {} in others_to_worst; "
                                 "they must be equal",
                                 bid, wid, nj.best_to_others(nj.worst), nj.others_to_worst(nj.best)));
  return nj;
}

}  // namespace

std::vector<BwmNodeJudgments> parse_bwm_nodes(const YamlContext& ctx, const IndicatorTree& tree,
                                              const YAML::Node& map) {
  std::vector<BwmNodeJudgments> out;
  std::set<int> seen;
  ctx.each_key(map, "bwm", {}, [&](const std::string&, const YAML::Node& k, const YAML::Node& v) {
    BwmNodeJudgments nj = parse_one(ctx, tree, k, v);
    if (!seen.insert(nj.node).second) ctx.fail(k, fmt::format("bwm: node '{}' is given twice", nj.node_id));
    out.push_back(std::move(nj));
  });
  return out;
}

TreeWeights bwm_tree_weights(const IndicatorTree& tree, const Judgments& judgments) {
  TreeWeights w;
  w.local = Eigen::VectorXd::Ones(tree.size());
  const std::vector<double> ew = judgments.expert_weights();
  for (int i : tree.inner_postorder()) {
    const Node& node = tree.node(i);
    if (node.children.size() < 2) continue;
    std::vector<std::string> ids;
    for (int ch : node.children) ids.push_back(tree.node(ch).id);
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(ids.size()));
    double total = 0;
    std::vector<std::string> absent;
    for (std::size_t e = 0; e < judgments.experts.size(); ++e) {
      const ExpertJudgments& ex = judgments.experts[e];
      const BwmNodeJudgments* nj = nullptr;
      for (const auto& b : ex.bwm)
        if (b.node == i) nj = &b;
      if (nj == nullptr) {
        absent.push_back(ex.id);
        continue;
      }
      BwmResult r;
      try {
        r = bwm(nj->best_to_others, nj->others_to_worst, nj->best, nj->worst, ids);
      } catch (const InvalidInput& err) {
        throw InvalidInput(fmt::format("expert '{}': {}", ex.id, err.what()), nj->where);
      }
      sum += ew[e] * r.weights;
      total += ew[e];
      w.bwm_consistency.push_back(BwmConsistency{node.id, ex.id, r.xi_star, r.xi_linear, r.a_bw, r.consistency_index,
                                                 r.consistency_ratio, r.input_cr, r.threshold, r.verdict});
      if (r.verdict == "unacceptable")
        w.warnings.push_back(fmt::format("node '{}', expert '{}': best-worst input-based consistency ratio {:.4f} "
                                         "exceeds the threshold {:.4f} (Liang, Brunelli & Rezaei 2020)",
                                         node.id, ex.id, r.input_cr, r.threshold));
    }
    if (total <= 0)
      throw InvalidInput(fmt::format("weights: bwm: no expert gave best-worst vectors for the {} children of node '{}' "
                                     "in '{}'; add 'bwm: {{{}: {{best, worst, best_to_others, others_to_worst}}}}'",
                                     node.children.size(), node.id, judgments.file, node.id),
                         node.where);
    if (!absent.empty()) {
      std::string list;
      for (const auto& a : absent) list += (list.empty() ? "" : ", ") + a;
      w.warnings.push_back(fmt::format("node '{}': no best-worst vectors from expert(s) {}; averaged over the others",
                                       node.id, list));
    }
    sum /= total;
    for (std::size_t c = 0; c < node.children.size(); ++c) w.local(node.children[c]) = sum(static_cast<Eigen::Index>(c));
  }
  compute_global_weights(tree, w);
  return w;
}

}  // namespace cikit
