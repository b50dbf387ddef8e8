// model_info.cpp: inspect_model() — the summary behind `lectern-cli info`, built from the validated weights.
#include "lectern/model_info.h"

#include <map>
#include <nlohmann/json.hpp>

#include "lectern/tokenizer.h"
#include "model/gguf_tokenizer.h"
#include "model/hf_folder.h"
#include "model/model_source.h"
#include "text/tokenizer_loader.h"

namespace lectern {

namespace {

using model::ModelSource;
using model::ModelWeights;

void fill_hparams(ModelInfo& info, const ModelWeights& w) {
  const model::HParams& hp = w.hparams;
  info.architecture = hp.architecture;
  info.n_layer = hp.n_layer, info.n_nextn = hp.n_nextn, info.n_embd = hp.n_embd, info.n_ff = hp.n_ff;
  info.n_head = hp.n_head, info.n_head_kv = hp.n_head_kv, info.head_dim = hp.head_dim, info.n_rot = hp.n_rot;
  info.rope_theta = hp.rope_theta;
  info.mrope_sections = hp.mrope_sections;
  info.rms_eps = hp.rms_eps;
  info.conv_kernel = hp.conv_kernel, info.n_k_heads = hp.n_k_heads, info.n_v_heads = hp.n_v_heads;
  info.k_head_dim = hp.k_head_dim, info.v_head_dim = hp.v_head_dim;
  info.full_attention_interval = hp.full_attention_interval;
  for (uint32_t i = 0; i < hp.n_layer; ++i)
    if (hp.is_full_attention(i)) info.full_attention_layers.push_back(i);
  info.n_vocab = hp.n_vocab;
  info.n_ctx_train = hp.n_ctx_train;
  info.tied_embeddings = hp.tied_embeddings;
  info.v_heads_tiled = w.v_heads_tiled;
}

void fill_tensors(ModelInfo& info, const ModelWeights& w) {
  std::map<std::string, ModelTensorGroup> groups;
  for (const model::TensorRef* t : w.all_tensors()) {
    // Counted as Lectern holds them: small HF tensors converted at load count as F32 (a few KB either way).
    ModelTensorGroup& g = groups[dtype_name(t->dtype)];
    g.dtype = dtype_name(t->dtype);
    ++g.n_tensors;
    g.n_elements += t->n_elements();
    g.n_bytes += t->n_bytes;
    ++info.n_tensors;
    info.n_params += t->n_elements();
    info.weight_bytes += t->n_bytes;
  }
  for (auto& [name, g] : groups) info.tensors_by_dtype.push_back(g);
  info.n_skipped_mtp = w.skipped_mtp.size();
  info.n_skipped_vision = w.skipped_vision.size();
  info.skipped_bytes = w.skipped_bytes;
  for (const std::string& u : w.unexpected) info.warnings.push_back("unexpected tensor " + u + " (ignored)");
}

// The regex family of a tokenizer.json pre-tokenizer: Qwen3.5's adds \p{M} (qwen35.md §5.1).
std::string hf_pre_family(const nlohmann::json& tok) {
  std::string dump = tok.contains("pre_tokenizer") ? tok["pre_tokenizer"].dump() : std::string();
  if (dump.find("\\\\p{M}") != std::string::npos) return "qwen35 regex";
  if (dump.find("\\\\p{L}") != std::string::npos) return "qwen2 regex";
  return dump.empty() ? "none" : "other";
}

Status fill_tokenizer(ModelInfo& info, const ModelSource& src) {
  LECTERN_ASSIGN_OR_RETURN(Tokenizer tok, text::load_tokenizer_for_model(src.path));
  info.eos_id = tok.eos_id();
  info.pad_id = tok.pad_id();
  info.bos_id = tok.bos_id();
  if (info.eos_id) info.eos_token = std::string(tok.token_piece(*info.eos_id));
  info.tokenizer_vocab = static_cast<uint32_t>(tok.n_vocab());
  if (src.format == model::ModelFormat::Gguf) {
    LECTERN_ASSIGN_OR_RETURN(text::TokenizerVocab v, model::tokenizer_vocab_from_gguf(*src.gguf));
    info.tokenizer_model = "gpt2";
    info.tokenizer_pre = v.pre;
    info.tokenizer_merges = static_cast<uint32_t>(v.merges.size());
    if (const model::GgufValue* t = src.gguf->find("tokenizer.chat_template"); t && t->type == model::GgufType::String) {
      info.has_chat_template = true;
      info.chat_template_length = t->str.size();
    }
  } else {
    const model::HfFolder& hf = *src.hf;
    LECTERN_ASSIGN_OR_RETURN(nlohmann::json tj, model::read_json_file(hf.tokenizer_json_path));
    const nlohmann::json* m = tj.is_object() && tj.contains("model") ? &tj["model"] : nullptr;
    info.tokenizer_model = m && m->contains("type") && (*m)["type"].is_string() ? (*m)["type"].get<std::string>() : "?";
    info.tokenizer_merges = m && m->contains("merges") && (*m)["merges"].is_array() ? static_cast<uint32_t>((*m)["merges"].size()) : 0;
    info.tokenizer_pre = hf_pre_family(tj);
    if (hf.chat_template) {
      info.has_chat_template = true;
      info.chat_template_length = hf.chat_template->size();
    }
  }
  return Status::ok();
}

void fill_memory(ModelInfo& info, const model::HParams& hp, uint64_t context) {
  const uint64_t n_full = hp.n_full_attention_layers();
  const uint64_t n_gdn = hp.n_layer - n_full;
  info.context = context;
  info.kv_bytes_per_token = n_full * 2 * hp.n_head_kv * hp.head_dim * 2;  // K and V, f16
  info.kv_bytes = info.kv_bytes_per_token * context;
  const uint64_t conv = uint64_t{hp.conv_kernel - 1} * hp.gdn_conv_channels() * 4;
  const uint64_t delta = uint64_t{hp.n_v_heads} * hp.k_head_dim * hp.v_head_dim * 4;
  info.recurrent_state_bytes = n_gdn * (conv + delta);
  info.total_bytes = info.weight_bytes + info.kv_bytes + info.recurrent_state_bytes;
}

}  // namespace

Result<ModelInfo> inspect_model(const std::string& path, uint64_t context) {
  LECTERN_ASSIGN_OR_RETURN(ModelSource src, model::open_model_source(path));
  LECTERN_ASSIGN_OR_RETURN(ModelWeights w, model::load_model_weights(src));
  ModelInfo info;
  info.path = path;
  info.format = src.format == model::ModelFormat::Gguf ? "GGUF v" + std::to_string(src.gguf->version()) : "HF folder";
  fill_hparams(info, w);
  fill_tensors(info, w);
  LECTERN_TRY(fill_tokenizer(info, src));
  fill_memory(info, w.hparams, context);
  return info;
}

}  // namespace lectern
