// generation_flags.h: the model, device and sampling options `lectern-cli run` and `chat` share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lectern/engine.h"
#include "lectern/generation.h"

namespace lectern::cli {

struct GenerationFlags {
  DeviceChoice device = DeviceChoice::Auto;
  int64_t context_length = 8192;
  std::optional<bool> think;  // --think / --no-think; unset: the model's default
  int32_t max_tokens = 4096;
  int32_t max_reasoning_tokens = -1;
  std::optional<float> temperature, top_p, min_p, presence_penalty, repetition_penalty;
  std::optional<int32_t> top_k;
  std::optional<uint64_t> seed;
  std::optional<std::string> json_schema;  // --json-schema FILE: the file's text (constrained decoding)
};

// Usage lines for the flags below.
extern const char* const kGenerationFlagsUsage;

enum class FlagParse { NotMine, Ok, Bad };
// Consumes args[i] (and its value, advancing i) when it is one of the shared flags. Bad: a message naming the flag
// has been printed to stderr with the command's prefix.
FlagParse parse_generation_flag(const std::vector<std::string>& args, size_t& i, GenerationFlags& flags,
                                const char* command);

// The model card's defaults for the mode (text input), overridden by whatever flags were given.
GenerationSettings generation_settings(const GenerationFlags& flags, bool thinking);

}  // namespace lectern::cli
