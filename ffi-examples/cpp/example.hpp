// What the C++ ports of the seed example (server.cpp, client.cpp) share
// beyond the example itself: reading numbers from the command line and
// running frames, as ffi-examples/README.md defines them, and the status
// and message of a bad command line or a failed setup.
#ifndef GDTLS_EXAMPLE_HPP
#define GDTLS_EXAMPLE_HPP

#include <charconv>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "gdtls.hpp"

namespace example {

/// The whole-number argument `text`, or std::invalid_argument naming it
/// as `what`.
inline int number_arg(std::string_view text, const char *what) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw std::invalid_argument(std::string(what) + " must be a number, not '" + std::string(text) + "'");
    return value;
}

/// Waits for the next frame: a frame is one millisecond.
inline void next_frame() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

/// Runs `frame` once a frame until it returns true, or until `seconds`
/// have passed; returns whether it did.
template <class Frame>
bool run_frames(int seconds, Frame &&frame) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        if (frame()) return true;
        next_frame();
        if (std::chrono::steady_clock::now() >= deadline) return false;
    }
}

/// Runs `body`, a port's `main` past its usage check, and returns its
/// status; for a bad command-line number (std::invalid_argument) 2, and for
/// a failed setup (a `gdtls::check` throwing) 1, once `program: message`
/// is printed.
template <class Body>
int run_main(const char *program, Body &&body) {
    try {
        return body();
    } catch (const std::invalid_argument &e) {
        std::cerr << program << ": " << e.what() << std::endl;
        return 2;
    } catch (const gdtls::Exception &e) {
        std::cerr << program << ": " << e.what() << std::endl;
        return 1;
    }
}

}  // namespace example

#endif  // GDTLS_EXAMPLE_HPP
