// test_ops_sampling.cpp: token sampling on the device (sample.comp) against runtime::Sampler, the host oracle, on
// random logit rows: greedy (ties to the lowest id), temperature with top-k / top-p / min-p and the same uniform,
// allowed-id masks, repetition and presence penalties, the host fallback for many equal logits, and refusals.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "ops/sampling.h"
#include "runtime/sampler.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Buffers for one row of n logits.
struct Rig {
  vk::Device& d;
  vk::Transfer& t;
  size_t n;
  vk::Buffer logits = vk_test::make_floats(d, n, "logits");
  vk::Buffer work = vk_test::make_floats(d, n, "work");
  vk::Buffer state = vk_test::make_floats(d, ops::device_sample_state_bytes() / 4, "state");
  vk::Buffer pen = vk_test::make_floats(d, 2 * n, "penalties");
  vk::Buffer mask = vk_test::make_floats(d, (n + 31) / 32, "mask");

  // Samples `row` on the device with the sampler's settings, penalties, allowed ids and next uniform.
  ops::DeviceSampleOutput run(const runtime::Sampler& s, std::span<const float> row, const std::vector<uint32_t>& bits) {
    EXPECT_TRUE(t.upload(logits, 0, row.data(), n * 4).is_ok());
    const std::vector<uint32_t> pairs = s.penalty_pairs(n);
    if (!pairs.empty()) {
      EXPECT_TRUE(t.upload(pen, 0, pairs.data(), pairs.size() * 4).is_ok());
    }
    if (!bits.empty()) {
      EXPECT_TRUE(t.upload(mask, 0, bits.data(), bits.size() * 4).is_ok());
    }
    const SamplerSettings& st = s.settings();
    ops::DeviceSampleParams p{st.temperature, st.top_k, st.top_p, st.min_p, st.presence_penalty,
                              st.repetition_penalty, s.peek_uniform()};
    auto seq = vk::Sequence::create(d);
    EXPECT_TRUE(seq.is_ok());
    Status status = ops::sample(**seq, logits.whole(), work.whole(), state.whole(), pen.whole(),
                                static_cast<uint32_t>(pairs.size() / 2), bits.empty() ? vk::BufferSlice{} : mask.whole(), p);
    EXPECT_TRUE(status.is_ok()) << status.to_string();
    EXPECT_TRUE((*seq)->run().is_ok());
    uint32_t out[2] = {0, 0};
    EXPECT_TRUE(t.download(state, 0, out, 8).is_ok());
    ops::DeviceSampleOutput r;
    r.token = static_cast<int32_t>(out[0]);
    r.flags = out[1];
    return r;
  }
};

std::vector<uint32_t> to_bits(const std::vector<uint8_t>& allowed) {
  std::vector<uint32_t> bits((allowed.size() + 31) / 32, 0);
  for (size_t i = 0; i < allowed.size(); ++i)
    if (allowed[i]) bits[i >> 5] |= 1u << (i & 31);
  return bits;
}

// Runs `n_steps` tokens: the device and the host sampler (same seed, same history) must agree on every token and on
// whether the uniform was drawn.
void check(Rig& rig, const SamplerSettings& settings, std::vector<uint8_t> allowed, int n_steps, uint64_t seed,
           const std::string& label, float spread = 8.0f, bool same_row = false) {
  runtime::Sampler host(settings, allowed), dev(settings, allowed);
  const std::vector<int32_t> context = {1, 5, 5, 9, 17, static_cast<int32_t>(rig.n - 1)};
  host.add_context(context);
  dev.add_context(context);
  const std::vector<uint32_t> bits = allowed.empty() ? std::vector<uint32_t>{} : to_bits(allowed);
  std::vector<int32_t> picked;
  for (int step = 0; step < n_steps; ++step) {
    // same_row: one row for every step, with context id 5 on top, so that only the penalties move the choice.
    std::vector<float> row = vk_test::random_floats(rig.n, same_row ? seed : seed + step, -spread, spread);
    if (same_row) row[5] = spread + 1.0f;
    const size_t n_dist = host.distribution(row).size();
    const int32_t want = host.sample(row);
    const ops::DeviceSampleOutput got = rig.run(dev, row, bits);
    ASSERT_FALSE(got.host_fallback()) << label;
    EXPECT_EQ(got.token, want) << label << " step " << step;
    EXPECT_EQ(got.used_uniform(), n_dist > 1) << label << " step " << step;
    if (got.used_uniform()) dev.consume_uniform();
    if (want >= 0) host.accept(want), dev.accept(want);
    picked.push_back(got.token);
    if (!allowed.empty() && got.token >= 0) {
      EXPECT_TRUE(allowed[static_cast<size_t>(got.token)]) << label;
    }
  }
  if (same_row && settings.temperature <= 0.0f) {  // the penalties must have mattered: no greedy pick repeats
    std::sort(picked.begin(), picked.end());
    EXPECT_EQ(std::adjacent_find(picked.begin(), picked.end()), picked.end()) << label;
    EXPECT_EQ(std::find(picked.begin(), picked.end(), 5), picked.end()) << label << ": id 5 is in the context";
  }
}

