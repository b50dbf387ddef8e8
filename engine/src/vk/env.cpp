// env.cpp: parsing of LECTERN_VK_* environment variables.
#include "vk/env.h"

#include <cctype>
#include <cstdlib>

namespace lectern::vk {

std::optional<std::string> env_string(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

static std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool env_flag(const char* name) {
  auto value = env_string(name);
  if (!value) return false;
  std::string v = lower(*value);
  return v == "1" || v == "true" || v == "yes" || v == "on";
}

std::optional<uint64_t> parse_byte_count(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
  uint64_t value = 0;
  size_t i = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    uint64_t digit = static_cast<uint64_t>(text[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  std::string suffix = lower(text.substr(i));
  int shift = 0;
  if (suffix.empty() || suffix == "b") shift = 0;
  else if (suffix == "k" || suffix == "kib") shift = 10;
  else if (suffix == "m" || suffix == "mib") shift = 20;
  else if (suffix == "g" || suffix == "gib") shift = 30;
  else return std::nullopt;
  if (shift > 0 && value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

Result<std::optional<uint64_t>> env_bytes(const char* name) {
  auto value = env_string(name);
  if (!value) return std::optional<uint64_t>();
  auto bytes = parse_byte_count(*value);
  if (!bytes || *bytes == 0) {
    return Status(ErrorCode::InvalidArgument, std::string(name) + "='" + *value +
                                                  "' is not a byte count: unset it, or give a positive number such "
                                                  "as 65536, 64K or 128M");
  }
  return std::optional<uint64_t>(*bytes);
}

}  // namespace lectern::vk
