// Checks of the C# binding, run by tests/binding_csharp.rs: names and
// values, errors for bad input, native handles released by Dispose, the
// crypto classes, a UDP exchange, host callbacks, DTLS handshakes with an
// echo, and what gdtls adds to Godot (pre-shared keys, pins, what a
// connection negotiated, logging, mutual authentication, session
// resumption, MTU and suites), all on 127.0.0.1. It prints one line per
// group and exits with 0 when every check passed.
//
// Usage: mono TestGdtls.exe EXPECTED_VERSION SCRATCH_DIR

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Gdtls;
using Lib = Gdtls.Gdtls;

public static class TestGdtls
{
    private static int _checks;
    private static string _scratch;

    // Objects each group disposes when it ends.
    private static readonly List<IDisposable> Owned = new List<IDisposable>();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr VersionFn();

    public static int Main(string[] args)
    {
        try
        {
            _scratch = args[1];
            long start = Lib.LiveHandleCount;
            Group("names and values", () => Names(args[0]));
            Group("errors", Errors);
            Group("handles", Handles);
            Group("crypto", CryptoClasses);
            Group("udp", Udp);
            Group("host callbacks", HostCallbacks);
            Group("dtls", Dtls);
            Group("beyond godot api", BeyondGodotApi);
            Group("psk", Psk);
            Group("pinning", Pinning);
            Group("peer info and log", PeerInfoAndLog);
            Group("mutual auth, resumption, mtu", MutualAuthResumptionMtu);
            Equal(start, Lib.LiveHandleCount, "no handle is left once every object is disposed");
            Console.WriteLine("all {0} checks passed", _checks);
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static void Group(string name, Action checks)
    {
        int before = _checks;
        try
        {
            checks();
        }
        finally
        {
            foreach (var obj in Owned)
                obj.Dispose();
            Owned.Clear();
        }
        Console.WriteLine("ok {0} ({1} checks)", name, _checks - before);
    }

    private static T Own<T>(T obj) where T : IDisposable
    {
        Owned.Add(obj);
        return obj;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
            throw new Exception("check failed: " + what + " (last error: " + Lib.LastErrorMessage + ")");
        _checks++;
    }

    private static void Equal<T>(T expected, T actual, string what)
    {
        Check(Equals(expected, actual), string.Format("{0}: expected {1}, got {2}", what, expected, actual));
    }

    private static void Throws<E>(Action action, string what) where E : Exception
    {
        try
        {
            action();
        }
        catch (E)
        {
            _checks++;
            return;
        }
        throw new Exception("check failed: " + what + " did not throw " + typeof(E).Name);
    }

    // Runs frames of 1 ms until done, for at most 10 seconds.
    private static void Until(Func<bool> done, Action frame, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed.TotalSeconds > 10)
                throw new Exception("timed out waiting until " + what);
            frame();
            Thread.Sleep(1);
        }
        _checks++;
    }

    private static byte[] Bytes(string text)
    {
        return text.ToUtf8Buffer();
    }

    private static void Names(string expectedVersion)
    {
        var expected = new[]
        {
            "Crypto", "CryptoKey", "DtlsServer", "Error", "Gdtls", "PacketPeer", "PacketPeerDtls",
            "PacketPeerDtls+Status", "PacketPeerUdp", "RefCounted", "StringExtensions", "TlsOptions",
            "Traffic", "UdpServer", "X509Certificate",
        };
        var assembly = typeof(DtlsServer).Assembly;
        var exported = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            Equal("Gdtls", type.Namespace, type.Name + "'s namespace");
            exported.Add(type.FullName.Substring("Gdtls.".Length));
        }
        exported.Sort(StringComparer.Ordinal);
        Equal(string.Join(" ", expected), string.Join(" ", exported), "the public types");

        var values = (Error[])Enum.GetValues(typeof(Error));
        Equal(49, values.Length, "Error's member count");
        for (int i = 0; i < values.Length; i++)
        {
            Equal(i, (int)values[i], "Error's values run from 0 to 48");
            Check(Lib.ErrorString(values[i]) != "Unknown error", "gdtls knows " + values[i]);
        }
        Equal("Unknown error", Lib.ErrorString((Error)49), "the error string beyond the table");
        Equal("Invalid parameter", Lib.ErrorString(Error.InvalidParameter), "InvalidParameter's string");
        var godot = new Dictionary<Error, int>
        {
            { Error.Ok, 0 }, { Error.Failed, 1 }, { Error.Unavailable, 2 }, { Error.Unconfigured, 3 },
            { Error.Unauthorized, 4 }, { Error.ParameterRangeError, 5 }, { Error.OutOfMemory, 6 },
            { Error.FileNotFound, 7 }, { Error.FileEof, 18 }, { Error.CantOpen, 19 },
            { Error.AlreadyInUse, 22 }, { Error.Locked, 23 }, { Error.Timeout, 24 }, { Error.CantConnect, 25 },
            { Error.CantResolve, 26 }, { Error.ConnectionError, 27 }, { Error.CantAcquireResource, 28 },
            { Error.InvalidData, 30 }, { Error.InvalidParameter, 31 }, { Error.AlreadyExists, 32 },
            { Error.DoesNotExist, 33 }, { Error.CyclicLink, 40 }, { Error.ParseError, 43 }, { Error.Busy, 44 },
            { Error.Bug, 47 }, { Error.PrinterOnFire, 48 },
        };
        foreach (var pair in godot)
            Equal(pair.Value, (int)pair.Key, "Error." + pair.Key);
        Equal(0, (int)PacketPeerDtls.Status.Disconnected, "Status.Disconnected");
        Equal(1, (int)PacketPeerDtls.Status.Handshaking, "Status.Handshaking");
        Equal(2, (int)PacketPeerDtls.Status.Connected, "Status.Connected");
        Equal(3, (int)PacketPeerDtls.Status.Error, "Status.Error");
        Equal(4, (int)PacketPeerDtls.Status.ErrorHostnameMismatch, "Status.ErrorHostnameMismatch");

        Equal(expectedVersion, Lib.Version, "the library's version");
        Equal(string.Format("{0}.{1}.{2}", Lib.VersionMajor, Lib.VersionMinor, Lib.VersionPatch), Lib.Version,
            "the binding's version");

