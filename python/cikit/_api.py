"""The public API of the cikit package over the extension module ``cikit._cikit``."""

from __future__ import annotations

import html
import json
import os
import warnings as _warnings
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _cikit
from .errors import CikitWarning, SpecError

# ---------------------------------------------------------------------------------------------
# Spec


def _columns_of(df: pd.DataFrame, label: str) -> list:
    """A DataFrame's columns as (name, values): float64 arrays for numeric columns (NaN =
    missing; integers and booleans become float64), lists of str for the others. A named index
    that is not also a column is included (so a unit id index works)."""
    if not isinstance(df, pd.DataFrame):
        raise SpecError(f"data must be a pandas DataFrame, not {type(df).__name__}")
    frame = df
    if frame.index.name is not None and frame.index.name not in frame.columns:
        frame = frame.reset_index()
    out = []
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_bool_dtype(col) or pd.api.types.is_numeric_dtype(col):
            values = col.to_numpy(dtype=np.float64, na_value=np.nan)
            out.append((str(name), np.ascontiguousarray(values)))
        else:
            out.append((str(name), [None if (v is None or (isinstance(v, float) and np.isnan(v))) else str(v)
                                    for v in col.tolist()]))
    return out


class Spec:
    """A parsed and validated spec: the index's tree, data source and methods.

    Create one with :meth:`load` (a YAML file), :meth:`from_dict` or :meth:`from_yaml`; give
    ``data=`` a DataFrame to use it instead of the spec's data file (no CSV round trip).
    """

    def __init__(self, handle: "_cikit._Spec"):
        self._h = handle

    @classmethod
    def load(cls, path: str | os.PathLike, data: pd.DataFrame | None = None) -> "Spec":
        """Reads a spec file (relative paths in it are relative to the file)."""
        h = _cikit._Spec.load(os.fspath(path))
        if data is not None:
            h.set_table(_columns_of(data, "<DataFrame>"), "<DataFrame>")
        return cls(h)

    @classmethod
    def from_yaml(cls, text: str, data: pd.DataFrame | None = None,
                  base_dir: str | os.PathLike | None = None, label: str = "<yaml>") -> "Spec":
        """Parses spec text; ``base_dir`` resolves relative paths (default: the working folder)."""
        h = _cikit._Spec.parse(text, label, os.fspath(base_dir) if base_dir is not None else os.getcwd())
        if data is not None:
            h.set_table(_columns_of(data, "<DataFrame>"), "<DataFrame>")
        return cls(h)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], data: pd.DataFrame | None = None,
                  base_dir: str | os.PathLike | None = None) -> "Spec":
        """A spec from a dict shaped like the YAML file (``index``, ``data``, ``tree``,
        ``methods``, ...). With ``data=`` a DataFrame, ``data.file`` may be left out."""
        if not isinstance(d, Mapping):
            raise SpecError(f"from_dict needs a dict, not {type(d).__name__}")
        d = dict(d)
        if data is not None:
            block = dict(d.get("data") or {})
            block.setdefault("file", "<DataFrame>")
            d["data"] = block
        # JSON is YAML; one key per line keeps the error positions (line:column) readable.
        text = json.dumps(d, indent=2, ensure_ascii=False, default=_json_default)
        return cls.from_yaml(text, data=data, base_dir=base_dir, label="<dict>")

    # -- properties
    @property
    def id(self) -> str:
        return self._h.id

    @property
    def path(self) -> str:
        return self._h.path

    @property
    def label(self) -> dict:
        return {"zh": self._h.label_zh, "en": self._h.label_en}

    @property
    def data_file(self) -> str:
        return self._h.data_file

    @property
    def nodes(self) -> pd.DataFrame:
        """The tree, one row per node (index first), indexed by node id."""
        return pd.DataFrame(self._h.nodes()).set_index("id")

    @property
    def indicators(self) -> list[str]:
        return [n["id"] for n in self._h.nodes() if n["is_indicator"]]

    def __repr__(self) -> str:
        n = self._h.nodes()
        k = sum(1 for x in n if x["is_indicator"])
        src = "DataFrame" if self._h.in_memory else self._h.data_file
        return f"<cikit.Spec '{self.id}': {len(n) - 1 - k} groups, {k} indicators, data {src}>"


def _json_default(o: Any) -> Any:
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, os.PathLike):
        return os.fspath(o)
    raise SpecError(f"cannot use a value of type {type(o).__name__} in a spec")


def _spec(spec: Spec | str | os.PathLike) -> Spec:
    if isinstance(spec, Spec):
        return spec
    if isinstance(spec, (str, os.PathLike)):
        return Spec.load(spec)
    raise SpecError(f"spec must be a cikit.Spec or a path, not {type(spec).__name__}")


# ---------------------------------------------------------------------------------------------
# Results


