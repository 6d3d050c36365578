#!/usr/bin/env python3
"""Colour mapping of 4096² f64 without a figure (issue 21), interleaved: figbuf's
`colormap_rgba8` (autoscaled Normalize, viridis, fresh output) against the memory floor
and matplotlib 3.11.2, optionally against an earlier build, on every CPU path.

Each round runs, in turn, on each path the earlier build (FIGBUF_TIMING_BEFORE, if set)
and this build (AVX-512 if the CPU has it, AVX2 via FIGBUF_NO_AVX512=1, the baseline via
FIGBUF_NO_AVX2=1, one thread via RAYON_NUM_THREADS=1), the floor (`floor 4096`: one pass
reading the input and writing a fresh output of the same size, huge pages, both threads),
then matplotlib in this process (`norm.autoscale_None(masked_invalid(a)); cmap(norm(a),
bytes=True)`). Prints per round, then medians over rounds and the medians of the
per-round ratios (colormap / floor; matplotlib / figbuf), with the load average.

Build:  cargo build --release -p figbuf-benches --bin imshow-timing
Run:    /tmp/figbuf-venv/bin/python benches/colormap_floor_vs_mpl.py [ROUNDS] [ITERATIONS]
(FIGBUF_TIMING_BIN: this build's imshow-timing; FIGBUF_TIMING_BEFORE: an earlier one;
FIGBUF_BENCH_DATA: where imshow_timing_vs_mpl.py keeps its .npy inputs; FIGBUF_TIMING_CPU=1:
figbuf's and the floor's process CPU time instead of wall time.)
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from imshow_timing_vs_mpl import BIN, cpu, load, median_ms, write_data  # noqa: E402

import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors as mcolors  # noqa: E402

JOBS = ["colormap 4096", "colormap_into 4096"]
# FIGBUF_TIMING_CPU=1: the process CPU time of figbuf's jobs and the floor (every thread)
# instead of their wall time (matplotlib stays wall time: one thread).
CPU_TIME = bool(os.environ.get("FIGBUF_TIMING_CPU"))


def run(binary, jobs, iterations, d, **env):
    res = subprocess.run([str(binary), str(d), str(iterations), *jobs], check=True,
                         capture_output=True, text=True, env={**os.environ, **env})
    out = json.loads(res.stdout)
    if CPU_TIME:
        return {k[4:]: v for k, v in out.items() if k.startswith("cpu ")}
    return {k: v for k, v in out.items() if not k.startswith("cpu ")}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    before = os.environ.get("FIGBUF_TIMING_BEFORE")
    name, avx512 = cpu()
    d = pathlib.Path(os.environ.get("FIGBUF_BENCH_DATA", tempfile.gettempdir())) / "figbuf-bench-data"
    d.mkdir(exist_ok=True)
    write_data(d)
    a = np.load(d / "rand4096.npy")
    cmap = matplotlib.colormaps["viridis"]

    def mpl():
        norm = mcolors.Normalize()
        norm.autoscale_None(np.ma.masked_invalid(a))
        cmap(norm(a), bytes=True)

    paths = {"": {}}
    if avx512:
        paths["AVX2"] = {"FIGBUF_NO_AVX512": "1"}
    paths["baseline"] = {"FIGBUF_NO_AVX2": "1"}
    paths["1 thread"] = {"RAYON_NUM_THREADS": "1"}
    rows, loads = [], []
    for r in range(rounds):
        loads.append(load())
        row = {}
        for tag, env in paths.items():
            # The earlier build right before this one, on the same path.
            for label, binary in [("before ", before), ("", BIN)]:
                if not binary:
                    continue
                for k, v in run(binary, JOBS, iterations, d, **env).items():
                    row[f"{label}{k} ({tag})" if tag else f"{label}{k}"] = v
        row.update(run(BIN, ["floor 4096", "floor_into 4096"], iterations, d,
                       GLIBC_TUNABLES="glibc.malloc.hugetlb=1"))
        row["matplotlib"] = median_ms(max(3, iterations // 3), mpl)
        rows.append(row)
        print(f"round {r + 1} ({loads[-1]}): " + "; ".join(f"{k} {v:.1f}" for k, v in row.items()),
              flush=True)
    loads.append(load())
    med = statistics.median
    print(f"\nCPU: {name}\n{rounds} interleaved rounds; {loads[0]} at the start, {loads[-1]} at the end\n")
    print("| job | median ms | / floor (per round) | matplotlib / job (per round) |\n| --- | --- | --- | --- |")
    for k in rows[0]:
        floor = "floor_into 4096" if "into" in k else "floor 4096"
        ratio = med([x[k] / x[floor] for x in rows])
        speed = med([x["matplotlib"] / x[k] for x in rows])
        print(f"| {k} | {med([x[k] for x in rows]):.2f} | {ratio:.2f}x | {speed:.1f}x |")


if __name__ == "__main__":
    main()
