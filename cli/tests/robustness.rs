//! The process-level failure modes of issue 18 through the `figbuf` binary (Linux):
//! temporary files (symlinks, long names, signals, debris of killed runs), standard
//! output, blocking inputs. The option and data cases are in `cli_errors.rs`.
#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_figbuf");

fn npy_f64(rows: usize, cols: usize) -> Vec<u8> {
    let mut out = npy_header(&format!("({rows}, {cols})"));
    for i in 0..rows * cols {
        out.extend_from_slice(&(i as f64).to_le_bytes());
    }
    out
}

/// A float64 `.npy` header declaring `shape` (a Python tuple), without data.
fn npy_header(shape: &str) -> Vec<u8> {
    let dict = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}");
    common::npy_raw(&dict, &[])
}

fn scratch(name: &str) -> PathBuf {
    let dir = common::scratch("robustness", name);
    std::fs::write(dir.join("in.npy"), npy_f64(3, 4)).expect("write input");
    dir
}

/// The figbuf temporary files in `dir`.
fn temps(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap_or_default().to_string_lossy();
            n.starts_with(".figbuf-") && n.ends_with(".tmp")
        })
        .collect();
    v.sort();
    v
}

/// Starts `figbuf imshow in.npy -o out` holding its complete temporary file for `hold_ms`
/// before the rename, and waits until the temporary file exists.
fn start_held(dir: &Path, out: &str, hold_ms: u64) -> Child {
    let before = temps(dir).len();
    let child = Command::new(BIN)
        .args(["imshow", "in.npy", "-o", out])
        .current_dir(dir)
        .env("FIGBUF_TEST_HOLD_TEMP_MS", hold_ms.to_string())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn figbuf");
    let start = Instant::now();
    while temps(dir).len() <= before {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("run kill")
        .success();
    assert!(ok, "kill {sig} failed");
}

#[test]
fn sigterm_and_sigint_remove_the_temporary_file() {
    for (sig, code) in [("-TERM", 143), ("-INT", 130), ("-HUP", 129)] {
        let dir = scratch(&format!("signal{sig}"));
        std::fs::write(dir.join("out.png"), b"old").expect("write old output");
        let mut child = start_held(&dir, "out.png", 20_000);
        signal(&child, sig);
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(code), "{sig}");
        assert!(temps(&dir).is_empty(), "{sig} left {:?}", temps(&dir));
        assert_eq!(std::fs::read(dir.join("out.png")).expect("read"), b"old");
    }
}

#[test]
fn sigkill_debris_is_removed_by_the_next_run_but_a_live_file_is_not() {
    let dir = scratch("sigkill");
    let mut killed = start_held(&dir, "out.png", 20_000);
    signal(&killed, "-KILL");
    let _ = killed.wait();
    let debris = temps(&dir);
    assert_eq!(
        debris.len(),
        1,
        "SIGKILL leaves its temporary file: {debris:?}"
    );
    // A live writer holds its lock (and its file is young).
    let mut live = start_held(&dir, "other.png", 20_000);
    let live_tmp: Vec<PathBuf> = temps(&dir)
        .into_iter()
        .filter(|p| !debris.contains(p))
        .collect();
    assert_eq!(live_tmp.len(), 1);
    // Age both beyond the staleness limit: only the unlocked one is debris.
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    for p in debris.iter().chain(&live_tmp) {
        let f = std::fs::File::options()
            .append(true)
            .open(p)
            .expect("open temp");
        f.set_modified(old).expect("set mtime");
    }
    let next = Command::new(BIN)
        .args(["imshow", "in.npy", "-o", "out.png"])
        .current_dir(&dir)
        .output()
        .expect("run figbuf");
    assert!(next.status.success());
    let left = temps(&dir);
    assert_eq!(
        left, live_tmp,
        "the killed run's file is removed, the live one kept"
    );
    signal(&live, "-TERM");
    let _ = live.wait();
    assert!(temps(&dir).is_empty());
}

