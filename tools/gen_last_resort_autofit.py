"""Generates src/text/last_resort_autofit.rs: the character map figbuf gives skrifa's
auto-hinter for Last Resort HE, so that it assigns every glyph the script style FreeType
2.14's auto-hinter assigns it inside matplotlib 3.11.2.

Why: LastResortHE-Regular.ttf maps all of Unicode through one format-13 cmap subtable
(many characters to one glyph) next to an empty format-4 one. FreeType picks the
format-13 subtable and its auto-hinter (afglobal.c, af_face_globals_compute_style_coverage)
gives each glyph the first style, in style-class order, with a character mapping to it
(plus the non-base and digit flags), and reads the blue-zone and standard-width
characters through it. skrifa 0.44's charmap reads formats 4 and 12 only, so it saw the
empty table and hinted every glyph as Han. A format-12 table with, for each glyph,
characters of the style FreeType gives it (one base and, if FreeType marks the glyph
non-base, one non-base character), plus every blue, standard and digit character of every
style with its glyph, makes skrifa's GlyphStyleMap reach FreeType's result.

FreeType's side (which style each glyph gets) is computed from FreeType 2.14.3's own
tables: the style order of afstyles.h, the script names of afscript.h and the character
ranges of afranges.c. skrifa 0.44's ranges (skrifa-0.44.0/generated/
generated_autohint_styles.rs) come from an older FreeType: 2.14 added blocks (Latin
Extended-F and -G, Cyrillic Extended-D, Arabic Extended-B and -C, ...) and has no
Nyiakeng Puachue Hmong style. So each glyph is given characters that skrifa's ranges put
in the glyph's FreeType style (its own characters when they qualify, else unused code
points of that style's skrifa ranges); a glyph FreeType leaves unstyled gets none, and
the blue and standard characters of styles FreeType lacks are left out. The blue strings
are skrifa's (from afblue.dat; unchanged in 2.14 for the styles reached here).

Run from the repository root (needs fontTools, in /tmp/figbuf-venv), with FreeType
2.14.3's src/autofit directory (git tag VER-2-14-3 of freetype/freetype):

    /tmp/figbuf-venv/bin/python tools/gen_last_resort_autofit.py \
        ~/.cargo/registry/src/index.crates.io-*/skrifa-0.44.0/generated/generated_autohint_styles.rs \
        path/to/freetype-2.14.3/src/autofit
"""
import bisect
import re
import sys

from fontTools.ttLib import TTFont

STYLES_RS = sys.argv[1]
FT_AUTOFIT = sys.argv[2]
FONT = "fonts/LastResortHE-Regular.ttf"
OUT = "src/text/last_resort_autofit.rs"

# skrifa's tables.
src = open(STYLES_RS, encoding="utf-8").read()
ranges = [
    (int(a), int(b), int(s), kind == "non_base")
    for kind, a, b, s in re.findall(r"\b(base|non_base)_range\((\d+), (\d+), (\d+)\)", src)
]
ranges.sort()
starts = [r[0] for r in ranges]
script_src = src[src.index("SCRIPT_CLASSES"):src.index("STYLE_CLASSES")]
script_names = re.findall(r'ScriptClass \{\s*name: "([^"]*)"', script_src)
style_src = src[src.index("STYLE_CLASSES"):]
skrifa_style = {  # script name -> index of its style without feature
    script_names[int(sc)]: int(ix)
    for ix, sc in re.findall(
        r'StyleClass \{ name: "[^"]*", index: (\d+), script: &SCRIPT_CLASSES\[(\d+)\], feature: None', style_src)
}
special_by_script = {}
for block in re.split(r"\n    ScriptClass \{", script_src)[1:]:
    name = re.search(r'name: "([^"]*)"', block).group(1)
    chars = set()
    for t in re.findall(r'std_chars: "([^"]*)"', block) + re.findall(r'\("([^"]*)", BlueZones', block):
        chars.update(ord(c) for c in t if c != " ")
    special_by_script[name] = chars

# FreeType 2.14.3's tables.
script_h = open(FT_AUTOFIT + "/afscript.h", encoding="utf-8").read()
ft_names = dict(re.findall(r'SCRIPT\(\s*(\w+),\s*\w+,\s*"([^"]*)"', script_h))
styles_h = open(FT_AUTOFIT + "/afstyles.h", encoding="utf-8").read()
styles_h = styles_h[styles_h.index("STYLE( adlm_dflt"):]
ft_order = [a or b or c for a, b, c in re.findall(
    r"STYLE\(\s*(\w+?)_dflt|META_STYLE_LATIN\(\s*(\w+)|STYLE_DEFAULT_INDIC\(\s*(\w+)", styles_h)]
