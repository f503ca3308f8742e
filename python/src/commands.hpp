#pragma once
// The commands of the Python package: each calls ONE pipeline function (methods/pipeline) with
// the GIL released and returns its document, warnings and (for `index`) the score matrices.

#include <pybind11/pybind11.h>

namespace cikit::python {

void bind_commands(pybind11::module_& m);

}  // namespace cikit::python