class Result:
    """What a command returns: ``to_dict()`` is the command's JSON document (as
    ``cikit COMMAND --format json`` prints it); ``warnings``, ``notes`` and ``files`` (written
    to ``out``) as the command reports them."""

    command = "result"

    def __init__(self, doc: "_cikit._Doc"):
        self._doc = doc
        self._dict: dict | None = None

    def to_dict(self) -> dict:
        if self._dict is None:
            self._dict = self._doc.to_dict()
        return self._dict

    @property
    def warnings(self) -> list[str]:
        return list(self._doc.warnings)

    @property
    def notes(self) -> list[str]:
        return list(self._doc.notes)

    @property
    def files(self) -> list[str]:
        return list(self._doc.files)

    def frame(self, key: str) -> pd.DataFrame:
        """A list of records in the document (e.g. ``"nodes"``) as a DataFrame."""
        value = self.to_dict().get(key)
        if not isinstance(value, list):
            raise KeyError(f"'{key}' is not a list of records in the {self.command} document")
        return pd.json_normalize(value)

    def _summary(self) -> list[tuple[str, str]]:
        d = self.to_dict()
        keys = [k for k in d.keys() if k not in ("cikit", "command", "spec")]
        return [("keys", ", ".join(keys[:12]) + (" ..." if len(keys) > 12 else ""))]

    def __repr__(self) -> str:
        return f"<cikit {self.command} result: {len(self.warnings)} warnings; to_dict() for the document>"

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                       for k, v in self._summary())
        warn = "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings)
        return (f"<div><b>cikit {html.escape(self.command)}</b><table>{rows}</table>"
                + (f"<details><summary>{len(self.warnings)} warnings</summary><ul>{warn}</ul></details>" if warn else "")
                + "</div>")


class IndexResult(Result):
    """The built index: ``scores`` (units x nodes, column = node id, the index first),
    ``ranks`` (1 = best, ties share the lowest rank; <NA> = no score), ``normalized`` (the
    normalised indicators), ``weights`` (per node: parent, local and global weight)."""

    command = "index"

    @property
    def scores(self) -> pd.DataFrame:
        return pd.DataFrame(self._doc.scores, index=pd.Index(self._doc.unit_ids, name="unit"),
                            columns=list(self._doc.node_ids))

    @property
    def ranks(self) -> pd.DataFrame:
        # One nullable Int64 column per node (rank 0 from the library = no score = <NA>), built
        # from the column arrays directly: DataFrame(...).astype("Int64").mask(...) took 0.1-0.4 s
        # on pandas 1.5 (benchmarks/RESULTS.md, "Python binding overhead"), as long as the index.
        v = np.asfortranarray(self._doc.ranks, dtype=np.int64)
        missing = v == 0
        columns = [pd.arrays.IntegerArray(v[:, j], missing[:, j]) for j in range(v.shape[1])]
        index = pd.Index(self._doc.unit_ids, name="unit")
        names = pd.Index(list(self._doc.node_ids))
        try:
            return pd.DataFrame._from_arrays(columns, columns=names, index=index, verify_integrity=False)
        except (AttributeError, TypeError):  # a pandas without the (internal) fast constructor
            return pd.DataFrame(dict(zip(names, columns)), index=index)

    @property
    def normalized(self) -> pd.DataFrame:
        return self.scores[list(self._doc.leaf_ids)]

    @property
    def weights(self) -> pd.DataFrame:
        ids = list(self._doc.node_ids)
        return pd.DataFrame({"parent": list(self._doc.parent_ids),
                             "local": self._doc.local_weights, "global": self._doc.global_weights},
                            index=pd.Index(ids, name="node"))

    def _summary(self):
        s = self.scores
        top = s.iloc[:, 0].sort_values(ascending=False).head(5)
        return [("units", str(s.shape[0])), ("nodes", str(s.shape[1])),
                ("top 5", ", ".join(f"{u} ({v:.3f})" for u, v in top.items()))]

    def _repr_html_(self) -> str:
        table = self.scores.sort_values(self.scores.columns[0], ascending=False).head(10).to_html(float_format="%.3f")
        return super()._repr_html_() + table


class CheckResult(Result):
    command = "check"


def _named(cls: type, name: str) -> type:
    return type(f"{name.capitalize()}Result", (cls,), {"command": name})


WeightsResult = _named(Result, "weights")
CompareResult = _named(Result, "compare")
ReliabilityResult = _named(Result, "reliability")
ValidityResult = _named(Result, "validity")
DelphiResult = _named(Result, "delphi")
SensitivityResult = _named(Result, "sensitivity")
AppendixResult = _named(Result, "appendix")


