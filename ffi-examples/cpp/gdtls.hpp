// gdtls for C++: Godot's DTLS networking classes (DTLSServer,
// PacketPeerDTLS, PacketPeerUDP, UDPServer, TLSOptions, CryptoKey,
// X509Certificate, Crypto) as C++17 classes over the C API of gdtls.h.
//
// Header-only: include it, compile as C++17 or later, link with -lgdtls.
// Every class and method has Godot's name; what each does, and every error
// it can return, is documented where gdtls.h declares the C function it
// calls (gdtls_<class>_<method>).
//
// The rules, for every class:
//  - An object owns one handle. A default-constructed object is a new one
//    (Godot's `DTLSServer.new()`); one made from `nullptr` holds none, as
//    does an object moved from or returned by a call that failed. Test it
//    with `if (object)`. Calls on an object that holds none return
//    ERR_INVALID_PARAMETER (or false, 0, an empty value), never crash.
//  - Moving transfers the handle. Copying shares the object, as a second
//    Godot `Ref` does: both copies see the same key, the same connection.
//    The object lives until its last copy is destroyed.
//  - Errors are values, as in Godot: methods return `gdtls::Error`, or a
//    value that is empty, false, 0 or an object holding none on failure;
//    `gdtls::last_error()` and `gdtls::last_error_message()` then say what
//    went wrong on this thread. To throw instead, wrap a call in
//    `gdtls::check(...)`, which throws `gdtls::Exception` for an Error other
//    than OK or an object that holds none. One function rather than a
//    second, throwing copy of every class: the classes stay Godot's, and a
//    program mixes both styles call by call.
//  - Text and bytes out come in two shapes: Godot's, returning the value
//    (empty on failure), and one returning the Error with the value in an
//    out parameter, for a caller that must tell an empty packet from a
//    failure or wants to throw. Packets can also be read into a caller's
//    buffer.
//  - Strings in are `std::string_view`, copied with a terminating NUL for
//    C; a string holding a NUL character is refused with
//    ERR_INVALID_PARAMETER, as C would read it cut short. Bytes in are a
//    `gdtls::Bytes` view: a `std::string_view` (or a string literal), a
//    `std::vector<uint8_t>`, or a pointer and a size.
//  - Callbacks (a PSK server's lookup, the log) are `std::function`s that
//    the binding keeps alive for as long as C may call them. An exception
//    leaving one never crosses into C: a lookup that throws refuses the
//    identity, a log callback that throws loses its line.
#ifndef GDTLS_HPP
#define GDTLS_HPP

#include "gdtls.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gdtls {

/// Godot's `@GlobalScope.Error`, value for value (gdtls.h's `gdtls_error`).
enum class Error : int32_t {
    OK = GDTLS_OK,
    FAILED = GDTLS_FAILED,
    ERR_UNAVAILABLE = GDTLS_ERR_UNAVAILABLE,
    ERR_UNCONFIGURED = GDTLS_ERR_UNCONFIGURED,
    ERR_UNAUTHORIZED = GDTLS_ERR_UNAUTHORIZED,
    ERR_PARAMETER_RANGE_ERROR = GDTLS_ERR_PARAMETER_RANGE_ERROR,
    ERR_OUT_OF_MEMORY = GDTLS_ERR_OUT_OF_MEMORY,
    ERR_FILE_NOT_FOUND = GDTLS_ERR_FILE_NOT_FOUND,
    ERR_FILE_BAD_DRIVE = GDTLS_ERR_FILE_BAD_DRIVE,
    ERR_FILE_BAD_PATH = GDTLS_ERR_FILE_BAD_PATH,
    ERR_FILE_NO_PERMISSION = GDTLS_ERR_FILE_NO_PERMISSION,
    ERR_FILE_ALREADY_IN_USE = GDTLS_ERR_FILE_ALREADY_IN_USE,
    ERR_FILE_CANT_OPEN = GDTLS_ERR_FILE_CANT_OPEN,
    ERR_FILE_CANT_WRITE = GDTLS_ERR_FILE_CANT_WRITE,
    ERR_FILE_CANT_READ = GDTLS_ERR_FILE_CANT_READ,
    ERR_FILE_UNRECOGNIZED = GDTLS_ERR_FILE_UNRECOGNIZED,
    ERR_FILE_CORRUPT = GDTLS_ERR_FILE_CORRUPT,
    ERR_FILE_MISSING_DEPENDENCIES = GDTLS_ERR_FILE_MISSING_DEPENDENCIES,
    ERR_FILE_EOF = GDTLS_ERR_FILE_EOF,
    ERR_CANT_OPEN = GDTLS_ERR_CANT_OPEN,
    ERR_CANT_CREATE = GDTLS_ERR_CANT_CREATE,
    ERR_QUERY_FAILED = GDTLS_ERR_QUERY_FAILED,
    ERR_ALREADY_IN_USE = GDTLS_ERR_ALREADY_IN_USE,
    ERR_LOCKED = GDTLS_ERR_LOCKED,
    ERR_TIMEOUT = GDTLS_ERR_TIMEOUT,
    ERR_CANT_CONNECT = GDTLS_ERR_CANT_CONNECT,
    ERR_CANT_RESOLVE = GDTLS_ERR_CANT_RESOLVE,
    ERR_CONNECTION_ERROR = GDTLS_ERR_CONNECTION_ERROR,
    ERR_CANT_ACQUIRE_RESOURCE = GDTLS_ERR_CANT_ACQUIRE_RESOURCE,
    ERR_CANT_FORK = GDTLS_ERR_CANT_FORK,
    ERR_INVALID_DATA = GDTLS_ERR_INVALID_DATA,
    ERR_INVALID_PARAMETER = GDTLS_ERR_INVALID_PARAMETER,
    ERR_ALREADY_EXISTS = GDTLS_ERR_ALREADY_EXISTS,
    ERR_DOES_NOT_EXIST = GDTLS_ERR_DOES_NOT_EXIST,
    ERR_DATABASE_CANT_READ = GDTLS_ERR_DATABASE_CANT_READ,
    ERR_DATABASE_CANT_WRITE = GDTLS_ERR_DATABASE_CANT_WRITE,
    ERR_COMPILATION_FAILED = GDTLS_ERR_COMPILATION_FAILED,
    ERR_METHOD_NOT_FOUND = GDTLS_ERR_METHOD_NOT_FOUND,
    ERR_LINK_FAILED = GDTLS_ERR_LINK_FAILED,
    ERR_SCRIPT_FAILED = GDTLS_ERR_SCRIPT_FAILED,
    ERR_CYCLIC_LINK = GDTLS_ERR_CYCLIC_LINK,
    ERR_INVALID_DECLARATION = GDTLS_ERR_INVALID_DECLARATION,
    ERR_DUPLICATE_SYMBOL = GDTLS_ERR_DUPLICATE_SYMBOL,
    ERR_PARSE_ERROR = GDTLS_ERR_PARSE_ERROR,
    ERR_BUSY = GDTLS_ERR_BUSY,
    ERR_SKIP = GDTLS_ERR_SKIP,
    ERR_HELP = GDTLS_ERR_HELP,
    ERR_BUG = GDTLS_ERR_BUG,
    ERR_PRINTER_ON_FIRE = GDTLS_ERR_PRINTER_ON_FIRE,
};

/// Godot's short description of `error` ("Invalid parameter"), or
/// "Unknown error" for a number outside the table.
inline const char *error_string(Error error) noexcept {
    return gdtls_error_string(static_cast<int32_t>(error));
}

