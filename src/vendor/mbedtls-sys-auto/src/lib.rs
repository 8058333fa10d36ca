/* Copyright (c) Fortanix, Inc.
 *
 * Licensed under the GNU General Public License, version 2 <LICENSE-GPL or
 * https://www.gnu.org/licenses/gpl-2.0.html> or the Apache License, Version
 * 2.0 <LICENSE-APACHE or http://www.apache.org/licenses/LICENSE-2.0>, at your
 * option. This file may not be copied, modified, or distributed except
 * according to those terms. */

#![cfg_attr(not(feature = "std"), no_std)]
#[cfg(feature = "std")]
extern crate core;

#[macro_use]
extern crate cfg_if;

// gdtls: mbedTLS's ChaCha20-Poly1305, AES-GCM and SHA-256 block functions live in this crate, which
// links after the C library and so resolves its references to them.
extern crate gdtls_mbedtls_alt;

pub mod types;
include!(concat!(env!("OUT_DIR"), "/mod-bindings.rs"));

pub use bindings::*;

// gdtls: the context those functions use is the one bindgen read from the
// same header (tests/mbedtls_build.rs checks the C side).
const _: () = assert!(core::mem::size_of::<chachapoly_context>() == gdtls_mbedtls_alt::CHACHAPOLY_CONTEXT_SIZE);
const _: () = assert!(core::mem::size_of::<gcm_context>() == gdtls_mbedtls_alt::GCM_CONTEXT_SIZE);
const _: () = assert!(core::mem::size_of::<sha256_context>() == gdtls_mbedtls_alt::SHA256_CONTEXT_SIZE);
const _: () = assert!(core::mem::offset_of!(sha256_context, state) == gdtls_mbedtls_alt::SHA256_STATE_OFFSET);

/* This value is defined by a C function macro, something which is not supported by bindgen currently
   https://github.com/rust-lang-nursery/rust-bindgen/issues/231
*/
pub const ECDSA_MAX_LEN: u32 = 141;