def _tr(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _square(rows: list, labels: list) -> pd.DataFrame:
    """A square matrix of the document (list of rows) labelled by ``labels`` when they fit."""
    m = pd.DataFrame(rows, dtype=float)
    if len(labels) == m.shape[0] == m.shape[1]:
        m.index = pd.Index(labels, name="factor")
        m.columns = list(labels)
    return m


class CfaResult(Result):
    """Confirmatory factor analysis (``cikit cfa``): ``fit`` (the fit indices as a Series:
    chisq, df, pvalue, cfi, tli, rmsea, srmr, ...; empty when the fit did not converge),
    ``fit_verdicts`` (one row per judged index: the judged value (under mlr the scaled χ²/df and
    the robust CFI/TLI/RMSEA, as A15), verdict level, rule), ``loadings``
    (factor, indicator, est, se, z, pvalue, std_all, r2), ``parameters`` (the other
    estimates), ``validity`` (CR, AVE, Fornell-Larcker per factor), ``latent_correlation``,
    ``fornell_larcker``, ``htmt`` and ``modification_indices`` as DataFrames. All are views of
    ``to_dict()``."""

    command = "cfa"

    def __init__(self, doc: "_cikit._Doc", lang: str = "en"):
        super().__init__(doc)
        self._lang = lang

    @property
    def converged(self) -> bool:
        return bool(self.to_dict()["converged"])

    @property
    def fit(self) -> pd.Series:
        f = self.to_dict()["fit"] or {}
        return pd.Series({k: (np.nan if v is None else v) for k, v in f.items()}, name="value", dtype=float)

    @property
    def fit_verdicts(self) -> pd.DataFrame:
        d = self.to_dict()
        f, v = d["fit"] or {}, d["fit_verdicts"] or {}
        lang = self._lang
        robust = (d.get("options") or {}).get("estimator") == "mlr"

        def judged(k: str) -> str:  # under MLR the verdicts judge the scaled/robust values (as A15)
            if not robust or k == "srmr":
                return k
            return "chisq_scaled_df" if k == "chisq_df" else k + "_robust"

        rows = [{"measure": k, "value": f.get(judged(k)),
                 "verdict": (x or {}).get("level"),
                 "label": ((x or {}).get("label") or {}).get(lang),
                 "rule": (x or {}).get("rule")} for k, x in v.items()]
        return pd.DataFrame(rows, columns=["measure", "value", "verdict", "label", "rule"]).set_index("measure")

    @property
    def loadings(self) -> pd.DataFrame:
        d = self.to_dict()
        cols = ["factor", "indicator", "est", "se", "z", "pvalue", "std_all", "free"]
        t = pd.DataFrame(d["loadings"], columns=cols)
        t["r2"] = [d["r2"].get(i, np.nan) for i in t["indicator"]]
        for c in ("est", "se", "z", "pvalue", "std_all", "r2"):
            t[c] = t[c].astype(float)
        return t

    @property
    def parameters(self) -> pd.DataFrame:
        cols = ["lhs", "op", "rhs", "est", "se", "z", "pvalue", "std_all", "free"]
        return pd.DataFrame(self.to_dict()["parameters"], columns=cols)

    @property
    def validity(self) -> pd.DataFrame:
        rows = [{"factor": v["factor"], "k": v["k"], "cr": v["cr"], "cr_verdict": (v["cr_verdict"] or {}).get("level"),
                 "ave": v["ave"], "ave_verdict": (v["ave_verdict"] or {}).get("level"),
                 "fornell_larcker_ok": v["fornell_larcker_ok"]} for v in self.to_dict()["validity"]]
        return pd.DataFrame(rows, columns=["factor", "k", "cr", "cr_verdict", "ave", "ave_verdict",
                                           "fornell_larcker_ok"]).set_index("factor")

    @property
    def factors(self) -> list:
        return list(self.to_dict()["factors"])

    @property
    def latent_correlation(self) -> pd.DataFrame:
        d = self.to_dict()
        return _square(d["latent_correlation"], list(d["factors"]) + list(d["second_order_factors"]))

    @property
    def fornell_larcker(self) -> pd.DataFrame:
        d = self.to_dict()
        return _square(d["fornell_larcker"], list(d["factors"]))

    @property
    def htmt(self) -> pd.DataFrame:
        d = self.to_dict()
        return _square(d.get("htmt") or [], list(d["factors"]))

    @property
    def modification_indices(self) -> pd.DataFrame:
        return pd.DataFrame(self.to_dict()["modification_indices"],
                            columns=["lhs", "op", "rhs", "mi", "epc", "sepc_all"])

    def __repr__(self) -> str:
        d = self.to_dict()
        if not d["converged"]:
            return f"<cikit cfa result: NOT converged after {d['iterations']} iterations>"
        f = d["fit"]
        return (f"<cikit cfa result: {len(d['factors'])} factors, N = {d['n_used']}, chisq = {f['chisq']:.3f} "
                f"(df {f['df']:.0f}), CFI = {f['cfi']:.3f}, RMSEA = {f['rmsea']:.3f}, SRMR = {f['srmr']:.3f}>")

    def _summary(self):
        d, lang = self.to_dict(), self._lang
        return [(_tr(lang, "estimator", "估计方法"), f"{d['options']['estimator']}, {d['options']['missing']}"),
                ("N", f"{d['n_used']} / {d['n_units']}"),
                (_tr(lang, "factors", "因子"), ", ".join(d["factors"] + d["second_order_factors"])),
                (_tr(lang, "converged", "收敛"),
                 _tr(lang, f"yes ({d['iterations']} iterations)", f"是（{d['iterations']} 次迭代）") if d["converged"]
                 else _tr(lang, "NO: the fit indices are not valid", "否：拟合指标无效"))]

    def _repr_html_(self) -> str:
        lang = self._lang
        title = _tr(lang, "confirmatory factor analysis", "验证性因子分析")
        parts = [super()._repr_html_().replace("<b>cikit cfa</b>", f"<b>cikit cfa — {html.escape(title)}</b>", 1)]
        if self.converged:
            parts.append(f"<p>{html.escape(_tr(lang, 'Model fit', '模型拟合'))}</p>"
                         + self.fit_verdicts[["value", "label", "rule"]].to_html(float_format="%.3f"))
        parts.append(f"<p>{html.escape(_tr(lang, 'Loadings', '因子载荷'))}</p>"
                     + self.loadings.drop(columns=["free"]).to_html(index=False, float_format="%.3f"))
        parts.append(f"<p>{html.escape(_tr(lang, 'Composite reliability, AVE', '组合信度与平均方差提取量'))}</p>"
                     + self.validity.to_html(float_format="%.3f"))
        return "".join(parts)


class AuditResult(Result):
    """Statistical-coherence audit (``cikit audit``): ``nodes`` (one row per node: parent,
    depth, r with parent and index, S_i, weights, importance, ratio, flags), ``summary`` (one
    row per group: alpha, first-eigenvalue share, flag counts, verdict), ``groups`` (the
    within-group correlation matrices, by group id) and ``optimisation`` (when
    ``optimise_weights`` was given). All are views of ``to_dict()``."""

    command = "audit"

    def __init__(self, doc: "_cikit._Doc", lang: str = "en"):
        super().__init__(doc)
        self._lang = lang

    @property
    def nodes(self) -> pd.DataFrame:
        rows = []
        for n in self.to_dict()["nodes"]:
            row = {k: v for k, v in n.items() if k not in ("label", "s_i_ci", "s_i_parent_ci", "flags")}
            row["label"] = (n.get("label") or {}).get(self._lang)
            for key in ("s_i_ci", "s_i_parent_ci"):
                ci = n.get(key)
                row[key + "_lower"] = ci[0] if ci else np.nan
                row[key + "_upper"] = ci[1] if ci else np.nan
            flags = n.get("flags")
            row["flags"] = ", ".join(flags) if isinstance(flags, list) else flags
            rows.append(row)
        return pd.DataFrame(rows).set_index("id")

    @property
    def summary(self) -> pd.DataFrame:
        rows = []
        for s in self.to_dict()["summary"]:
            row = {k: v for k, v in s.items() if k not in ("label", "reasons")}
            row["label"] = (s.get("label") or {}).get(self._lang)
            row["reasons"] = "; ".join(s.get("reasons") or [])
            rows.append(row)
        return pd.DataFrame(rows).set_index("id")

    @property
    def groups(self) -> dict:
        out = {}
        for g in self.to_dict()["groups"]:
            ids = g.get("children") or []
            out[g["id"]] = _square(g["r"], list(ids))
        return out

    @property
    def optimisation(self) -> pd.DataFrame | None:
        o = self.to_dict().get("optimisation")
        if not o:
            return None
        return pd.DataFrame(o["nodes"]).set_index("id")

    def __repr__(self) -> str:
        d = self.to_dict()
        return (f"<cikit audit result: {len(d['nodes'])} nodes, {len(d['summary'])} groups, {d['units']} units, "
                f"{len(self.warnings)} warnings>")

    def _summary(self):
        d, lang = self.to_dict(), self._lang
        return [(_tr(lang, "units", "单位数"), str(d["units"])), (_tr(lang, "nodes", "节点"), str(len(d["nodes"]))),
                (_tr(lang, "groups", "维度"), str(len(d["summary"])))]

    def _repr_html_(self) -> str:
        lang = self._lang
        title = _tr(lang, "statistical-coherence audit", "统计一致性审查")
        cols = [c for c in ("label", "r_parent", "r_index", "s_i", "weight_norm", "importance_norm", "ratio", "flags")
                if c in self.nodes.columns]
        return (super()._repr_html_().replace("<b>cikit audit</b>", f"<b>cikit audit — {html.escape(title)}</b>", 1)
                + f"<p>{html.escape(_tr(lang, 'Nodes', '节点'))}</p>" + self.nodes[cols].to_html(float_format="%.3f")
                + f"<p>{html.escape(_tr(lang, 'Audit summary per group', '各维度审查汇总'))}</p>"
                + self.summary.to_html(float_format="%.3f"))


def _finish(result: Result) -> Result:
    for w in result.warnings:
        _warnings.warn(f"cikit {result.command}: {w}", CikitWarning, stacklevel=3)
    return result


def _opts(**kw: Any) -> dict:
    out = {}
    for k, v in kw.items():
        if v is None:
            continue
        if isinstance(v, os.PathLike):
            v = os.fspath(v)
        if isinstance(v, str) and k in _LIST_OPTIONS:
            v = [v]
        if isinstance(v, tuple):
            v = list(v)
        out[k] = v
    return out


_LIST_OPTIONS = {"statistics"}

# ---------------------------------------------------------------------------------------------
# Commands


def index(spec: Spec | str, *, normalize: str | None = None, weights: str | None = None,
          aggregate: str | None = None, missing: str | None = None, ahp_group: str | None = None,
          random_index: str | None = None, out: str | os.PathLike | None = None, lang: str = "en") -> IndexResult:
    """Builds the index (``cikit index``); method names override the spec's."""
    s = _spec(spec)
    return _finish(IndexResult(_cikit.index(s._h, _opts(normalize=normalize, weights=weights, aggregate=aggregate,
                                                          missing=missing, ahp_group=ahp_group,
                                                          random_index=random_index, out=out, lang=lang))))


class PanelResult(Result):
    """Panel data (``cikit panel``): ``trends`` (per unit: first, last, change, cagr, slope,
    p_value, direction, ...) and ``scores`` (unit x period index scores); ``to_dict()`` is
    panel.json."""

    command = "panel"

    @property
    def scores(self) -> pd.DataFrame:
        units = self.to_dict()["units"]
        periods = self.to_dict()["panel"]["periods"]
        return pd.DataFrame([[u["scores"][p] for p in periods] for u in units],
                            index=pd.Index([u["id"] for u in units], name="unit"), columns=periods, dtype=float)

    @property
    def trends(self) -> pd.DataFrame:
        keys = ["first", "last", "change", "cagr", "slope", "intercept", "slope_se", "p_value", "r_squared",
                "n_periods", "direction", "cagr_note"]
        units = self.to_dict()["units"]
        return pd.DataFrame([[u[k] for k in keys] for u in units],
                            index=pd.Index([u["id"] for u in units], name="unit"), columns=keys)


def panel(spec: Spec | str, *, normalize: str | None = None, weights: str | None = None, top: int = 12,
          out: str | os.PathLike | None = None, lang: str = "en") -> PanelResult:
    """Panel data (``cikit panel``; the spec names ``data.time``): index trajectories per unit and
    period, change, CAGR, OLS trends, Cronbach's alpha per period, the small-multiples figure
    (``top`` units) in ``out``."""
    _check_lang(lang)
    return _finish(PanelResult(_cikit.panel(_spec(spec)._h, _opts(normalize=normalize, weights=weights, top=top,
                                                                   out=out, lang=lang))))


def weights(spec: Spec | str, *, methods: Iterable[str] | str | None = None,
            out: str | os.PathLike | None = None) -> Result:
    """Weights of every method the spec allows, or of ``methods`` (``cikit weights``)."""
    return _finish(WeightsResult(_cikit.weights(_spec(spec)._h, _opts(methods=_list(methods), out=out))))


def compare(spec: Spec | str, *, methods: Iterable[str] | str | None = None,
            normalize: Iterable[str] | str | None = None, aggregate: Iterable[str] | str | None = None,
            reference: str | None = None, top: int | None = None, movers: int | None = None,
            stability: bool = False, replicates: int | None = None, seed: int | None = None,
            threads: int = 0, out: str | os.PathLike | None = None, lang: str = "en") -> Result:
    """Rank agreement between weighting (x normalisation x aggregation) schemes (``cikit compare``)."""
    return _finish(CompareResult(_cikit.compare(_spec(spec)._h, _opts(
        methods=_list(methods), normalize=_list(normalize), aggregate=_list(aggregate), reference=reference,
        top=top, movers=movers, stability=stability, replicates=replicates, seed=seed, threads=threads,
        out=out, lang=lang))))


def check(spec: Spec | str, *, out: str | os.PathLike | None = None, lang: str = "en") -> CheckResult:
    """Data checks: missing values, outliers, skew, constant indicators (``cikit check``)."""
    return _finish(CheckResult(_cikit.check(_spec(spec)._h, _opts(out=out, lang=lang))))


def reliability(spec: Spec | str, *, bootstrap: int = 0, seed: int | None = None, missing: str = "pairwise",
                statistics: str | list[str] | None = None, out: str | os.PathLike | None = None) -> Result:
    """Cronbach's alpha, omega, split-half per group (``cikit reliability``). ``statistics``
    (``--statistics``) selects them: "alpha" (required), "split-half", "omega"; default all three."""
    return _finish(ReliabilityResult(_cikit.reliability(_spec(spec)._h, _opts(
        bootstrap=bootstrap, seed=seed, missing=missing, statistics=statistics, out=out))))


def validity(spec: Spec | str, *, replicates: int | None = None, seed: int | None = None,
             missing: str = "pairwise", out: str | os.PathLike | None = None, lang: str = "en") -> Result:
    """KMO, Bartlett, PCA, parallel analysis, factor analysis, convergent and discriminant
    validity (``cikit validity``)."""
    return _finish(ValidityResult(_cikit.validity(_spec(spec)._h, _opts(
        replicates=replicates, seed=seed, missing=missing, out=out, lang=lang))))


def delphi(spec: Spec | str, *, permutations: int | None = None, seed: int | None = None, threads: int = 0,
           out: str | os.PathLike | None = None) -> Result:
    """The Delphi consultation named by the spec's ``delphi:`` key (``cikit delphi``)."""
    return _finish(DelphiResult(_cikit.delphi(_spec(spec)._h, _opts(
        permutations=permutations, seed=seed, threads=threads, out=out))))


class DematelResult(Result):
    """DEMATEL (``cikit dematel``): ``criteria_frame`` has one row per criterion (D, R,
    prominence D + R, relation D − R, cause/effect group, weight); ``total`` is the
    total-relation matrix T as a DataFrame with the criteria as index and columns."""

    command = "dematel"

    @property
    def criteria_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.to_dict()["per_criterion"]).set_index("id")

    @property
    def total(self) -> pd.DataFrame:
        d = self.to_dict()
        return pd.DataFrame(d["total"], index=d["criteria"], columns=d["criteria"])

    @property
    def weights(self) -> pd.Series:
        return self.criteria_frame["weight"]


