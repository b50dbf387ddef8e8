// generation_command.cpp: the argument loop, model loading and streamed answer shared by `run` and `chat`.
#include "generation_command.h"

#include <cstdio>

#include "cancel_signal.h"
#include "stream_printer.h"

namespace lectern::cli {

std::optional<int> parse_generation_args(const std::vector<std::string>& args, const char* command, void (*usage)(),
                                         std::string& model, GenerationFlags& flags,
                                         const std::function<bool(size_t& i)>& own) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const FlagParse p = parse_generation_flag(args, i, flags, command);
    if (p == FlagParse::Bad) {
      usage();
      return 2;
    }
    if (p == FlagParse::Ok) continue;
    if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else if (own(i)) {
      continue;
    } else if (model.empty() && !a.starts_with("--")) {
      model = a;
    } else {
      usage();
      return 2;
    }
  }
  if (model.empty()) {
    usage();
    return 2;
  }
  return std::nullopt;
}

Result<Engine> load_engine(const std::string& model, const GenerationFlags& flags, const std::string& mmproj) {
  EngineOptions eo;
  eo.model_path = model;
  eo.mmproj_path = mmproj;
  eo.device = flags.device;
  eo.context_length = flags.context_length;
  return Engine::load(eo);
}

std::optional<GenerationResult> stream_answer(ChatSession& session, const ChatRequest& request,
                                              const GenerationSettings& settings, bool terminal, const char* command) {
  StreamPrinter printer(stdout, terminal);
  GenerationCallbacks callbacks;
  callbacks.on_piece = [&](const GenerationPiece& piece) { printer.on_piece(piece); };
  CancelOnInterrupt interrupt;
  auto result = session.generate(request, settings, callbacks, interrupt.flag());
  printer.finish();
  if (!result.is_ok()) {
    std::fprintf(stderr, "lectern-cli %s: %s\n", command, result.status().to_string().c_str());
    return std::nullopt;
  }
  std::printf("[stats] %s\n", format_generation_stats(result->stats).c_str());
  std::fflush(stdout);
  if (result->stats.finish_reason == FinishReason::Error) {
    std::fprintf(stderr, "lectern-cli %s: %s\n", command, result->error.to_string().c_str());
    return std::nullopt;
  }
  return std::move(result).value();
}

}  // namespace lectern::cli
