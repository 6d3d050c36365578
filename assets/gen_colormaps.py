#!/usr/bin/env python3
"""Dump every registered colormap of matplotlib 3.11.2 into assets/colormaps.bin.

Run with the project venv:  /tmp/figbuf-venv/bin/python assets/gen_colormaps.py

Every name in ``matplotlib.colormaps`` is dumped on its own, the ``*_r`` maps
included (they are NOT derived from the forward maps: matplotlib builds them from
reversed segment data, which differs from ``lut[::-1]`` by float noise).

Format (all little-endian):
    magic   b"FBCMAP01"
    u32     number of maps
    per map:
        u8      length of the name, then the name (ASCII)
        u32     N (number of colours)
        u8      flags: bit 0 set = rows carry alpha (RGBA), clear = RGB with alpha 1.0
        f64     the N rows of ``cmap(np.arange(N))`` (3 or 4 values per row)
        f64     under, over, bad: ``get_under()``, ``get_over()``, ``get_bad()``, RGBA each
"""
import struct
import pathlib

import matplotlib
import numpy as np

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__

out = bytearray(b"FBCMAP01")
names = sorted(matplotlib.colormaps)
out += struct.pack("<I", len(names))
for name in names:
    cmap = matplotlib.colormaps[name]
    n = cmap.N
    rows = np.asarray(cmap(np.arange(n)), dtype="<f8")
    assert rows.shape == (n, 4)
    has_alpha = not np.all(rows[:, 3] == 1.0)
    raw = name.encode("ascii")
    out += struct.pack("<B", len(raw)) + raw
    out += struct.pack("<IB", n, 1 if has_alpha else 0)
    out += (rows if has_alpha else rows[:, :3]).tobytes()
    ext = np.array([cmap.get_under(), cmap.get_over(), cmap.get_bad()], dtype="<f8")
    out += ext.tobytes()

path = pathlib.Path(__file__).with_name("colormaps.bin")
path.write_bytes(bytes(out))
print(f"{len(names)} colormaps, {len(out)} bytes -> {path}")
