#!/usr/bin/env python3
"""figbuf against matplotlib 3.11.2 on image figures, interleaved, and the table of ratios.

Each round runs, in turn: figbuf's timing binary (a fresh process per CPU path and thread
count; medians of >= ITERATIONS iterations as JSON), then matplotlib in this process on the
same data and the same jobs, then the CLI's whole process against matplotlib's in-process
draw of the same .npy, so both sides see the same machine load. The table gives per job the
median over rounds of each side and of the per-round ratio matplotlib / figbuf.

Jobs (f64 data, viridis, autoscaled Normalize, the default 6.4 x 4.8 in figure at 100 dpi
with a colorbar unless said):
- imshow N, N = 256..4096: to an RGBA array; matplotlib: im.set_data(data);
  fig.canvas.draw(); np.asarray(fig.canvas.buffer_rgba()); figbuf: Renderer::render of the
  built figure, into_ndarray. With AVX-512 (if the CPU has it), AVX2 (FIGBUF_NO_AVX512=1),
  the baseline (FIGBUF_NO_AVX2=1, 512 only), and one thread (RAYON_NUM_THREADS=1).
- canvas 3840x2160 1024: the same figure at 38.4 x 21.6 in with 1024² data; canvas_into:
  figbuf renders into the previous frame's memory (Renderer::render_into), as matplotlib
  redraws into the buffer its canvas keeps (compared with the same matplotlib job).
- read N: one pass summing the N x N input on figbuf's threads (figbuf's timing binary):
  the floor of any figure of that data, printed with each imshow's multiple of it.
- colormap 4096: cmap(norm(data), bytes=True) with an autoscaled Normalize, fresh output
  (figbuf: colormap_rgba8); floor 4096: one pass reading the input and writing a fresh
  output of the same size (on huge pages, as figbuf's output), the memory-bandwidth floor
  of that job, on the same threads (into a reused buffer: the *_into jobs).
- png 512: the default figure (512² data) to PNG bytes; matplotlib: savefig to a BytesIO.
  png_bytes: file sizes (512² random data; a smooth 2048² image).
- cli imshow 2048 / cli colormap 2048: the figbuf CLI's whole process (exec to exit) on a
  2048² f64 .npy to a PNG / to a .npy; matplotlib: np.load, the figure, savefig to a PNG
  file / np.load, cmap(norm(data), bytes=True), np.save, in this process.
  (benches/cli_timing_vs_mpl.py times the CLI alone, with CPU time and page faults, and a
  second build of it in the same rounds.)

Build first:  cargo build --release -p figbuf-benches --bin imshow-timing
              cargo build --release -p figbuf-cli
Run:          /tmp/figbuf-venv/bin/python benches/imshow_timing_vs_mpl.py [ROUNDS] [ITERATIONS]
(FIGBUF_TIMING_BIN and FIGBUF_CLI name other builds of the two binaries, e.g. a tree before a
change; FIGBUF_BENCH_DATA the directory for the generated .npy inputs, 700 MB.)
"""
import io
import json
import math
import os
import pathlib
import platform
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
# Other builds (a before/after comparison) through FIGBUF_TIMING_BIN and FIGBUF_CLI.
BIN = pathlib.Path(os.environ.get("FIGBUF_TIMING_BIN", ROOT / "target" / "release" / "imshow-timing"))
CLI = pathlib.Path(os.environ.get("FIGBUF_CLI", ROOT / "target" / "release" / "figbuf"))
SIZES = (256, 512, 1024, 2048, 4096)
# figbuf jobs timed against another job's matplotlib time.
MPL_JOB = {"canvas_into 3840x2160 1024": "canvas 3840x2160 1024"}


def cpu():
    name, flags = platform.processor(), set()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    feats = [f for f in ("avx2", "fma", "avx512f", "avx512bw", "avx512vl") if f in flags]
    return f"{name}, {os.cpu_count()} CPUs, {' '.join(feats) or 'no AVX2'}", "avx512f" in flags


def load():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def write_data(d):
    rng = np.random.default_rng(0)
    for n in SIZES:
        p = d / f"rand{n}.npy"
        if not p.exists():
            np.save(p, rng.random((n, n)))
    p = d / "smooth2048.npy"
    if not p.exists():
        t = np.linspace(0, 1, 2048)
        np.save(p, np.add.outer(np.sin(6 * t), np.cos(5 * t)))


