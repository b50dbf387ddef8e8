// test_model_weights.cpp: every golden model (GGUF F32, Q8_0, Q4_K_M, HF folders) loads and validates with the
// hyperparameters its meta.json states, and the GGUF and HF descriptions of tiny-a / tiny-b are the same logical
// weights (norm values, ssm_a, matrix bytes; tiny-b through the tiled/grouped v-head mapping).
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "lectern/model_info.h"
#include "model/gguf_reader.h"
#include "model/gguf_writer.h"
#include "model/model_source.h"
#include "model/safetensors_reader.h"
#include "model/safetensors_writer.h"
#include "model/test_model_maker.h"
#include "model/weight_validation.h"
#include "model_test_support.h"
#include "model_weights_compare.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;

namespace {

struct GoldenFile {
  std::string folder, file;
};

const GoldenFile k_golden[] = {{"tiny-a", "model.gguf"}, {"tiny-a", "hf"},         {"tiny-b", "model.gguf"},
                               {"tiny-b", "hf"},         {"tiny-q", "model-Q8_0.gguf"}, {"tiny-q", "model-Q4_K_M.gguf"}};

nlohmann::json meta(const std::string& folder) {
  std::ifstream f(golden_path("models/" + folder + "/meta.json"));
  return nlohmann::json::parse(f);
}

ModelWeights load(const std::string& rel) {
  auto w = load_model_weights(golden_path("models/" + rel));
  EXPECT_TRUE(w.is_ok()) << rel << ": " << w.status().to_string();
  if (!w.is_ok()) return ModelWeights{};
  return std::move(w).value();
}

}  // namespace

TEST(ModelWeights, EveryGoldenModelLoadsWithItsMetaHparams) {
  for (const GoldenFile& g : k_golden) {
    SCOPED_TRACE(g.folder + "/" + g.file);
    ModelWeights w = load(g.folder + "/" + g.file);
    ASSERT_FALSE(w.layers.empty());
    const auto m = meta(g.folder);
    const auto& tc = m["hf_text_config"];
    const HParams& hp = w.hparams;
    EXPECT_EQ(hp.n_layer, tc["num_hidden_layers"].get<uint32_t>());
    EXPECT_EQ(hp.n_embd, tc["hidden_size"].get<uint32_t>());
    EXPECT_EQ(hp.n_ff, tc["intermediate_size"].get<uint32_t>());
    EXPECT_EQ(hp.n_head, tc["num_attention_heads"].get<uint32_t>());
    EXPECT_EQ(hp.n_head_kv, tc["num_key_value_heads"].get<uint32_t>());
    EXPECT_EQ(hp.head_dim, tc["head_dim"].get<uint32_t>());
    EXPECT_EQ(hp.n_k_heads, tc["linear_num_key_heads"].get<uint32_t>());
    EXPECT_EQ(hp.n_v_heads, tc["linear_num_value_heads"].get<uint32_t>());
    EXPECT_EQ(hp.k_head_dim, tc["linear_key_head_dim"].get<uint32_t>());
    EXPECT_EQ(hp.v_head_dim, tc["linear_value_head_dim"].get<uint32_t>());
    EXPECT_EQ(hp.conv_kernel, tc["linear_conv_kernel_dim"].get<uint32_t>());
    EXPECT_EQ(hp.n_ctx_train, tc["max_position_embeddings"].get<uint64_t>());
    EXPECT_EQ(hp.n_vocab, m["n_vocab_padded"].get<uint32_t>());
    EXPECT_FLOAT_EQ(hp.rms_eps, tc["rms_norm_eps"].get<float>());
    const auto& rope = tc["rope_parameters"];
    EXPECT_DOUBLE_EQ(hp.rope_theta, rope["rope_theta"].get<double>());
    EXPECT_EQ(hp.n_rot, static_cast<uint32_t>(rope["partial_rotary_factor"].get<double>() * hp.head_dim));
    auto sec = rope["mrope_section"].get<std::vector<int32_t>>();
    for (size_t i = 0; i < sec.size(); ++i) EXPECT_EQ(hp.mrope_sections[i], sec[i]);
    EXPECT_TRUE(hp.tied_embeddings);
    auto types = tc["layer_types"].get<std::vector<std::string>>();
    ASSERT_EQ(hp.layer_types.size(), types.size());
    for (size_t i = 0; i < types.size(); ++i)
      EXPECT_EQ(hp.is_full_attention(static_cast<uint32_t>(i)), types[i] == "full_attention") << "layer " << i;
    EXPECT_TRUE(w.unexpected.empty());
    EXPECT_TRUE(w.skipped_mtp.empty());
    EXPECT_EQ(w.output.present(), false);
    const bool gguf = g.file != "hf";
    EXPECT_EQ(w.format, gguf ? ModelFormat::Gguf : ModelFormat::HfFolder);
    EXPECT_EQ(w.v_heads_tiled, gguf && hp.n_v_heads > hp.n_k_heads);
    // Big matrices are views into the mapping, never copies; small ones are F32.
    EXPECT_FALSE(w.layers[0].ffn_down.converted);
    EXPECT_EQ(w.layers[0].attn_norm.dtype, DType::F32);
    EXPECT_EQ(w.layers[0].gdn.ssm_conv1d.n_dims, 2u);
    EXPECT_EQ(w.layers[0].gdn.ssm_conv1d.ne[0], hp.conv_kernel);
  }
}

