-- Checks of the LuaJIT binding (gdtls.lua), run by tests/binding_luajit.rs:
--
--     GDTLS_LIBRARY=.../libgdtls.so luajit test_gdtls.lua DIR
--
-- DIR holds key.key and cert.crt, a key and a certificate for "localhost",
-- and is scratch space. Each check prints its name; the last line is "ok".

local dir = assert(arg[1], "usage: luajit test_gdtls.lua DIR") .. "/"
local here = arg[0]:match("^(.-)[^/]*$")
package.path = here .. "?.lua;" .. package.path
local gdtls = require("gdtls")
local clock = require("clock")

local OK = gdtls.OK
local CryptoKey, X509Certificate, Crypto = gdtls.CryptoKey, gdtls.X509Certificate, gdtls.Crypto
local TLSOptions, DTLSServer, PacketPeerDTLS = gdtls.TLSOptions, gdtls.DTLSServer, gdtls.PacketPeerDTLS
local UDPServer, PacketPeerUDP = gdtls.UDPServer, gdtls.PacketPeerUDP

local function eq(actual, expected, what)
    if actual ~= expected then
        error(("%s: expected %s, got %s"):format(what, tostring(expected), tostring(actual)), 2)
    end
end

-- Calls `fn` every frame until it returns true, failing after `seconds`.
local function within(seconds, what, fn)
    local start = clock.monotonic()
    while not fn() do
        if clock.monotonic() - start > seconds then
            error(what .. ": not within " .. seconds .. " s", 2)
        end
        clock.next_frame()
    end
end

-- Asserts that `fn` raises an error whose message contains `expected`
-- (plain text), reported at a line of this file.
local function raises(expected, fn)
    local ok, message = pcall(fn)
    assert(not ok, "no error raised; expected " .. expected)
    assert(message:find(expected, 1, true), message)
    assert(message:find("test_gdtls.lua:%d+: "), "not reported at the caller: " .. message)
end

-- True once the collector took every key of the weak table `refs`.
local function all_collected(refs)
    collectgarbage()
    collectgarbage()
    return next(refs) == nil
end

-- A table whose keys the collector may take.
local function weak_keys()
    return setmetatable({}, { __mode = "k" })
end

local function identity()
    local key, cert = CryptoKey.new(), X509Certificate.new()
    eq(key:load(dir .. "key.key"), OK, "load key.key")
    eq(cert:load(dir .. "cert.crt"), OK, "load cert.crt")
    return key, cert
end

local checks = {}

function checks.names_and_constants()
    eq(gdtls.OK, 0, "OK")
    eq(gdtls.FAILED, 1, "FAILED")
    eq(gdtls.ERR_UNAVAILABLE, 2, "ERR_UNAVAILABLE")
    eq(gdtls.ERR_UNCONFIGURED, 3, "ERR_UNCONFIGURED")
    eq(gdtls.ERR_ALREADY_IN_USE, 22, "ERR_ALREADY_IN_USE")
    eq(gdtls.ERR_CANT_CONNECT, 25, "ERR_CANT_CONNECT")
    eq(gdtls.ERR_INVALID_PARAMETER, 31, "ERR_INVALID_PARAMETER")
    eq(gdtls.ERR_BUSY, 44, "ERR_BUSY")
    eq(gdtls.ERR_PRINTER_ON_FIRE, 48, "ERR_PRINTER_ON_FIRE")
    local errors = 0
    for key in pairs(gdtls) do
        if key == "OK" or key == "FAILED" or key:match("^ERR_") then
            errors = errors + 1
        end
    end
    eq(errors, 49, "Error constants")
    eq(PacketPeerDTLS.STATUS_DISCONNECTED, 0, "STATUS_DISCONNECTED")
    eq(PacketPeerDTLS.STATUS_HANDSHAKING, 1, "STATUS_HANDSHAKING")
    eq(PacketPeerDTLS.STATUS_CONNECTED, 2, "STATUS_CONNECTED")
    eq(PacketPeerDTLS.STATUS_ERROR, 3, "STATUS_ERROR")
    eq(PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH, 4, "STATUS_ERROR_HOSTNAME_MISMATCH")
    local declarations = dofile(here .. "gdtls_h.lua")
    for key, value in pairs(declarations.constants) do
        eq(gdtls[key], value, key)
    end
    eq(gdtls.GDTLS_MAX_DATAGRAM, 65507, "GDTLS_MAX_DATAGRAM")
    eq(gdtls.GDTLS_PIN_PUBLIC_KEY, 0, "GDTLS_PIN_PUBLIC_KEY")
    eq(gdtls.GDTLS_PIN_CERTIFICATE, 1, "GDTLS_PIN_CERTIFICATE")
    eq(gdtls.GDTLS_LOG_NONE, 0, "GDTLS_LOG_NONE")
    eq(gdtls.GDTLS_LOG_VERBOSE, 4, "GDTLS_LOG_VERBOSE")
    eq(gdtls.GDTLS_MAX_PSK_LEN, 32, "GDTLS_MAX_PSK_LEN")
    eq(gdtls.version, declarations.version, "version")
    local major, minor, patch = gdtls.version:match("^(%d+)%.(%d+)%.(%d+)")
    eq(gdtls.GDTLS_VERSION_NUMBER, major * 65536 + minor * 256 + patch, "GDTLS_VERSION_NUMBER")
    eq(gdtls.version_number(), gdtls.GDTLS_VERSION_NUMBER, "version_number")
    eq(gdtls.error_string(gdtls.ERR_INVALID_PARAMETER), "Invalid parameter", "error_string")
    eq(gdtls.error_string(999), "Unknown error", "error_string of no error")
    local methods = {
        CryptoKey = { "new", "free", "reference", "load", "load_from_string", "load_from_buffer", "save",
            "save_to_string", "is_public_only" },
        X509Certificate = { "new", "free", "reference", "load", "load_from_string", "load_from_buffer", "save",
            "save_to_string", "get_count", "get_sha256_pin" },
        Crypto = { "new", "generate_rsa", "generate_ecdsa", "generate_self_signed_certificate" },
        TLSOptions = { "client", "client_unsafe", "server", "client_psk", "server_psk", "server_psk_key", "free",
            "reference", "is_server", "is_unsafe_client", "get_common_name_override", "get_trusted_ca_chain",
            "get_private_key", "get_own_certificate", "add_pin", "add_crl", "set_mtu", "get_mtu",
            "set_cipher_suites", "set_curves", "set_client_certificate", "set_client_verification",
            "set_session_resumption", "get_session_resumption" },
        PacketPeerUDP = { "new", "new_from_callbacks", "free", "reference", "bind", "close", "connect_to_host",
            "is_socket_connected", "is_bound", "set_dest_address", "put_packet", "get_packet",
            "get_available_packet_count", "get_packet_ip", "get_packet_port", "get_local_port", "wait",
            "wait_timeout", "get_max_packet_size", "set_broadcast_enabled", "join_multicast_group",
            "leave_multicast_group", "get_socket_fd" },
        UDPServer = { "new", "free", "reference", "listen", "poll", "is_connection_available", "take_connection",
            "stop", "is_listening", "get_local_port", "set_max_pending_connections",
            "get_max_pending_connections", "get_socket_fd" },
        PacketPeerDTLS = { "new", "free", "reference", "connect_to_peer", "connect_to_peer_godot3", "poll",
            "get_status", "disconnect_from_peer", "put_packet", "get_packet", "get_available_packet_count",
            "get_max_packet_size", "set_idle_timeout_msec", "get_idle_timeout_msec", "get_idle_time_msec",
            "set_handshake_timeout_msec", "get_handshake_timeout_msec", "get_protocol_version",
            "get_cipher_suite", "get_peer_certificate", "is_session_resumed", "get_handshake_duration_usec",
            "get_retransmissions", "get_traffic", "get_next_timeout_msec" },
        DTLSServer = { "new", "free", "reference", "setup", "setup_godot3", "take_connection",
            "set_handshake_timeout_msec", "get_handshake_timeout_msec", "set_idle_timeout_msec",
            "get_idle_timeout_msec", "set_max_handshakes", "get_max_handshakes", "get_handshake_count",
            "set_session_ticket_lifetime_sec", "get_session_ticket_lifetime_sec" },
    }
    for class, names in pairs(methods) do
        for _, name in ipairs(names) do
            eq(type(gdtls[class][name]), "function", class .. "." .. name)
        end
    end
    for _, name in ipairs({ "get_last_error", "get_last_error_message", "clear_last_error", "error_string",
        "live_handle_count", "get_proc_address", "version_number", "set_log_callback" }) do
        eq(type(gdtls[name]), "function", "gdtls." .. name)
    end
    local version = gdtls.get_proc_address("gdtls_version")
    eq(require("ffi").string(version()), gdtls.version, "gdtls_version through get_proc_address")
    eq(gdtls.get_proc_address("gdtls_no_such_function"), nil, "an unknown name")
