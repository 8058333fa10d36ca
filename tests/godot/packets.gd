# What both DTLS scripts fill test packets with: byte i of a packet of n
# bytes is (7 i + n) mod 256, as tests/godot_dtls.rs and
# tests/c/godot_dtls_client.c check it.

static func pattern(n):
	var data = PoolByteArray()
	data.resize(n)
	for i in range(n):
		data[i] = (i * 7 + n) % 256
	return data