#[test]
fn output_names_up_to_255_bytes_work() {
    let dir = scratch("long_names");
    for len in [240usize, 250, 255] {
        let name = format!("{}.png", "x".repeat(len - 4));
        let out = Command::new(BIN)
            .args(["imshow", "in.npy", "-o", &name])
            .current_dir(&dir)
            .output()
            .expect("run figbuf");
        assert!(
            out.status.success(),
            "{len}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(dir.join(&name).is_file());
    }
    assert!(temps(&dir).is_empty());
}

#[test]
fn a_symlink_at_the_output_is_replaced_not_written_through() {
    let dir = scratch("symlink_output");
    std::fs::write(dir.join("victim"), b"victim").expect("write victim");
    std::os::unix::fs::symlink(dir.join("victim"), dir.join("out.png")).expect("symlink");
    // The old, predictable temporary names for the next few PIDs too.
    for pid in 0..64u32 {
        let _ = std::os::unix::fs::symlink(
            dir.join("victim"),
            dir.join(format!(".out.png.figbuf-{}.tmp", std::process::id() + pid)),
        );
    }
    let out = Command::new(BIN)
        .args(["imshow", "in.npy", "-o", "out.png"])
        .current_dir(&dir)
        .output()
        .expect("run figbuf");
    assert!(out.status.success());
    assert_eq!(std::fs::read(dir.join("victim")).expect("read"), b"victim");
    let meta = std::fs::symlink_metadata(dir.join("out.png")).expect("stat");
    assert!(meta.file_type().is_file());
}

#[test]
fn concurrent_writers_of_one_output_each_write_a_whole_image() {
    let dir = scratch("concurrent");
    let dpis = ["50", "60", "70", "80", "90", "100"];
    let children: Vec<Child> = dpis
        .iter()
        .map(|dpi| {
            Command::new(BIN)
                .args(["imshow", "in.npy", "-o", "out.png", "--dpi", dpi])
                .current_dir(&dir)
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let got = std::fs::read(dir.join("out.png")).expect("read");
    let whole: Vec<Vec<u8>> = dpis
        .iter()
        .map(|dpi| {
            Command::new(BIN)
                .args(["imshow", "in.npy", "-o", "-", "--dpi", dpi])
                .current_dir(&dir)
                .output()
                .expect("run")
                .stdout
        })
        .collect();
    assert!(
        whole.contains(&got),
        "the output is none of the complete images"
    );
    assert!(temps(&dir).is_empty());
}

#[test]
fn standard_output_png_and_npy() {
    let dir = scratch("stdout");
    for (fmt, file) in [("png", "out.png"), ("npy", "out.npy")] {
        let to_file = Command::new(BIN)
            .args(["colormap", "in.npy", "-o", file])
            .current_dir(&dir)
            .status()
            .expect("run");
        assert!(to_file.success());
        let to_stdout = Command::new(BIN)
            .args(["colormap", "in.npy", "-o", "-", "--format", fmt])
            .current_dir(&dir)
            .output()
            .expect("run");
        assert!(to_stdout.status.success());
        assert_eq!(
            to_stdout.stdout,
            std::fs::read(dir.join(file)).expect("read")
        );
    }
    // PNG is the default; figures too.
    let fig = Command::new(BIN)
        .args(["imshow", "in.npy", "-o", "-"])
        .current_dir(&dir)
        .output()
        .expect("run");
    assert!(fig.stdout.starts_with(b"\x89PNG\r\n\x1a\n"));
    // A --format that contradicts the file name is a usage error.
    let bad = Command::new(BIN)
        .args(["colormap", "in.npy", "-o", "x.png", "--format", "npy"])
        .current_dir(&dir)
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--format npy"));
}

#[test]
fn a_fifo_without_a_writer_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let ok = Command::new("mkfifo")
        .arg(dir.join("pipe.npy"))
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok);
    for input in ["pipe.npy", "/dev/zero"] {
        let (status, msg) = run_within_20_s(&dir, &["colormap", input, "-o", "out.npy"]);
        assert_eq!(status.code(), Some(1), "{input}: {msg}");
        assert!(msg.starts_with("error:") && msg.contains(input), "{msg}");
        assert!(msg.contains("expected a regular .npy file"), "{msg}");
    }
}

/// Writes a `rows` x `cols` float64 .npy at `path` without holding it in memory.
fn write_big_npy(path: &Path, rows: usize, cols: usize) {
    use std::io::Write;
    let dict = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows}, {cols}), }}");
    let mut header = dict.into_bytes();
    while !(10 + header.len() + 1).is_multiple_of(64) {
        header.push(b' ');
    }
    header.push(b'\n');
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    f.write_all(b"\x93NUMPY\x01\x00").expect("write");
    f.write_all(&(header.len() as u16).to_le_bytes())
        .expect("write");
    f.write_all(&header).expect("write");
    let row: Vec<u8> = (0..cols).flat_map(|c| (c as f64).to_le_bytes()).collect();
    for _ in 0..rows {
        f.write_all(&row).expect("write");
    }
    f.flush().expect("flush");
}

