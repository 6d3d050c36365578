//! The parse actions of `\genfrac`, `\operatorname`, `\boldsymbol` and `\substack`
//! (the backslash and command name already consumed).

use super::boxes::{ListNode, Node};
use super::parser::{is_delim, Parser};
use super::py_max;
use crate::Result;

/// `Parser._small_greek`: the last word of the Unicode names of α…ω, lower-cased (so
/// "lamda", as Unicode spells it).
const SMALL_GREEK: &[&str] = &[
    "alpha", "beta", "chi", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "lamda", "mu",
    "nu", "omega", "omicron", "phi", "pi", "psi", "rho", "sigma", "tau", "theta", "upsilon", "xi",
    "zeta",
];

impl Parser<'_, '_> {
    /// Skips spaces and consumes `c`, or fails with `what`.
    fn expect_char(&mut self, c: char, what: &str) -> Result<()> {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    /// `ZeroOrMore(p.simple)` up to the closing `}` (consumed), as nodes.
    fn simple_tokens_to_brace(&mut self, what: &str) -> Result<Vec<Node>> {
        let mut nodes = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some('}') {
                self.pos += 1;
                return Ok(nodes);
            }
            match self.token_simple()? {
                Some(n) => nodes.extend(n),
                None => return Err(self.error(what)),
            }
        }
    }

    /// `p.genfrac`: `\genfrac{ldelim}{rdelim}{rulesize}{style}{num}{den}`.
    pub(super) fn genfrac_command(&mut self) -> Result<Node> {
        const WHAT: &str = r"\genfrac{ldelim}{rdelim}{rulesize}{style}{num}{den}";
        let mut delims = [""; 2];
        for d in &mut delims {
            self.expect_char('{', WHAT)?;
            self.skip_ws();
            if self.peek() != Some('}') {
                *d = self.delim().ok_or_else(|| self.error(WHAT))?;
            }
            self.expect_char('}', WHAT)?;
        }
        self.expect_char('{', WHAT)?;
        self.skip_ws();
        let rule = self.float_literal().ok_or_else(|| self.error(WHAT))?;
        self.expect_char('}', WHAT)?;
        self.expect_char('{', WHAT)?;
        self.skip_ws();
        let mut style = 1;
        if let Some(c @ '0'..='3') = self.peek() {
            style = u32::from(c) - u32::from('0');
            self.pos += 1;
        }
        self.expect_char('}', WHAT)?;
        let num = self.required_group(WHAT)?;
        let den = self.required_group(WHAT)?;
        self.genfrac(delims[0], delims[1], rule, style, num, den)
    }

    /// `p.float_literal`: `[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)`, as a float.
    fn float_literal(&mut self) -> Option<f64> {
        let rest = self.rest();
        let b = rest.as_bytes();
        let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
        let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let int = digits(i);
        if int > 0 {
            i += int;
            if b.get(i) == Some(&b'.') {
                i += 1;
                i += digits(i);
            }
        } else if b.get(i) == Some(&b'.') && digits(i + 1) > 0 {
            i += 1 + digits(i + 1);
        } else {
            return None;
        }
        let v = rest[..i].parse().ok()?;
        self.pos += i;
        Some(v)
    }

    /// `p.operatorname` and `Parser.operatorname`: the name's characters in `rm`, a thin
    /// space after unless a delimiter or script follows. Like matplotlib, the next
    /// character is looked up `len(name) + len("operatorname{}") + 1` bytes after the
    /// command, `len(name)` counting parsed items.
    pub(super) fn operatorname_command(&mut self, loc: usize) -> Result<Node> {
        const WHAT: &str = r"\operatorname{name}";
        self.expect_char('{', WHAT)?;
        let name = self.simple_tokens_to_brace(WHAT)?;
        let fonts = self.fonts;
        self.push_state()?;
        self.state.set_font("rm");
        let count = name.len();
        let mut list = Vec::with_capacity(count + 1);
        for node in name {
            match node {
                Node::Char(mut c) => {
                    c.font = "rm";
                    c.update_metrics(fonts)?;
                    list.push(Node::Char(c));
                }
                other => list.push(other),
            }
        }
        let next_char_loc = loc + count + 1 + "operatorname{}".len();
        let next_char = self
            .s
            .get(next_char_loc..)
            .and_then(|r| r.chars().find(|&c| c != ' '));
        let delimiter = next_char.is_some_and(|c| {
            let mut buf = [0u8; 4];
            let c = c.encode_utf8(&mut buf);
            is_delim(c) || c == "^" || c == "_"
        });
        if !delimiter {
            list.push(self.make_space(0.16667)?);
        }
        self.pop_state();
        self.needs_space_after_subsuper = matches!(next_char, Some('^' | '_'));
        Ok(Node::Hlist(ListNode::hlist(fonts, list, true)?))
    }

