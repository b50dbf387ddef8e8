// vision_weights.cpp: reconciling a HF `model.visual.*` tower and a llama.cpp mmproj GGUF (qwen3vl_merger) into
// VisionWeights (canonical form in vision_weights.h), and validating every tensor against the hyperparameters.
#include "model/vision_weights.h"

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/quant.h"
#include "model/gguf_reader.h"
#include "model/hf_folder.h"

namespace lectern::model {

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

// One tensor slot: canonical GGUF name, HF name (after "model.visual."), small (converted to F32).
struct VisionSlot {
  TensorRef* ref;
  std::string hf;
  bool small;
};

std::vector<std::pair<std::string, VisionSlot>> build_slots(VisionWeights& w) {
  std::vector<std::pair<std::string, VisionSlot>> s;
  auto add = [&](TensorRef& ref, std::string gguf, std::string hf, bool small) {
    ref.name = gguf;
    s.push_back({std::move(gguf), VisionSlot{&ref, std::move(hf), small}});
  };
  add(w.patch_bias, "v.patch_embd.bias", "patch_embed.proj.bias", true);
  add(w.position_embd, "v.position_embd.weight", "pos_embed.weight", true);
  w.layers.resize(w.hparams.n_layer);
  for (uint32_t i = 0; i < w.hparams.n_layer; ++i) {
    VisionLayerWeights& l = w.layers[i];
    const std::string g = "v.blk." + std::to_string(i) + ".";
    const std::string h = "blocks." + std::to_string(i) + ".";
    add(l.ln1_w, g + "ln1.weight", h + "norm1.weight", true);
    add(l.ln1_b, g + "ln1.bias", h + "norm1.bias", true);
    add(l.attn_qkv, g + "attn_qkv.weight", h + "attn.qkv.weight", false);
    add(l.attn_qkv_b, g + "attn_qkv.bias", h + "attn.qkv.bias", true);
    add(l.attn_out, g + "attn_out.weight", h + "attn.proj.weight", false);
    add(l.attn_out_b, g + "attn_out.bias", h + "attn.proj.bias", true);
    add(l.ln2_w, g + "ln2.weight", h + "norm2.weight", true);
    add(l.ln2_b, g + "ln2.bias", h + "norm2.bias", true);
    add(l.ffn_up, g + "ffn_up.weight", h + "mlp.linear_fc1.weight", false);
    add(l.ffn_up_b, g + "ffn_up.bias", h + "mlp.linear_fc1.bias", true);
    add(l.ffn_down, g + "ffn_down.weight", h + "mlp.linear_fc2.weight", false);
    add(l.ffn_down_b, g + "ffn_down.bias", h + "mlp.linear_fc2.bias", true);
  }
  add(w.post_ln_w, "v.post_ln.weight", "merger.norm.weight", true);
  add(w.post_ln_b, "v.post_ln.bias", "merger.norm.bias", true);
  add(w.mm0, "mm.0.weight", "merger.linear_fc1.weight", false);
  add(w.mm0_b, "mm.0.bias", "merger.linear_fc1.bias", true);
  add(w.mm2, "mm.2.weight", "merger.linear_fc2.weight", false);
  add(w.mm2_b, "mm.2.bias", "merger.linear_fc2.bias", true);
  return s;
}

Status unusable_dtype(const std::string& name, const std::string& dtype) {
  return Status(ErrorCode::Unsupported, "vision tensor " + name + " has dtype " + dtype +
                                            ", which Lectern cannot use (F32, F16, BF16, Q8_0)");
}

// Converts `n` values of `bytes` (stored as `dtype`) to F32 in owned storage.
Result<float*> to_f32(VisionWeights& w, const std::string& name, DType dtype, std::span<const uint8_t> bytes,
                      uint64_t n) {
  auto buf = std::make_unique<std::vector<float>>(static_cast<size_t>(n));
  Status s = dequantize_row_checked(dtype, bytes.data(), bytes.size(), buf->data(), static_cast<int64_t>(n));
  if (!s.is_ok())
    return Status(ErrorCode::CorruptData, "vision tensor " + name + ": " + std::string(s.message()));
  float* p = buf->data();
  w.owned.push_back(std::move(buf));
  return p;
}

// Fills `ref` from a file tensor (ne in GGUF order); small tensors become F32 copies.
Status assign(VisionWeights& w, TensorRef& ref, const std::string& source_name, std::optional<DType> dtype,
              const std::string& dtype_label, uint32_t n_dims, const std::array<uint64_t, 4>& ne,
              std::span<const uint8_t> data, bool small) {
  if (!dtype) return unusable_dtype(source_name, dtype_label);
  if (*dtype != DType::F32 && *dtype != DType::F16 && *dtype != DType::BF16 && *dtype != DType::Q8_0)
    return unusable_dtype(source_name, dtype_label);
  ref.source_name = source_name;
  ref.dtype = *dtype;
  ref.n_dims = n_dims;
  ref.ne = ne;
  ref.data = data.data();
  ref.n_bytes = data.size();
  if (!small) return Status::ok();
  const bool aligned = reinterpret_cast<uintptr_t>(ref.data) % alignof(float) == 0;
  if (ref.dtype == DType::F32 && aligned) return Status::ok();
  LECTERN_ASSIGN_OR_RETURN(float* p, to_f32(w, source_name, ref.dtype, data, ref.n_elements()));
  ref.dtype = DType::F32;
  ref.data = reinterpret_cast<const uint8_t*>(p);
  ref.n_bytes = ref.n_elements() * sizeof(float);
  ref.converted = true;
  return Status::ok();
}

// Sets patch_embd from a buffer already in canonical order.
void set_patch_embd(VisionWeights& w, const float* p, const std::string& source_name) {
  const VisionHParams& hp = w.hparams;
  TensorRef& r = w.patch_embd;
  r.name = "v.patch_embd.weight";
  r.source_name = source_name;
  r.dtype = DType::F32;
  r.n_dims = 2;
  r.ne = {hp.patch_values(), hp.n_embd, 1, 1};
  r.data = reinterpret_cast<const uint8_t*>(p);
  r.n_bytes = r.n_elements() * sizeof(float);
  r.converted = true;
}


Result<uint32_t> json_u32(const nlohmann::json& j, const char* key, std::optional<uint32_t> fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (fallback) return *fallback;
    return Status(ErrorCode::NotFound, std::string("vision_config has no '") + key + "'");
  }
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<int64_t>() >= 0))
    return Status(ErrorCode::CorruptData, std::string("vision_config '") + key + "' must be a non-negative integer");
  uint64_t v = it->get<uint64_t>();
  if (v > 0xffffffffull) return Status(ErrorCode::CorruptData, std::string("vision_config '") + key + "' is too large");
  return static_cast<uint32_t>(v);
}

