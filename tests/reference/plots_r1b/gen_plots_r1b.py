#!/usr/bin/env python3
"""Writes the round-1b plot cases (issue 20: legend handles/labels and layout keywords,
rotated text and annotations, font weight/style/family, ...): one folder per case
(figure.json, case.json and ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_r1b/gen_plots_r1b.py

../plots_extra/mpl_figure.py is the project's copy of the oracle (it also takes
{"ref": [i, j, k]}: the k-th line a plot call returned).
"""

import json
import math
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, axes, description, figure=None, subplots=None, figure_calls=None):
    CASES[name] = (axes, description, figure, subplots, figure_calls)


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def r(v, n=6):
    return [round(float(x), n) for x in v]


def ref(i, j, k=None):
    return {"ref": [i, j] if k is None else [i, j, k]}


t = np.linspace(0, 2 * math.pi, 40)
x = r(t)
S, C = r(np.sin(t)), r(np.cos(t))

# --- rotated text, fonts -------------------------------------------------------------

ROT = []
for k, (ang, ha, va) in enumerate([
    (30, "left", "baseline"), (45, "center", "center"), (90, "right", "top"),
    (-60, "left", "bottom"), (135, "center", "baseline"), (200, "right", "center_baseline"),
    (15, "center", "top"), (270, "left", "center"),
]):
    ROT.append(c("text", 0.1 + 0.11 * k, 0.5 + 0.3 * ((k % 3) - 1), f"r{ang} {ha[0]}{va[:2]}",
                 rotation=ang, ha=ha, va=va, fontsize=11))
case("t01_text_rotation_default", [[
    c("plot", [0, 1], [0, 1], "k:", lw=0.5),
    *ROT,
]], "text: rotation at several angles with ha/va, rotation_mode 'default'")

case("t02_text_rotation_anchor", [[
    c("plot", [0, 1], [0, 1], "k:", lw=0.5),
    *[dict(q, kwargs={**q["kwargs"], "rotation_mode": "anchor"}) for q in ROT],
]], "text: the same texts with rotation_mode 'anchor'")

case("t03_text_fonts", [[
    c("text", 0.05, 0.85, "bold text Wg", fontweight="bold", fontsize=14),
    c("text", 0.05, 0.7, "italic text Wg", fontstyle="italic", fontsize=14),
    c("text", 0.05, 0.55, "bold italic Wg", fontweight="bold", style="italic", fontsize=14),
    c("text", 0.05, 0.4, "monospace 0123 Wg", family="monospace", fontsize=14),
    c("text", 0.05, 0.25, "semibold 600", fontweight=600, fontsize=12, color="C1"),
    c("text", 0.05, 0.1, "oblique light", fontstyle="oblique", fontweight="light"),
    c("text", 0.6, 0.5, "bold\nrotated\nlines", fontweight="bold", rotation=20, ha="center",
      va="center", fontsize=12),
    c("text", 0.85, 0.2, "mono 90", family="DejaVu Sans Mono", rotation="vertical"),
]], "text: fontweight bold/600/light, fontstyle italic/oblique, family monospace, rotated bold")

case("t04_annotate_rotated", [[
    c("plot", x, S),
    c("annotate", "peak", xy=[1.5708, 1.0], xytext=[3, 0.6], rotation=30,
      arrowprops={"arrowstyle": "->"}),
    c("annotate", "trough", xy=[4.7124, -1.0], xytext=[2.5, -0.5], rotation=-45,
      rotation_mode="anchor", ha="center", arrowprops={"arrowstyle": "-|>"}),
    c("annotate", "zero", xy=[3.1416, 0.0], xytext=[5, 0.4], rotation=90, fontweight="bold",
      arrowprops={"arrowstyle": "<->"}),
]], "annotate: rotated texts (default and anchor modes) with arrows clipped by the rotated box")

