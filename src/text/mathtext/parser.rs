//! A recursive-descent version of `_mathtext.Parser`'s grammar, running the same parse
//! actions in the same order: tokens, spaces, font switches, symbols with operator and
//! punctuation spacing, groups, sub/superscripts (`subsuper`). The commands with
//! arguments (`\frac`, accents, delimiters, …) are in `commands.rs`.

use super::boxes::{ListNode, Node, SHRINK_FACTOR};
use super::fonts::{consts, Fonts};
use super::py_max;
use super::symbols::{
    AMBI_DELIMS, ARROW_SYMBOLS, BINARY_OPERATORS, LEFT_DELIMS, OVERUNDER_SYMBOLS, RELATION_SYMBOLS,
    RIGHT_DELIMS, TEX2UNI,
};
use crate::{Error, Result};

/// `Parser._space_widths`, in em.
const SPACE_WIDTHS: &[(&str, f64)] = &[
    (r"\thinspace", 0.16667),
    (r"\enspace", 0.5),
    (r"\qquad", 2.0),
    (r"\quad", 1.0),
    (r"\,", 0.16667),
    (r"\/", 0.16667),
    (r"\>", 0.22222),
    (r"\:", 0.22222),
    (r"\;", 0.27778),
    (r"\ ", 0.33333),
    ("~", 0.33333),
    (r"\!", -0.16667),
];

/// `Parser._punctuation_symbols`.
const PUNCTUATION_SYMBOLS: &[&str] = &[",", ";", ".", "!", r"\ldotp", r"\cdotp"];

/// `Parser._fontnames`.
const FONT_NAMES: &[&str] = &[
    "rm", "cal", "it", "tt", "sf", "bf", "bfit", "default", "bb", "frak", "scr", "regular",
    "normal",
];

/// `Parser._overunder_functions`.
const OVERUNDER_FUNCTIONS: &[&str] = &["lim", "liminf", "limsup", "sup", "max", "min"];

/// `Parser._dropsub_symbols`.
const DROPSUB_SYMBOLS: &[&str] = &[
    r"\int", r"\oint", r"\iint", r"\oiint", r"\iiint", r"\oiiint", r"\iiiint",
];

/// Deepest nesting of mathtext groups and commands accepted (keeps the recursion and
/// the stack bounded); deeper input is an error.
pub const MAX_DEPTH: usize = 64;

/// `ParserState`: the font name and size (dpi lives in [`Fonts`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct State {
    pub font: &'static str,
    /// `ParserState.font_class`: the last of `normal`, `rm`, `it`, `bf`, `bfit` set as
    /// the font.
    pub font_class: &'static str,
    pub fontsize: f64,
}

impl State {
    /// The `ParserState.font` setter.
    pub fn set_font(&mut self, name: &'static str) {
        if matches!(name, "normal" | "rm" | "it" | "bf" | "bfit") {
            self.font_class = name;
        }
        self.font = name;
    }
}

/// Whether `name` is in a sorted symbol-class table.
pub(super) fn in_set(set: &[&str], name: &str) -> bool {
    set.binary_search(&name).is_ok()
}

/// `Parser._delims` membership.
pub(super) fn is_delim(name: &str) -> bool {
    in_set(LEFT_DELIMS, name) || in_set(RIGHT_DELIMS, name) || in_set(AMBI_DELIMS, name)
}

/// The parser over one math string (between the `$`).
pub(super) struct Parser<'p, 'c> {
    pub fonts: &'p Fonts<'c>,
    /// The math string, as the parse actions see it.
    pub s: &'p str,
    pub pos: usize,
    pub state: State,
    pub stack: Vec<State>,
    pub depth: usize,
    pub needs_space_after_subsuper: bool,
}

impl<'p, 'c> Parser<'p, 'c> {
    pub fn new(fonts: &'p Fonts<'c>, s: &'p str, fontsize: f64) -> Self {
        Parser {
            fonts,
            s,
            pos: 0,
            state: State {
                font: "normal",
                font_class: "normal",
                fontsize,
            },
            stack: Vec::new(),
            depth: 0,
            needs_space_after_subsuper: false,
        }
    }

    pub fn rest(&self) -> &'p str {
        &self.s[self.pos..]
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn skip_ws(&mut self) {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        self.pos += rest.len() - trimmed.len();
    }

