"""cikit.disparity / density / spatial equal the CLI's JSON (issue 22), on the CLI test case
tests/cli/cases/spatial.yaml (16 synthetic cities in 4 regions with coordinates)."""
import pytest

import cikit
from conftest import SOURCE
from test_commands import _same, _strip_volatile

CASE = SOURCE / "tests" / "cli" / "cases" / "spatial.yaml"


def test_disparity_equals_cli(cli):
    r = cikit.disparity(str(CASE), group="region")
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("disparity", str(CASE), "--group", "region")))
    p = r.periods[0]
    assert abs(p["gini"] - (p["gini_within"] + p["gini_between"] + p["gini_transvariation"])) < 1e-14
    assert {"period", "node", "n", "gini", "theil_t"} <= set(r.periods_frame.columns)


def test_density_and_spatial_equal_cli(cli):
    r = cikit.density(str(CASE), bw="SJ")
    _same(_strip_volatile(r.to_dict()), _strip_volatile(cli("density", str(CASE), "--bw", "SJ")))
    s = cikit.spatial(str(CASE), coords="lon,lat", lonlat=True, knn=4, permutations=99, seed=3)
    c = cli("spatial", str(CASE), "--coords", "lon,lat", "--lonlat", "--knn", "4", "--permutations", "99",
            "--seed", "3")
    _same(_strip_volatile(s.to_dict()), _strip_volatile(c))
    assert s.periods[0]["units"][0]["quadrant"] in ("HH", "LL", "HL", "LH")


def test_spatial_errors():
    with pytest.raises(cikit.Error, match="give exactly one weight scheme"):
        cikit.spatial(str(CASE), coords="x,y", knn=3, band=10)
    with pytest.raises(cikit.Error, match="--group names column 'province'"):
        cikit.disparity(str(CASE), group="province")
