// test_model_maker.cpp: make-test-model's models: every format/type of the tiny shape loads and validates with the
// requested hyperparameters; GGUF and HF files of one seed hold the same logical weights (through the v-head
// reorder, quantized within tolerance); the Q4_K_M mix matches llama.cpp's on the golden tiny-q file; the 0.8B
// plan has the published parameter count; the tokenizer and chat template work.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/quant.h"
#include "lectern/chat.h"
#include "model/gguf_reader.h"
#include "model/model_source.h"
#include "model/test_model_maker.h"
#include "model/weight_validation.h"
#include "model_test_support.h"
#include "model_weights_compare.h"
#include "text/tokenizer_loader.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;

namespace {

std::string make(const TempDir& dir, TestModelFormat format, TestModelType type, uint64_t seed,
                 TestModelShape shape = TestModelShape::Tiny) {
  TestModelOptions o;
  o.shape = shape;
  o.format = format;
  o.type = type;
  o.seed = seed;
  o.out = dir.file(std::string(format == TestModelFormat::Gguf ? "m-" : "hf-") + test_model_type_name(type) + "-" +
                   std::to_string(seed) + (format == TestModelFormat::Gguf ? ".gguf" : ""));
  auto r = make_test_model(o);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return o.out;
}

ModelWeights load(const std::string& path) {
  auto w = load_model_weights(path);
  EXPECT_TRUE(w.is_ok()) << path << ": " << w.status().to_string();
  return w.is_ok() ? std::move(w).value() : ModelWeights{};
}

// Dequantized copy of a tensor as F32, in grouped v-head order, as floats.
std::vector<float> logical_floats(const ModelWeights& w, const TensorRef& t) {
  std::vector<float> f(t.n_elements());
  dequantize_row(t.dtype, t.data, f.data(), static_cast<int64_t>(f.size()));
  TensorRef r = t;
  r.dtype = DType::F32;
  r.data = reinterpret_cast<const uint8_t*>(f.data());
  r.n_bytes = f.size() * 4;
  auto bytes = bytes_in_grouped_order(w, r);
  std::vector<float> out(f.size());
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

}  // namespace

TEST(ModelMaker, EveryFormatAndTypeLoadsWithTheRequestedShape) {
  TempDir dir;
  const HParams want = test_model_hparams(TestModelShape::Tiny);
  struct Case {
    TestModelFormat format;
    TestModelType type;
  } cases[] = {{TestModelFormat::Gguf, TestModelType::F32},  {TestModelFormat::Gguf, TestModelType::F16},
               {TestModelFormat::Gguf, TestModelType::BF16}, {TestModelFormat::Gguf, TestModelType::Q8_0},
               {TestModelFormat::Gguf, TestModelType::Q4_K_M}, {TestModelFormat::Hf, TestModelType::F32},
               {TestModelFormat::Hf, TestModelType::F16},    {TestModelFormat::Hf, TestModelType::BF16}};
  for (const Case& c : cases) {
    const bool gguf = c.format == TestModelFormat::Gguf;
    SCOPED_TRACE(std::string(gguf ? "gguf " : "hf ") + test_model_type_name(c.type));
    std::string path = make(dir, c.format, c.type, 7);
    ModelWeights w = load(path);
    ASSERT_FALSE(w.layers.empty());
    expect_same_hparams(w.hparams, want);
    EXPECT_EQ(w.v_heads_tiled, gguf);  // tiny has Hv = 2 Hk
    EXPECT_TRUE(check_weights(w).warnings.empty());
    // Stored types: GGUF follows llama.cpp's mix, HF keeps A_log in F32.
    auto plans = plan_test_model_tensors(want, 1);
    auto types = gguf_tensor_types(plans, c.type);
    std::map<std::string, DType> want_type;
    for (size_t i = 0; i < plans.size(); ++i)
      want_type[plans[i].gguf_name] = gguf ? types[i] : hf_tensor_dtype(plans[i], c.type);
    for (const TensorRef* t : w.all_tensors()) {
      if (t->converted) continue;  // HF small tensors are F32 after loading
      EXPECT_EQ(t->dtype, want_type.at(t->name)) << t->name;
    }
    if (gguf) {
      auto g = GgufFile::open(path);
      ASSERT_TRUE(g.is_ok());
      EXPECT_EQ(*g->get_uint("general.file_type"), gguf_file_type(c.type));
      EXPECT_EQ(g->alignment(), 32u);
    }
  }
}

TEST(ModelMaker, GgufAndHfOfOneSeedAreTheSameModel) {
  TempDir dir;
  for (TestModelType type : {TestModelType::F32, TestModelType::BF16, TestModelType::F16}) {
    SCOPED_TRACE(test_model_type_name(type));
    ModelWeights g = load(make(dir, TestModelFormat::Gguf, type, 11));
    ModelWeights h = load(make(dir, TestModelFormat::Hf, type, 11));
    ASSERT_FALSE(g.layers.empty());
    ASSERT_FALSE(h.layers.empty());
    expect_same_logical_weights(g, h, 0.0);
  }
}

TEST(ModelMaker, QuantizedGgufHoldsTheSameLogicalValues) {
  TempDir dir;
  ModelWeights ref = load(make(dir, TestModelFormat::Hf, TestModelType::F32, 5));
  ASSERT_FALSE(ref.layers.empty());
  // Per-tensor NMSE bounds: Q8_0 rounds to 1/127 of the block max, Q4_K/Q6_K coarser.
  for (auto [type, bound] : {std::pair{TestModelType::Q8_0, 1e-4}, std::pair{TestModelType::Q4_K_M, 2e-2}}) {
    SCOPED_TRACE(test_model_type_name(type));
    ModelWeights q = load(make(dir, TestModelFormat::Gguf, type, 5));
    ASSERT_FALSE(q.layers.empty());
    auto tq = q.all_tensors(), tr = ref.all_tensors();
    ASSERT_EQ(tq.size(), tr.size());
    double worst = 0;
    for (size_t i = 0; i < tq.size(); ++i) {
      auto a = logical_floats(q, *tq[i]);
      auto b = logical_floats(ref, *tr[i]);
      ASSERT_EQ(a.size(), b.size()) << tq[i]->name;
      double num = 0, den = 0;
      for (size_t k = 0; k < a.size(); ++k) num += (a[k] - b[k]) * double(a[k] - b[k]), den += double(b[k]) * b[k];
      const double nmse = den > 0 ? num / den : num;
      worst = std::max(worst, nmse);
      EXPECT_LE(nmse, bound) << tq[i]->name << " " << dtype_name(tq[i]->dtype);
    }
    std::printf("%s: worst tensor nmse vs f32 %.3g\n", test_model_type_name(type), worst);
  }
}

TEST(ModelMaker, SameSeedSameBytesOtherSeedOtherWeights) {
  TempDir a, b;
  std::string p1 = make(a, TestModelFormat::Gguf, TestModelType::BF16, 3);
  std::string p2 = make(b, TestModelFormat::Gguf, TestModelType::BF16, 3);
  EXPECT_TRUE(read_bytes(p1) == read_bytes(p2));
  std::string p3 = make(b, TestModelFormat::Gguf, TestModelType::BF16, 4);
  ModelWeights w1 = load(p1), w3 = load(p3);
  ASSERT_FALSE(w1.layers.empty());
  ASSERT_FALSE(w3.layers.empty());
  const TensorRef& x = w1.layers[0].ffn_up;
  const TensorRef& y = w3.layers[0].ffn_up;
  EXPECT_NE(std::memcmp(x.data, y.data, x.n_bytes), 0);
}

TEST(ModelMaker, Q4KMMixMatchesLlamaCppOnTheGoldenTinyQ) {
  // The golden tiny-q files were quantized by llama.cpp; our type choice for the same shape must agree.
  auto g = GgufFile::open(golden_path("models/tiny-q/model-Q4_K_M.gguf"));
  ASSERT_TRUE(g.is_ok());
  auto hp = hparams_from_gguf(*g);
  ASSERT_TRUE(hp.is_ok()) << hp.status().to_string();
  hp->n_vocab = 8064;
  std::ifstream f(golden_path("models/tiny-q/meta.json"));
  auto meta = nlohmann::json::parse(f);
  for (auto [type, file] : {std::pair{TestModelType::Q4_K_M, "model-Q4_K_M.gguf"}, std::pair{TestModelType::Q8_0, "model-Q8_0.gguf"}}) {
    auto plans = plan_test_model_tensors(*hp, 8026);
    auto types = gguf_tensor_types(plans, type);
    const auto& want = meta["files"][file]["tensor_types"];
    ASSERT_EQ(plans.size(), want.size());
    for (size_t i = 0; i < plans.size(); ++i) {
      std::string got = dtype_name(types[i]);
      for (char& c : got) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_EQ(got, want.at(plans[i].gguf_name).get<std::string>()) << file << " " << plans[i].gguf_name;
    }
  }
}

TEST(ModelMaker, The08BPlanIsTheRealShape) {
  const HParams hp = test_model_hparams(TestModelShape::Qwen35_0_8B);
  ASSERT_TRUE(hp.check().is_ok());
  auto plans = plan_test_model_tensors(hp, 1000);
  uint64_t params = 0;
  for (const auto& p : plans) params += p.n_rows * p.row_len;
  EXPECT_EQ(params, 752'393'024u);  // qwen35.md §4: text model total
  uint64_t bf16 = 0;
  for (const auto& p : plans) bf16 += p.n_rows * p.row_len * (hf_tensor_dtype(p, TestModelType::BF16) == DType::F32 ? 4 : 2);
  EXPECT_EQ(bf16, 1'504'786'048u + 18u * 16u * 2u);  // §4 BF16 bytes, plus A_log kept in F32 as published
  // Q4_K_M: Q6_K for attn_qkv/attn_v and ffn_down at use_more_bits layers (qwen35.md §4's list for ffn_down).
  auto types = gguf_tensor_types(plans, TestModelType::Q4_K_M);
  std::set<int> q6_down, q6_wv;
  for (size_t i = 0; i < plans.size(); ++i) {
    const std::string& n = plans[i].gguf_name;
    if (types[i] != DType::Q6_K || n == "token_embd.weight") continue;
    int layer = std::stoi(n.substr(4));
    if (n.ends_with("ffn_down.weight")) q6_down.insert(layer);
    else q6_wv.insert(layer);
  }
  EXPECT_EQ(q6_down, (std::set<int>{0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23}));
  EXPECT_EQ(q6_wv, q6_down);  // attn_qkv (GDN) / attn_v (attention) share the counter: 2 of 6 attn_v
  EXPECT_EQ(types[0], DType::Q6_K);  // tied token_embd
}

TEST(ModelMaker, WeightDistributionsFollowTheGoldenRecipe) {
  const HParams hp = test_model_hparams(TestModelShape::Tiny);
  auto plans = plan_test_model_tensors(hp, 500);
  auto stats = [&](const std::string& name, uint64_t rows) {
    for (const auto& p : plans)
      if (p.gguf_name == name) {
        std::vector<float> v(p.row_len);
        double s = 0, s2 = 0, lo = 1e9, hi = -1e9;
        uint64_t n = 0;
        for (uint64_t r = 0; r < std::min(rows, p.n_rows); ++r) {
          generate_row(p, 1, r, v.data());
          for (float x : v) s += x, s2 += double(x) * x, lo = std::min<double>(lo, x), hi = std::max<double>(hi, x), ++n;
        }
        const double mean = s / n;
        return std::array<double, 4>{mean, std::sqrt(s2 / n - mean * mean), lo, hi};
      }
    ADD_FAILURE() << name;
    return std::array<double, 4>{};
  };
  auto e = stats("token_embd.weight", 400);
  EXPECT_NEAR(e[0], 0.0, 0.01);
  EXPECT_NEAR(e[1], 0.5, 0.01);
  auto m = stats("blk.0.ffn_down.weight", 256);  // fan-in 512
  EXPECT_NEAR(m[1], 1.2 / std::sqrt(512.0), 0.002);
  auto n = stats("blk.0.attn_norm.weight", 1);
  EXPECT_NEAR(n[0], 0.0, 0.03);
  EXPECT_NEAR(n[1], 0.1, 0.03);
  auto gn = stats("blk.0.ssm_norm.weight", 1);
  EXPECT_NEAR(gn[0], 1.0, 0.05);
  auto al = stats("blk.0.ssm_a", 1);  // A_log in [log 0.01, log 2]
  EXPECT_GE(al[2], std::log(0.01) - 1e-6);
  EXPECT_LE(al[3], std::log(2.0) + 1e-6);
  auto pad = stats("token_embd.weight", 768);
  std::vector<float> row(256);
  generate_row(plans[0], 1, 700, row.data());  // padding rows (>= real tokens) are zero
  for (float x : row) ASSERT_EQ(x, 0.0f);
  (void)pad;
}

TEST(ModelMaker, TokenizerAndChatTemplateWork) {
  TempDir dir;
  std::string gguf = make(dir, TestModelFormat::Gguf, TestModelType::Q8_0, 1);
  std::string hf = make(dir, TestModelFormat::Hf, TestModelType::BF16, 1);
  auto a = text::load_tokenizer_for_model(gguf);
  auto b = text::load_tokenizer_for_model(hf);
  ASSERT_TRUE(a.is_ok()) << a.status().to_string();
  ASSERT_TRUE(b.is_ok()) << b.status().to_string();
  EXPECT_EQ(a->n_vocab(), 768);  // GGUF lists padding entries up to the embedding rows
  EXPECT_LT(b->n_vocab(), 768);
  const std::string text = "<|im_start|>user\nThe reading room opens at 9, and the garden needs water.<|im_end|>\n"
                           "<|im_start|>assistant\n<think>\n\n</think>\n\nYes — café, naïve, 東京.";
  auto ia = a->encode(text), ib = b->encode(text);
  ASSERT_TRUE(ia.is_ok() && ib.is_ok());
  EXPECT_EQ(*ia, *ib);
  EXPECT_LT(ia->size(), text.size() * 2 / 3);  // merges learned from English compress it
  EXPECT_EQ((*ia)[0], *a->piece_to_id("<|im_start|>"));
  EXPECT_EQ(*a->decode(*ia), text);
  EXPECT_EQ(a->eos_id(), a->piece_to_id("<|im_end|>"));
  EXPECT_EQ(a->eos_id(), b->eos_id());
  EXPECT_FALSE(a->bos_id().has_value());
  auto ta = chat_traits_for_model_path(gguf);
  auto tb = chat_traits_for_model_path(hf);
  ASSERT_TRUE(ta.is_ok() && tb.is_ok());
  EXPECT_FALSE(ta->thinking_by_default);  // our template is the 0.8B style: thinking only when asked
  EXPECT_FALSE(tb->thinking_by_default);
}

TEST(ModelMaker, RejectsImpossibleRequests) {
  TempDir dir;
  TestModelOptions o;
  o.format = TestModelFormat::Hf;
  o.type = TestModelType::Q4_K_M;
  o.out = dir.file("x");
  auto r = make_test_model(o);
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(r.status().message(), "q4_k_m exists only as GGUF; use --format gguf, or f32/f16/bf16 for hf");
  o.format = TestModelFormat::Gguf;
  o.out = (dir.path() / "no-such-dir" / "m.gguf").string();
  r = make_test_model(o);
  EXPECT_EQ(r.status().code(), ErrorCode::IoError);
  EXPECT_NE(r.status().message().find("no-such-dir"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(o.out + ".partial"));
}
