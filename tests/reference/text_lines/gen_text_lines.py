#!/usr/bin/env python3
"""Writes the text_lines cases: several lines of text with the `linespacing` (0.8, 1.2,
2.0 and 'normal') and `multialignment` ('left', 'center', 'right' under ha 'center' and
'right') keywords in text, annotate, set_title, set_xlabel/set_ylabel and suptitle, at
dpi 72, 100 and 150. One folder per case (figure.json, case.json, ref.png = matplotlib
3.11.2's canvas).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/text_lines/gen_text_lines.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, write_cases  # noqa: E402

X = [0, 1, 2, 3, 4]
Y = [1.0, 2.5, 2.0, 3.5, 3.0]
T3 = "first line\nsecond, longer line\nthird"
TM = "a\n$x^2_i$ mid\nlast line"


def fig(dpi, size=(6.4, 4.8)):
    return {"dpi": dpi, "figsize": list(size)}


case("l01_text_linespacing", [[
    c("plot", X, Y),
    c("text", 0.1, 2.8, T3, linespacing=0.8),
    c("text", 1.6, 2.8, T3, linespacing=1.2),
    c("text", 3.0, 2.8, T3, linespacing=2.0),
    c("text", 0.1, 1.2, TM, linespacing=2.0, va="center"),
    c("text", 2.0, 1.2, "one line", linespacing=2.0, va="top"),
]], "text with linespacing 0.8, 1.2, 2.0 (plain and mathtext lines, va baseline/center/top)",
    figure=fig(100))
case("l02_multialignment", [[
    c("plot", X, Y),
    c("text", 1.0, 3.2, T3, ha="center", multialignment="left"),
    c("text", 1.0, 1.8, T3, ha="center", multialignment="right"),
    c("text", 4.0, 3.2, T3, ha="right", multialignment="center"),
    c("text", 4.0, 1.8, T3, ha="right", ma="left", linespacing=1.5),
    c("text", 2.0, 1.0, T3, multialignment="right", rotation=30),
]], "text with multialignment left/center/right under ha center/right, rotated 30",
    figure=fig(100))
case("l03_title_linespacing", [[
    c("plot", X, Y),
    c("set_title", "Title\nwith three\nlines", linespacing=1.8),
    c("set_title", "left\nl", loc="left", multialignment="right", linespacing=0.9),
]], "a 3-line title with linespacing 1.8, a left title with multialignment right",
    figure=fig(100))
case("l04_labels_multialignment", [[
    c("plot", X, Y),
    c("set_xlabel", "x label\nlong second line\nx", multialignment="left"),
    c("set_ylabel", "y label\nunits (m)", multialignment="right", linespacing=2.0),
]], "xlabel with multialignment left, ylabel with multialignment right and linespacing 2",
    figure=fig(100))
case("l05_annotate", [[
    c("plot", X, Y),
    c("annotate", "peak\nof the curve\nhere", [3.0, 3.5], xytext=[0.5, 3.0],
      arrowprops={"arrowstyle": "->"}, multialignment="center", linespacing=1.6),
    c("annotate", "low\npoint", [0.0, 1.0], xytext=[1.5, 1.3],
      arrowprops={"arrowstyle": "-|>"}, ha="right", ma="left",
      bbox={"boxstyle": "round", "facecolor": "w"}),
]], "annotate with multialignment and linespacing, one with a round box",
    figure=fig(100))
case("l06_suptitle", [[
    c("plot", X, Y),
]], "a suptitle with linespacing 2.0 and multialignment right", figure=fig(100),
    figure_calls=[c("suptitle", "Suptitle\nsecond line here", linespacing=2.0,
                    multialignment="right")])
for dpi, size in ((72, (6.4, 4.8)), (150, (4.0, 3.0))):
    case(f"l07_mixed_dpi{dpi}", [[
        c("plot", X, Y),
        c("text", 0.2, 2.5, T3, linespacing=0.8, ha="center", ma="right"),
        c("text", 2.5, 1.2, TM, linespacing=2.0, multialignment="center"),
        c("set_title", "Title\nsecond", linespacing=1.2),
        c("set_xlabel", "x\nlonger x label", multialignment="right"),
    ]], f"linespacing and multialignment in text, title and xlabel at dpi {dpi}",
        figure=fig(dpi, size))

if __name__ == "__main__":
    write_cases(HERE)
