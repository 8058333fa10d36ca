# The client.gd of Godot's DTLSServer class reference, run by Godot 3.2.3 as
# the Godot peer of the binding tests (tests/bindings.rs), with the command
# line every port of it in ffi-examples/ takes:
#   godot3-server --path tests/godot -s seed_client.gd -- HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]
# Without CA_CERT it does not validate the server's certificate, as the
# class reference's example; with CA_CERT and HOSTNAME it validates it
# against CA_CERT for HOSTNAME. It quits with 0 once the server answered,
# with 1 after TIMEOUT seconds (default 10).
extends SceneTree

var dtls := PacketPeerDTLS.new()
var udp := PacketPeerUDP.new()
var connected = false

func _ready_with(host, port, trusted, hostname):
	udp.connect_to_host(host, port)
	if trusted == null:
		dtls.connect_to_peer(udp, false) # Use true in production for certificate validation!
	else:
		dtls.connect_to_peer(udp, true, hostname, trusted)

func _process_frame():
	dtls.poll()
	if dtls.get_status() == PacketPeerDTLS.STATUS_CONNECTED:
		if !connected:
			# Try to contact server
			dtls.put_packet("The answer is... 42!".to_utf8())
		while dtls.get_available_packet_count() > 0:
			print("Connected: %s" % dtls.get_packet().get_string_from_utf8())
			connected = true

func _init():
	var args = preload("res://seed_args.gd").after_dashes()
	var timeout_msec = (int(args[2]) if args.size() > 2 else 10) * 1000
	var trusted = null
	var hostname = ""
	if args.size() > 4:
		trusted = X509Certificate.new()
		trusted.load(args[3])
		hostname = args[4]
	_ready_with(args[0], int(args[1]), trusted, hostname)
	var start = OS.get_ticks_msec()
	while not connected and OS.get_ticks_msec() - start < timeout_msec:
		_process_frame()
		OS.delay_msec(1)
	dtls.disconnect_from_peer()
	quit(0 if connected else 1)
