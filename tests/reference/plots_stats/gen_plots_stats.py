#!/usr/bin/env python3
"""Writes the statistics plot cases (hist with several datasets, pie, boxplot, violinplot,
figure legend, colorbar of several Axes): one folder per case (figure.json, case.json,
.npy data and ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_round2/gen_plots_stats.py

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

case("s01_hist_multi_side", [[
    c("hist", DS, bins=12, label=["a", "b", "c"]),
    c("legend"),
]], "hist: three datasets side by side (dr 0.8), label list, legend", npy=NPY)

case("s02_hist_stacked", [[
    c("hist", DS, bins=10, stacked=True, color=["C3", "tab:olive", "0.5"], edgecolor="k",
      label=["a", "b", "c"]),
    c("legend", loc="upper right"),
]], "hist: stacked, colour list, edgecolor", npy=NPY)

case("s03_hist_npy2d_barstacked", [[
    c("hist", {"npy": "m.npy"}, bins=15, histtype="barstacked", rwidth=0.6, alpha=0.8),
]], "hist: 2-D .npy (columns are datasets), barstacked, rwidth, alpha", npy=NPY)

case("s04_hist_weights_density", [[
    c("hist", {"npy": "a.npy"}, bins=20, weights={"npy": "w.npy"}, density=True),
    c("hist", {"npy": "a.npy"}, bins=[-3, -1, 0, 0.5, 1, 3], weights={"npy": "w.npy"},
      histtype="step", linewidth=2),
]], "hist: weights with equal bins (bincount) and explicit edges (cumsum), density", npy=NPY)

case("s05_hist_log_bottom", [[
    c("hist", {"npy": "c.npy"}, bins=15, log=True, bottom=0.5, rwidth=0.9),
]], "hist: log=True (log y, clipped), bottom, rwidth", npy=NPY)

case("s06_hist_align", [
    [c("hist", [1, 2, 2, 3, 3, 3, 4, 4, 5], bins=[1, 2, 3, 4, 5, 6], align="left")],
    [c("hist", [1, 2, 2, 3, 3, 3, 4, 4, 5], bins=[1, 2, 3, 4, 5, 6], align="right",
       rwidth=0.5)],
    [c("hist", [[1, 2, 2, 3], [2, 3, 3, 4, 5]], bins=5, align="left", histtype="step")],
    [c("hist", [[1, 2, 2, 3], [2, 3, 3, 4, 5]], bins=5, histtype="stepfilled",
       stacked=True, align="right")],
], "hist: align left/right for bars and steps, stacked stepfilled", subplots={"nrows": 2, "ncols": 2})

case("s07_hist_horizontal_multi", [[
    c("hist", [{"npy": "a.npy"}, {"npy": "b.npy"}], bins=8, orientation="horizontal",
      label=["a", "b"], stacked=True, density=True),
    c("legend"),
]], "hist: horizontal, stacked density of two datasets", npy=NPY)

case("s08_hist_multi_cumulative_step", [[
    c("hist", DS, bins=25, histtype="step", cumulative=True, density=True, label=["a", "b", "c"]),
    c("legend", loc="upper left"),
]], "hist: step, cumulative density of three datasets", npy=NPY)
case("s09_pie_basic", [[
    c("pie", [15, 30, 45, 10], labels=["Frogs", "Hogs", "Dogs", "Logs"]),
]], "pie: labels, default colours (patch cycle), equal aspect, no frame, limits +-1.25")

case("s10_pie_autopct_explode", [[
    c("pie", [15, 30, 45, 10], labels=["Frogs", "Hogs", "Dogs", "Logs"], autopct="%1.1f%%",
      explode=[0, 0.1, 0, 0], startangle=90),
]], "pie: autopct, explode, startangle")

case("s11_pie_keywords", [[
    c("pie", [3, 2, 1, 1, 2], colors=["tab:red", "gold", "0.7"], counterclock=False,
      radius=0.8, wedgeprops={"linewidth": 2, "edgecolor": "white"}, labeldistance=0.5,
      pctdistance=1.15, autopct="%d", labels=["a", "b", "c", "d", "e"]),
]], "pie: colours cycled, clockwise, radius, wedgeprops, labeldistance inside, pctdistance outside")

case("s12_pie_legend", [[
    c("pie", [1, 1, 2], labels=["one", "two", "three"], labeldistance=None),
    c("legend", loc="upper left"),
    c("set_title", "shares"),
]], "pie: labeldistance None, legend of wedges, title")

case("s13_pie_full_and_tiny", [
    [c("pie", [1])],
    [c("pie", [100, 0.5, 1], textprops={"fontsize": 8}, autopct="%.2f", shadow=False)],
], "pie: one full wedge (circle), a tiny wedge, textprops fontsize", subplots={"ncols": 2})

case("s14_pie_legend_best", [[
    c("pie", [5, 3, 2], labels=["x", "y", "z"], startangle=30),
    c("legend"),
]], "pie: legend loc best (wedge paths and texts weigh)")

BX = [{"npy": "a.npy"}, {"npy": "b.npy"}, {"npy": "c.npy"}]

case("s15_boxplot_basic", [[
    c("boxplot", BX),
]], "boxplot: three datasets, default whiskers (1.5 IQR), fliers, positions 1..3 as ticks", npy=NPY)

case("s16_boxplot_keywords", [[
    c("boxplot", BX, tick_labels=["a", "b", "c"], widths=0.3, patch_artist=True,
      showmeans=True, whis=[5, 95]),
]], "boxplot: tick_labels, widths, patch_artist, showmeans, whis percentiles", npy=NPY)

case("s17_boxplot_horizontal", [[
    c("boxplot", [[1, 2, 3, 4, 5, 6, 20], [2, 3, 3, 4, 4, 5, -6]], orientation="horizontal",
      positions=[1.5, 3.0], showfliers=False, whis=1.0),
]], "boxplot: horizontal, positions (float labels), showfliers False, whis 1.0")


def main():
    write_cases(HERE)


if __name__ == "__main__":
    main()
