"""cikit.cfa and cikit.audit: to_dict() equals the CLI's JSON exactly, the pandas views are
views of that document, the CFA matches lavaan (validation/cfa/ml/hs_rescov, the same
tolerances as tests/cfa/ml_test.cpp), and bad input raises the right class with the located
message."""
import csv
import math

import numpy as np
import pandas as pd
import pytest

import cikit
from conftest import SOURCE
from test_commands import _same, _strip_volatile

pytestmark = pytest.mark.filterwarnings("ignore::cikit.CikitWarning")

HS = SOURCE / "validation" / "cfa" / "ml" / "hs_rescov"
TREE = [{"id": f, "label": {"zh": zh, "en": f}, "children": [{"id": f"x{i}", "direction": "+"} for i in items]}
        for f, zh, items in (("visual", "视觉", (1, 2, 3)), ("textual", "文本", (4, 5, 6)), ("speed", "速度", (7, 8, 9)))]
RESCOV = [["x7", "x8"], ["x1", "x9"]]


def _hs_frame() -> pd.DataFrame:
    df = pd.read_csv(HS / "data.csv")
    df.insert(0, "id", [f"u{i + 1}" for i in range(len(df))])
    return df


def _hs_dict(**cfa_block) -> dict:
    return {"index": {"id": "hs", "label": {"zh": "HS", "en": "HS"}}, "data": {"unit": "id"}, "tree": TREE,
            "cfa": {"residual_covariances": RESCOV, **cfa_block}}


@pytest.fixture(scope="module")
def hs_files(tmp_path_factory):
    """The Holzinger-Swineford case as a spec file + CSV (as tests/cli/cfa_e2e.sh writes it)."""
    d = tmp_path_factory.mktemp("hs")
    _hs_frame().to_csv(d / "hs.csv", index=False)
    d_ = _hs_dict()
    d_["data"]["file"] = "hs.csv"
    import json
    (d / "hs.yaml").write_text(json.dumps(d_, ensure_ascii=False, indent=2), encoding="utf-8")
    return d / "hs.yaml"


def _ref(name: str) -> list:
    with open(HS / name, newline="") as f:
        return list(csv.DictReader(f))


def _rel_close(got, want, rel, abs_):
    return abs(got - want) <= max(rel * abs(want), abs_)


# ---- cfa


def test_cfa_equals_cli(hs_files, cli):
    r = cikit.cfa(hs_files)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("cfa", str(hs_files))))
    r2 = cikit.cfa(hs_files, estimator="mlr", mi=3)
    _same(_strip_volatile(r2.to_dict()), _strip_volatile(cli("cfa", str(hs_files), "--estimator", "mlr", "--mi", "3")))


def test_cfa_matches_lavaan_and_views(hs_files):
    r = cikit.cfa(hs_files)
    assert r.converged
    fit = r.fit
    assert isinstance(fit, pd.Series) and fit.dtype == np.float64
    # fit measures: lavaan 0.6-14 (validation/cfa/ml/generate.R), relative 1e-6 as cfa_e2e.sh
    ref = {row["measure"].replace(".", "_"): float(row["value"]) for row in _ref("ref_fit_ml.csv")}
    for k in ["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic", "gfi", "nfi", "ifi"]:
        assert _rel_close(fit[k], ref[k], 1e-6, 1e-12), (k, fit[k], ref[k])
    # loadings: est, se, std.all to 1e-5 relative (1e-7 absolute), as tests/cfa/ml_test.cpp
    lo = r.loadings
    assert list(lo.columns) == ["factor", "indicator", "est", "se", "z", "pvalue", "std_all", "free", "r2"]
    assert len(lo) == 9
    est = {(row["lhs"], row["rhs"]): row for row in _ref("ref_est_ml.csv") if row["op"] == "=~"}
    for _, row in lo.iterrows():
        want = est[(row["factor"], row["indicator"])]
        assert _rel_close(row["est"], float(want["est"]), 1e-5, 1e-7)
        assert _rel_close(row["std_all"], float(want["std.all"]), 1e-5, 1e-7)
        if row["free"]:
            assert _rel_close(row["se"], float(want["se"]), 1e-5, 1e-7)
        else:
            assert math.isnan(row["se"])  # fixed loading: JSON null
    # the views are the document
    d = r.to_dict()
    assert fit["cfi"] == d["fit"]["cfi"] and fit["chisq_df"] == d["fit"]["chisq_df"]
    assert lo.loc[4, "r2"] == d["r2"][lo.loc[4, "indicator"]]
    assert list(r.validity.index) == ["visual", "textual", "speed"]
    assert r.validity.loc["speed", "cr"] == d["validity"][2]["cr"]
    assert r.fit_verdicts.loc["cfi", "verdict"] == d["fit_verdicts"]["cfi"]["level"]
    assert list(r.latent_correlation.columns) == ["visual", "textual", "speed"]
    assert r.htmt.shape == (3, 3) and r.fornell_larcker.shape == (3, 3)
    assert r.fornell_larcker.loc["visual", "visual"] == d["fornell_larcker"][0][0]
    assert len(r.modification_indices) == 10 and r.modification_indices["mi"].is_monotonic_decreasing
    assert {"lhs", "op", "rhs"} <= set(r.parameters.columns)
    html = r._repr_html_()
    assert "confirmatory factor analysis" in html and "<table" in html
    assert "验证性因子分析" in cikit.cfa(hs_files, lang="zh")._repr_html_()
    assert "CFI" in repr(r)