/// The library's version, "MAJOR.MINOR.PATCH"; gdtls.h's GDTLS_VERSION is
/// the version this header was built against.
inline const char *version() noexcept { return gdtls_version(); }

/// The library's version as one number, MAJOR << 16 | MINOR << 8 | PATCH:
/// the library is at least this header's when it is >= GDTLS_VERSION_NUMBER.
inline uint32_t version_number() noexcept { return gdtls_version_number(); }

/// How many handles of any class are live, in this process: compare two
/// readings to find objects still held.
inline std::size_t live_handle_count() noexcept { return gdtls_live_handle_count(); }

namespace detail {

/// A failure the binding itself found before calling C (a string holding
/// a NUL): kept beside the C library's own last error, per thread.
struct BindingError {
    Error error = Error::OK;
    std::string message;
};

inline BindingError &binding_error() {
    static thread_local BindingError error;
    return error;
}

/// Records a failure found by the binding as the thread's last error. The
/// C library's is cleared, so that the newest failure is the one reported.
inline void refuse(Error error, std::string message) {
    gdtls_clear_last_error();
    binding_error() = {error, std::move(message)};
}

inline Error to_error(gdtls_error error) noexcept { return static_cast<Error>(error); }

}  // namespace detail

/// The Error of the last failing gdtls call on this thread; OK if none
/// failed yet, or since `clear_last_error`. Successful calls leave it, as
/// they leave errno.
inline Error last_error() {
    const Error error = detail::to_error(gdtls_get_last_error());
    return error != Error::OK ? error : detail::binding_error().error;
}

/// What went wrong, in words, in the last failing gdtls call on this
/// thread (with mbedTLS's error text where it was involved); empty if none.
inline std::string last_error_message() {
    const char *message = gdtls_get_last_error_message();
    return *message != '\0' ? message : detail::binding_error().message;
}

/// Forgets this thread's last error, to tell the next call's from older ones.
inline void clear_last_error() {
    gdtls_clear_last_error();
    detail::binding_error() = {};
}

/// What `check` throws: a failed call's Error, with `what()` in words.
class Exception : public std::runtime_error {
public:
    Exception(Error error, const std::string &message)
        : std::runtime_error(message), error_(error) {}

    /// The failed call's Error.
    Error error() const noexcept { return error_; }

private:
    Error error_;
};

namespace detail {

/// The base of every class that owns a handle, for `check` to recognise.
struct ObjectBase {};

/// One owned handle of a C class: copied through `Reference` (a second
/// handle to the same object), released through `Free`.
template <class Derived, class C, C *(*Reference)(C *), gdtls_error (*Free)(C *)>
class Object : public ObjectBase {
public:
    /// Takes over a handle the caller owns, from the C API; nullptr makes
    /// an object that holds none.
    static Derived adopt(C *handle) noexcept {
        Derived object(nullptr);
        object.handle_ = handle;
        return object;
    }

    /// The C handle, still owned by this object, for calling the C API.
    C *handle() const noexcept { return handle_; }

    /// Gives the handle up: the caller frees it with the C API. The object
    /// then holds none.
    C *release() noexcept { return std::exchange(handle_, nullptr); }

    /// True when the object holds a handle.
    explicit operator bool() const noexcept { return handle_ != nullptr; }

    /// True when the object holds no handle (Godot's `Ref.is_null()`).
    bool is_null() const noexcept { return handle_ == nullptr; }

    Object(const Object &other) noexcept
        : handle_(other.handle_ != nullptr ? Reference(other.handle_) : nullptr) {}
    Object(Object &&other) noexcept : handle_(other.release()) {}
    // By value: the copy (a new handle) or the move is made first, then
    // swapped in and the old handle freed, so self-assignment is safe.
    Object &operator=(Object other) noexcept {
        std::swap(handle_, other.handle_);
        return *this;
    }
    ~Object() { Free(handle_); }

protected:
    explicit Object(C *handle) noexcept : handle_(handle) {}

private:
    C *handle_;
};

/// A string_view with the NUL a C string needs. One that holds a NUL
/// itself cannot be passed on: C would read a shorter, other path or name.
class Text {
public:
    explicit Text(std::string_view text) : text_(text) {}
    const char *c_str() const noexcept { return text_.c_str(); }
    bool has_nul() const noexcept { return text_.find('\0') != std::string::npos; }

private:
    std::string text_;
};

/// True when every text can go to C; otherwise records why `function` (a
/// C function's name, as the library's own messages begin) is refused.
template <class... Texts>
bool texts_ok(const char *function, const Texts &...texts) {
    if (!(texts.has_nul() || ...)) return true;
    refuse(Error::ERR_INVALID_PARAMETER,
           std::string(function) + ": a string argument holds a NUL character, where C would end it");
    return false;
}

/// The room given to a first read of a packet or a text: most fit, and a
/// larger one is read again at its size.
constexpr std::size_t first_read_size = 2048;

/// Fills `out` (a std::string or std::vector<uint8_t>) through a C call
/// writing into a caller buffer, `read(buf, cap, &len)`: first into the
/// room `out` has, then, when that was too small, at the size the call
/// asked for; a buffer too small loses nothing. `nul` is 1 for C text,
/// which needs room for its terminating NUL. On failure `out` is empty.
template <class Buffer, class Read>
Error read_into(Buffer &out, std::size_t nul, Read &&read) {
    out.resize(out.capacity() > first_read_size ? out.capacity() : first_read_size);
    std::size_t len = 0;
    Error error = to_error(read(out.data(), out.size(), &len));
    if (error == Error::ERR_PARAMETER_RANGE_ERROR && len + nul > out.size()) {
        out.resize(len + nul);
        error = to_error(read(out.data(), out.size(), &len));
    }
    out.resize(error == Error::OK ? len : 0);
    return error;
}

}  // namespace detail

/// The address of the exported C function called `name` (cast it to its
/// `gdtls_<name>_fn` type before calling it), or nullptr when there is none.
inline gdtls_proc get_proc_address(std::string_view name) {
    const detail::Text c_name(name);
    if (!detail::texts_ok("gdtls_get_proc_address", c_name)) return nullptr;
    return gdtls_get_proc_address(c_name.c_str());
}

/// Throws `Exception` unless `error` is OK: `check(peer.put_packet(data))`.
inline void check(Error error) {
    if (error == Error::OK) return;
    const std::string message = last_error_message();
    throw Exception(error, message.empty() ? error_string(error) : message);
}

/// Returns `object`, or throws `Exception` with this thread's last error
/// when it holds none: `auto key = check(Crypto::generate_rsa(2048));`.
/// For calls that record an error when they return no object (all but
/// `UDPServer::take_connection` with nothing pending, and the TLSOptions
/// getters for what the options lack).
template <class T, class = std::enable_if_t<std::is_base_of_v<detail::ObjectBase, T>>>
T check(T object) {
    if (object) return object;
    const Error error = last_error();
    const std::string message = last_error_message();
    throw Exception(error != Error::OK ? error : Error::FAILED,
                    message.empty() ? "the call returned no object" : message);
}

/// How much the library logs (gdtls.h's GDTLS_LOG_*), for
/// `set_log_callback`: `gdtls::LOG_STATE`.
enum LogLevel : int32_t {
    LOG_NONE = GDTLS_LOG_NONE,        ///< nothing
    LOG_ERROR = GDTLS_LOG_ERROR,      ///< errors
    LOG_STATE = GDTLS_LOG_STATE,      ///< each handshake step, connections ending
    LOG_INFO = GDTLS_LOG_INFO,        ///< what each step sent and read
    LOG_VERBOSE = GDTLS_LOG_VERBOSE,  ///< buffers and certificates, dumped
};

