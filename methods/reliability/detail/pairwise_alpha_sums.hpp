#pragma once
/// \file detail/pairwise_alpha_sums.hpp
/// Private kernel of methods/reliability (pairwise_alpha_sums.cpp, alpha.cpp): raw alpha of
/// bootstrap resamples of data WITH missing values (pairwise covariances, psych's
/// use = "pairwise"), in blocks of replicates, without materialising any resample. Not
/// installed; no other family includes it.
///
/// A resample is a vector of multiplicities c_i (n draws of uniform_index(g, n), exactly the
/// draws of the materialising path). With z̃ = X − (available-value column means) and z̃ = 0
/// where X is missing, δ_ia = 1 when X_ia is present, the pairwise covariance of items a, b over
/// the rows where both are present is
///   m_ab = Σ c_i δ_ia δ_ib = N − u_a − u_b + v_ab,           N = n,
///   u_a  = Σ c_i (1 − δ_ia),  v_ab = Σ c_i (1 − δ_ia)(1 − δ_ib)   (incomplete rows only),
///   S_a^(ab) = Σ c_i δ_ib z̃_ia = S̃_a − T_ab,  S̃_a = Σ c_i z̃_ia,  T_ab = Σ c_i (1 − δ_ib) z̃_ia,
///   P_ab = Σ c_i z̃_ia z̃_ib   (a missing value contributes 0 by construction),
///   C_ab = (P_ab − S_a^(ab) S_b^(ab) / m_ab) / (m_ab − 1),
/// the same C as stats::pairwise_covariance on the materialised resample, up to rounding
/// (one-pass sums of data centred by the full sample's means; tests/reliability:
/// |difference| ≤ 1e-12). raw alpha = (1 − tr C / ΣC) k / (k − 1).
/// S̃ and P of a block of R replicates are one matrix product (stats::gemm_tn: OpenBLAS when the
/// build found it, else Eigen), Qᵀ times counts (n × R), with
/// Q = [z̃_i, z̃_ia z̃_ib (a ≤ b)] (n × (k + k(k+1)/2)); u, v and T come from the incomplete
/// rows only (their missing items), O(#incomplete · #missing · k) per replicate.
/// Cost: 2·n·(k + k(k+1)/2) flops per replicate for the product (k = 25, n = 2,800:
/// 1.96 MFLOP), plus the n draws; the replicate's value depends only on its draws and the
/// block layout (fixed size kBlock), never on the thread that computes it.

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace cikit::reliability_detail {

class PairwiseAlphaSums {
 public:
  /// Replicates per block (one matrix product). Fixed: results never depend on the thread count.
  /// 128: the product then runs at ~34 GFLOP/s per core with OpenBLAS on the bfi shape (93 % of
  /// its large square dgemm here), against 32 at 64 and 26 at 32 (Q, n × w, is packed once per
  /// block; benchmarks/RESULTS.md). 64 → 128 (session 10): the same bits on bfi (B = 333 and
  /// 1000, 1-3 threads), −5 % CPU of `cikit reliability -B 1000 --statistics alpha` at 1 thread,
  /// −7 % at 2; B < 256 now gives the second thread less or no work. Counts take n·128·8 bytes
  /// per thread (2.9 MB on bfi).
  static constexpr int kBlock = 128;

  /// x: n × k (k >= 2, n >= 2), NaN = missing.
  explicit PairwiseAlphaSums(const Eigen::MatrixXd& x);

  /// Per-thread scratch (counts, product, pair sums).
  struct Workspace {
    Eigen::MatrixXd counts;   // n × R multiplicities
    Eigen::MatrixXd product;  // w × R (column r: replicate r's sums)
    Eigen::MatrixXd q_chunk;  // rows of Q when Q is not cached
    Eigen::MatrixXd t, v;     // k × k
    Eigen::VectorXd u;        // k
    std::vector<std::uint8_t> varied;
  };

  /// raw alpha of bootstrap replicates b0 .. b0 + count − 1 (count ≤ kBlock), replicate b drawn
  /// from make_stream(seed, StreamTag::Bootstrap, b); NaN when a pair has fewer than 2 common
  /// rows, ΣC is 0, or every draw is the same row (as raw_alpha on the materialised resample).
  void replicates(std::uint64_t seed, int b0, int count, double* out, Workspace& ws) const;

 private:
  void accumulate_product(Workspace& ws, int count) const;

  Eigen::Index n_ = 0, k_ = 0, w_ = 0;
  Eigen::MatrixXd z_;        // n × k, centred, 0 where missing
  Eigen::MatrixXd q_;        // n × w when cached (n·w·8 bytes ≤ kCacheBytes), else empty
  std::vector<Eigen::Index> incomplete_;          // rows with a missing value
  Eigen::MatrixXd z_incomplete_;                  // k × #incomplete: z̃ of those rows, one per column
  std::vector<std::vector<Eigen::Index>> missing_;  // their missing items
};

}  // namespace cikit::reliability_detail
