//! The piecewise calls of mbedTLS's AEAD modules (`mbedtls_chachapoly_starts`,
//! `_update_aad`, `_update`, `_finish`; `mbedtls_gcm_starts`, `_update`,
//! `_finish`), on AWS-LC's one-shot AEAD.
//!
//! mbedTLS's TLS never makes them (its records take the one-shot calls),
//! but its cipher layer offers them to any caller, so they work as
//! mbedTLS's own do. AWS-LC has no piecewise AEAD, so the message keeps
//! what it has seen: the ciphertext of an `update` is its input XOR the
//! keystream, which is what sealing zeros at the same nonce gives (both
//! ciphers encrypt in counter mode, whatever the additional data), and
//! the tag at `finish` is the tag of sealing the whole plaintext. Each
//! update seals the message so far again, which costs the square of the
//! number of pieces: fine for an interface kept for completeness.

use zeroize::Zeroizing;

use crate::aead::{Key, TAG_LEN};

pub struct Message {
    nonce: Vec<u8>,
    decrypting: bool,
    /// Whether an update came, after which no additional data may.
    begun: bool,
    aad: Zeroizing<Vec<u8>>,
    plaintext: Zeroizing<Vec<u8>>,
}

impl Message {
    pub fn new(nonce: &[u8], decrypting: bool) -> Self {
        Message {
            nonce: nonce.to_vec(),
            decrypting,
            begun: false,
            aad: Zeroizing::new(Vec::new()),
            plaintext: Zeroizing::new(Vec::new()),
        }
    }

    /// Adds additional data; `false` once the text has begun, as the
    /// additional data comes first in the MAC.
    pub fn add_aad(&mut self, aad: &[u8]) -> bool {
        if self.begun {
            return false;
        }
        self.aad.extend_from_slice(aad);
        true
    }

    /// Encrypts or decrypts `data` in place, as the next piece of the text;
    /// `false` if AWS-LC refuses the nonce (nothing is changed then).
    pub fn crypt(&mut self, key: Key, data: &mut [u8]) -> bool {
        let start = self.plaintext.len();
        let mut keystream = Zeroizing::new(vec![0; start + data.len()]);
        if !key.seal(&self.nonce, &[], &mut keystream, &mut [0; TAG_LEN]) {
            return false;
        }
        self.begun = true;
        if !self.decrypting {
            self.plaintext.extend_from_slice(data);
        }
        for (byte, key_byte) in data.iter_mut().zip(&keystream[start..]) {
            *byte ^= key_byte;
        }
        if self.decrypting {
            self.plaintext.extend_from_slice(data);
        }
        true
    }

    /// Writes the tag of the whole message to `tag` (its length is the
    /// tag's): the tag of the ciphertext, which sealing the plaintext again
    /// reproduces. `false` if AWS-LC refuses.
    pub fn tag(&self, key: Key, tag: &mut [u8]) -> bool {
        let mut ciphertext = self.plaintext.clone();
        key.seal(&self.nonce, &self.aad, &mut ciphertext, tag)
    }
}

/// A context's piecewise operation: the `void *message` of the C headers,
/// NULL outside one (all zeros, as `init` leaves it, is none).
#[repr(transparent)]
pub struct Slot(*mut Message);

impl Slot {
    /// Starts `message`, ending the one under way if any.
    pub fn start(&mut self, message: Message) {
        self.end();
        self.0 = Box::into_raw(Box::new(message));
    }

    /// Ends the operation under way, if any.
    pub fn end(&mut self) {
        if !self.0.is_null() {
            // SAFETY: a non-NULL pointer is always a `Box` leaked by
            // `start`, and is cleared as it is taken back.
            drop(unsafe { Box::from_raw(self.0) });
            self.0 = std::ptr::null_mut();
        }
    }

    pub fn get(&mut self) -> Option<&mut Message> {
        // SAFETY: as in `end`; the borrow of `self` keeps it alive.
        unsafe { self.0.as_mut() }
    }
}
