// cmd_info.cpp: `lectern-cli info MODEL [--context N] [--json]`: format, hyperparameters, tensors by type,
// skipped tensors, tokenizer, chat template and a memory estimate for a context length.
#include <cinttypes>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/model_info.h"

namespace {

void print_info_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli info MODEL [--context N] [--json]\n\n"
               "Describes a Qwen3.5 model (a .gguf file or a HuggingFace folder) after validating it.\n"
               "  --context N  context length for the memory estimate (default 4096)\n"
               "  --json       print the description as one JSON object\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli info: %s\n", message.c_str());
  return 1;
}

// 1234567 -> "1,234,567"
std::string grouped(uint64_t v) {
  const std::string digits = std::to_string(v);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

std::string human_bytes(uint64_t b) {
  char buf[64];
  if (b >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.2f GiB", b / 1073741824.0);
  else if (b >= (1ull << 20)) std::snprintf(buf, sizeof buf, "%.2f MiB", b / 1048576.0);
  else if (b >= 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024.0);
  else std::snprintf(buf, sizeof buf, "%" PRIu64 " B", b);
  return buf;
}

std::string layer_list(const std::vector<uint32_t>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s;
}

nlohmann::ordered_json to_json(const lectern::ModelInfo& m) {
  nlohmann::ordered_json tensors = nlohmann::ordered_json::array();
  for (const auto& g : m.tensors_by_dtype)
    tensors.push_back({{"dtype", g.dtype}, {"count", g.n_tensors}, {"elements", g.n_elements}, {"bytes", g.n_bytes}});
  auto opt = [](const std::optional<int32_t>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
  return {
      {"path", m.path},
      {"format", m.format},
      {"architecture", m.architecture},
      {"hparams",
       {{"n_layer", m.n_layer}, {"n_nextn", m.n_nextn}, {"n_embd", m.n_embd}, {"n_ff", m.n_ff},
        {"n_head", m.n_head}, {"n_head_kv", m.n_head_kv}, {"head_dim", m.head_dim}, {"n_rot", m.n_rot},
        {"rope_theta", m.rope_theta}, {"mrope_sections", m.mrope_sections}, {"rms_eps", m.rms_eps},
        {"conv_kernel", m.conv_kernel}, {"gdn_k_heads", m.n_k_heads}, {"gdn_v_heads", m.n_v_heads},
        {"gdn_k_head_dim", m.k_head_dim}, {"gdn_v_head_dim", m.v_head_dim},
        {"full_attention_interval", m.full_attention_interval}, {"full_attention_layers", m.full_attention_layers},
        {"n_vocab", m.n_vocab}, {"n_ctx_train", m.n_ctx_train}, {"tied_embeddings", m.tied_embeddings},
        {"v_heads_tiled", m.v_heads_tiled}}},
      {"tensors",
       {{"count", m.n_tensors}, {"params", m.n_params}, {"bytes", m.weight_bytes}, {"by_dtype", tensors},
        {"skipped_mtp", m.n_skipped_mtp}, {"skipped_vision", m.n_skipped_vision}, {"skipped_bytes", m.skipped_bytes}}},
      {"warnings", m.warnings},
      {"tokenizer",
       {{"model", m.tokenizer_model}, {"pre", m.tokenizer_pre}, {"vocab", m.tokenizer_vocab},
        {"merges", m.tokenizer_merges}, {"eos_id", opt(m.eos_id)}, {"eos_token", m.eos_token},
        {"pad_id", opt(m.pad_id)}, {"bos_id", opt(m.bos_id)}}},
      {"chat_template", {{"present", m.has_chat_template}, {"length", m.chat_template_length}}},
      {"memory",
       {{"context", m.context}, {"weights_bytes", m.weight_bytes}, {"kv_bytes_per_token", m.kv_bytes_per_token},
        {"kv_bytes", m.kv_bytes}, {"recurrent_state_bytes", m.recurrent_state_bytes}, {"total_bytes", m.total_bytes}}},
  };
}

void print_text(const lectern::ModelInfo& m) {
  std::printf("model         %s\n", m.path.c_str());
  std::printf("format        %s\n", m.format.c_str());
  std::printf("architecture  %s\n", m.architecture.c_str());
  std::printf("hyperparameters\n");
  std::printf("  layers                %u (%zu GDN, %zu full attention: %s)%s\n", m.n_layer,
              m.n_layer - m.full_attention_layers.size(), m.full_attention_layers.size(),
              layer_list(m.full_attention_layers).c_str(),
              m.n_nextn ? (" + " + std::to_string(m.n_nextn) + " MTP").c_str() : "");
  if (m.full_attention_interval) std::printf("  full_attention_interval %u\n", m.full_attention_interval);
  std::printf("  n_embd                %u\n", m.n_embd);
  std::printf("  n_ff                  %u\n", m.n_ff);
  std::printf("  attention heads       %u q / %u kv x %u (rotary %u dims, theta %g, mrope [%d, %d, %d, %d])\n",
              m.n_head, m.n_head_kv, m.head_dim, m.n_rot, m.rope_theta, m.mrope_sections[0], m.mrope_sections[1],
              m.mrope_sections[2], m.mrope_sections[3]);
  std::printf("  GDN heads             %u k x %u / %u v x %u, conv kernel %u, v heads %s\n", m.n_k_heads,
              m.k_head_dim, m.n_v_heads, m.v_head_dim, m.conv_kernel,
              m.n_v_heads == m.n_k_heads ? "1:1" : m.v_heads_tiled ? "tiled (GGUF order)" : "grouped (HF order)");
  std::printf("  rms_eps               %g\n", static_cast<double>(m.rms_eps));
  std::printf("  vocab rows            %u%s\n", m.n_vocab, m.tied_embeddings ? " (tied LM head)" : "");
  std::printf("  context (trained)     %s\n", grouped(m.n_ctx_train).c_str());
  std::printf("tensors       %s (%s parameters, %s)\n", grouped(m.n_tensors).c_str(), grouped(m.n_params).c_str(),
              human_bytes(m.weight_bytes).c_str());
  for (const auto& g : m.tensors_by_dtype)
    std::printf("  %-6s %5s tensors %16s elements %12s\n", g.dtype.c_str(), grouped(g.n_tensors).c_str(),
                grouped(g.n_elements).c_str(), human_bytes(g.n_bytes).c_str());
  std::printf("skipped       %s MTP, %s vision tensors (%s)\n", grouped(m.n_skipped_mtp).c_str(),
              grouped(m.n_skipped_vision).c_str(), human_bytes(m.skipped_bytes).c_str());
  for (const auto& w : m.warnings) std::printf("warning       %s\n", w.c_str());
  std::printf("tokenizer     %s, pre %s, %s entries, %s merges, eos %s%s\n", m.tokenizer_model.c_str(),
              m.tokenizer_pre.c_str(), grouped(m.tokenizer_vocab).c_str(), grouped(m.tokenizer_merges).c_str(),
              m.eos_id ? std::to_string(*m.eos_id).c_str() : "none",
              m.eos_id ? (" " + m.eos_token).c_str() : "");
  if (m.has_chat_template) std::printf("chat template yes (%s bytes)\n", grouped(m.chat_template_length).c_str());
  else std::printf("chat template no\n");
  std::printf("memory        %s for %s tokens: weights %s + KV cache %s (%s/token, f16) + GDN state %s (f32)\n",
              human_bytes(m.total_bytes).c_str(), grouped(m.context).c_str(), human_bytes(m.weight_bytes).c_str(),
              human_bytes(m.kv_bytes).c_str(), human_bytes(m.kv_bytes_per_token).c_str(),
              human_bytes(m.recurrent_state_bytes).c_str());
}

}  // namespace

static int run_info(const std::vector<std::string>& args) {
  std::string model;
  uint64_t context = 4096;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--context" && i + 1 < args.size()) {
      const std::string& v = args[++i];
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-' || n == 0 || n > (1ull << 32)) {
        std::fprintf(stderr, "lectern-cli info: --context needs a positive number of tokens, got '%s'\n", v.c_str());
        print_info_usage();
        return 2;
      }
      context = n;
    } else if (a == "--json") {
      json = true;
    } else if (a == "-h" || a == "--help") {
      print_info_usage();
      return 0;
    } else if (model.empty() && !a.starts_with("--")) {
      model = a;
    } else {
      print_info_usage();
      return 2;
    }
  }
  if (model.empty()) {
    print_info_usage();
    return 2;
  }
  auto info = lectern::inspect_model(model, context);
  if (!info.is_ok()) return fail(info.status().to_string());
  if (json) std::printf("%s\n", to_json(*info).dump(2).c_str());
  else print_text(*info);
  return 0;
}

LECTERN_CLI_COMMAND(info, "describe a model file or folder: hyperparameters, tensors, tokenizer, memory", run_info);
