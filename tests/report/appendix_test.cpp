// The appendix's reliability/validity tables (A3–A8), figures (SVG), configuration YAML and
// SHA-256: tables are checked cell by cell against direct calls of the validated library
// functions on the same oriented data (the conversion must not change a number), the SVG
// charts for structure and determinism, SHA-256 against the FIPS 180-2 test vectors.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/sha256.hpp"
#include "methods/core/spec.hpp"
#include "methods/report/config.hpp"
#include "methods/report/render.hpp"
#include "methods/report/svg.hpp"
#include "methods/report/validity_tables.hpp"
#include "methods/report/weights_tables.hpp"
#include "methods/report/compare_tables.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/sensitivity_tables.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/compare/weights_report.hpp"
#include "methods/validity/factorability.hpp"

using namespace cikit;
using namespace cikit::report;

namespace {
struct Fixture {
  Spec spec;
  Dataset data;
  Evidence ev;
};
const Fixture& sim1() {
  static const Fixture f = [] {
    Fixture x;
    x.spec = read_spec(std::string(CIKIT_VALIDATION_DIR) + "/validity/data/sim1/spec.yaml");
    x.data = load_data(x.spec);
    EvidenceOptions o;
    o.bootstrap_replicates = 200;
    o.parallel_replicates = 30;
    x.ev = compute_evidence(x.data, x.spec.tree, o);
    return x;
  }();
  return f;
}
/// The data columns of a node, indicators with direction "−" multiplied by −1.
Eigen::MatrixXd oriented(const Fixture& f, int node) {
  const auto pos = f.spec.tree.leaf_positions_under(node);
  Eigen::MatrixXd x(f.data.n_units(), static_cast<Eigen::Index>(pos.size()));
  for (std::size_t j = 0; j < pos.size(); ++j) {
    const Node& leaf = f.spec.tree.node(f.spec.tree.leaves()[static_cast<std::size_t>(pos[j])]);
    x.col(static_cast<Eigen::Index>(j)) =
        f.data.values.col(pos[j]) * (leaf.direction == Direction::Negative ? -1.0 : 1.0);
  }
  return x;
}
/// Column z-scores (mean and sd, n − 1, of the available values).
Eigen::MatrixXd zscores(Eigen::MatrixXd x) {
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    double n = 0, sum = 0, ss = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) n += 1, sum += x(i, j);
    const double mean = sum / n;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) ss += (x(i, j) - mean) * (x(i, j) - mean);
    x.col(j) = (x.col(j).array() - mean) / std::sqrt(ss / (n - 1));
  }
  return x;
}
std::size_t col_of(const Table& t, const std::string& header) {
  const auto it = std::find(t.header.begin(), t.header.end(), header);
  REQUIRE(it != t.header.end());
  return static_cast<std::size_t>(it - t.header.begin());
}
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("appendix A3: reliability cells are the library's results", "[report][appendix][reliability]") {
  const Fixture& f = sim1();
  const Table t = reliability_table(f.ev, f.spec.tree, Lang::En);
  t.validate();
  const auto& dims = f.spec.tree.node(f.spec.tree.root()).children;
  REQUIRE(t.rows.size() == dims.size() + 1);
  CHECK(t.rows.back()[0].text == "Whole system");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const int node = r < dims.size() ? dims[r] : f.spec.tree.root();
    const Eigen::MatrixXd x = oriented(f, node);
    AlphaOptions ao;
    ao.bootstrap_replicates = 200;
    const AlphaResult a = alpha(zscores(x), ao);  // α on z-scores (EvidenceOptions::standardize)
    CHECK(t.rows[r][col_of(t, "Cronbach's α")].value == Approx(a.raw_alpha).epsilon(1e-13));
    // Complete data: α of z-scores is the standardised α of the raw values.
    if (!x.hasNaN()) CHECK(a.raw_alpha == Approx(alpha(x, AlphaOptions{}).std_alpha).epsilon(1e-12));
    const Cell& feldt = t.rows[r][col_of(t, "95% CI (Feldt)")];
    CHECK(feldt.value == Approx(a.feldt->lower).epsilon(1e-14));
    CHECK(feldt.hi == Approx(a.feldt->upper).epsilon(1e-14));
    const Cell& bca = t.rows[r][col_of(t, "95% CI (bootstrap BCa)")];
    REQUIRE(a.bootstrap->bca);
    CHECK(bca.value == Approx(a.bootstrap->bca->interval.lower).epsilon(1e-14));  // same seed, same streams
    CHECK(t.rows[r][col_of(t, "McDonald's ω")].value == Approx(omega_one_factor(x).omega_observed).epsilon(1e-12));
    CHECK(t.rows[r][col_of(t, "Split-half (Spearman–Brown)")].value ==
          Approx(split_half(x).odd_even.spearman_brown).epsilon(1e-14));
  }
}

