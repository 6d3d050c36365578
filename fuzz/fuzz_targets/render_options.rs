//! Fuzz target: a small array (scalar, or RGB/RGBA floats or bytes) and arbitrary figure
//! options (style sizes and colorbar options included), decoded from the fuzzer's bytes,
//! rendered end to end. Rendering must return `Ok` or a clear `Err`, never panic.
//! Canvases are capped at 200 000 pixels to keep each run fast.
#![no_main]

use figbuf::{
    colormap_names, ColorbarOptions, Colormap, Extend, Figure, ImageData, ImshowOptions,
    Interpolation, Norm, Orientation, Origin,
};
use libfuzzer_sys::fuzz_target;
use ndarray::Array2;

/// Reads values off the fuzzer's bytes; zeros once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.u8()) % items.len()]
    }

    /// Any f64 bit pattern (NaN, infinities, subnormals included).
    fn raw_f64(&mut self) -> f64 {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = self.u8();
        }
        f64::from_le_bytes(b)
    }

    /// Mostly ordinary numbers, sometimes any bit pattern.
    fn number(&mut self) -> f64 {
        match self.u8() % 4 {
            0 => self.raw_f64(),
            1 => f64::from(self.u8() as i8) / 4.0,
            2 => f64::from(self.u8()) * 10f64.powi(i32::from(self.u8() as i8 % 12)),
            _ => f64::from(self.u8() as i8),
        }
    }

    fn option<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.u8() % 2 == 0 {
            None
        } else {
            Some(f(self))
        }
    }
}

const INTERPOLATIONS: &[&str] = &[
    "auto",
    "antialiased",
    "none",
    "nearest",
    "bilinear",
    "bicubic",
    "spline16",
    "spline36",
    "hanning",
    "hamming",
    "hermite",
    "kaiser",
    "quadric",
    "catrom",
    "gaussian",
    "bessel",
    "mitchell",
    "sinc",
    "lanczos",
    "blackman",
];

fn render(b: &mut Bytes<'_>) -> figbuf::Result<()> {
    let rows = usize::from(b.u8() % 8) + 1;
    let cols = usize::from(b.u8() % 8) + 1;
    let kind = b.u8() % 4;
    let data: ImageData = match kind {
        // RGB(A) floats or bytes.
        1 | 2 => {
            let ch = if kind == 1 { 3 } else { 4 };
            let v: Vec<f64> = (0..rows * cols * ch).map(|_| b.number()).collect();
            ImageData::rgb_f64(
                ndarray::Array3::from_shape_vec((rows, cols, ch), v)
                    .map_err(|e| figbuf::Error::Data(e.to_string()))?,
            )?
        }
        3 => {
            let v: Vec<u8> = (0..rows * cols * 4).map(|_| b.u8()).collect();
            ImageData::rgb_u8(
                ndarray::Array3::from_shape_vec((rows, cols, 4), v)
                    .map_err(|e| figbuf::Error::Data(e.to_string()))?,
            )?
        }
        _ => {
            let values: Vec<f64> = (0..rows * cols).map(|_| b.number()).collect();
            ImageData::from(
                Array2::from_shape_vec((rows, cols), values)
                    .map_err(|e| figbuf::Error::Data(e.to_string()))?,
            )
        }
    };
    let w = b.number();
    let h = b.number();
    let dpi = b.number();
    let mut fig = Figure::new(w, h, dpi);
    fig.set_max_pixels(200_000);
    // Style sizes: any number (bounded by Style::check).
    if b.u8() % 2 == 1 {
        let st = fig.style_mut();
        st.font_size_pt = b.number();
        st.title_size_pt = b.number();
        st.axes_linewidth_pt = b.number();
        st.major_tick_size_pt = b.number();
        st.major_tick_width_pt = b.number();
        st.minor_tick_pad_pt = b.number();
        st.label_pad_pt = b.number();
    }
    fig.size_px()?;
    let ax = fig.add_subplot();
    let names: Vec<&str> = colormap_names().collect();
    let cmap = Colormap::named(b.pick(&names))?;
    let p = b.number();
    let norm = match b.u8() % 7 {
        0 => Norm::linear(),
        1 => Norm::log(),
        2 => Norm::symlog(p, 1.0, 10.0)?,
        3 => Norm::power(p),
        4 => Norm::two_slope(p),
        5 => Norm::centered(p, None),
        _ => Norm::no_norm(),
    };
    let mut opts = ImshowOptions::default().cmap(cmap).norm(norm);
    opts.vmin = b.option(Bytes::number);
    opts.vmax = b.option(Bytes::number);
    let mut opts = opts
        .interpolation(b.pick(INTERPOLATIONS).parse::<Interpolation>()?)
        .origin(b.pick(&[Origin::Upper, Origin::Lower]));
    opts.extent = b.option(|b| [b.number(), b.number(), b.number(), b.number()]);
    let im = fig[ax].imshow_with(data, opts)?;
    if b.u8() % 2 == 1 {
        let mut options = ColorbarOptions::default()
            .orientation(b.pick(&[Orientation::Vertical, Orientation::Horizontal]))
            .extend(b.pick(&[Extend::Neither, Extend::Min, Extend::Max, Extend::Both]));
        options.label =
            b.option(|b| String::from_utf8_lossy(&[b.u8(), b.u8(), b.u8()]).into_owned());
        options.fraction = if b.u8() % 2 == 1 { b.number() } else { 0.15 };
        options.pad = b.option(Bytes::number);
        options.shrink = if b.u8() % 2 == 1 { b.number() } else { 1.0 };
        options.aspect = if b.u8() % 2 == 1 { b.number() } else { 20.0 };
        fig.colorbar_with(im, options)?;
    }
    if b.u8() % 4 == 0 {
        fig[ax].set_axis_off();
    }
    // The rest of the input is the title (any UTF-8, including glyphs the font lacks).
    fig[ax].set_title(String::from_utf8_lossy(b.0).into_owned());
    let frame = fig.render()?;
    let (pw, ph) = fig.size_px()?;
    assert_eq!((frame.width(), frame.height()), (pw, ph));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = render(&mut Bytes(data));
});
