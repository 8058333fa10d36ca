// gdtls for C#: Godot's DTLS networking classes, named as Godot's C# API
// names them (DtlsServer, PacketPeerDtls, PacketPeerUdp, UdpServer,
// TlsOptions, CryptoKey, X509Certificate, Crypto), over the C library
// libgdtls.so through P/Invoke.
//
// It builds with Mono's mcs (C# 6 and 7, mscorlib only) and with the .NET 6+
// SDK (Gdtls.csproj), and needs no unsafe code. The library is found as
// libgdtls.so through the system's loader path (LD_LIBRARY_PATH, ldconfig).
//
// Every native object is held by a SafeHandle that releases it through
// gdtls_<class>_free once the C# object is disposed or collected. Strings
// cross as NUL-terminated UTF-8, converted here by hand, since Mono and .NET
// marshal strings to different encodings by default.

using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Gdtls
{
    /// <summary>
    /// Godot's <c>@GlobalScope.Error</c>, value for value and with the member
    /// names of Godot's C# API (<c>Error.Ok</c>, <c>Error.InvalidParameter</c>).
    /// </summary>
    public enum Error
    {
        /// <summary>No error.</summary>
        Ok = 0,
        /// <summary>Generic error.</summary>
        Failed = 1,
        /// <summary>Unavailable error.</summary>
        Unavailable = 2,
        /// <summary>Unconfigured error: the object is not set up for this call.</summary>
        Unconfigured = 3,
        /// <summary>Unauthorized error.</summary>
        Unauthorized = 4,
        /// <summary>Parameter range error, also used when a buffer is too small.</summary>
        ParameterRangeError = 5,
        /// <summary>Out of memory error.</summary>
        OutOfMemory = 6,
        /// <summary>File: not found error.</summary>
        FileNotFound = 7,
        /// <summary>File: bad drive error.</summary>
        FileBadDrive = 8,
        /// <summary>File: bad path error.</summary>
        FileBadPath = 9,
        /// <summary>File: no permission error.</summary>
        FileNoPermission = 10,
        /// <summary>File: already in use error.</summary>
        FileAlreadyInUse = 11,
        /// <summary>File: can't open error.</summary>
        FileCantOpen = 12,
        /// <summary>File: can't write error.</summary>
        FileCantWrite = 13,
        /// <summary>File: can't read error.</summary>
        FileCantRead = 14,
        /// <summary>File: unrecognized error.</summary>
        FileUnrecognized = 15,
        /// <summary>File: corrupt error.</summary>
        FileCorrupt = 16,
        /// <summary>File: missing dependencies error.</summary>
        FileMissingDependencies = 17,
        /// <summary>File: end of file error.</summary>
        FileEof = 18,
        /// <summary>Can't open error.</summary>
        CantOpen = 19,
        /// <summary>Can't create error.</summary>
        CantCreate = 20,
        /// <summary>Query failed error.</summary>
        QueryFailed = 21,
        /// <summary>Already in use error.</summary>
        AlreadyInUse = 22,
        /// <summary>Locked error.</summary>
        Locked = 23,
        /// <summary>Timeout error.</summary>
        Timeout = 24,
        /// <summary>Can't connect error.</summary>
        CantConnect = 25,
        /// <summary>Can't resolve error.</summary>
        CantResolve = 26,
        /// <summary>Connection error.</summary>
        ConnectionError = 27,
        /// <summary>Can't acquire resource error.</summary>
        CantAcquireResource = 28,
        /// <summary>Can't fork process error.</summary>
        CantFork = 29,
        /// <summary>Invalid data error.</summary>
        InvalidData = 30,
        /// <summary>Invalid parameter error.</summary>
        InvalidParameter = 31,
        /// <summary>Already exists error.</summary>
        AlreadyExists = 32,
        /// <summary>Does not exist error.</summary>
        DoesNotExist = 33,
        /// <summary>Database: read error.</summary>
        DatabaseCantRead = 34,
        /// <summary>Database: write error.</summary>
        DatabaseCantWrite = 35,
        /// <summary>Compilation failed error.</summary>
        CompilationFailed = 36,
        /// <summary>Method not found error.</summary>
        MethodNotFound = 37,
        /// <summary>Linking failed error.</summary>
        LinkFailed = 38,
        /// <summary>Script failed error.</summary>
        ScriptFailed = 39,
        /// <summary>Cycling link (import cycle) error.</summary>
        CyclicLink = 40,
        /// <summary>Invalid declaration error.</summary>
        InvalidDeclaration = 41,
        /// <summary>Duplicate symbol error.</summary>
        DuplicateSymbol = 42,
        /// <summary>Parse error.</summary>
        ParseError = 43,
        /// <summary>Busy error.</summary>
        Busy = 44,
        /// <summary>Skip error.</summary>
        Skip = 45,
        /// <summary>Help error.</summary>
        Help = 46,
        /// <summary>Bug error.</summary>
        Bug = 47,
        /// <summary>Printer on fire error (an easter egg in Godot, kept for completeness).</summary>
        PrinterOnFire = 48,
    }

    /// <summary>
    /// What concerns the library as a whole: its version, its constants, its
    /// log, and the calling thread's last error. From code outside the namespace
    /// <c>Gdtls</c>, write <c>Gdtls.Gdtls.LastErrorMessage</c> or import the
    /// members with <c>using static Gdtls.Gdtls;</c>.
    /// </summary>
    public static class Gdtls
    {
        /// <summary>The major version of the gdtls these bindings were written for.</summary>
        public const int VersionMajor = 0;
        /// <summary>The minor version of the gdtls these bindings were written for.</summary>
        public const int VersionMinor = 1;
        /// <summary>The patch version of the gdtls these bindings were written for.</summary>
        public const int VersionPatch = 0;
        /// <summary>
        /// The same as one number, <c>MAJOR &lt;&lt; 16 | MINOR &lt;&lt; 8 | PATCH</c>, to
        /// compare with <see cref="LibraryVersionNumber"/>.
        /// </summary>
        public const int VersionNumber = 0x000100;
        /// <summary>The largest key or certificate file <c>Load</c> reads (1 MiB).</summary>
        public const int MaxCryptoFileSize = 1048576;
        /// <summary>The largest RSA key gdtls (mbedTLS) can use, in bits.</summary>
        public const int MaxRsaBits = 8192;
        /// <summary>How many handshakes a server runs at once by default, in all.</summary>
        public const int DefaultMaxHandshakes = 256;
        /// <summary>How many of them one IPv4 address or IPv6 /64 may hold by default.</summary>
        public const int DefaultMaxHandshakesPerSource = 32;
        /// <summary>A server handshake's default first retransmission interval (ms).</summary>
        public const int DefaultServerHandshakeTimeoutMinMsec = 1000;
        /// <summary>A server handshake's default largest retransmission interval (ms).</summary>
        public const int DefaultServerHandshakeTimeoutMaxMsec = 8000;
        /// <summary>The largest Certificate message a server can send.</summary>
        public const int MaxCertificateMessage = 16376;
        /// <summary>How long a server's session tickets are valid by default, in seconds.</summary>
        public const int DefaultSessionTicketLifetimeSec = 7200;
        /// <summary>Log level: no messages.</summary>
        public const int LogNone = 0;
        /// <summary>Log level: errors.</summary>
        public const int LogError = 1;
        /// <summary>Log level: state changes, each handshake step, connections ending.</summary>
        public const int LogState = 2;
        /// <summary>Log level: what each step sent and read.</summary>
        public const int LogInfo = 3;
        /// <summary>Log level: buffers and certificates, dumped.</summary>
        public const int LogVerbose = 4;
        /// <summary>The largest datagram gdtls's DTLS writes.</summary>
        public const int DtlsMtu = 1200;
        /// <summary>A client handshake's default first retransmission interval (ms).</summary>
        public const int DefaultClientHandshakeTimeoutMinMsec = 1000;
        /// <summary>A client handshake's default largest retransmission interval (ms).</summary>
        public const int DefaultClientHandshakeTimeoutMaxMsec = 60000;
        /// <summary>The largest datagram UDP carries to any peer.</summary>
        public const int MaxDatagram = 65507;
        /// <summary>Godot's default <c>recvBufSize</c> for <see cref="PacketPeerUdp.Bind"/>.</summary>
        public const int DefaultRecvBufSize = 65536;
        /// <summary>Godot's default for <see cref="UdpServer.MaxPendingConnections"/>.</summary>
        public const int DefaultMaxPendingConnections = 16;
        /// <summary>How many datagrams from new sources beyond the pending connections a server keeps waiting.</summary>
        public const int PendingBacklogDatagrams = 1024;
        /// <summary>A pin of a certificate's public key (its SubjectPublicKeyInfo): it survives a renewal with the same key.</summary>
        public const int PinPublicKey = 0;
        /// <summary>A pin of the whole certificate (DER).</summary>
        public const int PinCertificate = 1;
        /// <summary>The most bytes a pre-shared key has.</summary>
        public const int MaxPskLen = 32;
        /// <summary>The smallest MTU <see cref="TlsOptions.SetMtu"/> takes.</summary>
        public const int MinMtu = 256;
        /// <summary>The largest MTU <see cref="TlsOptions.SetMtu"/> takes.</summary>
        public const int MaxMtu = 16384;

        /// <summary>
        /// The error of the last failing gdtls call on the calling thread, or
        /// <see cref="Error.Ok"/> if none has failed since <see cref="ClearLastError"/>.
        /// </summary>
        public static Error LastError
        {
            get { return Native.gdtls_get_last_error(); }
        }

        /// <summary>
        /// The last failing call on the calling thread, in words: the function,
        /// what was wrong and, where mbedTLS was involved, its error text.
        /// Empty if no call has failed.
        /// </summary>
        public static string LastErrorMessage
        {
            get { return Utf8.FromNative(Native.gdtls_get_last_error_message()); }
        }

        /// <summary>Forgets the calling thread's last error.</summary>
        public static void ClearLastError()
        {
            Native.gdtls_clear_last_error();
        }

        /// <summary>Godot's short description of an error ("Invalid parameter").</summary>
        public static string ErrorString(Error error)
        {
            return Utf8.FromNative(Native.gdtls_error_string((int)error));
        }

        /// <summary>The loaded library's version, "MAJOR.MINOR.PATCH".</summary>
        public static string Version
        {
            get { return Utf8.FromNative(Native.gdtls_version()); }
        }

        /// <summary>
        /// The loaded library's version as one number, <c>MAJOR &lt;&lt; 16 | MINOR &lt;&lt; 8 | PATCH</c>:
        /// the library is at least the binding's version when it is at least
        /// <see cref="VersionNumber"/>.
        /// </summary>
        public static uint LibraryVersionNumber
        {
            get { return Native.gdtls_version_number(); }
        }

        /// <summary>
        /// Sends the library's messages up to <paramref name="level"/>
        /// (<see cref="LogNone"/> to <see cref="LogVerbose"/>) to
        /// <paramref name="callback"/>, as a level and one line of text, for
        /// every object, from now on; null or <see cref="LogNone"/> stops
        /// logging (the default: the library prints nothing). The callback
        /// runs on whichever thread made the call that logged, possibly on
        /// several at once; it must return quickly (a handshake waits for it)
        /// and must not call <see cref="SetLogCallback"/>. A line whose
        /// callback throws is dropped. The callback is kept until replaced.
        /// Returns <see cref="Error.InvalidParameter"/> for a level out of
        /// range, and nothing changes.
        /// </summary>
        public static Error SetLogCallback(Action<int, string> callback, int level)
        {
            return Logging.Set(callback, level);
        }

        /// <summary>
        /// How many native handles of any class are live. Compare it with an
        /// earlier reading to find objects left undisposed.
        /// </summary>
        public static long LiveHandleCount
        {
            get { return (long)Native.gdtls_live_handle_count().ToUInt64(); }
        }

        /// <summary>
        /// The address of the exported gdtls function called <paramref name="name"/>,
        /// or <see cref="IntPtr.Zero"/> when there is none; turn it into a
        /// delegate with <see cref="Marshal.GetDelegateForFunctionPointer(IntPtr, Type)"/>.
        /// </summary>
        public static IntPtr GetProcAddress(string name)
        {
            return Native.gdtls_get_proc_address(Utf8.ToNative(name, "name"));
        }
    }

    /// <summary>
    /// Godot's <c>String.ToUtf8Buffer</c> and <c>byte[].GetStringFromUtf8</c>
    /// extensions, so that code written for Godot's C# API ports unchanged.
    /// </summary>
    public static class StringExtensions
    {
        /// <summary>The string as UTF-8 bytes.</summary>
        public static byte[] ToUtf8Buffer(this string instance)
        {
            return Encoding.UTF8.GetBytes(instance);
        }

        /// <summary>UTF-8 bytes as a string.</summary>
        public static string GetStringFromUtf8(this byte[] instance)
        {
            return Encoding.UTF8.GetString(instance);
        }
    }

    /// <summary>
    /// Godot's <c>RefCounted</c>: the base of every class holding a native
    /// object. The native reference is released by <see cref="Dispose"/>, or
    /// when the object is collected; an object another one uses (a key in TLS
    /// options, a UDP peer under a DTLS peer) lives on as long as it is used.
    /// Calling a method after <see cref="Dispose"/> throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public abstract class RefCounted : IDisposable
    {
        private readonly SafeHandle _handle;

        internal RefCounted(SafeHandle handle)
        {
            _handle = handle;
        }

        /// <summary>Releases this object's native reference now.</summary>
        public void Dispose()
        {
            _handle.Dispose();
        }

        // The handle for a native call. A disposed one would reach the
        // marshaller, whose message names neither the class nor the cause.
        internal SafeHandle Live()
        {
            if (_handle.IsClosed)
                throw new ObjectDisposedException(GetType().Name);
            return _handle;
        }
    }

    /// <summary>Godot's <c>CryptoKey</c>: an RSA or EC key, private or public only.</summary>
    public sealed class CryptoKey : RefCounted
    {
        private CryptoKeyHandle Handle
        {
            get { return (CryptoKeyHandle)Live(); }
        }

        /// <summary>An empty key, to fill with <see cref="Load"/> or <see cref="LoadFromString"/>.</summary>
        public CryptoKey() : this(Native.gdtls_crypto_key_new())
        {
        }

        private CryptoKey(CryptoKeyHandle handle) : base(handle)
        {
        }

        internal static CryptoKey Wrap(CryptoKeyHandle handle)
        {
            return Handles.Wrap(handle, h => new CryptoKey(h));
        }

        /// <summary>A second object for the same key, disposed on its own (Godot's <c>reference</c>).</summary>
        public CryptoKey Reference()
        {
            return Wrap(Native.gdtls_crypto_key_reference(Handle));
        }

        /// <summary>
        /// Loads a key from a PEM or DER file, replacing this key's content. With
        /// <paramref name="publicOnly"/> the file must hold a public key.
        /// </summary>
        public Error Load(string path, bool publicOnly = false)
        {
            return Native.gdtls_crypto_key_load(Handle, Utf8.ToNative(path, "path"), publicOnly);
        }

        /// <summary>Loads a key from PEM text, replacing this key's content.</summary>
        public Error LoadFromString(string stringKey, bool publicOnly = false)
        {
            return Native.gdtls_crypto_key_load_from_string(Handle, Utf8.ToNative(stringKey, "stringKey"), publicOnly);
        }

        /// <summary>
        /// Loads a key from bytes, DER or PEM, replacing this key's content: a
        /// key kept in memory, an archive or the host's own files.
        /// </summary>
        public Error LoadFromBuffer(byte[] data, bool publicOnly = false)
        {
            return Native.gdtls_crypto_key_load_from_buffer(Handle, data, Buffers.LengthOf(data), publicOnly);
        }

        /// <summary>Saves the key (or only its public part) as PEM to a file.</summary>
        public Error Save(string path, bool publicOnly = false)
        {
            return Native.gdtls_crypto_key_save(Handle, Utf8.ToNative(path, "path"), publicOnly);
        }

        /// <summary>The key (or only its public part) as PEM text; null for an empty key.</summary>
        public string SaveToString(bool publicOnly = false)
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_crypto_key_save_to_string(Handle, publicOnly, buf, cap, out len));
        }

        /// <summary>True when the key holds no private part (loaded public only, or empty).</summary>
        public bool IsPublicOnly()
        {
            return Native.gdtls_crypto_key_is_public_only(Handle);
        }
    }

    /// <summary>Godot's <c>X509Certificate</c>: one certificate, or a chain of them in order.</summary>
    public sealed class X509Certificate : RefCounted
    {
        private X509CertificateHandle Handle
        {
            get { return (X509CertificateHandle)Live(); }
        }

        /// <summary>An empty certificate, to fill with <see cref="Load"/> or <see cref="LoadFromString"/>.</summary>
        public X509Certificate() : this(Native.gdtls_x509_certificate_new())
        {
        }

        private X509Certificate(X509CertificateHandle handle) : base(handle)
        {
        }

        internal static X509Certificate Wrap(X509CertificateHandle handle)
        {
            return Handles.Wrap(handle, h => new X509Certificate(h));
        }

        /// <summary>A second object for the same certificate, disposed on its own.</summary>
        public X509Certificate Reference()
        {
            return Wrap(Native.gdtls_x509_certificate_reference(Handle));
        }

        /// <summary>Loads every certificate of a PEM file (or one DER certificate), replacing the content.</summary>
        public Error Load(string path)
        {
            return Native.gdtls_x509_certificate_load(Handle, Utf8.ToNative(path, "path"));
        }

        /// <summary>Loads every certificate of PEM text, replacing the content.</summary>
        public Error LoadFromString(string @string)
        {
            return Native.gdtls_x509_certificate_load_from_string(Handle, Utf8.ToNative(@string, "string"));
        }

        /// <summary>Loads every certificate of PEM bytes, or one DER certificate, replacing the content.</summary>
        public Error LoadFromBuffer(byte[] data)
        {
            return Native.gdtls_x509_certificate_load_from_buffer(Handle, data, Buffers.LengthOf(data));
        }

        /// <summary>Saves every certificate of the chain as PEM to a file.</summary>
        public Error Save(string path)
        {
            return Native.gdtls_x509_certificate_save(Handle, Utf8.ToNative(path, "path"));
        }

        /// <summary>Every certificate of the chain as PEM text; null when empty.</summary>
        public string SaveToString()
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_x509_certificate_save_to_string(Handle, buf, cap, out len));
        }

        /// <summary>How many certificates this holds: 0 when empty, more than 1 for a chain.</summary>
        public int GetCount()
        {
            return (int)Native.gdtls_x509_certificate_get_count(Handle).ToUInt64();
        }

        /// <summary>
        /// The SHA-256 pin (32 bytes) of the first certificate, as
        /// <see cref="TlsOptions.AddPin"/> takes it: of its public key
        /// (<see cref="Gdtls.PinPublicKey"/>) or of the whole certificate
        /// (<see cref="Gdtls.PinCertificate"/>). Null for an empty certificate
        /// or an unknown kind (see <see cref="Gdtls.LastErrorMessage"/>).
        /// </summary>
        public byte[] GetSha256Pin(int kind)
        {
            var pin = new byte[Buffers.Sha256Length];
            return Native.gdtls_x509_certificate_get_sha256_pin(Handle, kind, pin) == Error.Ok ? pin : null;
        }
    }

    /// <summary>
    /// Godot's <c>Crypto</c>, for what DTLS needs: generating an RSA key (or,
    /// beyond Godot, an ECDSA key) and a self-signed certificate.
    /// </summary>
    public sealed class Crypto
    {
        /// <summary>
        /// Generates an RSA key of <paramref name="size"/> bits (even, 512 to
        /// 8192). Null for an unsupported size (see <see cref="Gdtls.LastErrorMessage"/>).
        /// </summary>
        public CryptoKey GenerateRsa(int size)
        {
            return CryptoKey.Wrap(Native.gdtls_crypto_generate_rsa(size));
        }

        /// <summary>
        /// Generates an ECDSA key on <paramref name="curve"/>: "P-256" or
        /// "P-384" (also "secp256r1", "secp384r1"). EC keys make handshakes
        /// several times faster than RSA keys. Null for another curve (see
        /// <see cref="Gdtls.LastErrorMessage"/>).
        /// </summary>
        public CryptoKey GenerateEcdsa(string curve)
        {
            return CryptoKey.Wrap(Native.gdtls_crypto_generate_ecdsa(Utf8.ToNative(curve, "curve")));
        }

        /// <summary>
        /// Generates a self-signed certificate for <paramref name="key"/>, with
        /// Godot's defaults. Times are UTC, "YYYYMMDDhhmmss". Null for a bad
        /// key, name or time (see <see cref="Gdtls.LastErrorMessage"/>).
        /// </summary>
        public X509Certificate GenerateSelfSignedCertificate(CryptoKey key,
            string issuerName = "CN=myserver,O=myorganisation,C=IT",
            string notBefore = "20140101000000", string notAfter = "20340101000000")
        {
            return X509Certificate.Wrap(Native.gdtls_crypto_generate_self_signed_certificate(
                Handles.Of<CryptoKeyHandle>(key), Utf8.ToNative(issuerName, "issuerName"),
                Utf8.ToNative(notBefore, "notBefore"), Utf8.ToNative(notAfter, "notAfter")));
        }
    }

    /// <summary>
    /// Godot's <c>TLSOptions</c>: what a client trusts, or what a server
    /// presents; and what gdtls adds (pre-shared keys, pins, revocation lists,
    /// client certificates, MTU, suites, curves, session resumption). Godot's
    /// part is fixed once made; gdtls's setters apply to the connections and
    /// server setups made after them.
    /// </summary>
    public sealed class TlsOptions : RefCounted
    {
        private TlsOptionsHandle Handle
        {
            get { return (TlsOptionsHandle)Live(); }
        }

        private readonly PskLookup _pskLookup;

        private TlsOptions(TlsOptionsHandle handle, PskLookup pskLookup = null) : base(handle)
        {
            _pskLookup = pskLookup;
        }

        private static TlsOptions Wrap(TlsOptionsHandle handle)
        {
            return Handles.Wrap(handle, h => new TlsOptions(h));
        }

        /// <summary>
        /// Options for a client that verifies the server: its certificate must
        /// chain to <paramref name="trustedChain"/> (null: the system's CA
        /// bundle) and name the host given to <c>ConnectToPeer</c>, or
        /// <paramref name="commonNameOverride"/> when not empty. Null for an
        /// empty certificate.
        /// </summary>
        public static TlsOptions Client(X509Certificate trustedChain = null, string commonNameOverride = "")
        {
            return Wrap(Native.gdtls_tls_options_client(Handles.Of<X509CertificateHandle>(trustedChain),
                Utf8.ToNative(commonNameOverride, "commonNameOverride")));
        }

        /// <summary>Options for a client that does not verify the server at all. For testing only.</summary>
        public static TlsOptions ClientUnsafe(X509Certificate trustedChain = null)
        {
            return Wrap(Native.gdtls_tls_options_client_unsafe(Handles.Of<X509CertificateHandle>(trustedChain)));
        }

        /// <summary>
        /// Options for a server presenting <paramref name="certificate"/> (and
        /// the rest of its chain) with the matching private <paramref name="key"/>.
        /// Null when either is empty or they do not match.
        /// </summary>
        public static TlsOptions Server(CryptoKey key, X509Certificate certificate)
        {
            return Wrap(Native.gdtls_tls_options_server(Handles.Of<CryptoKeyHandle>(key), Handles.Of<X509CertificateHandle>(certificate)));
        }

        /// <summary>
        /// Options for a client that proves itself with a pre-shared key
        /// instead of certificates: <paramref name="identity"/> (1 to 128
        /// bytes) names it to the server, <paramref name="key"/> (1 to
        /// <see cref="Gdtls.MaxPskLen"/> bytes) is the secret both sides know.
        /// Null for a length out of range.
        /// </summary>
        public static TlsOptions ClientPsk(byte[] identity, byte[] key)
        {
            return Wrap(Native.gdtls_tls_options_client_psk(identity, Buffers.LengthOf(identity), key, Buffers.LengthOf(key)));
        }

        /// <summary>
        /// Options for a server that accepts clients by pre-shared key, without
        /// certificates: <paramref name="lookup"/> is given each client's
        /// identity and returns its key (1 to <see cref="Gdtls.MaxPskLen"/>
        /// bytes), or null (or an empty key) to refuse it. It runs on the
        /// thread driving the handshake (<see cref="DtlsServer.TakeConnection"/>,
        /// or the connection's <see cref="PacketPeerDtls.Poll"/>), possibly on
        /// several at once, and must not call gdtls on the server or peer
        /// being driven. An exception it throws refuses the identity and is
        /// kept in <see cref="CallbackException"/>. gdtls keeps the delegate
        /// as long as these options, a server set up with them or one of its
        /// connections lives. Null when <paramref name="lookup"/> is null.
        /// </summary>
        public static TlsOptions ServerPsk(Func<byte[], byte[]> lookup)
        {
            var pskLookup = new PskLookup(lookup);
            var handle = pskLookup.Register();
            return Handles.Wrap(handle, h => new TlsOptions(h, pskLookup));
        }

        /// <summary>
        /// Options for a PSK server whose one <paramref name="key"/> (1 to
        /// <see cref="Gdtls.MaxPskLen"/> bytes) opens every client identity.
        /// Null for a length out of range.
        /// </summary>
        public static TlsOptions ServerPskKey(byte[] key)
        {
            return Wrap(Native.gdtls_tls_options_server_psk_key(key, Buffers.LengthOf(key)));
        }

        /// <summary>
        /// The last exception thrown by the lookup of <see cref="ServerPsk"/>
        /// options; null when none has thrown, and for other options.
        /// </summary>
        public Exception CallbackException
        {
            get { return _pskLookup == null ? null : _pskLookup.LastException; }
        }

        /// <summary>A second object for the same options, disposed on its own.</summary>
        public TlsOptions Reference()
        {
            return Handles.Wrap(Native.gdtls_tls_options_reference(Handle), h => new TlsOptions(h, _pskLookup));
        }

        /// <summary>True for options made by <see cref="Server"/>.</summary>
        public bool IsServer()
        {
            return Native.gdtls_tls_options_is_server(Handle);
        }

        /// <summary>True for options made by <see cref="ClientUnsafe"/>.</summary>
        public bool IsUnsafeClient()
        {
            return Native.gdtls_tls_options_is_unsafe_client(Handle);
        }

        /// <summary>The common name override; empty when none.</summary>
        public string GetCommonNameOverride()
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_tls_options_get_common_name_override(Handle, buf, cap, out len));
        }

        /// <summary>The trusted CA chain; null when none.</summary>
        public X509Certificate GetTrustedCaChain()
        {
            return X509Certificate.Wrap(Native.gdtls_tls_options_get_trusted_ca_chain(Handle));
        }

        /// <summary>The server's private key; null for client options.</summary>
        public CryptoKey GetPrivateKey()
        {
            return CryptoKey.Wrap(Native.gdtls_tls_options_get_private_key(Handle));
        }

        /// <summary>The server's own certificate; null for client options.</summary>
        public X509Certificate GetOwnCertificate()
        {
            return X509Certificate.Wrap(Native.gdtls_tls_options_get_own_certificate(Handle));
        }

        /// <summary>
        /// Adds a pin, from <see cref="X509Certificate.GetSha256Pin"/>: the
        /// peer's chain must then hold a public key (<paramref name="kind"/>
        /// <see cref="Gdtls.PinPublicKey"/>) or certificate
        /// (<see cref="Gdtls.PinCertificate"/>) whose SHA-256 is
        /// <paramref name="sha256"/> or one of the other pins, or the handshake
        /// fails with <see cref="Error.Unauthorized"/>, however valid the chain.
        /// With <see cref="ClientUnsafe"/> the pins stand in for a CA; server
        /// options pin client certificates. Throws
        /// <see cref="ArgumentException"/> when <paramref name="sha256"/> is
        /// not 32 bytes long.
        /// </summary>
        public Error AddPin(int kind, byte[] sha256)
        {
            if (sha256 != null && sha256.Length != Buffers.Sha256Length)
                throw new ArgumentException("a SHA-256 pin is 32 bytes, not " + sha256.Length, "sha256");
            return Native.gdtls_tls_options_add_pin(Handle, kind, sha256);
        }

        /// <summary>
        /// Adds certificate revocation lists, PEM (one or more) or DER (one):
        /// a peer certificate they revoke is refused.
        /// <see cref="Error.Failed"/> for bytes that are not a revocation list.
        /// </summary>
        public Error AddCrl(byte[] crl)
        {
            return Native.gdtls_tls_options_add_crl(Handle, crl, Buffers.LengthOf(crl));
        }

        /// <summary>
        /// Sets the largest datagram connections write, from
        /// <see cref="Gdtls.MinMtu"/> to <see cref="Gdtls.MaxMtu"/> (default
        /// <see cref="Gdtls.DtlsMtu"/>): handshake flights are cut to fit, and
        /// <see cref="PacketPeer.GetMaxPacketSize"/> follows.
        /// </summary>
        public Error SetMtu(ushort mtu)
        {
            return Native.gdtls_tls_options_set_mtu(Handle, mtu);
        }

        /// <summary>The MTU of connections made with the options.</summary>
        public ushort GetMtu()
        {
            return Native.gdtls_tls_options_get_mtu(Handle);
        }

        /// <summary>
        /// Sets the cipher suites to offer or accept, in order of preference, by
        /// mbedTLS's names separated by commas or colons
        /// ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"); null or empty restores
        /// the default (forward-secret AEAD suites).
        /// <see cref="Error.InvalidParameter"/> for an unknown name, and nothing changes.
        /// </summary>
        public Error SetCipherSuites(string names)
        {
            return Native.gdtls_tls_options_set_cipher_suites(Handle, Utf8.ToNative(names, "names"));
        }

        /// <summary>
        /// Sets the curves to offer or accept for the key exchange, in order of
        /// preference ("x25519,secp256r1"); null or empty restores the default.
        /// <see cref="Error.InvalidParameter"/> for an unknown name, and nothing changes.
        /// </summary>
        public Error SetCurves(string names)
        {
            return Native.gdtls_tls_options_set_curves(Handle, Utf8.ToNative(names, "names"));
        }

        /// <summary>
        /// Gives client options a <paramref name="certificate"/> (and the rest of
        /// its chain) and its private <paramref name="key"/>, sent to servers that
        /// ask for one (mutual authentication).
        /// </summary>
        public Error SetClientCertificate(CryptoKey key, X509Certificate certificate)
        {
            return Native.gdtls_tls_options_set_client_certificate(Handle, Handles.Of<CryptoKeyHandle>(key),
                Handles.Of<X509CertificateHandle>(certificate));
        }

        /// <summary>
        /// Makes a server set up with these options ask each client for a
        /// certificate chaining to <paramref name="trustedChain"/>. With
        /// <paramref name="required"/>, a client that sends none is refused;
        /// without, it is let in. The server's connection then shows the
        /// client's certificate (<see cref="PacketPeerDtls.GetPeerCertificate"/>).
        /// </summary>
        public Error SetClientVerification(X509Certificate trustedChain, bool required)
        {
            return Native.gdtls_tls_options_set_client_verification(Handle, Handles.Of<X509CertificateHandle>(trustedChain), required);
        }

        /// <summary>
        /// Sets whether clients made with these options resume their sessions: a
        /// client that reconnects, with the same options, to a server it
        /// connected to before offers its session, and an abbreviated handshake
        /// follows if the server takes it. On by default.
        /// </summary>
        public Error SetSessionResumption(bool enabled)
        {
            return Native.gdtls_tls_options_set_session_resumption(Handle, enabled);
        }

        /// <summary>True when clients made with the options resume sessions (the default).</summary>
        public bool GetSessionResumption()
        {
            return Native.gdtls_tls_options_get_session_resumption(Handle);
        }
    }

    /// <summary>
    /// Godot's <c>PacketPeer</c>: what UDP and DTLS peers share, sending and
    /// receiving packets of bytes.
    /// </summary>
    public abstract class PacketPeer : RefCounted
    {
        private Error _packetError;

        internal PacketPeer(SafeHandle handle) : base(handle)
        {
        }

        /// <summary>
        /// The next received packet, removed from the queue; an empty array when
        /// none could be read, with the reason in <see cref="GetPacketError"/>.
        /// </summary>
        public byte[] GetPacket()
        {
            byte[] packet;
            _packetError = Buffers.Read(ReadPacket, out packet);
            return packet ?? new byte[0];
        }

        /// <summary>The error of the last <see cref="GetPacket"/>.</summary>
        public Error GetPacketError()
        {
            return _packetError;
        }

        /// <summary>Sends <paramref name="buffer"/> as one packet.</summary>
        public Error PutPacket(byte[] buffer)
        {
            return WritePacket(buffer, Buffers.LengthOf(buffer));
        }

        /// <summary>How many received packets wait to be read.</summary>
        public abstract int GetAvailablePacketCount();

        /// <summary>The largest packet <see cref="PutPacket"/> accepts.</summary>
        public abstract int GetMaxPacketSize();

        internal abstract Error ReadPacket(byte[] buf, UIntPtr cap, out UIntPtr len);

        internal abstract Error WritePacket(byte[] data, UIntPtr len);
    }

    /// <summary>
    /// Godot's <c>PacketPeerUDP</c>: a UDP socket that sends and receives
    /// datagrams, a peer taken from a <see cref="UdpServer"/>, or one carried
    /// by the host's own transport (<see cref="NewFromCallbacks"/>).
    /// </summary>
    public sealed class PacketPeerUdp : PacketPeer
    {
        private PacketPeerUdpHandle Handle
        {
            get { return (PacketPeerUdpHandle)Live(); }
        }

        private readonly HostTransport _transport;

        /// <summary>A peer without a socket.</summary>
        public PacketPeerUdp() : this(Native.gdtls_packet_peer_udp_new(), null)
        {
        }

        private PacketPeerUdp(PacketPeerUdpHandle handle, HostTransport transport) : base(handle)
        {
            _transport = transport;
        }

        internal static PacketPeerUdp Wrap(PacketPeerUdpHandle handle)
        {
            return Handles.Wrap(handle, h => new PacketPeerUdp(h, null));
        }

        /// <summary>
        /// A connected peer whose datagrams travel through the host's own
        /// functions instead of a socket: <paramref name="send"/> sends one
        /// datagram (<see cref="Error.Ok"/>, <see cref="Error.Busy"/> to retry,
        /// <see cref="Error.ConnectionError"/> when the other side is gone);
        /// <paramref name="receive"/> returns the next waiting datagram or null;
        /// the optional <paramref name="available"/> counts waiting datagrams;
        /// the optional <paramref name="release"/> runs once when the peer is
        /// closed or released. They are called from the thread calling into
        /// gdtls for this peer, must not block, and must not call gdtls for this
        /// peer or a DTLS peer over it. An exception they throw counts as a
        /// failure of the call and is kept in <see cref="CallbackException"/>.
        /// Null when <paramref name="send"/> or <paramref name="receive"/> is null.
        /// </summary>
        public static PacketPeerUdp NewFromCallbacks(Func<byte[], Error> send, Func<byte[]> receive,
            Func<int> available = null, Action release = null)
        {
            var transport = new HostTransport(send, receive, available, release);
            var callbacks = transport.Callbacks();
            var handle = Native.gdtls_packet_peer_udp_new_from_callbacks(ref callbacks);
            if (handle.IsInvalid)
            {
                transport.Abandon(); // gdtls never calls release for a peer it refused
                return null;
            }
            return new PacketPeerUdp(handle, transport);
        }

        /// <summary>
        /// The last exception thrown by one of this peer's host callbacks
        /// (<see cref="NewFromCallbacks"/>); null when none has thrown.
        /// </summary>
        public Exception CallbackException
        {
            get { return _transport == null ? null : _transport.LastException; }
        }

        /// <summary>A second object for the same peer, disposed on its own.</summary>
        public PacketPeerUdp Reference()
        {
            return Wrap(Native.gdtls_packet_peer_udp_reference(Handle));
        }

        /// <summary>
        /// Binds to <paramref name="port"/> (0: any free port) on
        /// <paramref name="bindAddress"/> ("*": every address), queueing at most
        /// <paramref name="recvBufSize"/> bytes of datagrams. As in Godot, a
        /// port other than 0 takes SO_REUSEADDR: a port another such socket
        /// holds is bound again without error.
        /// </summary>
        public Error Bind(int port, string bindAddress = "*", int recvBufSize = Gdtls.DefaultRecvBufSize)
        {
            return Native.gdtls_packet_peer_udp_bind(Handle, port, Utf8.ToNative(bindAddress, "bindAddress"), recvBufSize);
        }

        /// <summary>Closes the socket and drops queued packets.</summary>
        public Error Close()
        {
            return Native.gdtls_packet_peer_udp_close(Handle);
        }

        /// <summary>
        /// Connects to <paramref name="host"/> (an address, or a name to resolve)
        /// and <paramref name="port"/>: only its datagrams are received from now
        /// on, and packets are sent there.
        /// </summary>
        public Error ConnectToHost(string host, int port)
        {
            return Native.gdtls_packet_peer_udp_connect_to_host(Handle, Utf8.ToNative(host, "host"), port);
        }

        /// <summary>True for a connected peer.</summary>
        public bool IsSocketConnected()
        {
            return Native.gdtls_packet_peer_udp_is_socket_connected(Handle);
        }

        /// <summary>True when the peer has a socket (or a host transport).</summary>
        public bool IsBound()
        {
            return Native.gdtls_packet_peer_udp_is_bound(Handle);
        }

        /// <summary>Sets where <see cref="PacketPeer.PutPacket"/> sends, for a peer that is not connected.</summary>
        public Error SetDestAddress(string host, int port)
        {
            return Native.gdtls_packet_peer_udp_set_dest_address(Handle, Utf8.ToNative(host, "host"), port);
        }

        /// <summary>How many datagrams wait; -1 without a socket.</summary>
        public override int GetAvailablePacketCount()
        {
            return Native.gdtls_packet_peer_udp_get_available_packet_count(Handle);
        }

        /// <summary>The largest datagram <see cref="PacketPeer.PutPacket"/> accepts (65507 bytes).</summary>
        public override int GetMaxPacketSize()
        {
            return Native.gdtls_packet_peer_udp_get_max_packet_size(Handle);
        }

        internal override Error ReadPacket(byte[] buf, UIntPtr cap, out UIntPtr len)
        {
            return Native.gdtls_packet_peer_udp_get_packet(Handle, buf, cap, out len);
        }

        internal override Error WritePacket(byte[] data, UIntPtr len)
        {
            return Native.gdtls_packet_peer_udp_put_packet(Handle, data, len);
        }

        /// <summary>The IP address the last received datagram came from; empty before any.</summary>
        public string GetPacketIp()
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_packet_peer_udp_get_packet_ip(Handle, buf, cap, out len));
        }

        /// <summary>The port the last received datagram came from; 0 before any.</summary>
        public int GetPacketPort()
        {
            return Native.gdtls_packet_peer_udp_get_packet_port(Handle);
        }

        /// <summary>The local port of the peer's socket; 0 without one.</summary>
        public int GetLocalPort()
        {
            return Native.gdtls_packet_peer_udp_get_local_port(Handle);
        }

        /// <summary>
        /// The socket's descriptor, for an event loop to wait on (poll, select,
        /// epoll) instead of polling every frame; a taken peer gives its
        /// server's. The socket stays gdtls's: do not read, write or close it.
        /// -1 without a socket, and over a host transport.
        /// </summary>
        public int GetSocketFd()
        {
            return Native.gdtls_packet_peer_udp_get_socket_fd(Handle);
        }

        /// <summary>Blocks until a datagram is waiting.</summary>
        public Error Wait()
        {
            return Native.gdtls_packet_peer_udp_wait(Handle);
        }

        /// <summary>
        /// Blocks until a datagram is waiting, for at most
        /// <paramref name="timeoutMsec"/> milliseconds (<see cref="Error.Timeout"/>).
        /// </summary>
        public Error WaitTimeout(uint timeoutMsec)
        {
            return Native.gdtls_packet_peer_udp_wait_timeout(Handle, timeoutMsec);
        }

        /// <summary>Allows or forbids sending to broadcast addresses.</summary>
        public Error SetBroadcastEnabled(bool enabled)
        {
            return Native.gdtls_packet_peer_udp_set_broadcast_enabled(Handle, enabled);
        }

        /// <summary>
        /// Receives what is sent to <paramref name="multicastAddress"/> on the
        /// interface <paramref name="interfaceName"/> ("": the system's choice).
        /// Bind the peer first, to the group's port.
        /// </summary>
        public Error JoinMulticastGroup(string multicastAddress, string interfaceName)
        {
            return Native.gdtls_packet_peer_udp_join_multicast_group(Handle,
                Utf8.ToNative(multicastAddress, "multicastAddress"), Utf8.ToNative(interfaceName, "interfaceName"));
        }

        /// <summary>Stops receiving what is sent to a group joined with <see cref="JoinMulticastGroup"/>.</summary>
        public Error LeaveMulticastGroup(string multicastAddress, string interfaceName)
        {
            return Native.gdtls_packet_peer_udp_leave_multicast_group(Handle,
                Utf8.ToNative(multicastAddress, "multicastAddress"), Utf8.ToNative(interfaceName, "interfaceName"));
        }
    }

    /// <summary>
    /// Godot's <c>PacketPeerDTLS</c>: one DTLS connection over a UDP peer, as
    /// a client (<see cref="ConnectToPeer(PacketPeerUdp, string, TlsOptions)"/>)
    /// or as a server's connection (<see cref="DtlsServer.TakeConnection"/>).
    /// </summary>
    public sealed class PacketPeerDtls : PacketPeer
    {
        /// <summary>Godot's <c>PacketPeerDTLS.Status</c>.</summary>
        public enum Status
        {
            /// <summary>Not connected: new, closed by either side, or never set up.</summary>
            Disconnected = 0,
            /// <summary>The handshake is under way; <see cref="Poll"/> drives it.</summary>
            Handshaking = 1,
            /// <summary>Connected: packets can be sent and received.</summary>
            Connected = 2,
            /// <summary>Failed; or, for a server's new connection, the client was asked for a cookie first.</summary>
            Error = 3,
            /// <summary>The server's certificate is valid but names another host.</summary>
            ErrorHostnameMismatch = 4,
        }

        private PacketPeerDtlsHandle Handle
        {
            get { return (PacketPeerDtlsHandle)Live(); }
        }

        /// <summary>A peer that is not connected.</summary>
        public PacketPeerDtls() : this(Native.gdtls_packet_peer_dtls_new())
        {
        }

        private PacketPeerDtls(PacketPeerDtlsHandle handle) : base(handle)
        {
        }

        internal static PacketPeerDtls Wrap(PacketPeerDtlsHandle handle)
        {
            return Handles.Wrap(handle, h => new PacketPeerDtls(h));
        }

        /// <summary>A second object for the same peer, disposed on its own.</summary>
        public PacketPeerDtls Reference()
        {
            return Wrap(Native.gdtls_packet_peer_dtls_reference(Handle));
        }

        /// <summary>
        /// Starts a handshake as a client over the connected
        /// <paramref name="packetPeer"/>. <paramref name="clientOptions"/> from
        /// <see cref="TlsOptions.Client"/> or <see cref="TlsOptions.ClientUnsafe"/>;
        /// null verifies the server against the system's CA bundle for
        /// <paramref name="hostname"/>. Then <see cref="Poll"/> until the status
        /// leaves <see cref="Status.Handshaking"/>.
        /// </summary>
        public Error ConnectToPeer(PacketPeerUdp packetPeer, string hostname, TlsOptions clientOptions = null)
        {
            return Native.gdtls_packet_peer_dtls_connect_to_peer(Handle, Handles.Of<PacketPeerUdpHandle>(packetPeer),
                Utf8.ToNative(hostname, "hostname"), Handles.Of<TlsOptionsHandle>(clientOptions));
        }

        /// <summary>
        /// Godot 3.2's shape: with <paramref name="validateCerts"/>, the server's
        /// certificate must chain to <paramref name="validCertificate"/> (null:
        /// the system's CA bundle) and name <paramref name="forHostname"/>;
        /// without, nothing is checked.
        /// </summary>
        public Error ConnectToPeer(PacketPeerUdp packetPeer, bool validateCerts, string forHostname = "",
            X509Certificate validCertificate = null)
        {
            return Native.gdtls_packet_peer_dtls_connect_to_peer_godot3(Handle, Handles.Of<PacketPeerUdpHandle>(packetPeer),
                validateCerts, Utf8.ToNative(forHostname, "forHostname"), Handles.Of<X509CertificateHandle>(validCertificate));
        }

        /// <summary>
        /// Drives the connection: handshake, retransmissions, reads. Call it every
        /// frame. Returns <see cref="Error.Ok"/> unless this call ended the
        /// connection, with the reason in <see cref="Gdtls.LastErrorMessage"/>.
        /// </summary>
        public Error Poll()
        {
            return Native.gdtls_packet_peer_dtls_poll(Handle);
        }

        /// <summary>The connection's status.</summary>
        public Status GetStatus()
        {
            return Native.gdtls_packet_peer_dtls_get_status(Handle);
        }

        /// <summary>Ends the connection, sending close_notify when connected.</summary>
        public Error DisconnectFromPeer()
        {
            return Native.gdtls_packet_peer_dtls_disconnect_from_peer(Handle);
        }

        /// <summary>How many received packets wait to be read.</summary>
        public override int GetAvailablePacketCount()
        {
            return Native.gdtls_packet_peer_dtls_get_available_packet_count(Handle);
        }

        /// <summary>The largest packet <see cref="PacketPeer.PutPacket"/> accepts, so that each fits one datagram.</summary>
        public override int GetMaxPacketSize()
        {
            return Native.gdtls_packet_peer_dtls_get_max_packet_size(Handle);
        }

        internal override Error ReadPacket(byte[] buf, UIntPtr cap, out UIntPtr len)
        {
            return Native.gdtls_packet_peer_dtls_get_packet(Handle, buf, cap, out len);
        }

        internal override Error WritePacket(byte[] data, UIntPtr len)
        {
            return Native.gdtls_packet_peer_dtls_put_packet(Handle, data, len);
        }

        /// <summary>
        /// Ends a connected peer in <see cref="Status.Error"/> once nothing has
        /// been received for <paramref name="msec"/> milliseconds; 0 (the
        /// default) never does.
        /// </summary>
        public Error SetIdleTimeoutMsec(uint msec)
        {
            return Native.gdtls_packet_peer_dtls_set_idle_timeout_msec(Handle, msec);
        }

        /// <summary>The idle timeout in milliseconds; 0 for none.</summary>
        public uint GetIdleTimeoutMsec()
        {
            return Native.gdtls_packet_peer_dtls_get_idle_timeout_msec(Handle);
        }

        /// <summary>How long the other side has been silent, in milliseconds.</summary>
        public ulong GetIdleTimeMsec()
        {
            return Native.gdtls_packet_peer_dtls_get_idle_time_msec(Handle);
        }

        /// <summary>
        /// Sets the next handshake's first retransmission interval and the
        /// largest, after which it fails with <see cref="Error.Timeout"/>.
        /// </summary>
        public Error SetHandshakeTimeoutMsec(uint minMsec, uint maxMsec)
        {
            return Native.gdtls_packet_peer_dtls_set_handshake_timeout_msec(Handle, minMsec, maxMsec);
        }

        /// <summary>The next handshake's first and largest retransmission intervals.</summary>
        public Error GetHandshakeTimeoutMsec(out uint minMsec, out uint maxMsec)
        {
            return Native.gdtls_packet_peer_dtls_get_handshake_timeout_msec(Handle, out minMsec, out maxMsec);
        }

        /// <summary>
        /// The protocol version the connection negotiated ("DTLSv1.2"), also
        /// after it ended; null before a handshake completed.
        /// </summary>
        public string GetProtocolVersion()
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_packet_peer_dtls_get_protocol_version(Handle, buf, cap, out len));
        }

        /// <summary>
        /// The cipher suite the connection negotiated, by mbedTLS's name
        /// ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"), also after it ended;
        /// null before a handshake completed.
        /// </summary>
        public string GetCipherSuite()
        {
            return Buffers.ReadString((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.gdtls_packet_peer_dtls_get_cipher_suite(Handle, buf, cap, out len));
        }

        /// <summary>
        /// The certificates the other side presented (its own, then its chain)
        /// while the connection is up; null when there are none (not
        /// connected, a PSK connection, a client the server did not ask).
        /// </summary>
        public X509Certificate GetPeerCertificate()
        {
            return X509Certificate.Wrap(Native.gdtls_packet_peer_dtls_get_peer_certificate(Handle));
        }

        /// <summary>True when the handshake resumed an earlier session (see <see cref="TlsOptions.SetSessionResumption"/>).</summary>
        public bool IsSessionResumed()
        {
            return Native.gdtls_packet_peer_dtls_is_session_resumed(Handle);
        }

        /// <summary>How long the handshake took, in microseconds; 0 before one completed.</summary>
        public ulong GetHandshakeDurationUsec()
        {
            return Native.gdtls_packet_peer_dtls_get_handshake_duration_usec(Handle);
        }

        /// <summary>How many handshake flights the current or last connection sent again for want of an answer.</summary>
        public uint GetRetransmissions()
        {
            return Native.gdtls_packet_peer_dtls_get_retransmissions(Handle);
        }

        /// <summary>What the current or last connection received and sent, also after it ended.</summary>
        public Traffic GetTraffic()
        {
            // It fails only for a handle that is not a live peer, which Handle never is.
            Traffic traffic;
            Native.gdtls_packet_peer_dtls_get_traffic(Handle, out traffic);
            return traffic;
        }

        /// <summary>
        /// How long, in milliseconds, an event loop may wait on the UDP socket's
        /// descriptor before it must call <see cref="Poll"/> anyway: until the
        /// handshake's next retransmission or the idle timeout. -1 when only a
        /// datagram can change anything, 0 when a poll is due now. Read it
        /// again after each poll.
        /// </summary>
        public long GetNextTimeoutMsec()
        {
            return Native.gdtls_packet_peer_dtls_get_next_timeout_msec(Handle);
        }
    }

    /// <summary>
    /// What crossed a DTLS connection's transport (<see cref="PacketPeerDtls.GetTraffic"/>):
    /// every datagram, handshake, records and alerts, with its headers.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Traffic
    {
        /// <summary>Datagrams received.</summary>
        public ulong DatagramsReceived;
        /// <summary>Bytes received.</summary>
        public ulong BytesReceived;
        /// <summary>Datagrams sent.</summary>
        public ulong DatagramsSent;
        /// <summary>Bytes sent.</summary>
        public ulong BytesSent;
    }

    /// <summary>
    /// Godot's <c>UDPServer</c>: one socket whose datagrams are sorted by
    /// source into peers; each new source is a pending connection.
    /// </summary>
    public sealed class UdpServer : RefCounted
    {
        private UdpServerHandle Handle
        {
            get { return (UdpServerHandle)Live(); }
        }

        /// <summary>A server that is not listening.</summary>
        public UdpServer() : this(Native.gdtls_udp_server_new())
        {
        }

        private UdpServer(UdpServerHandle handle) : base(handle)
        {
        }

        /// <summary>A second object for the same server, disposed on its own.</summary>
        public UdpServer Reference()
        {
            return Handles.Wrap(Native.gdtls_udp_server_reference(Handle), h => new UdpServer(h));
        }

        /// <summary>
        /// Starts listening on <paramref name="port"/> (0: any free port) of
        /// <paramref name="bindAddress"/> ("*": every address). As in Godot, a
        /// port other than 0 takes SO_REUSEADDR.
        /// </summary>
        public Error Listen(ushort port, string bindAddress = "*")
        {
            return Native.gdtls_udp_server_listen(Handle, port, Utf8.ToNative(bindAddress, "bindAddress"));
        }

        /// <summary>Reads the socket and sorts what arrived. Call it every frame.</summary>
        public Error Poll()
        {
            return Native.gdtls_udp_server_poll(Handle);
        }

        /// <summary>True when a pending connection waits for <see cref="TakeConnection"/>.</summary>
        public bool IsConnectionAvailable()
        {
            return Native.gdtls_udp_server_is_connection_available(Handle);
        }

        /// <summary>
        /// The oldest pending connection, as a peer connected to its source that
        /// shares the server's socket; null when none is pending.
        /// </summary>
        public PacketPeerUdp TakeConnection()
        {
            return PacketPeerUdp.Wrap(Native.gdtls_udp_server_take_connection(Handle));
        }

        /// <summary>Stops listening: pending connections are dropped, taken peers closed.</summary>
        public Error Stop()
        {
            return Native.gdtls_udp_server_stop(Handle);
        }

        /// <summary>True while listening.</summary>
        public bool IsListening()
        {
            return Native.gdtls_udp_server_is_listening(Handle);
        }

        /// <summary>The port the server listens on; 0 when not listening.</summary>
        public int GetLocalPort()
        {
            return Native.gdtls_udp_server_get_local_port(Handle);
        }

        /// <summary>
        /// The socket's descriptor, for an event loop to wait on: when it is
        /// readable, call <see cref="Poll"/>, then poll the connections. The
        /// socket stays the server's: do not read, write or close it. -1 when
        /// not listening.
        /// </summary>
        public int GetSocketFd()
        {
            return Native.gdtls_udp_server_get_socket_fd(Handle);
        }

        /// <summary>Sets how many connections may be pending at once (Godot's default: 16).</summary>
        public Error SetMaxPendingConnections(int maxPendingConnections)
        {
            return Native.gdtls_udp_server_set_max_pending_connections(Handle, maxPendingConnections);
        }

        /// <summary>The pending-connection limit.</summary>
        public int GetMaxPendingConnections()
        {
            return Native.gdtls_udp_server_get_max_pending_connections(Handle);
        }

        /// <summary>
        /// Godot's <c>max_pending_connections</c> property; setting a negative
        /// value throws <see cref="ArgumentOutOfRangeException"/>.
        /// </summary>
        public int MaxPendingConnections
        {
            get { return GetMaxPendingConnections(); }
            set
            {
                if (SetMaxPendingConnections(value) != Error.Ok)
                    throw new ArgumentOutOfRangeException("value", value, Gdtls.LastErrorMessage);
            }
        }
    }

    /// <summary>
    /// Godot's <c>DTLSServer</c>: turns connected UDP peers (from a
    /// <see cref="UdpServer"/>) into DTLS connections, with cookies against
    /// spoofed addresses.
    /// </summary>
    public sealed class DtlsServer : RefCounted
    {
        private DtlsServerHandle Handle
        {
            get { return (DtlsServerHandle)Live(); }
        }

        /// <summary>A server that is not set up.</summary>
        public DtlsServer() : this(Native.gdtls_dtls_server_new())
        {
        }

        private DtlsServer(DtlsServerHandle handle) : base(handle)
        {
        }

        /// <summary>A second object for the same server, disposed on its own.</summary>
        public DtlsServer Reference()
        {
            return Handles.Wrap(Native.gdtls_dtls_server_reference(Handle), h => new DtlsServer(h));
        }

        /// <summary>Sets the server up with <paramref name="serverOptions"/> from <see cref="TlsOptions.Server"/>.</summary>
        public Error Setup(TlsOptions serverOptions)
        {
            return Native.gdtls_dtls_server_setup(Handle, Handles.Of<TlsOptionsHandle>(serverOptions));
        }

        /// <summary>
        /// Godot 3.2's shape: presents <paramref name="certificate"/> (then
        /// <paramref name="chain"/>, if any) with <paramref name="key"/>.
        /// </summary>
        public Error Setup(CryptoKey key, X509Certificate certificate, X509Certificate chain = null)
        {
            return Native.gdtls_dtls_server_setup_godot3(Handle, Handles.Of<CryptoKeyHandle>(key), Handles.Of<X509CertificateHandle>(certificate),
                Handles.Of<X509CertificateHandle>(chain));
        }

        /// <summary>
        /// Answers what <paramref name="udpPeer"/> sent and returns its DTLS peer.
        /// Keep it only if it is <see cref="PacketPeerDtls.Status.Handshaking"/>:
        /// a client's first ClientHello is answered with a cookie request, and
        /// its retry arrives as a new connection. Null only for a disposed or
        /// foreign peer (see <see cref="Gdtls.LastErrorMessage"/>).
        /// </summary>
        public PacketPeerDtls TakeConnection(PacketPeerUdp udpPeer)
        {
            return PacketPeerDtls.Wrap(Native.gdtls_dtls_server_take_connection(Handle, Handles.Of<PacketPeerUdpHandle>(udpPeer)));
        }

        /// <summary>
        /// Sets how new connections' handshakes wait for their client: the first
        /// retransmission interval, doubled up to the largest, after which the
        /// handshake fails.
        /// </summary>
        public Error SetHandshakeTimeoutMsec(uint minMsec, uint maxMsec)
        {
            return Native.gdtls_dtls_server_set_handshake_timeout_msec(Handle, minMsec, maxMsec);
        }

        /// <summary>New connections' first and largest retransmission intervals.</summary>
        public Error GetHandshakeTimeoutMsec(out uint minMsec, out uint maxMsec)
        {
            return Native.gdtls_dtls_server_get_handshake_timeout_msec(Handle, out minMsec, out maxMsec);
        }

        /// <summary>Sets the idle timeout of connections taken from now on; 0 (the default) for none.</summary>
        public Error SetIdleTimeoutMsec(uint msec)
        {
            return Native.gdtls_dtls_server_set_idle_timeout_msec(Handle, msec);
        }

        /// <summary>The idle timeout of new connections in milliseconds; 0 for none.</summary>
        public uint GetIdleTimeoutMsec()
        {
            return Native.gdtls_dtls_server_get_idle_timeout_msec(Handle);
        }

        /// <summary>
        /// Sets how many handshakes run at once, in all and from one IPv4 address
        /// or IPv6 /64. A ClientHello over either limit is dropped until there is room.
        /// </summary>
        public Error SetMaxHandshakes(int maxTotal, int maxPerSource)
        {
            return Native.gdtls_dtls_server_set_max_handshakes(Handle, maxTotal, maxPerSource);
        }

        /// <summary>The two limits of <see cref="SetMaxHandshakes"/>.</summary>
        public Error GetMaxHandshakes(out int maxTotal, out int maxPerSource)
        {
            return Native.gdtls_dtls_server_get_max_handshakes(Handle, out maxTotal, out maxPerSource);
        }

        /// <summary>How many connections taken from this server are handshaking now.</summary>
        public int GetHandshakeCount()
        {
            return Native.gdtls_dtls_server_get_handshake_count(Handle);
        }

        /// <summary>
        /// Sets how long the session tickets given on connections taken from
        /// now on are valid, in seconds (default
        /// <see cref="Gdtls.DefaultSessionTicketLifetimeSec"/>); a client
        /// presenting one when it reconnects resumes its session. 0 gives
        /// none, as Godot. Changing it refuses the tickets already given.
        /// </summary>
        public Error SetSessionTicketLifetimeSec(uint sec)
        {
            return Native.gdtls_dtls_server_set_session_ticket_lifetime_sec(Handle, sec);
        }

        /// <summary>The session ticket lifetime in seconds; 0 when the server gives no tickets.</summary>
        public uint GetSessionTicketLifetimeSec()
        {
            return Native.gdtls_dtls_server_get_session_ticket_lifetime_sec(Handle);
        }
    }

    // Carries one host-transport peer's datagrams between gdtls and the
    // host's delegates. gdtls holds it through a GCHandle in user_data from
    // creation until its release callback.
    internal sealed class HostTransport
    {
        private readonly Func<byte[], Error> _send;
        private readonly Func<byte[]> _receive;
        private readonly Func<int> _available;
        private readonly Action _release;
        private GCHandle _self;

        internal Exception LastException;

        // The native entry points are shared by every transport (user_data
        // tells them apart), and static so that the collector never frees one
        // that gdtls may still call.
        private static readonly Native.UdpSendFn SendEntry = Send;
        private static readonly Native.UdpReceiveFn ReceiveEntry = Receive;
        private static readonly Native.UdpAvailableFn AvailableEntry = Available;
        private static readonly Native.ReleaseFn ReleaseEntry = Release;

        // Returned by receive for a failure; -1 means "none waiting".
        private const long ReceiveFailed = -2;

        internal HostTransport(Func<byte[], Error> send, Func<byte[]> receive, Func<int> available, Action release)
        {
            _send = send;
            _receive = receive;
            _available = available;
            _release = release;
            _self = GCHandle.Alloc(this);
        }

        // The struct gdtls copies; it refuses it when send or receive is missing.
        internal Native.UdpCallbacks Callbacks()
        {
            return new Native.UdpCallbacks
            {
                UserData = GCHandle.ToIntPtr(_self),
                Send = _send == null ? null : SendEntry,
                Receive = _receive == null ? null : ReceiveEntry,
                Available = _available == null ? null : AvailableEntry,
                Release = ReleaseEntry,
            };
        }

        internal void Abandon()
        {
            _self.Free();
        }

        private static HostTransport Of(IntPtr userData)
        {
            return (HostTransport)GCHandle.FromIntPtr(userData).Target;
        }

        // No exception may unwind into native code: each entry point turns one
        // into a failure for gdtls and keeps it for the host to read.
        private static int Send(IntPtr userData, IntPtr data, UIntPtr len)
        {
            var transport = Of(userData);
            try
            {
                return (int)transport._send(Buffers.FromNative(data, len));
            }
            catch (Exception e)
            {
                transport.LastException = e;
                return (int)Error.Failed;
            }
        }

        private static long Receive(IntPtr userData, IntPtr buf, UIntPtr cap)
        {
            var transport = Of(userData);
            try
            {
                var datagram = transport._receive();
                if (datagram == null)
                    return -1;
                if ((ulong)datagram.Length > cap.ToUInt64())
                    throw new InvalidOperationException(string.Format(
                        "the receive callback returned {0} bytes, more than gdtls's buffer of {1}",
                        datagram.Length, cap));
                Marshal.Copy(datagram, 0, buf, datagram.Length);
                return datagram.Length;
            }
            catch (Exception e)
            {
                transport.LastException = e;
                return ReceiveFailed;
            }
        }

        private static int Available(IntPtr userData)
        {
            var transport = Of(userData);
            try
            {
                return transport._available();
            }
            catch (Exception e)
            {
                transport.LastException = e;
                return -1;
            }
        }

        private static void Release(IntPtr userData)
        {
            var transport = Of(userData);
            transport._self.Free();
            try
            {
                if (transport._release != null)
                    transport._release();
            }
            catch (Exception e)
            {
                transport.LastException = e;
            }
        }
    }

    // Finds a PSK server's keys through the host's delegate. gdtls holds it
    // through a GCHandle in user_data from creation until its release
    // callback.
    internal sealed class PskLookup
    {
        private readonly Func<byte[], byte[]> _lookup;
        private GCHandle _self;

        internal Exception LastException;

        // Shared by every lookup and static, as HostTransport's.
        private static readonly Native.PskLookupFn LookupEntry = Lookup;
        private static readonly Native.ReleaseFn ReleaseEntry = Release;

        internal PskLookup(Func<byte[], byte[]> lookup)
        {
            _lookup = lookup;
            _self = GCHandle.Alloc(this);
        }

        // The options; gdtls refuses a missing lookup, and never calls
        // release for options it refused.
        internal TlsOptionsHandle Register()
        {
            var handle = Native.gdtls_tls_options_server_psk(_lookup == null ? null : LookupEntry,
                GCHandle.ToIntPtr(_self), ReleaseEntry);
            if (handle.IsInvalid)
                _self.Free();
            return handle;
        }

        // No exception may unwind into native code: one refuses the identity
        // and is kept for the host to read. So is a key that does not fit.
        private static UIntPtr Lookup(IntPtr userData, IntPtr identity, UIntPtr identityLen, IntPtr keyOut, UIntPtr keyCap)
        {
            var lookup = (PskLookup)GCHandle.FromIntPtr(userData).Target;
            try
            {
                var key = lookup._lookup(Buffers.FromNative(identity, identityLen));
                if (key == null)
                    return UIntPtr.Zero;
                if ((ulong)key.Length > keyCap.ToUInt64())
                    throw new InvalidOperationException(string.Format(
                        "the PSK lookup returned a key of {0} bytes, more than {1}", key.Length, keyCap));
                Marshal.Copy(key, 0, keyOut, key.Length);
                return new UIntPtr((uint)key.Length);
            }
            catch (Exception e)
            {
                lookup.LastException = e;
                return UIntPtr.Zero;
            }
        }

        private static void Release(IntPtr userData)
        {
            GCHandle.FromIntPtr(userData).Free();
        }
    }

    // Carries gdtls's log lines to the host's delegate. A call made before
    // the callback was replaced may still be running when
    // gdtls_set_log_callback returns, so the entry point holds nothing that
    // replacing could free under it: it reads the current delegate, and a
    // replaced one is left to the collector once no call runs it.
    internal static class Logging
    {
        private static readonly Native.LogFn Entry = Log;
        private static readonly object Lock = new object();
        private static volatile Action<int, string> _current;

        internal static Error Set(Action<int, string> callback, int level)
        {
            lock (Lock)
            {
                var err = Native.gdtls_set_log_callback(callback == null ? null : Entry, IntPtr.Zero, level);
                if (err == Error.Ok)
                    _current = callback;
                return err;
            }
        }

        // No exception may unwind into native code: the line is dropped.
        private static void Log(IntPtr userData, int level, IntPtr message)
        {
            var callback = _current;
            if (callback == null)
                return;
            try
            {
                callback(level, Utf8.FromNative(message));
            }
            catch (Exception)
            {
            }
        }
    }

    // A native object's handle: released through gdtls_<class>_free once.
    internal abstract class GdtlsHandle : SafeHandle
    {
        protected GdtlsHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }
    }

    internal sealed class CryptoKeyHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_crypto_key_free(handle) == Error.Ok;
        }
    }

    internal sealed class X509CertificateHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_x509_certificate_free(handle) == Error.Ok;
        }
    }

    internal sealed class TlsOptionsHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_tls_options_free(handle) == Error.Ok;
        }
    }

    internal sealed class PacketPeerUdpHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_packet_peer_udp_free(handle) == Error.Ok;
        }
    }

    internal sealed class PacketPeerDtlsHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_packet_peer_dtls_free(handle) == Error.Ok;
        }
    }

    internal sealed class UdpServerHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_udp_server_free(handle) == Error.Ok;
        }
    }

    internal sealed class DtlsServerHandle : GdtlsHandle
    {
        protected override bool ReleaseHandle()
        {
            return Native.gdtls_dtls_server_free(handle) == Error.Ok;
        }
    }

    internal static class Handles
    {
        // One empty handle per class, passed where C accepts NULL: a null
        // SafeHandle reference would make the marshaller throw instead.
        private static class Null<H> where H : GdtlsHandle, new()
        {
            internal static readonly H Value = new H();
        }

        // An object argument: null becomes NULL, which gdtls accepts or
        // refuses with its own error; a disposed object throws here.
        internal static H Of<H>(RefCounted obj) where H : GdtlsHandle, new()
        {
            return obj == null ? Null<H>.Value : (H)obj.Live();
        }

        // An object a constructor or getter returned; null for NULL.
        internal static T Wrap<H, T>(H handle, Func<H, T> wrap) where H : GdtlsHandle where T : class
        {
            if (!handle.IsInvalid)
                return wrap(handle);
            handle.SetHandleAsInvalid(); // nothing to release
            return null;
        }
    }

    internal static class Utf8
    {
        // Strict: a lone surrogate throws instead of becoming U+FFFD.
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        // A string for C, NUL-terminated; null stays NULL. A NUL inside would
        // silently cut the string short on the C side, so it is refused.
        internal static byte[] ToNative(string text, string parameter)
        {
            if (text == null)
                return null;
            if (text.IndexOf('\0') >= 0)
                throw new ArgumentException("a C string cannot hold a NUL character", parameter);
            var bytes = new byte[Strict.GetByteCount(text) + 1];
            Strict.GetBytes(text, 0, text.Length, bytes, 0);
            return bytes;
        }

        // A NUL-terminated string C owns.
        internal static string FromNative(IntPtr text)
        {
            if (text == IntPtr.Zero)
                return null;
            var length = 0;
            while (Marshal.ReadByte(text, length) != 0)
                length++;
            var bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        internal static string FromBytes(byte[] bytes)
        {
            return bytes == null ? null : Encoding.UTF8.GetString(bytes);
        }
    }

    internal static class Buffers
    {
        // The bytes of a SHA-256 hash: a pin.
        internal const int Sha256Length = 32;

        // The length C is given with a byte array; null goes as NULL with 0.
        internal static UIntPtr LengthOf(byte[] data)
        {
            return new UIntPtr(data == null ? 0u : (uint)data.Length);
        }

        // A copy of bytes C lends for the duration of a callback.
        internal static byte[] FromNative(IntPtr data, UIntPtr len)
        {
            var bytes = new byte[checked((int)len.ToUInt64())];
            if (bytes.Length > 0)
                Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }

        // One (buf, cap, out_len) call of the C API.
        internal delegate Error Fill(byte[] buf, UIntPtr cap, out UIntPtr len);

        // Holds any datagram, so that reads seldom need a second call.
        private const int SpareSize = Gdtls.MaxDatagram + 1;

        // Each thread's buffer, taken while in use: a host callback may read
        // another peer in the middle of a read.
        [ThreadStatic]
        private static byte[] _spare;

        // Reads into the spare buffer, or into one of the size gdtls asks for
        // when it is too small (again if what waits grew meanwhile). A string
        // needs a byte more than its length, for the NUL.
        internal static Error Read(Fill fill, out byte[] data)
        {
            var buf = _spare ?? new byte[SpareSize];
            _spare = null;
            try
            {
                UIntPtr len;
                var err = fill(buf, new UIntPtr((uint)buf.Length), out len);
                while (err == Error.ParameterRangeError && len.ToUInt64() >= (ulong)buf.Length)
                {
                    buf = new byte[checked((int)len.ToUInt64() + 1)];
                    err = fill(buf, new UIntPtr((uint)buf.Length), out len);
                }
                data = null;
                if (err != Error.Ok)
                    return err;
                data = new byte[checked((int)len.ToUInt64())];
                Buffer.BlockCopy(buf, 0, data, 0, data.Length);
                return Error.Ok;
            }
            finally
            {
                if (buf.Length == SpareSize)
                    _spare = buf;
            }
        }

        internal static string ReadString(Fill fill)
        {
            byte[] text;
            Read(fill, out text);
            return Utf8.FromBytes(text);
        }
    }

    // The C API as include/gdtls.h declares it, function for function.
    internal static class Native
    {
        private const string Lib = "gdtls";
        private const CallingConvention Cdecl = CallingConvention.Cdecl;

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int UdpSendFn(IntPtr userData, IntPtr data, UIntPtr len);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate long UdpReceiveFn(IntPtr userData, IntPtr buf, UIntPtr cap);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int UdpAvailableFn(IntPtr userData);

        // gdtls_release_fn
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void ReleaseFn(IntPtr userData);

        // gdtls_psk_lookup_fn
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate UIntPtr PskLookupFn(IntPtr userData, IntPtr identity, UIntPtr identityLen, IntPtr keyOut, UIntPtr keyCap);

        // gdtls_log_fn
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void LogFn(IntPtr userData, int level, IntPtr message);

        // gdtls_udp_callbacks
        [StructLayout(LayoutKind.Sequential)]
        internal struct UdpCallbacks
        {
            public IntPtr UserData;
            public UdpSendFn Send;
            public UdpReceiveFn Receive;
            public UdpAvailableFn Available;
            public ReleaseFn Release;
        }

        // C's bool is one byte; the marshaller's default is a 4-byte BOOL.
        private const UnmanagedType CBool = UnmanagedType.U1;

        // Crypto
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_crypto_generate_rsa(int size);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_crypto_generate_ecdsa(byte[] curve);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_crypto_generate_self_signed_certificate(CryptoKeyHandle key, byte[] issuerName, byte[] notBefore, byte[] notAfter);

        // CryptoKey
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_crypto_key_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_free(IntPtr key);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_crypto_key_reference(CryptoKeyHandle key);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_load(CryptoKeyHandle key, byte[] path, [MarshalAs(CBool)] bool publicOnly);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_load_from_string(CryptoKeyHandle key, byte[] stringKey, [MarshalAs(CBool)] bool publicOnly);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_load_from_buffer(CryptoKeyHandle key, byte[] data, UIntPtr len, [MarshalAs(CBool)] bool publicOnly);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_save(CryptoKeyHandle key, byte[] path, [MarshalAs(CBool)] bool publicOnly);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_crypto_key_save_to_string(CryptoKeyHandle key, [MarshalAs(CBool)] bool publicOnly, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_crypto_key_is_public_only(CryptoKeyHandle key);

        // DTLSServer
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern DtlsServerHandle gdtls_dtls_server_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_free(IntPtr server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern DtlsServerHandle gdtls_dtls_server_reference(DtlsServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_setup(DtlsServerHandle server, TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_setup_godot3(DtlsServerHandle server, CryptoKeyHandle key, X509CertificateHandle certificate, X509CertificateHandle chain);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerDtlsHandle gdtls_dtls_server_take_connection(DtlsServerHandle server, PacketPeerUdpHandle udp);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_set_handshake_timeout_msec(DtlsServerHandle server, uint minMsec, uint maxMsec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_get_handshake_timeout_msec(DtlsServerHandle server, out uint minMsec, out uint maxMsec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_set_idle_timeout_msec(DtlsServerHandle server, uint msec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern uint gdtls_dtls_server_get_idle_timeout_msec(DtlsServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_set_max_handshakes(DtlsServerHandle server, int maxTotal, int maxPerSource);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_get_max_handshakes(DtlsServerHandle server, out int maxTotal, out int maxPerSource);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_dtls_server_get_handshake_count(DtlsServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_dtls_server_set_session_ticket_lifetime_sec(DtlsServerHandle server, uint sec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern uint gdtls_dtls_server_get_session_ticket_lifetime_sec(DtlsServerHandle server);

        // Errors and the library
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_get_last_error();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern IntPtr gdtls_get_last_error_message();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern void gdtls_clear_last_error();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern IntPtr gdtls_error_string(int err);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern IntPtr gdtls_version();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern uint gdtls_version_number();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern UIntPtr gdtls_live_handle_count();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern IntPtr gdtls_get_proc_address(byte[] name);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_set_log_callback(LogFn callback, IntPtr userData, int level);

        // PacketPeerDTLS
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerDtlsHandle gdtls_packet_peer_dtls_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_free(IntPtr peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerDtlsHandle gdtls_packet_peer_dtls_reference(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_connect_to_peer(PacketPeerDtlsHandle peer, PacketPeerUdpHandle udp, byte[] hostname, TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_connect_to_peer_godot3(PacketPeerDtlsHandle peer, PacketPeerUdpHandle udp, [MarshalAs(CBool)] bool validateCerts, byte[] forHostname, X509CertificateHandle validCertificate);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_poll(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerDtls.Status gdtls_packet_peer_dtls_get_status(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_disconnect_from_peer(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_put_packet(PacketPeerDtlsHandle peer, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_get_packet(PacketPeerDtlsHandle peer, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_dtls_get_available_packet_count(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_dtls_get_max_packet_size(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_set_idle_timeout_msec(PacketPeerDtlsHandle peer, uint msec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern uint gdtls_packet_peer_dtls_get_idle_timeout_msec(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern ulong gdtls_packet_peer_dtls_get_idle_time_msec(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_set_handshake_timeout_msec(PacketPeerDtlsHandle peer, uint minMsec, uint maxMsec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_get_handshake_timeout_msec(PacketPeerDtlsHandle peer, out uint minMsec, out uint maxMsec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_get_protocol_version(PacketPeerDtlsHandle peer, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_get_cipher_suite(PacketPeerDtlsHandle peer, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_packet_peer_dtls_get_peer_certificate(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_packet_peer_dtls_is_session_resumed(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern ulong gdtls_packet_peer_dtls_get_handshake_duration_usec(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern uint gdtls_packet_peer_dtls_get_retransmissions(PacketPeerDtlsHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_dtls_get_traffic(PacketPeerDtlsHandle peer, out Traffic traffic);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern long gdtls_packet_peer_dtls_get_next_timeout_msec(PacketPeerDtlsHandle peer);

        // PacketPeerUDP
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerUdpHandle gdtls_packet_peer_udp_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_free(IntPtr peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerUdpHandle gdtls_packet_peer_udp_reference(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_bind(PacketPeerUdpHandle peer, int port, byte[] bindAddress, int recvBufSize);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_close(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_connect_to_host(PacketPeerUdpHandle peer, byte[] host, int port);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_packet_peer_udp_is_socket_connected(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_packet_peer_udp_is_bound(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_set_dest_address(PacketPeerUdpHandle peer, byte[] host, int port);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_put_packet(PacketPeerUdpHandle peer, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_get_packet(PacketPeerUdpHandle peer, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_udp_get_available_packet_count(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_get_packet_ip(PacketPeerUdpHandle peer, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_udp_get_packet_port(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_udp_get_local_port(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_udp_get_socket_fd(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_wait(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_wait_timeout(PacketPeerUdpHandle peer, uint timeoutMsec);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_packet_peer_udp_get_max_packet_size(PacketPeerUdpHandle peer);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_set_broadcast_enabled(PacketPeerUdpHandle peer, [MarshalAs(CBool)] bool enabled);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_join_multicast_group(PacketPeerUdpHandle peer, byte[] multicastAddress, byte[] interfaceName);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_packet_peer_udp_leave_multicast_group(PacketPeerUdpHandle peer, byte[] multicastAddress, byte[] interfaceName);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerUdpHandle gdtls_packet_peer_udp_new_from_callbacks([In] ref UdpCallbacks callbacks);

        // TLSOptions
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_client(X509CertificateHandle trustedChain, byte[] commonNameOverride);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_client_unsafe(X509CertificateHandle trustedChain);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_server(CryptoKeyHandle key, X509CertificateHandle certificate);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_free(IntPtr options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_reference(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_tls_options_is_server(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_tls_options_is_unsafe_client(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_get_common_name_override(TlsOptionsHandle options, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_tls_options_get_trusted_ca_chain(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_tls_options_get_private_key(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_tls_options_get_own_certificate(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_client_psk(byte[] identity, UIntPtr identityLen, byte[] key, UIntPtr keyLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_server_psk(PskLookupFn lookup, IntPtr userData, ReleaseFn release);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern TlsOptionsHandle gdtls_tls_options_server_psk_key(byte[] key, UIntPtr keyLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_add_pin(TlsOptionsHandle options, int kind, byte[] sha256);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_add_crl(TlsOptionsHandle options, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_mtu(TlsOptionsHandle options, ushort mtu);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern ushort gdtls_tls_options_get_mtu(TlsOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_cipher_suites(TlsOptionsHandle options, byte[] names);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_curves(TlsOptionsHandle options, byte[] names);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_client_certificate(TlsOptionsHandle options, CryptoKeyHandle key, X509CertificateHandle certificate);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_client_verification(TlsOptionsHandle options, X509CertificateHandle trustedChain, [MarshalAs(CBool)] bool required);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_tls_options_set_session_resumption(TlsOptionsHandle options, [MarshalAs(CBool)] bool enabled);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_tls_options_get_session_resumption(TlsOptionsHandle options);

        // UDPServer
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern UdpServerHandle gdtls_udp_server_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_udp_server_free(IntPtr server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern UdpServerHandle gdtls_udp_server_reference(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_udp_server_listen(UdpServerHandle server, int port, byte[] bindAddress);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_udp_server_poll(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_udp_server_is_connection_available(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern PacketPeerUdpHandle gdtls_udp_server_take_connection(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_udp_server_stop(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        [return: MarshalAs(CBool)]
        internal static extern bool gdtls_udp_server_is_listening(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_udp_server_get_local_port(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_udp_server_get_socket_fd(UdpServerHandle server);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_udp_server_set_max_pending_connections(UdpServerHandle server, int max);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern int gdtls_udp_server_get_max_pending_connections(UdpServerHandle server);

        // X509Certificate
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_x509_certificate_new();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_free(IntPtr cert);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern X509CertificateHandle gdtls_x509_certificate_reference(X509CertificateHandle cert);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_load(X509CertificateHandle cert, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_load_from_string(X509CertificateHandle cert, byte[] text);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_load_from_buffer(X509CertificateHandle cert, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_save(X509CertificateHandle cert, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_save_to_string(X509CertificateHandle cert, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern UIntPtr gdtls_x509_certificate_get_count(X509CertificateHandle cert);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_get_sha256_pin(X509CertificateHandle cert, int kind, byte[] sha256);
    }
}
