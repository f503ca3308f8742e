#include "python/src/commands.hpp"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <chrono>
#include <csignal>
#include <exception>
#include <future>
#include <optional>
#include <thread>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/pipeline/appendix.hpp"
#include "methods/pipeline/audit.hpp"
#include "methods/pipeline/coupling.hpp"
#include "methods/pipeline/obstacles.hpp"
#include "methods/pipeline/cfa.hpp"
#include "methods/pipeline/check.hpp"
#include "methods/pipeline/compare.hpp"
#include "methods/pipeline/delphi.hpp"
#include "methods/pipeline/dematel.hpp"
#include "methods/pipeline/density.hpp"
#include "methods/pipeline/disparity.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/panel.hpp"
#include "methods/pipeline/reliability.hpp"
#include "methods/pipeline/sensitivity.hpp"
#include "methods/pipeline/spatial.hpp"
#include "methods/pipeline/validity.hpp"
#include "methods/pipeline/weights.hpp"
#include "methods/report/compare_tables.hpp"
#include "methods/report/notices.hpp"
#include "python/src/convert.hpp"
#include "python/src/spec.hpp"

namespace cikit::python {

namespace py = pybind11;

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// What every command returns: the CLI's JSON document (converted to Python on demand), the
/// warnings as the CLI prints them, and the files written.
struct Doc {
  nlohmann::json doc;
  std::vector<std::string> warnings;
  std::vector<std::string> notes;
  std::vector<std::string> files;
  double seconds = 0;  ///< time of the pipeline call alone (run_xxx, without conversions)
};

/// `index` adds the matrices behind its DataFrames.
struct IndexDoc : Doc {
  Eigen::MatrixXd scores;
  Eigen::MatrixXi ranks;
  Eigen::VectorXd local, global;
  std::vector<std::string> unit_ids, node_ids, leaf_ids;
  std::vector<std::optional<std::string>> parent_ids;  ///< per node; none for the index
};

/// Runs `f` on a worker thread with the GIL released; the calling thread checks for Ctrl-C
/// (KeyboardInterrupt) every 50 ms (and wakes at once when `f` ends). On an interrupt it
/// requests the library's cooperative stop (methods/core/cancel.hpp: long loops stop between
/// replicates and unwind, removing temporary files), waits for the worker, and raises
/// KeyboardInterrupt.
template <class F>
auto run_released(F&& f) -> decltype(f()) {
  using R = decltype(f());
  std::packaged_task<R()> task(std::forward<F>(f));
  std::future<R> result = task.get_future();
  bool interrupted = false;
  reset_cancel();
  {
    py::gil_scoped_release release;
    std::thread worker(std::move(task));
    while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      py::gil_scoped_acquire acquire;
      if (!interrupted && PyErr_CheckSignals() != 0) {
        interrupted = true;
        request_cancel(SIGINT);
      }
    }
    worker.join();
  }
  if (interrupted) {
    reset_cancel();
    throw py::error_already_set();  // the KeyboardInterrupt PyErr_CheckSignals set
  }
  return result.get();
}

template <class T>
T get(const py::dict& o, const char* key, T fallback) {
  if (!o.contains(key) || o[key].is_none()) return fallback;
  return o[key].cast<T>();
}

Lang lang_of(const py::dict& o) {
  const std::string l = get<std::string>(o, "lang", "en");
  if (l == "zh") return Lang::Zh;
  if (l == "en") return Lang::En;
  throw InvalidInput(fmt::format("lang must be 'zh' or 'en', not '{}'", l));
}

template <class Files>
std::vector<std::string> write_files(const Files& files) {
  files.write();
  std::vector<std::string> out;
  for (const auto& name : files.names()) out.push_back(name);
  return out;
}

pipeline::MethodOverrides overrides(const py::dict& o) {
  return {get<std::string>(o, "normalize", ""), get<std::string>(o, "weights", ""),
          get<std::string>(o, "aggregate", ""), get<std::string>(o, "missing", "")};
}

IndexDoc index(const PySpec& s, const py::dict& o) {
  pipeline::IndexOptions po;
  po.spec = s.key();
  po.methods = overrides(o);
  po.ahp = {get<std::string>(o, "ahp_group", ""), get<std::string>(o, "random_index", "")};
  po.out = get<std::string>(o, "out", "");
  po.json = true;
  const Lang lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::IndexRun run = pipeline::run_index(po);
    const double secs = seconds_since(t0);
    IndexDoc d;
    d.seconds = secs;
    d.doc = std::move(run.json);
    d.warnings = report::localised_warnings(run.warnings, run.result.notices, run.spec.tree, &run.data, lang);
    d.files = write_files(run.files);
    d.scores = run.result.scores;
    d.ranks = run.result.ranks;
    d.local = run.result.weights.local;
    d.global = run.result.weights.global;
    d.unit_ids = run.data.unit_ids;
    for (int k = 0; k < run.spec.tree.size(); ++k) {
      const Node& n = run.spec.tree.node(k);
      d.node_ids.push_back(n.id);
      d.parent_ids.push_back(n.parent >= 0 ? std::optional<std::string>(run.spec.tree.node(n.parent).id) : std::nullopt);
    }
    for (int leaf : run.spec.tree.leaves()) d.leaf_ids.push_back(run.spec.tree.node(leaf).id);
    return d;
  });
}

