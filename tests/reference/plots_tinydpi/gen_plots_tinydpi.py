#!/usr/bin/env python3
"""Writes the tiny-dpi plot cases (issue 18): figures below 1 dpi, which matplotlib 3.11.2
draws (FT2Font.set_size passes int(dpi) = 0 to FreeType, which takes 72 dpi for the
glyphs while the layout keeps the true dpi), and tick marks shorter than a pixel at an
ordinary dpi (not snapped: Line2D.draw snaps a marker only when its size in pixels reaches
the marker's snap_threshold, 1.0 for ticks). One folder per case (figure.json, case.json,
ref.png = matplotlib's canvas) next to this script, plus budgets.json (RMS 0, bad 0).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_tinydpi/gen_plots_tinydpi.py
"""

import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, r, write_cases  # noqa: E402

t = np.linspace(0, 2 * math.pi, 40)
x = r(t)

case("t01_plot_dpi0_5", [[
    c("plot", x, r(np.sin(t)), label="sin"), c("plot", x, r(np.cos(t)), "--", label="cos"),
    c("set_title", "half a dpi"), c("set_xlabel", "x"), c("legend"),
]], "plot, dashes, title, label, legend at 0.5 dpi on a 20 x 10 in figure (10 x 5 px)",
    figure={"figsize": [20.0, 10.0], "dpi": 0.5})

case("t02_scatter_bar_dpi0_9", [
    [c("scatter", [1, 2, 3, 4], [4, 1, 3, 2], s=[20, 80, 200, 500], c="C1"), c("grid", True)],
    [c("bar", [1, 2, 3], [3, -1, 2], color="C2", edgecolor="k"), c("axhline", 0, color="k")],
], "scatter with sizes and grid, bar with edges at 0.9 dpi, two subplots (18 x 10 px)",
    figure={"figsize": [20.0, 12.0], "dpi": 0.9}, subplots={"ncols": 2})

case("t03_text_annotate_dpi0_75", [[
    c("plot", [0, 1, 2], [0, 2, 1], marker="o"), c("text", 1, 1, "text"),
    c("annotate", "peak", xy=[1, 2], xytext=[1.5, 1.5], arrowprops={"arrowstyle": "->"}),
    c("set_ylabel", "y"),
]], "markers, text, annotate with an arrow at 0.75 dpi (12 x 9 px)",
    figure={"figsize": [16.0, 12.0], "dpi": 0.75})

case("t04_loglog_dpi0_3", [[
    c("loglog", r(np.logspace(0, 3, 20)), r(np.logspace(0, 3, 20) ** 0.5)),
    c("grid", True, which="both"),
]], "log-log with minor ticks and grid at 0.3 dpi (12 x 9 px)",
    figure={"figsize": [40.0, 30.0], "dpi": 0.3})

case("t05_short_ticks_dpi100", [[
    c("plot", x, r(np.sin(t))), c("tick_params", length=0.5, width=2.0),
]], "ticks 0.5 pt long at 100 dpi (0.69 px): shorter than a pixel, so not snapped",
    figure={"figsize": [3.2, 2.4], "dpi": 100})

case("t06_short_ticks_inout_dpi150", [[
    c("plot", x, r(np.cos(t))), c("tick_params", length=0.4, direction="inout"),
    c("minorticks_on"),
]], "inout ticks 0.4 pt long at 150 dpi (0.83 px), minor ticks (2 pt: snapped) on",
    figure={"figsize": [3.0, 2.0], "dpi": 150})

case("t07_colorbar_pcolormesh_dpi0_5", [[
    c("pcolormesh", [r(row) for row in np.arange(12.0).reshape(3, 4) ** 1.5]),
]], "pcolormesh with a figure colorbar at 0.5 dpi (the bar narrower than a pixel)",
    figure={"figsize": [24.0, 16.0], "dpi": 0.5},
    figure_calls=[c("colorbar", {"ref": [0, 0]}, label="v")])


def main():
    write_cases(HERE)
    budgets = {name: {"rms": 0.0, "bad_percent": 0.0} for name in sorted(CASES)}
    with open(os.path.join(HERE, "budgets.json"), "w") as f:
        json.dump(budgets, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
