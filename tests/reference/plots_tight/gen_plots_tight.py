#!/usr/bin/env python3
"""Writes the tight_layout plot cases: one folder per case (figure.json, case.json, .npy data
and ref.png = matplotlib 3.11.2's canvas) next to this script. Every case ends its figure
calls with `fig.tight_layout(...)` (some call more after it).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_tight/gen_plots_tight.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, r, write_cases  # noqa: E402

t = np.linspace(0, 2 * math.pi, 40)
x = r(t)
s1 = r(np.sin(t))
c1 = r(np.cos(t))
big = r(np.sin(t) * 123456 + 200000)
IMG = np.arange(48.0).reshape(6, 8) ** 1.3
NPY = {"img.npy": IMG}
TL = c("tight_layout")


def grid(n, extra=lambda i: []):
    return [[c("plot", x, r(np.sin(t * (i + 1))), f"C{i}"), *extra(i)] for i in range(n)]


def labelled(i):
    return [c("set_title", f"panel {i}"), c("set_xlabel", "time [s]"), c("set_ylabel", "amplitude")]


case("t01_single", [[c("plot", x, s1), c("set_title", "a title"), c("set_xlabel", "x label"),
                     c("set_ylabel", "y label")]],
     "one Axes with title and axis labels, tight_layout()", figure_calls=[TL])

case("t02_grid_2x2", grid(4, labelled), "2x2 grid, titles and labels on every Axes",
     subplots={"nrows": 2, "ncols": 2}, figure_calls=[TL])

case("t03_grid_1x3_long_ticks", [
    [c("plot", x, big), c("set_title", "big numbers")],
    [c("plot", x, s1, "C1"), c("set_yticks", [-1, 0, 1], ["minus one", "zero", "plus one"])],
    [c("plot", x, c1, "C2"), c("set_xlabel", "a rather long x label")],
], "1x3 grid: long tick labels push the columns apart",
    figure={"figsize": [9, 3.5]}, subplots={"ncols": 3}, figure_calls=[TL])

case("t04_grid_3x1", grid(3, lambda i: [c("set_title", f"row {i}"), c("set_xlabel", "x")]),
     "3x1 grid with titles and x labels", figure={"figsize": [5, 7]},
     subplots={"nrows": 3}, figure_calls=[TL])

case("t05_rotated_ticks", [
    [c("plot", r(t * 1000), s1), c("tick_params", axis="x", labelrotation=45),
     c("set_title", "rotated")],
    [c("plot", r(t * 1000), c1, "C1"), c("tick_params", axis="x", labelrotation=90),
     c("tick_params", axis="y", labelrotation=30)],
], "1x2 with rotated tick labels (45 and 90 degrees on x, 30 on y)",
    subplots={"ncols": 2}, figure_calls=[TL])

case("t06_log_axes", [
    [c("loglog", r(np.logspace(0, 5, 30)), r(np.logspace(-3, 2, 30))), c("set_title", "loglog")],
    [c("semilogy", x, r(np.exp(t)), "C1"), c("set_ylabel", "exp")],
], "1x2 log axes", subplots={"ncols": 2}, figure_calls=[TL])

case("t07_sharex_sharey", grid(4, lambda i: [c("set_title", f"s{i}")]),
     "2x2 sharex and sharey: inner tick labels hidden, tick marks still counted",
     subplots={"nrows": 2, "ncols": 2, "sharex": True, "sharey": True}, figure_calls=[TL])

case("t08_suptitle", grid(4, labelled), "2x2 with a suptitle",
     subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("suptitle", "The whole figure"), TL])

case("t09_pad", grid(2, labelled), "pad=3", subplots={"ncols": 2},
     figure_calls=[c("tight_layout", pad=3)])

case("t10_h_pad_w_pad", grid(4, labelled), "h_pad=0.5, w_pad=4",
     subplots={"nrows": 2, "ncols": 2}, figure_calls=[c("tight_layout", h_pad=0.5, w_pad=4)])

case("t11_rect", grid(4, labelled), "rect=[0, 0, 1, 0.9] under a suptitle placed by hand",
     subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("suptitle", "above the rect", y=0.99),
                   c("tight_layout", rect=[0, 0, 1, 0.9])])

case("t12_rect_all_sides", grid(2, labelled), "rect=[0.1, 0.05, 0.8, 0.95]",
     subplots={"ncols": 2}, figure_calls=[c("tight_layout", rect=[0.1, 0.05, 0.8, 0.95])])

case("t13_legend_inside", [
    [c("plot", x, s1, label="sin"), c("plot", x, c1, label="cos"), c("legend"),
     c("set_title", "legend inside")],
    [c("plot", x, s1, "C2", label="only"), c("legend", loc="lower left")],
], "legends inside their Axes", subplots={"ncols": 2}, figure_calls=[TL])

case("t14_legend_outside", [
    [c("plot", x, s1, label="sine wave"), c("plot", x, c1, label="cosine wave"),
     c("legend", loc="upper left", bbox_to_anchor=[1.02, 1.0]), c("set_xlabel", "x")],
], "a legend outside the Axes (bbox_to_anchor) makes room on the right",
    figure_calls=[TL])

case("t15_imshow_colorbar", [
    [c("imshow", {"npy": "img.npy"}), c("set_title", "image")],
], "imshow with a colorbar (make_axes_gridspec: the colorbar joins its parent's cell)",
    npy=NPY, figure_calls=[c("colorbar", {"ref": [0, 0]}), TL])

case("t16_grid_colorbars", [
    [c("imshow", {"npy": "img.npy"}, cmap="magma"), c("set_title", "a")],
    [c("imshow", {"npy": "img.npy"}, cmap="viridis"), c("set_title", "b")],
    [c("plot", x, s1), c("set_xlabel", "x")],
    [c("imshow", {"npy": "img.npy"}), c("set_xlabel", "x")],
], "2x2 with a colorbar on three Axes (one with a label)", npy=NPY,
    subplots={"nrows": 2, "ncols": 2},
    figure_calls=[c("colorbar", {"ref": [0, 0]}), c("colorbar", {"ref": [1, 0]}, label="level"),
                  c("colorbar", {"ref": [3, 0]}), TL])

case("t17_colorbar_horizontal_extend", [
    [c("imshow", {"npy": "img.npy"}), c("set_ylabel", "rows")],
], "horizontal colorbar with extend='both' and a label", npy=NPY,
    figure_calls=[c("colorbar", {"ref": [0, 0]}, orientation="horizontal", extend="both",
                    label="value"), TL])

case("t18_dpi72", grid(4, labelled), "2x2 at 72 dpi", figure={"dpi": 72},
     subplots={"nrows": 2, "ncols": 2}, figure_calls=[TL])

case("t19_dpi150", grid(2, labelled), "1x2 at 150 dpi, 5 x 3 in",
     figure={"figsize": [5, 3], "dpi": 150}, subplots={"ncols": 2}, figure_calls=[TL])

case("t20_small_figure", grid(4, labelled), "2x2 in a 4 x 3 in figure",
     figure={"figsize": [4, 3]}, subplots={"nrows": 2, "ncols": 2}, figure_calls=[TL])

case("t21_supxlabel_supylabel", grid(4), "2x2 with supxlabel and supylabel",
     subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("supxlabel", "common x"), c("supylabel", "common y"), TL])

case("t22_offset_text", [
    [c("plot", x, r(np.sin(t) * 1e-5)), c("set_title", "offset")],
    [c("plot", r(t * 1e6), c1, "C1")],
], "offset texts (1e-5 above the y axis, 1e6 at the right of the x axis)",
    subplots={"ncols": 2}, figure_calls=[TL])

case("t23_not_applied", grid(4, labelled),
     "pad=40: the margins cannot fit, matplotlib warns and leaves the subplots as they are",
     figure={"figsize": [4, 3]}, subplots={"nrows": 2, "ncols": 2},
     figure_calls=[c("tight_layout", pad=40)])

case("t24_suptitle_after", grid(2, labelled),
     "a suptitle added after tight_layout is not made room for",
     subplots={"ncols": 2}, figure_calls=[TL, c("suptitle", "late title")])

case("t25_width_ratios_text", [
    [c("plot", x, s1), c("text", 7.5, 0.0, "text outside"), c("set_title", "narrow")],
    [c("plot", x, c1, "C1"), c("set_title", "wide", loc="left")],
], "width_ratios [1, 2] and a text beyond the Axes' right edge",
    subplots={"ncols": 2, "width_ratios": [1, 2]}, figure_calls=[TL])

case("t26_axis_off_images", [
    [c("imshow", {"npy": "img.npy"}), c("axis", "off"), c("set_title", f"img {i}")]
    for i in range(6)
], "2x3 images with axis('off') and titles", npy=NPY,
    subplots={"nrows": 2, "ncols": 3}, figure_calls=[TL])

case("t27_twice", grid(4, labelled), "tight_layout twice (the second from the first's result)",
     subplots={"nrows": 2, "ncols": 2}, figure_calls=[TL, c("tight_layout", pad=0.5)])

case("t28_ticks_in", [
    [c("plot", x, s1), c("tick_params", direction="in", length=8), c("set_title", "in")],
    [c("plot", x, c1, "C1"), c("tick_params", direction="inout", length=10)],
], "tick direction in / inout with long ticks", subplots={"ncols": 2, "sharey": True},
    figure_calls=[TL])

case("t29_colorbar_after", [
    [c("imshow", {"npy": "img.npy"}, cmap="plasma"), c("set_title", "image")],
    [c("plot", x, s1), c("set_title", "line"), c("set_ylabel", "y")],
], "a colorbar added after tight_layout steals from the tightened cell", npy=NPY,
    subplots={"ncols": 2},
    figure_calls=[TL, c("colorbar", {"ref": [0, 0]}, shrink=0.8, pad=0.1)])

case("t30_multiline_math", [
    [c("plot", x, s1), c("set_title", "two lines\nof title"),
     c("set_xlabel", "$\\alpha_i^2$ [m/s]"), c("set_ylabel", "$\\sum_k x_k$")],
    [c("plot", x, c1, "C1"), c("set_title", "$\\frac{a}{b}$", loc="right")],
], "multi-line and mathtext titles and labels", subplots={"ncols": 2}, figure_calls=[TL])

case("t31_pie", [
    [c("pie", [3, 2, 1, 4], labels=["apples", "bananas", "cherries", "dates"])],
    [c("bar", ["first category", "second one", "third"], [3, 5, 2]),
     c("tick_params", axis="x", labelrotation=30)],
], "pie labels (texts) and long rotated bar categories", subplots={"ncols": 2},
    figure_calls=[TL])

case("t32_minor_ticks", [
    [c("plot", x, s1), c("minorticks_on"), c("tick_params", which="minor", length=6)],
    [c("plot", x, c1, "C1"), c("minorticks_on")],
    [c("plot", x, s1, "C2"), c("minorticks_on")],
    [c("plot", x, c1, "C3"), c("minorticks_on")],
], "2x2 sharex/sharey with minor ticks on (the spines' tick extents)",
    subplots={"nrows": 2, "ncols": 2, "sharex": True, "sharey": "row"}, figure_calls=[TL])

case("t33_fractional_canvas", grid(4, labelled), "5.55 x 3.33 in at 110 dpi",
     figure={"figsize": [5.55, 3.33], "dpi": 110}, subplots={"nrows": 2, "ncols": 2},
     figure_calls=[TL])

case("t34_scatter_colorbar_log", [
    [c("scatter", r(np.linspace(1, 10, 20)), r(np.linspace(1, 100, 20) ** 1.2),
       c=r(np.logspace(0, 3, 20)), norm="log"), c("set_yscale", "log"), c("set_title", "scatter")],
], "a scatter's log colorbar beside log axes", figure={"figsize": [5, 4]},
    figure_calls=[c("colorbar", {"ref": [0, 0]}, label="weight"), TL])

case("t35_legend_title_right", [
    [c("plot", x, s1, label="a"), c("plot", x, c1, label="b")],
    [c("plot", x, r(np.sin(2 * t)), "C2", label="c"),
     c("legend", title="Legend", loc="center left", bbox_to_anchor=[1.0, 0.5])],
], "1x2 with a titled legend outside on the right of the second Axes",
    figure={"figsize": [7, 3]}, subplots={"ncols": 2}, figure_calls=[TL])

case("t36_rect_h_pad", grid(6, labelled), "3x2 with rect and h_pad, w_pad",
     figure={"figsize": [6, 7]}, subplots={"nrows": 3, "ncols": 2},
     figure_calls=[c("suptitle", "six"), c("tight_layout", rect=[0.02, 0.03, 0.98, 0.95],
                                              h_pad=2, w_pad=0.2)])

case("t37_shared_colorbars", [
    [c("pcolormesh", {"npy": "img.npy"}), c("set_title", f"m{i}")] for i in range(4)
], "2x2 sharex with a horizontal and a vertical colorbar: the shared x locator sizes its "
   "ticks by the first Axes' width", npy=NPY, subplots={"nrows": 2, "ncols": 2, "sharex": True},
    figure_calls=[c("colorbar", {"ref": [1, 0]}, orientation="horizontal"),
                  c("colorbar", {"ref": [2, 0]}), TL])

case("t38_shared_y_colorbar", [
    [c("plot", x, r(np.sin(t) * 50)), c("set_ylabel", "left")],
    [c("scatter", x, r(np.sin(t) * 50), c=x)],
], "1x2 sharey with a colorbar on the second: its y ticks from the first Axes' height",
    figure={"figsize": [6.4, 3]}, subplots={"ncols": 2, "sharey": True},
    figure_calls=[c("colorbar", {"ref": [1, 0]}, orientation="horizontal", pad=0.2), TL])

if __name__ == "__main__":
    write_cases(HERE)
