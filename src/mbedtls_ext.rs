//! The few mbedTLS calls the `mbedtls` crate does not wrap.
//!
//! This is the only module of the core with `unsafe`: each function hands a
//! context or configuration the crate owns to one mbedTLS function that
//! reads or sets plain fields (or copies a buffer into one), and nothing is
//! kept past the call; and the callbacks mbedTLS calls back into, among
//! them the signatures `speed_up_keys` routes to `ecdsa_p256` and
//! `rsa_pkcs1`.

use mbedtls::ssl::{Config, Context};

/// mbedTLS's handshake state for "answering the ClientHello".
const STATE_SERVER_HELLO: i32 = mbedtls_sys::SSL_SERVER_HELLO as i32;
/// A server's state once it has sent a HelloVerifyRequest.
const STATE_HELLO_VERIFY_REQUEST_SENT: i32 =
    mbedtls_sys::SSL_SERVER_HELLO_VERIFY_REQUEST_SENT as i32;

/// Caps the datagrams the context writes (handshake flights are fragmented
/// to fit) and so the largest application record.
pub(crate) fn set_mtu<T>(ctx: &mut Context<T>, mtu: u16) {
    // SAFETY: `ctx` converts to a valid, live mbedtls_ssl_context pointer
    // for the duration of the call; ssl_set_mtu only stores the value.
    unsafe { mbedtls_sys::ssl_set_mtu(ctx.into(), mtu) }
}

/// The largest application payload one record (one datagram) can carry with
/// the context's MTU and, once negotiated, cipher.
pub(crate) fn max_out_payload<T>(ctx: &Context<T>) -> Option<usize> {
    // SAFETY: as above; the call only reads the context.
    let n = unsafe { mbedtls_sys::ssl_get_max_out_record_payload(ctx.into()) };
    usize::try_from(n).ok()
}

/// Sets the client id a server context checks DTLS cookies against;
/// false when mbedTLS cannot (out of memory).
pub(crate) fn set_client_transport_id<T>(ctx: &mut Context<T>, id: &[u8]) -> bool {
    // SAFETY: as above; the call copies `id`, which is valid for its length.
    unsafe { mbedtls_sys::ssl_set_client_transport_id(ctx.into(), id.as_ptr(), id.len()) == 0 }
}

/// Runs a server context's handshake one step at a time through the
/// ClientHello to the answer it decides on: a HelloVerifyRequest, sent at
/// once (no cookie, or a wrong one), or a ServerHello, queued as the start
/// of the server's flight, whose next step (certificate, key exchange,
/// signature) is left to the next `handshake`. True when the ClientHello
/// was accepted.
pub(crate) fn answer_client_hello<T>(ctx: &mut Context<T>) -> bool {
    loop {
        let raw: *mut mbedtls_sys::ssl_context = ctx.into();
        // SAFETY: `raw` points to the live context `ctx` borrows; `state` is
        // a plain int field of it.
        let state = unsafe { (*raw).state };
        if state > STATE_SERVER_HELLO {
            return state != STATE_HELLO_VERIFY_REQUEST_SENT;
        }
        // SAFETY: as above; one handshake step, through the transport the
        // context owns.
        if unsafe { mbedtls_sys::ssl_handshake_step(raw) } != 0 {
            return false;
        }
    }
}

/// Whether mbedTLS holds input it has not handed out yet: the rest of a
/// datagram, a record or application data from an earlier read.
pub(crate) fn has_buffered_input<T>(ctx: &Context<T>) -> bool {
    let raw: *const mbedtls_sys::ssl_context = ctx.into();
    // SAFETY: `raw` points to the live context `ctx` borrows, which the
    // call only reads.
    unsafe { mbedtls_sys::ssl_check_pending(raw) != 0 }
}

/// mbedTLS's default hashes for TLS 1.2 signatures, with SHA-256 first
/// rather than SHA-512: a peer signs with the first it supports, and
/// SHA-256 is the hash AWS-LC signs P-256 with (`key_signer.rs`), so two
/// gdtls ends sign and check on AWS-LC. Same hashes, same refusals.
static SIGNATURE_HASHES: [std::ffi::c_int; 6] = [
    mbedtls_sys::MD_SHA256 as std::ffi::c_int,
    mbedtls_sys::MD_SHA384 as std::ffi::c_int,
    mbedtls_sys::MD_SHA512 as std::ffi::c_int,
    mbedtls_sys::MD_SHA224 as std::ffi::c_int,
    mbedtls_sys::MD_SHA1 as std::ffi::c_int,
    mbedtls_sys::MD_NONE as std::ffi::c_int,
];

/// Offers and accepts `SIGNATURE_HASHES` in that order.
pub(crate) fn prefer_sha256_signatures(config: &mut Config) {
    // SAFETY: the configuration is live for the call, which keeps the
    // pointer: the list is static and ends with MD_NONE, as mbedTLS needs.
    unsafe { mbedtls_sys::ssl_conf_sig_hashes(config.into(), SIGNATURE_HASHES.as_ptr()) }
}

/// Sets the first and the largest retransmission interval of a handshake,
/// in milliseconds: the interval doubles from `min` after each unanswered
/// flight, and the handshake fails once an interval of `max` has passed.
pub(crate) fn set_handshake_timeout(config: &mut Config, min_ms: u32, max_ms: u32) {
    // SAFETY: `config` converts to a valid, live mbedtls_ssl_config pointer
    // for the duration of the call; the call only stores the two values.
    unsafe { mbedtls_sys::ssl_conf_handshake_timeout(config.into(), min_ms, max_ms) }
}

