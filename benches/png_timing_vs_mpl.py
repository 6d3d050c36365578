#!/usr/bin/env python3
"""Figure to PNG (issue 21): the default figure (512² f64 random data, viridis, a colorbar,
6.4 x 4.8 in at 100 dpi) to PNG bytes, figbuf's `imshow-timing png 512` (two threads, and
one) against matplotlib 3.11.2's `savefig` to a BytesIO, interleaved; optionally an
earlier build (FIGBUF_TIMING_BEFORE) right before this one in each round.

Prints per round, then the medians over rounds of each side (wall ms; figbuf's process CPU
ms a figure), of the per-round ratios matplotlib / figbuf, and the file sizes (figbuf's
against matplotlib's, for the default figure and a smooth 2048² image).

Build:  cargo build --release -p figbuf-benches --bin imshow-timing
Run:    /tmp/figbuf-venv/bin/python benches/png_timing_vs_mpl.py [ROUNDS] [ITERATIONS]
(FIGBUF_TIMING_BIN: this build's imshow-timing; FIGBUF_TIMING_BEFORE: an earlier one;
FIGBUF_BENCH_DATA: where imshow_timing_vs_mpl.py keeps its .npy inputs.)
"""
import io
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from imshow_timing_vs_mpl import BIN, cpu, figure, load, median_ms, write_data  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    before = os.environ.get("FIGBUF_TIMING_BEFORE")
    name, _ = cpu()
    d = pathlib.Path(os.environ.get("FIGBUF_BENCH_DATA", tempfile.gettempdir())) / "figbuf-bench-data"
    d.mkdir(exist_ok=True)
    write_data(d)
    fig, _ = figure(np.load(d / "rand512.npy"))
    sizes = {}
    for key, f in (("png_bytes 512", fig), ("png_bytes smooth", figure(np.load(d / "smooth2048.npy"))[0])):
        buf = io.BytesIO()
        f.savefig(buf, format="png")
        sizes[key] = len(buf.getvalue())
    sides = [("", {})] + [("1 thread", {"RAYON_NUM_THREADS": "1"})]
    rows, loads = [], []
    for r in range(rounds):
        loads.append(load())
        row = {}
        for tag, env in sides:
            for label, binary in [("before ", before), ("", BIN)]:
                if not binary:
                    continue
                res = subprocess.run([str(binary), str(d), str(iterations), "png 512"], check=True,
                                     capture_output=True, text=True, env={**os.environ, **env})
                out = json.loads(res.stdout)
                key = f"{label}figbuf{' (' + tag + ')' if tag else ''}"
                row[key] = (out["png 512"], out.get("cpu png 512", float("nan")))
                row[key + " bytes"] = (out["png_bytes 512"], out["png_bytes smooth"])
        row["matplotlib"] = median_ms(max(5, iterations // 10),
                                      lambda: fig.savefig(io.BytesIO(), format="png"))
        rows.append(row)
        print(f"round {r + 1} ({loads[-1]}): matplotlib {row['matplotlib']:.1f} ms; " + "; ".join(
            f"{k} {v[0]:.2f} ms (CPU {v[1]:.2f})" for k, v in row.items()
            if k != "matplotlib" and not k.endswith("bytes")), flush=True)
    plt.close("all")
    loads.append(load())
    med = statistics.median
    print(f"\nCPU: {name}\n{rounds} interleaved rounds; {loads[0]} at the start, {loads[-1]} at the end\n")
    print("| job | wall ms | CPU ms | matplotlib / figbuf (per round) |\n| --- | --- | --- | --- |")
    for k in rows[0]:
        if k == "matplotlib" or k.endswith("bytes"):
            continue
        print(f"| {k} | {med([x[k][0] for x in rows]):.2f} | {med([x[k][1] for x in rows]):.2f} | "
              f"{med([x['matplotlib'] / x[k][0] for x in rows]):.1f}x |")
    print(f"| matplotlib savefig | {med([x['matplotlib'] for x in rows]):.1f} | | |")
    for k in rows[0]:
        if k.endswith("bytes"):
            a, b = rows[0][k]
            print(f"{k}: default {a:,} ({a / sizes['png_bytes 512'] - 1:+.1%} against matplotlib's "
                  f"{sizes['png_bytes 512']:,}), smooth {b:,} ({b / sizes['png_bytes smooth'] - 1:+.1%} "
                  f"against {sizes['png_bytes smooth']:,})")


if __name__ == "__main__":
    main()
