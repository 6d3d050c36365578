"""What the plot generators share (gen_plots_r2.py, gen_plots_stats.py, gen_plots_r2c.py,
gen_plots_r2d.py, gen_plots_kw2.py, gen_plots_logbase.py, gen_plots_legend2.py): the case
table, call builders and the writers that draw every case with the project's copy of the
oracle (plots_extra/mpl_figure.py)."""

import json
import os
import subprocess
import sys

import numpy as np

CASES = {}


def case(name, axes, description, figure=None, subplots=None, figure_calls=None, npy=None):
    CASES[name] = (axes, description, figure, subplots, figure_calls, npy or {})


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def r(v, n=6):
    return [round(float(x), n) for x in v]


def write_cases(here):
    py = sys.executable
    tool = os.path.join(here, "..", "plots_extra", "mpl_figure.py")
    for name, (axes, desc, figure, subplots, fcalls, npy) in sorted(CASES.items()):
        d = os.path.join(here, name)
        os.makedirs(d, exist_ok=True)
        for f, arr in npy.items():
            np.save(os.path.join(d, f), arr)
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
            json.dump({"name": name, "description": desc, "round": 2,
                       "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([py, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")], check=True)
        print(name)



def write_figures(here, figures, budgets=True):
    """Writes each figure of `figures` (case name -> figure.json dict) into its folder under
    `here` with its case.json (round 1) and matplotlib's ref.png: only the names given on the
    command line, if any. A full run with `budgets` also writes budgets.json (RMS 0 / bad 0
    for every case)."""
    tool = os.path.join(here, "..", "plots_extra", "mpl_figure.py")
    only = set(sys.argv[1:])
    for n, f in sorted(figures.items()):
        if only and n not in only:
            continue
        d = os.path.join(here, n)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(f, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": n, "round": 1, "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([sys.executable, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")], check=True)
        print(n)
    if budgets and not only:
        with open(os.path.join(here, "budgets.json"), "w") as fh:
            json.dump({n: {"rms": 0.0, "bad_percent": 0.0} for n in sorted(figures)}, fh, indent=1)
            fh.write("\n")