/// Receives one line of the library's log: its level and its text, without
/// a newline, valid only during the call. It runs on whichever thread made
/// the call that logged, possibly on several at once; it must return
/// quickly and must not call `set_log_callback`.
using LogCallback = std::function<void(LogLevel level, std::string_view message)>;

namespace detail {

/// The log callback C calls through `log_line`. Each line holds its own
/// reference to the callback while it runs, so that replacing it never
/// destroys one still running on another thread, and a callback may make
/// gdtls calls that log.
struct LogSink {
    std::mutex lock;
    std::shared_ptr<const LogCallback> callback;

    std::shared_ptr<const LogCallback> current() {
        const std::lock_guard<std::mutex> reading(lock);
        return callback;
    }
};

inline LogSink &log_sink() {
    // Never destroyed: another thread may still log while the process exits.
    static LogSink *const sink = new LogSink;
    return *sink;
}

inline void log_line(void *sink, int32_t level, const char *message) noexcept {
    try {
        const std::shared_ptr<const LogCallback> callback = static_cast<LogSink *>(sink)->current();
        if (callback) (*callback)(static_cast<LogLevel>(level), message != nullptr ? message : "");
    } catch (...) {
        // The line is lost; the call that logged goes on.
    }
}

}  // namespace detail

/// Sends the library's messages up to `level`, for every object, to
/// `callback` from now on; none (`nullptr`) or LOG_NONE stops logging,
/// the default. The binding keeps the callback until it is replaced.
inline Error set_log_callback(LogCallback callback, LogLevel level = LOG_ERROR) {
    detail::LogSink &sink = detail::log_sink();
    auto next = callback && level != LOG_NONE ? std::make_shared<const LogCallback>(std::move(callback))
                                              : nullptr;
    // C is told first, so that a level it refuses changes nothing here.
    const Error error =
        detail::to_error(gdtls_set_log_callback(next ? detail::log_line : nullptr, &sink, level));
    if (error != Error::OK) return error;
    const std::lock_guard<std::mutex> replacing(sink.lock);
    sink.callback.swap(next);
    // `next`, now the previous callback, goes with the last line running it.
    return Error::OK;
}

/// Bytes passed in, viewed, not copied: a `std::string_view` (or a string,
/// or a string literal without its NUL), a `std::vector<uint8_t>`, or a
/// pointer and a size. Valid as long as what it views.
class Bytes {
public:
    Bytes(const uint8_t *data, std::size_t size) noexcept : data_(data), size_(size) {}
    Bytes(const std::vector<uint8_t> &bytes) noexcept : Bytes(bytes.data(), bytes.size()) {}
    Bytes(std::string_view text) noexcept
        : Bytes(reinterpret_cast<const uint8_t *>(text.data()), text.size()) {}
    Bytes(const std::string &text) noexcept : Bytes(std::string_view(text)) {}
    Bytes(const char *text) noexcept
        : Bytes(text != nullptr ? std::string_view(text) : std::string_view()) {}

    /// The first byte.
    const uint8_t *data() const noexcept { return data_; }
    /// How many bytes.
    std::size_t size() const noexcept { return size_; }

private:
    const uint8_t *data_;
    std::size_t size_;
};

/// What a pin covers (gdtls.h's GDTLS_PIN_*): `gdtls::PIN_PUBLIC_KEY`.
enum PinKind : int32_t {
    /// The certificate's public key (its SubjectPublicKeyInfo, as HPKP
    /// pins): a renewal with the same key keeps the pin.
    PIN_PUBLIC_KEY = GDTLS_PIN_PUBLIC_KEY,
    /// The whole certificate (DER).
    PIN_CERTIFICATE = GDTLS_PIN_CERTIFICATE,
};

/// The size of a pin: a SHA-256 hash.
constexpr std::size_t pin_size = 32;

/// Godot's `X509Certificate`: one certificate, or a chain of them in order.
class X509Certificate
    : public detail::Object<X509Certificate, gdtls_x509_certificate,
                            gdtls_x509_certificate_reference, gdtls_x509_certificate_free> {
public:
    /// A new, empty certificate.
    X509Certificate() : Object(gdtls_x509_certificate_new()) {}
    /// No certificate.
    X509Certificate(std::nullptr_t) noexcept : Object(nullptr) {}

    /// Loads every certificate in the file at `path` (PEM, or one DER),
    /// replacing the content.
    Error load(std::string_view path) {
        const detail::Text c_path(path);
        if (!detail::texts_ok("gdtls_x509_certificate_load", c_path)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_x509_certificate_load(handle(), c_path.c_str()));
    }

    /// Loads every certificate in PEM text, replacing the content.
    Error load_from_string(std::string_view string) {
        const detail::Text c_string(string);
        if (!detail::texts_ok("gdtls_x509_certificate_load_from_string", c_string))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_x509_certificate_load_from_string(handle(), c_string.c_str()));
    }

    /// Loads certificates from bytes in memory, one in DER or a chain in
    /// PEM, replacing the content.
    Error load_from_buffer(Bytes buffer) {
        return detail::to_error(
            gdtls_x509_certificate_load_from_buffer(handle(), buffer.data(), buffer.size()));
    }

    /// Saves every certificate as PEM to the file at `path`.
    Error save(std::string_view path) const {
        const detail::Text c_path(path);
        if (!detail::texts_ok("gdtls_x509_certificate_save", c_path)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_x509_certificate_save(handle(), c_path.c_str()));
    }

    /// Every certificate as PEM text; empty on failure.
    std::string save_to_string() const {
        std::string out;
        save_to_string(out);
        return out;
    }

    /// Every certificate as PEM text, into `out`.
    Error save_to_string(std::string &out) const {
        return detail::read_into(out, 1, [this](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_x509_certificate_save_to_string(handle(), buf, cap, len);
        });
    }

    /// How many certificates it holds: 0 when empty, more for a chain.
    std::size_t get_count() const { return gdtls_x509_certificate_get_count(handle()); }

    /// The SHA-256 pin of the first certificate, of its public key or of
    /// all of it, as `TLSOptions::add_pin` takes it; empty on failure.
    std::vector<uint8_t> get_sha256_pin(PinKind kind) const {
        std::vector<uint8_t> out;
        get_sha256_pin(kind, out);
        return out;
    }

    /// The SHA-256 pin of the first certificate, into `out`.
    Error get_sha256_pin(PinKind kind, std::vector<uint8_t> &out) const {
        out.resize(pin_size);
        const Error error =
            detail::to_error(gdtls_x509_certificate_get_sha256_pin(handle(), kind, out.data()));
        if (error != Error::OK) out.clear();
        return error;
    }
};

