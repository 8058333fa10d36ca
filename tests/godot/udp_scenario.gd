# The UDP scenario of the differential test, on Godot 3.2's PacketPeerUDP and
# UDPServer. tests/c/udp_scenario.c is the same scenario, line for line, on
# gdtls; tests/godot_udp.rs runs both and compares what they print.
# Usage: godot3-server --path tests/godot -s udp_scenario.gd -- PORT
extends SceneTree

var base := 0

func out(key, value):
	print("%s: %s" % [key, str(value)])

# Waits up to 2 s for the server to have a pending connection.
func await_connection(server):
	for i in range(2000):
		server.poll()
		if server.is_connection_available():
			return true
		OS.delay_msec(1)
	return false

# Waits up to 2 s for a packet; polls the server (if any) as Godot wants.
func await_packet(peer, server = null):
	for i in range(2000):
		if server:
			server.poll()
		if peer.get_available_packet_count() > 0:
			return true
		OS.delay_msec(1)
	return false

func describe_packet(key, peer, server = null):
	if not await_packet(peer, server):
		out(key, "none")
		return
	var data = peer.get_packet().get_string_from_utf8()
	out(key, "%s from %s port +%d" % [data, peer.get_packet_ip(), peer.get_packet_port() - base])

func _init():
	var args = OS.get_cmdline_args()
	base = int(args[args.size() - 1])

	var fresh = PacketPeerUDP.new()
	out("fresh put_packet", fresh.put_packet("x".to_utf8()))
	out("fresh get_available_packet_count", fresh.get_available_packet_count())
	fresh.get_packet()
	out("fresh get_packet", fresh.get_packet_error())
	out("fresh bound", fresh.is_listening())
	out("fresh connected", fresh.is_connected_to_host())
	out("fresh connect unresolvable", fresh.connect_to_host("no-such-host.invalid", base))
	out("fresh set_dest unresolvable", fresh.set_dest_address("no-such-host.invalid", base))

	var server = UDPServer.new()
	out("server listen", server.listen(base, "127.0.0.1"))
	out("server listen again", server.listen(base, "127.0.0.1"))
	out("server listening", server.is_listening())
	out("server available before", server.is_connection_available())

	var clients = []
	for i in range(3):
		var c = PacketPeerUDP.new()
		out("client %d listen" % i, c.listen(base + 1 + i, "127.0.0.1"))
		out("client %d listen again" % i, c.listen(base + 1 + i, "127.0.0.1"))
		out("client %d set_dest" % i, c.set_dest_address("127.0.0.1", base))
		out("client %d put" % i, c.put_packet(("hello %d" % i).to_utf8()))
		clients.append(c)
		OS.delay_msec(5)

	var peers = []
	for i in range(3):
		out("connection %d available" % i, await_connection(server))
		var p = server.take_connection()
		out("connection %d from" % i, "%s port +%d" % [p.get_packet_ip(), p.get_packet_port() - base])
		out("connection %d connected" % i, p.is_connected_to_host())
		out("connection %d count" % i, p.get_available_packet_count())
		describe_packet("connection %d packet" % i, p, server)
		out("connection %d empty get" % i, [p.get_packet().size(), p.get_packet_error()])
		out("connection %d listen" % i, p.listen(base + 10, "127.0.0.1"))
		out("connection %d connect" % i, p.connect_to_host("127.0.0.1", base + 10))
		peers.append(p)
	out("after all taken available", server.is_connection_available())

	for i in range(3):
		out("reply %d put" % i, peers[i].put_packet(("reply %d" % i).to_utf8()))
		describe_packet("client %d received" % i, clients[i])

	# Each client's second datagram reaches its own peer only.
	for i in [2, 0, 1]:
		clients[i].put_packet(("second %d" % i).to_utf8())
	for i in range(3):
		describe_packet("connection %d second" % i, peers[i], server)

	# A freed peer frees its source: the next datagram is a new connection.
	peers[1] = null
	clients[1].put_packet("retry".to_utf8())
	out("retry available", await_connection(server))
	var again = server.take_connection()
	out("retry from", "%s port +%d" % [again.get_packet_ip(), again.get_packet_port() - base])
	describe_packet("retry packet", again, server)

	# More new sources than pending slots.
	server.set_max_pending_connections(1)
	out("max pending", server.get_max_pending_connections())
	var late = []
	for i in range(3):
		var c = PacketPeerUDP.new()
		c.listen(base + 4 + i, "127.0.0.1")
		c.set_dest_address("127.0.0.1", base)
		c.put_packet(("late %d" % i).to_utf8())
		late.append(c)
	OS.delay_msec(50)
	server.poll()
	var served = []
	for i in range(3):
		if await_connection(server):
			var p = server.take_connection()
			served.append("+%d" % (p.get_packet_port() - base))
	out("overflow served", served)

	server.stop()
	out("server listening after stop", server.is_listening())
	out("peer bound after stop", peers[0].is_listening())
	out("peer count after stop", peers[0].get_available_packet_count())

	# Ports already held. Every socket Godot binds takes SO_REUSEADDR: a
	# second one binds the same port and the newest receives.
	var first = UDPServer.new()
	out("first server listen", first.listen(base + 11, "127.0.0.1"))
	var second = UDPServer.new()
	out("second server listen on its port", second.listen(base + 11, "127.0.0.1"))
	var sender = PacketPeerUDP.new()
	sender.set_dest_address("127.0.0.1", base + 11)
	sender.put_packet("whose?".to_utf8())
	OS.delay_msec(50)
	first.poll()
	second.poll()
	out("first server receives", first.is_connection_available())
	out("second server receives", second.is_connection_available())
	var holder = PacketPeerUDP.new()
	out("peer listen", holder.listen(base + 12, "127.0.0.1"))
	var over_peer = UDPServer.new()
	out("server listen on a peer's port", over_peer.listen(base + 12, "127.0.0.1"))
	var over_server = PacketPeerUDP.new()
	out("peer listen on a server's port", over_server.listen(base + 11, "127.0.0.1"))

	# A connected peer whose destination has no socket: the system answers
	# with ICMP port unreachable.
	var lonely = PacketPeerUDP.new()
	out("lonely connect", lonely.connect_to_host("127.0.0.1", base + 13))
	out("lonely put", lonely.put_packet("anyone?".to_utf8()))
	OS.delay_msec(50)
	out("refused count", lonely.get_available_packet_count())
	lonely.get_packet()
	out("refused get", lonely.get_packet_error())
	out("count after refusal", lonely.get_available_packet_count())
	lonely.put_packet("anyone?".to_utf8())
	OS.delay_msec(50)
	out("refused put", lonely.put_packet("anyone?".to_utf8()))
	quit()
