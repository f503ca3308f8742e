#include "methods/core/cancel.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

#include "methods/core/fileio.hpp"

namespace cikit {
namespace {

std::atomic<int> g_signal{0};

void write_stderr(const char* s) noexcept {
  const ssize_t n = ::write(STDERR_FILENO, s, std::strlen(s));
  (void)n;
}

[[noreturn]] void hard_stop(int sig) noexcept {
  remove_registered_temporaries();
  write_stderr("cikit: stopped; temporary files removed, earlier outputs left as they were\n");
  ::_exit(128 + sig);
}

extern "C" void on_stop_signal(int sig) {
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) hard_stop(expected);  // second signal
  write_stderr(sig == SIGINT ? "\ncikit: interrupted (SIGINT), stopping...\n"
                             : "\ncikit: terminated (SIGTERM), stopping...\n");
  ::alarm(1);  // the watchdog: on_alarm if the run has not unwound by then
}

extern "C" void on_alarm(int) {
  const int sig = g_signal.load();
  if (sig != 0) hard_stop(sig);
}

/// SIGBUS: a memory-mapped input (the numeric CSV reader maps its file) was truncated or became
/// unreadable while it was being read, e.g. another program rewrote the file. Nothing can be
/// recovered at that point; say what happened, remove the temporaries and exit 1 (a data error)
/// instead of dying with "Bus error".
extern "C" void on_bus_error(int) {
  remove_registered_temporaries();
  write_stderr("cikit: error: an input file was truncated or became unreadable while it was being read "
               "(SIGBUS; was it rewritten by another program?); no partial output written\n");
  ::_exit(1);
}

}  // namespace

Cancelled::Cancelled(int signal)
    : std::runtime_error(fmt::format("interrupted by {}; stopped, no partial output written",
                                     signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "a stop request")),
      signal_(signal) {}

void install_cancel_handlers() {
  static const bool installed = [] {
    struct sigaction sa {};
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop_signal;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    sa.sa_handler = on_alarm;
    ::sigaction(SIGALRM, &sa, nullptr);
    sa.sa_flags = 0;
    sa.sa_handler = on_bus_error;
    ::sigaction(SIGBUS, &sa, nullptr);
    return true;
  }();
  (void)installed;
}

bool cancel_requested() noexcept { return g_signal.load(std::memory_order_relaxed) != 0; }
int cancel_signal() noexcept { return g_signal.load(); }

void throw_if_cancelled() {
  if (const int sig = g_signal.load(std::memory_order_relaxed); sig != 0) throw Cancelled(sig);
}

void request_cancel(int signal) noexcept { g_signal.store(signal); }

void reset_cancel() noexcept {
  ::alarm(0);
  g_signal.store(0);
}

}  // namespace cikit
