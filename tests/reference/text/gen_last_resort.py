"""Reference cases t20-t30 for Last Resort HE boxes (characters DejaVu Sans lacks: control
characters, a tab, letters of blocks DejaVu only partly covers) and STIX mathtext, all
auto-hinted by FreeType 2.14.3 inside matplotlib 3.11.2. Same format as gen_text.py
(case.json with the equivalent figbuf argv, data.npy, ref.png).

Run from the repository root:

    /tmp/figbuf-venv/bin/python tests/reference/text/gen_last_resort.py tests/reference/text
"""
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textgen import render, smooth  # noqa: E402


# C0 and C1 control characters and DEL: Last Resort's Basic Latin and Latin-1 boxes.
CONTROLS = dict(title="bell\x07 esc\x1b del\x7f", xlabel="a\tb\x02c\x1fd",
                ylabel="ind\x84 csi\x9b", colorbar={"label": "x\x01y\x80z"})
render("t20_controls_dpi72", smooth(30, 40), dpi=72, **CONTROLS)
render("t21_controls_dpi100", smooth(30, 40), cmap="viridis", **CONTROLS)
render("t22_controls_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4), **CONTROLS)
# One character DejaVu Sans lacks from each block whose Last Resort box FreeType hints in a
# Latin-like style: spacing modifiers, Greek, Cyrillic Supplement, Cherokee, phonetic
# extensions, currency, number forms, Latin Extended-C/D/E, Coptic, supplemental
# punctuation, Cyrillic Extended-B.
BLOCKS = dict(title="\u02ea \u037f \u0526 \u13a0 \u1d15 \u1d80",
              xlabel="\u20b6 \u2186 \u2c78 \u2c80 \u2e00",
              ylabel="\ua640 \ua720 \uab30",
              colorbar={"label": "Cherokee \u13a1\u13a2"})
render("t23_blocks_dpi72", smooth(30, 40), dpi=72, **BLOCKS)
render("t24_blocks_dpi100", smooth(30, 40), cmap="magma", **BLOCKS)
render("t25_blocks_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4), **BLOCKS)
# Boxes of blocks FreeType 2.14's style ranges added (Latin Extended-F and -G, Cyrillic
# Extended-D, Devanagari Extended-A, Lisu and Tamil Supplements, Myanmar Extended-C,
# Canadian Syllabics Extended-A, Ethiopic Extended-B), of Nyiakeng Puachue Hmong (which
# FreeType 2.14 does not style) and of an unassigned plane-1 code point (Adlam-styled,
# non-base through afranges.c's 0x1D944 range).
NEW_BLOCKS = dict(title="\U00010780 \U0001df00 \U0001e030 \U00011b00",
                  xlabel="\U00011fb0 \U00011fc0 \U000116d0 \U00011ab0",
                  ylabel="\U0001e7e0 \U0001e100 \U0001000c",
                  colorbar={"label": "Latin-G \U0001df01"})
render("t28_new_blocks_dpi72", smooth(30, 40), dpi=72, **NEW_BLOCKS)
render("t29_new_blocks_dpi100", smooth(30, 40), cmap="viridis", **NEW_BLOCKS)
render("t30_new_blocks_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4), **NEW_BLOCKS)
# STIX (serif) glyphs through mathtext's dejavusans fallbacks.
render("t26_stix_letters_dpi100", smooth(30, 40),
       title=r"$\mathcal{QHJ} \mathfrak{ijq}$", xlabel=r"$\mathbb{Qij}$ $\mathscr{EFij}$",
       colorbar={"label": r"$\mathcal{A}\mathfrak{Z}$"})
render("t27_stix_letters_dpi200", smooth(30, 40), dpi=200, figsize=(3.2, 2.4),
       title=r"$\mathcal{QHJ} \mathfrak{ijq}$", xlabel=r"$\mathbb{Qij}$ $\mathscr{EFij}$",
       colorbar={"label": r"$\mathcal{A}\mathfrak{Z}$"})
print("done")
