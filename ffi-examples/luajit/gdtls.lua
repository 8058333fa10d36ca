--- gdtls for LuaJIT 2.1: Godot's DTLS networking classes over libgdtls.
--
--     local gdtls = require("gdtls")
--     local server = gdtls.UDPServer.new()
--     server:listen(4242)
--
-- Classes and methods carry Godot 4's names and are called with `:`;
-- arguments Godot gives a default may be left out. Methods that can fail
-- return Godot's Error numbers (`gdtls.OK`, `gdtls.ERR_UNAVAILABLE`, ...);
-- those that return a value return it, or nil and the Error number.
-- `gdtls.get_last_error_message()` says in words what went wrong. An
-- argument of the wrong type raises a Lua error naming the method.
--
-- Every object owns one handle of the library: the garbage collector frees
-- it, or `:free()` does at once (then its methods answer as the C API does
-- for NULL, and passing it as an argument raises). The declarations come from gdtls_h.lua beside this file, which
-- gdtls's build generates from include/gdtls.h. The library is the file
-- named by the environment variable GDTLS_LIBRARY, or else libgdtls.so.<major>
-- or gdtls as the system's loader finds it.

local ffi = require("ffi")

local gdtls = {}

-- This file's own chunk name: its directory holds the declarations, and
-- errors are reported at the first caller outside it.
local SOURCE = debug.getinfo(1, "S").source

-- Loading ------------------------------------------------------------------

local function load_declarations()
    local dir = SOURCE:match("^@(.-)[^/\\]*$")
    local path = dir and dir .. "gdtls_h.lua" or package.searchpath("gdtls_h", package.path)
    local chunk, err = loadfile(path or "gdtls_h.lua")
    if not chunk then
        error("gdtls: cannot read the declarations: " .. err, 0)
    end
    return chunk()
end

local h = load_declarations()

-- ffi.cdef refuses to declare a struct or an enum twice, and this module may
-- be loaded more than once in one Lua state (again after package.loaded is
-- cleared, or as a copy under another name): the declarations are shared.
if not pcall(ffi.typeof, "gdtls_udp_callbacks") then
    ffi.cdef(h.cdef)
end