def dematel(file: str | os.PathLike, *, out: str | os.PathLike | None = None, lang: str = "en") -> DematelResult:
    """DEMATEL from the experts' direct-influence matrices in ``file`` (CSV: expert, criterion,
    one column per criterion; docs/spec.md "DEMATEL file"; experts averaged), as ``cikit
    dematel FILE``: total-relation matrix, D, R, D + R, D − R, cause/effect groups and weights.
    With ``out``: dematel.json, dematel.csv, dematel_total.csv and the cause/effect diagram
    dematel.svg (labels in ``lang``)."""
    _check_lang(lang)
    return _finish(DematelResult(_cikit.dematel(os.fspath(file), _opts(out=out, lang=lang))))


def sensitivity(spec: Spec | str, *, replicates: int | None = None, sobol: int | None = None,
                bootstrap: int | None = None, sobol_bootstrap: int | None = None, seed: int | None = None,
                threads: int = 0, impute: Iterable[str] | str | None = None,
                normalize: Iterable[str] | str | None = None, weights: Iterable[str] | str | None = None,
                aggregate: Iterable[str] | str | None = None, exclude: Iterable[str] | str | None = None,
                weight_noise: float | None = None, dirichlet: float | None = None, leave_one_out: bool = True,
                out: str | os.PathLike | None = None, lang: str = "en") -> Result:
    """Monte Carlo uncertainty and Sobol' sensitivity analysis (``cikit sensitivity``).
    Results are identical for any ``threads``; Ctrl-C interrupts."""
    return _finish(SensitivityResult(_cikit.sensitivity(_spec(spec)._h, _opts(
        replicates=replicates, sobol=sobol, bootstrap=bootstrap, sobol_bootstrap=sobol_bootstrap, seed=seed,
        threads=threads, impute=_list(impute), normalize=_list(normalize), weights=_list(weights),
        aggregate=_list(aggregate), exclude=_list(exclude), weight_noise=weight_noise, dirichlet=dirichlet,
        leave_one_out=leave_one_out, out=out, lang=lang))))