/// Godot's `CryptoKey`: an RSA or EC key, private or public only.
class CryptoKey : public detail::Object<CryptoKey, gdtls_crypto_key, gdtls_crypto_key_reference,
                                        gdtls_crypto_key_free> {
public:
    /// A new, empty key.
    CryptoKey() : Object(gdtls_crypto_key_new()) {}
    /// No key.
    CryptoKey(std::nullptr_t) noexcept : Object(nullptr) {}

    /// Loads a key from the file at `path` (PEM or DER), replacing the
    /// content: a public key when `public_only`, else a private one.
    Error load(std::string_view path, bool public_only = false) {
        const detail::Text c_path(path);
        if (!detail::texts_ok("gdtls_crypto_key_load", c_path)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_crypto_key_load(handle(), c_path.c_str(), public_only));
    }

    /// Loads a key from PEM text, replacing the content.
    Error load_from_string(std::string_view string_key, bool public_only = false) {
        const detail::Text c_key(string_key);
        if (!detail::texts_ok("gdtls_crypto_key_load_from_string", c_key))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_crypto_key_load_from_string(handle(), c_key.c_str(), public_only));
    }

    /// Loads a key from bytes in memory, DER or PEM, replacing the content.
    Error load_from_buffer(Bytes buffer, bool public_only = false) {
        return detail::to_error(
            gdtls_crypto_key_load_from_buffer(handle(), buffer.data(), buffer.size(), public_only));
    }

    /// Saves the key as PEM to the file at `path`: the public key only
    /// when `public_only` or when the key has no private part.
    Error save(std::string_view path, bool public_only = false) const {
        const detail::Text c_path(path);
        if (!detail::texts_ok("gdtls_crypto_key_save", c_path)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_crypto_key_save(handle(), c_path.c_str(), public_only));
    }

    /// The key as PEM text, as `save` writes it; empty on failure.
    std::string save_to_string(bool public_only = false) const {
        std::string out;
        save_to_string(out, public_only);
        return out;
    }

    /// The key as PEM text, into `out`.
    Error save_to_string(std::string &out, bool public_only = false) const {
        return detail::read_into(out, 1, [this, public_only](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_crypto_key_save_to_string(handle(), public_only, buf, cap, len);
        });
    }

    /// True when the key has no private part (loaded public only, or empty).
    bool is_public_only() const { return gdtls_crypto_key_is_public_only(handle()); }
};

/// Godot's `Crypto`, for the methods DTLS needs. It holds nothing, so they
/// are static: `Crypto crypto; crypto.generate_rsa(2048)` reads as in
/// GDScript, and `Crypto::generate_rsa(2048)` works as well.
class Crypto {
public:
    /// A new RSA key of `size` bits (even, 512 to 8192), exponent 65537;
    /// none on failure. Slow: seconds for 4096 bits.
    static CryptoKey generate_rsa(int32_t size) {
        return CryptoKey::adopt(gdtls_crypto_generate_rsa(size));
    }

    /// A new ECDSA key on `curve`, "P-256" or "P-384" (or "secp256r1",
    /// "secp384r1"); none for another. Godot makes RSA keys only; EC keys
    /// make handshakes several times faster.
    static CryptoKey generate_ecdsa(std::string_view curve) {
        const detail::Text c_curve(curve);
        if (!detail::texts_ok("gdtls_crypto_generate_ecdsa", c_curve)) return nullptr;
        return CryptoKey::adopt(gdtls_crypto_generate_ecdsa(c_curve.c_str()));
    }

    /// A new self-signed CA certificate for `key` (which holds a private
    /// part), from `not_before` to `not_after` (UTC, "YYYYMMDDhhmmss"),
    /// with `issuer_name` as subject and issuer; none on failure. The
    /// defaults are Godot's.
    static X509Certificate generate_self_signed_certificate(
        const CryptoKey &key, std::string_view issuer_name = "CN=myserver,O=myorganisation,C=IT",
        std::string_view not_before = "20140101000000", std::string_view not_after = "20340101000000") {
        const detail::Text c_issuer(issuer_name), c_before(not_before), c_after(not_after);
        if (!detail::texts_ok("gdtls_crypto_generate_self_signed_certificate", c_issuer, c_before, c_after))
            return nullptr;
        return X509Certificate::adopt(gdtls_crypto_generate_self_signed_certificate(
            key.handle(), c_issuer.c_str(), c_before.c_str(), c_after.c_str()));
    }
};

/// A PSK server's lookup: given a client's identity, its key (1 to
/// GDTLS_MAX_PSK_LEN bytes), or nothing to refuse it. It runs on the
/// thread driving the handshake (in `DTLSServer::take_connection` or the
/// connection's `poll`), possibly on several at once; it must not call
/// gdtls for the server or connection being driven. An exception leaving
/// it, or a key of another size, refuses the identity.
using PskLookup = std::function<std::optional<std::vector<uint8_t>>(const std::vector<uint8_t> &identity)>;

