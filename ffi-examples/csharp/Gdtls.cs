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
    /// What concerns the library as a whole: its version, its constants, and
    /// the calling thread's last error. From code outside the namespace
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
    }

    /// <summary>
    /// Godot's <c>Crypto</c>, for the two methods DTLS needs: generating an
    /// RSA key and a self-signed certificate.
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

    /// <summary>Godot's <c>TLSOptions</c>: what a client trusts, or what a server presents.</summary>
    public sealed class TlsOptions : RefCounted
    {
        private TlsOptionsHandle Handle
        {
            get { return (TlsOptionsHandle)Live(); }
        }

        private TlsOptions(TlsOptionsHandle handle) : base(handle)
        {
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

        /// <summary>A second object for the same options, disposed on its own.</summary>
        public TlsOptions Reference()
        {
            return Wrap(Native.gdtls_tls_options_reference(Handle));
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
            return WritePacket(buffer, new UIntPtr(buffer == null ? 0u : (uint)buffer.Length));
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
        private static readonly Native.UdpReleaseFn ReleaseEntry = Release;

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
                var datagram = new byte[checked((int)len.ToUInt64())];
                Marshal.Copy(data, datagram, 0, datagram.Length);
                return (int)transport._send(datagram);
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

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void UdpReleaseFn(IntPtr userData);

        // gdtls_udp_callbacks
        [StructLayout(LayoutKind.Sequential)]
        internal struct UdpCallbacks
        {
            public IntPtr UserData;
            public UdpSendFn Send;
            public UdpReceiveFn Receive;
            public UdpAvailableFn Available;
            public UdpReleaseFn Release;
        }

        // C's bool is one byte; the marshaller's default is a 4-byte BOOL.
        private const UnmanagedType CBool = UnmanagedType.U1;

        // Crypto
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern CryptoKeyHandle gdtls_crypto_generate_rsa(int size);
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
        internal static extern UIntPtr gdtls_live_handle_count();
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern IntPtr gdtls_get_proc_address(byte[] name);

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
        internal static extern Error gdtls_x509_certificate_save(X509CertificateHandle cert, byte[] path);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern Error gdtls_x509_certificate_save_to_string(X509CertificateHandle cert, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)]
        internal static extern UIntPtr gdtls_x509_certificate_get_count(X509CertificateHandle cert);
    }
}