def test_cfa_dataframe_equals_file(hs_files):
    a = cikit.cfa(hs_files)
    b = cikit.cfa(cikit.Spec.from_dict(_hs_dict(), data=_hs_frame()))
    da, db = _strip_volatile(a.to_dict()), _strip_volatile(b.to_dict())
    assert (da.pop("data_file"), db.pop("data_file")) == ("hs.csv", "<DataFrame>")
    _same(da, db)


def test_cfa_writes_files(hs_files, tmp_path):
    r = cikit.cfa(hs_files, out=tmp_path / "o")
    names = sorted(p.rsplit("/", 1)[-1] for p in r.files)
    assert names == ["cfa.json", "cfa_estimates.csv", "cfa_fit.csv"]
    assert all((tmp_path / "o" / n).stat().st_size > 0 for n in names)


def test_cfa_unknown_indicator_is_located_spec_error():
    spec = cikit.Spec.from_dict(_hs_dict(residual_covariances=[["x7", "nope"]]), data=_hs_frame())
    with pytest.raises(cikit.SpecError, match=r"^<dict>:\d+:\d+: .*'nope' is not an indicator"):
        cikit.cfa(spec)


def test_cfa_unknown_indicator_in_yaml_file(hs_files, tmp_path):
    text = hs_files.read_text(encoding="utf-8").replace('"x1",\n        "x9"', '"x1",\n        "zz"')
    assert "zz" in text
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    _hs_frame().to_csv(tmp_path / "hs.csv", index=False)
    with pytest.raises(cikit.SpecError, match=r"bad\.yaml:\d+:\d+: .*'zz' is not an indicator"):
        cikit.cfa(tmp_path / "bad.yaml")


def test_cfa_robust_fiml(hs_files):
    # Robust FIML (MLR with missing = "fiml"); on complete data FIML's estimates and chi-square
    # equal listwise ML's, and the scaled statistic and FIML-corrected robust indices exist.
    r = cikit.cfa(hs_files, estimator="mlr", missing="fiml")
    ml = cikit.cfa(hs_files)
    assert _rel_close(r.fit["chisq"], ml.fit["chisq"], 1e-6, 1e-12)
    assert r.fit["chisq_scaled"] > 0 and r.fit["chisq_scaling_factor"] > 0
    assert 0 < r.fit["cfi_robust"] <= 1 and r.fit["rmsea_robust"] >= 0
    # under MLR the verdicts judge the scaled chi-square per df and the robust indices (as A15)
    v = r.fit_verdicts
    assert v.loc["cfi", "value"] == r.fit["cfi_robust"] and v.loc["rmsea", "value"] == r.fit["rmsea_robust"]
    assert v.loc["chisq_df", "value"] == r.fit["chisq_scaled_df"] and v.loc["srmr", "value"] == r.fit["srmr"]


def test_cfa_option_errors(hs_files):
    with pytest.raises(cikit.SpecError, match="estimator 'gls'"):
        cikit.cfa(hs_files, estimator="gls")
    with pytest.raises(cikit.SpecError, match="mi .* is -1, but must be >= 0"):
        cikit.cfa(hs_files, mi=-1)
    with pytest.raises(cikit.SpecError, match="level is 0, but must be >= 1"):
        cikit.cfa(hs_files, level=0)
    with pytest.raises(cikit.SpecError, match="lang"):
        cikit.cfa(hs_files, lang="fr")


