//! `p.placeable` and the parse actions of the commands with arguments: accents,
//! `\sin`-style functions, `\frac`/`\dfrac`/`\binom`, `\overline`, `\underline`,
//! `\overset`/`\underset`, `\text`, `\phantom`/`\llap`/`\rlap` and `\left…\right`.

use super::boxes::{CharNode, ListNode, Node};
use super::fonts::consts;
use super::parser::{in_set, Parser};
use super::py_max;
use super::symbols::FUNCTION_NAMES;
use crate::Result;

/// `Parser._accent_map` (command name → accent symbol).
const ACCENT_MAP: &[(&str, &str)] = &[
    ("hat", r"\circumflexaccent"),
    ("breve", r"\combiningbreve"),
    ("bar", r"\combiningoverline"),
    ("grave", r"\combininggraveaccent"),
    ("acute", r"\combiningacuteaccent"),
    ("tilde", r"\combiningtilde"),
    ("dot", r"\combiningdotabove"),
    ("ddot", r"\combiningdiaeresis"),
    ("dddot", r"\combiningthreedotsabove"),
    ("ddddot", r"\combiningfourdotsabove"),
    ("vec", r"\combiningrightarrowabove"),
    ("\"", r"\combiningdiaeresis"),
    ("`", r"\combininggraveaccent"),
    ("'", r"\combiningacuteaccent"),
    ("~", r"\combiningtilde"),
    (".", r"\combiningdotabove"),
    ("^", r"\circumflexaccent"),
    ("overrightarrow", r"\rightarrow"),
    ("overleftarrow", r"\leftarrow"),
    ("mathring", r"\circ"),
];

/// `Parser._wide_accents`.
const WIDE_ACCENTS: &[&str] = &["widehat", "widetilde", "widebar"];

/// `Parser._fontnames` longest first, as `one_of` matches them after `\math`.
const GROUP_FONTS: &[&str] = &[
    "default", "regular", "normal", "bfit", "frak", "cal", "scr", "rm", "it", "tt", "sf", "bf",
    "bb",
];

/// Commands matplotlib supports that figbuf does not (they need fonts it does not embed
/// or are not ported yet).
const UNSUPPORTED: &[&str] = &["middle"];

