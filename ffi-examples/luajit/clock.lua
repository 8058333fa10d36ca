--- The frame clock of the seed example's ports (server.lua, client.lua):
-- Godot runs _process once a frame; these programs run a frame every
-- millisecond and stop after a number of seconds, as the C ports do.

local ffi = require("ffi")

-- A struct may be declared only once per Lua state, and a host program
-- may have declared this one already.
if not pcall(ffi.typeof, "struct timespec") then
    ffi.cdef([[struct timespec { long tv_sec; long tv_nsec; };]])
end
ffi.cdef([[
int clock_gettime(int clock_id, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);
]])

local CLOCK_MONOTONIC = 1 -- Linux's number for it

local clock = {}

local now = ffi.new("struct timespec")
local one_frame = ffi.new("struct timespec", 0, 1000000)

--- Seconds since an arbitrary moment, never going back.
function clock.monotonic()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
    return tonumber(now.tv_sec) + tonumber(now.tv_nsec) / 1e9
end

--- Sleeps for one frame (a millisecond).
function clock.next_frame()
    ffi.C.nanosleep(one_frame, nil)
end

return clock
