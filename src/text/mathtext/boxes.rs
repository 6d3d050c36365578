//! The TeX box model of `matplotlib._mathtext` (`Char`, `Accent`, `Kern`, `Box`/`Rule`,
//! `Glue`, `Hlist` with `kern`/`hpack`, `Vlist` with `vpack`, `shrink`) and `ship`, in
//! the same floating-point order.

use super::fonts::{Fonts, GlyphInfo};
use super::py_max;
use crate::text::FontFace;
use crate::Result;

/// `_mathtext.SHRINK_FACTOR`: how much smaller each script level is.
pub(super) const SHRINK_FACTOR: f64 = 0.7;
/// `_mathtext.NUM_SIZE_LEVELS`: levels after which scripts stop shrinking.
const NUM_SIZE_LEVELS: u32 = 6;

/// A box-model node.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Char(CharNode),
    Kern(KernNode),
    /// `Box`, `Hbox`, `Vbox` and (with `rule`) `Rule`/`Hrule`/`Vrule`.
    Box(BoxNode),
    Glue(GlueNode),
    Hlist(ListNode),
    Vlist(ListNode),
}

/// `_mathtext.Char` (and `Accent` when `accent` is set).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CharNode {
    /// The symbol as written (`x`, `\alpha`).
    pub sym: String,
    /// The state's TeX font name: kerning needs equal names.
    pub font: &'static str,
    /// The state's `font_class` (picks the STIX virtual-font alphabet).
    pub font_class: &'static str,
    pub fontsize: f64,
    pub info: GlyphInfo,
    pub width: f64,
    pub height: f64,
    pub depth: f64,
    pub size: u32,
    pub accent: bool,
}

/// `_mathtext.Kern`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct KernNode {
    pub width: f64,
    pub size: u32,
}

/// `_mathtext.Box` (a rule when `rule` is set).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BoxNode {
    pub width: f64,
    pub height: f64,
    pub depth: f64,
    pub size: u32,
    pub rule: bool,
}

/// `_GlueSpec` + `Glue`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GlueNode {
    pub width: f64,
    pub stretch: f64,
    pub stretch_order: usize,
    pub shrink: f64,
    pub shrink_order: usize,
    pub size: u32,
}

impl GlueNode {
    /// `Glue('ss')`.
    pub fn ss() -> Node {
        Node::Glue(GlueNode {
            width: 0.0,
            stretch: 1.0,
            stretch_order: 1,
            shrink: -1.0,
            shrink_order: 1,
            size: 0,
        })
    }

    /// `Glue('fill')`.
    pub fn fill() -> Node {
        Node::Glue(GlueNode {
            width: 0.0,
            stretch: 1.0,
            stretch_order: 2,
            shrink: 0.0,
            shrink_order: 0,
            size: 0,
        })
    }
}

/// `Hlist` / `Vlist`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ListNode {
    pub children: Vec<Node>,
    pub width: f64,
    pub height: f64,
    pub depth: f64,
    pub shift_amount: f64,
    pub glue_set: f64,
    pub glue_sign: i32,
    pub glue_order: usize,
    pub size: u32,
    pub is_phantom: bool,
    /// `function_name` of `\sin`-style operators.
    pub function_name: Option<String>,
    /// Every `Box` child is one shared object (`\substack`'s
    /// `[Vbox(0, 2·thickness)] * n`): each list-level shrink shrinks it once per copy.
    pub shared_boxes: bool,
}

impl CharNode {
    /// `Char(c, state)` (or `Accent`).
    pub fn new(
        fonts: &Fonts<'_>,
        sym: &str,
        font: &'static str,
        font_class: &'static str,
        fontsize: f64,
        accent: bool,
    ) -> Result<Self> {
        let mut c = CharNode {
            sym: sym.to_owned(),
            font,
            font_class,
            fontsize,
            info: fonts.info(font, font_class, sym, fontsize)?,
            width: 0.0,
            height: 0.0,
            depth: 0.0,
            size: 0,
            accent,
        };
        c.update_metrics(fonts)?;
        Ok(c)
    }

    /// `_update_metrics` of `Char` / `Accent`.
    pub fn update_metrics(&mut self, fonts: &Fonts<'_>) -> Result<()> {
        self.info = fonts.info(self.font, self.font_class, &self.sym, self.fontsize)?;
        let m = self.info.metrics;
        if self.accent {
            self.width = m.xmax - m.xmin;
            self.height = m.ymax - m.ymin;
            self.depth = 0.0;
        } else {
            self.width = if self.sym == " " { m.advance } else { m.width };
            self.height = m.iceberg;
            self.depth = -(m.iceberg - m.height);
        }
        Ok(())
    }

