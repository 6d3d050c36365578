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
}

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
});