/// mbedTLS's own words for an error code ("SSL - The operation timed out").
pub(crate) fn error_text(code: i32) -> String {
    let mut buf = [0u8; 200];
    // SAFETY: `buf` is writable for its whole length, which is what the call
    // is told; strerror always NUL-terminates within it.
    unsafe { mbedtls_sys::strerror(code, buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// What a handshake's retransmission timer knows, shared between the
/// context that owns the timer and the peer that reports on it.
#[derive(Default)]
pub(crate) struct TimerState {
    inner: std::sync::Mutex<TimerInner>,
}

#[derive(Default)]
struct TimerInner {
    /// When the current timer was set, and its final delay (none: off).
    started: Option<std::time::Instant>,
    intermediate_ms: u32,
    final_ms: u32,
    /// The current timer's expiry was reported (mbedTLS retransmits then).
    reported: bool,
    expirations: u32,
}

impl TimerState {
    fn lock(&self) -> std::sync::MutexGuard<'_, TimerInner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How often a timer ran out: mbedTLS retransmits its last flight each
    /// time (or gives up on the last).
    pub(crate) fn expirations(&self) -> u32 {
        self.lock().expirations
    }

    /// The time left until the running timer expires; `None` when none
    /// runs (no handshake is under way).
    pub(crate) fn remaining(&self) -> Option<std::time::Duration> {
        let t = self.lock();
        let started = t.started.filter(|_| t.final_ms != 0)?;
        let limit = std::time::Duration::from_millis(t.final_ms.into());
        Some(limit.saturating_sub(started.elapsed()))
    }
}

/// The timer mbedTLS drives a DTLS handshake's retransmissions with: as
/// the `mbedtls` crate's, plus what `TimerState` reports.
pub(crate) struct RetransmissionTimer {
    state: std::sync::Arc<TimerState>,
}

impl mbedtls::ssl::context::TimerCallback for RetransmissionTimer {
    unsafe extern "C" fn set_timer(p_timer: *mut std::ffi::c_void, int_ms: u32, fin_ms: u32) {
        // SAFETY: mbedTLS hands back the pointer `data_ptr` gave it, to the
        // timer the context owns for as long as it runs.
        let timer = unsafe { &*(p_timer as *const RetransmissionTimer) };
        let mut t = timer.state.lock();
        // mbedTLS cancels the timer (a final delay of 0) on every read of
        // a connected peer: no clock for that.
        t.started = (fin_ms != 0).then(std::time::Instant::now);
        t.intermediate_ms = int_ms;
        t.final_ms = fin_ms;
        t.reported = false;
    }

    unsafe extern "C" fn get_timer(p_timer: *mut std::ffi::c_void) -> std::ffi::c_int {
        // SAFETY: as in `set_timer`.
        let timer = unsafe { &*(p_timer as *const RetransmissionTimer) };
        let mut t = timer.state.lock();
        let Some(started) = t.started.filter(|_| t.final_ms != 0) else {
            return -1;
        };
        let passed = started.elapsed().as_millis();
        if passed >= u128::from(t.final_ms) {
            if !t.reported {
                t.reported = true;
                t.expirations += 1;
            }
            2
        } else if passed >= u128::from(t.intermediate_ms) {
            1
        } else {
            0
        }
    }

    fn data_ptr(&mut self) -> *mut std::ffi::c_void {
        (self as *mut Self).cast()
    }
}

/// Gives `ctx` a fresh retransmission timer, and what it reports.
pub(crate) fn set_retransmission_timer<T>(ctx: &mut Context<T>) -> std::sync::Arc<TimerState> {
    let state = std::sync::Arc::new(TimerState::default());
    let timer = RetransmissionTimer {
        state: std::sync::Arc::clone(&state),
    };
    ctx.set_timer_callback(Box::new(timer));
    state
}

/// The id of the suite mbedTLS calls `name`, if it has one.
pub(crate) fn ciphersuite_id(name: &str) -> Option<i32> {
    let name = std::ffi::CString::new(name).ok()?;
    // SAFETY: `name` is a NUL-terminated string that outlives the call,
    // which only reads it.
    let id = unsafe { mbedtls_sys::ssl_get_ciphersuite_id(name.as_ptr()) };
    (id != 0).then_some(id)
}

/// The id of the curve mbedTLS calls `name`, if it has one.
pub(crate) fn curve_id(name: &str) -> Option<mbedtls_sys::ecp_group_id> {
    let name = std::ffi::CString::new(name).ok()?;
    // SAFETY: as above; the result is NULL or points to mbedTLS's static
    // table of curves.
    let info = unsafe { mbedtls_sys::ecp_curve_info_from_name(name.as_ptr()) };
    // SAFETY: a non-NULL result points into that static table.
    (!info.is_null()).then(|| unsafe { (*info).grp_id })
}

/// The DER of each revocation list of `crl`'s chain.
pub(crate) fn crl_ders(crl: &mbedtls::x509::Crl) -> Vec<Vec<u8>> {
    let mut ders = Vec::new();
    let mut next: *const mbedtls_sys::x509_crl = crl.into();
    // SAFETY: `crl` is a live, parsed chain the caller borrows for the
    // call: each element's `raw` buffer is `len` readable bytes, and its
    // `next` is NULL or the next element (an empty list has no raw bytes).
    while let Some(item) = unsafe { next.as_ref() } {
        if !item.raw.p.is_null() && item.raw.len > 0 {
            // SAFETY: as above, `raw` is `len` readable bytes.
            ders.push(unsafe { std::slice::from_raw_parts(item.raw.p, item.raw.len) }.to_vec());
        }
        next = item.next;
    }
    ders
}

/// mbedTLS's name of the negotiated suite ("TLS-ECDHE-RSA-WITH-..."),
/// empty before the handshake has chosen one.
pub(crate) fn ciphersuite_name<T>(ctx: &Context<T>) -> &'static str {
    // SAFETY: the context is live for the call; the result is NULL or one of
    // mbedTLS's static names.
    static_str(unsafe { mbedtls_sys::ssl_get_ciphersuite(ctx.into()) })
}

/// mbedTLS's name of the negotiated protocol version ("DTLSv1.2").
pub(crate) fn version_name<T>(ctx: &Context<T>) -> &'static str {
    // SAFETY: as above.
    static_str(unsafe { mbedtls_sys::ssl_get_version(ctx.into()) })
}

/// One of mbedTLS's static ASCII names; empty for NULL.
fn static_str(ptr: *const std::ffi::c_char) -> &'static str {
    if ptr.is_null() {
        return "";
    }
    // SAFETY: mbedTLS's names are NUL-terminated strings in static storage.
    unsafe { std::ffi::CStr::from_ptr(ptr) }
        .to_str()
        .unwrap_or("")
}

