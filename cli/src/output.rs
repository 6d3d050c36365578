//! Writing the CLI's output: to standard output (`-o -`), or to a file through an exclusive,
//! unpredictably named temporary file in the output's directory, renamed into place only
//! when complete.
//!
//! Temporary-file policy (docs/robustness.md):
//! * The temporary file is `.figbuf-XXXXXXXXXXXX.tmp` (12 random characters) in the output's
//!   directory, created with `O_CREAT | O_EXCL` (the `tempfile` crate), so a planted
//!   symlink or another process's file at that name is never opened, and its length does
//!   not depend on the output's name (an output name of up to 255 bytes works).
//! * While it is written the file holds an exclusive advisory lock (`flock`). A file of
//!   that pattern that is unlocked and older than [`STALE_AFTER`] was left by a killed
//!   run (SIGKILL, power loss) and is removed by the next run writing into that directory.
//! * On SIGINT, SIGTERM or SIGHUP the temporary file is removed before the process exits
//!   with status 128 + the signal number.
//! * It is renamed over the output (atomic on one file system): the output is either the
//!   old file or the complete new one, never a partial file; a symlink at the output's
//!   name is replaced, never written through.

use crate::Failure;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// Temporary files of this prefix and suffix are figbuf's.
const TMP_PREFIX: &str = ".figbuf-";
const TMP_SUFFIX: &str = ".tmp";

/// An unlocked temporary file is debris once it is this old (a live writer holds its lock
/// from microseconds after creating it; the age only closes that window).
pub const STALE_AFTER: Duration = Duration::from_secs(10);

/// The temporary file being written, removed by the signal handler.
static CURRENT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The output's encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// PNG (straight RGBA8, the figure's dpi in pHYs).
    Png,
    /// A (H, W, 4) uint8 .npy array.
    Npy,
}

/// Where the output goes.
#[derive(Debug)]
pub enum Target {
    /// `-o -`: standard output.
    Stdout,
    /// A file, replaced atomically.
    File(PathBuf),
}

/// Where and how to write `-o OUTPUT` (with `--format`), checked before any data is read.
pub fn target(output: &Path, format: Option<Format>) -> Result<(Target, Format), Failure> {
    if output.as_os_str() == "-" {
        return Ok((Target::Stdout, format.unwrap_or(Format::Png)));
    }
    let by_extension = match output
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("png") => Format::Png,
        Some("npy") => Format::Npy,
        _ => {
            return Err(Failure::Usage(format!(
                "-o must name a .png or .npy file (or - for standard output), got {:?}",
                output.display().to_string()
            )))
        }
    };
    if let Some(f) = format.filter(|&f| f != by_extension) {
        return Err(Failure::Usage(format!(
            "--format {} does not match the output {:?}; --format is for -o - (standard output)",
            name(f),
            output.display().to_string()
        )));
    }
    Ok((Target::File(output.to_path_buf()), by_extension))
}

fn name(f: Format) -> &'static str {
    match f {
        Format::Png => "png",
        Format::Npy => "npy",
    }
}

/// Installs the SIGINT/SIGTERM/SIGHUP handler that removes the temporary file being written
/// and exits with 128 + the signal. Without it (if installing fails) signals kill as usual
/// and the next run removes the debris.
pub fn install_signal_cleanup() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    // A small stack, and no thread at all when none can be started (a tight memory
    // limit): then signals kill as usual.
    let _ = std::thread::Builder::new()
        .name("figbuf-signals".into())
        .stack_size(64 << 10)
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let guard = CURRENT.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(p) = guard.as_ref() {
                    let _ = std::fs::remove_file(p);
                }
                std::process::exit(128 + sig);
            }
        });
}

/// Writes `bytes` to `target`.
pub fn write(target: &Target, bytes: &[u8]) -> Result<(), Failure> {
    write_parts(target, &[bytes])
}

/// Writes the concatenation of `parts` to `target` (without joining them in memory).
pub fn write_parts(target: &Target, parts: &[&[u8]]) -> Result<(), Failure> {
    write_streamed(target, |sink| parts.iter().try_for_each(|p| sink.put(p)))
}

/// Where [`write_streamed`]'s producer puts its bytes.
pub struct Sink<'a> {
    out: &'a mut dyn Write,
    /// What an I/O error's message starts with (the output's name).
    name: &'a str,
}

