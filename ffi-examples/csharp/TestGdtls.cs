// Checks of the C# binding, run by tests/binding_csharp.rs: names and
// values, errors for bad input, native handles released by Dispose, the
// crypto classes, a UDP exchange, host callbacks, and DTLS handshakes with an
// echo, all on 127.0.0.1. It prints one line per group and exits with 0 when
// every check passed.
//
// Usage: mono TestGdtls.exe EXPECTED_VERSION SCRATCH_DIR

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
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
            "UdpServer", "X509Certificate",
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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
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
}
