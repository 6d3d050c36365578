#!/usr/bin/env python3
"""Time matplotlib 3.11.2 (Agg) on the figures of benches/benches/plot.rs:

- p02: the plot case p02_lines_cycle_legend (four lines of 120 points, dashes, legend at
  'best', title and labels), from benches/data/p02_lines.npy (benches/gen_p02_data.py);
- a 20,000-point random walk, ``ax.plot(walk)``, from benches/data/random_walk_20000.npy
  (written by figbuf's side: ``cargo run --release -p figbuf-benches --bin plot-timing --
  --write-data``, so both draw the same data).

Each timing builds the figure and draws it to an RGBA array (``fig.canvas.draw();
np.asarray(fig.canvas.buffer_rgba())``) or to PNG bytes (``savefig`` into a BytesIO); the
median wall time of an iteration and the mean process CPU time are printed.

Run:  /tmp/figbuf-venv/bin/python benches/mpl_plot_timing.py [ITERATIONS]
"""
import io
import pathlib
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

DATA = pathlib.Path(__file__).resolve().parent / "data"
P02 = np.load(DATA / "p02_lines.npy")
WALK = np.load(DATA / "random_walk_20000.npy")


def p02():
    t, y0, y1, y2, y3 = P02
    fig, ax = plt.subplots()
    ax.plot(t, y0, label="sin")
    ax.plot(t, y1, "--", label="cos")
    ax.plot(t, y2, "-.", label="sin 2t")
    ax.plot(t, y3, ":", lw=2.5, label="cos 3t")
    ax.set_title("Trigonometry")
    ax.set_xlabel("t (rad)")
    ax.set_ylabel("amplitude")
    ax.legend()
    return fig


def random_walk():
    fig, ax = plt.subplots()
    ax.plot(WALK)
    return fig


def to_array(make):
    fig = make()
    fig.canvas.draw()
    out = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    return out


def to_png(make):
    fig = make()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


JOBS = {
    "p02 to array": lambda: to_array(p02),
    "p02 to PNG": lambda: to_png(p02),
    "random walk 20000 to array": lambda: to_array(random_walk),
    "random walk 20000 to PNG": lambda: to_png(random_walk),
}


MIN_BATCH_S = 1.0  # as figbuf's plot-timing: a timed batch lasts at least this long


def timings_ms(iterations):
    """{"wall_ms": {job: median}, "cpu_ms": {job: mean}}: the median wall time of an
    iteration and the process CPU time per iteration over the batch (at least
    `iterations` runs and MIN_BATCH_S), after one warm-up each."""
    wall, cpu = {}, {}
    for name, job in JOBS.items():
        job()  # warm-up: font cache, imports
        times = []
        c0 = time.process_time()
        start = time.perf_counter()
        while len(times) < iterations or time.perf_counter() - start < MIN_BATCH_S:
            t0 = time.perf_counter()
            job()
            times.append(time.perf_counter() - t0)
        cpu[name] = (time.process_time() - c0) * 1e3 / len(times)
        times.sort()
        wall[name] = times[len(times) // 2] * 1e3
    return {"wall_ms": wall, "cpu_ms": cpu}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    t = timings_ms(n)
    for name in JOBS:
        print(f"{name}: median {t['wall_ms'][name]:.1f} ms wall, "
              f"{t['cpu_ms'][name]:.1f} ms CPU per figure")
