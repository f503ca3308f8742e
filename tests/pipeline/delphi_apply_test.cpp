// The expert consultation decides the system (methods/pipeline/screening.hpp, common.cpp):
// tree pruning (methods/core/tree_edit.hpp), delphi.apply true/false, AHP judgments restated for
// the screened tree, no screened-out indicator weighted by run_index or run_appendix, and the
// `cikit delphi --write-spec` round trip (methods/pipeline/delphi_spec.cpp).

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "methods/core/delphi_key.hpp"
#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/tree_edit.hpp"
#include "methods/pipeline/appendix.hpp"
#include "methods/pipeline/delphi.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/screening.hpp"
#include "methods/weighting/judgments_edit.hpp"
#include "pipeline_support.hpp"

namespace fs = std::filesystem;
namespace pipeline = cikit::pipeline;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> leaf_ids(const cikit::IndicatorTree& t) {
  std::vector<std::string> out;
  for (int i : t.leaves()) out.push_back(t.node(i).id);
  return out;
}

/// A copy of the governance spec in a temporary folder with absolute paths to the example's
/// files and `delphi_line` in place of `delphi: delphi.yaml`.
std::string governance_variant(const std::string& name, const std::string& delphi_line) {
  const fs::path src = fs::path(cikit_test::source_dir()) / "datasets" / "governance";
  std::string text = cikit::read_file(src / "governance.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto p = text.find(from);
    REQUIRE(p != std::string::npos);
    text.replace(p, from.size(), to);
  };
  replace("file: cities.csv", "file: " + (src / "cities.csv").string());
  replace("judgments: ahp_judgments.yaml", "judgments: " + (src / "ahp_judgments.yaml").string());
  replace("delphi: delphi.yaml", delphi_line);
  const fs::path dir = fs::temp_directory_path() / "cikit_delphi_apply_test";
  fs::create_directories(dir);
  const fs::path out = dir / name;
  std::ofstream(out) << text;
  return out.string();
}

std::string governance_delphi() {
  return (fs::path(cikit_test::source_dir()) / "datasets" / "governance" / "delphi.yaml").string();
}

}  // namespace

TEST_CASE("tree_without_leaves: indicators and emptied groups go, the rest keeps its order", "[core][tree][property]") {
  const cikit::Spec spec = cikit::read_spec(cikit_test::case_file("good.yaml"));
  const cikit::IndicatorTree& t = spec.tree;
  const auto all = leaf_ids(t);
  REQUIRE(all.size() >= 3);
  const cikit::IndicatorTree one = cikit::tree_without_leaves(t, {all[0]});
  std::vector<std::string> rest(all.begin() + 1, all.end());
  REQUIRE(leaf_ids(one) == rest);
  REQUIRE(cikit::tree_without_leaves(t, {}).size() == t.size());
  // Every indicator of the first group: the group goes too.
  const int g = t.node(t.root()).children[0];
  std::vector<std::string> under;
  for (int p : t.leaf_positions_under(g)) under.push_back(all[static_cast<std::size_t>(p)]);
  const cikit::IndicatorTree no_group = cikit::tree_without_leaves(t, under);
  REQUIRE_FALSE(no_group.find(t.node(g).id).has_value());
  REQUIRE(no_group.node(no_group.root()).children.size() == t.node(t.root()).children.size() - 1);
  for (int i : no_group.preorder())
    if (i != no_group.root()) REQUIRE(no_group.node(no_group.node(i).parent).id == t.node(t.node(*t.find(no_group.node(i).id)).parent).id);
  REQUIRE_THROWS_WITH(cikit::tree_without_leaves(t, all), Contains("without indicators"));
  REQUIRE_THROWS_WITH(cikit::tree_without_leaves(t, {t.node(g).id}), Contains("is not an indicator"));
  REQUIRE_THROWS_WITH(cikit::tree_without_leaves(t, {"nope"}), Contains("'nope' is not an indicator"));
}

