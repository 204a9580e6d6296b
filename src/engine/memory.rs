//! A ceiling on the memory one template render may ask for at once.
//!
//! Tera offers no hook into its expressions, so a template such as
//! `{% for i in range(end=64) %}{% set_global s = s ~ s %}{% endfor %}`
//! doubles a string until the allocator fails, and Rust then aborts the
//! process with a backtrace. No document needs a single block anywhere
//! near [`MAX_BLOCK`], so this module's allocator (the process's global
//! allocator, a thin layer over the system's) watches the size of each
//! request made while a render is under way on the current thread: past
//! the ceiling it names the template on stderr and ends the process with
//! exit code 1, before the request reaches the system.
//!
//! The allocator cannot return an error to the render (a failed allocation
//! always aborts), so ending the process is the only clean way out. It is
//! safe for the user's files: every file hirekit writes is written to a
//! temporary and renamed, and `batch` trial-renders its first row before
//! it writes anything.
//!
//! This is the crate's only `unsafe` code: implementing [`GlobalAlloc`]
//! is unsafe by definition. Every call is passed to [`System`] unchanged.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;

/// The largest single block a render may ask for: the output itself is
/// capped at 32 MiB, and no document's values come near this.
pub(crate) const MAX_BLOCK: usize = 256 << 20;

/// How much of a template's name is kept for the message.
const NAME_BYTES: usize = 120;

thread_local! {
    /// The template being rendered on this thread (its name, cut to
    /// [`NAME_BYTES`]), or length 0 when none is.
    static RENDERING: Cell<([u8; NAME_BYTES], usize)> = const { Cell::new(([0; NAME_BYTES], 0)) };
}

/// Marks the current thread as rendering `name` until dropped.
pub(crate) struct Rendering(());

impl Rendering {
    pub(crate) fn enter(name: &str) -> Rendering {
        let mut buf = [0; NAME_BYTES];
        let mut len = name.len().min(NAME_BYTES);
        while !name.is_char_boundary(len) {
            len -= 1;
        }
        buf[..len].copy_from_slice(&name.as_bytes()[..len]);
        // An empty name still marks a render.
        let len = len.max(1);
        let _ = RENDERING.try_with(|r| r.set((buf, len)));
        Rendering(())
    }
}

impl Drop for Rendering {
    fn drop(&mut self) {
        let _ = RENDERING.try_with(|r| r.set(([0; NAME_BYTES], 0)));
    }
}

/// The process's allocator: [`System`], with the ceiling above.
pub(crate) struct Allocator;

// SAFETY: every method hands its arguments to `System` unchanged; the
// check before it only reads a thread-local and may end the process.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_BLOCK {
            refuse_in_render();
        }
        // SAFETY: the caller's contract for `alloc` is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() > MAX_BLOCK {
            refuse_in_render();
        }
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through this allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > MAX_BLOCK {
            refuse_in_render();
        }
        // SAFETY: `ptr` came from `System` through this allocator, and the
        // caller's contract for `realloc` is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Ends the process if a render is under way on this thread; returns
/// otherwise. Allocates nothing on the way out.
fn refuse_in_render() {
    let Ok((name, len)) = RENDERING.try_with(Cell::get) else {
        return;
    };
    if len == 0 {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(b"error: rendering the template `");
    let _ = err.write_all(name.get(..len).unwrap_or_default());
    // MAX_BLOCK, spelled out: formatting it would allocate.
    let _ = err.write_all(
        b"` asked for more memory at one time than the 256 MiB any document may use; \
          a value that grows in a loop, such as `{% set_global s = s ~ s %}`, doubles \
          each time round and would exhaust the machine, so hirekit stopped \
          (no file was left half-written)\n",
    );
    let _ = err.flush();
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_states_the_ceiling() {
        assert_eq!(MAX_BLOCK >> 20, 256);
    }

    #[test]
    fn a_large_block_outside_a_render_is_allowed() {
        // No render is marked on this thread, so the request goes through.
        let v: Vec<u8> = Vec::with_capacity(MAX_BLOCK + 1);
        assert!(v.capacity() > MAX_BLOCK);
    }

    #[test]
    fn the_mark_is_cleared_when_the_render_ends() {
        {
            let _r = Rendering::enter("grow.md");
            assert_eq!(RENDERING.with(Cell::get).1, 7);
        }
        assert_eq!(RENDERING.with(Cell::get).1, 0);
    }
}
