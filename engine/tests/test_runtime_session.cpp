// test_runtime_session.cpp: Session extend / rewind / sync on the CPU backend (golden tiny-a and tiny-b: real
// GDN + KV state) and on a scripted backend (token counting, checkpoint thinning, error paths), plus the CPU
// backend's snapshots and the backend factory.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "golden_models.h"
#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/cpu_backend.h"
#include "runtime/session.h"
#include "scripted_backend.h"

using namespace lectern;
using namespace lectern::runtime;
using namespace lectern::testing;

namespace {

// The CPU backend of a golden model, loaded once per binary. Null (with a recorded failure) when missing.
ModelBackend* golden_backend(const std::string& folder) {
  static std::map<std::string, std::unique_ptr<ModelBackend>> cache;
  auto it = cache.find(folder);
  if (it != cache.end()) return it->second.get();
  const auto path = golden_models_dir() / folder / "model.gguf";
  if (!std::filesystem::exists(path)) {
    ADD_FAILURE() << "golden model missing: " << path << " (../shared/golden must sit beside the checkout)";
    return nullptr;
  }
  auto weights = model::load_model_weights(path.string());
  if (!weights.is_ok()) {
    ADD_FAILURE() << weights.status().to_string();
    return nullptr;
  }
  auto backend = create_cpu_backend(*weights);
  if (!backend.is_ok()) {
    ADD_FAILURE() << backend.status().to_string();
    return nullptr;
  }
  return (cache[folder] = std::move(backend).value()).get();
}

std::vector<int32_t> golden_prompt(const std::string& folder) {
  return read_json((golden_models_dir() / folder / "tokens.json").string()).at("tokens").get<std::vector<int32_t>>();
}

std::vector<int32_t> slice(const std::vector<int32_t>& v, size_t b, size_t e) {
  return std::vector<int32_t>(v.begin() + static_cast<std::ptrdiff_t>(b), v.begin() + static_cast<std::ptrdiff_t>(e));
}

std::vector<int32_t> concat(std::vector<int32_t> a, const std::vector<int32_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// All-position logits of a fresh session fed `tokens` in one go.
std::vector<float> fresh_logits(ModelBackend& backend, const std::vector<int32_t>& tokens) {
  auto s = Session::create(backend, {.n_ctx = 512, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 4});
  EXPECT_TRUE(s.is_ok());
  std::vector<float> out;
  ExtendOptions o;
  o.logits = LogitsMode::All;
  EXPECT_TRUE(s->extend(tokens, o, &out).is_ok());
  return out;
}

std::vector<float> row(const std::vector<float>& all, size_t i, int32_t n_vocab) {
  return std::vector<float>(all.begin() + static_cast<std::ptrdiff_t>(i * n_vocab),
                            all.begin() + static_cast<std::ptrdiff_t>((i + 1) * n_vocab));
}

std::vector<float> to_vec(std::span<const float> s) { return std::vector<float>(s.begin(), s.end()); }

class GoldenSession : public ::testing::TestWithParam<std::string> {};

}  // namespace

// extend A, extend B, rewind to |A|, extend B'  ==  a fresh session fed A + B', at every position of B', bit for bit
// (the CPU reference is deterministic, so restoring the exact state must reproduce the exact floats).
TEST_P(GoldenSession, RewindThenExtendEqualsFreshSession) {
  ModelBackend* backend = golden_backend(GetParam());
  ASSERT_NE(backend, nullptr);
  const auto prompt = golden_prompt(GetParam());
  ASSERT_GE(prompt.size(), 145u);
  const auto A = slice(prompt, 0, 70), B = slice(prompt, 70, 110), B2 = slice(prompt, 110, 145);
  const int32_t n_vocab = backend->info().n_vocab;

  auto session = Session::create(*backend, {.n_ctx = 256, .n_batch = 9, .checkpoint_interval = 0, .max_checkpoints = 8});
  ASSERT_TRUE(session.is_ok()) << session.status().to_string();
  ExtendOptions turn;
  turn.checkpoint_at = {70};  // a turn boundary
  ASSERT_TRUE(session->extend(A, turn).is_ok());
  EXPECT_EQ(session->n_evaluated(), 70u);
  ASSERT_TRUE(session->extend(B).is_ok());
  EXPECT_EQ(session->n_evaluated(), 110u) << "extending must evaluate only the new tokens";
  ASSERT_TRUE(session->rewind(70).is_ok());
  EXPECT_EQ(session->n_evaluated(), 110u) << "rewinding onto a checkpoint evaluates nothing";
  EXPECT_EQ(session->n_past(), 70);

  const std::vector<float> fresh = fresh_logits(*backend, concat(A, B2));
  EXPECT_EQ(to_vec(session->logits()), row(fresh, 69, n_vocab)) << "logits restored with the checkpoint";

  std::vector<float> got;
  ExtendOptions all;
  all.logits = LogitsMode::All;
  ASSERT_TRUE(session->extend(B2, all, &got).is_ok());
  EXPECT_EQ(session->n_evaluated(), 145u);
  ASSERT_EQ(got.size(), B2.size() * n_vocab);
  const std::vector<float> want(fresh.begin() + 70 * static_cast<std::ptrdiff_t>(n_vocab), fresh.end());
  EXPECT_EQ(got, want);
}

// Rewinding between checkpoints restores the nearest one before the target and re-evaluates only the gap.
TEST_P(GoldenSession, RewindBetweenCheckpointsReevaluatesTheGap) {
  ModelBackend* backend = golden_backend(GetParam());
  ASSERT_NE(backend, nullptr);
  const auto prompt = golden_prompt(GetParam());
  const int32_t n_vocab = backend->info().n_vocab;
  auto session = Session::create(*backend, {.n_ctx = 256, .n_batch = 64, .checkpoint_interval = 16, .max_checkpoints = 32});
  ASSERT_TRUE(session.is_ok());
  ASSERT_TRUE(session->extend(prompt).is_ok());
  EXPECT_EQ(session->checkpoint_positions(), (std::vector<int64_t>{16, 32, 48, 64, 80, 96, 112, 128, 144}));

  const uint64_t before = session->n_evaluated();
  ASSERT_TRUE(session->rewind(53).is_ok());
  EXPECT_EQ(session->n_evaluated() - before, 5u) << "checkpoint 48 + 5 tokens";
  EXPECT_EQ(session->checkpoint_positions(), (std::vector<int64_t>{16, 32, 48}));

  const auto tail = slice(prompt, 100, 140);  // a different continuation
  std::vector<float> got;
  ExtendOptions all;
  all.logits = LogitsMode::All;
  ASSERT_TRUE(session->extend(tail, all, &got).is_ok());
  const auto fresh = fresh_logits(*backend, concat(slice(prompt, 0, 53), tail));
  EXPECT_EQ(got, std::vector<float>(fresh.begin() + 53 * static_cast<std::ptrdiff_t>(n_vocab), fresh.end()));

  // Back to the very start: no checkpoint needed, the empty state is always there.
  ASSERT_TRUE(session->rewind(0).is_ok());
  EXPECT_EQ(session->n_past(), 0);
  EXPECT_TRUE(session->logits().empty());
  EXPECT_TRUE(session->checkpoint_positions().empty());
}

// sync() keeps the common prefix: a conversation that changed in the middle re-evaluates from the change only.
TEST_P(GoldenSession, SyncReusesTheCommonPrefix) {
  ModelBackend* backend = golden_backend(GetParam());
  ASSERT_NE(backend, nullptr);
  const auto prompt = golden_prompt(GetParam());
  const int32_t n_vocab = backend->info().n_vocab;
  auto session = Session::create(*backend, {.n_ctx = 256, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 8});
  ASSERT_TRUE(session.is_ok());
  ExtendOptions o;
  o.checkpoint_at = {40, 90};
  auto reused = session->sync(slice(prompt, 0, 120), o);
  ASSERT_TRUE(reused.is_ok());
  EXPECT_EQ(*reused, 0);
  EXPECT_EQ(session->n_evaluated(), 120u);

  // Same prefix up to 95, then different tokens: restore 90, evaluate 5 + the new ones.
  auto edited = concat(slice(prompt, 0, 95), slice(prompt, 10, 30));
  reused = session->sync(edited, o);
  ASSERT_TRUE(reused.is_ok());
  EXPECT_EQ(*reused, 95);
  EXPECT_EQ(session->n_evaluated(), 120u + 5u + 20u);
  EXPECT_EQ(session->tokens(), edited);
  EXPECT_EQ(to_vec(session->logits()), row(fresh_logits(*backend, edited), edited.size() - 1, n_vocab));

  // Regenerate: sync asked for a checkpoint at the prompt's end (added even though nothing was evaluated), so
  // dropping the generated tokens after it again costs no evaluation.
  ExtendOptions with_end = o;
  with_end.checkpoint_at.push_back(static_cast<int64_t>(edited.size()));
  uint64_t before = session->n_evaluated();
  ASSERT_TRUE(session->sync(edited, with_end).is_ok());
  EXPECT_EQ(session->n_evaluated(), before);
  ASSERT_TRUE(session->extend(slice(prompt, 50, 60)).is_ok());
  before = session->n_evaluated();
  reused = session->sync(edited, with_end);
  ASSERT_TRUE(reused.is_ok());
  EXPECT_EQ(*reused, static_cast<int64_t>(edited.size()));
  EXPECT_EQ(session->n_evaluated(), before);
  EXPECT_EQ(to_vec(session->logits()), row(fresh_logits(*backend, edited), edited.size() - 1, n_vocab));
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenSession, ::testing::Values("tiny-a", "tiny-b"));

TEST(CpuBackend, FullSnapshotStandsOnItsOwn) {
  ModelBackend* backend = golden_backend("tiny-a");
  ASSERT_NE(backend, nullptr);
  const auto prompt = golden_prompt("tiny-a");
  auto seq = backend->create_sequence(256);
  ASSERT_TRUE(seq.is_ok());
  std::vector<float> logits;
  ASSERT_TRUE((*seq)->eval({.tokens = std::span(prompt).first(60), .positions = {}, .logits = LogitsMode::Last}, logits).is_ok());
  auto full = (*seq)->snapshot(SnapshotScope::Full);
  auto recurrent = (*seq)->snapshot(SnapshotScope::Recurrent);
  ASSERT_TRUE(full.is_ok() && recurrent.is_ok());
  EXPECT_EQ((*full)->n_past(), 60);
  EXPECT_GT((*full)->n_bytes(), (*recurrent)->n_bytes()) << "the full snapshot also holds the KV rows";

  // Overwrite the KV rows: start over with 80 other tokens.
  (*seq)->reset();
  ASSERT_TRUE((*seq)->eval({.tokens = std::span(prompt).subspan(60, 80), .positions = {}, .logits = LogitsMode::None}, logits).is_ok());
  ASSERT_TRUE((*seq)->restore(**full).is_ok());
  EXPECT_EQ((*seq)->n_past(), 60);
  std::vector<float> after;
  ASSERT_TRUE((*seq)->eval({.tokens = std::span(prompt).subspan(60, 20), .positions = {}, .logits = LogitsMode::All}, after).is_ok());
  const auto fresh = fresh_logits(*backend, slice(prompt, 0, 80));
  EXPECT_EQ(after, std::vector<float>(fresh.begin() + 60 * static_cast<std::ptrdiff_t>(backend->info().n_vocab), fresh.end()));

  // A recurrent snapshot ahead of the sequence cannot be restored: its KV rows are gone.
  (*seq)->reset();
  Status s = (*seq)->restore(**recurrent);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("ahead of the sequence"), std::string::npos) << s.message();

