"""Writes the seed corpus for the fuzz targets (run with the project's venv:
/tmp/figbuf-venv/bin/python fuzz/make_corpus.py). Small files only."""
import io
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def save(target, name, data):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def npy(a, version=None):
    b = io.BytesIO()
    if version is None:
        np.save(b, a, allow_pickle=False)
    else:
        np.lib.format.write_array(b, a, version=version, allow_pickle=False)
    return b.getvalue()


ramp = np.arange(12.0).reshape(3, 4)
save("npy_reader", "f8", npy(ramp))
save("npy_reader", "f4_fortran", npy(np.asfortranarray(ramp.astype(np.float32))))
save("npy_reader", "i2_big_endian", npy(ramp.astype(">i2")))
save("npy_reader", "u8", npy(ramp.astype(np.uint64)))
save("npy_reader", "f2", npy(ramp.astype(np.float16)))
save("npy_reader", "bool", npy(ramp > 5))
save("npy_reader", "rgb_u1", npy(np.arange(24, dtype=np.uint8).reshape(2, 4, 3)))
save("npy_reader", "rgba_f8", npy(np.linspace(0, 1, 32).reshape(2, 4, 4)))
save("npy_reader", "hw1", npy(ramp.reshape(3, 4, 1)))
save("npy_reader", "empty", npy(np.zeros((0, 4))))
save("npy_reader", "v2", npy(ramp, version=(2, 0)))
save("npy_reader", "v3", npy(ramp, version=(3, 0)))
save("npy_reader", "complex", npy(np.zeros((2, 2), complex)))
save("npy_reader", "1d", npy(np.arange(5.0)))
save("npy_reader", "nan_inf", npy(np.array([[np.nan, np.inf], [-np.inf, 1e308]])))
full = npy(ramp)
save("npy_reader", "truncated", full[:-5])
hdr = io.BytesIO()
np.lib.format.write_array_header_1_0(hdr, {"descr": "<f8", "fortran_order": False, "shape": (99999, 99999)})
save("npy_reader", "huge_shape", hdr.getvalue() + ramp.tobytes())

# render_options: byte strings decoded by fuzz_targets/render_options.rs.
rng = np.random.default_rng(5)
for i in range(8):
    save("render_options", f"seed{i}", rng.integers(0, 256, size=96, dtype=np.uint8).tobytes())
save("render_options", "plain", bytes([3, 4] + [1, 10] * 12 + [1, 64, 1, 48, 3, 100, 0] + [0] * 8) + "title".encode())


# figure_json: the project's own figure descriptions (small ones; their .npy references
# fail cleanly in the fuzz target, which reads no files).
import glob

ref = os.path.join(here, "..", "tests", "reference")
for path in sorted(glob.glob(os.path.join(ref, "*", "*", "figure.json"))):
    with open(path, "rb") as f:
        text = f.read()
    if len(text) <= 4096:
        case = os.path.basename(os.path.dirname(path))
        save("figure_json", case, text)
