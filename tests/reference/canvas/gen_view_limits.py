"""View limits matplotlib 3.11.2 gives an Axes after `imshow(data, extent=...)`: the extent
through `Axis._set_lim` (`nonsingular(v0, v1, expander=0.05)` widens equal or nearly equal
limits; the order follows v0 > v1). Random extents, with many singular and nearly singular
ones (zero width, widths below 1e-15 of the magnitude, e.g. 4 units at 1e16).

    python tests/reference/canvas/gen_view_limits.py > tests/reference/canvas/view_limits.json

Each row: [left, right, bottom, top, xlim0, xlim1, ylim0, ylim1] as Python repr strings.
"""
import json, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__
rng = np.random.default_rng(1717)


def edge_pair():
    k = rng.integers(0, 6)
    a = float(rng.choice([0.0, 1.0, -3.5, 1e16, -1e16, 1e300, 5e-324, 1e-300, 123.456, 2.0 ** 60]))
    if k == 0:  # equal
        return a, a
    if k == 1:  # a few ulps / units apart at large magnitude
        b = a + float(rng.integers(-8, 9))
        return a, b
    if k == 2:  # relative width around 1e-15
        return a, a * (1 + float(rng.choice([1e-16, 5e-16, 1e-15, 2e-15, 1e-14])))
    if k == 3:  # ordinary
        lo = float(rng.uniform(-1e3, 1e3))
        return lo, lo + float(rng.uniform(-50, 50))
    if k == 4:  # arbitrary magnitudes
        return float(rng.uniform(-1, 1) * 10.0 ** int(rng.integers(-300, 300))), float(rng.uniform(-1, 1) * 10.0 ** int(rng.integers(-300, 300)))
    return 0.0, float(rng.choice([0.0, 1e-320, 1e-300, 1e-200]))


rows = []
for _ in range(600):
    (l, r), (b, t) = edge_pair(), edge_pair()
    if rng.random() < 0.5:
        l, r = r, l
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ax.imshow(np.zeros((2, 3)), extent=[l, r, b, t])
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    plt.close(fig)
    rows.append([repr(float(v)) for v in (l, r, b, t, x0, x1, y0, y1)])
print(json.dumps(rows, separators=(",", ":")))
