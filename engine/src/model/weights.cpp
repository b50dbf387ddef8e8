// weights.cpp: the one place where GGUF and HuggingFace files are reconciled into ModelWeights (canonical =
// GGUF stored form; see weights.h). Big matrices stay views into the mapping; only small tensors that need a
// transform (+1 norms, -exp(A_log), dtype to F32, conv squeeze) are converted, once, into owned F32 buffers.
#include "model/weights.h"

#include <cmath>
#include <cstring>
#include <unordered_map>

#include "core/quant.h"
#include "model/gguf_reader.h"
#include "model/hf_folder.h"

namespace lectern::model {

const char* model_format_name(ModelFormat format) {
  return format == ModelFormat::Gguf ? "GGUF" : "HF folder";
}

std::string TensorRef::shape_string() const {
  std::string s = "[";
  for (uint32_t d = 0; d < n_dims; ++d) s += (d ? ", " : "") + std::to_string(ne[d]);
  return s + "]";
}

int ModelWeights::k_head_for_v_head(int j) const {
  const int hk = static_cast<int>(hparams.n_k_heads);
  const int hv = static_cast<int>(hparams.n_v_heads);
  return v_heads_tiled ? j % hk : j / (hv / hk);
}

std::vector<const TensorRef*> ModelWeights::all_tensors() const {
  std::vector<const TensorRef*> out{&token_embd};
  for (const LayerWeights& l : layers) {
    out.push_back(&l.attn_norm);
    if (l.type == LayerType::GatedDeltaNet) {
      const GdnWeights& g = l.gdn;
      for (const TensorRef* t : {&g.attn_qkv, &g.attn_gate, &g.ssm_beta, &g.ssm_alpha, &g.ssm_conv1d, &g.ssm_dt_bias,
                                 &g.ssm_a, &g.ssm_norm, &g.ssm_out})
        out.push_back(t);
    } else {
      const AttentionWeights& a = l.attn;
      for (const TensorRef* t : {&a.attn_q, &a.attn_k, &a.attn_v, &a.attn_q_norm, &a.attn_k_norm, &a.attn_output})
        out.push_back(t);
    }
    for (const TensorRef* t : {&l.post_attention_norm, &l.ffn_gate, &l.ffn_up, &l.ffn_down}) out.push_back(t);
  }
  out.push_back(&output_norm);
  if (!hparams.tied_embeddings) out.push_back(&output);
  return out;
}

uint64_t ModelWeights::total_bytes() const {
  uint64_t n = 0;
  for (const TensorRef* t : all_tensors())
    if (t->present()) n += t->n_bytes;
  return n;
}

namespace {

// How a tensor goes from the file to the canonical form.
enum class Transform {
  View,         // big matrix: point into the mapping
  F32,          // small tensor: convert to F32 if stored otherwise (no value change)
  NormPlusOne,  // HF zero-centred norm: 1 + w (GGUF files already store that: F32 only)
  NegExp,       // HF A_log -> ssm_a = -exp(A_log) (GGUF: F32 only)
  Conv,         // HF conv1d [C, 1, K] -> ne [K, C] (GGUF: F32 only)
};

struct Part {
  const char* gguf;  // suffix after "blk.N."
  const char* hf;    // suffix after "<prefix>layers.N."
  Transform hf_transform;
  bool small;        // stored F32 in canonical form
};

// Per-layer parts: common, GDN-only, attention-only.
constexpr Part k_common[] = {
    {"attn_norm.weight", "input_layernorm.weight", Transform::NormPlusOne, true},
    {"post_attention_norm.weight", "post_attention_layernorm.weight", Transform::NormPlusOne, true},
    {"ffn_gate.weight", "mlp.gate_proj.weight", Transform::View, false},
    {"ffn_up.weight", "mlp.up_proj.weight", Transform::View, false},
    {"ffn_down.weight", "mlp.down_proj.weight", Transform::View, false},
};
constexpr Part k_gdn[] = {
    {"attn_qkv.weight", "linear_attn.in_proj_qkv.weight", Transform::View, false},
    {"attn_gate.weight", "linear_attn.in_proj_z.weight", Transform::View, false},
    {"ssm_beta.weight", "linear_attn.in_proj_b.weight", Transform::View, false},
    {"ssm_alpha.weight", "linear_attn.in_proj_a.weight", Transform::View, false},
    {"ssm_conv1d.weight", "linear_attn.conv1d.weight", Transform::Conv, true},
    {"ssm_dt.bias", "linear_attn.dt_bias", Transform::F32, true},
    {"ssm_a", "linear_attn.A_log", Transform::NegExp, true},
    {"ssm_norm.weight", "linear_attn.norm.weight", Transform::F32, true},
    {"ssm_out.weight", "linear_attn.out_proj.weight", Transform::View, false},
};
constexpr Part k_attn[] = {
    {"attn_q.weight", "self_attn.q_proj.weight", Transform::View, false},
    {"attn_k.weight", "self_attn.k_proj.weight", Transform::View, false},
    {"attn_v.weight", "self_attn.v_proj.weight", Transform::View, false},
    {"attn_q_norm.weight", "self_attn.q_norm.weight", Transform::NormPlusOne, true},
    {"attn_k_norm.weight", "self_attn.k_norm.weight", Transform::NormPlusOne, true},
    {"attn_output.weight", "self_attn.o_proj.weight", Transform::View, false},
};

TensorRef* slot_for(LayerWeights& l, const char* gguf_suffix) {
  std::string_view s = gguf_suffix;
  if (s == "attn_norm.weight") return &l.attn_norm;
  if (s == "post_attention_norm.weight") return &l.post_attention_norm;
  if (s == "ffn_gate.weight") return &l.ffn_gate;
  if (s == "ffn_up.weight") return &l.ffn_up;
  if (s == "ffn_down.weight") return &l.ffn_down;
  GdnWeights& g = l.gdn;
  if (s == "attn_qkv.weight") return &g.attn_qkv;
  if (s == "attn_gate.weight") return &g.attn_gate;
  if (s == "ssm_beta.weight") return &g.ssm_beta;
  if (s == "ssm_alpha.weight") return &g.ssm_alpha;
  if (s == "ssm_conv1d.weight") return &g.ssm_conv1d;
  if (s == "ssm_dt.bias") return &g.ssm_dt_bias;
  if (s == "ssm_a") return &g.ssm_a;
  if (s == "ssm_norm.weight") return &g.ssm_norm;
  if (s == "ssm_out.weight") return &g.ssm_out;
  AttentionWeights& a = l.attn;
  if (s == "attn_q.weight") return &a.attn_q;
  if (s == "attn_k.weight") return &a.attn_k;
  if (s == "attn_v.weight") return &a.attn_v;
  if (s == "attn_q_norm.weight") return &a.attn_q_norm;
  if (s == "attn_k_norm.weight") return &a.attn_k_norm;
  if (s == "attn_output.weight") return &a.attn_output;
  return nullptr;
}

struct Slot {
  TensorRef* ref;
  Transform hf_transform;
  bool small;
};

// A tensor as found in a file, before reconciliation.
struct SourceTensor {
  std::string name;
  std::optional<DType> dtype;
  std::string dtype_name;
  uint32_t n_dims = 0;
  std::array<uint64_t, 4> ne{1, 1, 1, 1};
  std::span<const uint8_t> data;
};

// Creates every expected slot with its canonical (and, for HF, source) name.
std::unordered_map<std::string, Slot> build_skeleton(ModelWeights& w, const std::string& hf_prefix, bool hf,
                                                     std::unordered_map<std::string, std::string>* hf_to_gguf) {
  std::unordered_map<std::string, Slot> slots;
  auto add = [&](TensorRef& ref, std::string gguf_name, std::string hf_name, Transform t, bool small) {
    ref.name = gguf_name;
    ref.source_name = hf ? hf_name : gguf_name;
    slots[gguf_name] = Slot{&ref, t, small};
    if (hf_to_gguf) (*hf_to_gguf)[hf_name] = gguf_name;
  };
  const HParams& hp = w.hparams;
  w.layers.resize(hp.n_layer);
  add(w.token_embd, "token_embd.weight", hf_prefix + "embed_tokens.weight", Transform::View, false);
  add(w.output_norm, "output_norm.weight", hf_prefix + "norm.weight", Transform::NormPlusOne, true);
  if (!hp.tied_embeddings) add(w.output, "output.weight", "lm_head.weight", Transform::View, false);
  for (uint32_t i = 0; i < hp.n_layer; ++i) {
    LayerWeights& l = w.layers[i];
    l.type = hp.layer_types[i];
    const std::string g = "blk." + std::to_string(i) + ".";
    const std::string h = hf_prefix + "layers." + std::to_string(i) + ".";
    auto add_parts = [&](const auto& parts) {
      for (const Part& p : parts) add(*slot_for(l, p.gguf), g + p.gguf, h + p.hf, p.hf_transform, p.small);
    };
    add_parts(k_common);
    if (l.type == LayerType::GatedDeltaNet) add_parts(k_gdn);
    else add_parts(k_attn);
  }
  return slots;
}

Status unusable_dtype(const SourceTensor& src) {
  return Status(ErrorCode::Unsupported, "tensor " + src.name + " has dtype " + src.dtype_name +
                                            ", which Lectern cannot use as a weight (F32, F16, BF16, Q8_0, Q4_K, "
                                            "Q5_K, Q6_K)");
}

// Fills `ref` from `src`, converting small tensors to F32 (applying `transform` for HF sources).
Status assign(ModelWeights& w, TensorRef& ref, const SourceTensor& src, Transform transform, bool small) {
  if (!src.dtype) return unusable_dtype(src);
  ref.dtype = *src.dtype;
  ref.n_dims = src.n_dims;
  ref.ne = src.ne;
  ref.data = src.data.data();
  ref.n_bytes = src.data.size();
  if (transform == Transform::Conv) {
    // [C, 1, K] / [C, K] (PyTorch order) -> ne [K, C]; the bytes are already in that order.
    if (src.n_dims == 3 && src.ne[1] == 1) {
      ref.n_dims = 2;
      ref.ne = {src.ne[0], src.ne[2], 1, 1};
    }
  }
  if (!small) return Status::ok();
  // Small tensors are read by model code as float arrays: copy unless already aligned F32 with final values
  // (safetensors data offsets need not be 4-byte aligned).
  const bool changes_values = transform == Transform::NormPlusOne || transform == Transform::NegExp;
  const bool aligned = reinterpret_cast<uintptr_t>(ref.data) % alignof(float) == 0;
  if (ref.dtype == DType::F32 && !changes_values && aligned) return Status::ok();
  const uint64_t n = ref.n_elements();
  DTypeInfo info = dtype_info(ref.dtype);
  if (n % info.block_elems != 0 || n / info.block_elems * info.block_bytes != src.data.size())
    return Status(ErrorCode::CorruptData, "tensor " + src.name + " has " + std::to_string(src.data.size()) +
                                              " bytes, which does not match its shape " + ref.shape_string());
  auto buf = std::make_unique<std::vector<float>>(static_cast<size_t>(n));
  dequantize_row(ref.dtype, src.data.data(), buf->data(), static_cast<int64_t>(n));
  if (transform == Transform::NormPlusOne)
    for (float& x : *buf) x = x + 1.0f;  // llama.cpp's converter adds 1 in float32 too
  else if (transform == Transform::NegExp)
    for (float& x : *buf) x = -std::exp(x);
  ref.dtype = DType::F32;
  ref.data = reinterpret_cast<const uint8_t*>(buf->data());
  ref.n_bytes = n * sizeof(float);
  ref.converted = true;
  w.owned.push_back(std::move(buf));
  return Status::ok();
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "blk.12.attn_q.weight" -> 12; -1 if the name is not a block tensor.
int64_t block_index(std::string_view name) {
  if (!starts_with(name, "blk.")) return -1;
  size_t i = 4;
  int64_t n = 0;
  if (i >= name.size() || name[i] < '0' || name[i] > '9') return -1;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && n < 1'000'000) n = n * 10 + (name[i++] - '0');
  return i < name.size() && name[i] == '.' ? n : -1;
}

}  // namespace

Result<ModelWeights> weights_from_gguf(const GgufFile& gguf) {
  ModelWeights w;
  w.format = ModelFormat::Gguf;
  w.source_path = gguf.name();
  LECTERN_ASSIGN_OR_RETURN(w.hparams, hparams_from_gguf(gguf));
  w.hparams.tied_embeddings = gguf.find_tensor("output.weight") == nullptr;
  if (const GgufTensorInfo* te = gguf.find_tensor("token_embd.weight"); te && te->n_dims >= 2) {
    if (te->ne[1] > 0xffffffffull) return Status(ErrorCode::CorruptData, "token_embd.weight has too many rows");
    w.hparams.n_vocab = static_cast<uint32_t>(te->ne[1]);
  }
  LECTERN_TRY(w.hparams.check());
  w.v_heads_tiled = w.hparams.n_v_heads > w.hparams.n_k_heads;
  if (gguf.mapping()) w.keep_alive.push_back(gguf.mapping());
  auto slots = build_skeleton(w, "", false, nullptr);
  const uint32_t block_count = w.hparams.n_layer + w.hparams.n_nextn;
  for (const GgufTensorInfo& t : gguf.tensors()) {
    auto it = slots.find(t.name);
    if (it == slots.end()) {
      int64_t blk = block_index(t.name);
      if (blk >= w.hparams.n_layer && blk < block_count) {
        w.skipped_mtp.push_back(t.name);
        w.skipped_bytes += t.n_bytes;
      } else if (starts_with(t.name, "v.") || starts_with(t.name, "mm.")) {
        w.skipped_vision.push_back(t.name);
        w.skipped_bytes += t.n_bytes;
      } else {
        w.unexpected.push_back(t.name);
      }
      continue;
    }
    SourceTensor src{t.name, t.type, dtype_name(t.type), t.n_dims, t.ne, gguf.tensor_data(t)};
    const Slot& slot = it->second;
    // GGUF files already hold the canonical values; small tensors are only converted to F32 if needed.
    LECTERN_TRY(assign(w, *slot.ref, src, slot.small ? Transform::F32 : Transform::View, slot.small));
  }
  return w;
}

Result<ModelWeights> weights_from_hf(const HfFolder& folder) {
  ModelWeights w;
  w.format = ModelFormat::HfFolder;
  w.source_path = folder.dir;
  auto hp = hparams_from_hf_config(folder.config);
  if (!hp.is_ok()) return hp.status().with_context(folder.dir + "/config.json");
  w.hparams = std::move(hp).value();
  // Multimodal checkpoints nest the text model under model.language_model.; flat text-only ones use model.
  std::string prefix = "model.language_model.";
  if (!folder.find(prefix + "embed_tokens.weight") && folder.find("model.embed_tokens.weight")) prefix = "model.";
  if (const HfTensorLocation* e = folder.find(prefix + "embed_tokens.weight"); e && e->tensor->shape.size() == 2) {
    uint64_t rows = e->tensor->shape[0];
    if (rows != w.hparams.n_vocab)
      return Status(ErrorCode::CorruptData, folder.dir + ": config.json vocab_size = " + std::to_string(w.hparams.n_vocab) +
                                                " but " + e->tensor->name + " has " + std::to_string(rows) + " rows");
  }
  {
    Status s = w.hparams.check();
    if (!s.is_ok()) return s.with_context(folder.dir + "/config.json");
  }
  w.v_heads_tiled = false;  // HF keeps v heads grouped by k head
  for (const SafetensorsFile& shard : folder.shards)
    if (shard.mapping()) w.keep_alive.push_back(shard.mapping());
  std::unordered_map<std::string, std::string> hf_to_gguf;
  auto slots = build_skeleton(w, prefix, true, &hf_to_gguf);
  for (const auto& [name, loc] : folder.tensors) {
    const SafetensorsTensor& t = *loc.tensor;
    auto it = hf_to_gguf.find(name);
    if (it == hf_to_gguf.end()) {
      if (starts_with(name, "mtp.")) {
        w.skipped_mtp.push_back(name);
      } else if (starts_with(name, "model.visual.") || starts_with(name, "visual.") ||
                 starts_with(name, "model.vision_tower.")) {
        w.skipped_vision.push_back(name);
      } else {
        w.unexpected.push_back(name);
        continue;
      }
      w.skipped_bytes += t.end - t.begin;
      continue;
    }
    SourceTensor src;
    src.name = name;
    src.dtype = t.dtype;
    src.dtype_name = t.dtype_name;
    if (t.shape.size() > 4)
      return Status(ErrorCode::CorruptData, "tensor " + name + " has " + std::to_string(t.shape.size()) + " dimensions");
    src.n_dims = static_cast<uint32_t>(t.shape.size());
    for (size_t d = 0; d < t.shape.size(); ++d) src.ne[d] = t.shape[t.shape.size() - 1 - d];  // reverse: ne0 innermost
    src.data = folder.tensor_data(loc);
    const Slot& slot = slots.at(it->second);
    LECTERN_TRY(assign(w, *slot.ref, src, slot.hf_transform, slot.small));
  }
  return w;
}

}  // namespace lectern::model
