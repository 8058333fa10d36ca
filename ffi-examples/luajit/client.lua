-- The PacketPeerDTLS client example of Godot's class reference (client.gd),
-- line by line in Lua. It stops once the server has answered, or after
-- TIMEOUT seconds (default 10). Without CA_CERT it does not validate the
-- server's certificate, as the example; with CA_CERT and HOSTNAME it does,
-- against CA_CERT for HOSTNAME.
--
-- Usage: luajit client.lua [HOST [PORT [TIMEOUT [CA_CERT HOSTNAME]]]]
--        (defaults: 127.0.0.1 4242 10)

package.path = arg[0]:match("^(.-)[^/]*$") .. "?.lua;" .. package.path
local gdtls = require("gdtls")
local clock = require("clock")
local PacketPeerDTLS = gdtls.PacketPeerDTLS

local dtls = PacketPeerDTLS.new() -- var dtls := PacketPeerDTLS.new()
local udp = gdtls.PacketPeerUDP.new() -- var udp := PacketPeerUDP.new()
local connected = false

local function ready(host, port, trusted, hostname)
    local err = udp:connect_to_host(host, port)
    if err == gdtls.OK then
        if not trusted then
            err = dtls:connect_to_peer_godot3(udp, false) -- Use true in production for certificate validation!
        else
            err = dtls:connect_to_peer_godot3(udp, true, hostname, trusted)
        end
    end
    if err ~= gdtls.OK then
        io.stderr:write("connect: ", gdtls.get_last_error_message(), "\n")
        os.exit(1)
    end
end

local function process()
    dtls:poll()
    if dtls:get_status() == PacketPeerDTLS.STATUS_CONNECTED then
        if not connected then
            -- Try to contact server
            dtls:put_packet("The answer is... 42!")
        end
        while dtls:get_available_packet_count() > 0 do
            print(("Connected: %s"):format(dtls:get_packet()))
            connected = true
        end
    end
end

io.stdout:setvbuf("line")
local host = arg[1] or "127.0.0.1"
local port = tonumber(arg[2]) or 4242
local timeout = tonumber(arg[3]) or 10
local trusted
if #arg >= 5 then
    trusted = gdtls.X509Certificate.new()
    if trusted:load(arg[4]) ~= gdtls.OK then
        io.stderr:write("load ", arg[4], ": ", gdtls.get_last_error_message(), "\n")
        os.exit(1)
    end
end
ready(host, port, trusted, arg[5])
local start = clock.monotonic()
repeat
    process()
    clock.next_frame()
until connected or clock.monotonic() - start >= timeout
dtls:disconnect_from_peer()
dtls:free()
udp:free()
os.exit(connected and 0 or 1)
