#!/usr/bin/env python3
"""Writes the fills plot cases (fill_between/fill_betweenx, errorbar, step, stairs,
stackplot): one folder per case (figure.json, case.json, ref.png = matplotlib 3.11.2's
canvas) next to this script. p11 beside them is a copy of the public case.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_fills/gen_plots_fills.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import json
import math
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, axes, description, figure=None, subplots=None):
    CASES[name] = (axes, description, figure, subplots)


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def r(v, n=6):
    return [None if (isinstance(x, float) and math.isnan(x)) else round(float(x), n) for x in v]


t = np.linspace(0, 4 * math.pi, 50)
x = r(t)
s = r(np.sin(t))
co = r(np.cos(t) * 0.8)
xs = [0, 1, 2, 3, 4, 5, 6, 7]
ys = [1, 3, 2, 4, 3.5, 2, 2.5, 1]

case("f01_where_gaps", [[
    c("fill_between", x, s, co, where=[bool(a > b) for a, b in zip(s, co)], alpha=0.5),
    c("fill_between", x, s, co, where=[bool(a <= b) for a, b in zip(s, co)], color="C3",
      alpha=0.3),
]], "fill_between with where (several regions, the second with color= so edges too)")

case("f02_interpolate", [[
    c("plot", x, s), c("plot", x, co),
    c("fill_between", x, s, co, where=[bool(a > b) for a, b in zip(s, co)],
      interpolate=True, facecolor="green", alpha=0.4),
    c("fill_between", x, s, co, where=[bool(a <= b) for a, b in zip(s, co)],
      interpolate=True, facecolor="red", alpha=0.4),
]], "fill_between interpolate=True at the crossings")

case("f03_step_variants", [[
    c("fill_between", xs, ys, step="pre", alpha=0.4, label="pre"),
    c("fill_between", xs, [v + 4 for v in ys], [v + 3 for v in ys], step="mid", alpha=0.4,
      label="mid"),
    c("fill_between", xs, [v + 8 for v in ys], 7, step="post", alpha=0.4, label="post"),
    c("legend"),
]], "fill_between step pre/mid/post and a legend of PolyCollection handles")

case("f04_nan", [[
    c("fill_between", xs, {"array": [1, 2, None, 3, 2, None, None, 1]}, 0.5,
      label="nan gaps"),
    c("plot", xs, {"array": [1, 2, None, 3, 2, None, None, 1]}, "k-"),
    c("legend", loc="upper right"),
]], "fill_between with NaN (masked) values splitting the regions")

case("f05_fill_betweenx", [[
    c("fill_betweenx", x, s, 0, alpha=0.5),
    c("fill_betweenx", x, co, 1.5, where=[bool(v > 0) for v in co], color="C2",
      edgecolor="k", linewidth=2),
]], "fill_betweenx (horizontal), one with where, edgecolor and linewidth")

case("f06_single_color_edge", [[
    c("fill_between", [0, 1, 2, 3], [1, 3, 2, 2.5], [0, 0.5, 0.2, 0.1], color="C4"),
    c("fill_between", [0, 1, 2, 3], [3, 4, 3.5, 4], 3, facecolor="C5", edgecolor="k",
      linewidth=1.5, alpha=0.6),
]], "single polygons with an edge (draw_markers shortcut), alpha on face and edge")

case("f07_errorbar_scalar_array", [[
    c("errorbar", xs, ys, yerr=0.3, label="scalar"),
    c("errorbar", xs, [v + 2 for v in ys], yerr=[0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3, 0.2],
      fmt="s", capsize=4, label="array"),
    c("legend"),
]], "errorbar: scalar yerr with the default line, per-point yerr with caps and 's'")

case("f08_errorbar_asym_xerr", [[
    c("errorbar", xs, ys, yerr=[[0.1, 0.2, 0.1, 0.3, 0.1, 0.2, 0.1, 0.2],
                                [0.4, 0.3, 0.5, 0.2, 0.6, 0.3, 0.2, 0.1]],
      xerr=0.3, fmt="o", capsize=3, capthick=2, ecolor="C3", elinewidth=1, color="k"),
]], "errorbar: asymmetric yerr, xerr, ecolor, elinewidth, capthick")

case("f09_errorbar_fmt_none", [[
    c("errorbar", xs, ys, yerr=0.5, fmt="none", capsize=0),
    c("errorbar", [v + 0.3 for v in xs], ys, xerr=[0.2] * 8, fmt="none", ecolor="gray",
      capsize=5),
    c("errorbar", xs, [v - 1 for v in ys], yerr=0.2, fmt="--", alpha=0.5, lw=2, zorder=3),
]], "errorbar fmt='none' (no data line), capsize 0, xerr only, fmt '--' with alpha")

case("f10_errorbar_log", [[
    c("errorbar", [1, 2, 5, 10, 20, 50], [2, 5, 12, 30, 70, 200],
      yerr=[1, 2, 4, 10, 20, 50], fmt="o-", capsize=2, label="growth"),
    c("set_xscale", "log"), c("set_yscale", "log"),
    c("legend"),
]], "errorbar on log axes")

case("f11_step", [[
    c("step", xs, ys, label="pre"),
    c("step", xs, [v + 2 for v in ys], where="mid", label="mid"),
    c("step", xs, [v + 4 for v in ys], "o--", where="post", label="post"),
    c("legend"),
]], "step where pre/mid/post with fmt")

case("f12_stairs", [
    [c("stairs", [3, 1, 4, 1, 5], label="open"),
     c("stairs", [2, 4, 3, 5, 2], [0, 1, 2, 4, 5, 8], fill=True, alpha=0.5, label="filled"),
     c("legend")],
    [c("stairs", [3, 1, 4, 1, 5], orientation="horizontal", color="C3"),
     c("stairs", {"array": [1, 2, None, 3, 2]}, baseline=None, color="k", linewidth=2),
     c("stairs", [4, 5, 6, 5, 4], baseline=[3, 3.5, 4, 3.5, 3], fill=True, color="C2")],
], "stairs: unfilled, filled with edges, horizontal, baseline None with a NaN, array baseline",
    subplots={"ncols": 2})

case("f13_stackplot", [[
    c("stackplot", [1, 2, 3, 4, 5], [1, 2, 3, 2, 1], [2, 2, 1, 3, 2], [0.5, 1, 1.5, 1, 0.5],
      labels=["a", "b", "c"]),
    c("legend", loc="upper left"),
]], "stackplot with labels and a legend (sticky y = 0)")

case("f14_stackplot_sym_colors", [[
    c("stackplot", [1, 2, 3, 4, 5], [[1, 2, 3, 2, 1], [2, 2, 1, 3, 2]], baseline="sym",
      colors=["#ff9999", "#9999ff"], alpha=0.8),
]], "stackplot baseline='sym' with colors and a 2-D y")

case("f15_fill_log_best", [[
    c("fill_between", x, r(np.exp(np.sin(t)) * 10), r(np.exp(np.cos(t))), alpha=0.4,
      label="band"),
    c("plot", x, r(np.exp(np.sin(t)) * 10), label="upper"),
    c("set_yscale", "log"),
    c("legend"),
]], "fill_between on a log y axis, legend loc='best' counting the polygon's vertices")

case("f16_errorbar_legend_order", [[
    c("bar", [0, 1, 2], [1, 2, 1.5], label="bars", alpha=0.5),
    c("errorbar", [0, 1, 2], [1.5, 2.5, 2], yerr=0.2, xerr=0.1, capsize=3, label="xy"),
    c("errorbar", [0.5, 1.5], [0.5, 0.8], yerr=[[0.1, 0.2], [0.3, 0.1]], fmt="none",
      label="none"),
    c("plot", [0, 2], [2.8, 2.8], "k:", label="line"),
    c("legend", loc="upper left"),
]], "legend order: children, then bar and errorbar containers in call order; fmt='none' handle")

case("f17_stackplot_wiggle", [[
    c("stackplot", x, r(np.abs(np.sin(t)) + 0.2), r(np.abs(np.cos(t)) + 0.1),
      r(0.5 + 0.3 * np.sin(2 * t)), baseline="wiggle", labels=["s", "c", "w"]),
    c("legend", loc="lower left"),
]], "stackplot baseline='wiggle' over 50 points")

rs = np.random.default_rng(3)
walk = r(np.cumsum(rs.normal(size=150)))
case("f18_stairs_long", [[
    c("stairs", walk, label="walk"),
    c("stairs", walk, baseline=None, color="C3", linewidth=0.8),
    c("legend"),
]], "stairs of 150 values (simplified unfilled path, 302 vertices)")


def main():
    py = sys.executable
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    for name, (axes, desc, figure, subplots) in sorted(CASES.items()):
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        spec = {}
        if figure:
            spec["figure"] = figure
        if subplots:
            spec["subplots"] = subplots
        spec["axes"] = axes
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(spec, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": name, "description": desc, "round": 2,
                       "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([py, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")],
                       check=True)
        print(name)


if __name__ == "__main__":
    main()
