#!/usr/bin/env python3
"""Writes the shared_api cases: shared Axes (sharex= / sharey=) driven through calls on
any member of a group, in orders figure.json cannot express (calls interleaved between
the Axes). Each case folder gets steps.json ({"figure", "subplots", "steps": [[axes
index, call], ...]}, a call written as in figure.json) and ref.png, matplotlib 3.11.2's
canvas after running the steps in order. tests/shared_axes.rs runs the same steps through
figbuf's library API (no sync call) and compares byte for byte.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/shared_api/gen_shared_api.py [CASE ...]
"""

import json
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "plots_extra"))
import mpl_figure  # noqa: E402
from mpl_figure import np, plt  # noqa: E402
from PIL import Image  # noqa: E402


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


FIG = {"figsize": [5, 3.5], "dpi": 72}
X = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
Y1 = [2.0, 5.0, 3.0, 40.0, 7.0, 12.0]
Y2 = [0.5, 1.5, 9.0, 2.5, 80.0, 4.0]
XB = [0.5, 3.0, 9.5]
YB = [-2.0, 3.0, 1.0]
COL = {"nrows": 2, "ncols": 1, "sharex": "col"}
ROW = {"nrows": 1, "ncols": 2, "sharey": "row"}
BOTH = {"nrows": 1, "ncols": 2, "sharex": True, "sharey": True}
C = {}

# A scale set on the second Axes of a group, before and after the data.
C["xlog_on_second_after"] = (COL, [(0, c("plot", X, Y1)), (1, c("plot", XB, [1.0, 2.0, 3.0])), (1, c("set_xscale", "log"))])
C["xlog_on_second_before"] = (COL, [(1, c("set_xscale", "log")), (0, c("plot", X, Y1)), (1, c("plot", XB, [1.0, 2.0, 3.0]))])
C["ylog_on_first_then_plot_second"] = (ROW, [(0, c("set_yscale", "log")), (1, c("plot", X, Y2)), (0, c("plot", X, Y1))])
C["ylog_on_second_uses_its_margins"] = (ROW, [(0, c("plot", X, Y1)), (0, c("margins", 0.0)), (1, c("set_yscale", "log"))])
C["symlog_keeps_unstaled_limits"] = (COL, [(0, c("plot", X, Y1)), (1, c("invert_xaxis")), (1, c("set_xscale", "symlog"))])
# ylim set before a log scale (a non-positive bound kept), on either member.
C["ylim_then_log"] = (ROW, [(0, c("plot", X, Y1)), (1, c("plot", X, Y2)), (1, c("set_ylim", 0.5, None)), (0, c("set_yscale", "log"))])
C["log_then_ylim_nonpositive"] = (ROW, [(0, c("plot", X, Y1)), (0, c("set_yscale", "log")), (1, c("plot", X, Y2)), (1, c("set_ylim", -1.0, 200.0))])
C["log_then_ylim_none"] = (ROW, [(1, c("plot", X, Y2)), (1, c("set_yscale", "log")), (0, c("plot", X, Y1)), (0, c("set_ylim", None, 500.0))])
C["ylim_then_log_second"] = (ROW, [(0, c("set_ylim", 1.0, 100.0)), (1, c("set_yscale", "log")), (0, c("plot", X, Y1)), (1, c("plot", X, Y2))])
C["ylim_then_log_then_autoscaled_plot"] = (BOTH, [(1, c("plot", X, Y2)), (0, c("set_ylim", 0.1, None)), (1, c("set_yscale", "log")), (0, c("plot", X, Y1)), (1, c("set_xlim", 0.0, None))])
# One side None reads the group's view (autoscaled with the calling Axes' margins).
C["xlim_none_second_margins"] = (COL, [(0, c("plot", X, Y1)), (0, c("margins", 0.3)), (1, c("plot", XB, YB)), (1, c("set_xlim", None, 7.0))])
C["xlim_then_plot_more"] = (COL, [(0, c("plot", X, Y1)), (1, c("set_xlim", 2.0, None)), (0, c("plot", [0.0, 20.0], [1.0, 2.0])), (1, c("plot", XB, YB))])
C["xlim_both_sides_keeps_y_request"] = (ROW, [(0, c("plot", X, Y1)), (0, c("margins", 0.0)), (1, c("set_xlim", 0.0, 7.0))])
C["margins_on_second"] = (BOTH, [(0, c("plot", X, Y1)), (1, c("plot", XB, YB)), (1, c("margins", 0.0, 0.25))])
# Inverted axes through either member.
C["invert_second_stale"] = (BOTH, [(0, c("plot", X, Y1)), (0, c("margins", 0.0)), (1, c("plot", XB, YB)), (1, c("invert_yaxis")), (0, c("invert_xaxis"))])
C["invert_then_plot"] = (COL, [(1, c("invert_xaxis")), (0, c("plot", X, Y1)), (1, c("plot", XB, YB))])
C["invert_then_xlim"] = (COL, [(0, c("plot", X, Y1)), (0, c("invert_xaxis")), (1, c("set_xlim", None, 0.0))])
# Fixed ticks and labels, categories.
C["xticks_on_second"] = (BOTH, [(0, c("plot", X, Y1)), (1, c("set_xticks", [1.0, 3.5, 6.0], ["a", "mid", "z"])), (1, c("plot", XB, YB))])
C["categories_two_members"] = ({"nrows": 1, "ncols": 2, "sharex": True}, [(0, c("bar", ["apples", "pears"], [3.0, 5.0])), (1, c("bar", ["kiwis", "apples"], [2.0, 4.0])), (0, c("bar", ["figs"], [1.0]))])
C["categories_then_plot_numbers"] = ({"nrows": 2, "ncols": 1, "sharex": True},
                                     [(1, c("bar", ["a", "b", "c"], [1.0, 2.0, 3.0])), (0, c("plot", [0.0, 1.0, 2.0], [3.0, 1.0, 2.0]))])