def median_ms(iterations, job):
    job()
    times, start = [], time.perf_counter()
    while len(times) < iterations or time.perf_counter() - start < 0.5:
        t0 = time.perf_counter()
        job()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def figure(data, size=(6.4, 4.8)):
    fig, ax = plt.subplots(figsize=size)
    im = ax.imshow(data)
    fig.colorbar(im)
    return fig, im


def mpl_round(d, iterations, data):
    out = {}
    for n in SIZES:
        fig, im = figure(data[n])

        def draw(fig=fig, im=im, a=data[n]):
            im.set_data(a)
            fig.canvas.draw()
            np.asarray(fig.canvas.buffer_rgba())
        out[f"imshow {n}"] = median_ms(iterations, draw)
        plt.close(fig)
    fig, im = figure(data[1024], (38.4, 21.6))
    out["canvas 3840x2160 1024"] = median_ms(
        iterations, lambda: (im.set_data(data[1024]), fig.canvas.draw(),
                             np.asarray(fig.canvas.buffer_rgba())))
    plt.close(fig)
    cmap = matplotlib.colormaps["viridis"]

    def colormap(a=data[4096]):
        norm = mcolors.Normalize()
        norm.autoscale_None(np.ma.masked_invalid(a))
        cmap(norm(a), bytes=True)
    out["colormap 4096"] = median_ms(max(3, iterations // 3), colormap)
    fig, im = figure(data[512])
    out["png 512"] = median_ms(iterations, lambda: fig.savefig(io.BytesIO(), format="png"))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    out["png_bytes 512"] = len(buf.getvalue())
    plt.close(fig)
    fig, im = figure(np.load(d / "smooth2048.npy"))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    out["png_bytes smooth"] = len(buf.getvalue())
    plt.close(fig)
    return out


def mpl_cli_imshow(src, dst):
    fig, im = figure(np.load(src))
    fig.savefig(dst)
    plt.close(fig)


def mpl_cli_colormap(src, dst):
    a = np.load(src)
    norm = mcolors.Normalize()
    norm.autoscale_None(np.ma.masked_invalid(a))
    np.save(dst, matplotlib.colormaps["viridis"](norm(a), bytes=True))


def cli_round(d, iterations):
    out = {}
    src = d / "rand2048.npy"
    jobs = (("cli imshow 2048", [str(CLI), "imshow", str(src), "--colorbar", "vertical",
                                  "-o", str(d / "cli.png")], mpl_cli_imshow, d / "mpl.png"),
            ("cli colormap 2048", [str(CLI), "colormap", str(src), "-o", str(d / "cli.npy")],
             mpl_cli_colormap, d / "mpl.npy"))
    for name, cmd, mpl, dst in jobs:
        out[name] = median_ms(iterations, lambda: subprocess.run(cmd, check=True))
        out["mpl " + name] = median_ms(iterations, lambda: mpl(src, dst))
    return out


def figbuf_round(d, iterations, avx512):
    env = dict(os.environ)
    main_jobs = ([f"imshow {n}" for n in SIZES] + ["canvas 3840x2160 1024",
                                                   "canvas_into 3840x2160 1024", "colormap 4096",
                                                   "colormap_into 4096", "png 512"])
    # The floor's fresh output on huge pages, as figbuf's colormap_rgba8 asks for its own
    # (glibc then advises MADV_HUGEPAGE on its large allocations).
    runs = {"": ({}, main_jobs),
            "floor": ({"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"},
                      ["floor 4096", "floor_into 4096"] + [f"read {n}" for n in SIZES]),
            "1 thread": ({"RAYON_NUM_THREADS": "1"},
                                        [f"imshow {n}" for n in SIZES[1:]] + ["colormap 4096"]),
            "baseline": ({"FIGBUF_NO_AVX2": "1"}, ["imshow 512"])}
    if avx512:
        runs["AVX2"] = ({"FIGBUF_NO_AVX512": "1"},
                        [f"imshow {n}" for n in SIZES] + ["canvas 3840x2160 1024",
                                                          "colormap 4096"])
    out = {}
    for tag, (extra, jobs) in runs.items():
        res = subprocess.run([str(BIN), str(d), str(iterations), *jobs], check=True,
                             capture_output=True, text=True, env={**env, **extra})
        for k, v in json.loads(res.stdout).items():
            out[f"{k} ({tag})" if tag and tag != "floor" else k] = v
    return out


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for b in (BIN, CLI):
        if not b.exists():
            sys.exit(f"{b} missing: see the build lines in this script's docstring")
    name, avx512 = cpu()
    d = pathlib.Path(os.environ.get("FIGBUF_BENCH_DATA", tempfile.gettempdir())) / "figbuf-bench-data"
    d.mkdir(exist_ok=True)
    write_data(d)
    data = {n: np.load(d / f"rand{n}.npy") for n in SIZES}
    ours, theirs, loads = [], [], []
    for r in range(rounds):
        loads.append(load())
        ours.append(figbuf_round(d, iterations, avx512))
        theirs.append(mpl_round(d, iterations, data))
        cli = cli_round(d, max(3, iterations // 2))
        for k, v in cli.items():
            (theirs if k.startswith("mpl ") else ours)[-1][k.removeprefix("mpl ")] = v
        print(f"round {r + 1} ({loads[-1]}): " + "; ".join(
            f"{k} {ours[-1][k]:.2f}" for k in ours[-1]), flush=True)
    loads.append(load())
    med = lambda xs: statistics.median(xs)  # noqa: E731
    f = {k: med([o[k] for o in ours]) for k in ours[0]}
    m = {k: med([t[k] for t in theirs]) for k in theirs[0]}

    def ratio(k, base):
        return med([t[base] / o[k] for o, t in zip(ours, theirs)])
    print(f"\nCPU: {name}\n{rounds} interleaved rounds, >= {iterations} iterations (and >= 0.5 s) "
          f"per job; medians over rounds; {loads[0]} at the start, {loads[-1]} at the end\n")
    print(f"| job | figbuf ms | matplotlib ms | matplotlib / figbuf |\n| --- | --- | --- | --- |")
    for k in f:
        if k.startswith("png_bytes") or k.startswith("floor") or k.startswith("read"):
            continue
        base = k.split(" (")[0]
        base = MPL_JOB.get(base, base)
        if base in m:
            print(f"| {k} | {f[k]:.2f} | {m[base]:.1f} | {ratio(k, base):.1f}x |")
    print("\n| PNG file | figbuf bytes | matplotlib bytes | figbuf / matplotlib |\n| --- | --- | --- | --- |")
    for k in ("png_bytes 512", "png_bytes smooth"):
        print(f"| {k.split()[1]} | {f[k]:.0f} | {m[k]:.0f} | {f[k] / m[k]:.3f} |")
    print("\nmemory floor (read 4096² f64, write 4096² words): "
          f"fresh output {f['floor 4096']:.2f} ms, colormap {f['colormap 4096']:.2f} ms "
          f"({f['colormap 4096'] / f['floor 4096']:.2f}x the floor); into a reused buffer "
          f"{f['floor_into 4096']:.2f} ms, colormap {f['colormap_into 4096']:.2f} ms "
          f"({f['colormap_into 4096'] / f['floor_into 4096']:.2f}x)")
    print("\nread floor (one pass summing the N x N f64 input, same threads) and figbuf's imshow "
          "over it:")
    for n in SIZES:
        if f"read {n}" not in f:  # an older timing binary
            continue
        paths = [t for t in ("", " (AVX2)") if f"imshow {n}{t}" in f]
        over = ", ".join(f"{t.strip(' ()') or 'default'} {f[f'imshow {n}{t}'] / f[f'read {n}']:.1f}x"
                         for t in paths)
        print(f"  {n}²: {f[f'read {n}']:.2f} ms; imshow {over}")
    print("\ntwo threads / one thread (per round, median):")
    for k in [f"imshow {n}" for n in SIZES[1:]] + ["colormap 4096"]:
        s = med([o[f"{k} (1 thread)"] / o[k] for o in ours])
        print(f"  {k}: {s:.2f}x")
    for tag in ("", " (AVX2)"):
        if f"imshow 1024{tag}" not in f:
            continue
        xs = [math.log(n * n) for n in SIZES[2:]]
        for side, vals in (("figbuf", [f[f"imshow {n}{tag}"] for n in SIZES[2:]]),
                           ("matplotlib", [m[f"imshow {n}"] for n in SIZES[2:]])):
            ys = [math.log(v) for v in vals]
            mx, my = statistics.mean(xs), statistics.mean(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
            print(f"growth exponent of time in the input's pixels, 1024²..4096², {side}{tag}: {slope:.2f}")


if __name__ == "__main__":
    main()