def appendix(spec: Spec | str, out: str | os.PathLike, *, lang: str = "en", formats: Iterable[str] | None = None,
             seed: int | None = None, bootstrap: int | None = None, replicates: int | None = None,
             quick: bool = False) -> Result:
    """Writes the methodology appendix to ``out`` (``cikit appendix``). ``quick``: the
    resampling sizes not given are reduced (``cikit appendix --quick``); the appendix and the
    result's notes state what was reduced."""
    return _finish(AppendixResult(_cikit.appendix(_spec(spec)._h, _opts(
        out=out, lang=lang, formats=_list(formats), seed=seed, bootstrap=bootstrap, replicates=replicates,
        quick=quick))))


def cfa(spec: Spec | str, *, observed: str | None = None, level: int | None = None,
        second_order: bool | None = None, estimator: str | None = None, missing: str | None = None,
        mi: int = 10, out: str | os.PathLike | None = None, lang: str = "en") -> CfaResult:
    """Confirmatory factor analysis of the tree's measurement model (``cikit cfa``, lavaan
    ``cfa()`` conventions). ``observed`` (``"indicators"``, or ``"node_scores"``: parcels, each
    factor measured by the index's scores of the nodes one level below it), ``level`` (tree
    level of the factors; default: the indicators' parents, with parcels 1),
    ``second_order`` (add the next level up), ``estimator`` (``"ml"`` or ``"mlr"``),
    ``missing`` (``"listwise"`` or ``"fiml"``): None keeps the spec's ``cfa:`` block (else the
    command's default); ``mi``: modification indices reported, largest first. ``lang`` is the
    language of the labels in the DataFrames and the HTML view (the document does not depend
    on it)."""
    _check_lang(lang)
    return _finish(CfaResult(_cikit.cfa(_spec(spec)._h, _opts(
        observed=observed, level=level, second_order=second_order, estimator=estimator, missing=missing, mi=mi,
        out=out)), lang))


