// env.h: the LECTERN_VK_* environment variables that steer device choice, validation and test limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "lectern/status.h"

namespace lectern::vk {

// Unset and empty read as nullopt.
std::optional<std::string> env_string(const char* name);

// "1", "true", "yes", "on" (any case) are true; unset, empty, "0", "false", "no", "off" are false.
bool env_flag(const char* name);

// A byte count such as "65536", "64K", "128M" or "2G" (binary units); nullopt when unset. A malformed value is an
// InvalidArgument error naming the variable, rather than being ignored.
Result<std::optional<uint64_t>> env_bytes(const char* name);

// Parses the byte-count syntax above; nullopt when malformed.
std::optional<uint64_t> parse_byte_count(const std::string& text);

}  // namespace lectern::vk
