#pragma once
/// \file gemm.hpp
/// One dense matrix product for the hot bootstrap kernels, C = Aᵀ·B (column-major), computed by
/// Debian's OpenBLAS when the build found it (CIKIT_HAVE_OPENBLAS, CMakeLists.txt) and by Eigen
/// otherwise. OpenBLAS chooses its kernel (SSE2 … AVX2/FMA, AVX-512) at run time for the CPU it
/// runs on (DYNAMIC_ARCH), which the Debian baseline build of Eigen (SSE2) cannot: 2–3× Eigen on
/// the shape of the α bootstrap (32 × 2,800 times 2,800 × 350; benchmarks/RESULTS.md).
///
/// Threads: every call computes its product on the calling thread only. cikit parallelises over
/// replicate blocks itself; a BLAS team inside that would oversubscribe the cores. OpenBLAS's
/// OpenMP build runs one thread inside an active OpenMP region or when omp_get_max_threads() is
/// 1; its pthreads build is set to one thread once (openblas_set_num_threads(1)). Results:
/// each element of C is a sum over the shared dimension whose order depends only on the BLAS
/// kernel and the shapes, never on the thread count (tests/reliability/alpha_test.cpp checks 1,
/// 2 and 8 threads bit for bit). Eigen and OpenBLAS sum in different orders, so the two builds
/// differ in the last bits (|ΔC| ≈ 1e-13 relative to Σ|a||b| at K = 2,800; α replicates to
/// ≤ 1e-12, tested against the materialised resamples in either build).
///
/// Layer: methods/stats (used by methods/reliability, stats::PairSums and validity's correlation_matrix
/// inside parallel regions). Not included by any other header.

#include <Eigen/Core>

namespace cikit::stats {

/// C (m × n, leading dimension ldc) = Aᵀ (m × k) · B (k × n), with A stored k × m (lda ≥ k) and
/// B stored k × n (ldb ≥ k), all column-major double. Overwrites C. m, n, k ≥ 0.
/// Call it from inside an OpenMP parallel region or at one OpenMP thread (see above).
/// Complexity: 2·m·n·k flops.
void gemm_tn(Eigen::Index m, Eigen::Index n, Eigen::Index k, const double* a, Eigen::Index lda, const double* b,
             Eigen::Index ldb, double* c, Eigen::Index ldc);

/// "OpenBLAS 0.3.21 … (core Zen)" or "Eigen": what gemm_tn runs on, for reports and --version.
const char* gemm_backend();

}  // namespace cikit::stats
