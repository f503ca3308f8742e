"""docs/python.md's walkthrough runs as written (its ```python blocks, in order, from the
repository root)."""
import os
import re
import warnings

import cikit
from conftest import SOURCE


def test_walkthrough_runs(capsys):
    text = (SOURCE / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 6
    cwd = os.getcwd()
    os.chdir(SOURCE)
    try:
        scope: dict = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cikit.CikitWarning)
            for block in blocks:
                exec(compile(block, "docs/python.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    assert "r" in scope and "sa" in scope and "app" in scope