    /// An error naming the math string and where parsing stopped.
    pub fn error(&self, what: &str) -> Error {
        Error::invalid(
            "mathtext",
            format!("${}$ (at char {})", self.s, self.pos),
            what.to_string(),
        )
    }

    pub fn push_state(&mut self) -> Result<()> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error("groups nested at most 64 deep"));
        }
        self.stack.push(self.state);
        Ok(())
    }

    pub fn pop_state(&mut self) {
        if let Some(s) = self.stack.pop() {
            self.state = s;
        }
    }

    /// Guards recursion depth around nested constructs.
    pub fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("constructs nested at most 64 deep"));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// An alphabetic control-sequence name at the cursor (`\name`, not followed by a
    /// letter), without consuming it.
    pub fn csname(&self) -> Option<&'p str> {
        let rest = self.rest().strip_prefix('\\')?;
        let n = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        (n > 0).then(|| &rest[..n])
    }

    /// `math`: `OneOrMore(token)` over the whole string, as an `Hlist`.
    pub fn math(&mut self) -> Result<ListNode> {
        let nodes = self.tokens(true)?;
        self.skip_ws();
        if self.pos < self.s.len() {
            return Err(self.error("the end of the math (unbalanced '}'?)"));
        }
        ListNode::hlist(self.fonts, nodes, true)
    }

    /// `ZeroOrMore(token)` (or `OneOrMore`) up to the end or a `}`.
    pub fn tokens(&mut self, one_or_more: bool) -> Result<Vec<Node>> {
        let mut out = Vec::new();
        let mut any = false;
        loop {
            self.skip_ws();
            match self.token()? {
                Some(nodes) => {
                    any = true;
                    out.extend(nodes);
                }
                None => break,
            }
        }
        if one_or_more && !any {
            return Err(self.error("a math expression"));
        }
        Ok(out)
    }

    /// `p.token`: `simple | auto_delim | unclosed_group | unknown_symbol`; `None` when
    /// nothing starts here.
    pub(super) fn token_simple(&mut self) -> Result<Option<Vec<Node>>> {
        self.token()
    }

    fn token(&mut self) -> Result<Option<Vec<Node>>> {
        if self.pos >= self.s.len() {
            return Ok(None);
        }
        if let Some(k) = self.space()? {
            return Ok(Some(vec![k]));
        }
        if let Some(name) = self.csname() {
            if name == "hspace" {
                return self.customspace().map(|k| Some(vec![k]));
            }
            if let Some(&f) = FONT_NAMES.iter().find(|&&f| f == name) {
                self.pos += 1 + name.len();
                self.state.set_font(f);
                return Ok(Some(Vec::new()));
            }
        }
        if let Some(node) = self.subsuper()? {
            return Ok(Some(vec![node]));
        }
        if let Some(name) = self.csname() {
            return Err(self.error(&format!(
                "a known symbol or command (Unknown symbol: \\{name})"
            )));
        }
        Ok(None)
    }

    /// `p.space`.
    fn space(&mut self) -> Result<Option<Node>> {
        let rest = self.rest();
        for &(name, pct) in SPACE_WIDTHS {
            if rest.starts_with(name) {
                self.pos += name.len();
                return self.make_space(pct).map(Some);
            }
        }
        Ok(None)
    }

    /// `p.customspace`: `\hspace{float}`.
    fn customspace(&mut self) -> Result<Node> {
        self.pos += r"\hspace".len();
        self.skip_ws();
        let rest = self.rest();
        let inner = rest
            .strip_prefix('{')
            .and_then(|r| r.split_once('}'))
            .map(|(a, _)| a)
            .ok_or_else(|| self.error(r"\hspace{space}"))?;
        let v: f64 = inner
            .trim()
            .parse()
            .map_err(|_| self.error(r"\hspace{space} with a number"))?;
        self.pos += inner.len() + 2;
        self.make_space(v)
    }

    /// `Parser._make_space`.
    pub fn make_space(&self, percentage: f64) -> Result<Node> {
        let width = self.fonts.quad(self.state.fontsize)?;
        Ok(Node::kern(width * percentage))
    }

    /// `Char(c, state)` in the current state.
    pub fn char(&self, sym: &str) -> Result<Node> {
        Ok(Node::Char(super::boxes::CharNode::new(
            self.fonts,
            sym,
            self.state.font,
            self.state.font_class,
            self.state.fontsize,
            false,
        )?))
    }

    /// `p.subsuper`: an optional nucleus followed by `^`/`_` scripts.
    fn subsuper(&mut self) -> Result<Option<Node>> {
        let start = self.pos;
        // `'` is a symbol, but a nucleus only when scripts follow it; otherwise the
        // run of apostrophes is the `Regex("'+")` alternative: primes on nothing.
        let nucleus = if self.peek() == Some('\'') && !self.scripts_follow(1) {
            None
        } else {
            self.placeable()?
        };
        let (mut sup, mut sub) = (None, None);
        let mut any = false;
        loop {
            let before = self.pos;
            self.skip_ws();
            let Some(op @ ('^' | '_')) = self.peek() else {
                self.pos = before;
                break;
            };
            self.pos += 1;
            self.skip_ws();
            let arg = self
                .placeable()?
                .ok_or_else(|| self.error("a placeable after ^ or _"))?;
            any = true;
            let slot = if op == '^' { &mut sup } else { &mut sub };
            if slot.is_some() {
                return Err(self.error(if op == '^' {
                    "a single superscript (Double superscript)"
                } else {
                    "a single subscript (Double subscript)"
                }));
            }
            *slot = Some(arg);
        }
        // Regex("'*")("apostrophes") (after the scripts or a nucleus; alone, "'+").
        let before = self.pos;
        self.skip_ws();
        let napostrophes = self.rest().bytes().take_while(|&b| b == b'\'').count();
        if napostrophes == 0 {
            self.pos = before;
        } else {
            self.pos += napostrophes;
        }
        if !any && napostrophes == 0 {
            if nucleus.is_none() {
                self.pos = start;
            }
            return Ok(nucleus);
        }
        let nucleus = nucleus.unwrap_or_else(|| Node::boxed(0.0, 0.0, 0.0));
        let sup = if napostrophes > 0 {
            Some(self.primes(sup, napostrophes, start)?)
        } else {
            sup
        };
        self.scripts(nucleus, sup, sub).map(Some)
    }

    /// Whether `^` or `_` comes (after spaces) `skip` bytes ahead.
    fn scripts_follow(&self, skip: usize) -> bool {
        self.rest()
            .get(skip..)
            .map(|r| r.trim_start_matches([' ', '\t', '\n', '\r']))
            .is_some_and(|r| r.starts_with(['^', '_']))
    }

    /// `Parser.subsuper`'s apostrophes: `\prime` symbols appended to the superscript
    /// (wrapped in an `Hlist` unless it is one), kerned and packed again.
    fn primes(&mut self, sup: Option<Node>, n: usize, loc: usize) -> Result<Node> {
        let fonts = self.fonts;
        let mut list = match sup {
            None => ListNode::hlist(fonts, Vec::new(), true)?,
            Some(Node::Hlist(h)) => h,
            Some(other) => ListNode::hlist(fonts, vec![other], true)?,
        };
        for _ in 0..n {
            let prime = self.symbol(r"\prime", loc)?;
            list.children.push(prime);
        }
        list.rekern(fonts)?;
        list.hpack(0.0, false);
        Ok(Node::Hlist(list))
    }

    fn is_overunder(n: &Node) -> bool {
        match n {
            Node::Char(c) => in_set(OVERUNDER_SYMBOLS, &c.sym),
            Node::Hlist(h) => h
                .function_name
                .as_deref()
                .is_some_and(|f| OVERUNDER_FUNCTIONS.contains(&f)),
            _ => false,
        }
    }

    fn is_dropsub(n: &Node) -> bool {
        matches!(n, Node::Char(c) if DROPSUB_SYMBOLS.contains(&c.sym.as_str()))
    }

    fn is_slanted(n: &Node) -> bool {
        matches!(n, Node::Char(c) if c.info.metrics.slanted)
    }

    /// The `Parser.subsuper` action once the scripts are known.
    fn scripts(&mut self, nucleus: Node, sup: Option<Node>, sub: Option<Node>) -> Result<Node> {
        let fonts = self.fonts;
        let st = self.state;
        let rule_thickness = fonts.underline_thickness(st.fontsize);
        let x_height = fonts.x_height(st.fontsize);

        if Self::is_overunder(&nucleus) {
            return self.overunder(nucleus, sup, sub, rule_thickness);
        }

        let (nucleus, last_char) = match nucleus {
            Node::Hlist(h) => {
                let mut children = h.children;
                let mut last = None;
                if !children.is_empty() {
                    let n = children.len();
                    if n >= 2
                        && matches!(children[n - 1], Node::Kern(_))
                        && matches!(children[n - 2], Node::Char(_))
                    {
                        children.pop();
                    }
                    if let Some(Node::Char(c)) = children.last_mut() {
                        c.width = c.info.metrics.advance;
                    }
                    last = children.last().cloned();
                }
                let nuc = ListNode::hlist(fonts, children, false)?;
                let last = last.unwrap_or_else(|| Node::Hlist(nuc.clone()));
                (nuc, last)
            }
            other => {
                let mut other = other;
                if let Node::Char(c) = &mut other {
                    c.width = c.info.metrics.advance;
                }
                let last = other.clone();
                (ListNode::hlist(fonts, vec![other], true)?, last)
            }
        };

        let lc_height = last_char.height();
        let dropsub = Self::is_dropsub(&last_char);
        let lc_baseline = if dropsub { last_char.depth() } else { 0.0 };

        let mut superkern = consts::DELTA * x_height;
        let mut subkern = consts::DELTA * x_height;
        if Self::is_slanted(&last_char) {
            superkern += consts::DELTA * x_height;
            superkern += consts::DELTA_SLANTED * (lc_height - x_height * 2.0 / 3.0);
            if dropsub {
                subkern = (3.0 * consts::DELTA - consts::DELTA_INTEGRAL) * lc_height;
                superkern = (3.0 * consts::DELTA + consts::DELTA_INTEGRAL) * lc_height;
            } else {
                subkern = 0.0;
            }
        }

        let nucleus_node = Node::Hlist(nucleus);
        let (mut shift_up, mut shift_down) = if nucleus_node.is_char_node() {
            (0.0, 0.0)
        } else {
            let shrunk_x_height = fonts.x_height(st.fontsize * SHRINK_FACTOR);
            (
                nucleus_node.height() - consts::SUPDROP * shrunk_x_height,
                nucleus_node.depth() + consts::SUBDROP * shrunk_x_height,
            )
        };

        let mut x = match sup {
            None => {
                let sub = sub.ok_or_else(|| self.error("a script"))?;
                let mut x = Node::Hlist(ListNode::hlist(
                    fonts,
                    vec![Node::kern(subkern), sub],
                    true,
                )?);
                x.shrink(fonts)?;
                if dropsub {
                    shift_down = lc_baseline + consts::SUBDROP * x_height;
                } else {
                    shift_down = py_max(
                        py_max(shift_down, consts::SUB1 * x_height),
                        x.height() - x_height * 4.0 / 5.0,
                    );
                }
                let Node::Hlist(mut l) = x else {
                    return Err(self.error("a script"));
                };
                l.shift_amount = shift_down;
                Node::Hlist(l)
            }
            Some(sup) => {
                let mut x = Node::Hlist(ListNode::hlist(
                    fonts,
                    vec![Node::kern(superkern), sup],
                    true,
                )?);
                x.shrink(fonts)?;
                if dropsub {
                    shift_up = lc_height - consts::SUBDROP * x_height;
                } else {
                    shift_up = py_max(
                        py_max(shift_up, consts::SUP1 * x_height),
                        x.depth() + x_height / 4.0,
                    );
                }
                match sub {
                    None => {
                        let Node::Hlist(mut l) = x else {
                            return Err(self.error("a script"));
                        };
                        l.shift_amount = -shift_up;
                        Node::Hlist(l)
                    }
                    Some(sub) => {
                        let mut y = Node::Hlist(ListNode::hlist(
                            fonts,
                            vec![Node::kern(subkern), sub],
                            true,
                        )?);
                        y.shrink(fonts)?;
                        if dropsub {
                            shift_down = lc_baseline + consts::SUBDROP * x_height;
                        } else {
                            shift_down = py_max(shift_down, consts::SUB2 * x_height);
                        }
                        let clr = 4.0 * rule_thickness
                            - ((shift_up - x.depth()) - (y.height() - shift_down));
                        if clr > 0.0 {
                            shift_down += clr;
                            let clr = x_height * 4.0 / 5.0 - shift_up + x.depth();
                            if clr > 0.0 {
                                shift_up += clr;
                                shift_down -= clr;
                            }
                        }
                        let gap = (shift_up - x.depth()) - (y.height() - shift_down);
                        let mut v = ListNode::vlist(vec![x, Node::kern(gap), y]);
                        v.shift_amount = shift_down;
                        Node::Vlist(v)
                    }
                }
            }
        };
        if !dropsub {
            if let Node::Hlist(l) | Node::Vlist(l) = &mut x {
                l.width += consts::SCRIPT_SPACE * x_height;
            }
        }
        let mut elements = vec![nucleus_node, x];
        if self.needs_space_after_subsuper {
            elements.push(self.make_space(0.16667)?);
        }
        self.needs_space_after_subsuper = false;
        Ok(Node::Hlist(ListNode::hlist(fonts, elements, true)?))
    }

    /// The over/under branch of `Parser.subsuper` (`\sum`, `\lim` with scripts).
    fn overunder(
        &mut self,
        nucleus: Node,
        sup: Option<Node>,
        sub: Option<Node>,
        rule_thickness: f64,
    ) -> Result<Node> {
        let fonts = self.fonts;
        let mut width = nucleus.width();
        let mut sup = sup;
        let mut sub = sub;
        if let Some(s) = &mut sup {
            s.shrink(fonts)?;
            width = py_max(width, s.width());
        }
        if let Some(s) = &mut sub {
            s.shrink(fonts)?;
            width = py_max(width, s.width());
        }
        let vgap = rule_thickness * 3.0;
        let mut vlist = Vec::new();
        let mut shift = 0.0;
        if let Some(s) = sup {
            let mut h = ListNode::hcentered(fonts, vec![s])?;
            h.hpack(width, true);
            vlist.push(Node::Hlist(h));
            vlist.push(Node::boxed(0.0, 0.0, vgap));
        }
        let nucleus_depth = nucleus.depth();
        let mut h = ListNode::hcentered(fonts, vec![nucleus])?;
        h.hpack(width, true);
        vlist.push(Node::Hlist(h));
        if let Some(s) = sub {
            let mut h = ListNode::hcentered(fonts, vec![s])?;
            h.hpack(width, true);
            shift = h.height + vgap + nucleus_depth;
            vlist.push(Node::boxed(0.0, 0.0, vgap));
            vlist.push(Node::Hlist(h));
        }
        let mut vlt = ListNode::vlist(vlist);
        vlt.shift_amount = shift;
        let mut elements = vec![Node::Vlist(vlt)];
        if self.needs_space_after_subsuper {
            elements.push(self.make_space(0.16667)?);
        }
        self.needs_space_after_subsuper = false;
        Ok(Node::Hlist(ListNode::hlist(fonts, elements, true)?))
    }

    /// `p.symbol` at the cursor: the symbol string, without consuming it.
    pub fn symbol_at(&self) -> Option<&'p str> {
        let rest = self.rest();
        let first = rest.chars().next()?;
        if first == '\\' {
            let second = rest[1..].chars().next()?;
            if "%${}[]_|".contains(second) {
                return Some(&rest[..1 + second.len_utf8()]);
            }
            if second.is_ascii_alphabetic() {
                let name = self.csname()?;
                let known = TEX2UNI.binary_search_by(|(n, _)| n.cmp(&name)).is_ok();
                return known.then(|| &rest[..1 + name.len()]);
            }
            // Non-alphabetic names of tex2uni (`\#`).
            let one = &rest[1..1 + second.len_utf8()];
            let known = TEX2UNI.binary_search_by(|(n, _)| n.cmp(&one)).is_ok();
            return known.then(|| &rest[..1 + second.len_utf8()]);
        }
        let ok = first.is_ascii_alphanumeric()
            || " +-*/<>=:,.;!?&'@()[]|".contains(first)
            || ('\u{80}'..='\u{1ffff}').contains(&first);
        ok.then(|| &rest[..first.len_utf8()])
    }

    /// The `Parser.symbol` action for `sym` found at byte `loc`.
    pub fn symbol(&mut self, sym: &'p str, loc: usize) -> Result<Node> {
        let c: &str = if sym == "-" { "\u{2212}" } else { sym };
        let char = self.char(c)?;
        let s = self.s;
        let before = &s[..loc];
        let prev_char = before.chars().rev().find(|&c| c != ' ');
        let spaced =
            in_set(BINARY_OPERATORS, c) || in_set(RELATION_SYMBOLS, c) || in_set(ARROW_SYMBOLS, c);
        if spaced {
            let binary = in_set(BINARY_OPERATORS, c);
            let no_space_after = |p: char| {
                let mut buf = [0u8; 4];
                let p = p.encode_utf8(&mut buf);
                p == "{" || in_set(LEFT_DELIMS, p) || in_set(RELATION_SYMBOLS, p)
            };
            if self.needs_space_after_subsuper
                || (binary
                    && (before.split_whitespace().next().is_none()
                        || prev_char.is_some_and(no_space_after)))
            {
                return Ok(char);
            }
            let elements = vec![self.make_space(0.2)?, char, self.make_space(0.2)?];
            return Ok(Node::Hlist(ListNode::hlist(self.fonts, elements, true)?));
        }
        if PUNCTUATION_SYMBOLS.contains(&c) {
            let next_char = s.get(loc + 1..).and_then(|r| r.chars().find(|&c| c != ' '));
            if c == "," && prev_char == Some('{') && next_char == Some('}') {
                return Ok(char);
            }
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            if c == "." && digit(prev_char) && digit(next_char) {
                return Ok(char);
            }
            let elements = vec![char, self.make_space(0.2)?];
            return Ok(Node::Hlist(ListNode::hlist(self.fonts, elements, true)?));
        }
        Ok(char)
    }

    /// `group`: `{…}` or `\mathfont{…}` with the state pushed.
    pub fn group(&mut self, font: Option<&'static str>) -> Result<Node> {
        self.push_state()?;
        if let Some(f) = font {
            self.state.set_font(f);
        }
        self.enter()?;
        let tokens = self.tokens(false);
        self.leave();
        let tokens = tokens?;
        self.skip_ws();
        if self.peek() != Some('}') {
            return Err(self.error("'}' (Expected '}')"));
        }
        self.pos += 1;
        self.pop_state();
        Ok(Node::Hlist(ListNode::hlist(self.fonts, tokens, true)?))
    }

    /// `required_group`: `{` + `OneOrMore(token)` + `}` (no state push).
    pub fn required_group(&mut self, what: &str) -> Result<ListNode> {
        self.skip_ws();
        if self.peek() != Some('{') {
            return Err(self.error(what));
        }
        self.pos += 1;
        self.enter()?;
        let tokens = self.tokens(true);
        self.leave();
        let tokens = tokens?;
        self.skip_ws();
        if self.peek() != Some('}') {
            return Err(self.error(what));
        }
        self.pos += 1;
        ListNode::hlist(self.fonts, tokens, true)
    }

    /// `optional_group`: `{` + `ZeroOrMore(token)` + `}`.
    pub fn optional_group(&mut self, what: &str) -> Result<ListNode> {
        self.skip_ws();
        if self.peek() != Some('{') {
            return Err(self.error(what));
        }
        self.pos += 1;
        self.enter()?;
        let tokens = self.tokens(false);
        self.leave();
        let tokens = tokens?;
        self.skip_ws();
        if self.peek() != Some('}') {
            return Err(self.error(what));
        }
        self.pos += 1;
        ListNode::hlist(self.fonts, tokens, true)
    }

    /// The delimiter at the cursor (`p.delim`), consumed.
    pub fn delim(&mut self) -> Option<&'p str> {
        self.skip_ws();
        let rest = self.rest();
        if let Some(name) = self.csname() {
            let full = &rest[..1 + name.len()];
            if is_delim(full) {
                self.pos += full.len();
                return Some(full);
            }
        }
        for n in [r"\{", r"\}", r"\|"] {
            if rest.starts_with(n) && is_delim(n) {
                self.pos += n.len();
                return Some(&rest[..n.len()]);
            }
        }
        let c = rest.chars().next()?;
        let one = &rest[..c.len_utf8()];
        if is_delim(one) {
            self.pos += one.len();
            return Some(one);
        }
        None
    }
}