Result<uint32_t> gguf_u32(const GgufFile& g, const std::string& key, std::optional<uint32_t> fallback = {}) {
  Result<uint64_t> r = fallback ? g.get_uint_or(key, *fallback) : g.get_uint(key);
  if (!r.is_ok()) return r.status();
  if (*r > 0xffffffffull) return Status(ErrorCode::CorruptData, "metadata key '" + key + "' is too large");
  return static_cast<uint32_t>(*r);
}

}  // namespace

uint32_t VisionHParams::pos_side() const {
  auto s = static_cast<uint32_t>(std::lround(std::sqrt(static_cast<double>(n_pos))));
  return s * s == n_pos ? s : 0;
}

Status VisionHParams::check() const {
  auto bad = [](const std::string& m) { return Status(ErrorCode::CorruptData, "inconsistent vision hyperparameters: " + m); };
  const std::pair<const char*, uint32_t> dims[] = {
      {"n_layer", n_layer}, {"n_embd", n_embd}, {"n_ff", n_ff}, {"n_head", n_head}, {"n_channels", n_channels},
      {"patch_size", patch_size}, {"temporal_patch", temporal_patch}, {"merge_size", merge_size},
      {"n_pos", n_pos}, {"n_out", n_out}};
  for (const auto& [name, v] : dims) {
    if (v == 0) return bad(std::string(name) + " is 0");
    if (v > (1u << 20)) return bad(std::string(name) + " = " + u64s(v) + " is implausibly large");
  }
  if (n_layer > 1024) return bad("n_layer = " + u64s(n_layer) + " is implausibly large");
  if (n_channels != 3) return bad("n_channels = " + u64s(n_channels) + "; only RGB (3) is supported");
  if (temporal_patch != 2) return bad("temporal_patch = " + u64s(temporal_patch) + "; Qwen3.5 uses 2");
  if (patch_size > 64 || merge_size > 8) return bad("patch_size / merge_size implausibly large");
  if (n_embd % n_head != 0) return bad("n_embd = " + u64s(n_embd) + " is not a multiple of n_head = " + u64s(n_head));
  if (head_dim() % 4 != 0) return bad("head_dim = " + u64s(head_dim()) + " must be a multiple of 4 (2-D rotary)");
  if (pos_side() == 0) return bad("position table size " + u64s(n_pos) + " is not a square");
  if (!(eps > 0) || !std::isfinite(eps)) return bad("LayerNorm eps must be positive");
  if (!(rope_theta > 0) || !std::isfinite(rope_theta)) return bad("rope theta must be positive");
  for (int c = 0; c < 3; ++c)
    if (!(image_std[c] > 0) || !std::isfinite(image_mean[c])) return bad("image mean/std must be finite, std > 0");
  return Status::ok();
}

