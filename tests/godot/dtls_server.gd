# Godot 3.2's DTLSServer as the server side of tests/godot_dtls.rs: two echo
# servers, one presenting a certificate Godot makes here, one presenting the
# certificate gdtls made; gdtls clients (tests/c/godot_dtls_client.c) talk
# to both.
# Usage: godot3-server --path tests/godot -s dtls_server.gd -- \
#            DIR GODOT_ID_PORT GDTLS_ID_PORT
# DIR holds gdtls.key and gdtls.crt; Godot writes godot.key and godot.crt
# there before it prints "ready".
# A client's packet is echoed unless it is a command: "close" (Godot closes
# the connection), "probe" (Godot sends packets of the PROBE_SIZES, filled
# with packets.gd's pattern, then one byte more than a record holds), "quit"
# (Godot answers "bye", then reports and exits at the end of the frame, so
# datagrams that arrived before it are handled first and the closes the
# clients send after "bye" are not counted).
# Output: "key: value" lines.
extends SceneTree

const Packets = preload("res://packets.gd")

const PROBE_SIZES = [488, 489, 1171, 1172, 1500, 4000, 16384]
const DEADLINE_MSEC = 40000

var servers = []
var peers = []
var connections = 0
var largest_echo = 0
var closed_by_godot = 0
var closed_by_client = 0
var quitting = false

func out(key, value):
	print("%s: %s" % [key, str(value)])

func add_server(port, key, cert):
	var udp = UDPServer.new()
	if udp.listen(port, "127.0.0.1") != OK:
		return false
	var dtls = DTLSServer.new()
	if dtls.setup(key, cert) != OK:
		return false
	servers.append({"udp": udp, "dtls": dtls})
	return true

func accept(server):
	server.udp.poll()
	while server.udp.is_connection_available():
		var peer = server.dtls.take_connection(server.udp.take_connection())
		# Half the connections fail by design: the cookie exchange.
		if peer.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING:
			peers.append({"dtls": peer, "was": PacketPeerDTLS.STATUS_HANDSHAKING})

func handle(p, data):
	var peer = p.dtls
	var text = data.get_string_from_utf8() if data.size() < 8 else ""
	if text == "close":
		peer.disconnect_from_peer()
		p.was = PacketPeerDTLS.STATUS_DISCONNECTED
		closed_by_godot += 1
	elif text == "probe":
		for n in PROBE_SIZES:
			out("probe put %d" % n, peer.put_packet(Packets.pattern(n)))
		out("probe put 16385", peer.put_packet(Packets.pattern(16385)))
		out("status after 16385", peer.get_status())
		p.was = peer.get_status()
	elif text == "quit":
		peer.put_packet("bye".to_utf8())
		quitting = true
	else:
		var err = peer.put_packet(data)
		if err != OK:
			out("echo put failed", "%d bytes: %d" % [data.size(), err])
		largest_echo = max(largest_echo, data.size())

func serve(p):
	var peer = p.dtls
	# Godot's poll reads one record, so poll a few times a frame.
	for i in range(16):
		peer.poll()
		if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED or peer.get_available_packet_count() == 0:
			break
		handle(p, peer.get_packet())
	var status = peer.get_status()
	if status != p.was:
		out("peer status", "%d -> %d" % [p.was, status])
		if status == PacketPeerDTLS.STATUS_CONNECTED:
			connections += 1
		elif p.was == PacketPeerDTLS.STATUS_CONNECTED and status == PacketPeerDTLS.STATUS_DISCONNECTED:
			closed_by_client += 1
		p.was = status

func _init():
	var args = OS.get_cmdline_args()
	var dir = args[args.size() - 3]
	var crypto = Crypto.new()
	var key = crypto.generate_rsa(2048)
	var cert = crypto.generate_self_signed_certificate(key, "CN=localhost,O=Godot", "20200101000000", "20991231000000")
	var gdtls_key = CryptoKey.new()
	var gdtls_cert = X509Certificate.new()
	if key.save(dir + "/godot.key") != OK or cert.save(dir + "/godot.crt") != OK \
			or gdtls_key.load(dir + "/gdtls.key") != OK or gdtls_cert.load(dir + "/gdtls.crt") != OK:
		out("identity", "failed")
		quit(1)
		return
	if not add_server(int(args[args.size() - 2]), key, cert) or not add_server(int(args[args.size() - 1]), gdtls_key, gdtls_cert):
		out("listen", "failed")
		quit(2)
		return
	print("ready")

	var start = OS.get_ticks_msec()
	while OS.get_ticks_msec() - start < DEADLINE_MSEC and not quitting:
		for server in servers:
			accept(server)
		for p in peers:
			serve(p)
		OS.delay_msec(1)
	out("connections", connections)
	out("largest echo", largest_echo)
	out("closed by godot", closed_by_godot)
	out("closed by client", closed_by_client)
	quit(0 if quitting else 1)