def audit(spec: Spec | str, *, spearman: bool = False, weak_r: float | None = None, redundant_r: float | None = None,
          divergence: float | None = None, spline_df: int | None = None, bootstrap: int = 0, seed: int | None = None,
          threads: int = 0, optimise_weights: str | None = None, target: str | os.PathLike = "equal",
          objective: str = "balance", out: str | os.PathLike | None = None, lang: str = "en") -> AuditResult:
    """Statistical-coherence audit of the built index (``cikit audit``): correlations of every
    node with its parent and the index, effective importance S_i vs nominal weights, alpha and
    first-eigenvalue share per group; ``optimise_weights`` (``"dimensions"``,
    ``"indicators"`` or ``"levelN"``) optimises that level's weights towards ``target``
    (``"equal"``, ``"nominal"`` or a CSV file id,weight) by ``objective`` (``"balance"`` or
    ``"infomax"``). None keeps the command's default (weak_r 0.3, redundant_r 0.92, divergence
    0.5, spline_df 5). Results do not depend on ``threads``."""
    _check_lang(lang)
    return _finish(AuditResult(_cikit.audit(_spec(spec)._h, _opts(
        spearman=spearman, weak_r=weak_r, redundant_r=redundant_r, divergence=divergence, spline_df=spline_df,
        bootstrap=bootstrap, seed=seed, threads=threads, optimise_weights=optimise_weights, target=target,
        objective=objective, out=out)), lang))