end

function checks.loading_twice()
    eq(require("gdtls"), gdtls, "require again")
    package.loaded.gdtls = nil
    local again = require("gdtls")
    package.loaded.gdtls = gdtls
    assert(again ~= gdtls and again.version == gdtls.version, "a second load of the module")
    -- A copy under another name and in another directory, which finds the
    -- declarations beside itself.
    local copies = dir .. "copy/"
    os.execute("mkdir -p '" .. copies .. "'")
    for from, to in pairs({ ["gdtls.lua"] = "gdtls_copy.lua", ["gdtls_h.lua"] = "gdtls_h.lua" }) do
        local input = assert(io.open(here .. from, "rb"))
        local output = assert(io.open(copies .. to, "wb"))
        output:write(input:read("*a"))
        input:close()
        output:close()
    end
    local copy = dofile(copies .. "gdtls_copy.lua")
    assert(copy ~= gdtls and copy.DTLSServer ~= DTLSServer, "a separate copy")
    -- Objects of one copy are taken by the other: they share the declarations.
    local key, cert = identity()
    local options = assert(copy.TLSOptions.server(key, cert))
    eq(again.DTLSServer.new():setup(options), OK, "setup across copies")
    eq(copy.UDPServer.new():get_local_port(), 0, "a method of the copy")
end

function checks.wrong_arguments()
    local server, udp, key = DTLSServer.new(), PacketPeerUDP.new(), CryptoKey.new()
    raises("DTLSServer.setup: server_options must be a TLSOptions, got string", function() server:setup("x") end)
    raises("DTLSServer.setup: call it on a DTLSServer, with ':' (got string)", function() server.setup("x") end)
    raises("PacketPeerUDP.get_packet: call it on a PacketPeerUDP, with ':' (got nil)", function() udp.get_packet() end)
    raises("DTLSServer.take_connection: udp_peer must be a PacketPeerUDP, got PacketPeerDTLS",
        function() server:take_connection(PacketPeerDTLS.new()) end)
    raises("UDPServer.listen: port must be an integer from", function() UDPServer.new():listen("4242") end)
    raises("UDPServer.listen: port must be an integer from", function() UDPServer.new():listen(1.5) end)
    raises("UDPServer.listen: port must be an integer from", function() UDPServer.new():listen(2 ^ 40) end)
    raises("PacketPeerUDP.bind: bind_address must be a string or nil, got number", function() udp:bind(0, 1) end)
    raises("PacketPeerUDP.put_packet: buffer must be a string of bytes, got number", function() udp:put_packet(42) end)
    raises("CryptoKey.load: path must not contain a NUL byte", function() key:load("key\0.key") end)
    raises("CryptoKey.load: public_only must be a boolean, got string", function() key:load("key.key", "yes") end)
    raises("PacketPeerDTLS.set_idle_timeout_msec: msec must be an integer from 0",
        function() PacketPeerDTLS.new():set_idle_timeout_msec(-1) end)
    raises("Crypto.generate_rsa: size must be an integer", function() Crypto.generate_rsa("big") end)
    raises("PacketPeerUDP.new_from_callbacks: callbacks.receive must be a function, got nil",
        function() PacketPeerUDP.new_from_callbacks({ send = print }) end)
    raises("PacketPeerUDP.new_from_callbacks: callbacks.release must be a function or nil, got number",
        function() PacketPeerUDP.new_from_callbacks({ send = print, receive = print, release = 1 }) end)
    local unsafe = TLSOptions.client_unsafe()
    raises("TLSOptions.add_pin: sha256 must be a string of 32 bytes, got 31 bytes",
        function() unsafe:add_pin(gdtls.GDTLS_PIN_PUBLIC_KEY, string.rep("x", 31)) end)
    raises("TLSOptions.add_pin: sha256 must be a string of 32 bytes, got nil",
        function() unsafe:add_pin(gdtls.GDTLS_PIN_PUBLIC_KEY) end)
    raises("TLSOptions.set_mtu: mtu must be an integer from 0 to 65535", function() unsafe:set_mtu(65536) end)
    raises("TLSOptions.set_session_resumption: enabled must be a boolean, got nil",
        function() unsafe:set_session_resumption() end)
    raises("TLSOptions.client_psk: key must be a string of bytes, got number",
        function() TLSOptions.client_psk("me", 42) end)
    raises("TLSOptions.server_psk: lookup must be a function, got string", function() TLSOptions.server_psk("key") end)
    raises("X509Certificate.load_from_buffer: data must be a string of bytes, got nil",
        function() X509Certificate.new():load_from_buffer() end)
    raises("gdtls.set_log_callback: callback must be a function or nil, got string",
        function() gdtls.set_log_callback("print", 1) end)
    raises("gdtls.set_log_callback: level must be an integer", function() gdtls.set_log_callback(print) end)

    -- What the library refuses is an Error number, with its reason in words.
    gdtls.clear_last_error()
    eq(gdtls.get_last_error(), OK, "no error after clear_last_error")
    eq(gdtls.get_last_error_message(), "", "no message after clear_last_error")
    eq(key:load(dir .. "missing.key"), gdtls.ERR_INVALID_PARAMETER, "loading a missing file")
    eq(gdtls.get_last_error(), gdtls.ERR_INVALID_PARAMETER, "get_last_error")
    assert(gdtls.get_last_error_message():find("missing.key", 1, true), gdtls.get_last_error_message())
    local none, err = Crypto.generate_rsa(513)
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "an odd RSA size")
    assert(gdtls.get_last_error_message():find("even size", 1, true), gdtls.get_last_error_message())

    -- A freed object answers as the C API's NULL, and frees nothing twice.
    eq(server:free(), OK, "free")
    eq(server:free(), OK, "free again")
    eq(tostring(server), "DTLSServer<freed>", "a freed object")
    eq(server:setup(TLSOptions.client_unsafe()), gdtls.ERR_INVALID_PARAMETER, "a freed server")
    eq(server:reference(), nil, "a reference to a freed object")
    local cert = X509Certificate.new()
    cert:free()
    raises("TLSOptions.client: trusted_chain is a freed X509Certificate", function() TLSOptions.client(cert) end)
    assert(tostring(udp):match("^PacketPeerUDP<0x%x+>$"), tostring(udp))
