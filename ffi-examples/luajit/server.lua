-- The DTLSServer example of Godot's class reference (server.gd), line by
-- line in Lua. It serves until it has answered CLIENTS clients (default 1)
-- or TIMEOUT seconds (default 30) have passed.
--
-- Usage: luajit server.lua [PORT [KEY CERT [CLIENTS [TIMEOUT]]]]
--        (defaults: 4242 key.key cert.crt 1 30)

package.path = arg[0]:match("^(.-)[^/]*$") .. "?.lua;" .. package.path
local gdtls = require("gdtls")
local clock = require("clock")
local PacketPeerDTLS = gdtls.PacketPeerDTLS

local dtls = gdtls.DTLSServer.new() -- var dtls := DTLSServer.new()
local server = gdtls.UDPServer.new() -- var server := UDPServer.new()
local peers = {} -- var peers = []
local answered = 0

local function fail(what)
    io.stderr:write(what, ": ", gdtls.get_last_error_message(), "\n")
    os.exit(1)
end

local function ready(port, key_path, cert_path)
    if server:listen(port) ~= gdtls.OK then fail("listen") end
    local key = gdtls.CryptoKey.new()
    if key:load(key_path) ~= gdtls.OK then fail("load key") end -- Your private key.
    local cert = gdtls.X509Certificate.new()
    if cert:load(cert_path) ~= gdtls.OK then fail("load certificate") end -- Your X509 certificate.
    if dtls:setup_godot3(key, cert) ~= gdtls.OK then fail("setup") end
end

local function process()
    while server:is_connection_available() do
        local peer = server:take_connection()
        local dtls_peer = dtls:take_connection(peer)
        -- Godot frees both when they go out of scope; the collector would
        -- only later, and until then the client's retried hello would go to
        -- this peer instead of becoming a new connection.
        peer:free()
        if dtls_peer:get_status() ~= PacketPeerDTLS.STATUS_HANDSHAKING then
            dtls_peer:free()
            goto continue -- It is normal that 50% of the connections fails due to cookie exchange.
        end
        print("Peer connected!")
        peers[#peers + 1] = dtls_peer
        ::continue::
    end
    for _, p in ipairs(peers) do
        p:poll() -- Must poll to update the state.
        if p:get_status() == PacketPeerDTLS.STATUS_CONNECTED then
            while p:get_available_packet_count() > 0 do
                print(("Received message from client: %s"):format(p:get_packet()))
                p:put_packet("Hello DTLS client")
                answered = answered + 1
            end
        end
    end
end

io.stdout:setvbuf("line")
local port = tonumber(arg[1]) or 4242
local key = #arg >= 3 and arg[2] or "key.key"
local cert = #arg >= 3 and arg[3] or "cert.crt"
local clients = tonumber(arg[4]) or 1
local timeout = tonumber(arg[5]) or 30

ready(port, key, cert)
local start = clock.monotonic()
repeat
    process()
    clock.next_frame()
until answered >= clients or clock.monotonic() - start >= timeout
-- Let the last replies go out, then close every connection cleanly.
for _ = 1, 50 do
    process()
    clock.next_frame()
end
for _, p in ipairs(peers) do
    p:disconnect_from_peer()
    p:free()
end
server:free()
dtls:free()
os.exit(answered >= clients and 0 or 1)