class CouplingResult(Result):
    """Coupling coordination degree (``cikit coupling``): ``units`` (one row per unit: the
    subsystem scores ``u_<id>`` on [0, 1], ``c``, ``t``, ``d`` and the coordination ``level``),
    ``levels`` (units per level) and ``subsystems`` (ids and weights of T). Views of
    ``to_dict()``; for a panel one row per unit and period (column ``period``)."""

    command = "coupling"

    def __init__(self, doc: "_cikit._Doc", lang: str = "en"):
        super().__init__(doc)
        self._lang = lang

    @property
    def units(self) -> pd.DataFrame:
        rows = []
        for p in self.to_dict()["periods"]:
            for u in p["units"]:
                row = {"period": p.get("period"), "unit": u["unit"]}
                row.update({f"u_{k}": v for k, v in u["u"].items()})
                row.update({k: u[k] for k in ("c", "t", "d", "level")})
                label = u.get("level_label")
                row["level_label"] = label.get(self._lang) if label else None
                rows.append(row)
        df = pd.DataFrame(rows).replace({None: np.nan})
        if (df["period"] == "").all():
            return df.drop(columns="period").set_index("unit")
        return df.set_index(["period", "unit"])

    @property
    def levels(self) -> pd.DataFrame:
        rows = []
        for p in self.to_dict()["periods"]:
            for b in p["levels"]:
                rows.append({"period": p.get("period"), "level": b["level"], "label": b["label"][self._lang],
                             "from": b["from"], "to": b["to"], "units": b["units"], "share": b["share"]})
        df = pd.DataFrame(rows)
        return df.drop(columns="period") if (df["period"] == "").all() else df

    @property
    def subsystems(self) -> pd.DataFrame:
        return pd.DataFrame([{"id": s["id"], "label": s["label"][self._lang], "weight": s["weight"]}
                             for s in self.to_dict()["subsystems"]]).set_index("id")

    def _summary(self):
        d = self.to_dict()
        return [(_tr(self._lang, "formula", "耦合度模型"), d["options"]["formula"]),
                (_tr(self._lang, "subsystems", "子系统"), ", ".join(s["id"] for s in d["subsystems"]))]


class ObstaclesResult(Result):
    """Obstacle degree (``cikit obstacles``): ``indicators`` (units × indicators, O on [0, 1]),
    ``groups`` (units × groups), ``top`` (each unit's top-k indicator ids, in order) and
    ``frequency`` (per indicator: weight, units with it in their top k, share). Views of
    ``to_dict()``."""

    command = "obstacles"

    def _wide(self, key: str) -> pd.DataFrame:
        rows = {}
        for p in self.to_dict()["periods"]:
            for u in p["units"]:
                idx = u["unit"] if not p.get("period") else (p["period"], u["unit"])
                rows[idx] = {r["id"]: r["obstacle"] for r in u[key]}
        df = pd.DataFrame.from_dict(rows, orient="index").replace({None: np.nan})
        df.index.name = "unit"
        return df

    @property
    def indicators(self) -> pd.DataFrame:
        return self._wide("indicators")

    @property
    def groups(self) -> pd.DataFrame:
        return self._wide("groups")

    @property
    def top(self) -> dict:
        """Each unit's top-k indicator ids, keyed by unit (by (period, unit) for a panel)."""
        return {(u["unit"] if not p.get("period") else (p["period"], u["unit"])): list(u["top"])
                for p in self.to_dict()["periods"] for u in p["units"]}

    @property
    def frequency(self) -> pd.DataFrame:
        """Per indicator: weight, units with it in their top k and their share (indexed by id, or by
        (period, id) for a panel)."""
        rows = [{"period": p.get("period"), **{k: r[k] for k in ("id", "weight", "count", "share")}}
                for p in self.to_dict()["periods"] for r in p["frequency"]]
        df = pd.DataFrame(rows)
        if (df["period"] == "").all():
            return df.drop(columns="period").set_index("id")
        return df.set_index(["period", "id"])