end

function checks.collection()
    collectgarbage()
    collectgarbage()
    local start = gdtls.live_handle_count()
    do
        local key, cert = identity()
        local options = assert(TLSOptions.server(key, cert))
        local objects = {
            options:get_private_key(), options:get_own_certificate(), key:reference(),
            TLSOptions.client(cert, "localhost"):get_trusted_ca_chain(), DTLSServer.new(),
            UDPServer.new(), PacketPeerUDP.new(), PacketPeerDTLS.new(),
        }
        eq(objects[5]:setup(options), OK, "setup")
        assert(gdtls.live_handle_count() >= start + 10, "handles made")
    end
    collectgarbage()
    collectgarbage()
    eq(gdtls.live_handle_count(), start, "live handles once collected")

    local key = CryptoKey.new()
    local second = key:reference()
    eq(gdtls.live_handle_count(), start + 2, "a reference is a handle")
    eq(key:free(), OK, "free")
    eq(key:free(), OK, "free again")
    eq(gdtls.live_handle_count(), start + 1, "live handles after free")
    eq(second:is_public_only(), true, "the other handle still works")
    key, second = nil, nil
    collectgarbage()
    collectgarbage()
    eq(gdtls.live_handle_count(), start, "live handles once the rest is collected")
end

function checks.crypto()
    local key = assert(Crypto.new():generate_rsa(1024))
    eq(key:is_public_only(), false, "a generated key")
    local pem = assert(key:save_to_string())
    assert(pem:find("-----BEGIN", 1, true), pem)
    local public = CryptoKey.new()
    eq(public:load_from_string(assert(key:save_to_string(true)), true), OK, "load a public key")
    eq(public:is_public_only(), true, "a public key")
    eq(key:save(dir .. "generated.key"), OK, "save a key")
    local loaded = CryptoKey.new()
    eq(loaded:load(dir .. "generated.key"), OK, "load the saved key")
    eq(loaded:save_to_string(), pem, "the saved key")

    local cert = assert(Crypto.generate_self_signed_certificate(key, "CN=lua.test,O=gdtls,C=IT"))
    eq(cert:get_count(), 1, "a self-signed certificate")
    eq(cert:save(dir .. "generated.crt"), OK, "save a certificate")
    local again = X509Certificate.new()
    eq(again:load(dir .. "generated.crt"), OK, "load the saved certificate")
    eq(again:save_to_string(), cert:save_to_string(), "the saved certificate")
    assert(Crypto.generate_self_signed_certificate(key), "Godot's default name and dates")
    local none, err = Crypto.generate_self_signed_certificate(public)
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "a certificate for a public key")

    -- A chain longer than the scratch buffer comes out whole.
    local chain = X509Certificate.new()
    eq(chain:load_from_string(string.rep(cert:save_to_string(), 80)), OK, "a long chain")
    eq(chain:get_count(), 80, "certificates in the chain")
    eq(chain:save_to_string(), string.rep(cert:save_to_string(), 80), "the long chain as text")

    local client = assert(TLSOptions.client(cert, "override.test"))
    eq(client:is_server(), false, "client options")
    eq(client:is_unsafe_client(), false, "verifying client options")
    eq(client:get_common_name_override(), "override.test", "the common name override")
    eq(client:get_trusted_ca_chain():save_to_string(), cert:save_to_string(), "the trusted chain")
    eq(client:get_private_key(), nil, "a client's private key")
    local unsafe = assert(TLSOptions.client_unsafe())
    eq(unsafe:is_unsafe_client(), true, "unsafe client options")
    eq(unsafe:get_trusted_ca_chain(), nil, "no trusted chain")
    local server = assert(TLSOptions.server(key, cert))
    eq(server:is_server(), true, "server options")
    eq(server:get_private_key():save_to_string(), pem, "the server's key")
    eq(server:get_own_certificate():get_count(), 1, "the server's certificate")
    none, err = TLSOptions.server(public, cert)
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "server options with a public key")

    -- Keys and certificates from memory; EC keys.
    local from_buffer = CryptoKey.new()
    eq(from_buffer:load_from_buffer(pem), OK, "load_from_buffer a key")
    eq(from_buffer:save_to_string(), pem, "the key from a buffer")
    eq(from_buffer:load_from_buffer(key:save_to_string(true), true), OK, "load_from_buffer a public key")
    eq(from_buffer:is_public_only(), true, "a public key from a buffer")
    eq(from_buffer:load_from_buffer("not a key"), gdtls.FAILED, "load_from_buffer of other bytes")
    local certs = X509Certificate.new()
    eq(certs:load_from_buffer(string.rep(cert:save_to_string(), 2)), OK, "load_from_buffer a chain")
    eq(certs:get_count(), 2, "the chain from a buffer")
    eq(certs:load_from_buffer("\48\130"), gdtls.FAILED, "load_from_buffer of other bytes")
    eq(certs:get_count(), 2, "the chain kept after a failed load")
    local ec = assert(Crypto.generate_ecdsa("P-384"))
    eq(ec:is_public_only(), false, "an EC key")
    assert(Crypto.new():generate_ecdsa("P-256"), "generate_ecdsa called on a Crypto")
    none, err = Crypto.generate_ecdsa("P-999")
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "an unknown curve")

    -- gdtls's settings of options.
    eq(unsafe:get_mtu(), gdtls.GDTLS_DTLS_MTU, "the default MTU")
    eq(unsafe:set_mtu(gdtls.GDTLS_MAX_MTU), OK, "set_mtu")
    eq(unsafe:get_mtu(), gdtls.GDTLS_MAX_MTU, "get_mtu")
    eq(unsafe:set_mtu(gdtls.GDTLS_MIN_MTU - 1), gdtls.ERR_INVALID_PARAMETER, "an MTU too small")
    eq(unsafe:set_cipher_suites("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256,TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256"), OK,
        "set_cipher_suites")
    eq(unsafe:set_cipher_suites("TLS-NO-SUCH-SUITE"), gdtls.ERR_INVALID_PARAMETER, "an unknown suite")
    assert(gdtls.get_last_error_message():find("TLS-NO-SUCH-SUITE", 1, true), gdtls.get_last_error_message())
    eq(unsafe:set_cipher_suites(nil), OK, "the default suites")
    eq(unsafe:set_curves("x25519,secp256r1"), OK, "set_curves")
    eq(unsafe:set_curves("no-such-curve"), gdtls.ERR_INVALID_PARAMETER, "an unknown curve")
    eq(unsafe:set_client_certificate(key, cert), OK, "set_client_certificate")
    eq(server:set_client_certificate(key, cert), gdtls.ERR_INVALID_PARAMETER, "a client certificate for a server")
    eq(server:set_client_verification(cert), OK, "set_client_verification")
    eq(unsafe:set_client_verification(cert, false), gdtls.ERR_INVALID_PARAMETER, "client verification for a client")
    eq(unsafe:get_session_resumption(), true, "session resumption by default")
    eq(unsafe:set_session_resumption(false), OK, "set_session_resumption")
    eq(unsafe:get_session_resumption(), false, "get_session_resumption")
    eq(unsafe:add_crl("not a list"), gdtls.FAILED, "add_crl of other bytes")
