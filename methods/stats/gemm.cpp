/// \file gemm.cpp
/// C = Aᵀ·B through OpenBLAS or Eigen (gemm.hpp).
#include "methods/stats/gemm.hpp"

#include <limits>
#include <mutex>
#include <string>

#ifdef CIKIT_HAVE_OPENBLAS
#include <cblas.h>
extern "C" {
// OpenBLAS extensions (declared in its cblas.h since 0.3.x; repeated here so that a cblas.h
// of another vendor on the include path does not break the build with a confusing error).
int openblas_get_parallel(void);
char* openblas_get_config(void);
char* openblas_get_corename(void);
void openblas_set_num_threads(int);
}
#endif

namespace cikit::stats {

namespace {

#ifdef CIKIT_HAVE_OPENBLAS
/// OpenBLAS threading model: 0 sequential, 1 pthreads, 2 OpenMP (openblas_get_parallel).
constexpr int kOpenBlasPthreads = 1;

bool fits_blasint(Eigen::Index v) { return v <= static_cast<Eigen::Index>(std::numeric_limits<blasint>::max()); }

void configure_openblas_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // The pthreads build keeps its own pool, sized to the machine: one thread per call, as the
    // callers already run one call per core. (In the OpenMP build openblas_set_num_threads
    // would call omp_set_num_threads and change cikit's own team size, so it is not called:
    // that build runs single-threaded inside our parallel regions by itself.)
    if (openblas_get_parallel() == kOpenBlasPthreads) openblas_set_num_threads(1);
  });
}
#endif

}  // namespace

void gemm_tn(Eigen::Index m, Eigen::Index n, Eigen::Index k, const double* a, Eigen::Index lda, const double* b,
             Eigen::Index ldb, double* c, Eigen::Index ldc) {
  if (m == 0 || n == 0) return;
#ifdef CIKIT_HAVE_OPENBLAS
  if (fits_blasint(m) && fits_blasint(n) && fits_blasint(k) && fits_blasint(lda) && fits_blasint(ldb) &&
      fits_blasint(ldc)) {
    configure_openblas_once();
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, static_cast<blasint>(m), static_cast<blasint>(n),
                static_cast<blasint>(k), 1.0, a, static_cast<blasint>(lda), b, static_cast<blasint>(ldb), 0.0, c,
                static_cast<blasint>(ldc));
    return;
  }
#endif
  // Eigen: the build without OpenBLAS, or a dimension beyond OpenBLAS's 32-bit integer.
  using Stride = Eigen::OuterStride<>;
  const Eigen::Map<const Eigen::MatrixXd, 0, Stride> am(a, k, m, Stride(lda));
  const Eigen::Map<const Eigen::MatrixXd, 0, Stride> bm(b, k, n, Stride(ldb));
  Eigen::Map<Eigen::MatrixXd, 0, Stride> cm(c, m, n, Stride(ldc));
  cm.noalias() = am.transpose() * bm;
}

const char* gemm_backend() {
#ifdef CIKIT_HAVE_OPENBLAS
  static const std::string name = [] {
    // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH … Zen MAX_THREADS=64": the first two words, then
    // the kernel chosen for this CPU and the threading model.
    const std::string config = openblas_get_config();
    const auto second = config.find(' ', config.find(' ') + 1);
    std::string s = config.substr(0, second);
    s += ", core ";
    s += openblas_get_corename();
    s += openblas_get_parallel() == kOpenBlasPthreads ? ", pthreads" : openblas_get_parallel() == 0 ? ", sequential" : ", OpenMP";
    return s;
  }();
  return name.c_str();
#else
  return "Eigen";
#endif
}

}  // namespace cikit::stats
