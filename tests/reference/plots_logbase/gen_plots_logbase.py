#!/usr/bin/env python3
"""Writes the log-base cases: log scales with bases other than 10 (`set_xscale('log',
base=...)`, `semilogx/semilogy/loglog(..., base=...)`): 2, e and 3 over data spanning few
and many decades, minor ticks ('auto' subs and explicit subs), grids, both axes. One case
per folder (figure.json, case.json, ref.png = matplotlib 3.11.2's canvas) next to this
script, and budgets.json (RMS 0 / bad 0) for every case.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_logbase/gen_plots_logbase.py [CASE ...]

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, write_figures  # noqa: E402
from plotgen import r as rounded  # noqa: E402


r = lambda v, n=5: rounded(v, n)  # noqa: E731
E = float(np.e)
lin = r(np.linspace(0, 1, 20))
few2 = r(np.logspace(0, 4, 20, base=2))  # 1 .. 16
many2 = r(np.logspace(-3, 20, 30, base=2))  # 1/8 .. 2**20
few3 = r(np.logspace(0, 2.5, 20, base=3))
many3 = r(np.logspace(-2, 9, 25, base=3))
fewe = r(np.logspace(0, 3, 20, base=E))
manye = r(np.logspace(-1, 12, 25, base=E))
C = {}

C["base2_x_few"] = {"axes": [[c("plot", few2, lin), c("set_xscale", "log", base=2)]]}
C["base2_x_many"] = {"axes": [[c("plot", many2, lin[:30] + lin[:10]), c("set_xscale", "log", base=2)]]}
C["base2_y_grid_both"] = {"axes": [[c("plot", lin, few2), c("set_yscale", "log", base=2), c("grid", True, which="both")]]}
C["base2_subs"] = {"axes": [[c("plot", few2, lin), c("set_xscale", "log", base=2, subs=[1.5])]]}
C["base3_x_few"] = {"axes": [[c("plot", few3, lin), c("set_xscale", "log", base=3)]]}
C["base3_y_many"] = {"axes": [[c("plot", lin[:5] * 5, many3), c("set_yscale", "log", base=3)]]}
C["base3_minor_grid"] = {"axes": [[c("plot", few3, lin), c("set_xscale", "log", base=3), c("grid", True, which="minor", ls=":"), c("grid", True)]]}
C["base3_short"] = {"axes": [[c("plot", [2, 4, 7], [1, 2, 3]), c("set_xscale", "log", base=3)]]}
C["basee_x_few"] = {"axes": [[c("plot", fewe, lin), c("set_xscale", "log", base=E)]]}
C["basee_y_many"] = {"axes": [[c("plot", lin[:5] * 5, manye), c("set_yscale", "log", base=E)]]}
C["semilogx_base2"] = {"axes": [[c("semilogx", few2, lin, "o-", base=2)]]}
C["semilogy_base3"] = {"axes": [[c("semilogy", lin, few3, base=3, subs=[2])]]}
C["loglog_base2"] = {"axes": [[c("loglog", many2, r(np.logspace(0, 6, 30, base=2)), base=2, color="r"), c("grid", True, which="both")]]}
C["loglog_base5"] = {"axes": [[c("loglog", r(np.logspace(0, 3, 20, base=5)), r(np.logspace(-1, 1, 20, base=5)), base=5)]]}
C["base2_both_axes"] = {"axes": [[c("plot", few2, r(np.logspace(-2, 2, 20, base=2))), c("set_xscale", "log", base=2), c("set_yscale", "log", base=2)]]}

# nonpositive='mask': values <= 0 become NaN and the line breaks there.
mx = [-2, -1, 0, 0.5, 1, 2, 5, 10, 20, 50, 100]
my = [1, 2, 3, 2, 1, 0, -1, 2, 3, 4, 5]
C["mask_x_line"] = {"axes": [[c("plot", mx, r(np.linspace(1, 3, 11))), c("set_xscale", "log", nonpositive="mask")]]}
C["mask_y_markers"] = {"axes": [[c("plot", list(range(11)), my, "o-"), c("set_yscale", "log", nonpositive="mask")]]}
C["mask_loglog_base2"] = {"axes": [[c("loglog", mx, [abs(v) + 0.5 if i % 3 else -1 for i, v in enumerate(my)], "s-", base=2, nonpositive="mask")]]}
C["mask_semilogy_grid"] = {"axes": [[c("semilogy", list(range(11)), my, nonpositive="mask"), c("grid", True)]]}
C["base2_scatter"] = {"axes": [[c("scatter", few2, lin), c("set_xscale", "log", base=2)]]}


def main():
    write_figures(HERE, C)


if __name__ == "__main__":
    main()
