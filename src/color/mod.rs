//! color (work in progress).