    /// `Char.get_kerning`.
    fn kerning(&self, fonts: &Fonts<'_>, next: Option<&Node>) -> Result<f64> {
        let advance = self.info.metrics.advance - self.width;
        let mut kern = 0.0;
        if let Some(Node::Char(n)) = next {
            if self.font == n.font && self.fontsize == n.fontsize {
                kern = fonts.kern(
                    self.info.face,
                    self.info.glyph_id,
                    n.info.glyph_id,
                    self.fontsize,
                )?;
            }
        }
        Ok(advance + kern)
    }
}

impl Node {
    /// `Kern(width)`.
    pub fn kern(width: f64) -> Node {
        Node::Kern(KernNode { width, size: 0 })
    }

    /// `Box(width, height, depth)` (`Hbox(w)` is `(w, 0, 0)`, `Vbox(h, d)` is `(0, h, d)`).
    pub fn boxed(width: f64, height: f64, depth: f64) -> Node {
        Node::Box(BoxNode {
            width,
            height,
            depth,
            size: 0,
            rule: false,
        })
    }

    /// `Hrule(state, thickness)`.
    pub fn hrule(thickness: f64) -> Node {
        let half = thickness * 0.5;
        Node::Box(BoxNode {
            width: f64::INFINITY,
            height: half,
            depth: half,
            size: 0,
            rule: true,
        })
    }

    pub fn width(&self) -> f64 {
        match self {
            Node::Char(c) => c.width,
            Node::Kern(k) => k.width,
            Node::Box(b) => b.width,
            Node::Glue(_) => 0.0,
            Node::Hlist(l) | Node::Vlist(l) => l.width,
        }
    }

    pub fn height(&self) -> f64 {
        match self {
            Node::Char(c) => c.height,
            Node::Kern(_) | Node::Glue(_) => 0.0,
            Node::Box(b) => b.height,
            Node::Hlist(l) | Node::Vlist(l) => l.height,
        }
    }

    pub fn depth(&self) -> f64 {
        match self {
            Node::Char(c) => c.depth,
            Node::Kern(_) | Node::Glue(_) => 0.0,
            Node::Box(b) => b.depth,
            Node::Hlist(l) | Node::Vlist(l) => l.depth,
        }
    }

    /// `is_char_node()`: true unless the node is or holds a `Vlist`.
    pub fn is_char_node(&self) -> bool {
        match self {
            Node::Hlist(l) => l.children.iter().all(Node::is_char_node),
            Node::Vlist(_) => false,
            _ => true,
        }
    }

    /// `shrink()` of each node type.
    pub fn shrink(&mut self, fonts: &Fonts<'_>) -> Result<()> {
        match self {
            Node::Char(c) => {
                c.size += 1;
                if c.size < NUM_SIZE_LEVELS {
                    c.fontsize *= SHRINK_FACTOR;
                    c.width *= SHRINK_FACTOR;
                    c.height *= SHRINK_FACTOR;
                    c.depth *= SHRINK_FACTOR;
                }
                if c.accent {
                    c.update_metrics(fonts)?;
                }
            }
            Node::Kern(k) => {
                k.size += 1;
                if k.size < NUM_SIZE_LEVELS {
                    k.width *= SHRINK_FACTOR;
                }
            }
            Node::Box(b) => {
                b.size += 1;
                if b.size < NUM_SIZE_LEVELS {
                    b.width *= SHRINK_FACTOR;
                    b.height *= SHRINK_FACTOR;
                    b.depth *= SHRINK_FACTOR;
                }
            }
            Node::Glue(g) => {
                g.size += 1;
                if g.size < NUM_SIZE_LEVELS {
                    g.width *= SHRINK_FACTOR;
                }
            }
            Node::Hlist(h) | Node::Vlist(h) => {
                let mut shared: Option<Node> = None;
                for child in &mut h.children {
                    if h.shared_boxes && matches!(child, Node::Box(_)) {
                        // The shared box, shrunk once for every reference seen so far.
                        let mut b = shared.take().unwrap_or_else(|| child.clone());
                        b.shrink(fonts)?;
                        shared = Some(b);
                        continue;
                    }
                    child.shrink(fonts)?;
                }
                if let Some(b) = shared {
                    for child in &mut h.children {
                        if matches!(child, Node::Box(_)) {
                            *child = b.clone();
                        }
                    }
                }
                h.size += 1;
                if h.size < NUM_SIZE_LEVELS {
                    h.width *= SHRINK_FACTOR;
                    h.height *= SHRINK_FACTOR;
                    h.depth *= SHRINK_FACTOR;
                    h.shift_amount *= SHRINK_FACTOR;
                    h.glue_set *= SHRINK_FACTOR;
                }
            }
        }
        Ok(())
    }
}

