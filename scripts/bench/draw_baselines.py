#!/usr/bin/env python3
"""Baselines for the stratified random draw: pandas and polars on the same roster.

Usage:
  draw_baselines.py [--repeat R] [--out FILE] [--idioms kept|all] ROSTER.csv...
  draw_baselines.py --generate N FILE

Each ROSTER.csv has the header `uscc,credit_class` (what `jianguan draw
bench-roster` writes). Reading it and building the DataFrames is not timed;
what is timed, by wall clock (time.perf_counter), is one stratified draw from
an in-memory frame: count the four strata (credit classes A-D), take
ceil(n_stratum * ratio) rows from each at random, and materialise the drawn
rows as a DataFrame. The ratios are the ones jianguan's draw uses, as parts
per million, so the per-stratum counts are exact integers on both sides; every
result is checked against them (untimed). One warm-up run, then R timed runs
with different seeds; the best and the median are reported.

The JSON written (to --out, else stdout) has the medians the comparison uses,
{"pandas": {"<N>": median_ns}, "polars": {"<N>": median_ns}}, plus best
times, the idiom timed, versions and machine facts. Progress goes to stderr.

--idioms all times every candidate idiom of both libraries, not only the kept
ones (see PANDAS_IDIOMS and POLARS_IDIOMS for the figures behind the choice):
rerun it when the pinned versions change.

--generate writes a stand-in roster for developing without the Rust side:
N rows, ids "91370283" + a 10-digit serial, classes A/B/C/D in the shares
0.30/0.45/0.17/0.08, assigned deterministically (see generate()).
"""

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import pandas as pd
import polars as pl

CLASS = "credit_class"
CLASSES = ("A", "B", "C", "D")
# Sampling ratio per credit class in parts per million: A 0.01, B 0.03,
# C 0.10, D 0.30. Integers, so that take = ceil(n * ratio) is exact.
RATIO_PPM = {"A": 10_000, "B": 30_000, "C": 100_000, "D": 300_000}


def take_for(n_stratum, ppm):
    """ceil(n_stratum * ppm / 10^6) in integer arithmetic (no float rounding)."""
    return (n_stratum * ppm + 999_999) // 1_000_000


def expected_takes(counts):
    return {k: take_for(counts.get(k, 0), RATIO_PPM[k]) for k in CLASSES}


# ---------------------------------------------------------------- pandas
# Every idiom counts the strata itself (value_counts is part of the draw) and
# returns the drawn rows as a DataFrame. `seed` makes a run reproducible.
#
# Measured with --idioms all on the stand-in roster (--generate), 2-core AMD
# EPYC, pandas 3.1.1, numpy 2.4.6, credit_class as category, machine idle;
# median of 5 runs, ms at 10^6 / 10^7 rows:
#   indices_choice  groupby().indices, Generator.choice per group, one iloc   14 /  155
#   loop_sample     per-group df.sample(n=take, random_state=Generator)       44 /  475
#   apply_sample    groupby(group_keys=False).apply(g.sample(n=take))         45 /  477
#   shuffle_cumcnt  random permutation, cumcount within class < take          46 / 1098
#   rank_key        random key column, groupby rank(method="first")          201 / 3170
# GroupBy.sample itself is no candidate: it takes one n (or one frac, rounded,
# not ceil'd) for all groups, and the draw needs a count per stratum.
# Kept: indices_choice, 3x faster than the textbook per-group sample() at both
# sizes: it draws the same way sample() does (Generator.choice without
# replacement) but skips building a frame per group; a pandas user after speed
# would write it, and the fastest baseline is the fair one to compare with.
# With credit_class as plain str it took 83 ms at 10^6 (loop_sample 121 ms),
# hence the categorical in load().


def _pd_takes(df):
    counts = df[CLASS].value_counts()
    return {k: take_for(int(counts.get(k, 0)), RATIO_PPM[k]) for k in CLASSES}


def pd_loop_sample(df, seed):
    # The textbook form: sample each group with its own n. A numpy Generator
    # as random_state lets sample() use Generator.choice (no full permutation).
    rng = np.random.default_rng(seed)
    take = _pd_takes(df)
    parts = [g.sample(n=take[k], random_state=rng)
             for k, g in df.groupby(CLASS, observed=True, sort=False)]
    return pd.concat(parts)


