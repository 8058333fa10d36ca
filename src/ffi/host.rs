//! What a host hands gdtls along with its callbacks.

use std::ffi::c_void;

/// Releases a host's `user_data` once nothing can call back with it.
#[allow(non_camel_case_types)]
pub type gdtls_release_fn = Option<unsafe extern "C" fn(user_data: *mut c_void)>;

/// A host's `user_data`, passed back to its callbacks, and the function
/// that releases it, called once when this is dropped.
pub(crate) struct HostData {
    ptr: *mut c_void,
    release: gdtls_release_fn,
}

// SAFETY: each callback contract makes the host responsible for `user_data`
// being usable from whichever thread calls into gdtls.
unsafe impl Send for HostData {}
// SAFETY: as above.
unsafe impl Sync for HostData {}

impl HostData {
    pub(crate) fn new(ptr: *mut c_void, release: gdtls_release_fn) -> Self {
        HostData { ptr, release }
    }

    pub(crate) fn ptr(&self) -> *mut c_void {
        self.ptr
    }
}

impl Drop for HostData {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: called once, as the contracts say; nothing uses the
            // pointer afterwards.
            unsafe { release(self.ptr) }
        }
    }
}
