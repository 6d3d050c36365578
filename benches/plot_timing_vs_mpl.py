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
              [BASE_BIN]
With BASE_BIN (another build's plot-timing, e.g. a copy of main's), each round also runs
it right before this tree's, and the per-round CPU quotients this/base are printed (their
median): an A/B of two builds under the same load.
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
    base_bin = sys.argv[3] if len(sys.argv) > 3 else None
    bases = []
    if not BIN.exists():
        sys.exit(f"{BIN} missing: cargo build --release -p figbuf-benches --bin plot-timing")
    ours, theirs = [], []
    for r in range(rounds):
        if base_bin:
            out = subprocess.run([base_bin, str(iterations)], check=True, capture_output=True,
                                 text=True)
            bases.append(json.loads(out.stdout))
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
    if bases and all(b["cpu_ms"][k] is not None for b in bases for k in b["cpu_ms"]):
        print(f"\nA/B against {base_bin} (process CPU ms per figure, medians over rounds)")
        print(f"{'figure':30} {'base ms':>10} {'this ms':>10} {'this/base':>10} {'base ratio':>11}")
        for k in bases[0]["cpu_ms"]:
            b = statistics.median(x["cpu_ms"][k] for x in bases)
            f = statistics.median(o["cpu_ms"][k] for o in ours)
            q = statistics.median(o["cpu_ms"][k] / x["cpu_ms"][k] for o, x in zip(ours, bases))
            rb = statistics.median(t["cpu_ms"][k] / x["cpu_ms"][k] for x, t in zip(bases, theirs))
            print(f"{k:30} {b:10.2f} {f:10.2f} {q:10.2f} {rb:10.0f}x")


if __name__ == "__main__":
    main()