/// The fatal alerts gdtls sends itself, where mbedTLS would not.
#[derive(Clone, Copy)]
pub(crate) enum Alert {
    /// The handshake cannot go on (a required client certificate missing).
    HandshakeFailure = mbedtls_sys::SSL_ALERT_MSG_HANDSHAKE_FAILURE as isize,
    /// The peer's certificate is refused (it matches no pin).
    BadCertificate = mbedtls_sys::SSL_ALERT_MSG_BAD_CERT as isize,
}

/// Sends the peer a fatal `alert`, for a refusal mbedTLS did not announce.
pub(crate) fn send_fatal_alert<T>(ctx: &mut Context<T>, alert: Alert) {
    // SAFETY: the context is live for the call, which writes one alert
    // record through the context's transport.
    unsafe {
        mbedtls_sys::ssl_send_alert_message(
            ctx.into(),
            mbedtls_sys::SSL_ALERT_LEVEL_FATAL as u8,
            alert as u8,
        );
    }
}

/// What a context's verification of its peer's chain reports, certificate
/// by certificate: the DER, its depth (0: the peer's own) and mbedTLS's
/// flags for it.
pub(crate) trait VerifySink: Send + Sync {
    fn saw(&self, der: &[u8], depth: i32, flags: u32);
}

unsafe extern "C" fn verify_callback<S: VerifySink>(
    sink: *mut std::ffi::c_void,
    crt: *mut mbedtls_sys::x509_crt,
    depth: std::ffi::c_int,
    flags: *mut u32,
) -> std::ffi::c_int {
    if depth == 0 && !crt.is_null() {
        // The peer's own key signs the rest of the handshake (its
        // ServerKeyExchange or CertificateVerify), which the connection
        // checks next. The chain's signatures are checked by now.
        // SAFETY: mbedTLS hands the certificate mutably for the call, and
        // nothing else reads its key during it.
        unsafe { speed_up_context(&mut (*crt).pk) };
    }
    // SAFETY: `sink` is the pointer `set_verify` registered, kept alive by
    // the context's owner; mbedTLS hands a live certificate and its flags
    // for the duration of the call.
    let (sink, crt, flags) = unsafe { (&*(sink as *const S), &*crt, *flags) };
    let der = if crt.raw.p.is_null() {
        &[][..]
    } else {
        // SAFETY: a parsed certificate's `raw` is `len` readable bytes.
        unsafe { std::slice::from_raw_parts(crt.raw.p, crt.raw.len) }
    };
    // A panic is dropped here rather than unwind into C; the flags stand.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sink.saw(der, depth, flags)));
    0
}

/// Makes `ctx` report its verification of its peer to `sink`, which must
/// live as long as `ctx`.
pub(crate) fn set_verify<T, S: VerifySink>(ctx: &mut Context<T>, sink: &std::sync::Arc<S>) {
    let data = std::sync::Arc::as_ptr(sink) as *mut std::ffi::c_void;
    // SAFETY: the context is live for the call, which stores the callback
    // and `data`; the caller keeps `sink` alive as long as the context.
    unsafe { mbedtls_sys::ssl_set_verify(ctx.into(), Some(verify_callback::<S>), data) }
}

/// The key of a PSK identity, for a server's handshakes: kept alive by
/// whoever holds the configuration it was given to and every connection
/// made from it.
pub(crate) struct PskLookupHolder {
    lookup: std::sync::Arc<crate::tls_options::PskLookup>,
}

impl PskLookupHolder {
    pub(crate) fn new(
        lookup: std::sync::Arc<crate::tls_options::PskLookup>,
    ) -> std::sync::Arc<Self> {
        std::sync::Arc::new(PskLookupHolder { lookup })
    }
}

