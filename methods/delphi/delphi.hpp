#pragma once
/// \file delphi.hpp
/// Expert-consultation (Delphi, 德尔菲法) statistics: Kendall's W, per-indicator screening
/// statistics, authority coefficient, content validity (CVI, modified kappa, Lawshe CVR) and
/// agreement (ICC, Fleiss' kappa, Krippendorff's alpha).
///
/// Orientation (DELPHI-REFERENCE.md §0, the #1 source of wrong W values): every function here
/// takes a ratings matrix with **rows = experts (judges, m) and columns = indicators (objects
/// rated, n)**, as SPSS "K related samples" and SPSSAU lay it out. Functions that mirror R code
/// written for the transposed layout (irr, psych::ICC) transpose internally. Missing scores are
/// NaN; each function states its rule.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "methods/core/random.hpp"

namespace cikit {

// ---------------------------------------------------------------------------------------------
// Kendall's W
// ---------------------------------------------------------------------------------------------

struct KendallOptions {
  /// Permutation replicates for the permutation p-value (0 = none). Each replicate permutes
  /// every expert's ranks independently (vegan::kendall.global's scheme).
  int permutations = 2000;
  std::uint64_t seed = kDefaultSeed;  ///< master seed; replicate b uses make_stream(seed, Permutation, b)
  int threads = 0;                    ///< OpenMP threads for the permutations (0 = OpenMP default)
};

struct KendallResult {
  int n_experts = 0;        ///< m (judges)
  int n_indicators = 0;     ///< n (objects ranked)
  /// R_j: rank sums per indicator; ranks are assigned within each expert over the n indicators,
  /// 1 = lowest score, ties get mid-ranks (rank direction does not change W).
  Eigen::VectorXd rank_sums;
  double s = 0;             ///< S = sum_j (R_j - m(n+1)/2)^2
  double ties = 0;          ///< T = sum over experts and tie groups of (t^3 - t)
  double w = 0;             ///< tie-corrected W_t = 12 S / (m^2 (n^3 - n) - m T)  (SPSS, vegan)
  double w_uncorrected = 0; ///< W = 12 S / (m^2 (n^3 - n))  (irr::kendall default correct = FALSE)
  double chi2 = 0;          ///< m (n - 1) W_t = tie-corrected Friedman statistic
  double chi2_uncorrected = 0;  ///< m (n - 1) W
  int df = 0;               ///< n - 1
  double p = 0;             ///< upper tail of chi-squared(df) at chi2
  double p_uncorrected = 0; ///< upper tail at chi2_uncorrected
  double f = 0;             ///< F = (m - 1) W_t / (1 - W_t) (Legendre 2005); +Inf when W_t = 1
  double f_df1 = 0;         ///< nu1 = n - 1 - 2/m
  double f_df2 = 0;         ///< nu2 = (m - 1) nu1
  double p_f = 0;           ///< upper tail of F(nu1, nu2) at f (0 when W_t = 1)
  int permutations = 0;     ///< replicates used (0 = not computed)
  double p_permutation = 0; ///< (#{S_b >= S} + 1)/(B + 1); NaN when permutations = 0
  std::vector<std::string> warnings;
};

/// Kendall's coefficient of concordance W among m experts rating n indicators.
/// Input: ratings, rows = experts, columns = indicators (scores or ranks; ranked within each
/// expert with mid-ranks for ties). Formulas (Kendall & Babington Smith 1939; Siegel &
/// Castellan 1988): S = sum_j (R_j - m(n+1)/2)^2; T_i = sum_g (t_g^3 - t_g);
/// W_t = 12 S / (m^2(n^3 - n) - m sum_i T_i); chi2 = m(n-1) W_t with df = n - 1 (= R's
/// friedman.test on the same matrix); F = (m-1)W_t/(1-W_t) on (n-1-2/m, (m-1)(n-1-2/m)) df.
/// The uncorrected W (irr::kendall default) is also returned, named.
/// Permutation p: replicate b permutes each expert's ranks with make_stream(seed,
/// StreamTag::Permutation, b); p = (#{S_b >= S_obs (1 - 1e-12)} + 1)/(B + 1); bitwise identical
/// for any number of threads.
/// Missing: any NaN is an error (drop incomplete experts first, see delphi_analysis).
/// Warnings: n <= 7 (chi-squared approximation poor; use the permutation p).
/// @throws InvalidInput for m < 2, n < 2, a NaN or infinite score, permutations < 0.
/// @throws DomainError when every expert gives all indicators the same score (W undefined).
/// Reference: Kendall, M.G. & Babington Smith, B. (1939) "The problem of m rankings", Ann. Math.
/// Statist. 10:275, doi:10.1214/aoms/1177732186; Legendre, P. (2005) "Species associations: the
/// Kendall coefficient of concordance revisited", JABES 10:226, doi:10.1198/108571105X46642.
[[nodiscard]] KendallResult kendall_w(const Eigen::MatrixXd& ratings, const KendallOptions& options = {});

/// Mid-ranks of a vector (1 = smallest; ties get the mean of their ranks), as R's rank().
/// NaN is not allowed (InvalidInput).
[[nodiscard]] Eigen::VectorXd mid_ranks(const Eigen::VectorXd& x);

// ---------------------------------------------------------------------------------------------
// Per-indicator screening statistics
// ---------------------------------------------------------------------------------------------

/// Which score counts as "full" in the full-score ratio.
enum class FullScoreRule {
  ScaleMaximum,     ///< the declared scale maximum (default; DELPHI-REFERENCE.md §3)
  ObservedMaximum,  ///< SPSSAU variant: the highest score observed over all ratings of the round
};

struct ItemStatsOptions {
  double scale_max = 5;  ///< declared scale maximum (full score under ScaleMaximum)
  FullScoreRule full_score = FullScoreRule::ScaleMaximum;
};

struct ItemStats {
  Eigen::VectorXd n;                 ///< ratings per indicator (non-missing)
  Eigen::VectorXd mean;              ///< M_j (NaN when n = 0)
  Eigen::VectorXd sd;                ///< SD_j with divisor n - 1 (NaN when n < 2)
  Eigen::VectorXd cv;                ///< SD_j / M_j (NaN when M_j = 0 or SD NaN)
  Eigen::VectorXd full_score_ratio;  ///< K_j = #(score >= full score) / n_j
  double full_score = 0;             ///< the score counted as full
  std::vector<std::string> warnings;
};

/// Per-indicator mean, SD (n - 1), CV = SD/mean and full-score ratio (满分比).
/// Input: rows = experts, columns = indicators. Missing: NaN scores are skipped per indicator
/// (available case). Full score: `options.scale_max` (ScaleMaximum) or the observed maximum of
/// the whole matrix (ObservedMaximum, SPSSAU "maximum identified by the algorithm").
/// @throws InvalidInput for an empty matrix or a non-finite scale_max.
/// Reference: DELPHI-REFERENCE.md §3; SPSSAU help "德尔菲法" (spssau.net/helps/delphi.html).
[[nodiscard]] ItemStats item_statistics(const Eigen::MatrixXd& ratings, const ItemStatsOptions& options = {});

/// The same statistics from score-count tables as papers publish them: counts(j, s) = experts
/// giving indicator j score scores[s]. SD uses n - 1 over the expanded ratings.
/// @throws InvalidInput when sizes disagree, a count is negative or not an integer.
[[nodiscard]] ItemStats item_statistics_from_counts(const Eigen::MatrixXd& counts, const Eigen::VectorXd& scores,
                                                    const ItemStatsOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Screening: fixed cut-offs and the boundary-value method (界值法)
// ---------------------------------------------------------------------------------------------

/// Divisor of the SD of the indicator statistics in the boundary-value method (unspecified in
/// the literature; it can flip decisions, DELPHI-REFERENCE.md §3).
enum class SdConvention { Sample /* n - 1 */, Population /* n */ };

struct ScreeningOptions {
  /// Fixed cut-offs (scale-specific; 5-point defaults from Chinese Delphi practice):
  /// keep when mean >= min_mean, CV < max_cv, and full-score ratio >= min_full_score.
  double min_mean = 3.5;
  double max_cv = 0.25;
  double min_full_score = -1;   ///< < 0 = rule off (no published source for a fixed K cut-off)
  bool boundary = true;         ///< apply the boundary-value method
  SdConvention boundary_sd = SdConvention::Sample;
};

struct BoundaryThresholds {
  double mean = 0;        ///< mean(M) - SD(M): keep when M_j > threshold
  double full_score = 0;  ///< mean(K) - SD(K): keep when K_j > threshold
  double cv = 0;          ///< mean(CV) + SD(CV): keep when CV_j < threshold
};

/// Verdict of one indicator.
enum class Verdict { Keep, Revise, Drop };
[[nodiscard]] const char* verdict_name(Verdict v);

struct ScreeningResult {
  BoundaryThresholds thresholds;               ///< NaN when boundary is off
  /// Per indicator: which rules fail (true = fails).
  std::vector<bool> fail_mean, fail_cv, fail_full_score;                    // fixed cut-offs
  std::vector<bool> fail_boundary_mean, fail_boundary_cv, fail_boundary_full_score;
  std::vector<Verdict> verdict;
  std::vector<std::string> warnings;
};

/// Screens indicators by fixed cut-offs and the boundary-value method.
/// Boundary thresholds are computed over the indicators given (call once per level to get
/// per-level thresholds): mean(M) - SD(M), mean(K) - SD(K), mean(CV) + SD(CV), SD with n - 1
/// (default) or n.
/// A boundary criterion on which all indicators are equal (SD 0, e.g. nobody gave a full score)
/// is not applied, with a warning (every indicator would otherwise fail it).
/// Verdict: Keep when no rule fails; Drop when every boundary criterion fails or every enabled
/// fixed cut-off fails; otherwise Revise (decide with the experts' comments).
/// @throws InvalidInput when the vectors differ in length, are empty, or a statistic is NaN.
/// Reference: DELPHI-REFERENCE.md §3 (boundary method as in BMJ Open 2024;14:e081117 and the
/// Chinese Delphi literature).
[[nodiscard]] ScreeningResult screen_indicators(const ItemStats& stats, const ScreeningOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Authority coefficient
// ---------------------------------------------------------------------------------------------

/// One judgment-basis source (判断依据) and the value of each level (大/中/小).
struct BasisSource {
  std::string id;
  double high = 0, medium = 0, low = 0;
};

/// Quantification tables of the authority coefficient (data, not code).
struct AuthorityTables {
  /// Ca table (PMC9440023 Table 2; BMJ Open 2023 Table 4): practice 0.5/0.4/0.3, theory
  /// 0.3/0.2/0.1, peers 0.1/0.1/0.1, intuition 0.1/0.1/0.1.
  std::vector<BasisSource> basis = {{"practice", 0.5, 0.4, 0.3},
                                    {"theory", 0.3, 0.2, 0.1},
                                    {"peers", 0.1, 0.1, 0.1},
                                    {"intuition", 0.1, 0.1, 0.1}};
  /// Cs by familiarity level: very 1.0, familiar 0.8, moderate 0.6, little 0.4, unfamiliar 0.2.
  std::vector<std::pair<std::string, double>> familiarity = {
      {"very", 1.0}, {"familiar", 0.8}, {"moderate", 0.6}, {"little", 0.4}, {"unfamiliar", 0.2}};
  double min_cr = 0.70;  ///< acceptance threshold of the panel Cr (曾光 1994)
};

/// Level of one judgment-basis source chosen by an expert.
enum class BasisLevel { High, Medium, Low };

/// One expert's answers: a level per basis source (same order as AuthorityTables::basis) and a
/// familiarity level name (one of AuthorityTables::familiarity).
struct ExpertAuthorityAnswers {
  std::vector<BasisLevel> basis;
  std::string familiarity;
};

struct AuthorityResult {
  Eigen::VectorXd ca, cs, cr;  ///< per expert
  double ca_mean = 0, cs_mean = 0, cr_mean = 0;  ///< panel means; cr_mean = (ca_mean + cs_mean)/2
  bool acceptable = false;     ///< cr_mean >= tables.min_cr
  std::vector<std::string> warnings;
};

/// Authority coefficient Cr = (Ca + Cs)/2 per expert (Ca = sum of the chosen basis values,
/// Cs = familiarity value) and panel means. Values are never rounded.
/// @throws InvalidInput for no experts, a basis list of the wrong length, an unknown familiarity
///         level.
/// Reference: 曾光 (1994) 现代流行病学方法与应用; DELPHI-REFERENCE.md §2 (BMJ Open worked example).
[[nodiscard]] AuthorityResult authority_coefficients(const std::vector<ExpertAuthorityAnswers>& experts,
                                                     const AuthorityTables& tables = {});

// ---------------------------------------------------------------------------------------------
// Content validity
// ---------------------------------------------------------------------------------------------

struct CviResult {
  Eigen::VectorXd n;        ///< experts rating each item (non-missing)
  Eigen::VectorXd relevant; ///< A_j: experts rating >= the relevant threshold
  Eigen::VectorXd i_cvi;    ///< A_j / N_j
  Eigen::VectorXd pc;       ///< chance agreement C(N, A) 0.5^N
  Eigen::VectorXd kappa;    ///< modified kappa k* = (I-CVI - pc)/(1 - pc)
  std::vector<std::string> kappa_band;  ///< poor (<0.40), fair, good (0.60-0.74), excellent (>0.74)
  double s_cvi_ave = 0;     ///< mean of the I-CVIs
  double s_cvi_ua = 0;      ///< share of items with I-CVI = 1 (universal agreement)
  std::vector<std::string> warnings;
};

/// Item- and scale-level content validity index and Polit's modified kappa.
/// Input: rows = experts, columns = items; "relevant" = score >= relevant_min (3 on the 4-point
/// relevance scale). Missing: NaN skipped per item (N_j = available ratings); an item with no
/// rating is an error. k* bands: Cicchetti & Sparrow (1981): < 0.40 poor, 0.40-0.59 fair,
/// 0.60-0.74 good, > 0.74 excellent.
/// @throws InvalidInput for an empty matrix or an item without ratings.
/// Reference: Polit, D.F., Beck, C.T. & Owen, S.V. (2007) "Is the CVI an acceptable indicator of
/// content validity?", Res Nurs Health 30:459, doi:10.1002/nur.20199; Polit & Beck (2006) Res
/// Nurs Health 29:489, doi:10.1002/nur.20147.
[[nodiscard]] CviResult content_validity_index(const Eigen::MatrixXd& ratings, double relevant_min);

struct CvrResult {
  Eigen::VectorXd n;            ///< experts rating each item
  Eigen::VectorXd essential;    ///< n_e: experts rating >= essential_min
  Eigen::VectorXd cvr;          ///< (n_e - N/2)/(N/2)
  Eigen::VectorXd n_critical;   ///< smallest n_e with P(X >= n_e) < alpha, X ~ Bin(N, 1/2); NaN if none
  Eigen::VectorXd cvr_critical; ///< CVR at n_critical
  std::vector<bool> meets;      ///< n_e >= n_critical
  double cvi = 0;               ///< Lawshe's CVI: mean CVR of the items that meet the critical value (NaN if none)
  double alpha = 0.05;
  std::vector<std::string> warnings;
};

/// Lawshe's content validity ratio with exact one-tailed binomial critical values (p = 1/2).
/// Input: rows = experts, columns = items; "essential" = score >= essential_min. Missing: NaN
/// skipped per item. N <= 4: no n_e reaches alpha = .05, the critical value is NaN and a warning
/// says so.
/// @throws InvalidInput for an empty matrix, an item without ratings, alpha outside (0, 1).
/// Reference: Lawshe, C.H. (1975) Personnel Psychology 28:563, doi:10.1111/j.1744-6570.1975.tb01393.x;
/// Ayre, C. & Scally, A.J. (2014) "Critical values for Lawshe's content validity ratio", MECD
/// 47:79, doi:10.1177/0748175613513808.
[[nodiscard]] CvrResult content_validity_ratio(const Eigen::MatrixXd& ratings, double essential_min,
                                               double alpha = 0.05);

// ---------------------------------------------------------------------------------------------
// Agreement
// ---------------------------------------------------------------------------------------------

/// One intraclass correlation with both naming systems.
struct IccValue {
  std::string shrout_fleiss;  ///< "ICC(1,1)", "ICC(2,1)", ... (psych: ICC1, ICC2, ICC3, ICC1k, ...)
  std::string mcgraw_wong;    ///< "ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)"
  double value = 0;
  double f = 0, df1 = 0, df2 = 0, p = 0;  ///< psych::ICC's F test
  double lower = 0, upper = 0;            ///< 95% CI as psych::ICC (F-based; ICC2 Satterthwaite)
};

struct IccResult {
  int n_targets = 0;  ///< indicators
  int n_judges = 0;   ///< experts
  double msb = 0, msw = 0, msj = 0, mse = 0;  ///< two-way ANOVA mean squares
  std::vector<IccValue> icc;  ///< ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k in psych's order
  std::vector<std::string> warnings;
};

/// Intraclass correlations from the two-way ANOVA (Shrout & Fleiss 1979; McGraw & Wong 1996),
/// identical to psych::ICC(x, lmer = FALSE) where x = t(ratings) (targets = indicators as rows).
/// Input: rows = experts (judges), columns = indicators (targets). Missing: any NaN is an error
/// (complete data; drop incomplete experts first). 95% CIs: ICC1/ICC3 from F quantiles, ICC2 with
/// Satterthwaite df, k-forms by Spearman–Brown of the single-rater limits (psych's formulas).
/// @throws InvalidInput for fewer than 2 judges or 2 targets, or a NaN.
/// @throws DomainError when all scores are equal (every mean square 0).
/// Reference: Shrout, P.E. & Fleiss, J.L. (1979) Psychol Bull 86:420, doi:10.1037/0033-2909.86.2.420;
/// McGraw, K.O. & Wong, S.P. (1996) Psychol Methods 1:30, doi:10.1037/1082-989X.1.1.30.
[[nodiscard]] IccResult intraclass_correlation(const Eigen::MatrixXd& ratings);

struct FleissKappaResult {
  double kappa = 0;
  double z = 0;        ///< kappa / SE0 (Fleiss 1971 SE under H0, as irr::kappam.fleiss)
  double p = 0;        ///< two-sided normal p
  int n_categories = 0;  ///< distinct observed scores
  std::vector<std::string> warnings;
};

/// Fleiss' kappa for m experts classifying n items into the observed score categories
/// (irr::kappam.fleiss(t(ratings)), exact = FALSE). Input: rows = experts, columns = items.
/// Missing: any NaN is an error.
/// @throws InvalidInput for m < 2, n < 1, a NaN.
/// @throws DomainError when only one category is observed (chance agreement 1).
/// Reference: Fleiss, J.L. (1971) "Measuring nominal scale agreement among many raters",
/// Psychol Bull 76:378, doi:10.1037/h0031619.
[[nodiscard]] FleissKappaResult fleiss_kappa(const Eigen::MatrixXd& ratings);

enum class AlphaLevel { Nominal, Ordinal, Interval };

/// Krippendorff's alpha = 1 - D_o/D_e from the coincidence matrix of pairable values
/// (irr::kripp.alpha, whose input is raters × units = this orientation).
/// Input: rows = experts, columns = items; NaN = missing (pairwise: items with < 2 ratings are
/// not pairable and ignored). Metrics: nominal (δ = 0/1), ordinal (δ = (sum_{g=c}^{k} n_g -
/// (n_c + n_k)/2)^2), interval ((c - k)^2).
/// @throws InvalidInput when fewer than 2 pairable values exist.
/// @throws DomainError when only one value is observed (D_e = 0).
/// Reference: Krippendorff, K. (2011) "Computing Krippendorff's alpha-reliability",
/// repository.upenn.edu/asc_papers/43; Hayes & Krippendorff (2007) Commun Methods Meas 1:77,
/// doi:10.1080/19312450709336664.
[[nodiscard]] double krippendorff_alpha(const Eigen::MatrixXd& ratings, AlphaLevel level);

}  // namespace cikit