end

function checks.udp_exchange()
    local server = UDPServer.new()
    eq(server:listen(0, "127.0.0.1"), OK, "listen")
    eq(server:is_listening(), true, "is_listening")
    local port = server:get_local_port()
    assert(port > 0, "a local port")
    eq(server:set_max_pending_connections(4), OK, "set_max_pending_connections")
    eq(server:get_max_pending_connections(), 4, "get_max_pending_connections")

    local client = PacketPeerUDP.new()
    eq(client:connect_to_host("127.0.0.1", port), OK, "connect_to_host")
    eq(client:is_socket_connected(), true, "is_socket_connected")
    eq(client:is_bound(), true, "is_bound")
    eq(client:get_max_packet_size(), gdtls.GDTLS_MAX_DATAGRAM, "get_max_packet_size")
    eq(client:put_packet("ping"), OK, "put_packet")
    within(5, "a pending connection", function()
        return server:poll() == OK and server:is_connection_available()
    end)
    local peer = assert(server:take_connection())
    eq(peer:get_available_packet_count(), 1, "a waiting datagram")
    eq(peer:get_packet(), "ping", "the datagram")
    eq(peer:get_packet_ip(), "127.0.0.1", "its address")
    eq(peer:get_packet_port(), client:get_local_port(), "its port")
    eq(server:take_connection(), nil, "no other connection")

    eq(client:wait_timeout(20), gdtls.ERR_TIMEOUT, "nothing to wait for")
    local none, err = client:get_packet()
    assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "nothing to read")
    local largest = string.rep("x", gdtls.GDTLS_MAX_DATAGRAM)
    eq(peer:put_packet(largest), OK, "the largest datagram")
    eq(client:wait_timeout(5000), OK, "wait_timeout")
    eq(client:get_packet(), largest, "the largest datagram received")
    eq(client:put_packet(largest .. "x"), gdtls.ERR_INVALID_PARAMETER, "a datagram too large")
    eq(peer:put_packet("pong"), OK, "put_packet to the client")
    eq(client:wait(), OK, "wait")
    eq(client:get_packet(), "pong", "the reply")

    -- An unconnected peer sends where set_dest_address says.
    local other = PacketPeerUDP.new()
    eq(other:bind(0, "127.0.0.1"), OK, "bind")
    eq(other:set_broadcast_enabled(true), OK, "set_broadcast_enabled")
    eq(other:set_dest_address("127.0.0.1", port), OK, "set_dest_address")
    eq(other:put_packet("from elsewhere"), OK, "put_packet")
    within(5, "a second connection", function() return server:is_connection_available() end)
    eq(server:take_connection():get_packet(), "from elsewhere", "the second source's datagram")
    eq(PacketPeerUDP.new():join_multicast_group("224.0.0.251", nil), gdtls.ERR_UNCONFIGURED, "join without a socket")
    eq(PacketPeerUDP.new():leave_multicast_group("224.0.0.251", ""), gdtls.ERR_UNCONFIGURED, "leave without a socket")

    eq(client:close(), OK, "close")
    eq(client:is_bound(), false, "closed")
    eq(server:stop(), OK, "stop")
    eq(server:is_listening(), false, "stopped")
    eq(server:poll(), gdtls.ERR_UNCONFIGURED, "poll when stopped")
end

