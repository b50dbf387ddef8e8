// cmd_tokenize.cpp: `lectern-cli tokenize`: prints the token ids (or ids + pieces as JSON) of a text.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/tokenizer.h"
#include "text/tokenizer_loader.h"

namespace {

void print_tokenize_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli tokenize MODEL (--text TEXT | --file FILE) [--json]\n\n"
               "Tokenizes TEXT (or the contents of FILE, byte for byte) with the model's tokenizer.\n"
               "  MODEL   a folder holding tokenizer.json (+ tokenizer_config.json), e.g. a HuggingFace model,\n"
               "          or a GGUF model file (its tokenizer.ggml.* metadata)\n"
               "  --json  print {\"ids\":[...],\"tokens\":[...],\"count\":N} instead of space-separated ids\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli tokenize: %s\n", message.c_str());
  return 1;
}

}  // namespace

static int run_tokenize(const std::vector<std::string>& args) {
  std::string model;
  std::optional<std::string> text, file;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--text" && i + 1 < args.size() && !text && !file) {
      text = args[++i];
    } else if (a == "--file" && i + 1 < args.size() && !text && !file) {
      file = args[++i];
    } else if (a == "--json") {
      json = true;
    } else if (a == "-h" || a == "--help") {
      print_tokenize_usage();
      return 0;
    } else if (model.empty() && !a.starts_with("--")) {
      model = a;
    } else {
      print_tokenize_usage();
      return 2;
    }
  }
  if (model.empty() || (!text && !file)) {
    print_tokenize_usage();
    return 2;
  }

  if (file) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) return fail("cannot read " + *file);
    std::ostringstream ss;
    ss << in.rdbuf();
    text = std::move(ss).str();
  }
  auto tokenizer = lectern::text::load_tokenizer_for_model(model);
  if (!tokenizer) return fail(tokenizer.status().to_string());
  auto ids = tokenizer->encode(*text);
  if (!ids) return fail(ids.status().to_string());

  std::string out;
  if (json) {
    nlohmann::ordered_json doc;
    doc["ids"] = *ids;
    doc["tokens"] = nlohmann::ordered_json::array();
    for (int32_t id : *ids) doc["tokens"].push_back(std::string(tokenizer->token_piece(id)));
    doc["count"] = ids->size();
    // Vocabulary spellings are valid UTF-8; replace rather than throw should a broken file say otherwise.
    out = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  } else {
    for (size_t i = 0; i < ids->size(); ++i) out += (i ? " " : "") + std::to_string((*ids)[i]);
  }
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : fail("writing to stdout failed");
}

LECTERN_CLI_COMMAND(tokenize, "print the token ids of a text (MODEL --text T | --file F [--json])", run_tokenize);