  // Another backend's snapshot is refused.
  ScriptedSnapshot foreign({1, 2, 3}, SnapshotScope::Full);
  EXPECT_EQ((*seq)->restore(foreign).code(), ErrorCode::InvalidArgument);
}

TEST(CpuBackend, RejectsBadBatchesAndContexts) {
  ModelBackend* backend = golden_backend("tiny-a");
  ASSERT_NE(backend, nullptr);
  EXPECT_EQ(backend->info().name, "cpu");
  EXPECT_EQ(backend->info().n_vocab, 8064);
  EXPECT_EQ(backend->create_sequence(0).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(backend->create_sequence(backend->info().n_ctx_train + 1).status().code(), ErrorCode::InvalidArgument);
  EXPECT_GT(backend->sequence_bytes(1000), backend->sequence_bytes(10)) << "the KV cache grows with the context";

  auto seq = backend->create_sequence(4);
  ASSERT_TRUE(seq.is_ok());
  std::vector<float> logits;
  const std::vector<int32_t> five = {1, 2, 3, 4, 5}, bad = {1, 8064};
  Status s = (*seq)->eval({.tokens = five, .positions = {}, .logits = LogitsMode::Last}, logits);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("exceed the context"), std::string::npos) << s.message();
  s = (*seq)->eval({.tokens = bad, .positions = {}, .logits = LogitsMode::Last}, logits);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("8064"), std::string::npos) << s.message();
  EXPECT_EQ((*seq)->eval({.tokens = {}, .positions = {}, .logits = LogitsMode::Last}, logits).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ((*seq)->n_past(), 0) << "rejected batches leave the state alone";
}

