#!/usr/bin/env python3
"""Time matplotlib 3.11.2 (Agg) on the figure of benches/render.rs: 512x512 random data,
imshow with the defaults, a colorbar, 6.4 x 4.8 in at 100 dpi; to an RGBA array
(``fig.canvas.draw(); np.asarray(fig.canvas.buffer_rgba())``) and to PNG bytes
(``savefig`` into a BytesIO). Each timing builds the figure, as a script would.

Then the same figure with N x N data, N = 256..4096, redrawn after ``im.set_data`` (the
sizes of benches/render.rs's ``imshow_sizes`` group), and 1024² data on a 3840 x 2160
canvas. benches/imshow_timing_vs_mpl.py times both sides interleaved.

Run:  /tmp/figbuf-venv/bin/python benches/mpl_figure_timing.py
"""
import io
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

data = np.random.default_rng(0).random((512, 512))


def figure():
    fig, ax = plt.subplots()
    im = ax.imshow(data)
    fig.colorbar(im)
    return fig


def to_array():
    fig = figure()
    fig.canvas.draw()
    out = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    return out


def to_png():
    fig = figure()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


for name, job in (("to array", to_array), ("to PNG", to_png)):
    job()  # warm-up: font cache, imports
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        job()
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"default figure {name}: median {times[len(times) // 2] * 1e3:.1f} ms, "
          f"best {times[0] * 1e3:.1f} ms")


def redraw_ms(data, figsize=(6.4, 4.8), runs=10):
    fig, ax = plt.subplots(figsize=figsize)
    im = ax.imshow(data)
    fig.colorbar(im)
    fig.canvas.draw()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        im.set_data(data)
        fig.canvas.draw()
        np.asarray(fig.canvas.buffer_rgba())
        times.append(time.perf_counter() - t0)
    plt.close(fig)
    times.sort()
    return times[len(times) // 2] * 1e3


rng = np.random.default_rng(0)
for n in (256, 512, 1024, 2048, 4096):
    print(f"{n}x{n} data, redrawn to an array: median {redraw_ms(rng.random((n, n))):.1f} ms")
print(f"1024x1024 data on 3840x2160, redrawn: median "
      f"{redraw_ms(rng.random((1024, 1024)), (38.4, 21.6)):.1f} ms")
