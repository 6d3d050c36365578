"""Shared by this folder's generators (gen_text.py, gen_last_resort.py): imshow figures with
labels drawn by matplotlib 3.11.2 (Agg) in the format of tests/reference/gen_extra.py
(case.json with the equivalent figbuf argv, data.npy, ref.png), written under OUT (the
generator's first argument).
"""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__
OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/reference/text"


def smooth(h, w, scale=1.0, offset=0.0):
    y, x = np.mgrid[0:h, 0:w]
    return offset + scale * (np.sin(x / max(w, 2) * 5.1) * np.cos(y / max(h, 2) * 3.7)
                             + 0.3 * x / max(w, 1))


def num(v):
    return repr(float(v)) if isinstance(v, float) else str(v)


def render(name, data, **c):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    np.save(os.path.join(d, "data.npy"), data)
    fig, ax = plt.subplots(figsize=c.get("figsize", (6.4, 4.8)), dpi=c.get("dpi", 100))
    argv = ["figbuf", "imshow", "DATA.npy", "-o", "OUT.png"]
    kw = {}
    if "cmap" in c:
        kw["cmap"] = c["cmap"]
        argv += ["--cmap", c["cmap"]]
    im = ax.imshow(data, **kw)
    cb = c.get("colorbar")
    if cb is not None:
        fig.colorbar(im, ax=ax, orientation=cb.get("orientation", "vertical"),
                     label=cb.get("label", ""))
        argv += ["--colorbar", cb.get("orientation", "vertical")]
        if "label" in cb:
            argv += ["--cbar-label", cb["label"]]
    for k in ("title", "xlabel", "ylabel"):
        if k in c:
            getattr(ax, "set_" + k)(c[k])
            argv += ["--" + k, c[k]]
    if "figsize" in c:
        argv += ["--figsize", ",".join(num(v) for v in c["figsize"])]
    if "dpi" in c:
        argv += ["--dpi", num(c["dpi"])]
    fig.canvas.draw()
    Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).save(os.path.join(d, "ref.png"))
    plt.close(fig)
    case = dict(c, name=name, cli=argv)
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
