// Simulated two-round expert consultation for the bundled governance example (SYNTHETIC).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <utility>

#include "methods/core/random.hpp"
#include "methods/delphi/delphi_analysis.hpp"

namespace cikit {

namespace {

constexpr int kInvited = 16;  // round 1: 16 invited, 15 return; round 2: the 15 respondents

int clamp_score(double x) { return static_cast<int>(std::clamp(std::round(x), 1.0, 5.0)); }

std::string expert_id(int i) { return fmt::format("E{:02d}", i + 1); }

/// Planted stories (leaf positions of the governance tree; for other trees they are simply
/// indicators at those positions): rated low in round 1 (the rules drop them); contested in
/// round 1, revised and rated well in round 2; contested in round 1, revised, and still rated
/// low in round 2 (the rules drop them in the last round). The last group are indicators the
/// data model gives weak loadings (methods/simulate/governance.cpp), so the consultation and
/// the data agree.
bool planted_low(std::size_t j) { return j == 7 || j == 23 || j == 41; }
bool planted_contested(std::size_t j) { return j == 12 || j == 30 || j == 50 || j == 11 || j == 53; }
bool planted_rejected(std::size_t j) { return j == 11; }

/// What the (simulated) organisers changed after round 1 in a contested indicator, zh and en.
std::pair<const char*, const char*> planted_change(std::size_t j) {
  switch (j) {
    case 11: return {"限定为最近一次居委会换届选举的参选率", "restricted to the latest general election of residents' committees"};
    case 12: return {"口径明确为每万人执业律师数（不含公职律师、公司律师）",
                     "narrowed to practising lawyers per 10,000 residents (government and in-house counsel excluded)"};
    case 30: return {"分母明确为义务教育阶段随迁子女总数", "denominator set to all migrant children in compulsory education"};
    case 50: return {"数据来源由单一平台改为多平台综合传播指数", "source changed from one platform to a multi-platform composite index"};
    case 53: return {"仅统计投诉类诉求（不含咨询、建议），并说明为逆向指标",
                     "restricted to complaints (enquiries and suggestions excluded), stated as a negative indicator"};
    default: return {"依据专家意见补充指标解释与统计口径", "definition and statistical scope clarified on the experts' comments"};
  }
}

std::string yaml_quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::vector<std::pair<std::string, std::string>> simulate_delphi_files(const IndicatorTree& tree, std::uint64_t seed) {
  const auto& leaves = tree.leaves();
  const std::size_t n = leaves.size();
  // Indicator-level truths and expert biases from stream 0.
  auto g0 = make_stream(seed, StreamTag::SimulateDelphi, 0);
  std::vector<double> mu_imp(n), mu_fea(n);
  for (std::size_t j = 0; j < n; ++j) {
    mu_imp[j] = std::clamp(4.35 + 0.3 * standard_normal(g0), 3.9, 4.8);
    mu_fea[j] = std::clamp(4.1 + 0.35 * standard_normal(g0), 3.6, 4.7);
  }
  std::vector<double> bias(kInvited);
  for (auto& b : bias) b = 0.2 * standard_normal(g0);
  struct Sheet {
    int basis[4];
    int fam;
    bool commented;
  };
  std::vector<Sheet> sheet(kInvited);
  static const char* kLevel[3] = {"high", "medium", "low"};
  static const char* kFam[3] = {"very", "familiar", "moderate"};
  for (auto& s : sheet) {
    s.basis[0] = uniform01(g0) < 0.8 ? 0 : 1;                      // practice: mostly high
    s.basis[1] = uniform01(g0) < 0.5 ? 0 : 1;                      // theory
    s.basis[2] = static_cast<int>(uniform_index(g0, 3));           // peers
    s.basis[3] = static_cast<int>(uniform_index(g0, 3));           // intuition
    const double u = uniform01(g0);
    s.fam = u < 0.3 ? 0 : u < 0.85 ? 1 : 2;
    s.commented = uniform01(g0) < 0.4;
  }

  std::string ratings = "round,expert,indicator,aspect,score\n";
  std::string experts = "round,expert,returned,practice,theory,peers,intuition,familiarity,commented\n";
  DelphiInput round1;  // to let the screening rules decide what round 2 rates
  std::set<std::size_t> dropped;
  for (int round = 1; round <= 2; ++round) {
    auto g = make_stream(seed, StreamTag::SimulateDelphi, static_cast<std::uint64_t>(round));
    const int invited = round == 1 ? kInvited : kInvited - 1;
    for (int i = 0; i < invited; ++i) {
      const bool returned = !(round == 1 && i == kInvited - 1);
      const auto& s = sheet[static_cast<std::size_t>(i)];
      if (returned)
        experts += fmt::format("{},{},yes,{},{},{},{},{},{}\n", round, expert_id(i), kLevel[s.basis[0]],
                               kLevel[s.basis[1]], kLevel[s.basis[2]], kLevel[s.basis[3]],
                               kFam[round == 2 && s.fam == 2 ? 1 : s.fam],
                               (round == 1 ? s.commented : s.commented && i % 3 == 0) ? "yes" : "no");
      else
        experts += fmt::format("{},{},no,,,,,,\n", round, expert_id(i));
    }
    const double noise = round == 1 ? 0.65 : 0.45;  // opinions converge in round 2
    for (std::size_t j = 0; j < n; ++j) {
      if (dropped.count(j)) continue;
      const std::string& id = tree.node(leaves[j]).id;
      for (int a = 0; a < 2; ++a) {
        double mu = a == 0 ? mu_imp[j] : mu_fea[j];
        double sd = noise;
        if (round == 1 && planted_low(j)) mu = a == 0 ? 2.7 : 3.0, sd = 0.9;
        if (round == 1 && planted_contested(j)) mu = a == 0 ? 4.0 : 3.8, sd = 1.0;
        if (round == 2 && planted_rejected(j)) mu = a == 0 ? 3.0 : 3.2, sd = 0.9;
        for (int i = 0; i < kInvited - 1; ++i) {
          const double z = standard_normal(g);
          const int score = clamp_score(mu + bias[static_cast<std::size_t>(i)] + sd * z);
          const bool skipped = round == 1 && a == 1 && i == 6 && j == 5;  // one blank: the missing rule at work
          const std::string aspect = a == 0 ? "importance" : "feasibility";
          if (skipped)
            ratings += fmt::format("{},{},{},{},NA\n", round, expert_id(i), id, aspect);
          else
            ratings += fmt::format("{},{},{},{},{}\n", round, expert_id(i), id, aspect, score);
          if (round == 1)
            round1.ratings.push_back({1, expert_id(i), id, aspect, skipped ? std::nan("") : double(score), 0});
        }
      }
    }
    if (round == 1) {
      round1.permutations = 0;
      const DelphiResult r = analyse_delphi(round1, tree);
      for (const auto& v : r.rounds.front().verdicts)
        if (v.verdict == Verdict::Drop)
          for (std::size_t j = 0; j < n; ++j)
            if (tree.node(leaves[j]).id == v.indicator) dropped.insert(j);
    }
  }

  // Revisions: every indicator marked "revise" in a round and rated again (or kept) afterwards.
  DelphiInput both;
  both.permutations = 0;
  {
    std::istringstream lines(ratings);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      std::vector<std::string> f;
      std::istringstream ls(line);
      for (std::string x; std::getline(ls, x, ',');) f.push_back(x);
      both.ratings.push_back({std::stoi(f[0]), f[1], f[2], f[3], f[4] == "NA" ? std::nan("") : std::stod(f[4]), 0});
    }
  }
  const DelphiResult all = analyse_delphi(both, tree);
  std::string revisions;
  for (const auto& r : all.rounds)
    for (const auto& v : r.verdicts) {
      if (v.verdict != Verdict::Revise) continue;
      std::size_t j = 0;
      while (j < n && tree.node(leaves[j]).id != v.indicator) ++j;
      const auto [zh, en] = planted_change(j);
      revisions += fmt::format("  - {{round: {}, indicator: {}, change: {{zh: {}, en: {}}}}}\n", r.round, v.indicator,
                               yaml_quoted(zh), yaml_quoted(en));
    }

