# The server.gd of Godot's DTLSServer class reference, run by Godot 3.2.3 as
# the Godot peer of the binding tests (tests/bindings.rs), with the command
# line every port of it in ffi-examples/ takes:
#   godot3-server --path tests/godot -s seed_server.gd -- PORT KEY CERT [CLIENTS [TIMEOUT]]
# It answers each client's message with "Hello DTLS client" and quits with 0
# once it answered CLIENTS (default 1) clients, with 1 after TIMEOUT seconds
# (default 30).
extends SceneTree

var dtls := DTLSServer.new()
var server := UDPServer.new()
var peers = []
var answered = 0

func _ready_with(port, key_path, cert_path):
	server.listen(port)
	var key = CryptoKey.new()
	key.load(key_path) # Your private key.
	var cert = X509Certificate.new()
	cert.load(cert_path) # Your X509 certificate.
	dtls.setup(key, cert)

func _process_frame():
	server.poll() # Godot 3.2.3 reads the socket only here; the example predates it.
	while server.is_connection_available():
		var peer : PacketPeerUDP = server.take_connection()
		var dtls_peer : PacketPeerDTLS = dtls.take_connection(peer)
		if dtls_peer.get_status() != PacketPeerDTLS.STATUS_HANDSHAKING:
			continue # It is normal that 50% of the connections fails due to cookie exchange.
		print("Peer connected!")
		peers.append(dtls_peer)
	for p in peers:
		p.poll() # Must poll to update the state.
		if p.get_status() == PacketPeerDTLS.STATUS_CONNECTED:
			while p.get_available_packet_count() > 0:
				print("Received message from client: %s" % p.get_packet().get_string_from_utf8())
				p.put_packet("Hello DTLS client".to_utf8())
				answered += 1

func _init():
	var args = preload("res://seed_args.gd").after_dashes()
	var clients = int(args[3]) if args.size() > 3 else 1
	var timeout_msec = (int(args[4]) if args.size() > 4 else 30) * 1000
	_ready_with(int(args[0]), args[1], args[2])
	var start = OS.get_ticks_msec()
	while answered < clients and OS.get_ticks_msec() - start < timeout_msec:
		_process_frame()
		OS.delay_msec(1)
	for i in range(50): # let the last replies go out
		_process_frame()
		OS.delay_msec(1)
	for p in peers:
		p.disconnect_from_peer()
	quit(0 if answered >= clients else 1)