TEST_CASE("appendix A4–A8: cells are the library's results", "[report][appendix][validity]") {
  const Fixture& f = sim1();
  const IndicatorTree& tree = f.spec.tree;
  const auto p = static_cast<std::size_t>(f.data.n_indicators());

  const Table a4 = item_analysis_table(f.ev, tree, Lang::En);
  a4.validate();
  REQUIRE(a4.rows.size() == p);
  AlphaOptions no_boot;
  no_boot.bootstrap_replicates = 0;
  const AlphaResult first = alpha(zscores(oriented(f, tree.node(tree.root()).children[0])), no_boot);
  CHECK(a4.rows[0][2].value == Approx(first.item_stats[0].r_drop).epsilon(1e-14));
  CHECK(a4.rows[0][3].value == Approx(first.alpha_drop[0].raw_alpha).epsilon(1e-14));
  CHECK(a4.rows[0][4].value == Approx(first.raw_alpha).epsilon(1e-14));
  CHECK(a4.rows[1][4].kind == CellKind::Empty);  // the dimension's alpha once, on its first row

  const Table a5 = factorability_table(f.ev, tree, Lang::En);
  a5.validate();
  const Eigen::MatrixXd all = oriented(f, tree.root());
  CHECK(a5.rows.back()[2].value == Approx(kmo(all).msa).epsilon(1e-14));
  const BartlettResult b = bartlett_sphericity(all);
  CHECK(a5.rows.back()[5].value == Approx(b.chi_square).epsilon(1e-14));
  CHECK(a5.rows.back()[6].value == Approx(b.df));
  CHECK(a5.rows.back()[7].kind == CellKind::PValue);

  const Table a6 = variance_table(f.ev, Lang::En, "2");
  a6.validate();
  const PcaResult pc = pca(all);
  for (std::size_t k = 0; k < a6.rows.size(); ++k)
    CHECK(a6.rows[k][1].value == Approx(pc.eigenvalues(static_cast<Eigen::Index>(k))).epsilon(1e-12));
  // Rotation keeps the total variance of the m components.
  const auto m = f.ev.structure.system_varimax.loadings.cols();
  CHECK(a6.rows[static_cast<std::size_t>(m - 1)][6].value == Approx(a6.rows[static_cast<std::size_t>(m - 1)][3].value).epsilon(1e-10));

  const Table a7 = loadings_table(f.ev, tree, Lang::En);
  a7.validate();
  REQUIRE(a7.rows.size() == p);
  const Eigen::MatrixXd& L = f.ev.structure.system_varimax.loadings;
  CHECK(a7.rows[0][2].value == Approx(L(0, 0)).epsilon(1e-14));
  CHECK(a7.rows[0][2 + static_cast<std::size_t>(m)].value == Approx(L.row(0).squaredNorm()).epsilon(1e-14));

  const auto a8 = convergent_tables(f.ev, tree, Lang::En);
  REQUIRE(a8.size() == 2);
  const auto& cv = f.ev.structure.convergent;
  CHECK(a8[0].rows[0][2].value == Approx(cv.blocks[0].cr).epsilon(1e-14));
  CHECK(a8[0].rows[0][3].value == Approx(cv.blocks[0].ave).epsilon(1e-14));
  CHECK(a8[0].rows[1][6].value == Approx(cv.score_correlation(1, 0)).epsilon(1e-14));
  CHECK(a8[1].rows[1][1].value == Approx(cv.htmt(1, 0)).epsilon(1e-14));
  CHECK(a8[1].rows[0][2].value == Approx(cv.htmt2(0, 1)).epsilon(1e-14));
}

TEST_CASE("appendix: tables and figures exist in both languages with the same shape", "[report][appendix][lang]") {
  const Fixture& f = sim1();
  for (const bool zh : {false, true}) {
    const Lang lang = zh ? Lang::Zh : Lang::En;
    std::vector<Table> ts = {reliability_table(f.ev, f.spec.tree, lang), item_analysis_table(f.ev, f.spec.tree, lang),
                             factorability_table(f.ev, f.spec.tree, lang), variance_table(f.ev, lang, "2"),
                             loadings_table(f.ev, f.spec.tree, lang)};
    for (auto& t : convergent_tables(f.ev, f.spec.tree, lang)) ts.push_back(t);
    REQUIRE(ts.size() == 7);
    for (const auto& t : ts) {
      t.validate();
      CHECK(!t.notes.empty());  // every table states its methods
      CHECK(t.rows.size() > 0);
    }
  }
  CHECK(reliability_table(f.ev, f.spec.tree, Lang::Zh).rows.back()[0].text == "总量表");
  CHECK(factorability_table(f.ev, f.spec.tree, Lang::Zh).title == "KMO和Bartlett的检验");
}

