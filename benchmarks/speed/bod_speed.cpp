// Benefit of the doubt at scale (issue 18): one GLPK LP per unit, 3000 units x 60 indicators
// (uniform [0, 1) data from a fixed seed), with 1 and 2 OpenMP threads; prints the wall time,
// the time per unit and whether the two runs agree bit for bit.
//   build/ci-linux/cikit_bod_speed [units] [indicators]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "methods/weighting/bod.hpp"

int main(int argc, char** argv) {
  const Eigen::Index n = argc > 1 ? std::atol(argv[1]) : 3000;
  const Eigen::Index k = argc > 2 ? std::atol(argv[2]) : 60;
  std::mt19937_64 g(20240518);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Eigen::MatrixXd y(n, k);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < k; ++j) y(i, j) = u(g);
  cikit::BodResult first;
  for (int threads : {1, 2}) {
    cikit::BodOptions o;
    o.threads = threads;
    const auto t0 = std::chrono::steady_clock::now();
    const cikit::BodResult r = cikit::benefit_of_doubt(y, o);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("bod %ld x %ld, %d thread(s): %.2f s, %.2f ms per unit, %ld units score 1\n", static_cast<long>(n),
                static_cast<long>(k), threads, s, 1000 * s / static_cast<double>(n),
                static_cast<long>((r.score.array() >= 1 - 1e-9).count()));
    if (threads == 1) first = r;
    else std::printf("identical to 1 thread: %s\n",
                     (first.weights - r.weights).cwiseAbs().maxCoeff() <= 0 && (first.score - r.score).cwiseAbs().maxCoeff() <= 0
                         ? "yes" : "NO");
  }
  return 0;
}
