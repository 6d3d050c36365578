//! matplotlib's default rcParams, as a value.

use crate::color::Color;

/// The figure's subplot parameters (`figure.subplot.*`), in figure fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SubplotParams {
    /// Left edge of the subplot area.
    pub left: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Width between subplots as a fraction of the mean Axes width (`wspace`).
    pub wspace: f64,
    /// Height between subplots as a fraction of the mean Axes height (`hspace`).
    pub hspace: f64,
}

impl Default for SubplotParams {
    /// matplotlib's defaults: 0.125, 0.11, 0.9, 0.88, wspace and hspace 0.2.
    fn default() -> Self {
        SubplotParams {
            left: 0.125,
            bottom: 0.11,
            right: 0.9,
            top: 0.88,
            wspace: 0.2,
            hspace: 0.2,
        }
    }
}

/// The rcParams that decide how a figure looks, with matplotlib 3.11's defaults.
///
/// ```
/// let style = figbuf::Style::default();
/// assert_eq!(style.font_size_pt, 10.0);
/// assert_eq!(style.title_size_pt, 12.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// `font.size`, also tick labels and axis labels ('medium').
    pub font_size_pt: f64,
    /// `axes.titlesize` ('large' = 1.2 x font size).
    pub title_size_pt: f64,
    /// `axes.titlepad`.
    pub title_pad_pt: f64,
    /// `axes.labelpad`.
    pub label_pad_pt: f64,
    /// `axes.linewidth`: spines and the colorbar outline.
    pub axes_linewidth_pt: f64,
    /// `xtick.major.size` / `ytick.major.size`.
    pub major_tick_size_pt: f64,
    /// `xtick.major.width`.
    pub major_tick_width_pt: f64,
    /// `xtick.major.pad`.
    pub major_tick_pad_pt: f64,
    /// `xtick.minor.size`.
    pub minor_tick_size_pt: f64,
    /// `xtick.minor.width`.
    pub minor_tick_width_pt: f64,
    /// `xtick.minor.pad`.
    pub minor_tick_pad_pt: f64,
    /// `figure.facecolor`.
    pub figure_facecolor: Color,
    /// `axes.facecolor`.
    pub axes_facecolor: Color,
    /// `axes.edgecolor`: spines and colorbar outline.
    pub axes_edgecolor: Color,
    /// `text.color`, `axes.labelcolor` and the tick colour.
    pub text_color: Color,
    /// `figure.subplot.*`.
    pub subplot: SubplotParams,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            font_size_pt: 10.0,
            title_size_pt: 12.0,
            title_pad_pt: 6.0,
            label_pad_pt: 4.0,
            axes_linewidth_pt: 0.8,
            major_tick_size_pt: 3.5,
            major_tick_width_pt: 0.8,
            major_tick_pad_pt: 3.5,
            minor_tick_size_pt: 2.0,
            minor_tick_width_pt: 0.6,
            minor_tick_pad_pt: 3.4,
            figure_facecolor: Color::WHITE,
            axes_facecolor: Color::WHITE,
            axes_edgecolor: Color::BLACK,
            text_color: Color::BLACK,
            subplot: SubplotParams::default(),
        }
    }
}

/// Points to pixels at `dpi`: the one place dpi enters lengths.
#[inline]
pub fn pt_to_px(pt: f64, dpi: f64) -> f64 {
    pt * dpi / 72.0
}