TEST_CASE("appendix: evidence is deterministic for a seed", "[report][appendix][determinism]") {
  const Fixture& f = sim1();
  EvidenceOptions o;
  o.bootstrap_replicates = 200;
  o.parallel_replicates = 30;
  const Evidence again = compute_evidence(f.data, f.spec.tree, o);
  Document a, b;
  a.blocks = {reliability_table(f.ev, f.spec.tree, Lang::En), variance_table(f.ev, Lang::En, "2"),
              scree_figure(f.ev, Lang::En, "2"), heatmap_figure(f.ev, f.spec.tree, Lang::En, "1")};
  b.blocks = {reliability_table(again, f.spec.tree, Lang::En), variance_table(again, Lang::En, "2"),
              scree_figure(again, Lang::En, "2"), heatmap_figure(again, f.spec.tree, Lang::En, "1")};
  CHECK(render_html(a) == render_html(b));
  CHECK(render_latex(a) == render_latex(b));
}

TEST_CASE("svg: charts", "[report][svg]") {
  CHECK(nice_ticks(0, 4.3, 5) == std::vector<double>{0, 1, 2, 3, 4, 5});
  CHECK(nice_ticks(0, 0.9, 5) == std::vector<double>{0, 0.2, 0.4, 3 * 0.2, 4 * 0.2, 5 * 0.2});
  CHECK(nice_ticks(1, 119, 6) == std::vector<double>{0, 20, 40, 60, 80, 100, 120});
  CHECK(diverging_colour(0) == "#ffffff");
  CHECK(diverging_colour(1) == "#b2182b");
  CHECK(diverging_colour(-1) == "#2166ac");
  CHECK(diverging_colour(5) == "#b2182b");

  const Fixture& f = sim1();
  const Figure scree = scree_figure(f.ev, Lang::En, "2");
  CHECK(scree.svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(scree.svg, "<circle") == static_cast<std::size_t>(f.data.n_indicators()) + 1);  // one dot per eigenvalue + legend
  CHECK(scree.svg.find("Random data, 95th percentile") != std::string::npos);
  const Figure heat = heatmap_figure(f.ev, f.spec.tree, Lang::Zh, "1");
  const auto p = static_cast<std::size_t>(f.data.n_indicators());
  CHECK(count(heat.svg, "<rect") >= p * p);
  CHECK(heat.svg.find("维度1") != std::string::npos);
  CHECK_THROWS_AS(heatmap_svg(Eigen::MatrixXd::Identity(3, 3), {"a"}, {2}), InvalidInput);

  const std::string w = weights_svg({"i1", "i2"}, {{"Equal", {0.5, 0.5}}, {"Entropy & co", {0.3, 0.7}}}, "Weight (%)");
  CHECK(count(w, "<rect") == 1 + 4 + 2);  // background, 4 bars, 2 legend keys
  CHECK(w.find("Entropy &amp; co") != std::string::npos);
  CHECK_THROWS_AS(weights_svg({"i1"}, {{"Equal", {0.5, 0.5}}}, "%"), InvalidInput);

  // Rank intervals: rows sorted by median rank, then nominal rank.
  const std::string r = rank_intervals_svg({{"C", 3, 2.5, 1, 4}, {"A", 1, 1, 1, 2}, {"B", 2, 2.5, 1, 3}},
                                           {"Rank", "Nominal", "Median", "5–95%"});
  CHECK(r.find(">A<") < r.find(">B<"));
  CHECK(r.find(">B<") < r.find(">C<"));
  CHECK_THROWS_AS(rank_intervals_svg({}, {"a", "b", "c", "d"}), InvalidInput);
  // Long unit names are shown in full (the label column widens), not cut with "…".
  const std::string long_name = "Xinjiang Production and Construction Corps Shihezi City";
  const std::string rl = rank_intervals_svg({{long_name, 1, 1, 1, 2}, {"新疆生产建设兵团第八师石河子市", 2, 2, 1, 2}},
                                            {"Rank", "Nominal", "Median", "5–95%"});
  CHECK(rl.find(">" + long_name + "<") != std::string::npos);
  CHECK(rl.find(">新疆生产建设兵团第八师石河子市<") != std::string::npos);
  CHECK(rl.find("…") == std::string::npos);
  // Long group labels of the heat map wrap onto lines (all words kept).
  const std::string hm = heatmap_svg(Eigen::MatrixXd::Identity(4, 4),
                                     {"Government capacity and public service delivery", "城市治理体系与治理能力现代化水平综合评价"}, {2, 2});
  CHECK(hm.find("…") == std::string::npos);
  CHECK(hm.find(">Government capacity and<") != std::string::npos);
  CHECK(hm.find(">public service delivery<") != std::string::npos);
  CHECK(hm.find(">城市治理体系与治理能力现代化<") != std::string::npos);
  CHECK(hm.find(">水平综合评价<") != std::string::npos);
}