def pd_indices_choice(df, seed):
    # What sample() does per group, without building each group's frame:
    # the groups' row positions from groupby().indices, a draw without
    # replacement from each with numpy's Generator.choice, one iloc at the end.
    rng = np.random.default_rng(seed)
    take = _pd_takes(df)
    groups = df.groupby(CLASS, observed=True, sort=False).indices
    picks = [rng.choice(pos, take[k], replace=False) for k, pos in groups.items()]
    return df.iloc[np.concatenate(picks)]


def pd_apply_sample(df, seed):
    rng = np.random.default_rng(seed)
    take = _pd_takes(df)
    # pandas 3 hands apply() the group without its key column, so the drawn
    # labels index back into the frame to keep credit_class in the result.
    idx = (df.groupby(CLASS, observed=True, sort=False, group_keys=False)
             .apply(lambda g: g.sample(n=take[g.name], random_state=rng)).index)
    return df.loc[idx]


def pd_shuffle_cumcount(df, seed):
    # Vectorised: shuffle the class column, number rows within each class in
    # shuffled order, keep the first take[k] of class k.
    rng = np.random.default_rng(seed)
    take = _pd_takes(df)
    perm = rng.permutation(len(df))
    cls = df[CLASS].iloc[perm]
    rank = cls.groupby(cls, observed=True, sort=False).cumcount().to_numpy()
    limit = cls.map(take).to_numpy(dtype=np.int64)
    return df.iloc[perm[rank < limit]]


def pd_rank_key(df, seed):
    # Vectorised: random key per row, rank it within the class, keep ranks
    # up to take[k].
    rng = np.random.default_rng(seed)
    take = _pd_takes(df)
    key = pd.Series(rng.random(len(df)), index=df.index)
    rank = key.groupby(df[CLASS], observed=True, sort=False).rank(method="first")
    limit = df[CLASS].map(take).astype(np.int64)
    return df[rank.to_numpy() <= limit.to_numpy()]


PANDAS_IDIOMS = {
    "indices_choice": pd_indices_choice,
    "loop_sample": pd_loop_sample,
    "apply_sample": pd_apply_sample,
    "shuffle_cumcnt": pd_shuffle_cumcount,
    "rank_key": pd_rank_key,
}
PANDAS_KEPT = "indices_choice"


def pd_counts(out):
    return {k: int(v) for k, v in out[CLASS].value_counts().items()}


# ---------------------------------------------------------------- polars
# Measured as above (polars 2.1.0 on its default pool of 2 threads,
# credit_class as Enum), ms at 10^6 / 10^7 rows:
#   filter_loop   per class: filter(class == k).sample(n=take)            13 /  149
#   partition     partition_by(class), then per-part sample(n=take)       13 /  186
#   map_groups    group_by(class).map_groups(g.sample(n=take))            31 /  285
#   lazy_over     over_shuffle through .lazy()...collect()                36 /  383
#   over_shuffle  filter(int_range(len).shuffle(seed).over(class) < take) 40 /  443
#   rank_key      random key column, rank("ordinal").over(class) <= take  91 / 1015
#   sort_key      random key column, sort, int_range().over(class) < take 93 / 1074
# (Not kept either, tried once at 10^6: agg(index.sample(n=take expr)) then
# gather, 40 ms; row indices per class into numpy Generator.choice, 15-20 ms.)
# Kept: filter_loop, the fastest median at both sizes (tied with partition at
# 10^6). Polars times vary more than pandas' when other processes load the two
# cores, since polars runs on both: measure on an otherwise idle machine.
# Note that shuffle(seed=s).over(class) applies the same permutation to every
# class of equal size (so do per-group sample(seed=s) calls, hence
# _stratum_seed): fine for timing, but draws correlated across strata.


def _pl_takes(df):
    counts = dict(df[CLASS].value_counts().iter_rows())
    return {k: take_for(int(counts.get(k, 0)), RATIO_PPM[k]) for k in CLASSES}


def _pl_take_expr(take):
    return pl.col(CLASS).cast(pl.String).replace_strict(take, return_dtype=pl.Int64)


