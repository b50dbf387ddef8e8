// generation_flags.cpp: parsing of the shared run/chat flags.
#include "generation_flags.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace lectern::cli {

const char* const kGenerationFlagsUsage =
    "  --device cpu|vulkan|auto   where the model runs (default auto)\n"
    "  --ctx N                    context length in tokens (default 8192)\n"
    "  --think / --no-think       reasoning on / off (default: the model's template default)\n"
    "  --max-tokens N             generated tokens at most (default 4096)\n"
    "  --max-reasoning-tokens N   close the reasoning block after N tokens (default: no cap)\n"
    "  --temp T                   temperature; 0 = greedy (defaults: the model card's, qwen35.md §9)\n"
    "  --top-k K  --top-p P  --min-p P\n"
    "  --presence-penalty X  --repeat-penalty X\n"
    "  --seed N                   sampler seed (default: random)\n"
    "  --json-schema FILE         constrain the answer to JSON valid against this JSON Schema\n";

namespace {

bool parse_float(const std::string& s, float& out) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) return false;
  out = static_cast<float>(v);
  return true;
}

bool parse_int(const std::string& s, int64_t min, int64_t max, int64_t& out) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0 || v < min || v > max) return false;
  out = v;
  return true;
}

}  // namespace

FlagParse parse_generation_flag(const std::vector<std::string>& args, size_t& i, GenerationFlags& f,
                                const char* command) {
  const std::string& a = args[i];
  if (a == "--think") return f.think = true, FlagParse::Ok;
  if (a == "--no-think") return f.think = false, FlagParse::Ok;
  static const char* const kValued[] = {"--device", "--ctx", "--max-tokens", "--max-reasoning-tokens", "--temp",
                                        "--top-k", "--top-p", "--min-p", "--presence-penalty", "--repeat-penalty",
                                        "--seed", "--json-schema"};
  bool valued = false;
  for (const char* k : kValued) valued = valued || a == k;
  if (!valued) return FlagParse::NotMine;
  const auto bad = [&](const char* what) {
    std::fprintf(stderr, "lectern-cli %s: %s needs %s\n", command, a.c_str(), what);
    return FlagParse::Bad;
  };
  if (i + 1 >= args.size()) return bad("a value");
  const std::string& v = args[++i];
  int64_t n = 0;
  float x = 0;
  if (a == "--device") {
    auto d = device_choice_from_name(v);
    if (!d) return bad("cpu, vulkan or auto");
    f.device = *d;
  } else if (a == "--ctx") {
    if (!parse_int(v, 1, INT64_MAX, n)) return bad("a positive integer");
    f.context_length = n;
  } else if (a == "--max-tokens") {
    if (!parse_int(v, 0, INT32_MAX, n)) return bad("an integer >= 0");
    f.max_tokens = static_cast<int32_t>(n);
  } else if (a == "--max-reasoning-tokens") {
    if (!parse_int(v, 0, INT32_MAX, n)) return bad("an integer >= 0");
    f.max_reasoning_tokens = static_cast<int32_t>(n);
  } else if (a == "--top-k") {
    if (!parse_int(v, 0, INT32_MAX, n)) return bad("an integer >= 0");
    f.top_k = static_cast<int32_t>(n);
  } else if (a == "--json-schema") {
    std::FILE* file = std::fopen(v.c_str(), "rb");
    if (!file) return bad("a readable JSON Schema file");
    std::string text;
    char buf[4096];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, file)) > 0) text.append(buf, got);
    std::fclose(file);
    const Status check = check_json_schema(text);
    if (!check.is_ok()) {
      std::fprintf(stderr, "lectern-cli %s: %s: %s\n", command, v.c_str(), check.message().c_str());
      return FlagParse::Bad;
    }
    f.json_schema = std::move(text);
  } else if (a == "--seed") {
    if (!parse_int(v, 0, INT64_MAX, n)) return bad("a non-negative integer");
    f.seed = static_cast<uint64_t>(n);
  } else {
    if (!parse_float(v, x)) return bad("a number");
    if (a == "--temp") {
      if (x < 0) return bad("a temperature >= 0");
      f.temperature = x;
    } else if (a == "--top-p" || a == "--min-p") {
      if (x < 0 || x > 1) return bad("a probability in [0, 1]");
      (a == "--top-p" ? f.top_p : f.min_p) = x;
    } else if (a == "--presence-penalty") {
      f.presence_penalty = x;
    } else {
      if (x <= 0) return bad("a penalty > 0 (1 = off)");
      f.repetition_penalty = x;
    }
  }
  return FlagParse::Ok;
}

GenerationSettings generation_settings(const GenerationFlags& f, bool thinking) {
  GenerationSettings g;
  g.sampler = default_sampler_settings(thinking, /*vision=*/false);
  if (f.temperature) g.sampler.temperature = *f.temperature;
  if (f.top_k) g.sampler.top_k = *f.top_k;
  if (f.top_p) g.sampler.top_p = *f.top_p;
  if (f.min_p) g.sampler.min_p = *f.min_p;
  if (f.presence_penalty) g.sampler.presence_penalty = *f.presence_penalty;
  if (f.repetition_penalty) g.sampler.repetition_penalty = *f.repetition_penalty;
  g.sampler.seed = f.seed;
  g.max_tokens = f.max_tokens;
  g.max_reasoning_tokens = f.max_reasoning_tokens;
  g.json_schema = f.json_schema;
  return g;
}

}  // namespace lectern::cli
