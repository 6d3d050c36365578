#!/usr/bin/env python3
"""Writes the plots_kw3 cases: the last refused keywords of plotting round 1 (issue #20).
`markevery` as a float (marks spaced along the line's display length in Axes diagonals),
as a (start, float step) tuple (written [start, step]), a slice (written
{"slice": [start, stop, step]}) and a boolean mask; the legend keywords fancybox=False,
labelcolor, markerfirst=False, shadow as a dict and fig.legend's loc='outside ...'
(without a layout engine the plain loc). One case per folder (figure.json, case.json,
ref.png = matplotlib 3.11.2's canvas) next to this script, and budgets.json (all exact).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_kw3/gen_plots_kw3.py [CASE ...]
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import write_figures  # noqa: E402


def c(m, *a, **k):
    d = {"method": m, "args": list(a)}
    if k:
        d["kwargs"] = k
    return d


r = lambda v, n=5: [round(float(z), n) for z in v]
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


def main():
    write_figures(HERE, C)


if __name__ == "__main__":
    main()
