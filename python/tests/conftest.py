"""Shared fixtures: the repository's paths, the conformance vectors, a
plugins folder with the four industry plugins, and the Rust command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import jianguan

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
PLUGINS = ("food", "drugs", "special_equipment", "hazardous_chemicals")


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def draw_vectors() -> list[tuple[str, dict[str, Any]]]:
    # primitives.json holds the PRF and key vectors, not a draw.
    return [(p.stem, load(p)) for p in sorted((VECTORS / "draw").glob("*.json")) if p.stem != "primitives"]


def _built(name: str) -> Path:
    for profile in ("debug", "release"):
        p = TARGET / profile / name
        if p.exists():
            return p
    raise FileNotFoundError(f"{name} is not built under {TARGET}: run cargo build --workspace first")


@pytest.fixture(scope="session")
def plugins_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plugins")
    for p in PLUGINS:
        shutil.copy(_built(f"libjianguan_{p}.so"), folder)
    return folder


@pytest.fixture(scope="session")
def sup() -> jianguan.Supervisor:
    return jianguan.Supervisor()


@pytest.fixture(scope="session")
def sup_plugins(plugins_dir: Path) -> jianguan.Supervisor:
    return jianguan.Supervisor(plugins_dir=plugins_dir, require_all_plugins=True)


def rust_verify(tmp: Path, record: jianguan.DrawRecord, inputs: dict[str, Any]) -> str:
    """Verifies a record with the Rust command (`jianguan draw verify`)."""
    rec = tmp / "record.json"
    rec.write_text(record.to_json(), encoding="utf-8")
    args = [str(_built("jianguan")), "draw", "verify", "--record", str(rec)]
    for name, flag in (("roster", "--roster"), ("inspectors", "--inspectors"), ("history", "--history")):
        f = tmp / f"{name}.json"
        f.write_text(json.dumps(inputs.get(name, []), ensure_ascii=False), encoding="utf-8")
        args += [flag, str(f)]
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout
