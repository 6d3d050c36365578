#!/usr/bin/env python3
"""Writes the round-2d plot cases (pcolormesh shading='gouraud', hatches, pie / boxplot /
violinplot keywords): one folder per case (figure.json, case.json, .npy data and
ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_r2d/gen_plots_r2d.py

../plots_extra/mpl_figure.py is the copy of the project's oracle (shared/tools/mpl_figure.py)
that plotgen.write_cases runs.
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, write_cases  # noqa: E402


def cb(i, **kw):
    return c("colorbar", {"ref": [i, 0]}, ax={"axes": i}, **kw)


rng = np.random.default_rng(24)
xs = np.linspace(-3, 3, 13)
ys = np.linspace(-2, 2, 9)
XX, YY = np.meshgrid(xs, ys)
ZZ = np.exp(-(XX ** 2 + YY ** 2) / 2) - 0.6 * np.exp(-((XX - 1.5) ** 2 + (YY + 0.5) ** 2))
SK_X = XX + 0.3 * YY
SK_Y = YY + 0.1 * np.sin(XX)
ZNAN = ZZ.copy()
ZNAN[3:5, 4:7] = np.nan
TH, RR = np.meshgrid(np.linspace(0, np.pi, 15), np.linspace(1, 2, 6))
CX, CY = RR * np.cos(TH), RR * np.sin(TH)
CZ = np.sin(3 * TH) * RR
LOGC = np.exp(rng.uniform(0, 5, size=(5, 7)))
SMALL = rng.uniform(0, 1, size=(4, 5))
NPY = {"xx.npy": XX, "yy.npy": YY, "zz.npy": ZZ, "skx.npy": SK_X, "sky.npy": SK_Y,
       "znan.npy": ZNAN, "cx.npy": CX, "cy.npy": CY, "cz.npy": CZ, "logc.npy": LOGC,
       "small.npy": SMALL}

case("g01_gouraud_c_only", [[
    c("pcolormesh", {"npy": "small.npy"}, shading="gouraud"),
]], "pcolormesh(C, shading='gouraud'): grid points at the integers, viridis", npy=NPY)

case("g02_gouraud_xy_colorbar", [[
    c("pcolormesh", {"npy": "xx.npy"}, {"npy": "yy.npy"}, {"npy": "zz.npy"},
      shading="gouraud", cmap="RdBu_r"),
]], "gouraud with 2-D X/Y, RdBu_r, colorbar", npy=NPY, figure_calls=[cb(0)])

case("g03_gouraud_skewed_alpha", [[
    c("pcolormesh", {"npy": "skx.npy"}, {"npy": "sky.npy"}, {"npy": "zz.npy"},
      shading="gouraud", alpha=0.6, vmin=-0.5, vmax=0.8, cmap="plasma"),
]], "gouraud on a skewed grid, alpha 0.6 (overlapping dilated triangles), vmin/vmax",
     npy=NPY)

case("g04_gouraud_nan", [[
    c("pcolormesh", {"npy": "xx.npy"}, {"npy": "yy.npy"}, {"npy": "znan.npy"},
      shading="gouraud"),
]], "gouraud with NaN values: quads with a masked corner are dropped", npy=NPY)

case("g05_gouraud_curvilinear", [[
    c("pcolormesh", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"},
      shading="gouraud", cmap="twilight"),
    c("set_aspect", "equal"),
]], "gouraud on a curvilinear (polar) grid, aspect equal", npy=NPY)

case("g06_gouraud_nonuniform_1d", [[
    c("pcolormesh", [0, 0.5, 2, 2.5, 6, 7, 7.2], [0, 1, 1.5, 4, 5], {"npy": "logc.npy"},
      shading="gouraud", norm="log"),
]], "gouraud with non-uniform 1-D X/Y and a log norm", npy=NPY, figure_calls=[cb(0)])

case("g07_gouraud_log_axes", [[
    c("pcolormesh", [1, 2, 5, 10, 20, 50, 100], [1, 3, 10, 30, 100], {"npy": "logc.npy"},
      shading="gouraud", cmap="magma"),
    c("set_xscale", "log"), c("set_yscale", "log"),
]], "gouraud on log axes (non-affine transData: centres in display space)", npy=NPY)

case("g08_gouraud_dpi72", [[
    c("pcolormesh", {"npy": "xx.npy"}, {"npy": "yy.npy"}, {"npy": "zz.npy"},
      shading="gouraud", cmap="coolwarm"),
]], "gouraud at dpi 72", npy=NPY, figure={"dpi": 72})

case("g09_gouraud_dpi200", [[
    c("pcolormesh", {"npy": "small.npy"}, shading="gouraud", cmap="gray", alpha=0.8),
]], "gouraud at dpi 200, gray, alpha", npy=NPY, figure={"figsize": [4, 3], "dpi": 200})

case("g10_gouraud_two_axes", [
    [c("pcolormesh", {"npy": "skx.npy"}, {"npy": "sky.npy"}, {"npy": "zz.npy"},
       shading="gouraud", cmap="viridis_r")],
    [c("pcolormesh", {"npy": "zz.npy"}, shading="gouraud", cmap="turbo", vmin=-0.2)],
], "gouraud in two subplots, reversed and turbo maps", npy=NPY,
     figure={"figsize": [10, 4]}, subplots={"ncols": 2})


case("h01_bar_hatch", [[
    c("bar", [1, 2, 3, 4], [3, 5, 2, 4], hatch="/"),
]], "bar hatch='/': black hatch (transparent edge -> rc patch.edgecolor), dpi 100 tile")

case("h02_bar_hatch_list_edges", [[
    c("bar", [1, 2, 3, 4, 5], [3, 5, 2, 4, 1], hatch=["//", "\\\\", "x", "+", "-"],
      edgecolor="tab:red", color="w", label="bars"),
    c("legend"),
]], "bar with a hatch per bar, red edges (hatch colour), white face, legend handle")

case("h03_barh_hatch_dense", [[
    c("barh", [0, 1, 2], [4, 2, 3], hatch=["|||", "--", "xx"], color="lightgray",
      edgecolor="navy", linewidth=2),
]], "barh with repeated hatch characters (denser lines), navy edges 2 pt")

case("h04_bar_hatch_dpi72", [[
    c("bar", [0, 1, 2], [1, 2, 3], hatch="x", color="none", edgecolor="C1"),
]], "bar hatch at dpi 72 (72-px tile), no face", figure={"dpi": 72})

case("h05_bar_hatch_dpi200", [[
    c("bar", [0, 1], [2, 1], hatch=["/", "+"], color=["C0", "C2"]),
]], "bar hatch at dpi 200 (200-px tile)", figure={"figsize": [4, 3], "dpi": 200})

case("h06_hist_hatch", [[
    c("hist", {"npy": "zz.npy"}, bins=12, hatch="\\", edgecolor="k", alpha=0.7),
]], "hist bars with a hatch and alpha", npy=NPY)


case("h07_pie_hatch", [[
    c("pie", [3, 2, 4, 1], hatch=["/", "x", "", "|"], labels=["a", "b", "c", "d"]),
]], "pie hatch per wedge (cycled, '' for none), black hatches on the wedges")

case("h08_step_hist_hatch", [[
    c("hist", {"npy": "zz.npy"}, bins=8, histtype="stepfilled", hatch="-", color="C3",
      edgecolor="C0"),
]], "hist stepfilled with hatch='-' in the edge colour", npy=NPY)


BX = [rng.normal(0, 1, 80).round(4).tolist(), rng.normal(1, 2, 60).round(4).tolist(),
      rng.exponential(1.5, 70).round(4).tolist()]

case("b01_boxplot_notch", [[
    c("boxplot", BX, notch=True),
]], "boxplot notch=True (med +/- 1.57 iqr / sqrt(N), no bootstrap)")

case("b02_boxplot_notch_patch_meanline", [[
    c("boxplot", BX, notch=True, patch_artist=True, showmeans=True, meanline=True),
]], "boxplot notched patches with the mean as a dashed line")

case("b03_boxplot_meanline_horizontal", [[
    c("boxplot", BX, showmeans=True, meanline=True, orientation="horizontal",
      widths=[0.3, 0.6, 0.9]),
]], "boxplot horizontal, meanline, widths per box")


case("p01_pie_shadow", [[
    c("pie", [3, 2, 4, 1], shadow=True, explode=[0, 0.1, 0, 0.05], labels=["a", "b", "c", "d"],
      autopct="%1.0f%%"),
]], "pie shadow=True (Shadow: 0.3 * face rgb at alpha 0.5, shifted -0.02 pt * dpi/72 in data), "
    "explode")

case("p02_pie_shadow_wedgeprops_dpi72", [[
    c("pie", [1, 1, 2], shadow=True, colors=["gold", "tab:blue", "tab:green"],
      wedgeprops={"linewidth": 2, "edgecolor": "w"}, startangle=90, counterclock=False),
]], "pie shadow with white 2-pt wedge edges (the shadow's edge is its own colour), dpi 72",
    figure={"dpi": 72})


case("v01_violin_sides", [[
    c("violinplot", BX, side="low", showmedians=True, positions=[1, 2, 3]),
    c("violinplot", BX, side="high", showmeans=True, positions=[1, 2, 3],
      quantiles=[[0.25, 0.75], [0.5], [0.1, 0.9]]),
]], "violinplot side='low' and 'high' at the same positions (half bodies, projecting caps)")

case("v02_violin_side_horizontal", [[
    c("violinplot", BX, side="high", orientation="horizontal", widths=0.8),
]], "violinplot side='high' horizontal")


FX = np.linspace(0, 6, 40).round(4).tolist()
case("h09_fill_between_hatch", [[
    c("fill_between", FX, np.sin(FX).round(4).tolist(), hatch="//", alpha=0.4),
    c("fill_between", FX, (np.cos(FX) - 2).round(4).tolist(), -2.5, hatch="x",
      facecolor="none", edgecolor="tab:green"),
]], "fill_between hatches: black (edge 'none', with the alpha), green edge colour, no face")


case("h10_bar_hatch_circles", [[
    c("bar", [0, 1, 2, 3], [2, 3, 1, 2], hatch=["o", "O", ".", "o/"], color="w",
      edgecolor="k"),
]], "bar hatches of circles: small and large rings, small filled dots, rings with lines")


if __name__ == "__main__":
    write_cases(HERE)
