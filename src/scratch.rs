//! Per-thread scratch buffers, so that no peer carries a buffer of the
//! largest datagram or record of its own.

use std::cell::RefCell;
use std::thread::LocalKey;

/// A buffer for a `thread_local!`. Its length is kept beside it: a lent
/// buffer cannot be asked.
pub(crate) struct Scratch {
    len: usize,
    buf: RefCell<Box<[u8]>>,
}

impl Scratch {
    pub(crate) fn new(len: usize) -> Self {
        Scratch {
            len,
            buf: RefCell::new(vec![0; len].into_boxed_slice()),
        }
    }
}

/// Runs `f` with this thread's buffer `key`. A host's transport may call
/// into gdtls for another peer from inside a read that holds the buffer;
/// that nested call gets a buffer of its own, of the same size.
pub(crate) fn with<R>(key: &'static LocalKey<Scratch>, f: impl FnOnce(&mut [u8]) -> R) -> R {
    key.with(|scratch| match scratch.buf.try_borrow_mut() {
        Ok(mut buf) => f(&mut buf),
        Err(_) => f(&mut vec![0; scratch.len]),
    })
}
