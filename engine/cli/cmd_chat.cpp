// cmd_chat.cpp: `lectern-cli chat`: an interactive multi-turn conversation on stdin. One session is reused across
// turns (only new tokens are evaluated); /regenerate rewinds it to the end of the last prompt.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "command.h"
#include "generation_command.h"
#include "lectern/engine.h"
#include "stream_printer.h"

namespace {

void print_chat_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli chat MODEL [--system TEXT] [options]\n\n"
               "Reads user messages from stdin, one per line, and streams the answers. Commands:\n"
               "  /exit                  quit (end of input does the same)\n"
               "  /reset                 forget the conversation\n"
               "  /regenerate            answer the last message again\n"
               "  /think on|off          reasoning on or off from the next answer on\n"
               "Options:\n"
               "  --system TEXT              a system message for the conversation\n"
               "%s",
               lectern::cli::kGenerationFlagsUsage);
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli chat: %s\n", message.c_str());
  return 1;
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

static int run_chat(const std::vector<std::string>& args) {
  using namespace lectern;
  std::string model, system;
  bool have_system = false;
  cli::GenerationFlags flags;
  const auto own = [&](size_t& i) {
    if (args[i] != "--system" || i + 1 >= args.size()) return false;
    system = args[++i], have_system = true;
    return true;
  };
  if (auto exit_code = cli::parse_generation_args(args, "chat", print_chat_usage, model, flags, own)) return *exit_code;

  auto engine = cli::load_engine(model, flags);
  if (!engine.is_ok()) return fail(engine.status().to_string());
  auto session = engine->new_session();
  if (!session.is_ok()) return fail(session.status().to_string());

  const bool terminal = cli::is_terminal(stdout);
  bool thinking = flags.think.value_or(engine->chat_traits().thinking_by_default);
  std::vector<ChatMessage> messages;
  if (have_system) messages.push_back(ChatMessage::make(ChatRole::System, system));
  if (terminal)
    std::printf("lectern chat: %s on %s, thinking %s. /exit to quit.\n", model.c_str(),
                engine->summary().device_name.c_str(), thinking ? "on" : "off");

  // Generates the assistant turn for `messages`; on success appends it.
  const auto answer = [&]() {
    ChatRequest request;
    request.messages = messages;
    request.enable_thinking = thinking;
    auto result = cli::stream_answer(*session, request, cli::generation_settings(flags, thinking), terminal, "chat");
    if (!result) return false;
    ChatMessage reply = ChatMessage::make(ChatRole::Assistant, result->output.content);
    if (!result->output.reasoning.empty()) reply.reasoning_content = result->output.reasoning;
    reply.tool_calls = result->output.tool_calls;
    messages.push_back(std::move(reply));
    return true;
  };

  std::string line;
  while (true) {
    if (terminal) {
      std::printf("> ");
      std::fflush(stdout);
    }
    if (!std::getline(std::cin, line)) break;
    const std::string input = trim(line);
    if (input.empty()) continue;
    if (input == "/exit" || input == "/quit") break;
    if (input == "/help") {
      print_chat_usage();
    } else if (input == "/reset") {
      messages.erase(messages.begin() + (have_system ? 1 : 0), messages.end());
      session->reset();
      std::printf("(conversation cleared)\n");
    } else if (input == "/think on" || input == "/think off") {
      thinking = input == "/think on";
      std::printf("(thinking %s)\n", thinking ? "on" : "off");
    } else if (input == "/regenerate") {
      if (!messages.empty() && messages.back().role == ChatRole::Assistant) messages.pop_back();
      if (messages.empty() || messages.back().role != ChatRole::User) {
        std::printf("(nothing to regenerate)\n");
        continue;
      }
      answer();
    } else if (input.starts_with("/")) {
      std::printf("(unknown command %s; /help lists them)\n", input.c_str());
    } else {
      messages.push_back(ChatMessage::make(ChatRole::User, input));
      if (!answer()) messages.pop_back();
    }
    std::fflush(stdout);
  }
  return 0;
}

LECTERN_CLI_COMMAND(chat, "interactive multi-turn chat on stdin (/exit, /reset, /regenerate, /think on|off)", run_chat);
