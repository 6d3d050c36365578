#!/usr/bin/env python3
"""Writes the plots_legend2 cases: legends with several columns (ncols 2/3/4) mixing
line, scatter and bar (patch) handles, Axes and figure legends, with titles; the frame's
rounded corners depend on the last bits of the packed boxes' extents. Then titles,
labels and texts holding paragraph separators (\\r, U+001C-U+001E, U+0085 NEL, U+2029)
that matplotlib draws up to and including the separator, and the line/other controls it
draws whole (U+2028, \\r\\n, \\v, \\f). One case per folder (figure.json, case.json,
ref.png = matplotlib 3.11.2's canvas) next to this script, and budgets.json (all exact).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_legend2/gen_plots_legend2.py [CASE ...]
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
P = c("plot", x, s, "o-", label="sin")
P2 = c("plot", x, co, "--", label="cos")
S = c("scatter", x[::5], co[::5], s=r(np.linspace(10, 200, 10)), label="sized")
S3 = c("scatter", x[::5], co[::5], marker="^", s=100, label="tri")
B = c("bar", [1, 2, 3], [0.5, 0.7, 0.3], label="bars", edgecolor="k", linewidth=2)
B1 = c("bar", [0, 1, 2], [0.5, 0.7, 0.3], label="bars")
C = {}

# Legends with columns mixing handles.
C["ncols3_line_tri_bar"] = {"axes": [[P, S3, B, c("legend", ncols=3)]]}
C["ncols3_mixed_five"] = {"axes": [[P, S, B, P2, S3, c("legend", ncols=3)]]}
C["ncols2_mixed"] = {"axes": [[B, S3, P, P2, c("legend", ncols=2)]]}
C["ncols4_mixed"] = {"axes": [[P, S3, B, P2, S, c("legend", ncols=4, loc="lower center")]]}
C["ncols3_title"] = {"axes": [[P, S3, B, P2, S, c("legend", ncols=3, title="Title", loc="upper left")]]}
C["ncols3_simple"] = {"axes": [[c("plot", [0, 1, 2], [0, 1, 0], label="line"), c("scatter", [0, 1, 2], [1, 0, 1], label="pts"), B1, c("legend", ncols=3)]]}
C["figlegend_ncols3_mixed"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[P, B], [S3, P2]], "figure_calls": [c("legend", loc="upper center", ncols=3)]}
C["figlegend_ncols2_title"] = {"subplots": {"nrows": 1, "ncols": 2}, "axes": [[P, S3], [B]], "figure_calls": [c("legend", loc="lower right", ncols=2, title="all")]}

# Paragraph separators and other controls in titles, labels and texts.
CTRL = {"nel": "ab\u0085cd", "ls": "ab\u2028cd", "ps": "ab\u2029cd", "cr": "ab\rcd", "crlf": "ab\r\ncd",
        "vt": "ab\x0bcd", "ff": "ab\x0ccd", "rs": "ab\x1ecd", "multiline": "ab\x85cd\nef\rgh\nij"}
for k, v in CTRL.items():
    C["ctrl_" + k] = {"axes": [[c("plot", [0, 1, 2], [0, 1, 0]), c("set_title", v), c("set_xlabel", v), c("set_ylabel", v), c("text", 0.5, 0.5, v)]]}
C["ctrl_nel_legend"] = {"axes": [[c("plot", x, s, label="sin\u0085wave"), c("plot", x, co, label="cos\u2029x"), c("legend", ncols=2)]]}


def main():
    write_figures(HERE, C)


if __name__ == "__main__":
    main()