// Explicit (T, H, W) positions equal to the cache index give the text result; different ones change the logits
// of attention layers only through RoPE (the 3-D positions are really used).
TEST(CpuBackend, ExplicitPositionsAreUsed) {
  ModelBackend* backend = golden_backend("tiny-a");
  ASSERT_NE(backend, nullptr);
  const auto prompt = slice(golden_prompt("tiny-a"), 0, 12);
  std::vector<std::array<int64_t, 3>> text_pos, other_pos;
  for (int64_t i = 0; i < 12; ++i) {
    text_pos.push_back({i, i, i});
    other_pos.push_back({i, i + 3, 2 * i});
  }
  std::vector<float> a, b, c;
  auto s1 = backend->create_sequence(32), s2 = backend->create_sequence(32), s3 = backend->create_sequence(32);
  ASSERT_TRUE((*s1)->eval({.tokens = prompt, .positions = {}, .logits = LogitsMode::All}, a).is_ok());
  ASSERT_TRUE((*s2)->eval({.tokens = prompt, .positions = text_pos, .logits = LogitsMode::All}, b).is_ok());
  ASSERT_TRUE((*s3)->eval({.tokens = prompt, .positions = other_pos, .logits = LogitsMode::All}, c).is_ok());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(BackendFactory, DeviceChoices) {
  const auto path = golden_models_dir() / "tiny-a" / "model.gguf";
  auto weights = model::load_model_weights(path.string());
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  auto vk = create_backend(*weights, DeviceChoice::Vulkan);
  ASSERT_TRUE(vk.is_ok()) << vk.status().to_string();
  EXPECT_EQ((*vk)->info().name, "vulkan");
  auto cpu = create_backend(*weights, DeviceChoice::Cpu);
  ASSERT_TRUE(cpu.is_ok());
  EXPECT_EQ((*cpu)->info().name, "cpu");
  std::string reason = "stale";
  auto automatic = create_backend(*weights, DeviceChoice::Auto, {}, &reason);
  ASSERT_TRUE(automatic.is_ok()) << automatic.status().to_string();
  EXPECT_EQ((*automatic)->info().name, "vulkan") << "auto prefers Vulkan when a device exists";
  EXPECT_EQ(reason, "") << "no fallback, no reason";
}

// ---- scripted backend: bookkeeping without a real model ----

namespace {
ScriptedBackend& counting_backend() {
  static ScriptedBackend b(100, [](const std::vector<int32_t>& h) { return static_cast<int32_t>(h.size() % 100); });
  return b;
}
std::vector<int32_t> iota_tokens(int n, int32_t start = 0) {
  std::vector<int32_t> v;
  for (int i = 0; i < n; ++i) v.push_back((start + i) % 100);
  return v;
}
}  // namespace

TEST(Session, BatchesFollowTheBatchSizeAndCheckpoints) {
  ScriptedBackend& b = counting_backend();
  auto s = Session::create(b, {.n_ctx = 1000, .n_batch = 10, .checkpoint_interval = 25, .max_checkpoints = 100});
  ASSERT_TRUE(s.is_ok());
  const int64_t calls_before = b.n_eval_calls;
  ExtendOptions o;
  o.checkpoint_at = {7};
  std::vector<std::pair<int64_t, int64_t>> progress;
  o.progress = [&](int64_t done, int64_t total) { progress.push_back({done, total}); };
  ASSERT_TRUE(s->extend(iota_tokens(60), o).is_ok());
  // Batches end at 7 (asked), 17, 25 (periodic), 35, 45, 50 (periodic), 60.
  EXPECT_EQ(b.n_eval_calls - calls_before, 7);
  EXPECT_EQ(s->checkpoint_positions(), (std::vector<int64_t>{7, 25, 50}));
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), (std::pair<int64_t, int64_t>{60, 60}));
  EXPECT_EQ(progress.front(), (std::pair<int64_t, int64_t>{7, 60}));
}