unsafe extern "C" fn psk_callback(
    holder: *mut std::ffi::c_void,
    ssl: *mut mbedtls_sys::ssl_context,
    identity: *const u8,
    identity_len: usize,
) -> std::ffi::c_int {
    // SAFETY: `holder` is the pointer `set_psk_lookup` registered, kept
    // alive by the configuration's owners; `identity` is readable for
    // `identity_len` bytes during the call, by mbedTLS's contract.
    let (holder, identity) = unsafe {
        (
            &*(holder as *const PskLookupHolder),
            std::slice::from_raw_parts(identity, identity_len),
        )
    };
    // A panicking lookup refuses the identity rather than unwind into C.
    let key = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (holder.lookup)(identity)))
        .ok()
        .flatten();
    match key {
        // SAFETY: `ssl` is the context mbedTLS is handshaking with; the
        // call copies the key.
        Some(key) if (1..=32).contains(&key.len()) => unsafe {
            mbedtls_sys::ssl_set_hs_psk(ssl, key.as_ptr(), key.len())
        },
        _ => mbedtls_sys::ERR_SSL_UNKNOWN_IDENTITY,
    }
}

/// Makes a server configuration find PSK keys through `holder`, which must
/// outlive `config` and every context made from it.
pub(crate) fn set_psk_lookup(config: &mut Config, holder: &std::sync::Arc<PskLookupHolder>) {
    let data = std::sync::Arc::as_ptr(holder) as *mut std::ffi::c_void;
    // SAFETY: `config` is live for the call; mbedTLS stores the callback and
    // `data`, which the caller keeps alive as long as the configuration.
    unsafe { mbedtls_sys::ssl_conf_psk_cb(config.into(), Some(psk_callback), data) }
}

/// Makes a server's signatures in mbedTLS's place (see
/// `set_async_signer`).
pub(crate) trait Signer: Send + Sync {
    /// The signature of `hash`, a digest made with `md`, by the server's
    /// key, as mbedtls_pk_sign writes it; `None` leaves the signature to
    /// mbedTLS and the configuration's own key.
    fn sign(&self, md: mbedtls::hash::Type, hash: &[u8]) -> Option<Vec<u8>>;
}

unsafe extern "C" fn sign_start<S: Signer>(
    ssl: *mut mbedtls_sys::ssl_context,
    _cert: *mut mbedtls_sys::x509_crt,
    md: mbedtls_sys::md_type_t,
    hash: *const u8,
    hash_len: usize,
) -> std::ffi::c_int {
    // SAFETY: mbedTLS hands the context it is handshaking with, whose
    // configuration holds the pointer `set_async_signer` registered, kept
    // alive by the configuration's owners; `hash` is readable for
    // `hash_len` bytes during the call, by mbedTLS's contract.
    let (signer, hash) = unsafe {
        let data = mbedtls_sys::ssl_conf_get_async_config_data((*ssl).conf);
        (
            &*(data as *const S),
            std::slice::from_raw_parts(hash, hash_len),
        )
    };
    // A panicking signer leaves the signature to mbedTLS rather than
    // unwind into C.
    let signed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        signer.sign(md.into(), hash)
    }));
    match signed.ok().flatten() {
        Some(signature) => {
            let data = Box::into_raw(Box::new(signature));
            // SAFETY: the context is live for the call, which stores `data`
            // for `sign_resume`: returning 0 makes mbedTLS call it at once.
            unsafe { mbedtls_sys::ssl_set_async_operation_data(ssl, data.cast()) };
            0
        }
        None => mbedtls_sys::ERR_SSL_HW_ACCEL_FALLTHROUGH,
    }
}

unsafe extern "C" fn sign_resume(
    ssl: *mut mbedtls_sys::ssl_context,
    output: *mut u8,
    output_len: *mut usize,
    output_size: usize,
) -> std::ffi::c_int {
    // SAFETY: the context is live for the call, which reads one field.
    let data = unsafe { mbedtls_sys::ssl_get_async_operation_data(ssl) };
    if data.is_null() {
        return mbedtls_sys::ERR_PK_BAD_INPUT_DATA;
    }
    // SAFETY: `data` is the box `sign_start` made for this signature; mbedTLS
    // forgets it once this returns, so it is taken back here, once.
    let signature = unsafe { Box::from_raw(data.cast::<Vec<u8>>()) };
    if signature.len() > output_size {
        return mbedtls_sys::ERR_PK_SIG_LEN_MISMATCH;
    }
    // SAFETY: `output` is writable for `output_size` bytes and `output_len`
    // is writable, by mbedTLS's contract; the signature fits.
    unsafe {
        std::ptr::copy_nonoverlapping(signature.as_ptr(), output, signature.len());
        *output_len = signature.len();
    }
    0
}

/// Makes a server configuration sign its ServerKeyExchange through
/// `signer`, which must outlive `config` and every context made from it.
/// mbedTLS still decrypts with the configuration's key (RSA key exchange,
/// which only a host naming such a suite turns on).
pub(crate) fn set_async_signer<S: Signer>(config: &mut Config, signer: &std::sync::Arc<S>) {
    let data = std::sync::Arc::as_ptr(signer) as *mut std::ffi::c_void;
    // SAFETY: `config` is live for the call; mbedTLS stores the callbacks
    // and `data`, which the caller keeps alive as long as the configuration.
    // With no cancel callback: `sign_start` never leaves a signature in
    // progress.
    unsafe {
        mbedtls_sys::ssl_conf_async_private_cb(
            config.into(),
            Some(sign_start::<S>),
            None,
            Some(sign_resume),
            None,
            data,
        );
    }
}

/// Sets how much of mbedTLS's debug output reaches the debug callbacks of
/// configurations: 0 none, 1 errors, 2 state changes, 3 informational, 4
/// verbose.
pub(crate) fn set_debug_threshold(level: i32) {
    // SAFETY: stores one global integer.
    unsafe { mbedtls_sys::debug_set_threshold(level) }
}

