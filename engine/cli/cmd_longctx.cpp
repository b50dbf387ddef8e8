// cmd_longctx.cpp: `lectern-cli longctx`: long-context measurement: a prompt of N tokens evaluated in chunks (time
// per chunk as the context grows), decode speed at that depth, device memory; --needle hides a fact at a random
// depth of filler text and asks the model for it (a retrieval check with real weights).
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/chat.h"
#include "lectern/engine.h"
#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/session.h"
#include "text/tokenizer_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

void print_longctx_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli longctx MODEL --tokens N [--device auto|cpu|vulkan] [--kv f16|q8_0] [--batch N]\n"
               "                           [--gen N] [--needle] [--seed N] [--json]\n\n"
               "Evaluates a prompt of N tokens in chunks and reports the time of every chunk as the context grows,\n"
               "the decode speed at that depth and the device memory used.\n"
               "  --tokens N   prompt length (the context is N + --gen, up to the model's trained context)\n"
               "  --device     cpu (the reference), vulkan or auto (default auto)\n"
               "  --kv         KV cache type on Vulkan: f16 (default) or q8_0\n"
               "  --batch N    prompt tokens per chunk (default: the backend's preferred batch)\n"
               "  --gen N      tokens decoded after the prompt (default 32)\n"
               "  --needle     the prompt is filler text with one fact (a number) at a random depth, then a question\n"
               "               about it; prints the answer and whether it holds the number (meaningful with real\n"
               "               weights; random-weight models just run it)\n"
               "  --seed N     random tokens / needle depth and number (default 1)\n"
               "  --json       one JSON object (with every chunk) instead of the table\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli longctx: %s\n", message.c_str());
  return 1;
}

std::optional<int64_t> parse_count(const std::string& text, int64_t min, int64_t max) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < min || v > max) return std::nullopt;
  return v;
}

double mib(uint64_t bytes) { return double(bytes) / (1024.0 * 1024.0); }

// Filler sentences for the haystack (varied so that the text is not one repeated token pattern).
const char* const k_filler[] = {
    "The river bends twice before it reaches the old mill, where the water slows and turns green.",
    "Every spring the village repaints the fences along the main road in white and pale blue.",
    "Most of the orchard's apple trees were planted by a teacher who retired in the nineteen sixties.",
    "On market days the square fills with stalls selling bread, cheese, honey and cut flowers.",
    "A narrow footpath climbs from the church to a ridge with a view over three valleys.",
    "The library keeps its maps in wide wooden drawers that smell faintly of cedar and dust.",
    "In winter the lake freezes at the edges first, and children test the ice with long sticks.",
    "The bakery opens at six, and by seven the queue usually reaches the corner of the street.",
};

struct NeedlePrompt {
  std::vector<int32_t> tokens;
  std::string number;
  double depth = 0;  // where the fact sits, as a fraction of the filler
};

// A chat prompt of about n_tokens: filler sentences with the fact at a random depth, then the question.
lectern::Result<NeedlePrompt> needle_prompt(const std::string& model, int64_t n_tokens, uint64_t seed) {
  LECTERN_ASSIGN_OR_RETURN(lectern::Tokenizer tok, lectern::text::load_tokenizer_for_model(model));
  LECTERN_ASSIGN_OR_RETURN(lectern::ChatTemplateTraits traits, lectern::chat_traits_for_model_path(model));
  std::mt19937_64 rng(seed);
  NeedlePrompt out;
  out.number = std::to_string(10000 + rng() % 90000);
  out.depth = double(rng() % 1000) / 1000.0;
  const std::string fact = "The secret number of the expedition is " + out.number + ". ";
  const std::string question =
      "\n\nWhat is the secret number of the expedition mentioned in the text above? Answer with the number only.";
  auto render = [&](const std::string& body) -> lectern::Result<std::vector<int32_t>> {
    lectern::ChatRequest request;
    request.messages.push_back(lectern::ChatMessage::make(lectern::ChatRole::User, body + question));
    request.enable_thinking = false;
    LECTERN_ASSIGN_OR_RETURN(std::string text, lectern::render_chat_prompt(request, traits));
    return tok.encode(text);
  };
  // Tokens per filler sentence, measured once; the body is then assembled to the budget and trimmed if needed.
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> overhead, render(fact));
  std::vector<int64_t> sentence_tokens;
  for (const char* s : k_filler) {
    LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> ids, tok.encode(std::string(s) + " "));
    sentence_tokens.push_back(static_cast<int64_t>(ids.size()));
  }
  const int64_t budget = n_tokens - static_cast<int64_t>(overhead.size());
  if (budget <= 0) return lectern::Status(lectern::ErrorCode::InvalidArgument, "--tokens is too small for --needle");
  std::vector<size_t> order;
  for (int64_t used = 0; used < budget;) {
    const size_t i = rng() % std::size(k_filler);
    used += sentence_tokens[i];
    order.push_back(i);
  }
  for (;;) {
    std::string body;
    const size_t at = static_cast<size_t>(out.depth * double(order.size()));
    for (size_t i = 0; i < order.size(); ++i) {
      if (i == at) body += fact;
      body += std::string(k_filler[order[i]]) + " ";
    }
    if (at >= order.size()) body += fact;
    LECTERN_ASSIGN_OR_RETURN(out.tokens, render(body));
    if (static_cast<int64_t>(out.tokens.size()) <= n_tokens || order.size() <= 1) break;
    order.pop_back();  // sentence boundaries merge differently; drop until it fits
  }
  return out;
}

