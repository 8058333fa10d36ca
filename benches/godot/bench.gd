# Godot 3.2's side of the DTLS benchmark: scenarios 1-5 of the shared
# benchmark definition, on DTLSServer, PacketPeerDTLS, UDPServer and
# PacketPeerUDP, both ends in this one process and thread, tight poll loops.
# Usage: godot3-server --path benches/godot -s bench.gd -- PORT
# PORT is a free UDP port on 127.0.0.1 for the server (and, before it, for
# the socket that captures a ClientHello).
# Output: one line "bench KEY: NUMBER" per figure; exit status 0 when every
# scenario ran, 1 (with the reason on stderr) otherwise.
extends SceneTree

const LIMIT_USEC = 30000000
const TIMED_USEC = 3000000
const BURST = 50
const IN_FLIGHT = 32
const PAYLOAD = 1000
const SESSIONS = 50
const WARM_UP = 5
const HELLO_SOCKETS = 500
const HELLO_COPIES = 10
const IDLE_USEC = 200000

var port := 0
var key
var cert

func out(name, value):
	print("bench %s: %s" % [name, str(value)])

func seconds_since(start):
	return (OS.get_ticks_usec() - start) / 1000000.0

func open_server():
	var udp = UDPServer.new()
	var dtls = DTLSServer.new()
	if udp.listen(port, "127.0.0.1") != OK or dtls.setup(key, cert) != OK:
		fail("no server on port %d" % port)
		return null
	return {"udp": udp, "dtls": dtls}

func start_client():
	var udp = PacketPeerUDP.new()
	udp.connect_to_host("127.0.0.1", port)
	var dtls = PacketPeerDTLS.new()
	dtls.connect_to_peer(udp, true, "localhost", cert)
	return dtls

# Godot's example server loop: peers whose handshake did not start (the
# cookie exchange ends every first attempt) are dropped. Returns how many
# connections were taken.
func accept(server, peers):
	server.udp.poll()
	var taken = 0
	while server.udp.is_connection_available():
		var peer = server.dtls.take_connection(server.udp.take_connection())
		taken += 1
		if peer.get_status() == PacketPeerDTLS.STATUS_HANDSHAKING:
			peers.append(peer)
	return taken

func connected(peers):
	var n = 0
	for p in peers:
		if p.get_status() == PacketPeerDTLS.STATUS_CONNECTED:
			n += 1
	return n

# Polls the server and every end until each client and as many server peers
# are connected; false after LIMIT_USEC.
func settle(server, clients, peers):
	var start = OS.get_ticks_usec()
	while OS.get_ticks_usec() - start < LIMIT_USEC:
		accept(server, peers)
		for p in peers:
			p.poll()
		for c in clients:
			c.poll()
		if connected(clients) == clients.size() and connected(peers) >= clients.size():
			return true
	return false

func close_all(ends):
	for e in ends:
		e.disconnect_from_peer()
	ends.clear()

# One session, connected: [client, server peers], or null.
func session(server):
	var clients = [start_client()]
	var peers = []
	if not settle(server, clients, peers):
		return null
	return [clients[0], peers]

func fail(why):
	printerr("bench failed: " + why)
	quit(1)
	return false

func handshakes():
	var server = open_server()
	if server == null:
		return false
	var done = 0
	var start = OS.get_ticks_usec()
	while OS.get_ticks_usec() - start < TIMED_USEC:
		var s = session(server)
		if s == null:
			return fail("a handshake did not complete")
		close_all([s[0]] + s[1])
		done += 1
	out("handshakes_per_s", done / seconds_since(start))
	server.udp.stop()
	return true

func burst():
	var server = open_server()
	if server == null:
		return false
	var clients = []
	var peers = []
	var start = OS.get_ticks_usec()
	for i in range(BURST):
		clients.append(start_client())
	var ok = settle(server, clients, peers)
	out("burst_50_s", seconds_since(start) if ok else LIMIT_USEC / 1000000.0)
	close_all(clients)
	close_all(peers)
	server.udp.stop()
	return true

# Every packet the peer has, one record per poll as Godot 3.2 reads them.
func drain(peer):
	var packets = []
	while true:
		peer.poll()
		if peer.get_available_packet_count() == 0:
			return packets
		packets.append(peer.get_packet())

