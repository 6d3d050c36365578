#!/usr/bin/env python3
"""figbuf against matplotlib 3.11.2 on the plot benchmark figures, interleaved: each round
runs figbuf's timing binary (a fresh process: figures built and drawn ITERATIONS times after
a warm-up, medians printed as JSON) and then matplotlib in this process (same figures, same
data, same count), so both see the same machine load. Prints every round's medians, then
per job the median over rounds of each side and of the per-round ratio matplotlib/figbuf,
for the wall time of a figure (median) and the process CPU time per figure (mean over a
batch: less sensitive to a loaded machine's scheduling than the wall time).

Build first:  cargo build --release -p figbuf-benches --bin plot-timing
Run:          /tmp/figbuf-venv/bin/python benches/plot_timing_vs_mpl.py [ROUNDS] [ITERATIONS]
"""
import json
import pathlib
import platform
import statistics
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import mpl_plot_timing  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "plot-timing"


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    if not BIN.exists():
        sys.exit(f"{BIN} missing: cargo build --release -p figbuf-benches --bin plot-timing")
    ours, theirs = [], []
    for r in range(rounds):
        out = subprocess.run([str(BIN), str(iterations)], check=True, capture_output=True, text=True)
        ours.append(json.loads(out.stdout))
        theirs.append(mpl_plot_timing.timings_ms(iterations))
        print(f"round {r + 1} (wall ms, figbuf / matplotlib): " + "; ".join(
            f"{k} {ours[-1]['wall_ms'][k]:.2f} / {theirs[-1]['wall_ms'][k]:.1f}"
            for k in ours[-1]["wall_ms"]), flush=True)
    print(f"\nCPU: {cpu()}; {rounds} interleaved rounds of >= {iterations} iterations "
          f"(and >= 1 s) per job; medians over rounds")
    for kind, what in (("wall_ms", "wall time, median per figure"),
                       ("cpu_ms", "process CPU time, mean per figure")):
        if any(o[kind][k] is None for o in ours for k in o[kind]):
            continue
        print(f"\n{what}\n{'figure':30} {'figbuf ms':>10} {'matplotlib ms':>14} {'ratio':>7}")
        for k in ours[0][kind]:
            f = statistics.median(o[kind][k] for o in ours)
            m = statistics.median(t[kind][k] for t in theirs)
            ratio = statistics.median(t[kind][k] / o[kind][k] for o, t in zip(ours, theirs))
            print(f"{k:30} {f:10.2f} {m:14.1f} {ratio:6.0f}x")


if __name__ == "__main__":
    main()
