#!/usr/bin/env python3
"""Writes the round-2c plot cases (violinplot, figure legend, colorbar of several Axes):
one folder per case (figure.json, case.json,
.npy data and ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_r2c/gen_plots_r2c.py

../plots_extra/mpl_figure.py is the copy of the project's oracle (shared/tools/mpl_figure.py) both generators use.
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, r, write_cases  # noqa: E402

rng = np.random.default_rng(11)
A = rng.normal(size=300)
B = rng.normal(1.0, 1.5, size=200)
C = rng.exponential(1.0, size=250)
W = rng.uniform(0.2, 2.0, size=300)
M = rng.normal(size=(120, 3)) * [1.0, 0.7, 1.4] + [0.0, 1.0, -0.5]
NPY = {"a.npy": A, "b.npy": B, "c.npy": C, "w.npy": W, "m.npy": M}
DS = [{"npy": "a.npy"}, {"npy": "b.npy"}, {"npy": "c.npy"}]

DS = [{"npy": "a.npy"}, {"npy": "b.npy"}, {"npy": "c.npy"}]

case("v01_violin_basic", [[
    c("violinplot", DS),
]], "violinplot: three datasets, defaults (scott KDE, 100 points, extrema)", npy=NPY)

case("v02_violin_means_medians", [[
    c("violinplot", DS, showmeans=True, showmedians=True, showextrema=False),
]], "violinplot: showmeans, showmedians, no extrema", npy=NPY)

case("v03_violin_positions_widths", [[
    c("violinplot", DS, positions=[0.5, 2.0, 4.5], widths=[0.3, 1.0, 1.8], points=40),
]], "violinplot: positions, widths list, points", npy=NPY)

case("v04_violin_horizontal", [[
    c("violinplot", DS, orientation="horizontal", showmedians=True),
]], "violinplot: horizontal (fill_between bodies, vlines/hlines swapped)", npy=NPY)

case("v05_violin_bw", [
    [c("violinplot", DS, bw_method="silverman")],
    [c("violinplot", DS, bw_method=0.15, widths=0.8)],
], "violinplot: bw_method silverman and a number, scalar widths", subplots={"ncols": 2}, npy=NPY)

case("v06_violin_cycle", [[
    c("plot", [0, 1, 2, 3], [0, 1, 0, 1]),
    c("violinplot", [{"npy": "a.npy"}], positions=[1.5]),
    c("violinplot", [{"npy": "c.npy"}], positions=[2.5], showmeans=True),
]], "violinplot: takes the line cycle's next colour (after a plot line, twice)", npy=NPY)

case("v07_violin_2d_npy", [[
    c("violinplot", {"npy": "m.npy"}, showmedians=True, points=200),
]], "violinplot: 2-D .npy (columns are datasets), points > data points (other KDE loop)",
     npy=NPY)

case("v08_violin_quantiles", [[
    c("violinplot", DS, quantiles=[[0.25, 0.75], [0.1], [0.5, 0.9, 0.99]]),
]], "violinplot: quantiles lines per dataset", npy=NPY)

case("v09_violin_colors", [[
    c("violinplot", DS, facecolor=["tab:red", "gold"], linecolor="k", showmeans=True),
]], "violinplot: facecolor list cycled (no body alpha), linecolor", npy=NPY)

case("v10_violin_edges", [
    [c("violinplot", [[2.0, 2.0, 2.0], [1.0, 3.0]])],
    [c("violinplot", [[1.0, 2.0, 3.0, 4.0, 10.0]], vert=False, linecolor=["C3"])],
], "violinplot: constant dataset (no KDE), two points, vert=False, one linecolor",
   subplots={"ncols": 2})


LX = [0, 1, 2, 3, 4]
case("f01_figlegend_default", [
    [c("plot", LX, [1, 3, 2, 4, 3], label="one"), c("plot", LX, [2, 1, 3, 1, 2], "--", label="two")],
    [c("scatter", [1, 2, 3], [3, 1, 2], label="dots"), c("bar", [1, 2], [1, 2], label="bars")],
], "figure legend: handles of both Axes in order, default loc (best -> upper right)",
     subplots={"ncols": 2}, figure_calls=[c("legend")])

case("f02_figlegend_loc_keywords", [
    [c("plot", LX, [1, 3, 2, 4, 3], label="alpha"),
     c("fill_between", LX, [0, 1, 0, 1, 0], alpha=0.4, label="band")],
    [c("errorbar", [1, 2, 3], [2, 1, 2], yerr=0.3, label="err", fmt="o")],
], "figure legend: loc lower center, ncols, title, frameon off, fontsize",
     subplots={"nrows": 2}, figure_calls=[c("legend", loc="lower center", ncols=3, title="all",
                                            frameon=False, fontsize=8)])

case("f03_figlegend_anchor", [
    [c("plot", LX, [1, 3, 2, 4, 3], label="a"), c("plot", LX, [3, 3, 1, 0, 1], label="b")],
], "figure legend: bbox_to_anchor in figure fraction, loc center left, shadow",
     figure_calls=[c("legend", loc="center left", bbox_to_anchor=[0.7, 0.5], shadow=True)])

case("f04_figlegend_with_axes_legend", [
    [c("plot", LX, [1, 3, 2, 4, 3], label="a"), c("legend", loc="lower right")],
    [c("violinplot", [[1.0, 2.0, 2.5, 3.0, 5.0]]), c("plot", [1, 1], [1, 5], label="v")],
], "figure legend and an Axes legend; loc upper left; violin bodies are unlabelled",
     subplots={"ncols": 2}, figure_calls=[c("legend", loc="upper left"), c("suptitle", "both")])

case("f05_figlegend_loc_xy", [
    [c("plot", LX, [1, 3, 2, 4, 3], label="a", marker="o")],
], "figure legend: loc as a figure fraction (x, y), markerscale, borderaxespad",
     figure_calls=[c("legend", loc=[0.1, 0.1], markerscale=1.5, borderaxespad=2)])


IMG = {"npy": "img.npy"}
IMGNPY = {"img.npy": np.arange(9.0).reshape(3, 3)}
case("c01_colorbar_two_axes", [
    [c("imshow", IMG)],
    [c("imshow", IMG, cmap="magma")],
], "figure colorbar: ax=[a, b] (make_axes: the union shrunk, colorbar on the right)",
     subplots={"ncols": 2}, figure_calls=[c("colorbar", {"ref": [0, 0]}, ax=[{"axes": 0}, {"axes": 1}])],
     npy=IMGNPY)

case("c02_colorbar_grid_horizontal", [
    [c("plot", [0, 1], [0, 1])],
    [c("scatter", [1, 2, 3], [3, 1, 2], c=[1, 2, 3])],
    [c("plot", [0, 1], [1, 0])],
    [c("pcolormesh", [[1, 2], [3, 4]])],
], "figure colorbar: a 2x2 grid, ax = all four, horizontal, shrink, label",
     subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("colorbar", {"ref": [1, 0]}, ax=[{"axes": 0}, {"axes": 1}, {"axes": 2}, {"axes": 3}],
                     orientation="horizontal", shrink=0.6, label="value")])

case("c03_colorbar_column", [
    [c("imshow", IMG)],
    [c("plot", [0, 1], [1, 0])],
    [c("pcolormesh", [[1, 2], [3, 4]])],
    [c("plot", [0, 1], [0, 1])],
], "figure colorbar: the right column only (ax=[b, d]), pad, fraction; the left column keeps its place",
     subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("colorbar", {"ref": [2, 0]}, ax=[{"axes": 1}, {"axes": 3}], pad=0.1, fraction=0.1)],
     npy=IMGNPY)


def main():
    write_cases(HERE)


if __name__ == "__main__":
    main()
