#include "python/src/convert.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

#include "methods/core/error.hpp"

namespace cikit::python {

py::object to_python(const nlohmann::json& j) {
  using T = nlohmann::json::value_t;
  switch (j.type()) {
    case T::null:
    case T::discarded: return py::none();
    case T::boolean: return py::bool_(j.get<bool>());
    case T::number_integer: return py::int_(j.get<std::int64_t>());
    case T::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case T::number_float: return py::float_(j.get<double>());
    case T::string: return py::str(j.get_ref<const std::string&>());
    case T::binary: return py::bytes(reinterpret_cast<const char*>(j.get_binary().data()), j.get_binary().size());
    case T::array: {
      py::list out(j.size());
      std::size_t i = 0;
      for (const auto& e : j) out[i++] = to_python(e);
      return out;
    }
    case T::object: {
      py::dict out;
      for (const auto& [k, v] : j.items()) out[py::str(k)] = to_python(v);
      return out;
    }
  }
  return py::none();
}

nlohmann::json to_json(const py::handle& o) {
  if (o.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(o)) return o.cast<bool>();
  if (py::isinstance<py::int_>(o)) return o.cast<long long>();
  if (py::isinstance<py::float_>(o)) return o.cast<double>();
  if (py::isinstance<py::str>(o)) return o.cast<std::string>();
  if (py::isinstance<py::dict>(o)) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : o.cast<py::dict>()) out[py::str(k).cast<std::string>()] = to_json(v);
    return out;
  }
  if (py::isinstance<py::list>(o) || py::isinstance<py::tuple>(o)) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : o) out.push_back(to_json(v));
    return out;
  }
  // NumPy scalars and other numbers
  if (py::hasattr(o, "__float__") && !py::hasattr(o, "__len__")) return o.cast<double>();
  throw InvalidInput(fmt::format("cannot use a value of Python type '{}' in a spec",
                                 py::str(o.get_type().attr("__name__")).cast<std::string>()));
}

py::array_t<double> to_numpy(const Eigen::MatrixXd& m) {
  py::array_t<double> a({m.rows(), m.cols()});
  auto r = a.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) r(i, j) = m(i, j);
  return a;
}

py::array_t<int> to_numpy(const Eigen::MatrixXi& m) {
  py::array_t<int> a({m.rows(), m.cols()});
  auto r = a.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) r(i, j) = m(i, j);
  return a;
}

py::array_t<double> to_numpy(const Eigen::VectorXd& v) {
  py::array_t<double> a(v.size());
  if (v.size() > 0) std::memcpy(a.mutable_data(), v.data(), static_cast<std::size_t>(v.size()) * sizeof(double));
  return a;
}

MemoryTable memory_table(const py::list& columns, const std::string& label) {
  MemoryTable t;
  t.label = label;
  for (const auto& item : columns) {
    const auto pair = item.cast<py::tuple>();
    MemoryColumn c;
    c.name = pair[0].cast<std::string>();
    const py::handle values = pair[1];
    if (py::isinstance<py::array>(values)) {
      const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
      if (!a) throw InvalidInput(fmt::format("column '{}' of {} cannot be read as float64", c.name, label));
      c.numeric = true;
      c.numbers.assign(a.data(), a.data() + a.size());
    } else {
      for (const auto& v : values) c.text.push_back(v.is_none() ? std::string() : py::str(v).cast<std::string>());
    }
    t.columns.push_back(std::move(c));
  }
  (void)t.rows();  // equal lengths, or a clear error now
  return t;
}

}  // namespace cikit::python
