//! What matplotlib sizes from the STIX fonts: `AutoHeightChar` (`\left…\middle…\right`,
//! `\sqrt`), `AutoWidthChar` (`\widehat`, `\widetilde`, `\widebar`) over
//! `StixFonts.get_sized_alternatives_for_symbol`, `p.auto_delim` and `Parser.sqrt`.

use super::boxes::{CharNode, GlueNode, ListNode, Node};
use super::fonts::unicode_index;
use super::parser::Parser;
use super::py_max;
use crate::text::FontFace;
use crate::Result;

/// The faces of `StixFonts`' sized alternatives `0`–`5`.
const SIZE_FACES: [(&str, FontFace); 6] = [
    ("0", FontFace::StixGeneral),
    ("1", FontFace::StixSizeOneSym),
    ("2", FontFace::StixSizeTwoSym),
    ("3", FontFace::StixSizeThreeSym),
    ("4", FontFace::StixSizeFourSym),
    ("5", FontFace::StixSizeFiveSym),
];

impl<'p> Parser<'p, '_> {
    /// `StixFonts.get_sized_alternatives_for_symbol` (the `dejavusans` fontset asks its
    /// STIX Sans fallback): `(font name, symbol)` for every STIX size font holding the
    /// symbol, the largest radical left out.
    fn sized_alternatives(&self, sym: &str) -> Vec<(&'static str, String)> {
        let fixed = match sym {
            r"\{" => "{",
            r"\}" => "}",
            r"\[" => "[",
            r"\]" => "]",
            "<" => "\u{27e8}",
            ">" => "\u{27e9}",
            other => other,
        };
        let Some(c) = unicode_index(fixed).and_then(char::from_u32) else {
            return vec![(self.state.font, fixed.to_owned())];
        };
        let mut alternatives: Vec<(&'static str, String)> = SIZE_FACES
            .iter()
            .filter(|(_, face)| self.fonts.has_char(*face, c))
            .map(|(name, _)| (*name, c.to_string()))
            .collect();
        if fixed == r"\__sqrt__" {
            alternatives.pop();
        }
        alternatives
    }

    /// `Char(sym, state)` with the font name replaced (`state.font = name`).
    fn char_in(&self, font: &'static str, sym: &str, fontsize: f64) -> Result<CharNode> {
        let mut st = self.state;
        st.set_font(font);
        CharNode::new(self.fonts, sym, st.font, st.font_class, fontsize, false)
    }

    /// `AutoHeightChar(c, height, depth, state, factor)`.
    pub(super) fn auto_height_char(
        &mut self,
        delim: &str,
        height: f64,
        depth: f64,
        factor: Option<f64>,
    ) -> Result<Node> {
        let alternatives = self.sized_alternatives(delim);
        let x_height = self.fonts.x_height(self.state.fontsize);
        let target_total = height + depth;
        let mut chosen = None;
        for (font, sym) in &alternatives {
            let char = self.char_in(font, sym, self.state.fontsize)?;
            let tall = char.height + char.depth >= target_total - 0.2 * x_height;
            chosen = Some((*font, sym.as_str(), char));
            if tall {
                break;
            }
        }
        let (font, sym, mut char) =
            chosen.ok_or_else(|| self.error(&format!("a delimiter STIX can size, not {delim}")))?;
        let mut shift = 0.0;
        if font != "0" || alternatives.len() == 1 {
            let factor = factor.unwrap_or(target_total / (char.height + char.depth));
            char = self.char_in(font, sym, self.state.fontsize * factor)?;
            shift = depth - char.depth;
        }
        let mut h = ListNode::hlist(self.fonts, vec![Node::Char(char)], true)?;
        h.shift_amount = shift;
        Ok(Node::Hlist(h))
    }

    /// `AutoWidthChar(c, width, state, char_class=Accent)`.
    pub(super) fn auto_width_accent(&mut self, c: &str, width: f64) -> Result<Node> {
        let alternatives = self.sized_alternatives(c);
        let accent = |p: &Self, font: &'static str, sym: &str, size: f64| {
            let mut st = p.state;
            st.set_font(font);
            CharNode::new(p.fonts, sym, st.font, st.font_class, size, true)
        };
        let mut chosen = None;
        for (font, sym) in &alternatives {
            let char = accent(self, font, sym, self.state.fontsize)?;
            let wide = char.width >= width;
            chosen = Some((*font, sym.as_str(), char));
            if wide {
                break;
            }
        }
        let (font, sym, char) =
            chosen.ok_or_else(|| self.error(&format!("an accent STIX can size, not {c}")))?;
        let factor = width / char.width;
        let char = accent(self, font, sym, self.state.fontsize * factor)?;
        let w = char.width;
        let mut h = ListNode::hlist(self.fonts, vec![Node::Char(char)], true)?;
        h.width = w;
        Ok(Node::Hlist(h))
    }

    /// `p.sqrt`: `\sqrt[root]{value}` (the backslash and name already consumed).
    pub(super) fn sqrt_command(&mut self) -> Result<Node> {
        const WHAT: &str = r"\sqrt{value}";
        self.skip_ws();
        let mut root = None;
        if self.peek() == Some('[') {
            self.pos += 1;
            let mut nodes = Vec::new();
            loop {
                self.skip_ws();
                if self.peek() == Some(']') {
                    break;
                }
                match self.token_simple()? {
                    Some(n) => nodes.extend(n),
                    None => return Err(self.error(WHAT)),
                }
            }
            if nodes.is_empty() {
                return Err(self.error(WHAT));
            }
            self.pos += 1;
            root = Some(nodes);
        }
        let body = self.required_group(WHAT)?;
        self.sqrt(root, body)
    }

    /// `Parser.sqrt`.
    fn sqrt(&mut self, root: Option<Vec<Node>>, body: ListNode) -> Result<Node> {
        let fonts = self.fonts;
        let st = self.state;
        let thickness = fonts.underline_thickness(st.fontsize);
        let height = body.height - body.shift_amount + 5.0 * thickness;
        let depth = body.depth + body.shift_amount;
        let check = self.auto_height_char(r"\__sqrt__", height, depth, None)?;
        let (check_width, check_shift) = match &check {
            Node::Hlist(h) => (h.width, h.shift_amount),
            _ => (0.0, 0.0),
        };
        let height = check.height() - check_shift;
        let depth = check.depth() + check_shift;
        let padded = ListNode::hlist(
            fonts,
            vec![
                Node::boxed(2.0 * thickness, 0.0, 0.0),
                Node::Hlist(body),
                Node::boxed(2.0 * thickness, 0.0, 0.0),
            ],
            true,
        )?;
        let mut rightside = ListNode::vlist(vec![
            Node::hrule(thickness),
            GlueNode::fill(),
            Node::Hlist(padded),
        ]);
        rightside.vpack(
            height + (st.fontsize * fonts.dpi) / (100.0 * 12.0),
            true,
            depth,
        );
        let root = match root {
            None => Node::boxed(0.5 * check_width, 0.0, 0.0),
            Some(nodes) => {
                let mut r = Node::Hlist(ListNode::hlist(fonts, nodes, true)?);
                r.shrink(fonts)?;
                r.shrink(fonts)?;
                r
            }
        };
        let mut root_vlist =
            ListNode::vlist(vec![Node::Hlist(ListNode::hlist(fonts, vec![root], true)?)]);
        root_vlist.shift_amount = -height * 0.6;
        Ok(Node::Hlist(ListNode::hlist(
            fonts,
            vec![
                Node::Vlist(root_vlist),
                Node::kern(-0.5 * check_width),
                check,
                Node::Vlist(rightside),
            ],
            true,
        )?))
    }

    /// `p.auto_delim` after `\left`: `ZeroOrMore(simple | auto_delim | mdelim)`, then
    /// `\right` and its delimiter.
    pub(super) fn auto_delim(&mut self) -> Result<Node> {
        let left = self
            .delim()
            .ok_or_else(|| self.error(r"a delimiter after \left"))?;
        let mut mid = Vec::new();
        loop {
            self.skip_ws();
            match self.csname() {
                Some("right") => {
                    self.pos += 6;
                    break;
                }
                Some("middle") => {
                    self.pos += 7;
                    let d = self
                        .delim()
                        .ok_or_else(|| self.error(r"a delimiter after \middle"))?;
                    mid.push(Mid::Middle);
                    mid.push(Mid::Delim(d));
                    continue;
                }
                _ => {}
            }
            if self.pos >= self.s.len() {
                return Err(self.error(r"\right"));
            }
            match self.token_simple()? {
                Some(nodes) => mid.extend(nodes.into_iter().map(Mid::Node)),
                None => return Err(self.error(r"\right")),
            }
        }
        let right = self
            .delim()
            .ok_or_else(|| self.error(r"a delimiter after \right"))?;
        self.auto_sized_delimiter(left, mid, right)
    }

    /// `Parser._auto_sized_delimiter`, `\middle` handled as matplotlib's loop does it
    /// (it edits the list while enumerating it).
    pub(super) fn auto_sized_delimiter(
        &mut self,
        front: &str,
        mut middle: Vec<Mid<'p>>,
        back: &str,
    ) -> Result<Node> {
        let (height, depth, factor) = if middle.is_empty() {
            (0.0, 0.0, Some(1.0))
        } else {
            let nodes = || {
                middle.iter().filter_map(|m| match m {
                    Mid::Node(n) => Some(n),
                    _ => None,
                })
            };
            let max = |v: &mut dyn Iterator<Item = f64>| {
                let first = v.next()?;
                Some(v.fold(first, py_max))
            };
            let no_body = || self.error(r"something besides \middle between \left and \right");
            let h = max(&mut nodes().map(Node::height)).ok_or_else(no_body)?;
            let d = max(&mut nodes().map(Node::depth)).ok_or_else(no_body)?;
            (h, d, None)
        };
        let mut idx = 0;
        while idx < middle.len() {
            if matches!(middle[idx], Mid::Middle) {
                let c = match middle.get(idx + 1) {
                    Some(Mid::Delim(c)) => *c,
                    _ => return Err(self.error(r"a delimiter after \middle")),
                };
                if c != "." {
                    middle[idx + 1] = Mid::Node(self.auto_height_char(c, height, depth, factor)?);
                } else if let Some(i) = middle.iter().position(|m| matches!(m, Mid::Delim("."))) {
                    middle.remove(i);
                }
                middle.remove(idx);
            }
            idx += 1;
        }
        let mut parts = Vec::with_capacity(middle.len() + 2);
        if front != "." {
            parts.push(self.auto_height_char(front, height, depth, factor)?);
        }
        for m in middle {
            match m {
                Mid::Node(n) => parts.push(n),
                _ => return Err(self.error(r"one delimiter after each \middle")),
            }
        }
        if back != "." {
            parts.push(self.auto_height_char(back, height, depth, factor)?);
        }
        Ok(Node::Hlist(ListNode::hlist(self.fonts, parts, true)?))
    }
}

/// An item between `\left` and `\right`: a node, `\middle`, or the delimiter after it.
pub(super) enum Mid<'p> {
    Node(Node),
    Middle,
    Delim(&'p str),
}