Doc weights(const PySpec& s, const py::dict& o) {
  pipeline::WeightsOptions po{s.key(), get<std::vector<std::string>>(o, "methods", {}), get<std::string>(o, "out", "")};
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::WeightsRun run = pipeline::run_weights(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.json), run.warnings, {}, write_files(run.files)};
    d.seconds = secs;
    return d;
  });
}

Doc panel(const PySpec& s, const py::dict& o) {
  pipeline::PanelOptions po;
  po.spec = s.key();
  po.methods = overrides(o);
  po.out = get<std::string>(o, "out", "");
  po.top = get<int>(o, "top", 12);
  po.lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::PanelRun run = pipeline::run_panel(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.json), run.warnings, {}, write_files(run.files)};
    d.seconds = secs;
    return d;
  });
}

Doc compare(const PySpec& s, const py::dict& o) {
  pipeline::CompareRunOptions po;
  po.spec = s.key();
  po.methods = get<std::vector<std::string>>(o, "methods", {});
  po.normalize = get<std::vector<std::string>>(o, "normalize", {});
  po.aggregate = get<std::vector<std::string>>(o, "aggregate", {});
  po.reference = get<std::string>(o, "reference", "");
  po.top = get<int>(o, "top", po.top);
  po.movers = get<int>(o, "movers", po.movers);
  po.stability = get<bool>(o, "stability", false);
  po.replicates = get<int>(o, "replicates", po.replicates);
  po.seed = get<std::uint64_t>(o, "seed", po.seed);
  po.threads = get<int>(o, "threads", 0);
  po.out = get<std::string>(o, "out", "");
  const Lang lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::CompareRun run = pipeline::run_compare(po);
    const double secs = seconds_since(t0);
    auto w = report::localised_compare_warnings(run.warnings, run.result, run.spec.tree, &run.data, lang);
    Doc d{std::move(run.json), std::move(w), {}, write_files(run.files)};
    d.seconds = secs;
    return d;
  });
}

Doc check(const PySpec& s, const py::dict& o) {
  const pipeline::CheckOptions po{s.key(), lang_of(o), get<std::string>(o, "out", "")};
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::CheckRun run = pipeline::run_check(po);
    const double secs = seconds_since(t0);
    // As the CLI prints them: data-reading warnings in the chosen language.
    Doc d{std::move(run.json), report::localised_warnings(run.warnings, {}, run.spec.tree, &run.data, po.lang), {},
          write_files(run.files)};
    d.seconds = secs;
    return d;
  });
}

