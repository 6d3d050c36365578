"""Generate extra reference cases with matplotlib 3.11.2 (Agg), in the same format as the
shared cases: case.json (figure description + the equivalent figbuf argv), data.npy, ref.png.

Run from the repository root with a Python that has matplotlib==3.11.2, numpy and pillow:

    python tests/reference/gen_extra.py tests/reference/extra

The figure is built exactly as the shared reference README describes.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_no_avx512  # noqa: F401  (re-runs this script with numpy's AVX-512 math off)
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import colors
from PIL import Image

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__
OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/reference/extra"
rng = np.random.default_rng(7)

def smooth(h, w, scale=1.0, offset=0.0):
    y, x = np.mgrid[0:h, 0:w]
    return offset + scale * (np.sin(x / max(w, 2) * 5.1) * np.cos(y / max(h, 2) * 3.7) + 0.3 * x / max(w, 1))

def num(v):
    return repr(float(v)) if isinstance(v, float) else str(v)

def render(name, data, **c):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    np.save(os.path.join(d, "data.npy"), data)
    fig, ax = plt.subplots(figsize=c.get("figsize", (6.4, 4.8)), dpi=c.get("dpi", 100))
    if c.get("fill"):
        fig.subplots_adjust(0, 0, 1, 1)
    kw = {}
    argv = ["figbuf", "imshow", "DATA.npy", "-o", "OUT.png"]
    if data.ndim == 2:
        cmap = plt.get_cmap(c.get("cmap", "viridis"))
        if any(k in c for k in ("bad", "over", "under")):
            cmap = cmap.with_extremes(bad=c.get("bad"), over=c.get("over"), under=c.get("under"))
        kw["cmap"] = cmap
        if "cmap" in c:
            argv += ["--cmap", c["cmap"]]
        norm = c.get("norm")
        if norm:
            argv += ["--norm", norm]
            if norm == "log": kw["norm"] = colors.LogNorm(c.get("vmin"), c.get("vmax"))
            elif norm == "centered": kw["norm"] = colors.CenteredNorm()
            elif norm.startswith("symlog:"): kw["norm"] = colors.SymLogNorm(float(norm[7:]), vmin=c.get("vmin"), vmax=c.get("vmax"))
            elif norm.startswith("power:"): kw["norm"] = colors.PowerNorm(float(norm[6:]), vmin=c.get("vmin"), vmax=c.get("vmax"))
            elif norm.startswith("twoslope:"): kw["norm"] = colors.TwoSlopeNorm(float(norm[9:]), vmin=c.get("vmin"), vmax=c.get("vmax"))
        if not norm or norm == "linear":
            if "vmin" in c: kw["vmin"] = c["vmin"]
            if "vmax" in c: kw["vmax"] = c["vmax"]
        for k in ("vmin", "vmax"):
            if k in c: argv += ["--" + k, num(c[k])]
    for k in ("interpolation", "origin", "aspect"):
        if k in c:
            kw[k] = c[k]
            argv += ["--" + k, str(c[k])]
    if "extent" in c:
        kw["extent"] = c["extent"]
        argv += ["--extent", ",".join(num(v) for v in c["extent"])]
    im = ax.imshow(data, **kw)
    cb = c.get("colorbar")
    if cb is not None:
        fig.colorbar(im, ax=ax, orientation=cb.get("orientation", "vertical"), extend=cb.get("extend", "neither"), label=cb.get("label", ""))
        argv += ["--colorbar", cb.get("orientation", "vertical")]
        if "extend" in cb: argv += ["--extend", cb["extend"]]
        if "label" in cb: argv += ["--cbar-label", cb["label"]]
    for k in ("title", "xlabel", "ylabel"):
        if k in c:
            getattr(ax, "set_" + k)(c[k])
            argv += ["--" + k, c[k]]
    if c.get("axis_off"):
        ax.axis("off"); argv += ["--axis-off"]
    if c.get("fill"): argv += ["--fill"]
    if "figsize" in c: argv += ["--figsize", ",".join(num(v) for v in c["figsize"])]
    if "dpi" in c: argv += ["--dpi", num(c["dpi"])]
    for k in ("bad", "over", "under"):
        if k in c: argv += ["--" + k, c[k]]
    if c.get("transparent"):
        fig.patch.set_facecolor("none")
        for a in fig.axes: a.set_facecolor("none")
        argv += ["--transparent"]
    fig.canvas.draw()
    Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).save(os.path.join(d, "ref.png"))
    plt.close(fig)
    case = dict(c, name=name, cli=argv)
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)

render("e01_dpi72_vertical", smooth(60, 80), dpi=72, colorbar={})
render("e02_dpi150_bilinear", smooth(40, 50), dpi=150, interpolation="bilinear", colorbar={}, cmap="magma")
render("e03_dpi200_title", smooth(30, 30), dpi=200, figsize=(3.2, 2.4), title="Small & sharp", cmap="gray")
render("e04_transparent_nan", np.where(rng.random((50, 60)) < 0.1, np.nan, smooth(50, 60)), transparent=True, colorbar={})
render("e05_rgb_float", np.clip(rng.random((20, 30, 3)) * 1.2 - 0.1, -0.2, 1.2))
render("e06_rgba_uint8", (rng.random((24, 32, 4)) * 255).astype(np.uint8))
render("e07_extent_negative_huge", smooth(40, 60), extent=[-3e5, 1e5, -2000.0, 500.0], aspect="auto", colorbar={})
render("e08_extreme_7x500", smooth(7, 500), aspect="auto", colorbar={"orientation": "horizontal"})
render("e09_aspect_number", smooth(50, 50), aspect=0.5, colorbar={}, cmap="plasma")
render("e10_bicubic_up", smooth(12, 16), interpolation="bicubic", colorbar={}, cmap="inferno")
render("e11_bicubic_down", rng.random((700, 600)) if False else smooth(300, 400), interpolation="bicubic", cmap="cividis")
render("e12_extend_both_vertical", smooth(40, 40, 10), vmin=-2.0, vmax=8.0, colorbar={"extend": "both", "label": "value"}, over="#ff0000", under="#0000ff", cmap="coolwarm")
render("e13_extend_min", smooth(40, 40, 10), vmin=-2.0, colorbar={"extend": "min"}, cmap="RdYlBu")
render("e14_power_norm", smooth(40, 40, 5, 5), norm="power:0.5", colorbar={})
render("e15_twoslope", smooth(40, 40, 5), norm="twoslope:0.0", colorbar={}, cmap="RdBu_r")
render("e16_symlog", smooth(40, 40, 50), norm="symlog:1.0", colorbar={}, cmap="PuOr")
render("e17_offset_text", smooth(40, 50, 0.01, 1.2345e7), colorbar={})
render("e18_scientific_small", smooth(40, 50, 3e-7), colorbar={})
render("e19_uint8_data", (smooth(30, 40) * 40 + 100).astype(np.uint8), colorbar={}, cmap="Greys")
render("e20_int32_nearest", rng.integers(-5, 6, (10, 12)).astype(np.int32), interpolation="nearest", colorbar={}, cmap="tab10")
render("e21_fill_with_axis", smooth(90, 120), fill=True, cmap="turbo")
render("e22_1920x1080", smooth(200, 300), figsize=(19.2, 10.8), colorbar={}, title="Full HD")
render("e23_lower_nearest_up", smooth(8, 8), origin="lower", interpolation="nearest", colorbar={}, xlabel="x", ylabel="y")
render("e24_constant", np.full((20, 20), 3.0), colorbar={})
render("e25_float32", smooth(64, 64).astype(np.float32), colorbar={}, cmap="hot")
render("e26_fractional_canvas", smooth(30, 40), figsize=(3.333, 2.222), colorbar={}, title="frac")
render("e27_dpi96_5", smooth(30, 40), figsize=(5.0, 5.0), dpi=96.5, colorbar={"label": "v"})
render("e28_horizontal_extend_both", smooth(40, 60, 10), vmin=-3.0, vmax=7.0, colorbar={"orientation": "horizontal", "extend": "both", "label": "both ends"}, cmap="Spectral", xlabel="x")
render("e29_log_explicit", np.exp(smooth(40, 40, 4)), norm="log", vmin=0.1, vmax=100.0, colorbar={}, cmap="viridis")
render("e30_symlog_negative", smooth(40, 40, 300, -100), norm="symlog:10.0", colorbar={}, cmap="RdBu")
render("e31_transparent_colorbar", smooth(40, 40), transparent=True, colorbar={"orientation": "horizontal"}, title="clear")
render("e32_rgba_float_alpha", np.dstack([rng.random((16, 20, 3)), rng.random((16, 20))]), interpolation="bilinear")
render("e33_single_pixel", np.array([[4.2]]), colorbar={})
render("e34_one_row", smooth(1, 50), aspect="auto", colorbar={})
render("e35_huge_values", smooth(20, 20, 1e300), colorbar={})
render("e36_reversed_extent", smooth(30, 30), extent=[10.0, -10.0, 5.0, -5.0], colorbar={})
render("e37_lower_extent_auto", smooth(50, 20), origin="lower", extent=[0.0, 1.0, 0.0, 100.0], aspect="auto", colorbar={"orientation": "horizontal"})
render("e38_under_over_colors", smooth(40, 40, 10), vmin=0.0, vmax=5.0, colorbar={"extend": "both"}, under="k", over="w", cmap="Greens")
render("e39_int16_power", (smooth(30, 30, 1000) + 2000).astype(np.int16), norm="power:2.0", colorbar={})
render("e40_twilight_hanning", smooth(100, 120), cmap="twilight", interpolation="hanning", colorbar={})
render("e41_axis_offsets", smooth(30, 40), extent=[1.0e7, 1.0e7 + 10.0, 0.0, 3e-6], aspect="auto", colorbar={})
render("e42_cbar_offset_horizontal", smooth(30, 40, 0.001, 1000.0), colorbar={"orientation": "horizontal", "label": "offset"})
render("e43_bilinear_nan_up", np.where(rng.random((12, 16)) < 0.15, np.nan, smooth(12, 16)), interpolation="bilinear", colorbar={}, bad="#00ff00")
render("e44_antialiased_named", smooth(300, 260), interpolation="antialiased", colorbar={"orientation": "horizontal"})
render("e45_log_horizontal", np.exp(smooth(40, 60, 5)), norm="log", colorbar={"orientation": "horizontal", "label": "log"}, cmap="magma")
render("e46_log_extend_min", np.exp(smooth(40, 40, 5)), norm="log", vmin=0.5, colorbar={"extend": "min"}, cmap="cubehelix")
render("e47_tall_figure", smooth(80, 20), figsize=(3.0, 8.0), colorbar={}, title="tall", ylabel="rows")
render("e48_tiny_figure", smooth(20, 20), figsize=(1.5, 1.2), colorbar={})
render("e49_unicode_labels", smooth(30, 30), title="Ωmega – µm²", xlabel="Δx (µm)", ylabel="ÅngstrÖm", colorbar={"label": "±σ"})
render("e50_nan_transparent_nearest", np.where(rng.random((10, 10)) < 0.3, np.nan, smooth(10, 10)), interpolation="nearest", transparent=True, colorbar={})
render("e51_power_horizontal_extend", smooth(40, 40, 5, 5), norm="power:2.0", colorbar={"orientation": "horizontal", "extend": "max"}, vmax=8.0)
render("e52_twoslope_vmin_vmax", smooth(40, 40, 5), norm="twoslope:1.0", vmin=-4.0, vmax=6.0, colorbar={})
render("e53_centered_horizontal", smooth(40, 40, 3, -1), norm="centered", colorbar={"orientation": "horizontal"}, cmap="seismic")
render("e54_dpi150_horizontal_labels", smooth(30, 50), dpi=150, colorbar={"orientation": "horizontal", "label": "dpi 150"}, title="Title", xlabel="x", ylabel="y")
render("e55_symlog_horizontal", smooth(40, 40, 1000, -200), norm="symlog:5.0", colorbar={"orientation": "horizontal"}, cmap="BrBG")
render("e56_log_few_decades", np.exp(smooth(30, 30, 0.3)) + 1.0, norm="log", colorbar={}, cmap="plasma")
render("e57_vmin_vmax_int", rng.integers(0, 1000, (25, 25)).astype(np.int64), vmin=100, vmax=900, colorbar={"extend": "both"}, cmap="jet")
render("e58_figsize_72dpi_odd", smooth(60, 45), figsize=(4.1, 3.3), dpi=72, colorbar={}, title="odd")
print("done")
