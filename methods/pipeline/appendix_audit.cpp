#include "methods/pipeline/appendix_audit.hpp"

#include "methods/audit/audit.hpp"
#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/report/audit_tables.hpp"
#include "methods/report/messages.hpp"

namespace cikit::pipeline {

std::vector<std::pair<std::string, std::string>> append_audit_blocks(std::vector<report::Block>& blocks,
                                                                     const Spec& spec, const Dataset& data,
                                                                     const IndexResult& index, Lang lang) {
  std::vector<std::pair<std::string, std::string>> left_out;
  const IndicatorTree& tree = spec.tree;
  const audit::AuditInput in = audit::audit_input(tree, index, spec.config, data.unit_ids);
  audit::AuditResult r;
  try {
    r = audit::run_audit(in);
  } catch (const std::exception& e) {
    left_out.emplace_back(str_cat("statistical coherence audit (C1-C4) left out: ", e.what()),
                          report::msgf("audit.omit.audit", lang, e.what()));
    return left_out;
  }
  blocks.emplace_back(report::audit_correlation_table(r, tree, lang));
  blocks.emplace_back(report::audit_importance_table(r, tree, lang));
  for (auto& f : report::audit_importance_figures(r, tree, lang, "7")) blocks.emplace_back(std::move(f));
  try {
    audit::OptimiseOptions oo;
    std::vector<int> dims;
    for (int n : tree.preorder())
      if (tree.node(n).depth == 1) dims.push_back(n);
    oo.target.resize(static_cast<Eigen::Index>(dims.size()));
    for (std::size_t i = 0; i < dims.size(); ++i) oo.target(static_cast<Eigen::Index>(i)) = index.weights.global(dims[i]);
    const audit::OptimiseResult o = audit::optimise_weights(in, 1, oo);
    blocks.emplace_back(report::audit_optimisation_table(o, tree, "nominal", lang));
  } catch (const std::exception& e) {
    left_out.emplace_back(str_cat("weight optimisation (C3) left out: ", e.what()),
                          report::msgf("audit.omit.optimisation", lang, e.what()));
  }
  blocks.emplace_back(report::audit_summary_table(r, tree, lang));
  return left_out;
}

}  // namespace cikit::pipeline
