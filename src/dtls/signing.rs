//! A server's signatures, made without a lock that other threads wait on.
//!
//! Every connection of a server signs its ServerKeyExchange with the
//! server's one key. mbedTLS 2.28 locks an RSA key through each private-key
//! operation (the key holds its blinding values), so connections polled on
//! several threads would sign one at a time; and an EC key may not be used
//! by two threads at once (its first signature builds a table in the key).
//! A server therefore signs through mbedTLS's asynchronous private-key
//! hook, each signature with a copy of the key that no other thread uses
//! meanwhile: a copy is made when every one is busy, and kept for the next
//! signatures, so a server ends up with as many as threads ever signed at
//! the same moment.

use std::sync::{Arc, Mutex, MutexGuard};

use mbedtls::hash::Type as MdType;
use mbedtls::pk::Pk;
use mbedtls::rng::CtrDrbg;

use crate::crypto::{new_rng, KeyMaterial};
use crate::key_signer::KeySigner;
use crate::mbedtls_ext::Signer;

/// A copy of the key and a random generator of its own (RSA blinding and
/// ECDSA nonces), so that signing shares nothing with other threads.
struct KeyCopy {
    pk: Pk,
    rng: CtrDrbg,
}

/// The copies of one server key that no signature uses now; what AWS-LC
/// can sign (`KeySigner`) it signs instead, its one key serving every
/// thread.
pub(crate) struct KeyCopies {
    key: Arc<KeyMaterial>,
    idle: Mutex<Vec<KeyCopy>>,
    fast: Option<KeySigner>,
}

impl KeyCopies {
    pub(crate) fn new(key: Arc<KeyMaterial>) -> Arc<Self> {
        let fast = key
            .private_der()
            .and_then(|der| KeySigner::new(&key.pk, &der));
        Arc::new(KeyCopies {
            key,
            idle: Mutex::default(),
            fast,
        })
    }

    fn idle(&self) -> MutexGuard<'_, Vec<KeyCopy>> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn new_copy(&self) -> Option<KeyCopy> {
        Some(KeyCopy {
            pk: self.key.private_copy().ok()?,
            rng: new_rng().ok()?,
        })
    }
}

impl Signer for KeyCopies {
    fn sign(&self, md: MdType, hash: &[u8]) -> Option<Vec<u8>> {
        if let Some(signature) = self.fast.as_ref().and_then(|fast| fast.sign(md, hash)) {
            return Some(signature);
        }
        let spare = self.idle().pop();
        let mut copy = spare.or_else(|| self.new_copy())?;
        let mut signature = vec![0; mbedtls_sys::MPI_MAX_SIZE as usize];
        let signed = copy.pk.sign(md, hash, &mut signature, &mut copy.rng);
        self.idle().push(copy);
        signature.truncate(signed.ok()?);
        Some(signature)
    }
}
