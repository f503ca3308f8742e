"""Errors are cikit.Error subclasses with the CLI's located message; warnings use `warnings`."""
import numpy as np
import pandas as pd
import pytest

import cikit

TREE = [{"id": "D1", "children": [{"id": "a", "direction": "+"}, {"id": "b", "direction": "+"}]},
        {"id": "D2", "children": [{"id": "c", "direction": "+"}, {"id": "d", "direction": "+"}]}]


def _frame(n=12, seed=3):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(rng.normal(size=(n, 4)), columns=list("abcd"))
    df.insert(0, "unit", [f"u{i}" for i in range(n)])
    return df


def _spec(df, **methods):
    return cikit.Spec.from_dict({"index": {"id": "toy"}, "data": {"unit": "unit"}, "tree": TREE,
                                 "methods": {"normalize": "minmax", "weights": "equal", **methods}}, data=df)


def test_hierarchy():
    for cls in (cikit.SpecError, cikit.DataError, cikit.MethodError, cikit.InternalError):
        assert issubclass(cls, cikit.Error)
    assert issubclass(cikit.SpecError, ValueError) and issubclass(cikit.DataError, ValueError)


def test_missing_spec_file(tmp_path):
    with pytest.raises(cikit.SpecError, match="not found"):
        cikit.Spec.load(tmp_path / "nope.yaml")


def test_unknown_key_located_in_yaml(tmp_path):
    text = "index: {id: x}\ndata: {file: d.csv, unit: u}\ntree: [{id: a}]\nmethodz: {}\n"
    with pytest.raises(cikit.SpecError, match=r"<yaml>:4:1"):
        cikit.Spec.from_yaml(text, base_dir=tmp_path)


def test_unknown_method_name():
    with pytest.raises(cikit.SpecError, match="unknown method 'entropyy'"):
        cikit.index(_spec(_frame()), weights="entropyy")


def test_dataframe_missing_column():
    df = _frame().drop(columns=["c"])
    with pytest.raises(cikit.DataError, match=r"<DataFrame>.*'c'"):
        cikit.index(_spec(df))


def test_dataframe_duplicate_unit():
    df = _frame()
    df.loc[5, "unit"] = "u0"
    with pytest.raises(cikit.DataError, match=r"<DataFrame>: row 6, column 'unit': duplicate unit id 'u0' \(rows 1 and 6\)"):
        cikit.index(_spec(df))


def test_dataframe_text_indicator():
    df = _frame()
    df["b"] = df["b"].astype(str)
    with pytest.raises(cikit.DataError, match="indicator column 'b' is not numeric"):
        cikit.index(_spec(df))


def test_dataframe_infinite_value():
    df = _frame()
    df.loc[2, "d"] = np.inf
    with pytest.raises(cikit.DataError, match=r"row 3, column 'd': value inf is infinite"):
        cikit.index(_spec(df))


def test_constant_indicator_is_method_error_or_warning():
    df = _frame()
    df["a"] = 1.0
    with pytest.raises(cikit.Error) as e:
        cikit.index(_spec(df))
    assert "'a'" in str(e.value)


def test_warnings_module():
    df = _frame()
    df.loc[0, "a"] = np.nan
    with pytest.warns(cikit.CikitWarning, match="cikit index"):
        cikit.index(_spec(df))