def pl_over_shuffle(df, seed):
    take = _pl_takes(df)
    return df.filter(
        pl.int_range(pl.len()).shuffle(seed=seed).over(CLASS) < _pl_take_expr(take))


def pl_lazy_over(df, seed):
    take = _pl_takes(df)
    return (df.lazy()
              .filter(pl.int_range(pl.len()).shuffle(seed=seed).over(CLASS)
                      < _pl_take_expr(take))
              .collect())


def _stratum_seed(seed, k):
    # sample(seed=s) on two equal-sized groups picks the same positions in
    # both, so each stratum gets a seed of its own.
    return seed * len(CLASSES) + CLASSES.index(k)


def pl_map_groups(df, seed):
    take = _pl_takes(df)
    return df.group_by(CLASS).map_groups(
        lambda g: g.sample(n=take[g[CLASS][0]], seed=_stratum_seed(seed, g[CLASS][0])))


def pl_partition(df, seed):
    take = _pl_takes(df)
    parts = df.partition_by(CLASS, as_dict=True)
    return pl.concat([g.sample(n=take[k], seed=_stratum_seed(seed, k))
                      for (k,), g in parts.items()])


def pl_filter_loop(df, seed):
    take = _pl_takes(df)
    return pl.concat([df.filter(pl.col(CLASS) == k).sample(n=take[k], seed=_stratum_seed(seed, k))
                      for k in CLASSES])


def pl_sort_key(df, seed):
    take = _pl_takes(df)
    key = np.random.default_rng(seed).random(df.height)
    return (df.with_columns(_key=pl.Series(key))
              .sort("_key")
              .filter(pl.int_range(pl.len()).over(CLASS) < _pl_take_expr(take))
              .drop("_key"))


def pl_rank_key(df, seed):
    take = _pl_takes(df)
    key = np.random.default_rng(seed).random(df.height)
    return (df.with_columns(_key=pl.Series(key))
              .filter(pl.col("_key").rank("ordinal").over(CLASS) <= _pl_take_expr(take))
              .drop("_key"))


POLARS_IDIOMS = {
    "over_shuffle": pl_over_shuffle,
    "lazy_over": pl_lazy_over,
    "map_groups": pl_map_groups,
    "partition": pl_partition,
    "filter_loop": pl_filter_loop,
    "sort_key": pl_sort_key,
    "rank_key": pl_rank_key,
}
POLARS_KEPT = "filter_loop"


def pl_counts(out):
    return {str(k): int(v) for k, v in out[CLASS].value_counts().iter_rows()}


# ---------------------------------------------------------------- harness

def check(out, counts_of, want, uscc_unique, label):
    got = counts_of(out)
    got = {k: got.get(k, 0) for k in CLASSES}
    if got != want:
        raise SystemExit(f"{label}: drew {got}, want {want}")
    if uscc_unique(out) != len(out):
        raise SystemExit(f"{label}: a row was drawn twice")


def time_idiom(fn, df, repeat, counts_of, want, uscc_unique, label):
    """One warm-up, then `repeat` timed runs; returns the times in ns."""
    times = []
    for seed in range(repeat + 1):
        gc.collect()
        # As timeit does: no cyclic GC pauses inside the timed call.
        gc.disable()
        try:
            t0 = time.perf_counter()
            out = fn(df, seed)
            t1 = time.perf_counter()
        finally:
            gc.enable()
        check(out, counts_of, want, uscc_unique, label)
        if seed > 0:  # seed 0 is the warm-up
            times.append(round((t1 - t0) * 1e9))
        del out
    return times


def load(path):
    """Reads the roster into both libraries (untimed). credit_class becomes a
    categorical in both: the fast representation each library offers for a
    four-value key, and the one the idioms were measured with."""
    pdf = pd.read_csv(path, dtype={"uscc": "str", CLASS: "category"})
    pldf = pl.read_csv(path, schema_overrides={"uscc": pl.String, CLASS: pl.String})
    pldf = pldf.with_columns(pl.col(CLASS).cast(pl.Enum(list(CLASSES))))
    return pdf, pldf


def machine_info():
    model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "polars_threads": pl.thread_pool_size(),
        "platform": platform.platform(),
    }