std::vector<const TensorRef*> VisionWeights::all_tensors() const {
  std::vector<const TensorRef*> out{&patch_embd, &patch_bias, &position_embd};
  for (const VisionLayerWeights& l : layers)
    for (const TensorRef* t : {&l.ln1_w, &l.ln1_b, &l.attn_qkv, &l.attn_qkv_b, &l.attn_out, &l.attn_out_b, &l.ln2_w,
                               &l.ln2_b, &l.ffn_up, &l.ffn_up_b, &l.ffn_down, &l.ffn_down_b})
      out.push_back(t);
  for (const TensorRef* t : {&post_ln_w, &post_ln_b, &mm0, &mm0_b, &mm2, &mm2_b}) out.push_back(t);
  return out;
}

uint64_t VisionWeights::total_bytes() const {
  uint64_t n = 0;
  for (const TensorRef* t : all_tensors())
    if (t->present()) n += t->n_bytes;
  return n;
}

bool hf_has_vision(const HfFolder& folder) {
  return folder.config.is_object() && folder.config.contains("vision_config") &&
         folder.find("model.visual.patch_embed.proj.weight") != nullptr;
}

Result<VisionWeights> vision_weights_from_hf(const HfFolder& folder) {
  const std::string cfg_name = folder.dir + "/config.json";
  if (!folder.config.is_object() || !folder.config.contains("vision_config") ||
      !folder.config["vision_config"].is_object())
    return Status(ErrorCode::NotFound, cfg_name + " has no vision_config: this model has no vision encoder");
  const nlohmann::json& vc = folder.config["vision_config"];
  VisionWeights w;
  w.format = ModelFormat::HfFolder;
  w.source_path = folder.dir;
  VisionHParams& hp = w.hparams;
  auto ctx = [&](Status s) { return s.with_context(cfg_name); };
  {
    auto get = [&](const char* key, std::optional<uint32_t> fb, uint32_t& out) -> Status {
      Result<uint32_t> r = json_u32(vc, key, fb);
      if (!r.is_ok()) return r.status();
      out = *r;
      return Status::ok();
    };
    Status s = Status::ok();
    for (auto [key, fb, out] : std::initializer_list<std::tuple<const char*, std::optional<uint32_t>, uint32_t*>>{
             {"depth", std::nullopt, &hp.n_layer}, {"hidden_size", std::nullopt, &hp.n_embd},
             {"intermediate_size", std::nullopt, &hp.n_ff}, {"num_heads", std::nullopt, &hp.n_head},
             {"in_channels", 3u, &hp.n_channels}, {"patch_size", 16u, &hp.patch_size},
             {"temporal_patch_size", 2u, &hp.temporal_patch}, {"spatial_merge_size", 2u, &hp.merge_size},
             {"num_position_embeddings", std::nullopt, &hp.n_pos}, {"out_hidden_size", std::nullopt, &hp.n_out}}) {
      s = get(key, fb, *out);
      if (!s.is_ok()) return ctx(s);
    }
  }
  if (auto it = vc.find("deepstack_visual_indexes"); it != vc.end() && it->is_array() && !it->empty())
    return Status(ErrorCode::Unsupported, cfg_name + ": vision_config has deepstack layers, which Lectern does not "
                                                     "implement (Qwen3.5 towers have none)");
  // Image normalisation from preprocessor_config.json when the folder has one (defaults 0.5 / 0.5 otherwise).
  const std::string pp = folder.dir + "/preprocessor_config.json";
  if (std::error_code ec; std::filesystem::exists(pp, ec)) {
    LECTERN_ASSIGN_OR_RETURN(nlohmann::json pj, read_json_file(pp));
    for (auto [key, out] : {std::pair{"image_mean", &hp.image_mean}, std::pair{"image_std", &hp.image_std}}) {
      auto it = pj.find(key);
      if (it == pj.end()) continue;
      if (!it->is_array() || it->size() != 3)
        return Status(ErrorCode::CorruptData, pp + ": '" + key + "' must be an array of 3 numbers");
      for (size_t c = 0; c < 3; ++c) {
        if (!(*it)[c].is_number()) return Status(ErrorCode::CorruptData, pp + ": '" + key + "' must hold numbers");
        (*out)[c] = (*it)[c].get<float>();
      }
    }
  }
  {
    Status s = hp.check();
    if (!s.is_ok()) return ctx(s);
  }
  for (const SafetensorsFile& shard : folder.shards)
    if (shard.mapping()) w.keep_alive.push_back(shard.mapping());

  const std::string prefix = "model.visual.";
  auto source = [&](const std::string& hf_name, uint32_t& n_dims, std::array<uint64_t, 4>& ne)
      -> Result<const HfTensorLocation*> {
    const HfTensorLocation* loc = folder.find(prefix + hf_name);
    if (!loc) return static_cast<const HfTensorLocation*>(nullptr);
    const SafetensorsTensor& t = *loc->tensor;
    if (t.shape.size() > 4)
      return Status(ErrorCode::CorruptData, "vision tensor " + t.name + " has " + u64s(t.shape.size()) + " dimensions");
    n_dims = static_cast<uint32_t>(t.shape.size());
    ne = {1, 1, 1, 1};
    for (size_t d = 0; d < t.shape.size(); ++d) ne[d] = t.shape[t.shape.size() - 1 - d];
    return loc;
  };
  for (auto& [gguf_name, slot] : build_slots(w)) {
    uint32_t n_dims = 0;
    std::array<uint64_t, 4> ne{};
    LECTERN_ASSIGN_OR_RETURN(const HfTensorLocation* loc, source(slot.hf, n_dims, ne));
    slot.ref->source_name = prefix + slot.hf;
    if (!loc) continue;  // reported as missing by validation
    const SafetensorsTensor& t = *loc->tensor;
    LECTERN_TRY(assign(w, *slot.ref, t.name, t.dtype, t.dtype_name, n_dims, ne, folder.tensor_data(*loc), slot.small));
  }
  // Conv3d kernel [n_embd, 3, 2, p, p]: its bytes are already rows of ((ch·2 + f)·p + y)·p + x.
  if (const HfTensorLocation* loc = folder.find(prefix + "patch_embed.proj.weight")) {
    const SafetensorsTensor& t = *loc->tensor;
    const std::vector<uint64_t> want = {hp.n_embd, hp.n_channels, hp.temporal_patch, hp.patch_size, hp.patch_size};
    if (t.shape != want) {
      std::string got = "[", exp = "[";
      for (size_t i = 0; i < t.shape.size(); ++i) got += (i ? ", " : "") + u64s(t.shape[i]);
      for (size_t i = 0; i < want.size(); ++i) exp += (i ? ", " : "") + u64s(want[i]);
      return Status(ErrorCode::CorruptData, folder.dir + ": vision tensor " + t.name + " has shape " + got +
                                                "], expected " + exp + "] from the vision_config");
    }
    if (!t.dtype) return unusable_dtype(t.name, t.dtype_name);
    LECTERN_ASSIGN_OR_RETURN(float* p, to_f32(w, t.name, *t.dtype, folder.tensor_data(*loc), t.n_elements));
    set_patch_embd(w, p, t.name);
  } else {
    w.patch_embd.name = "v.patch_embd.weight";
    w.patch_embd.source_name = prefix + "patch_embed.proj.weight";
  }
  return w;
}