        // Every function the binding declares is one the library exports.
        var native = assembly.GetType("Gdtls.Native", true);
        int imports = 0;
        foreach (var method in native.GetMethods(BindingFlags.Static | BindingFlags.NonPublic))
        {
            if ((method.Attributes & MethodAttributes.PinvokeImpl) == 0)
                continue;
            Check(Lib.GetProcAddress(method.Name) != IntPtr.Zero, method.Name + " is exported");
            imports++;
        }
        Check(imports >= 100, imports + " functions declared");
        Equal(IntPtr.Zero, Lib.GetProcAddress("gdtls_no_such_function"), "an unknown name's address");
        var version = (VersionFn)Marshal.GetDelegateForFunctionPointer(
            Lib.GetProcAddress("gdtls_version"), typeof(VersionFn));
        Equal(Lib.Version, Marshal.PtrToStringAnsi(version()), "gdtls_version called through its address");
    }

    private static void Errors()
    {
        Lib.ClearLastError();
        Equal(Error.Ok, Lib.LastError, "the last error once cleared");
        Equal("", Lib.LastErrorMessage, "the last message once cleared");

        var crypto = new Crypto();
        Equal(null, crypto.GenerateRsa(7), "a 7-bit RSA key");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of a 7-bit RSA key");
        Check(Lib.LastErrorMessage.Contains("gdtls_crypto_generate_rsa"), "the message names the function");

        var key = Own(new CryptoKey());
        var missing = Path.Combine(_scratch, "missing.key");
        Equal(Error.InvalidParameter, key.Load(missing), "loading a missing file");
        Check(Lib.LastErrorMessage.Contains(missing), "the message names the file: " + Lib.LastErrorMessage);
        Equal(Error.Unconfigured, key.Save(Path.Combine(_scratch, "empty.key")), "saving an empty key");
        Equal(null, key.SaveToString(), "an empty key as text");
        Equal(Error.Unconfigured, Lib.LastError, "the error of an empty key as text");

        // Null objects reach gdtls as NULL, and it says what is wrong.
        var server = Own(new DtlsServer());
        Equal(Error.InvalidParameter, server.Setup((TlsOptions)null), "setup with null options");
        Equal(Error.InvalidParameter, server.Setup(null, null), "Godot 3.2's setup with nulls");
        Equal(null, TlsOptions.Server(null, null), "server options without key and certificate");
        Equal(null, server.TakeConnection(null), "a connection over no UDP peer");
        var dtls = Own(new PacketPeerDtls());
        Equal(Error.InvalidParameter, dtls.ConnectToPeer(null, "localhost"), "connecting over no UDP peer");
        Equal(Error.InvalidParameter, dtls.ConnectToPeer(Own(new PacketPeerUdp()), false),
            "connecting over an unconnected UDP peer");
        Equal(Error.Unconfigured, dtls.PutPacket(Bytes("x")), "sending while disconnected");
        Equal(0, dtls.GetPacket().Length, "reading while disconnected");
        Equal(Error.Unconfigured, dtls.GetPacketError(), "the error of reading while disconnected");

        // What C strings cannot carry is refused before reaching gdtls.
        Throws<ArgumentException>(() => key.Load("key\0.pem"), "a path with a NUL");
        Throws<ArgumentException>(() => key.Load("\ud800.pem"), "a path with a lone surrogate");
        Throws<ArgumentException>(() => Lib.GetProcAddress("gdtls_version\0"), "a name with a NUL");

        var udpServer = Own(new UdpServer());
        Equal(Error.InvalidParameter, udpServer.SetMaxPendingConnections(-1), "a negative pending limit");
        Throws<ArgumentOutOfRangeException>(() => udpServer.MaxPendingConnections = -1,
            "setting the property to a negative limit");
        Equal(Error.InvalidParameter, udpServer.Listen(80, "not an address"), "listening on a bad address");
        var udp = Own(new PacketPeerUdp());
        Equal(Error.InvalidParameter, udp.ConnectToHost("127.0.0.1", 0), "connecting to port 0");
        Equal(Error.CantResolve, udp.ConnectToHost("no-such-host.invalid", 4242), "an unknown host");
        Equal(-1, udp.GetAvailablePacketCount(), "the packet count without a socket");
        Equal(Error.Unconfigured, udp.PutPacket(Bytes("x")), "sending without a destination");
        Equal(Error.Unconfigured, udp.JoinMulticastGroup("224.0.0.1", ""), "joining a group unbound");
        Equal(Error.Unconfigured, udp.LeaveMulticastGroup("224.0.0.1", ""), "leaving a group unbound");
        Equal(null, PacketPeerUdp.NewFromCallbacks(null, null), "a host peer without callbacks");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of a host peer without callbacks");
    }

    private static void Handles()
    {
        long start = Lib.LiveHandleCount;
        var objects = new RefCounted[]
        {
            new CryptoKey(), new X509Certificate(), new DtlsServer(), new UdpServer(), new PacketPeerUdp(),
            new PacketPeerDtls(), TlsOptions.ClientUnsafe(),
        };
        Equal(start + objects.Length, Lib.LiveHandleCount, "one handle per object");
        foreach (var obj in objects)
            obj.Dispose();
        Equal(start, Lib.LiveHandleCount, "every handle released by Dispose");
        objects[0].Dispose();
        Equal(start, Lib.LiveHandleCount, "a second Dispose releases nothing");
        var disposed = (CryptoKey)objects[0];
        Throws<ObjectDisposedException>(() => disposed.IsPublicOnly(), "a method of a disposed object");
        Throws<ObjectDisposedException>(() => TlsOptions.Server(disposed, null), "a disposed argument");

        LeaveGarbage(start);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Equal(start, Lib.LiveHandleCount, "handles of collected objects released by their finalizers");

        // A second reference lives and dies on its own.
        var udp = new PacketPeerUdp();
        var same = udp.Reference();
        Equal(start + 2, Lib.LiveHandleCount, "a reference is a handle of its own");
        Equal(Error.Ok, same.Bind(0, "127.0.0.1"), "binding through the reference");
        udp.Dispose();
        Check(same.IsBound(), "the object lives on through the reference");
        same.Dispose();
        Equal(start, Lib.LiveHandleCount, "both released");
    }

    // Kept out of Handles so that no reference to the garbage stays on its stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveGarbage(long start)
    {
        for (int i = 0; i < 20; i++)
            new X509Certificate().GetCount();
        Equal(start + 20, Lib.LiveHandleCount, "handles of objects not yet collected");
    }

    private static void CryptoClasses()
    {
        var crypto = new Crypto();
        var key = Own(crypto.GenerateRsa(2048));
        Check(key != null && !key.IsPublicOnly(), "a generated key is private");
        var cert = Own(crypto.GenerateSelfSignedCertificate(key, "CN=localhost,O=gdtls,C=IT"));
        Check(cert != null, "a self-signed certificate");
        Equal(1, cert.GetCount(), "one certificate");
        var defaults = Own(crypto.GenerateSelfSignedCertificate(key));
        Check(defaults != null, "a certificate with Godot's defaults");

        string pem = key.SaveToString();
        Check(pem.StartsWith("-----BEGIN") && pem.Contains("PRIVATE KEY"), "the key as PEM");
        var copy = Own(new CryptoKey());
        Equal(Error.Ok, copy.LoadFromString(pem), "loading the key's PEM");
        Equal(pem, copy.SaveToString(), "the loaded key");
        var pub = Own(new CryptoKey());
        Equal(Error.Ok, pub.LoadFromString(key.SaveToString(true), true), "loading the public key");
        Check(pub.IsPublicOnly(), "a public key is public only");
        Equal(null, TlsOptions.Server(pub, cert), "server options with a public key");

        // Paths go to C as UTF-8, whatever the runtime's default.
        var keyPath = Path.Combine(_scratch, "clé ✓.key");
        var certPath = Path.Combine(_scratch, "certificat ✓.crt");
        Equal(Error.Ok, key.Save(keyPath), "saving the key");
        Equal(Error.Ok, cert.Save(certPath), "saving the certificate");
        Check(File.Exists(keyPath) && File.Exists(certPath), "files named in UTF-8");
        var loaded = Own(new CryptoKey());
        Equal(Error.Ok, loaded.Load(keyPath), "loading the key file");
        Equal(pem, loaded.SaveToString(), "the key file's key");
        Equal(Error.Ok, Own(new CryptoKey()).Load(keyPath, false), "loading with publicOnly false");

        string certPem = cert.SaveToString();
        Check(certPem.StartsWith("-----BEGIN CERTIFICATE-----"), "the certificate as PEM");
        var chain = Own(new X509Certificate());
        Equal(Error.Ok, chain.LoadFromString(certPem + defaults.SaveToString()), "loading a chain");
        Equal(2, chain.GetCount(), "a chain of two");
        var longChain = Own(new X509Certificate());
        var pems = new StringBuilder();
        while (pems.Length <= Lib.MaxDatagram)
            pems.Append(certPem);
        Equal(Error.Ok, longChain.LoadFromString(pems.ToString()), "loading a long chain");
        Equal(pems.ToString(), longChain.SaveToString(), "a chain longer than any datagram, as text");
        var fromFile = Own(new X509Certificate());
        Equal(Error.Ok, fromFile.Load(certPath), "loading the certificate file");
        Equal(certPem, fromFile.SaveToString(), "the certificate file's certificate");
        Equal(Error.Failed, Own(new X509Certificate()).LoadFromString("not a certificate"), "bad PEM");

        var server = Own(TlsOptions.Server(key, cert));
        Check(server.IsServer() && !server.IsUnsafeClient(), "server options");
        Equal(pem, Own(server.GetPrivateKey()).SaveToString(), "the server's key");
        Equal(certPem, Own(server.GetOwnCertificate()).SaveToString(), "the server's certificate");
        Equal(null, server.GetTrustedCaChain(), "a server's trusted chain");
        var client = Own(TlsOptions.Client(cert, "ünïcödé.example"));
        Check(!client.IsServer() && !client.IsUnsafeClient(), "client options");
        Equal("ünïcödé.example", client.GetCommonNameOverride(), "the common name override, in UTF-8");
        Equal(certPem, Own(client.GetTrustedCaChain()).SaveToString(), "the client's trusted chain");
        Equal(null, client.GetPrivateKey(), "a client's key");
        Equal(null, client.GetOwnCertificate(), "a client's certificate");
        Equal("", Own(TlsOptions.Client()).GetCommonNameOverride(), "no override");
        var unsafeClient = Own(TlsOptions.ClientUnsafe());
        Check(unsafeClient.IsUnsafeClient(), "unsafe client options");
        Equal(null, unsafeClient.GetTrustedCaChain(), "an unsafe client's trusted chain");
        Equal(null, TlsOptions.Client(Own(new X509Certificate())), "client options trusting an empty certificate");

        // Options keep what they hold after the caller let go of it.
        var options = Own(TlsOptions.Server(Own(key.Reference()), Own(cert.Reference())));
        key.Dispose();
        cert.Dispose();
        var dtls = Own(new DtlsServer());
        Equal(Error.Ok, dtls.Setup(options), "setup with options whose key was disposed");
        Check(Own(options.Reference()).IsServer(), "a reference to the options");
    }

    private static void Udp()
    {
        var server = Own(new UdpServer());
        Equal(Lib.DefaultMaxPendingConnections, server.MaxPendingConnections, "the default pending limit");
        server.MaxPendingConnections = 4;
        Equal(4, server.GetMaxPendingConnections(), "the pending limit set");
        Equal(Error.Ok, server.Listen(0, "127.0.0.1"), "listening");
        Check(server.IsListening(), "listening");
        int port = server.GetLocalPort();
        Check(port > 0, "a local port");
        Equal(Error.AlreadyInUse, server.Listen(0, "127.0.0.1"), "listening twice");

        var client = Own(new PacketPeerUdp());
        Equal(Error.Ok, client.ConnectToHost("127.0.0.1", port), "connecting");
        Check(client.IsSocketConnected() && client.IsBound(), "connected and bound");
        Equal(Lib.MaxDatagram, client.GetMaxPacketSize(), "the largest datagram");
        Equal(Error.Ok, client.PutPacket(Bytes("ping")), "sending");
        Until(server.IsConnectionAvailable, () => server.Poll(), "a connection is available");
        var peer = Own(server.TakeConnection());
        Equal(null, server.TakeConnection(), "no second connection");
        Check(peer.IsSocketConnected(), "a taken peer is connected");
        Equal(1, peer.GetAvailablePacketCount(), "one datagram waits");
        Lib.ClearLastError();
        Equal("ping", peer.GetPacket().GetStringFromUtf8(), "the datagram");
        Equal(Error.Ok, peer.GetPacketError(), "the datagram's error");
        Equal(Error.Ok, Lib.LastError, "a read that succeeds records no error");
        Equal("127.0.0.1", peer.GetPacketIp(), "its source address");
        Equal(client.GetLocalPort(), peer.GetPacketPort(), "its source port");
        Equal(port, peer.GetLocalPort(), "a taken peer shares the server's port");

        // Datagrams of every size, to the largest, arrive whole.
        var random = new Random(42);
        foreach (int size in new[] { 1, 1500, 9000, Lib.MaxDatagram })
        {
            var data = new byte[size];
            random.NextBytes(data);
            Equal(Error.Ok, peer.PutPacket(data), "sending " + size + " bytes");
            Equal(Error.Ok, client.WaitTimeout(5000), "waiting for " + size + " bytes");
            Equal(Convert.ToBase64String(data), Convert.ToBase64String(client.GetPacket()), size + " bytes");
        }
        Equal(Error.InvalidParameter, client.PutPacket(new byte[Lib.MaxDatagram + 1]), "too large");
        Equal(0, client.GetPacket().Length, "nothing to read");
        Equal(Error.Unavailable, client.GetPacketError(), "the error of nothing to read");
        Equal(Error.Timeout, client.WaitTimeout(20), "waiting in vain");
        Equal(Error.Ok, peer.PutPacket(Bytes("pong")), "replying");
        Equal(Error.Ok, client.Wait(), "waiting for the reply");
        Equal("pong", client.GetPacket().GetStringFromUtf8(), "the reply");

        // A bound peer with a destination, not connected.
        var bound = Own(new PacketPeerUdp());
        Equal(Error.Ok, bound.Bind(0, "127.0.0.1"), "binding");
        Check(bound.IsBound() && !bound.IsSocketConnected(), "bound, not connected");
        Equal(Error.Ok, bound.SetBroadcastEnabled(true), "enabling broadcast");
        Equal(Error.Ok, bound.SetDestAddress("127.0.0.1", port), "setting the destination");
        Equal(Error.Ok, bound.PutPacket(Bytes("second")), "sending from the bound peer");
        Until(server.IsConnectionAvailable, () => { }, "the second source is available");
        var second = Own(server.TakeConnection());
        Equal("second", second.GetPacket().GetStringFromUtf8(), "the second source's datagram");
        Equal(bound.GetLocalPort(), second.GetPacketPort(), "the second source's port");
        Equal(Error.Ok, bound.Close(), "closing");
        Check(!bound.IsBound(), "closed");

        Equal(Error.Ok, server.Stop(), "stopping");
        Check(!server.IsListening() && server.GetLocalPort() == 0, "stopped");
    }

    private static void HostCallbacks()
    {
        var inbox = new Queue<byte[]>();
        var sent = new List<string>();
        int released = 0;
        var peer = PacketPeerUdp.NewFromCallbacks(
            data => { sent.Add(data.GetStringFromUtf8()); return Error.Ok; },
            () => inbox.Count > 0 ? inbox.Dequeue() : null,
            () => inbox.Count,
            () => released++);
        Check(peer.IsSocketConnected(), "a host peer is connected");
        Equal(Error.Ok, peer.PutPacket(Bytes("out")), "sending through the host");
        Equal("out", string.Join(",", sent), "what the host was given");
        inbox.Enqueue(Bytes("in"));
        inbox.Enqueue(new byte[3000]);
        Equal(2, peer.GetAvailablePacketCount(), "what the host holds");
        Equal("in", peer.GetPacket().GetStringFromUtf8(), "a datagram from the host");
        Equal(3000, peer.GetPacket().Length, "a larger datagram from the host");
        var again = Own(peer.Reference());
        Equal(0, again.GetPacket().Length, "nothing more, through a second reference");
        Equal(Error.Unavailable, again.GetPacketError(), "the host has nothing more");
        Equal(Error.Locked, peer.ConnectToHost("127.0.0.1", 4242), "connecting a host peer");
        Equal(null, peer.CallbackException, "no callback threw");
        peer.Dispose();
        Equal(0, released, "a reference keeps the host peer");
        foreach (var obj in Owned)
            obj.Dispose();
        Owned.Clear();
        Equal(1, released, "released once, with the last reference");

        // A throwing callback is a failure of the call, not a crash.
        var failing = Own(PacketPeerUdp.NewFromCallbacks(
            data => { throw new InvalidOperationException("send refused"); },
            () => { throw new InvalidOperationException("receive refused"); }));
        Check(failing.PutPacket(Bytes("x")) != Error.Ok, "a send that threw fails");
        Equal("send refused", failing.CallbackException.Message, "the send callback's exception");
        Equal(0, failing.GetPacket().Length, "a receive that threw gives nothing");
        Check(failing.GetPacketError() != Error.Ok, "a receive that threw fails");
        Equal("receive refused", failing.CallbackException.Message, "the receive callback's exception");
        var oversized = Own(PacketPeerUdp.NewFromCallbacks(data => Error.Ok,
            () => new byte[1 << 20]));
        Equal(0, oversized.GetPacket().Length, "an oversized datagram is refused");
        Check(oversized.GetPacketError() != Error.Ok, "the error of an oversized datagram");
        Check(oversized.CallbackException is InvalidOperationException, "the oversized datagram's exception");
    }

    private static void Dtls()
    {
        var crypto = new Crypto();
        var key = Own(crypto.GenerateRsa(2048));
        var cert = Own(crypto.GenerateSelfSignedCertificate(key, "CN=localhost,O=gdtls,C=IT"));

        var dtls = Own(new DtlsServer());
        Equal(Error.Ok, dtls.Setup(Own(TlsOptions.Server(key, cert))), "setup");
        Equal(Error.Ok, dtls.Setup(key, cert), "Godot 3.2's setup");
        uint min, max;
        Equal(Error.Ok, dtls.GetHandshakeTimeoutMsec(out min, out max), "the server's handshake timeout");
        Equal((uint)Lib.DefaultServerHandshakeTimeoutMaxMsec, max, "its default largest interval");
        Equal(Error.Ok, dtls.SetHandshakeTimeoutMsec(500, 4000), "setting it");
        dtls.GetHandshakeTimeoutMsec(out min, out max);
        Check(min == 500 && max == 4000, "the server's handshake timeout set");
        Equal(Error.InvalidParameter, dtls.SetHandshakeTimeoutMsec(0, 10), "a zero interval");
        Equal(Error.Ok, dtls.SetIdleTimeoutMsec(60000), "the server's idle timeout");
        Equal(60000u, dtls.GetIdleTimeoutMsec(), "the server's idle timeout set");
        int total, perSource;
        Equal(Error.Ok, dtls.SetMaxHandshakes(64, 8), "handshake limits");
        dtls.GetMaxHandshakes(out total, out perSource);
        Check(total == 64 && perSource == 8, "handshake limits set");
        var udpServer = Own(new UdpServer());
        Equal(Error.Ok, udpServer.Listen(0, "127.0.0.1"), "listening");
        int port = udpServer.GetLocalPort();

        // A verifying client over a socket (Godot 4's shape).
        var udpA = Own(new PacketPeerUdp());
        Equal(Error.Ok, udpA.ConnectToHost("127.0.0.1", port), "connecting A");
        var a = Own(new PacketPeerDtls());
        Equal(Error.Ok, a.SetHandshakeTimeoutMsec(200, 2000), "A's handshake timeout");
        a.GetHandshakeTimeoutMsec(out min, out max);
        Check(min == 200 && max == 2000, "A's handshake timeout set");
        Equal(Error.Ok, a.SetIdleTimeoutMsec(30000), "A's idle timeout");
        Equal(30000u, a.GetIdleTimeoutMsec(), "A's idle timeout set");
        Equal(Error.Ok, a.ConnectToPeer(udpA, "localhost", Own(TlsOptions.Client(cert))), "A connects");
        Equal(PacketPeerDtls.Status.Handshaking, a.GetStatus(), "A handshakes");
        Equal(Error.AlreadyInUse, a.ConnectToPeer(udpA, "localhost"), "A connects again");

        // A verifying client over host callbacks, which carry its datagrams
        // through a socket of their own (Godot 3.2's shape).
        var real = Own(new PacketPeerUdp());
        Equal(Error.Ok, real.ConnectToHost("127.0.0.1", port), "connecting B's socket");
        var hostB = Own(PacketPeerUdp.NewFromCallbacks(real.PutPacket,
            () => real.GetAvailablePacketCount() > 0 ? real.GetPacket() : null));
        var b = Own(new PacketPeerDtls());
        Equal(Error.Ok, b.ConnectToPeer(hostB, validateCerts: true, forHostname: "localhost", validCertificate: cert),
            "B connects");

        // A client expecting another name.
        var udpC = Own(new PacketPeerUdp());
        udpC.ConnectToHost("127.0.0.1", port);
        var c = Own(new PacketPeerDtls());
        Equal(Error.Ok, c.ConnectToPeer(udpC, "otherhost", Own(TlsOptions.Client(cert))), "C connects");

        // An unverifying client.
        var udpD = Own(new PacketPeerUdp());
        udpD.ConnectToHost("127.0.0.1", port);
        var d = Own(new PacketPeerDtls());
        Equal(Error.Ok, d.ConnectToPeer(udpD, "", Own(TlsOptions.ClientUnsafe())), "D connects");

        var clients = new[] { a, b, c, d };
        var peers = new List<PacketPeerDtls>();
        int handshaking = 0;
        Action serve = () =>
        {
            while (udpServer.IsConnectionAvailable())
            {
                var dtlsPeer = Own(dtls.TakeConnection(Own(udpServer.TakeConnection())));
                if (dtlsPeer.GetStatus() == PacketPeerDtls.Status.Handshaking)
                    peers.Add(dtlsPeer);
            }
            handshaking = Math.Max(handshaking, dtls.GetHandshakeCount());
            foreach (var p in peers)
            {
                p.Poll();
                while (p.GetAvailablePacketCount() > 0)
                    p.PutPacket(p.GetPacket());
            }
        };
        string refusal = null;
        Action frame = () =>
        {
            serve();
            foreach (var client in clients)
            {
                if (client.Poll() != Error.Ok && client == c)
                    refusal = Lib.LastErrorMessage;
            }
        };
        Until(() => a.GetStatus() == PacketPeerDtls.Status.Connected
                    && b.GetStatus() == PacketPeerDtls.Status.Connected
                    && d.GetStatus() == PacketPeerDtls.Status.Connected
                    && c.GetStatus() == PacketPeerDtls.Status.ErrorHostnameMismatch,
            frame, "A, B and D are connected and C refused");
        Equal(null, hostB.CallbackException, "B's callbacks never threw");
        Check(handshaking > 0, "the server counted handshakes");
        Equal(0, dtls.GetHandshakeCount(), "no handshake is left");
        Check(refusal != null && refusal.Contains("localhost"), "C's refusal names the certificate's host: " + refusal);

        // Echoes, of sizes up to the largest packet, content checked.
        var random = new Random(7);
        foreach (var client in new[] { a, b, d })
        {
            int largest = client.GetMaxPacketSize();
            Check(largest > 1000 && largest <= Lib.DtlsMtu, "the largest packet: " + largest);
            Check(client.GetIdleTimeMsec() < 10000, "the server was heard lately");
            foreach (int size in new[] { 1, 100, largest })
            {
                var data = new byte[size];
                random.NextBytes(data);
                Equal(Error.Ok, client.PutPacket(data), "sending " + size + " bytes");
                Until(() => client.GetAvailablePacketCount() > 0, frame, "an echo of " + size + " bytes");
                var echo = client.GetPacket();
                Equal(Convert.ToBase64String(data), Convert.ToBase64String(echo), "the echo of " + size + " bytes");
            }
            Equal(Error.InvalidParameter, client.PutPacket(new byte[largest + 1]), "a packet too large");
        }
        Equal(4, peers.Count, "four handshakes on the server");
        Equal(3, peers.FindAll(p => p.GetStatus() == PacketPeerDtls.Status.Connected).Count,
            "three of them connected (C refused the server)");

        // A close from the client is seen by the server.
        Equal(Error.Ok, a.DisconnectFromPeer(), "A disconnects");
        Equal(PacketPeerDtls.Status.Disconnected, a.GetStatus(), "A is disconnected");
        Until(() => peers.Exists(p => p.GetStatus() == PacketPeerDtls.Status.Disconnected), frame,
            "the server sees A's close");
    }

    // A DTLS server on 127.0.0.1, run a frame at a time, whose connections
    // echo what they receive.
    private sealed class EchoServer
    {
        internal readonly UdpServer Udp = Own(new UdpServer());
        internal readonly DtlsServer Dtls = Own(new DtlsServer());
        internal readonly List<PacketPeerDtls> Peers = new List<PacketPeerDtls>();

        internal EchoServer(TlsOptions options)
        {
            Equal(Error.Ok, Dtls.Setup(options), "the server's setup");
            Equal(Error.Ok, Udp.Listen(0, "127.0.0.1"), "the server listens");
        }

        internal void Frame()
        {
            while (Udp.IsConnectionAvailable())
            {
                var peer = Own(Dtls.TakeConnection(Own(Udp.TakeConnection())));
                if (peer.GetStatus() == PacketPeerDtls.Status.Handshaking)
                    Peers.Add(peer);
            }
            foreach (var peer in Peers)
            {
                peer.Poll();
                while (peer.GetAvailablePacketCount() > 0)
                    peer.PutPacket(peer.GetPacket());
            }
        }

        // A client with clientOptions, run with the server until its
        // handshake ends. A client expected to be refused gives up soon
        // should the server's alert be lost (or never come, as for a wrong
        // key, whose records the server drops).
        internal Outcome Connect(TlsOptions clientOptions, bool refused = false)
        {
            var udp = Own(new PacketPeerUdp());
            Equal(Error.Ok, udp.ConnectToHost("127.0.0.1", Udp.GetLocalPort()), "the client's socket");
            var outcome = new Outcome { Udp = udp, Client = Own(new PacketPeerDtls()) };
            var client = outcome.Client;
            if (refused)
                Equal(Error.Ok, client.SetHandshakeTimeoutMsec(100, 400), "a short handshake timeout");
            Equal(Error.Ok, client.ConnectToPeer(udp, "localhost", clientOptions), "the client connects");
            Until(() => client.GetStatus() != PacketPeerDtls.Status.Handshaking, () =>
            {
                Frame();
                var err = client.Poll();
                if (err == Error.Ok)
                    return;
                outcome.Returned = err;
                outcome.Recorded = Lib.LastError;
                outcome.Message = Lib.LastErrorMessage;
            }, "the client's handshake ends");
            return outcome;
        }
    }

    // How a client's handshake ended: what the poll that ended it returned
    // and recorded (Ok and empty when none failed).
    private sealed class Outcome
    {
        internal PacketPeerUdp Udp;
        internal PacketPeerDtls Client;
        internal Error Returned = Error.Ok;
        internal Error Recorded = Error.Ok;
        internal string Message = "";
    }

    // Sends text from the client and waits for the server's echo.
    private static void Echo(EchoServer server, PacketPeerDtls client, string text)
    {
        Equal(Error.Ok, client.PutPacket(Bytes(text)), "sending " + text);
        Until(() => client.GetAvailablePacketCount() > 0, () =>
        {
            server.Frame();
            client.Poll();
        }, "the echo of " + text);
        Equal(text, client.GetPacket().GetStringFromUtf8(), "the echo of " + text);
    }

    private static X509Certificate SelfSigned(CryptoKey key, string subject = "CN=localhost,O=gdtls,C=IT")
    {
        return Own(new Crypto().GenerateSelfSignedCertificate(key, subject));
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    // What gdtls adds to Godot, short of a handshake: values, defaults and
    // errors for bad input.
    private static void BeyondGodotApi()
    {
        Equal((uint)Lib.VersionNumber, Lib.LibraryVersionNumber, "the library's version number");
        Equal((Lib.VersionMajor << 16) | (Lib.VersionMinor << 8) | Lib.VersionPatch, Lib.VersionNumber,
            "the version number's parts");
        Equal(Error.InvalidParameter, Lib.SetLogCallback((level, text) => { }, Lib.LogVerbose + 1), "a log level too high");
        Equal(Error.InvalidParameter, Lib.SetLogCallback(null, -1), "a negative log level");

        var crypto = new Crypto();
        var key = Own(crypto.GenerateEcdsa("P-256"));
        Check(key != null && !key.IsPublicOnly(), "a P-256 key");
        Check(Own(crypto.GenerateEcdsa("secp384r1")) != null, "a P-384 key");
        Equal(null, crypto.GenerateEcdsa("P-521"), "a curve gdtls does not generate on");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of an unknown curve");
        Equal(null, crypto.GenerateEcdsa(null), "no curve");

        // Keys and certificates from bytes.
        var cert = SelfSigned(key);
        var copy = Own(new CryptoKey());
        Equal(Error.Ok, copy.LoadFromBuffer(Bytes(key.SaveToString())), "a key from PEM bytes");
        Equal(key.SaveToString(), copy.SaveToString(), "the key from bytes");
        var pub = Own(new CryptoKey());
        Equal(Error.Ok, pub.LoadFromBuffer(Bytes(key.SaveToString(true)), true), "a public key from bytes");
        Check(pub.IsPublicOnly(), "the public key from bytes");
        Equal(Error.Failed, copy.LoadFromBuffer(Bytes("not a key")), "bytes that are no key");
        Equal(key.SaveToString(), copy.SaveToString(), "a failed load keeps the key");
        Check(copy.LoadFromBuffer(null) != Error.Ok, "no bytes for a key");
        var certCopy = Own(new X509Certificate());
        Equal(Error.Ok, certCopy.LoadFromBuffer(Bytes(cert.SaveToString())), "a certificate from PEM bytes");
        Equal(cert.SaveToString(), certCopy.SaveToString(), "the certificate from bytes");
        Equal(Error.Failed, certCopy.LoadFromBuffer(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }), "bytes that are no certificate");
        Equal(1, certCopy.GetCount(), "a failed load keeps the certificate");

        // Pins: 32 bytes, of the key (kept by a renewal) or of the whole certificate.
        var keyPin = cert.GetSha256Pin(Lib.PinPublicKey);
        var certPin = cert.GetSha256Pin(Lib.PinCertificate);
        Check(keyPin != null && keyPin.Length == 32 && certPin != null && certPin.Length == 32, "two 32-byte pins");
        Check(Convert.ToBase64String(keyPin) != Convert.ToBase64String(certPin), "the pins differ");
        var renewed = SelfSigned(key, "CN=localhost,O=gdtls renewed,C=IT");
        Equal(Convert.ToBase64String(keyPin), Convert.ToBase64String(renewed.GetSha256Pin(Lib.PinPublicKey)),
            "a renewal keeps the key's pin");
        Check(Convert.ToBase64String(certPin) != Convert.ToBase64String(renewed.GetSha256Pin(Lib.PinCertificate)),
            "a renewal changes the certificate's pin");
        Equal(null, cert.GetSha256Pin(7), "a pin of an unknown kind");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of an unknown kind");
        Equal(null, Own(new X509Certificate()).GetSha256Pin(Lib.PinPublicKey), "the pin of an empty certificate");
        Equal(Error.Unconfigured, Lib.LastError, "the error of an empty certificate's pin");

        var client = Own(TlsOptions.ClientUnsafe());
        Equal(Error.Ok, client.AddPin(Lib.PinPublicKey, keyPin), "adding a pin");
        Equal(Error.InvalidParameter, client.AddPin(7, keyPin), "a pin of an unknown kind");
        Equal(Error.InvalidParameter, client.AddPin(Lib.PinCertificate, null), "no pin");
        Throws<ArgumentException>(() => client.AddPin(Lib.PinPublicKey, new byte[31]), "a pin of 31 bytes");
        Equal(Error.Failed, client.AddCrl(Bytes("not a revocation list")), "bytes that are no revocation list");

        // Pre-shared keys: lengths and a missing lookup.
        var psk = new byte[Lib.MaxPskLen];
        Check(Own(TlsOptions.ClientPsk(Bytes("player-1"), psk)) != null, "PSK client options");
        Equal(null, TlsOptions.ClientPsk(Bytes("player-1"), new byte[Lib.MaxPskLen + 1]), "a key too long");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of a key too long");
        Equal(null, TlsOptions.ClientPsk(new byte[0], psk), "an empty identity");
        Equal(null, TlsOptions.ClientPsk(null, psk), "no identity");
        Check(Own(TlsOptions.ServerPskKey(psk)) != null, "PSK server options with one key");
        Equal(null, TlsOptions.ServerPskKey(new byte[0]), "an empty key");
        Equal(null, TlsOptions.ServerPsk(null), "PSK server options without a lookup");
        Equal(Error.InvalidParameter, Lib.LastError, "the error of a missing lookup");
        Equal(null, client.CallbackException, "options without a lookup keep no exception");

        // MTU, suites, curves, session resumption.
        Equal((ushort)Lib.DtlsMtu, client.GetMtu(), "the default MTU");
        Equal(Error.Ok, client.SetMtu(500), "setting the MTU");
        Equal((ushort)500, client.GetMtu(), "the MTU set");
        Equal(Error.InvalidParameter, client.SetMtu(Lib.MinMtu - 1), "an MTU too small");
        Equal(Error.InvalidParameter, client.SetMtu(Lib.MaxMtu + 1), "an MTU too large");
        Equal((ushort)500, client.GetMtu(), "a refused MTU changes nothing");
        Equal(Error.Ok, client.SetCipherSuites("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256:TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256"),
            "choosing suites");
        Equal(Error.InvalidParameter, client.SetCipherSuites("TLS-NO-SUCH-SUITE"), "an unknown suite");
        Check(Lib.LastErrorMessage.Contains("TLS-NO-SUCH-SUITE"), "the message names the suite: " + Lib.LastErrorMessage);
        Equal(Error.Ok, client.SetCipherSuites(null), "the default suites again");
        Equal(Error.Ok, client.SetCurves("x25519,secp256r1"), "choosing curves");
        Equal(Error.InvalidParameter, client.SetCurves("secp384r1,no-such-curve"), "an unknown curve");
        Check(client.GetSessionResumption(), "sessions are resumed by default");
        Equal(Error.Ok, client.SetSessionResumption(false), "turning resumption off");
        Check(!client.GetSessionResumption(), "resumption off");

        // Mutual authentication: each side's own setter.
        var server = Own(TlsOptions.Server(key, cert));
        Equal(Error.Ok, client.SetClientCertificate(key, cert), "a client certificate");
        Equal(Error.InvalidParameter, client.SetClientCertificate(pub, cert), "a client certificate with a public key");
        Equal(Error.InvalidParameter, server.SetClientCertificate(key, cert), "a client certificate for a server");
        Equal(Error.Ok, server.SetClientVerification(cert, true), "verifying clients");
        Equal(Error.InvalidParameter, client.SetClientVerification(cert, true), "a client verifying clients");
        Equal(Error.InvalidParameter, server.SetClientVerification(Own(new X509Certificate()), false),
            "verifying clients against an empty chain");

        var dtls = Own(new DtlsServer());
        Equal((uint)Lib.DefaultSessionTicketLifetimeSec, dtls.GetSessionTicketLifetimeSec(), "the default ticket lifetime");
        Equal(Error.Ok, dtls.SetSessionTicketLifetimeSec(60), "setting the ticket lifetime");
        Equal(60u, dtls.GetSessionTicketLifetimeSec(), "the ticket lifetime set");
        Equal(Error.Ok, dtls.SetSessionTicketLifetimeSec(0), "no tickets, as Godot");
        Equal(0u, dtls.GetSessionTicketLifetimeSec(), "no tickets");

        // What a peer that never connected tells.
        Equal(-1, Own(new PacketPeerUdp()).GetSocketFd(), "no socket, no descriptor");
        Equal(-1, Own(new UdpServer()).GetSocketFd(), "a server not listening has no descriptor");
        Equal(-1, Own(PacketPeerUdp.NewFromCallbacks(data => Error.Ok, () => null)).GetSocketFd(),
            "a host transport has no descriptor");
        var idle = Own(new PacketPeerDtls());
        Equal(null, idle.GetProtocolVersion(), "no protocol before a handshake");
        Equal(Error.Unavailable, Lib.LastError, "the error of no protocol");
        Equal(null, idle.GetCipherSuite(), "no suite before a handshake");
        Equal(null, idle.GetPeerCertificate(), "no peer certificate before a handshake");
        Check(!idle.IsSessionResumed(), "nothing resumed before a handshake");
        Equal(0ul, idle.GetHandshakeDurationUsec(), "no handshake duration");
        Equal(0u, idle.GetRetransmissions(), "no retransmissions");
        var none = idle.GetTraffic();
        Check(none.DatagramsReceived == 0 && none.BytesReceived == 0 && none.DatagramsSent == 0 && none.BytesSent == 0,
            "no traffic");
        Equal(-1L, idle.GetNextTimeoutMsec(), "no timer");
    }

    private static void Psk()
    {
        var lookup = PskExchanges();
        foreach (var obj in Owned)
            obj.Dispose();
        Owned.Clear();
        CollectGarbage();
        Check(!lookup.IsAlive, "the lookup is let go once gdtls releases it");
    }

    // Kept out of Psk so that no reference to the lookup stays on its stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PskExchanges()
    {
        var key = Bytes("a secret of 24 bytes....");
        var seen = new List<string>();
        Func<byte[], byte[]> lookup = identity =>
        {
            var name = identity.GetStringFromUtf8();
            seen.Add(name);
            if (name == "thrower")
                throw new InvalidOperationException("no such player");
            if (name == "greedy")
                return new byte[Lib.MaxPskLen + 1];
            return name == "player-1" ? key : null;
        };
        var options = Own(TlsOptions.ServerPsk(lookup));
        Check(options != null, "PSK server options");
        var server = new EchoServer(options);

        var known = server.Connect(Own(TlsOptions.ClientPsk(Bytes("player-1"), key)));
        Equal(PacketPeerDtls.Status.Connected, known.Client.GetStatus(), "a known identity connects: " + known.Message);
        Echo(server, known.Client, "over a pre-shared key");
        Equal("player-1", string.Join(",", seen), "the lookup saw the client's identity");
        var suite = known.Client.GetCipherSuite();
        Check(suite != null && suite.Contains("PSK"), "a PSK suite: " + suite);
        Equal(suite, server.Peers[0].GetCipherSuite(), "the server's suite");
        Equal(null, known.Client.GetPeerCertificate(), "no certificate over a pre-shared key");
        Equal(null, options.CallbackException, "the lookup has not thrown");

        var stranger = server.Connect(Own(TlsOptions.ClientPsk(Bytes("stranger"), key)), refused: true);
        Equal(PacketPeerDtls.Status.Error, stranger.Client.GetStatus(), "a refused identity does not connect");
        Check(stranger.Returned != Error.Ok, "the poll that failed says so");
        Check(seen.Contains("stranger"), "the lookup saw the refused identity");

        var thrower = server.Connect(Own(TlsOptions.ClientPsk(Bytes("thrower"), key)), refused: true);
        Equal(PacketPeerDtls.Status.Error, thrower.Client.GetStatus(), "a lookup that throws refuses");
        Equal("no such player", options.CallbackException.Message, "the lookup's exception");
        var greedy = server.Connect(Own(TlsOptions.ClientPsk(Bytes("greedy"), key)), refused: true);
        Equal(PacketPeerDtls.Status.Error, greedy.Client.GetStatus(), "a key too long refuses");
        Check(options.CallbackException is InvalidOperationException
              && options.CallbackException.Message.Contains("33 bytes"), "the key too long: " + options.CallbackException);

        // One key for every identity.
        var single = new EchoServer(Own(TlsOptions.ServerPskKey(key)));
        var anyone = single.Connect(Own(TlsOptions.ClientPsk(Bytes("anyone"), key)));
        Equal(PacketPeerDtls.Status.Connected, anyone.Client.GetStatus(), "any identity connects with the key: " + anyone.Message);
        Echo(single, anyone.Client, "over the one key");
        Check(anyone.Client.GetCipherSuite().Contains("PSK"), "a PSK suite with the one key");
        var wrongKey = single.Connect(Own(TlsOptions.ClientPsk(Bytes("anyone"), Bytes("another secret"))), refused: true);
        Equal(PacketPeerDtls.Status.Error, wrongKey.Client.GetStatus(), "another key does not connect");
        return new WeakReference(lookup);
    }

    private static void Pinning()
    {
        var crypto = new Crypto();
        var key = Own(crypto.GenerateEcdsa("P-256"));
        var cert = SelfSigned(key);
        var other = SelfSigned(Own(crypto.GenerateEcdsa("P-256")));
        var server = new EchoServer(Own(TlsOptions.Server(key, cert)));

        var pinned = Own(TlsOptions.ClientUnsafe());
        Equal(Error.Ok, pinned.AddPin(Lib.PinPublicKey, cert.GetSha256Pin(Lib.PinPublicKey)), "pinning the server's key");
        var admitted = server.Connect(pinned);
        Equal(PacketPeerDtls.Status.Connected, admitted.Client.GetStatus(), "the pinned server is admitted: " + admitted.Message);
        Echo(server, admitted.Client, "to the pinned server");

        var validating = Own(TlsOptions.Client(cert));
        Equal(Error.Ok, validating.AddPin(Lib.PinCertificate, cert.GetSha256Pin(Lib.PinCertificate)),
            "pinning the certificate on a validating client");
        var both = server.Connect(validating);
        Equal(PacketPeerDtls.Status.Connected, both.Client.GetStatus(), "chain and pin both pass: " + both.Message);

        var wrong = Own(TlsOptions.ClientUnsafe());
        Equal(Error.Ok, wrong.AddPin(Lib.PinPublicKey, other.GetSha256Pin(Lib.PinPublicKey)), "pinning another key");
        var refused = server.Connect(wrong, refused: true);
        Equal(PacketPeerDtls.Status.Error, refused.Client.GetStatus(), "a server matching no pin is refused");
        Equal(Error.Unauthorized, refused.Returned, "what the poll that failed returned");
        Equal(Error.Unauthorized, refused.Recorded, "what it recorded");
        Check(refused.Message.Contains("pinned"), "the message speaks of the pins: " + refused.Message);
    }

    private static void PeerInfoAndLog()
    {
        var lines = new List<KeyValuePair<int, string>>();
        var logger = LogInto(lines);
        CollectGarbage();
        Check(logger.IsAlive, "the registered log callback is kept");

        var key = Own(new Crypto().GenerateEcdsa("P-256"));
        var cert = SelfSigned(key);
        var server = new EchoServer(Own(TlsOptions.Server(key, cert)));
        var outcome = server.Connect(Own(TlsOptions.Client(cert)));
        var client = outcome.Client;
        Equal(PacketPeerDtls.Status.Connected, client.GetStatus(), "connected: " + outcome.Message);
        Check(lines.Count > 0, "log lines during the handshake");
        Check(lines.TrueForAll(l => l.Key >= Lib.LogError && l.Key <= Lib.LogState), "lines up to the level asked for");
        Check(lines.Exists(l => l.Value.Contains("handshake")), "the handshake's steps are logged");
        Equal(Error.Ok, Lib.SetLogCallback(null, Lib.LogNone), "logging off");
        CollectGarbage();
        Check(!logger.IsAlive, "a replaced log callback is let go");
        int logged = lines.Count;

        var peer = server.Peers[0];
        foreach (var p in new[] { client, peer })
        {
            Equal("DTLSv1.2", p.GetProtocolVersion(), "the protocol");
            Check(!string.IsNullOrEmpty(p.GetCipherSuite()), "a suite");
            Check(p.GetHandshakeDurationUsec() > 0 && p.GetHandshakeDurationUsec() < 10000000,
                "the handshake's duration: " + p.GetHandshakeDurationUsec());
            Check(p.GetRetransmissions() < 10, "retransmissions: " + p.GetRetransmissions());
            Check(!p.IsSessionResumed(), "a first handshake is a full one");
        }
        Equal(client.GetCipherSuite(), peer.GetCipherSuite(), "both sides' suite");
        Equal(cert.SaveToString(), Own(client.GetPeerCertificate()).SaveToString(), "the client sees the server's certificate");
        Equal(null, peer.GetPeerCertificate(), "the server asked for no client certificate");

        Echo(server, client, "counted");
        var sent = client.GetTraffic();
        var received = peer.GetTraffic();
        foreach (var traffic in new[] { sent, received })
            Check(traffic.DatagramsReceived > 0 && traffic.BytesReceived > 0 && traffic.DatagramsSent > 0
                  && traffic.BytesSent > 0, "traffic both ways");
        Check(sent.BytesSent > (ulong)"counted".Length && received.BytesReceived > (ulong)"counted".Length,
            "the bytes counted, with headers");

        Check(server.Udp.GetSocketFd() >= 0, "the server's descriptor");
        Check(outcome.Udp.GetSocketFd() >= 0 && outcome.Udp.GetSocketFd() != server.Udp.GetSocketFd(),
            "the client's descriptor, its own");
        Equal(-1L, client.GetNextTimeoutMsec(), "no timer once connected without an idle timeout");
        Equal(Error.Ok, client.SetIdleTimeoutMsec(30000), "an idle timeout");
        long timer = client.GetNextTimeoutMsec();
        Check(timer > 0 && timer <= 30000, "the idle timeout's timer: " + timer);

        // Nothing reaches a callback once logging is off, and a callback that
        // throws loses its lines, not the handshake.
        var quiet = server.Connect(Own(TlsOptions.Client(cert)));
        Equal(PacketPeerDtls.Status.Connected, quiet.Client.GetStatus(), "connected without logging");
        Equal(logged, lines.Count, "nothing logged after SetLogCallback(null)");
        int thrown = 0;
        Equal(Error.Ok, Lib.SetLogCallback((level, text) =>
        {
            thrown++;
            throw new InvalidOperationException("a logger that throws");
        }, Lib.LogState), "a log callback that throws");
        var loud = server.Connect(Own(TlsOptions.Client(cert)));
        Equal(PacketPeerDtls.Status.Connected, loud.Client.GetStatus(), "connected with a throwing log callback");
        Check(thrown > 0, "the throwing callback was called");
        Equal(Error.Ok, Lib.SetLogCallback(null, Lib.LogNone), "logging off again");
    }

    // Kept out of PeerInfoAndLog so that only the library holds the callback.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LogInto(List<KeyValuePair<int, string>> lines)
    {
        Action<int, string> callback = (level, text) => lines.Add(new KeyValuePair<int, string>(level, text));
        Equal(Error.Ok, Lib.SetLogCallback(callback, Lib.LogState), "logging at the state level");
        return new WeakReference(callback);
    }

    private static void MutualAuthResumptionMtu()
    {
        var crypto = new Crypto();
        var key = Own(crypto.GenerateEcdsa("P-256"));
        var cert = SelfSigned(key);
        var clientKey = Own(crypto.GenerateEcdsa("P-256"));
        var clientCert = SelfSigned(clientKey, "CN=player-1,O=gdtls,C=IT");
        var serverOptions = Own(TlsOptions.Server(key, cert));
        Equal(Error.Ok, serverOptions.SetClientVerification(clientCert, true), "the server requires a client certificate");
        var server = new EchoServer(serverOptions);

        const string suite = "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256";
        var options = Own(TlsOptions.Client(cert));
        Equal(Error.Ok, options.SetClientCertificate(clientKey, clientCert), "the client's certificate");
        Equal(Error.Ok, options.SetMtu(500), "a 500-byte MTU");
        Equal(Error.Ok, options.SetCipherSuites(suite), "one suite");
        Equal(Error.Ok, options.SetCurves("secp256r1"), "one curve");
        var first = server.Connect(options);
        Equal(PacketPeerDtls.Status.Connected, first.Client.GetStatus(), "a client with a certificate: " + first.Message);
        Equal(clientCert.SaveToString(), Own(server.Peers[0].GetPeerCertificate()).SaveToString(),
            "the server sees the client's certificate");
        Equal(suite, first.Client.GetCipherSuite(), "the suite asked for");
        // AES-GCM adds 13 + 8 + 16 bytes to a record.
        Equal(500 - 37, first.Client.GetMaxPacketSize(), "the largest packet under the MTU");
        Check(!first.Client.IsSessionResumed(), "the first handshake is a full one");
        Echo(server, first.Client, "with a client certificate");
        Equal(Error.Ok, first.Client.DisconnectFromPeer(), "the first connection ends");

        var again = server.Connect(options);
        Equal(PacketPeerDtls.Status.Connected, again.Client.GetStatus(), "reconnected: " + again.Message);
        Check(again.Client.IsSessionResumed(), "the client resumed its session");
        // In a resumed handshake the client's Finished comes last.
        var resumed = server.Peers[server.Peers.Count - 1];
        Until(() => resumed.GetStatus() == PacketPeerDtls.Status.Connected, server.Frame, "the server's side is up");
        Check(resumed.IsSessionResumed(), "the server resumed it");
        Echo(server, again.Client, "over a resumed session");

        Equal(Error.Ok, options.SetSessionResumption(false), "resumption off");
        var full = server.Connect(options);
        Equal(PacketPeerDtls.Status.Connected, full.Client.GetStatus(), "connected without resumption: " + full.Message);
        Check(!full.Client.IsSessionResumed(), "a full handshake without resumption");

        var anonymous = server.Connect(Own(TlsOptions.Client(cert)), refused: true);
        Equal(PacketPeerDtls.Status.Error, anonymous.Client.GetStatus(), "a client without a certificate is refused");
    }
}
