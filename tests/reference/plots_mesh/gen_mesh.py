#!/usr/bin/env python3
"""Writes the mesh plot cases (pcolormesh, contour, contourf): one folder per case
(figure.json, case.json, .npy data and ref.png = matplotlib 3.11.2's canvas) next to this
script. p12 beside them is a copy of the public case.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_mesh/gen_mesh.py

../plots_extra/mpl_figure.py is the project's copy of the oracle (shared/tools/mpl_figure.py).
"""

import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, axes, description, figure=None, subplots=None, figure_calls=None, npy=None):
    CASES[name] = (axes, description, figure, subplots, figure_calls, npy or {})


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def r(a, n=6):
    return np.round(np.asarray(a, dtype=float), n).tolist()


def cb(i, **kw):
    return c("colorbar", {"ref": [i, 0]}, ax={"axes": i}, **kw)


rng = np.random.default_rng(12)
C34 = r(rng.uniform(0, 10, size=(3, 4)), 3)
xs = np.linspace(-3, 3, 25)
ys = np.linspace(-2, 2, 19)
XX, YY = np.meshgrid(xs, ys)
ZZ = np.exp(-(XX ** 2 + YY ** 2) / 2) - 0.6 * np.exp(-((XX - 1.5) ** 2 + (YY + 0.5) ** 2))
SK_X = XX + 0.3 * YY
SK_Y = YY + 0.1 * np.sin(XX)
NPY = {"xx.npy": XX, "yy.npy": YY, "zz.npy": ZZ, "skx.npy": SK_X, "sky.npy": SK_Y}
ZNAN = ZZ.copy()
ZNAN[5:8, 10:14] = np.nan
NPY["znan.npy"] = ZNAN
LOGC = np.exp(rng.uniform(0, 6, size=(6, 8)))
NPY["logc.npy"] = LOGC

case("m01_flat_nonuniform_edges", [[
    c("pcolormesh", [0, 1, 1.5, 4, 5], [0, 0.5, 2, 3], C34, shading="flat",
      edgecolors="k", linewidth=0.5),
]], "pcolormesh flat: non-uniform 1-D X/Y, black edges 0.5 pt")

case("m02_c_only_nan_colorbar", [[
    c("pcolormesh", {"npy": "c12.npy"}, cmap="plasma"),
]], "pcolormesh(C) with NaN (masked) cells and a colorbar",
    figure_calls=[cb(0)], npy={"c12.npy": np.array([[1, 2, np.nan, 4], [5, 6, 7, 8], [9, np.nan, 11, 12.0]])})

case("m03_nearest_2d_skewed", [[
    c("pcolormesh", {"npy": "skx.npy"}, {"npy": "sky.npy"}, {"npy": "zz.npy"},
      shading="nearest", cmap="RdBu_r", vmin=-0.8, vmax=0.8, alpha=0.7),
]], "pcolormesh nearest: skewed 2-D X/Y centres, vmin/vmax, alpha", npy=NPY)

case("m04_auto_lognorm_colorbar", [[
    c("pcolormesh", r(np.linspace(0, 7, 8) ** 1.3), r(np.arange(6) * 0.5), {"npy": "logc.npy"},
      norm="log", cmap="magma"),
]], "pcolormesh auto -> nearest from 1-D centres, log norm, colorbar", npy=NPY,
    figure_calls=[cb(0)])

case("m05_flat_2d_white_edges", [[
    c("pcolormesh", {"npy": "xx.npy"}, {"npy": "yy.npy"}, r(ZZ[:-1, :-1]),
      edgecolors="w", linewidth=2, cmap="viridis"),
]], "pcolormesh flat from 2-D corners, white edges 2 pt", npy=NPY)

case("m06_nan_edges_face", [[
    c("pcolormesh", {"npy": "znan.npy"}, edgecolors="face", linewidth=1.5),
]], "pcolormesh(C) with a NaN block, edgecolors='face'", npy=NPY)

# Contours: a saddle-rich field (holes, closed loops, boundary runs), NaN holes in Z.
cx = np.linspace(-3, 3, 40)
cy = np.linspace(-2, 2.5, 33)
CX, CY = np.meshgrid(cx, cy)
CZ = np.sin(1.3 * CX) * np.cos(1.1 * CY) + 0.3 * np.exp(-(CX ** 2 + CY ** 2))
CZN = CZ.copy()
CZN[10:14, 15:22] = np.nan
CZN[25, 5] = np.nan
NPY = {**NPY, "cx.npy": cx, "cy.npy": cy, "cz.npy": CZ, "czn.npy": CZN,
       "cx2.npy": CX + 0.2 * CY, "cy2.npy": CY}

case("c01_contourf_int_levels_lines", [[
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=8,
      cmap="coolwarm"),
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=8,
      colors="k", linewidths=0.8),
]], "contourf 8 levels (coolwarm, 1-D x/y) with black lines (negative levels dashed)", npy=NPY)

case("c02_contour_cmap_explicit_levels", [[
    c("contour", {"npy": "cz.npy"}, levels=[-0.9, -0.5, -0.1, 0.0, 0.3, 0.7, 1.0],
      cmap="viridis", linewidths=[1, 2]),
]], "contour(Z) explicit levels, cmap colours at the levels, cycled linewidths", npy=NPY)

case("c03_contourf_colors_extend_both", [[
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"},
      levels=[-0.5, 0, 0.5], colors=["navy", "w", "darkred", "orange"], extend="both"),
]], "contourf colors list with extend='both' (under/over colours)", npy=NPY)

case("c04_contourf_extend_max_alpha", [[
    c("contourf", {"npy": "cx2.npy"}, {"npy": "cy2.npy"}, {"npy": "cz.npy"}, levels=6,
      cmap="plasma", extend="max", alpha=0.6),
]], "contourf on a skewed 2-D grid, int levels with extend='max', alpha", npy=NPY)

