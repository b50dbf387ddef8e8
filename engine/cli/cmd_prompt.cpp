// cmd_prompt.cpp: `lectern-cli prompt`: renders a conversation with the Qwen3.5 chat template and prints the prompt.
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/chat.h"

namespace {

void print_prompt_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli prompt MODEL --conversation FILE.json [--thinking-default on|off]\n\n"
               "Prints the prompt the model's chat template makes of the conversation, byte for byte.\n"
               "  MODEL                      a HuggingFace model folder, a .gguf file, or - for no model\n"
               "  --conversation FILE.json   {\"messages\": [...], \"tools\"?, \"enable_thinking\"?,\n"
               "                             \"add_generation_prompt\"? (default true), \"add_vision_id\"?}\n"
               "  --thinking-default on|off  what a missing enable_thinking means (default: from MODEL; off for -)\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli prompt: %s\n", message.c_str());
  return 1;
}

}  // namespace

static int run_prompt(const std::vector<std::string>& args) {
  std::string model;
  std::string conversation_path;
  std::optional<bool> thinking_default;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--conversation" && i + 1 < args.size()) {
      conversation_path = args[++i];
    } else if (a == "--thinking-default" && i + 1 < args.size() && (args[i + 1] == "on" || args[i + 1] == "off")) {
      thinking_default = args[++i] == "on";
    } else if (a == "-h" || a == "--help") {
      print_prompt_usage();
      return 0;
    } else if (model.empty() && (a == "-" || !a.starts_with("--"))) {
      model = a;
    } else {
      print_prompt_usage();
      return 2;
    }
  }
  if (model.empty() || conversation_path.empty()) {
    print_prompt_usage();
    return 2;
  }

  lectern::ChatTemplateTraits traits;
  if (model != "-") {
    auto from_model = lectern::chat_traits_for_model_path(model);
    if (!from_model) return fail(from_model.status().to_string());
    traits = *from_model;
  }
  if (thinking_default) traits.thinking_by_default = *thinking_default;

  std::ifstream in(conversation_path, std::ios::binary);
  if (!in) return fail("cannot read conversation file " + conversation_path);
  std::ostringstream text;
  text << in.rdbuf();

  auto request = lectern::chat_request_from_json(text.str());
  if (!request) return fail(request.status().message());
  auto prompt = lectern::render_chat_prompt(*request, traits);
  if (!prompt) return fail(prompt.status().message());
  std::fwrite(prompt->data(), 1, prompt->size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : fail("writing the prompt to stdout failed");
}

LECTERN_CLI_COMMAND(prompt, "render a conversation with the Qwen3.5 chat template", run_prompt);
