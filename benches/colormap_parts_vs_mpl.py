#!/usr/bin/env python3
"""Colour mapping of 4096² f64 (issue 21) taken apart: figbuf's `colormap_rgba8` (autoscale,
viridis, fresh output), its two passes and the memory floors of the same bytes, on one and
two threads, beside matplotlib 3.11.2, interleaved.

Each round runs `colormap-timing` (every job of it, one process a thread count, the
process under `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` so that the floors' fresh arrays are
on huge pages as figbuf's own are) with 2 threads and with 1, then matplotlib in this
process (`norm.autoscale_None(masked_invalid(a)); cmap(norm(a), bytes=True)`, the median
of a few calls). Prints the medians over rounds of each job's per-round median, the ratios
(per round, then their median): the mapping over the fresh floor, the bound of a design
with two reads (the fresh floor plus one read of the input, over the fresh floor),
matplotlib over the mapping, and one thread over two. Run it at real-time priority to keep
other processes off the cores while it measures (`chrt -f 10`), and quote the load.

Build:  cargo build --release -p figbuf-benches --bin colormap-timing
Run:    chrt -f 10 /tmp/figbuf-venv/bin/python benches/colormap_parts_vs_mpl.py [ROUNDS] [SECONDS]
(FIGBUF_COLORMAP_TIMING_BIN: another build's colormap-timing; FIGBUF_BENCH_DATA: where
imshow_timing_vs_mpl.py keeps its .npy inputs.)
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from imshow_timing_vs_mpl import cpu, load, median_ms, write_data  # noqa: E402

import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors as mcolors  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = os.environ.get("FIGBUF_COLORMAP_TIMING_BIN", str(ROOT / "target/release/colormap-timing"))
JOBS = ["cm_fresh", "cm_into", "minmax", "map_fresh", "map_into", "read", "write_fresh",
        "write_into", "fault", "floor_fresh", "floor_into"]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seconds = sys.argv[2] if len(sys.argv) > 2 else "2"
    name, _ = cpu()
    d = pathlib.Path(os.environ.get("FIGBUF_BENCH_DATA", tempfile.gettempdir())) / "figbuf-bench-data"
    d.mkdir(exist_ok=True)
    write_data(d)
    a = np.load(d / "rand4096.npy")
    cmap = matplotlib.colormaps["viridis"]

    def mpl():
        norm = mcolors.Normalize()
        norm.autoscale_None(np.ma.masked_invalid(a))
        cmap(norm(a), bytes=True)

    env = {**os.environ, "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}
    rows, loads = [], []
    for r in range(rounds):
        loads.append(load())
        row = {}
        for threads in (2, 1):
            res = subprocess.run([BIN, str(d), seconds], check=True, capture_output=True,
                                 text=True, env={**env, "RAYON_NUM_THREADS": str(threads)})
            out = json.loads(res.stdout)
            row[threads] = {j: out[f"{j} median"] for j in JOBS}
        row["mpl"] = median_ms(3, mpl)
        rows.append(row)
        t2 = row[2]
        print(f"round {r + 1} ({loads[-1]}): matplotlib {row['mpl']:.1f} ms, 2 threads "
              + ", ".join(f"{j} {t2[j]:.2f}" for j in JOBS), flush=True)
    loads.append(load())
    med = statistics.median
    print(f"\nCPU: {name}\n{rounds} rounds; {loads[0]} at the start, {loads[-1]} at the end; "
          f"medians over rounds of per-round medians (ms)\n")
    print("| job | 2 threads | 1 thread | 1 thread / 2 |\n| --- | --- | --- | --- |")
    for j in JOBS:
        print(f"| {j} | {med([x[2][j] for x in rows]):.2f} | {med([x[1][j] for x in rows]):.2f} | "
              f"{med([x[1][j] / x[2][j] for x in rows]):.2f}x |")
    print(f"| matplotlib | {med([x['mpl'] for x in rows]):.1f} | | |\n")
    for t in (2, 1):
        ratio = med([x[t]["cm_fresh"] / x[t]["floor_fresh"] for x in rows])
        bound = med([(x[t]["floor_fresh"] + x[t]["read"]) / x[t]["floor_fresh"] for x in rows])
        vs = med([x["mpl"] / x[t]["cm_fresh"] for x in rows])
        print(f"{t} thread(s): cm_fresh / floor_fresh {ratio:.2f}x; two-read bound "
              f"(floor_fresh + read) / floor_fresh {bound:.2f}x; matplotlib / cm_fresh {vs:.1f}x")


if __name__ == "__main__":
    main()
