#pragma once
/// \file cancel.hpp
/// Cooperative cancellation of a run (docs/robustness.md, "Interrupted runs").
///
/// One process-wide flag. install_cancel_handlers() makes SIGINT and SIGTERM set it; long loops
/// (bootstrap, Monte Carlo, Sobol', permutation tests, the methods study) call
/// throw_if_cancelled() between replicates (inside an OpenMP loop: skip the remaining
/// iterations while cancel_requested(), then throw_if_cancelled() after the loop), so the run
/// unwinds, its TempFile destructors remove their temporary files, and the front end exits with
/// 128 + signal (130 for SIGINT, 143 for SIGTERM). A watchdog guarantees the "within a second":
/// if the run has not stopped one second after the signal (a step without a check), the handler's
/// alarm removes every temporary file still registered (fileio.hpp) and ends the process with the
/// same status; a second signal does so at once.

#include <stdexcept>

namespace cikit {

/// The run was stopped by a signal (or request_cancel()). Not an input error: front ends print
/// "interrupted" and exit with exit_code().
class Cancelled : public std::runtime_error {
 public:
  explicit Cancelled(int signal);
  [[nodiscard]] int signal() const noexcept { return signal_; }
  /// 128 + signal: 130 for SIGINT, 143 for SIGTERM (the shells' convention).
  [[nodiscard]] int exit_code() const noexcept { return 128 + signal_; }

 private:
  int signal_;
};

/// Installs the SIGINT/SIGTERM handlers (once per process; front ends call it at start), and a
/// SIGBUS handler: a memory-mapped input file truncated while it is read ends the run with a
/// one-line error, its temporaries removed, and exit status 1 (instead of "Bus error").
void install_cancel_handlers();
/// True once a stop was requested. Cheap (one relaxed atomic load): call it per replicate.
[[nodiscard]] bool cancel_requested() noexcept;
/// The signal that requested the stop (0 if none).
[[nodiscard]] int cancel_signal() noexcept;
/// @throws Cancelled when a stop was requested.
void throw_if_cancelled();
/// Requests a stop as if `signal` had arrived, without the watchdog (tests, library callers).
void request_cancel(int signal) noexcept;
/// Clears the request (tests) and disarms the watchdog.
void reset_cancel() noexcept;

}  // namespace cikit
