/// \file pairwise_alpha_sums.cpp
/// Bootstrap kernel for raw alpha with missing values (detail/pairwise_alpha_sums.hpp).
#include "methods/reliability/detail/pairwise_alpha_sums.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/random.hpp"
#include "methods/stats/gemm.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit::reliability_detail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Q is kept for the whole run when it is at most this large; otherwise it is rebuilt in row
/// chunks for every block (n·w per block, 1/(2·kBlock) of the block's product).
constexpr double kCacheBytes = 256.0 * 1024 * 1024;
constexpr Eigen::Index kChunkRows = 4096;

/// Row r of Q: [z̃_r, z̃_ra z̃_rb for a ≤ b (column-major lower triangle)].
void fill_q_row(const Eigen::MatrixXd& z, Eigen::Index r, Eigen::Index k, double* q) {
  for (Eigen::Index a = 0; a < k; ++a) q[a] = z(r, a);
  Eigen::Index c = k;
  for (Eigen::Index b = 0; b < k; ++b) {
    const double zb = z(r, b);
    for (Eigen::Index a = b; a < k; ++a) q[c++] = z(r, a) * zb;
  }
}

}  // namespace

PairwiseAlphaSums::PairwiseAlphaSums(const Eigen::MatrixXd& x)
    : n_(x.rows()), k_(x.cols()), w_(x.cols() + x.cols() * (x.cols() + 1) / 2),
      z_(stats::centre_by_available_means(x)) {
  z_ = z_.array().isNaN().select(0.0, z_);  // a missing value contributes 0 to every sum
  for (Eigen::Index i = 0; i < n_; ++i) {
    std::vector<Eigen::Index> miss;
    for (Eigen::Index j = 0; j < k_; ++j)
      if (std::isnan(x(i, j))) miss.push_back(j);
    if (!miss.empty()) {
      incomplete_.push_back(i);
      missing_.push_back(std::move(miss));
    }
  }
  z_incomplete_.resize(k_, static_cast<Eigen::Index>(incomplete_.size()));
  for (std::size_t p = 0; p < incomplete_.size(); ++p)
    z_incomplete_.col(static_cast<Eigen::Index>(p)) = z_.row(incomplete_[p]).transpose();
  if (static_cast<double>(n_) * static_cast<double>(w_) * 8.0 <= kCacheBytes) {
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> q(n_, w_);
    for (Eigen::Index i = 0; i < n_; ++i) fill_q_row(z_, i, k_, q.row(i).data());
    q_ = q;
  }
}

void PairwiseAlphaSums::accumulate_product(Workspace& ws, int count) const {
  // product (w × count) = Qᵀ · counts: column r holds replicate r's sums, contiguous.
  if (q_.size() > 0) {  // one BLAS product (OpenBLAS when built with it: stats/gemm.hpp)
    stats::gemm_tn(w_, count, n_, q_.data(), q_.outerStride(), ws.counts.data(), ws.counts.outerStride(),
                   ws.product.data(), ws.product.outerStride());
    return;
  }
  ws.product.leftCols(count).setZero();
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> q;
  for (Eigen::Index r0 = 0; r0 < n_; r0 += kChunkRows) {
    const Eigen::Index len = std::min(kChunkRows, n_ - r0);
    q.resize(len, w_);
    for (Eigen::Index i = 0; i < len; ++i) fill_q_row(z_, r0 + i, k_, q.row(i).data());
    ws.product.leftCols(count).noalias() += q.transpose() * ws.counts.middleRows(r0, len).leftCols(count);
  }
}

void PairwiseAlphaSums::replicates(std::uint64_t seed, int b0, int count, double* out, Workspace& ws) const {
  ws.counts.resize(n_, kBlock);
  ws.product.resize(w_, kBlock);
  ws.varied.assign(static_cast<std::size_t>(kBlock), 0);
  const auto nu = static_cast<std::uint64_t>(n_);
  for (int r = 0; r < count; ++r) {
    auto g = make_stream(seed, StreamTag::Bootstrap, static_cast<std::uint64_t>(b0 + r));
    double* c = ws.counts.col(r).data();
    std::fill(c, c + n_, 0.0);
    const std::uint64_t first = uniform_index(g, nu);
    c[first] += 1.0;
    bool varied = false;
    for (Eigen::Index d = 1; d < n_; ++d) {
      const std::uint64_t i = uniform_index(g, nu);
      varied = varied || i != first;
      c[i] += 1.0;
    }
    ws.varied[static_cast<std::size_t>(r)] = varied ? 1 : 0;
  }
  accumulate_product(ws, count);

  const auto nd = static_cast<double>(n_);
  const auto kd = static_cast<double>(k_);
  ws.t.resize(k_, k_);
  ws.v.resize(k_, k_);
  ws.u.resize(k_);
  for (int r = 0; r < count; ++r) {
    if (ws.varied[static_cast<std::size_t>(r)] == 0) {  // one row drawn n times: C = 0
      out[r] = kNaN;
      continue;
    }
    ws.t.setZero();
    ws.v.setZero();
    ws.u.setZero();
    for (std::size_t p = 0; p < incomplete_.size(); ++p) {
      const Eigen::Index i = incomplete_[p];
      const double c = ws.counts(i, r);
      if (!(c > 0.0)) continue;
      const double* zi = z_incomplete_.col(static_cast<Eigen::Index>(p)).data();  // z̃ of row i, contiguous
      for (Eigen::Index b : missing_[p]) {
        ws.u[b] += c;
        double* tb = ws.t.col(b).data();
        for (Eigen::Index a = 0; a < k_; ++a) tb[a] += c * zi[a];
        for (Eigen::Index a : missing_[p]) ws.v(a, b) += c;
      }
    }
    const double* s = ws.product.col(r).data();  // replicate r's S̃ (first k) and P (the pairs)
    const auto s_tilde = [&](Eigen::Index a) { return s[a]; };
    double tr = 0.0;
    double sum = 0.0;
    bool ok = true;
    Eigen::Index col = k_;
    for (Eigen::Index b = 0; b < k_ && ok; ++b)
      for (Eigen::Index a = b; a < k_; ++a, ++col) {
        const double m = nd - ws.u[a] - ws.u[b] + ws.v(a, b);
        if (m < 2.0) {
          ok = false;
          break;
        }
        const double sa = s_tilde(a) - ws.t(a, b);
        const double sb = s_tilde(b) - ws.t(b, a);
        const double cab = (s[col] - sa * sb / m) / (m - 1.0);
        if (a == b) {
          tr += cab;
          sum += cab;
        } else {
          sum += 2.0 * cab;
        }
      }
    out[r] = ok && std::abs(sum) > 0.0 ? (1.0 - tr / sum) * (kd / (kd - 1.0)) : kNaN;
  }
}

}  // namespace cikit::reliability_detail
