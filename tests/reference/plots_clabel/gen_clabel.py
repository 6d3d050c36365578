#!/usr/bin/env python3
"""Writes the contour label cases (`ax.clabel`): one folder per case (figure.json,
case.json, .npy data and ref.png = matplotlib 3.11.2's canvas) next to this script, and
budgets.json (RMS 0 / bad 0: every case is byte-exact).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_clabel/gen_clabel.py

../plots_extra/mpl_figure.py is the project's copy of the oracle; it gives a `fmt` dict of
clabel float keys (JSON object keys are strings).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, write_cases  # noqa: E402

xs = np.linspace(-3, 3, 40)
ys = np.linspace(-2, 2, 30)
XX, YY = np.meshgrid(xs, ys)
ZZ = np.exp(-(XX ** 2 + YY ** 2) / 2) - 0.6 * np.exp(-((XX - 1.5) ** 2 + (YY + 0.5) ** 2))
# A positive field over decades for log-spaced levels.
ZL = np.exp(2.5 * np.cos(XX) + 2.0 * np.sin(YY) + 1.0)
# A saddle with whole-number levels.
ZS = (XX ** 2 - 2 * YY ** 2) * 1.5
NPY = {"x.npy": xs, "y.npy": ys, "z.npy": ZZ, "zl.npy": ZL, "zs.npy": ZS}
X, Y, Z = {"npy": "x.npy"}, {"npy": "y.npy"}, {"npy": "z.npy"}
CS = {"ref": [0, 0]}


def lab(**kw):
    return c("clabel", CS, **kw)


case("k01_default", [[c("contour", X, Y, Z), lab()]],
     "contour of a smooth field (viridis, 8 levels) labelled with clabel's defaults", npy=NPY)
case("k02_inline_false", [[c("contour", X, Y, Z), lab(inline=False)]],
     "clabel(inline=False): the contour lines stay whole under the labels", npy=NPY)
case("k03_fontsize14", [[c("contour", X, Y, Z), lab(fontsize=14)]],
     "clabel(fontsize=14): wider labels, fewer fit, wider gaps", npy=NPY)
case("k04_fmt_percent", [[c("contour", X, Y, Z), lab(fmt="%1.2f")]],
     "clabel(fmt='%1.2f'): %-format (ASCII minus)", npy=NPY)
case("k05_fmt_braces", [[c("contour", X, Y, Z, levels=[-0.3, 0.1, 0.5, 0.9]), lab(fmt="{:.1f}")]],
     "clabel(fmt='{:.1f}'): matplotlib %-formats it, so the label is the literal string", npy=NPY)
case("k06_fmt_dict", [[c("contour", X, Y, Z, levels=[-0.3, 0.1, 0.5, 0.9]),
                       lab(fmt={"-0.3": "low", "0.1": "a", "0.5": "mid", "0.9": "peak"})]],
     "clabel(fmt={level: text})", npy=NPY)
case("k07_colors_one", [[c("contour", X, Y, Z, cmap="plasma"), lab(colors="k")]],
     "clabel(colors='k') on colour-mapped lines", npy=NPY)
case("k08_colors_list", [[c("contour", X, Y, Z), lab(colors=["r", "g", "b"])]],
     "clabel(colors=[r, g, b]) cycled over the labelled levels", npy=NPY)
case("k09_levels_subset", [[c("contour", X, Y, Z, levels=[-0.4, -0.2, 0.2, 0.4, 0.6, 0.8]),
                            lab(levels=[-0.2, 0.4, 0.8])]],
     "clabel(levels=subset): only those levels labelled and broken", npy=NPY)
case("k10_black_negative_dashed", [[c("contour", X, Y, Z, colors="k"), lab()]],
     "contour(colors='k'): negative levels dashed, labels black", npy=NPY)
case("k11_contourf", [[c("contourf", X, Y, Z, levels=6), lab()]],
     "clabel on a filled contour set (deprecated, still drawn): the polygons are broken",
     npy=NPY)
case("k12_log_levels", [[c("contour", X, Y, {"npy": "zl.npy"}, levels=[0.1, 1, 10, 100, 1000],
                           colors="k", linewidths=1), lab(fmt="%g")]],
     "log-spaced levels over four decades, %g labels", npy=NPY)
case("k13_log_levels_default_fmt", [[c("contour", X, Y, {"npy": "zl.npy"},
                                       levels=[0.1, 1, 10, 100, 1000]), lab()]],
     "log-spaced levels with the default ScalarFormatter (view (0, 1) dummy axis)", npy=NPY)
case("k14_two_axes", [
    [c("contour", X, Y, Z, colors="k"), lab(fontsize=9)],
    [c("contour", X, Y, {"npy": "zs.npy"}, levels=8, cmap="coolwarm"), c("clabel", {"ref": [1, 0]}, inline_spacing=2)],
], "two Axes side by side, each with its own labelled contour set", npy=NPY,
    subplots={"nrows": 1, "ncols": 2})
case("k15_dpi72", [[c("contour", X, Y, Z), lab()]], "the default at 72 dpi", npy=NPY,
     figure={"dpi": 72})
case("k16_dpi150", [[c("contour", X, Y, Z, colors="k"), lab(fontsize=8)]],
     "black lines at 150 dpi, fontsize 8", npy=NPY, figure={"dpi": 150, "figsize": [5, 4]})
case("k17_rightside_up_false", [[c("contour", X, Y, Z), lab(rightside_up=False)]],
     "clabel(rightside_up=False): the angle is the path direction's", npy=NPY)
case("k18_spacing_zorder", [[c("contour", X, Y, Z, linewidths=3), lab(inline_spacing=12, zorder=1)]],
     "inline_spacing=12 and zorder=1 (labels under the lines)", npy=NPY)
case("k19_saddle_ints", [[c("contour", X, Y, {"npy": "zs.npy"}, levels=12, colors="0.3"), lab(fontsize=7)]],
     "saddle with open contours across the Axes, grey lines, fontsize 7", npy=NPY)

xf = np.linspace(-3, 3, 240)
yf = np.linspace(-2, 2, 180)
XF, YF = np.meshgrid(xf, yf)
ZF = np.sin(2 * XF) * np.cos(1.5 * YF) + 0.3 * XF + 0.04 * YF ** 2  # no straight contour: tied straightness is ordered by NumPy's (AVX-512) argsort
NPYF = dict(NPY, **{"xf.npy": xf, "yf.npy": yf, "zf.npy": ZF})
case("k20_fine_grid_long_paths", [[c("contour", {"npy": "xf.npy"}, {"npy": "yf.npy"}, {"npy": "zf.npy"},
                                     levels=9, cmap="viridis"), lab()]],
     "240 x 180 grid: long contours (path simplification of the cut, code-free paths)", npy=NPYF)
case("k21_colorbar_after", [[c("contour", X, Y, Z), lab()]],
     "a colorbar added after clabel: the labels keep the positions and angles of clabel's "
     "moment (data coordinates, pre-colorbar Axes)", npy=NPY,
     figure_calls=[c("colorbar", {"ref": [0, 0]}, ax={"axes": 0})])
case("k22_xlim_after", [[c("contour", X, Y, Z, colors="k"), lab(), c("set_xlim", -2, 2.5)]],
     "set_xlim after clabel: cuts and label angles stay those of the full view", npy=NPY)
case("k23_alpha", [[c("contour", X, Y, Z, alpha=0.5, linewidths=2), lab(fontsize=11)]],
     "contour(alpha=0.5): the labels take the set's alpha", npy=NPY)
case("k24_manual_points", [[c("contour", X, Y, Z, colors="k", linewidths=1),
                            lab(manual=[[-1.5, 0.5], [0.3, 0.2], [2.0, -1.2], [1.0, 1.5], [-0.5, -1.6]])]],
     "clabel(manual=[(x, y), ...]): each label on the nearest contour at its closest point",
     npy=NPY)
case("k25_manual_levels_no_inline", [[c("contour", X, Y, Z, levels=[-0.3, 0.1, 0.5, 0.9]),
                                      lab(levels=[0.1, 0.9], manual=[[0.0, 0.0], [-2.0, 1.5], [2.5, -0.5]],
                                          inline=False, fmt="%.2f")]],
     "manual points restricted to two labelled levels, not inline", npy=NPY)
case("k26_use_clabeltext", [[c("contour", X, Y, Z), lab(use_clabeltext=True)]],
     "clabel(use_clabeltext=True): rotations kept in data space, turned back at drawing",
     npy=NPY)
case("k27_clabeltext_colorbar_after", [[c("contour", X, Y, Z, colors="k"), lab(use_clabeltext=True)]],
     "use_clabeltext with a colorbar added afterwards: the label angles follow the narrower Axes",
     npy=NPY, figure_calls=[c("colorbar", {"ref": [0, 0]}, ax={"axes": 0})])
ZN = ZZ.copy()
ZN[10:16, 8:14] = np.nan
NPYN = dict(NPY, **{"zn.npy": ZN})
case("k28_nan_hole", [[c("contour", X, Y, {"npy": "zn.npy"}, colors="C3"), lab(fontsize=9)]],
     "NaN hole in Z: contours end at the hole (open paths), labels on the pieces", npy=NPYN)
case("k29_two_clabel_calls", [[c("contour", X, Y, Z, levels=[-0.3, 0.1, 0.5, 0.9]),
                               lab(levels=[0.1, 0.9], colors="k"),
                               lab(levels=[-0.3, 0.5], fmt="%.1f", fontsize=12)]],
     "two clabel calls on one set: the second cuts the paths the first left", npy=NPY)
xl = np.geomspace(1, 1000, 50)
yl = np.geomspace(0.1, 100, 40)
XL, YL = np.meshgrid(np.log10(xl), np.log10(yl))
ZLL = np.sin(1.3 * XL) + np.cos(1.1 * YL) + 0.2 * XL * YL
NPYL = dict(NPY, **{"xl.npy": xl, "yl.npy": yl, "zll.npy": ZLL})
case("k30_loglog_axes", [[c("set_xscale", "log"), c("set_yscale", "log"),
                          c("contour", {"npy": "xl.npy"}, {"npy": "yl.npy"}, {"npy": "zll.npy"},
                            levels=7, cmap="plasma"), c("clabel", {"ref": [0, 2]})]],
     "contour on log x and log y axes: placement and cuts in the log-scaled screen", npy=NPYL)

if __name__ == "__main__":
    write_cases(HERE)
    with open(os.path.join(HERE, "budgets.json"), "w") as fh:
        json.dump({n: {"rms": 0.0, "bad_percent": 0.0} for n in sorted(CASES)}, fh, indent=2)
        fh.write("\n")