/// Every large buffer is allocated fallibly (issue 18): under a memory ulimit (`prlimit
/// --as`, address space) from far too little to plenty, every run either succeeds or fails
/// with exit 1 and an `error:` (`cannot allocate N bytes for ...` when a buffer is
/// refused), never a SIGABRT ("memory allocation of N bytes failed") or a panic. Before the
/// buffers were allocated with `try_reserve`/`alloc_zeroed`, `colormap` of an 8192² file
/// under a 900 MB limit aborted in the colour-mapped output's allocation.
#[test]
fn allocations_under_a_memory_ulimit_fail_with_an_error() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("prlimit not found: skipped");
        return;
    }
    let dir = scratch("ulimit");
    let input = dir.join("big.npy");
    write_big_npy(&input, 2048, 2048); // 32 MiB of data
    let input = input.to_str().expect("utf-8 path");
    // `render` of a figure.json drawing the same data (plus a line) goes through the same
    // buffers; lanczos resamples it through the filtered float path.
    let figure = dir.join("figure.json");
    std::fs::write(
        &figure,
        r#"{"figure": {"figsize": [20, 20]}, "axes": [[{"method": "imshow", "args": [{"npy": "big.npy"}]}, {"method": "plot", "args": [[0, 2000], [0, 2000]]}]]}"#,
    )
    .expect("write figure.json");
    let runs: [&[&str]; 5] = [
        &["colormap", input, "-o", "out.npy"],
        &["colormap", input, "-o", "out.png"],
        &["imshow", input, "-o", "out.png", "--figsize", "20,20"],
        &[
            "imshow",
            input,
            "-o",
            "out.png",
            "--figsize",
            "20,20",
            "--interpolation",
            "lanczos",
        ],
        &["render", "figure.json", "-o", "out.png"],
    ];
    // The least address space in which the binary starts at all (its own mapping, stacks
    // and the runtime's first allocations; it grows with the embedded fonts): below it the
    // process cannot run any code of figbuf's, so the sweep starts there.
    let limits = [16u64, 32, 48, 64, 80, 96, 128, 160, 192, 256, 384, 1024];
    let starts = |mb: u64| {
        Command::new("prlimit")
            .arg(format!("--as={}", mb << 20))
            .arg(BIN)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let floor = limits
        .iter()
        .position(|&mb| starts(mb))
        .expect("figbuf --version runs under 1 GB of address space");
    let mut refused = 0;
    for args in runs {
        let mut last_ok = false;
        for &mb in &limits[floor..] {
            let out = Command::new("prlimit")
                .arg(format!("--as={}", mb << 20))
                .arg(BIN)
                .args(args)
                .current_dir(&dir)
                .output()
                .expect("run prlimit");
            let err = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            assert!(
                matches!(code, Some(0) | Some(1)),
                "{args:?} under {mb} MB: {:?}\n{err}",
                out.status
            );
            assert!(
                !err.contains("memory allocation of") && !err.contains("panicked"),
                "{args:?} under {mb} MB: {err}"
            );
            if code == Some(1) {
                assert!(err.starts_with("error: "), "{args:?} under {mb} MB: {err}");
                if err.contains("cannot allocate ") {
                    refused += 1;
                }
            }
            last_ok = code == Some(0);
        }
        assert!(last_ok, "{args:?} fails even with 1 GB");
    }
    assert!(refused > 0, "no run was refused an allocation");
}