int32_t argmax(std::span<const float> row) {
  return static_cast<int32_t>(std::max_element(row.begin(), row.end()) - row.begin());
}

int run_longctx(const std::vector<std::string>& args) {
  auto bad = [](const std::string& message) {
    std::fprintf(stderr, "lectern-cli longctx: %s\n\n", message.c_str());
    print_longctx_usage();
    return 2;
  };
  std::string model;
  int64_t n_tokens = 0, n_batch = 0, n_gen = 32;
  uint64_t seed = 1;
  bool needle = false, json = false;
  lectern::DeviceChoice device = lectern::DeviceChoice::Auto;
  lectern::DType kv = lectern::DType::F16;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "-h" || a == "--help") {
      print_longctx_usage();
      return 0;
    } else if (a == "--needle") {
      needle = true;
    } else if (a == "--json") {
      json = true;
    } else if ((a == "--tokens" || a == "--batch" || a == "--gen" || a == "--seed") && has_value) {
      auto v = parse_count(args[++i], a == "--tokens" || a == "--batch" ? 1 : 0, int64_t{1} << 31);
      if (!v) return bad("bad value '" + args[i] + "' for " + a);
      if (a == "--tokens") n_tokens = *v;
      else if (a == "--batch") n_batch = *v;
      else if (a == "--gen") n_gen = *v;
      else seed = static_cast<uint64_t>(*v);
    } else if (a == "--device" && has_value) {
      auto d = lectern::device_choice_from_name(args[++i]);
      if (!d) return bad("unknown device '" + args[i] + "' (auto, cpu or vulkan)");
      device = *d;
    } else if (a == "--kv" && has_value) {
      auto k = lectern::kv_cache_type_from_name(args[++i]);
      if (!k) return bad("unknown KV cache type '" + args[i] + "' (f16 or q8_0)");
      kv = *k == lectern::KvCacheType::Q8_0 ? lectern::DType::Q8_0 : lectern::DType::F16;
    } else if (model.empty() && !a.starts_with("-")) {
      model = a;
    } else {
      return bad("unexpected argument '" + a + "'");
    }
  }
  if (model.empty()) return bad("no model given");
  if (n_tokens == 0) return bad("--tokens N is required");

  NeedlePrompt prompt;
  if (needle) {
    auto p = needle_prompt(model, n_tokens, seed);
    if (!p.is_ok()) return fail(p.status().to_string());
    prompt = std::move(p).value();
    n_gen = std::max<int64_t>(n_gen, 16);
  }
  const int64_t n_prompt = needle ? static_cast<int64_t>(prompt.tokens.size()) : n_tokens;
  const int64_t n_ctx = n_prompt + std::max<int64_t>(n_gen, 1);

  std::unique_ptr<lectern::runtime::ModelBackend> backend;
  {
    auto weights = lectern::model::load_model_weights(model);
    if (!weights.is_ok()) return fail(weights.status().to_string());
    lectern::runtime::BackendOptions bo;
    bo.kv_type = kv;
    bo.plan_n_ctx = n_ctx;
    auto created = lectern::runtime::create_backend(*weights, device, bo);
    if (!created.is_ok()) return fail(created.status().to_string());
    backend = std::move(created).value();
  }
  const auto& info = backend->info();
  if (!needle) {
    std::mt19937_64 rng(seed);
    prompt.tokens.resize(static_cast<size_t>(n_prompt));
    for (auto& t : prompt.tokens) t = static_cast<int32_t>(rng() % static_cast<uint64_t>(info.n_vocab));
  }
  lectern::runtime::SessionOptions so;
  so.n_ctx = n_ctx;
  so.n_batch = static_cast<int32_t>(n_batch);
  so.checkpoint_interval = 0;
  auto session = lectern::runtime::Session::create(*backend, so);
  if (!session.is_ok()) return fail(session.status().to_string());

  struct Chunk {
    int64_t end = 0;
    double seconds = 0;
  };
  std::vector<Chunk> chunks;
  lectern::runtime::ExtendOptions eo;
  auto last = Clock::now();
  const auto t0 = last;
  eo.progress = [&](int64_t done, int64_t total) {
    const auto now = Clock::now();
    chunks.push_back({done, std::chrono::duration<double>(now - last).count()});
    last = now;
    if (!json && (chunks.size() % 16 == 0 || done == total))
      std::fprintf(stderr, "\rprompt: %lld / %lld tokens", (long long)done, (long long)total);
  };
  lectern::Status s = session->extend(prompt.tokens, eo);
  if (!json) std::fprintf(stderr, "\n");
  if (!s.is_ok()) return fail(s.to_string());
  const double prompt_s = std::chrono::duration<double>(Clock::now() - t0).count();

  // Greedy decode at that depth.
  std::vector<int32_t> generated;
  const auto t_gen = Clock::now();
  for (int64_t i = 0; i < n_gen; ++i) {
    const int32_t next = argmax(session->logits());
    generated.push_back(next);
    const int32_t one[] = {next};
    s = session->extend(one);
    if (!s.is_ok()) return fail(s.to_string());
  }
  const double gen_s = std::chrono::duration<double>(Clock::now() - t_gen).count();
  std::string answer;
  bool found = false;
  if (needle) {
    auto tok = lectern::text::load_tokenizer_for_model(model);
    if (tok.is_ok()) {
      auto text = tok->decode(generated);
      if (text.is_ok()) answer = *text;
    }
    found = answer.find(prompt.number) != std::string::npos;
  }
  const uint64_t peak = backend->peak_device_bytes();
  const uint64_t planned = info.weight_bytes + backend->sequence_bytes(n_ctx);

  if (json) {
    nlohmann::json curve = nlohmann::json::array();
    for (const Chunk& c : chunks) curve.push_back({{"end", c.end}, {"ms", c.seconds * 1e3}});
    nlohmann::json j = {{"model", model},
                        {"backend", info.name},
                        {"device", info.device_name},
                        {"kv", lectern::dtype_name(kv)},
                        {"n_prompt", n_prompt},
                        {"n_ctx", n_ctx},
                        {"prompt_s", prompt_s},
                        {"prompt_tokens_per_s", double(n_prompt) / prompt_s},
                        {"n_gen", n_gen},
                        {"gen_tokens_per_s", n_gen > 0 ? double(n_gen) / gen_s : 0.0},
                        {"weight_bytes", info.weight_bytes},
                        {"planned_bytes", planned},
                        {"peak_device_bytes", peak},
                        {"chunks", curve}};
    if (needle) {
      j["needle"] = {{"number", prompt.number}, {"depth", prompt.depth}, {"answer", answer}, {"found", found}};
    }
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("model: %s\ndevice: %s (%s backend), KV cache %s\n", model.c_str(), info.device_name.c_str(),
              info.name.c_str(), info.name == "cpu" ? "f32" : lectern::dtype_name(kv));
  char peak_text[64] = "(not tracked on this backend)";
  if (peak) std::snprintf(peak_text, sizeof peak_text, "%.1f MiB (allocated)", mib(peak));
  std::printf("memory: weights %.1f MiB, plan %.1f MiB for %lld tokens, peak %s\n", mib(info.weight_bytes),
              mib(planned), (long long)n_ctx, peak_text);
  std::printf("prompt: %lld tokens in %.2f s (%.1f tokens/s), %zu chunks\n", (long long)n_prompt, prompt_s,
              double(n_prompt) / prompt_s, chunks.size());
  // The curve in at most 24 rows: mean time per chunk over each range of positions.
  std::printf("\n| positions         | chunks | ms / chunk | tokens/s |\n|-------------------|--------|------------|----------|\n");
  const size_t per_row = std::max<size_t>(1, (chunks.size() + 23) / 24);
  for (size_t r = 0; r < chunks.size(); r += per_row) {
    const size_t e = std::min(chunks.size(), r + per_row);
    double sec = 0;
    for (size_t i = r; i < e; ++i) sec += chunks[i].seconds;
    const int64_t begin = r == 0 ? 0 : chunks[r - 1].end;
    std::printf("| %7lld .. %7lld | %6zu | %10.1f | %8.1f |\n", (long long)begin, (long long)chunks[e - 1].end,
                e - r, 1e3 * sec / double(e - r), double(chunks[e - 1].end - begin) / sec);
  }
  if (n_gen > 0)
    std::printf("\ndecode at depth %lld: %lld tokens in %.2f s (%.2f tokens/s)\n", (long long)n_prompt,
                (long long)n_gen, gen_s, double(n_gen) / gen_s);
  if (needle) {
    std::printf("needle: number %s at depth %.0f %%; answer \"%s\": %s\n", prompt.number.c_str(), prompt.depth * 100,
                answer.c_str(), found ? "found" : "NOT found (expected with random weights)");
  }
  return 0;
}

}  // namespace

LECTERN_CLI_COMMAND(longctx, "long-context prompt time per chunk, decode speed at depth, memory; --needle retrieval",
                    run_longctx);
