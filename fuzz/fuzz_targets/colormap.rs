//! Fuzz target: `colormap_rgba8` (the `figbuf colormap` command's library path) on an
//! array of any shape up to 16 x 16 (zero rows or columns included) and any element type,
//! with arbitrary norms and limits. Must return `Ok` with a `(rows, cols, 4)` array or a
//! clear `Err`, never panic.
#![no_main]

use figbuf::{colormap_names, colormap_rgba8, Colormap, Norm, ScalarData};
use libfuzzer_sys::fuzz_target;
use ndarray::Array2;

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
    fn raw_f64(&mut self) -> f64 {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = self.u8();
        }
        f64::from_le_bytes(b)
    }
    fn number(&mut self) -> f64 {
        match self.u8() % 4 {
            0 => self.raw_f64(),
            1 => f64::from(self.u8() as i8) / 4.0,
            2 => f64::from(self.u8()) * 10f64.powi(i32::from(self.u8() as i8 % 12)),
            _ => f64::from(self.u8() as i8),
        }
    }
    fn option(&mut self) -> Option<f64> {
        if self.u8() % 2 == 0 {
            None
        } else {
            Some(self.number())
        }
    }
}

fn run(b: &mut Bytes<'_>) -> figbuf::Result<()> {
    let rows = usize::from(b.u8() % 17);
    let cols = usize::from(b.u8() % 17);
    let names: Vec<&str> = colormap_names().collect();
    let cmap = Colormap::named(names[usize::from(b.u8()) % names.len()])?;
    let p = b.number();
    let norm = match b.u8() % 7 {
        0 => Norm::linear(),
        1 => Norm::log(),
        2 => Norm::symlog(p, 1.0, 10.0)?,
        3 => Norm::power(p),
        4 => Norm::two_slope(p),
        5 => Norm::centered(p, None),
        _ => Norm::no_norm(),
    }
    .with_limits(b.option(), b.option());
    let kind = b.u8() % 4;
    let n = rows * cols;
    let out = match kind {
        0 => {
            let v: Vec<f64> = (0..n).map(|_| b.number()).collect();
            let a = Array2::from_shape_vec((rows, cols), v).map_err(|e| figbuf::Error::Data(e.to_string()))?;
            colormap_rgba8(&ScalarData::new(a.view()), &norm, &cmap)?
        }
        1 => {
            let v: Vec<f32> = (0..n).map(|_| b.number() as f32).collect();
            let a = Array2::from_shape_vec((rows, cols), v).map_err(|e| figbuf::Error::Data(e.to_string()))?;
            colormap_rgba8(&ScalarData::new(a.view()), &norm, &cmap)?
        }
        2 => {
            let v: Vec<u8> = (0..n).map(|_| b.u8()).collect();
            let a = Array2::from_shape_vec((rows, cols), v).map_err(|e| figbuf::Error::Data(e.to_string()))?;
            colormap_rgba8(&ScalarData::new(a.view()), &norm, &cmap)?
        }
        _ => {
            let v: Vec<i64> = (0..n).map(|_| b.raw_f64().to_bits() as i64).collect();
            let a = Array2::from_shape_vec((rows, cols), v).map_err(|e| figbuf::Error::Data(e.to_string()))?;
            colormap_rgba8(&ScalarData::new(a.view()), &norm, &cmap)?
        }
    };
    assert_eq!(out.dim(), (rows, cols, 4));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Bytes(data));
});
