#!/usr/bin/env python3
"""Writes the extra plot cases (one folder per case: figure.json, case.json, .npy data and
ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_extra/gen_plots.py

mpl_figure.py beside it is a copy of the project's oracle (shared/tools/mpl_figure.py).
"""

import json
import math
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, axes, description, figure=None, figure_calls=None, npy=None):
    CASES[name] = (axes, description, figure, figure_calls, npy or {})


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def r(v, n=6):
    return [round(float(x), n) for x in v]


t = np.linspace(0, 2 * math.pi, 50)
x = r(t)
s = r(np.sin(t))
co = r(np.cos(t))

# fmt strings, one line each.
case("e01_fmt_strings", [[
    c("plot", x, s, "r--o", markevery=5),
    c("plot", x, co, "C2:"),
    c("plot", r(t[::4]), r(np.sin(t[::4]) * 0.5), "k^"),
    c("plot", x, r(np.sin(2 * t) * 0.8), "g-.s", ms=3),
    c("plot", r(np.sin(t) * 0.3 + 3), "b"),
]], "fmt strings: colour, linestyle and marker letters, C-colours, y alone")

# every marker of round 1, one column each.
marks = "o . , s ^ v < > D d p h H * + x X | _ 8 P".split()
case("e02_every_marker", [[
    c("plot", [i] * 4, [0, 1, 2, 3], marker=m, ls="none", ms=8)
    for i, m in enumerate(marks)
]], "each marker of round 1 at 8 pt, default colours")

# linestyles x widths
styles = ["-", "--", "-.", ":"]
widths = [0.5, 1.5, 3.0]
case("e03_linestyles_widths", [[
    c("plot", [0, 10], [i * 3 + j, i * 3 + j + 0.5], ls=st, lw=w, color="C%d" % i)
    for i, st in enumerate(styles) for j, w in enumerate(widths)
]], "four linestyles at three widths (dashes scale with the width)")

# log axes
xs = r(np.logspace(-2, 3, 40))
case("e04_loglog", [[c("loglog", xs, r(np.asarray(xs) ** 1.5)), c("grid", True, which="both", alpha=0.4)]],
     "loglog with a grid on major and minor ticks")
case("e05_semilogx", [[c("semilogx", xs, r(np.log10(xs)), "o-", ms=3)]], "semilogx with markers")
case("e06_symlog", [[c("plot", r(np.linspace(-50, 50, 101)), r(np.linspace(-50, 50, 101) ** 3 / 100)),
                     c("set_yscale", "symlog", linthresh=10)]], "symlog y axis with linthresh 10")

# limits with None, inverted axes
case("e07_limits_none", [[c("plot", x, s), c("set_xlim", None, 4.5), c("set_ylim", -0.5, None)]],
     "set_xlim/set_ylim with one side None (the other from autoscaling)")
case("e08_inverted", [[c("plot", x, co, "m-"), c("invert_xaxis"), c("invert_yaxis")]],
     "both axes inverted")

# empty, all-NaN, inf
case("e09_empty", [[c("plot", [], [])]], "plot of no points: limits -0.055..0.055")
np_nan = {"allnan.npy": np.full(10, np.nan)}
case("e10_all_nan", [[c("plot", {"npy": "allnan.npy"})]], "all-NaN y", npy=np_nan)
np_inf = {"withinf.npy": np.array([0.0, 1.0, np.inf, 2.0, 1.5, -np.inf, 0.5, 1.0])}
case("e11_inf", [[c("plot", {"npy": "withinf.npy"}, "o-")]], "inf values break the line and are left out of the limits", npy=np_inf)

# drawstyles
yy = [1, 3, 2, 4, 3, 5]
case("e12_steps", [[c("plot", yy, drawstyle="steps-pre", label="pre"),
                    c("plot", r(np.asarray(yy) + 3), drawstyle="steps-mid", label="mid"),
                    c("plot", r(np.asarray(yy) + 6), drawstyle="steps-post", label="post"),
                    c("legend", loc="upper left")]], "steps-pre, steps-mid, steps-post with a legend")

# scatter variants
rng = np.random.default_rng(3)
px, py = r(rng.uniform(0, 1, 40)), r(rng.uniform(0, 1, 40))
case("e13_scatter_uniform", [[c("scatter", px, py), c("scatter", r(np.asarray(px) + 1), py, marker="s", s=20, c="C3", edgecolors="k", linewidths=0.5)]],
     "uniform scatters (draw_markers): patch-cycle colour, square markers with black edges")
case("e14_scatter_values", [[c("scatter", px, py, c=r(np.asarray(px) * 10), vmin=2, vmax=8, cmap="viridis", s=r(rng.uniform(10, 80, 40)))]],
     "values colour-mapped with vmin/vmax and sizes per point (draw_path_collection)")