TEST_CASE("delphi.apply: true screens the tree, false keeps the proposed system", "[pipeline][delphi][property]") {
  const cikit::Spec spec = pipeline::read_spec_with(cikit_test::governance_spec());
  const cikit::DelphiKey key = cikit::delphi_key(spec);
  REQUIRE(key.apply);
  REQUIRE(key.proposed_tree);
  REQUIRE_FALSE(key.screened_out.empty());
  const auto kept = leaf_ids(spec.tree);
  REQUIRE(kept.size() + key.screened_out.size() == key.proposed_tree->leaves().size());
  for (const auto& id : key.screened_out) REQUIRE_FALSE(spec.tree.find(id).has_value());
  // The screened-out set is what the consultation's last verdicts say.
  cikit::DelphiInput in = cikit::read_delphi(spec.delphi, *key.proposed_tree);
  in.permutations = 0;
  const cikit::DelphiResult res = cikit::analyse_delphi(in, *key.proposed_tree);
  REQUIRE(pipeline::delphi_screened_out(res, *key.proposed_tree) == key.screened_out);
  std::set<std::string> dropped_last;
  for (const auto& v : res.rounds.back().verdicts)
    if (v.verdict == cikit::Verdict::Drop) dropped_last.insert(v.indicator);
  for (const auto& id : dropped_last)
    REQUIRE(std::find(key.screened_out.begin(), key.screened_out.end(), id) != key.screened_out.end());
  // Data follow the tree: the screened-out columns are not loaded.
  const cikit::Dataset d = cikit::load_data(spec);
  REQUIRE(d.indicator_ids == kept);

  const std::string keep = governance_variant(
      "keep.yaml", "delphi: {file: " + governance_delphi() + ", apply: false, reason: \"kept for comparison\"}");
  const cikit::Spec kspec = pipeline::read_spec_with(keep);
  REQUIRE_FALSE(cikit::delphi_key(kspec).apply);
  REQUIRE(cikit::delphi_key(kspec).reason == "kept for comparison");
  REQUIRE(cikit::delphi_key(kspec).screened_out == key.screened_out);
  REQUIRE(kspec.tree.leaves().size() == key.proposed_tree->leaves().size());
}

TEST_CASE("delphi key: plain file form, wrong apply value and unknown key", "[core][spec][error]") {
  const cikit::Spec plain = cikit::read_spec(cikit_test::governance_spec());
  REQUIRE(cikit::delphi_key(plain).apply);
  const std::string bad = governance_variant("bad_apply.yaml", "delphi: {file: " + governance_delphi() + ", apply: maybe}");
  REQUIRE_THROWS_WITH(cikit::read_spec(bad), Contains("bad_apply.yaml:") && Contains("delphi.apply must be true or false, but is 'maybe'"));
  const std::string unknown = governance_variant("bad_key.yaml", "delphi: {file: " + governance_delphi() + ", aply: false}");
  REQUIRE_THROWS_WITH(cikit::read_spec(unknown), Contains("bad_key.yaml:") && Contains("aply"));
  const std::string nofile = governance_variant("no_file.yaml", "delphi: {apply: false}");
  REQUIRE_THROWS_WITH(cikit::read_spec(nofile), Contains("delphi needs 'file:'"));
}