TEST_CASE("svg: table heat map (the method study's figures)", "[report][svg]") {
  // Colour scale ends and one midpoint by hand: round(255 + 0.5 (c - 255)) for c = 8, 69, 148.
  CHECK(sequential_colour(0) == "#ffffff");
  CHECK(sequential_colour(1) == "#084594");
  CHECK(sequential_colour(0.5) == "#84a2ca");
  CHECK(sequential_colour(std::nan("")) == "#dddddd");

  Eigen::MatrixXd v(2, 2);
  v << 0.5, 1.0, std::nan(""), 0.0;
  const std::string s = table_heatmap_svg("T & t", {"a", "b"}, {"c1", "a_very_long_column"}, v, 2, true);
  CHECK(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(s.find("font-family=\"monospace\"") != std::string::npos);
  CHECK(s.find(">T &amp; t<") != std::string::npos);
  CHECK(s.find(">darker = better; range 0.00 to 1.00<") != std::string::npos);
  // Column labels wrap onto lines of at most 11 display columns (never cut); the header grows
  // by one 13 px line for the second line.
  CHECK(s.find(">a_very_long<") != std::string::npos);
  CHECK(s.find(">_column<") != std::string::npos);
  CHECK(count(s, ">NA<") == 1);
  CHECK(count(s, "<rect") == 1 + 4);  // background and one cell per value
  // Higher is better: 1.0 (row a, second column) is darkest; lower is better: 0.0 (row b) is.
  CHECK(s.find("fill=\"#084594\" stroke=\"white\" stroke-width=\"1.00\"/>\n<text x=\"155.00\" y=\"89.00\"") !=
        std::string::npos);
  const std::string lower = table_heatmap_svg("t", {"a", "b"}, {"c1", "c2"}, v, 2, false);
  CHECK(lower.find("fill=\"#084594\" stroke=\"white\" stroke-width=\"1.00\"/>\n<text x=\"155.00\" y=\"96.00\"") !=
        std::string::npos);
  CHECK(table_heatmap_svg("t", {"a", "b"}, {"c1", "c2"}, v, 2, true, Lang::Zh).find("颜色越深越好") != std::string::npos);
  CHECK_THROWS_AS(table_heatmap_svg("t", {"a"}, {"c1", "c2"}, v, 2, true), InvalidInput);
  // A Chinese column label is wrapped between characters, never inside one (valid UTF-8), and a
  // Chinese row label widens the label column by its display width (CJK = 2 columns).
  const std::string zh = table_heatmap_svg("t", {"城市治理综合指数", "b"}, {"一二三四五六七八", "c2"}, v, 2, true);
  CHECK(zh.find(">一二三四五<") != std::string::npos);
  CHECK(zh.find(">六七八<") != std::string::npos);
  CHECK(zh.find(">城市治理综合指数<") != std::string::npos);
}

TEST_CASE("sha256: FIPS 180-2 test vectors", "[core][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("appendix config: YAML round trip and located errors", "[report][config]") {
  AppendixConfig c;
  c.spec = "datasets/governance/governance.yaml";
  c.spec_sha256 = std::string(64, 'a');
  c.lang = Lang::Zh;
  c.pstyle = "chinese";
  c.formats = {"md", "html"};
  c.index.seed = 42;
  c.index.weights = WeightMethod::Entropy;
  c.index.range_lo = 0.5;
  c.evidence.bootstrap_replicates = 250;
  c.evidence.parallel_quantile = 0.9;
  c.sensitivity = {5000, 0, 250, 400};
  c.analyses.coupling = false;
  c.analyses.coupling_formula = "traditional";
  c.analyses.coupling_weights = "system=2,capacity=1,performance=1,feedback=1";
  c.analyses.obstacles_top = 3;
  const std::string yaml = appendix_config_yaml(c, "0.1.0", "abc");
  const auto dir = std::filesystem::temp_directory_path() / "cikit_config_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "c.yaml") << yaml;
  }
  const AppendixConfig back = read_appendix_config(dir / "c.yaml");
  CHECK(back.methods_given);
  CHECK(back.seed_given);
  CHECK(back.evidence.seed == 42);
  CHECK(back.sensitivity.replicates == 5000);
  CHECK(back.sensitivity.sobol == 0);
  CHECK(back.sensitivity.bootstrap == 250);
  CHECK(back.sensitivity.sobol_bootstrap == 400);
  CHECK_FALSE(back.analyses.coupling);
  CHECK(back.analyses.coupling_formula == "traditional");
  CHECK(back.analyses.coupling_weights == "system=2,capacity=1,performance=1,feedback=1");
  CHECK(back.analyses.obstacles);
  CHECK(back.analyses.obstacles_top == 3);
  CHECK(appendix_config_yaml(back, "0.1.0", "abc") == yaml);
  {
    std::ofstream(dir / "bad_formula.yaml") << "spec: x.yaml\nanalyses:\n  coupling: {formula: wang}\n";
  }
  CHECK_THROWS_WITH(read_appendix_config(dir / "bad_formula.yaml"),
                    Catch::Matchers::Contains("bad_formula.yaml:3") &&
                        Catch::Matchers::Contains("analyses.coupling.formula must be corrected or traditional"));
  {
    std::ofstream(dir / "bad.yaml") << "spec: x.yaml\nreliability:\n  bootstrapp: 3\n";
  }
  CHECK_THROWS_WITH(read_appendix_config(dir / "bad.yaml"),
                    Catch::Matchers::Contains("bad.yaml:3:3") && Catch::Matchers::Contains("unknown key 'bootstrapp'"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("appendix interpretation: sentences restate the table's numbers and verdicts", "[report][appendix][interp]") {
  const Fixture& f = sim1();
  const VerdictTable verdicts;  // the cited defaults
  for (const Lang lang : {Lang::En, Lang::Zh}) {
    const auto a3 = reliability_interpretation(f.ev, f.spec.tree, verdicts, lang);
    REQUIRE(a3.size() == f.ev.blocks.size());
    for (std::size_t i = 0; i < a3.size(); ++i) {
      const AlphaResult& a = *f.ev.blocks[i].alpha;
      const auto v = verdicts.judge("alpha", a.raw_alpha);
      REQUIRE(v);
      CAPTURE(a3[i]);
      CHECK(count(a3[i], fmt::format("{:.3f}", a.raw_alpha)) >= 1);
      CHECK(count(a3[i], v->label(lang)) >= 1);
      CHECK(count(a3[i], v->rule) >= 1);
      CHECK(count(a3[i], v->citation) >= 1);
      const Interval ci = a.bootstrap->bca->interval;  // BCa preferred over Feldt
      CHECK(count(a3[i], fmt::format("{:.3f}–{:.3f}", ci.lower, ci.upper)) == 1);
      // The caveat appears exactly when the lower limit is below the level's cut-point.
      const bool below = v->level != VerdictLevel::Poor && ci.lower < verdicts.rule("alpha").cut(v->level);
      CHECK(count(a3[i], lang == Lang::En ? "lower 95% confidence limit" : "置信区间下限") == (below ? 1u : 0u));
    }
    const auto a5 = factorability_interpretation(f.ev, f.spec.tree, verdicts, lang);
    REQUIRE(!a5.empty());
    const auto& whole = f.ev.blocks.back();
    const auto kv = verdicts.judge("kmo", whole.kmo->msa);
    CHECK(count(a5[0], fmt::format("{:.3f}", whole.kmo->msa)) == 1);
    CHECK(count(a5[0], kv->label(lang)) >= 1);
    const bool factorable = kv->level <= VerdictLevel::Acceptable && whole.bartlett->p_value < 0.05;
    CHECK(count(a5[0], lang == Lang::En ? "are suitable for factor analysis" : "，适合进行因子分析") ==
          (factorable ? 1u : 0u));
    const auto a6 = variance_interpretation(f.ev, verdicts, lang);
    REQUIRE(a6.size() == 2);
    CHECK(count(a6[0], std::to_string(f.ev.structure.system.parallel.n_components)) >= 1);
    const auto m = f.ev.structure.system_varimax.loadings.cols();
    CHECK(count(a6[1], fmt::format("{:.1f}%", 100.0 * f.ev.structure.system.pca.cumulative(m - 1))) == 1);
    if (f.ev.structure.convergent_computed) {
      CHECK(convergent_interpretation(f.ev, f.spec.tree, verdicts, lang).size() ==
            f.ev.structure.convergent.blocks.size());
      CHECK(htmt_interpretation(f.ev, f.spec.tree, verdicts, lang).size() == 1);
    }
  }
  // A stricter rule moves the verdict and, when the interval reaches below the new cut, adds the caveat.
  VerdictTable strict;
  const double alpha_all = f.ev.blocks.back().alpha->raw_alpha;
  const double lower = f.ev.blocks.back().alpha->bootstrap->bca->interval.lower;
  strict.set({"alpha", {"α", "alpha"}, true, {{VerdictLevel::Excellent, (alpha_all + lower) / 2}}, "test rule"});
  const auto s = reliability_interpretation(f.ev, f.spec.tree, strict, Lang::En).back();
  CAPTURE(s);
  CHECK(count(s, "indicates excellent internal consistency") == 1);
  CHECK(count(s, "test rule") == 1);
  CHECK(count(s, "so this level is not established with 95% confidence") == 1);
}

TEST_CASE("appendix A9–A11: cells are weights_report's and compare_index's results", "[report][appendix][weights]") {
  const Spec spec = read_spec(std::string(CIKIT_SOURCE_DIR) + "/datasets/governance/governance.yaml");
  const Dataset data = load_data(spec);
  Judgments storage;
  WeightInputs inputs;
  const auto methods = select_weight_methods(spec, {}, inputs, storage);
  REQUIRE(methods.size() >= 2);
  const WeightsReport wr = weights_report(data, spec.tree, spec.config, methods, inputs);
  for (const Lang lang : {Lang::En, Lang::Zh}) {
    const auto& cons = ahp_consistency(wr);
    REQUIRE(!cons.empty());
    const Table a9 = ahp_consistency_table(cons, spec.tree, lang);
    a9.validate();
    // Only matrices of order >= 3 are listed; the 2x2 ones are summarised in one note.
    int passed = 0;
    std::size_t listed = 0, pairs = 0;
    for (std::size_t i = 0; i < cons.size(); ++i) {
      if (cons[i].m < 3) {
        ++pairs;
        continue;
      }
      REQUIRE(listed < a9.rows.size());
      CHECK(a9.rows[listed][7].value == Approx(cons[i].cr).epsilon(1e-15));
      CHECK(a9.rows[listed][4].value == Approx(cons[i].lambda_max).epsilon(1e-15));
      ++listed;
      passed += cons[i].acceptable ? 1 : 0;
    }
    REQUIRE(a9.rows.size() == listed);
    REQUIRE(pairs > 0);
    CHECK(count(a9.notes.back(), std::to_string(pairs)) >= 1);
    CHECK(count(a9.interpretation.at(0), std::to_string(passed)) >= 1);
    const auto a10 = weights_compared_tables(wr, spec.tree, lang);
    REQUIRE(a10.size() == 2);
    for (const auto& t : a10) {
      t.validate();
      REQUIRE(t.header.size() == 1 + wr.methods.size());
    }
    std::size_t row = 0;
    for (const int i : spec.tree.preorder()) {
      if (i == spec.tree.root()) continue;
      for (std::size_t m = 0; m < wr.methods.size(); ++m) {
        CHECK(a10[0].rows[row][1 + m].value == Approx(wr.methods[m].weights.local(i)).epsilon(1e-15));
        CHECK(a10[1].rows[row][1 + m].value == Approx(wr.methods[m].weights.global(i)).epsilon(1e-15));
      }
      ++row;
    }
    // 56 indicators in 4 first-level dimensions: one figure per dimension, every indicator once.
    const auto figs = weights_figures(wr, spec.tree, lang, "3");
    REQUIRE(figs.size() == spec.tree.node(spec.tree.root()).children.size());
    std::size_t bars = 0;
    for (const auto& f : figs) {
      CHECK(f.svg.find("<svg") == 0);
      CHECK(f.number.rfind("3-", 0) == 0);
      bars += count(f.svg, "<rect") - 1 - wr.methods.size();  // minus background and legend keys
    }
    CHECK(bars == spec.tree.leaves().size() * wr.methods.size());
  }
  const auto schemes = compare_schemes(spec.config, methods, {}, {});
  const CompareResult cr = compare_index(data, spec.tree, schemes, inputs);
  const auto a11 = ranking_comparison_tables(cr, data, Lang::En);
  REQUIRE(a11.size() >= 2);
  for (const auto& t : a11) t.validate();
  const auto S = static_cast<Eigen::Index>(schemes.size());
  for (Eigen::Index a = 0; a < S; ++a)
    for (Eigen::Index b = 0; b < S; ++b)
      if (a != b)
        CHECK(a11[0].rows[static_cast<std::size_t>(a)][static_cast<std::size_t>(b + 1)].value ==
              Approx(a > b ? cr.spearman(a, b) : cr.kendall(a, b)).epsilon(1e-15));
  for (Eigen::Index s = 0; s < S; ++s) {
    CHECK(a11[1].rows[static_cast<std::size_t>(s)][1].value == Approx(cr.spearman(s, cr.reference)).epsilon(1e-15));
    CHECK(a11[1].rows[static_cast<std::size_t>(s)][3].value == Approx(cr.mean_abs_shift(s)).epsilon(1e-15));
  }
}

TEST_CASE("appendix A12–A14: cells are analyse_sensitivity's results", "[report][appendix][sensitivity]") {
  const Spec spec = read_spec(std::string(CIKIT_SOURCE_DIR) + "/datasets/governance/governance.yaml");
  REQUIRE(spec.uncertainty.present);
  const Dataset data = load_data(spec);
  SensitivityOptions so;
  apply_design_sizes(so, spec.uncertainty, {200, -1, 20});
  CHECK(so.replicates == 200);
  CHECK(so.sobol_n == 0);
  CHECK(so.bootstrap == 20);
  so.sobol_bootstrap = 50;
  so.unit_sobol = false;
  so.seed = spec.config.seed;
  Judgments storage;
  const WeightInputs wi =
      spec_weight_inputs(spec, uncertainty_weight_methods(spec.config.weights, spec.uncertainty), storage);
  const SensitivityAnalysis a =
      analyse_sensitivity(data, spec.tree, spec.config, wi, uncertainty_inputs(spec.uncertainty, spec.tree), so);
  REQUIRE(a.monte_carlo);
  REQUIRE(a.monte_carlo->sobol_rank_shift);
  REQUIRE(a.leave_one_out);
  const MonteCarloResult& mc = *a.monte_carlo;
  const RankStatistics& rs = mc.rank_stats;
  const auto k = static_cast<std::size_t>(mc.input_names.size());
  std::vector<std::size_t> shape;
  for (const Lang lang : {Lang::En, Lang::Zh}) {
    const Table t = rank_interval_table(a, data, spec.tree, lang);
    t.validate();
    REQUIRE(t.rows.size() == static_cast<std::size_t>(data.n_units()));
    // Rows in nominal-rank order; every cell is the analysis' number.
    int last = 0;
    for (const auto& row : t.rows) {
      const auto rank = static_cast<int>(row[1].value);
      CHECK(rank >= last);
      last = rank;
      Eigen::Index u = 0;
      while (data.unit_name(u, lang_code(lang)) != row[0].text) ++u;
      CHECK(a.nominal_ranks(u) == rank);
      CHECK(row[2].value == Approx(rs.median(u)).epsilon(1e-15));
      CHECK(row[3].value == Approx(rs.mean(u)).epsilon(1e-15));
      CHECK(row[4].value == Approx(rs.lower(u)).epsilon(1e-15));
      CHECK(row[4].hi == Approx(rs.upper(u)).epsilon(1e-15));
      CHECK(row[5].value == Approx(rs.upper(u) - rs.lower(u)).epsilon(1e-15));
      CHECK(row[6].value == Approx(rs.n_runs(u)).epsilon(1e-15));
      REQUIRE(row.size() == 9);  // the bootstrap over units ran
      CHECK(row[7].value == Approx(a.bootstrap->ranks->median(u)).epsilon(1e-15));
      CHECK(row[8].value == Approx(a.bootstrap->ranks->lower(u)).epsilon(1e-15));
    }
    CHECK(count(t.interpretation.at(0), fmt::format("{:.2f}", mc.mean_rank_shift)) == 1);
    // 119 units: 3 panels of 40, 40, 39 units; one dot per unit and one in each legend.
    const auto figs = rank_intervals_figures(a, data, lang, "4");
    REQUIRE(figs.size() == 3);
    std::size_t dots = 0;
    for (const auto& f : figs) dots += count(f.svg, "<circle") - 1;
    CHECK(dots == static_cast<std::size_t>(data.n_units()));
    CHECK(figs[1].number == "4-2");

    const auto sob = sobol_tables(a, lang);
    REQUIRE(sob.size() == 2);
    const SobolIndices& s = *mc.sobol_rank_shift;
    REQUIRE(sob[0].rows.size() == k);
    for (std::size_t i = 0; i < k; ++i) {
      const auto& row = sob[0].rows[i];
      const auto ii = static_cast<Eigen::Index>(i);
      CHECK(row[1].value == Approx(s.first(ii, 0)).epsilon(1e-15));
      CHECK(row[2].value == Approx(s.first_lower(ii, 0)).epsilon(1e-15));
      CHECK(row[2].hi == Approx(s.first_upper(ii, 0)).epsilon(1e-15));
      CHECK(row[4].value == Approx(s.total(ii, 0)).epsilon(1e-15));
      CHECK(row[5].value == Approx(s.total_lower(ii, 0)).epsilon(1e-15));
      CHECK(row[0].text == input_label(mc.input_names[i], lang));
      // Every index whose CI includes 0 (first order) is labelled not converged, with the reason.
      if (s.first_lower(ii, 0) <= 0.0 && s.first_upper(ii, 0) >= 0.0 && s.first_lower(ii, 0) < s.first_upper(ii, 0)) {
        CHECK(row[3].text.rfind(msg("a13.status.converged", lang), 0) != 0);
        CHECK(row[3].text.find(msg("a13.reason.zero", lang)) != std::string::npos);
      }
    }
    // The interpretation names the input with the largest total-order index only when it converged.
    Eigen::Index top = 0;
    s.total.col(0).maxCoeff(&top);
    const SobolConvergenceStatus st = sobol_convergence_status(s, 0);
    const std::string top_name = input_label(mc.input_names[static_cast<std::size_t>(top)], lang);
    if (st.total[static_cast<std::size_t>(top)].converged)
      CHECK(sob[0].interpretation.at(0).find(top_name) == 0);
    else
      CHECK(sob[0].interpretation.at(0).rfind(fmt::format(fmt::runtime(lang == Lang::Zh ? "在N = {}下" : "At N = {} the"), s.n), 0) == 0);
    REQUIRE(sob[1].header.size() == 2 + 2 * s.convergence.size());
    CHECK(sob[1].rows[0][2 * s.convergence.size()].value == Approx(s.convergence.back().total(0, 0)).epsilon(1e-15));
    // No command-line advice in the tables' text.
    for (const auto& tb : sob) {
      for (const auto& n : tb.notes) CHECK(n.find("--") == std::string::npos);
      for (const auto& n : tb.interpretation) CHECK(n.find("--") == std::string::npos);
    }
    // A total-order estimate above 1 gets its note and is never named as the main source.
    SensitivityAnalysis b = a;
    b.monte_carlo->sobol_rank_shift->total(top, 0) = 1.08;
    const auto sb = sobol_tables(b, lang);
    const std::string above = msgf("a13.note.above_one", lang, top_name, 1.08);
    CHECK(std::find(sb[0].notes.begin(), sb[0].notes.end(), above) != sb[0].notes.end());
    CHECK(sb[0].interpretation.at(0).find(top_name) != 0);

    const Table loo = leave_one_out_table(a, spec.tree, lang);
    loo.validate();
    REQUIRE(loo.rows.size() == a.leave_one_out->rows.size());
    const auto dims = spec.tree.node(spec.tree.root()).children.size();
    for (std::size_t i = 0; i + 1 < loo.rows.size(); ++i)
      if (i + 1 != dims) CHECK(loo.rows[i][2].value >= loo.rows[i + 1][2].value);  // largest first within a kind
    double best = 0;
    for (const auto& r : a.leave_one_out->rows)
      if (r.kind == "dimension" && r.computed) best = std::max(best, r.mean_abs_rank_shift);
    CHECK(loo.rows[0][2].value == Approx(best).epsilon(1e-15));

    std::vector<std::size_t> sh{t.header.size(), sob[0].header.size(), sob[1].header.size(), loo.header.size(),
                                t.notes.size(), sob[0].notes.size()};
    if (shape.empty()) shape = sh;
    else CHECK(sh == shape);  // the same table in both languages
  }
  CHECK(input_label("normalize", Lang::Zh) == "标准化方法");
  CHECK(input_label("impute", Lang::En) == "Imputation of missing values");
  CHECK(input_label("aggregate.dimensions", Lang::Zh) == "维度层合成方法");
  CHECK(input_label("aggregate.indicators", Lang::En) == "Aggregation of the indicators");
  CHECK(input_label("aggregate.level3", Lang::En) == "Aggregation at level 3");
  CHECK(input_label("aggregate.level3", Lang::Zh) == "第3层合成方法");
  CHECK(input_label("aggregate.levelx", Lang::En) == "aggregate.levelx");
  CHECK(input_label("my_input", Lang::En) == "my_input");  // an input without a catalogue entry keeps its name
  CHECK(input_descriptions(a.inputs, spec.tree, Lang::En).at(0) == "Normalisation method (min-max, z-score)");
}
