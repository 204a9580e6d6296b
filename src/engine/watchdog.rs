//! A time limit on one template render.
//!
//! Tera cannot be interrupted, and a template's loops over its own lists
//! (`{% set xs = [1, 2, ..., 20] %}` nested eight deep) run for hours
//! without writing a byte or asking for memory, so neither the `range`
//! budget nor the output and memory ceilings stop them. Each thread that
//! renders has a slot saying since when it has been rendering which
//! template; one watchdog thread looks at the slots a few times a second
//! and, when a render has run past [`MAX_RENDER`], names the template on
//! stderr and ends the process with exit code 1. A render takes
//! milliseconds, so the limit is only ever reached by a runaway loop.
//! Ending the process leaves no file half-written: every file is written
//! to a temporary and renamed.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The longest one render may take.
pub(crate) const MAX_RENDER: Duration = Duration::from_secs(10);

/// How often the watchdog looks.
const TICK: Duration = Duration::from_millis(200);

/// One rendering thread's state.
#[derive(Default)]
struct Slot {
    /// Milliseconds since [`Watch::epoch`] plus one when the current
    /// render started; 0 while the thread is not rendering.
    started: AtomicU64,
    /// The template being rendered.
    name: Mutex<String>,
}

struct Watch {
    epoch: Instant,
    slots: Mutex<Vec<Arc<Slot>>>,
}

static WATCH: OnceLock<Watch> = OnceLock::new();

thread_local! {
    static SLOT: std::cell::OnceCell<Arc<Slot>> = const { std::cell::OnceCell::new() };
}

fn watch() -> &'static Watch {
    WATCH.get_or_init(|| {
        // Without the thread (the system refused one), renders go unwatched.
        let _ = std::thread::Builder::new()
            .name("hirekit-watchdog".into())
            .spawn(run);
        Watch {
            epoch: Instant::now(),
            slots: Mutex::default(),
        }
    })
}

fn millis(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Marks the current thread as rendering `name` until dropped.
pub(crate) struct Timed(Option<Arc<Slot>>);

impl Timed {
    pub(crate) fn start(name: &str) -> Timed {
        let watch = watch();
        let slot = SLOT
            .try_with(|cell| {
                cell.get_or_init(|| {
                    let slot = Arc::new(Slot::default());
                    if let Ok(mut slots) = watch.slots.lock() {
                        slots.push(Arc::clone(&slot));
                    }
                    slot
                })
                .clone()
            })
            .ok();
        if let Some(slot) = &slot {
            if let Ok(mut n) = slot.name.lock() {
                n.clear();
                n.push_str(name);
            }
            slot.started
                .store(millis(watch.epoch).saturating_add(1), Ordering::Release);
        }
        Timed(slot)
    }
}

impl Drop for Timed {
    fn drop(&mut self) {
        if let Some(slot) = &self.0 {
            slot.started.store(0, Ordering::Release);
        }
    }
}

/// The watchdog: ends the process when a render overruns.
fn run() {
    let limit = u64::try_from(MAX_RENDER.as_millis()).unwrap_or(u64::MAX);
    loop {
        std::thread::sleep(TICK);
        let Some(watch) = WATCH.get() else { continue };
        let now = millis(watch.epoch).saturating_add(1);
        let Ok(slots) = watch.slots.lock() else {
            return;
        };
        for slot in slots.iter() {
            let started = slot.started.load(Ordering::Acquire);
            if started != 0 && now.saturating_sub(started) > limit {
                let name = slot.name.lock().map(|n| n.clone()).unwrap_or_default();
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "error: rendering the template `{name}` took more than {} seconds (a document takes milliseconds); a loop in it runs far too many times, so hirekit stopped (no file was left half-written)",
                    MAX_RENDER.as_secs()
                );
                std::process::exit(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_is_marked_while_it_runs_and_cleared_after() {
        let slot = {
            let timed = Timed::start("post.md");
            let slot = timed.0.clone().unwrap();
            assert_ne!(slot.started.load(Ordering::Acquire), 0);
            assert_eq!(*slot.name.lock().unwrap(), "post.md");
            slot
        };
        assert_eq!(slot.started.load(Ordering::Acquire), 0);
        // The thread keeps its one slot.
        let again = Timed::start("brief.md");
        assert!(Arc::ptr_eq(again.0.as_ref().unwrap(), &slot));
    }
}
