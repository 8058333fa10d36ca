//! AWS-LC's AEADs (ChaCha20-Poly1305, AES-GCM) on a context that lives on
//! the stack for one call: a record's key is set up where it is used, so
//! mbedTLS's cipher contexts keep only the raw key (a prepared AES-GCM key
//! is 584 bytes, four per connected pair) and no call allocates.
//!
//! AWS-LC's AES-GCM takes nonces of any length and truncated tags, as
//! mbedTLS's GCM module does; its ChaCha20-Poly1305 takes 12-byte nonces.

use std::mem::MaybeUninit;

use aws_lc_sys::{
    ERR_clear_error, EVP_AEAD_CTX_cleanup, EVP_AEAD_CTX_init, EVP_AEAD_CTX_open_gather,
    EVP_AEAD_CTX_seal_scatter, EVP_aead_aes_128_gcm, EVP_aead_aes_192_gcm, EVP_aead_aes_256_gcm,
    EVP_aead_chacha20_poly1305, OPENSSL_cleanse, EVP_AEAD, EVP_AEAD_CTX,
};
use zeroize::Zeroize;

/// The longest tag either AEAD makes.
pub const TAG_LEN: usize = 16;

/// An algorithm and its key.
#[derive(Clone, Copy)]
pub struct Key<'a> {
    aead: Algorithm,
    key: &'a [u8],
}

#[derive(Clone, Copy)]
enum Algorithm {
    ChaCha20Poly1305,
    AesGcm,
}

impl<'a> Key<'a> {
    pub fn chacha20_poly1305(key: &'a [u8; 32]) -> Self {
        Key {
            aead: Algorithm::ChaCha20Poly1305,
            key,
        }
    }

    /// AES-GCM with a 16, 24 or 32-byte key.
    pub fn aes_gcm(key: &'a [u8]) -> Self {
        Key {
            aead: Algorithm::AesGcm,
            key,
        }
    }

    fn evp(&self) -> Option<*const EVP_AEAD> {
        // SAFETY: these return pointers to AWS-LC's static tables.
        unsafe {
            match (self.aead, self.key.len()) {
                (Algorithm::ChaCha20Poly1305, 32) => Some(EVP_aead_chacha20_poly1305()),
                (Algorithm::AesGcm, 16) => Some(EVP_aead_aes_128_gcm()),
                (Algorithm::AesGcm, 24) => Some(EVP_aead_aes_192_gcm()),
                (Algorithm::AesGcm, 32) => Some(EVP_aead_aes_256_gcm()),
                _ => None,
            }
        }
    }

    /// Runs `f` on a context set up with this key for tags of `tag_len`
    /// bytes; `false` when AWS-LC refuses the key or `f` fails. The
    /// context's key schedule is wiped after.
    fn with_context(&self, tag_len: usize, f: impl FnOnce(*const EVP_AEAD_CTX) -> bool) -> bool {
        let Some(aead) = self.evp() else {
            return false;
        };
        let mut ctx = MaybeUninit::<EVP_AEAD_CTX>::uninit();
        // SAFETY: `ctx` is room for a context, `key` a live slice of the
        // length passed; AWS-LC takes no engine.
        let ready = unsafe {
            EVP_AEAD_CTX_init(
                ctx.as_mut_ptr(),
                aead,
                self.key.as_ptr(),
                self.key.len(),
                tag_len,
                std::ptr::null_mut(),
            )
        } == 1;
        let done = ready && f(ctx.as_ptr());
        if ready {
            // SAFETY: the context was set up above and is not used after.
            unsafe { EVP_AEAD_CTX_cleanup(ctx.as_mut_ptr()) };
        }
        // SAFETY: the context's bytes, set up or not, are ours to wipe.
        // AWS-LC's wipe is a memset the compiler keeps, where `zeroize`
        // writes byte by byte.
        unsafe { OPENSSL_cleanse(ctx.as_mut_ptr().cast(), std::mem::size_of::<EVP_AEAD_CTX>()) };
        if !done {
            // AWS-LC queued why on this thread; nobody reads it.
            // SAFETY: clears this thread's error queue, nothing else.
            unsafe { ERR_clear_error() };
        }
        done
    }

    /// Seals `data` in place and writes its tag to `tag` (its length is
    /// the tag's, 1 to 16 bytes); `false` if AWS-LC refuses the nonce or
    /// lengths (nothing is sealed then).
    pub fn seal(&self, nonce: &[u8], aad: &[u8], data: &mut [u8], tag: &mut [u8]) -> bool {
        self.with_context(tag.len(), |ctx| {
            let mut written = 0;
            // SAFETY: the context is set up; every pointer is a live slice
            // of the length passed, and `data` is both input and output,
            // which AWS-LC allows when they are the same buffer exactly.
            let sealed = unsafe {
                EVP_AEAD_CTX_seal_scatter(
                    ctx,
                    data.as_mut_ptr(),
                    tag.as_mut_ptr(),
                    &mut written,
                    tag.len(),
                    nonce.as_ptr(),
                    nonce.len(),
                    data.as_ptr(),
                    data.len(),
                    std::ptr::null(),
                    0,
                    aad.as_ptr(),
                    aad.len(),
                )
            };
            sealed == 1 && written == tag.len()
        })
    }

    /// Opens `data` in place if `tag` (1 to 16 bytes) is its tag; `false`
    /// otherwise, with `data` wiped.
    pub fn open(&self, nonce: &[u8], aad: &[u8], tag: &[u8], data: &mut [u8]) -> bool {
        let opened = self.with_context(tag.len(), |ctx| {
            // SAFETY: as in `seal`.
            let opened = unsafe {
                EVP_AEAD_CTX_open_gather(
                    ctx,
                    data.as_mut_ptr(),
                    nonce.as_ptr(),
                    nonce.len(),
                    data.as_ptr(),
                    data.len(),
                    tag.as_ptr(),
                    tag.len(),
                    aad.as_ptr(),
                    aad.len(),
                )
            };
            opened == 1
        });
        if !opened {
            // Nothing of a forged message is handed on, as in mbedTLS.
            data.zeroize();
        }
        opened
    }
}
