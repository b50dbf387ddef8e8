// test_vision_tower.cpp: writing random-weight vision towers (HF shard + config, or mmproj GGUF) for tests.
#include "model/test_vision_tower.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/quant.h"
#include "model/gguf_writer.h"
#include "model/hf_folder.h"
#include "model/safetensors_reader.h"
#include "model/safetensors_writer.h"

namespace lectern::model {

namespace fs = std::filesystem;

namespace {

enum class VInit { Matrix, Bias, NormWeight, Table };

struct VPlan {
  std::string hf;                  // after "model.visual."
  std::vector<uint64_t> hf_shape;  // PyTorch order
  std::string gguf;                // mmproj name (empty: patch kernel, written as two slices)
  VInit init = VInit::Matrix;
  bool small = false;              // 1-D: F32 in GGUF
};

std::vector<VPlan> plan_tower(const VisionHParams& hp) {
  const uint64_t E = hp.n_embd, F = hp.n_ff, M = hp.merge_width(), p = hp.patch_size;
  std::vector<VPlan> v;
  v.push_back({"patch_embed.proj.weight", {E, hp.n_channels, hp.temporal_patch, p, p}, "", VInit::Matrix, false});
  v.push_back({"patch_embed.proj.bias", {E}, "v.patch_embd.bias", VInit::Bias, true});
  v.push_back({"pos_embed.weight", {hp.n_pos, E}, "v.position_embd.weight", VInit::Table, false});
  for (uint32_t i = 0; i < hp.n_layer; ++i) {
    const std::string h = "blocks." + std::to_string(i) + ".", g = "v.blk." + std::to_string(i) + ".";
    v.push_back({h + "norm1.weight", {E}, g + "ln1.weight", VInit::NormWeight, true});
    v.push_back({h + "norm1.bias", {E}, g + "ln1.bias", VInit::Bias, true});
    v.push_back({h + "attn.qkv.weight", {3 * E, E}, g + "attn_qkv.weight", VInit::Matrix, false});
    v.push_back({h + "attn.qkv.bias", {3 * E}, g + "attn_qkv.bias", VInit::Bias, true});
    v.push_back({h + "attn.proj.weight", {E, E}, g + "attn_out.weight", VInit::Matrix, false});
    v.push_back({h + "attn.proj.bias", {E}, g + "attn_out.bias", VInit::Bias, true});
    v.push_back({h + "norm2.weight", {E}, g + "ln2.weight", VInit::NormWeight, true});
    v.push_back({h + "norm2.bias", {E}, g + "ln2.bias", VInit::Bias, true});
    v.push_back({h + "mlp.linear_fc1.weight", {F, E}, g + "ffn_up.weight", VInit::Matrix, false});
    v.push_back({h + "mlp.linear_fc1.bias", {F}, g + "ffn_up.bias", VInit::Bias, true});
    v.push_back({h + "mlp.linear_fc2.weight", {E, F}, g + "ffn_down.weight", VInit::Matrix, false});
    v.push_back({h + "mlp.linear_fc2.bias", {E}, g + "ffn_down.bias", VInit::Bias, true});
  }
  v.push_back({"merger.norm.weight", {E}, "v.post_ln.weight", VInit::NormWeight, true});
  v.push_back({"merger.norm.bias", {E}, "v.post_ln.bias", VInit::Bias, true});
  v.push_back({"merger.linear_fc1.weight", {M, M}, "mm.0.weight", VInit::Matrix, false});
  v.push_back({"merger.linear_fc1.bias", {M}, "mm.0.bias", VInit::Bias, true});
  v.push_back({"merger.linear_fc2.weight", {hp.n_out, M}, "mm.2.weight", VInit::Matrix, false});
  v.push_back({"merger.linear_fc2.bias", {hp.n_out}, "mm.2.bias", VInit::Bias, true});
  return v;
}

uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t name_hash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

DType logical_dtype(TestModelType t) {
  return t == TestModelType::F16 ? DType::F16 : t == TestModelType::BF16 ? DType::BF16 : DType::F32;
}

// The logical values of a tensor (HF order), rounded to the file type's HF dtype.
std::vector<float> logical_values(const VPlan& plan, uint64_t seed, TestModelType type) {
  uint64_t n = 1;
  for (uint64_t d : plan.hf_shape) n *= d;
  uint64_t fan_in = 1;
  for (size_t d = 1; d < plan.hf_shape.size(); ++d) fan_in *= plan.hf_shape[d];
  const double half_width = std::sqrt(3.0);  // uniform [-√3, √3): unit variance
  double scale = 0, offset = 0;
  switch (plan.init) {
    case VInit::Matrix: scale = 1.0 / std::sqrt(static_cast<double>(fan_in)); break;
    case VInit::Bias: scale = 0.02; break;
    case VInit::NormWeight: scale = 0.1, offset = 1.0; break;
    case VInit::Table: scale = 0.5; break;
  }
  const uint64_t base = mix(seed * 0x9e3779b97f4a7c15ull ^ name_hash(plan.hf));
  std::vector<float> v(n);
  const DType ld = logical_dtype(type);
  for (uint64_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(mix(base + i) >> 11) * 0x1.0p-53 * 2.0 - 1.0;
    auto x = static_cast<float>(offset + u * half_width * scale);
    if (ld == DType::F16) x = f16_to_f32(f32_to_f16(x));
    if (ld == DType::BF16) x = bf16_to_f32(f32_to_bf16(x));
    v[i] = x;
  }
  return v;
}

Status emit(DType type, const std::vector<float>& v, const std::function<Status(const void*, size_t)>& sink) {
  std::vector<uint8_t> bytes(dtype_row_bytes(type, v.size()));
  LECTERN_TRY(quantize_row_checked(type, v.data(), static_cast<int64_t>(v.size()), bytes.data(), bytes.size()));
  return sink(bytes.data(), bytes.size());
}

Status write_text(const fs::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Status(ErrorCode::IoError, "cannot write '" + path.string() + "'");
  return Status::ok();
}

std::string u64s(uint64_t v) { return std::to_string(v); }

}  // namespace

std::optional<TestVisionShape> test_vision_shape_from_name(std::string_view name) {
  if (name == "tiny") return TestVisionShape::Tiny;
  if (name == "real") return TestVisionShape::Real;
  return std::nullopt;
}

VisionHParams test_vision_hparams(TestVisionShape shape, uint32_t n_text_embd) {
  VisionHParams hp;
  if (shape == TestVisionShape::Real) {  // qwen35.md §7.1
    hp.n_layer = 12, hp.n_embd = 768, hp.n_ff = 3072, hp.n_head = 12, hp.n_pos = 2304;
  } else {
    hp.n_layer = 2, hp.n_embd = 64, hp.n_ff = 128, hp.n_head = 4, hp.n_pos = 64;  // 8×8 table, head_dim 16
  }
  hp.n_out = n_text_embd;
  return hp;
}

std::string default_mmproj_path(const std::string& model_path) {
  const fs::path p(model_path);
  return (p.parent_path() / ("mmproj-" + p.stem().string() + ".gguf")).string();
}

Result<TestModelSummary> add_test_vision_tower_hf(const std::string& dir, const TestVisionOptions& o) {
  if (o.type == TestModelType::Q8_0 || o.type == TestModelType::Q4_K_M)
    return Status(ErrorCode::InvalidArgument, "quantized vision towers exist only as mmproj GGUF files");
  const VisionHParams hp = test_vision_hparams(o.shape, o.n_text_embd);
  LECTERN_TRY(hp.check());
  const fs::path root(dir);
  // Text tensors stay in model.safetensors; the index lists both shards.
  LECTERN_ASSIGN_OR_RETURN(SafetensorsFile text, SafetensorsFile::open((root / "model.safetensors").string()));
  const std::vector<VPlan> plans = plan_tower(hp);
  SafetensorsWriter w;
  w.set_metadata({{"format", "pt"}});
  const DType dt = logical_dtype(o.type);
  for (const VPlan& p : plans) LECTERN_TRY(w.add_tensor("model.visual." + p.hf, dt, p.hf_shape));
  const fs::path shard = root / "model-vision.safetensors";
  LECTERN_TRY(w.write(shard.string(), [&](size_t i, const SafetensorsWriteTensor& t, const SafetensorsWriter::Sink& sink) {
    return emit(t.type, logical_values(plans[i], o.seed, o.type), sink);
  }));
  nlohmann::ordered_json index = {{"metadata", {{"total_size", 0}}}, {"weight_map", nlohmann::ordered_json::object()}};
  for (const SafetensorsTensor& t : text.tensors()) index["weight_map"][t.name] = "model.safetensors";
  for (const VPlan& p : plans) index["weight_map"]["model.visual." + p.hf] = "model-vision.safetensors";
  LECTERN_TRY(write_text(root / "model.safetensors.index.json", index.dump(2) + "\n"));

  LECTERN_ASSIGN_OR_RETURN(nlohmann::json config, read_json_file((root / "config.json").string()));
  config["vision_config"] = {
      {"model_type", "qwen3_5"},          {"depth", hp.n_layer},
      {"hidden_size", hp.n_embd},         {"hidden_act", "gelu_pytorch_tanh"},
      {"intermediate_size", hp.n_ff},     {"num_heads", hp.n_head},
      {"in_channels", hp.n_channels},     {"patch_size", hp.patch_size},
      {"spatial_merge_size", hp.merge_size}, {"temporal_patch_size", hp.temporal_patch},
      {"out_hidden_size", hp.n_out},      {"num_position_embeddings", hp.n_pos},
      {"deepstack_visual_indexes", nlohmann::json::array()}};
  LECTERN_TRY(write_text(root / "config.json", config.dump(2) + "\n"));
  nlohmann::ordered_json pre = {
      {"image_processor_type", "Qwen2VLImageProcessorFast"},
      {"patch_size", hp.patch_size}, {"merge_size", hp.merge_size}, {"temporal_patch_size", hp.temporal_patch},
      {"image_mean", {0.5, 0.5, 0.5}}, {"image_std", {0.5, 0.5, 0.5}},
      {"size", {{"shortest_edge", 65536}, {"longest_edge", 16777216}}}};
  LECTERN_TRY(write_text(root / "preprocessor_config.json", pre.dump(2) + "\n"));
  std::error_code ec;
  return TestModelSummary{plans.size(), static_cast<uint64_t>(fs::file_size(shard, ec))};
}

Result<TestModelSummary> write_test_vision_mmproj(const std::string& path, const TestVisionOptions& o) {
  const VisionHParams hp = test_vision_hparams(o.shape, o.n_text_embd);
  LECTERN_TRY(hp.check());
  const std::vector<VPlan> plans = plan_tower(hp);
  const bool quantized = o.type == TestModelType::Q8_0 || o.type == TestModelType::Q4_K_M;
  const DType big = quantized ? DType::Q8_0 : logical_dtype(o.type);
  const DType table = quantized ? DType::F16 : logical_dtype(o.type);  // patch kernels and position table
  GgufWriter w;
  using V = GgufWriteValue;
  const std::string v = "clip.vision.";
  w.add("general.architecture", V::string("clip"));
  w.add("general.type", V::string("mmproj"));
  w.add("general.name", V::string("lectern-test-vision-seed" + u64s(o.seed)));
  w.add("general.file_type", V::u32(gguf_file_type(o.type)));
  w.add("clip.projector_type", V::string("qwen3vl_merger"));
  w.add("clip.has_vision_encoder", V::boolean(true));
  w.add("clip.use_gelu", V::boolean(true));
  w.add(v + "image_size", V::u32(hp.pos_side() * hp.patch_size));
  w.add(v + "patch_size", V::u32(hp.patch_size));
  w.add(v + "embedding_length", V::u32(hp.n_embd));
  w.add(v + "feed_forward_length", V::u32(hp.n_ff));
  w.add(v + "block_count", V::u32(hp.n_layer));
  w.add(v + "attention.head_count", V::u32(hp.n_head));
  w.add(v + "attention.layer_norm_epsilon", V::f32(hp.eps));
  w.add(v + "projection_dim", V::u32(hp.n_out));
  w.add(v + "spatial_merge_size", V::u32(hp.merge_size));
  w.add(v + "image_mean", V::array_f32({0.5f, 0.5f, 0.5f}));
  w.add(v + "image_std", V::array_f32({0.5f, 0.5f, 0.5f}));
  w.add(v + "is_deepstack_layers", V::array_bool(std::vector<bool>(hp.n_layer, false)));
  // Tensor list: the Conv3d kernel becomes two 2-D kernels (temporal slices), ne [p, p, 3, E].
  struct Out { const VPlan* plan; int slice; DType type; };
  std::vector<Out> outs;
  const uint64_t p = hp.patch_size;
  for (const VPlan& pl : plans) {
    if (pl.gguf.empty()) {
      for (int f = 0; f < 2; ++f) {
        LECTERN_TRY(w.add_tensor(f == 0 ? "v.patch_embd.weight" : "v.patch_embd.weight.1", table,
                                 {p, p, hp.n_channels, hp.n_embd}));
        outs.push_back({&pl, f, table});
      }
      continue;
    }
    std::vector<uint64_t> ne(pl.hf_shape.rbegin(), pl.hf_shape.rend());
    const DType t = pl.small ? DType::F32 : pl.init == VInit::Table ? table : big;
    LECTERN_TRY(w.add_tensor(pl.gguf, t, ne));
    outs.push_back({&pl, -1, t});
  }
  LECTERN_TRY(w.write(path, [&](size_t i, const GgufWriteTensor&, const GgufWriter::Sink& sink) {
    const Out& out = outs[i];
    std::vector<float> vals = logical_values(*out.plan, o.seed, o.type);
    if (out.slice >= 0) {  // [E, C, 2, p, p] -> slice f: [E, C, p, p]
      const uint64_t pp = p * p, C = hp.n_channels;
      std::vector<float> s(hp.n_embd * C * pp);
      for (uint64_t oc = 0; oc < hp.n_embd * C; ++oc)
        std::copy_n(vals.begin() + static_cast<std::ptrdiff_t>((oc * 2 + out.slice) * pp), pp,
                    s.begin() + static_cast<std::ptrdiff_t>(oc * pp));
      vals = std::move(s);
    }
    return emit(out.type, vals, sink);
  }));
  std::error_code ec;
  return TestModelSummary{outs.size(), static_cast<uint64_t>(fs::file_size(path, ec))};
}

}  // namespace lectern::model