/// Makes a client configuration prove itself with `key` under `identity`
/// (bytes: the crate's own setter takes only UTF-8 identities).
pub(crate) fn set_psk(config: &mut Config, key: &[u8], identity: &[u8]) -> mbedtls::Result<()> {
    // SAFETY: `config` is live for the call, which copies both buffers,
    // each valid for its length.
    let code = unsafe {
        mbedtls_sys::ssl_conf_psk(
            config.into(),
            key.as_ptr(),
            key.len(),
            identity.as_ptr(),
            identity.len(),
        )
    };
    if code == 0 {
        Ok(())
    } else {
        Err(mbedtls::Error::from(code))
    }
}

/// A client's copy of an established session (its master secret, suite,
/// the server's certificate and ticket), to resume it on a later
/// connection to the same server.
pub(crate) struct SavedSession(Box<mbedtls_sys::ssl_session>);

// SAFETY: a saved session is plain data owned by this value: mbedTLS only
// reads it (copying it into a context) after it is made.
unsafe impl Send for SavedSession {}
// SAFETY: as above; nothing mutates it through a shared reference.
unsafe impl Sync for SavedSession {}

impl SavedSession {
    /// The session a client context established, if it has one.
    pub(crate) fn of<T>(ctx: &Context<T>) -> Option<Self> {
        // SAFETY: a zeroed ssl_session is what ssl_session_init makes; it is
        // initialised before any other use.
        let mut session = Box::new(unsafe { std::mem::zeroed::<mbedtls_sys::ssl_session>() });
        // SAFETY: `session` is a live, owned ssl_session; the context is
        // live for the call, which copies its session into `session`.
        let code = unsafe {
            mbedtls_sys::ssl_session_init(&mut *session);
            mbedtls_sys::ssl_get_session(ctx.into(), &mut *session)
        };
        let saved = SavedSession(session);
        (code == 0).then_some(saved)
    }
}

impl Drop for SavedSession {
    fn drop(&mut self) {
        // SAFETY: the session was initialised by `of`; this frees what
        // ssl_get_session allocated in it (ticket, certificate), once.
        unsafe { mbedtls_sys::ssl_session_free(&mut *self.0) }
    }
}

/// Restarts a client context's handshake (one that has written nothing
/// yet) offering `session` for resumption; false when mbedTLS cannot.
/// The context keeps its transport, host name and timer.
pub(crate) fn offer_session<T>(ctx: &mut Context<T>, session: &SavedSession) -> bool {
    // SAFETY: the context is live for the calls; ssl_session_reset only
    // resets its state, and ssl_set_session copies `session`, which it
    // only reads.
    unsafe {
        mbedtls_sys::ssl_session_reset(ctx.into()) == 0
            && mbedtls_sys::ssl_set_session(ctx.into(), &*session.0) == 0
    }
}

/// Whether the context's handshake under way resumes a session (on a
/// client: once the server has answered); `None` once the handshake state
/// is gone.
pub(crate) fn resuming<T>(ctx: &Context<T>) -> Option<bool> {
    let raw: *const mbedtls_sys::ssl_context = ctx.into();
    // SAFETY: `raw` points to the live context `ctx` borrows; `handshake`
    // is NULL or points to the context's live handshake state, of which
    // `resume` is a plain byte.
    unsafe { (*raw).handshake.as_ref().map(|hs| hs.resume != 0) }
}

/// Writes a cookie of `cookies` for the client `client_id` into `out`,
/// returning its length; `None` when mbedTLS cannot (too small a buffer).
pub(crate) fn cookie_write(
    cookies: &mbedtls::ssl::CookieContext,
    client_id: &[u8],
    out: &mut [u8],
) -> Option<usize> {
    use mbedtls::ssl::cookie::CookieCallback;
    let start = out.as_mut_ptr();
    let mut p = start;
    // SAFETY: `out` is writable from `start` to its end, which mbedTLS is
    // given; it moves `p` past what it wrote, never beyond the end. The
    // cookie context locks itself (mbedTLS is built with threading).
    let code = unsafe {
        mbedtls::ssl::CookieContext::cookie_write(
            cookies.data_ptr(),
            &mut p,
            start.add(out.len()),
            client_id.as_ptr(),
            client_id.len(),
        )
    };
    // SAFETY: `p` points into `out` or just past its end, after `start`.
    (code == 0).then(|| unsafe { p.offset_from(start) } as usize)
}

/// One of mbedTLS's tables of key functions, with some of them routed to
/// gdtls's code; every other function stays mbedTLS's.
struct RoutedInfo {
    routed: mbedtls_sys::pk_info_t,
    /// mbedTLS's own table, for what the routed code hands back.
    own: mbedtls_sys::pk_info_t,
}

// SAFETY: the table is never written once built; its pointers are to
// mbedTLS's static functions and name, and to gdtls's.
unsafe impl Sync for RoutedInfo {}
// SAFETY: as above.
unsafe impl Send for RoutedInfo {}

/// EC keys: ECDSA signing and verification on P-256 routed to
/// `crate::ecdsa_p256`; every other curve stays mbedTLS's.
static P256_INFO: std::sync::LazyLock<RoutedInfo> = std::sync::LazyLock::new(|| {
    // SAFETY: `eckey_info` is a constant table mbedTLS defines.
    let own = unsafe { mbedtls_sys::eckey_info };
    let routed = mbedtls_sys::pk_info_t {
        sign_func: Some(p256_sign),
        verify_func: Some(p256_verify),
        ..own
    };
    RoutedInfo { routed, own }
});