/// Godot's `TLSOptions`: what a client trusts, or what a server presents.
/// Made by its static functions only, as in Godot. Godot's part is
/// immutable; what gdtls adds (pins, revocation lists, pre-shared keys,
/// client certificates, MTU, suites, curves) is set on the options and
/// applies to connections and setups made after.
class TLSOptions : public detail::Object<TLSOptions, gdtls_tls_options, gdtls_tls_options_reference,
                                         gdtls_tls_options_free> {
public:
    /// No options: where a call takes options, the default ones.
    TLSOptions(std::nullptr_t) noexcept : Object(nullptr) {}

    /// A client that verifies the server: its certificate must chain to
    /// `trusted_chain` (none: the system's CA bundle) and name the host
    /// given to `connect_to_peer`, or `common_name_override` if not empty.
    static TLSOptions client(const X509Certificate &trusted_chain = nullptr,
                             std::string_view common_name_override = "") {
        const detail::Text c_name(common_name_override);
        if (!detail::texts_ok("gdtls_tls_options_client", c_name)) return nullptr;
        return adopt(gdtls_tls_options_client(trusted_chain.handle(), c_name.c_str()));
    }

    /// A client that verifies nothing: for testing only.
    static TLSOptions client_unsafe(const X509Certificate &trusted_chain = nullptr) {
        return adopt(gdtls_tls_options_client_unsafe(trusted_chain.handle()));
    }

    /// A server presenting `certificate` (then the rest of its chain) with
    /// the private `key` matching it.
    static TLSOptions server(const CryptoKey &key, const X509Certificate &certificate) {
        return adopt(gdtls_tls_options_server(key.handle(), certificate.handle()));
    }

    /// A client that proves itself with the pre-shared `key` (1 to
    /// GDTLS_MAX_PSK_LEN bytes) under `identity` (1 to 128 bytes), without
    /// certificates. Both are copied.
    static TLSOptions client_psk(Bytes identity, Bytes key) {
        return adopt(gdtls_tls_options_client_psk(identity.data(), identity.size(), key.data(), key.size()));
    }

    /// A server that accepts clients by pre-shared key, finding each
    /// identity's key with `lookup`, which the options keep until the
    /// library lets it go (when the options, the servers set up with them
    /// and their connections are gone); none for no lookup.
    static TLSOptions server_psk(PskLookup lookup) {
        if (!lookup) {
            detail::refuse(Error::ERR_INVALID_PARAMETER, "gdtls_tls_options_server_psk: no lookup function");
            return nullptr;
        }
        auto kept = std::make_unique<PskLookup>(std::move(lookup));
        TLSOptions options = adopt(gdtls_tls_options_server_psk(psk_lookup, kept.get(), psk_release));
        // From here on gdtls calls `psk_release` once, which deletes it.
        if (options) kept.release();
        return options;
    }

    /// A PSK server whose one `key` (1 to GDTLS_MAX_PSK_LEN bytes, copied)
    /// opens every identity.
    static TLSOptions server_psk_key(Bytes key) {
        return adopt(gdtls_tls_options_server_psk_key(key.data(), key.size()));
    }

    /// True for `server` options.
    bool is_server() const { return gdtls_tls_options_is_server(handle()); }

    /// True for `client_unsafe` options.
    bool is_unsafe_client() const { return gdtls_tls_options_is_unsafe_client(handle()); }

    /// The common name override; empty when none or on failure.
    std::string get_common_name_override() const {
        std::string out;
        get_common_name_override(out);
        return out;
    }

    /// The common name override, into `out`.
    Error get_common_name_override(std::string &out) const {
        return detail::read_into(out, 1, [this](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_tls_options_get_common_name_override(handle(), buf, cap, len);
        });
    }

    /// The trusted CA chain; none when the options have none.
    X509Certificate get_trusted_ca_chain() const {
        return X509Certificate::adopt(gdtls_tls_options_get_trusted_ca_chain(handle()));
    }

    /// The server's private key; none for client options.
    CryptoKey get_private_key() const {
        return CryptoKey::adopt(gdtls_tls_options_get_private_key(handle()));
    }

    /// The server's own certificate; none for client options.
    X509Certificate get_own_certificate() const {
        return X509Certificate::adopt(gdtls_tls_options_get_own_certificate(handle()));
    }

    /// Adds a pin: the peer's chain must hold a certificate (or public key,
    /// per `kind`) whose SHA-256 is `sha256` (32 bytes, from
    /// `X509Certificate::get_sha256_pin`) or another pin's, or the
    /// handshake fails with ERR_UNAUTHORIZED. With `client_unsafe`, the
    /// pins stand in for a CA; server options pin client certificates.
    Error add_pin(PinKind kind, Bytes sha256) {
        if (sha256.size() != pin_size) {
            detail::refuse(Error::ERR_INVALID_PARAMETER,
                           "gdtls_tls_options_add_pin: a pin is " + std::to_string(pin_size) +
                               " bytes of SHA-256, not " + std::to_string(sha256.size()));
            return Error::ERR_INVALID_PARAMETER;
        }
        return detail::to_error(gdtls_tls_options_add_pin(handle(), kind, sha256.data()));
    }

    /// Adds certificate revocation lists (PEM, one or more; or one DER): a
    /// peer certificate they revoke is refused.
    Error add_crl(Bytes crl) {
        return detail::to_error(gdtls_tls_options_add_crl(handle(), crl.data(), crl.size()));
    }

    /// The largest datagram connections made with the options write,
    /// GDTLS_MIN_MTU to GDTLS_MAX_MTU (default GDTLS_DTLS_MTU).
    Error set_mtu(uint16_t mtu) { return detail::to_error(gdtls_tls_options_set_mtu(handle(), mtu)); }

    /// The MTU of connections made with the options.
    uint16_t get_mtu() const { return gdtls_tls_options_get_mtu(handle()); }

    /// The cipher suites to offer or accept, in order, by mbedTLS's names
    /// separated by commas or colons; empty: the default (forward-secret
    /// AEAD suites).
    Error set_cipher_suites(std::string_view names) {
        const detail::Text c_names(names);
        if (!detail::texts_ok("gdtls_tls_options_set_cipher_suites", c_names))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_tls_options_set_cipher_suites(handle(), c_names.c_str()));
    }

    /// The curves to offer or accept for the key exchange, in order
    /// ("x25519,secp256r1"); empty: the default.
    Error set_curves(std::string_view names) {
        const detail::Text c_names(names);
        if (!detail::texts_ok("gdtls_tls_options_set_curves", c_names)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_tls_options_set_curves(handle(), c_names.c_str()));
    }

    /// Gives client options a `certificate` (then its chain) and its
    /// private `key`, for servers that ask for one.
    Error set_client_certificate(const CryptoKey &key, const X509Certificate &certificate) {
        return detail::to_error(
            gdtls_tls_options_set_client_certificate(handle(), key.handle(), certificate.handle()));
    }

    /// Makes a server with these options ask each client for a certificate
    /// chaining to `trusted_chain`; with `required`, one without is refused.
    Error set_client_verification(const X509Certificate &trusted_chain, bool required) {
        return detail::to_error(
            gdtls_tls_options_set_client_verification(handle(), trusted_chain.handle(), required));
    }

    /// Whether clients made with the options resume their sessions when
    /// they reconnect (on by default).
    Error set_session_resumption(bool enabled) {
        return detail::to_error(gdtls_tls_options_set_session_resumption(handle(), enabled));
    }

    /// True when clients made with the options resume sessions.
    bool get_session_resumption() const { return gdtls_tls_options_get_session_resumption(handle()); }

private:
    // The C callbacks of `server_psk`. No exception may cross into C.
    static std::size_t psk_lookup(void *lookup, const uint8_t *identity, std::size_t identity_len,
                                  uint8_t *key_out, std::size_t key_cap) noexcept {
        try {
            const std::optional<std::vector<uint8_t>> key =
                (*static_cast<PskLookup *>(lookup))(std::vector<uint8_t>(identity, identity + identity_len));
            if (!key || key->empty() || key->size() > key_cap) return 0;
            std::copy(key->begin(), key->end(), key_out);
            return key->size();
        } catch (...) {
            return 0;
        }
    }

    static void psk_release(void *lookup) noexcept { delete static_cast<PskLookup *>(lookup); }
};

/// What carries a `PacketPeerUDP` made by `PacketPeerUDP::from_transport`
/// instead of a socket: an engine's own UDP, a relay, a simulated network.
/// gdtls calls it from the thread calling into gdtls for that peer, one
/// call at a time; it must not block, nor call gdtls for that peer or a
/// DTLS peer over it. An exception leaving it counts as a failure.
class Transport {
public:
    virtual ~Transport() = default;

    /// Sends one datagram: OK when sent (or lost, as networks lose them),
    /// ERR_BUSY when it cannot be taken now, ERR_CONNECTION_ERROR when the
    /// other side is known to be gone, another Error for a failure.
    virtual Error send(const uint8_t *data, std::size_t len) = 0;

    /// Copies the next waiting datagram into `buf` (`cap` bytes, at least
    /// 65507) and returns its length, or -1 when none waits; any other
    /// negative value is a failure.
    virtual int64_t receive(uint8_t *buf, std::size_t cap) = 0;
};

namespace detail {

/// Godot's `PacketPeer`: what `PacketPeerUDP` and `PacketPeerDTLS` inherit
/// from it, each method calling the C function of the class it serves. A
/// packet is one datagram for `PacketPeerUDP`; for `PacketPeerDTLS`, what
/// one `put_packet` of the other side sent, carried encrypted in one
/// datagram.
template <class Derived, class C, C *(*Reference)(C *), gdtls_error (*Free)(C *),
          gdtls_error (*PutPacket)(C *, const uint8_t *, std::size_t),
          gdtls_error (*GetPacket)(C *, uint8_t *, std::size_t, std::size_t *),
          int32_t (*GetAvailablePacketCount)(C *), int32_t (*GetMaxPacketSize)(C *)>
class PacketPeer : public Object<Derived, C, Reference, Free> {
public:
    /// Sends `packet` in one datagram, encrypted for DTLS.
    Error put_packet(Bytes packet) {
        return to_error(PutPacket(this->handle(), packet.data(), packet.size()));
    }

    /// Sends `size` bytes from `data` in one datagram, encrypted for DTLS.
    Error put_packet(const uint8_t *data, std::size_t size) { return put_packet(Bytes(data, size)); }

    /// The next received packet; empty on failure (see `last_error`).
    std::vector<uint8_t> get_packet() {
        std::vector<uint8_t> out;
        get_packet(out);
        return out;
    }