TEST(ModelWeights, QuantizedTensorTypesAsInMeta) {
  for (const char* file : {"model-Q8_0.gguf", "model-Q4_K_M.gguf"}) {
    ModelWeights w = load(std::string("tiny-q/") + file);
    auto types = meta("tiny-q")["files"][file]["tensor_types"];
    ASSERT_TRUE(types.is_object());
    int checked = 0;
    for (const TensorRef* t : w.all_tensors()) {
      std::string want = types.at(t->name).get<std::string>();
      std::string got = dtype_name(t->dtype);
      for (char& c : got) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_EQ(got, want) << file << " " << t->name;
      ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>(types.size())) << file;
  }
}

TEST(ModelWeights, GgufAndHfOfTinyAAreTheSameWeights) {
  ModelWeights g = load("tiny-a/model.gguf");
  ModelWeights h = load("tiny-a/hf");
  ASSERT_FALSE(g.layers.empty());
  ASSERT_FALSE(h.layers.empty());
  // HF norms were converted (+1) once; the GGUF ones are already (1 + w).
  EXPECT_TRUE(h.layers[0].attn_norm.converted);
  EXPECT_FALSE(g.layers[0].attn_norm.converted);
  expect_same_logical_weights(g, h);
}

TEST(ModelWeights, GgufAndHfOfTinyBAreTheSameWeightsThroughTheVHeadMap) {
  ModelWeights g = load("tiny-b/model.gguf");
  ModelWeights h = load("tiny-b/hf");
  ASSERT_FALSE(g.layers.empty());
  ASSERT_FALSE(h.layers.empty());
  ASSERT_EQ(g.hparams.n_v_heads, 2 * g.hparams.n_k_heads);
  EXPECT_TRUE(g.v_heads_tiled);
  EXPECT_FALSE(h.v_heads_tiled);
  // Tiled: v head j uses k head j % Hk; grouped: j / (Hv / Hk).
  EXPECT_EQ(g.k_head_for_v_head(1), 1);
  EXPECT_EQ(h.k_head_for_v_head(1), 0);
  EXPECT_EQ(g.k_head_for_v_head(2), 0);
  EXPECT_EQ(h.k_head_for_v_head(2), 1);
  // The raw bytes differ (the heads are stored in another order) but the logical heads are equal.
  const TensorRef& gz = g.layers[0].gdn.attn_gate;
  const TensorRef& hz = h.layers[0].gdn.attn_gate;
  EXPECT_NE(std::memcmp(gz.data, hz.data, gz.n_bytes), 0);
  expect_same_logical_weights(g, h);
}

TEST(ModelWeights, HeadMapsAreInverse) {
  for (int hk : {1, 2, 4, 16})
    for (int r : {1, 2, 3}) {
      const int hv = hk * r;
      for (int j = 0; j < hv; ++j) {
        const int t = v_head_grouped_to_tiled(j, hk, hv);
        EXPECT_EQ(v_head_tiled_to_grouped(t, hk, hv), j);
        EXPECT_EQ(t % hk, j / r);  // tiled storage keeps the k head the grouped order implies
      }
    }
}

