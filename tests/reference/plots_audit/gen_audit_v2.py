"""The wider vocabulary of the randomized audit's generator version 2 (audit7, seeds 1400 on).

gen_audit.py's `Gen` calls these hooks only when `g.v2` (seed >= V2_FIRST), after it has
made all of its own (version 1) random choices of a call, so seeds below V2_FIRST draw
the same figures as before this module existed. Each hook adds keywords or calls that
figure-json.md lists (or a user reaches) and version 1 never drew: plot(y) and several
x, y, fmt groups, cap styles, scatter norms and colour lists, span extents, text font
weights/styles/alpha/bbox pads, annotate coordinates and arrow properties, fill
where/interpolate, asymmetric error bars, bar tick labels and hatches, hist ranges and
stacked datasets, imshow origin/extent/aspect/vmin/vmax, colorbar extend/pad/fraction,
x limits, fixed ticks with labels, minor grids, symlog linthresh, legend keywords, 1x3 /
3x1 / 2x3 grids with width/height ratios, figure facecolor, supylabel, figure legends,
subplots_adjust.
"""

import numpy as np

V2_FIRST = 1400

TEXTS = [r"$\int_0^\infty e^{-x}\,dx$", r"$\mathrm{Re}(z)$", r"$\Delta T$ (K)",
         r"$x^{2}_{i} + \gamma$", r"$\mathbf{F} = m\mathbf{a}$", r"$\sum_{i=1}^{n} x_i$",
         r"$\hat{y}$ vs $y$", r"angle $\pi/2$", "first line\nsecond line\nthird",
         "line 1\n" + r"$\beta$ line", "50% done", "T = 25°C", r"$\sigma_{xy}$ [MPa]",
         "Frequency (Hz)", r"$\log_{10}(N)$"]

FMTS = ["r-o", "bs", "g--^", "k-.", "C4:", "mx", "c+-", "y*", "C9d--", "-o", ".:", "v"]


def r(v, n=5):
    import math
    return [None if not math.isfinite(float(x)) else round(float(x), n) for x in v]


def text(g):
    return g.pick(TEXTS)


def plot(g, method, args, kw):
    """plot(y) alone, a second x, y, fmt group, cap/join styles, more fmt strings."""
    if g.chance(0.15) and len(args) >= 2 and not isinstance(args[0], dict):
        args = args[1:]
    elif g.chance(0.15) and len(args) >= 2 and not isinstance(args[1], dict):
        if len(args) == 2:
            args.append(g.pick(FMTS))
        y2 = [None if v is None else round(v * 0.5 + 0.25, 5) for v in args[1]]
        if method != "plot":
            y2 = [None if v is None else abs(v) + 0.05 for v in y2]
        args += [args[0], y2, g.pick(FMTS)]
    elif g.chance(0.2) and len(args) == 3:
        args[2] = g.pick(FMTS)
    if g.chance(0.1):
        kw[g.pick(["solid_capstyle", "dash_capstyle"])] = g.pick(["butt", "round", "projecting"])
    if g.chance(0.1):
        kw["solid_joinstyle"] = g.pick(["miter", "round", "bevel"])
    if g.chance(0.1) and "markevery" not in kw:
        kw["markevery"] = float(g.pick([0.1, 0.2]))
    return args


def scatter(g, kw, n):
    if "c" in kw and isinstance(kw["c"], list) and g.chance(0.3):
        if g.chance(0.5):
            kw["vmin"], kw["vmax"] = 2.0, 8.0
        else:
            kw["norm"] = g.pick(["log", "linear"])
    elif "c" not in kw and g.chance(0.2):
        kw["c"] = [g.pick(["C0", "C1", "r", "k", "0.5"]) for _ in range(n)]
    if g.chance(0.15):
        kw["zorder"] = float(g.pick([1, 3]))


def spans(g, which, kw):
    if g.chance(0.3):
        lo = float(g.pick([0.0, 0.1, 0.25]))
        hi = float(g.pick([0.6, 0.9, 1.0]))
        if which in ("axhline", "axhspan"):
            kw["xmin"], kw["xmax"] = lo, hi
        else:
            kw["ymin"], kw["ymax"] = lo, hi
    if g.chance(0.15):
        kw["zorder"] = float(g.pick([0.5, 3]))


def text_kw(g, kw):
    if g.chance(0.2):
        kw["alpha"] = float(g.pick([0.5, 0.8]))
    if g.chance(0.2):
        kw["fontweight"] = g.pick(["bold", "heavy", "normal"])
    if g.chance(0.15):
        kw["fontstyle"] = "italic"
    if g.chance(0.1):
        kw["rotation"] = g.pick(["vertical", 15.0, -30.0])
    if "bbox" in kw and g.chance(0.5):
        kw["bbox"]["edgecolor"] = g.pick(["k", "red", "none"])
        if g.chance(0.5):
            kw["bbox"]["pad"] = float(g.pick([0.2, 0.5, 1.0]))
    if g.chance(0.15):
        kw["fontsize"] = g.pick(["small", "large", "x-small", 9.0])


