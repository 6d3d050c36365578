#!/usr/bin/env python3
"""Writes the large-canvas image cases (issue 21): imshow with a colorbar on a 3840 x 2160
canvas, the image upsampled by less than 3 (so 'auto' is hanning in the 'rgba' stage, the
filter of the benchmark's `canvas 3840x2160 1024` job), at 100 dpi and at 300 dpi. The data
is a smooth field with a step, a checkerboard patch and faint noise (float32, to keep the
.npy small). One folder per case (figure.json, case.json, field.npy, ref.png = matplotlib's
canvas) next to this script, plus budgets.json (RMS 0, bad 0).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_canvas/gen_plots_canvas.py
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, write_cases  # noqa: E402


def field(rows, cols, seed):
    y, x = np.mgrid[0:rows, 0:cols] / np.array([rows, cols]).reshape(2, 1, 1)
    f = np.sin(5 * x) * np.cos(3 * y) + 0.4 * (x > 0.6)
    f[rows // 8:rows // 4, cols // 8:cols // 4] += 0.3 * ((np.indices((rows // 8, cols // 8)).sum(0) // 3) % 2)
    f += 0.002 * np.random.default_rng(seed).standard_normal((rows, cols))
    return f.astype(np.float32)


case("c01_canvas_3840x2160_dpi100", [[
    c("imshow", {"npy": "field.npy"}), c("set_title", "3840 x 2160"),
]], "imshow of 600 x 600 float32 data (upsampled ~2.8x: hanning) with a colorbar on a "
    "38.4 x 21.6 in figure at 100 dpi (3840 x 2160 px)",
    figure={"figsize": [38.4, 21.6], "dpi": 100},
    figure_calls=[c("colorbar", {"ref": [0, 0]})],
    npy={"field.npy": field(600, 600, 1)})

case("c02_canvas_3840x2160_dpi300", [[
    c("imshow", {"npy": "field.npy"}, cmap="magma"), c("set_xlabel", "x"),
]], "imshow of 600 x 600 float32 data with magma and a colorbar on a 12.8 x 7.2 in figure "
    "at 300 dpi (3840 x 2160 px)",
    figure={"figsize": [12.8, 7.2], "dpi": 300},
    figure_calls=[c("colorbar", {"ref": [0, 0]})],
    npy={"field.npy": field(600, 600, 2)})


def main():
    write_cases(HERE)
    budgets = {name: {"rms": 0.0, "bad_percent": 0.0} for name in sorted(CASES)}
    with open(os.path.join(HERE, "budgets.json"), "w") as f:
        json.dump(budgets, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
