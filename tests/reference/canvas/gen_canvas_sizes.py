"""Canvas sizes matplotlib 3.11.2 (Agg) gives figures of random sizes and dpis.

Run from the repository root with a Python that has matplotlib==3.11.2 and numpy:

    python tests/reference/canvas/gen_canvas_sizes.py > tests/reference/canvas/canvas_sizes.json

Each row is [width_in, height_in, dpi, width_px, height_px]; the floats are written as
Python's repr strings (shortest round-trip) so the Rust side parses them to the same bits.
The pixel size is what `FigureCanvasAgg(fig).get_width_height()` returns and the renderer
is made with (`get_renderer`), i.e. the size of `buffer_rgba()`.
"""
import json
import numpy as np
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__
rng = np.random.default_rng(17)

pairs = []
# Sizes users type: one or two decimals, at common dpis (many products land a float tick
# below an integer, e.g. 4.1 * 100).
for dpi in (50.0, 72.0, 80.0, 96.0, 100.0, 110.0, 120.0, 144.0, 150.0, 200.0, 300.0, 600.0):
    for _ in range(60):
        w = round(float(rng.uniform(0.5, 20.0)), int(rng.integers(1, 3)))
        h = round(float(rng.uniform(0.5, 20.0)), int(rng.integers(1, 3)))
        pairs.append((w, h, dpi))
# Decimal sizes at decimal dpis.
for _ in range(300):
    pairs.append((round(float(rng.uniform(0.3, 12.0)), 2), round(float(rng.uniform(0.3, 12.0)), 3),
                  round(float(rng.uniform(20.0, 400.0)), 1)))
# Arbitrary floats.
for _ in range(300):
    pairs.append((float(rng.uniform(0.2, 30.0)), float(rng.uniform(0.2, 30.0)), float(rng.uniform(10.0, 500.0))))
# Every tenth of an inch from 0.1 to 20 at 100 dpi, and n / dpi inches for a few dpis.
for k in range(1, 201):
    pairs.append((k / 10, k / 10, 100.0))
for dpi in (72.0, 96.0, 96.5, 150.0, 300.0, 7.0):
    for n in range(1, 400, 7):
        pairs.append((n / dpi, (n + 3) / dpi, dpi))

rows = []
for w, h, dpi in pairs:
    fig = Figure(figsize=(w, h), dpi=dpi)
    canvas = FigureCanvasAgg(fig)
    wp, hp = canvas.get_width_height(physical=True)
    r = canvas.get_renderer()
    assert (r.width, r.height) == (wp, hp)
    rows.append([repr(w), repr(h), repr(dpi), wp, hp])
print(json.dumps(rows, separators=(",", ":")))
