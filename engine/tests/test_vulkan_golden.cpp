// test_vulkan_golden.cpp: the Vulkan backend reproduces the independent reference logits and greedy continuations
// of every golden model file (golden/models/README.md §6 rules 1-3) with the prompt fed in one batch, in batches of
// 7 and 50, and one token at a time; the chunked delta rule forced on; rewinding by snapshots; memory planning
// errors. Validation is on for the whole program and must stay silent.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "golden_models.h"
#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/memory_plan.h"
#include "runtime/vulkan_backend.h"
#include "vk/instance.h"

using namespace lectern;
using namespace lectern::runtime;
using namespace lectern::testing;

namespace {

std::shared_ptr<vk::Instance>& shared_instance() {
  static std::shared_ptr<vk::Instance> instance;
  return instance;
}

// One backend per (model file, delta-rule mode), shared by the tests of this program; created on first use.
std::map<std::string, std::unique_ptr<ModelBackend>>& backends() {
  static std::map<std::string, std::unique_ptr<ModelBackend>> m;
  return m;
}

void expect_no_validation_messages() {
  if (!shared_instance()) return;
  vk::ValidationLog& log = shared_instance()->validation_log();
  EXPECT_EQ(log.count(), 0u) << "Vulkan validation messages:\n" << log.joined();
  log.clear();
}

class Environment : public ::testing::Environment {
 public:
  void TearDown() override {
    backends().clear();  // destroy every device object while the log is still checked
    expect_no_validation_messages();
    shared_instance().reset();
  }
};
const bool k_env = (::testing::AddGlobalTestEnvironment(new Environment), true);

Result<std::shared_ptr<vk::Instance>> instance() {
  if (!shared_instance()) {
    vk::InstanceOptions o;
    o.validation = true;  // a missing layer leaves it off with a note (printed below)
    LECTERN_ASSIGN_OR_RETURN(shared_instance(), vk::Instance::create(o));
    if (!shared_instance()->validation_note().empty())
      std::printf("note: validation requested but off: %s\n", shared_instance()->validation_note().c_str());
  }
  return shared_instance();
}

// gpu_profile: the launch shapes and delta-rule choice of GPUs (shared-memory matmul tiles, chunked delta rule
// from 32 tokens) on whatever device runs the test, so lavapipe checks the GPU paths too.
ModelBackend* backend_for(const GoldenModelCase& c, GdnChunkedMode mode, bool gpu_profile = false) {
  const std::string key = c.label + (mode == GdnChunkedMode::Always ? "/chunked" : "") + (gpu_profile ? "/gpu" : "");
  auto& slot = backends()[key];
  if (!slot) {
    EXPECT_TRUE(std::filesystem::exists(c.model_path)) << "golden model missing: " << c.model_path;
    auto weights = model::load_model_weights(c.model_path);
    EXPECT_TRUE(weights.is_ok()) << weights.status().to_string();
    if (!weights.is_ok()) return nullptr;
    auto inst = instance();
    EXPECT_TRUE(inst.is_ok()) << inst.status().to_string();
    if (!inst.is_ok()) return nullptr;
    VulkanBackendOptions options;
    options.instance = *inst;
    options.gdn_chunked = mode;
    if (gpu_profile) options.device.kernel_profile = vk::KernelProfile::Gpu;
    auto b = create_vulkan_backend(*weights, options);
    EXPECT_TRUE(b.is_ok()) << b.status().to_string();
    if (!b.is_ok()) return nullptr;
    slot = std::move(b).value();
  }
  return slot.get();
}

// Feeds `tokens` in batches of `batch` (0: all at once) on a fresh sequence; returns every row's logits.
std::vector<float> run_all(ModelBackend& b, const std::vector<int32_t>& tokens, size_t batch) {
  auto seq = b.create_sequence(static_cast<int64_t>(tokens.size()));
  EXPECT_TRUE(seq.is_ok()) << seq.status().to_string();
  if (!seq.is_ok()) return {};
  std::vector<float> all, part;
  const size_t step = batch ? batch : tokens.size();
  for (size_t first = 0; first < tokens.size(); first += step) {
    const size_t n = std::min(step, tokens.size() - first);
    Status s = (*seq)->eval({.tokens = std::span(tokens).subspan(first, n), .positions = {}, .logits = LogitsMode::All},
                            part);
    EXPECT_TRUE(s.is_ok()) << s.to_string();
    if (!s.is_ok()) return {};
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

int argmax_row(const float* row) {
  int best = 0;
  for (int j = 0; j < k_golden_real_vocab; ++j)
    if (row[j] > row[best]) best = j;
  return best;
}

struct GoldenRun {
  GoldenModelCase model;
  int batch;  // 0: the prompt in one batch, then greedy decode token by token; else batches of this size
  GdnChunkedMode mode = GdnChunkedMode::Auto;
  bool gpu_profile = false;
};

std::string run_name(const GoldenRun& r) {
  std::string n = r.model.label + "_batch_" + (r.batch ? std::to_string(r.batch) : std::string("all")) +
                  (r.mode == GdnChunkedMode::Always ? "_chunked" : "") + (r.gpu_profile ? "_gpu_profile" : "");
  for (char& ch : n)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

std::vector<GoldenRun> golden_runs() {
  std::vector<GoldenRun> out;
  for (const auto& m : golden_model_cases())
    for (int b : {0, 7, 50, 1}) out.push_back({m, b});
  // The chunked delta rule (qwen35.md §2.4.7) forced on: equal k/v heads, shared k heads (grouped HF order) and
  // K-quants; one batch (chunks 64 + 64 + 17) and batches of 50 (chunks that start mid-way through the prompt).
  for (const auto& m : golden_model_cases())
    if (m.label == "tiny-a/gguf" || m.label == "tiny-b/hf" || m.label == "tiny-b/gguf" || m.label == "tiny-q/q4_k_m")
      for (int b : {0, 50}) out.push_back({m, b, GdnChunkedMode::Always});
  // GPU launch shapes: shared-memory matmul tiles and the chunked delta rule chosen by the heuristic (>= 32 tokens).
  for (const auto& m : golden_model_cases())
    if (m.label == "tiny-b/gguf" || m.label == "tiny-q/q8_0")
      out.push_back({m, 0, GdnChunkedMode::Auto, true});
  return out;
}

class VulkanGolden : public ::testing::TestWithParam<GoldenRun> {
 protected:
  void TearDown() override { expect_no_validation_messages(); }
};

}  // namespace

TEST_P(VulkanGolden, LogitsAndGreedyMatch) {
  const GoldenRun& r = GetParam();
  const auto t0 = std::chrono::steady_clock::now();
  ModelBackend* b = backend_for(r.model, r.mode, r.gpu_profile);
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(b->info().name, "vulkan");
  const int n_vocab = b->info().n_vocab;
  const std::vector<int32_t> prompt = golden_tokens(r.model);
  const std::vector<float> ref = read_f32_file(r.model.logits_path);
  ASSERT_EQ(ref.size(), prompt.size() * n_vocab) << "reference logits do not match the prompt";
  const auto greedy_ids = read_json(r.model.greedy_path).at("ids").get<std::vector<int32_t>>();
  const std::string label = r.model.label + " vulkan " + run_name(r).substr(r.model.label.size() + 1);

  std::vector<float> logits;
  std::function<int(const std::vector<int32_t>&)> argmax_after;
  std::unique_ptr<SequenceState> seq;
  std::vector<float> last;
  if (r.batch == 0) {
    // The prompt in one batch, then the greedy continuation teacher-forced one token at a time (decode path).
    auto s = b->create_sequence(static_cast<int64_t>(prompt.size() + greedy_ids.size()));
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    seq = std::move(s).value();
    ASSERT_TRUE(seq->eval({.tokens = prompt, .positions = {}, .logits = LogitsMode::All}, logits).is_ok());
    last.assign(logits.end() - n_vocab, logits.end());
    argmax_after = [&](const std::vector<int32_t>& tokens) {
      while (seq->n_past() < static_cast<int64_t>(tokens.size())) {
        const int32_t t = tokens[static_cast<size_t>(seq->n_past())];
        Status st = seq->eval({.tokens = std::span(&t, 1), .positions = {}, .logits = LogitsMode::Last}, last);
        EXPECT_TRUE(st.is_ok()) << st.to_string();
      }
      return argmax_row(last.data());
    };
  } else {
    // Prompt + greedy ids in batches: row 144 + k is the prediction after greedy id k - 1.
    std::vector<int32_t> all = prompt;
    all.insert(all.end(), greedy_ids.begin(), greedy_ids.end());
    const std::vector<float> rows = run_all(*b, all, static_cast<size_t>(r.batch));
    ASSERT_EQ(rows.size(), all.size() * n_vocab);
    logits.assign(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(prompt.size() * n_vocab));
    argmax_after = [rows, n_vocab](const std::vector<int32_t>& tokens) {
      return argmax_row(rows.data() + (tokens.size() - 1) * n_vocab);
    };
  }
  expect_logits_match(label, logits, ref, n_vocab);
  expect_greedy_match(label, r.model, argmax_after);
  std::printf("%s: %.2f s\n", label.c_str(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

INSTANTIATE_TEST_SUITE_P(Golden, VulkanGolden, ::testing::ValuesIn(golden_runs()),
                         [](const auto& info) { return run_name(info.param); });

namespace {
class VulkanBackendTest : public ::testing::Test {
 protected:
  void TearDown() override { expect_no_validation_messages(); }
  ModelBackend* tiny_a() { return backend_for(golden_model_cases()[0], GdnChunkedMode::Auto); }
};
}  // namespace

// Extend, rewind (recurrent snapshot: states copied, KV truncated), extend again: the same logits as a fresh run,
// also after the rewound part was overwritten by other tokens. A full snapshot survives a reset.
TEST_F(VulkanBackendTest, RewindGivesTheLogitsOfAFreshRun) {
  ModelBackend* b = tiny_a();
  ASSERT_NE(b, nullptr);
  const std::vector<int32_t> prompt = golden_tokens(golden_model_cases()[0]);
  const auto head = std::span(prompt).first(80), tail = std::span(prompt).subspan(80);
  std::vector<int32_t> other(tail.size());
  for (size_t i = 0; i < other.size(); ++i) other[i] = static_cast<int32_t>((i * 37 + 11) % 8000);

  auto fresh = b->create_sequence(160);
  ASSERT_TRUE(fresh.is_ok());
  std::vector<float> want, got, scratch;
  ASSERT_TRUE((*fresh)->eval({.tokens = head, .positions = {}, .logits = LogitsMode::None}, scratch).is_ok());
  ASSERT_TRUE((*fresh)->eval({.tokens = tail, .positions = {}, .logits = LogitsMode::All}, want).is_ok());

  auto seq = b->create_sequence(160);
  ASSERT_TRUE(seq.is_ok());
  SequenceState& s = **seq;
  ASSERT_TRUE(s.eval({.tokens = head, .positions = {}, .logits = LogitsMode::None}, scratch).is_ok());
  auto rec = s.snapshot(SnapshotScope::Recurrent);
  ASSERT_TRUE(rec.is_ok()) << rec.status().to_string();
  auto full = s.snapshot(SnapshotScope::Full);
  ASSERT_TRUE(full.is_ok()) << full.status().to_string();
  EXPECT_EQ((*rec)->n_past(), 80);
  EXPECT_GT((*full)->n_bytes(), (*rec)->n_bytes()) << "a full snapshot also holds the KV rows";

  ASSERT_TRUE(s.eval({.tokens = other, .positions = {}, .logits = LogitsMode::Last}, scratch).is_ok());
  ASSERT_TRUE(s.restore(**rec).is_ok());
  EXPECT_EQ(s.n_past(), 80);
  ASSERT_TRUE(s.eval({.tokens = tail, .positions = {}, .logits = LogitsMode::All}, got).is_ok());
  EXPECT_EQ(got, want) << "extend, rewind, extend must equal a fresh run";

  // Full snapshot: reset and overwrite the KV rows below 80 with other tokens, then restore.
  s.reset();
  ASSERT_TRUE(s.eval({.tokens = other, .positions = {}, .logits = LogitsMode::None}, scratch).is_ok());
  ASSERT_TRUE(s.restore(**full).is_ok());
  ASSERT_TRUE(s.eval({.tokens = tail, .positions = {}, .logits = LogitsMode::All}, got).is_ok());
  EXPECT_EQ(got, want) << "a full snapshot must restore the KV rows too";

  // A recurrent snapshot ahead of the sequence is refused; after reset the sequence starts fresh.
  s.reset();
  Status bad = s.restore(**rec);
  EXPECT_EQ(bad.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(bad.message().find("ahead of the sequence"), std::string::npos) << bad.message();
  ASSERT_TRUE(s.eval({.tokens = head, .positions = {}, .logits = LogitsMode::None}, scratch).is_ok());
  ASSERT_TRUE(s.eval({.tokens = tail, .positions = {}, .logits = LogitsMode::All}, got).is_ok());
  EXPECT_EQ(got, want) << "reset must zero the recurrent states";
}

TEST_F(VulkanBackendTest, BadBatchesAreRefused) {
  ModelBackend* b = tiny_a();
  ASSERT_NE(b, nullptr);
  auto seq = b->create_sequence(4);
  ASSERT_TRUE(seq.is_ok());
  std::vector<float> logits;
  const std::vector<int32_t> too_big = {1, 8064};
  Status s = (*seq)->eval({.tokens = too_big, .positions = {}, .logits = LogitsMode::Last}, logits);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("8064"), std::string::npos) << s.message();
  const std::vector<int32_t> five = {1, 2, 3, 4, 5};
  s = (*seq)->eval({.tokens = five, .positions = {}, .logits = LogitsMode::Last}, logits);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("exceed the context"), std::string::npos) << s.message();
  const std::vector<std::array<int64_t, 3>> huge = {{int64_t{1} << 40, 0, 0}};
  s = (*seq)->eval({.tokens = std::span(five).first(1), .positions = huge, .logits = LogitsMode::Last}, logits);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_EQ((*seq)->n_past(), 0);
  EXPECT_EQ(b->create_sequence(0).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(b->create_sequence(int64_t{1} << 40).status().code(), ErrorCode::InvalidArgument);
}

// The plan is checked before anything is uploaded: too little device memory is OutOfDeviceMemory with the
// numbers and the largest context that fits; a sequence beyond the remaining memory is refused the same way.
TEST_F(VulkanBackendTest, MemoryPlanRefusesWhatDoesNotFit) {
  const GoldenModelCase c = golden_model_cases()[0];
  auto weights = model::load_model_weights(c.model_path);
  ASSERT_TRUE(weights.is_ok()) << weights.status().to_string();
  auto inst = instance();
  ASSERT_TRUE(inst.is_ok());
  VulkanBackendOptions o;
  o.instance = *inst;
  o.device_memory_bytes = weights->total_bytes() / 2;
  auto none = create_vulkan_backend(*weights, o);
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().code(), ErrorCode::OutOfDeviceMemory);
  EXPECT_NE(none.status().message().find("even a 256-token context does not fit"), std::string::npos)
      << none.status().message();

  // Room for the weights and about 8k tokens of context: a 4096-token plan loads, 100k tokens are refused.
  o.device_memory_bytes =
      weights->total_bytes() + plan_sequence({weights->hparams, 128ull << 20}, 8192, o.n_batch).total();
  auto some = create_vulkan_backend(*weights, o);
  ASSERT_TRUE(some.is_ok()) << some.status().to_string();
  const uint64_t small = (*some)->sequence_bytes(1024), big = (*some)->sequence_bytes(100000);
  EXPECT_GT(big, small) << "the KV cache grows with the context";
  auto refused = (*some)->create_sequence(100000);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::OutOfDeviceMemory);
  EXPECT_NE(refused.status().message().find("use a context of at most"), std::string::npos)
      << refused.status().message();
  std::printf("refused: %s\n", refused.status().message().c_str());
  auto ok = (*some)->create_sequence(1024);
  EXPECT_TRUE(ok.is_ok()) << ok.status().to_string();
}

TEST(VulkanBackendOptions, ChunkedModeParsing) {
  EXPECT_EQ(*parse_gdn_chunked_mode("always"), GdnChunkedMode::Always);
  EXPECT_EQ(*parse_gdn_chunked_mode("NEVER"), GdnChunkedMode::Never);
  EXPECT_EQ(*parse_gdn_chunked_mode("auto"), GdnChunkedMode::Auto);
  auto bad = parse_gdn_chunked_mode("sometimes");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(bad.status().message().find("LECTERN_GDN_CHUNKED"), std::string::npos);
}

TEST_F(VulkanBackendTest, FactoryPrefersVulkan) {
  auto weights = model::load_model_weights(golden_model_cases()[0].model_path);
  ASSERT_TRUE(weights.is_ok());
  auto vk = create_backend(*weights, DeviceChoice::Vulkan);
  ASSERT_TRUE(vk.is_ok()) << vk.status().to_string();
  EXPECT_EQ((*vk)->info().name, "vulkan");
  EXPECT_GT((*vk)->info().weight_bytes, 0u);
  auto automatic = create_backend(*weights, DeviceChoice::Auto);
  ASSERT_TRUE(automatic.is_ok()) << automatic.status().to_string();
  EXPECT_EQ((*automatic)->info().name, "vulkan");
}
