"""The examples of docs/python.md's sections "Results as data" and "In a
notebook" run as they are, each on its own, from a folder holding the
plugin libraries in ``plugins/`` (as the page says of all its examples)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import PLUGINS, ROOT, _built

DOC = ROOT / "docs" / "python.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("\n## Results as data\n")
    notebook = text.index("\n## In a notebook\n", start)
    end = text.index("\n## ", notebook + 1)
    return BLOCK.findall(text[start:end])


def test_the_sections_have_their_examples() -> None:
    assert len(blocks()) == 2


@pytest.mark.parametrize("n", range(2))
def test_each_example_runs_on_its_own(n: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plugins").mkdir()
    for p in PLUGINS:
        shutil.copy(_built(f"libjianguan_{p}.so"), tmp_path / "plugins")
    monkeypatch.chdir(tmp_path)
    block = blocks()[n]
    exec(compile(block, f"{DOC.name} results example {n + 1}", "exec"), {"__name__": "docs"})
