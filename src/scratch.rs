//! Per-thread scratch buffers, so that no peer carries a buffer of the
//! largest datagram or record of its own.

use std::cell::RefCell;
use std::thread::LocalKey;

pub(crate) type Scratch = RefCell<Box<[u8]>>;

/// A buffer of `len` bytes for a `thread_local!`.
pub(crate) fn new(len: usize) -> Scratch {
    RefCell::new(vec![0; len].into_boxed_slice())
}

/// Runs `f` with this thread's buffer `key`, of `len` bytes. A host's
/// transport may call into gdtls for another peer from inside a read that
/// holds the buffer; that nested call gets a buffer of its own.
pub(crate) fn with<R>(
    key: &'static LocalKey<Scratch>,
    len: usize,
    f: impl FnOnce(&mut [u8]) -> R,
) -> R {
    key.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => f(&mut buf),
        Err(_) => f(&mut vec![0; len]),
    })
}
