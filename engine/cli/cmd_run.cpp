// cmd_run.cpp: `lectern-cli run`: one prompt through the chat template, the answer streamed to stdout (reasoning
// shown apart), then a statistics line with prompt and generation speed.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "generation_command.h"
#include "lectern/engine.h"
#include "stream_printer.h"

namespace {

void print_run_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli run MODEL --prompt TEXT [--system TEXT] [options]\n\n"
               "Generates an answer to one user message and streams it to stdout; reasoning is shown dimmed after\n"
               "\"Thinking:\" on a terminal and between [thinking] and [/thinking] lines otherwise. The last line\n"
               "gives prompt and generation speed.\n"
               "  MODEL                      a .gguf file or a HuggingFace folder\n"
               "  --prompt TEXT              the user message\n"
               "  --system TEXT              a system message\n"
               "%s",
               lectern::cli::kGenerationFlagsUsage);
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli run: %s\n", message.c_str());
  return 1;
}

}  // namespace

static int run_run(const std::vector<std::string>& args) {
  using namespace lectern;
  std::string model, prompt, system;
  bool have_prompt = false, have_system = false;
  cli::GenerationFlags flags;
  const auto own = [&](size_t& i) {
    const std::string& a = args[i];
    if (a == "--prompt" && i + 1 < args.size()) {
      prompt = args[++i], have_prompt = true;
    } else if (a == "--system" && i + 1 < args.size()) {
      system = args[++i], have_system = true;
    } else {
      return false;
    }
    return true;
  };
  if (auto exit_code = cli::parse_generation_args(args, "run", print_run_usage, model, flags, own)) return *exit_code;
  if (!have_prompt) {
    print_run_usage();
    return 2;
  }

  auto engine = cli::load_engine(model, flags);
  if (!engine.is_ok()) return fail(engine.status().to_string());
  auto session = engine->new_session();
  if (!session.is_ok()) return fail(session.status().to_string());

  ChatRequest request;
  if (have_system) request.messages.push_back(ChatMessage::make(ChatRole::System, system));
  request.messages.push_back(ChatMessage::make(ChatRole::User, prompt));
  request.enable_thinking = flags.think;
  const bool thinking = flags.think.value_or(engine->chat_traits().thinking_by_default);
  const GenerationSettings settings = cli::generation_settings(flags, thinking);

  if (!cli::stream_answer(*session, request, settings, cli::is_terminal(stdout), "run")) return 1;
  return 0;
}

LECTERN_CLI_COMMAND(run, "generate an answer to one prompt, streamed, with speed statistics", run_run);
