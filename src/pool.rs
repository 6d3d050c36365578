//! A render's second worker kept awake between its parallel stages (issue 20's walk).
//!
//! rayon parks a worker that finds no work after ~32 `sched_yield`s (tens of µs), and a
//! `rayon::join` then waits for the parked worker to be woken (a futex, and on a virtual
//! machine an interrupt to a halted vCPU) before the second half can start; the half that
//! finishes first parks in the same way and is woken the same way. The 20,000-point walk's
//! render has three such joins (the simplifier's halves, the stroke's two outline chains,
//! the sweep's halves) with serial stretches of 0.1-0.3 ms between them: each join paid a
//! wake-up on its critical path.
//!
//! [`enter_render`] marks the thread running a render; [`keep_helper_awake`] (called
//! where a long line makes parallel stages certain: its data limits) hands one spinning
//! job to the pool for the rest of that render: the worker that takes it runs whatever
//! the render pushes (`rayon::yield_now`) and spins in between, until the render ends or
//! [`MAX_IDLE`] passes without work. [`join`] is `rayon::join` whose waiting side spins
//! the same way during such a render. Nothing here changes what is computed, only which
//! thread runs it and when.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the helper spins without finding work before it gives its thread back to
/// rayon (which parks it): longer than the walk's longest serial stretch (~0.3 ms), short
/// enough that two renders waiting on each other's helpers cost only that much.
const MAX_IDLE: Duration = Duration::from_millis(2);

/// The state of the render running on this thread.
#[derive(Default)]
struct Render {
    /// Set when the render ends: the helper's signal to stop.
    helper_done: Option<Arc<AtomicBool>>,
}

thread_local! {
    /// The render running on this thread (renders nest when a waiting worker takes up
    /// another caller's render: each restores the one below).
    static RENDER: RefCell<Option<Render>> = const { RefCell::new(None) };
}

/// Marks the thread as running a render until dropped (see [`enter_render`]); then stops
/// the render's helper and restores the thread's previous render, also on unwind.
pub(crate) struct RenderGuard {
    previous: Option<Render>,
}

impl Drop for RenderGuard {
    fn drop(&mut self) {
        let ended = RENDER.with(|r| r.replace(self.previous.take()));
        if let Some(done) = ended.and_then(|r| r.helper_done) {
            done.store(true, Ordering::Release);
        }
    }
}

/// Marks this thread (a rayon worker running a render's body) as running a render until
/// the guard is dropped: [`keep_helper_awake`] and [`join`] act only then.
pub(crate) fn enter_render() -> RenderGuard {
    let previous = RENDER.with(|r| r.replace(Some(Render::default())));
    RenderGuard { previous }
}

/// Runs `f` as a render ([`enter_render`]).
#[cfg(test)]
pub(crate) fn during_render<R>(f: impl FnOnce() -> R) -> R {
    let _guard = enter_render();
    f()
}

/// Whether a render runs on this thread and its helper was started.
fn helper_started() -> bool {
    RENDER.with(|r| r.borrow().as_ref().is_some_and(|r| r.helper_done.is_some()))
}

/// Hands the render running on this thread a spinning helper on another worker, once a
/// render and only with at least two threads; nothing outside a render. Whether the
/// render has its helper (now or from before).
pub(crate) fn keep_helper_awake() -> bool {
    if rayon::current_num_threads() < 2 {
        return false;
    }
    let Some(owner) = rayon::current_thread_index() else {
        return false;
    };
    let done = RENDER.with(|r| {
        let mut r = r.borrow_mut();
        let render = r.as_mut()?;
        if render.helper_done.is_some() {
            return Some(None);
        }
        let done = Arc::new(AtomicBool::new(false));
        render.helper_done = Some(Arc::clone(&done));
        Some(Some(done))
    });
    match done {
        Some(Some(done)) => {
            rayon::spawn(move || help(&done, owner));
            true
        }
        Some(None) => true,
        None => false,
    }
}

/// The helper: runs the pool's work and spins until `done` or [`MAX_IDLE`] without work.
/// Taken up by the render's own thread (`owner`, waiting in a join), it returns at once:
/// spinning there would hold up the render below it on that thread's stack.
fn help(done: &AtomicBool, owner: usize) {
    if rayon::current_thread_index() == Some(owner) {
        return;
    }
    let mut last_work = Instant::now();
    while !done.load(Ordering::Acquire) {
        match rayon::yield_now() {
            Some(rayon::Yield::Executed) => last_work = Instant::now(),
            Some(rayon::Yield::Idle) => {
                if last_work.elapsed() > MAX_IDLE {
                    return;
                }
                idle_pause();
            }
            None => return,
        }
    }
}

/// One round of waiting without work, as rayon's own idle rounds before it parks: a
/// `sched_yield`, which returns at once on a free core and lets another process run on a
/// busy one.
fn idle_pause() {
    std::hint::spin_loop();
    std::thread::yield_now();
}

/// Sets its flag when dropped (also when the closure it guards unwinds).
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

/// `rayon::join(a, b)`; during a render whose helper runs, the side that waits for the
/// other spins (running the pool's work) instead of parking, at most [`MAX_IDLE`] without
/// work. Panics propagate as `rayon::join`'s do.
pub(crate) fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if !helper_started() {
        return rayon::join(a, b);
    }
    let b_done = AtomicBool::new(false);
    rayon::join(
        || {
            let ra = a();
            // `b`, if still in this thread's deque, is the first job `yield_now` finds.
            let mut last_work = Instant::now();
            while !b_done.load(Ordering::Acquire) {
                match rayon::yield_now() {
                    Some(rayon::Yield::Executed) => last_work = Instant::now(),
                    _ => {
                        if last_work.elapsed() > MAX_IDLE {
                            // Left to rayon's own (parking) wait.
                            break;
                        }
                        idle_pause();
                    }
                }
            }
            ra
        },
        || {
            let _set = SetOnDrop(&b_done);
            b()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inside and outside a render, with and without the helper, `join` returns both
    /// results, nested joins included.
    #[test]
    fn join_returns_both_sides() {
        fn sum(v: &[u64]) -> u64 {
            if v.len() < 64 {
                return v.iter().sum();
            }
            let (l, r) = v.split_at(v.len() / 2);
            let (a, b) = join(|| sum(l), || sum(r));
            a + b
        }
        let v: Vec<u64> = (0..10_000).collect();
        let want: u64 = v.iter().sum();
        assert_eq!(sum(&v), want);
        let got = rayon::scope(|_| {
            during_render(|| {
                let two = rayon::current_num_threads() >= 2;
                assert_eq!(keep_helper_awake(), two);
                assert_eq!(keep_helper_awake(), two);
                sum(&v)
            })
        });
        assert_eq!(got, want);
        assert!(!helper_started());
    }

    /// A panic on either side reaches the caller, and the render's state is restored.
    #[test]
    fn join_propagates_panics() {
        for side in 0..2 {
            let r = std::panic::catch_unwind(|| {
                rayon::scope(|_| {
                    during_render(|| {
                        keep_helper_awake();
                        join(|| assert!(side != 0, "a"), || assert!(side != 1, "b"))
                    })
                })
            });
            assert!(r.is_err());
        }
    }
}