TEST_CASE("AHP judgments on a screened tree: the removed children's rows and columns are dropped",
          "[pipeline][delphi][weighting][property]") {
  const cikit::Spec spec = pipeline::read_spec_with(cikit_test::governance_spec());
  const cikit::IndicatorTree& full = cikit::proposed_tree(spec);
  const cikit::Judgments all = cikit::read_judgments(spec.judgments, full);
  const cikit::Judgments screened = cikit::read_spec_judgments(spec);
  REQUIRE(screened.experts.size() == all.experts.size());
  int restated = 0;
  for (std::size_t e = 0; e < screened.experts.size(); ++e)
    for (const auto& nj : screened.experts[e].nodes) {
      const auto& ch = spec.tree.node(nj.node).children;
      REQUIRE(nj.matrix.rows() == static_cast<Eigen::Index>(ch.size()));
      const int fnode = *full.find(nj.node_id);
      const cikit::NodeJudgments* fj = all.experts[e].find(fnode);
      REQUIRE(fj != nullptr);
      const auto& fch = full.node(fnode).children;
      if (fch.size() != ch.size()) ++restated;
      Eigen::MatrixXd sub(nj.matrix.rows(), nj.matrix.cols());
      for (std::size_t a = 0; a < ch.size(); ++a)
        for (std::size_t b = 0; b < ch.size(); ++b) {
          const auto pa = std::find_if(fch.begin(), fch.end(), [&](int c) { return full.node(c).id == spec.tree.node(ch[a]).id; }) - fch.begin();
          const auto pb = std::find_if(fch.begin(), fch.end(), [&](int c) { return full.node(c).id == spec.tree.node(ch[b]).id; }) - fch.begin();
          sub(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = fj->matrix(pa, pb);
        }
      REQUIRE(cikit_test::same_values(nj.matrix, sub));
    }
  REQUIRE(restated > 0);
}

TEST_CASE("run_index and run_appendix weight no indicator the consultation screened out", "[pipeline][delphi][property]") {
  pipeline::IndexOptions o;
  o.spec = cikit_test::governance_spec();
  const pipeline::IndexRun run = pipeline::run_index(o);
  const auto out = cikit::delphi_key(run.spec).screened_out;
  REQUIRE_FALSE(out.empty());
  for (int i : run.spec.tree.leaves()) {
    REQUIRE(std::find(out.begin(), out.end(), run.spec.tree.node(i).id) == out.end());
    REQUIRE(run.result.weights.global(i) > 0);
  }
  REQUIRE(run.result.weights.global.size() == run.spec.tree.size());

  // apply: false keeps every proposed indicator in the index.
  pipeline::IndexOptions k;
  k.spec = governance_variant("keep_index.yaml", "delphi: {file: " + governance_delphi() + ", apply: false, reason: \"test\"}");
  const pipeline::IndexRun kept = pipeline::run_index(k);
  REQUIRE(kept.spec.tree.leaves().size() == run.spec.tree.leaves().size() + out.size());
  for (const auto& id : out) REQUIRE(kept.result.weights.global(*kept.spec.tree.find(id)) > 0);

  pipeline::AppendixOptions a;
  a.spec = cikit_test::governance_spec();
  a.out = "appendix-not-written";
  a.formats = {"csv"};
  a.bootstrap = 20;
  a.parallel = 10;
  a.replicates = 64;
  a.sensitivity_bootstrap = 20;
  a.sobol_bootstrap = 20;
  const pipeline::AppendixRun ar = pipeline::run_appendix(a);
  REQUIRE(ar.spec.tree.leaves().size() == run.spec.tree.leaves().size());
  const std::string& a1 = cikit_test::file_content(ar.outputs, "A1_indicator_system.csv");
  const cikit::IndicatorTree& proposed = cikit::proposed_tree(ar.spec);
  const std::string& s2 = cikit_test::file_content(ar.outputs, "S2_delphi_changes.csv");
  for (const auto& id : out) {
    REQUIRE(a1.find(id) == std::string::npos);
    REQUIRE(a1.find(proposed.node(*proposed.find(id)).label.zh) == std::string::npos);
    REQUIRE(s2.find(proposed.node(*proposed.find(id)).label.get(ar.config.lang, id)) != std::string::npos);  // told in S2
  }
  // S1's total row: proposed - deleted in each round = final = A1's indicators.
  const auto s1 = cikit_test::lines(cikit_test::file_content(ar.outputs, "S1_system_construction.csv"));
  const std::string total = s1.back();
  std::vector<long long> v;
  for (std::size_t p = total.find(',') + 1, q; p != 0; p = q == std::string::npos ? 0 : q + 1) {
    q = total.find(',', p);
    v.push_back(std::stoll(total.substr(p, q == std::string::npos ? std::string::npos : q - p)));
  }
  REQUIRE(v.size() == 6);  // proposed groups, proposed, deleted round 1, deleted round 2, final groups, final
  REQUIRE(v[1] == static_cast<long long>(proposed.leaves().size()));
  REQUIRE(v[5] == static_cast<long long>(ar.spec.tree.leaves().size()));
  REQUIRE(v[1] - v[2] - v[3] == v[5]);
  // apply: false: A1 keeps every proposed indicator and S1 says so, with the spec's reason.
  pipeline::AppendixOptions ak = a;
  ak.spec = governance_variant("keep_appendix.yaml",
                               "delphi: {file: " + governance_delphi() + ", apply: false, reason: \"comparability\"}");
  const pipeline::AppendixRun kr = pipeline::run_appendix(ak);
  const std::string& ka1 = cikit_test::file_content(kr.outputs, "A1_indicator_system.csv");
  for (const auto& id : out) REQUIRE(ka1.find(proposed.node(*proposed.find(id)).label.get(kr.config.lang, id)) != std::string::npos);
  bool told = false;
  for (const auto* t : kr.document.tables())
    if (t->id == "S1_system_construction")
      for (const auto& line : t->interpretation) told = told || line.find("comparability.") != std::string::npos;
  REQUIRE(told);
  // The content validity table has rows for the final system.
  REQUIRE(cikit_test::file_content(ar.outputs, "D3_delphi_content_validity.csv").find(",48,") != std::string::npos);
}

TEST_CASE("cikit delphi --write-spec: the screened spec reads back to the same index", "[pipeline][delphi][property]") {
  const fs::path dir = fs::temp_directory_path() / "cikit_delphi_write_spec_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  pipeline::DelphiOptions d;
  d.spec = cikit_test::governance_spec();
  d.permutations = 0;
  d.write_spec = (dir / "screened.yaml").string();
  const pipeline::DelphiRun run = pipeline::run_delphi(d);
  REQUIRE(run.spec_files.size() == 2);  // the spec and its restated judgments
  for (const auto& f : run.spec_files) cikit::write_file_atomic(f.path, f.content);
  const std::string& text = run.spec_files[0].content;
  REQUIRE(text.rfind("# Screened by `cikit delphi --write-spec`", 0) == 0);
  const auto screened_out = cikit::delphi_key(run.spec).screened_out;
  for (const auto& id : screened_out) REQUIRE(text.find("#   " + id + " (") != std::string::npos);

  pipeline::IndexOptions a, b;
  a.spec = cikit_test::governance_spec();
  b.spec = (dir / "screened.yaml").string();
  const pipeline::IndexRun ra = pipeline::run_index(a);
  const pipeline::IndexRun rb = pipeline::run_index(b);
  REQUIRE(leaf_ids(rb.spec.tree) == leaf_ids(ra.spec.tree));
  REQUIRE(rb.spec.delphi.empty());
  REQUIRE(cikit_test::same_values(rb.result.scores, ra.result.scores));
  REQUIRE(cikit_test::same_values(rb.result.weights.global, ra.result.weights.global));
}