case("c05_nan_corner_mask", [
    [c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "czn.npy"}, levels=7),
     c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "czn.npy"}, levels=7,
       colors="k", linewidths=0.5)],
    [c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "czn.npy"}, levels=7,
       corner_mask=False),
     c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "czn.npy"}, levels=7,
       colors="k", linewidths=0.5, corner_mask=False)],
], "NaN in Z: masked blocks with corner_mask True and False", npy=NPY,
    figure={"figsize": [10, 4]}, subplots={"ncols": 2})

case("c06_contour_colors_linestyles", [[
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=5,
      colors=["C0", "C1", "C2"], linestyles=["solid", "dotted"], linewidths=1.5),
]], "contour colors list (not monochrome: negatives solid) and cycled linestyles", npy=NPY)

case("c07_pcolormesh_contour_overlay_colorbar", [[
    c("pcolormesh", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, shading="nearest",
      cmap="Greys"),
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=[-0.5, 0, 0.5],
      colors="r", linewidths=2),
]], "pcolormesh (nearest) under red contour lines, colorbar of the mesh", npy=NPY,
    figure_calls=[cb(0)])

case("e01_single_level_paths", [
    [c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=[0.2],
       colors="m")],
    [c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=[-0.3, 0.4])],
], "one path per collection: a single contour level, contourf with two levels", npy=NPY,
    figure={"figsize": [10, 4]}, subplots={"ncols": 2})

case("e02_log_axes_mesh_contour", [
    [c("pcolormesh", [1, 2, 5, 10, 20, 50], [1, 3, 10, 30],
       [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]]),
     c("set_xscale", "log"), c("set_yscale", "log")],
    [c("contour", r(np.geomspace(1, 100, 30)), r(np.geomspace(1, 10, 20)),
       r(np.outer(np.linspace(0, 1, 20), np.linspace(0, 2, 30)) ** 0.5), levels=5),
     c("set_xscale", "log")],
], "log axes: pcolormesh (non-affine transData) and contour lines on a log x axis",
    figure={"figsize": [10, 4]}, subplots={"ncols": 2})

case("e03_pcolormesh_antialiased", [[
    c("pcolormesh", {"npy": "skx.npy"}, {"npy": "sky.npy"}, {"npy": "zz.npy"}, antialiased=True),
]], "pcolormesh antialiased=True (edges stroked in the face colour)", npy=NPY)


# Colorbars of contour sets: boundaries = the levels, ticks on the levels (FixedLocator),
# extend triangles in the under/over colours, contour lines drawn across the bar.
case("k01_contourf_colorbar", [[
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=8),
]], "contourf 8 levels with fig.colorbar(cs)", npy=NPY, figure_calls=[cb(0)])

case("k02_contourf_extend_both_horizontal_colorbar", [[
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"},
      levels=[-0.8, -0.5, -0.2, 0, 0.1, 0.5, 0.9], cmap="RdBu_r", extend="both"),
]], "contourf uneven explicit levels, extend='both', horizontal colorbar with a label",
    npy=NPY, figure_calls=[cb(0, orientation="horizontal", label="height")])

case("k03_contour_lines_colorbar", [[
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=6,
      cmap="plasma"),
]], "contour lines (cmap) with a colorbar: the lines drawn across the bar", npy=NPY,
    figure_calls=[cb(0)])

case("k04_contourf_colors_extend_max_alpha_colorbar", [[
    c("contourf", {"npy": "cx2.npy"}, {"npy": "cy2.npy"}, {"npy": "cz.npy"}, levels=6,
      cmap="plasma", extend="max", alpha=0.6),
], [
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"},
      levels=[-0.5, 0, 0.5], colors=["navy", "w", "darkred", "orange"], extend="both"),
]], "contourf extend='max' with alpha, and a colors list with extend='both', both with colorbars",
    npy=NPY, figure={"figsize": [10, 4]}, subplots={"ncols": 2},
    figure_calls=[cb(0), cb(1)])


# norm='log' given as a string: matplotlib 3.11 checks isinstance(norm, LogNorm) before the
# string becomes a LogNorm, so the set is not log-scaled (arithmetic layers) while the
# colorbar, seeing a LogNorm, gets a log axis with the levels as ticks.
CZP = 10.0 ** (1.8 * CZ)
NPY = {**NPY, "czp.npy": CZP}
case("k05_contourf_log_string_colorbar", [[
    c("contourf", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "czp.npy"},
      levels=[0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100], norm="log", cmap="viridis"),
]], "contourf norm='log' (string) with positive explicit levels and a colorbar (log axis)",
    npy=NPY, figure_calls=[cb(0)])


case("k06_contour_lines_extend_horizontal_colorbar", [[
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"},
      levels=[-0.6, -0.2, 0.2, 0.6], cmap="coolwarm", linewidths=[1, 3], extend="both"),
]], "contour lines with extend='both' (outline triangles, no fill) and a horizontal colorbar",
    npy=NPY, figure_calls=[cb(0, orientation="horizontal")])


case("k07_contour_thin_lines_colorbar", [[
    c("contour", {"npy": "cx.npy"}, {"npy": "cy.npy"}, {"npy": "cz.npy"}, levels=6,
      cmap="plasma", linewidths=1),
]], "contour lines 1 pt (odd pixel width: the snapped right ends are clipped at the bar)",
    npy=NPY, figure_calls=[cb(0)])


def main():
    py = sys.executable
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    only = set(sys.argv[1:])
    for name, (axes, desc, figure, subplots, fcalls, npy) in sorted(CASES.items()):
        if only and name not in only:
            continue
        d = os.path.join(HERE, name)
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


if __name__ == "__main__":
    main()
