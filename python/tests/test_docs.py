"""Every ```python example of docs/python.md runs: in order, in one
session, from a folder holding the plugin libraries in ``plugins/`` and the
repository's ``examples/plans/``, as the page says."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import PLUGINS, ROOT, _built

DOC = ROOT / "docs" / "python.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_the_page_has_examples() -> None:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    assert all("jianguan" in b or "record" in b or "county" in b for b in blocks)


def test_every_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plugins").mkdir()
    for p in PLUGINS:
        shutil.copy(_built(f"libjianguan_{p}.so"), tmp_path / "plugins")
    shutil.copytree(ROOT / "examples" / "plans", tmp_path / "examples" / "plans")
    monkeypatch.chdir(tmp_path)
    session: dict[str, object] = {"__name__": "docs"}
    for n, block in enumerate(BLOCK.findall(DOC.read_text(encoding="utf-8"))):
        try:
            exec(compile(block, f"{DOC.name} example {n + 1}", "exec"), session)
        except Exception as e:
            raise AssertionError(f"docs/python.md example {n + 1} failed: {e!r}\n{block}") from e
    assert sorted(os.listdir("records")) == [f"{session['record'].digest}.json"]  # type: ignore[attr-defined]