case("t05_annotate_coords", [[
    c("plot", x, S),
    c("annotate", "max", xy=[1.5708, 1.0], xytext=[20, -30], textcoords="offset points",
      arrowprops={"arrowstyle": "->"}),
    c("annotate", "corner", xy=[0.05, 0.9], xycoords="axes fraction", fontsize=12),
    c("annotate", "to min", xy=[4.7124, -1.0], xytext=[0.55, 0.6],
      textcoords="axes fraction", arrowprops={"arrowstyle": "-|>"}),
    c("annotate", "px", xy=[3.1416, 0.0], xytext=[-40, 25], textcoords="offset pixels",
      arrowprops={"arrowstyle": "-"}),
    c("annotate", "no arrow", xy=[5.5, -0.7], xytext=[5, 5], textcoords="offset points",
      rotation=20),
]], "annotate: xycoords 'axes fraction', textcoords 'offset points'/'offset pixels'/"
    "'axes fraction'")

case("t06_fontsize_names", [[
    c("plot", x, S, label="sin"),
    c("plot", x, C, label="cos"),
    c("text", 0.5, 0.5, "large text", fontsize="large"),
    c("text", 0.5, -0.5, "xx-small", fontsize="xx-small"),
    c("legend", fontsize="small", title="Title", title_fontsize="x-large"),
    c("tick_params", labelsize="small"),
]], "font size names: text 'large'/'xx-small', legend fontsize 'small', title_fontsize "
    "'x-large', tick_params labelsize 'small'")

case("t07_text_bbox_rotated", [[
    c("plot", [0, 1], [0, 1], "k:", lw=0.5),
    c("text", 0.2, 0.7, "round box", rotation=30, bbox={"boxstyle": "round", "fc": "wheat"}),
    c("text", 0.6, 0.3, "square box", rotation=-20, ha="center", va="center",
      bbox={"boxstyle": "square", "fc": "lightblue", "ec": "navy"}),
    c("text", 0.8, 0.7, "anchor\nmode", rotation=60, rotation_mode="anchor",
      bbox={"boxstyle": "round", "fc": "0.9", "pad": 0.5}),
    c("text", 0.2, 0.2, "plain pad", rotation=90, bbox={"fc": "C2", "alpha": 0.5}),
]], "text: bbox patches of rotated texts (round, square, default pad, multi-line)")

case("t08_text_bbox_multiline", [[
    c("text", 0.1, 0.6, "two\nlines", bbox={"boxstyle": "round", "fc": "wheat"}),
    c("text", 0.5, 0.5, "three\nline\nbox", ha="center", va="center",
      bbox={"boxstyle": "square", "fc": "lightblue"}),
    c("text", 0.7, 0.2, "one line", bbox={"fc": "C1", "alpha": 0.4}),
]], "text: bbox patches of unrotated multi-line texts")

case("t09_annotate_arrowprops", [[
    c("plot", x, S),
    c("annotate", "red", xy=[1.5708, 1.0], xytext=[2.5, 0.5],
      arrowprops={"arrowstyle": "->", "color": "red", "lw": 2}),
    c("annotate", "filled", xy=[4.7124, -1.0], xytext=[3, -0.3],
      arrowprops={"arrowstyle": "-|>", "fc": "yellow", "ec": "navy", "linewidth": 1.5}),
    c("annotate", "both", xy=[0.5, 0.48], xytext=[1, -0.6],
      arrowprops={"arrowstyle": "<->", "color": "C2"}),
]], "annotate: arrowprops color, facecolor/edgecolor, linewidth")

# --- legend ---------------------------------------------------------------------------

case("l01_legend_handles_labels", [[
    c("plot", x, S, x, C),
    c("scatter", r(t[::5]), r(np.sin(t[::5]) * 0.5), label="_hidden"),
    c("axhline", 0.5, color="C3", ls="--"),
    c("axvspan", 1, 2, alpha=0.3, color="C4"),
    c("legend", [ref(0, 0, 1), ref(0, 1), ref(0, 2), ref(0, 3), ref(0, 0, 0)],
      ["cos", "points", "level", "span", "sin"]),
]], "legend(handles, labels): refs to a plot's lines, a scatter, axhline and axvspan, in the "
    "given order")