impl Sink<'_> {
    /// Appends `bytes` to the output.
    pub fn put(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.out
            .write_all(bytes)
            .map_err(|e| Failure::Runtime(format!("{}: {e}", self.name)))
    }
}

/// Writes what `produce` puts into its [`Sink`] to `target`, piece by piece (a large output
/// never needs to be whole in memory). To a file: into the temporary file, which is renamed
/// into place only when `produce` and every write succeeded, and removed otherwise, so an
/// error of the producer leaves no output, as an error before writing does.
pub fn write_streamed(
    target: &Target,
    produce: impl FnOnce(&mut Sink<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            let name = "writing to standard output";
            produce(&mut Sink {
                out: &mut out,
                name,
            })?;
            out.flush()
                .map_err(|e| Failure::Runtime(format!("{name}: {e}")))
        }
        Target::File(path) => write_atomically(path, produce),
    }
}

/// Writes the (H, W, 4) uint8 array to `target` as .npy: the header, then the array's
/// own bytes (no copy of a large output into an encoding buffer first).
pub fn write_npy(target: &Target, array: &ndarray::Array3<u8>) -> Result<(), Failure> {
    let Some(data) = array.as_slice() else {
        return write(target, &encode_npy(array)?);
    };
    write_parts(target, &[&npy_header(array.dim()), data])
}

/// The .npy header (format 1.0) of a C-order uint8 array of `shape`, as ndarray-npy
/// writes it: the dictionary padded with spaces and a newline to a multiple of 64 bytes.
pub fn npy_header((h, w, c): (usize, usize, usize)) -> Vec<u8> {
    let dict = format!("{{'descr': '|u1', 'fortran_order': False, 'shape': ({h}, {w}, {c})}}");
    let unpadded = 10 + dict.len() + 1;
    let len = dict.len() + 1 + (unpadded.next_multiple_of(64) - unpadded);
    let mut out = Vec::with_capacity(10 + len);
    out.extend_from_slice(b"\x93NUMPY\x01\x00");
    // Below 64 KiB: three dimensions of at most 20 digits each.
    out.extend_from_slice(&(len as u16).to_le_bytes());
    out.extend_from_slice(dict.as_bytes());
    out.resize(10 + len - 1, b' ');
    out.push(b'\n');
    out
}

/// The (H, W, 4) uint8 array as .npy bytes.
pub fn encode_npy(array: &ndarray::Array3<u8>) -> Result<Vec<u8>, Failure> {
    use ndarray_npy::WriteNpyExt;
    let mut out = Vec::new();
    out.try_reserve_exact(array.len().saturating_add(128))
        .map_err(|_| {
            Failure::Runtime(format!(
                "cannot allocate {} bytes for the .npy output",
                array.len()
            ))
        })?;
    array
        .write_npy(&mut out)
        .map_err(|e| Failure::Runtime(format!("writing .npy: {e}")))?;
    Ok(out)
}

/// The directory `path` is in.
fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether `name` is one of figbuf's temporary-file names.
fn is_tmp_name(name: &str) -> bool {
    name.len() > TMP_PREFIX.len() + TMP_SUFFIX.len()
        && name.starts_with(TMP_PREFIX)
        && name.ends_with(TMP_SUFFIX)
}

/// Removes the temporary files killed runs left in `dir`: regular files (never symlinks)
/// of figbuf's pattern, older than [`STALE_AFTER`], whose lock nobody holds. Best effort:
/// errors are ignored. Returns how many were removed.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_tmp_name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !meta.file_type().is_file() || !old {
            continue;
        }
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            // Nobody writes it: a killed run's debris. (Removed while locked, so a writer
            // cannot take it over in between.)
            if std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// Writes what `produce` puts into its [`Sink`] to an exclusive temporary file beside