    /// The next received packet, into `out`.
    Error get_packet(std::vector<uint8_t> &out) {
        return read_into(out, 0, [this](uint8_t *buf, std::size_t cap, std::size_t *len) {
            return GetPacket(this->handle(), buf, cap, len);
        });
    }

    /// The next received packet, into `buf` (`cap` bytes); `len` receives
    /// its length, or the size needed with ERR_PARAMETER_RANGE_ERROR.
    Error get_packet(uint8_t *buf, std::size_t cap, std::size_t &len) {
        return to_error(GetPacket(this->handle(), buf, cap, &len));
    }

    /// How many received packets wait; for UDP, -1 without a socket.
    int32_t get_available_packet_count() { return GetAvailablePacketCount(this->handle()); }

    /// The largest packet `put_packet` accepts: for UDP, GDTLS_MAX_DATAGRAM
    /// (65507); for DTLS, what one datagram of at most GDTLS_DTLS_MTU bytes
    /// carries encrypted.
    int32_t get_max_packet_size() const { return GetMaxPacketSize(this->handle()); }

protected:
    using Object<Derived, C, Reference, Free>::Object;
};

}  // namespace detail

/// Godot's `PacketPeerUDP`: a UDP socket, a peer taken from a `UDPServer`,
/// or one carried by the host (`from_transport`, `from_callbacks`).
class PacketPeerUDP
    : public detail::PacketPeer<PacketPeerUDP, gdtls_packet_peer_udp, gdtls_packet_peer_udp_reference,
                                gdtls_packet_peer_udp_free, gdtls_packet_peer_udp_put_packet,
                                gdtls_packet_peer_udp_get_packet,
                                gdtls_packet_peer_udp_get_available_packet_count,
                                gdtls_packet_peer_udp_get_max_packet_size> {
public:
    /// A new peer without a socket.
    PacketPeerUDP() : PacketPeer(gdtls_packet_peer_udp_new()) {}
    /// No peer.
    PacketPeerUDP(std::nullptr_t) noexcept : PacketPeer(nullptr) {}

    /// A connected peer whose datagrams travel through `callbacks` (copied;
    /// see gdtls_udp_callbacks for the contract); none when `send` or
    /// `receive` is missing.
    static PacketPeerUDP from_callbacks(const gdtls_udp_callbacks &callbacks) {
        return adopt(gdtls_packet_peer_udp_new_from_callbacks(&callbacks));
    }

    /// A connected peer whose datagrams travel through `transport`, which
    /// the peer owns from now on and deletes once closed or released; none
    /// for no transport.
    static PacketPeerUDP from_transport(std::unique_ptr<Transport> transport) {
        if (!transport) {
            detail::refuse(Error::ERR_INVALID_PARAMETER,
                           "gdtls_packet_peer_udp_new_from_callbacks: no transport to carry the datagrams");
            return nullptr;
        }
        gdtls_udp_callbacks callbacks{};
        callbacks.user_data = transport.get();
        callbacks.send = transport_send;
        callbacks.receive = transport_receive;
        callbacks.release = transport_release;
        PacketPeerUDP peer = from_callbacks(callbacks);
        // From here on gdtls calls `release` once, which deletes it.
        if (peer) transport.release();
        return peer;
    }

    /// Binds to `port` (0: any free one) on `bind_address` ("*": every
    /// address), queueing at most `recv_buf_size` bytes of datagrams.
    Error bind(int32_t port, std::string_view bind_address = "*",
               int32_t recv_buf_size = GDTLS_DEFAULT_RECV_BUF_SIZE) {
        const detail::Text c_address(bind_address);
        if (!detail::texts_ok("gdtls_packet_peer_udp_bind", c_address)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_packet_peer_udp_bind(handle(), port, c_address.c_str(), recv_buf_size));
    }

    /// Closes the socket and drops queued packets.
    Error close() { return detail::to_error(gdtls_packet_peer_udp_close(handle())); }

    /// Connects to `host` (an address, or a name to resolve) and `port`:
    /// only its datagrams are received, and `put_packet` sends there.
    Error connect_to_host(std::string_view host, int32_t port) {
        const detail::Text c_host(host);
        if (!detail::texts_ok("gdtls_packet_peer_udp_connect_to_host", c_host))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_packet_peer_udp_connect_to_host(handle(), c_host.c_str(), port));
    }

    /// True for a connected peer.
    bool is_socket_connected() const { return gdtls_packet_peer_udp_is_socket_connected(handle()); }

    /// True when the peer has a socket.
    bool is_bound() const { return gdtls_packet_peer_udp_is_bound(handle()); }

    /// Sets where `put_packet` sends, for a peer that is not connected.
    Error set_dest_address(std::string_view host, int32_t port) {
        const detail::Text c_host(host);
        if (!detail::texts_ok("gdtls_packet_peer_udp_set_dest_address", c_host))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_packet_peer_udp_set_dest_address(handle(), c_host.c_str(), port));
    }

    /// The IP address the last datagram came from; empty before any.
    std::string get_packet_ip() const {
        std::string out;
        get_packet_ip(out);
        return out;
    }

    /// The IP address the last datagram came from, into `out`.
    Error get_packet_ip(std::string &out) const {
        return detail::read_into(out, 1, [this](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_packet_peer_udp_get_packet_ip(handle(), buf, cap, len);
        });
    }

    /// The port the last datagram came from; 0 before any.
    int32_t get_packet_port() const { return gdtls_packet_peer_udp_get_packet_port(handle()); }

    /// The socket's local port; 0 without one.
    int32_t get_local_port() const { return gdtls_packet_peer_udp_get_local_port(handle()); }

    /// The descriptor of the socket the peer reads (for a peer taken from a
    /// `UDPServer`, the server's), for an event loop to sleep on in poll,
    /// select or epoll; it stays gdtls's, not to read, write or close. -1
    /// without a socket or over a host's transport.
    int32_t get_socket_fd() const { return gdtls_packet_peer_udp_get_socket_fd(handle()); }

    /// Blocks until a datagram waits.
    Error wait() { return detail::to_error(gdtls_packet_peer_udp_wait(handle())); }

    /// Blocks until a datagram waits, for at most `timeout_msec`
    /// milliseconds (ERR_TIMEOUT then).
    Error wait_timeout(uint32_t timeout_msec) {
        return detail::to_error(gdtls_packet_peer_udp_wait_timeout(handle(), timeout_msec));
    }

    /// Allows or forbids sending to broadcast addresses.
    Error set_broadcast_enabled(bool enabled) {
        return detail::to_error(gdtls_packet_peer_udp_set_broadcast_enabled(handle(), enabled));
    }

    /// Receives what is sent to `multicast_address` on `interface_name`
    /// (empty: the system's choice). Bind the peer first, to the group's port.
    Error join_multicast_group(std::string_view multicast_address, std::string_view interface_name = "") {
        const detail::Text c_address(multicast_address), c_interface(interface_name);
        if (!detail::texts_ok("gdtls_packet_peer_udp_join_multicast_group", c_address, c_interface))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(
            gdtls_packet_peer_udp_join_multicast_group(handle(), c_address.c_str(), c_interface.c_str()));
    }

    /// Stops receiving what is sent to a group joined with
    /// `join_multicast_group`.
    Error leave_multicast_group(std::string_view multicast_address, std::string_view interface_name = "") {
        const detail::Text c_address(multicast_address), c_interface(interface_name);
        if (!detail::texts_ok("gdtls_packet_peer_udp_leave_multicast_group", c_address, c_interface))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(
            gdtls_packet_peer_udp_leave_multicast_group(handle(), c_address.c_str(), c_interface.c_str()));
    }