impl ListNode {
    fn empty(children: Vec<Node>) -> Self {
        ListNode {
            children,
            width: 0.0,
            height: 0.0,
            depth: 0.0,
            shift_amount: 0.0,
            glue_set: 0.0,
            glue_sign: 0,
            glue_order: 0,
            size: 0,
            is_phantom: false,
            function_name: None,
            shared_boxes: false,
        }
    }

    /// `Hlist(elements, do_kern=...)`: kerning nodes, then `hpack()`.
    pub fn hlist(fonts: &Fonts<'_>, elements: Vec<Node>, do_kern: bool) -> Result<Self> {
        let children = if do_kern {
            let mut out = Vec::with_capacity(elements.len() * 2);
            let mut iter = elements.into_iter().peekable();
            while let Some(elem) = iter.next() {
                let distance = match &elem {
                    Node::Char(c) => c.kerning(fonts, iter.peek())?,
                    _ => 0.0,
                };
                out.push(elem);
                if distance != 0.0 {
                    out.push(Node::kern(distance));
                }
            }
            out
        } else {
            elements
        };
        let mut h = ListNode::empty(children);
        h.hpack(0.0, false);
        Ok(h)
    }

    /// `Hlist.kern()` on an existing list: a `Kern` after every child whose kerning
    /// against the next one is not zero (kerns already there stay).
    pub fn rekern(&mut self, fonts: &Fonts<'_>) -> Result<()> {
        let children = std::mem::take(&mut self.children);
        let mut out = Vec::with_capacity(children.len() * 2);
        let mut iter = children.into_iter().peekable();
        while let Some(elem) = iter.next() {
            let distance = match &elem {
                Node::Char(c) => c.kerning(fonts, iter.peek())?,
                _ => 0.0,
            };
            out.push(elem);
            if distance != 0.0 {
                out.push(Node::kern(distance));
            }
        }
        self.children = out;
        Ok(())
    }

    /// `HCentered(elements)`.
    pub fn hcentered(fonts: &Fonts<'_>, elements: Vec<Node>) -> Result<Self> {
        let mut children = Vec::with_capacity(elements.len() + 2);
        children.push(GlueNode::ss());
        children.extend(elements);
        children.push(GlueNode::ss());
        Self::hlist(fonts, children, false)
    }

    /// `Vlist(elements)`.
    pub fn vlist(elements: Vec<Node>) -> Self {
        let mut v = ListNode::empty(elements);
        v.vpack(0.0, false, f64::INFINITY);
        v
    }

    /// `List._set_glue`.
    fn set_glue(&mut self, x: f64, sign: i32, totals: &[f64; 4]) {
        let o = (0..4).rev().find(|&i| totals[i] != 0.0).unwrap_or(0);
        self.glue_order = o;
        self.glue_sign = sign;
        if totals[o] != 0.0 {
            self.glue_set = x / totals[o];
        } else {
            self.glue_sign = 0;
        }
    }

    /// `Hlist.hpack(w, m)`; `exactly` is `m == 'exactly'`.
    pub fn hpack(&mut self, w: f64, exactly: bool) {
        let (mut h, mut d, mut x) = (0.0, 0.0, 0.0);
        let mut total_stretch = [0.0; 4];
        let mut total_shrink = [0.0; 4];
        for p in &self.children {
            match p {
                Node::Char(c) => {
                    x += c.width;
                    h = py_max(h, c.height);
                    d = py_max(d, c.depth);
                }
                Node::Box(b) => {
                    x += b.width;
                    if !b.height.is_infinite() && !b.depth.is_infinite() {
                        h = py_max(h, b.height - 0.0);
                        d = py_max(d, b.depth + 0.0);
                    }
                }
                Node::Hlist(b) | Node::Vlist(b) => {
                    x += b.width;
                    if !b.height.is_infinite() && !b.depth.is_infinite() {
                        let s = b.shift_amount;
                        h = py_max(h, b.height - s);
                        d = py_max(d, b.depth + s);
                    }
                }
                Node::Glue(g) => {
                    x += g.width;
                    total_stretch[g.stretch_order] += g.stretch;
                    total_shrink[g.shrink_order] += g.shrink;
                }
                Node::Kern(k) => x += k.width,
            }
        }
        self.height = h;
        self.depth = d;
        let w = if exactly { w } else { w + x };
        self.width = w;
        let x = w - x;
        if x == 0.0 {
            self.glue_sign = 0;
            self.glue_order = 0;
            return;
        }
        if x > 0.0 {
            self.set_glue(x, 1, &total_stretch);
        } else {
            self.set_glue(x, -1, &total_shrink);
        }
    }

