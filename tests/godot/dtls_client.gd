# Godot 3.2's PacketPeerDTLS as the client side of tests/godot_dtls.rs,
# against two gdtls echo servers: one presenting the certificate gdtls made,
# one presenting the certificate Godot makes here.
# Usage: godot3-server --path tests/godot -s dtls_client.gd -- \
#            DIR GDTLS_ID_PORT GODOT_ID_PORT
# DIR holds gdtls.crt; Godot writes godot.key and godot.crt there, then
# prints "identity ready" and connects.
# The servers echo, and answer the commands "max" (their largest packet, as
# text) and "close" (they close the connection); "bye" tells them that this
# client closes next, so that its close is told from those Godot sends for
# every connected peer when it exits.
# Output: "key: value" lines; every check prints "check NAME: ok|FAILED".
extends SceneTree

const Packets = preload("res://packets.gd")

const CLIENTS = 6
const ROUNDS = 20
const WAIT_MSEC = 3000

var failed = 0

func out(key, value):
	print("%s: %s" % [key, str(value)])

func check(name, ok):
	out("check " + name, "ok" if ok else "FAILED")
	if not ok:
		failed += 1

func start(port, trust, hostname):
	var udp = PacketPeerUDP.new()
	udp.connect_to_host("127.0.0.1", port)
	var dtls = PacketPeerDTLS.new()
	dtls.connect_to_peer(udp, true, hostname, trust)
	return dtls

func settle(peers):
	var start = OS.get_ticks_msec()
	while OS.get_ticks_msec() - start < 10000:
		var busy = false
		for p in peers:
			p.poll()
			busy = busy or p.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING
		if not busy:
			return
		OS.delay_msec(1)

# The next packet, or null when none comes in time.
func receive(peer, wait_msec = WAIT_MSEC):
	var start = OS.get_ticks_msec()
	while OS.get_ticks_msec() - start < wait_msec:
		peer.poll()
		if peer.get_status() != PacketPeerDTLS.STATUS_CONNECTED:
			return null
		if peer.get_available_packet_count() > 0:
			return peer.get_packet()
		OS.delay_msec(1)
	return null

func echoes(peer, n):
	var data = Packets.pattern(n)
	if peer.put_packet(data) != OK:
		return false
	return receive(peer) == data

func _init():
	var args = OS.get_cmdline_args()
	var dir = args[args.size() - 3]
	var gdtls_port = int(args[args.size() - 2])
	var godot_port = int(args[args.size() - 1])
	var crypto = Crypto.new()
	var key = crypto.generate_rsa(2048)
	var cert = crypto.generate_self_signed_certificate(key, "CN=localhost,O=Godot", "20200101000000", "20991231000000")
	var gdtls_cert = X509Certificate.new()
	if key.save(dir + "/godot.key") != OK or cert.save(dir + "/godot.crt") != OK or gdtls_cert.load(dir + "/gdtls.crt") != OK:
		out("identity", "failed")
		quit(1)
		return
	print("identity ready")

	# Every handshake at once: several clients of the server with gdtls's
	# certificate, one of the server with Godot's, one expecting another
	# name, one trusting the wrong certificate.
	var c = []
	for i in range(CLIENTS):
		c.append(start(gdtls_port, gdtls_cert, "localhost"))
	c.append(start(godot_port, cert, "localhost"))
	var mismatch = start(gdtls_port, gdtls_cert, "wrong.example")
	var untrusted = start(gdtls_port, cert, "localhost")
	settle(c + [mismatch, untrusted])
	var connected = 0
	for p in c:
		if p.get_status() == PacketPeerDTLS.STATUS_CONNECTED:
			connected += 1
	out("connected", connected)
	for i in range(c.size()):
		out("client %d status" % i, c[i].get_status())
	check("all connected", connected == c.size())
	out("mismatch status", mismatch.get_status())
	out("untrusted status", untrusted.get_status())

	c[0].put_packet("max".to_utf8())
	var reply = receive(c[0])
	var limit = int(reply.get_string_from_utf8()) if reply else 0
	out("gdtls max packet size", limit)

	# Every size class up to gdtls's largest, with the content checked.
	var sizes = 0
	var sizes_ok = 0
	var n = 1
	while n <= limit:
		sizes += 1
		if echoes(c[0], n):
			sizes_ok += 1
		# Every size near the ends and near Godot's reported maximum, 488.
		n += 1 if n < 16 or n > limit - 16 or (n >= 480 and n < 496) else 13
	out("echo sizes", "%d of %d" % [sizes_ok, sizes])
	check("echo every size", sizes > 100 and sizes_ok == sizes)
	check("echo on the server with Godot's certificate", echoes(c[CLIENTS], limit))

	# Larger than gdtls sends: the servers record what arrives.
	for size in [limit + 1, 1500, 4000, 16384]:
		out("probe put %d" % size, c[1].put_packet(Packets.pattern(size)))
	check("connected after probes", echoes(c[1], 10))

	# All clients at once, each with sizes of its own.
	var rounds_ok = 0
	for r in range(ROUNDS):
		for i in range(c.size()):
			c[i].put_packet(Packets.pattern(100 + 150 * i + r))
		for i in range(c.size()):
			if receive(c[i]) == Packets.pattern(100 + 150 * i + r):
				rounds_ok += 1
	check("concurrent echo", rounds_ok == ROUNDS * c.size())

	# Closed by gdtls, seen here; closed here, seen by gdtls.
	c[2].put_packet("close".to_utf8())
	var start = OS.get_ticks_msec()
	while c[2].get_status() == PacketPeerDTLS.STATUS_CONNECTED and OS.get_ticks_msec() - start < WAIT_MSEC:
		c[2].poll()
		OS.delay_msec(1)
	out("closed by gdtls status", c[2].get_status())
	c[3].put_packet("bye".to_utf8())
	c[3].disconnect_from_peer()
	out("closed by godot status", c[3].get_status())
	check("still echoing", echoes(c[0], 5))
	out("failed", failed)
	quit(0 if failed == 0 else 1)
