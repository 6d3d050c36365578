#!/usr/bin/env python3
"""Writes the round-2 plot cases (grids of subplots, bar/barh, hist): one folder per case
(figure.json, case.json, .npy data and ref.png = matplotlib 3.11.2's canvas) next to this
script. p09/p10 beside them are copies of the public cases.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_round2/gen_plots_r2.py

../plots_extra/mpl_figure.py is the copy of the project's oracle (shared/tools/mpl_figure.py) both generators use.
"""

import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, r, write_cases  # noqa: E402

t = np.linspace(0, 2 * math.pi, 60)
x = r(t)
rng = np.random.default_rng(7)
normal = rng.normal(size=800)
expo = rng.exponential(2.0, size=500)
NPY = {"normal.npy": normal, "expo.npy": expo}
GRID = np.arange(12.0).reshape(3, 4) ** 1.5

case("r01_sharex_all", [
    [c("plot", x, r(np.sin(t))), c("set_ylabel", "sin")],
    [c("plot", r(t * 2), r(np.cos(t) * 3), "C1"), c("set_ylabel", "3 cos")],
    [c("plot", x, r(np.sin(2 * t) * 0.1), "C2"), c("set_ylabel", "small")],
    [c("plot", x, r(t ** 2), "C3")],
], "2x2 sharex=True: x limits from the union, only the bottom row labelled; supxlabel",
    subplots={"nrows": 2, "ncols": 2, "sharex": True},
    figure_calls=[c("supxlabel", "time")])

case("r02_ratios_wspace_sharey", [
    [c("plot", x, r(np.sin(t))), c("set_title", "narrow")],
    [c("plot", x, r(np.cos(t) * 2), "C1"), c("set_title", "wide")],
    [c("plot", r(t[:20]), r(np.sin(t[:20]) - 1), "C2")],
], "1x3 width_ratios [1, 2, 1], sharey=True, wspace 0.4, suptitle",
    subplots={"ncols": 3, "width_ratios": [1, 2, 1], "sharey": True},
    figure_calls=[c("subplots_adjust", wspace=0.4), c("suptitle", "ratios")])

case("r03_height_ratios_col", [
    [c("plot", x, r(np.sin(t))), c("set_title", "a")],
    [c("plot", r(t + 5), r(np.cos(t)), "C1"), c("set_title", "b")],
    [c("plot", x, r(np.sin(3 * t)), "C2")],
    [c("plot", r(t + 5), r(np.cos(3 * t)), "C3")],
    [c("plot", x, r(np.sin(t) * 5), "C4"), c("set_xlabel", "x")],
    [c("plot", r(t + 5), r(np.cos(t) * 5), "C5"), c("set_xlabel", "x")],
], "3x2 height_ratios [2, 1, 1], sharex='col', hspace 0.5",
    figure={"figsize": [6, 6]},
    subplots={"nrows": 3, "ncols": 2, "height_ratios": [2, 1, 1], "sharex": "col"},
    figure_calls=[c("subplots_adjust", hspace=0.5)])

case("r04_bar_keywords", [[
    c("bar", [1, 2, 3, 4], [3, -2, 5, 1], width=[0.5, 0.8, 0.3, 0.6], bottom=1, edgecolor="k",
      linewidth=2, alpha=0.7, label="first"),
    c("bar", [6, 7, 8], [2, 4, 3], align="edge", color="tab:green", label="edge"),
    c("bar", [10, 11], [1.5, 2.5], label="cycled"),
    c("legend"),
]], "bar: width list, bottom, edgecolor/linewidth/alpha, align edge, patch colour cycle, legend")

case("r05_barh_categories", [[
    c("barh", ["apples", "pears", "plums", "figs"], [12, 7, 9, 4], height=0.6,
      color=["C0", "C1"], edgecolor="navy"),
    c("barh", ["pears", "kiwis"], [3, 5], left=[7, 0], color="0.6"),
    c("set_xlabel", "count"),
]], "barh: string categories (a later call adds one), height, left, colours cycled")

case("r06_bar_tick_label", [[
    c("bar", [0, 1, 2, 3, 4], [-1.5, 2, 0.5, -0.3, 1], tick_label=["a", "b", "c", "d", "e"],
      color="C3"),
    c("axhline", 0, color="k", lw=0.8),
]], "bar: negative heights, tick_label")

case("r07_hist_edges_density", [[
    c("hist", {"npy": "normal.npy"}, bins=[-4, -2, -1, -0.5, 0, 0.5, 1, 2, 4], density=True,
      color="C2", edgecolor="white", label="normal"),
    c("legend"),
]], "hist: explicit uneven edges, density, edgecolor, legend", npy=NPY)

case("r08_hist_cumulative_range", [[
    c("hist", {"npy": "expo.npy"}, bins=25, range=[0, 10], cumulative=True, alpha=0.5),
    c("hist", {"npy": "expo.npy"}, bins=25, range=[0, 10], cumulative=-1, alpha=0.5),
]], "hist: range, cumulative and reversed cumulative, line colour cycle", npy=NPY)

case("r09_hist_step", [[
    c("hist", {"npy": "normal.npy"}, bins=20, histtype="stepfilled", alpha=0.4, label="filled"),
    c("hist", {"npy": "normal.npy"}, bins=20, histtype="step", linewidth=2, label="step"),
    c("hist", {"npy": "expo.npy"}, bins=15, histtype="step", color="k", label="expo"),
    c("legend"),
]], "hist: stepfilled and step outlines, legend", npy=NPY)

case("r10_hist_horizontal", [[
    c("hist", {"npy": "normal.npy"}, bins=12, orientation="horizontal", edgecolor="k"),
    c("set_ylabel", "value"),
]], "hist: orientation horizontal (barh, sticky left edge)", npy=NPY)

case("r11_grid_bar_hist_colorbar", [
    [c("bar", ["x", "y", "z"], [1, 3, 2])],
    [c("hist", {"npy": "expo.npy"}, bins=10)],
    [c("imshow", {"npy": "grid.npy"})],
    [c("scatter", [1, 2, 3, 4], [4, 1, 3, 2], c=[0.1, 0.5, 0.7, 1.0])],
], "2x2 grid mixing bar, hist, imshow and scatter with a colorbar per Axes",
    figure={"figsize": [8, 6]}, subplots={"nrows": 2, "ncols": 2},
    figure_calls=[c("colorbar", {"ref": [2, 0]}, ax={"axes": 2}),
                  c("colorbar", {"ref": [3, 0]}, ax={"axes": 3})], npy={**NPY, "grid.npy": GRID})

case("r12_legend_bar_container", [[
    c("bar", [1, 2, 3], [2, 3, 1], label="bars"),
    c("plot", [0.5, 3.5], [2.5, 2.5], "k--", label="line"),
    c("hist", {"npy": "expo.npy"}, bins=5, range=[0, 4], density=True, alpha=0.5, label="hist"),
    c("legend", loc="upper left"),
]], "legend: bar containers listed after the children (line, hist patch)", npy=NPY)

case("r13_shared_set_xlim", [
    [c("plot", x, r(np.sin(t))), c("set_title", "left")],
    [c("plot", x, r(np.cos(t) * 2), "C1"), c("set_xlim", 1, 4)],
], "1x2 sharex=True, sharey=True: set_xlim on the second Axes moves both; supylabel",
    subplots={"ncols": 2, "sharex": True, "sharey": True},
    figure_calls=[c("supylabel", "amplitude (shared)")])


def main():
    write_cases(HERE)


if __name__ == "__main__":
    main()