/// `path`, then renames it into place.
fn write_atomically(
    path: &Path,
    produce: impl FnOnce(&mut Sink<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let dir = dir_of(path);
    if !dir.is_dir() {
        return Err(Failure::Runtime(format!(
            "output directory {} does not exist",
            dir.display()
        )));
    }
    if path.is_dir() {
        return Err(Failure::Runtime(format!(
            "{}: is a directory; -o needs a file name",
            path.display()
        )));
    }
    remove_stale(&dir);
    let fail = |e: std::io::Error| Failure::Runtime(format!("{}: {e}", path.display()));
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .rand_bytes(12)
        .tempfile_in(&dir)
        .map_err(|e| {
            Failure::Runtime(format!(
                "{}: cannot create a temporary file in {}: {e}",
                path.display(),
                dir.display()
            ))
        })?;
    // Registered for the signal handlers (a SIGBUS of the input while a streamed output is
    // written included); the lock marks the file as live for other runs.
    set_current(Some(tmp.path().to_path_buf()));
    crate::cpu::remove_on_sigbus(Some(tmp.path()));
    let name = path.display().to_string();
    let written = tmp
        .as_file()
        .try_lock()
        .map_err(|e| {
            fail(std::io::Error::other(format!(
                "cannot lock the temporary file: {e}"
            )))
        })
        .and_then(|_| {
            produce(&mut Sink {
                out: tmp.as_file_mut(),
                name: &name,
            })
        })
        .and_then(|_| tmp.flush().map_err(fail));
    if let Err(e) = written {
        crate::cpu::remove_on_sigbus(None);
        set_current(None);
        return Err(e); // dropping `tmp` removes it
    }
    // For the tests of signals and debris only: hold the complete temporary file this long
    // before renaming it.
    if let Some(ms) = std::env::var("FIGBUF_TEST_HOLD_TEMP_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(Duration::from_millis(ms.min(60_000)));
    }
    // Renamed while the signal handler is held off, so it finds either the temporary file
    // (and removes it) or nothing.
    let mut current = CURRENT.lock().unwrap_or_else(|p| p.into_inner());
    let persisted = tmp.persist(path);
    crate::cpu::remove_on_sigbus(None);
    *current = None;
    drop(current);
    persisted.map(drop).map_err(|e| fail(e.error))
}

fn set_current(p: Option<PathBuf>) {
    *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) = p;
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Two writers in one process share a PID, as two processes in two containers can:
    /// each must get its own temporary file, and the output must be one of the two
    /// complete images (the old `.NAME.figbuf-PID.tmp` scheme mixed them). A symlink planted
    /// at that old, predictable name is never written through.
    #[test]
    fn same_pid_writers_and_planted_symlinks() {
        let dir = std::env::temp_dir().join(format!("figbuf-output-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, b"victim").unwrap();
        let out = dir.join("out.png");
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            &victim,
            dir.join(format!(".out.png.figbuf-{}.tmp", std::process::id())),
        )
        .unwrap();
        let a = vec![b'a'; 3_000_000];
        let b = vec![b'b'; 2_000_000];
        for _ in 0..5 {
            std::thread::scope(|s| {
                let ta = s.spawn(|| write_atomically(&out, |s| s.put(&a)).is_ok());
                let tb = s.spawn(|| write_atomically(&out, |s| s.put(&b)).is_ok());
                assert!(ta.join().unwrap() && tb.join().unwrap());
            });
            let got = std::fs::read(&out).unwrap();
            assert!(got == a || got == b, "mixed output of {} bytes", got.len());
        }
        assert_eq!(std::fs::read(&victim).unwrap(), b"victim");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| is_tmp_name(n))
            .collect();
        assert!(names.is_empty(), "temporary files left: {names:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn npy_header_is_ndarray_npys() {
        use ndarray_npy::WriteNpyExt;
        for shape in [(0, 0, 4), (3, 5, 4), (2048, 2048, 4), (123_456, 7, 4)] {
            let array = ndarray::Array3::<u8>::zeros(shape);
            let mut full = Vec::new();
            array.write_npy(&mut full).unwrap();
            let header = npy_header(shape);
            assert_eq!(&full[..header.len()], &header[..], "{shape:?}");
            assert_eq!(full.len(), header.len() + array.len());
        }
    }

    #[test]
    fn tmp_names() {
        assert!(is_tmp_name(".figbuf-abcDEF012345.tmp"));
        assert!(!is_tmp_name(".figbuf-.tmp"));
        assert!(!is_tmp_name("out.png"));
        assert!(!is_tmp_name(".out.png.figbuf-12.tmp"));
    }
}