ft_order = [s for s in ft_order if s in ft_names]  # not the macros' own parameters
ranges_c = open(FT_AUTOFIT + "/afranges.c", encoding="utf-8").read()
ranges_c = re.sub(r"#if 0.*?#endif", "", ranges_c, flags=re.S)


def ft_ranges(script, kind):
    m = re.search(r"af_%s_%suniranges\[\] =\s*\{(.*?)\};" % (script, kind), ranges_c, re.S)
    return [(int(a, 16), int(b, 16))
            for a, b in re.findall(r"AF_UNIRANGE_REC\(\s*(0x[0-9A-Fa-f]+),\s*(0x[0-9A-Fa-f]+)\s*\)", m.group(1))
            if int(a, 16)]


font = TTFont(FONT)
order = font.getGlyphOrder()
gid = {n: i for i, n in enumerate(order)}
cmap13 = [t for t in font["cmap"].tables if t.format == 13]
assert len(cmap13) == 1, "expected one format-13 subtable"
cmap = {c: gid[n] for c, n in cmap13[0].cmap.items()}
chars = sorted(cmap)


def chars_in(a, b):
    return chars[bisect.bisect_left(chars, a):bisect.bisect_right(chars, b)]


# FreeType's style coverage: glyph -> (skrifa style index, non-base).
ft_style = {}
ft_scripts = set()
for script in ft_order:
    name = ft_names[script]
    ft_scripts.add(name)
    st = skrifa_style[name]
    for a, b in ft_ranges(script, ""):
        for c in chars_in(a, b):
            g = cmap[c]
            if g and g not in ft_style:
                ft_style[g] = st
nonbase = set()
for script in ft_order:
    st = skrifa_style[ft_names[script]]
    for a, b in ft_ranges(script, "nonbase_"):
        for c in chars_in(a, b):
            if ft_style.get(cmap[c]) == st:
                nonbase.add(cmap[c])


def style_of(c):
    """skrifa's (style, non-base) for a character, or None."""
    i = bisect.bisect_right(starts, c) - 1
    if i >= 0 and ranges[i][0] <= c <= ranges[i][1]:
        return ranges[i][2], ranges[i][3]
    return None


special = set()
for name, cs in special_by_script.items():
    if name in ft_scripts:
        special.update(cs)
special.update(range(ord("0"), ord("9") + 1))
chosen = {c: cmap[c] for c in special if c in cmap}
by_glyph = {}
for c in chars:
    by_glyph.setdefault(cmap[c], []).append(c)
# A character of the glyph's style gives it the style; a non-base one also the flag.
for g in sorted(ft_style):
    want = (ft_style[g], g in nonbase)
    if any(style_of(c) == want for c in chosen if chosen[c] == g):
        continue
    # Its own first such character, else the first unused one of skrifa's ranges.
    pick = next((c for c in by_glyph.get(g, []) if style_of(c) == want and c not in chosen), None)
    if pick is None:
        pick = next((c for a, b, s, nb in ranges if (s, nb) == want
                     for c in range(a, b + 1) if c not in chosen and c not in special), None)
    assert pick is not None, (g, want)
    chosen[pick] = g
# skrifa gives a glyph the lowest style among its characters: none may be below the
# glyph's FreeType style, and glyphs FreeType leaves unstyled get no styled character.
for c, g in chosen.items():
    st = style_of(c)
    if st is not None:
        assert g in ft_style and st[0] >= ft_style[g], (hex(c), g)
for g, st in ft_style.items():
    got = min((style_of(c)[0] for c in chosen if chosen[c] == g and style_of(c)), default=None)
    assert got == st, (g, st, got)
    got_nb = any(style_of(c) == (st, True) for c in chosen if chosen[c] == g)
    assert got_nb == (g in nonbase), (g, st)

with open(OUT, "w", encoding="utf-8") as f:
    f.write("//! Generated by tools/gen_last_resort_autofit.py (see there why); do not edit.\n")
    f.write("//! Character → glyph pairs of LastResortHE-Regular.ttf (matplotlib 3.11.2's copy)\n")
    f.write("//! that give skrifa's auto-hinter FreeType's glyph styles, sorted by character.\n\n")
    f.write("/// `(character, glyph id)`, sorted by character.\n")
    f.write("pub(crate) static LAST_RESORT_AUTOFIT_CMAP: &[(u32, u16)] = &[\n")
    for c in sorted(chosen):
        f.write(f"    (0x{c:X}, {chosen[c]}),\n")
    f.write("];\n")
print(len(chosen), "pairs,", len(ft_style), "styled glyphs of", len(order))
