//! Fallible allocation of the large buffers (canvas, resampler outputs, colour-mapped
//! pixels, decoded `.npy` data): a request the allocator refuses becomes
//! `Error::Data("cannot allocate N bytes for WHAT")` instead of aborting the process.

use crate::{Error, Result};

/// The error for `bytes` that could not be allocated for `what`.
pub(crate) fn error(bytes: u128, what: &str) -> Error {
    Error::Data(format!("cannot allocate {bytes} bytes for {what}"))
}

/// An empty vector with room for `len` elements, or the allocation error.
pub(crate) fn with_capacity<T>(len: usize, what: &str) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| error(len as u128 * std::mem::size_of::<T>() as u128, what))?;
    Ok(v)
}

/// `len` copies of `value`, or the allocation error.
#[cfg(test)]
pub(crate) fn filled<T: Clone>(len: usize, value: T, what: &str) -> Result<Vec<T>> {
    let mut v = with_capacity(len, what)?;
    v.resize(len, value);
    Ok(v)
}

/// Checks that `bytes` could be allocated now (reserved and released at once; the pages
/// are never touched), so that a render whose buffers cannot exist fails with an error
/// before it starts instead of aborting halfway.
pub(crate) fn probe(bytes: u128, what: &str) -> Result<()> {
    let n = usize::try_from(bytes).map_err(|_| error(bytes, what))?;
    with_capacity::<u8>(n, what).map(drop)
}

#[cfg(test)]
mod tests {
    #[test]
    fn refused_allocations_are_errors() {
        let e = super::with_capacity::<u64>(usize::MAX / 8, "the test").unwrap_err();
        assert!(e.to_string().starts_with("cannot allocate "), "{e}");
        assert!(e.to_string().ends_with(" bytes for the test"), "{e}");
        assert!(super::probe(u128::MAX, "x").is_err());
        assert_eq!(super::filled(3, 7u8, "x").unwrap(), vec![7, 7, 7]);
    }
}