# spans and lines, grid options
case("e15_spans_grid", [[
    c("plot", x, s),
    c("axhspan", -0.25, 0.25, color="C1", alpha=0.3),
    c("axvline", 2.0, ymin=0.1, ymax=0.9, color="k", lw=2),
    c("axhline", 0.8, xmin=0.2, xmax=0.6, ls="--", color="C2"),
    c("grid", True, color="0.8", linestyle=":", linewidth=1.2),
]], "axhspan, partial axvline/axhline, dotted grey grid")

# legends
for i, loc in enumerate(["upper right", "center", "lower center", "center left"]):
    case("e16_legend_%d" % i, [[c("plot", x, s, label="sin"), c("plot", x, co, "--", label="cos"),
                                c("legend", loc=loc)]], "legend at %r" % loc)
case("e17_legend_options", [[c("plot", x, s, label="a"), c("plot", x, co, label="b"),
                             c("plot", x, r(np.asarray(s) * 0.5), label="c"),
                             c("legend", ncols=3, title="three", fontsize=8, framealpha=1.0)]],
     "legend with ncols 3, a title, fontsize 8, opaque frame (loc best)")
case("e18_legend_noframe_best", [[c("plot", [0, 1], [0, 1], label="rise"), c("plot", [0, 1], [1, 0.6], label="fall"),
                                  c("scatter", [0.1, 0.5], [0.05, 0.1], label="pts"),
                                  c("legend", frameon=False)]], "legend at best without a frame, scatter handle")

# margins, facecolor, aspect, axis off, text
case("e19_margins_face", [[c("plot", x, s), c("margins", 0), c("set_facecolor", "#eef")]],
     "margins 0 and an Axes facecolor")
case("e20_aspect_text", [[c("plot", [0, 1, 1, 0, 0], [0, 0, 1, 1, 0]), c("set_aspect", "equal"),
                          c("text", 0.5, 0.5, "centre", ha="center", va="center", fontsize=12, color="C3")]],
     "equal aspect and centred text")
case("e21_ticks", [[c("plot", x, s), c("set_xticks", [0, 1.5, 3, 4.5, 6], ["a", "b", "c", "d", "e"]),
                    c("set_yticks", [-1, 0, 1])]], "fixed ticks with and without labels")
case("e22_annotate_styles", [[c("plot", [0, 4], [0, 4]),
                              c("annotate", "a", xy=[1, 1], xytext=[0.2, 3], arrowprops={"arrowstyle": "-|>"}),
                              c("annotate", "b", xy=[2, 2], xytext=[3.5, 0.5], arrowprops={"arrowstyle": "<->"}),
                              c("annotate", "c", xy=[3, 3], xytext=[1.5, 3.5], arrowprops={"arrowstyle": "-"})]],
     "annotate with arrow styles -|>, <-> and -")
case("e23_alpha_zorder", [[c("plot", x, s, lw=6, alpha=0.5, zorder=3), c("plot", x, co, lw=6, color="C3", zorder=1),
                           c("plot", x, r(np.asarray(s) * 0.5), marker="o", mfc="none", mec="C2", mew=1.5)]],
     "alpha, zorder below the grid level, hollow markers")
case("e24_tick_params_in", [[c("plot", x, s), c("tick_params", labelsize=8, direction="in", length=6)]],
     "tick_params: smaller labels, ticks pointing in, longer")
case("e25_tick_params_inout_x", [[c("plot", x, co), c("tick_params", axis="x", direction="inout", length=8),
                                  c("set_xlabel", "x"), c("set_ylabel", "y")]],
     "tick_params on x only: ticks across the spine, with axis labels")
case("e26_text_bbox", [[c("plot", x, s),
                       c("text", 1.0, 0.5, "round box", bbox={"boxstyle": "round", "facecolor": "wheat", "alpha": 0.5}),
                       c("text", 3.5, -0.5, "square", fontsize=14, bbox={"boxstyle": "square", "facecolor": "white", "edgecolor": "C3", "pad": 0.5}),
                       c("text", 5.0, 0.6, "default box", bbox={"facecolor": "none"})]],
     "text boxes: round with alpha, square with a pad, default (square, 4 pt pad)")
case("e27_legend_best_avoids_text", [[c("plot", [0, 1], [0, 1], label="line"),
                                     c("text", 0.05, 0.85, "a note in the upper left", fontsize=12),
                                     c("legend")]],
     "loc='best' counts text extents as matplotlib's _auto_legend_data does")


def main():
    py = sys.executable
    tool = os.path.join(HERE, "mpl_figure.py")
    for name, (axes, desc, figure, fcalls, npy) in sorted(CASES.items()):
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        for f, arr in npy.items():
            np.save(os.path.join(d, f), arr)
        spec = {"axes": axes}
        if figure:
            spec["figure"] = figure
        if fcalls:
            spec["figure_calls"] = fcalls
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(spec, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": name, "description": desc, "round": 1,
                       "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([py, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")], check=True)
        print(name)


if __name__ == "__main__":
    main()