def run(paths, repeat, idioms):
    # Also always timed: pandas' own sampling API, DataFrame.sample per
    # stratum ("pandas_api"), the form a pandas user writes first.
    result = {"pandas": {}, "polars": {}, "pandas_api": {},
              "best_ns": {"pandas": {}, "polars": {}, "pandas_api": {}},
              "kept": {"pandas": PANDAS_KEPT, "polars": POLARS_KEPT},
              "repeat": repeat, "statistic": "median of repeat runs after one warm-up",
              "versions": {"python": platform.python_version(), "numpy": np.__version__,
                           "pandas": pd.__version__, "polars": pl.__version__},
              "machine": machine_info()}
    if idioms == "all":
        result["idioms"] = {"pandas": {}, "polars": {}}
    for path in paths:
        t0 = time.perf_counter()
        pdf, pldf = load(path)
        n = len(pdf)
        assert pldf.height == n, f"{path}: pandas and polars read different row counts"
        print(f"{path}: {n} rows read in {time.perf_counter() - t0:.1f} s (untimed)",
              file=sys.stderr)
        counts = {k: int(v) for k, v in pdf[CLASS].value_counts().items()}
        want = expected_takes(counts)
        libs = [
            ("pandas", PANDAS_IDIOMS, PANDAS_KEPT, pdf, pd_counts,
             lambda out: out["uscc"].nunique()),
            ("polars", POLARS_IDIOMS, POLARS_KEPT, pldf, pl_counts,
             lambda out: out["uscc"].n_unique()),
        ]
        for lib, table, kept, df, counts_of, uscc_unique in libs:
            names = list(table) if idioms == "all" else [kept]
            if lib == "pandas" and "loop_sample" not in names:
                names.append("loop_sample")
            for name in names:
                times = time_idiom(table[name], df, repeat, counts_of, want,
                                   uscc_unique, f"{lib} {name} n={n}")
                med, best = round(statistics.median(times)), min(times)
                print(f"  {lib:6} {name:15} median {med / 1e6:9.1f} ms"
                      f"  best {best / 1e6:9.1f} ms", file=sys.stderr)
                if idioms == "all":
                    result["idioms"][lib].setdefault(name, {})[str(n)] = {
                        "median_ns": med, "best_ns": best}
                if name == kept:
                    result[lib][str(n)] = med
                    result["best_ns"][lib][str(n)] = best
                if lib == "pandas" and name == "loop_sample":
                    result["pandas_api"][str(n)] = med
                    result["best_ns"]["pandas_api"][str(n)] = best
        del pdf, pldf
    return result


def generate(n, path):
    """Stand-in roster: row i gets bucket (61 * i) mod 100. 61 is prime to 100,
    so every 100 consecutive rows hit each bucket once: classes are
    interleaved, and their shares are exact whenever 100 divides n."""
    bucket = (np.arange(n, dtype=np.int64) * 61) % 100
    # buckets 0-29 A (0.30), 30-74 B (0.45), 75-91 C (0.17), 92-99 D (0.08)
    cls = np.array(CLASSES)[np.searchsorted([30, 75, 92], bucket, side="right")]
    df = pl.DataFrame({
        "uscc": pl.int_range(n, eager=True).cast(pl.String).str.zfill(10),
        CLASS: cls,
    }).with_columns(pl.concat_str(pl.lit("91370283"), pl.col("uscc")).alias("uscc"))
    df.write_csv(path)
    print(f"wrote {n} rows to {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="*", help="roster CSV files (uscc,credit_class)")
    ap.add_argument("--repeat", "-r", type=int, default=5,
                    help="timed runs per idiom after one warm-up (default 5)")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    ap.add_argument("--idioms", choices=("kept", "all"), default="kept",
                    help="time only the kept idiom per library, or every candidate")
    ap.add_argument("--generate", nargs=2, metavar=("N", "FILE"),
                    help="write a stand-in roster of N rows to FILE and exit")
    args = ap.parse_args()
    if args.generate:
        generate(int(args.generate[0]), args.generate[1])
        return
    if not args.csv:
        ap.error("give at least one roster CSV (or --generate N FILE)")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    text = json.dumps(run(args.csv, args.repeat, args.idioms), indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
