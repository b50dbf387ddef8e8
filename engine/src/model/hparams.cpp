// hparams.cpp: reading Qwen3.5 hyperparameters from GGUF (qwen35.* keys, qwen35.md §8.1.2) and HF config.json
// (text_config, qwen35.md §1.1), and checking they describe a buildable model.
#include "model/hparams.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "model/gguf_reader.h"

namespace lectern::model {

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

// A scalar, or a per-layer array whose non-zero entries all agree (Ollama-style per-layer head counts, where
// recurrent layers carry 0).
Result<uint64_t> gguf_uniform_uint(const GgufFile& g, const std::string& key) {
  const GgufValue* v = g.find(key);
  if (v != nullptr && v->is_array()) {
    LECTERN_ASSIGN_OR_RETURN(std::vector<int64_t> a, g.get_int_array(key));
    int64_t found = 0;
    for (int64_t x : a) {
      if (x < 0) return Status(ErrorCode::CorruptData, "metadata key '" + key + "' holds a negative value");
      if (x != 0 && found != 0 && x != found)
        return Status(ErrorCode::Unsupported, "metadata key '" + key + "' varies per layer, which Qwen3.5 does not");
      if (x != 0) found = x;
    }
    if (found == 0) return Status(ErrorCode::CorruptData, "metadata key '" + key + "' has no non-zero entry");
    return static_cast<uint64_t>(found);
  }
  return g.get_uint(key);
}

Result<uint32_t> to_u32(Result<uint64_t> r, const std::string& key) {
  if (!r.is_ok()) return r.status();
  if (*r > 0xffffffffull) return Status(ErrorCode::CorruptData, "metadata key '" + key + "' = " + u64s(*r) + " is too large");
  return static_cast<uint32_t>(*r);
}

void derive_layer_types(HParams& hp) {
  hp.layer_types.assign(hp.n_layer, LayerType::GatedDeltaNet);
  for (uint32_t i = 0; i < hp.n_layer; ++i)
    if ((i + 1) % hp.full_attention_interval == 0) hp.layer_types[i] = LayerType::FullAttention;
}

}  // namespace

uint32_t HParams::n_full_attention_layers() const {
  uint32_t n = 0;
  for (LayerType t : layer_types) n += t == LayerType::FullAttention ? 1 : 0;
  return n;
}

Status HParams::check() const {
  auto bad = [](const std::string& msg) { return Status(ErrorCode::CorruptData, "inconsistent hyperparameters: " + msg); };
  constexpr uint32_t k_max_dim = 1u << 20;
  const std::pair<const char*, uint32_t> dims[] = {
      {"n_layer", n_layer}, {"n_embd", n_embd}, {"n_ff", n_ff}, {"n_head", n_head}, {"n_head_kv", n_head_kv},
      {"head_dim", head_dim}, {"n_rot", n_rot}, {"conv_kernel", conv_kernel}, {"n_k_heads (GDN)", n_k_heads},
      {"n_v_heads (GDN)", n_v_heads}, {"k_head_dim (GDN)", k_head_dim}, {"v_head_dim (GDN)", v_head_dim}};
  for (const auto& [name, v] : dims) {
    if (v == 0) return bad(std::string(name) + " is 0");
    if (v > k_max_dim) return bad(std::string(name) + " = " + u64s(v) + " is implausibly large");
  }
  if (n_layer > k_max_layers) return bad("n_layer = " + u64s(n_layer) + " is implausibly large");
  if (n_head % n_head_kv != 0)
    return bad("n_head = " + u64s(n_head) + " is not a multiple of n_head_kv = " + u64s(n_head_kv));
  if (n_v_heads % n_k_heads != 0)
    return bad("GDN v heads = " + u64s(n_v_heads) + " is not a multiple of k heads = " + u64s(n_k_heads));
  if (n_rot % 2 != 0 || n_rot > head_dim)
    return bad("rotary dims n_rot = " + u64s(n_rot) + " must be even and at most head_dim = " + u64s(head_dim));
  int64_t sections = 0;
  for (int32_t s : mrope_sections) {
    if (s < 0) return bad("negative M-RoPE section");
    sections += s;
  }
  if (sections != n_rot / 2)
    return bad("M-RoPE sections sum to " + std::to_string(sections) + " frequency pairs but n_rot / 2 = " + u64s(n_rot / 2));
  if (!(rope_theta > 0) || !std::isfinite(rope_theta)) return bad("rope theta must be positive");
  if (!(rms_eps > 0) || !std::isfinite(rms_eps)) return bad("rms eps must be positive");
  if (layer_types.size() != n_layer)
    return bad("there are " + u64s(layer_types.size()) + " layer types for " + u64s(n_layer) + " layers");
  if (n_ctx_train == 0) return bad("context length is 0");
  return Status::ok();
}

