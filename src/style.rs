//! matplotlib's default rcParams, as a value.

use crate::color::Color;

/// The figure's subplot parameters (`figure.subplot.*`), in figure fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
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

option_setters!(SubplotParams {
    /// `left=` (`figure.subplot.left`).
    left: f64 => left;
    /// `bottom=` (`figure.subplot.bottom`).
    bottom: f64 => bottom;
    /// `right=` (`figure.subplot.right`).
    right: f64 => right;
    /// `top=` (`figure.subplot.top`).
    top: f64 => top;
});

/// The rcParams that decide how a figure looks, with matplotlib 3.11's defaults.
///
/// ```
/// let style = figbuf::Style::default();
/// assert_eq!(style.font_size_pt, 10.0);
/// assert_eq!(style.title_size_pt, 12.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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

option_setters!(Style {
    /// `font.size`.
    font_size_pt: f64 => font_size_pt;
    /// `axes.titlesize`.
    title_size_pt: f64 => title_size_pt;
    /// `axes.titlepad`.
    title_pad_pt: f64 => title_pad_pt;
    /// `axes.labelpad`.
    label_pad_pt: f64 => label_pad_pt;
    /// `axes.linewidth`.
    axes_linewidth_pt: f64 => axes_linewidth_pt;
    /// `xtick.major.size` / `ytick.major.size`.
    major_tick_size_pt: f64 => major_tick_size_pt;
    /// `xtick.major.width` / `ytick.major.width`.
    major_tick_width_pt: f64 => major_tick_width_pt;
    /// `xtick.major.pad` / `ytick.major.pad`.
    major_tick_pad_pt: f64 => major_tick_pad_pt;
    /// `xtick.minor.size` / `ytick.minor.size`.
    minor_tick_size_pt: f64 => minor_tick_size_pt;
    /// `xtick.minor.width` / `ytick.minor.width`.
    minor_tick_width_pt: f64 => minor_tick_width_pt;
    /// `xtick.minor.pad` / `ytick.minor.pad`.
    minor_tick_pad_pt: f64 => minor_tick_pad_pt;
    /// `figure.facecolor`.
    figure_facecolor: Color => figure_facecolor;
    /// `axes.facecolor`.
    axes_facecolor: Color => axes_facecolor;
    /// `axes.edgecolor`.
    axes_edgecolor: Color => axes_edgecolor;
    /// `text.color`.
    text_color: Color => text_color;
    /// `figure.subplot.*`.
    subplot: SubplotParams => subplot;
});

/// The largest font size, line width, tick length or pad a [`Style`] may hold, in points
/// (matplotlib's largest named size, `xx-large` at the default font, is 20.7 pt).
pub const MAX_STYLE_PT: f64 = 1000.0;

/// The largest any of those lengths may be on the canvas, in pixels at the figure's dpi
/// (147 pt at 1000 dpi, 491 pt at 300 dpi): the cost of drawing text grows faster than its
/// size (measured: a title and tick labels at a 2048-px em take 1.1 s and 100 MB; at 4096 px
/// 7.6 s and 280 MB; at 13 889 px, 1000 pt at 1000 dpi, 18 s and 1.25 GB).
pub const MAX_STYLE_PX: f64 = 2048.0;

impl Style {
    /// Checks the sizes against [`MAX_STYLE_PT`] and, at `dpi`, [`MAX_STYLE_PX`]: each is
    /// a finite number of points, at least 0. The error names the field and the value.
    pub fn check(&self, dpi: f64) -> crate::Result<()> {
        let sizes = [
            ("font_size_pt", self.font_size_pt),
            ("title_size_pt", self.title_size_pt),
            ("title_pad_pt", self.title_pad_pt),
            ("label_pad_pt", self.label_pad_pt),
            ("axes_linewidth_pt", self.axes_linewidth_pt),
            ("major_tick_size_pt", self.major_tick_size_pt),
            ("major_tick_width_pt", self.major_tick_width_pt),
            ("major_tick_pad_pt", self.major_tick_pad_pt),
            ("minor_tick_size_pt", self.minor_tick_size_pt),
            ("minor_tick_width_pt", self.minor_tick_width_pt),
            ("minor_tick_pad_pt", self.minor_tick_pad_pt),
        ];
        for (what, v) in sizes {
            if !(v.is_finite() && (0.0..=MAX_STYLE_PT).contains(&v)) {
                return Err(crate::Error::invalid(
                    format!("style {what}"),
                    format!("{v} pt"),
                    format!("a number of points from 0 to {MAX_STYLE_PT}"),
                ));
            }
            let px = pt_to_px(v, dpi);
            if px > MAX_STYLE_PX {
                return Err(crate::Error::invalid(
                    format!("style {what}"),
                    format!("{v} pt ({px} px at dpi {dpi})"),
                    format!("at most {MAX_STYLE_PX} px at the figure's dpi"),
                ));
            }
        }
        let p = self.subplot;
        let params = [p.left, p.bottom, p.right, p.top];
        if !params.iter().all(|v| v.is_finite()) {
            return Err(crate::Error::invalid(
                "style subplot parameters",
                format!("{p:?}"),
                "finite figure fractions",
            ));
        }
        Ok(())
    }
}

/// Points to pixels at `dpi`: the one place dpi enters lengths.
#[inline]
pub fn pt_to_px(pt: f64, dpi: f64) -> f64 {
    pt * dpi / 72.0
}
