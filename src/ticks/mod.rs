//! ticks (work in progress).