TEST(ModelWeights, ExpectedShapesFollowTheSpec) {
  // qwen35.md §8.1.3 for the real 0.8B shape.
  HParams hp;
  hp.n_embd = 1024, hp.n_ff = 3584, hp.n_head = 8, hp.n_head_kv = 2, hp.head_dim = 256;
  hp.n_k_heads = 16, hp.n_v_heads = 16, hp.k_head_dim = 128, hp.v_head_dim = 128, hp.conv_kernel = 4;
  hp.n_vocab = 248320;
  auto ne = [&](const char* n) { return expected_shape(hp, n).ne; };
  using V = std::vector<uint64_t>;
  EXPECT_EQ(ne("token_embd.weight"), (V{1024, 248320}));
  EXPECT_EQ(ne("blk.0.attn_qkv.weight"), (V{1024, 6144}));
  EXPECT_EQ(ne("blk.0.attn_gate.weight"), (V{1024, 2048}));
  EXPECT_EQ(ne("blk.0.ssm_beta.weight"), (V{1024, 16}));
  EXPECT_EQ(ne("blk.0.ssm_conv1d.weight"), (V{4, 6144}));
  EXPECT_EQ(ne("blk.0.ssm_a"), (V{16}));
  EXPECT_EQ(ne("blk.0.ssm_norm.weight"), (V{128}));
  EXPECT_EQ(ne("blk.0.ssm_out.weight"), (V{2048, 1024}));
  EXPECT_EQ(ne("blk.3.attn_q.weight"), (V{1024, 4096}));
  EXPECT_EQ(ne("blk.3.attn_k.weight"), (V{1024, 512}));
  EXPECT_EQ(ne("blk.3.attn_q_norm.weight"), (V{256}));
  EXPECT_EQ(ne("blk.3.attn_output.weight"), (V{2048, 1024}));
  EXPECT_EQ(ne("blk.3.ffn_down.weight"), (V{3584, 1024}));
}

// A flat Qwen3_5ForCausalLM export (text config at the top, "model.layers." names), untied with lm_head.weight,
// plus MTP, vision and unknown tensors: built by rewriting a generated HF folder.
TEST(ModelWeights, FlatUntiedHfWithSkippedAndUnexpectedTensors) {
  TempDir dir;
  TestModelOptions o;
  o.format = TestModelFormat::Hf;
  o.type = TestModelType::BF16;
  o.out = dir.file("src");
  ASSERT_TRUE(make_test_model(o).is_ok());
  auto src = SafetensorsFile::open(dir.file("src/model.safetensors"));
  ASSERT_TRUE(src.is_ok());

  const std::string out = dir.file("flat");
  std::filesystem::create_directories(out);
  SafetensorsWriter w;
  std::vector<std::span<const uint8_t>> data;
  auto add = [&](const std::string& name, const SafetensorsTensor& t) {
    ASSERT_TRUE(w.add_tensor(name, *t.dtype, t.shape).is_ok());
    data.push_back(src->tensor_data(t));
  };
  const std::string lm = "model.language_model.";
  for (const auto& t : src->tensors()) add("model." + t.name.substr(lm.size()), t);
  const SafetensorsTensor* embed = src->find(lm + "embed_tokens.weight");
  add("lm_head.weight", *embed);
  add("mtp.fc.weight", *src->find(lm + "layers.0.mlp.down_proj.weight"));
  add("model.visual.blocks.0.attn.qkv.weight", *src->find(lm + "layers.0.mlp.up_proj.weight"));
  add("model.something_else.weight", *src->find(lm + "norm.weight"));
  ASSERT_TRUE(w.write(out + "/model.safetensors", [&](size_t i, const SafetensorsWriteTensor&, const SafetensorsWriter::Sink& sink) {
                 return sink(data[i].data(), data[i].size());
               }).is_ok());
  std::ifstream cf(dir.file("src/config.json"));
  auto config = nlohmann::json::parse(cf);
  nlohmann::json flat = config["text_config"];
  flat["architectures"] = {"Qwen3_5ForCausalLM"};
  flat["tie_word_embeddings"] = false;
  write_text(out + "/config.json", flat.dump());
  std::filesystem::copy_file(dir.file("src/tokenizer.json"), out + "/tokenizer.json");

  auto wts = load_model_weights(out);
  ASSERT_TRUE(wts.is_ok()) << wts.status().to_string();
  EXPECT_FALSE(wts->hparams.tied_embeddings);
  ASSERT_TRUE(wts->output.present());
  EXPECT_EQ(wts->output.source_name, "lm_head.weight");
  EXPECT_EQ(wts->output.ne, wts->token_embd.ne);
  EXPECT_EQ(wts->layers[0].attn_norm.source_name, "model.layers.0.input_layernorm.weight");
  EXPECT_EQ(wts->skipped_mtp, std::vector<std::string>{"mtp.fc.weight"});
  EXPECT_EQ(wts->skipped_vision, std::vector<std::string>{"model.visual.blocks.0.attn.qkv.weight"});
  auto report = check_weights(*wts);
  EXPECT_TRUE(report.errors.empty());
  EXPECT_EQ(report.warnings, std::vector<std::string>{"unexpected tensor model.something_else.weight (ignored)"});
  // The same logical weights as the multimodal-layout original, apart from the extra LM head.
  auto orig = load_model_weights(dir.file("src"));
  ASSERT_TRUE(orig.is_ok());
  EXPECT_EQ(std::memcmp(orig->layers[5].ffn_down.data, wts->layers[5].ffn_down.data, wts->layers[5].ffn_down.n_bytes), 0);

  // Untied (the top-level flag of a multimodal config wins over text_config's) but without lm_head: the missing
  // tensor is named in both spellings.
  std::filesystem::remove(out + "/model.safetensors");
  std::filesystem::copy_file(dir.file("src/model.safetensors"), out + "/model.safetensors");
  config["tie_word_embeddings"] = false;
  write_text(out + "/config.json", config.dump());
  auto missing = load_model_weights(out);
  EXPECT_EQ(missing.status().code(), ErrorCode::NotFound);
  EXPECT_NE(missing.status().message().find("missing tensor output.weight (lm_head.weight)"), std::string::npos)
      << missing.status().message();
}

