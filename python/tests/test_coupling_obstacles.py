"""cikit.coupling and cikit.obstacles: to_dict() equals the CLI's JSON exactly, the pandas views
are views of that document (D = sqrt(C·T), obstacles of a unit sum to 1), and bad input raises
SpecError with the command's message."""
import math

import pytest

import cikit
from test_commands import _same, _strip_volatile

pytestmark = pytest.mark.filterwarnings("ignore::cikit.CikitWarning")


@pytest.fixture(scope="module")
def spec(example):
    return cikit.Spec.load(example)


def test_coupling_equals_cli(spec, example, cli):
    r = cikit.coupling(spec)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("coupling", str(example))))
    r2 = cikit.coupling(spec, formula="traditional", subsystem_weights="index")
    c2 = cli("coupling", str(example), "--formula", "traditional", "--subsystem-weights", "index")
    _same(_strip_volatile(r2.to_dict()), _strip_volatile(c2))


def test_coupling_views(spec):
    r = cikit.coupling(spec)
    u = r.units
    d = r.to_dict()["periods"][0]["units"]
    assert len(u) == len(d) and u.index.name == "unit"
    row = u.loc[d[0]["unit"]]
    assert row["c"] == d[0]["c"] and row["d"] == d[0]["d"]
    ok = u.dropna(subset=["d"])
    assert ((ok["d"] - (ok["c"] * ok["t"]) ** 0.5).abs() < 1e-12).all()
    assert r.levels["units"].sum() == len(ok)
    assert math.isclose(r.subsystems["weight"].sum(), 1.0)
    assert cikit.coupling(spec, lang="zh").levels["label"].iloc[0] == "极度失调"


def test_obstacles_equals_cli_and_views(spec, example, cli):
    r = cikit.obstacles(spec, top=3)
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("obstacles", str(example), "--top", "3")))
    o = r.indicators
    assert ((o.sum(axis=1, skipna=True) - 1.0).abs() < 1e-12).all()
    assert ((r.groups.sum(axis=1) - 1.0).abs() < 1e-12).all()
    first = next(iter(r.top))
    assert len(r.top[first]) == 3 and r.top[first][0] == o.loc[first].idxmax()
    f = r.frequency
    assert f["count"].sum() == 3 * len(o)


def test_panel_views_keep_every_period(tmp_path, cli):
    # The bundled synthetic panel (cikit example --panel): every view is keyed by period.
    import subprocess, os
    exe = os.environ["CIKIT_EXE"]
    subprocess.run([exe, "example", "--panel", str(tmp_path / "ex")], check=True, capture_output=True)
    pspec = cikit.Spec.load(tmp_path / "ex" / "governance_panel.yaml")
    ob = cikit.obstacles(pspec, top=3)
    periods = [p["period"] for p in ob.to_dict()["periods"]]
    assert periods == ["2019", "2020", "2021", "2022", "2023"]
    assert len(ob.top) == sum(len(p["units"]) for p in ob.to_dict()["periods"])
    assert set(k[0] for k in ob.top) == set(periods)
    assert list(ob.frequency.index.names) == ["period", "id"]
    cp = cikit.coupling(pspec)
    assert list(cp.units.index.names) == ["period", "unit"] and len(cp.units) == len(ob.top)


def test_coupling_obstacles_errors(spec):
    with pytest.raises(cikit.SpecError, match="unknown formula 'wang'"):
        cikit.coupling(spec, formula="wang")
    with pytest.raises(cikit.SpecError, match="'nope' is not a subsystem"):
        cikit.coupling(spec, subsystem_weights="nope=1")
    with pytest.raises(cikit.SpecError, match="above the indicators"):
        cikit.obstacles(spec, level="indicators")
