//! `legend`'s options: [`LegendOptions`] (kept apart from the layout in legend.rs).

use super::ArtistHandle;

/// `legend`'s options (rc `legend.*` defaults). Lengths are in font-size units, as
/// matplotlib's are.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LegendOptions {
    /// `loc`: 'best', 'upper right', ... or a code 0..=10.
    pub loc: String,
    /// `ncols`.
    pub ncols: usize,
    /// `title`.
    pub title: Option<String>,
    /// `fontsize` in points (10).
    pub fontsize: f64,
    /// `title_fontsize` in points (rc `legend.title_fontsize` None: the font size, 10).
    pub title_fontsize: f64,
    /// `frameon`.
    pub frameon: bool,
    /// `framealpha` (0.8).
    pub framealpha: f64,
    /// `handles`: the artists listed, in order (`None`: every labelled artist).
    pub handles: Option<Vec<ArtistHandle>>,
    /// `labels`: the entries' texts (with `handles`: zipped, the shorter list wins;
    /// alone: given to the first handles in legend order).
    pub labels: Option<Vec<String>>,
    /// `bbox_to_anchor` in Axes fractions: `[x, y]` or `[x, y, width, height]`
    /// (`None`: the Axes box).
    pub bbox_to_anchor: Option<Vec<f64>>,
    /// `markerscale`: marker size relative to the plotted one (1).
    pub markerscale: f64,
    /// `borderpad` (0.4).
    pub borderpad: f64,
    /// `labelspacing` (0.5).
    pub labelspacing: f64,
    /// `handlelength` (2).
    pub handlelength: f64,
    /// `handletextpad` (0.8).
    pub handletextpad: f64,
    /// `borderaxespad` (0.5).
    pub borderaxespad: f64,
    /// `columnspacing` (2).
    pub columnspacing: f64,
    /// `edgecolor` of the frame (rc `legend.edgecolor` '0.8'; 'inherit': black).
    pub edgecolor: Option<String>,
    /// `facecolor` of the frame (rc 'inherit': the rc Axes face colour, white).
    pub facecolor: Option<String>,
    /// `linewidth` of the frame in points (rc `patch.linewidth`, 1).
    pub linewidth: Option<f64>,
    /// `alignment` of the title and the entries: 'center', 'left' or 'right'.
    pub alignment: String,
    /// `reverse`: list the entries in reverse order.
    pub reverse: bool,
    /// `shadow`: a darkened copy of the frame 2 points right and down, behind it
    /// (matplotlib's `framealpha` default becomes 1 with a shadow; set it here).
    pub shadow: bool,
    /// `loc=(x, y)`: the legend's lower left corner at these fractions of the anchor
    /// box (the Axes or `bbox_to_anchor`); overrides `loc`.
    pub loc_xy: Option<(f64, f64)>,
    /// `numpoints`: markers on a line's handle (1).
    pub numpoints: usize,
    /// `scatterpoints`: markers on a scatter's handle (1).
    pub scatterpoints: usize,
    /// `scatteryoffsets`: the scatter handle's marker heights as fractions of the handle
    /// height, repeated to `scatterpoints` (`None`: `[3/8, 4/8, 2.5/8]`).
    pub scatteryoffsets: Option<Vec<f64>>,
    /// `fancybox`: the rounded frame (true) or a square one, `'square,pad=0'` (false).
    pub fancybox: bool,
    /// `labelcolor`: empty for the default text colour; one colour or several (cycled
    /// over the labels); or one of the names 'linecolor', 'markerfacecolor' ('mfc'),
    /// 'markeredgecolor' ('mec'): each label takes its handle's colour.
    pub labelcolor: Vec<String>,
    /// `markerfirst`: the handle left of its label (true) or right of it, the columns
    /// then right-aligned (false).
    pub markerfirst: bool,
    /// `shadow` given as a dict: the shadow's offset, shade and patch keywords (used when
    /// `shadow` is true).
    pub shadow_props: ShadowOptions,
}

/// `legend(shadow={...})`: the `Shadow` patch's keywords.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ShadowOptions {
    /// `ox`: the offset right, in points (2).
    pub ox_pt: f64,
    /// `oy`: the offset up, in points (-2).
    pub oy_pt: f64,
    /// `shade`: 0 keeps the frame's face colour, 1 is black (0.7).
    pub shade: f64,
    /// `color`: face and edge colour (overrides the other two).
    pub color: Option<String>,
    /// `facecolor` (`None`: the shaded frame colour).
    pub facecolor: Option<String>,
    /// `edgecolor` (`None`: the shaded frame colour).
    pub edgecolor: Option<String>,
    /// `alpha` (0.5; `None`: the colours' own alpha).
    pub alpha: Option<f64>,
    /// `linewidth` in points (`None`: the frame's).
    pub linewidth: Option<f64>,
}

impl Default for ShadowOptions {
    fn default() -> Self {
        ShadowOptions {
            ox_pt: 2.0,
            oy_pt: -2.0,
            shade: 0.7,
            color: None,
            facecolor: None,
            edgecolor: None,
            alpha: Some(0.5),
            linewidth: None,
        }
    }
}

option_setters!(ShadowOptions {
    /// Sets `ox` (points).
    ox: f64 => ox_pt;
    /// Sets `oy` (points).
    oy: f64 => oy_pt;
    /// Sets `shade`.
    shade: f64 => shade;
    /// Sets `color`.
    color: impl Into<String> => color = some_into;
    /// Sets `facecolor`.
    facecolor: impl Into<String> => facecolor = some_into;
    /// Sets `edgecolor`.
    edgecolor: impl Into<String> => edgecolor = some_into;
    /// Sets `alpha` (`None`: the colours' own).
    alpha: Option<f64> => alpha;
    /// Sets `linewidth` (points).
    linewidth: f64 => linewidth = Some;
});

