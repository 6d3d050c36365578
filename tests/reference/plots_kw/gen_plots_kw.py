#!/usr/bin/env python3
"""Writes the keyword cases: keywords everyday matplotlib scripts use that figbuf once
refused (found by QA): title locations and title/label keywords, custom dash patterns,
RGB(A) tuples as colours, imshow with inline 2-D data. One case per keyword, one folder
per case (figure.json, case.json, ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_kw/gen_plots_kw.py [CASE ...]

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def c(m, *a, **k):
    d = {"method": m, "args": list(a)}
    if k:
        d["kwargs"] = k
    return d


r = lambda v, n=5: [round(float(z), n) for z in v]
t = np.linspace(0, 2 * np.pi, 50)
x, s, co = r(t), r(np.sin(t)), r(np.cos(t))
rng = np.random.default_rng(5)
C = {}

# RGB(A) tuples as colours.
C["col_plot"] = {"axes": [[c("plot", [1, 2], [1, 2], color=[0.2, 0.4, 0.6]), c("plot", [1, 2], [2, 1], color=[0.9, 0.1, 0.3, 0.5], lw=4)]]}
C["col_markers"] = {"axes": [[c("plot", x, s, "o-", mfc=[1, 0.8, 0], mec=[0.1, 0.1, 0.1, 0.7], ms=7)]]}
C["col_bar"] = {"axes": [[c("bar", [1, 2, 3], [3, 1, 2], color=[[0.1, 0.2, 0.3], [0.5, 0.5, 0.1], [0.8, 0.3, 0.3, 0.6]], edgecolor=[0, 0, 0])]]}
C["col_scatter"] = {"axes": [[c("scatter", [1, 2, 3, 4], [4, 1, 3, 2], c=[[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5]], s=80, edgecolors=[0, 0, 0, 0.5])]]}
C["col_scatter_one"] = {"axes": [[c("scatter", [1, 2, 3, 4, 5], [4, 1, 3, 2, 5], c=[0.3, 0.6, 0.9], s=60)]]}
C["col_misc"] = {"axes": [[c("plot", x, s), c("axhspan", -0.5, 0.5, color=[0.2, 0.8, 0.2], alpha=0.3), c("axvline", 3, color=[0.5, 0, 0.5]), c("text", 1, 0.5, "rgb", color=[0.8, 0.2, 0.1]), c("grid", True, color=[0.7, 0.7, 0.9]), c("set_facecolor", [0.95, 0.95, 0.9])]], "figure": {"facecolor": [0.9, 0.9, 1.0]}}
C["col_fill"] = {"axes": [[c("fill_between", x, s, co, color=[0.1, 0.5, 0.8], alpha=0.4), c("hist", r(rng.normal(size=200)), bins=10, color=[0.6, 0.2, 0.2], histtype="step")]]}
C["col_legend_ticks"] = {"axes": [[c("plot", x, s, label="sin"), c("errorbar", [1, 3, 5], [0, 0.5, -0.5], yerr=0.2, ecolor=[0.8, 0.4, 0.0], fmt="o", label="err"), c("legend", facecolor=[0.9, 0.95, 1.0], edgecolor=[0.2, 0.2, 0.2]), c("tick_params", colors=[0.6, 0.1, 0.1])]]}
C["col_scatter_row"] = {"axes": [[c("scatter", [1, 2, 3, 4, 5], [5, 3, 4, 1, 2], c=[[0.2, 0.6, 0.2]], s=50)]]}
gx, gy = np.meshgrid(np.linspace(-2, 2, 20), np.linspace(-2, 2, 20))
C["col_box_arrow"] = {"axes": [[c("plot", x, s), c("text", 1, 0.5, "boxed", bbox={"facecolor": [0.9, 0.8, 0.5], "edgecolor": [0.3, 0.3, 0.3], "alpha": 0.7}), c("annotate", "here", xy=[1.6, 1.0], xytext=[3, 0.5], arrowprops={"arrowstyle": "->", "color": [0.7, 0.1, 0.1]})]]}
C["col_contour_stack"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("contour", {"array": [r(row, 4) for row in np.exp(-(gx**2 + gy**2))]}, levels=4, colors=[0.1, 0.3, 0.5])], [c("stackplot", [1, 2, 3, 4], [1, 2, 1, 2], [2, 1, 2, 1], colors=[[0.8, 0.5, 0.2], [0.2, 0.5, 0.8]])]]}
rp = np.random.default_rng(9)  # its own generator: the later cases' data stay as they were
C["col_pie_hist"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("pie", [3, 2, 1], colors=[[0.9, 0.3, 0.3], [0.3, 0.9, 0.3], [0.3, 0.3, 0.9, 0.5]])], [c("hist", [r(rp.normal(size=100)), r(rp.normal(1, 1, size=100))], bins=8, color=[[0.2, 0.4, 0.6], [0.8, 0.5, 0.1]])]]}

# Custom dash patterns (scaled by the line width).
C["dash_kw"] = {"axes": [[c("plot", [0, 1], [0, 1], "--", dashes=[5, 2])]]}
C["dash_kw_lw"] = {"axes": [[c("plot", x, s, dashes=[8, 3, 2, 3], lw=2.5), c("plot", x, co, dashes=[1, 1], lw=0.8)]]}
C["dash_tuple"] = {"axes": [[c("plot", x, s, ls=[0, [5, 2]]), c("plot", x, co, linestyle=[3, [10, 3, 1, 3]], lw=2)]]}
C["dash_offset_big"] = {"axes": [[c("plot", x, s, ls=[17, [4, 2]], lw=1.5)]]}
C["dash_span"] = {"axes": [[c("plot", x, s), c("axhline", 0, ls=[0, [6, 2]], color="k")]]}

# imshow with inline 2-D data.
C["imshow_list"] = {"axes": [[c("imshow", [r(rng.random(8), 3) for _ in range(6)], cmap="magma")]]}
C["imshow_array"] = {"axes": [[c("imshow", {"array": [r(np.linspace(-1, 1, 5) * k, 3) for k in range(1, 5)]}, cmap="RdBu", extent=[0, 10, 0, 5]), c("plot", [0, 10], [0, 5], "w--")]]}
C["imshow_nan"] = {"axes": [[c("imshow", {"array": [[0.1, 0.5, None], [0.9, None, 0.3], [0.2, 0.4, 0.6]]}, cmap="viridis", interpolation="nearest")]]}
C["imshow_int"] = {"axes": [[c("imshow", [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], cmap="plasma")]]}

# Titles and axis labels.
C["title_left"] = {"axes": [[c("plot", x, s), c("set_title", "left title", loc="left")]]}
C["title_right"] = {"axes": [[c("plot", x, s), c("set_title", "right title", loc="right")]]}
C["title_three"] = {"axes": [[c("plot", x, s), c("set_title", "L", loc="left"), c("set_title", "Center"), c("set_title", "R", loc="right")]]}
C["title_pad"] = {"axes": [[c("plot", x, s), c("set_title", "padded", pad=20)]]}
C["title_fontsize"] = {"axes": [[c("plot", x, s), c("set_title", "big", fontsize=20)]]}
C["title_fontsize_name"] = {"axes": [[c("plot", x, s), c("set_title", "small", fontsize="small", loc="left")]]}
C["title_color"] = {"axes": [[c("plot", x, s), c("set_title", "red", color="r")]]}
C["title_bold"] = {"axes": [[c("plot", x, s), c("set_title", "bold title", fontweight="bold")]]}
C["title_y"] = {"axes": [[c("plot", x, s), c("set_title", "lower", y=0.9)]]}
C["xlabel_kw"] = {"axes": [[c("plot", x, s), c("set_xlabel", "x label", fontsize=14, color="b", labelpad=10)]]}
C["ylabel_kw"] = {"axes": [[c("plot", x, s), c("set_ylabel", "y label", fontsize="large", color="g", labelpad=2)]]}
C["xlabel_loc"] = {"axes": [[c("plot", x, s), c("set_xlabel", "left", loc="left"), c("set_ylabel", "top", loc="top")]]}
C["ylabel_loc"] = {"axes": [[c("plot", x, s), c("set_xlabel", "right", loc="right"), c("set_ylabel", "bottom", loc="bottom")]]}
C["title_math_lineup"] = {"axes": [[c("plot", x, s), c("set_title", r"$\sum_{i=0}^{N} x_i$", loc="left"), c("set_title", "plain"), c("set_title", "right", loc="right", color=[0.1, 0.5, 0.1])]]}
C["title_pad_right_multiline"] = {"axes": [[c("plot", x, s), c("set_title", "two\nlines", loc="right", pad=12, fontsize=9)]]}
C["title_subplots"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[c("plot", x, s), c("set_title", "a)", loc="left", fontweight="bold")], [c("plot", x, co), c("set_title", "b)", loc="left", fontweight="bold")]]}
C["suptitle_x_ha"] = {"axes": [[c("plot", x, s), c("set_title", "axes")]], "figure_calls": [c("suptitle", "left sup", x=0.1, ha="left", fontweight="bold", color=[0.2, 0.2, 0.6])]}
C["suptitle_kw"] = {"axes": [[c("plot", x, s)]], "figure_calls": [c("suptitle", "sup", fontsize=16, y=0.95)]}

# The QA figures that found these keywords missing (tests/reference/plots_qa/gen_plots_qa.py
# q05, q16, b17, b20), as QA wrote them.
xq = np.linspace(0, 10, 60).round(4).tolist()
sq = np.sin(np.linspace(0, 10, 60)).round(4).tolist()
C["qa_q05"] = {"axes": [[c("plot", xq, sq), c("annotate", "peak", xy=[1.6, 1.0], xytext=[3, 1.3], arrowprops={"arrowstyle": "->"}), c("set_ylim", -1.5, 1.6), c("set_title", "annotated", loc="left")]]}
C["qa_q16"] = {"axes": [[c("plot", [0, 1], [0, 1], "--", dashes=[5, 2])]]}
C["qa_b17"] = {"axes": [[c("plot", [1, 2], [1, 2], color=(0.2, 0.4, 0.6)), c("plot", [1, 2], [2, 1], color="tab:orange", lw=4, alpha=0.5), c("plot", [1, 2], [1.5, 1.5], color="0.5", ls="-.")]]}
rq = np.random.default_rng(11)
C["qa_b20"] = {"axes": [[c("imshow", [r(rq.random(10), 3) for _ in range(10)], cmap="magma", extent=[0, 10, 0, 5]), c("plot", [0, 10], [0, 5], "w--")]]}


def main():
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    only = set(sys.argv[1:])
    for n, f in sorted(C.items()):
        if only and n not in only:
            continue
        d = os.path.join(HERE, n)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(f, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": n, "round": 1, "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([sys.executable, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")], check=True)
        print(n)


if __name__ == "__main__":
    main()