TEST(Session, ThinningKeepsBoundariesAndAnEvenSpread) {
  ScriptedBackend& b = counting_backend();
  auto s = Session::create(b, {.n_ctx = 1000, .n_batch = 64, .checkpoint_interval = 10, .max_checkpoints = 5});
  ASSERT_TRUE(s.is_ok());
  ExtendOptions o;
  o.checkpoint_at = {33};
  ASSERT_TRUE(s->extend(iota_tokens(200), o).is_ok());
  const auto cps = s->checkpoint_positions();
  ASSERT_EQ(cps.size(), 5u);
  EXPECT_NE(std::find(cps.begin(), cps.end(), 33), cps.end()) << "the turn boundary survives thinning";
  EXPECT_EQ(cps.back(), 200) << "the newest checkpoint is never dropped";
  EXPECT_GT(s->checkpoint_bytes(), 0u);
  // Rewinding anywhere still gives the right state (the scripted backend refuses a restore onto a changed history).
  for (int64_t target : {150, 90, 34, 5}) {
    ASSERT_TRUE(s->rewind(target).is_ok()) << target;
    EXPECT_EQ(s->n_past(), target);
    ASSERT_EQ(s->logits().size(), 100u);
    EXPECT_EQ(s->logits()[static_cast<size_t>(target % 100)], 10.0f) << "logits after token " << target - 1;
  }
}

