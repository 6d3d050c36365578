#!/usr/bin/env python3
"""Writes the text_audit cases (issue 19): annotation arrows leaving round and square text
boxes at many angles (through the rounded corners, with `pad`, `shrinkA`/`shrinkB`, rotated
text), several lines in legend entries, legend titles and tick labels set by the user, and
every text position (titles with loc, axis labels with loc, suptitle/supxlabel/supylabel,
colorbar label, legend, text with bbox, annotate, tick labels, clabel) holding mathtext,
several lines, escaped and unbalanced dollars, CJK/Hebrew/Arabic, rotations, at dpi 72, 100
and 200. One folder per case (figure.json, case.json, ref.png = matplotlib 3.11.2's canvas).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/text_audit/gen_text_audit.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import math
import os
import random
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, write_cases  # noqa: E402

X = [0, 1, 2, 3, 4]
Y = [1.0, 2.5, 2.0, 3.5, 3.0]


def fig(dpi, size=(6.4, 4.8)):
    return {"dpi": dpi, "figsize": list(size)}


def ring(n, r, cx=2.0, cy=2.0, phase=0.0):
    """n points on an ellipse of radius r (data units) around (cx, cy)."""
    out = []
    for k in range(n):
        a = 2 * math.pi * k / n + phase
        out.append([round(cx + 1.6 * r * math.cos(a), 4), round(cy + r * math.sin(a), 4)])
    return out


def arrow_case(name, desc, dpi, text, n, r, style, bbox, ap=None, phase=0.0, **kw):
    calls = [c("set_xlim", 0, 4), c("set_ylim", 0, 4)]
    for xy in ring(n, r, phase=phase):
        props = {"arrowstyle": style}
        props.update(ap or {})
        calls.append(c("annotate", text, xy, xytext=[2.0, 2.0], arrowprops=props,
                       bbox=bbox, ha="center", va="center", **kw))
    case(name, [calls], desc, figure=fig(dpi))


# 1. Arrows leaving a box through its corners.
for dpi in (72, 100, 200):
    arrow_case(f"a01_round_box_ring_dpi{dpi}",
               "24 arrows from a round box (pad 0.3) at every 15 degrees, through the corners",
               dpi, "Box", 24, 1.5, "->", {"boxstyle": "round", "fc": "w"})
arrow_case("a02_round_pad_ring", "arrows from a round box with pad 0.8 through its corners",
           100, "corner\ntext", 32, 1.6, "-|>", {"boxstyle": "round", "pad": 0.8, "fc": "w"},
           phase=0.05)
arrow_case("a03_square_ring", "arrows from a square box (pad 0.5) through its corners",
           100, "Sq", 32, 1.4, "<->", {"boxstyle": "square", "pad": 0.5, "fc": "0.9"},
           phase=0.02)
arrow_case("a04_shrink", "arrows with shrinkA 0/8 and shrinkB 0/5 from a round box",
           100, "shrink", 16, 1.5, "->", {"boxstyle": "round", "fc": "w"},
           ap={"shrinkA": 8, "shrinkB": 0}, phase=0.1)
arrow_case("a05_rotated_round", "arrows from a round box around text rotated 30 degrees",
           100, "rotated", 24, 1.6, "->", {"boxstyle": "round", "pad": 0.4, "fc": "w"},
           rotation=30, phase=0.07)
arrow_case("a06_rotated_square_dpi200", "arrows from a square box around text rotated 75",
           200, "tilt\nmore", 20, 1.6, "-", {"boxstyle": "square", "fc": "w", "ec": "r"},
           rotation=75, phase=0.03)
arrow_case("a07_noedge_round", "a round box without an edge (radius 0 in contains)",
           100, "noedge", 24, 1.5, "->", {"boxstyle": "round", "fc": "0.8", "ec": "none"},
           phase=0.11)
arrow_case("a08_nobox", "arrows from text without a box (the padded extent)",
           100, "plain\ntext", 24, 1.5, "->", None, ap={"shrinkA": 0, "shrinkB": 3},
           phase=0.09)

# Random annotations (seeded): texts of every kind, all box kinds and pads, arrow styles,
# shrinks, alignments, rotations and font sizes, the arrows crossing each other's boxes.
rng = random.Random(19)
TEXTS = ["Box", "two\nlines", "$\\alpha^2$", "中文 x", "שלום", "a\nbb\nccc", "price \\$5"]
for k in range(6):
    dpi = rng.choice([72, 100, 200])
    calls = [c("set_xlim", 0, 4), c("set_ylim", 0, 4)]
    for j in range(10):
        a = rng.uniform(0, 2 * math.pi)
        r = rng.uniform(0.6, 1.8)
        xy = [round(2 + 1.5 * r * math.cos(a), 4), round(2 + r * math.sin(a), 4)]
        xt = [round(rng.uniform(1.2, 2.8), 3), round(rng.uniform(1.2, 2.8), 3)]
        bbox = rng.choice([None,
                           {"boxstyle": "round", "fc": "w", "pad": round(rng.uniform(0.1, 1.0), 2)},
                           {"boxstyle": "square", "fc": "0.9", "pad": round(rng.uniform(0.1, 1.0), 2)},
                           {"boxstyle": "round", "fc": "y", "ec": "none"}])
        ap = {"arrowstyle": rng.choice(["->", "-|>", "<->", "-"])}
        if rng.random() < 0.4:
            ap["shrinkA"] = rng.choice([0, 1, 5])
        if rng.random() < 0.4:
            ap["shrinkB"] = rng.choice([0, 3, 7])
        kw = dict(arrowprops=ap, ha=rng.choice(["left", "center", "right"]),
                  va=rng.choice(["baseline", "center", "top", "bottom"]),
                  rotation=rng.choice([0, 0, 15, 45, 90, 137, 270]),
                  fontsize=rng.choice([8, 10, 14]))
        if bbox:
            kw["bbox"] = bbox
        calls.append(c("annotate", rng.choice(TEXTS), xy, xytext=xt, **kw))
    case(f"a09_random_{k}_dpi{dpi}", [calls],
         "10 random annotations: boxes, pads, arrow styles, shrinks, alignments, rotations",
         figure=fig(dpi))

# 2. Several lines in legend entries, legend titles and tick labels.
for dpi in (72, 100, 200):
    case(f"b01_legend_lines_dpi{dpi}", [[
        c("plot", X, Y, label="first\nsecond line"),
        c("plot", X, [y - 0.5 for y in Y], label="one"),
        c("plot", X, [y + 0.5 for y in Y], label="$x^2$\nthree\nlines"),
        c("legend", title="Legend\ntitle"),
    ]], "legend entries and title with several lines", figure=fig(dpi))
    case(f"b02_tick_labels_lines_dpi{dpi}", [[
        c("plot", X, Y),
        c("set_xticks", [0, 1, 2, 3, 4], labels=["a\nb", "one", "$\\alpha$\n2nd", "x\ny\nz", "e"]),
        c("set_yticks", [1, 2, 3], labels=["low\nside", "mid", "high\n$\\beta$"]),
    ]], "tick labels set by the user with several lines", figure=fig(dpi))
case("b03_tick_labels_rotated", [[
    c("plot", X, Y),
    c("set_xticks", [0, 1, 2, 3, 4], labels=["a\nbb", "one", "two\nlines", "x\ny\nz", "e"]),
    c("tick_params", axis="x", labelrotation=45),
    c("set_yticks", [1, 2, 3], labels=["low\nside", "mid", "high\nend"]),
    c("tick_params", axis="y", labelrotation=30),
]], "multi-line tick labels with labelrotation", figure=fig(100))
case("b04_legend_lines_ncols", [[
    c("plot", X, Y, label="a\nb"),
    c("plot", X, [y - 0.5 for y in Y], label="single"),
    c("plot", X, [y + 0.5 for y in Y], label="three\nline\nlabel"),
    c("legend", ncols=2, title="two\ncolumns", loc="lower right"),
]], "multi-line entries in a two-column legend", figure=fig(100))

# 3. Every text position with mixed content.
MIX = "$\\alpha$ mix\nline \\$5"
for dpi in (72, 100, 200):
    case(f"c01_titles_labels_dpi{dpi}", [[
        c("plot", X, Y),
        c("set_title", "T $\\beta^2$ \\$ 中文", loc="left"),
        c("set_title", "right\nשלום", loc="right"),
        c("set_xlabel", "x $\\mu$s\nسلام", loc="right"),
        c("set_ylabel", "price \\$ (unbalanced $", loc="bottom"),
    ]], "titles and labels with loc: mathtext, dollars, CJK, Hebrew, Arabic", figure=fig(dpi),
        figure_calls=[c("suptitle", "Sup $\\frac{1}{2}$\nsecond"),
                      c("supxlabel", "sup x\n$\\sigma$"), c("supylabel", "sup y \\$")])
    case(f"c02_text_annotate_dpi{dpi}", [[
        c("plot", X, Y),
        c("text", 0.2, 3.0, MIX, rotation=20, bbox={"boxstyle": "round", "fc": "w"}),
        c("text", 2.0, 1.2, "עברית $x_1$\nשתי שורות", rotation=-35,
          bbox={"boxstyle": "square", "fc": "0.9"}),
        c("text", 3.2, 1.5, "日本 $5 only", rotation=90),
        c("annotate", "peak $\\hat{y}$\nعربي", [3.0, 3.5], xytext=[1.0, 2.0],
          arrowprops={"arrowstyle": "->"}, bbox={"boxstyle": "round", "fc": "w"}),
    ]], "text and annotate with boxes, rotation, mathtext and scripts", figure=fig(dpi))
    case(f"c03_colorbar_legend_dpi{dpi}", [[
        c("imshow", [[0, 1, 2], [3, 4, 5]]),
        c("set_title", "$\\sqrt{x}$ 漢字", loc="center"),
    ]], "colorbar label with mathtext, two lines and a dollar", figure=fig(dpi),
        figure_calls=[c("colorbar", {"ref": [0, 0]}, label="cb $\\Omega$\nsecond \\$")])
case("c04_tick_labels_mixed", [[
    c("plot", X, Y),
    c("set_xticks", [0, 1, 2, 3, 4], labels=["\\$1", "$\\pi$", "中", "שלום", "a $ b"]),
    c("tick_params", axis="x", labelrotation=60),
]], "tick labels with a dollar, mathtext, CJK, Hebrew, an unbalanced dollar, rotated",
    figure=fig(100))
case("c05_legend_mixed", [[
    c("plot", X, Y, label="$\\lambda$ \\$ 字"),
    c("plot", X, [y - 1 for y in Y], label="עברית\nline"),
    c("legend", title="$T$ title\n2", loc="upper left"),
]], "legend entries and title with mathtext, dollars, CJK, Hebrew", figure=fig(100))
case("c06_text_rotations", [[
    c("plot", X, Y),
] + [c("text", 0.4 + 0.8 * k, 2.0, "rot $x^2$\nline", rotation=a, ha="center", va="center")
     for k, a in enumerate((15, 123, 200, 271, 333))]], "text at any angles with two lines and mathtext",
    figure=fig(100))

# Contour labels holding mathtext, a dollar, CJK and Hebrew, several lines.
xs = np.linspace(-3, 3, 40)
ys = np.linspace(-2, 2, 30)
XX, YY = np.meshgrid(xs, ys)
ZZ = np.exp(-(XX ** 2 + YY ** 2) / 2) - 0.6 * np.exp(-((XX - 1.5) ** 2 + (YY + 0.5) ** 2))
NPY = {"x.npy": xs, "y.npy": ys, "z.npy": ZZ}
CX, CY, CZ = {"npy": "x.npy"}, {"npy": "y.npy"}, {"npy": "z.npy"}
for dpi in (72, 200):
    case(f"d01_clabel_math_dpi{dpi}", [[
        c("contour", CX, CY, CZ, levels=[-0.3, 0.1, 0.5, 0.9]),
        c("clabel", {"ref": [0, 0]}, fmt="$%1.1f$"),
    ]], "clabel with a mathtext %-format", figure=fig(dpi), npy=NPY)
case("d02_clabel_map_scripts", [[
    c("contour", CX, CY, CZ, levels=[-0.3, 0.1, 0.5, 0.9]),
    c("clabel", {"ref": [0, 0]}, fmt={"-0.3": "\\$3", "0.1": "中", "0.5": "שלום",
                                      "0.9": "$\\alpha$ pk"}),
]], "clabel with a level map: a dollar, CJK, Hebrew, mathtext", figure=fig(100), npy=NPY)

# The figure's own labels with several lines (supylabel's lines align as its ha 'left').
for dpi in (72, 100):
    case(f"e01_sup_labels_lines_dpi{dpi}", [[c("plot", X, Y)]],
         "supxlabel and supylabel with several lines of different lengths", figure=fig(dpi),
         figure_calls=[c("supxlabel", "sup x\nlonger second line"),
                       c("supylabel", "sup y\nlonger second line\n$x$")])

case("e02_sup_labels_keywords", [[c("plot", X, Y)]],
     "supxlabel/supylabel with x, y, ha, fontsize, color, fontweight, multialignment, linespacing",
     figure=fig(100),
     figure_calls=[c("supxlabel", "left x\nlonger second line $\\mu$", x=0.1, y=0.02, ha="left",
                     fontsize=9, color="tab:red", multialignment="right", linespacing=1.8),
                   c("supylabel", "bold y\nsecond", x=0.01, y=0.4, fontweight="bold",
                     multialignment="center", linespacing=0.9, fontsize=14)])

case("b05_tick_label_keywords", [[
    c("plot", X, Y),
    c("set_xticks", [0, 1, 2, 3, 4], labels=["a\nbbbb", "one", "two\nl", "x\nyy\nz", "e"],
      multialignment="right", linespacing=2.0),
    c("set_yticks", [1, 2, 3], labels=["low\nside x", "mid", "hi\n$\\beta$"], ma="center",
      linespacing=0.8),
]], "set_xticks/set_yticks with labels and the text keywords multialignment, linespacing",
    figure=fig(100))

# Seeded random figures: every text position holding one of a pool of mixed texts.
POOL = ["$\\alpha$ (rad)", "time [$\\mu$s]", "price in \\$", "a $ b", "中文标题", "שלום עולם",
        "مرحبا", "two\nlines", "$\\frac{a}{b}$\nline", "x\\$y $z^2$", "$\\sqrt{2}$ שלום",
        "dash – here", "é ü ß"]
rng = random.Random(11)
for k in range(4):
    dpi = rng.choice([72, 100, 200])

    def s():
        return rng.choice(POOL)
    calls = [c("plot", X, Y, label=s()), c("plot", X, [y - 1 for y in Y], label=s())]
    calls.append(c("set_title", s(), loc=rng.choice(["left", "center", "right"])))
    calls.append(c("set_xlabel", s(), loc=rng.choice(["left", "center", "right"])))
    calls.append(c("set_ylabel", s(), loc=rng.choice(["bottom", "center", "top"])))
    calls.append(c("set_xticks", [0, 2, 4], labels=[s(), s(), s()]))
    if rng.random() < 0.5:
        calls.append(c("tick_params", axis="x", labelrotation=rng.choice([30, 90, 200])))
    calls.append(c("legend", title=s() if rng.random() < 0.5 else None,
                   loc=rng.choice(["best", "upper left", "lower right"])))
    calls.append(c("text", rng.uniform(0, 3), rng.uniform(1, 3), s(), rotation=rng.uniform(0, 360),
                   bbox={"boxstyle": rng.choice(["round", "square"]), "fc": "w"}))
    fc = [c("suptitle", s())] if rng.random() < 0.5 else []
    case(f"f01_random_positions_{k}_dpi{dpi}", [calls],
         "every text position with a random mixed text (mathtext, dollars, scripts, lines)",
         figure=fig(dpi), figure_calls=fc)

if __name__ == "__main__":
    write_cases(HERE)
