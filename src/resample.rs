//! Image resampling (work in progress).