Doc reliability(const PySpec& s, const py::dict& o) {
  pipeline::ReliabilityOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.bootstrap = get<int>(o, "bootstrap", 0);
  po.seed = get<std::uint64_t>(o, "seed", po.seed);
  po.missing = get<std::string>(o, "missing", po.missing);
  po.statistics = get<std::vector<std::string>>(o, "statistics", po.statistics);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::ReliabilityRun run = pipeline::run_reliability(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc validity(const PySpec& s, const py::dict& o) {
  pipeline::ValidityOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.lang = lang_of(o);
  po.replicates = get<int>(o, "replicates", po.replicates);
  po.seed = get<std::uint64_t>(o, "seed", po.seed);
  po.listwise = get<std::string>(o, "missing", "pairwise") == "listwise";
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::ValidityRun run = pipeline::run_validity(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc delphi(const PySpec& s, const py::dict& o) {
  pipeline::DelphiOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  if (o.contains("permutations") && !o["permutations"].is_none()) po.permutations = o["permutations"].cast<int>();
  if (o.contains("seed") && !o["seed"].is_none()) po.seed = o["seed"].cast<std::uint64_t>();
  po.threads = get<int>(o, "threads", 0);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::DelphiRun run = pipeline::run_delphi(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

/// `cikit dematel FILE`: not spec-based; the experts' direct-influence CSV is the input.
Doc dematel(const std::string& file, const py::dict& o) {
  pipeline::DematelRunOptions po;
  po.file = file;
  po.out = get<std::string>(o, "out", "");
  po.lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::DematelRun run = pipeline::run_dematel(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), {}, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc sensitivity(const PySpec& s, const py::dict& o) {
  pipeline::SensitivityOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.replicates = get<long>(o, "replicates", po.replicates);
  po.sobol = get<long>(o, "sobol", po.sobol);
  po.bootstrap = get<long>(o, "bootstrap", po.bootstrap);
  po.sobol_bootstrap = get<int>(o, "sobol_bootstrap", po.sobol_bootstrap);
  if (o.contains("seed") && !o["seed"].is_none()) po.seed = o["seed"].cast<std::uint64_t>();
  po.threads = get<int>(o, "threads", 0);
  po.impute_set = get<std::vector<std::string>>(o, "impute", {});
  po.normalize_set = get<std::vector<std::string>>(o, "normalize", {});
  po.weights_set = get<std::vector<std::string>>(o, "weights", {});
  po.aggregate_set = get<std::vector<std::string>>(o, "aggregate", {});
  po.exclude = get<std::vector<std::string>>(o, "exclude", {});
  if (o.contains("weight_noise") && !o["weight_noise"].is_none()) po.weight_noise = o["weight_noise"].cast<double>();
  if (o.contains("dirichlet") && !o["dirichlet"].is_none()) po.dirichlet = o["dirichlet"].cast<double>();
  po.leave_one_out = get<bool>(o, "leave_one_out", true);
  po.lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::SensitivityRun run = pipeline::run_sensitivity(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), report::localised_warnings(run.warnings, {}, run.spec.tree, &run.data, po.lang),
          run.notes, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc cfa(const PySpec& s, const py::dict& o) {
  pipeline::CfaOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.observed = get<std::string>(o, "observed", "");
  if (o.contains("level") && !o["level"].is_none()) po.level = o["level"].cast<int>();
  if (o.contains("second_order") && !o["second_order"].is_none()) po.second_order = o["second_order"].cast<bool>();
  po.estimator = get<std::string>(o, "estimator", "");
  po.missing = get<std::string>(o, "missing", "");
  po.top_mi = get<int>(o, "mi", po.top_mi);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::CfaRun run = pipeline::run_cfa(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc audit(const PySpec& s, const py::dict& o) {
  pipeline::AuditRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  audit::AuditOptions& a = po.audit;
  a.spearman = get<bool>(o, "spearman", a.spearman);
  a.weak_r = get<double>(o, "weak_r", a.weak_r);
  a.redundant_r = get<double>(o, "redundant_r", a.redundant_r);
  a.divergence = get<double>(o, "divergence", a.divergence);
  a.spline_df = get<int>(o, "spline_df", a.spline_df);
  a.bootstrap = get<int>(o, "bootstrap", a.bootstrap);
  a.seed = get<std::uint64_t>(o, "seed", a.seed);
  a.threads = get<int>(o, "threads", a.threads);
  po.optimise_level = get<std::string>(o, "optimise_weights", "");
  po.target = get<std::string>(o, "target", po.target);
  po.objective = get<std::string>(o, "objective", po.objective);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::AuditRun run = pipeline::run_audit(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc coupling(const PySpec& s, const py::dict& o) {
  pipeline::CouplingRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.level = get<std::string>(o, "level", po.level);
  po.formula = cikit::coupling::parse_formula(get<std::string>(o, "formula", "corrected"));
  po.weights = get<std::string>(o, "subsystem_weights", po.weights);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::CouplingRun run = pipeline::run_coupling(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc obstacles(const PySpec& s, const py::dict& o) {
  pipeline::ObstaclesRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.level = get<std::string>(o, "level", po.level);
  po.top = get<int>(o, "top", po.top);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::ObstaclesRun run = pipeline::run_obstacles(po);
    const double secs = seconds_since(t0);
    Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
    d.seconds = secs;
    return d;
  });
}

Doc appendix(const PySpec& s, const py::dict& o) {
  pipeline::AppendixOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  if (po.out.empty()) throw InvalidInput("appendix: out (the output folder) is required");
  po.lang = lang_of(o);
  if (o.contains("formats") && !o["formats"].is_none()) po.formats = o["formats"].cast<std::vector<std::string>>();
  if (o.contains("seed") && !o["seed"].is_none()) po.seed = o["seed"].cast<std::uint64_t>();
  po.bootstrap = get<int>(o, "bootstrap", po.bootstrap);
  po.replicates = get<long>(o, "replicates", po.replicates);
  po.quick = get<bool>(o, "quick", po.quick);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::AppendixRun run = pipeline::run_appendix(po);
    const double secs = seconds_since(t0);
    Doc d;
    d.seconds = secs;
    d.notes = run.notices;
    for (auto& n : pipeline::write_appendix(run)) d.notes.push_back(std::move(n));
    d.warnings = run.config_warnings;
    d.warnings.insert(d.warnings.end(), run.warnings_shown.begin(), run.warnings_shown.end());
    d.doc = {{"out", po.out}, {"tables", run.document.tables().size()}, {"figures", run.document.figures().size()}};
    return d;
  });
}

/// The overrides the three analyses take (as their CLI options --normalize, --aggregate).
pipeline::MethodOverrides analysis_methods(const py::dict& o) {
  pipeline::MethodOverrides m;
  m.normalize = get<std::string>(o, "normalize", "");
  m.aggregate = get<std::string>(o, "aggregate", "");
  return m;
}

template <class Run>
Doc analysis_doc(Run run, double secs) {
  Doc d{std::move(run.doc), run.warnings, {}, write_files(run.outputs)};
  d.seconds = secs;
  return d;
}

Doc disparity(const PySpec& s, const py::dict& o) {
  pipeline::DisparityRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.methods = analysis_methods(o);
  po.group = get<std::string>(o, "group", "");
  po.node = get<std::string>(o, "node", "");
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::DisparityRun run = pipeline::run_disparity(po);
    return analysis_doc(std::move(run), seconds_since(t0));
  });
}

Doc density(const PySpec& s, const py::dict& o) {
  pipeline::DensityRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.methods = analysis_methods(o);
  po.node = get<std::string>(o, "node", "");
  po.bw = get<std::string>(o, "bw", po.bw);
  po.n = get<int>(o, "grid", po.n);
  po.lang = lang_of(o);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::DensityRun run = pipeline::run_density(po);
    return analysis_doc(std::move(run), seconds_since(t0));
  });
}

Doc spatial(const PySpec& s, const py::dict& o) {
  pipeline::SpatialRunOptions po;
  po.spec = s.key();
  po.out = get<std::string>(o, "out", "");
  po.methods = analysis_methods(o);
  po.node = get<std::string>(o, "node", "");
  po.coords = get<std::string>(o, "coords", "");
  po.knn = get<int>(o, "knn", 0);
  po.band = get<double>(o, "band", 0.0);
  po.inverse_distance = get<bool>(o, "inverse_distance", false);
  po.power = get<double>(o, "power", po.power);
  po.lonlat = get<bool>(o, "lonlat", false);
  po.weights = get<std::string>(o, "weights", "");
  po.style = get<std::string>(o, "style", po.style);
  po.permutations = get<int>(o, "permutations", 0);
  po.seed = get<std::uint64_t>(o, "seed", po.seed);
  po.threads = get<int>(o, "threads", 0);
  return run_released([&] {
    const auto t0 = Clock::now();
    pipeline::SpatialRun run = pipeline::run_spatial(po);
    return analysis_doc(std::move(run), seconds_since(t0));
  });
}

}  // namespace

void bind_commands(py::module_& m) {
  py::class_<Doc>(m, "_Doc")
      .def("to_dict", [](const Doc& d) { return to_python(d.doc); })
      .def_readonly("warnings", &Doc::warnings)
      .def_readonly("notes", &Doc::notes)
      .def_readonly("files", &Doc::files)
      .def_readonly("seconds", &Doc::seconds);
  py::class_<IndexDoc, Doc>(m, "_IndexDoc")
      .def_property_readonly("scores", [](const IndexDoc& d) { return to_numpy(d.scores); })
      .def_property_readonly("ranks", [](const IndexDoc& d) { return to_numpy(d.ranks); })
      .def_property_readonly("local_weights", [](const IndexDoc& d) { return to_numpy(d.local); })
      .def_property_readonly("global_weights", [](const IndexDoc& d) { return to_numpy(d.global); })
      .def_readonly("unit_ids", &IndexDoc::unit_ids)
      .def_readonly("node_ids", &IndexDoc::node_ids)
      .def_readonly("leaf_ids", &IndexDoc::leaf_ids)
      .def_readonly("parent_ids", &IndexDoc::parent_ids);
  m.def("index", &index);
  m.def("weights", &weights);
  m.def("panel", &panel);
  m.def("compare", &compare);
  m.def("check", &check);
  m.def("reliability", &reliability);
  m.def("validity", &validity);
  m.def("delphi", &delphi);
  m.def("dematel", &dematel);
  m.def("sensitivity", &sensitivity);
  m.def("appendix", &appendix);
  m.def("cfa", &cfa);
  m.def("audit", &audit);
  m.def("coupling", &coupling);
  m.def("obstacles", &obstacles);
  m.def("disparity", &disparity);
  m.def("density", &density);
  m.def("spatial", &spatial);
}

}  // namespace cikit::python