    /// `Vlist.vpack(h, m, l)`.
    pub fn vpack(&mut self, h: f64, exactly: bool, l: f64) {
        let (mut w, mut d, mut x) = (0.0, 0.0, 0.0);
        let mut total_stretch = [0.0; 4];
        let mut total_shrink = [0.0; 4];
        for p in &self.children {
            match p {
                Node::Box(b) => {
                    x += d + b.height;
                    d = b.depth;
                    if !b.width.is_infinite() {
                        w = py_max(w, b.width + 0.0);
                    }
                }
                Node::Hlist(b) | Node::Vlist(b) => {
                    x += d + b.height;
                    d = b.depth;
                    if !b.width.is_infinite() {
                        w = py_max(w, b.width + b.shift_amount);
                    }
                }
                Node::Glue(g) => {
                    x += d;
                    d = 0.0;
                    x += g.width;
                    total_stretch[g.stretch_order] += g.stretch;
                    total_shrink[g.shrink_order] += g.shrink;
                }
                Node::Kern(k) => {
                    x += d + k.width;
                    d = 0.0;
                }
                // A Char in a Vlist is an internal error in matplotlib; never built.
                Node::Char(_) => {}
            }
        }
        self.width = w;
        if d > l {
            x += d - l;
            self.depth = l;
        } else {
            self.depth = d;
        }
        let h = if exactly { h } else { h + x };
        self.height = h;
        let x = h - x;
        if x == 0.0 {
            self.glue_sign = 0;
            self.glue_order = 0;
            return;
        }
        if x > 0.0 {
            self.set_glue(x, 1, &total_stretch);
        } else {
            self.set_glue(x, -1, &total_shrink);
        }
    }
}

/// One glyph shipped: position (x right, y down from the top) and what to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ShippedGlyph {
    pub ox: f64,
    pub oy: f64,
    pub face: FontFace,
    pub glyph_id: u16,
    pub fontsize: f64,
}

/// `Output`: shipped glyphs and rectangles `(x, y, w, h)`, y down.
#[derive(Debug, Default)]
pub(super) struct Output {
    pub glyphs: Vec<ShippedGlyph>,
    pub rects: Vec<(f64, f64, f64, f64)>,
}

/// Python's `round(x)` to an integer (half to even), as `ship` rounds glue.
fn py_round(v: f64) -> f64 {
    v.round_ties_even()
}

fn clamp(v: f64) -> f64 {
    v.clamp(-1e9, 1e9)
}

struct Ship {
    cur_v: f64,
    cur_h: f64,
    off_h: f64,
    off_v: f64,
    phantom: Vec<bool>,
    out: Output,
}

impl Ship {
    fn visible(&self) -> bool {
        !self.phantom.iter().any(|&p| p)
    }

    fn render_char(&mut self, c: &CharNode, x: f64, y: f64) {
        if !self.visible() {
            return;
        }
        let (ox, oy) = if c.accent {
            (x - c.info.metrics.xmin, y + c.info.metrics.ymin)
        } else {
            (x, y)
        };
        self.out.glyphs.push(ShippedGlyph {
            ox,
            oy,
            face: c.info.face,
            glyph_id: c.info.glyph_id,
            fontsize: c.fontsize,
        });
    }

    fn render_rule(&mut self, b: &BoxNode, x: f64, y: f64, w: f64, h: f64) {
        if b.rule && self.visible() {
            self.out.rects.push((x, y - h, w, h));
        }
    }

    fn glue(&self, g: &GlueNode, b: &ListNode, cur_g: &mut f64, cur_glue: &mut f64) -> f64 {
        let mut rule = g.width - *cur_g;
        if b.glue_sign != 0 {
            if b.glue_sign == 1 {
                if g.stretch_order == b.glue_order {
                    *cur_glue += g.stretch;
                    *cur_g = py_round(clamp(b.glue_set * *cur_glue));
                }
            } else if g.shrink_order == b.glue_order {
                *cur_glue += g.shrink;
                *cur_g = py_round(clamp(b.glue_set * *cur_glue));
            }
        }
        rule += *cur_g;
        rule
    }