/// RSA keys: PKCS#1 v1.5 verification routed to `crate::rsa_pkcs1` (a
/// client checks its server's signature with it, a server its client's).
static RSA_INFO: std::sync::LazyLock<RoutedInfo> = std::sync::LazyLock::new(|| {
    // SAFETY: `rsa_info` is a constant table mbedTLS defines.
    let own = unsafe { mbedtls_sys::rsa_info };
    let routed = mbedtls_sys::pk_info_t {
        verify_func: Some(rsa_verify),
        ..own
    };
    RoutedInfo { routed, own }
});

/// The big-endian bytes of `x`; `None` if mbedTLS cannot write them.
fn mpi_bytes(x: &mbedtls_sys::mpi) -> Option<Vec<u8>> {
    // SAFETY: `x` is a live number; `mpi_size` only reads it.
    let mut bytes = vec![0; unsafe { mbedtls_sys::mpi_size(x) }];
    // SAFETY: the buffer holds the number's size in bytes.
    let written = unsafe { mbedtls_sys::mpi_write_binary(x, bytes.as_mut_ptr(), bytes.len()) };
    (written == 0).then_some(bytes)
}

/// A signature check routed away from mbedTLS: `accepts` checks `sig`
/// against `hash` with the key's context, and whatever it does not accept
/// (or a NULL buffer) mbedTLS's own function of `info` judges again, so a
/// forgery costs both checks and every refusal gets mbedTLS's own error.
///
/// # Safety
/// The arguments must be those mbedTLS gave `info.routed.verify_func`: the
/// key's context, and `hash_len` and `sig_len` readable bytes.
unsafe fn verify_routed(
    info: &RoutedInfo,
    ctx: *mut std::ffi::c_void,
    md_alg: mbedtls_sys::md_type_t,
    (hash, hash_len): (*const u8, usize),
    (sig, sig_len): (*const u8, usize),
    accepts: impl FnOnce(&[u8], &[u8]) -> bool,
) -> std::ffi::c_int {
    if !hash.is_null() && !sig.is_null() {
        // SAFETY: the caller promises both buffers' lengths.
        let (hash_bytes, sig_bytes) = unsafe {
            (
                std::slice::from_raw_parts(hash, hash_len),
                std::slice::from_raw_parts(sig, sig_len),
            )
        };
        if accepts(hash_bytes, sig_bytes) {
            return 0;
        }
    }
    let verify = info.own.verify_func.expect("mbedTLS verifies with the key");
    // SAFETY: the same arguments mbedTLS gave, to its own function.
    unsafe { verify(ctx, md_alg, hash, hash_len, sig, sig_len) }
}

unsafe extern "C" fn rsa_verify(
    ctx: *mut std::ffi::c_void,
    md_alg: mbedtls_sys::md_type_t,
    hash: *const u8,
    hash_len: usize,
    sig: *const u8,
    sig_len: usize,
) -> std::ffi::c_int {
    // SAFETY: mbedTLS calls this with its key's context (an RSA context, as
    // the table is only set on RSA keys), live for the call.
    let rsa = unsafe { &*(ctx as *const mbedtls_sys::rsa_context) };
    // Another padding, or a signature of another length (which mbedTLS
    // reports in its own words), is for mbedTLS.
    let accepts = |hash: &[u8], sig: &[u8]| {
        if rsa.padding != mbedtls_sys::RSA_PKCS_V15 || sig.len() != rsa.len {
            return false;
        }
        let (Some(n), Some(e)) = (mpi_bytes(&rsa.N), mpi_bytes(&rsa.E)) else {
            return false;
        };
        crate::rsa_pkcs1::verify(&n, &e, md_alg.into(), hash, sig)
    };
    // SAFETY: mbedTLS's arguments to the routed table's function.
    unsafe {
        verify_routed(
            &RSA_INFO,
            ctx,
            md_alg,
            (hash, hash_len),
            (sig, sig_len),
            accepts,
        )
    }
}

/// The keypair behind an EC key's context, when it is on P-256.
///
/// # Safety
/// `ctx` must be the context of an EC key (mbedTLS's table or
/// `P256_INFO`'s): an `ecp_keypair`, live for the returned lifetime.
unsafe fn p256_keypair<'a>(ctx: *mut std::ffi::c_void) -> Option<&'a mbedtls_sys::ecp_keypair> {
    // SAFETY: as the caller promises.
    let keypair = unsafe { &*(ctx as *const mbedtls_sys::ecp_keypair) };
    (keypair.grp.id == mbedtls_sys::ECP_DP_SECP256R1).then_some(keypair)
}

unsafe extern "C" fn p256_sign(
    ctx: *mut std::ffi::c_void,
    md_alg: mbedtls_sys::md_type_t,
    hash: *const u8,
    hash_len: usize,
    sig: *mut u8,
    sig_len: *mut usize,
    f_rng: Option<unsafe extern "C" fn(*mut std::ffi::c_void, *mut u8, usize) -> std::ffi::c_int>,
    p_rng: *mut std::ffi::c_void,
) -> std::ffi::c_int {
    let mbedtls_own = || {
        let sign = P256_INFO.own.sign_func.expect("mbedTLS signs with EC keys");
        // SAFETY: the same arguments mbedTLS gave, to its own function.
        unsafe { sign(ctx, md_alg, hash, hash_len, sig, sig_len, f_rng, p_rng) }
    };
    // SAFETY: mbedTLS calls this with its key's context (a keypair, as the
    // table is only set on EC keys) and `hash_len` readable bytes.
    let (Some(keypair), hash) = (unsafe { p256_keypair(ctx) }, unsafe {
        std::slice::from_raw_parts(hash, hash_len)
    }) else {
        return mbedtls_own();
    };
    let mut secret = zeroize::Zeroizing::new([0u8; 32]);
    // SAFETY: `d` is the keypair's live secret; the buffer holds 32 bytes.
    let read = unsafe { mbedtls_sys::mpi_write_binary(&keypair.d, secret.as_mut_ptr(), 32) };
    match (read, crate::ecdsa_p256::sign(&secret, hash)) {
        (0, Some(der)) => {
            // SAFETY: mbedTLS gives room for MBEDTLS_PK_SIGNATURE_MAX_SIZE
            // bytes, more than a P-256 signature's 72.
            unsafe {
                std::ptr::copy_nonoverlapping(der.as_ptr(), sig, der.len());
                *sig_len = der.len();
            }
            0
        }
        _ => mbedtls_own(),
    }
}

