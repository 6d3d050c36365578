#!/usr/bin/env python3
"""Writes the imshow(alpha=) cases: one folder per case (figure.json, case.json, .npy data,
ref.png = matplotlib 3.11.2's canvas) next to this script, and budgets.json (RMS 0 / bad 0).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/imshow_alpha/gen_imshow_alpha.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import CASES, c, case, write_cases  # noqa: E402

rng = np.random.default_rng(11)
small = rng.normal(size=(6, 8))
large = np.add.outer(np.sin(np.linspace(0, 9, 500)), np.cos(np.linspace(0, 7, 420))) \
    + 0.3 * rng.normal(size=(500, 420))
small_nan = small.copy()
small_nan[1, 2] = np.nan
small_nan[4, 5:7] = np.nan
large_nan = large.copy()
large_nan[100:140, 50:200] = np.nan
rgb = rng.uniform(size=(5, 7, 3))
rgba = rng.uniform(size=(5, 7, 4))
rgba[..., 3] = np.linspace(0.2, 1.0, 7)[None, :]
rgb_large = rng.uniform(size=(300, 260, 3))

IM = lambda f, **kw: c("imshow", {"npy": f}, **kw)  # noqa: E731
CB = [c("colorbar", {"ref": [0, 0]})]

case("a01_small_a05", [[IM("small.npy", alpha=0.5)]],
     "6x8 data upsampled (data stage, antialiased), alpha 0.5", npy={"small.npy": small})
case("a02_small_a03_colorbar", [[IM("small.npy", alpha=0.3, cmap="magma")]],
     "6x8 data upsampled, alpha 0.3, colorbar", npy={"small.npy": small}, figure_calls=CB)
case("a03_large_a05", [[IM("large.npy", alpha=0.5)]],
     "500x420 data downsampled (rgba stage), alpha 0.5", npy={"large.npy": large})
case("a04_large_a03_colorbar", [[IM("large.npy", alpha=0.3)]],
     "500x420 data downsampled, alpha 0.3, colorbar", npy={"large.npy": large}, figure_calls=CB)
case("a05_small_nan", [[IM("small_nan.npy", alpha=0.5)]],
     "6x8 data with NaNs upsampled, alpha 0.5", npy={"small_nan.npy": small_nan})
case("a06_large_nan", [[IM("large_nan.npy", alpha=0.3)]],
     "500x420 data with a NaN block downsampled, alpha 0.3", npy={"large_nan.npy": large_nan})
case("a07_nearest", [[IM("small.npy", alpha=0.5, interpolation="nearest")]],
     "6x8 nearest, alpha 0.5", npy={"small.npy": small})
case("a08_bilinear", [[IM("small.npy", alpha=0.3, interpolation="bilinear")]],
     "6x8 bilinear, alpha 0.3", npy={"small.npy": small})
case("a09_rgb", [[IM("rgb.npy", alpha=0.5)]],
     "5x7 RGB float image, alpha 0.5", npy={"rgb.npy": rgb})
case("a10_rgba", [[IM("rgba.npy", alpha=0.3)]],
     "5x7 RGBA float image with its own alpha, alpha 0.3", npy={"rgba.npy": rgba})
case("a11_facecolors", [[c("set_facecolor", "0.3"), IM("small.npy", alpha=0.5, extent=[0, 10, 0, 6]),
                         c("set_xlim", -1, 11)]],
     "figure facecolor lightyellow, axes facecolor 0.3 showing around and through, alpha 0.5",
     figure={"facecolor": "lightyellow"}, npy={"small.npy": small})
case("a12_large_nearest_cb", [[IM("large.npy", alpha=0.5, interpolation="nearest", cmap="gray")]],
     "500x420 nearest downsampled, gray, alpha 0.5, colorbar", npy={"large.npy": large},
     figure_calls=CB)
case("a13_rgb_large", [[IM("rgb_large.npy", alpha=0.5)]],
     "300x260 RGB float image downsampled, alpha 0.5", npy={"rgb_large.npy": rgb_large})

rgb_u8 = rng.integers(0, 256, size=(6, 9, 3), dtype=np.uint8)
rgba_u8 = rng.integers(0, 256, size=(6, 9, 4), dtype=np.uint8)
rgb_f32 = rng.uniform(size=(40, 30, 3)).astype(np.float32)
small_f32 = small.astype(np.float32)
ints = rng.integers(-50, 200, size=(30, 24)).astype(np.int16)
huge = np.add.outer(np.linspace(0, 3, 1100), np.sin(np.linspace(0, 20, 1000)))
case("a14_extend_both", [[IM("small.npy", alpha=0.5, vmin=-1, vmax=1)]],
     "6x8 alpha 0.5 with vmin/vmax inside the data, colorbar extend both",
     npy={"small.npy": small}, figure_calls=[c("colorbar", {"ref": [0, 0]}, extend="both")])
case("a15_rgb_u8", [[IM("rgb_u8.npy", alpha=0.3)]],
     "6x9 uint8 RGB, alpha 0.3", npy={"rgb_u8.npy": rgb_u8})
case("a16_rgba_u8", [[IM("rgba_u8.npy", alpha=0.5, interpolation="bilinear")]],
     "6x9 uint8 RGBA with its own alpha, bilinear, alpha 0.5", npy={"rgba_u8.npy": rgba_u8})
case("a17_rgb_f32", [[IM("rgb_f32.npy", alpha=0.3)]],
     "40x30 float32 RGB, alpha 0.3", npy={"rgb_f32.npy": rgb_f32})
case("a18_alpha0_f32", [[IM("small_f32.npy", alpha=0.0), c("plot", [0, 7], [0, 5], "r")]],
     "float32 data with alpha 0 (nothing drawn but the axes), a line", npy={"small_f32.npy": small_f32})
case("a19_ints_data", [[IM("ints.npy", alpha=0.7, cmap="plasma")]],
     "30x24 int16 data (data stage, float32), alpha 0.7", npy={"ints.npy": ints})
case("a20_huge_direct", [[IM("huge.npy", alpha=0.5)]],
     "1100x1000 data (a megapixel: the direct-index path without alpha), alpha 0.5",
     npy={"huge.npy": huge})
case("a21_transparent_cb", [[c("set_facecolor", "none"), IM("large.npy", alpha=0.5, cmap="cividis")]],
     "transparent figure and Axes (facecolor none), alpha 0.5, colorbar",
     figure={"facecolor": "none"}, npy={"large.npy": large},
     figure_calls=[c("colorbar", {"ref": [0, 1]})])


def main():
    write_cases(HERE)
    with open(os.path.join(HERE, "budgets.json"), "w") as fh:
        json.dump({n: {"rms": 0.0, "bad_percent": 0.0} for n in sorted(CASES)}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