    fn hlist_out(&mut self, hbox: &mut ListNode) {
        let (mut cur_g, mut cur_glue) = (0.0, 0.0);
        let base_line = self.cur_v;
        self.phantom.push(hbox.is_phantom);
        let (box_h, box_d) = (hbox.height, hbox.depth);
        let info = hbox.clone_shallow();
        for p in &mut hbox.children {
            match p {
                Node::Char(c) => {
                    self.render_char(c, self.cur_h + self.off_h, self.cur_v + self.off_v);
                    self.cur_h += c.width;
                }
                Node::Kern(k) => self.cur_h += k.width,
                Node::Hlist(l) | Node::Vlist(l) if l.children.is_empty() => {
                    self.cur_h += l.width;
                }
                Node::Hlist(l) => {
                    let edge = self.cur_h;
                    self.cur_v = base_line + l.shift_amount;
                    self.hlist_out(l);
                    self.cur_h = edge + l.width;
                    self.cur_v = base_line;
                }
                Node::Vlist(l) => {
                    let edge = self.cur_h;
                    self.cur_v = base_line + l.shift_amount;
                    self.vlist_out(l);
                    self.cur_h = edge + l.width;
                    self.cur_v = base_line;
                }
                Node::Box(b) => {
                    let mut rule_height = b.height;
                    let mut rule_depth = b.depth;
                    let rule_width = b.width;
                    if rule_height.is_infinite() {
                        rule_height = box_h;
                    }
                    if rule_depth.is_infinite() {
                        rule_depth = box_d;
                    }
                    if rule_height > 0.0 && rule_width > 0.0 {
                        self.cur_v = base_line + rule_depth;
                        let (x, y) = (self.cur_h + self.off_h, self.cur_v + self.off_v);
                        self.render_rule(b, x, y, rule_width, rule_height);
                        self.cur_v = base_line;
                    }
                    self.cur_h += rule_width;
                }
                Node::Glue(g) => {
                    let w = self.glue(g, &info, &mut cur_g, &mut cur_glue);
                    self.cur_h += w;
                }
            }
        }
        self.phantom.pop();
    }

    fn vlist_out(&mut self, vbox: &mut ListNode) {
        let (mut cur_g, mut cur_glue) = (0.0, 0.0);
        let left_edge = self.cur_h;
        self.cur_v -= vbox.height;
        let info = vbox.clone_shallow();
        for p in &mut vbox.children {
            let is_h = matches!(p, Node::Hlist(_));
            match p {
                Node::Kern(k) => self.cur_v += k.width,
                Node::Hlist(l) | Node::Vlist(l) if l.children.is_empty() => {
                    self.cur_v += l.height + l.depth;
                }
                Node::Hlist(l) | Node::Vlist(l) => {
                    self.cur_v += l.height;
                    self.cur_h = left_edge + l.shift_amount;
                    let save_v = self.cur_v;
                    l.width = info.width;
                    if is_h {
                        self.hlist_out(l);
                    } else {
                        self.vlist_out(l);
                    }
                    self.cur_v = save_v + l.depth;
                    self.cur_h = left_edge;
                }
                Node::Box(b) => {
                    let mut rule_height = b.height;
                    let rule_depth = b.depth;
                    let mut rule_width = b.width;
                    if rule_width.is_infinite() {
                        rule_width = info.width;
                    }
                    rule_height += rule_depth;
                    if rule_height > 0.0 && rule_depth > 0.0 {
                        self.cur_v += rule_height;
                        let (x, y) = (self.cur_h + self.off_h, self.cur_v + self.off_v);
                        self.render_rule(b, x, y, rule_width, rule_height);
                    }
                }
                Node::Glue(g) => {
                    let h = self.glue(g, &info, &mut cur_g, &mut cur_glue);
                    self.cur_v += h;
                }
                Node::Char(_) => {}
            }
        }
    }
}

impl ListNode {
    /// The list's own fields without its children (for `ship`'s box parameters).
    fn clone_shallow(&self) -> ListNode {
        ListNode {
            children: Vec::new(),
            width: self.width,
            height: self.height,
            depth: self.depth,
            shift_amount: self.shift_amount,
            glue_set: self.glue_set,
            glue_sign: self.glue_sign,
            glue_order: self.glue_order,
            size: self.size,
            is_phantom: self.is_phantom,
            function_name: None,
            shared_boxes: self.shared_boxes,
        }
    }
}

/// `ship(box)`: glyphs and rules, y down from the top of the box.
pub(super) fn ship(root: &mut ListNode) -> Output {
    let mut st = Ship {
        cur_v: 0.0,
        cur_h: 0.0,
        off_h: 0.0,
        off_v: 0.0 + root.height,
        phantom: Vec::new(),
        out: Output::default(),
    };
    st.hlist_out(root);
    st.out
}
