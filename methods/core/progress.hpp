#pragma once
/// \file progress.hpp
/// Progress of long loops (Monte Carlo runs, bootstrap resamples): the callback type the
/// library takes and the counter its parallel loops share. The front ends draw it (cli/common.hpp
/// ProgressBar: a bar on stderr when stderr is a terminal, nothing in pipes or CI). Progress never
/// affects a result: the loops report counts only, from one thread.

#include <atomic>
#include <cstddef>
#include <functional>

namespace cikit {

/// Called with (items done, items in all); optional (empty = no reporting). It is called from
/// one thread at a time (OpenMP thread 0 of the loop, or the calling thread), so it need not be
/// thread-safe, and it must not throw.
using ProgressFn = std::function<void(std::ptrdiff_t done, std::ptrdiff_t total)>;

/// Counts the finished items of a (parallel) loop of `total` items and reports to `fn`.
class ProgressCounter {
 public:
  ProgressCounter(const ProgressFn& fn, std::ptrdiff_t total) : fn_(fn), total_(total) {}
  /// One more item finished; reports (done, total) when `report` is true (pass
  /// omp_get_thread_num() == 0, so that only one thread calls the callback).
  void step(bool report) {
    const std::ptrdiff_t now = done_.fetch_add(1, std::memory_order_relaxed) + 1;
    if (report && fn_) fn_(now, total_);
  }
  /// The loop is over: reports (total, total) from the calling thread.
  void finish() const {
    if (fn_) fn_(total_, total_);
  }

 private:
  const ProgressFn& fn_;
  std::ptrdiff_t total_;
  std::atomic<std::ptrdiff_t> done_{0};
};

}  // namespace cikit