def annotate(g, args, kw):
    if g.chance(0.3):
        kw["xycoords"] = g.pick(["axes fraction", "data"])
    if g.chance(0.3):
        kw["textcoords"] = "offset points"
        kw["xytext"] = [float(g.pick([10, -20, 30])), float(g.pick([15, -10, 25]))]
    if "arrowprops" in kw:
        ap = kw["arrowprops"]
        if g.chance(0.3):
            ap["color"] = g.colour()
        if g.chance(0.2):
            ap["lw"] = float(g.pick([0.5, 2]))
        if g.chance(0.2):
            ap["connectionstyle"] = g.pick(["arc3,rad=0.2", "arc3,rad=-0.3", "arc3"])
        if g.chance(0.15):
            ap["shrinkA"], ap["shrinkB"] = 0.0, float(g.pick([0, 5]))
    elif g.chance(0.3):
        kw["arrowprops"] = {"facecolor": g.pick(["black", "C1"]), "shrink": 0.05}
        if g.chance(0.5):
            kw["arrowprops"]["width"] = float(g.pick([1, 3]))
            kw["arrowprops"]["headwidth"] = float(g.pick([6, 10]))
    text_kw(g, kw)
    if g.chance(0.3):
        kw["ha"] = g.pick(["left", "center", "right"])


def fill(g, which, kw, y1):
    if g.chance(0.3) and "step" not in kw:
        y = np.nan_to_num(np.asarray(y1, dtype=float))
        kw["where"] = [bool(v > float(np.median(y))) for v in y]
        if g.chance(0.5):
            kw["interpolate"] = True
    if g.chance(0.2):
        kw["edgecolor"] = g.pick(["k", "C3"])
    if g.chance(0.15):
        kw["linewidth"] = float(g.pick([0, 2]))


def step(g, args, kw):
    if g.chance(0.3):
        args.append(g.pick(["r-", "o--", "k:", "C2"]))
    elif g.chance(0.3):
        kw["color"] = g.colour()
    if g.chance(0.2):
        kw["linewidth"] = float(g.pick([0.5, 2.5]))


def stairs(g, kw, n):
    if g.chance(0.3):
        kw["edges"] = r(np.cumsum(g.rng.random(n + 1) + 0.2), 4)
    if g.chance(0.2):
        kw["orientation"] = "horizontal"
    if g.chance(0.2):
        kw["color"] = g.colour()
    if g.chance(0.15):
        kw["linewidth"] = float(g.pick([0.5, 3]))


def errorbar(g, kw, n):
    if g.chance(0.25):
        lo = r(g.rng.random(n) * 0.3, 3)
        hi = r(g.rng.random(n) * 0.6, 3)
        kw["yerr"] = [lo, hi]
    if g.chance(0.2):
        kw["xerr"] = r(g.rng.random(n) * 0.4 + 0.05, 3)
    if g.chance(0.2):
        kw["capthick"] = float(g.pick([1, 2]))
    if g.chance(0.2):
        kw["color"] = g.colour()
    if g.chance(0.15):
        kw["markersize"] = float(g.pick([3, 8]))
    if g.chance(0.1):
        kw["errorevery"] = 2


def bar(g, which, kw, xs):
    if g.chance(0.2) and isinstance(xs[0], int):
        kw["tick_label"] = ["g%d" % i for i in range(len(xs))]
    if g.chance(0.15):
        kw["hatch"] = g.pick(["//", "x", "..", "\\\\", "o", "-"])
    if g.chance(0.1):
        kw["log"] = True