-- Runs a DTLS server on 127.0.0.1 and a client with `options` for
-- `hostname` until the client's handshake ends; returns the client, the
-- server's peer (nil when the server never kept one), the server, and
-- what the client's poll that failed recorded (nil when none did):
-- { err = what it returned, last_error = ..., message = ... }.
local function handshake(server_options, options, hostname)
    local udp_server, dtls_server = UDPServer.new(), DTLSServer.new()
    eq(udp_server:listen(0, "127.0.0.1"), OK, "listen")
    eq(dtls_server:setup(server_options), OK, "setup")
    local udp, client = PacketPeerUDP.new(), PacketPeerDTLS.new()
    eq(udp:connect_to_host("127.0.0.1", udp_server:get_local_port()), OK, "connect_to_host")
    eq(client:connect_to_peer(udp, hostname, options), OK, "connect_to_peer")
    eq(client:get_status(), PacketPeerDTLS.STATUS_HANDSHAKING, "a client handshaking")
    local server_peer, failure
    within(10, "the handshake", function()
        local err = client:poll()
        if err ~= OK then
            failure = { err = err, last_error = gdtls.get_last_error(), message = gdtls.get_last_error_message() }
        end
        while udp_server:is_connection_available() do
            local peer = udp_server:take_connection()
            local dtls_peer = dtls_server:take_connection(peer)
            peer:free()
            if dtls_peer:get_status() == PacketPeerDTLS.STATUS_HANDSHAKING then
                server_peer = dtls_peer
            else
                dtls_peer:free()
            end
        end
        if server_peer then
            server_peer:poll()
        end
        return client:get_status() ~= PacketPeerDTLS.STATUS_HANDSHAKING
            and (not server_peer or server_peer:get_status() ~= PacketPeerDTLS.STATUS_HANDSHAKING)
    end)
    return client, server_peer, dtls_server, failure
end

-- Sends `data` from one connected peer and reads it at the other.
local function echo(from, to, data)
    eq(from:put_packet(data), OK, "put_packet")
    within(5, "the packet", function()
        from:poll()
        to:poll()
        return to:get_available_packet_count() > 0
    end)
    eq(to:get_packet(), data, "the packet received")
end

function checks.dtls_handshake_and_echo()
    local key, cert = identity()
    local server_options = assert(TLSOptions.server(key, cert))
    local client, server_peer, dtls_server = handshake(server_options, TLSOptions.client(cert), "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "the client connected")
    eq(server_peer:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "the server's peer connected")
    eq(dtls_server:get_handshake_count(), 0, "no handshake left running")
    local size = client:get_max_packet_size()
    assert(size > 1000 and size <= gdtls.GDTLS_DTLS_MTU, "get_max_packet_size " .. size)
    assert(client:get_idle_time_msec() >= 0, "get_idle_time_msec")
    echo(client, server_peer, "The answer is... 42!")
    echo(server_peer, client, "Hello DTLS client")
    echo(client, server_peer, string.rep("\0\255", size / 2))
    local none, err = client:get_packet()
    assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "nothing to read")
    eq(client:disconnect_from_peer(), OK, "disconnect_from_peer")
    eq(client:get_status(), PacketPeerDTLS.STATUS_DISCONNECTED, "the client disconnected")
    within(5, "close_notify", function()
        server_peer:poll()
        return server_peer:get_status() == PacketPeerDTLS.STATUS_DISCONNECTED
    end)
    eq(client:put_packet("late"), gdtls.ERR_UNCONFIGURED, "put_packet when disconnected")

    -- A validating client refuses a certificate for another name.
    client = handshake(server_options, TLSOptions.client(cert), "example.com")
    eq(client:get_status(), PacketPeerDTLS.STATUS_ERROR_HOSTNAME_MISMATCH, "another host name")
    assert(gdtls.get_last_error_message() ~= "", "a reason in words")
    -- Godot 3.2's shapes.
    local server = DTLSServer.new()
    eq(server:setup_godot3(key, cert), OK, "setup_godot3")
    local udp = PacketPeerUDP.new()
    eq(PacketPeerDTLS.new():connect_to_peer_godot3(udp, false), gdtls.ERR_INVALID_PARAMETER,
        "connect_to_peer_godot3 over an unconnected peer")
end

function checks.settings()
    local server, peer = DTLSServer.new(), PacketPeerDTLS.new()
    eq(server:set_handshake_timeout_msec(500, 4000), OK, "server set_handshake_timeout_msec")
    local min, max = server:get_handshake_timeout_msec()
    assert(min == 500 and max == 4000, "server get_handshake_timeout_msec")
    eq(server:set_handshake_timeout_msec(0, 10), gdtls.ERR_INVALID_PARAMETER, "a zero timeout")
    eq(server:set_idle_timeout_msec(60000), OK, "server set_idle_timeout_msec")
    eq(server:get_idle_timeout_msec(), 60000, "server get_idle_timeout_msec")
    eq(server:set_max_handshakes(10, 5), OK, "set_max_handshakes")
    local total, per_source = server:get_max_handshakes()
    assert(total == 10 and per_source == 5, "get_max_handshakes")
    eq(server:set_max_handshakes(-1, 5), gdtls.ERR_INVALID_PARAMETER, "a negative limit")
    eq(peer:set_handshake_timeout_msec(200, 2000), OK, "peer set_handshake_timeout_msec")
    min, max = peer:get_handshake_timeout_msec()
    assert(min == 200 and max == 2000, "peer get_handshake_timeout_msec")
    eq(peer:set_idle_timeout_msec(1500), OK, "peer set_idle_timeout_msec")
    eq(peer:get_idle_timeout_msec(), 1500, "peer get_idle_timeout_msec")
    eq(server:get_session_ticket_lifetime_sec(), gdtls.GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC,
        "the default session ticket lifetime")
    eq(server:set_session_ticket_lifetime_sec(60), OK, "set_session_ticket_lifetime_sec")
    eq(server:get_session_ticket_lifetime_sec(), 60, "get_session_ticket_lifetime_sec")
    eq(server:set_session_ticket_lifetime_sec(0), OK, "no session tickets")
    eq(server:get_session_ticket_lifetime_sec(), 0, "no session tickets")
    server:free()
    local none, err = server:get_max_handshakes()
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "a freed server's limits")
end