std::string describe_layer_types(const HParams& hp) {
  uint32_t n_full = hp.n_full_attention_layers();
  std::string s = "GDN x" + u64s(hp.n_layer - n_full) + ", attention x" + u64s(n_full);
  if (n_full > 0) {
    s += " (layers ";
    bool first = true;
    for (uint32_t i = 0; i < hp.n_layer; ++i) {
      if (!hp.is_full_attention(i)) continue;
      s += (first ? "" : ", ") + u64s(i);
      first = false;
    }
    s += ")";
  }
  return s;
}

Result<HParams> hparams_from_gguf(const GgufFile& g) {
  LECTERN_ASSIGN_OR_RETURN(std::string_view arch, g.get_string("general.architecture"));
  if (arch != "qwen35")
    return Status(ErrorCode::Unsupported, "general.architecture is '" + std::string(arch) +
                                              "'; Lectern runs Qwen3.5 text models (architecture 'qwen35')");
  HParams hp;
  hp.architecture = std::string(arch);
  const std::string p = "qwen35.";
  auto u32 = [&](const std::string& k) { return to_u32(g.get_uint(p + k), p + k); };
  auto uniform = [&](const std::string& k) { return to_u32(gguf_uniform_uint(g, p + k), p + k); };

  LECTERN_ASSIGN_OR_RETURN(uint32_t block_count, u32("block_count"));
  if (block_count > k_max_layers)
    return Status(ErrorCode::CorruptData, "qwen35.block_count = " + u64s(block_count) + " is implausibly large (at most " +
                                              u64s(k_max_layers) + ")");
  LECTERN_ASSIGN_OR_RETURN(uint64_t nextn, g.get_uint_or(p + "nextn_predict_layers", 0));
  if (nextn >= block_count)
    return Status(ErrorCode::CorruptData, "qwen35.nextn_predict_layers = " + u64s(nextn) +
                                              " leaves no main layers of block_count = " + u64s(block_count));
  hp.n_nextn = static_cast<uint32_t>(nextn);
  hp.n_layer = block_count - hp.n_nextn;
  LECTERN_ASSIGN_OR_RETURN(hp.n_ctx_train, g.get_uint(p + "context_length"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_embd, u32("embedding_length"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_ff, uniform("feed_forward_length"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_head, uniform("attention.head_count"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_head_kv, uniform("attention.head_count_kv"));
  LECTERN_ASSIGN_OR_RETURN(hp.head_dim, u32("attention.key_length"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t value_length, g.get_uint_or(p + "attention.value_length", hp.head_dim));
  if (value_length != hp.head_dim)
    return Status(ErrorCode::Unsupported, "qwen35.attention.value_length = " + u64s(value_length) +
                                              " differs from key_length = " + u64s(hp.head_dim));
  LECTERN_ASSIGN_OR_RETURN(double eps, g.get_float(p + "attention.layer_norm_rms_epsilon"));
  hp.rms_eps = static_cast<float>(eps);
  LECTERN_ASSIGN_OR_RETURN(hp.rope_theta, g.get_float(p + "rope.freq_base"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_rot, u32("rope.dimension_count"));
  LECTERN_ASSIGN_OR_RETURN(std::vector<int64_t> sections, g.get_int_array(p + "rope.dimension_sections"));
  if (sections.size() < 3 || sections.size() > 4)
    return Status(ErrorCode::CorruptData, "qwen35.rope.dimension_sections has " + u64s(sections.size()) +
                                              " entries, expected 4 (T, H, W, extra)");
  for (size_t i = 0; i < sections.size(); ++i) {
    if (sections[i] < 0 || sections[i] > 1 << 20)
      return Status(ErrorCode::CorruptData, "qwen35.rope.dimension_sections has an invalid entry");
    hp.mrope_sections[i] = static_cast<int32_t>(sections[i]);
  }
  LECTERN_ASSIGN_OR_RETURN(hp.conv_kernel, u32("ssm.conv_kernel"));
  LECTERN_ASSIGN_OR_RETURN(hp.k_head_dim, u32("ssm.state_size"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_k_heads, u32("ssm.group_count"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_v_heads, u32("ssm.time_step_rank"));
  LECTERN_ASSIGN_OR_RETURN(uint32_t inner, u32("ssm.inner_size"));
  if (hp.n_v_heads == 0 || inner % hp.n_v_heads != 0)
    return Status(ErrorCode::CorruptData, "qwen35.ssm.inner_size = " + u64s(inner) +
                                              " is not a multiple of ssm.time_step_rank = " + u64s(hp.n_v_heads));
  hp.v_head_dim = inner / hp.n_v_heads;

  // llama.cpp: an explicit per-layer recurrent flag array wins; otherwise full_attention_interval (default 4).
  if (const GgufValue* rec = g.find(p + "attention.recurrent_layers"); rec != nullptr && rec->is_array()) {
    LECTERN_ASSIGN_OR_RETURN(std::vector<int64_t> flags, g.get_int_array(p + "attention.recurrent_layers"));
    if (flags.size() != block_count && flags.size() != hp.n_layer)
      return Status(ErrorCode::CorruptData, "qwen35.attention.recurrent_layers has " + u64s(flags.size()) +
                                                " entries for " + u64s(block_count) + " blocks");
    hp.layer_types.resize(hp.n_layer);
    for (uint32_t i = 0; i < hp.n_layer; ++i)
      hp.layer_types[i] = flags[i] != 0 ? LayerType::GatedDeltaNet : LayerType::FullAttention;
    hp.full_attention_interval = 0;
  } else {
    LECTERN_ASSIGN_OR_RETURN(uint64_t interval, g.get_uint_or(p + "full_attention_interval", 4));
    if (interval == 0 || interval > 0xffff)
      return Status(ErrorCode::CorruptData, "qwen35.full_attention_interval = " + u64s(interval) + " is invalid");
    hp.full_attention_interval = static_cast<uint32_t>(interval);
    derive_layer_types(hp);
  }
  return hp;
}

namespace {

// Small typed accessors over a JSON object that never throw; `where` is the dotted path used in messages.
struct JsonView {
  const nlohmann::json& obj;
  std::string where;

  const nlohmann::json* get(const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }
  Status missing(const char* key) const {
    return Status(ErrorCode::NotFound, "config.json has no " + where + key + " (required for Qwen3.5)");
  }
  Status wrong(const char* key, const char* expected) const {
    return Status(ErrorCode::CorruptData, "config.json " + where + key + " must be " + expected);
  }
  Result<uint32_t> u32(const char* key) const {
    const nlohmann::json* v = get(key);
    if (!v) return missing(key);
    if (!v->is_number_unsigned() || v->get<uint64_t>() > 0xffffffffull) return wrong(key, "a non-negative integer");
    return static_cast<uint32_t>(v->get<uint64_t>());
  }
  Result<uint32_t> u32_or(const char* key, uint32_t fallback) const {
    if (!get(key)) return fallback;
    return u32(key);
  }
  Result<double> number(const char* key) const {
    const nlohmann::json* v = get(key);
    if (!v) return missing(key);
    if (!v->is_number()) return wrong(key, "a number");
    return v->get<double>();
  }
  Result<bool> boolean_or(const char* key, bool fallback) const {
    const nlohmann::json* v = get(key);
    if (!v) return fallback;
    if (!v->is_boolean()) return wrong(key, "true or false");
    return v->get<bool>();
  }
};

bool contains_string(const nlohmann::json* arr, const char* s) {
  if (!arr || !arr->is_array()) return false;
  for (const auto& x : *arr)
    if (x.is_string() && x.get<std::string>() == s) return true;
  return false;
}

}  // namespace

Result<HParams> hparams_from_hf_config(const nlohmann::json& config) {
  if (!config.is_object()) return Status(ErrorCode::CorruptData, "config.json is not a JSON object");
  JsonView top{config, ""};
  const nlohmann::json* mt = top.get("model_type");
  std::string model_type = mt && mt->is_string() ? mt->get<std::string>() : "";
  const nlohmann::json* archs = top.get("architectures");
  const nlohmann::json* text = &config;
  std::string where;
  if (model_type == "qwen3_5" || contains_string(archs, "Qwen3_5ForConditionalGeneration")) {
    text = top.get("text_config");
    if (!text || !text->is_object())
      return Status(ErrorCode::NotFound, "config.json (model_type qwen3_5) has no text_config object");
    where = "text_config.";
  } else if (model_type != "qwen3_5_text" && !contains_string(archs, "Qwen3_5ForCausalLM")) {
    std::string got = model_type.empty() ? "no model_type" : "model_type '" + model_type + "'";
    return Status(ErrorCode::Unsupported, "config.json has " + got +
                                              "; Lectern runs Qwen3.5 text models (model_type qwen3_5 or qwen3_5_text)");
  }
  JsonView t{*text, where};
  if (const nlohmann::json* tmt = t.get("model_type"); tmt && tmt->is_string() && tmt->get<std::string>() != "qwen3_5_text")
    return Status(ErrorCode::Unsupported, "config.json " + where + "model_type is '" + tmt->get<std::string>() +
                                              "', expected 'qwen3_5_text'");
  HParams hp;
  LECTERN_ASSIGN_OR_RETURN(hp.n_layer, t.u32("num_hidden_layers"));
  if (hp.n_layer > k_max_layers)
    return Status(ErrorCode::CorruptData, "config.json " + where + "num_hidden_layers = " + u64s(hp.n_layer) +
                                              " is implausibly large (at most " + u64s(k_max_layers) + ")");
  LECTERN_ASSIGN_OR_RETURN(hp.n_embd, t.u32("hidden_size"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_ff, t.u32("intermediate_size"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_head, t.u32("num_attention_heads"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_head_kv, t.u32("num_key_value_heads"));
  LECTERN_ASSIGN_OR_RETURN(hp.head_dim, t.u32("head_dim"));
  LECTERN_ASSIGN_OR_RETURN(double eps, t.number("rms_norm_eps"));
  hp.rms_eps = static_cast<float>(eps);
  LECTERN_ASSIGN_OR_RETURN(hp.conv_kernel, t.u32("linear_conv_kernel_dim"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_k_heads, t.u32("linear_num_key_heads"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_v_heads, t.u32("linear_num_value_heads"));
  LECTERN_ASSIGN_OR_RETURN(hp.k_head_dim, t.u32("linear_key_head_dim"));
  LECTERN_ASSIGN_OR_RETURN(hp.v_head_dim, t.u32("linear_value_head_dim"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_ctx_train, t.u32("max_position_embeddings"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_vocab, t.u32("vocab_size"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_nextn, t.u32_or("mtp_num_hidden_layers", 0));
  LECTERN_ASSIGN_OR_RETURN(bool gate, t.boolean_or("attn_output_gate", true));
  if (!gate) return Status(ErrorCode::Unsupported, "config.json " + where + "attn_output_gate is false; Qwen3.5 needs the gate");
  LECTERN_ASSIGN_OR_RETURN(bool bias, t.boolean_or("attention_bias", false));
  if (bias) return Status(ErrorCode::Unsupported, "config.json " + where + "attention_bias is true; Qwen3.5 has no biases");
  // tie_word_embeddings lives at the top level of multimodal configs and in text_config of flat ones.
  LECTERN_ASSIGN_OR_RETURN(bool tied_text, t.boolean_or("tie_word_embeddings", false));
  LECTERN_ASSIGN_OR_RETURN(hp.tied_embeddings, top.boolean_or("tie_word_embeddings", tied_text));

  // RoPE: transformers v5 nests it in rope_parameters; older configs use rope_theta / partial_rotary_factor at
  // the top of text_config and mrope_section inside rope_scaling.
  const nlohmann::json* rp = t.get("rope_parameters");
  if (rp && !rp->is_object()) return t.wrong("rope_parameters", "an object");
  const nlohmann::json* rs = t.get("rope_scaling");
  JsonView rope = rp ? JsonView{*rp, where + "rope_parameters."} : t;
  LECTERN_ASSIGN_OR_RETURN(hp.rope_theta, rope.number("rope_theta"));
  double factor = 1.0;
  if (rope.get("partial_rotary_factor")) {
    LECTERN_ASSIGN_OR_RETURN(factor, rope.number("partial_rotary_factor"));
  } else if (t.get("partial_rotary_factor")) {
    LECTERN_ASSIGN_OR_RETURN(factor, t.number("partial_rotary_factor"));
  }
  double rot = factor * hp.head_dim;
  if (!(factor > 0 && factor <= 1) || rot != std::floor(rot))
    return Status(ErrorCode::CorruptData, "config.json partial_rotary_factor " + std::to_string(factor) +
                                              " does not give a whole number of rotary dims of head_dim " + u64s(hp.head_dim));
  hp.n_rot = static_cast<uint32_t>(rot);
  const nlohmann::json* sec = rope.get("mrope_section");
  if (!sec && rs && rs->is_object()) sec = JsonView{*rs, ""}.get("mrope_section");
  if (!sec) return rope.missing("mrope_section");
  if (!sec->is_array() || sec->size() < 3 || sec->size() > 4) return rope.wrong("mrope_section", "an array of 3 integers");
  for (size_t i = 0; i < sec->size(); ++i) {
    if (!(*sec)[i].is_number_unsigned() || (*sec)[i].get<uint64_t>() > (1u << 20))
      return rope.wrong("mrope_section", "an array of non-negative integers");
    hp.mrope_sections[i] = static_cast<int32_t>((*sec)[i].get<uint64_t>());
  }
  if (const nlohmann::json* il = rope.get("mrope_interleaved"); il && il->is_boolean()) hp.mrope_interleaved = il->get<bool>();

  if (const nlohmann::json* lt = t.get("layer_types")) {
    if (!lt->is_array() || lt->size() != hp.n_layer)
      return t.wrong("layer_types", ("an array of num_hidden_layers = " + u64s(hp.n_layer) + " entries").c_str());
    for (const auto& x : *lt) {
      std::string s = x.is_string() ? x.get<std::string>() : "";
      if (s == "linear_attention") hp.layer_types.push_back(LayerType::GatedDeltaNet);
      else if (s == "full_attention") hp.layer_types.push_back(LayerType::FullAttention);
      else return Status(ErrorCode::Unsupported, "config.json " + where + "layer_types has unknown entry '" + s + "'");
    }
    LECTERN_ASSIGN_OR_RETURN(hp.full_attention_interval, t.u32_or("full_attention_interval", 0));
  } else {
    LECTERN_ASSIGN_OR_RETURN(hp.full_attention_interval, t.u32_or("full_attention_interval", 4));
    if (hp.full_attention_interval == 0) return t.wrong("full_attention_interval", "positive");
    derive_layer_types(hp);
  }
  return hp;
}

}  // namespace lectern::model