// A GGUF carrying an MTP block (block_count = n_layer + nextn_predict_layers, qwen35.md §8.1.2) and vision
// tensors: both are skipped (and counted), the main pass keeps n_layer layers. Built by rewriting a generated file.
TEST(ModelWeights, GgufMtpBlockAndVisionTensorsAreSkipped) {
  TempDir dir;
  TestModelOptions o;
  o.type = TestModelType::Q8_0;
  o.out = dir.file("src.gguf");
  ASSERT_TRUE(make_test_model(o).is_ok());
  auto src = GgufFile::open(o.out);
  ASSERT_TRUE(src.is_ok());
  GgufWriter w;
  for (const GgufKv& kv : src->metadata())
    w.add(kv.key, kv.key == "qwen35.block_count" ? GgufWriteValue::u32(9) : GgufWriteValue::from(kv.value));
  w.add("qwen35.nextn_predict_layers", GgufWriteValue::u32(1));
  std::vector<std::span<const uint8_t>> data;
  for (const GgufTensorInfo& t : src->tensors()) {
    ASSERT_TRUE(w.add_tensor(t.name, t.type, std::vector<uint64_t>(t.ne.begin(), t.ne.begin() + t.n_dims)).is_ok());
    data.push_back(src->tensor_data(t));
  }
  // The MTP block reuses layer 3's (attention) tensors; a vision tensor reuses a norm.
  for (const GgufTensorInfo& t : src->tensors()) {
    if (t.name.rfind("blk.3.", 0) != 0) continue;
    ASSERT_TRUE(w.add_tensor("blk.8." + t.name.substr(6), t.type, std::vector<uint64_t>(t.ne.begin(), t.ne.begin() + t.n_dims)).is_ok());
    data.push_back(src->tensor_data(t));
  }
  const GgufTensorInfo* norm = src->find_tensor("output_norm.weight");
  ASSERT_TRUE(w.add_tensor("v.post_ln.weight", norm->type, {norm->ne[0]}).is_ok());
  data.push_back(src->tensor_data(*norm));
  const std::string path = dir.file("mtp.gguf");
  ASSERT_TRUE(w.write(path, [&](size_t i, const GgufWriteTensor&, const GgufWriter::Sink& sink) {
                 return sink(data[i].data(), data[i].size());
               }).is_ok());

  auto wts = load_model_weights(path);
  ASSERT_TRUE(wts.is_ok()) << wts.status().to_string();
  EXPECT_EQ(wts->hparams.n_layer, 8u);
  EXPECT_EQ(wts->hparams.n_nextn, 1u);
  EXPECT_EQ(wts->layers.size(), 8u);
  EXPECT_EQ(wts->skipped_mtp.size(), 11u);  // every tensor of an attention block
  EXPECT_EQ(wts->skipped_vision, std::vector<std::string>{"v.post_ln.weight"});
  EXPECT_TRUE(wts->unexpected.empty());
  auto info = inspect_model(path);
  ASSERT_TRUE(info.is_ok()) << info.status().to_string();
  EXPECT_EQ(info->n_skipped_mtp, 11u);
  EXPECT_EQ(info->n_skipped_vision, 1u);
  EXPECT_EQ(info->n_nextn, 1u);
  EXPECT_GT(info->skipped_bytes, 0u);
}
