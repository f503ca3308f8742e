"""cikit.panel and cikit.index on the bundled panel example (data.time): the same numbers as
the command line's panel.json, one row per unit, trends as R lm (tests/panel checks the
formulas against R)."""
import warnings

import cikit
from conftest import SOURCE

SPEC = str(SOURCE / "datasets" / "governance" / "governance_panel.yaml")


def test_panel_trajectories_and_trends(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cikit.CikitWarning)
        r = cikit.panel(SPEC, out=tmp_path, top=4, lang="zh")
    d = r.to_dict()
    assert d["panel"]["periods"] == ["2019", "2020", "2021", "2022", "2023"]
    assert d["panel"]["normalize"] == "pooled"
    assert r.scores.shape == (119, 5)
    t = r.trends
    assert t.shape[0] == 119
    # change = last - first, CAGR = (last/first)^(1/4) - 1 for these positive scores
    row = t.iloc[0]
    assert abs(row["change"] - (row["last"] - row["first"])) < 1e-9
    assert abs(row["cagr"] - ((row["last"] / row["first"]) ** 0.25 - 1)) < 1e-12
    assert abs(r.scores.iloc[0, 0] - row["first"]) < 1e-12
    assert sorted(r.files) == sorted(["scores_wide.csv", "ranks_wide.csv", "trends.csv", "alpha_by_period.csv",
                                      "trajectories.svg", "panel.json"])


def test_index_on_a_panel_spec_groups_by_period():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cikit.CikitWarning)
        r = cikit.index(SPEC)
    d = r.to_dict()
    assert [p["period"] for p in d["periods"]] == ["2019", "2020", "2021", "2022", "2023"]
    assert all(len(p["units"]) == 119 for p in d["periods"])
    # The scores property holds the latest period.
    assert r.scores.shape[0] == 119