    /// `p.boldsymbol` and `Parser.boldsymbol`: characters in `bf`, Latin letters and
    /// small Greek names in `bfit`; the symbol inside a spaced operator's `Hlist` in `bf`.
    pub(super) fn boldsymbol_command(&mut self) -> Result<Node> {
        const WHAT: &str = r"\boldsymbol{value}";
        self.expect_char('{', WHAT)?;
        let value = self.simple_tokens_to_brace(WHAT)?;
        let fonts = self.fonts;
        let mut list = Vec::with_capacity(value.len());
        for node in value {
            match node {
                Node::Hlist(mut h) => {
                    match h.children.get_mut(1) {
                        Some(Node::Char(k)) => {
                            k.font = "bf";
                            k.update_metrics(fonts)?;
                        }
                        Some(_) => {}
                        None => return Err(self.error(r"\boldsymbol{value} (an IndexError)")),
                    }
                    list.push(Node::Hlist(h));
                }
                Node::Char(mut c) => {
                    let latin = c.sym.len() == 1 && c.sym.bytes().all(|b| b.is_ascii_alphabetic());
                    let greek = c
                        .sym
                        .get(1..)
                        .is_some_and(|n| SMALL_GREEK.binary_search(&n).is_ok());
                    c.font = if latin || greek { "bfit" } else { "bf" };
                    c.update_metrics(fonts)?;
                    list.push(Node::Char(c));
                }
                other => list.push(other),
            }
        }
        Ok(Node::Hlist(ListNode::hlist(fonts, list, true)?))
    }

    /// `p.substack` and `Parser.substack`: rows separated by `\\`, each centred on the
    /// widest, stacked with twice the rule thickness between them.
    pub(super) fn substack_command(&mut self) -> Result<Node> {
        const WHAT: &str = r"\substack{parts}";
        self.expect_char('{', WHAT)?;
        let mut rows = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some('}') {
                self.pos += 1;
                break;
            }
            let mut row = Vec::new();
            loop {
                self.skip_ws();
                if self.peek() == Some('}') || self.rest().starts_with(r"\\") {
                    break;
                }
                match self.token_simple()? {
                    Some(n) => row.extend(n),
                    None => return Err(self.error(WHAT)),
                }
            }
            if row.is_empty() {
                return Err(self.error(WHAT));
            }
            rows.push(row);
            loop {
                self.skip_ws();
                if !self.rest().starts_with(r"\\") {
                    break;
                }
                self.pos += 2;
            }
        }
        let fonts = self.fonts;
        let thickness = fonts.underline_thickness(self.state.fontsize);
        let rows = rows
            .into_iter()
            .map(|r| ListNode::hlist(fonts, r, true))
            .collect::<Result<Vec<_>>>()?;
        let max_width = rows
            .iter()
            .map(|r| r.width)
            .reduce(py_max)
            .ok_or_else(|| self.error(WHAT))?;
        let mut stack = Vec::with_capacity(rows.len() * 2);
        for row in rows {
            let mut cp = ListNode::hcentered(fonts, vec![Node::Hlist(row)])?;
            cp.hpack(max_width, true);
            stack.push(Node::Hlist(cp));
            stack.push(Node::boxed(0.0, 0.0, thickness * 2.0));
        }
        stack.pop();
        let mut vlt = ListNode::vlist(stack);
        vlt.shared_boxes = true;
        Ok(Node::Hlist(ListNode::hlist(
            fonts,
            vec![Node::Vlist(vlt)],
            true,
        )?))
    }
}