-- Loops LuaJIT compiles while their calls do not call back into Lua, and
-- in which they then do: had the binding let such a call be compiled,
-- LuaJIT would abort the process ("bad callback"). First of all checks:
-- LuaJIT gives up compiling a function for good once it saw a callback
-- while compiling it, which the other checks do.
function checks.callbacks_in_compiled_loops()
    local released = 0
    local function hosted()
        return assert(PacketPeerUDP.new_from_callbacks({
            send = function() end,
            receive = function() end,
            release = function() released = released + 1 end,
        }))
    end
    -- The first half frees second references, the second half the last
    -- ones, which runs release.
    local handles = {}
    for i = 1, 300 do
        handles[300 + i] = hosted()
        handles[i] = handles[300 + i]:reference()
    end
    for i = 1, #handles do
        handles[i]:free()
    end
    eq(released, 300, "release called from a compiled loop")
    -- The first half reads a socket's peer, the second half a host's.
    local peers, socket = {}, PacketPeerUDP.new()
    eq(socket:bind(0, "127.0.0.1"), OK, "bind")
    for i = 1, 1000 do
        peers[i] = i <= 500 and socket or hosted()
    end
    for i = 1, #peers do
        local none, err = peers[i]:get_packet()
        assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "nothing to read")
    end
    -- The first half frees second references to PSK options, the second
    -- half the last ones, which releases their lookup.
    local lookups, options = weak_keys(), {}
    do
        local function lookup() end
        lookups[lookup] = true
        for i = 1, 300 do
            options[300 + i] = assert(TLSOptions.server_psk(lookup))
            options[i] = options[300 + i]:reference()
        end
    end
    for i = 1, #options do
        options[i]:free()
    end
    assert(all_collected(lookups), "a lookup released from a compiled loop")
    -- The first half polls a handshaking client while nothing logs, the
    -- second half while its handshake logs.
    local logged = 0
    local function count() logged = logged + 1 end
    local udp, client = PacketPeerUDP.new(), PacketPeerDTLS.new()
    eq(udp:connect_to_host("127.0.0.1", socket:get_local_port()), OK, "connect_to_host")
    eq(client:connect_to_peer(udp, "localhost", TLSOptions.client_unsafe()), OK, "connect_to_peer")
    for i = 1, 1000 do
        if i == 501 then
            gdtls.set_log_callback(count, gdtls.GDTLS_LOG_STATE)
        end
        client:poll()
    end
    eq(gdtls.set_log_callback(nil), OK, "set_log_callback(nil)")
    assert(logged > 0, "log lines from a compiled loop")
end

