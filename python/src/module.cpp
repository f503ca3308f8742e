// cikit._cikit: the extension module of the Python package (python/cikit). Thin: it converts
// arguments, calls the pipelines (methods/pipeline) and converts results; the Python side
// (python/cikit/__init__.py) builds DataFrames and the public API.

#include <pybind11/pybind11.h>

#include <exception>
#include <string>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "python/src/commands.hpp"
#include "python/src/spec.hpp"

namespace py = pybind11;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// SpecError when the problem is located in a spec (YAML text or a spec given as a dict),
/// DataError when it is in the data (a data file or a DataFrame) or names no place at all in
/// the spec (e.g. a file that cannot be read).
const char* invalid_input_class(const cikit::InvalidInput& e) {
  const std::string& f = e.where().file;
  if (ends_with(f, ".yaml") || ends_with(f, ".yml") || f == "<dict>" || f == "<yaml>") return "SpecError";
  if (f.empty()) return "SpecError";
  return "DataError";
}

void raise(const char* cls, const std::exception& e) {
  const py::object type = py::module_::import("cikit.errors").attr(cls);
  PyErr_SetString(type.ptr(), e.what());
}

}  // namespace

PYBIND11_MODULE(_cikit, m) {
  m.doc() = "cikit: build and validate composite indicator systems (C++ core)";
  m.attr("__version__") = CIKIT_VERSION;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const cikit::InvalidInput& e) {
      raise(invalid_input_class(e), e);
    } catch (const cikit::DomainError& e) {
      raise("MethodError", e);
    } catch (const cikit::InternalError& e) {
      raise("InternalError", e);
    } catch (const cikit::Cancelled&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
  cikit::python::bind_spec(m);
  cikit::python::bind_commands(m);
}