unsafe extern "C" fn p256_verify(
    ctx: *mut std::ffi::c_void,
    md_alg: mbedtls_sys::md_type_t,
    hash: *const u8,
    hash_len: usize,
    sig: *const u8,
    sig_len: usize,
) -> std::ffi::c_int {
    // SAFETY: mbedTLS calls this with its key's context (a keypair, as the
    // table is only set on EC keys), live for the call.
    let keypair = unsafe { p256_keypair(ctx) };
    let accepts = |hash: &[u8], der: &[u8]| {
        let Some(keypair) = keypair else {
            return false;
        };
        let mut point = [0u8; 65];
        let mut len = 0;
        // SAFETY: the keypair's group and public point are live; the
        // buffer holds 65 bytes, an uncompressed P-256 point.
        let written = unsafe {
            mbedtls_sys::ecp_point_write_binary(
                &keypair.grp,
                &keypair.Q,
                mbedtls_sys::ECP_PF_UNCOMPRESSED,
                &mut len,
                point.as_mut_ptr(),
                point.len(),
            )
        };
        written == 0 && crate::ecdsa_p256::verify(&point[..len], md_alg.into(), hash, der)
    };
    // SAFETY: mbedTLS's arguments to the routed table's function.
    unsafe {
        verify_routed(
            &P256_INFO,
            ctx,
            md_alg,
            (hash, hash_len),
            (sig, sig_len),
            accepts,
        )
    }
}

/// Routes the signatures of `ctx`, a key mbedTLS parsed or made: ECDSA to
/// `crate::ecdsa_p256` when it is an EC key on P-256, RSA verification to
/// `crate::rsa_pkcs1`; any other key is left as it is.
///
/// # Safety
/// `ctx` must be a live, set-up pk context that nothing else uses during
/// the call.
unsafe fn speed_up_context(ctx: *mut mbedtls_sys::pk_context) {
    // SAFETY: as the caller promises; `eckey_info` and `rsa_info` are
    // mbedTLS's static tables, so an EC key's context is a keypair.
    unsafe {
        let ctx = &mut *ctx;
        if std::ptr::eq(ctx.pk_info, &mbedtls_sys::eckey_info) && p256_keypair(ctx.pk_ctx).is_some()
        {
            ctx.pk_info = &P256_INFO.routed;
        } else if std::ptr::eq(ctx.pk_info, &mbedtls_sys::rsa_info) {
            ctx.pk_info = &RSA_INFO.routed;
        }
    }
}

/// `speed_up_context` for a key of the `mbedtls` crate.
pub(crate) fn speed_up_keys(pk: &mut mbedtls::pk::Pk) {
    let ctx: *mut mbedtls_sys::pk_context = pk.into();
    // SAFETY: `pk` is borrowed mutably, so live and unshared.
    unsafe { speed_up_context(ctx) }
}