func echo():
	var server = open_server()
	if server == null:
		return false
	var s = session(server)
	if s == null:
		return fail("the echo session did not connect")
	var client = s[0]
	var peers = s[1]
	var payload = PoolByteArray()
	payload.resize(PAYLOAD)
	for i in range(IN_FLIGHT):
		client.put_packet(payload)
	var echoed = 0
	var start = OS.get_ticks_usec()
	while OS.get_ticks_usec() - start < TIMED_USEC:
		accept(server, peers)
		for p in peers:
			for data in drain(p):
				p.put_packet(data)
		for data in drain(client):
			echoed += 1
			client.put_packet(payload)
	out("echo_pps", echoed / seconds_since(start))
	client.disconnect_from_peer()
	close_all(peers)
	server.udp.stop()
	return true

func vm_rss_kib():
	var f = File.new()
	if f.open("/proc/self/status", File.READ) != OK:
		return -1
	while not f.eof_reached():
		var line = f.get_line()
		if line.begins_with("VmRSS:"):
			f.close()
			return int(line.substr(6, line.length()).strip_edges().split(" ")[0])
	f.close()
	return -1

# Sessions are connected one after the other, so that no handshake waits on
# a retransmission. Both ends of each go to ends.
func keep_sessions(server, n, ends):
	for i in range(n):
		var s = session(server)
		if s == null:
			return false
		ends.append(s[0])
		ends += s[1]
	return true

func memory():
	var server = open_server()
	if server == null:
		return false
	# Warm-up sessions stay open while the others are measured, so the
	# measured ones cannot reuse their memory.
	var warm = []
	if not keep_sessions(server, WARM_UP, warm):
		return fail("a warm-up session did not connect")
	var before = vm_rss_kib()
	if before < 0:
		return fail("no VmRSS in /proc/self/status")
	var ends = []
	if not keep_sessions(server, SESSIONS, ends):
		return fail("a session for the memory figure did not connect")
	out("session_kib", (vm_rss_kib() - before) / float(SESSIONS))
	close_all(ends)
	close_all(warm)
	server.udp.stop()
	return true

# A real ClientHello as a client's first flight: no cookie yet.
func capture_hello():
	var sink = PacketPeerUDP.new()
	if sink.listen(port, "127.0.0.1") != OK:
		return null
	var client = start_client()
	client.poll()
	var hello = null
	for i in range(2000):
		if sink.get_available_packet_count() > 0:
			hello = sink.get_packet()
			break
		OS.delay_msec(1)
	sink.close()
	return hello if hello != null and is_cookieless_hello(hello) else null

# Record type handshake, message ClientHello, and after the version, random
# and session id, an empty cookie.
func is_cookieless_hello(data):
	return data.size() > 60 and data[0] == 22 and data[13] == 1 \
			and data.size() > 60 + data[59] and data[60 + data[59]] == 0

func is_hello_verify(data):
	return data.size() > 13 and data[0] == 22 and data[13] == 3

func count_replies(sockets):
	var n = 0
	for s in sockets:
		while s.get_available_packet_count() > 0:
			if is_hello_verify(s.get_packet()):
				n += 1
	return n

func hellos(hello):
	var server = open_server()
	if server == null:
		return false
	var sockets = []
	for i in range(HELLO_SOCKETS):
		var s = PacketPeerUDP.new()
		s.connect_to_host("127.0.0.1", port)
		sockets.append(s)
	for s in sockets:
		for i in range(HELLO_COPIES):
			s.put_packet(hello)
	var sent = HELLO_SOCKETS * HELLO_COPIES
	var answered = 0
	# Cookie-less hellos never start a handshake: nothing is ever kept.
	var kept = []
	var start = OS.get_ticks_usec()
	var last_busy = start
	while OS.get_ticks_usec() - last_busy < IDLE_USEC:
		if OS.get_ticks_usec() - start > LIMIT_USEC:
			return fail("the hello flood never went idle")
		if accept(server, kept) > 0:
			last_busy = OS.get_ticks_usec()
		kept.clear()
		answered += count_replies(sockets)
	answered += count_replies(sockets)
	var busy = (last_busy - start) / 1000000.0
	out("hellos_per_s", answered / busy if busy > 0 else 0)
	out("hello_burst_dropped_pct", 100.0 * (sent - answered) / sent)
	for s in sockets:
		s.close()
	server.udp.stop()
	return true

func _init():
	var args = OS.get_cmdline_args()
	port = int(args[args.size() - 1])
	var crypto = Crypto.new()
	key = crypto.generate_rsa(2048)
	cert = crypto.generate_self_signed_certificate(key, "CN=localhost", "20200101000000", "20991231000000")
	var hello = capture_hello()
	if hello == null:
		fail("no cookie-less ClientHello captured on port %d" % port)
		return
	# Memory first, as in benches/bench.rs: memory the allocator kept from
	# the other scenarios would be reused and hide the sessions' cost.
	if memory() and handshakes() and burst() and echo() and hellos(hello):
		quit(0)