# Calls that set limits while autoscaling is on: imshow's extent, axhline reading the view.
C["imshow_on_second"] = (BOTH, [(0, c("plot", [0.0, 3.0], [0.0, 5.0])), (1, c("imshow", {"array": [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]})), (0, c("plot", [1.0, 2.0], [1.0, 1.5]))])
C["imshow_after_plot_on_first"] = (BOTH, [(0, c("plot", [0.0, 10.0], [0.0, 8.0])), (1, c("imshow", {"array": [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]}))])
C["axhline_reads_group"] = (ROW, [(0, c("plot", X, Y1)), (1, c("margins", 0.0, 0.3)), (1, c("axhline", 20.0))])
C["axhline_outside_group"] = (ROW, [(0, c("plot", X, Y1)), (1, c("axhline", 20.0)), (1, c("axhline", 60.0))])
C["pie_on_second"] = (BOTH, [(0, c("plot", [-1.0, 1.0], [-0.5, 2.0])), (1, c("pie", [1.0, 2.0, 3.0]))])
C["symlog_after_xlim"] = (COL, [(1, c("plot", [-50.0, 0.0, 50.0], [1.0, 2.0, 1.0])), (1, c("set_xlim", -100.0, None)), (0, c("set_xscale", "symlog")), (0, c("plot", X, Y1))])


def draw(subplots, steps):
    plt.rcdefaults()
    grid = dict(subplots)
    nrows, ncols = grid.pop("nrows"), grid.pop("ncols")
    fig, axs = plt.subplots(nrows, ncols, squeeze=False, **FIG, **grid)
    axes = list(axs.ravel())
    for i, call in steps:
        mpl_figure.call(axes[i], call, HERE, axes, {})
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    return rgba


def main():
    only = set(sys.argv[1:])
    for name, (subplots, steps) in sorted(C.items()):
        if only and name not in only:
            continue
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "steps.json"), "w") as fh:
            json.dump({"figure": FIG, "subplots": subplots, "steps": [[i, s] for i, s in steps]}, fh, indent=1)
            fh.write("\n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rgba = draw(subplots, steps)
        Image.fromarray(rgba, "RGBA").save(os.path.join(d, "ref.png"))
        print(name)


if __name__ == "__main__":
    main()
