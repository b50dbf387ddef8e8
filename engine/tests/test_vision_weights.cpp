// test_vision_weights.cpp: vision towers load from a HF folder (model.visual.*) and an mmproj GGUF (qwen3vl_merger)
// in F32/F16/BF16/Q8_0 into identical logical tensors, and bad files give the specific error.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/quant.h"
#include "model/gguf_reader.h"
#include "model/gguf_writer.h"
#include "model/hf_folder.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"
#include "model/vision_weights.h"
#include "model_test_support.h"

namespace lectern::model {
namespace {

using lectern::testing::TempDir;

std::vector<float> values(const TensorRef& t) {
  std::vector<float> v(t.n_elements());
  EXPECT_TRUE(dequantize_row_checked(t.dtype, t.data, t.n_bytes, v.data(), static_cast<int64_t>(v.size())).is_ok())
      << t.name;
  return v;
}

// A tiny text model of `format` plus its tiny tower; returns the path to load the tower from.
std::string make_model(const TempDir& dir, TestModelFormat format, TestModelType type, uint64_t seed = 3) {
  TestModelOptions o;
  o.format = format;
  o.type = type;
  o.seed = seed;
  o.out = dir.file(format == TestModelFormat::Hf ? "hf" : "m.gguf");
  EXPECT_TRUE(make_test_model(o).is_ok());
  TestVisionOptions vo{TestVisionShape::Tiny, type, seed, test_model_hparams(o.shape).n_embd};
  if (format == TestModelFormat::Hf) {
    auto r = add_test_vision_tower_hf(o.out, vo);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return o.out;
  }
  const std::string mm = default_mmproj_path(o.out);
  auto r = write_test_vision_mmproj(mm, vo);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return mm;
}

TEST(VisionWeights, HfAndGgufGiveIdenticalLogicalTensors) {
  for (TestModelType type : {TestModelType::F32, TestModelType::F16, TestModelType::BF16}) {
    TempDir a, b;
    auto hf = load_vision_weights(make_model(a, TestModelFormat::Hf, type));
    auto gg = load_vision_weights(make_model(b, TestModelFormat::Gguf, type));
    ASSERT_TRUE(hf.is_ok()) << hf.status().to_string();
    ASSERT_TRUE(gg.is_ok()) << gg.status().to_string();
    EXPECT_EQ(hf->hparams.n_layer, 2u);
    EXPECT_EQ(gg->hparams.n_pos, 64u);
    EXPECT_EQ(hf->hparams.n_pos, 64u);
    EXPECT_EQ(gg->hparams.n_out, 256u);
    auto ta = hf->all_tensors(), tb = gg->all_tensors();
    ASSERT_EQ(ta.size(), tb.size());
    for (size_t i = 0; i < ta.size(); ++i) {
      ASSERT_EQ(ta[i]->name, tb[i]->name);
      ASSERT_EQ(ta[i]->ne, tb[i]->ne) << ta[i]->name;
      EXPECT_EQ(values(*ta[i]), values(*tb[i])) << ta[i]->name << " differs for type " << test_model_type_name(type);
    }
  }
}

TEST(VisionWeights, GgufPatchKernelsInterleaveIntoConv3dOrder) {
  // The canonical patch row index is ((ch*2 + f)*16 + y)*16 + x; the GGUF stores slice f as its own kernel.
  TempDir d;
  const std::string mm = make_model(d, TestModelFormat::Gguf, TestModelType::F32);
  auto w = load_vision_weights(mm);
  ASSERT_TRUE(w.is_ok()) << w.status().to_string();
  auto g = GgufFile::open(mm);
  ASSERT_TRUE(g.is_ok());
  const GgufTensorInfo* k1 = g->find_tensor("v.patch_embd.weight.1");
  ASSERT_NE(k1, nullptr);
  auto raw = g->tensor_data(*k1);
  const float* s1 = reinterpret_cast<const float*>(raw.data());
  const float* canon = w->patch_embd.f32();
  // output channel 5, channel 2, frame 1, y 3, x 7
  const size_t o = 5, ch = 2, y = 3, x = 7;
  EXPECT_EQ(canon[o * 1536 + ((ch * 2 + 1) * 16 + y) * 16 + x], s1[((o * 3 + ch) * 16 + y) * 16 + x]);
}

TEST(VisionWeights, Q8_0LoadsAndMatchesF32WithinQuantError) {
  TempDir a, b;
  auto q = load_vision_weights(make_model(a, TestModelFormat::Gguf, TestModelType::Q8_0));
  auto f = load_vision_weights(make_model(b, TestModelFormat::Gguf, TestModelType::F32));
  ASSERT_TRUE(q.is_ok()) << q.status().to_string();
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(q->layers[0].attn_qkv.dtype, DType::Q8_0);
  EXPECT_EQ(q->mm0.dtype, DType::Q8_0);
  auto vq = values(q->layers[1].ffn_down), vf = values(f->layers[1].ffn_down);
  ASSERT_EQ(vq.size(), vf.size());
  double max_err = 0, max_abs = 0;
  for (size_t i = 0; i < vq.size(); ++i) max_err = std::max(max_err, double(std::fabs(vq[i] - vf[i]))), max_abs = std::max(max_abs, double(std::fabs(vf[i])));
  EXPECT_GT(max_err, 0.0);
  EXPECT_LT(max_err, max_abs / 100);  // Q8_0: about 1/254 of the block's largest value
}

TEST(VisionWeights, TextModelWithoutTowerSaysSo) {
  TempDir d;
  TestModelOptions o;
  o.format = TestModelFormat::Hf;
  o.out = d.file("hf");
  ASSERT_TRUE(make_test_model(o).is_ok());
  auto r = load_vision_weights(o.out);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::NotFound);
  EXPECT_NE(r.status().message().find("no vision encoder"), std::string::npos) << r.status().message();
  // A text GGUF is not a projector.
  o.format = TestModelFormat::Gguf;
  o.out = d.file("m.gguf");
  ASSERT_TRUE(make_test_model(o).is_ok());
  auto g = load_vision_weights(o.out);
  ASSERT_FALSE(g.is_ok());
  EXPECT_NE(g.status().message().find("not a vision projector"), std::string::npos) << g.status().message();
}

// Rewrites an mmproj GGUF, changing metadata or dropping / reshaping one tensor.
void rewrite_gguf(const std::string& in, const std::string& out, const std::string& drop,
                  const std::string& set_projector, const std::string& reshape) {
  auto g = GgufFile::open(in);
  ASSERT_TRUE(g.is_ok());
  GgufWriter w;
  for (const GgufKv& kv : g->metadata())
    w.add(kv.key, kv.key == "clip.projector_type" && !set_projector.empty() ? GgufWriteValue::string(set_projector)
                                                                             : GgufWriteValue::from(kv.value));
  std::vector<const GgufTensorInfo*> kept;
  for (const GgufTensorInfo& t : g->tensors()) {
    if (t.name == drop) continue;
    std::vector<uint64_t> ne(t.ne.begin(), t.ne.begin() + t.n_dims);
    if (t.name == reshape) std::swap(ne[0], ne[1]);  // same bytes, transposed shape
    ASSERT_TRUE(w.add_tensor(t.name, t.type, ne).is_ok());
    kept.push_back(&t);
  }
  ASSERT_TRUE(w.write(out, [&](size_t i, const GgufWriteTensor&, const GgufWriter::Sink& sink) {
                 auto d = g->tensor_data(*kept[i]);
                 return sink(d.data(), d.size());
               }).is_ok());
}

TEST(VisionWeights, BadMmprojFilesGiveSpecificErrors) {
  TempDir d;
  const std::string mm = make_model(d, TestModelFormat::Gguf, TestModelType::F16);
  {
    const std::string bad = d.file("missing.gguf");
    rewrite_gguf(mm, bad, "v.blk.1.attn_out.weight", "", "");
    auto r = load_vision_weights(bad);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), ErrorCode::NotFound);
    EXPECT_NE(r.status().message().find("missing vision tensor v.blk.1.attn_out.weight"), std::string::npos)
        << r.status().message();
  }
  {
    const std::string bad = d.file("shape.gguf");
    rewrite_gguf(mm, bad, "", "", "v.blk.0.ffn_up.weight");
    auto r = load_vision_weights(bad);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), ErrorCode::CorruptData);
    EXPECT_NE(r.status().message().find("v.blk.0.ffn_up.weight has shape [128, 64], expected [64, 128]"),
              std::string::npos)
        << r.status().message();
  }
  {
    const std::string bad = d.file("proj.gguf");
    rewrite_gguf(mm, bad, "", "qwen2vl_merger", "");
    auto r = load_vision_weights(bad);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), ErrorCode::Unsupported);
    EXPECT_NE(r.status().message().find("'qwen2vl_merger'"), std::string::npos) << r.status().message();
  }
  {
    const std::string bad = d.file("slice.gguf");
    rewrite_gguf(mm, bad, "v.patch_embd.weight.1", "", "");
    auto r = load_vision_weights(bad);
    ASSERT_FALSE(r.is_ok());
    EXPECT_NE(r.status().message().find("v.patch_embd.weight.1"), std::string::npos) << r.status().message();
  }
}