impl<'p> Parser<'p, '_> {
    /// `p.placeable`; `None` when nothing placeable starts here.
    pub(super) fn placeable(&mut self) -> Result<Option<Node>> {
        self.enter()?;
        let r = self.placeable_inner();
        self.leave();
        r
    }

    fn placeable_inner(&mut self) -> Result<Option<Node>> {
        let loc = self.pos;
        let name = self.csname();
        match name {
            Some("phantom") => {
                self.pos += 8;
                let mut g = self.optional_group(r"\phantom{value}")?;
                g.is_phantom = true;
                return Ok(Some(Node::Hlist(g)));
            }
            Some(n @ ("llap" | "rlap")) => {
                self.pos += 5;
                let g = self.optional_group(&format!("\\{n}{{value}}"))?;
                let k = Node::kern(-g.width);
                let elements = if n == "llap" {
                    vec![k, Node::Hlist(g)]
                } else {
                    vec![Node::Hlist(g), k]
                };
                return Ok(Some(Node::Hlist(ListNode::hlist(
                    self.fonts, elements, true,
                )?)));
            }
            _ => {}
        }
        // Accents (alphabetic names, or one of " ` ' ~ . ^ after the backslash).
        let accent = match name {
            Some(n) if ACCENT_MAP.iter().any(|(a, _)| *a == n) || WIDE_ACCENTS.contains(&n) => {
                Some(n)
            }
            Some(_) => None,
            None => self
                .rest()
                .strip_prefix('\\')
                .and_then(|r| r.get(..1))
                .filter(|c| "\"`'~.^".contains(*c)),
        };
        if let Some(a) = accent {
            self.pos += 1 + a.len();
            return self.accent(a).map(Some);
        }
        if let Some(sym) = self.symbol_at() {
            self.pos += sym.len();
            return self.symbol(sym, loc).map(Some);
        }
        if let Some(n) = name {
            if in_set(FUNCTION_NAMES, n) {
                self.pos += 1 + n.len();
                return self.function(n, loc).map(Some);
            }
        }
        // Groups: `{` or `\math<font>{`.
        if self.peek() == Some('{') {
            self.pos += 1;
            return self.group(None).map(Some);
        }
        if let Some(n) = name.and_then(|n| n.strip_prefix("math")) {
            if let Some(&f) = GROUP_FONTS.iter().find(|&&f| n.starts_with(f)) {
                let save = self.pos;
                self.pos += 5 + f.len();
                self.skip_ws();
                if self.peek() == Some('{') {
                    self.pos += 1;
                    return self.group(Some(f)).map(Some);
                }
                self.pos = save;
            }
        }
        let Some(n) = name else {
            return Ok(None);
        };
        match n {
            "frac" | "dfrac" | "binom" => {
                self.pos += 1 + n.len();
                let what = format!("\\{n}{{num}}{{den}}");
                let num = self.required_group(&what)?;
                let den = self.required_group(&what)?;
                let t = self.fonts.underline_thickness(self.state.fontsize);
                let node = match n {
                    "frac" => self.genfrac("", "", t, 1, num, den)?,
                    "dfrac" => self.genfrac("", "", t, 0, num, den)?,
                    _ => self.genfrac("(", ")", 0.0, 1, num, den)?,
                };
                Ok(Some(node))
            }
            "overset" | "underset" => {
                self.pos += 1 + n.len();
                let what = format!("\\{n}{{annotation}}{{body}}");
                let annotation = self.optional_group(&what)?;
                let body = self.optional_group(&what)?;
                self.genset(n == "underset", annotation, body).map(Some)
            }
            "overline" => {
                self.pos += 9;
                let body = self.required_group(r"\overline{body}")?;
                self.overline(body).map(Some)
            }
            "underline" => {
                self.pos += 10;
                let body = self.required_group(r"\underline{body}")?;
                self.underline(body).map(Some)
            }
            "text" => {
                self.pos += 5;
                self.text().map(Some)
            }
            "left" => {
                self.pos += 5;
                self.auto_delim().map(Some)
            }
            "sqrt" => {
                self.pos += 5;
                self.sqrt_command().map(Some)
            }
            "genfrac" => {
                self.pos += 8;
                self.genfrac_command().map(Some)
            }
            "operatorname" => {
                self.pos += 13;
                self.operatorname_command(loc).map(Some)
            }
            "boldsymbol" => {
                self.pos += 11;
                self.boldsymbol_command().map(Some)
            }
            "substack" => {
                self.pos += 9;
                self.substack_command().map(Some)
            }
            _ if UNSUPPORTED.contains(&n) => Err(self.error(&format!(
                "mathtext figbuf supports (\\{n} needs fonts figbuf does not embed or is not ported)"
            ))),
            _ => Ok(None),
        }
    }

    /// `Parser.accent`.
    fn accent(&mut self, accent: &str) -> Result<Node> {
        self.skip_ws();
        let sym = self
            .placeable()?
            .ok_or_else(|| self.error(&format!("\\{accent}{{sym}}")))?;
        let fonts = self.fonts;
        let thickness = fonts.underline_thickness(self.state.fontsize);
        let w = sym.width();
        if WIDE_ACCENTS.contains(&accent) {
            let accent_box = self.auto_width_accent(&format!("\\{accent}"), w)?;
            let mut centered = ListNode::hcentered(fonts, vec![accent_box])?;
            centered.hpack(w, true);
            return Ok(Node::Vlist(ListNode::vlist(vec![
                Node::Hlist(centered),
                Node::boxed(0.0, 0.0, thickness * 2.0),
                Node::Hlist(ListNode::hlist(fonts, vec![sym], true)?),
            ])));
        }
        let accent_sym = ACCENT_MAP
            .iter()
            .find(|(a, _)| *a == accent)
            .map(|(_, s)| *s)
            .unwrap_or(r"\circumflexaccent");
        let mut accent_box = Node::Char(CharNode::new(
            fonts,
            accent_sym,
            self.state.font,
            self.state.font_class,
            self.state.fontsize,
            true,
        )?);
        if accent == "mathring" {
            accent_box.shrink(fonts)?;
            accent_box.shrink(fonts)?;
        }
        let mut centered =
            ListNode::hcentered(fonts, vec![Node::boxed(w / 4.0, 0.0, 0.0), accent_box])?;
        centered.hpack(w, true);
        Ok(Node::Vlist(ListNode::vlist(vec![
            Node::Hlist(centered),
            Node::boxed(0.0, 0.0, thickness * 2.0),
            Node::Hlist(ListNode::hlist(fonts, vec![sym], true)?),
        ])))
    }

    /// `Parser.function` / `operatorname` for a `\sin`-style name.
    fn function(&mut self, name: &str, loc: usize) -> Result<Node> {
        self.push_state()?;
        self.state.set_font("rm");
        let mut list = Vec::with_capacity(name.len() + 1);
        for c in name.chars() {
            list.push(self.char(c.encode_utf8(&mut [0; 4]))?);
        }
        let next_char_loc = loc + name.len() + 1;
        let next_char = self
            .s
            .get(next_char_loc..)
            .and_then(|r| r.chars().find(|&c| c != ' '));
        let delimiter = next_char.is_some_and(|c| {
            let mut buf = [0u8; 4];
            let c = c.encode_utf8(&mut buf);
            super::parser::is_delim(c) || c == "^" || c == "_"
        });
        if !delimiter {
            list.push(self.make_space(0.16667)?);
        }
        self.pop_state();
        self.needs_space_after_subsuper = matches!(next_char, Some('^' | '_'));
        let mut h = ListNode::hlist(self.fonts, list, true)?;
        h.function_name = Some(name.to_owned());
        Ok(Node::Hlist(h))
    }

    /// `Parser._genfrac` (`style`: 0 display, 1 text).
    pub(super) fn genfrac(
        &mut self,
        ldelim: &str,
        rdelim: &str,
        rule: f64,
        style: u32,
        num: ListNode,
        den: ListNode,
    ) -> Result<Node> {
        let fonts = self.fonts;
        let st = self.state;
        let thickness = fonts.underline_thickness(st.fontsize);
        let axis_height = fonts.axis_height(st.fontsize);
        let mut x_height = fonts.x_height(st.fontsize);
        let (mut num, mut den) = (Node::Hlist(num), Node::Hlist(den));
        for _ in 0..style {
            x_height *= super::boxes::SHRINK_FACTOR;
            num.shrink(fonts)?;
            den.shrink(fonts)?;
        }
        let width = py_max(num.width(), den.width());
        let mut cnum = ListNode::hcentered(fonts, vec![num])?;
        let mut cden = ListNode::hcentered(fonts, vec![den])?;
        cnum.hpack(width, true);
        cden.hpack(width, true);
        let vlist = if rule != 0.0 {
            let (num_shift_up, den_shift_down, clr) = if style == 0 {
                (
                    consts::NUM1 * x_height,
                    consts::DENOM1 * x_height,
                    3.0 * rule,
                )
            } else {
                (consts::NUM2 * x_height, consts::DENOM2 * x_height, rule)
            };
            let delta = rule / 2.0;
            let num_clr = py_max((num_shift_up - cnum.depth) - (axis_height + delta), clr);
            let den_clr = py_max((axis_height - delta) - (cden.height - den_shift_down), clr);
            let shift = cden.height + den_clr + delta - axis_height;
            let mut v = ListNode::vlist(vec![
                Node::Hlist(cnum),
                Node::boxed(0.0, 0.0, num_clr),
                Node::hrule(rule),
                Node::boxed(0.0, 0.0, den_clr),
                Node::Hlist(cden),
            ]);
            v.shift_amount = shift;
            v
        } else {
            let (num_shift_up, den_shift_down, min_clr) = if style == 0 {
                (
                    consts::NUM1 * x_height,
                    consts::DENOM1 * x_height,
                    7.0 * thickness,
                )
            } else {
                (
                    consts::NUM3 * x_height,
                    consts::DENOM2 * x_height,
                    3.0 * thickness,
                )
            };
            let def_clr = (num_shift_up - cnum.depth) - (cden.height - den_shift_down);
            let clr = py_max(def_clr, min_clr);
            let mut v = ListNode::vlist(vec![
                Node::Hlist(cnum),
                Node::boxed(0.0, 0.0, clr),
                Node::Hlist(cden),
            ]);
            v.shift_amount = den_shift_down;
            if def_clr < min_clr {
                v.shift_amount += (min_clr - def_clr) / 2.0;
            }
            v
        };
        let result = Node::Hlist(ListNode::hlist(
            fonts,
            vec![
                Node::boxed(thickness, 0.0, 0.0),
                Node::Vlist(vlist),
                Node::boxed(thickness, 0.0, 0.0),
            ],
            true,
        )?);
        if !ldelim.is_empty() || !rdelim.is_empty() {
            let l = if ldelim.is_empty() { "." } else { ldelim };
            let r = if rdelim.is_empty() { "." } else { rdelim };
            return self.auto_sized_delimiter(l, vec![super::sized::Mid::Node(result)], r);
        }
        Ok(result)
    }

    /// `Parser._genset`.
    fn genset(&mut self, under: bool, annotation: ListNode, body: ListNode) -> Result<Node> {
        let fonts = self.fonts;
        let thickness = fonts.underline_thickness(self.state.fontsize);
        let mut annotation = Node::Hlist(annotation);
        annotation.shrink(fonts)?;
        let mut ca = ListNode::hcentered(fonts, vec![annotation])?;
        let mut cb = ListNode::hcentered(fonts, vec![Node::Hlist(body)])?;
        let width = py_max(ca.width, cb.width);
        ca.hpack(width, true);
        cb.hpack(width, true);
        let vgap = thickness * 3.0;
        if under {
            let shift = cb.depth + ca.height + vgap;
            let mut v = ListNode::vlist(vec![
                Node::Hlist(cb),
                Node::boxed(0.0, 0.0, vgap),
                Node::Hlist(ca),
            ]);
            v.shift_amount = shift;
            Ok(Node::Vlist(v))
        } else {
            Ok(Node::Vlist(ListNode::vlist(vec![
                Node::Hlist(ca),
                Node::boxed(0.0, 0.0, vgap),
                Node::Hlist(cb),
            ])))
        }
    }

    /// `Parser.overline`.
    fn overline(&mut self, body: ListNode) -> Result<Node> {
        let fonts = self.fonts;
        let st = self.state;
        let thickness = fonts.underline_thickness(st.fontsize);
        let height = body.height - body.shift_amount + 3.0 * thickness;
        let depth = body.depth + body.shift_amount;
        let mut rightside = ListNode::vlist(vec![
            Node::hrule(thickness),
            super::boxes::GlueNode::fill(),
            Node::Hlist(ListNode::hlist(fonts, vec![Node::Hlist(body)], true)?),
        ]);
        rightside.vpack(
            height + (st.fontsize * fonts.dpi) / (100.0 * 12.0),
            true,
            depth,
        );
        Ok(Node::Hlist(ListNode::hlist(
            fonts,
            vec![Node::Vlist(rightside)],
            true,
        )?))
    }

    /// `Parser.underline`.
    fn underline(&mut self, body: ListNode) -> Result<Node> {
        let fonts = self.fonts;
        let thickness = fonts.underline_thickness(self.state.fontsize);
        let body_height = body.height;
        let mut v = ListNode::vlist(vec![
            Node::Hlist(ListNode::hlist(fonts, vec![Node::Hlist(body)], true)?),
            Node::kern(3.0 * thickness),
            Node::hrule(thickness),
        ]);
        let delta = v.height + v.depth + thickness;
        v.height = body_height;
        v.depth = delta - v.height;
        Ok(Node::Hlist(ListNode::hlist(
            fonts,
            vec![Node::Vlist(v)],
            true,
        )?))
    }

    /// `Parser.text` with `_BracedText`: `\text{…}` set in `rm`; nested braces only
    /// group, a backslash escapes the next character (`\t`, `\n`, `\f`, `\r` as
    /// control characters), spaces are kept.
    fn text(&mut self) -> Result<Node> {
        self.skip_ws();
        let rest = self.rest();
        if !rest.starts_with('{') {
            return Err(self.error(r"\text{...}"));
        }
        let mut content = String::new();
        let mut depth = 0usize;
        let mut end = None;
        let mut it = rest.char_indices();
        while let Some((i, c)) = it.next() {
            if c == '\\' {
                if let Some((_, e)) = it.next() {
                    content.push(match e {
                        't' => '\t',
                        'n' => '\n',
                        'f' => '\u{c}',
                        'r' => '\r',
                        other => other,
                    });
                    continue;
                }
                content.push(c);
                continue;
            }
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => content.push(c),
            }
        }
        let end = end.ok_or_else(|| self.error(r"\text{...} with a closing '}'"))?;
        self.pos += end + 1;
        self.push_state()?;
        self.state.set_font("rm");
        let mut chars = Vec::with_capacity(content.len());
        for c in content.chars() {
            chars.push(self.char(c.encode_utf8(&mut [0; 4]))?);
        }
        self.pop_state();
        Ok(Node::Hlist(ListNode::hlist(self.fonts, chars, true)?))
    }
}