SamplerSettings settings(float temperature, int32_t top_k, float top_p = 1.0f, float min_p = 0.0f) {
  SamplerSettings s;
  s.temperature = temperature;
  s.top_k = top_k;
  s.top_p = top_p;
  s.min_p = min_p;
  s.seed = 1234;
  return s;
}

class OpsSampling : public vk_test::VulkanTest {};

TEST_F(OpsSampling, GreedyMatchesHostIncludingTies) {
  Rig rig{vk_test::device(), vk_test::transfer(), 248320};
  check(rig, settings(0.0f, 0), {}, 3, 10, "greedy");
  // Ties: every value from a set of 4, so the maximum occurs many times: the lowest id wins.
  runtime::Sampler s(settings(0.0f, 0), {});
  std::vector<float> row(rig.n);
  for (size_t i = 0; i < rig.n; ++i) row[i] = static_cast<float>((i * 2654435761u >> 7) % 4);
  const int32_t want = s.sample(row);
  const ops::DeviceSampleOutput got = rig.run(s, row, {});
  EXPECT_EQ(got.token, want);
  EXPECT_EQ(std::find(row.begin(), row.end(), 3.0f) - row.begin(), want);
}

TEST_F(OpsSampling, TemperatureTopKTopPMinPMatchHost) {
  Rig rig{vk_test::device(), vk_test::transfer(), 248320};
  check(rig, settings(1.0f, 20), {}, 6, 100, "t=1,k=20", 4.0f);
  check(rig, settings(0.7f, 20, 0.8f), {}, 6, 200, "t=0.7,k=20,p=0.8", 4.0f);
  check(rig, settings(1.0f, 256, 0.95f, 0.05f), {}, 4, 300, "t=1,k=256,p=0.95,min_p=0.05", 2.0f);
  check(rig, settings(1.3f, 1), {}, 2, 400, "k=1");
  // A small row (fewer ids than groups) and k above the finite count.
  Rig small{vk_test::device(), vk_test::transfer(), 100};
  check(small, settings(1.0f, 256), {}, 4, 500, "n=100,k=256", 1.0f);
}

TEST_F(OpsSampling, MaskAndPenaltiesMatchHost) {
  Rig rig{vk_test::device(), vk_test::transfer(), 248320};
  std::vector<uint8_t> allowed(rig.n, 0);
  for (size_t i = 0; i < rig.n; i += 7) allowed[i] = 1;
  check(rig, settings(0.0f, 0), allowed, 3, 600, "greedy,mask");
  check(rig, settings(1.0f, 40, 0.9f), allowed, 4, 700, "k=40,p=0.9,mask", 3.0f);
  // Penalties strong enough to change the winner: the generated tokens are pushed down.
  SamplerSettings pen = settings(0.0f, 0);
  pen.presence_penalty = 30.0f;
  pen.repetition_penalty = 1.5f;
  check(rig, pen, {}, 4, 800, "greedy,presence+repetition", 8.0f, true);
  pen = settings(0.8f, 20, 0.95f);
  pen.presence_penalty = 1.5f;
  pen.repetition_penalty = 1.3f;
  pen.repetition_last_n = 3;
  check(rig, pen, allowed, 5, 900, "k=20,p=0.95,penalties,mask", 2.0f);
  check(rig, pen, {}, 5, 1000, "k=20,p=0.95,penalties,same row", 2.0f, true);
}

TEST_F(OpsSampling, ManyEqualLogitsFallBackToHostAndRefusals) {
  Rig rig{vk_test::device(), vk_test::transfer(), 8192};
  runtime::Sampler s(settings(1.0f, 20), {});
  std::vector<float> row(rig.n, 0.5f);  // every id ties with the threshold: more candidates than the list holds
  const ops::DeviceSampleOutput got = rig.run(s, row, {});
  EXPECT_TRUE(got.host_fallback());
  EXPECT_EQ(got.token, -1);
  // Nothing allowed: no token, no fallback.
  std::vector<uint8_t> none(rig.n, 0);
  runtime::Sampler masked(settings(1.0f, 20), none);
  const ops::DeviceSampleOutput nothing = rig.run(masked, row, to_bits(none));
  EXPECT_FALSE(nothing.host_fallback());
  EXPECT_EQ(nothing.token, -1);

  auto seq = vk::Sequence::create(vk_test::device());
  ASSERT_TRUE(seq.is_ok());
  ops::DeviceSampleParams p;
  p.temperature = 1.0f;
  p.top_k = 0;  // top-k off with a temperature: the host's job
  EXPECT_FALSE(ops::device_sampling_supported(p));
  Status st = ops::sample(**seq, rig.logits.whole(), rig.work.whole(), rig.state.whole(), {}, 0, {}, p);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument) << st.to_string();
  p.top_k = 20;
  st = ops::sample(**seq, rig.logits.whole(), rig.work.whole(), rig.logits.slice(0, 64), {}, 0, {}, p);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument) << st.to_string();
  EXPECT_NE(st.to_string().find("state buffer"), std::string::npos) << st.to_string();
  p.uniform = 1.0;
  st = ops::sample(**seq, rig.logits.whole(), rig.work.whole(), rig.state.whole(), {}, 0, {}, p);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument) << st.to_string();
}

}  // namespace
