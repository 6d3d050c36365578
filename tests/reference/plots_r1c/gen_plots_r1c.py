#!/usr/bin/env python3
"""Writes the round-1c plot cases (half-filled markers, axline, legend scatterpoints,
annotations outside the Axes, symlog minor ticks): one folder per case (figure.json,
case.json, ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_r1c/gen_plots_r1c.py

../plots_extra/mpl_figure.py is the project's copy of the oracle; ../plotgen.py the writer.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, write_cases  # noqa: E402

HALF = "o . s ^ v < > D d p h H * 8 P X".split()
FS = ["left", "right", "bottom", "top"]

# --- half-filled markers -------------------------------------------------------------
calls = []
for i, m in enumerate(HALF):
    for j, fs in enumerate(FS):
        calls.append(c("plot", [i], [j], marker=m, fillstyle=fs, markersize=11,
                       markerfacecoloralt="C1", linestyle="none", color="C0"))
case("h01_fillstyle_every_marker", [calls],
     "fillstyle left/right/bottom/top of every marker with half fills, mfcalt C1",
     figure={"figsize": [8, 3]})

case("h02_fillstyle_lines", [[
    c("plot", [0, 1, 2, 3], [0, 1, 0, 1], "o-", fillstyle="left", ms=14, mfcalt="gold"),
    c("plot", [0, 1, 2, 3], [1, 2, 1, 2], "s--", fillstyle="top", ms=12, mfc="tab:red",
      mfcalt="0.7", mec="k"),
    c("plot", [0, 1, 2, 3], [2, 3, 2, 3], "D:", fillstyle="bottom", ms=10, mew=2),
    c("plot", [0, 1, 2, 3], [3, 4, 3, 4], "^-.", fillstyle="right", ms=13, mfcalt="none",
      alpha=0.6),
]], "half markers on plotted lines: default mfcalt 'none', colours, edge width, alpha")

case("h03_fillstyle_legend", [[
    c("plot", [0, 1, 2], [0, 1, 0], "o-", fillstyle="left", mfcalt="C3", ms=10, label="left o"),
    c("plot", [0, 1, 2], [1, 2, 1], "p-", fillstyle="bottom", mfcalt="k", ms=10, label="bottom p"),
    c("plot", [0, 1, 2], [2, 3, 2], "*", fillstyle="top", mfcalt="y", ms=14, label="top *"),
    c("plot", [0, 1, 2], [3, 4, 3], "h--", fillstyle="none", ms=10, label="none h"),
    c("legend", numpoints=2, loc="lower right"),
]], "half markers in legend handles (numpoints 2), fillstyle none")

case("h04_fillstyle_unfilled_and_markevery", [[
    c("plot", list(range(10)), [v * v for v in range(10)], "x-", fillstyle="left", ms=10),
    c("plot", list(range(10)), [80 - v * v for v in range(10)], "8-", fillstyle="right",
      ms=12, markevery=3, mfcalt="C2", mec="C4"),
    c("plot", list(range(10)), [40] * 10, "+", fillstyle="top", ms=12),
    c("plot", list(range(10)), [20 + v for v in range(10)], "H", fillstyle="bottom",
      ms=9, mfcalt="auto"),
]], "fillstyle on unfilled markers (ignored), markevery, mfcalt 'auto'")

case("h05_fillstyle_small_dpi", [[
    c("plot", [0, 1, 2, 3, 4], [1, 3, 2, 4, 3], "o", fillstyle="left", ms=4, mfcalt="r"),
    c("plot", [0, 1, 2, 3, 4], [2, 4, 3, 5, 4], "s", fillstyle="top", ms=3, mfcalt="b"),
    c("plot", [0, 1, 2, 3, 4], [0, 2, 1, 3, 2], ".", fillstyle="bottom", ms=9, mfcalt="g"),
    c("plot", [0, 1, 2, 3, 4], [3, 1, 4, 1, 5], "d", fillstyle="right", ms=17, mfcalt="m",
      mew=0.5),
]], "small and large half markers at dpi 72", figure={"dpi": 72})

# --- axline ----------------------------------------------------------------------------
case("a01_axline_two_points", [[
    c("plot", [0, 1, 2, 3], [1, 3, 2, 4], "o"),
    c("axline", [0, 0], [1, 1]),
    c("axline", [0, 1], [3, 1.5], color="r", linestyle="--", linewidth=2),
]], "axline through two points: default colour cycle, colour/style/width; no autoscale")

case("a02_axline_slope_legend", [[
    c("plot", [-2, 0, 3], [1, -1, 2], label="data"),
    c("axline", [0, 0.5], slope=0.5, color="C2", label="slope 0.5"),
    c("axline", [1, 0], slope=-2, ls=":", label="slope -2", zorder=1),
    c("legend"),
]], "axline with slope, label in the legend, zorder")

case("a03_axline_vertical_horizontal", [[
    c("plot", [0, 5], [0, 5]),
    c("axline", [2, 0], [2, 1], color="k"),
    c("axline", [0, 3], [1, 3], color="m", alpha=0.5, lw=3),
    c("axline", [1, 1], slope=0, color="c"),
]], "axline vertical (same x), horizontal (same y), slope 0")

case("a04_axline_only", [[
    c("axline", [0.2, 0.1], [0.7, 0.9]),
]], "axline alone: its two points are the data limits (update_datalim), margins around them")

case("a05_axline_log", [[
    c("plot", [1, 10, 100], [1, 50, 20], "o"),
    c("set_yscale", "log"),
    c("axline", [1, 1], [100, 100], color="k"),
]], "axline on a log y axis through two points: straight in screen space")

case("a06_axline_limits_inverted", [[
    c("set_xlim", 5, -5),
    c("set_ylim", -2, 2),
    c("axline", [0, 0], slope=0.3, color="C1", linestyle="-."),
    c("axline", [-1, -1], [1, 1.5], marker="o", markersize=8),
]], "axline on an inverted x axis with fixed limits; markers at its two points")

# --- legend scatterpoints --------------------------------------------------------------
SX = [0, 1, 2, 3, 4, 5]
case("s01_legend_scatterpoints", [[
    c("scatter", SX, [1, 3, 2, 5, 4, 6], label="a"),
    c("scatter", SX, [0, 2, 1, 3, 2, 4], marker="s", label="b"),
    c("legend", scatterpoints=3),
]], "legend scatterpoints 3: default scatteryoffsets")

case("s02_legend_scatteryoffsets", [[
    c("scatter", SX, [1, 3, 2, 5, 4, 6], s=[10, 20, 40, 80, 160, 320], label="sizes"),
    c("scatter", SX, [0, 2, 1, 3, 2, 4], c=[0, 1, 2, 3, 4, 5], cmap="viridis", label="mapped"),
    c("legend", scatterpoints=4, scatteryoffsets=[0.2, 0.8]),
]], "legend scatterpoints 4 with scatteryoffsets, sizes and colour-mapped scatters")

case("s03_legend_scatterpoints_two", [[
    c("scatter", SX, [1, 3, 2, 5, 4, 6], s=[30, 60, 90, 120, 150, 180], c="C3",
      edgecolors="k", label="two"),
    c("plot", SX, [2, 2, 3, 3, 4, 4], "o-", label="line"),
    c("legend", scatterpoints=2, numpoints=3, markerscale=1.5),
]], "legend scatterpoints 2 next to a line handle with numpoints 3, markerscale")

case("s04_legend_scatteryoffsets_one", [[
    c("scatter", SX, [1, 3, 2, 5, 4, 6], s=[200, 20, 50, 10, 10, 10], label="one"),
    c("legend", scatterpoints=1, scatteryoffsets=[0.9]),
]], "legend scatterpoints 1 with one scatteryoffset; sizes mean of max and min")

# --- annotations outside the Axes ------------------------------------------------------
AR = {"arrowstyle": "->"}
case("n01_annotate_outside_hidden", [[
    c("plot", [0, 1, 2], [0, 1, 0]),
    c("annotate", "inside", xy=[1, 1], xytext=[0.2, 0.5], arrowprops=AR),
    c("annotate", "outside", xy=[3, 0.5], xytext=[1.2, 0.3], arrowprops=AR),
    c("annotate", "below", xy=[1, -1], xytext=[0.8, 0.6]),
]], "annotate: xy outside the Axes in data coordinates is not drawn (annotation_clip None)")

case("n02_annotation_clip_false", [[
    c("plot", [0, 1, 2], [0, 1, 0]),
    c("annotate", "shown", xy=[3, 0.5], xytext=[1.2, 0.3], arrowprops=AR,
      annotation_clip=False),
    c("annotate", "axes frac", xy=[1.1, 0.5], xycoords="axes fraction", xytext=[0.3, 0.2],
      textcoords="axes fraction", arrowprops=AR),
]], "annotation_clip False draws it; xycoords 'axes fraction' outside is drawn with None")

case("n03_annotation_clip_true", [[
    c("plot", [0, 1, 2], [0, 1, 0]),
    c("annotate", "hidden", xy=[1.1, 0.5], xycoords="axes fraction", xytext=[0.3, 0.2],
      textcoords="axes fraction", arrowprops=AR, annotation_clip=True),
    c("annotate", "kept", xy=[0.5, 0.5], xycoords="axes fraction", xytext=[0.1, 0.8],
      textcoords="axes fraction", annotation_clip=True),
    c("set_xlim", 0.5, 1.5),
    c("annotate", "left of view", xy=[0.2, 0.2], xytext=[1.0, 0.1]),
]], "annotation_clip True hides xy outside in any coordinates; set_xlim moves a point out")

# --- symlog minor ticks ----------------------------------------------------------------
YS = [-500, -20, -1, 0, 1, 30, 800]
case("y01_symlog_minorticks_on", [[
    c("plot", YS, [0, 1, 2, 3, 4, 5, 6]),
    c("set_xscale", "symlog"),
    c("minorticks_on"),
]], "symlog + minorticks_on: the default subs draw no minor ticks beyond the majors")

case("y02_symlog_subs", [[
    c("plot", YS, [0, 1, 2, 3, 4, 5, 6]),
    c("set_xscale", "symlog", subs=[2, 5]),
]], "symlog subs: minor ticks at 2 and 5 times each decade (default minor locator)")

case("y03_symlog_linthresh_linscale_subs", [[
    c("plot", [0, 1, 2, 3, 4], [-300, -5, 0, 0.5, 2000]),
    c("set_yscale", "symlog", linthresh=1, linscale=0.5, subs=[2, 3, 4, 5, 6, 7, 8, 9]),
    c("minorticks_on"),
]], "symlog y: linthresh 1, linscale 0.5, subs 2..9 and minorticks_on")

case("y04_symlog_base2_subs", [[
    c("plot", [-64, -3, 0, 5, 100], [0, 1, 2, 3, 4]),
    c("set_xscale", "symlog", base=2, linthresh=4, subs=[1.5]),
    c("grid", which="both"),
]], "symlog base 2, subs [1.5], grid on majors and minors")

case("y05_symlog_minorticks_off", [[
    c("plot", YS, [0, 1, 2, 3, 4, 5, 6]),
    c("set_xscale", "symlog", subs=[3]),
    c("minorticks_off"),
]], "symlog subs then minorticks_off: no minor ticks")

# --- combinations ----------------------------------------------------------------------
case("m01_half_markers_steps_markerscale", [[
    c("plot", [0, 1, 2, 3, 4], [1, 3, 2, 4, 3], "v-", drawstyle="steps-mid", fillstyle="top",
      mfc="w", mfcalt="C3", ms=12, label="steps v"),
    c("plot", [0, 1, 2, 3, 4], [0, 2, 1, 3, 2], "<--", fillstyle="left", mfcalt="0.2",
      ms=9, label="dash <"),
    c("scatter", [0.5, 1.5, 2.5], [3.5, 3.6, 3.7], marker="D", s=[40, 90, 160], label="pts"),
    c("legend", markerscale=1.4, scatterpoints=3, numpoints=2, ncols=2, loc="upper left"),
]], "half markers with drawstyle steps, legend markerscale, scatterpoints 3, ncols 2")

case("m02_axline_legend_best", [[
    c("plot", [0, 1, 2, 3, 4, 5], [0, 1, 4, 9, 16, 25], "o-", label="square"),
    c("axline", [0, 0], [5, 25], color="k", ls="--", label="chord"),
    c("axhline", 12, color="C3", label="hline"),
    c("axline", [2, 0], slope=8, color="C4", lw=0.8, label="steep"),
    c("legend", loc="best"),
]], "axline with axhline and loc='best' (the axlines' view crossings count)")

case("m03_axline_loglog_subplots", [
    [c("plot", [1, 10, 1000], [2, 30, 900]), c("set_xscale", "log"), c("set_yscale", "log"),
     c("axline", [1, 1], [10, 10], color="r")],
    [c("plot", [0, 1, 2], [0, 2, 1]), c("axline", [0, 0], slope=1, marker="s"),
     c("axline", [0.5, 0.5], [0.5, 2], color="g", dashes=[4, 2])],
], "axline on log-log axes (two points) and on linear axes beside it (markers, dashes)",
   subplots={"ncols": 2})

case("m04_annotations_edges", [[
    c("plot", [0, 1, 2], [0, 1, 2]),
    c("set_xlim", 0, 2),
    c("set_ylim", 0, 2),
    c("annotate", "corner", xy=[0, 0], xytext=[0.5, 1.5], arrowprops=AR),
    c("annotate", "right edge", xy=[2, 1], xytext=[1.2, 0.4], arrowprops=AR),
    c("annotate", "just out", xy=[2.02, 1], xytext=[1.2, 1.0], arrowprops=AR),
    c("annotate", "offset", xy=[-0.5, 1], xytext=[20, 10], textcoords="offset points"),
    c("legend", ["line"], loc="best"),
]], "annotate: xy on the Axes edge is kept, just outside hidden (also for offset text); "
    "legend 'best' beside hidden annotations")

case("m05_symlog_both_axes_minor", [[
    c("plot", [-1000, -10, 0, 10, 1000], [-50, -2, 0, 3, 80], "o-"),
    c("set_xscale", "symlog", linthresh=10, subs=[2, 4, 6, 8]),
    c("set_yscale", "symlog", linthresh=1, subs=[3]),
    c("tick_params", which="minor", length=4, color="r"),
]], "symlog x and y with subs, minor tick_params length and colour")

case("m06_symlog_xticks_fixed_minor", [[
    c("plot", [-300, 300], [0, 1]),
    c("set_xscale", "symlog", subs=[5]),
    c("set_xticks", [-100, 0, 100]),
    c("minorticks_on"),
]], "symlog subs with fixed major ticks: the minor ticks at fixed majors are removed")

case("m07_scatter_legend_many_points", [[
    c("scatter", SX, [1, 3, 2, 5, 4, 6], c=["r", "g", "b", "c", "m", "y"], label="colours"),
    c("scatter", SX, [0, 2, 1, 3, 2, 4], s=60, marker="^", edgecolors="k", linewidths=1.5,
      label="edged"),
    c("legend", scatterpoints=5, scatteryoffsets=[0.1, 0.5, 0.9], title="five"),
]], "legend scatterpoints 5 (linspace sizes), per-point colours, offsets tiled, title")

case("m08_fillstyle_none_alpha", [[
    c("plot", [0, 1, 2], [0, 1, 0], "o-", fillstyle="none", ms=12, alpha=0.5),
    c("plot", [0, 1, 2], [1, 2, 1], "s-", mfc="none", ms=12, alpha=0.5, mec="k"),
    c("plot", [0, 1, 2], [2, 3, 2], "p-", fillstyle="right", mfcalt="none", ms=14, alpha=0.4),
]], "marker faces 'none' stay transparent under alpha; half fill with mfcalt 'none'")

case("m09_axline_symlog_points", [[
    c("plot", [-100, 0, 100], [1, 2, 3]),
    c("set_xscale", "symlog"),
    c("axline", [-50, 1], [50, 3], color="r"),
    c("minorticks_on"),
]], "axline through two points on a symlog x axis (straight in screen space)")

case("m10_half_star_inverted_legend", [[
    c("plot", [1, 2, 3], [3, 1, 2], marker="*", fillstyle="bottom", markersize=20,
      markerfacecoloralt="tab:green", markeredgewidth=0.5, label="star", markevery=[0, 2]),
    c("invert_yaxis"),
    c("legend", loc="center", numpoints=3, markerscale=0.7),
]], "half star with markevery on an inverted y axis; legend numpoints 3, markerscale 0.7",
   figure={"figsize": [4, 3], "dpi": 120})

case("m11_scatter_mapped_alpha_hidden_annotation", [[
    c("scatter", [1, 2, 3], [1, 2, 3], c=[0.1, 0.5, 0.9], s=[5, 50, 500], label="m", alpha=0.5),
    c("annotate", "far", [10, 10], xytext=[2, 2], arrowprops={"arrowstyle": "-|>"}),
    c("legend", scatterpoints=4),
]], "colour-mapped scatter with alpha, scatterpoints 4; an annotation of a far point is hidden")


def main():
    write_cases(HERE)


if __name__ == "__main__":
    main()
