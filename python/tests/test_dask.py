"""Draws over roster partitions on Dask: a LocalCluster of two worker
processes, rosters in 4-8 partitions, and the record byte for byte the
single-process one (the vectors, and a generated county)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster, get_task_stream

import jianguan
import jianguan.dask
from conftest import ROOT, TARGET, draw_vectors, load

def table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The roster as a CSV gives it: industries as `;`-separated text (Dask
    turns object columns, lists among them, into strings)."""
    df = pd.DataFrame(rows)
    df["industries"] = df["industries"].map(";".join)
    return df


RECORDS = [(n, v) for n, v in draw_vectors() if "record" in v["expected"]]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            assert len(c.scheduler_info()["workers"]) == 2
            yield c


@pytest.mark.parametrize("npartitions", [4, 8])
@pytest.mark.parametrize(("name", "vector"), RECORDS, ids=[n for n, _ in RECORDS])
def test_vectors_on_dask(
    client: Client, sup: jianguan.Supervisor, name: str, vector: dict[str, Any], npartitions: int
) -> None:
    i = vector["inputs"]
    frame = dd.from_pandas(table(i["roster"]), npartitions=npartitions, sort=False)
    assert frame.npartitions == npartitions
    with get_task_stream(client) as stream:
        record = jianguan.dask.draw(
            sup, i["plan"], roster=frame, inspectors=i["inspectors"], entropy=i["entropy"], history=i["history"]
        )
    assert record.digest == vector["expected"]["record_digest"]
    # The partitions' steps ran on both worker processes.
    ran = {t["worker"] for t in stream.data if "_select_all" in str(t["key"]) or "_count_all" in str(t["key"])}
    assert len(ran) == 2, ran


def test_a_county_on_dask_matches_the_rust_command(
    client: Client, sup: jianguan.Supervisor, tmp_path: Path
) -> None:
    cli = next(p for p in (TARGET / "debug" / "jianguan", TARGET / "release" / "jianguan") if p.exists())
    county = tmp_path / "county"
    subprocess.run([str(cli), "roster", "generate", "--entities", "20000", "--seed", "7", "--out", str(county)], check=True, capture_output=True)
    plan = ROOT / "examples" / "plans" / "pingdu-batch3-2026.json"
    entropy = ROOT / "examples" / "plans" / "entropy-pingdu-batch3-2026.json"
    out = tmp_path / "draws"
    args = [str(cli), "draw", "run", "--plan", str(plan), "--roster", str(county / "entities.csv"),
            "--inspectors", str(county / "inspectors.csv"), "--entropy", str(entropy), "--out", str(out)]
    subprocess.run(args, check=True, capture_output=True)
    (rust_record,) = out.glob("*.json")
    entities = pd.read_csv(county / "entities.csv", dtype=str, keep_default_na=False)
    entities["last_penalty_on"] = entities["last_penalty_on"].replace("", None)
    inspectors = pd.read_csv(county / "inspectors.csv", dtype=str, keep_default_na=False)
    insp = []
    for r in inspectors.to_dict(orient="records"):
        insp.append({
            "id": r["id"], "name": r["name"], "department": r["department"], "team": r["team"], "status": r["status"],
            "qualifications": [q for q in r.get("qualifications", "").split(";") if q],
            "workload_cap": int(r["workload_cap"]) if r.get("workload_cap") else None,
            "conflicts": [c for c in r.get("conflicts", "").split(";") if c],
        })
    values = load(entropy)
    # The register in six Parquet files read by Dask, as a province keeps
    # it (not embedded in the task graph from the client).
    register = tmp_path / "register"
    register.mkdir()
    table = pa.Table.from_pandas(entities, preserve_index=False)
    step = -(-len(entities) // 6)
    for k in range(6):
        pq.write_table(table.slice(k * step, step), register / f"part-{k}.parquet")
    frame = dd.read_parquet(str(register))
    assert frame.npartitions == 6
    on_dask = jianguan.dask.draw(sup, plan, roster=frame, inspectors=insp, entropy=values)
    single = sup.draw(plan, roster=entities, inspectors=insp, entropy=values)
    assert on_dask == single
    assert on_dask.to_json() == rust_record.read_text(encoding="utf-8")
    assert jianguan.dask.roster_digest(frame) == jianguan.roster(entities).digest


def test_unsorted_partitions_are_refused_when_declared_sorted(client: Client, sup: jianguan.Supervisor) -> None:
    i = RECORDS[0][1]["inputs"]
    rows = sorted(i["roster"], key=lambda r: r["uscc"], reverse=True)
    frame = dd.from_pandas(table(rows), npartitions=4, sort=False)
    with pytest.raises(jianguan.DrawError) as caught:
        jianguan.dask.draw(sup, i["plan"], roster=frame, inspectors=i["inspectors"], entropy=i["entropy"], history=i["history"], presorted=True)
    assert caught.value.kind == "parts_out_of_order"
    assert str(caught.value).startswith("roster partition 1: ")


def test_a_bad_row_names_its_partition(client: Client, sup: jianguan.Supervisor) -> None:
    i = RECORDS[0][1]["inputs"]
    df = table(i["roster"]).sort_values("uscc").reset_index(drop=True)
    df.loc[50, "status"] = "bankrupt"
    frame = dd.from_pandas(df, npartitions=4, sort=False)
    with pytest.raises(jianguan.InvalidInputError) as caught:
        jianguan.dask.draw(sup, i["plan"], roster=frame, inspectors=i["inspectors"], entropy=i["entropy"], history=i["history"], presorted=True)
    code = df.loc[50, "uscc"]
    # Dask keeps the frame's index: the row is named by its label and its
    # position within the partition.
    assert f"roster partition 2: roster row 50 (position 4, {code}), column `status`" in str(caught.value), str(caught.value)
    # A typed refusal comes back as a value: no worker logged it (with a
    # traceback) as a failed task.
    logged = [m for lines in client.get_worker_logs().values() for _, m in lines]
    assert not [m for m in logged if "bankrupt" in m], logged
