// cmd_logits.cpp: `lectern-cli logits`: evaluates a token sequence and writes the logits of every position as raw
// little-endian float32 [n_tokens][n_vocab] (the golden models' comparison format, golden/models/README.md §6).
#include <algorithm>
#include <bit>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/engine.h"
#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/session.h"

namespace {

void print_logits_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli logits MODEL (--tokens 1,2,3 | --tokens-file FILE.json) [--device cpu|vulkan|auto]\n"
               "                          [--batch N] --out FILE\n\n"
               "Evaluates the tokens and writes the logits of every position: raw little-endian float32,\n"
               "[n_tokens][n_vocab] row-major, no header.\n"
               "  MODEL         a .gguf file or a HuggingFace folder\n"
               "  --tokens      comma-separated token ids\n"
               "  --tokens-file a JSON object with a \"tokens\" array (the golden tokens.json format)\n"
               "  --device      cpu (the reference), vulkan or auto (default auto)\n"
               "  --batch N     feed the tokens in batches of N (default: all at once)\n"
               "  --out FILE    where to write the logits\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli logits: %s\n", message.c_str());
  return 1;
}

std::optional<std::vector<int32_t>> parse_token_list(const std::string& text) {
  std::vector<int32_t> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || errno != 0 || v < 0 || v > INT32_MAX) return std::nullopt;
    out.push_back(static_cast<int32_t>(v));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

lectern::Result<std::vector<int32_t>> read_tokens_file(const std::string& path) {
  using lectern::ErrorCode;
  using lectern::Status;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, "cannot read tokens file " + path);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("tokens") || !j["tokens"].is_array())
    return Status(ErrorCode::InvalidArgument, path + " is not a JSON object with a \"tokens\" array");
  std::vector<int32_t> out;
  for (const auto& t : j["tokens"]) {
    if (!t.is_number_integer() || t.get<int64_t>() < 0 || t.get<int64_t>() > INT32_MAX)
      return Status(ErrorCode::InvalidArgument, path + ": \"tokens\" must hold non-negative integer ids");
    out.push_back(t.get<int32_t>());
  }
  if (out.empty()) return Status(ErrorCode::InvalidArgument, path + ": \"tokens\" is empty");
  return out;
}

}  // namespace

static int run_logits(const std::vector<std::string>& args) {
  std::string model, out_path, tokens_arg, tokens_file;
  lectern::DeviceChoice device = lectern::DeviceChoice::Auto;
  int64_t batch = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "-h" || a == "--help") {
      print_logits_usage();
      return 0;
    } else if (a == "--tokens" && has_value) {
      tokens_arg = args[++i];
    } else if (a == "--tokens-file" && has_value) {
      tokens_file = args[++i];
    } else if (a == "--out" && has_value) {
      out_path = args[++i];
    } else if (a == "--device" && has_value) {
      auto d = lectern::device_choice_from_name(args[++i]);
      if (!d) {
        std::fprintf(stderr, "lectern-cli logits: unknown device '%s'\n", args[i].c_str());
        print_logits_usage();
        return 2;
      }
      device = *d;
    } else if (a == "--batch" && has_value) {
      char* end = nullptr;
      batch = std::strtoll(args[++i].c_str(), &end, 10);
      if (args[i].empty() || *end != '\0' || batch < 1) {
        std::fprintf(stderr, "lectern-cli logits: --batch needs a positive integer, got '%s'\n", args[i].c_str());
        print_logits_usage();
        return 2;
      }
    } else if (model.empty() && !a.starts_with("--")) {
      model = a;
    } else {
      print_logits_usage();
      return 2;
    }
  }
  if (model.empty() || out_path.empty() || tokens_arg.empty() == tokens_file.empty()) {
    print_logits_usage();
    return 2;
  }

  std::vector<int32_t> tokens;
  if (!tokens_arg.empty()) {
    auto parsed = parse_token_list(tokens_arg);
    if (!parsed) {
      std::fprintf(stderr, "lectern-cli logits: --tokens needs comma-separated non-negative ids, got '%s'\n",
                   tokens_arg.c_str());
      print_logits_usage();
      return 2;
    }
    tokens = std::move(*parsed);
  } else {
    auto read = read_tokens_file(tokens_file);
    if (!read.is_ok()) return fail(read.status().to_string());
    tokens = std::move(read).value();
  }

  std::unique_ptr<lectern::runtime::ModelBackend> backend;
  {
    auto weights = lectern::model::load_model_weights(model);
    if (!weights.is_ok()) return fail(weights.status().to_string());
    auto created = lectern::runtime::create_backend(*weights, device);
    if (!created.is_ok()) return fail(created.status().to_string());
    backend = std::move(created).value();
  }

  lectern::runtime::SessionOptions so;
  so.n_ctx = static_cast<int64_t>(tokens.size());
  so.n_batch = static_cast<int32_t>(batch > 0 ? std::min<int64_t>(batch, INT32_MAX) : so.n_ctx);
  so.checkpoint_interval = 0;  // nothing is rewound here
  auto session = lectern::runtime::Session::create(*backend, so);
  if (!session.is_ok()) return fail(session.status().to_string());

  std::vector<float> logits;
  logits.reserve(tokens.size() * static_cast<size_t>(backend->info().n_vocab));
  lectern::runtime::ExtendOptions eo;
  eo.logits = lectern::runtime::LogitsMode::All;
  if (auto s = session->extend(tokens, eo, &logits); !s.is_ok()) return fail(s.to_string());

  static_assert(std::endian::native == std::endian::little, "logits are written as little-endian float32");
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) return fail("cannot create " + out_path);
  out.write(reinterpret_cast<const char*>(logits.data()), static_cast<std::streamsize>(logits.size() * sizeof(float)));
  out.close();
  if (!out) return fail("writing " + out_path + " failed (disk full?)");
  std::fprintf(stderr, "lectern-cli logits: %zu tokens x %d logits (%s backend, batch %d) -> %s\n", tokens.size(),
               backend->info().n_vocab, backend->info().name.c_str(), so.n_batch, out_path.c_str());
  return 0;
}

LECTERN_CLI_COMMAND(logits, "write the logits of every position of a token sequence (raw float32)", run_logits);