-- Host-callback peers joined by Lua queues carry a DTLS connection.
function checks.host_callbacks()
    local made, released = 0, 0
    local function endpoint(outbox, inbox)
        made = made + 1
        return assert(PacketPeerUDP.new_from_callbacks({
            send = function(data) outbox[#outbox + 1] = data end,
            receive = function() return table.remove(inbox, 1) end,
            available = function() return #inbox end,
            release = function() released = released + 1 end,
        }))
    end
    local to_server, to_client = {}, {}
    local client_udp = endpoint(to_server, to_client)
    eq(client_udp:is_socket_connected(), true, "a host's peer is connected")
    eq(client_udp:get_local_port(), 0, "a host's peer has no port")

    local key, cert = identity()
    local server = DTLSServer.new()
    eq(server:setup(TLSOptions.server(key, cert)), OK, "setup")
    local client = PacketPeerDTLS.new()
    eq(client:connect_to_peer(client_udp, "localhost", TLSOptions.client(cert)), OK, "connect_to_peer")
    local server_peer
    within(10, "the handshake over callbacks", function()
        client:poll()
        -- As a UDPServer would, the host makes a peer for each new
        -- source: the cookie exchange closes the first one.
        if not server_peer and #to_server > 0 then
            local udp = endpoint(to_client, to_server)
            local peer = server:take_connection(udp)
            udp:free()
            if peer:get_status() == PacketPeerDTLS.STATUS_HANDSHAKING then
                server_peer = peer
            else
                peer:free()
            end
        end
        if server_peer then
            server_peer:poll()
        end
        return client:get_status() == PacketPeerDTLS.STATUS_CONNECTED
            and server_peer:get_status() == PacketPeerDTLS.STATUS_CONNECTED
    end)
    for i = 1, 200 do
        echo(client, server_peer, "packet " .. i)
    end
    client:free()
    server_peer:free()
    client_udp:free()
    eq(released, made, "each host's release called once")

    -- An error in a callback is raised by the call that ran it.
    local failing = assert(PacketPeerUDP.new_from_callbacks({
        send = function() error("the network is down", 0) end,
        receive = function() return nil end,
    }))
    raises("PacketPeerUDP host callback send: the network is down", function()
        PacketPeerDTLS.new():connect_to_peer(failing, "localhost", TLSOptions.client_unsafe())
    end)
    local confused = assert(PacketPeerUDP.new_from_callbacks({
        send = function() end,
        receive = function() return 42 end,
    }))
    raises("PacketPeerUDP host callback receive: returned number, not a string or nil",
        function() confused:get_packet() end)
end

-- A PSK server whose lookup is Lua, with clients it admits and refuses.
function checks.pre_shared_keys()
    local secret = "\0\17\34\51 shared"
    local seen = {}
    local server_options = assert(TLSOptions.server_psk(function(identity)
        seen[#seen + 1] = identity
        if identity == "player\0one" then
            return secret
        end
    end))
    -- A PSK client needs no certificate, but the host name still names the server.
    local client, server_peer = handshake(server_options, assert(TLSOptions.client_psk("player\0one", secret)),
        "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "a PSK client connected")
    eq(server_peer:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "the PSK server's peer connected")
    eq(seen[#seen], "player\0one", "the identity the lookup saw")
    local suite = client:get_cipher_suite()
    assert(suite:find("PSK", 1, true), suite)
    eq(server_peer:get_cipher_suite(), suite, "the server's suite")
    local none, err = client:get_peer_certificate()
    assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "no certificate over PSK")
    echo(client, server_peer, "over a pre-shared key")
    echo(server_peer, client, "and back")

    for _, case in ipairs({ { "stranger", secret, "an identity the lookup refuses" },
        { "player\0one", "another secret", "a wrong key" } }) do
        local identity, key, what = case[1], case[2], case[3]
        client, server_peer = handshake(server_options, assert(TLSOptions.client_psk(identity, key)), "localhost")
        eq(client:get_status(), PacketPeerDTLS.STATUS_ERROR, what)
        eq(server_peer:get_status(), PacketPeerDTLS.STATUS_ERROR, what .. ", at the server")
        eq(seen[#seen], identity, what .. ": the identity the lookup saw")
    end

    client, server_peer = handshake(assert(TLSOptions.server_psk_key(secret)),
        assert(TLSOptions.client_psk("anyone", secret)), "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "a client of a server with one key")
    assert(client:get_cipher_suite():find("PSK", 1, true), client:get_cipher_suite())
    echo(client, server_peer, "over the one key")
    none, err = TLSOptions.server_psk_key(string.rep("k", gdtls.GDTLS_MAX_PSK_LEN + 1))
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "a key too long")
    none, err = TLSOptions.client_psk("", secret)
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "an empty identity")

    -- A lookup that fails refuses the client, and its error is raised by
    -- the server's call that ran it.
    local function failing(lookup)
        return handshake(assert(TLSOptions.server_psk(lookup)), assert(TLSOptions.client_psk("me", secret)),
            "localhost")
    end
    raises("TLSOptions.server_psk lookup: the database is down",
        function() failing(function() error("the database is down", 0) end) end)
    raises("TLSOptions.server_psk lookup: returned number, not a string or nil",
        function() failing(function() return 42 end) end)
    raises("TLSOptions.server_psk lookup: returned 33 bytes, not 1 to 32",
        function() failing(function() return string.rep("k", 33) end) end)

    -- The lookup lives while the library may call it: after its options
    -- are freed, as long as a server set up with them lives.
    local lookups = weak_keys()
    local server = DTLSServer.new()
    do
        local function lookup() return secret end
        lookups[lookup] = true
        local options = assert(TLSOptions.server_psk(lookup))
        eq(server:setup(options), OK, "setup with a PSK lookup")
        options:free()
    end
    assert(not all_collected(lookups), "the lookup collected while a server holds it")
    server:free()
    assert(all_collected(lookups), "the lookup kept after its release")
end

-- Pins of the server's key or certificate admit it; another pin refuses it.
function checks.pinning()
    local key, cert = identity()
    local server_options = assert(TLSOptions.server(key, cert))
    local key_pin = assert(cert:get_sha256_pin(gdtls.GDTLS_PIN_PUBLIC_KEY))
    local cert_pin = assert(cert:get_sha256_pin(gdtls.GDTLS_PIN_CERTIFICATE))
    eq(#key_pin, 32, "a public key pin's length")
    eq(#cert_pin, 32, "a certificate pin's length")
    assert(key_pin ~= cert_pin, "two kinds of pins")
    local none, err = cert:get_sha256_pin(2)
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "an unknown kind of pin")
    none, err = X509Certificate.new():get_sha256_pin(gdtls.GDTLS_PIN_PUBLIC_KEY)
    assert(none == nil and err == gdtls.ERR_UNCONFIGURED, "the pin of no certificate")

    local function pinned(kind, pin)
        local options = TLSOptions.client_unsafe()
        eq(options:add_pin(kind, pin), OK, "add_pin")
        return options
    end
    for kind, pin in pairs({ [gdtls.GDTLS_PIN_PUBLIC_KEY] = key_pin, [gdtls.GDTLS_PIN_CERTIFICATE] = cert_pin }) do
        local client, server_peer = handshake(server_options, pinned(kind, pin), "localhost")
        eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "a client pinning the server, kind " .. kind)
        echo(client, server_peer, "pinned")
    end
    local client, _, _, failure = handshake(server_options, pinned(gdtls.GDTLS_PIN_PUBLIC_KEY, string.rep("\0", 32)),
        "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_ERROR, "a client pinning another key")
    assert(failure, "the poll that failed")
    eq(failure.err, gdtls.ERR_UNAUTHORIZED, "what the poll returned")
    eq(failure.last_error, gdtls.ERR_UNAUTHORIZED, "the error the poll recorded")
    assert(failure.message:find("pinned SHA-256", 1, true), failure.message)
    eq(TLSOptions.client_unsafe():add_pin(2, key_pin), gdtls.ERR_INVALID_PARAMETER, "add_pin of an unknown kind")
end

-- What a connection negotiated and carried, with mutual authentication;
-- an ECDSA server.
function checks.connection_info()
    local key, cert = identity()
    local server_options = assert(TLSOptions.server(key, cert))
    eq(server_options:set_client_verification(cert, true), OK, "set_client_verification")
    local options = assert(TLSOptions.client(cert))
    eq(options:set_client_certificate(key, cert), OK, "set_client_certificate")
    local client, server_peer = handshake(server_options, options, "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "a client with a certificate connected")
    eq(server_peer:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "the server's peer connected")
    for side, peer in pairs({ client = client, server = server_peer }) do
        eq(peer:get_protocol_version(), "DTLSv1.2", side .. " protocol")
        local suite = peer:get_cipher_suite()
        assert(suite and #suite > 0 and suite:find("^TLS%-"), side .. " suite " .. tostring(suite))
        assert(peer:get_handshake_duration_usec() > 0, side .. " handshake duration")
        assert(peer:get_retransmissions() >= 0, side .. " retransmissions")
        eq(peer:is_session_resumed(), false, side .. ": a full handshake")
        eq(peer:get_peer_certificate():save_to_string(), cert:save_to_string(), side .. " peer certificate")
    end
    eq(client:get_cipher_suite(), server_peer:get_cipher_suite(), "one suite")
    echo(client, server_peer, "counted")
    echo(server_peer, client, "counted back")
    local traffic = client:get_traffic()
    for _, name in ipairs({ "datagrams_received", "bytes_received", "datagrams_sent", "bytes_sent" }) do
        assert(traffic[name] > 0, name .. " " .. tostring(traffic[name]))
    end
    assert(traffic.bytes_sent > traffic.datagrams_sent, "bytes and datagrams")
    eq(client:get_next_timeout_msec(), -1, "no timer once connected")
    eq(client:set_idle_timeout_msec(60000), OK, "an idle timeout")
    local timeout = client:get_next_timeout_msec()
    assert(timeout > 0 and timeout <= 60000, "the idle timer " .. timeout)
    eq(client:disconnect_from_peer(), OK, "disconnect_from_peer")
    eq(client:get_traffic().datagrams_sent, traffic.datagrams_sent + 1, "the close_notify counted")
    local none, err = client:get_peer_certificate()
    assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "no peer certificate once disconnected")

    local fresh = PacketPeerDTLS.new()
    none, err = fresh:get_protocol_version()
    assert(none == nil and err == gdtls.ERR_UNAVAILABLE, "no protocol before a handshake")
    eq(fresh:get_handshake_duration_usec(), 0, "no handshake duration")
    eq(fresh:get_traffic().bytes_sent, 0, "no traffic")
    eq(fresh:get_next_timeout_msec(), -1, "no timer")
    fresh:free()
    none, err = fresh:get_traffic()
    assert(none == nil and err == gdtls.ERR_INVALID_PARAMETER, "a freed peer's traffic")

    local ec = assert(Crypto.generate_ecdsa("P-256"))
    local ec_cert = assert(Crypto.generate_self_signed_certificate(ec, "CN=localhost"))
    client, server_peer = handshake(assert(TLSOptions.server(ec, ec_cert)), assert(TLSOptions.client(ec_cert)),
        "localhost")
    eq(client:get_status(), PacketPeerDTLS.STATUS_CONNECTED, "a client of an ECDSA server")
    assert(client:get_cipher_suite():find("ECDSA", 1, true), client:get_cipher_suite())
    echo(client, server_peer, "over ECDSA")
end

-- What an event loop waits on: the sockets' descriptors and the
-- handshake's timer.
function checks.event_loop()
    local server = UDPServer.new()
    eq(server:get_socket_fd(), -1, "a server not listening")
    eq(server:listen(0, "127.0.0.1"), OK, "listen")
    local server_fd = server:get_socket_fd()
    assert(server_fd >= 0, "the server's descriptor")
    local udp = PacketPeerUDP.new()
    eq(udp:get_socket_fd(), -1, "a peer without a socket")
    eq(udp:connect_to_host("127.0.0.1", server:get_local_port()), OK, "connect_to_host")
    local fd = udp:get_socket_fd()
    assert(fd >= 0 and fd ~= server_fd, "the client's descriptor")
    eq(udp:put_packet("hello"), OK, "put_packet")
    within(5, "a connection", function() return server:poll() == OK and server:is_connection_available() end)
    eq(server:take_connection():get_socket_fd(), server_fd, "a server's peer waits on the server's socket")
    local hosted = assert(PacketPeerUDP.new_from_callbacks({ send = function() end, receive = function() end }))
    eq(hosted:get_socket_fd(), -1, "a host's peer")

    -- The server never answers: the timer counts down to the
    -- retransmission, which is counted.
    local client = PacketPeerDTLS.new()
    eq(client:set_handshake_timeout_msec(100, 400), OK, "set_handshake_timeout_msec")
    eq(client:connect_to_peer(udp, "localhost", TLSOptions.client_unsafe()), OK, "connect_to_peer")
    local timeout = client:get_next_timeout_msec()
    assert(timeout > 0 and timeout <= 100, "the retransmission timer " .. timeout)
    eq(client:get_retransmissions(), 0, "nothing sent again yet")
    within(5, "a retransmission", function()
        client:poll()
        return client:get_retransmissions() > 0
    end)
    client:free()
    eq(server:stop(), OK, "stop")
    eq(server:get_socket_fd(), -1, "a stopped server")
    udp:close()
    eq(udp:get_socket_fd(), -1, "a closed peer")
end

-- The library's log lines reach a Lua function, and stop when asked.
function checks.logging()
    local key, cert = identity()
    local server_options, client_options = assert(TLSOptions.server(key, cert)), assert(TLSOptions.client(cert))
    local lines = {}
    local function collect(level, line)
        lines[#lines + 1] = { level = level, line = line }
    end
    eq(gdtls.set_log_callback(collect, gdtls.GDTLS_LOG_STATE), OK, "set_log_callback")
    -- A level out of range changes nothing: the lines still go to `collect`.
    eq(gdtls.set_log_callback(function() error("not this one") end, gdtls.GDTLS_LOG_VERBOSE + 1),
        gdtls.ERR_INVALID_PARAMETER, "a level out of range")
    eq(handshake(server_options, client_options, "localhost"):get_status(), PacketPeerDTLS.STATUS_CONNECTED,
        "a handshake while logging")
    assert(#lines > 0, "log lines during a handshake")
    local handshake_lines = 0
    for _, entry in ipairs(lines) do
        assert(entry.level >= gdtls.GDTLS_LOG_ERROR and entry.level <= gdtls.GDTLS_LOG_STATE,
            "a line's level " .. entry.level)
        assert(type(entry.line) == "string" and not entry.line:find("\n", 1, true), entry.line)
        if entry.line:find("handshake", 1, true) then
            handshake_lines = handshake_lines + 1
        end
    end
    assert(handshake_lines > 0, "mbedTLS's handshake steps")
    eq(gdtls.set_log_callback(nil), OK, "set_log_callback(nil)")
    local count = #lines
    eq(handshake(server_options, client_options, "localhost"):get_status(), PacketPeerDTLS.STATUS_CONNECTED,
        "a handshake without logging")
    eq(#lines, count, "no line after set_log_callback(nil)")

    -- The library holds the current function, and lets the previous go
    -- once replaced.
    local functions = weak_keys()
    do
        local function drop() end
        functions[drop] = true
        eq(gdtls.set_log_callback(drop, gdtls.GDTLS_LOG_ERROR), OK, "a function only the library holds")
    end
    assert(not all_collected(functions), "the current log function collected")
    eq(gdtls.set_log_callback(collect, gdtls.GDTLS_LOG_ERROR), OK, "another log function")
    assert(all_collected(functions), "the previous log function kept")

    -- An error in the function drops the line and is raised by the call
    -- that logged.
    eq(gdtls.set_log_callback(function() error("the disk is full", 0) end, gdtls.GDTLS_LOG_STATE), OK,
        "a failing log function")
    raises("gdtls log callback: the disk is full",
        function() handshake(server_options, client_options, "localhost") end)
    eq(gdtls.set_log_callback(nil), OK, "set_log_callback(nil)")
end

local order = { "callbacks_in_compiled_loops", "names_and_constants", "loading_twice", "wrong_arguments",
    "collection", "crypto", "udp_exchange", "dtls_handshake_and_echo", "settings", "host_callbacks",
    "pre_shared_keys", "pinning", "connection_info", "event_loop", "logging" }
for _, name in ipairs(order) do
    local start = clock.monotonic()
    checks[name]()
    print(("%s: passed (%.2f s)"):format(name, clock.monotonic() - start))
end

-- Everything made above is garbage by now: nothing may stay allocated.
collectgarbage()
collectgarbage()
eq(gdtls.live_handle_count(), 0, "live handles at the end")
print("ok")
