#!/usr/bin/env python3
"""Writes the text_more cases: right-to-left labels rotated (titles, ylabels, text at 30
and 45 degrees in both rotation modes, annotate, legend entries, colorbar labels) at dpi
72, 100 and 200, and mathtext / several lines in every text position (user tick labels,
legend entries and titles, colorbar labels, annotate, suptitle). One folder per case
(figure.json, case.json, .npy data, ref.png = matplotlib 3.11.2's canvas).

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/text_more/gen_text_more.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from plotgen import c, case, write_cases  # noqa: E402

HE = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"          # shalom olam
HE2 = "\u05de\u05e8\u05d7\u05e7 (\u05e7\u05f4\u05de)"            # distance (km)
AR = "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"  # marhaba
AR2 = "\u062f\u0631\u062c\u0629 \u0627\u0644\u062d\u0631\u0627\u0631\u0629 [K]"
MIX = "Price \u05de\u05d7\u05d9\u05e8 42 [\u20ac]"
MIXA = "T \u062f\u0631\u062c\u0629 (2024)"
X = [0, 1, 2, 3, 4]
Y1 = [1.0, 2.5, 2.0, 3.5, 3.0]
Y2 = [0.5, 1.0, 2.2, 1.8, 2.9]
IMG = (np.sin(np.linspace(0, 3, 12))[:, None] * np.cos(np.linspace(0, 2, 16))[None, :])
NPY = {"img.npy": IMG}


def fig(dpi, size=(6.4, 4.8)):
    return {"dpi": dpi, "figsize": list(size)}


def rtl_axes(title, ylabel, xlabel, legend=(HE, AR)):
    return [
        c("plot", X, Y1, label=legend[0]),
        c("plot", X, Y2, label=legend[1]),
        c("set_title", title),
        c("set_ylabel", ylabel),
        c("set_xlabel", xlabel),
        c("legend"),
    ]


def rotated_texts(s1, s2):
    return [
        c("plot", X, Y1),
        c("text", 0.3, 1.0, s1, rotation=30),
        c("text", 1.6, 1.2, s2, rotation=45),
        c("text", 2.6, 1.0, s1, rotation=30, rotation_mode="anchor"),
        c("text", 3.4, 1.5, s2, rotation=45, rotation_mode="anchor", ha="center", va="center"),
        c("annotate", s2, [1.0, 2.5], xytext=[2.0, 3.3], arrowprops={"arrowstyle": "->"}),
        c("set_ylabel", s1),
    ]


for dpi, size in ((72, (6.4, 4.8)), (100, (6.4, 4.8)), (200, (3.2, 2.4))):
    case(f"r01_rtl_labels_dpi{dpi}", [rtl_axes(HE, AR2, HE2)],
         "Hebrew title and xlabel, Arabic ylabel (rotated 90), Hebrew/Arabic legend entries",
         figure=fig(dpi, size))
    case(f"r02_rtl_rotated_text_dpi{dpi}", [rotated_texts(HE, AR)],
         "Hebrew and Arabic text at 30 and 45 degrees, default and anchor rotation_mode, "
         "annotate, rotated ylabel", figure=fig(dpi, size))
    case(f"r03_mixed_rotated_dpi{dpi}", [rotated_texts(MIX, MIXA) + [c("set_title", MIX)]],
         "mixed left-to-right and right-to-left text rotated 30/45, annotate, title",
         figure=fig(dpi, size))
    case(f"r04_rtl_colorbar_dpi{dpi}", [[
        c("imshow", {"npy": "img.npy"}),
        c("set_title", AR),
        c("set_ylabel", HE),
    ]], "imshow with a Hebrew colorbar label, Arabic title, Hebrew ylabel",
        figure=fig(dpi, size),
        figure_calls=[c("colorbar", {"ref": [0, 0]}, ax={"axes": 0}, label=HE2)], npy=NPY)

# Mathtext and several lines in every text position.
TICKS = [r"$\alpha$", "one\ntwo", r"$x^2$" + "\n(m)", r"$\frac{1}{2}$", "end"]
for dpi, size in ((72, (6.4, 4.8)), (100, (6.4, 4.8)), (200, (3.2, 2.4))):
    case(f"m01_math_ticks_legend_dpi{dpi}", [[
        c("plot", X, Y1, label=r"$\sigma^2$ fit"),
        c("plot", X, Y2, label="two\nlines"),
        c("set_xticks", X, labels=TICKS),
        c("set_yticks", [1, 2, 3], labels=[r"$10^{0}$", "mid\nline", r"$\sqrt{9}$"]),
        c("legend", title=r"$\Delta$ legend" + "\nsecond"),
        c("annotate", r"peak $\hat{y}$" + "\nhere", [3.0, 3.5], xytext=[0.5, 3.0],
          arrowprops={"arrowstyle": "->"}),
        c("text", 2.0, 1.0, "a\nbb\nccc $\\beta$", ha="right"),
    ]], "mathtext and several lines in user tick labels, legend entries and title, "
        "annotate and text", figure=fig(dpi, size),
        figure_calls=[c("suptitle", "Suptitle\n$\\int_0^1 f\\,dx$")])
    case(f"m02_math_colorbar_dpi{dpi}", [[
        c("imshow", {"npy": "img.npy"}),
        c("set_title", "two-line\n$\\mathrm{title}_{x}$"),
        c("set_xticks", [0, 5, 10, 15], labels=["$0$", "five\n5", r"$\pi$", "$15^{+}$"]),
    ]], "imshow: mathtext/multi-line tick labels, title, colorbar label",
        figure=fig(dpi, size),
        figure_calls=[c("colorbar", {"ref": [0, 0]}, ax={"axes": 0},
                        label="flux\n$\\Phi$ (W m$^{-2}$)")], npy=NPY)

# Glyph boxes that do not end on whole pixels ('~', 'ø'), and Last Resort boxes.
case("g01_subpixel_boxes", [[
    c("plot", X, Y1),
    c("set_title", "~ approx \u00f8 \u00d8"),
    c("set_xlabel", "x ~ 1"),
    c("set_ylabel", "\u6f22\u5b57 \u00f8"),
    c("text", 1.0, 2.0, "\u4e2d\u6587 ~", rotation=30),
]], "labels whose glyph boxes end between pixels: tilde, o-slash, CJK", figure=fig(100))

# Bidi controls and joiners: RLO ... PDF, ZWJ, ZWNJ, LRM, RLM.
case("g02_bidi_controls", [[
    c("plot", X, Y1),
    c("set_title", "a\u202eabc 123\u202c z"),
    c("set_xlabel", "\u05e9\u200d\u05dc x\u200cy \u200fend"),
    c("set_ylabel", "\u0644\u200d\u0627 \u200e(1)"),
    c("text", 1.0, 2.0, "\u202bRLE abc\u202c \u2066iso\u2069", rotation=45),
]], "bidi controls (RLO, RLE, PDF, LRI, PDI), ZWJ, ZWNJ, LRM and RLM in labels",
    figure=fig(100))

# Rotated mathtext with STIX glyphs (auto-hinted faces) and rotated Last Resort boxes.
case("g03_rotated_math_stix", [[
    c("plot", X, Y1),
    c("text", 0.2, 2.0, r"$\sqrt{x^2+1}\ \mathbb{R}^n\ \mathcal{F}$", rotation=30),
    c("text", 2.0, 1.2, r"$\left(\frac{a}{b}\right)\ \mathfrak{g}$ \u6f22", rotation=45,
      rotation_mode="anchor"),
    c("text", 3.0, 2.0, "tab\there \u4e2d", rotation=-20),
    c("set_ylabel", r"$\mathscr{H}\ \widehat{xy}$"),
]], "mathtext with STIX glyphs rotated 30/45 degrees, Last Resort boxes rotated -20",
    figure=fig(100))

if __name__ == "__main__":
    write_cases(HERE)