case("l02_legend_handles_kw", [[
    c("plot", x, S, label="sine"),
    c("plot", x, C, label="cosine"),
    c("plot", x, r(np.sin(2 * t)), label="_skip"),
    c("legend", handles=[ref(0, 1, 0), ref(0, 2, 0)], loc="lower left"),
]], "legend(handles=...): labels from the handles, even one starting with '_'")

case("l03_legend_labels_only", [[
    c("plot", x, S),
    c("plot", x, C),
    c("plot", x, r(-np.sin(t))),
    c("legend", ["one", "two"]),
]], "legend(labels): the first handles get the labels")

case("l04_legend_bbox_outside", [[
    c("plot", x, S, label="sin"),
    c("plot", x, C, label="cos"),
    c("legend", loc="upper left", bbox_to_anchor=[1.02, 1], borderaxespad=0),
]], "legend: bbox_to_anchor 2-tuple outside the Axes, borderaxespad 0",
    figure={"figsize": [6, 4]})

case("l05_legend_bbox4_ncols", [[
    c("plot", x, S, label="first"),
    c("plot", x, C, label="second"),
    c("plot", x, r(np.sin(t) * np.cos(t)), label="third"),
    c("legend", loc="lower left", bbox_to_anchor=[0, 1.02, 1, 0.2], ncols=3,
      borderaxespad=0),
]], "legend: bbox_to_anchor 4-tuple above the Axes, ncols 3")

case("l06_legend_spacing", [[
    c("plot", x, S, "o-", markevery=5, label="sin"),
    c("plot", x, C, "s--", markevery=5, label="cos"),
    c("plot", x, r(np.sin(t + 1)), label="shift"),
    c("bar", [1, 2], [0.5, 0.3], label="bars", alpha=0.5),
    c("legend", ncols=2, labelspacing=1.2, handlelength=3.5, handletextpad=0.3,
      columnspacing=0.8, borderpad=1.0, borderaxespad=1.5, loc="lower right"),
]], "legend: labelspacing, handlelength, handletextpad, columnspacing, borderpad, "
    "borderaxespad")

case("l07_legend_frame_colors", [[
    c("plot", x, S, label="sin"),
    c("plot", x, C, label="cos"),
    c("legend", edgecolor="navy", facecolor="lightyellow", framealpha=1, linewidth=2,
      title="Waves", title_fontsize=13, alignment="left", loc="upper right"),
]], "legend: edgecolor, facecolor, framealpha 1, frame linewidth, title_fontsize, "
    "alignment left")

case("l08_legend_alignment_right", [[
    c("plot", x, S, label="a much longer label"),
    c("plot", x, C, label="b"),
    c("legend", title="T", alignment="right", edgecolor="inherit", facecolor="none",
      loc="center"),
]], "legend: alignment right with a title, edgecolor 'inherit', facecolor 'none'")

case("l09_legend_markerscale", [[
    c("plot", x, S, "o", ms=4, label="dots"),
    c("plot", x, C, "^-", markevery=4, label="triangles"),
    c("scatter", [1, 2, 3], [0, 0.5, 1], s=[10, 40, 90], label="sized", color="C2"),
    c("legend", markerscale=2.0, loc="lower left", reverse=True),
]], "legend: markerscale 2 on line markers and a scatter of varying sizes, reverse")

case("m01_fillstyle_none", [[
    c("plot", x, S, "o-", fillstyle="none", ms=8),
    c("plot", x, C, "s", fillstyle="none", mfc="C3", color="C2"),
    c("plot", x, r(np.sin(t) * 0.5), "D--", fillstyle="full", markevery=3),
]], "plot: fillstyle 'none' (face 'none' even with markerfacecolor) and 'full'")

case("l10_legend_shadow", [[
    c("plot", x, S, label="sin"),
    c("plot", x, C, label="cos"),
    c("legend", shadow=True, loc="upper center"),
]], "legend: shadow (framealpha 1 by default)")

