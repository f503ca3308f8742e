#include "methods/weighting/ahp_tree.hpp"

#include <fmt/format.h>

namespace cikit {

namespace {

NodeConsistency consistency_of(const std::string& node, const std::string& expert, const AhpResult& r) {
  return NodeConsistency{.node_id = node,
                         .expert_id = expert,
                         .m = static_cast<int>(r.weights.size()),
                         .n_missing = r.n_missing,
                         .lambda_max = r.lambda_max,
                         .ci = r.ci,
                         .ri = r.ri,
                         .cr = r.cr,
                         .cr_threshold = r.cr_threshold,
                         .acceptable = r.acceptable};
}

}  // namespace

AhpTreeResult ahp_tree_weights(const IndicatorTree& tree, const Judgments& judgments, const AhpTreeOptions& options) {
  AhpTreeResult out;
  TreeWeights& w = out.weights;
  w.local = Eigen::VectorXd::Ones(tree.size());
  const std::vector<double> all_weights = judgments.expert_weights();
  for (int i : tree.preorder()) {
    const Node& node = tree.node(i);
    if (node.children.size() < 2) continue;  // leaves; an only child keeps local weight 1
    AhpNodeResult nr;
    nr.node = i;
    nr.node_id = node.id;
    std::vector<Eigen::MatrixXd> mats;
    AhpGroupOptions go;
    go.ahp = options.ahp;
    go.aggregation = options.group;
    std::vector<std::string> absent;
    for (std::size_t k = 0; k < judgments.experts.size(); ++k) {
      const auto& ex = judgments.experts[k];
      const NodeJudgments* nj = ex.find(i);
      if (nj == nullptr) {
        absent.push_back(ex.id);
        continue;
      }
      mats.push_back(nj->matrix);
      go.expert_weights.push_back(all_weights[k]);
      nr.expert_ids.push_back(ex.id);
    }
    if (mats.empty())
      throw InvalidInput(fmt::format("weights: ahp: no expert judged the {} children of node '{}' in '{}'; add its "
                                     "pairwise matrix (order + matrix, or pairs)",
                                     node.children.size(), node.id, judgments.file),
                         node.where);
    if (!absent.empty()) {
      std::string list;
      for (const auto& a : absent) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      w.warnings.push_back(fmt::format("node '{}': no judgments from expert(s) {}; aggregated over the other {}",
                                       node.id, list, mats.size()));
    }
    const Location where{.file = judgments.file, .node = node.id};
    // ahp_group numbers the experts among those who judged the node: name them instead.
    auto named = [&](const std::string& what) {
      for (std::size_t k = 0; k < nr.expert_ids.size(); ++k) {
        const std::string tag = fmt::format("expert {}: ", k + 1);
        if (what.rfind(tag, 0) == 0) return fmt::format("expert '{}': {}", nr.expert_ids[k], what.substr(tag.size()));
      }
      return what;
    };
    try {
      nr.group = ahp_group(mats, go, where);
    } catch (const InvalidInput& e) {
      throw InvalidInput(named(e.what()));
    } catch (const DomainError& e) {
      throw DomainError(named(e.what()));
    }
    for (std::size_t c = 0; c < node.children.size(); ++c)
      w.local(node.children[c]) = nr.group.weights(static_cast<Eigen::Index>(c));
    for (std::size_t k = 0; k < nr.expert_ids.size(); ++k) {
      const AhpResult& er = nr.group.experts[k];
      w.consistency.push_back(consistency_of(node.id, nr.expert_ids[k], er));
      if (!er.acceptable)
        w.warnings.push_back(fmt::format("node '{}', expert '{}': consistency ratio CR = {:.4f} exceeds {:.2f} "
                                         "(m = {}); revise the judgments",
                                         node.id, nr.expert_ids[k], er.cr, er.cr_threshold, er.weights.size()));
      if (er.n_missing > 0)
        w.warnings.push_back(fmt::format("node '{}', expert '{}': {} missing judgment(s) completed", node.id,
                                         nr.expert_ids[k], er.n_missing));
    }
    w.consistency.push_back(consistency_of(node.id, "", nr.group.aggregated));
    if (!nr.group.aggregated.acceptable && mats.size() > 1)
      w.warnings.push_back(fmt::format("node '{}': the aggregated judgments have CR = {:.4f} > {:.2f}", node.id,
                                       nr.group.aggregated.cr, nr.group.aggregated.cr_threshold));
    out.nodes.push_back(std::move(nr));
  }
  compute_global_weights(tree, w);
  if (!w.local.allFinite()) throw InternalError("ahp_tree_weights: a non-finite weight escaped");
  return out;
}

}  // namespace cikit
