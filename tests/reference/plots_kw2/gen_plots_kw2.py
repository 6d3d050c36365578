#!/usr/bin/env python3
"""Writes the second keyword cases: the leftovers of the first two plotting rounds that
figbuf refused or drew differently: `subs` and `nonpositive='clip'` on log scales, also
through semilogx/semilogy/loglog (ticks, minor ticks, grids, labels), major and minor
grids set apart, `axline(..., transform=...)` (transData, transAxes, transFigure),
figure legends with explicit handles/labels, `clabel` on symlog Axes,
`tight_layout(rect=...)` with None sides and `tight_layout` with annotation arrows, the
default colour of axhline/axvline. One case per folder (figure.json, case.json, ref.png =
matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_kw2/gen_plots_kw2.py [CASE ...]

../plots_extra/mpl_figure.py is the project's copy of the oracle; it resolves a
`"transform": "transAxes"` keyword (or "transData", "transFigure") to the Axes' (figure's)
transform of that name.
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, write_figures  # noqa: E402
from plotgen import r as rounded  # noqa: E402


r = lambda v, n=5: rounded(v, n)  # noqa: E731
t = np.linspace(0, 2 * np.pi, 50)
x, s, co = r(t), r(np.sin(t)), r(np.cos(t))
lx = r(np.logspace(0, 3, 30))
ly = r(np.logspace(-1, 2, 30))
gx, gy = np.meshgrid(np.linspace(-2, 2, 20), np.linspace(-2, 2, 20))
Z = [r(row, 4) for row in (gx * gy * 30)]
C = {}

# Log scales: subs (minor LogLocator(subs), labelOnlyBase=True), nonpositive='clip'.
C["log_subs_x"] = {"axes": [[c("plot", lx, ly), c("set_xscale", "log", subs=[2, 5])]]}
C["log_subs_y_grid"] = {"axes": [[c("plot", lx, ly), c("set_yscale", "log", subs=[3]), c("grid", True, which="both")]]}
C["log_subs_with_1"] = {"axes": [[c("plot", lx, ly), c("set_xscale", "log", subs=[1, 2, 5]), c("set_yscale", "log", subs=[1, 3])]]}
C["log_subs_short"] = {"axes": [[c("plot", [2, 3, 7], [1, 2, 3]), c("set_xscale", "log", subs=[2, 4, 6, 8])]]}
C["log_subs_short_y"] = {"axes": [[c("plot", [1, 2, 3], [1.5, 2, 4]), c("set_yscale", "log", subs=[1.5, 2.5, 3.5])]]}
C["log_subs_many_decades"] = {"axes": [[c("plot", [1e-5, 1e9], [1, 2]), c("set_xscale", "log", subs=[1, 5])]]}
C["log_subs_grid_minor"] = {"axes": [[c("plot", lx, ly), c("set_yscale", "log", subs=[2, 5]), c("grid", True, which="minor", ls=":"), c("grid", True, which="major")]]}
C["log_subs_fixed_ticks"] = {"axes": [[c("plot", lx, ly), c("set_xscale", "log", subs=[3]), c("set_xticks", [1, 10, 1000])]]}
C["log_subs_minor_off"] = {"axes": [[c("plot", lx, ly), c("set_xscale", "log", subs=[3]), c("minorticks_off")]]}
C["log_subs_semilogy"] = {"axes": [[c("semilogy", x, r(np.exp(t))), c("set_yscale", "log", subs=[2, 3])]]}
C["log_subs_none"] = {"axes": [[c("plot", lx, ly), c("set_xscale", "log", subs=None)]]}
C["log_nonpositive_clip"] = {"axes": [[c("plot", [-1, 0, 1, 10, 100], [1, 2, 3, 4, 5]), c("set_xscale", "log", nonpositive="clip")]]}
C["semilogx_subs"] = {"axes": [[c("semilogx", r(np.logspace(0, 3, 20)), r(np.linspace(0, 1, 20)), subs=[2, 5], nonpositive="clip")]]}
C["semilogy_base10_subs"] = {"axes": [[c("semilogy", r(np.linspace(0, 1, 20)), r(np.logspace(0, 3, 20)), "o-", base=10, subs=[3])]]}
C["loglog_subs"] = {"axes": [[c("loglog", r(np.logspace(0, 3, 20)), r(np.logspace(1, 2, 20)), subs=[2, 5], color="r")]]}
C["symlog_linscale"] = {"axes": [[c("plot", x, r(np.sinh(t) * 10)), c("set_yscale", "symlog", linthresh=1, linscale=0.5)]]}
C["symlog_base2"] = {"axes": [[c("plot", x, r(np.sinh(t) * 10)), c("set_yscale", "symlog", base=2)]]}

# Grids: the major and the minor grid are set apart.
C["grid_minor_then_major"] = {"axes": [[c("plot", lx, ly), c("set_yscale", "log"), c("grid", True, which="minor", ls=":"), c("grid", True, which="major")]]}
C["grid_minor_only"] = {"axes": [[c("plot", lx, ly), c("set_yscale", "log", subs=[2, 5]), c("grid", True, which="minor")]]}
C["grid_major_off_minor_on"] = {"axes": [[c("plot", x, s), c("minorticks_on"), c("grid", True, which="both", color="0.8"), c("grid", False, which="major", axis="x")]]}

# axline(..., transform=...).
C["axline_trans_axes"] = {"axes": [[c("plot", x, s), c("axline", [0, 0], slope=1, transform="transAxes")]]}
C["axline_trans_axes_xy2"] = {"axes": [[c("plot", x, s), c("axline", [0.2, 0.1], [0.7, 0.9], transform="transAxes", color="r")]]}
C["axline_trans_data"] = {"axes": [[c("plot", x, s), c("axline", [0, 0], slope=0.2, transform="transData")]]}
C["axline_trans_figure"] = {"axes": [[c("plot", x, s), c("axline", [0.5, 0.5], [0.6, 0.7], transform="transFigure")]]}
C["axline_axes_log_x"] = {"axes": [[c("plot", [1, 10, 100], [1, 5, 50]), c("set_xscale", "log"), c("axline", [0.1, 0.1], [0.9, 0.5], transform="transAxes")]]}
C["axline_figure_log_y"] = {"axes": [[c("plot", [1, 10, 100], [1, 5, 50]), c("set_yscale", "log"), c("axline", [0.1, 0.1], [0.9, 0.5], transform="transFigure", color="g")]]}
C["axline_figure_odd_size"] = {"figure": {"figsize": [5.33, 3.71], "dpi": 77}, "axes": [[c("plot", x, s), c("axline", [0.13, 0.2], slope=0.7, transform="transFigure", lw=2), c("axline", [0.5, 0.5], slope=-2, transform="transAxes", ls="--")]]}
C["axline_subplots"] = {"subplots": {"nrows": 2, "ncols": 2}, "axes": [[c("plot", x, s), c("axline", [0, 1], slope=-1, transform="transAxes")], [c("axline", [0.2, 0.2], [0.3, 0.9], transform="transFigure")], [c("plot", x, co), c("axline", [1, 0], [1, 1], transform="transAxes", color="r")], [c("plot", x, co), c("axline", [0.5, 0.5], slope=0, transform="transFigure")]]}
C["axline_axes_only"] = {"axes": [[c("axline", [0.2, 0.3], slope=0.5, transform="transAxes")]]}
C["axline_data_only"] = {"axes": [[c("axline", [2, 3], slope=0.5, transform="transData")]]}
C["axline_axes_inverted"] = {"axes": [[c("plot", x, s), c("invert_xaxis"), c("axline", [0.1, 0.3], slope=0.5, transform="transAxes"), c("set_ylim", -3, 2)]]}
C["axline_axes_legend"] = {"axes": [[c("plot", x, s, label="sin"), c("axline", [0.1, 0.3], slope=0.5, transform="transAxes", label="ax"), c("legend", loc="best")]]}

# Figure legends with explicit handles and/or labels.
C["figlegend_handles_labels"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s)], [c("plot", x, co)]], "figure_calls": [c("legend", handles=[{"ref": [0, 0, 0]}, {"ref": [1, 0, 0]}], labels=["sin", "cos"])]}
C["figlegend_labels_only"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s)], [c("plot", x, co)]], "figure_calls": [c("legend", ["sin", "cos"])]}
C["figlegend_handles_only"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s, label="a"), c("plot", x, co, label="b")], [c("scatter", x[:10], s[:10], label="c")]], "figure_calls": [c("legend", handles=[{"ref": [1, 0]}, {"ref": [0, 1, 0]}], loc="lower left")]}
C["figlegend_labels_across"] = {"subplots": {"nrows": 2, "ncols": 1}, "axes": [[c("plot", x, s), c("plot", x, co)], [c("plot", x, s, "r--")]], "figure_calls": [c("legend", ["one", "two", "three"], loc="center right")]}
C["figlegend_reverse_lines"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s, label="a"), c("plot", x, co, label="b")], [c("plot", x[:10], s[:10], label="c")]], "figure_calls": [c("legend", loc="upper center", ncols=3, reverse=True)]}

# clabel on symlog Axes.
C["clabel_symlog_after"] = {"axes": [[c("contour", {"array": Z}, levels=5), c("clabel", {"ref": [0, 0]}), c("set_yscale", "symlog")]]}
C["clabel_symlog_y"] = {"axes": [[c("set_yscale", "symlog"), c("contour", r(np.linspace(-2, 2, 20)), r(np.linspace(-50, 50, 20)), {"array": Z}, levels=5), c("clabel", {"ref": [0, 1]})]]}
C["clabel_symlog_x"] = {"axes": [[c("set_xscale", "symlog", linthresh=5), c("contour", r(np.linspace(-50, 50, 20)), r(np.linspace(-2, 2, 20)), {"array": Z}, levels=6), c("clabel", {"ref": [0, 1]}, fontsize=8)]]}
C["clabel_symlog_both"] = {"axes": [[c("set_xscale", "symlog", linthresh=5, linscale=0.5), c("set_yscale", "symlog", base=2, linthresh=3), c("contourf", r(np.linspace(-50, 50, 20)), r(np.linspace(-40, 40, 20)), {"array": Z}, levels=5), c("contour", r(np.linspace(-50, 50, 20)), r(np.linspace(-40, 40, 20)), {"array": Z}, levels=5, colors="k"), c("clabel", {"ref": [0, 3]}, inline=True)]]}

# tight_layout(rect=...) with None sides.
C["tight_rect_right_none"] = {"axes": [[c("plot", x, s), c("set_title", "t")]], "figure_calls": [c("tight_layout", rect=[0, 0, None, 0.9])]}
C["tight_rect_left_top_none"] = {"axes": [[c("plot", x, s), c("set_ylabel", "y")]], "figure_calls": [c("tight_layout", rect=[None, 0.1, 0.8, None])]}
C["tight_rect_all_none"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s)], [c("plot", x, co), c("set_title", "t")]], "figure_calls": [c("tight_layout", rect=[None, None, None, None])]}
C["tight_rect_zero_none"] = {"axes": [[c("plot", x, s)]], "figure_calls": [c("tight_layout", rect=[0.1, None, 0, 0.95], pad=0.5)]}

# tight_layout with annotation arrows: the arrow patch's extent joins the text's, measured
# as matplotlib measures it before the first draw (FancyArrowPatch._dpi_cor = 1).
C["tight_annot_far"] = {"axes": [[c("plot", x, s), c("annotate", "far", xy=[1.6, 1.0], xytext=[7.5, 1.4], arrowprops={"arrowstyle": "->"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_inside"] = {"axes": [[c("plot", x, s), c("annotate", "peak", xy=[1.6, 1.0], xytext=[3, 0.5], arrowprops={"arrowstyle": "->"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_left"] = {"axes": [[c("plot", x, s), c("annotate", "left", xy=[0.5, 0.5], xytext=[-1.5, -0.5], arrowprops={"arrowstyle": "-|>"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_arrow_out"] = {"axes": [[c("plot", x, s), c("annotate", "t", xy=[7.2, -1.3], xytext=[5, 0], arrowprops={"arrowstyle": "<->"}, annotation_clip=False)]], "figure_calls": [c("tight_layout")]}
C["tight_annot_arrow_right"] = {"axes": [[c("plot", x, s), c("annotate", "t", xy=[7.2, -0.5], xytext=[5, 0], arrowprops={"arrowstyle": "->"}, annotation_clip=False)]], "figure_calls": [c("tight_layout")]}
C["tight_annot_line_below"] = {"axes": [[c("plot", x, s), c("annotate", "t", xy=[5.5, -1.3], xytext=[5, 0], arrowprops={"arrowstyle": "-"}, annotation_clip=False)]], "figure_calls": [c("tight_layout")]}
C["tight_annot_xy_hidden"] = {"axes": [[c("plot", x, s), c("annotate", "hidden", xy=[9, 0.5], xytext=[3, 0.5], arrowprops={"arrowstyle": "->"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_grid"] = {"subplots": {"nrows": 2, "ncols": 2}, "axes": [[c("plot", x, s), c("annotate", "A", xy=[1, 0.8], xytext=[-0.8, 1.3], arrowprops={"arrowstyle": "->"})], [c("plot", x, co)], [c("plot", x, co), c("annotate", "below", xy=[3, -1], xytext=[4, -1.6], arrowprops={"arrowstyle": "-"})], [c("plot", x, s), c("set_title", "d")]], "figure_calls": [c("tight_layout")]}
C["tight_annot_box"] = {"axes": [[c("plot", x, s), c("annotate", "box", xy=[1.6, 1.0], xytext=[6.8, 1.3], bbox={"boxstyle": "round", "facecolor": "w"}, arrowprops={"arrowstyle": "->"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_offset_points"] = {"axes": [[c("plot", x, s), c("annotate", "off", xy=[0.2, 0.2], xytext=[-40, -30], textcoords="offset points", arrowprops={"arrowstyle": "->"})]], "figure_calls": [c("tight_layout")]}
C["tight_annot_dpi150_filled"] = {"figure": {"dpi": 150}, "axes": [[c("plot", x, s), c("annotate", "big", xy=[6.9, -1.25], xytext=[4.5, 0.2], fontsize=16, arrowprops={"arrowstyle": "-|>", "linewidth": 2}, annotation_clip=False)]], "figure_calls": [c("tight_layout")]}
C["tight_annot_up_left"] = {"axes": [[c("plot", x, s), c("annotate", "up", xy=[-0.6, 1.3], xytext=[1, 0], arrowprops={"arrowstyle": "<->"}, annotation_clip=False)]], "figure_calls": [c("tight_layout", pad=0.3)]}
C["tight_annot_axes_fraction"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s), c("annotate", "frac", xy=[1.1, 0.5], xycoords="axes fraction", xytext=[0.5, 0.5], textcoords="axes fraction", arrowprops={"arrowstyle": "->"})], [c("plot", x, co)]], "figure_calls": [c("tight_layout")]}

# axhline/axvline without a colour: Line2D's rc lines.color ('C0'); the cycle does not
# advance (figbuf took the next cycle colour).
C["axvline_default_color"] = {"axes": [[c("plot", x, s), c("axvline", 2)]]}
C["axvline_default_color_ymin"] = {"axes": [[c("plot", x, s), c("axvline", 2, ymin=0.1, ymax=0.9)]]}
C["axhline_then_plot"] = {"axes": [[c("plot", x, s), c("axhline", 0.2, xmin=0.1, xmax=0.9), c("plot", x, co), c("axvline", 4, ls="--")]]}

# First-round keywords the audit found already exact (kept as cases).
C["legend_scatterpoints"] = {"axes": [[c("scatter", [1, 2, 3], [3, 1, 2], label="s"), c("legend", scatterpoints=3)]]}
C["annotate_xy_outside"] = {"axes": [[c("plot", x, s), c("annotate", "out", xy=[8, 0.5], xytext=[3, 0.5], arrowprops={"arrowstyle": "->"})]]}
C["annotate_xy_above"] = {"axes": [[c("plot", x, s), c("annotate", "out", xy=[3, 1.5], xytext=[3, 0.5], arrowprops={"arrowstyle": "->"})]]}


def main():
    write_figures(HERE, C, budgets=False)


if __name__ == "__main__":
    main()
