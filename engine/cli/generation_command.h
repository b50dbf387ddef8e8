// generation_command.h: the argument loop, model loading and streamed answer that `lectern-cli run` and `chat` share.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "generation_flags.h"
#include "lectern/engine.h"
#include "lectern/generation.h"

namespace lectern::cli {

// Parses MODEL, the shared generation flags, -h/--help and the command's own options: `own` consumes args[i] (and
// its value, advancing i) and returns true when it is one. Returns the exit code when the command must stop (0 after
// help, 2 after printing `usage` for bad or missing arguments), nullopt to go on with `model` set.
std::optional<int> parse_generation_args(const std::vector<std::string>& args, const char* command, void (*usage)(),
                                         std::string& model, GenerationFlags& flags,
                                         const std::function<bool(size_t& i)>& own);

// Loads MODEL on the flags' device with their context length (and a vision projector when mmproj is given).
Result<Engine> load_engine(const std::string& model, const GenerationFlags& flags, const std::string& mmproj = {});

// Streams the answer to `request` to stdout (Ctrl-C cancels it), then its [stats] line. Errors, also a generation
// that finished with FinishReason::Error, are printed to stderr as "lectern-cli <command>: <message>" and give
// nullopt.
std::optional<GenerationResult> stream_answer(ChatSession& session, const ChatRequest& request,
                                              const GenerationSettings& settings, bool terminal, const char* command);

}  // namespace lectern::cli