def test_cfa_one_indicator_factor():
    d = _hs_dict()
    d["cfa"] = {"factors": {"F1": ["x1", "x2", "x3"], "F2": ["x4"]}}
    with pytest.raises(cikit.Error, match="'F2' has 1 indicator"):
        cikit.cfa(cikit.Spec.from_dict(d, data=_hs_frame()))


# ---- audit


@pytest.fixture(scope="module")
def spec(example):
    return cikit.Spec.load(example)


def test_audit_equals_cli(spec, example, cli):
    r = cikit.audit(spec)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("audit", str(example))))
    r2 = cikit.audit(spec, spearman=True, weak_r=0.4, bootstrap=20, seed=7, threads=1)
    c2 = cli("audit", str(example), "--spearman", "--weak-r", "0.4", "--bootstrap", "20", "--seed", "7")
    _same(_strip_volatile(r2.to_dict()), _strip_volatile(c2))


def test_audit_optimise_equals_cli(spec, example, cli):
    r = cikit.audit(spec, optimise_weights="dimensions", target="nominal")
    c = cli("audit", str(example), "--optimise-weights", "dimensions", "--target", "nominal")
    _same(_strip_volatile(r.to_dict()), _strip_volatile(c))
    o = r.optimisation
    d = r.to_dict()["optimisation"]
    assert list(o.index) == [n["id"] for n in d["nodes"]]
    assert abs(o["weight_level"].sum() - 1.0) < 1e-9  # the optimised weights of the level sum to 1


def test_audit_views(spec):
    r = cikit.audit(spec, spearman=True)
    d = r.to_dict()
    nodes = r.nodes
    assert nodes.index.name == "id" and len(nodes) == len(d["nodes"])
    first = d["nodes"][0]
    for k in ("r_parent", "r_index", "s_i", "weight_norm", "importance_norm", "ratio", "rho_parent"):
        assert nodes.loc[first["id"], k] == first[k]
    assert nodes.loc[first["id"], "label"] == first["label"]["en"]
    assert cikit.audit(spec, lang="zh").nodes.loc[first["id"], "label"] == first["label"]["zh"]
    summ = r.summary
    assert list(summ.index) == [s["id"] for s in d["summary"]]
    g = d["groups"][0]
    assert r.groups[g["id"]].shape == (len(g["children"]), len(g["children"]))
    assert r.optimisation is None
    assert "statistical-coherence audit" in r._repr_html_()
    assert "统计一致性审查" in cikit.audit(spec, lang="zh")._repr_html_()


def test_audit_thread_invariant(spec):
    a = cikit.audit(spec, bootstrap=30, seed=11, threads=1)
    b = cikit.audit(spec, bootstrap=30, seed=11, threads=2)
    _same(_strip_volatile(a.to_dict()), _strip_volatile(b.to_dict()))
    assert a.nodes["s_i_ci_lower"].notna().all()


def test_audit_option_errors(spec, tmp_path):
    with pytest.raises(cikit.SpecError, match="weak_r is 1.5, but must be in \\[0, 1\\]"):
        cikit.audit(spec, weak_r=1.5)
    with pytest.raises(cikit.SpecError, match="unknown objective 'max'"):
        cikit.audit(spec, optimise_weights="dimensions", objective="max")
    with pytest.raises(cikit.SpecError, match="unknown level 'regions'"):
        cikit.audit(spec, optimise_weights="regions")
    target = tmp_path / "target.csv"
    target.write_text("id,weight\nD1,1\nnope,2\n", encoding="utf-8")
    with pytest.raises(cikit.Error, match=r"target\.csv"):
        cikit.audit(spec, optimise_weights="dimensions", target=target)


def test_cfa_parcels_on_the_example_equal_cli(spec, example, cli):
    """The bundled spec's cfa: block (parcels, the 4 dimensions) fits; observed= overrides it
    like --observed, and the indicator-level model is refused with the CLI's reason."""
    r = cikit.cfa(spec)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("cfa", str(example))))
    assert r.to_dict()["options"]["observed"] == "node_scores"
    assert r.fit["df"] > 0 and len(r.loadings) > 0
    r2 = cikit.cfa(spec, observed="node_scores", estimator="mlr")
    _same(_strip_volatile(r2.to_dict()),
          _strip_volatile(cli("cfa", str(example), "--observed", "node_scores", "--estimator", "mlr")))
    with pytest.raises(cikit.Error):
        cikit.cfa(spec, observed="indicators")