local function load_library()
    local path = os.getenv("GDTLS_LIBRARY")
    if path and path ~= "" then
        local ok, lib = pcall(ffi.load, path)
        if not ok then
            error("gdtls: cannot load GDTLS_LIBRARY=" .. path .. ": " .. tostring(lib), 0)
        end
        return lib
    end
    local tried = {}
    for _, name in ipairs({ "libgdtls.so." .. h.constants.GDTLS_VERSION_MAJOR, "gdtls" }) do
        local ok, lib = pcall(ffi.load, name)
        if ok then
            return lib
        end
        tried[#tried + 1] = tostring(lib)
    end
    error("gdtls: cannot load the library (" .. table.concat(tried, "; ")
        .. "); set GDTLS_LIBRARY to its path", 0)
end

local C = load_library()

--- The library's version, "MAJOR.MINOR.PATCH".
gdtls.version = ffi.string(C.gdtls_version())

-- The declarations hold for the library they were generated with: before
-- 1.0 a minor version may change them, after it only a major one.
local function release_line(version)
    local major, minor = version:match("^(%d+)%.(%d+)")
    return major == "0" and major .. "." .. minor or major
end
if release_line(gdtls.version) ~= release_line(h.version) then
    error(("gdtls: the library is version %s, the declarations in gdtls_h.lua are for %s")
        :format(gdtls.version, h.version), 0)
end

-- Constants ----------------------------------------------------------------

-- The values of one enum of the declarations, by name without GDTLS_.
local function enum_values(name)
    local body = assert(h.cdef:match("enum " .. name .. "%s*{(.-)}"), name)
    local values = {}
    for key, value in body:gmatch("GDTLS_([%w_]+)%s*=%s*(%-?%d+)") do
        values[key] = tonumber(value)
    end
    return values
end

-- Godot's Error numbers: gdtls.OK, gdtls.FAILED, gdtls.ERR_*.
for key, value in pairs(enum_values("gdtls_error")) do
    gdtls[key] = value
end
-- The header's GDTLS_* constants, under their C names.
for key, value in pairs(h.constants) do
    gdtls[key] = value
end

local OK = gdtls.OK
local FAILED = gdtls.FAILED
local ERR_PARAMETER_RANGE_ERROR = gdtls.ERR_PARAMETER_RANGE_ERROR

-- Errors and arguments -----------------------------------------------------

-- Raises `message` at the first caller outside this file, so that the
-- position is the user's line whichever helper found the fault.
local function raise(message)
    local level = 1
    while true do
        local info = debug.getinfo(level + 1, "S")
        if not info or info.source ~= SOURCE then
            break
        end
        level = level + 1
    end
    error(message, level + 1)
end

-- The class name of a gdtls object, or the Lua type of anything else.
local function describe(value)
    local mt = type(value) == "table" and getmetatable(value)
    return type(mt) == "table" and rawget(mt, "class_name") or type(value)
end

local function wrong(where, name, expected, value)
    raise(("%s: %s must be %s, got %s"):format(where, name, expected, describe(value)))
end

local INT32_MIN, INT32_MAX, UINT32_MAX = -2 ^ 31, 2 ^ 31 - 1, 2 ^ 32 - 1

local function check_integer(value, where, name, min, max)
    if type(value) ~= "number" or value ~= math.floor(value) or value < min or value > max then
        wrong(where, name, ("an integer from %d to %d"):format(min, max), value)
    end
    return value
end

local function int32(value, where, name)
    return check_integer(value, where, name, INT32_MIN, INT32_MAX)
end

local function uint32(value, where, name)
    return check_integer(value, where, name, 0, UINT32_MAX)
end

local function uint16(value, where, name)
    return check_integer(value, where, name, 0, 65535)
end

-- The C API reads NUL-terminated strings: one with a NUL inside would
-- silently lose its end, so it is refused here.
local function text(value, where, name, optional)
    if value == nil and optional then
        return nil
    end
    if type(value) ~= "string" then
        wrong(where, name, optional and "a string or nil" or "a string", value)
    elseif value:find("\0", 1, true) then
        raise(("%s: %s must not contain a NUL byte"):format(where, name))
    end
    return value
end

-- A boolean argument; nil takes `default`, or is refused without one.
local function boolean(value, where, name, default)
    if value == nil and default ~= nil then
        return default
    end
    if type(value) ~= "boolean" then
        wrong(where, name, "a boolean", value)
    end
    return value
end

local function bytes(value, where, name)
    if type(value) ~= "string" then
        wrong(where, name, "a string of bytes", value)
    end
    return value
end

-- The handle of `value`, a `cls` object passed as an argument. A freed one
-- is refused: the C API would take its NULL for "none" where an argument
-- is optional (no trusted chain: the system's CA bundle). Objects of
-- another copy of this module qualify: the declarations, and so the handle
-- types, are shared.
local function handle(cls, value, where, name, optional)
    if value == nil and optional then
        return nil
    end
    if describe(value) ~= cls.class_name then
        wrong(where, name, "a " .. cls.class_name .. (optional and " or nil" or ""), value)
    elseif not value._h then
        raise(("%s: %s is a freed %s"):format(where, name, cls.class_name))
    end
    return value._h
end

local function self_handle(cls, self, method)
    if describe(self) ~= cls.class_name then
        raise(("%s.%s: call it on a %s, with ':' (got %s)")
            :format(cls.class_name, method, cls.class_name, describe(self)))
    end
    return self._h
end

-- Data out -----------------------------------------------------------------

-- Room for any datagram and any text but the longest certificate chains.
local SCRATCH = gdtls.GDTLS_MAX_DATAGRAM + 1

-- A scratch buffer, lent to one call at a time: a host callback may make
-- another call before the first has copied its result out.
local spare

-- Calls `call(buf, cap, out_len)`, a C function that copies data out, and
-- returns the data as a Lua string, or nil and the error. When the data is
-- larger than the scratch buffer the library says its size and keeps it,
-- so a second call with a buffer that size gets it.
local function copy_out(call)
    local scratch = spare or { buf = ffi.new("uint8_t[?]", SCRATCH), len = ffi.new("size_t[1]") }
    spare = nil
    local result
    local err = call(scratch.buf, SCRATCH, scratch.len)
    if err == OK then
        result = ffi.string(scratch.buf, scratch.len[0])
    elseif err == ERR_PARAMETER_RANGE_ERROR and scratch.len[0] >= SCRATCH then
        local size = tonumber(scratch.len[0]) + 1
        local buf = ffi.new("uint8_t[?]", size)
        err = call(buf, size, scratch.len)
        if err == OK then
            result = ffi.string(buf, scratch.len[0])
        end
    end
    spare = scratch
    if result then
        return result
    end
    return nil, err
end

local UINT32_PAIR, INT32_PAIR = ffi.typeof("uint32_t[2]"), ffi.typeof("int32_t[2]")

-- Two numbers a C function stores through two pointers, or nil and the error.
local function two_out(ctype, call)
    local out = ctype()
    local err = call(out, out + 1)
    if err ~= OK then
        return nil, err
    end
    return out[0], out[1]
end

-- Callbacks ----------------------------------------------------------------

-- The library calls Lua through C functions made once, at first use
-- (LuaJIT has 500 to 1000 such slots in all): a host peer's four, a PSK
-- server's lookup, the release they share and the log's. The user_data
-- the library passes to the first ones, a number, says which host's Lua
-- functions they stand for; the release drops them.
local hosts = {}
local last_host = 0

-- The first error a callback raised during the current call. It must
-- not unwind through the library (the process would abort): the callback
-- reports a failure to it, and the method that made the call raises the
-- error once back in Lua.
local callback_error

local function callback_failed(label, err)
    callback_error = callback_error or ("%s: %s"):format(label, tostring(err))
end

-- A function that makes a value with `make` at its first call and returns
-- that value at every call.
local function made_once(make)
    local value
    return function()
        value = value or make()
        return value
    end
end

local function host_id(user_data)
    return tonumber(ffi.cast("uintptr_t", user_data))
end

local function run_host(body, name, user_data, ...)
    local host = assert(hosts[host_id(user_data)], "called after its release")
    return body(host[name], ...)
end

-- A C callback: `body(fn, ...)` calls the host's function `name` and
-- returns what the library expects, or raises; then the library gets
-- `failure`, and the error is reported under `label`.
local function trampoline(label, name, failure, body)
    return function(user_data, ...)
        local ok, result = pcall(run_host, body, name, user_data, ...)
        if ok then
            return result
        end
        callback_failed(label, result)
        return failure
    end
end

local function is_integer(value)
    return type(value) == "number" and value == math.floor(value)
end

-- The callbacks of every host peer, in the struct the library copies; its
-- release serves PSK lookups as well.
local shared_callbacks = made_once(function()
    local function host_callback(name, failure, body)
        return trampoline("PacketPeerUDP host callback " .. name, name, failure, body)
    end
    local t = ffi.new("gdtls_udp_callbacks")
    t.send = host_callback("send", FAILED, function(send, data, len)
        local result = send(ffi.string(data, len))
        if result ~= nil and not is_integer(result) then
            error("returned " .. type(result) .. ", not nil or an Error number", 0)
        end
        return result or OK
    end)
    t.receive = host_callback("receive", -2, function(receive, buf, cap)
        local data = receive()
        if data == nil then
            return -1
        elseif type(data) ~= "string" then
            error("returned " .. type(data) .. ", not a string or nil", 0)
        elseif #data > cap then
            error(("returned %d bytes, more than a datagram (%d)"):format(#data, tonumber(cap)), 0)
        end
        ffi.copy(buf, data, #data)
        return #data
    end)
    t.available = host_callback("available", -1, function(available)
        local count = available()
        if not is_integer(count) or count < 0 or count > INT32_MAX then
            error("returned " .. tostring(count) .. ", not a count", 0)
        end
        return count
    end)
    local release = host_callback("release", nil, function(fn)
        if fn then
            fn()
        end
    end)
    t.release = function(user_data)
        release(user_data)
        hosts[host_id(user_data)] = nil
    end
    return t
end)

-- A PSK server's lookup: the host's function gets the identity and
-- returns the key, or nil to refuse it.
local psk_lookup = made_once(function()
    return ffi.cast("gdtls_psk_lookup_fn", trampoline("TLSOptions.server_psk lookup", "lookup", 0,
        function(lookup, identity, identity_len, key_out, key_cap)
            local key = lookup(ffi.string(identity, identity_len))
            if key == nil then
                return 0
            elseif type(key) ~= "string" then
                error("returned " .. type(key) .. ", not a string or nil", 0)
            elseif #key == 0 or #key > key_cap then
                error(("returned %d bytes, not 1 to %d"):format(#key, tonumber(key_cap)), 0)
            end
            ffi.copy(key_out, key, #key)
            return #key
        end))
end)

-- Registers a host's Lua `functions` and returns `make(user_data)`, a
-- handle whose release will drop them. When the library refuses (NULL),
-- it will call no release: they are dropped at once.
local function hosted(functions, make)
    last_host = last_host + 1
    local id = last_host
    hosts[id] = functions
    local ptr = make(ffi.cast("void *", id))
    if ptr == nil then
        hosts[id] = nil
    end
    return ptr
end

-- The Lua function the library's log lines go to (nil: none), and the C
-- function the library calls for each.
local log_function
local log_callback = made_once(function()
    return ffi.cast("gdtls_log_fn", function(_, level, message)
        local ok, err = pcall(log_function, level, ffi.string(message))
        if not ok then
            callback_failed("gdtls log callback", err)
        end
    end)
end)

-- Classes ------------------------------------------------------------------

-- Makes a class: the metatable of its objects, holding their methods, with
-- `free` and `reference`. Returns it and `own(ptr)`, which wraps a handle
-- the caller owns (nil for NULL) into an object whose collection frees it.
local function class(name, free, reference)
    local cls = { class_name = name }
    cls.__index = cls

    local function own(ptr)
        if ptr == nil then
            return nil
        end
        return setmetatable({ _h = ffi.gc(ptr, free) }, cls)
    end

    function cls.__tostring(self)
        return name .. "<" .. (self._h and tostring(self._h):match("0x%x+") or "freed") .. ">"
    end

    --- Releases the object's handle now instead of at collection; later
    -- calls see a freed object, and a second `free` does nothing. Returns
    -- an Error number.
    function cls.free(self)
        local ptr = self_handle(cls, self, "free")
        if not ptr then
            return OK
        end
        self._h = nil
        return free(ffi.gc(ptr, nil))
    end

    --- A second object holding its own handle to the same object, as
    -- Godot's RefCounted.reference: it lives until both are freed. nil for
    -- a freed object.
    function cls.reference(self)
        return own(reference(self_handle(cls, self, "reference")))
    end

    return cls, own
end

-- An object the library made for the caller, or nil and the error it gave.
local function made(own, ptr)
    if ptr == nil then
        return nil, C.gdtls_get_last_error()
    end
    return own(ptr)
end

--- Godot's CryptoKey: an RSA or EC key, private or public only.
local CryptoKey, own_key = class("CryptoKey", C.gdtls_crypto_key_free, C.gdtls_crypto_key_reference)
gdtls.CryptoKey = CryptoKey

--- An empty key, to load.
function CryptoKey.new()
    return own_key(C.gdtls_crypto_key_new())
end

--- Loads a key file (PEM or DER), a public one with `public_only`.
function CryptoKey:load(path, public_only)
    local where = "CryptoKey.load"
    return C.gdtls_crypto_key_load(self_handle(CryptoKey, self, "load"), text(path, where, "path"),
        boolean(public_only, where, "public_only", false))
end

--- Loads a key from PEM text, a public one with `public_only`.
function CryptoKey:load_from_string(string_key, public_only)
    local where = "CryptoKey.load_from_string"
    return C.gdtls_crypto_key_load_from_string(self_handle(CryptoKey, self, "load_from_string"),
        text(string_key, where, "string_key"), boolean(public_only, where, "public_only", false))
end

--- Loads a key from the string `data`, DER or PEM (keys kept in memory or
-- an archive), a public one with `public_only`.
function CryptoKey:load_from_buffer(data, public_only)
    local where = "CryptoKey.load_from_buffer"
    local buffer = bytes(data, where, "data")
    return C.gdtls_crypto_key_load_from_buffer(self_handle(CryptoKey, self, "load_from_buffer"), buffer, #buffer,
        boolean(public_only, where, "public_only", false))
end

--- Saves the key as PEM, only its public part with `public_only`.
function CryptoKey:save(path, public_only)
    local where = "CryptoKey.save"
    return C.gdtls_crypto_key_save(self_handle(CryptoKey, self, "save"), text(path, where, "path"),
        boolean(public_only, where, "public_only", false))
end

--- The key as PEM text (only its public part with `public_only`), or nil
-- and the error.
function CryptoKey:save_to_string(public_only)
    local key = self_handle(CryptoKey, self, "save_to_string")
    local public = boolean(public_only, "CryptoKey.save_to_string", "public_only", false)
    return copy_out(function(buf, cap, len)
        return C.gdtls_crypto_key_save_to_string(key, public, buf, cap, len)
    end)
end

--- True when the key has no private part (loaded public only, or empty).
function CryptoKey:is_public_only()
    return C.gdtls_crypto_key_is_public_only(self_handle(CryptoKey, self, "is_public_only"))
end

--- Godot's X509Certificate: one certificate, or a chain of them in order.
local X509Certificate, own_certificate = class("X509Certificate",
    C.gdtls_x509_certificate_free, C.gdtls_x509_certificate_reference)
gdtls.X509Certificate = X509Certificate

--- An empty certificate, to load.
function X509Certificate.new()
    return own_certificate(C.gdtls_x509_certificate_new())
end

--- Loads every certificate of a file (a PEM chain, or one DER certificate).
function X509Certificate:load(path)
    return C.gdtls_x509_certificate_load(self_handle(X509Certificate, self, "load"),
        text(path, "X509Certificate.load", "path"))
end

--- Loads every certificate of PEM text.
function X509Certificate:load_from_string(string_cert)
    return C.gdtls_x509_certificate_load_from_string(self_handle(X509Certificate, self, "load_from_string"),
        text(string_cert, "X509Certificate.load_from_string", "string_cert"))
end

--- Loads certificates from the string `data`: one in DER or a chain in PEM.
function X509Certificate:load_from_buffer(data)
    local buffer = bytes(data, "X509Certificate.load_from_buffer", "data")
    return C.gdtls_x509_certificate_load_from_buffer(self_handle(X509Certificate, self, "load_from_buffer"),
        buffer, #buffer)
end

--- Saves the chain as PEM.
function X509Certificate:save(path)
    return C.gdtls_x509_certificate_save(self_handle(X509Certificate, self, "save"),
        text(path, "X509Certificate.save", "path"))
end

--- The chain as PEM text, or nil and the error.
function X509Certificate:save_to_string()
    local cert = self_handle(X509Certificate, self, "save_to_string")
    return copy_out(function(buf, cap, len)
        return C.gdtls_x509_certificate_save_to_string(cert, buf, cap, len)
    end)
end

--- How many certificates the chain holds.
function X509Certificate:get_count()
    return tonumber(C.gdtls_x509_certificate_get_count(self_handle(X509Certificate, self, "get_count")))
end

local SHA256 = ffi.typeof("uint8_t[32]")

--- The SHA-256 pin of the first certificate, 32 bytes as a string, for
-- `TLSOptions.add_pin`: of its public key (`kind`
-- gdtls.GDTLS_PIN_PUBLIC_KEY) or of the whole certificate
-- (gdtls.GDTLS_PIN_CERTIFICATE). Returns it, or nil and the error.
function X509Certificate:get_sha256_pin(kind)
    local out = SHA256()
    local err = C.gdtls_x509_certificate_get_sha256_pin(self_handle(X509Certificate, self, "get_sha256_pin"),
        int32(kind, "X509Certificate.get_sha256_pin", "kind"), out)
    if err ~= OK then
        return nil, err
    end
    return ffi.string(out, ffi.sizeof(out))
end

--- Godot's Crypto, for the methods DTLS needs. Godot calls them on an
-- instance (`crypto.generate_rsa(4096)`); here they need none, and
-- `Crypto.new():generate_rsa(4096)` works as well.
local Crypto = { class_name = "Crypto" }
Crypto.__index = Crypto
gdtls.Crypto = Crypto

--- A Crypto object, for code written as Godot's.
function Crypto.new()
    return setmetatable({}, Crypto)
end

-- The arguments of a Crypto method, without the Crypto it was called on.
local function crypto_args(first, ...)
    if first == Crypto or describe(first) == "Crypto" then
        return ...
    end
    return first, ...
end

--- A new RSA key of `size` bits (even, 512 to 8192), or nil and the error.
function Crypto.generate_rsa(...)
    local size = crypto_args(...)
    return made(own_key, C.gdtls_crypto_generate_rsa(int32(size, "Crypto.generate_rsa", "size")))
end

--- A new ECDSA key on `curve` ("P-256" or "P-384"), which makes handshakes
-- several times faster than RSA; or nil and the error.
function Crypto.generate_ecdsa(...)
    local curve = crypto_args(...)
    return made(own_key, C.gdtls_crypto_generate_ecdsa(text(curve, "Crypto.generate_ecdsa", "curve")))
end

--- A new self-signed certificate for `key`; nil strings take Godot's
-- defaults ("CN=myserver,O=myorganisation,C=IT", "20140101000000",
-- "20340101000000"). Returns it, or nil and the error.
function Crypto.generate_self_signed_certificate(...)
    local key, issuer_name, not_before, not_after = crypto_args(...)
    local where = "Crypto.generate_self_signed_certificate"
    return made(own_certificate, C.gdtls_crypto_generate_self_signed_certificate(
        handle(CryptoKey, key, where, "key"), text(issuer_name, where, "issuer_name", true),
        text(not_before, where, "not_before", true), text(not_after, where, "not_after", true)))
end

--- Godot's TLSOptions: what a client trusts, or what a server presents.
local TLSOptions, own_options = class("TLSOptions", C.gdtls_tls_options_free, C.gdtls_tls_options_reference)
gdtls.TLSOptions = TLSOptions

--- Options for a client that verifies the server against `trusted_chain`
-- (nil: the system's CA bundle) and the host name, or
-- `common_name_override`. Returns them, or nil and the error.
function TLSOptions.client(trusted_chain, common_name_override)
    local where = "TLSOptions.client"
    return made(own_options, C.gdtls_tls_options_client(
        handle(X509Certificate, trusted_chain, where, "trusted_chain", true),
        text(common_name_override, where, "common_name_override", true)))
end

--- Options for a client that verifies nothing: for testing only.
function TLSOptions.client_unsafe(trusted_chain)
    return made(own_options, C.gdtls_tls_options_client_unsafe(
        handle(X509Certificate, trusted_chain, "TLSOptions.client_unsafe", "trusted_chain", true)))
end

--- Options for a server presenting `own_certificate` (and the rest of its
-- chain) with `key`. Returns them, or nil and the error.
function TLSOptions.server(key, own_certificate)
    local where = "TLSOptions.server"
    return made(own_options, C.gdtls_tls_options_server(handle(CryptoKey, key, where, "key"),
        handle(X509Certificate, own_certificate, where, "own_certificate")))
end

--- Options for a client that proves itself with a pre-shared key instead
-- of certificates: the string `identity` (1 to 128 bytes) names it, the
-- string `key` (1 to gdtls.GDTLS_MAX_PSK_LEN bytes) is the secret both
-- sides know. Returns them, or nil and the error.
function TLSOptions.client_psk(identity, key)
    local where = "TLSOptions.client_psk"
    local id, secret = bytes(identity, where, "identity"), bytes(key, where, "key")
    return made(own_options, C.gdtls_tls_options_client_psk(id, #id, secret, #secret))
end

--- Options for a server that accepts clients by pre-shared key:
-- `lookup(identity)` gets a client's identity (a string) and returns its
-- key (a string of 1 to gdtls.GDTLS_MAX_PSK_LEN bytes), or nil to refuse
-- it. It runs during the calls of the DTLS server and connections made
-- with these options, which hold it until the last of them is released;
-- an error it raises refuses the identity and is raised again by the
-- method that ran it. Returns the options, or nil and the error.
function TLSOptions.server_psk(lookup)
    if type(lookup) ~= "function" then
        wrong("TLSOptions.server_psk", "lookup", "a function", lookup)
    end
    return made(own_options, hosted({ lookup = lookup }, function(user_data)
        return C.gdtls_tls_options_server_psk(psk_lookup(), user_data, shared_callbacks().release)
    end))
end

--- Options for a PSK server whose one `key` (a string of 1 to
-- gdtls.GDTLS_MAX_PSK_LEN bytes) opens every client identity. Returns
-- them, or nil and the error.
function TLSOptions.server_psk_key(key)
    local secret = bytes(key, "TLSOptions.server_psk_key", "key")
    return made(own_options, C.gdtls_tls_options_server_psk_key(secret, #secret))
end

--- True for server options.
function TLSOptions:is_server()
    return C.gdtls_tls_options_is_server(self_handle(TLSOptions, self, "is_server"))
end

--- True for options from `client_unsafe`.
function TLSOptions:is_unsafe_client()
    return C.gdtls_tls_options_is_unsafe_client(self_handle(TLSOptions, self, "is_unsafe_client"))
end

--- The common name override, "" when none.
function TLSOptions:get_common_name_override()
    local options = self_handle(TLSOptions, self, "get_common_name_override")
    return copy_out(function(buf, cap, len)
        return C.gdtls_tls_options_get_common_name_override(options, buf, cap, len)
    end)
end

--- The trusted CA chain, or nil when there is none.
function TLSOptions:get_trusted_ca_chain()
    return own_certificate(C.gdtls_tls_options_get_trusted_ca_chain(
        self_handle(TLSOptions, self, "get_trusted_ca_chain")))
end

--- A server's private key, or nil for a client's options.
function TLSOptions:get_private_key()
    return own_key(C.gdtls_tls_options_get_private_key(self_handle(TLSOptions, self, "get_private_key")))
end

--- A server's own certificate, or nil for a client's options.
function TLSOptions:get_own_certificate()
    return own_certificate(C.gdtls_tls_options_get_own_certificate(
        self_handle(TLSOptions, self, "get_own_certificate")))
end

-- gdtls's settings below apply to the connections and server setups made
-- after them.

--- Adds a pin: the other side's chain must hold a public key (`kind`
-- gdtls.GDTLS_PIN_PUBLIC_KEY) or a certificate (gdtls.GDTLS_PIN_CERTIFICATE)
-- whose SHA-256 is `sha256` (32 bytes, as `X509Certificate.get_sha256_pin`
-- gives) or that of another pin, or the handshake fails with
-- ERR_UNAUTHORIZED. With `client_unsafe` the pins stand in for a CA.
function TLSOptions:add_pin(kind, sha256)
    local where = "TLSOptions.add_pin"
    local options = self_handle(TLSOptions, self, "add_pin")
    kind = int32(kind, where, "kind")
    -- The library reads 32 bytes, whatever the string's length.
    if type(sha256) ~= "string" or #sha256 ~= ffi.sizeof(SHA256) then
        raise(("%s: sha256 must be a string of 32 bytes, got %s"):format(where,
            type(sha256) == "string" and #sha256 .. " bytes" or describe(sha256)))
    end
    return C.gdtls_tls_options_add_pin(options, kind, sha256)
end

--- Adds the certificate revocation lists of the string `data` (PEM, or
-- one list in DER): a certificate they revoke is refused.
function TLSOptions:add_crl(data)
    local buffer = bytes(data, "TLSOptions.add_crl", "data")
    return C.gdtls_tls_options_add_crl(self_handle(TLSOptions, self, "add_crl"), buffer, #buffer)
end

--- Sets the largest datagram connections write (gdtls.GDTLS_MIN_MTU to
-- gdtls.GDTLS_MAX_MTU; default gdtls.GDTLS_DTLS_MTU).
function TLSOptions:set_mtu(mtu)
    return C.gdtls_tls_options_set_mtu(self_handle(TLSOptions, self, "set_mtu"),
        uint16(mtu, "TLSOptions.set_mtu", "mtu"))
end

--- The largest datagram connections write.
function TLSOptions:get_mtu()
    return C.gdtls_tls_options_get_mtu(self_handle(TLSOptions, self, "get_mtu"))
end

--- Sets the cipher suites to offer or accept, by mbedTLS's names in order
-- of preference, separated by commas or colons
-- ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256,..."); nil or "" restores the
-- default (forward-secret AEAD suites). ERR_INVALID_PARAMETER names an
-- unknown one in the last error message.
function TLSOptions:set_cipher_suites(names)
    return C.gdtls_tls_options_set_cipher_suites(self_handle(TLSOptions, self, "set_cipher_suites"),
        text(names, "TLSOptions.set_cipher_suites", "names", true))
end

--- Sets the key exchange's curves in order of preference ("x25519,secp256r1");
-- nil or "" restores the default.
function TLSOptions:set_curves(names)
    return C.gdtls_tls_options_set_curves(self_handle(TLSOptions, self, "set_curves"),
        text(names, "TLSOptions.set_curves", "names", true))
end

--- Gives client options a certificate (and the rest of its chain) and its
-- private key, for servers that ask for one.
function TLSOptions:set_client_certificate(key, certificate)
    local where = "TLSOptions.set_client_certificate"
    return C.gdtls_tls_options_set_client_certificate(self_handle(TLSOptions, self, "set_client_certificate"),
        handle(CryptoKey, key, where, "key"), handle(X509Certificate, certificate, where, "certificate"))
end

--- Makes a server ask each client for a certificate chaining to
-- `trusted_chain`: with `required` (default true) a client without one
-- is refused, without it let in.
function TLSOptions:set_client_verification(trusted_chain, required)
    local where = "TLSOptions.set_client_verification"
    return C.gdtls_tls_options_set_client_verification(self_handle(TLSOptions, self, "set_client_verification"),
        handle(X509Certificate, trusted_chain, where, "trusted_chain"), boolean(required, where, "required", true))
end

--- Sets whether clients made with the options resume their sessions when
-- they reconnect to a server (on by default).
function TLSOptions:set_session_resumption(enabled)
    return C.gdtls_tls_options_set_session_resumption(self_handle(TLSOptions, self, "set_session_resumption"),
        boolean(enabled, "TLSOptions.set_session_resumption", "enabled"))
end

--- True when clients made with the options resume sessions.
function TLSOptions:get_session_resumption()
    return C.gdtls_tls_options_get_session_resumption(self_handle(TLSOptions, self, "get_session_resumption"))
end

--- Godot's PacketPeerUDP: a UDP socket, a peer taken from a UDPServer, or a
-- peer whose datagrams the host carries (`new_from_callbacks`).
local PacketPeerUDP, own_udp = class("PacketPeerUDP", C.gdtls_packet_peer_udp_free, C.gdtls_packet_peer_udp_reference)
gdtls.PacketPeerUDP = PacketPeerUDP

--- A peer without a socket.
function PacketPeerUDP.new()
    return own_udp(C.gdtls_packet_peer_udp_new())
end

--- Binds to `port` (0: any) on `bind_address` (default "*": every
-- address), queueing up to `recv_buf_size` bytes (default 65536).
function PacketPeerUDP:bind(port, bind_address, recv_buf_size)
    local where = "PacketPeerUDP.bind"
    return C.gdtls_packet_peer_udp_bind(self_handle(PacketPeerUDP, self, "bind"), int32(port, where, "port"),
        text(bind_address, where, "bind_address", true),
        int32(recv_buf_size or gdtls.GDTLS_DEFAULT_RECV_BUF_SIZE, where, "recv_buf_size"))
end

--- Closes the socket and drops queued packets.
function PacketPeerUDP:close()
    return C.gdtls_packet_peer_udp_close(self_handle(PacketPeerUDP, self, "close"))
end

--- Connects to `host` (an address or a name) and `port`.
function PacketPeerUDP:connect_to_host(host, port)
    local where = "PacketPeerUDP.connect_to_host"
    return C.gdtls_packet_peer_udp_connect_to_host(self_handle(PacketPeerUDP, self, "connect_to_host"),
        text(host, where, "host"), int32(port, where, "port"))
end

--- True for a connected peer.
function PacketPeerUDP:is_socket_connected()
    return C.gdtls_packet_peer_udp_is_socket_connected(self_handle(PacketPeerUDP, self, "is_socket_connected"))
end

--- True when the peer has a socket.
function PacketPeerUDP:is_bound()
    return C.gdtls_packet_peer_udp_is_bound(self_handle(PacketPeerUDP, self, "is_bound"))
end

--- Sets where `put_packet` sends, for a peer that is not connected.
function PacketPeerUDP:set_dest_address(host, port)
    local where = "PacketPeerUDP.set_dest_address"
    return C.gdtls_packet_peer_udp_set_dest_address(self_handle(PacketPeerUDP, self, "set_dest_address"),
        text(host, where, "host"), int32(port, where, "port"))
end

--- Sends the string `buffer` as one datagram.
function PacketPeerUDP:put_packet(buffer)
    local data = bytes(buffer, "PacketPeerUDP.put_packet", "buffer")
    return C.gdtls_packet_peer_udp_put_packet(self_handle(PacketPeerUDP, self, "put_packet"), data, #data)
end

--- The next datagram as a string, or nil and the error (ERR_UNAVAILABLE
-- when none is waiting).
function PacketPeerUDP:get_packet()
    local peer = self_handle(PacketPeerUDP, self, "get_packet")
    return copy_out(function(buf, cap, len)
        return C.gdtls_packet_peer_udp_get_packet(peer, buf, cap, len)
    end)
end

--- How many datagrams are waiting; -1 without a socket.
function PacketPeerUDP:get_available_packet_count()
    return C.gdtls_packet_peer_udp_get_available_packet_count(
        self_handle(PacketPeerUDP, self, "get_available_packet_count"))
end

--- The address the last datagram came from ("" before any).
function PacketPeerUDP:get_packet_ip()
    local peer = self_handle(PacketPeerUDP, self, "get_packet_ip")
    return copy_out(function(buf, cap, len)
        return C.gdtls_packet_peer_udp_get_packet_ip(peer, buf, cap, len)
    end)
end

--- The port the last datagram came from (0 before any).
function PacketPeerUDP:get_packet_port()
    return C.gdtls_packet_peer_udp_get_packet_port(self_handle(PacketPeerUDP, self, "get_packet_port"))
end

--- The socket's local port (0 without one).
function PacketPeerUDP:get_local_port()
    return C.gdtls_packet_peer_udp_get_local_port(self_handle(PacketPeerUDP, self, "get_local_port"))
end

--- The socket's descriptor, to wait on in an event loop (a server's peer:
-- the server's socket); -1 without one or over a host's transport. It
-- stays gdtls's: do not read, write or close it.
function PacketPeerUDP:get_socket_fd()
    return C.gdtls_packet_peer_udp_get_socket_fd(self_handle(PacketPeerUDP, self, "get_socket_fd"))
end

--- Blocks until a datagram is waiting.
function PacketPeerUDP:wait()
    return C.gdtls_packet_peer_udp_wait(self_handle(PacketPeerUDP, self, "wait"))
end

--- Blocks until a datagram is waiting, for at most `timeout_msec`
-- milliseconds (then ERR_TIMEOUT).
function PacketPeerUDP:wait_timeout(timeout_msec)
    return C.gdtls_packet_peer_udp_wait_timeout(self_handle(PacketPeerUDP, self, "wait_timeout"),
        uint32(timeout_msec, "PacketPeerUDP.wait_timeout", "timeout_msec"))
end

--- The largest datagram `put_packet` takes.
function PacketPeerUDP:get_max_packet_size()
    return C.gdtls_packet_peer_udp_get_max_packet_size(self_handle(PacketPeerUDP, self, "get_max_packet_size"))
end

--- Allows or forbids sending to broadcast addresses.
function PacketPeerUDP:set_broadcast_enabled(enabled)
    return C.gdtls_packet_peer_udp_set_broadcast_enabled(self_handle(PacketPeerUDP, self, "set_broadcast_enabled"),
        boolean(enabled, "PacketPeerUDP.set_broadcast_enabled", "enabled"))
end

--- Receives what is sent to the group `multicast_address` on the
-- interface `interface_name` (nil or "": the system's choice).
function PacketPeerUDP:join_multicast_group(multicast_address, interface_name)
    local where = "PacketPeerUDP.join_multicast_group"
    return C.gdtls_packet_peer_udp_join_multicast_group(self_handle(PacketPeerUDP, self, "join_multicast_group"),
        text(multicast_address, where, "multicast_address"), text(interface_name, where, "interface_name", true))
end

--- Stops receiving what is sent to a group joined before.
function PacketPeerUDP:leave_multicast_group(multicast_address, interface_name)
    local where = "PacketPeerUDP.leave_multicast_group"
    return C.gdtls_packet_peer_udp_leave_multicast_group(self_handle(PacketPeerUDP, self, "leave_multicast_group"),
        text(multicast_address, where, "multicast_address"), text(interface_name, where, "interface_name", true))
end

--- A connected peer whose datagrams the host carries, through the
-- functions of the table `callbacks`:
--   send(data): sends the string `data`; returns nil (sent, or lost as
--     networks lose datagrams) or an Error number (ERR_BUSY: not now,
--     ERR_CONNECTION_ERROR: the other side is gone).
--   receive(): the next waiting datagram as a string, or nil for none.
--   available() (optional): how many datagrams are waiting.
--   release() (optional): called once when the peer is closed or freed.
-- They run during the calls of gdtls objects over this peer, and must not
-- call this peer or a DTLS object over it. An error they raise is raised
-- again by the method that made them run (for a release the collector
-- ran, by the next method of a TLSOptions, PacketPeerUDP, PacketPeerDTLS
-- or DTLSServer). The peer holds the functions until it is released: if
-- they hold the peer, free it, as the collector cannot. Returns the peer,
-- or nil and the error.
function PacketPeerUDP.new_from_callbacks(callbacks)
    local where = "PacketPeerUDP.new_from_callbacks"
    if type(callbacks) ~= "table" then
        wrong(where, "callbacks", "a table of functions", callbacks)
    end
    local host = {}
    for _, name in ipairs({ "send", "receive", "available", "release" }) do
        local fn = callbacks[name]
        local required = name == "send" or name == "receive"
        if type(fn) ~= "function" and (required or fn ~= nil) then
            wrong(where, "callbacks." .. name, required and "a function" or "a function or nil", fn)
        end
        host[name] = fn
    end
    return made(own_udp, hosted(host, function(user_data)
        local c = ffi.new("gdtls_udp_callbacks", shared_callbacks())
        c.user_data = user_data
        if not host.available then
            c.available = nil
        end
        return C.gdtls_packet_peer_udp_new_from_callbacks(c)
    end))
end

--- Godot's UDPServer: one socket whose datagrams are sorted by source into
-- peers.
local UDPServer, own_udp_server = class("UDPServer", C.gdtls_udp_server_free, C.gdtls_udp_server_reference)
gdtls.UDPServer = UDPServer

--- A server that is not listening.
function UDPServer.new()
    return own_udp_server(C.gdtls_udp_server_new())
end

--- Listens on `port` (0: any) of `bind_address` (default "*": every address).
function UDPServer:listen(port, bind_address)
    local where = "UDPServer.listen"
    return C.gdtls_udp_server_listen(self_handle(UDPServer, self, "listen"), int32(port, where, "port"),
        text(bind_address, where, "bind_address", true))
end

--- Reads the socket and sorts what arrived into peers.
function UDPServer:poll()
    return C.gdtls_udp_server_poll(self_handle(UDPServer, self, "poll"))
end

--- True when a new source waits for `take_connection`.
function UDPServer:is_connection_available()
    return C.gdtls_udp_server_is_connection_available(self_handle(UDPServer, self, "is_connection_available"))
end

--- The oldest new source as a connected PacketPeerUDP, or nil when none.
function UDPServer:take_connection()
    return own_udp(C.gdtls_udp_server_take_connection(self_handle(UDPServer, self, "take_connection")))
end

--- Stops listening: pending connections are dropped, taken peers closed.
function UDPServer:stop()
    return C.gdtls_udp_server_stop(self_handle(UDPServer, self, "stop"))
end

--- True while listening.
function UDPServer:is_listening()
    return C.gdtls_udp_server_is_listening(self_handle(UDPServer, self, "is_listening"))
end

--- The port listened on (0 when not listening).
function UDPServer:get_local_port()
    return C.gdtls_udp_server_get_local_port(self_handle(UDPServer, self, "get_local_port"))
end

--- The socket's descriptor, to wait on in an event loop (when readable,
-- `poll` the server, then its connections); -1 when not listening. It
-- stays gdtls's: do not read, write or close it.
function UDPServer:get_socket_fd()
    return C.gdtls_udp_server_get_socket_fd(self_handle(UDPServer, self, "get_socket_fd"))
end

--- Sets how many connections may be pending at once (Godot's
-- max_pending_connections).
function UDPServer:set_max_pending_connections(max_pending_connections)
    return C.gdtls_udp_server_set_max_pending_connections(self_handle(UDPServer, self, "set_max_pending_connections"),
        int32(max_pending_connections, "UDPServer.set_max_pending_connections", "max_pending_connections"))
end

--- How many connections may be pending at once.
function UDPServer:get_max_pending_connections()
    return C.gdtls_udp_server_get_max_pending_connections(self_handle(UDPServer, self, "get_max_pending_connections"))
end

--- Godot's PacketPeerDTLS: one DTLS connection over a PacketPeerUDP.
local PacketPeerDTLS, own_dtls_peer = class("PacketPeerDTLS",
    C.gdtls_packet_peer_dtls_free, C.gdtls_packet_peer_dtls_reference)
gdtls.PacketPeerDTLS = PacketPeerDTLS

-- Godot's Status: PacketPeerDTLS.STATUS_DISCONNECTED, ..._CONNECTED, ...
for key, value in pairs(enum_values("gdtls_packet_peer_dtls_status")) do
    PacketPeerDTLS[key] = value
end

--- A peer that is not connected.
function PacketPeerDTLS.new()
    return own_dtls_peer(C.gdtls_packet_peer_dtls_new())
end

--- Starts a handshake as a client over the connected `packet_peer`,
-- verifying the server for `hostname` as `client_options` say (nil:
-- against the system's CA bundle).
function PacketPeerDTLS:connect_to_peer(packet_peer, hostname, client_options)
    local where = "PacketPeerDTLS.connect_to_peer"
    return C.gdtls_packet_peer_dtls_connect_to_peer(self_handle(PacketPeerDTLS, self, "connect_to_peer"),
        handle(PacketPeerUDP, packet_peer, where, "packet_peer"), text(hostname, where, "hostname", true),
        handle(TLSOptions, client_options, where, "client_options", true))
end

--- Godot 3.2's connect_to_peer(packet_peer, validate_certs = true,
-- for_hostname = "", valid_certificate = nil).
function PacketPeerDTLS:connect_to_peer_godot3(packet_peer, validate_certs, for_hostname, valid_certificate)
    local where = "PacketPeerDTLS.connect_to_peer_godot3"
    return C.gdtls_packet_peer_dtls_connect_to_peer_godot3(self_handle(PacketPeerDTLS, self, "connect_to_peer_godot3"),
        handle(PacketPeerUDP, packet_peer, where, "packet_peer"),
        boolean(validate_certs, where, "validate_certs", true),
        text(for_hostname, where, "for_hostname", true),
        handle(X509Certificate, valid_certificate, where, "valid_certificate", true))
end

--- Drives the handshake, retransmissions and reads: call it every frame.
function PacketPeerDTLS:poll()
    return C.gdtls_packet_peer_dtls_poll(self_handle(PacketPeerDTLS, self, "poll"))
end

--- The connection's status, one of PacketPeerDTLS.STATUS_*.
function PacketPeerDTLS:get_status()
    return C.gdtls_packet_peer_dtls_get_status(self_handle(PacketPeerDTLS, self, "get_status"))
end

--- Ends the connection, telling the other side.
function PacketPeerDTLS:disconnect_from_peer()
    return C.gdtls_packet_peer_dtls_disconnect_from_peer(self_handle(PacketPeerDTLS, self, "disconnect_from_peer"))
end

--- Sends the string `buffer` as one encrypted packet.
function PacketPeerDTLS:put_packet(buffer)
    local data = bytes(buffer, "PacketPeerDTLS.put_packet", "buffer")
    return C.gdtls_packet_peer_dtls_put_packet(self_handle(PacketPeerDTLS, self, "put_packet"), data, #data)
end

--- The next received packet as a string, or nil and the error.
function PacketPeerDTLS:get_packet()
    local peer = self_handle(PacketPeerDTLS, self, "get_packet")
    return copy_out(function(buf, cap, len)
        return C.gdtls_packet_peer_dtls_get_packet(peer, buf, cap, len)
    end)
end

--- How many received packets wait to be read.
function PacketPeerDTLS:get_available_packet_count()
    return C.gdtls_packet_peer_dtls_get_available_packet_count(
        self_handle(PacketPeerDTLS, self, "get_available_packet_count"))
end

--- The largest packet `put_packet` takes.
function PacketPeerDTLS:get_max_packet_size()
    return C.gdtls_packet_peer_dtls_get_max_packet_size(self_handle(PacketPeerDTLS, self, "get_max_packet_size"))
end

--- Ends a connection silent for `msec` milliseconds (0: never).
function PacketPeerDTLS:set_idle_timeout_msec(msec)
    return C.gdtls_packet_peer_dtls_set_idle_timeout_msec(self_handle(PacketPeerDTLS, self, "set_idle_timeout_msec"),
        uint32(msec, "PacketPeerDTLS.set_idle_timeout_msec", "msec"))
end

--- The idle timeout in milliseconds (0: none).
function PacketPeerDTLS:get_idle_timeout_msec()
    return C.gdtls_packet_peer_dtls_get_idle_timeout_msec(self_handle(PacketPeerDTLS, self, "get_idle_timeout_msec"))
end

--- How long the other side has been silent, in milliseconds.
function PacketPeerDTLS:get_idle_time_msec()
    return tonumber(C.gdtls_packet_peer_dtls_get_idle_time_msec(
        self_handle(PacketPeerDTLS, self, "get_idle_time_msec")))
end

--- Sets the next handshake's first and largest retransmission interval.
function PacketPeerDTLS:set_handshake_timeout_msec(min_msec, max_msec)
    local where = "PacketPeerDTLS.set_handshake_timeout_msec"
    return C.gdtls_packet_peer_dtls_set_handshake_timeout_msec(
        self_handle(PacketPeerDTLS, self, "set_handshake_timeout_msec"),
        uint32(min_msec, where, "min_msec"), uint32(max_msec, where, "max_msec"))
end

--- The next handshake's first and largest retransmission interval (two
-- numbers), or nil and the error.
function PacketPeerDTLS:get_handshake_timeout_msec()
    local peer = self_handle(PacketPeerDTLS, self, "get_handshake_timeout_msec")
    return two_out(UINT32_PAIR, function(min_msec, max_msec)
        return C.gdtls_packet_peer_dtls_get_handshake_timeout_msec(peer, min_msec, max_msec)
    end)
end

--- The protocol the connection negotiated ("DTLSv1.2"), or nil and the
-- error (ERR_UNAVAILABLE before a handshake completed).
function PacketPeerDTLS:get_protocol_version()
    local peer = self_handle(PacketPeerDTLS, self, "get_protocol_version")
    return copy_out(function(buf, cap, len)
        return C.gdtls_packet_peer_dtls_get_protocol_version(peer, buf, cap, len)
    end)
end

--- The cipher suite the connection negotiated, by mbedTLS's name
-- ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"), or nil and the error.
function PacketPeerDTLS:get_cipher_suite()
    local peer = self_handle(PacketPeerDTLS, self, "get_cipher_suite")
    return copy_out(function(buf, cap, len)
        return C.gdtls_packet_peer_dtls_get_cipher_suite(peer, buf, cap, len)
    end)
end

--- The certificates the other side presented while connected, or nil and
-- the error (ERR_UNAVAILABLE when there are none).
function PacketPeerDTLS:get_peer_certificate()
    return made(own_certificate, C.gdtls_packet_peer_dtls_get_peer_certificate(
        self_handle(PacketPeerDTLS, self, "get_peer_certificate")))
end

--- True when the handshake resumed an earlier session.
function PacketPeerDTLS:is_session_resumed()
    return C.gdtls_packet_peer_dtls_is_session_resumed(self_handle(PacketPeerDTLS, self, "is_session_resumed"))
end

--- How long the handshake took, in microseconds (0 before it completed).
function PacketPeerDTLS:get_handshake_duration_usec()
    return tonumber(C.gdtls_packet_peer_dtls_get_handshake_duration_usec(
        self_handle(PacketPeerDTLS, self, "get_handshake_duration_usec")))
end

--- How many handshake flights were sent again for want of an answer.
function PacketPeerDTLS:get_retransmissions()
    return C.gdtls_packet_peer_dtls_get_retransmissions(self_handle(PacketPeerDTLS, self, "get_retransmissions"))
end

local TRAFFIC = ffi.typeof("gdtls_traffic")

--- What the current or last connection carried, every datagram with its
-- headers: a table of datagrams_received, bytes_received, datagrams_sent
-- and bytes_sent; or nil and the error.
function PacketPeerDTLS:get_traffic()
    local out = TRAFFIC()
    local err = C.gdtls_packet_peer_dtls_get_traffic(self_handle(PacketPeerDTLS, self, "get_traffic"), out)
    if err ~= OK then
        return nil, err
    end
    return {
        datagrams_received = tonumber(out.datagrams_received),
        bytes_received = tonumber(out.bytes_received),
        datagrams_sent = tonumber(out.datagrams_sent),
        bytes_sent = tonumber(out.bytes_sent),
    }
end

--- How long an event loop may sleep before it must `poll` even if no
-- datagram arrives, in milliseconds: 0 when due now, -1 when no timer
-- runs (wait on the socket alone). Read it again after each poll.
function PacketPeerDTLS:get_next_timeout_msec()
    return tonumber(C.gdtls_packet_peer_dtls_get_next_timeout_msec(
        self_handle(PacketPeerDTLS, self, "get_next_timeout_msec")))
end

--- Godot's DTLSServer: turns a UDPServer's peers into DTLS connections.
local DTLSServer, own_dtls_server = class("DTLSServer", C.gdtls_dtls_server_free, C.gdtls_dtls_server_reference)
gdtls.DTLSServer = DTLSServer

--- A server that is not set up.
function DTLSServer.new()
    return own_dtls_server(C.gdtls_dtls_server_new())
end

--- Sets the server up with TLSOptions.server(...).
function DTLSServer:setup(server_options)
    return C.gdtls_dtls_server_setup(self_handle(DTLSServer, self, "setup"),
        handle(TLSOptions, server_options, "DTLSServer.setup", "server_options"))
end

--- Godot 3.2's setup(key, certificate, chain = nil).
function DTLSServer:setup_godot3(key, certificate, chain)
    local where = "DTLSServer.setup_godot3"
    return C.gdtls_dtls_server_setup_godot3(self_handle(DTLSServer, self, "setup_godot3"),
        handle(CryptoKey, key, where, "key"), handle(X509Certificate, certificate, where, "certificate"),
        handle(X509Certificate, chain, where, "chain", true))
end

--- Answers the connected `udp_peer` and returns its PacketPeerDTLS: keep
-- it when STATUS_HANDSHAKING (a client whose cookie verified).
function DTLSServer:take_connection(udp_peer)
    return own_dtls_peer(C.gdtls_dtls_server_take_connection(self_handle(DTLSServer, self, "take_connection"),
        handle(PacketPeerUDP, udp_peer, "DTLSServer.take_connection", "udp_peer")))
end

--- Sets the first and largest retransmission interval of new connections'
-- handshakes.
function DTLSServer:set_handshake_timeout_msec(min_msec, max_msec)
    local where = "DTLSServer.set_handshake_timeout_msec"
    return C.gdtls_dtls_server_set_handshake_timeout_msec(self_handle(DTLSServer, self, "set_handshake_timeout_msec"),
        uint32(min_msec, where, "min_msec"), uint32(max_msec, where, "max_msec"))
end

--- The first and largest retransmission interval of new connections'
-- handshakes (two numbers), or nil and the error.
function DTLSServer:get_handshake_timeout_msec()
    local server = self_handle(DTLSServer, self, "get_handshake_timeout_msec")
    return two_out(UINT32_PAIR, function(min_msec, max_msec)
        return C.gdtls_dtls_server_get_handshake_timeout_msec(server, min_msec, max_msec)
    end)
end

--- Sets the idle timeout of new connections (0: none).
function DTLSServer:set_idle_timeout_msec(msec)
    return C.gdtls_dtls_server_set_idle_timeout_msec(self_handle(DTLSServer, self, "set_idle_timeout_msec"),
        uint32(msec, "DTLSServer.set_idle_timeout_msec", "msec"))
end

--- The idle timeout of new connections in milliseconds.
function DTLSServer:get_idle_timeout_msec()
    return C.gdtls_dtls_server_get_idle_timeout_msec(self_handle(DTLSServer, self, "get_idle_timeout_msec"))
end

--- Sets how many handshakes run at once, in all and per source.
function DTLSServer:set_max_handshakes(max_total, max_per_source)
    local where = "DTLSServer.set_max_handshakes"
    return C.gdtls_dtls_server_set_max_handshakes(self_handle(DTLSServer, self, "set_max_handshakes"),
        int32(max_total, where, "max_total"), int32(max_per_source, where, "max_per_source"))
end

--- The two handshake limits (in all, per source), or nil and the error.
function DTLSServer:get_max_handshakes()
    local server = self_handle(DTLSServer, self, "get_max_handshakes")
    return two_out(INT32_PAIR, function(max_total, max_per_source)
        return C.gdtls_dtls_server_get_max_handshakes(server, max_total, max_per_source)
    end)
end

--- How many connections taken from the server are handshaking now.
function DTLSServer:get_handshake_count()
    return C.gdtls_dtls_server_get_handshake_count(self_handle(DTLSServer, self, "get_handshake_count"))
end

--- Sets how long the session tickets the server gives from now on last,
-- in seconds (0: no tickets, as Godot; default
-- gdtls.GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC). Tickets given before
-- are refused after a change.
function DTLSServer:set_session_ticket_lifetime_sec(sec)
    return C.gdtls_dtls_server_set_session_ticket_lifetime_sec(
        self_handle(DTLSServer, self, "set_session_ticket_lifetime_sec"),
        uint32(sec, "DTLSServer.set_session_ticket_lifetime_sec", "sec"))
end

--- The session ticket lifetime in seconds (0: no tickets).
function DTLSServer:get_session_ticket_lifetime_sec()
    return C.gdtls_dtls_server_get_session_ticket_lifetime_sec(
        self_handle(DTLSServer, self, "get_session_ticket_lifetime_sec"))
end

-- LuaJIT cannot enter Lua from a C function that compiled code called (it
-- panics: "bad callback"). A call on a UDP peer, a DTLS peer or a DTLS
-- server may reach a host's callbacks, a PSK lookup or the log callback,
-- and releasing options may release a lookup. So their methods, with the
-- functions defined in them that make the calls, run in the interpreter,
-- and raise what a callback raised meanwhile.
local function raise_callback_error(...)
    if callback_error then
        local message = callback_error
        callback_error = nil
        raise(message)
    end
    return ...
end

for _, cls in ipairs({ TLSOptions, PacketPeerUDP, PacketPeerDTLS, DTLSServer }) do
    for name, method in pairs(cls) do
        if type(method) == "function" then
            jit.off(method, true)
            cls[name] = function(...)
                return raise_callback_error(method(...))
            end
        end
    end
end

-- Errors and the library ---------------------------------------------------

--- The Error number of the last failing call on this thread (gdtls.OK if none).
function gdtls.get_last_error()
    return C.gdtls_get_last_error()
end

--- What the last failing call on this thread got wrong, in words ("" if none).
function gdtls.get_last_error_message()
    return ffi.string(C.gdtls_get_last_error_message())
end

--- Forgets this thread's last error.
function gdtls.clear_last_error()
    C.gdtls_clear_last_error()
end

--- Godot's short description of an Error number.
function gdtls.error_string(err)
    return ffi.string(C.gdtls_error_string(int32(err, "gdtls.error_string", "err")))
end

--- How many handles of any class are live in the library.
function gdtls.live_handle_count()
    return tonumber(C.gdtls_live_handle_count())
end

--- The library's version as one number, MAJOR << 16 | MINOR << 8 | PATCH,
-- to compare with gdtls.GDTLS_VERSION_NUMBER.
function gdtls.version_number()
    return C.gdtls_version_number()
end

--- Sends the library's log lines up to `level` (gdtls.GDTLS_LOG_ERROR to
-- gdtls.GDTLS_LOG_VERBOSE) to `callback(level, line)`, from now on; nil
-- (or gdtls.GDTLS_LOG_NONE) stops logging, the default. The callback runs
-- during the calls of DTLS servers and peers, must return quickly and
-- must not call this function; the library holds it until it is replaced.
-- An error it raises drops the line and is raised again by the method
-- that ran it. The library calls it from the thread that made the call
-- that logged: use gdtls from this Lua state's thread alone meanwhile.
-- Returns an Error number (ERR_INVALID_PARAMETER for a level out of range:
-- nothing changes).
function gdtls.set_log_callback(callback, level)
    local where = "gdtls.set_log_callback"
    if callback ~= nil and type(callback) ~= "function" then
        wrong(where, "callback", "a function or nil", callback)
    end
    if callback == nil and level == nil then
        level = gdtls.GDTLS_LOG_NONE
    end
    level = int32(level, where, "level")
    local previous = log_function
    log_function = callback
    local err = C.gdtls_set_log_callback(callback and log_callback(), nil, level)
    if err ~= OK then
        log_function = previous
    end
    return err
end

--- The library's function `name` ("gdtls_version"), typed as the header
-- declares it, or nil when there is none. A C function reached this way
-- bypasses the checks of this module.
function gdtls.get_proc_address(name)
    local proc = C.gdtls_get_proc_address(text(name, "gdtls.get_proc_address", "name"))
    if proc == nil then
        return nil
    end
    local ok, ctype = pcall(ffi.typeof, name .. "_fn")
    return ok and ffi.cast(ctype, proc) or proc
end

return gdtls
