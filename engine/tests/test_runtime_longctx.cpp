// test_runtime_longctx.cpp: a 300,000-token context on the `long` test model (4 layers, attention last, 1M-token
// trained context): a prompt of 101,500 tokens is evaluated by the CPU reference and by Vulkan with the KV cache
// forced into 1 MiB blocks (ten blocks of 32,768 positions, the prompt spans four); logits at positions beyond
// 101,000 agree (golden rule 1, NMSE <= 1e-5), and the state saved to disk at that depth and loaded into a new
// session gives bit-identical logits to continuous processing, on both backends. ctest label `long`.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "model/model_source.h"
#include "model/test_model_maker.h"
#include "model_test_support.h"
#include "runtime/cpu_backend.h"
#include "runtime/session.h"
#include "runtime/snapshot_store.h"
#include "runtime/vulkan_backend.h"
#include "vk_test_support.h"

using namespace lectern;
using namespace lectern::runtime;

namespace {

constexpr int64_t k_ctx = 300000;
constexpr size_t k_prompt = 101500;  // ends in the fourth 32,768-position block
constexpr size_t k_tail = 4;         // positions whose logits are compared (all beyond 101,000)

std::vector<int32_t> random_tokens(size_t n, uint32_t n_vocab, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int32_t> out(n);
  for (auto& t : out) t = static_cast<int32_t>(rng() % n_vocab);
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct LongRun {
  std::vector<float> tail_rows;      // [k_tail, n_vocab], continuous processing
  std::vector<float> resumed_rows;   // the same after loading the state saved at k_prompt - k_tail from disk
  std::vector<float> prefix_logits;  // after the prefix: continuous, and as loaded
  std::vector<float> loaded_prefix_logits;
  uint64_t n_loaded = 0, n_evaluated_b = 0;
};

// Session A evaluates the prefix (saving its state to `store`), then the tail with all rows; session B starts
// empty, finds the prefix on disk, and evaluates the same tail.
LongRun run_sessions(ModelBackend& backend, const std::vector<int32_t>& tokens,
                     const std::shared_ptr<SnapshotStore>& store) {
  LongRun r;
  const std::span<const int32_t> all(tokens);
  const auto prefix = all.first(k_prompt - k_tail), tail = all.subspan(k_prompt - k_tail);
  SessionOptions so;
  so.n_ctx = k_ctx;
  so.n_batch = 0;
  so.checkpoint_interval = 0;
  so.disk_cache = store;
  so.disk_min_tokens = 1000;
  ExtendOptions rows;
  rows.logits = LogitsMode::All;
  {
    auto a = Session::create(backend, so);
    EXPECT_TRUE(a.is_ok()) << a.status().to_string();
    if (!a.is_ok()) return r;
    const auto t0 = std::chrono::steady_clock::now();
    int64_t n_progress = 0;
    ExtendOptions p;
    p.progress = [&](int64_t done, int64_t) { n_progress = done; };
    auto reused = a->sync(prefix, p);
    EXPECT_TRUE(reused.is_ok()) << reused.status().to_string();
    EXPECT_EQ(n_progress, static_cast<int64_t>(prefix.size()));
    EXPECT_TRUE(a->disk_cache_status().is_ok()) << a->disk_cache_status().to_string();
    std::printf("%s: %zu-token prefix in %.1f s\n", backend.info().name.c_str(), prefix.size(), seconds_since(t0));
    r.prefix_logits.assign(a->logits().begin(), a->logits().end());
    EXPECT_TRUE(a->extend(tail, rows, &r.tail_rows).is_ok());
  }
  auto b = Session::create(backend, so);
  EXPECT_TRUE(b.is_ok());
  if (!b.is_ok()) return r;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(b->sync(prefix).is_ok());
  std::printf("%s: prefix loaded from disk in %.2f s\n", backend.info().name.c_str(), seconds_since(t0));
  r.n_loaded = b->n_loaded_from_disk();
  r.n_evaluated_b = b->n_evaluated();
  r.loaded_prefix_logits.assign(b->logits().begin(), b->logits().end());
  EXPECT_TRUE(b->extend(tail, rows, &r.resumed_rows).is_ok());
  return r;
}

TEST(LongContext, CpuAndVulkanAgreeBeyond100kAndResumeFromDisk) {
  lectern::testing::TempDir dir;
  model::TestModelOptions mo;
  mo.shape = model::TestModelShape::Long;
  mo.seed = 11;
  mo.out = dir.file("long.gguf");
  ASSERT_TRUE(model::make_test_model(mo).is_ok());
  auto weights = model::load_model_weights(mo.out);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  const uint32_t n_vocab = weights->hparams.n_vocab;
  const std::vector<int32_t> tokens = random_tokens(k_prompt, n_vocab, 5);

  SnapshotStoreOptions so;
  so.dir = dir.path() / "snapshots";
  so.model_identity = "long-seed11";
  auto store = SnapshotStore::open(so);
  ASSERT_TRUE(store.is_ok());

  auto cpu = create_cpu_backend(*weights);
  ASSERT_TRUE(cpu.is_ok());
  const LongRun c = run_sessions(**cpu, tokens, *store);

  std::unique_ptr<ModelBackend> vulkan;
  {
    // 1 MiB bindings: 32,768 f16 positions of one kv head x 16 dims per block; batches of 256 keep every other
    // buffer (the logit rows: 256 x 768 floats) within one binding.
    vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "1M");
    vk_test::ScopedEnv allocation("LECTERN_VK_MAX_ALLOCATION_BYTES", "2M");
    VulkanBackendOptions vo;
    vo.plan_n_ctx = k_ctx;
    vo.n_batch = 256;
    auto v = create_vulkan_backend(*weights, vo);
    ASSERT_TRUE(v.is_ok()) << v.status().to_string();
    vulkan = std::move(v).value();
  }
  const LongRun v = run_sessions(*vulkan, tokens, *store);
  ASSERT_EQ(c.tail_rows.size(), k_tail * n_vocab);
  ASSERT_EQ(v.tail_rows.size(), k_tail * n_vocab);
  EXPECT_EQ((*store)->n_entries(), 2u);  // one per backend: their state formats differ

  for (size_t i = 0; i < k_tail; ++i) {
    const std::span<const float> vr(v.tail_rows.data() + i * n_vocab, n_vocab);
    const std::span<const float> cr(c.tail_rows.data() + i * n_vocab, n_vocab);
    vk_test::report("position " + std::to_string(k_prompt - k_tail + i) + " vulkan vs cpu", vk_test::nmse(vr, cr),
                    1e-5);
  }
  for (const LongRun* r : {&c, &v}) {
    EXPECT_EQ(r->n_loaded, k_prompt - k_tail);
    EXPECT_EQ(r->n_evaluated_b, 0u);
    EXPECT_EQ(r->loaded_prefix_logits, r->prefix_logits);  // stored with the state
    EXPECT_EQ(r->resumed_rows, r->tail_rows);               // bit-identical to continuous processing
  }
}

}  // namespace