def hist(g, kw, name):
    """Returns the hist's x argument (a second dataset makes it a list of two)."""
    x = {"npy": name}
    if g.chance(0.2):
        lo = float(np.round(np.min(g.npy[name]), 3))
        hi = float(np.round(np.max(g.npy[name]), 3))
        kw["range"] = [lo * 0.5, hi * 0.5]
    if g.chance(0.2):
        name2 = "h%d.npy" % len(g.npy)
        g.npy[name2] = np.round(g.npy[name][: len(g.npy[name]) // 2] * 0.7 + 0.3, 5)
        x = [{"npy": name}, {"npy": name2}]
        if g.chance(0.5):
            kw["stacked"] = True
        if "color" in kw:
            kw["color"] = [kw["color"], "C2"]
        if "label" in kw:
            kw["label"] = [kw["label"], "second"]
    if g.chance(0.15):
        kw["rwidth"] = 0.8
    if g.chance(0.1):
        kw["log"] = True
    if g.chance(0.15):
        kw["edgecolor"] = g.pick(["k", "w"])
    return x


def imshow(g, kw, shape):
    if g.chance(0.3):
        kw["origin"] = g.pick(["lower", "upper"])
    if g.chance(0.3):
        kw["extent"] = g.pick([[0.0, 10.0, 0.0, 5.0], [-1.0, 1.0, -1.0, 1.0],
                               [0.0, float(shape[1]), float(shape[0]), 0.0]])
    if g.chance(0.25):
        kw["aspect"] = g.pick(["auto", "equal", 2.0, 0.5])
    if g.chance(0.2):
        kw["vmin"], kw["vmax"] = 0.2, 0.8
    if g.chance(0.15):
        kw["alpha"] = 0.7
    if g.chance(0.15):
        kw["interpolation"] = g.pick(["none", "antialiased", "bicubic"])


def colorbar(g, kw):
    if g.chance(0.25):
        kw["extend"] = g.pick(["both", "min", "max"])
    if g.chance(0.2):
        kw["pad"] = float(g.pick([0.02, 0.1]))
    if g.chance(0.15):
        kw["fraction"] = float(g.pick([0.1, 0.05]))


def legend_kw(g, kw):
    if g.chance(0.15):
        kw["shadow"] = True
    if g.chance(0.15):
        kw["fancybox"] = False
    if g.chance(0.15):
        kw["markerscale"] = float(g.pick([0.5, 2]))
    if g.chance(0.15):
        kw["title_fontsize"] = float(g.pick([8, 12]))
    if g.chance(0.1):
        kw["borderpad"] = float(g.pick([0.2, 1.0]))
    if g.chance(0.1):
        kw["labelspacing"] = float(g.pick([0.2, 1.0]))
    if g.chance(0.1):
        kw["handlelength"] = float(g.pick([1.0, 3.0]))
    if g.chance(0.1):
        kw["edgecolor"] = g.pick(["k", "red"])
    if g.chance(0.1):
        kw["facecolor"] = g.pick(["w", "0.9", "lightyellow"])
    if g.chance(0.1) and kw.get("loc") not in (None, "best"):
        kw["bbox_to_anchor"] = g.pick([[1.0, 1.0], [0.5, 0.5], [1.02, 0.5]])


def decorations(g, calls, log_ok):
    """Extra Axes calls (appended after version 1's decorations)."""
    if g.chance(0.1):
        calls.append(c("set_xlim", g.pick([None, -1.0, 0.5]), g.pick([None, 4.0, 60.0])))
    if g.chance(0.1):
        kw = {}
        if g.chance(0.5):
            kw["labels"] = ["lo", "mid", "hi"]
        calls.append(c(g.pick(["set_xticks", "set_yticks"]), [0.5, 1.0, 2.0], **kw))
    if g.chance(0.1):
        calls.append(c("minorticks_on"))
        if g.chance(0.5):
            calls.append(c("grid", True, which="minor", linestyle=":", linewidth=0.5))
    if g.chance(0.1):
        calls.append(c("grid", True, color=g.pick(["0.8", "r", "#cccccc"]),
                       linewidth=float(g.pick([0.5, 1.5]))))
    if g.chance(0.1):
        kw = {g.pick(["labelrotation", "width", "pad"]): float(g.pick([2, 45, 6]))}
        if g.chance(0.5):
            kw["axis"] = g.pick(["x", "y"])
        calls.append(c("tick_params", **kw))
    if log_ok and g.chance(0.05):
        calls.append(c(g.pick(["set_xscale", "set_yscale"]), "symlog",
                       linthresh=float(g.pick([0.1, 1, 10]))))
    if g.chance(0.08):
        calls.append(c("set_title", text(g), loc=g.pick(["left", "right"])))
    if g.chance(0.08):
        calls.append(c(g.pick(["set_xlabel", "set_ylabel"]), text(g),
                       fontsize=float(g.pick([8, 14]))))
    if g.chance(0.05):
        calls.append(c("axhline", 0.0, color="k", linewidth=0.8))


def c(method, *args, **kwargs):
    d = {"method": method, "args": list(args)}
    if kwargs:
        d["kwargs"] = kwargs
    return d


def grid(g, grid0):
    if g.chance(0.15):
        return g.pick([(1, 3), (3, 1), (2, 3)])
    return grid0


def figure(g, spec, grid, fcalls, axes):
    """Figure-level vocabulary: ratios, facecolor, supylabel, figure legend, adjust."""
    sub = spec.get("subplots")
    if sub is not None and g.chance(0.15):
        if grid[1] > 1:
            sub["width_ratios"] = [float(g.pick([1, 2, 3])) for _ in range(grid[1])]
        if grid[0] > 1 and g.chance(0.5):
            sub["height_ratios"] = [float(g.pick([1, 2])) for _ in range(grid[0])]
    if g.chance(0.08):
        spec.setdefault("figure", {})["facecolor"] = g.pick(["0.9", "lightblue", "#fafaf0"])
    if g.chance(0.08):
        fcalls.append(c("supylabel", text(g)))
    labelled = any("label" in cc.get("kwargs", {}) for calls in axes for cc in calls)
    if labelled and g.chance(0.08):
        kw = {}
        if g.chance(0.6):
            kw["loc"] = g.pick(["upper right", "lower center", "outside upper center",
                                "center right"])
        fcalls.append(c("legend", **kw))
    if not any(cc["method"] == "tight_layout" for cc in fcalls) and g.chance(0.08):
        fcalls.insert(0, c("subplots_adjust", left=0.15, bottom=0.12, wspace=0.35,
                           hspace=0.4))
    if g.chance(0.03):
        spec["transparent"] = True
