//! The mbedTLS inside gdtls is built with gdtls's own configuration
//! (src/vendor/mbedtls-sys-auto/build/gdtls_config.rs, src/vendor/README.md).
//! mbedtls-sys-auto's build script writes one config.h and hands it to
//! cmake, which compiles the C library, and to bindgen, which writes the
//! Rust bindings; a struct laid out one way in C and another in Rust would
//! be undefined behaviour. These tests check the result rather than trust
//! the plumbing: the library was compiled with exactly that config.h's
//! options; a C program compiled with it lays out every struct that Rust
//! allocates or reads as the bindings do, where mbedTLS's stock
//! configuration would not; and the code the configuration changes passes
//! mbedTLS's self-tests and RFC 7748's vectors.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::ffi::{c_int, CString};
use std::mem::{align_of, offset_of, size_of};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use mbedtls::bignum::Mpi;
use mbedtls::ecp::{EcGroup, EcPoint};
use mbedtls::pk::{EcGroupId, Pk};
use mbedtls::rng::{CtrDrbg, OsEntropy};
use mbedtls_sys as sys;
use support::*;

/// The config.h mbedTLS was built with and its installed headers, as
/// mbedtls-sys-auto reported them to build.rs.
const CONFIG_H: &str = env!("GDTLS_MBEDTLS_CONFIG_H");
const INCLUDE: &str = env!("GDTLS_MBEDTLS_INCLUDE");

/// The options config.h defines without a value (`#define MBEDTLS_X`).
fn options_defined_in(config_h: &str) -> BTreeSet<String> {
    config_h
        .lines()
        .filter_map(|l| l.strip_prefix("#define "))
        .filter(|rest| !rest.trim().contains(' '))
        .map(|name| name.trim().to_owned())
        .collect()
}

/// Every option the library can report on: the list mbedTLS compiles into
/// version_features.c, one string per option of its config.h.
fn reportable_options() -> BTreeSet<String> {
    let source = root().join("src/vendor/mbedtls-sys-auto/vendor/library/version_features.c");
    let text = std::fs::read_to_string(&source).expect("read version_features.c");
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix("\","))
        .map(str::to_owned)
        .collect()
}

