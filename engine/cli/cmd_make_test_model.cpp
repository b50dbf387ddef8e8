// cmd_make_test_model.cpp: `lectern-cli make-test-model`: writes a random-weight Qwen3.5 text model (GGUF or HF
// folder) of the tiny test shape or the exact 0.8B shape, for tests and benchmarks.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"

namespace {

void print_make_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli make-test-model --shape tiny|0.8b|long --format gguf|hf --type f32|f16|bf16|q8_0|q4_k_m\n"
               "                                   [--seed N] [--vision [--vision-shape tiny|real]] --out PATH\n\n"
               "Writes a Qwen3.5 text model with random weights (and a small trained BPE tokenizer + chat template).\n"
               "  --shape   tiny (8 layers, hidden 256), 0.8b (the real Qwen3.5-0.8B text shape) or long (4 layers,\n"
               "            hidden 64, 1M-token context: long-context tests)\n"
               "  --format  gguf (a llama.cpp-compatible file) or hf (a folder: config.json, model.safetensors,\n"
               "            tokenizer.json, tokenizer_config.json); q8_0 and q4_k_m are GGUF only\n"
               "  --seed    weights are a pure function of the seed (default 0): a GGUF and an HF folder made\n"
               "            with the same seed and a 16/32-bit type hold the same model\n"
               "  --out     the .gguf file, or the folder for hf\n"
               "  --vision  also write a random vision tower: hf adds model.visual.* (model-vision.safetensors and\n"
               "            vision_config); gguf writes mmproj-<name>.gguf next to the model\n"
               "  --vision-shape  tiny (2 blocks, width 64; default) or real (the Qwen3.5-0.8B tower); the output\n"
               "            width is the text model's (1024 with --shape 0.8b)\n");
}

int bad_value(const char* what, const std::string& value) {
  std::fprintf(stderr, "lectern-cli make-test-model: unknown %s '%s'\n", what, value.c_str());
  print_make_usage();
  return 2;
}

}  // namespace

static int run_make_test_model(const std::vector<std::string>& args) {
  using namespace lectern::model;
  TestModelOptions o;
  bool have_shape = false, have_format = false, have_type = false, vision = false;
  TestVisionShape vision_shape = TestVisionShape::Tiny;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "-h" || a == "--help") {
      print_make_usage();
      return 0;
    }
    if (a == "--vision") {
      vision = true;
      continue;
    }
    if (!has_value) {
      print_make_usage();
      return 2;
    }
    const std::string& v = args[++i];
    if (a == "--shape") {
      auto s = test_model_shape_from_name(v);
      if (!s) return bad_value("shape", v);
      o.shape = *s, have_shape = true;
    } else if (a == "--format") {
      auto f = test_model_format_from_name(v);
      if (!f) return bad_value("format", v);
      o.format = *f, have_format = true;
    } else if (a == "--type") {
      auto t = test_model_type_from_name(v);
      if (!t) return bad_value("type", v);
      o.type = *t, have_type = true;
    } else if (a == "--seed") {
      char* end = nullptr;
      o.seed = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-') return bad_value("seed", v);
    } else if (a == "--out") {
      o.out = v;
    } else if (a == "--vision-shape") {
      auto s = test_vision_shape_from_name(v);
      if (!s) return bad_value("vision shape", v);
      vision_shape = *s;
    } else {
      print_make_usage();
      return 2;
    }
  }
  if (!have_shape || !have_format || !have_type || o.out.empty()) {
    print_make_usage();
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  auto r = make_test_model(o);
  if (!r.is_ok()) {
    std::fprintf(stderr, "lectern-cli make-test-model: %s\n", r.status().to_string().c_str());
    return 1;
  }
  if (vision) {
    TestVisionOptions vo{vision_shape, o.type, o.seed, test_model_hparams(o.shape).n_embd};
    const std::string mmproj = default_mmproj_path(o.out);
    auto v = o.format == TestModelFormat::Hf ? add_test_vision_tower_hf(o.out, vo) : write_test_vision_mmproj(mmproj, vo);
    if (!v.is_ok()) {
      std::fprintf(stderr, "lectern-cli make-test-model: vision tower: %s\n", v.status().to_string().c_str());
      return 1;
    }
    if (o.format == TestModelFormat::Gguf) std::printf("wrote %s (vision tower)\n", mmproj.c_str());
    r->n_tensors += v->n_tensors;
    r->n_bytes += v->n_bytes;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s (%llu tensors, %.1f MB) in %.2f s\n", o.out.c_str(), static_cast<unsigned long long>(r->n_tensors),
              static_cast<double>(r->n_bytes) / 1e6, seconds);
  return 0;
}

// Registered by hand: the command name has dashes, which LECTERN_CLI_COMMAND's identifier cannot carry.
static const bool lectern_cli_registered_make_test_model = ::lectern::cli::register_command(
    {"make-test-model", "write a random-weight Qwen3.5 test model (GGUF or HF folder)", run_make_test_model});