private:
    // The C callbacks of `from_transport`. No exception may cross into C.
    static int32_t transport_send(void *transport, const uint8_t *data, std::size_t len) {
        try {
            return static_cast<int32_t>(static_cast<Transport *>(transport)->send(data, len));
        } catch (...) {
            return GDTLS_FAILED;
        }
    }

    static int64_t transport_receive(void *transport, uint8_t *buf, std::size_t cap) {
        try {
            return static_cast<Transport *>(transport)->receive(buf, cap);
        } catch (...) {
            return -2;
        }
    }

    static void transport_release(void *transport) { delete static_cast<Transport *>(transport); }
};

/// Godot's `UDPServer`: one socket whose datagrams are sorted by source;
/// each new source is a pending connection for `take_connection`.
class UDPServer : public detail::Object<UDPServer, gdtls_udp_server, gdtls_udp_server_reference,
                                        gdtls_udp_server_free> {
public:
    /// A new server, not listening.
    UDPServer() : Object(gdtls_udp_server_new()) {}
    /// No server.
    UDPServer(std::nullptr_t) noexcept : Object(nullptr) {}

    /// Listens on `port` (0: any free one) of `bind_address` ("*": every
    /// address). As in Godot, with SO_REUSEADDR: see gdtls.h.
    Error listen(int32_t port, std::string_view bind_address = "*") {
        const detail::Text c_address(bind_address);
        if (!detail::texts_ok("gdtls_udp_server_listen", c_address)) return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_udp_server_listen(handle(), port, c_address.c_str()));
    }

    /// Reads the socket and sorts what arrived.
    Error poll() { return detail::to_error(gdtls_udp_server_poll(handle())); }

    /// True when a pending connection waits (reads the socket first).
    bool is_connection_available() { return gdtls_udp_server_is_connection_available(handle()); }

    /// The oldest pending connection, a peer connected to its source; none
    /// when no connection is pending.
    PacketPeerUDP take_connection() {
        return PacketPeerUDP::adopt(gdtls_udp_server_take_connection(handle()));
    }

    /// Stops listening: pending connections are dropped, taken peers closed.
    Error stop() { return detail::to_error(gdtls_udp_server_stop(handle())); }

    /// True while listening.
    bool is_listening() const { return gdtls_udp_server_is_listening(handle()); }

    /// The port it listens on; 0 when not listening.
    int32_t get_local_port() const { return gdtls_udp_server_get_local_port(handle()); }

    /// The listening socket's descriptor, for an event loop: when it is
    /// readable, `poll` the server, then its connections. It stays the
    /// server's, not to read, write or close. -1 when not listening.
    int32_t get_socket_fd() const { return gdtls_udp_server_get_socket_fd(handle()); }

    /// How many connections may be pending (Godot's default: 16); sources
    /// beyond wait in a bounded backlog instead of being dropped.
    Error set_max_pending_connections(int32_t max) {
        return detail::to_error(gdtls_udp_server_set_max_pending_connections(handle(), max));
    }

    /// The pending-connection limit.
    int32_t get_max_pending_connections() const {
        return gdtls_udp_server_get_max_pending_connections(handle());
    }
};

/// What crossed a DTLS connection's transport, every datagram with its
/// headers: `datagrams_received`, `bytes_received`, `datagrams_sent` and
/// `bytes_sent` (gdtls.h's `gdtls_traffic`).
using Traffic = gdtls_traffic;

/// Godot's `PacketPeerDTLS`: one DTLS connection over a UDP peer.
class PacketPeerDTLS
    : public detail::PacketPeer<PacketPeerDTLS, gdtls_packet_peer_dtls, gdtls_packet_peer_dtls_reference,
                                gdtls_packet_peer_dtls_free, gdtls_packet_peer_dtls_put_packet,
                                gdtls_packet_peer_dtls_get_packet,
                                gdtls_packet_peer_dtls_get_available_packet_count,
                                gdtls_packet_peer_dtls_get_max_packet_size> {
public:
    /// Godot's `PacketPeerDTLS.Status`, spelt as in GDScript:
    /// `PacketPeerDTLS::STATUS_CONNECTED`.
    enum Status : int32_t {
        STATUS_DISCONNECTED = GDTLS_STATUS_DISCONNECTED,
        STATUS_HANDSHAKING = GDTLS_STATUS_HANDSHAKING,
        STATUS_CONNECTED = GDTLS_STATUS_CONNECTED,
        STATUS_ERROR = GDTLS_STATUS_ERROR,
        STATUS_ERROR_HOSTNAME_MISMATCH = GDTLS_STATUS_ERROR_HOSTNAME_MISMATCH,
    };

    /// A new peer, not connected.
    PacketPeerDTLS() : PacketPeer(gdtls_packet_peer_dtls_new()) {}
    /// No peer.
    PacketPeerDTLS(std::nullptr_t) noexcept : PacketPeer(nullptr) {}

    /// Godot 4's `connect_to_peer`: starts a handshake as a client over the
    /// connected `packet_peer`, with `client_options` (none: verify against
    /// the system's CA bundle for `hostname`). Then `poll`.
    Error connect_to_peer(const PacketPeerUDP &packet_peer, std::string_view hostname,
                          const TLSOptions &client_options = nullptr) {
        const detail::Text c_hostname(hostname);
        if (!detail::texts_ok("gdtls_packet_peer_dtls_connect_to_peer", c_hostname))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_packet_peer_dtls_connect_to_peer(
            handle(), packet_peer.handle(), c_hostname.c_str(), client_options.handle()));
    }

    /// Godot 3.2's `connect_to_peer`: with `validate_certs`, the server's
    /// certificate must chain to `valid_certificate` (none: the system's
    /// CA bundle) and name `for_hostname`.
    Error connect_to_peer_godot3(const PacketPeerUDP &packet_peer, bool validate_certs = true,
                                 std::string_view for_hostname = "",
                                 const X509Certificate &valid_certificate = nullptr) {
        const detail::Text c_hostname(for_hostname);
        if (!detail::texts_ok("gdtls_packet_peer_dtls_connect_to_peer_godot3", c_hostname))
            return Error::ERR_INVALID_PARAMETER;
        return detail::to_error(gdtls_packet_peer_dtls_connect_to_peer_godot3(
            handle(), packet_peer.handle(), validate_certs, c_hostname.c_str(), valid_certificate.handle()));
    }

    /// Drives the handshake, retransmissions and reads: call it every
    /// frame. OK whatever the status, unless this call ended the connection.
    Error poll() { return detail::to_error(gdtls_packet_peer_dtls_poll(handle())); }

    /// The connection's status.
    Status get_status() const { return static_cast<Status>(gdtls_packet_peer_dtls_get_status(handle())); }

    /// Ends the connection, sending close_notify when connected.
    Error disconnect_from_peer() {
        return detail::to_error(gdtls_packet_peer_dtls_disconnect_from_peer(handle()));
    }

    /// Ends a connected peer that has heard nothing for `msec` ms (0: never).
    Error set_idle_timeout_msec(uint32_t msec) {
        return detail::to_error(gdtls_packet_peer_dtls_set_idle_timeout_msec(handle(), msec));
    }

    /// The idle timeout in ms; 0 for none.
    uint32_t get_idle_timeout_msec() const { return gdtls_packet_peer_dtls_get_idle_timeout_msec(handle()); }

    /// How long the other side has been silent, in ms.
    uint64_t get_idle_time_msec() const { return gdtls_packet_peer_dtls_get_idle_time_msec(handle()); }

    /// The next `connect_to_peer`'s first and largest retransmission
    /// intervals, in ms.
    Error set_handshake_timeout_msec(uint32_t min_msec, uint32_t max_msec) {
        return detail::to_error(
            gdtls_packet_peer_dtls_set_handshake_timeout_msec(handle(), min_msec, max_msec));
    }

    /// Reads the intervals `set_handshake_timeout_msec` sets.
    Error get_handshake_timeout_msec(uint32_t &min_msec, uint32_t &max_msec) const {
        return detail::to_error(
            gdtls_packet_peer_dtls_get_handshake_timeout_msec(handle(), &min_msec, &max_msec));
    }

    /// The protocol the connection negotiated, "DTLSv1.2"; empty before a
    /// handshake completed or on failure.
    std::string get_protocol_version() const {
        std::string out;
        get_protocol_version(out);
        return out;
    }

    /// The protocol the connection negotiated, into `out`.
    Error get_protocol_version(std::string &out) const {
        return detail::read_into(out, 1, [this](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_packet_peer_dtls_get_protocol_version(handle(), buf, cap, len);
        });
    }

    /// The cipher suite the connection negotiated, by mbedTLS's name
    /// ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"); empty before a
    /// handshake completed or on failure.
    std::string get_cipher_suite() const {
        std::string out;
        get_cipher_suite(out);
        return out;
    }

    /// The cipher suite the connection negotiated, into `out`.
    Error get_cipher_suite(std::string &out) const {
        return detail::read_into(out, 1, [this](char *buf, std::size_t cap, std::size_t *len) {
            return gdtls_packet_peer_dtls_get_cipher_suite(handle(), buf, cap, len);
        });
    }

    /// The certificates the other side presented, its own first; none
    /// while not connected, with PSK, or from a client the server did not
    /// ask for one.
    X509Certificate get_peer_certificate() const {
        return X509Certificate::adopt(gdtls_packet_peer_dtls_get_peer_certificate(handle()));
    }

    /// True when the handshake resumed an earlier session.
    bool is_session_resumed() const { return gdtls_packet_peer_dtls_is_session_resumed(handle()); }

    /// How long the handshake took, in microseconds; 0 before one completed.
    uint64_t get_handshake_duration_usec() const {
        return gdtls_packet_peer_dtls_get_handshake_duration_usec(handle());
    }

    /// How many handshake flights were sent again, unanswered.
    uint32_t get_retransmissions() const { return gdtls_packet_peer_dtls_get_retransmissions(handle()); }

    /// What the current or last connection received and sent; zeros on
    /// failure.
    Traffic get_traffic() const {
        Traffic out{};
        get_traffic(out);
        return out;
    }

    /// What the current or last connection received and sent, into `out`.
    Error get_traffic(Traffic &out) const {
        return detail::to_error(gdtls_packet_peer_dtls_get_traffic(handle(), &out));
    }

    /// How many ms an event loop may sleep before it must `poll` even if no
    /// datagram arrives (the next retransmission or the idle timeout); 0
    /// when due now, -1 when only a datagram can change anything. Read it
    /// again after each poll.
    int64_t get_next_timeout_msec() const { return gdtls_packet_peer_dtls_get_next_timeout_msec(handle()); }
};