/// The C library says, option by option, that it was compiled with the
/// options config.h defines and without the others: all of the ~280 it can
/// report on (MBEDTLS_VERSION_FEATURES), gdtls's choices among them.
#[test]
fn library_was_compiled_with_the_configuration() {
    let config = std::fs::read_to_string(CONFIG_H).expect("read config.h");
    let defined = options_defined_in(&config);
    let reportable = reportable_options();
    assert!(reportable.len() > 250, "{reportable:?}");
    assert!(defined.contains("MBEDTLS_ECDH_VARIANT_EVEREST_ENABLED"));
    let mut wrong = Vec::new();
    for option in &reportable {
        let name = CString::new(option.as_str()).unwrap();
        // SAFETY: `name` is a NUL-terminated string that outlives the call,
        // which only reads it.
        let compiled = unsafe { sys::version_check_feature(name.as_ptr()) } == 0;
        if compiled != defined.contains(option) {
            wrong.push(format!(
                "{option}: compiled {compiled}, in config.h {}",
                !compiled
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "library and config.h disagree:\n{}",
        wrong.join("\n")
    );
    // config.h names no option the library does not know (a misspelt one
    // would be silently ignored), beyond its include guard.
    let unknown: Vec<_> = defined
        .iter()
        .filter(|o| !reportable.contains(*o) && *o != "MBEDTLS_CONFIG_H")
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}

/// A struct of the bindings: its size and alignment, and the offset of
/// each field, as Rust lays it out.
struct Layout {
    name: &'static str,
    size: usize,
    align: usize,
    fields: Vec<(&'static str, usize)>,
}

macro_rules! layouts {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {
        vec![$(Layout {
            name: stringify!($ty),
            size: size_of::<sys::$ty>(),
            align: align_of::<sys::$ty>(),
            fields: vec![$((stringify!($field), offset_of!(sys::$ty, $field))),*],
        }),*]
    };
}

/// Every struct Rust allocates (the `mbedtls` crate embeds them in its
/// types), reads or writes fields of (gdtls's mbedtls_ext.rs, the crate),
/// or builds itself (the crate's custom pk_info_t), with every field;
/// ssl_handshake_params too, where the configuration shows most, and the
/// ChaCha20-Poly1305 context src/mbedtls_alt defines for mbedTLS.
fn rust_layouts() -> Vec<Layout> {
    layouts! {
        ssl_config {
            max_major_ver, max_minor_ver, min_major_ver, min_minor_ver, endpoint, transport,
            authmode, allow_legacy_renegotiation, mfl_code, encrypt_then_mac,
            extended_ms, anti_replay, disable_renegotiation, trunc_hmac, session_tickets,
            fallback, cert_req_ca_list, read_timeout, hs_timeout_min, hs_timeout_max,
            renego_max_records, renego_period, badmac_limit, dhm_min_bitlen, ciphersuite_list,
            f_dbg, p_dbg, f_rng, p_rng, f_get_cache, f_set_cache, p_cache, f_sni, p_sni, f_vrfy,
            p_vrfy, f_psk, p_psk, f_cookie_write, f_cookie_check, p_cookie, f_ticket_write,
            f_ticket_parse, p_ticket, f_export_keys, f_export_keys_ext, p_export_keys,
            cert_profile, key_cert, ca_chain, ca_crl, f_ca_cb, p_ca_cb, f_async_sign_start,
            f_async_decrypt_start, f_async_resume, f_async_cancel, p_async_config_data,
            sig_hashes, curve_list, dhm_P, dhm_G, psk, psk_len, psk_identity, psk_identity_len,
            alpn_list,
        }
        ssl_context {
            conf, state, renego_status, renego_records_seen, major_ver, minor_ver, badmac_seen,
            f_vrfy, p_vrfy, f_send, f_recv, f_recv_timeout, p_bio, session_in, session_out,
            session, session_negotiate, handshake, transform_in, transform_out, transform,
            transform_negotiate, p_timer, f_set_timer, f_get_timer, in_buf, in_ctr, in_hdr,
            in_len, in_iv, in_msg, in_offt, in_msgtype, in_msglen, in_left, in_epoch,
            next_record_offset, in_window_top, in_window, in_hslen, nb_zero,
            keep_current_message, disable_datagram_packing, out_buf, out_ctr, out_hdr, out_len,
            out_iv, out_msg, out_msgtype, out_msglen, out_left, cur_out_ctr, mtu, client_auth,
            hostname, alpn_chosen, cli_id, cli_id_len, secure_renegotiation, verify_data_len,
            own_verify_data, peer_verify_data,
        }
        ssl_session {
            mfl_code, start, ciphersuite, compression, id_len, id, master, peer_cert,
            verify_result, ticket, ticket_len, ticket_lifetime, trunc_hmac, encrypt_then_mac,
        }
        ssl_handshake_params {
            max_major_ver, max_minor_ver, resume, cli_exts, sni_authmode, new_session_ticket,
            extended_ms, async_in_progress, retransmit_state, hash_algs, pmslen,
            ciphersuite_info, update_checksum,
            calc_verify, calc_finished, tls_prf, dhm_ctx, ecdh_ctx, curves, psk, psk_len,
            key_cert, sni_key_cert, sni_ca_chain, sni_ca_crl, buffering, out_msg_seq, in_msg_seq,
            verify_cookie, verify_cookie_len, retransmit_timeout, flight, cur_msg, cur_msg_p,
            in_flight_start_seq, alt_transform_out, alt_out_ctr, mtu, fin_sha256, fin_sha512,
            randbytes, premaster, user_async_ctx,
        }
        ssl_cookie_ctx { hmac_ctx, timeout, mutex }
        ssl_ticket_context { keys, active, ticket_lifetime, f_rng, p_rng, mutex }
        x509_crt {
            own_buffer, raw, tbs, version, serial, sig_oid, issuer_raw, subject_raw, issuer,
            subject, valid_from, valid_to, pk_raw, pk, issuer_id, subject_id, v3_ext,
            subject_alt_names, certificate_policies, ext_types, ca_istrue, max_pathlen,
            key_usage, ext_key_usage, ns_cert_type, sig, sig_md, sig_pk, sig_opts, next,
        }
        x509_crl {
            raw, tbs, version, sig_oid, issuer_raw, issuer, this_update, next_update, entry,
            crl_ext, sig_oid2, sig, sig_md, sig_pk, sig_opts, next,
        }
        x509_csr {
            raw, cri, version, subject_raw, subject, pk, sig_oid, sig, sig_md, sig_pk, sig_opts,
        }
        x509_crt_profile { allowed_mds, allowed_pks, allowed_curves, rsa_min_bitlen }
        x509write_cert {
            version, serial, subject_key, issuer_key, subject, issuer, md_alg, not_before,
            not_after, extensions,
        }
        x509write_csr { key, subject, md_alg, extensions }
        asn1_buf { tag, len, p }
        x509_time { year, mon, day, hour, min, sec }
        pk_context { pk_info, pk_ctx }
        pk_info_t {
            type_, name, get_bitlen, can_do, verify_func, sign_func, decrypt_func, encrypt_func,
            check_pair_func, ctx_alloc_func, ctx_free_func, debug_func,
        }
        rsa_context {
            ver, len, N, E, D, P, Q, DP, DQ, QP, RN, RP, RQ, Vi, Vf, padding, hash_id, mutex,
        }
        ecp_group { id, P, A, B, G, N, pbits, nbits, h, modp, t_pre, t_post, t_data, T, T_size }
        ecp_point { X, Y, Z }
        ecp_keypair { grp, d, Q }
        ecp_curve_info { grp_id, tls_id, bit_size, name }
        ecdh_context { point_format, grp_id, var, ctx }
        mpi { s, n, p }
        dhm_context { len, P, G, X, GX, GY, K, RP, Vi, Vf, pX }
        md_context_t { md_info, md_ctx, hmac_ctx }
        md_info_t { name, type_, size, block_size }
        cipher_context_t {
            cipher_info, key_bitlen, operation, add_padding, get_padding, unprocessed_data,
            unprocessed_len, iv, iv_size, cipher_ctx, cmac_ctx,
        }
        cipher_info_t { type_, mode, key_bitlen, name, iv_size, flags, block_size, base }
        entropy_context { accumulator_started, accumulator, source_count, source, mutex }
        ctr_drbg_context {
            counter, reseed_counter, prediction_resistance, entropy_len, reseed_interval,
            aes_ctx, f_entropy, p_entropy, mutex,
        }
        chachapoly_context { key, message }
        gcm_context { key, key_len, message }
        sha256_context { total, state, buffer, is224 }
        hmac_drbg_context {
            md_ctx, V, reseed_counter, entropy_len, prediction_resistance, reseed_interval,
            f_entropy, p_entropy, mutex,
        }
    }
}

/// The configuration's numeric settings, as the bindings have them.
fn rust_settings() -> Vec<(&'static str, i64)> {
    vec![
        ("MBEDTLS_ECP_WINDOW_SIZE", sys::ECP_WINDOW_SIZE.into()),
        (
            "MBEDTLS_ECP_FIXED_POINT_OPTIM",
            sys::ECP_FIXED_POINT_OPTIM.into(),
        ),
        ("MBEDTLS_ECP_MAX_BITS", sys::ECP_MAX_BITS.into()),
        ("MBEDTLS_MPI_WINDOW_SIZE", sys::MPI_WINDOW_SIZE.into()),
        ("MBEDTLS_MPI_MAX_SIZE", sys::MPI_MAX_SIZE.into()),
        ("MBEDTLS_SSL_IN_CONTENT_LEN", sys::SSL_IN_CONTENT_LEN.into()),
        (
            "MBEDTLS_SSL_OUT_CONTENT_LEN",
            sys::SSL_OUT_CONTENT_LEN.into(),
        ),
        (
            "MBEDTLS_SSL_DTLS_MAX_BUFFERING",
            sys::SSL_DTLS_MAX_BUFFERING.into(),
        ),
    ]
}

/// The C name of a binding's struct: bindgen strips the mbedtls_ prefix.
fn c_type(name: &str) -> String {
    format!("mbedtls_{name}")
}

/// The C name of a binding's field: bindgen adds an underscore to names
/// that are Rust keywords (`type_`).
fn c_field(name: &str) -> &str {
    name.trim_end_matches('_')
}

/// A C program that prints, one per line, `TYPE SIZE ALIGN`, then (with
/// `fields`) `TYPE.FIELD OFFSET`, and `SETTING VALUE`.
fn layout_program(layouts: &[Layout], settings: &[(&str, i64)], fields: bool) -> String {
    let mut c = String::from(
        "#include <stddef.h>\n#include <stdio.h>\n\
         #include \"mbedtls/ssl.h\"\n#include \"mbedtls/ssl_internal.h\"\n\
         #include \"mbedtls/ssl_cookie.h\"\n#include \"mbedtls/ssl_ticket.h\"\n\
         #include \"mbedtls/x509_crt.h\"\n#include \"mbedtls/x509_csr.h\"\n\
         #include \"mbedtls/pk_internal.h\"\n#include \"mbedtls/md_internal.h\"\n\
         #include \"mbedtls/ecdh.h\"\n#include \"mbedtls/dhm.h\"\n#include \"mbedtls/entropy.h\"\n\
         #include \"mbedtls/ctr_drbg.h\"\n#include \"mbedtls/hmac_drbg.h\"\n\
         #include \"mbedtls/chachapoly.h\"\n#include \"mbedtls/gcm.h\"\n\
         #include \"mbedtls/sha256.h\"\n\
         int main(void) {\n",
    );
    for layout in layouts {
        let ty = c_type(layout.name);
        c += &format!("    printf(\"{ty} %zu %zu\\n\", sizeof({ty}), _Alignof({ty}));\n");
        if fields {
            for (field, _) in &layout.fields {
                let field = c_field(field);
                c += &format!("    printf(\"{ty}.{field} %zu\\n\", offsetof({ty}, {field}));\n");
            }
        }
    }
    for (name, _) in settings {
        c += &format!("    printf(\"{name} %lld\\n\", (long long) {name});\n");
    }
    c + "    return 0;\n}\n"
}

/// What the program prints, compiled by the C compiler mbedTLS's cmake
/// build uses (`cc`) against the installed headers, with `config_h` as
/// MBEDTLS_CONFIG_FILE or, for `None`, mbedTLS's stock config.h.
fn c_layouts(dir: &Path, program: &str, config_h: Option<&str>) -> HashMap<String, Vec<i64>> {
    let source = dir.join("layout.c");
    let exe = dir.join("layout");
    std::fs::write(&source, program).expect("write layout.c");
    let mut cc = Command::new("cc");
    cc.args(["-std=c11", "-Wall", "-Werror", "-I", INCLUDE]);
    if let Some(config_h) = config_h {
        cc.arg(format!("-DMBEDTLS_CONFIG_FILE=\"{config_h}\""));
    }
    cc.arg(&source).arg("-o").arg(&exe);
    assert_success("compiling layout.c", &run(&mut cc));
    let output = run(&mut Command::new(&exe));
    assert_success("layout", &output);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| {
            let mut words = l.split_whitespace();
            let key = words.next().expect("a name").to_owned();
            (key, words.map(|w| w.parse().expect("a number")).collect())
        })
        .collect()
}

/// Where Rust and C disagree, one line each.
fn disagreements(
    layouts: &[Layout],
    settings: &[(&str, i64)],
    c: &HashMap<String, Vec<i64>>,
    fields: bool,
) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut compare = |key: String, rust: Vec<i64>| {
        let theirs = c.get(&key);
        if theirs != Some(&rust) {
            wrong.push(format!("{key}: Rust {rust:?}, C {theirs:?}"));
        }
    };
    let n = |v: usize| i64::try_from(v).expect("a layout figure");
    for layout in layouts {
        let ty = c_type(layout.name);
        compare(ty.clone(), vec![n(layout.size), n(layout.align)]);
        if fields {
            for (field, offset) in &layout.fields {
                compare(format!("{ty}.{}", c_field(field)), vec![n(*offset)]);
            }
        }
    }
    for (name, value) in settings {
        compare((*name).to_owned(), vec![*value]);
    }
    wrong
}

/// C compiled with the configuration lays out every struct Rust touches,
/// field by field, as the Rust bindings do, and sees the same numeric
/// settings. The same program against mbedTLS's stock config.h disagrees
/// (the check can tell configurations apart).
#[test]
fn bindings_match_the_c_layouts() {
    let dir = TempDir::new("mbedtls-layout");
    let layouts = rust_layouts();
    let settings = rust_settings();
    let program = layout_program(&layouts, &settings, true);
    let c = c_layouts(dir.path(), &program, Some(CONFIG_H));
    let fields: usize = layouts.iter().map(|l| l.fields.len()).sum();
    assert_eq!(c.len(), layouts.len() + fields + settings.len());
    let wrong = disagreements(&layouts, &settings, &c, true);
    assert!(
        wrong.is_empty(),
        "bindings and C disagree:\n{}",
        wrong.join("\n")
    );

    // The stock configuration has other fields: sizes and settings only.
    let program = layout_program(&layouts, &settings, false);
    let stock = c_layouts(dir.path(), &program, None);
    let wrong = disagreements(&layouts, &settings, &stock, false);
    for differs in [
        "mbedtls_ecdh_context:",
        "mbedtls_ssl_handshake_params:",
        "mbedtls_chachapoly_context:",
        "mbedtls_gcm_context:",
    ] {
        assert!(
            wrong.iter().any(|w| w.starts_with(differs)),
            "{differs} {wrong:?}"
        );
    }
}

/// mbedTLS's own self-tests (the ones in programs/test/selftest.c) of
/// the code the configuration tunes (big numbers, RSA, elliptic curves)
/// and of what gdtls's suites and keys use, on this build.
#[test]
fn mbedtls_self_tests_pass() {
    type SelfTest = unsafe extern "C" fn(c_int) -> c_int;
    let tests: [(&str, SelfTest); 17] = [
        ("mpi", sys::mpi_self_test),
        ("rsa", sys::rsa_self_test),
        ("ecp", sys::ecp_self_test),
        ("dhm", sys::dhm_self_test),
        ("md5", sys::md5_self_test),
        ("sha1", sys::sha1_self_test),
        ("sha256", sys::sha256_self_test),
        ("sha512", sys::sha512_self_test),
        ("aes", sys::aes_self_test),
        ("gcm", sys::gcm_self_test),
        ("ccm", sys::ccm_self_test),
        ("chacha20", sys::chacha20_self_test),
        ("poly1305", sys::poly1305_self_test),
        ("chachapoly", sys::chachapoly_self_test),
        ("ctr_drbg", sys::ctr_drbg_self_test),
        ("hmac_drbg", sys::hmac_drbg_self_test),
        ("x509", sys::x509_self_test),
    ];
    for (name, test) in tests {
        // SAFETY: the self-tests take a verbosity flag and use only their
        // own data; 0 prints nothing.
        assert_eq!(unsafe { test(0) }, 0, "{name} self-test");
    }
}

/// A reproducible stream of test inputs (xorshift64).
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    /// Additional data of 0 to 39 bytes, a text of `len` bytes and 0 to 4
    /// places to cut it at, in order.
    fn message(&mut self, len: usize) -> (Vec<u8>, Vec<u8>, Vec<usize>) {
        let aad_len = self.next() % 40;
        let aad = self.bytes(aad_len as usize);
        let text = self.bytes(len);
        let cut_count = self.next() % 5;
        let mut cuts: Vec<usize> = (0..cut_count)
            .map(|_| self.next() as usize % (len + 1))
            .collect();
        cuts.sort();
        (aad, text, cuts)
    }
}

/// Seals `text` in one call or in pieces cut at `cuts`, and opens it both
/// ways; every way gives the same ciphertext, tag and plaintext.
fn chachapoly_piecewise_agrees(
    key: &[u8; 32],
    nonce: &[u8; 12],
    aad: &[u8],
    text: &[u8],
    cuts: &[usize],
) {
    const ENCRYPT: sys::chachapoly_mode_t = 0;
    const DECRYPT: sys::chachapoly_mode_t = 1;
    // SAFETY (all calls below): the context is initialised before use and
    // freed after; every buffer is a live slice of the length passed.
    let mut ctx = std::mem::MaybeUninit::<sys::chachapoly_context>::uninit();
    let ctx = ctx.as_mut_ptr();
    unsafe { sys::chachapoly_init(ctx) };
    assert_eq!(unsafe { sys::chachapoly_setkey(ctx, key.as_ptr()) }, 0);

    let mut sealed = vec![0; text.len()];
    let mut tag = [0; 16];
    let rc = unsafe {
        sys::chachapoly_encrypt_and_tag(
            ctx,
            text.len(),
            nonce.as_ptr(),
            aad.as_ptr(),
            aad.len(),
            text.as_ptr(),
            sealed.as_mut_ptr(),
            tag.as_mut_ptr(),
        )
    };
    assert_eq!(rc, 0);

    let piecewise = |mode, input: &[u8]| {
        let mut output = input.to_vec();
        let mut mac = [0; 16];
        assert_eq!(
            unsafe { sys::chachapoly_starts(ctx, nonce.as_ptr(), mode) },
            0
        );
        let (first, second) = aad.split_at(aad.len() / 2);
        for part in [first, second] {
            assert_eq!(
                unsafe { sys::chachapoly_update_aad(ctx, part.as_ptr(), part.len()) },
                0
            );
        }
        let mut start = 0;
        for end in cuts.iter().copied().chain([input.len()]) {
            let piece = &mut output[start..end];
            // In place, as mbedTLS allows.
            let rc = unsafe {
                sys::chachapoly_update(ctx, piece.len(), piece.as_ptr(), piece.as_mut_ptr())
            };
            assert_eq!(rc, 0);
            start = end;
        }
        assert_eq!(
            unsafe { sys::chachapoly_update_aad(ctx, aad.as_ptr(), 1) },
            sys::ERR_CHACHAPOLY_BAD_STATE
        );
        assert_eq!(unsafe { sys::chachapoly_finish(ctx, mac.as_mut_ptr()) }, 0);
        assert_eq!(
            unsafe { sys::chachapoly_finish(ctx, mac.as_mut_ptr()) },
            sys::ERR_CHACHAPOLY_BAD_STATE
        );
        (output, mac)
    };
    assert_eq!(piecewise(ENCRYPT, text), (sealed.clone(), tag));
    assert_eq!(piecewise(DECRYPT, &sealed), (text.to_vec(), tag));

    let open = |tag: &[u8; 16], opened: &mut [u8]| unsafe {
        sys::chachapoly_auth_decrypt(
            ctx,
            text.len(),
            nonce.as_ptr(),
            aad.as_ptr(),
            aad.len(),
            tag.as_ptr(),
            sealed.as_ptr(),
            opened.as_mut_ptr(),
        )
    };
    let mut opened = vec![0; text.len()];
    assert_eq!(open(&tag, &mut opened), 0);
    assert_eq!(opened.as_slice(), text);
    tag[0] ^= 1;
    assert_eq!(open(&tag, &mut opened), sys::ERR_CHACHAPOLY_AUTH_FAILED);
    assert!(
        opened.iter().all(|&b| b == 0),
        "a forged message's text is wiped"
    );
    unsafe { sys::chachapoly_free(ctx) };
}

/// ChaCha20-Poly1305 is AWS-LC's, plugged in through MBEDTLS_CHACHAPOLY_ALT
/// (src/mbedtls_alt); mbedTLS's self-test above checks RFC 8439's vector
/// with the one-shot calls TLS makes. The piecewise calls mbedTLS's cipher
/// layer also offers agree with them for texts of every length around the
/// block size and pieces cut anywhere, and a piecewise call out of turn is
/// refused as mbedTLS refuses it.
#[test]
fn chachapoly_piecewise_calls_agree_with_one_shot() {
    let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
    for len in (0..200).chain([1000, 1500]) {
        let key: [u8; 32] = random.bytes(32).try_into().unwrap();
        let nonce: [u8; 12] = random.bytes(12).try_into().unwrap();
        let (aad, text, cuts) = random.message(len);
        chachapoly_piecewise_agrees(&key, &nonce, &aad, &text, &cuts);
    }

    let mut ctx = std::mem::MaybeUninit::<sys::chachapoly_context>::uninit();
    let ctx = ctx.as_mut_ptr();
    let mut byte = [0u8; 1];
    // SAFETY: an initialised context and a live one-byte buffer.
    unsafe {
        sys::chachapoly_init(ctx);
        assert_eq!(
            sys::chachapoly_update(ctx, 1, byte.as_ptr(), byte.as_mut_ptr()),
            sys::ERR_CHACHAPOLY_BAD_STATE
        );
        assert_eq!(
            sys::chachapoly_update_aad(ctx, byte.as_ptr(), 1),
            sys::ERR_CHACHAPOLY_BAD_STATE
        );
        sys::chachapoly_free(ctx);
    }
}

/// Seals `text` with AES-GCM in one call and in pieces cut at `cuts`,
/// opens it each way, and checks every tag length from 4 to 16 bytes: the
/// same ciphertext, tags (a short tag is the full one cut) and plaintext;
/// a forged tag is refused and the output wiped.
fn gcm_ways_agree(key: &[u8], iv: &[u8], aad: &[u8], text: &[u8], cuts: &[usize]) {
    const ENCRYPT: c_int = 1;
    const DECRYPT: c_int = 0;
    const AES: sys::cipher_id_t = 2;
    // SAFETY (all calls below): the context is initialised before use and
    // freed after; every buffer is a live slice of the length passed.
    let mut ctx = std::mem::MaybeUninit::<sys::gcm_context>::uninit();
    let ctx = ctx.as_mut_ptr();
    unsafe { sys::gcm_init(ctx) };
    let bits = 8 * key.len() as u32;
    assert_eq!(unsafe { sys::gcm_setkey(ctx, AES, key.as_ptr(), bits) }, 0);

    let one_shot = |mode, input: &[u8], tag: &mut [u8]| {
        let mut output = vec![0; input.len()];
        let rc = unsafe {
            sys::gcm_crypt_and_tag(
                ctx,
                mode,
                input.len(),
                iv.as_ptr(),
                iv.len(),
                aad.as_ptr(),
                aad.len(),
                input.as_ptr(),
                output.as_mut_ptr(),
                tag.len(),
                tag.as_mut_ptr(),
            )
        };
        assert_eq!(rc, 0);
        output
    };
    let mut tag = [0; 16];
    let sealed = one_shot(ENCRYPT, text, &mut tag);

    let piecewise = |mode, input: &[u8]| {
        let mut output = input.to_vec();
        let mut tag = [0; 16];
        let rc =
            unsafe { sys::gcm_starts(ctx, mode, iv.as_ptr(), iv.len(), aad.as_ptr(), aad.len()) };
        assert_eq!(rc, 0);
        let mut start = 0;
        for end in cuts.iter().copied().chain([input.len()]) {
            let piece = &mut output[start..end];
            // In place, as mbedTLS allows.
            let rc =
                unsafe { sys::gcm_update(ctx, piece.len(), piece.as_ptr(), piece.as_mut_ptr()) };
            assert_eq!(rc, 0);
            start = end;
        }
        assert_eq!(unsafe { sys::gcm_finish(ctx, tag.as_mut_ptr(), 16) }, 0);
        (output, tag)
    };
    assert_eq!(piecewise(ENCRYPT, text), (sealed.clone(), tag));
    assert_eq!(piecewise(DECRYPT, &sealed), (text.to_vec(), tag));
    let mut decryption_tag = [0; 16];
    assert_eq!(one_shot(DECRYPT, &sealed, &mut decryption_tag), text);
    assert_eq!(decryption_tag, tag);

    let open = |tag: &[u8], opened: &mut [u8]| unsafe {
        sys::gcm_auth_decrypt(
            ctx,
            sealed.len(),
            iv.as_ptr(),
            iv.len(),
            aad.as_ptr(),
            aad.len(),
            tag.as_ptr(),
            tag.len(),
            sealed.as_ptr(),
            opened.as_mut_ptr(),
        )
    };
    for len in 4..=16 {
        let mut short = vec![0; len];
        assert_eq!(one_shot(ENCRYPT, text, &mut short), sealed);
        assert_eq!(short, tag[..len]);
        let mut opened = vec![0; text.len()];
        assert_eq!(open(&short, &mut opened), 0);
        assert_eq!(opened, text);
        short[len - 1] ^= 0x80;
        assert_eq!(open(&short, &mut opened), sys::ERR_GCM_AUTH_FAILED);
        assert!(
            opened.iter().all(|&b| b == 0),
            "a forged message's text is wiped"
        );
    }
    for len in [0, 3, 17] {
        let mut odd = vec![0; len.max(1)];
        let rc = unsafe {
            sys::gcm_crypt_and_tag(
                ctx,
                ENCRYPT,
                0,
                iv.as_ptr(),
                iv.len(),
                aad.as_ptr(),
                aad.len(),
                text.as_ptr(),
                odd.as_mut_ptr(),
                len,
                odd.as_mut_ptr(),
            )
        };
        assert_eq!(rc, sys::ERR_GCM_BAD_INPUT, "a {len}-byte tag");
    }
    unsafe { sys::gcm_free(ctx) };
}

/// AES-GCM is AWS-LC's, plugged in through MBEDTLS_GCM_ALT
/// (src/mbedtls_alt); mbedTLS's self-test above checks its vectors (AES-128,
/// -192 and -256, IVs of 8, 12 and 60 bytes, one-shot and piecewise). Here
/// the calls agree with each other for every key size, IVs of 1 to 60
/// bytes, texts of every length around the block size and pieces cut
/// anywhere, and tags of 4 to 16 bytes; other tag lengths, an empty IV and
/// a key of another size or cipher are refused as mbedTLS refuses them,
/// and so are calls without a key or a message started, where mbedTLS
/// would compute on what it holds.
#[test]
fn gcm_calls_agree_and_refuse_what_they_must() {
    let mut random = Xorshift(0x2545_F491_4F6C_DD1D);
    for len in (0..100).chain([1000, 1500]) {
        let key = random.bytes([16, 24, 32][len % 3]);
        let iv = random.bytes([12, 1, 8, 60][len % 4]);
        let (aad, text, cuts) = random.message(len);
        gcm_ways_agree(&key, &iv, &aad, &text, &cuts);
    }

    const AES: sys::cipher_id_t = 2;
    const CAMELLIA: sys::cipher_id_t = 5;
    let key = [7u8; 32];
    let mut byte = [0u8; 16];
    let mut ctx = std::mem::MaybeUninit::<sys::gcm_context>::uninit();
    let ctx = ctx.as_mut_ptr();
    // SAFETY: an initialised context and live buffers of the lengths passed.
    unsafe {
        sys::gcm_init(ctx);
        assert_eq!(
            sys::gcm_starts(ctx, 1, key.as_ptr(), 12, key.as_ptr(), 0),
            0
        );
        assert_eq!(
            sys::gcm_update(ctx, 1, byte.as_ptr(), byte.as_mut_ptr()),
            sys::ERR_GCM_BAD_INPUT,
            "no key yet"
        );
        for (cipher, bits) in [(AES, 64), (AES, 512), (CAMELLIA, 128)] {
            assert_eq!(
                sys::gcm_setkey(ctx, cipher, key.as_ptr(), bits),
                sys::ERR_GCM_BAD_INPUT
            );
        }
        assert_eq!(sys::gcm_setkey(ctx, AES, key.as_ptr(), 256), 0);
        assert_eq!(
            sys::gcm_starts(ctx, 1, key.as_ptr(), 0, key.as_ptr(), 0),
            sys::ERR_GCM_BAD_INPUT,
            "an empty IV"
        );
        sys::gcm_free(ctx);
        sys::gcm_init(ctx);
        assert_eq!(sys::gcm_setkey(ctx, AES, key.as_ptr(), 128), 0);
        assert_eq!(
            sys::gcm_finish(ctx, byte.as_mut_ptr(), 16),
            sys::ERR_GCM_BAD_INPUT,
            "nothing started"
        );
        sys::gcm_free(ctx);
    }
}

/// A random generator for the `mbedtls` crate's calls.
fn rng() -> CtrDrbg {
    CtrDrbg::new(Arc::new(OsEntropy::new()), None).expect("seeded generator")
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// An X25519 private key, from RFC 7748's little-endian scalar, clamped
/// as mbedTLS holds it, as a number.
fn x25519_private(hex: &str, rng: &mut CtrDrbg) -> Pk {
    let mut scalar = from_hex(hex);
    scalar[0] &= 248;
    scalar[31] &= 127;
    scalar[31] |= 64;
    scalar.reverse();
    let group = EcGroup::new(EcGroupId::Curve25519).unwrap();
    Pk::private_from_ec_scalar_with_rng(group, Mpi::from_binary(&scalar).unwrap(), rng).unwrap()
}

/// An X25519 public key: RFC 7748's u-coordinate, little-endian.
fn x25519_public(hex: &str) -> Pk {
    let group = EcGroup::new(EcGroupId::Curve25519).unwrap();
    let point = EcPoint::from_binary_no_compress(&group, &from_hex(hex)).unwrap();
    Pk::public_from_ec_components(group, point).unwrap()
}

/// X25519 through the `mbedtls` crate's key agreement, which reaches
/// mbedTLS's ECDH context (the crate's one change, src/vendor/README.md)
/// and there Everest: RFC 7748's test vectors (section 6.1), both ways; the
/// public keys, which mbedTLS's own curve code computes, match too.
#[test]
fn x25519_agreement_matches_rfc_7748() {
    let alice = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    let alice_public = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    let bob = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    let bob_public = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    let shared = from_hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    let mut rng = rng();
    let group = EcGroup::new(EcGroupId::Curve25519).unwrap();
    for (ours, ours_public, theirs_public) in [
        (alice, alice_public, bob_public),
        (bob, bob_public, alice_public),
    ] {
        let mut key = x25519_private(ours, &mut rng);
        let point = key.ec_public().unwrap();
        assert_eq!(
            point.to_binary(&group, false).unwrap(),
            from_hex(ours_public)
        );
        let mut out = [0u8; 32];
        let n = key
            .agree(&x25519_public(theirs_public), &mut out, &mut rng)
            .unwrap();
        assert_eq!(&out[..n], shared.as_slice());
    }
}

/// The crate's key agreement on a curve Everest does not cover, P-256,
/// which goes through mbedTLS's own ECDH code: both ends derive one secret.
#[test]
fn p256_agreement_through_the_crate() {
    let mut rng = rng();
    let mut a = Pk::generate_ec(&mut rng, EcGroupId::SecP256R1).unwrap();
    let mut b = Pk::generate_ec(&mut rng, EcGroupId::SecP256R1).unwrap();
    let (mut ab, mut ba) = ([0u8; 32], [0u8; 32]);
    let n = a.agree(&b, &mut ab, &mut rng).unwrap();
    assert_eq!(n, 32);
    assert_eq!(b.agree(&a, &mut ba, &mut rng).unwrap(), 32);
    assert_eq!(ab, ba);
}
