"""cikit: build and validate composite indicator systems.

The Python face of the cikit C++ library: the same pipelines as the ``cikit`` command, with
pandas in and out. ::

    import cikit
    spec = cikit.Spec.load("datasets/governance/governance.yaml")
    r = cikit.index(spec, weights="entropy")
    r.scores.head()            # units x nodes, a DataFrame
    r.to_dict()                # the same document as `cikit index --format json`

Every function takes a :class:`Spec` (or a path to a spec file) and keyword options named like
the command's long options. Errors are :class:`cikit.Error` subclasses carrying the command's
located message; the computation's warnings go through Python's :mod:`warnings` module as
:class:`cikit.CikitWarning`. Long computations release the GIL and stop cleanly on Ctrl-C.
"""

from ._api import (
    AnalysisResult,
    AuditResult,
    CfaResult,
    CheckResult,
    IndexResult,
    Result,
    Spec,
    appendix,
    audit,
    cfa,
    coupling,
    obstacles,
    CouplingResult,
    ObstaclesResult,
    check,
    compare,
    delphi,
    dematel,
    DematelResult,
    density,
    disparity,
    index,
    panel,
    PanelResult,
    reliability,
    sensitivity,
    spatial,
    validity,
    weights,
)
from ._cikit import __version__
from .errors import CikitWarning, DataError, Error, InternalError, MethodError, SpecError

__all__ = [
    "Spec", "Result", "IndexResult", "CheckResult",
    "index", "weights", "compare", "check", "reliability", "validity", "delphi", "sensitivity",
    "appendix", "cfa", "audit", "CfaResult", "AuditResult",
    "coupling", "obstacles", "CouplingResult", "ObstaclesResult",
    "disparity", "density", "spatial", "AnalysisResult", "dematel", "DematelResult",
    "appendix", "cfa", "audit", "CfaResult", "AuditResult", "panel", "PanelResult",
    "Error", "SpecError", "DataError", "MethodError", "InternalError", "CikitWarning",
    "__version__",
]
