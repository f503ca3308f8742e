// Crash-safe output and cancellation (methods/core/fileio.hpp, methods/core/cancel.hpp;
// docs/robustness.md). The signal paths themselves are tested end to end by tests/cli/kill_e2e.sh.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/stats/bootstrap_units.hpp"

namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("cikit-fileio-" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
std::size_t count_files(const fs::path& d) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++n;
  return n;
}
/// The PID of a process that has exited (and been reaped).
pid_t dead_pid() {
  const pid_t p = ::fork();
  if (p == 0) ::_exit(0);
  int st = 0;
  ::waitpid(p, &st, 0);
  return p;
}
void touch(const fs::path& p) { std::ofstream(p) << "partial"; }
}  // namespace

TEST_CASE("TempFile: an uncommitted temporary is removed, a committed one renamed", "[core][fileio]") {
  const fs::path d = fresh_dir("tempfile");
  {
    cikit::TempFile t(d / "a.csv");
    CHECK(t.path().parent_path() == d);
    CHECK(t.path().filename().string() == ".a.csv.tmp-" + std::to_string(::getpid()));
    touch(t.path());
  }
  CHECK(count_files(d) == 0);
  {
    cikit::TempFile t(d / "a.csv");
    std::ofstream(t.path()) << "x,y\n";
    t.commit();
  }
  CHECK(count_files(d) == 1);
  CHECK(cikit::read_file(d / "a.csv") == "x,y\n");
}

TEST_CASE("write_file_atomic replaces the file and leaves no temporary", "[core][fileio]") {
  const fs::path d = fresh_dir("atomic");
  cikit::write_file_atomic(d / "out.txt", "old");
  cikit::write_file_atomic(d / "out.txt", "new");
  CHECK(cikit::read_file(d / "out.txt") == "new");
  CHECK(count_files(d) == 1);
  // A folder that does not exist: an error naming the file, nothing created.
  CHECK_THROWS_AS(cikit::write_file_atomic(d / "no" / "out.txt", "x"), cikit::InvalidInput);
}

// StreamedFile and OutputSet::stream (the per-unit files of `cikit index`): written to the
// temporary name piece by piece, renamed only by OutputSet::write; a stop or an error leaves
// nothing, and the earlier file stays as it was.
TEST_CASE("a streamed output file appears only when the set is written", "[core][fileio]") {
  const fs::path d = fresh_dir("streamed");
  cikit::write_file_atomic(d / "index.json", "earlier");
  {
    cikit::pipeline::OutputSet out(d.string());
    out.add("weights.csv", "w\n");
    cikit::StreamedFile& f = out.stream("index.json");
    f.put("{\n");
    f.put("}\n");
    f.finish();
    CHECK(cikit::read_file(d / "index.json") == "earlier");  // only the temporary so far
    CHECK(count_files(d) == 2);
    CHECK(out.names() == std::vector<std::string>{"weights.csv", "index.json"});
    CHECK(out.content("index.json") == "{\n}\n");
    out.write();
  }
  CHECK(cikit::read_file(d / "index.json") == "{\n}\n");
  CHECK(cikit::read_file(d / "weights.csv") == "w\n");
  CHECK(count_files(d) == 2);
  {  // not written (an error later in the run): the temporary goes, the earlier file stays
    cikit::pipeline::OutputSet out(d.string());
    out.stream("index.json").put("half");
  }
  CHECK(cikit::read_file(d / "index.json") == "{\n}\n");
  CHECK(count_files(d) == 2);
  {  // a stop requested while streaming: put() throws Cancelled, nothing is left
    cikit::pipeline::OutputSet out(d.string());
    cikit::StreamedFile& f = out.stream("scores.csv");
    f.put("a,b\n");
    cikit::request_cancel(SIGINT);
    CHECK_THROWS_AS(f.put("1,2\n"), cikit::Cancelled);
    cikit::reset_cancel();
  }
  CHECK_FALSE(fs::exists(d / "scores.csv"));
  CHECK(count_files(d) == 2);
}

