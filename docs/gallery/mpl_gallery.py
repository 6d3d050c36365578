#!/usr/bin/env python3
"""Draws the gallery of examples/gallery.rs with matplotlib 3.11.2 (Agg) from the same
data (same formulas evaluated with the same libm through `math`, the same xorshift
generator, p02's data from benches/data/p02_lines.npy) and compares every image with
figbuf's committed docs/gallery/NAME.png: prints the differing pixels per figure.

Run:  /tmp/figbuf-venv/bin/python docs/gallery/mpl_gallery.py [OUT_DIR]
(after `cargo run --release --example gallery`; OUT_DIR, default /tmp/figbuf-gallery-mpl,
receives matplotlib's PNGs)
"""
import math
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MASK = (1 << 64) - 1


class Uniform:
    """xorshift64 as in gallery.rs."""

    def __init__(self, s):
        self.s = s

    def next(self):
        s = self.s
        s ^= (s << 13) & MASK
        s ^= s >> 7
        s ^= (s << 17) & MASK
        self.s = s
        return (s >> 11) / float(1 << 53)


def linspace(a, b, n):
    return [a + (b - a) * i / (n - 1) for i in range(n)]


def lines_legend():
    t, y0, y1, y2, y3 = np.load(ROOT / "benches" / "data" / "p02_lines.npy")
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


def markers():
    x = [float(i) for i in range(8)]

    def curve(k):
        return [k + 0.3 * v for v in x]

    fig, ax = plt.subplots()
    ax.plot(x, curve(0.0), "o-", label="o")
    ax.plot(x, curve(1.0), marker="s", ms=9, mfc="white", mec="C1", mew=2, ls="none", label="s")
    ax.plot(x, curve(2.0), "^--", color="tab:green", markersize=4, label="^")
    ax.plot(x, curve(3.0), "x", color="k", label="x")
    t = linspace(0.0, 7.0, 50)
    ax.plot(t, [5.0 + 0.8 * math.sin(1.3 * v) for v in t], "D-", markevery=7, color="purple",
            label="D")
    ax.set_title("Markers")
    ax.legend(loc="upper left", ncols=2)
    return fig


def scatter_colorbar():
    u = Uniform(0x2545F4914F6CDD1D)
    n = 150
    x = [u.next() * 4.0 - 2.0 for _ in range(n)]
    y = [u.next() * 4.0 - 2.0 for _ in range(n)]
    c = [a * b for a, b in zip(x, y)]
    s = [10.0 + 190.0 * u.next() for _ in range(n)]
    fig, ax = plt.subplots()
    sc = ax.scatter(x, y, c=c, s=s, cmap="plasma", alpha=0.7)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Scatter")
    fig.colorbar(sc, ax=ax, label="x*y")
    return fig


def log_grid():
    x = linspace(0.0, 5.0, 60)
    fig, ax = plt.subplots()
    ax.plot(x, [math.pow(10.0, v) for v in x], label="10^x")
    ax.plot(x, [math.exp(v) for v in x], label="e^x")
    ax.set_yscale("log")
    ax.grid(True)
    ax.set_title("Log axis")
    ax.set_xlabel("x")
    ax.legend(loc="lower right")
    return fig


def annotated():
    x = linspace(0.0, 10.0, 200)
    y = [math.exp(-v / 3.0) * math.sin(1.1 * v) for v in x]
    fig, ax = plt.subplots()
    ax.plot(x, y)
    ax.axhline(0, color="gray", lw=0.8)
    ax.axvline(3.5, color="red", ls="--")
    ax.axvspan(6, 8, color="yellow", alpha=0.3)
    ax.text(6.2, 0.6, "damped", fontsize=14, color="navy")
    ax.annotate("first peak", xy=(1.15, 0.66), xytext=(3.8, 0.85), arrowprops=dict(arrowstyle="->"))
    ax.set_xlim(0, 9)
    ax.set_ylim(-0.6, 1.0)
    ax.set_title("Annotations")
    return fig


def imshow_overlay():
    field = np.array([[math.tanh(math.sin(c / 10.0) * math.cos(r / 10.0)
                                 + 0.3 * math.sin(0.5 * (c / 10.0) * (r / 10.0)))
                       for c in range(80)] for r in range(60)])
    fig, ax = plt.subplots()
    im = ax.imshow(field, cmap="gray")
    ax.plot([5, 30, 70], [10, 40, 20], "r-o")
    ax.scatter([20, 60], [50, 8], s=200, c="cyan", marker="*")
    ax.set_title("imshow with an overlay")
    fig.colorbar(im, ax=ax)
    return fig


def math_fill():
    x = linspace(0.0, 4.0, 60)
    y = [math.sin(1.5 * v) * math.exp(-v / 4.0) for v in x]
    fig, ax = plt.subplots()
    ax.fill_between(x, [v - 0.2 for v in y], [v + 0.2 for v in y], alpha=0.3,
                    label=r"$\pm 1\sigma$")
    ax.plot(x, y, label=r"$\sin(\omega t)\,e^{-t/\tau}$")
    ax.errorbar(x[::6], y[::6], yerr=0.2, fmt="o", capsize=3, color="k", label="measured")
    ax.set_title(r"$\alpha = 1.5$, $\tau = 4\,\mu$s")
    ax.set_xlabel(r"time $t$ [$\mu$s]")
    ax.set_ylabel(r"$\sqrt{I}$ (a.u.)")
    ax.legend()
    return fig


def mesh_contour():
    xs = linspace(-2.0, 2.0, 41)
    ys = linspace(-1.5, 1.5, 31)
    z = np.array([[math.exp(-(x * x) - y * y)
                   - 0.5 * math.exp(-((x - 1.0) * (x - 1.0)) - (y - 0.5) * (y - 0.5))
                   for x in xs] for y in ys])
    fig, ax = plt.subplots()
    m = ax.pcolormesh(xs, ys, z, cmap="RdBu_r", shading="auto")
    ax.contour(xs, ys, z, levels=8, colors="k", linewidths=0.8)
    ax.set_title("pcolormesh and contour")
    fig.colorbar(m, ax=ax)
    return fig


def hatch_gouraud():
    fig, (a, b) = plt.subplots(1, 2)
    a.bar([0.0, 1.0, 2.0, 3.0], [3.0, 5.0, 2.0, 4.0], color="w", edgecolor="k",
          hatch=["//", "xx", "o", "\\\\"])
    a.set_title("hatched bars")
    z = np.array([[math.sin(i * 0.9) + math.cos(j * 0.7) for j in range(6)] for i in range(5)])
    b.pcolormesh(z, shading="gouraud", cmap="viridis")
    b.set_title("shading='gouraud'")
    return fig


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/figbuf-gallery-mpl")
    out.mkdir(parents=True, exist_ok=True)
    for make in (lines_legend, markers, scatter_colorbar, log_grid, annotated, imshow_overlay,
                 math_fill, mesh_contour, hatch_gouraud):
        name = make.__name__
        fig = make()
        fig.canvas.draw()
        ref = np.asarray(fig.canvas.buffer_rgba()).copy()
        plt.close(fig)
        Image.fromarray(ref).save(out / f"{name}.png")
        ours = np.asarray(Image.open(HERE / f"{name}.png").convert("RGBA"))
        if ours.shape != ref.shape:
            print(f"{name}: size {ours.shape} vs matplotlib {ref.shape}")
            continue
        diff = (ours != ref).any(axis=2)
        print(f"{name}: {int(diff.sum())} pixels differ from matplotlib "
              f"(max channel difference {int(np.abs(ours.astype(int) - ref).max())})")


if __name__ == "__main__":
    main()
