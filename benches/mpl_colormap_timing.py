#!/usr/bin/env python3
"""Time matplotlib 3.11.2 on the inputs of benches/colormap.rs:
``cmap(norm(data), bytes=True)`` with an autoscaled Normalize and viridis.

Run:  /tmp/figbuf-venv/bin/python benches/mpl_colormap_timing.py
(The data values differ from the Rust LCG's, which does not matter for timing.)
"""
import time

import matplotlib
import numpy as np
from matplotlib import colors as mcolors

cmap = matplotlib.colormaps["viridis"]
rng = np.random.default_rng(0)
for n in (512, 2048, 4096):
    a64 = rng.random((n, n))
    for name, a in (("f64", a64), ("f32", a64.astype(np.float32))):
        times = []
        for _ in range(5 if n < 4096 else 3):
            t0 = time.perf_counter()
            norm = mcolors.Normalize()
            norm.autoscale_None(np.ma.masked_invalid(a))
            cmap(norm(a), bytes=True)
            times.append(time.perf_counter() - t0)
        print(f"{name} {n}x{n}: best {min(times) * 1e3:.1f} ms")
