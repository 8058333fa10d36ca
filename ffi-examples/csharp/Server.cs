// The DTLSServer example of Godot's class reference (server_node.gd, and
// ServerNode.cs in the C# reference), line by line over gdtls. It serves
// until it has answered CLIENTS clients (default 1) or TIMEOUT seconds
// (default 30) have passed.
//
// Usage: mono Server.exe PORT KEY CERT [CLIENTS [TIMEOUT]]

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Gdtls;

public class ServerNode
{
    private DtlsServer _dtls = new DtlsServer();
    private UdpServer _server = new UdpServer();
    private List<PacketPeerDtls> _peers = new List<PacketPeerDtls>();

    // What Godot's scene gives the node: its settings, and when to stop.
    private readonly ushort _port;
    private readonly string _keyPath, _certPath;
    private int _answered;

    private ServerNode(ushort port, string keyPath, string certPath)
    {
        _port = port;
        _keyPath = keyPath;
        _certPath = certPath;
    }

    public void _Ready()
    {
        if (_server.Listen(_port) != Error.Ok) Fail("listen");
        var key = new CryptoKey();
        if (key.Load(_keyPath) != Error.Ok) Fail("load key"); // Your private key.
        var cert = new X509Certificate();
        if (cert.Load(_certPath) != Error.Ok) Fail("load certificate"); // Your X509 certificate.
        var options = TlsOptions.Server(key, cert); // null, with the reason, for a key that does not match
        if (options == null || _dtls.Setup(options) != Error.Ok) Fail("setup");
    }

    public void _Process(double delta)
    {
        while (_server.IsConnectionAvailable())
        {
            PacketPeerUdp peer = _server.TakeConnection();
            PacketPeerDtls dtlsPeer = _dtls.TakeConnection(peer);
            if (dtlsPeer.GetStatus() != PacketPeerDtls.Status.Handshaking)
            {
                continue; // It is normal that 50% of the connections fails due to cookie exchange.
            }
            Console.WriteLine("Peer connected!");
            _peers.Add(dtlsPeer);
        }

        foreach (var p in _peers)
        {
            p.Poll(); // Must poll to update the state.
            if (p.GetStatus() == PacketPeerDtls.Status.Connected)
            {
                while (p.GetAvailablePacketCount() > 0)
                {
                    Console.WriteLine($"Received message from client: {p.GetPacket().GetStringFromUtf8()}");
                    p.PutPacket("Hello DTLS client".ToUtf8Buffer());
                    _answered++;
                }
            }
        }
    }

    private static void Fail(string what)
    {
        Console.Error.WriteLine("{0}: {1}", what, Gdtls.Gdtls.LastErrorMessage);
        Environment.Exit(1);
    }

    public static int Main(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: Server.exe PORT KEY CERT [CLIENTS [TIMEOUT]]");
            return 2;
        }
        var node = new ServerNode(ushort.Parse(args[0]), args[1], args[2]);
        int clients = args.Length > 3 ? int.Parse(args[3]) : 1;
        int timeout = args.Length > 4 ? int.Parse(args[4]) : 30;

        node._Ready();
        var clock = Stopwatch.StartNew();
        var last = clock.Elapsed;
        while (node._answered < clients && clock.Elapsed.TotalSeconds < timeout)
        {
            node._Process((clock.Elapsed - last).TotalSeconds);
            last = clock.Elapsed;
            Thread.Sleep(1); // a 1 ms frame
        }
        // Let the last replies go out, then close every connection cleanly.
        for (int i = 0; i < 50; i++)
        {
            node._Process(0.001);
            Thread.Sleep(1);
        }
        foreach (var p in node._peers)
        {
            p.DisconnectFromPeer();
            p.Dispose();
        }
        node._server.Dispose();
        node._dtls.Dispose();
        return node._answered >= clients ? 0 : 1;
    }
}