TEST(Session, CheckpointMemoryIsCapped) {
  ScriptedBackend& b = counting_backend();
  // Scripted snapshots hold 4 bytes per token, logits 100 floats: a checkpoint at n costs 4n + 400 bytes.
  auto s = Session::create(b, {.n_ctx = 1000, .n_batch = 64, .checkpoint_interval = 10, .max_checkpoints = 100,
                               .max_checkpoint_bytes = 3000});
  ASSERT_TRUE(s.is_ok());
  ASSERT_TRUE(s->extend(iota_tokens(300)).is_ok());
  EXPECT_LE(s->checkpoint_bytes(), 3000u);
  ASSERT_FALSE(s->checkpoint_positions().empty());
  EXPECT_EQ(s->checkpoint_positions().back(), 300) << "the newest checkpoint is kept";
  ASSERT_TRUE(s->rewind(150).is_ok());
  EXPECT_EQ(s->logits()[50], 10.0f);
}

TEST(Session, RefusesWhatDoesNotFit) {
  ScriptedBackend& b = counting_backend();
  auto s = Session::create(b, {.n_ctx = 50, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 4});
  ASSERT_TRUE(s.is_ok());
  ASSERT_TRUE(s->extend(iota_tokens(30)).is_ok());
  Status st = s->extend(iota_tokens(21));
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(st.message().find("exceed the context length of 50"), std::string::npos) << st.message();
  EXPECT_EQ(s->n_past(), 30) << "a refused extend leaves the session as it was";

  auto r = s->sync(iota_tokens(51));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(r.status().message().find("the prompt has 51 tokens but the context length is 50"), std::string::npos);
  EXPECT_EQ(s->n_past(), 30);

  EXPECT_EQ(s->sync({}).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(s->rewind(31).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(s->rewind(-1).code(), ErrorCode::InvalidArgument);
  const std::vector<int32_t> bad = {5, 100};
  st = s->extend(bad);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(st.message().find("token id 100"), std::string::npos) << st.message();
  EXPECT_EQ(s->n_past(), 30);
  EXPECT_EQ(Session::create(b, {.n_ctx = 0}).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(Session::create(b, {.n_ctx = 10, .n_batch = -1}).status().code(), ErrorCode::InvalidArgument);
}

TEST(Session, CancelStopsBetweenBatchesAndKeepsTheEvaluatedPrefix) {
  ScriptedBackend& b = counting_backend();
  auto s = Session::create(b, {.n_ctx = 1000, .n_batch = 8, .checkpoint_interval = 0, .max_checkpoints = 4});
  ASSERT_TRUE(s.is_ok());
  std::atomic<bool> cancel{false};
  ExtendOptions o;
  o.cancel = &cancel;
  o.progress = [&](int64_t done, int64_t) {
    if (done >= 16) cancel = true;
  };
  Status st = s->extend(iota_tokens(100), o);
  EXPECT_EQ(st.code(), ErrorCode::Cancelled);
  EXPECT_EQ(s->n_past(), 16);
  EXPECT_EQ(s->tokens(), iota_tokens(16));
}
