#!/usr/bin/env python3
"""Writes the long-line cases (matplotlib's Line2D subslicing: a line of more than 1000
points with sorted x is cut to the view's x bound before it is drawn, which moves where
the simplifier and the dash pattern start): one folder per case (figure.json, case.json,
.npy data and ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/lines_subslice/gen_lines_subslice.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, calls, description, npy):
    CASES[name] = (calls, description, npy)


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


X = np.linspace(0.0, 100.0, 5000)
Y = np.sin(X) + 0.3 * np.cos(7.3 * X)
XN = X.copy()
XN[[0, 1, 700, 1500, 1501, 1502, 2600, 4999]] = np.nan
rng = np.random.default_rng(20)
XU = X.copy()
XU[[10, 11]] = XU[[11, 10]]
WALK = np.cumsum(rng.normal(size=3000))
XY = {"x.npy": X, "y.npy": Y}
xs, ys = {"npy": "x.npy"}, {"npy": "y.npy"}

case("s01_solid_zoomed", [c("plot", xs, ys), c("set_xlim", 31.7, 48.2)],
     "5000 sorted points, solid, x view zoomed: subsliced (the simplifier starts at the cut)", XY)
case("s02_dashed_zoomed", [c("plot", xs, ys, "--"), c("set_xlim", 31.7, 48.2)],
     "as s01 dashed: the dash pattern starts at the subslice", XY)
case("s03_nan_x_dashed", [c("plot", {"npy": "xn.npy"}, ys, "-."), c("set_xlim", 10.03, 30.4)],
     "x sorted with NaNs (leading, inside, trailing): searchsorted on the interpolated x",
     {"xn.npy": XN, "y.npy": Y})
case("s04_inverted_steps_markers",
     [c("plot", xs, ys, "o:", drawstyle="steps-mid", markersize=3), c("set_xlim", 52.1, 50.0)],
     "inverted x limits (get_xbound sorts them), steps-mid, markers stamped only in the subslice",
     XY)
case("s05_unsorted_dashed", [c("plot", {"npy": "xu.npy"}, ys, "--"), c("set_xlim", 31.7, 48.2)],
     "two x values swapped: not sorted, not subsliced", {"xu.npy": XU, "y.npy": Y})
case("s06_walk_zoomed", [c("plot", {"npy": "walk.npy"}, lw=2.5), c("set_xlim", 1000, 1900)],
     "a 3000-point walk (x = indices) zoomed: subsliced, thick", {"walk.npy": WALK})


def main():
    py = sys.executable
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    budgets = {}
    for name, (calls, desc, npy) in sorted(CASES.items()):
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        for f, arr in npy.items():
            np.save(os.path.join(d, f), arr)
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump({"axes": [calls]}, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": name, "description": desc,
                       "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([py, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")],
                       check=True)
        budgets[name] = {"rms": 0.0, "bad_percent": 0.0}
        print(name)
    with open(os.path.join(HERE, "budgets.json"), "w") as fh:
        json.dump(budgets, fh, indent=1)


if __name__ == "__main__":
    main()