impl Default for LegendOptions {
    fn default() -> Self {
        LegendOptions {
            loc: "best".into(),
            ncols: 1,
            title: None,
            fontsize: 10.0,
            title_fontsize: 10.0,
            frameon: true,
            framealpha: 0.8,
            handles: None,
            labels: None,
            bbox_to_anchor: None,
            markerscale: 1.0,
            borderpad: 0.4,
            labelspacing: 0.5,
            handlelength: 2.0,
            handletextpad: 0.8,
            borderaxespad: 0.5,
            columnspacing: 2.0,
            edgecolor: None,
            facecolor: None,
            linewidth: None,
            alignment: "center".into(),
            reverse: false,
            shadow: false,
            loc_xy: None,
            numpoints: 1,
            scatterpoints: 1,
            scatteryoffsets: None,
            fancybox: true,
            labelcolor: Vec::new(),
            markerfirst: true,
            shadow_props: ShadowOptions::default(),
        }
    }
}

impl LegendOptions {
    /// Sets `loc`.
    pub fn loc(mut self, v: impl Into<String>) -> Self {
        self.loc = v.into();
        self
    }
    /// Sets `ncols`.
    pub fn ncols(mut self, v: usize) -> Self {
        self.ncols = v;
        self
    }
    /// Sets `title`.
    pub fn title(mut self, v: impl Into<String>) -> Self {
        self.title = Some(v.into());
        self
    }
    /// Sets `fontsize` (points).
    pub fn fontsize(mut self, v: f64) -> Self {
        self.fontsize = v;
        self
    }
    /// Sets `title_fontsize` (points).
    pub fn title_fontsize(mut self, v: f64) -> Self {
        self.title_fontsize = v;
        self
    }
    /// Sets `frameon`.
    pub fn frameon(mut self, v: bool) -> Self {
        self.frameon = v;
        self
    }
    /// Sets `framealpha`.
    pub fn framealpha(mut self, v: f64) -> Self {
        self.framealpha = v;
        self
    }
    /// Sets `labelcolor` to one colour or getter name ('linecolor', 'mfc', 'mec', ...).
    pub fn labelcolor(mut self, v: impl Into<String>) -> Self {
        self.labelcolor = vec![v.into()];
        self
    }
    /// Sets `labelcolor` to a list of colours, cycled over the labels.
    pub fn labelcolors(mut self, v: Vec<String>) -> Self {
        self.labelcolor = v;
        self
    }
    /// Sets `shadow` to a dict of the shadow's keywords (and `shadow` true; matplotlib's
    /// `framealpha` default becomes 1 with a shadow, set it apart).
    pub fn shadow_props(mut self, v: ShadowOptions) -> Self {
        self.shadow = true;
        self.shadow_props = v;
        self
    }
}

/// `Legend.set_loc` of a figure legend: `'outside upper right'` and the like are the
/// plain location without a layout engine (only constrained layout moves the Axes for
/// them; figbuf has none); `'outside right upper'` swaps to `'upper right'`.
pub(crate) fn outside_loc(loc: &str) -> String {
    let Some(rest) = loc.strip_prefix("outside ") else {
        return loc.to_string();
    };
    let locs: Vec<&str> = rest.split_whitespace().collect();
    match locs[..] {
        [a, b] if a == "right" || a == "left" => format!("{b} {a}"),
        _ => rest.to_string(),
    }
}

option_setters!(LegendOptions {
    /// Sets `handles`.
    handles: Vec<ArtistHandle> => handles = Some;
    /// Sets `labels`.
    labels: Vec<String> => labels = Some;
    /// Sets `bbox_to_anchor` (`[x, y]` or `[x, y, width, height]`, Axes fractions).
    bbox_to_anchor: Vec<f64> => bbox_to_anchor = Some;
    /// Sets `markerscale`.
    markerscale: f64 => markerscale;
    /// Sets `borderpad`.
    borderpad: f64 => borderpad;
    /// Sets `labelspacing`.
    labelspacing: f64 => labelspacing;
    /// Sets `handlelength`.
    handlelength: f64 => handlelength;
    /// Sets `handletextpad`.
    handletextpad: f64 => handletextpad;
    /// Sets `borderaxespad`.
    borderaxespad: f64 => borderaxespad;
    /// Sets `columnspacing`.
    columnspacing: f64 => columnspacing;
    /// Sets `edgecolor`.
    edgecolor: impl Into<String> => edgecolor = some_into;
    /// Sets `facecolor`.
    facecolor: impl Into<String> => facecolor = some_into;
    /// Sets `linewidth` (points).
    linewidth: f64 => linewidth = Some;
    /// Sets `alignment`.
    alignment: impl Into<String> => alignment = into;
    /// Sets `reverse`.
    reverse: bool => reverse;
    /// Sets `shadow`.
    shadow: bool => shadow;
    /// Sets `loc` to a point `(x, y)` in anchor-box fractions.
    loc_xy: (f64, f64) => loc_xy = Some;
    /// Sets `numpoints`.
    numpoints: usize => numpoints;
    /// Sets `scatterpoints`.
    scatterpoints: usize => scatterpoints;
    /// Sets `scatteryoffsets`.
    scatteryoffsets: Vec<f64> => scatteryoffsets = Some;
    /// Sets `fancybox`.
    fancybox: bool => fancybox;
    /// Sets `markerfirst`.
    markerfirst: bool => markerfirst;
});