def coupling(spec: Spec | str, *, level: str | None = None, formula: str = "corrected",
             subsystem_weights: str = "equal", out: str | os.PathLike | None = None, lang: str = "en") -> CouplingResult:
    """Coupling coordination degree of one level's nodes (``cikit coupling``; default the
    dimensions): C (``formula`` ``"corrected"``, Wang et al. 2021, or ``"traditional"``), T with
    ``subsystem_weights`` (``"equal"``, ``"index"`` or ``"ID=W,ID=W,..."``), D = sqrt(C·T) and the
    ten coordination levels. Needs an index on a bounded score range."""
    _check_lang(lang)
    return _finish(CouplingResult(_cikit.coupling(_spec(spec)._h, _opts(
        level=level, formula=formula, subsystem_weights=subsystem_weights, out=out)), lang))


def obstacles(spec: Spec | str, *, level: str | None = None, top: int = 5,
              out: str | os.PathLike | None = None) -> ObstaclesResult:
    """Obstacle degree of every indicator and group for every unit (``cikit obstacles``):
    O = F·I / ΣF·I with F the global weight and I = 1 − the normalised score on [0, 1]; the top
    ``top`` obstacles per unit and their frequencies."""
    return _finish(ObstaclesResult(_cikit.obstacles(_spec(spec)._h, _opts(level=level, top=top, out=out))))
class AnalysisResult(Result):
    """Disparity, density or spatial analysis (``cikit disparity|density|spatial``): the JSON
    document's ``periods`` list (one entry per period; one with period ``""`` without panel
    data); ``periods_frame`` flattens the per-period scalars into a DataFrame."""

    def __init__(self, doc: "_cikit._Doc", command: str):
        super().__init__(doc)
        self.command = command

    @property
    def periods(self) -> list[dict]:
        return self.to_dict()["periods"]

    @property
    def periods_frame(self) -> pd.DataFrame:
        rows = [{k: v for k, v in p.items() if not isinstance(v, (list, dict))} for p in self.periods]
        return pd.DataFrame(rows)


def disparity(spec: Spec | str, *, group: str, node: str | None = None, normalize: str | None = None,
              aggregate: str | None = None, out: str | os.PathLike | None = None) -> AnalysisResult:
    """Regional disparity (``cikit disparity``): Dagum (1997) Gini decomposition and Theil T/L
    of the index (or ``node``) scores over the groups of the data column ``group``, per period.
    Keys per period: gini, gini_within, gini_between, gini_transvariation, theil_t, theil_l,
    groups, pairs."""
    return _finish(AnalysisResult(_cikit.disparity(_spec(spec)._h, _opts(
        group=group, node=node, normalize=normalize, aggregate=aggregate, out=out)), "disparity"))


def density(spec: Spec | str, *, node: str | None = None, bw: str = "nrd0", grid: int = 512,
            normalize: str | None = None, aggregate: str | None = None, out: str | os.PathLike | None = None,
            lang: str = "en") -> AnalysisResult:
    """Gaussian kernel density (``cikit density``) of the index (or ``node``) scores per period,
    bandwidth ``"nrd0"`` or ``"SJ"`` as R, on ``grid`` points; figures in ``lang`` with ``out``."""
    _check_lang(lang)
    return _finish(AnalysisResult(_cikit.density(_spec(spec)._h, _opts(
        node=node, bw=bw, grid=grid, normalize=normalize, aggregate=aggregate, out=out, lang=lang)), "density"))


def spatial(spec: Spec | str, *, coords: str | None = None, knn: int | None = None, band: float | None = None,
            inverse_distance: bool = False, power: float | None = None, lonlat: bool = False,
            weights: str | os.PathLike | None = None, style: str = "W", permutations: int = 0,
            seed: int | None = None, threads: int = 0, node: str | None = None, normalize: str | None = None,
            aggregate: str | None = None, out: str | os.PathLike | None = None) -> AnalysisResult:
    """Spatial autocorrelation (``cikit spatial``): weights from ``coords`` ("XCOL,YCOL") with
    ``knn``, ``band`` or ``inverse_distance`` (great-circle km with ``lonlat``), or a ``weights``
    file; global Moran's I (moran_i, expectation, variance, z, p_value), an optional seeded
    permutation test, and local Moran's I with quadrants per unit. Results do not depend on
    ``threads``."""
    return _finish(AnalysisResult(_cikit.spatial(_spec(spec)._h, _opts(
        coords=coords, knn=knn, band=band, inverse_distance=inverse_distance, power=power, lonlat=lonlat,
        weights=weights, style=style, permutations=permutations, seed=seed, threads=threads, node=node,
        normalize=normalize, aggregate=aggregate, out=out)), "spatial"))


def _check_lang(lang: str) -> None:
    if lang not in ("en", "zh"):
        raise SpecError(f"lang must be 'zh' or 'en', not {lang!r}")


def _list(v: Iterable[str] | str | None) -> list | None:
    if v is None:
        return None
    if isinstance(v, str):
        return [v]
    return list(v)