/// Whether `private` is the private half of `public` (mbedTLS's
/// `pk_check_pair`, which also asks both to use one table of functions:
/// a key routed by `speed_up_keys` is compared as mbedTLS's own).
pub(crate) fn keys_match(public: &mbedtls::pk::Pk, private: &mbedtls::pk::Pk) -> bool {
    let as_mbedtls_own = |pk: &mbedtls::pk::Pk| {
        let ctx: *const mbedtls_sys::pk_context = pk.into();
        // SAFETY: `pk` is live for the borrow; the copy shares its key
        // context and is only read, never freed.
        let mut copy = unsafe { *ctx };
        // mbedTLS compares the tables' addresses: back to its own statics.
        // SAFETY: taking the addresses of mbedTLS's static tables.
        let own = unsafe { [&mbedtls_sys::eckey_info, &mbedtls_sys::rsa_info] };
        for (routed, own) in [&P256_INFO.routed, &RSA_INFO.routed].into_iter().zip(own) {
            if std::ptr::eq(copy.pk_info, routed) {
                copy.pk_info = own;
            }
        }
        copy
    };
    let (public, private) = (as_mbedtls_own(public), as_mbedtls_own(private));
    // SAFETY: both contexts are set up and live for the call, which reads
    // them only.
    unsafe { mbedtls_sys::pk_check_pair(&public, &private) == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mbedtls::hash::Type as MdType;
    use mbedtls::pk::{EcGroupId, Pk};

    fn info(pk: &Pk) -> *const mbedtls_sys::pk_info_t {
        let ctx: *const mbedtls_sys::pk_context = pk.into();
        // SAFETY: `pk` is live for the borrow.
        unsafe { (*ctx).pk_info }
    }

    /// The hashes a handshake may sign, with their lengths.
    const HANDSHAKE_HASHES: [(MdType, usize); 5] = [
        (MdType::Sha1, 20),
        (MdType::Sha224, 28),
        (MdType::Sha256, 32),
        (MdType::Sha384, 48),
        (MdType::Sha512, 64),
    ];

    /// The same key twice: a copy routed by `speed_up_keys`, and `own`.
    fn routed_and(mut own: Pk) -> (Pk, Pk) {
        let der = own.write_private_der_vec().unwrap();
        let mut routed = Pk::from_private_key(&der, None).unwrap();
        speed_up_keys(&mut routed);
        (routed, own)
    }

    /// An EC key on `curve`, routed and mbedTLS's.
    fn pair(curve: EcGroupId) -> (Pk, Pk) {
        let mut rng = crate::crypto::new_rng().unwrap();
        routed_and(Pk::generate_ec(&mut rng, curve).unwrap())
    }

    fn sign(pk: &mut Pk, md: MdType, hash: &[u8]) -> Vec<u8> {
        let mut rng = crate::crypto::new_rng().unwrap();
        let mut sig = vec![0; 512];
        let len = pk.sign(md, hash, &mut sig, &mut rng).unwrap();
        sig.truncate(len);
        sig
    }

    /// Signatures made by either code verify with the other, for every
    /// hash a handshake may pair with P-256; a signature of another hash
    /// or from another key is refused as mbedTLS refuses it.
    #[test]
    fn p256_signatures_agree_with_mbedtls() {
        let (mut routed, mut own) = pair(EcGroupId::SecP256R1);
        assert!(std::ptr::eq(info(&routed), &P256_INFO.routed));
        assert!(!std::ptr::eq(info(&own), &P256_INFO.routed));
        assert!(keys_match(&own, &routed) && keys_match(&routed, &own));
        for (md, len) in HANDSHAKE_HASHES {
            let hash: Vec<u8> = (0..len).map(|i| i as u8 ^ 0xA5).collect();
            let ours = sign(&mut routed, md, &hash);
            let theirs = sign(&mut own, md, &hash);
            own.verify(md, &hash, &ours).unwrap();
            routed.verify(md, &hash, &theirs).unwrap();
            routed.verify(md, &hash, &ours).unwrap();
            let mut other = hash.clone();
            other[0] ^= 1;
            assert_eq!(
                routed.verify(md, &other, &ours),
                own.verify(md, &other, &ours)
            );
            assert!(routed.verify(md, &other, &ours).is_err());
        }
        let (mut stranger, _) = pair(EcGroupId::SecP256R1);
        let hash = [7; 32];
        let foreign = sign(&mut stranger, MdType::Sha256, &hash);
        assert!(routed.verify(MdType::Sha256, &hash, &foreign).is_err());
        assert!(!keys_match(&stranger, &routed));
        // A signature that does not parse as DER is left to mbedTLS.
        let ours = sign(&mut routed, MdType::Sha256, &hash);
        assert_eq!(
            routed.verify(MdType::Sha256, &hash, &ours[..ours.len() - 1]),
            own.verify(MdType::Sha256, &hash, &ours[..ours.len() - 1])
        );
    }

    /// An RSA key of `bits`, routed and mbedTLS's.
    fn rsa_pair(bits: u32) -> (Pk, Pk) {
        let mut rng = crate::crypto::new_rng().unwrap();
        routed_and(Pk::generate_rsa(&mut rng, bits, 65537).unwrap())
    }

    /// mbedTLS's RSA signatures verify through the routed key for every
    /// hash of a handshake, with a key AWS-LC takes (2048 bits) and one it
    /// leaves to mbedTLS (1024); a signature of another hash, cut short or
    /// from another key is refused with mbedTLS's own error.
    #[test]
    fn rsa_signatures_agree_with_mbedtls() {
        for bits in [2048, 1024] {
            let (mut routed, mut own) = rsa_pair(bits);
            assert!(std::ptr::eq(info(&routed), &RSA_INFO.routed));
            assert!(keys_match(&own, &routed) && keys_match(&routed, &own));
            for (md, len) in HANDSHAKE_HASHES {
                let hash: Vec<u8> = (0..len).map(|i| i as u8 ^ 0x5A).collect();
                let theirs = sign(&mut own, md, &hash);
                routed.verify(md, &hash, &theirs).unwrap();
                assert_eq!(sign(&mut routed, md, &hash), theirs, "deterministic");
                let mut other = hash.clone();
                other[0] ^= 1;
                let refused = routed.verify(md, &other, &theirs);
                assert!(refused.is_err());
                assert_eq!(refused, own.verify(md, &other, &theirs));
                let cut = &theirs[..theirs.len() - 1];
                assert!(routed.verify(md, &hash, cut).is_err());
                assert_eq!(routed.verify(md, &hash, cut), own.verify(md, &hash, cut));
            }
            let (mut stranger, _) = rsa_pair(bits);
            let hash = [7; 32];
            let foreign = sign(&mut stranger, MdType::Sha256, &hash);
            assert!(routed.verify(MdType::Sha256, &hash, &foreign).is_err());
            assert!(!keys_match(&stranger, &routed));
        }
    }

    /// Other curves keep mbedTLS's own table.
    #[test]
    fn other_curves_are_not_routed() {
        let (p384, _) = pair(EcGroupId::SecP384R1);
        // SAFETY: taking the address of mbedTLS's static table.
        let own = unsafe { &mbedtls_sys::eckey_info };
        assert!(std::ptr::eq(info(&p384), own));
    }
}
