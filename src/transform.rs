//! Affine transforms in matplotlib's display space (pixels, origin bottom-left, y up).

/// A 2-D affine transform, stored as Agg's `trans_affine`:
/// `x' = sx*x + shx*y + tx`, `y' = shy*x + sy*y + ty`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    /// x scale.
    pub sx: f64,
    /// y shear (contribution of x to y').
    pub shy: f64,
    /// x shear (contribution of y to x').
    pub shx: f64,
    /// y scale.
    pub sy: f64,
    /// x translation.
    pub tx: f64,
    /// y translation.
    pub ty: f64,
}

impl Affine {
    /// The identity.
    pub const IDENTITY: Affine = Affine {
        sx: 1.0,
        shy: 0.0,
        shx: 0.0,
        sy: 1.0,
        tx: 0.0,
        ty: 0.0,
    };

    /// A pure translation.
    pub fn translate(tx: f64, ty: f64) -> Affine {
        Affine {
            tx,
            ty,
            ..Affine::IDENTITY
        }
    }

    /// `self` applied first, then `next`: the matrix product `next x self`, in f64, in the
    /// order matplotlib's `Affine2D.__add__` multiplies. Like `numpy.dot` (BLAS) on the
    /// 3x3 matrices, each entry is accumulated from `+0.0`, so no entry is `-0.0`.
    pub fn then(&self, next: &Affine) -> Affine {
        let a = self;
        let b = next;
        Affine {
            sx: 0.0 + b.sx * a.sx + b.shx * a.shy,
            shx: 0.0 + b.sx * a.shx + b.shx * a.sy,
            tx: 0.0 + b.sx * a.tx + b.shx * a.ty + b.tx,
            shy: 0.0 + b.shy * a.sx + b.sy * a.shy,
            sy: 0.0 + b.shy * a.shx + b.sy * a.sy,
            ty: 0.0 + b.shy * a.tx + b.sy * a.ty + b.ty,
        }
    }

    /// Applies the transform to a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.sx * x + self.shx * y + self.tx,
            self.shy * x + self.sy * y + self.ty,
        )
    }
}

impl Affine {
    /// The inverse, computed the way Agg's `trans_affine::invert` does (so float noise
    /// matches): `d = 1/(sx*sy - shy*shx)`, then the adjugate scaled by `d`.
    /// `None` when the transform is singular or not finite.
    pub fn inverted(&self) -> Option<Affine> {
        let det = self.sx * self.sy - self.shy * self.shx;
        let d = 1.0 / det;
        if det == 0.0 || !d.is_finite() {
            return None;
        }
        let sx = self.sy * d;
        let sy = self.sx * d;
        let shy = -self.shy * d;
        let shx = -self.shx * d;
        let tx = -self.tx * sx - self.ty * shx;
        let ty = -self.tx * shy - self.ty * sy;
        Some(Affine {
            sx,
            shy,
            shx,
            sy,
            tx,
            ty,
        })
    }
}