TEST(VisionWeights, BadHfTowerGivesSpecificErrors) {
  TempDir d;
  const std::string hf = make_model(d, TestModelFormat::Hf, TestModelType::F32);
  // vision_config disagreeing with the tensors: a wider MLP than stored.
  auto cfg = model::read_json_file(hf + "/config.json");
  ASSERT_TRUE(cfg.is_ok());
  nlohmann::json c = *cfg;
  c["vision_config"]["intermediate_size"] = 256;
  lectern::testing::write_text(hf + "/config.json", c.dump());
  auto r = load_vision_weights(hf);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::CorruptData);
  EXPECT_NE(r.status().message().find("model.visual.blocks.0.mlp.linear_fc1.weight"), std::string::npos)
      << r.status().message();
  // Deepstack towers are refused by name.
  c["vision_config"]["intermediate_size"] = 128;
  c["vision_config"]["deepstack_visual_indexes"] = {1};
  lectern::testing::write_text(hf + "/config.json", c.dump());
  r = load_vision_weights(hf);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::Unsupported);
  // The tower must feed the text model it is loaded with.
  c["vision_config"].erase("deepstack_visual_indexes");
  lectern::testing::write_text(hf + "/config.json", c.dump());
  auto ok = load_vision_weights(hf);
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  Status s = validate_vision_weights(*ok, 1024);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("256-wide"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lectern::model