case("l11_legend_shadow_colors", [[
    c("plot", x, S, label="sin"),
    c("scatter", [1, 2], [0, 0.5], label="pts"),
    c("legend", shadow=True, facecolor="lightblue", framealpha=0.6, fontsize="large"),
]], "legend: shadow of a coloured frame with framealpha 0.6, fontsize 'large'")

case("l12_legend_numpoints_loc_xy", [[
    c("plot", x, S, "o-", markevery=4, label="sin"),
    c("plot", x, C, "x--", label="cos"),
    c("legend", numpoints=3, loc=[0.05, 0.08], markerscale=0.8),
]], "legend: numpoints 3, loc as an (x, y) point in Axes fractions")

case("l13_legend_loc_xy_anchor", [[
    c("plot", x, S, label="sin"),
    c("legend", loc=[0.5, 0.5], bbox_to_anchor=[0.5, 0, 0.5, 1], numpoints=2),
]], "legend: loc (x, y) inside a 4-tuple bbox_to_anchor, numpoints 2")

# --- ticks ---------------------------------------------------------------------------

case("k01_tick_params_style", [[
    c("plot", x, S),
    c("tick_params", axis="x", width=2, colors="C3", pad=8),
    c("tick_params", axis="y", labelcolor="C2", color="C1", length=6, width=0.5),
]], "tick_params: width, colors, labelcolor, color, pad")

case("k02_minorticks_on", [[
    c("plot", x, S),
    c("minorticks_on"),
]], "minorticks_on: AutoMinorLocator minor ticks on both linear axes")

case("k03_minor_tick_params_grid", [[
    c("plot", r(t * 3), r(np.cos(t) * 7)),
    c("minorticks_on"),
    c("tick_params", which="minor", length=4, width=1.2, color="C1"),
    c("tick_params", which="both", pad=6),
    c("grid", which="minor", color="0.9"),
]], "tick_params which='minor' (length, width, color) and 'both' (pad), minor grid")

case("k04_minorticks_log_off", [[
    c("loglog", r(np.logspace(0, 3, 30)), r(np.logspace(0, 3, 30) ** 0.5)),
    c("minorticks_off"),
]], "minorticks_off on log axes")

case("k05_minorticks_fixed", [[
    c("plot", x, S),
    c("set_xticks", [0, 2.5, 5]),
    c("set_ylim", -1.3, 1.7),
    c("minorticks_on"),
]], "minorticks_on with fixed x ticks (step 2.5: 5 divisions) and odd y limits")

case("k06_labelrotation", [[
    c("plot", r(t * 1000), S),
    c("tick_params", axis="x", labelrotation=45),
    c("tick_params", axis="y", labelrotation=-30, labelsize=8),
    c("set_xlabel", "time"),
    c("set_ylabel", "value"),
]], "tick_params labelrotation (rotation_mode 'default'); axis labels clear the rotated labels")

# --- spans on log axes --------------------------------------------------------------------

case("s01_spans_log", [[
    c("loglog", r(np.logspace(0, 3, 30)), r(np.logspace(0, 3, 30) ** 1.5)),
    c("axvspan", 10, 100, alpha=0.3, color="C1"),
    c("axhspan", 100, 1000, alpha=0.3, color="C2"),
]], "axvspan/axhspan on log axes")


def main():
    py = sys.executable
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    only = set(sys.argv[1:])
    for name, (axes, desc, figure, subplots, fcalls) in sorted(CASES.items()):
        if only and name not in only:
            continue
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        spec = {}
        if figure:
            spec["figure"] = figure
        if subplots:
            spec["subplots"] = subplots
        spec["axes"] = axes
        if fcalls:
            spec["figure_calls"] = fcalls
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(spec, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": name, "description": desc, "round": "1b",
                       "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([py, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")],
                       check=True)
        print(name)


if __name__ == "__main__":
    main()
