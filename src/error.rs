//! The one error type of figbuf.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in figbuf. Each message names the bad value and what was
/// expected.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A user-supplied value is out of range or malformed: `what` names the parameter,
    /// `value` is what was given, `expected` says what would have been accepted.
    InvalidValue {
        /// The parameter, e.g. `"dpi"`.
        what: String,
        /// The value given, as the user wrote it.
        value: String,
        /// What is accepted instead.
        expected: String,
    },
    /// A colormap name that is not registered; `suggestions` holds the nearest names.
    UnknownColormap {
        /// The name given.
        name: String,
        /// Registered names close to it.
        suggestions: Vec<String>,
    },
    /// An input/output failure: the operating system's error (also [`std::error::Error::source`],
    /// so its [`io::ErrorKind`] is kept), with the file involved when there is one.
    Io {
        /// The file involved (`None` when writing to a caller's [`io::Write`]).
        path: Option<PathBuf>,
        /// The underlying error.
        source: io::Error,
    },
    /// Input data that cannot be drawn (wrong shape, unsupported dtype, ...).
    Data(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidValue`].
    pub fn invalid(
        what: impl Into<String>,
        value: impl fmt::Display,
        expected: impl Into<String>,
    ) -> Self {
        Error::InvalidValue {
            what: what.into(),
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// An [`Error::Io`] on `path`.
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        Error::Io {
            path: Some(path.to_path_buf()),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidValue {
                what,
                value,
                expected,
            } => {
                write!(f, "{what} must be {expected}, got {value}")
            }
            Error::UnknownColormap { name, suggestions } => {
                write!(f, "unknown colormap {name:?}")?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", suggestions.join(", "))?;
                }
                Ok(())
            }
            Error::Io {
                path: Some(path),
                source,
            } => write!(f, "{}: {source}", path.display()),
            Error::Io { path: None, source } => write!(f, "I/O error: {source}"),
            Error::Data(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `Result` with figbuf's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
