// The PacketPeerDTLS client example of Godot's class reference
// (client_node.gd, and ClientNode.cs in the C# reference), line by line over
// gdtls. It stops once the server has answered, or after TIMEOUT seconds
// (default 10). Without CA_CERT it does not validate the server's
// certificate, as the example; with CA_CERT and HOSTNAME it does, against
// CA_CERT for HOSTNAME.
//
// Usage: mono Client.exe HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]

using System;
using System.Diagnostics;
using System.Threading;
using Gdtls;

public class ClientNode
{
    private PacketPeerDtls _dtls = new PacketPeerDtls();
    private PacketPeerUdp _udp = new PacketPeerUdp();
    private bool _connected = false;

    // What Godot's scene gives the node: where to connect, and whom to trust.
    private readonly string _host;
    private readonly int _port;
    private readonly X509Certificate _trusted;
    private readonly string _hostname;

    private ClientNode(string host, int port, X509Certificate trusted, string hostname)
    {
        _host = host;
        _port = port;
        _trusted = trusted;
        _hostname = hostname;
    }

    public void _Ready()
    {
        Error err = _udp.ConnectToHost(_host, _port);
        if (err == Error.Ok)
        {
            if (_trusted == null)
                err = _dtls.ConnectToPeer(_udp, validateCerts: false); // Use true in production for certificate validation!
            else
                err = _dtls.ConnectToPeer(_udp, _hostname, TlsOptions.Client(_trusted));
        }
        if (err != Error.Ok) Fail("connect");
    }

    public void _Process(double delta)
    {
        _dtls.Poll();
        if (_dtls.GetStatus() == PacketPeerDtls.Status.Connected)
        {
            if (!_connected)
            {
                // Try to contact server
                _dtls.PutPacket("The answer is... 42!".ToUtf8Buffer());
            }
            while (_dtls.GetAvailablePacketCount() > 0)
            {
                Console.WriteLine($"Connected: {_dtls.GetPacket().GetStringFromUtf8()}");
                _connected = true;
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
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Client.exe HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]");
            return 2;
        }
        int timeout = args.Length > 2 ? int.Parse(args[2]) : 10;
        X509Certificate trusted = null;
        if (args.Length > 4)
        {
            trusted = new X509Certificate();
            if (trusted.Load(args[3]) != Error.Ok) Fail("load " + args[3]);
        }
        var node = new ClientNode(args[0], int.Parse(args[1]), trusted, args.Length > 4 ? args[4] : null);

        node._Ready();
        var clock = Stopwatch.StartNew();
        var last = clock.Elapsed;
        while (!node._connected && clock.Elapsed.TotalSeconds < timeout)
        {
            node._Process((clock.Elapsed - last).TotalSeconds);
            last = clock.Elapsed;
            Thread.Sleep(1); // a 1 ms frame
        }
        node._dtls.DisconnectFromPeer();
        node._dtls.Dispose();
        node._udp.Dispose();
        return node._connected ? 0 : 1;
    }
}
