#!/usr/bin/env python3
"""Writes the plots_kw3 cases: the last refused keywords of plotting round 1 (issue #20).
`markevery` as a float (marks spaced along the line's display length in Axes diagonals),
as a (start, float step) tuple (written [start, step]), a slice (written
{"slice": [start, stop, step]}) and a boolean mask; the legend keywords fancybox=False,
labelcolor, markerfirst=False, shadow as a dict and fig.legend's loc='outside ...'
(without a layout engine the plain loc); annotation arrows with connectionstyle
'arc3,rad=...' and 'angle3,angleA=...,angleB=...', and arrowprops without arrowstyle (width, headwidth,
headlength, shrink). The legend keywords alone and mixed with the legend keywords that
were already supported; scale changes on empty Axes (symlog keeps (0, 1)). One case per folder (figure.json, case.json,
ref.png = matplotlib 3.11.2's canvas) next to this script, and budgets.json (all exact).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_kw3/gen_plots_kw3.py [CASE ...]
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, write_figures  # noqa: E402
from plotgen import r as rounded  # noqa: E402


r = lambda v, n=5: rounded(v, n)  # noqa: E731
t = np.linspace(0, 2 * np.pi, 100)
x, s, co = r(t), r(np.sin(t)), r(np.cos(t))
C = {}

# markevery as a float, a (start, float) tuple, a slice, a mask.
C["me_float_sin"] = {"axes": [[c("plot", x, s, "o-", markevery=0.1)]]}
u = np.linspace(0, 1, 300)
C["me_float_uneven"] = {"axes": [[c("plot", r(u ** 3), r(np.sin(8 * u)), "s-", ms=4, markevery=0.03)]]}
C["me_tuple"] = {"axes": [[c("plot", x, s, "^-", markevery=[0.05, 0.15]), c("plot", x, co, "D--", markevery=[0, 0.25])]]}
C["me_float_one"] = {"axes": [[c("plot", x, s, "o-", markevery=1.0), c("plot", x, co, "x-", markevery=0.5)]]}
C["me_float_semilogy"] = {"axes": [[c("semilogy", r(np.linspace(1, 10, 60)), r(np.exp(np.linspace(0, 6, 60))), "o-", markevery=0.07)]]}
C["me_float_loglog_zero"] = {"axes": [[c("loglog", list(range(0, 40)), [0] + r(np.arange(1, 40) ** 1.5), "o-", markevery=0.1)]]}
yn = np.sin(t)
yn[20:26] = np.nan
yn[60] = np.nan
C["me_float_nan"] = {"axes": [[c("plot", x, [None if np.isnan(v) else round(float(v), 5) for v in yn], "o-", markevery=0.08)]]}
C["me_float_zoom"] = {"axes": [[c("plot", x, s, "o-", markevery=0.1), c("set_xlim", 1, 3)]]}
C["me_float_inverted_small"] = {"figure": {"figsize": [4, 2.5], "dpi": 120},
                                "axes": [[c("plot", x, co, "o-", markevery=0.2), c("invert_xaxis")]]}
C["me_float_steps"] = {"axes": [[c("plot", x[::5], s[::5], "o-", drawstyle="steps-mid", markevery=0.12)]]}
C["me_float_repeat"] = {"axes": [[c("plot", [0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6], [0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0], "o-", markevery=0.05)]]}
C["me_float_subplots"] = {"subplots": {"nrows": 1, "ncols": 2},
                          "axes": [[c("plot", x, s, "o-", markevery=0.1)], [c("plot", x, s, "o-", markevery=0.1)]]}
C["me_slice"] = {"axes": [[c("plot", x, s, "o-", markevery={"slice": [2, None, 7]}),
                           c("plot", x, co, "s-", markevery={"slice": [None, -10, 3]}),
                           c("plot", x, r(0.5 * np.sin(2 * t)), "v-", markevery={"slice": [90, 10, -9]})]]}
C["me_mask"] = {"axes": [[c("plot", x, s, "o-", markevery=[bool(i % 7 == 0 or i > 90) for i in range(100)])]]}
C["me_negative_int"] = {"axes": [[c("plot", x, s, "o-", markevery=-3)]]}

# Legend keywords: fancybox=False, shadow dicts, labelcolor, markerfirst=False, outside.
L1 = c("plot", x, s, "o-", label="sin", markevery=10)
L2 = c("plot", x, co, "--", label="cosine wave")
L3 = c("plot", x, r(0.5 * np.sin(2 * t)), "s:", mfc="yellow", mec="purple", label="half", markevery=12)
C["lg_fancybox_false"] = {"axes": [[L1, L2, c("legend", fancybox=False)]]}
C["lg_fancybox_false_shadow"] = {"axes": [[L1, L2, c("legend", fancybox=False, shadow=True, loc="lower left")]]}
C["lg_shadow_dict_color"] = {"axes": [[L1, L2, c("legend", shadow={"ox": 4, "oy": -5, "color": "red", "alpha": 0.3})]]}
C["lg_shadow_dict_shade"] = {"axes": [[L1, L2, c("legend", facecolor="lightyellow", shadow={"shade": 0.3}, loc="upper left")]]}
C["lg_shadow_dict_fc_ec"] = {"axes": [[L1, L2, c("legend", shadow={"facecolor": "b", "edgecolor": "g", "linewidth": 3, "ox": -3}, framealpha=0.5)]]}
C["lg_labelcolor_one"] = {"axes": [[L1, L2, L3, c("legend", labelcolor="red")]]}
C["lg_labelcolor_list"] = {"axes": [[L1, L2, L3, c("legend", labelcolor=["r", "g"])]]}
C["lg_labelcolor_none"] = {"axes": [[L1, L2, c("legend", labelcolor="none")]]}
MIX = [L1, L3,
       c("scatter", x[::9], s[::9], color="tab:green", label="dots"),
       c("scatter", x[::9], co[::9], c=r(np.linspace(0, 1, 12)), label="mapped"),
       c("bar", [1, 2, 3], [0.3, 0.5, 0.2], color="orange", edgecolor="k", alpha=0.6, label="bars"),
       c("fill_between", x, r(np.array(s) - 0.2), r(np.array(s) + 0.2), alpha=0.3, color="C4", label="band"),
       c("plot", x, r(np.array(co) * 0.3), "o", mfc="none", label="hollow", markevery=8)]
C["lg_labelcolor_linecolor"] = {"axes": [MIX + [c("legend", labelcolor="linecolor", ncols=2)]]}
C["lg_labelcolor_mfc"] = {"axes": [MIX + [c("legend", labelcolor="mfc", ncols=2)]]}
C["lg_labelcolor_mec"] = {"axes": [MIX + [c("legend", labelcolor="markeredgecolor", ncols=2)]]}
C["lg_markerfirst_false"] = {"axes": [[L1, L2, L3, c("legend", markerfirst=False)]]}
C["lg_markerfirst_false_cols"] = {"axes": [MIX + [c("legend", markerfirst=False, ncols=3, title="Title here", loc="lower center")]]}
C["lg_combined_dpi"] = {"figure": {"dpi": 150, "figsize": [5, 3.5]},
                        "axes": [[L1, L2, L3, c("legend", fancybox=False, markerfirst=False, labelcolor="linecolor",
                                                 borderpad=1.2, handlelength=3, shadow={"ox": 3}, edgecolor="k")]]}
EB = [c("errorbar", x[::10], s[::10], yerr=0.1, fmt="o-", ecolor="C3", mfc="C2", label="yerr"),
      c("errorbar", x[::10], co[::10], xerr=0.2, yerr=0.1, fmt="s--", capsize=3, label="both"),
      c("errorbar", x[::10], r(np.array(s[::10]) * 0.5), fmt="^:", color="C4", label="no bars")]
C["lg_labelcolor_errorbar"] = {"axes": [EB + [c("legend", labelcolor="linecolor")]]}
C["lg_labelcolor_errorbar_mfc_mec"] = {"subplots": {"nrows": 1, "ncols": 2},
                                       "axes": [EB + [c("legend", labelcolor="mfc")], EB + [c("legend", labelcolor="mec")]]}
FIG2 = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[L1, L2], [L3]]}
C["figlegend_outside_upper_right"] = dict(FIG2, figure_calls=[c("legend", loc="outside upper right")])
C["figlegend_outside_right_upper"] = dict(FIG2, figure_calls=[c("legend", loc="outside right upper", fancybox=False)])
C["figlegend_outside_lower_center"] = dict(FIG2, figure_calls=[c("legend", loc="outside lower center", ncols=3, labelcolor="linecolor")])
C["figlegend_outside_left"] = dict(FIG2, figure_calls=[c("legend", loc="outside center left", markerfirst=False)])

# Annotation arrows with the quadratic connection styles arc3 (rad) and angle3.
def ann(text, xy, xytext, **ap):
    return c("annotate", text, xy=xy, xytext=xytext, arrowprops=ap)


BASE = [c("plot", x, s), c("set_xlim", 0, 7), c("set_ylim", -1.5, 1.5)]
C["ann_arc3_rad"] = {"axes": [BASE + [ann("rad 0.3", [1.57, 1.0], [3, 1.2], arrowstyle="->", connectionstyle="arc3,rad=0.3"),
                                      ann("rad -0.5", [4.71, -1.0], [2.5, -1.2], arrowstyle="-|>", connectionstyle="arc3,rad=-0.5"),
                                      ann("rad 1", [3.14, 0.0], [5.5, 0.8], arrowstyle="<->", connectionstyle="arc3, rad=1")]]}
C["ann_angle3"] = {"axes": [BASE + [ann("default", [1.57, 1.0], [3, 0.3], arrowstyle="->", connectionstyle="angle3"),
                                    ann("0/90", [4.71, -1.0], [2.2, -0.6], arrowstyle="-|>", connectionstyle="angle3,angleA=0,angleB=90"),
                                    ann("-30/60", [6.0, -0.28], [4.8, 1.0], arrowstyle="-", connectionstyle="angle3,angleA=-30,angleB=60")]]}
C["ann_arc3_box_shrink"] = {"figure": {"dpi": 120},
                            "axes": [BASE + [c("annotate", "boxed", xy=[1.57, 1.0], xytext=[3.5, -0.5],
                                               bbox={"boxstyle": "round", "facecolor": "w", "pad": 0.5},
                                               arrowprops={"arrowstyle": "-|>", "connectionstyle": "arc3,rad=-0.4", "shrinkA": 5, "shrinkB": 8, "color": "C3", "lw": 2}),
                                             c("annotate", "sq", xy=[4.71, -1.0], xytext=[1.0, -1.2], bbox={"boxstyle": "square"},
                                               arrowprops={"arrowstyle": "->", "connectionstyle": "angle3,angleA=90,angleB=0"}),
                                             c("legend", ["sin"], loc="best")]]}

# Annotation arrows without arrowstyle (matplotlib's YAArrow imitation, 'simple').
C["ann_yaarrow_default"] = {"axes": [BASE + [c("annotate", "peak", xy=[1.57, 1.0], xytext=[3, 1.3], arrowprops={}),
                                             c("annotate", "trough", xy=[4.71, -1.0], xytext=[2.0, -1.3], arrowprops={"facecolor": "black"}),
                                             c("annotate", "zero", xy=[3.14, 0.0], xytext=[5.0, 0.6], arrowprops={"facecolor": "red", "shrink": 0.05})]]}
C["ann_yaarrow_sizes"] = {"figure": {"dpi": 130},
                          "axes": [BASE + [c("annotate", "wide", xy=[1.0, 0.84], xytext=[0.3, -0.9], fontsize=14,
                                             arrowprops={"width": 8, "headwidth": 20, "headlength": 15, "shrink": 0.1, "ec": "C2", "fc": "y"}),
                                           c("annotate", "thin", xy=[5.5, -0.7], xytext=[6.2, 1.2],
                                             arrowprops={"width": 1, "headwidth": 5, "headlength": 30, "connectionstyle": "arc3,rad=0.3"}),
                                           c("annotate", "short", xy=[3.3, -0.16], xytext=[3.6, -0.3],
                                             arrowprops={"headlength": 40, "lw": 0.5}),
                                           c("annotate", "boxed", xy=[2.2, 0.8], xytext=[3.5, 1.2], bbox={"boxstyle": "round"},
                                             arrowprops={"connectionstyle": "angle3,angleA=0,angleB=-90", "facecolor": "k"})]]}


# Scale changes: Axis._set_axes_scale autoscales only when the locator's limits for no
# data change (linear/symlog (-0.05, 0.05), log (1, 10)), so symlog keeps an empty Axes'
# (0, 1) while margins(0) or an empty plot autoscale it.
C["scale_symlog_empty"] = {"axes": [[c("set_yscale", "symlog")]]}
C["scale_symlog_empty_pair"] = {"subplots": {"nrows": 1, "ncols": 2},
                                "axes": [[c("set_xscale", "symlog")], [c("set_yscale", "symlog", linthresh=5), c("set_xscale", "log")]]}
C["scale_symlog_empty_margins0"] = {"axes": [[c("set_yscale", "symlog"), c("margins", 0)]]}
C["scale_symlog_after_data"] = {"axes": [[c("plot", x, r(10 * np.sin(t))), c("set_yscale", "symlog"), c("set_xscale", "symlog"), c("set_yscale", "linear")]]}

def main():
    write_figures(HERE, C)


if __name__ == "__main__":
    main()
