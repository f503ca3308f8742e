"""Every command on the bundled example equals the CLI's JSON document exactly."""
import math

import numpy as np
import pandas as pd
import pytest

import cikit
from conftest import SOURCE


def _strip_volatile(d):
    """The documents carry the program's build information and the spec path as given; the
    rest must be identical."""
    d = dict(d)
    for k in ("cikit", "spec"):
        d.pop(k, None)
    return d


def _same(a, b, path="$"):
    """Exact equality, with NaN equal to NaN (JSON null round trips as None)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return
    assert type(a) is type(b) or {type(a), type(b)} <= {int, float}, f"{path}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        assert a.keys() == b.keys(), f"{path}: keys {sorted(a.keys() ^ b.keys())}"
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: length {len(a)} vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{path}[{i}]")
    else:
        assert a == b, f"{path}: {a!r} vs {b!r}"


@pytest.fixture(scope="module")
def spec(example):
    return cikit.Spec.load(example)


def test_spec_properties(spec):
    assert spec.id == "cggi"
    assert spec.label["zh"] == "中国城市善治指数"
    nodes = spec.nodes
    assert nodes.index[0] == "cggi"
    assert len(spec.indicators) == 56  # the proposed tree; the Delphi screening applies per run
    assert "56 indicators" in repr(spec)


def test_index_equals_cli(spec, example, cli):
    with pytest.warns(cikit.CikitWarning) if False else _nullcontext():
        r = cikit.index(spec)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("index", str(example))))


def test_index_frames(spec):
    r = cikit.index(spec, weights="entropy")
    doc = r.to_dict()
    s = r.scores
    assert s.index.name == "unit" and s.columns[0] == "cggi"
    units = {u["id"]: u for u in doc["units"]}
    for uid in list(s.index)[:5]:
        assert s.loc[uid, "cggi"] == units[uid]["scores"]["cggi"]
        assert r.ranks.loc[uid, "cggi"] == units[uid]["ranks"]["cggi"]
    ranks = r.ranks
    assert all(str(t) == "Int64" for t in ranks.dtypes)
    for uid, u in units.items():  # every rank, <NA> where the document has null (no score)
        for node, want in u["ranks"].items():
            got = ranks.loc[uid, node]
            assert (got is pd.NA) if want is None else got == want, (uid, node, got, want)
    assert list(r.normalized.columns) == [n["id"] for n in doc["nodes"] if n["kind"] == "indicator"]
    w = r.weights
    assert w.loc["cggi", "global"] == 1.0
    for n in doc["nodes"]:
        assert w.loc[n["id"], "parent"] == n["parent"], n["id"]
    assert abs(w.loc[r.normalized.columns, "global"].sum() - 1.0) < 1e-12


@pytest.mark.parametrize("name,args,kwargs", [
    ("weights", [], {}),
    ("compare", [], {}),
    ("check", [], {}),
    ("reliability", [], {}),
    ("reliability", ["--statistics", "alpha", "--bootstrap", "20"], {"statistics": "alpha", "bootstrap": 20}),
    ("validity", [], {}),
    ("delphi", [], {}),
])
def test_command_equals_cli(spec, example, cli, name, args, kwargs):
    r = getattr(cikit, name)(spec, **kwargs)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli(name, str(example), *args)))


def test_sensitivity_equals_cli_and_thread_invariant(spec, example, cli):
    a = cikit.sensitivity(spec, replicates=400, bootstrap=50, sobol_bootstrap=50, threads=1)
    b = cikit.sensitivity(spec, replicates=400, bootstrap=50, sobol_bootstrap=50, threads=2)
    _same(_strip_volatile(a.to_dict()), _strip_volatile(b.to_dict()))
    c = cli("sensitivity", str(example), "--replicates", "400", "--bootstrap", "50", "--sobol-bootstrap", "50")
    _same(_strip_volatile(a.to_dict()), _strip_volatile(c))


def test_dataframe_equals_csv(example):
    from_file = cikit.index(cikit.Spec.load(example))
    df = pd.read_csv(example.parent / "cities.csv", keep_default_na=True, na_values=["", "NA"])
    from_df = cikit.index(cikit.Spec.load(example, data=df))
    pd.testing.assert_frame_equal(from_file.scores, from_df.scores, check_exact=True)
    pd.testing.assert_frame_equal(from_file.ranks, from_df.ranks, check_exact=True)


def test_from_dict_with_dataframe():
    rng = np.random.default_rng(7)
    df = pd.DataFrame(rng.normal(size=(30, 4)), columns=["a", "b", "c", "d"])
    df.insert(0, "unit", [f"u{i}" for i in range(30)])
    spec = cikit.Spec.from_dict({
        "index": {"id": "toy", "label": "Toy"},
        "data": {"unit": "unit"},
        "tree": [{"id": "D1", "children": [{"id": "a", "direction": "+"}, {"id": "b", "direction": "-"}]},
                 {"id": "D2", "children": [{"id": "c", "direction": "+"}, {"id": "d", "direction": "+"}]}],
        "methods": {"normalize": "minmax", "weights": "equal", "aggregate": "arithmetic"},
    }, data=df)
    r = cikit.index(spec)
    x = df.set_index("unit")
    mm = (x - x.min()) / (x.max() - x.min())
    mm["b"] = 1 - mm["b"]
    expected = (mm[["a", "b"]].mean(axis=1) + mm[["c", "d"]].mean(axis=1)) / 2
    # min-max to cikit's default range [0, 100] and equal-weight arithmetic means, computed
    # independently in pandas
    np.testing.assert_allclose(r.scores["toy"].to_numpy(), 100 * expected.to_numpy(), rtol=0, atol=1e-10)


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def test_dataframe_denominator_as_file(tmp_path):
    """A `denominator:` reads its column from the DataFrame as from a file (COINr Denominate:
    x / (d / scale)), and a zero denominator makes the value missing with a warning."""
    df = pd.DataFrame({"unit": ["a", "b", "c", "d", "e"], "gdp": [10.0, 20.0, 30.0, 44.0, 50.0],
                       "pop": [2.0, 4.0, 0.0, 8.0, 5.0], "x": [1.0, 3.0, 2.0, 5.0, 4.0]})
    d = {"index": {"id": "t"}, "data": {"unit": "unit"},
         "tree": [{"id": "gdp_pc", "column": "gdp", "direction": "+", "denominator": "pop", "scale": 1000},
                  {"id": "x", "direction": "+"}],
         "methods": {"normalize": "none", "weights": "equal", "aggregate": "arithmetic"}}
    with pytest.warns(cikit.CikitWarning, match="denominator 'pop'"):
        from_df = cikit.index(cikit.Spec.from_dict(d, data=df))
    df.to_csv(tmp_path / "d.csv", index=False)
    d["data"]["file"] = "d.csv"
    from_csv = cikit.index(cikit.Spec.from_dict(d, base_dir=tmp_path))
    pd.testing.assert_frame_equal(from_df.normalized, from_csv.normalized, check_exact=True)
    got = from_df.normalized["gdp_pc"]
    assert got["a"] == 10.0 / (2.0 / 1000) and got["e"] == 50.0 / (5.0 / 1000)
    assert np.isnan(got["c"])


def test_data_warnings_reach_every_command():
    """Issue 19: what reading the data changed (an Excel error read as missing, full-width digits,
    a denominator 0 or missing) is a CikitWarning of compare and sensitivity too, in the chosen
    language (tests/cli/cases/data_warnings.yaml)."""
    spec = str(SOURCE / "tests" / "cli" / "cases" / "data_warnings.yaml")
    with pytest.warns(cikit.CikitWarning, match="column 'e2': 1 Excel error value"):
        cikit.compare(spec, methods=["equal", "entropy"])
    with pytest.warns(cikit.CikitWarning, match="denominator 'pop' is missing or zero"):
        cikit.sensitivity(spec, normalize=["minmax", "zscore"], replicates=64, bootstrap=0, leave_one_out=False)
    with pytest.warns(cikit.CikitWarning, match="数据列“s1”：1个含全角数字"):
        cikit.check(spec, lang="zh")


def test_dematel_equals_cli_and_writes_files(cli, tmp_path):
    """cikit.dematel(FILE) is `cikit dematel FILE`: the same document, frames read off it, and
    the four files with ``out``; a malformed file raises DataError naming file and line."""
    f = SOURCE / "tests" / "cli" / "cases" / "dematel.csv"
    r = cikit.dematel(f, out=tmp_path / "d", lang="zh")
    want = cli("dematel", str(f))
    got = r.to_dict()
    assert got["file"]["sha256"] == want["file"]["sha256"]
    for d in (got, want):
        d.pop("file")
    _same(got, want)
    frame = r.criteria_frame
    assert list(frame.index) == want["criteria"]
    assert abs(r.weights.sum() - 1.0) < 1e-12
    for row in want["per_criterion"]:
        assert frame.loc[row["id"], "prominence"] == row["prominence"]
        assert frame.loc[row["id"], "group"] == row["group"]
    assert r.total.loc["c1", "c2"] == want["total"][0][1]
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == [
        "dematel.csv", "dematel.json", "dematel.svg", "dematel_total.csv"]
    with pytest.raises(cikit.DataError, match=r"dematel_diagonal.csv:3"):
        cikit.dematel(SOURCE / "tests" / "cli" / "cases" / "dematel_diagonal.csv")