TEST_CASE("remove_stale_temporaries removes only the temporaries of dead processes", "[core][fileio]") {
  const fs::path d = fresh_dir("stale");
  const pid_t dead = dead_pid();
  touch(d / (".scores.csv.tmp-" + std::to_string(dead)));
  touch(d / (".mine.csv.tmp-" + std::to_string(::getpid())));  // this process: still writing
  touch(d / ".init.csv.tmp-1");                                // PID 1 exists
  touch(d / "scores.csv");
  touch(d / ".hidden");
  touch(d / ".x.tmp-12a");
  CHECK(cikit::remove_stale_temporaries(d) == 1);
  CHECK_FALSE(fs::exists(d / (".scores.csv.tmp-" + std::to_string(dead))));
  CHECK(count_files(d) == 5);
  // The first TempFile in a folder cleans it as well.
  const fs::path d2 = fresh_dir("stale2");
  touch(d2 / (".a.csv.tmp-" + std::to_string(dead)));
  cikit::write_file_atomic(d2 / "a.csv", "1");
  CHECK(count_files(d2) == 1);
}

TEST_CASE("remove_registered_temporaries removes the live temporaries (the signal watchdog's path)",
          "[core][fileio][cancel]") {
  const fs::path d = fresh_dir("registered");
  cikit::TempFile t(d / "a.csv");
  touch(t.path());
  cikit::remove_registered_temporaries();
  CHECK_FALSE(fs::exists(t.path()));
}

TEST_CASE("a cancelled run throws Cancelled from its replicate loop and writes no output", "[core][cancel]") {
  // The stop request is process-wide: clear it whatever happens here, or later tests would stop.
  struct ResetCancel {
    ~ResetCancel() { cikit::reset_cancel(); }
  } reset_at_exit;
  cikit::reset_cancel();
  CHECK_FALSE(cikit::cancel_requested());
  CHECK_NOTHROW(cikit::throw_if_cancelled());
  cikit::request_cancel(SIGINT);
  CHECK(cikit::cancel_requested());
  try {
    cikit::throw_if_cancelled();
    FAIL("no exception");
  } catch (const cikit::Cancelled& e) {
    CHECK(e.exit_code() == 130);
    CHECK(std::string(e.what()).find("SIGINT") != std::string::npos);
  }
  cikit::request_cancel(SIGTERM);
  try {
    cikit::throw_if_cancelled();
    FAIL("no exception");
  } catch (const cikit::Cancelled& e) {
    CHECK(e.exit_code() == 143);
  }
  // A replicate loop (bootstrap over units) stops and throws instead of returning a result.
  Eigen::MatrixXd x = Eigen::MatrixXd::Random(20, 3);
  cikit::BootstrapUnitsOptions bo;
  bo.replicates = 200;
  CHECK_THROWS_AS(cikit::bootstrap_units(
                      x, [](const Eigen::MatrixXd& m) { return Eigen::VectorXd(m.colwise().mean().transpose()); }, bo),
                  cikit::Cancelled);
  // An output set is not written once a stop was requested.
  const fs::path d = fresh_dir("cancelled_out");
  cikit::pipeline::OutputSet out((d / "out").string());
  out.add("a.csv", "1\n");
  CHECK_THROWS_AS(out.write(), cikit::Cancelled);
  CHECK_FALSE(fs::exists(d / "out" / "a.csv"));
  cikit::reset_cancel();
  CHECK_NOTHROW(out.write());
  CHECK(fs::exists(d / "out" / "a.csv"));
}

TEST_CASE("SIGBUS (a mapped input truncated while read) ends the process with status 1 and no temporaries",
          "[core][cancel]") {
  // The real trigger (another program truncating a CSV that read_csv_numeric has mapped) is
  // timing-dependent; docs/robustness.md records it done by hand. Here the handler itself: a
  // child with a live registered temporary raises SIGBUS.
  const fs::path d = fresh_dir("sigbus");
  const fs::path target = d / "out.csv";
  const pid_t p = ::fork();
  REQUIRE(p >= 0);
  if (p == 0) {
    cikit::install_cancel_handlers();
    cikit::TempFile tmp(target);
    std::ofstream(tmp.path()) << "half";
    ::raise(SIGBUS);
    ::_exit(7);  // not reached when the handler works
  }
  int st = 0;
  REQUIRE(::waitpid(p, &st, 0) == p);
  REQUIRE(WIFEXITED(st));
  CHECK(WEXITSTATUS(st) == 1);
  CHECK(count_files(d) == 0);
}