  if (revisions.empty()) revisions = "  []\n";
  const std::string yaml = fmt::format(
      R"(# Expert consultation (Delphi, 德尔菲法) for the China City Good Governance Index example.
#
# SYNTHETIC: the ratings and the expert sheet are simulated by cikit (methods/delphi/
# delphi_simulate.cpp, seed {0}); no expert was consulted. Two rounds, 16 experts invited
# (15 returned round 1), importance and feasibility of every indicator on a 1-5 scale.
# Indicators the screening rules drop in round 1 are not rated in round 2; contested ones
# are revised (revisions: below) and rated again; two of them are still rated low in round 2
# and dropped there. With `delphi: delphi.yaml` in the spec the screening decides the system
# (cikit drops the screened-out indicators before any analysis). Run: cikit delphi governance.yaml

note: {{zh: "模拟数据：两轮专家咨询（15位专家）由程序模拟生成，未咨询任何真实专家", en: "SYNTHETIC: simulated two-round consultation (15 experts); no real expert was consulted"}}
ratings: delphi_ratings.csv
experts: delphi_experts.csv
scale: {{min: 1, max: 5, relevant: 4, essential: 5}}
screening:
  min_mean: 3.5          # keep when mean >= 3.5 (5-point scale)
  max_cv: 0.25           # keep when CV < 0.25
  min_full_score: off    # no fixed full-score cut-off (the boundary method judges it)
  boundary: true         # boundary-value method (界值法)
  boundary_sd: sample    # SD of the indicator statistics with n - 1
  groups: level          # thresholds and W per tree level
  full_score: scale_max  # full score = 5 (observed_max = SPSSAU variant)
authority:
  basis:                 # judgment basis Ca: [high, medium, low]
    practice: [0.5, 0.4, 0.3]
    theory: [0.3, 0.2, 0.1]
    peers: [0.1, 0.1, 0.1]
    intuition: [0.1, 0.1, 0.1]
  familiarity: {{very: 1.0, familiar: 0.8, moderate: 0.6, little: 0.4, unfamiliar: 0.2}}
  min_cr: 0.70
min_response: 0.70
missing: drop_experts
permutations: 2000
seed: {0}
# What the organisers changed after each round in the indicators marked "revise" (SYNTHETIC).
revisions:
{1})",
      seed, revisions);
  return {{"delphi.yaml", yaml}, {"delphi_ratings.csv", ratings}, {"delphi_experts.csv", experts}};
}

}  // namespace cikit