/// The peak resident memory of `figbuf args` in KiB (VmHWM, polled until it exits).
fn peak_kib(args: &[&str]) -> u64 {
    let mut child = Command::new(BIN)
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status) {
            if let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(st) = child.try_wait().expect("wait") {
            assert!(st.success(), "{args:?}: {st:?}");
            return peak;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// An 8192² float64 .npy (512 MiB) is decoded straight into the array: `imshow` of it on a
/// small figure peaks at about one copy of the data plus its LUT indices (4 bytes a value,
/// 256 MiB), not two copies (measured when written: 798 MB; a reader holding the raw bytes
/// and the array together would peak above 1.3 GB).
#[test]
fn npy_input_peaks_at_about_one_copy() {
    let dir = scratch("npy-peak");
    let input = dir.join("big.npy");
    write_big_npy(&input, 8192, 8192);
    let out = dir.join("out.png");
    let args = [
        "imshow",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--figsize",
        "2,2",
    ];
    let peak = peak_kib(&args);
    let _ = std::fs::remove_file(&input);
    let data_kib = 8192 * 8192 * 8 / 1024;
    let indices_kib = 8192 * 8192 * 4 / 1024;
    eprintln!("peak {peak} KiB (data {data_kib} KiB)");
    assert!(
        peak < data_kib + indices_kib + 128 * 1024,
        "peak {peak} KiB for {data_kib} KiB of data"
    );
}

/// `figbuf render` (issue 18, figure.json): the description and the `.npy` files it names
/// must be regular files (a FIFO would block, `/dev/zero` would be read without end); a
/// 1-D `.npy` whose header declares more values than the file holds is refused before
/// anything is allocated; the output goes through the same temporary file as `imshow`
/// (a symlink at the output is replaced, a 250-byte name works, no debris).
#[test]
fn render_reads_regular_files_and_writes_through_the_temp_file() {
    let dir = scratch("render");
    let ok = Command::new("mkfifo")
        .arg(dir.join("pipe.json"))
        .status()
        .expect("mkfifo")
        .success()
        && Command::new("mkfifo")
            .arg(dir.join("pipe.npy"))
            .status()
            .expect("mkfifo")
            .success();
    assert!(ok);
    let plot_of =
        |x: &str| format!(r#"{{"axes": [[{{"method": "plot", "args": [{x}, [1, 2, 3]]}}]]}}"#);
    std::fs::write(dir.join("fifo_npy.json"), plot_of(r#"{"npy": "pipe.npy"}"#)).expect("write");
    // A 1-D float64 .npy declaring 2^62 values in 128 bytes.
    let huge = npy_header("(4611686018427387904,)");
    std::fs::write(dir.join("huge.npy"), &huge).expect("write");
    std::fs::write(dir.join("huge.json"), plot_of(r#"{"npy": "huge.npy"}"#)).expect("write");
    for (figure, expected) in [
        ("pipe.json", "is a FIFO (named pipe)"),
        ("/dev/zero", "is a device"),
        ("fifo_npy.json", "is a FIFO (named pipe)"),
        ("huge.json", "4611686018427387904"),
    ] {
        let (status, msg) = run_within_20_s(&dir, &["render", figure, "-o", "out.png"]);
        assert_eq!(status.code(), Some(1), "{figure}: {msg}");
        assert!(
            msg.starts_with("error:") && msg.contains(expected),
            "{figure}: {msg}"
        );
        assert!(!dir.join("out.png").exists(), "{figure}: output written");
    }
    // The output: a symlink there is replaced (its target untouched), a long name works.
    std::fs::write(dir.join("ok.json"), plot_of("[1, 2, 3]")).expect("write");
    std::fs::write(dir.join("target.txt"), b"keep").expect("write");
    std::os::unix::fs::symlink("target.txt", dir.join("link.png")).expect("symlink");
    let long = format!("{}.png", "r".repeat(246));
    for out in ["link.png", long.as_str()] {
        let st = Command::new(BIN)
            .args(["render", "ok.json", "-o", out])
            .current_dir(&dir)
            .output()
            .expect("run");
        assert!(
            st.status.success(),
            "{out}: {}",
            String::from_utf8_lossy(&st.stderr)
        );
        let png = std::fs::read(dir.join(out)).expect("output");
        assert!(png.starts_with(b"\x89PNG"), "{out}");
    }
    assert_eq!(
        std::fs::read(dir.join("target.txt")).expect("target"),
        b"keep"
    );
    assert!(std::fs::symlink_metadata(dir.join("link.png"))
        .expect("output")
        .file_type()
        .is_file());
    assert!(temps(&dir).is_empty(), "debris: {:?}", temps(&dir));
}

/// Runs the binary with `args` in `dir`, failing the test if it has not exited after 20 s
/// (it is killed then); its exit status and stderr.
fn run_within_20_s(dir: &std::path::Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{args:?}: still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = child.wait_with_output().expect("output");
    (status, String::from_utf8_lossy(&out.stderr).into_owned())
}