Result<VisionWeights> vision_weights_from_gguf(const GgufFile& g) {
  LECTERN_ASSIGN_OR_RETURN(std::string_view arch, g.get_string("general.architecture"));
  if (arch != "clip")
    return Status(ErrorCode::InvalidArgument, "general.architecture is '" + std::string(arch) +
                                                  "', not 'clip': this is not a vision projector (mmproj) file");
  LECTERN_ASSIGN_OR_RETURN(std::string_view proj, g.get_string("clip.projector_type"));
  if (proj != "qwen3vl_merger")
    return Status(ErrorCode::Unsupported, "clip.projector_type is '" + std::string(proj) +
                                              "'; Lectern runs only Qwen3.5 vision projectors ('qwen3vl_merger')");
  VisionWeights w;
  w.format = ModelFormat::Gguf;
  w.source_path = g.name();
  VisionHParams& hp = w.hparams;
  const std::string v = "clip.vision.";
  LECTERN_ASSIGN_OR_RETURN(hp.n_layer, gguf_u32(g, v + "block_count"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_embd, gguf_u32(g, v + "embedding_length"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_ff, gguf_u32(g, v + "feed_forward_length"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_head, gguf_u32(g, v + "attention.head_count"));
  LECTERN_ASSIGN_OR_RETURN(hp.patch_size, gguf_u32(g, v + "patch_size"));
  LECTERN_ASSIGN_OR_RETURN(hp.n_out, gguf_u32(g, v + "projection_dim"));
  LECTERN_ASSIGN_OR_RETURN(hp.merge_size, gguf_u32(g, v + "spatial_merge_size", 2u));
  LECTERN_ASSIGN_OR_RETURN(uint32_t image_size, gguf_u32(g, v + "image_size"));
  if (hp.patch_size == 0 || image_size % hp.patch_size != 0)
    return Status(ErrorCode::CorruptData, "clip.vision.image_size = " + u64s(image_size) +
                                              " is not a multiple of patch_size = " + u64s(hp.patch_size));
  hp.n_pos = (image_size / hp.patch_size) * (image_size / hp.patch_size);
  LECTERN_ASSIGN_OR_RETURN(double eps, g.get_float(v + "attention.layer_norm_epsilon"));
  hp.eps = static_cast<float>(eps);
  for (auto [key, out] : {std::pair{"image_mean", &hp.image_mean}, std::pair{"image_std", &hp.image_std}}) {
    const GgufValue* a = g.find(v + key);
    if (!a) continue;
    if (!a->is_array() || a->n_elems != 3)
      return Status(ErrorCode::CorruptData, "metadata key 'clip.vision." + std::string(key) + "' must be 3 numbers");
    for (uint64_t c = 0; c < 3; ++c) {
      std::optional<double> x = a->array_float(c);
      if (!x) return Status(ErrorCode::CorruptData, "metadata key 'clip.vision." + std::string(key) + "' must hold numbers");
      (*out)[c] = static_cast<float>(*x);
    }
  }
  if (const GgufValue* ds = g.find(v + "is_deepstack_layers"); ds && ds->is_array())
    for (uint64_t i = 0; i < ds->n_elems; ++i)
      if (ds->array_int(i).value_or(0) != 0)
        return Status(ErrorCode::Unsupported, "the projector has deepstack layers, which Lectern does not implement");
  LECTERN_TRY(hp.check());
  if (g.mapping()) w.keep_alive.push_back(g.mapping());

  for (auto& [gguf_name, slot] : build_slots(w)) {
    slot.ref->source_name = gguf_name;
    const GgufTensorInfo* t = g.find_tensor(gguf_name);
    if (!t) continue;
    LECTERN_TRY(assign(w, *slot.ref, t->name, t->type, dtype_name(t->type), t->n_dims, t->ne, g.tensor_data(*t),
                       slot.small));
  }
  // Two 2-D kernels ne [p, p, 3, n_embd] (temporal slices 0 and 1), interleaved into ((ch·2 + f)·p + y)·p + x.
  const GgufTensorInfo* k0 = g.find_tensor("v.patch_embd.weight");
  const GgufTensorInfo* k1 = g.find_tensor("v.patch_embd.weight.1");
  w.patch_embd.name = "v.patch_embd.weight";
  w.patch_embd.source_name = "v.patch_embd.weight";
  if (k0 && k1) {
    const uint64_t p = hp.patch_size, C = hp.n_channels, E = hp.n_embd;
    for (const GgufTensorInfo* k : {k0, k1})
      if (k->ne[0] != p || k->ne[1] != p || k->ne[2] != C || k->ne[3] != E)
        return Status(ErrorCode::CorruptData, g.name() + ": vision tensor " + k->name + " has shape [" +
                                                  u64s(k->ne[0]) + ", " + u64s(k->ne[1]) + ", " + u64s(k->ne[2]) +
                                                  ", " + u64s(k->ne[3]) + "], expected [" + u64s(p) + ", " + u64s(p) +
                                                  ", " + u64s(C) + ", " + u64s(E) + "] from patch_size and n_embd");
    LECTERN_ASSIGN_OR_RETURN(float* f0, to_f32(w, k0->name, k0->type, g.tensor_data(*k0), k0->n_elements));
    LECTERN_ASSIGN_OR_RETURN(float* f1, to_f32(w, k1->name, k1->type, g.tensor_data(*k1), k1->n_elements));
    auto buf = std::make_unique<std::vector<float>>(static_cast<size_t>(2 * k0->n_elements));
    const uint64_t pp = p * p;
    for (uint64_t o = 0; o < E; ++o)
      for (uint64_t ch = 0; ch < C; ++ch)
        for (uint64_t f = 0; f < 2; ++f) {
          const float* src = (f == 0 ? f0 : f1) + (o * C + ch) * pp;
          float* dst = buf->data() + ((o * C + ch) * 2 + f) * pp;
          std::copy(src, src + pp, dst);
        }
    set_patch_embd(w, buf->data(), "v.patch_embd.weight + v.patch_embd.weight.1");
    w.owned.push_back(std::move(buf));
  } else if (k0 && !k1) {
    w.patch_embd.source_name = "v.patch_embd.weight.1";  // reported as missing: the second temporal slice
  }
  return w;
}

Status validate_vision_weights(const VisionWeights& w, uint32_t n_text_embd) {
  const VisionHParams& hp = w.hparams;
  const uint64_t E = hp.n_embd, F = hp.n_ff, M = hp.merge_width();
  std::vector<std::string> errors;
  auto expect = [&](const TensorRef& t, std::vector<uint64_t> ne, bool small, const std::string& because) {
    std::string shown = t.name;
    if (!t.source_name.empty() && t.source_name != t.name) shown += " (" + t.source_name + ")";
    if (!t.present()) {
      errors.push_back("missing vision tensor " + shown);
      return;
    }
    if (small && t.dtype != DType::F32) {
      errors.push_back("vision tensor " + shown + " has type " + dtype_name(t.dtype) + "; it must be F32");
      return;
    }
    bool ok = ne.size() == t.n_dims;
    for (size_t d = 0; ok && d < ne.size(); ++d) ok = t.ne[d] == ne[d];
    if (!ok) {
      std::string s = "[";
      for (size_t i = 0; i < ne.size(); ++i) s += (i ? ", " : "") + u64s(ne[i]);
      errors.push_back("vision tensor " + shown + " has shape " + t.shape_string() + ", expected " + s + "] from " +
                       because);
      return;
    }
    if (t.n_bytes != dtype_row_bytes(t.dtype, t.n_elements()))
      errors.push_back("vision tensor " + shown + " has " + u64s(t.n_bytes) + " bytes, which does not match its " +
                       dtype_name(t.dtype) + " shape " + t.shape_string());
  };
  const std::string e = "n_embd=" + u64s(E);
  const std::string ef = e + ", n_ff=" + u64s(F);
  expect(w.patch_embd, {hp.patch_values(), E}, true, e + ", patch_size=" + u64s(hp.patch_size));
  expect(w.patch_bias, {E}, true, e);
  expect(w.position_embd, {E, hp.n_pos}, true, e + ", n_pos=" + u64s(hp.n_pos));
  if (w.layers.size() != hp.n_layer) errors.push_back("the vision tower has " + u64s(w.layers.size()) + " blocks for n_layer=" + u64s(hp.n_layer));
  for (const VisionLayerWeights& l : w.layers) {
    for (const TensorRef* t : {&l.ln1_w, &l.ln1_b, &l.ln2_w, &l.ln2_b, &l.attn_out_b, &l.ffn_down_b})
      expect(*t, {E}, true, e);
    expect(l.attn_qkv, {E, 3 * E}, false, e);
    expect(l.attn_qkv_b, {3 * E}, true, e);
    expect(l.attn_out, {E, E}, false, e);
    expect(l.ffn_up, {E, F}, false, ef);
    expect(l.ffn_up_b, {F}, true, ef);
    expect(l.ffn_down, {F, E}, false, ef);
  }
  expect(w.post_ln_w, {E}, true, e);
  expect(w.post_ln_b, {E}, true, e);
  const std::string m = "merge width " + u64s(M) + " (n_embd * merge_size^2)";
  expect(w.mm0, {M, M}, false, m);
  expect(w.mm0_b, {M}, true, m);
  expect(w.mm2, {M, hp.n_out}, false, m + ", n_out=" + u64s(hp.n_out));
  expect(w.mm2_b, {hp.n_out}, true, "n_out=" + u64s(hp.n_out));
  if (!errors.empty()) {
    const std::string& first = errors.front();
    ErrorCode code = first.rfind("missing", 0) == 0 ? ErrorCode::NotFound
                     : first.find("; it must be") != std::string::npos ? ErrorCode::Unsupported
                                                                      : ErrorCode::CorruptData;
    std::string msg = first;
    if (errors.size() > 1) msg += " (and " + u64s(errors.size() - 1) + " more problems)";
    return Status(code, w.source_path + ": " + msg);
  }
  if (n_text_embd > 0 && hp.n_out != n_text_embd)
    return Status(ErrorCode::InvalidArgument,
                  w.source_path + ": the vision tower outputs " + u64s(hp.n_out) + "-wide embeddings but the text "
                      "model's width is " + u64s(n_text_embd) + "; load the mmproj file made for this model");
  return Status::ok();
}

Result<VisionWeights> load_vision_weights(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Status(ErrorCode::NotFound, "vision model '" + path + "' does not exist (give an mmproj .gguf file or a "
                                                                 "HuggingFace folder)");
  Result<VisionWeights> w = Status(ErrorCode::Internal, "unreachable");
  if (fs::is_directory(path, ec)) {
    LECTERN_ASSIGN_OR_RETURN(HfFolder folder, open_hf_folder(path));
    w = vision_weights_from_hf(folder);
  } else {
    LECTERN_ASSIGN_OR_RETURN(GgufFile g, GgufFile::open(path));
    w = vision_weights_from_gguf(g);
    if (!w.is_ok()) return w.status().with_context(path);
  }
  if (!w.is_ok()) return w.status();
  LECTERN_TRY(validate_vision_weights(*w));
  return w;
}

}  // namespace lectern::model
