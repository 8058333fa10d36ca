//! The piecewise calls (`mbedtls_chachapoly_starts`, `_update_aad`,
//! `_update`, `_finish`), on AWS-LC's one-shot AEAD.
//!
//! mbedTLS's TLS never makes them (its records take the one-shot calls),
//! but its cipher layer offers them to any caller, so they work as
//! mbedTLS's own do. `aws-lc-rs` has no piecewise ChaCha20-Poly1305, so the
//! message keeps what it has seen: the ciphertext of an `update` is its
//! input XOR the keystream, which is what sealing zeros at the same nonce
//! gives, and the tag at `finish` is the tag of sealing the whole
//! plaintext. Each update seals the message so far again, which costs
//! the square of the number of pieces: fine for an interface kept for
//! completeness.

use aws_lc_rs::aead::LessSafeKey;
use zeroize::Zeroizing;

use crate::seal;

pub struct Message {
    nonce: [u8; 12],
    decrypting: bool,
    /// Whether an update came, after which no additional data may.
    begun: bool,
    aad: Zeroizing<Vec<u8>>,
    plaintext: Zeroizing<Vec<u8>>,
}

impl Message {
    pub fn new(nonce: [u8; 12], decrypting: bool) -> Self {
        Message {
            nonce,
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

    /// Encrypts or decrypts `data` in place, as the next piece of the text.
    pub fn crypt(&mut self, key: &LessSafeKey, data: &mut [u8]) {
        self.begun = true;
        let start = self.plaintext.len();
        let mut keystream = Zeroizing::new(vec![0; start + data.len()]);
        seal(key, &self.nonce, &[], &mut keystream);
        if !self.decrypting {
            self.plaintext.extend_from_slice(data);
        }
        for (byte, key_byte) in data.iter_mut().zip(&keystream[start..]) {
            *byte ^= key_byte;
        }
        if self.decrypting {
            self.plaintext.extend_from_slice(data);
        }
    }

    /// The tag of the whole message: the tag of the ciphertext, which
    /// sealing the plaintext again reproduces.
    pub fn tag(&self, key: &LessSafeKey) -> [u8; 16] {
        let mut ciphertext = self.plaintext.clone();
        seal(key, &self.nonce, &self.aad, &mut ciphertext)
    }
}
