#pragma once
/// \file sobol_indices.hpp
/// Variance-based global sensitivity analysis: the Saltelli N(k + 2) design, a parallel runner
/// that evaluates a model on every design row, first-order (Saltelli 2010) and total-order
/// (Jansen 1999) Sobol' indices with bootstrap confidence intervals and a convergence report.
///
/// Inputs are independent and uniform on [0, 1)^d in the design; the model maps a design row to
/// its own inputs (e.g. x = -pi + 2 pi u, or a discrete choice floor(u m), discrete_choice()).
/// An "input" may own several coordinates (a group, e.g. all perturbed weights): its indices
/// are those of the group (Sobol' 1993 / Jansen 1999 hold for groups of inputs unchanged).

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "methods/core/random.hpp"
#include "methods/sensitivity/sobol_sequence.hpp"

namespace cikit {

/// Maps a uniform coordinate u in [0, 1) to one of m choices: c = min(floor(u m), m - 1), so
/// each choice has probability exactly 1/m (the min guards against u rounding to 1).
/// @throws InvalidInput if m < 1 or u is not in [0, 1] (NaN included).
[[nodiscard]] int discrete_choice(double u, int m);

/// Base points of the design: scrambled Sobol' (quasi-random) or pseudo-random.
enum class DesignKind {
  Sobol,   ///< A = columns 0..d-1, B = columns d..2d-1 of one scrambled Sobol' sequence in 2d
           ///< dimensions (as SALib); needs 2d <= kSobolMaxDimension
  Random,  ///< base row j: 2d uniforms from stream (seed, MonteCarlo, j), A first then B
};

struct DesignOptions {
  DesignKind kind = DesignKind::Sobol;  ///< quasi-random converges faster (Saltelli et al. 2010)
  std::uint64_t seed = kDefaultSeed;     ///< scrambling / random streams
};

/// The Saltelli design: base matrices A, B (N × d, uniform [0, 1)) and, for each input i,
/// A_B^(i) = A with the coordinates of input i taken from B.
/// Run layout (run r, 0-based): r in [0, N) is A's row r; [N, 2N) B's row r - N;
/// 2N + i N + j is row j of A_B^(i). Total N(k + 2) runs.
struct SaltelliDesign {
  Eigen::Index n = 0;         ///< N, base sample size
  int inputs = 0;             ///< k, number of inputs (groups)
  std::vector<int> group_of;  ///< coordinate -> input (size d)
  Eigen::MatrixXd a;          ///< N × d
  Eigen::MatrixXd b;          ///< N × d
  [[nodiscard]] Eigen::Index runs() const { return n * (inputs + 2); }
  [[nodiscard]] int coordinates() const { return static_cast<int>(group_of.size()); }
  /// The coordinates of run r (layout above). @throws InvalidInput if r is out of range.
  [[nodiscard]] Eigen::VectorXd row(Eigen::Index r) const;
};

/// Saltelli design with one coordinate per input (d = k).
/// N should be a power of 2 (the Sobol' prefixes are balanced then; a warning-free choice).
/// @throws InvalidInput if n < 2, k < 1, or (Sobol) 2k > kSobolMaxDimension.
/// Reference: Saltelli et al. (2010), Variance based sensitivity analysis of model output,
///   Comput. Phys. Commun. 181:259, doi:10.1016/j.cpc.2009.09.018.
[[nodiscard]] SaltelliDesign saltelli_design(Eigen::Index n, int k, const DesignOptions& options = {});

/// Saltelli design with grouped coordinates: group_of[c] = input owning coordinate c; every
/// input 0..k-1 must own at least one coordinate (k = max + 1).
/// @throws InvalidInput if n < 2, group_of is empty, has a negative value or an input without
///         coordinates, or (Sobol) 2d > kSobolMaxDimension (use DesignKind::Random then).
[[nodiscard]] SaltelliDesign saltelli_design(Eigen::Index n, const std::vector<int>& group_of,
                                             const DesignOptions& options = {});

/// A model with one or more outputs per run (e.g. R̄s and every unit's rank).
using BatchModel = std::function<Eigen::VectorXd(const Eigen::VectorXd& coordinates)>;

struct RunFailure {
  Eigen::Index run = 0;  ///< run index (design layout)
  std::string reason;    ///< the exception's message
};

/// Progress of a long loop: called with (runs done, total runs), only ever from one thread at
/// a time (OpenMP's master thread), never concurrently; must not throw.
using ProgressCallback = std::function<void(Eigen::Index done, Eigen::Index total)>;

struct EvaluateOptions {
  int threads = 0;  ///< OpenMP threads; 0 = OpenMP default. Results never depend on it.
  ProgressCallback progress;  ///< optional; never affects the results
};

/// Outputs of every run.
struct DesignOutputs {
  Eigen::MatrixXd y;                  ///< runs × outputs; a failed run's row is NaN
  std::vector<RunFailure> failures;   ///< one per failed run, in run order
  std::vector<std::string> warnings;
};

/// Evaluates f on every run of the design in parallel (OpenMP over runs, results written by run
/// index, so bitwise independent of the thread count). Run 0 is evaluated first, alone, to fix
/// the number of outputs m; any other run returning a different size, a non-finite value, or
/// throwing a std::exception is recorded in `failures` (never silently dropped) and its row is NaN.
/// f must be safe to call concurrently.
/// @throws InvalidInput if f is empty; DomainError if run 0 fails or returns no outputs.
[[nodiscard]] DesignOutputs evaluate_design(const SaltelliDesign& design, const BatchModel& f,
                                            const EvaluateOptions& options = {});

/// Divisor of the output variance V̂ over the 2N values f(A), f(B).
enum class SobolVariance {
  Population,  ///< divisor 2N (numpy ddof = 0, as SALib analyze/sobol.py)
  Sample,      ///< divisor 2N - 1 (R var(), as COINr SA_estimate)
};

struct SobolIndexOptions {
  SobolVariance variance = SobolVariance::Population;  ///< SALib's convention by default
  /// Bootstrap resamples of the N base rows for the confidence intervals (0 = none).
  int bootstrap_resamples = 1000;
  double level = 0.95;  ///< confidence level of both intervals
  std::uint64_t seed = kDefaultSeed;  ///< resample b uses stream (seed, Bootstrap, b)
  /// A warning is issued when an index's CI half-width (normal half-width, or half the
  /// percentile interval's width, whichever is larger) exceeds this: the indices are then not
  /// precise enough to rank inputs; increase N.
  double wide_ci_half_width = 0.1;
  bool convergence = true;  ///< also compute the indices on the first N/4 and N/2 base rows
  int threads = 0;          ///< OpenMP threads for the bootstrap; 0 = default
  std::vector<std::string> input_names;   ///< optional, for messages (size k)
  std::vector<std::string> output_names;  ///< optional, for messages (size m)
};

/// Indices at a smaller base size (prefix of the first n base rows).
struct SobolConvergence {
  Eigen::Index n = 0;
  Eigen::MatrixXd first;  ///< k × m
  Eigen::MatrixXd total;  ///< k × m
};

/// Sobol' indices of m outputs with respect to k inputs. Matrices are inputs × outputs.
struct SobolIndices {
  Eigen::Index n = 0;
  int inputs = 0;
  Eigen::Index outputs = 0;
  SobolVariance variance_convention = SobolVariance::Population;
  Eigen::VectorXd variance;  ///< V̂ per output
  Eigen::MatrixXd first;     ///< S_i
  Eigen::MatrixXd total;     ///< S_Ti
  // Bootstrap (empty when bootstrap_resamples = 0):
  Eigen::MatrixXd first_lower, first_upper;  ///< percentile interval (R type-7 quantiles)
  Eigen::MatrixXd total_lower, total_upper;
  Eigen::MatrixXd first_half_width;  ///< SALib's normal half-width z_{(1+level)/2} · sd(bootstrap)
  Eigen::MatrixXd total_half_width;
  int bootstrap_resamples = 0;
  std::vector<SobolConvergence> convergence;  ///< at N/4, N/2, N (when N/4 >= 2)
  std::vector<Eigen::Index> zero_variance_outputs;  ///< outputs with V̂ = 0: indices set to 0
  std::vector<std::string> warnings;
};

/// First- and total-order Sobol' indices from the outputs of a Saltelli design (runs in the
/// layout of SaltelliDesign: y has N(k + 2) rows, one column per output).
/// \f[ \hat V = \mathrm{var}(f(A) \cup f(B)),\quad
///     S_i = \frac{1}{N \hat V}\sum_j f(B)_j\,[f(A_B^{(i)})_j - f(A)_j] \quad\text{(Saltelli 2010)},\f]
/// \f[ S_{Ti} = \frac{1}{2N \hat V}\sum_j [f(A)_j - f(A_B^{(i)})_j]^2 \quad\text{(Jansen 1999)}. \f]
/// V̂ divisor per `variance` (SALib 2N, COINr 2N - 1); SALib standardises y first, which leaves
/// the ratios unchanged. An output with V̂ = 0 (constant) gets S = S_T = 0 and is listed.
/// Bootstrap: resample b draws N base-row indices with replacement from stream
/// (seed, Bootstrap, b), the same rows for A, B and every A_B^(i) (as SALib); intervals:
/// percentile [Q7((1-level)/2), Q7((1+level)/2)] and SALib's half-width z·sd_{n-1}.
/// Estimates are not truncated to [0, 1] (Monte Carlo error can make them slightly negative).
/// @throws InvalidInput if y.rows() != n(k + 2), n < 2, k < 1, a value is non-finite (a failed
///         run: exclude nothing silently, fix or report the failure), level not in (0, 1),
///         bootstrap_resamples < 0 or 1, names of the wrong size.
/// Reference: Saltelli et al. (2010), CPC 181:259, doi:10.1016/j.cpc.2009.09.018 (Table 2);
///   Jansen (1999), Analysis of variance designs for model output, CPC 117:35,
///   doi:10.1016/S0010-4655(98)00154-4; Sobol' (2001), Math. Comput. Simul. 55:271,
///   doi:10.1016/S0378-4754(00)00270-6; Herman & Usher (2017), SALib, JOSS 2(9):97,
///   doi:10.21105/joss.00097.
/// Complexity: O(N k m) plus O(B N k m) for the bootstrap.
[[nodiscard]] SobolIndices sobol_indices(const Eigen::MatrixXd& y, Eigen::Index n, int k,
                                         const SobolIndexOptions& options = {});

}  // namespace cikit
