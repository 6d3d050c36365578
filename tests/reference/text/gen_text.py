"""Reference cases for labels with mathtext (and, later, several lines): imshow figures
drawn by matplotlib 3.11.2 (Agg) in the format of tests/reference/gen_extra.py
(case.json with the equivalent figbuf argv, data.npy, ref.png).

Run from the repository root:

    /tmp/figbuf-venv/bin/python tests/reference/text/gen_text.py tests/reference/text
"""
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textgen import render, smooth  # noqa: E402


LABELS = dict(title=r"$\alpha$ map", xlabel=r"$x_i$ (m)", ylabel=r"$\theta$ [$^\circ$]",
              colorbar={"label": r"$\frac{W}{m^2}$"})
render("t01_math_labels_dpi100", smooth(30, 40), **LABELS)
render("t02_math_labels_dpi72", smooth(30, 40), dpi=72, **LABELS)
render("t03_math_labels_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4), **LABELS)
render("t04_math_symbols", smooth(40, 40, 5), cmap="magma",
       title=r"$\sum_{i=0}^{n} x_i^2 \pm \sigma$",
       xlabel=r"Velocity $v$ (m s$^{-1}$)", ylabel=r"$\hat{y} \approx \bar{x}$",
       colorbar={"label": r"$\Delta T \leq 5\,\mathrm{K}$"})
render("t05_math_horizontal_cbar", smooth(40, 60), cmap="plasma",
       title=r"$\left(\alpha+\beta\right)^2$ and $\mathbf{F} = m\vec{a}$",
       colorbar={"orientation": "horizontal", "label": r"$\log_{10} \rho$ (kg m$^{-3}$)"})
render("t06_math_frac_dpi150", smooth(30, 30), dpi=150, cmap="viridis",
       title=r"$\dfrac{\partial f}{\partial t} = \nabla^2 f$", xlabel=r"$t \rightarrow \infty$",
       ylabel=r"$\overline{z}$ / $\underline{w}$", colorbar={"label": r"$\frac{1}{1+x^2}$"})
render("t07_price_dollars", smooth(30, 30), title=r"Price (\$) vs $\gamma$",
       xlabel=r"cost \$5", ylabel="a$b", colorbar={"label": r"$\mathit{Re}$ $\mathtt{n}$"})
render("t08_multiline_title", smooth(30, 40), title="First line\nsecond, longer line",
       colorbar={})
render("t09_multiline_labels_dpi72", smooth(30, 40), dpi=72, xlabel="x\n(metres)",
       ylabel="rows\nof pixels", colorbar={"label": "value\n$\\alpha$ units"})
render("t10_multiline_math_dpi200", smooth(30, 30), dpi=200, figsize=(3.2, 2.4),
       title="Heat map\n$\\Delta T = T_1 - T_0$", xlabel="one\n\nthree",
       ylabel="$\\theta$\n(rad)", colorbar={"label": "a\nb\nc"})
render("t11_missing_glyphs", smooth(30, 40), title="Temperature \u6f22\u5b57 map",
       xlabel="tab\there", ylabel="\u65e5\u672c (rows)", colorbar={"label": "x\x01y \u0416"})
render("t12_missing_glyphs_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4),
       title="\uac00\ub098 \u05d0 AV", xlabel="\u4e2d", colorbar={"label": "\u2603 snow"})
render("t13_math_stix_dpi100", smooth(30, 40), cmap="viridis",
       title=r"$\sqrt{x^2+y^2}$ and $\mathcal{F}(\omega)$", xlabel=r"$f'(x)$ (m)",
       ylabel=r"$\left(\frac{a}{b}\right)^2$", colorbar={"label": r"$\sigma/\sqrt{N}$"})
render("t14_math_stix_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4),
       title=r"$\mathbb{R}^n \perp \widehat{xy}$", xlabel=r"$\sqrt[3]{x}$ $\left[\frac{1}{2}\right]$",
       colorbar={"label": r"$\operatorname{sinc}(x)$"})
render("t15_math_stix_dpi72", smooth(30, 40), dpi=72,
       title=r"$\left\{\frac{x}{y} \middle| y \neq 0\right\}$", xlabel=r"$\mathfrak{g}$ $\mathscr{H}$",
       ylabel=r"$\boldsymbol{\alpha}$ $\genfrac{(}{)}{0}{}{n}{k}$")
# Right-to-left and joined scripts (libraqm: bidi reordering, HarfBuzz shaping).
render("t16_hebrew_dpi100", smooth(30, 40), title="\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
       xlabel="\u05de\u05e8\u05d7\u05e7 3.5 \u05e7\u05f4\u05de",
       ylabel="abc \u05e9\u05dc\u05d5\u05dd",
       colorbar={"label": "\u05d8\u05de\u05e4\u05e8\u05d8\u05d5\u05e8\u05d4 (\u05de\u05e2\u05dc\u05d5\u05ea)"})
render("t17_arabic_dpi100", smooth(30, 40), cmap="viridis",
       title="\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
       xlabel="\u062f\u0631\u062c\u0629 \u0627\u0644\u062d\u0631\u0627\u0631\u0629 (K)",
       ylabel="\u0639\u062f\u062f 123 \u0642\u064a\u0645",
       colorbar={"label": "\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645"})
render("t18_mixed_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4),
       title="Price: \u05e9\u05dc\u05d5\u05dd 42",
       xlabel="Temperature \u062f\u0631\u062c\u0629 \u0627\u0644\u062d\u0631\u0627\u0631\u0629",
       ylabel="\u05e9\u05e0\u05d4 2024", colorbar={"label": "\u0661\u0662\u0663 \u0642\u064a\u0645"})
render("t19_marks_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4), cmap="magma",
       title="\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 2024",
       xlabel="\u0645\u064e\u0631\u0652\u062d\u064e\u0628\u064b\u0627",
       colorbar={"label": "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd"})
print("done")
