#!/usr/bin/env python3
"""Colour mapping of 4096² f64 without a figure (issue 21), interleaved: figbuf's
`colormap_rgba8` (autoscaled Normalize, viridis, fresh output) against the memory floor
and matplotlib 3.11.2, optionally against an earlier build, on every CPU path.

Each round runs, in turn, on each path the earlier build (FIGBUF_TIMING_BEFORE, if set)
and this build (AVX-512 if the CPU has it, AVX2 via FIGBUF_NO_AVX512=1, the baseline via
FIGBUF_NO_AVX2=1, one thread via RAYON_NUM_THREADS=1), each as `imshow-timing`'s
`paired 4096` job: colour mapping and its floor (one pass reading the input and writing a
fresh output of the same size, huge pages, on the same threads) alternated in one process,
many pairs, the best of each and the median pair's ratio; then matplotlib in this process
(`norm.autoscale_None(masked_invalid(a)); cmap(norm(a), bytes=True)`). Prints per round,
then medians over rounds of the best times and of the per-round ratios (colormap / floor;
matplotlib / figbuf), with the load average. The floor is measured beside every colour
mapping it is compared with: separate runs of it moved by 2x between minutes (huge pages
come when the kernel has them).

Build:  cargo build --release -p figbuf-benches --bin imshow-timing
Run:    /tmp/figbuf-venv/bin/python benches/colormap_floor_vs_mpl.py [ROUNDS] [ITERATIONS]
(FIGBUF_TIMING_BIN: this build's imshow-timing; FIGBUF_TIMING_BEFORE: an earlier one with
the `paired` job; FIGBUF_BENCH_DATA: where imshow_timing_vs_mpl.py keeps its .npy inputs.)
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
    # The floor's fresh output on huge pages (glibc advises them for its mmap'd blocks), as
    # colormap_rgba8 asks for its own; the same process alternates colormap and floor.
    huge = {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}
    rows, loads = [], []
    for r in range(rounds):
        loads.append(load())
        row = {}
        for tag, env in paths.items():
            # The earlier build right before this one, on the same path.
            for label, binary in [("before ", before), ("", BIN)]:
                if not binary:
                    continue
                res = subprocess.run([str(binary), str(d), str(iterations), "paired 4096"],
                                     check=True, capture_output=True, text=True,
                                     env={**os.environ, **env, **huge})
                out = json.loads(res.stdout)
                if "paired ratio 4096" not in out:  # a build without the paired job
                    continue
                key = f"{label}colormap ({tag or 'default'})"
                row[key] = (out["paired colormap 4096"], out["paired floor 4096"],
                            out["paired ratio 4096"])
        row["matplotlib"] = median_ms(max(3, iterations // 3), mpl)
        rows.append(row)
        print(f"round {r + 1} ({loads[-1]}): matplotlib {row['matplotlib']:.1f} ms; " + "; ".join(
            f"{k} best {v[0]:.2f} ms, floor best {v[1]:.2f} ms, best/best {v[0] / v[1]:.2f}x, "
            f"median pair {v[2]:.2f}x" for k, v in row.items() if k != "matplotlib"), flush=True)
    loads.append(load())
    med = statistics.median
    print(f"\nCPU: {name}\n{rounds} interleaved rounds; {loads[0]} at the start, {loads[-1]} at the end\n")
    print("| job | best ms (median over rounds) | floor best ms | best / floor best (per round) "
          "| median pair ratio | matplotlib / job (per round) |\n| --- | --- | --- | --- | --- | --- |")
    for k in rows[0]:
        if k == "matplotlib":
            continue
        print(f"| {k} | {med([x[k][0] for x in rows]):.2f} | {med([x[k][1] for x in rows]):.2f} | "
              f"{med([x[k][0] / x[k][1] for x in rows]):.2f}x | {med([x[k][2] for x in rows]):.2f}x | "
              f"{med([x['matplotlib'] / x[k][0] for x in rows]):.1f}x |")
    print(f"| matplotlib | {med([x['matplotlib'] for x in rows]):.1f} | | | | |")


if __name__ == "__main__":
    main()