/// Godot's `DTLSServer`: turns connected UDP peers into DTLS connections.
class DTLSServer : public detail::Object<DTLSServer, gdtls_dtls_server, gdtls_dtls_server_reference,
                                         gdtls_dtls_server_free> {
public:
    /// A new server, not set up.
    DTLSServer() : Object(gdtls_dtls_server_new()) {}
    /// No server.
    DTLSServer(std::nullptr_t) noexcept : Object(nullptr) {}

    /// Godot 4's `setup`, with `TLSOptions::server(key, certificate)`.
    Error setup(const TLSOptions &server_options) {
        return detail::to_error(gdtls_dtls_server_setup(handle(), server_options.handle()));
    }

    /// Godot 3.2's `setup`: presents `certificate`, then `chain`'s
    /// certificates, with `key`.
    Error setup_godot3(const CryptoKey &key, const X509Certificate &certificate,
                       const X509Certificate &chain = nullptr) {
        return detail::to_error(
            gdtls_dtls_server_setup_godot3(handle(), key.handle(), certificate.handle(), chain.handle()));
    }

    /// Answers what `udp_peer` sent and returns its DTLS peer: keep it when
    /// STATUS_HANDSHAKING; STATUS_ERROR is a first ClientHello answered
    /// with a cookie request ("it is normal that 50% of the connections
    /// fail"). None only for a bad handle.
    PacketPeerDTLS take_connection(const PacketPeerUDP &udp_peer) {
        return PacketPeerDTLS::adopt(gdtls_dtls_server_take_connection(handle(), udp_peer.handle()));
    }

    /// New connections' first and largest handshake retransmission
    /// intervals, in ms (default 1000 and 8000).
    Error set_handshake_timeout_msec(uint32_t min_msec, uint32_t max_msec) {
        return detail::to_error(gdtls_dtls_server_set_handshake_timeout_msec(handle(), min_msec, max_msec));
    }

    /// Reads the intervals `set_handshake_timeout_msec` sets.
    Error get_handshake_timeout_msec(uint32_t &min_msec, uint32_t &max_msec) const {
        return detail::to_error(gdtls_dtls_server_get_handshake_timeout_msec(handle(), &min_msec, &max_msec));
    }

    /// New connections' idle timeout in ms (0, the default: none).
    Error set_idle_timeout_msec(uint32_t msec) {
        return detail::to_error(gdtls_dtls_server_set_idle_timeout_msec(handle(), msec));
    }

    /// New connections' idle timeout in ms.
    uint32_t get_idle_timeout_msec() const { return gdtls_dtls_server_get_idle_timeout_msec(handle()); }

    /// How many handshakes run at once, in all (default 256) and from one
    /// IPv4 address or IPv6 /64 (default 32).
    Error set_max_handshakes(int32_t max_total, int32_t max_per_source) {
        return detail::to_error(gdtls_dtls_server_set_max_handshakes(handle(), max_total, max_per_source));
    }

    /// Reads the limits `set_max_handshakes` sets.
    Error get_max_handshakes(int32_t &max_total, int32_t &max_per_source) const {
        return detail::to_error(gdtls_dtls_server_get_max_handshakes(handle(), &max_total, &max_per_source));
    }

    /// How many connections taken from this server are handshaking now.
    int32_t get_handshake_count() const { return gdtls_dtls_server_get_handshake_count(handle()); }

    /// Gives new connections' clients session tickets valid for `sec`
    /// seconds, to resume their sessions with (0: none, as in Godot;
    /// default GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC).
    Error set_session_ticket_lifetime_sec(uint32_t sec) {
        return detail::to_error(gdtls_dtls_server_set_session_ticket_lifetime_sec(handle(), sec));
    }

    /// New connections' session ticket lifetime in seconds; 0 for none.
    uint32_t get_session_ticket_lifetime_sec() const {
        return gdtls_dtls_server_get_session_ticket_lifetime_sec(handle());
    }
};

}  // namespace gdtls

#endif  // GDTLS_HPP
