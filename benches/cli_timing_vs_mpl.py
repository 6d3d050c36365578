#!/usr/bin/env python3
"""The figbuf CLI's whole process (exec to exit) against matplotlib 3.11.2's in-process draw
of the same figure, on a 2048² f64 .npy (32 MB), interleaved; optionally a second build of
the CLI (FIGBUF_CLI_BEFORE) in the same rounds for a before/after comparison.

Each round runs, for every job: the CLI (and the "before" CLI) ITERATIONS times, then
matplotlib ITERATIONS times in this process, so that all sides see the same machine load.
Per side and job it prints the median wall time over all runs, the median CPU time (user +
system, from wait4) and minor page faults of the CLI, and the median over rounds of the
per-round ratio matplotlib / CLI (each round's medians).

Jobs (viridis, autoscaled Normalize, 6.4 x 4.8 in at 100 dpi):
- imshow png: `figbuf imshow DATA --colorbar vertical -o out.png`; matplotlib: np.load, the
  figure with a colorbar, savefig to a PNG file.
- imshow npy: the same figure to an (H, W, 4) uint8 .npy; matplotlib: draw, np.save of
  buffer_rgba().
- colormap npy: `figbuf colormap DATA -o out.npy`; matplotlib: np.load,
  cmap(norm(data), bytes=True) with an autoscaled Normalize, np.save.

Build first:  cargo build --release -p figbuf-cli
Run:          /tmp/figbuf-venv/bin/python benches/cli_timing_vs_mpl.py [ROUNDS] [ITERATIONS] [N]
(FIGBUF_CLI names the CLI to time, FIGBUF_CLI_BEFORE a second one, e.g. main's binary;
FIGBUF_BENCH_DATA the directory for the generated input; N the data size, 2048.)
"""
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors as mcolors  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLI = pathlib.Path(os.environ.get("FIGBUF_CLI", ROOT / "target" / "release" / "figbuf"))
BEFORE = os.environ.get("FIGBUF_CLI_BEFORE")


def load():
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def run_cli(cmd):
    """Wall ms, CPU ms and minor faults of one whole process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t0) * 1e3
    if status != 0:
        sys.exit(f"{cmd} failed ({status})")
    return wall, (ru.ru_utime + ru.ru_stime) * 1e3, ru.ru_minflt


def figure(data):
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    im = ax.imshow(data)
    fig.colorbar(im)
    return fig


def mpl_imshow_png(src, dst):
    fig = figure(np.load(src))
    fig.savefig(dst)
    plt.close(fig)


def mpl_imshow_npy(src, dst):
    fig = figure(np.load(src))
    fig.canvas.draw()
    np.save(dst, np.asarray(fig.canvas.buffer_rgba()))
    plt.close(fig)


def mpl_colormap_npy(src, dst):
    a = np.load(src)
    norm = mcolors.Normalize()
    norm.autoscale_None(np.ma.masked_invalid(a))
    np.save(dst, matplotlib.colormaps["viridis"](norm(a), bytes=True))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2048
    clis = {"after": CLI}
    if BEFORE:
        clis = {"before": pathlib.Path(BEFORE), **clis}
    for c in clis.values():
        if not c.exists():
            sys.exit(f"{c} missing: see the build line in this script's docstring")
    d = pathlib.Path(os.environ.get("FIGBUF_BENCH_DATA", tempfile.gettempdir())) / "figbuf-bench-data"
    d.mkdir(exist_ok=True)
    src = d / f"rand{n}.npy"
    if not src.exists():
        np.save(src, np.random.default_rng(0).random((n, n)))
    jobs = {
        "imshow png": (["imshow", str(src), "--colorbar", "vertical", "-o"], "png", mpl_imshow_png),
        "imshow npy": (["imshow", str(src), "--colorbar", "vertical", "-o"], "npy", mpl_imshow_npy),
        "colormap npy": (["colormap", str(src), "-o"], "npy", mpl_colormap_npy),
    }
    runs = {(j, s): [] for j in jobs for s in [*clis, "matplotlib"]}
    ratios = {(j, s): [] for j in jobs for s in clis}
    start_load = load()
    for r in range(rounds):
        for job, (args, ext, mpl) in jobs.items():
            med = {}
            for _ in range(iterations):  # the CLIs alternate run by run
                for side, cli in clis.items():
                    runs[job, side].append(run_cli([str(cli), *args, str(d / f"cli-{side}.{ext}")]))
            for _ in range(iterations):
                t0 = time.perf_counter()
                mpl(src, d / f"mpl.{ext}")
                runs[job, "matplotlib"].append(((time.perf_counter() - t0) * 1e3, 0, 0))
            for side in [*clis, "matplotlib"]:
                med[side] = statistics.median(w for w, _, _ in runs[job, side][-iterations:])
            for side in clis:
                ratios[job, side].append(med["matplotlib"] / med[side])
        print(f"round {r + 1}/{rounds} done, load {load()}", flush=True)
    print(f"\nCLI whole process vs matplotlib in-process, {n}² f64; {rounds} rounds x "
          f"{iterations} runs; load average {start_load} at the start, {load()} at the end\n")
    print("| job | side | wall ms (median) | CPU ms | minor faults | matplotlib / CLI (median of rounds) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for job in jobs:
        m = statistics.median(w for w, _, _ in runs[job, "matplotlib"])
        for side in clis:
            v = runs[job, side]
            med = lambda i: statistics.median(x[i] for x in v)  # noqa: E731
            print(f"| {job} | {side} | {med(0):.1f} | {med(1):.1f} | {med(2):.0f} | "
                  f"{statistics.median(ratios[job, side]):.1f}x |")
        print(f"| {job} | matplotlib | {m:.1f} | | | |")


if __name__ == "__main__":
    main()
