//! `DTLSServer` for C.

use std::sync::Arc;

use super::crypto_key::gdtls_crypto_key;
use super::ffi_guard;
use super::handle::{self, impl_handle};
use super::packet_peer_dtls::gdtls_packet_peer_dtls;
use super::packet_peer_udp::gdtls_packet_peer_udp;
use super::tls_options::gdtls_tls_options;
use super::x509_certificate::gdtls_x509_certificate;
use crate::dtls::DtlsServer;
use crate::error::Error;

/// Godot's `DTLSServer`: turns connected UDP peers (from a
/// `gdtls_udp_server`) into DTLS connections, with cookies against
/// spoofed addresses.
#[allow(non_camel_case_types)]
pub struct gdtls_dtls_server {
    _private: [u8; 0],
}
impl_handle!(gdtls_dtls_server => DtlsServer);

/// Creates a server that is not set up. The caller owns the handle and
/// releases it with `gdtls_dtls_server_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_new() -> *mut gdtls_dtls_server {
    ffi_guard!(Ok(handle::new_handle(Arc::new(DtlsServer::new()))))
}

/// Releases the caller's reference to `server`; connections it made keep
/// working. NULL does nothing and returns `GDTLS_OK`; a handle that is not a
/// live DTLS server returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_free(server: *mut gdtls_dtls_server) -> Error {
    ffi_guard!(handle::release(server).map(|()| Error::OK))
}

/// Sets the server up with `options` from `gdtls_tls_options_server` (key
/// and certificate chain to present). Their content is read now. A new
/// setup replaces the previous one; connections already made keep theirs.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for client options or a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_setup(
    server: *mut gdtls_dtls_server,
    options: *mut gdtls_tls_options,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let options = handle::get(options, "options")?;
        server.setup(&options).map(|()| Error::OK)
    })
}

/// Godot 3.2's `setup(key, certificate, chain)`: presents `certificate`
/// (then `chain`'s certificates, if `chain` is not NULL) with `key`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, an
/// empty or public-only key, an empty certificate, or a key that does not
/// match the certificate.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_setup_godot3(
    server: *mut gdtls_dtls_server,
    key: *mut gdtls_crypto_key,
    certificate: *mut gdtls_x509_certificate,
    chain: *mut gdtls_x509_certificate,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let key = handle::get(key, "key")?;
        let certificate = handle::get(certificate, "certificate")?;
        let chain = handle::get_opt(chain, "chain")?;
        server
            .setup_godot3(key, certificate, chain.as_deref())
            .map(|()| Error::OK)
    })
}

/// Answers what the connected UDP peer `udp` (usually from
/// `gdtls_udp_server_take_connection`) has sent, and returns a new DTLS peer
/// the caller owns. As in Godot, check its status:
/// `GDTLS_STATUS_HANDSHAKING` for a client whose cookie verified (keep it
/// and poll it); `GDTLS_STATUS_ERROR` for a first ClientHello, answered with
/// a cookie request — "it is normal that 50% of the connections fail": free
/// it, and the client's retry arrives as a new UDP connection; and
/// `GDTLS_STATUS_DISCONNECTED` when the server is not set up or `udp` is not
/// connected. gdtls keeps nothing for a client before its cookie verifies.
///
/// Returns NULL only for a bad handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_take_connection(
    server: *mut gdtls_dtls_server,
    udp: *mut gdtls_packet_peer_udp,
) -> *mut gdtls_packet_peer_dtls {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let udp = handle::get(udp, "udp")?;
        Ok(handle::new_handle(Arc::new(server.take_connection(udp))))
    })
}
