//! Handles: the opaque pointers C holds, checked before every use.
//!
//! A handle is not an address. It is a number drawn from a counter that never
//! repeats, registered with the object it stands for and the class it was
//! made for. Looking a handle up therefore tells a live object from a freed
//! one, a double free, a handle of another class or a made-up pointer, and
//! none of them is ever dereferenced. Each handle is one reference held by
//! C; the object itself lives as long as any handle or any other object
//! (a DTLS peer holding its UDP peer, say) still holds it.

use std::any::Any;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, RwLock};

use crate::error::{Error, Failure, Result};

/// A C-visible opaque type standing for one core class.
pub(crate) trait Handle {
    /// The core object behind the handle.
    type Core: Send + Sync + 'static;
    /// The C type name, for messages.
    const NAME: &'static str;
}

/// Ties an opaque C struct to its core class. The struct itself is written
/// out where the macro is used, since cbindgen does not expand macros.
macro_rules! impl_handle {
    ($name:ident => $core:ty) => {
        impl $crate::ffi::handle::Handle for $name {
            type Core = $core;
            const NAME: &'static str = stringify!($name);
        }
    };
}
pub(crate) use impl_handle;

struct Entry {
    object: Arc<dyn Any + Send + Sync>,
    class: &'static str,
}

/// Handles are unique counters, so hashing them needs no mixing beyond
/// spreading the low bits the alignment shift leaves empty.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> SHIFT).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Table = HashMap<usize, Entry, BuildHasherDefault<IdHasher>>;

static LIVE: LazyLock<RwLock<Table>> = LazyLock::new(Default::default);

/// Handles look like aligned pointers to tools that inspect them.
const SHIFT: u32 = 4;
static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

fn table() -> std::sync::RwLockReadGuard<'static, Table> {
    LIVE.read().unwrap_or_else(|p| p.into_inner())
}

fn table_mut() -> std::sync::RwLockWriteGuard<'static, Table> {
    LIVE.write().unwrap_or_else(|p| p.into_inner())
}

/// Registers `object` and returns a new handle to it, owned by the caller.
pub(crate) fn new_handle<H: Handle>(object: Arc<H::Core>) -> *mut H {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed) << SHIFT;
    table_mut().insert(
        id,
        Entry {
            object,
            class: H::NAME,
        },
    );
    std::ptr::without_provenance_mut(id)
}

fn lookup<H: Handle>(handle: *const H, arg: &str) -> Result<Arc<H::Core>> {
    let id = handle as usize;
    let table = table();
    let entry = table.get(&id).ok_or_else(|| {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!(
                "{arg} ({id:#x}) is not a live {}: freed already, or never made by gdtls",
                H::NAME
            ),
        )
    })?;
    Arc::clone(&entry.object)
        .downcast::<H::Core>()
        .map_err(|_| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("{arg} is a {}, not a {}", entry.class, H::NAME),
            )
        })
}

/// The object behind a handle argument that must not be NULL.
pub(crate) fn get<H: Handle>(handle: *const H, arg: &str) -> Result<Arc<H::Core>> {
    if handle.is_null() {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("{arg} is NULL"),
        ));
    }
    lookup(handle, arg)
}

/// The object behind an optional handle argument: NULL is `None`.
pub(crate) fn get_opt<H: Handle>(handle: *const H, arg: &str) -> Result<Option<Arc<H::Core>>> {
    if handle.is_null() {
        return Ok(None);
    }
    lookup(handle, arg).map(Some)
}

/// Drops the caller's reference. NULL is accepted and does nothing, like
/// `free(NULL)`; a handle that is not live, or is of another class, is an
/// error and nothing is released.
pub(crate) fn release<H: Handle>(handle: *const H) -> Result<()> {
    if handle.is_null() {
        return Ok(());
    }
    let id = handle as usize;
    let removed = {
        let mut table = table_mut();
        match table.get(&id) {
            Some(entry) if entry.class == H::NAME => {
                let removed = table.remove(&id);
                // A host that frees every handle leaves no allocation
                // behind: the map's storage, which a memory checker reports
                // as "possibly lost" at exit (its pointer points inside the
                // block), goes with the last entry.
                if table.is_empty() {
                    *table = Table::default();
                }
                removed
            }
            Some(entry) => {
                return Err(Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    format!("handle {id:#x} is a {}, not a {}", entry.class, H::NAME),
                ))
            }
            None => None,
        }
    };
    // The object's own destructor runs here, outside the table lock, since
    // it may release handles or objects of its own.
    match removed {
        Some(entry) => {
            drop(entry);
            Ok(())
        }
        None => Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!(
                "{id:#x} is not a live {}: freed twice, or never made by gdtls",
                H::NAME
            ),
        )),
    }
}

/// How many handles are live, across all classes (for leak checks in tests).
pub(crate) fn live_count() -> usize {
    table().len()
}
