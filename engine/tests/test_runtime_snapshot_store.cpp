// test_runtime_snapshot_store.cpp: sequence states on disk (runtime/snapshot_store.h): round trip and longest-prefix
// lookup, refusal of other models / state formats, damaged and truncated entries (deleted, never loaded), leftover
// temp files of killed writers, LRU eviction under the byte bound; and sessions resuming from disk on the CPU and
// Vulkan backends with logits bit-identical to continuous processing (golden tiny-a).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "golden_models.h"
#include "model/model_source.h"
#include "model_test_support.h"
#include "runtime/cpu_backend.h"
#include "runtime/session.h"
#include "runtime/snapshot_store.h"
#include "runtime/vulkan_backend.h"

using namespace lectern;
using namespace lectern::runtime;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<SnapshotStore> open_store(const fs::path& dir, const std::string& identity,
                                          uint64_t max_bytes = 1ull << 30) {
  SnapshotStoreOptions o;
  o.dir = dir;
  o.model_identity = identity;
  o.max_bytes = max_bytes;
  auto s = SnapshotStore::open(o);
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  return s.is_ok() ? s.value() : nullptr;
}

std::vector<int32_t> iota_tokens(size_t n, int32_t start = 0) {
  std::vector<int32_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = start + static_cast<int32_t>(i);
  return v;
}

std::vector<uint8_t> bytes_of(size_t n, uint8_t seed) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(seed + i * 7);
  return v;
}

}  // namespace

TEST(SnapshotStore, RoundTripAndLongestPrefix) {
  lectern::testing::TempDir dir;
  auto store = open_store(dir.path(), "model-a");
  ASSERT_TRUE(store);
  const auto tokens = iota_tokens(100);
  const std::vector<float> logits{1.0f, -2.5f, 3.25f};
  ASSERT_TRUE(store->put(std::span(tokens).first(40), "fmt", logits, bytes_of(1000, 1)).is_ok());
  ASSERT_TRUE(store->put(std::span(tokens).first(70), "fmt", logits, bytes_of(2000, 2)).is_ok());
  ASSERT_TRUE(store->put(std::span(tokens).first(90), "other-fmt", logits, bytes_of(10, 3)).is_ok());
  EXPECT_EQ(store->n_entries(), 3u);

  auto hit = store->find_longest_prefix(tokens, "fmt", 1);
  ASSERT_TRUE(hit.is_ok());
  ASSERT_TRUE(hit.value().has_value());
  EXPECT_EQ(hit.value()->n_tokens, 70);
  EXPECT_EQ(hit.value()->logits, logits);
  EXPECT_EQ(hit.value()->state, bytes_of(2000, 2));
  // A minimum above the longest entry, a diverging prompt, another model: misses.
  EXPECT_FALSE(store->find_longest_prefix(tokens, "fmt", 71).value().has_value());
  auto changed = tokens;
  changed[10] = 999;
  EXPECT_FALSE(store->find_longest_prefix(changed, "fmt", 1).value().has_value());
  auto other = open_store(dir.path(), "model-b");
  EXPECT_FALSE(other->find_longest_prefix(tokens, "fmt", 1).value().has_value());
  // Shorter prompt: only the 40-token entry fits.
  auto short_hit = store->find_longest_prefix(std::span(tokens).first(50), "fmt", 1);
  ASSERT_TRUE(short_hit.value().has_value());
  EXPECT_EQ(short_hit.value()->n_tokens, 40);
}

TEST(SnapshotStore, DamagedTruncatedAndTempFilesAreNeverLoaded) {
  lectern::testing::TempDir dir;
  auto store = open_store(dir.path(), "model-a");
  const auto tokens = iota_tokens(64);
  ASSERT_TRUE(store->put(std::span(tokens).first(32), "fmt", {}, bytes_of(4096, 9)).is_ok());
  ASSERT_TRUE(store->put(tokens, "fmt", {}, bytes_of(4096, 5)).is_ok());
  const fs::path full = dir.path() / store->entry_name(tokens, "fmt");
  const fs::path half = dir.path() / store->entry_name(std::span(tokens).first(32), "fmt");
  // One flipped bit in the state of the longer entry: the checksum catches it, the entry is deleted, the shorter
  // one is used.
  auto b = lectern::testing::read_bytes(full.string());
  b[b.size() - 100] ^= 0x10;
  lectern::testing::write_bytes(full.string(), b);
  auto hit = store->find_longest_prefix(tokens, "fmt", 1);
  ASSERT_TRUE(hit.is_ok());
  ASSERT_TRUE(hit.value().has_value());
  EXPECT_EQ(hit.value()->n_tokens, 32);
  EXPECT_FALSE(fs::exists(full));
  // Truncated (a copy cut short, as if written without the temp + rename protocol).
  b = lectern::testing::read_bytes(half.string());
  b.resize(b.size() / 2);
  lectern::testing::write_bytes(half.string(), b);
  EXPECT_FALSE(store->find_longest_prefix(tokens, "fmt", 1).value().has_value());
  EXPECT_FALSE(fs::exists(half));
  // A writer killed mid-write leaves only a temp file: never an entry, and removed once it is old.
  const fs::path temp = dir.path() / (store->entry_name(tokens, "fmt") + ".tmp-1234-0");
  lectern::testing::write_bytes(temp.string(), bytes_of(100, 1));
  EXPECT_EQ(store->n_entries(), 0u);
  EXPECT_FALSE(store->find_longest_prefix(tokens, "fmt", 1).value().has_value());
  fs::last_write_time(temp, fs::file_time_type::clock::now() - std::chrono::hours(1));
  open_store(dir.path(), "model-a");
  EXPECT_FALSE(fs::exists(temp));
}

TEST(SnapshotStore, EvictsLeastRecentlyUsedBeyondTheBound) {
  lectern::testing::TempDir dir;
  auto store = open_store(dir.path(), "m", 10000);  // room for two 4 KB entries, not three
  const auto tokens = iota_tokens(30);
  auto put = [&](size_t n) { return store->put(std::span(tokens).first(n), "fmt", {}, bytes_of(4000, 1)); };
  ASSERT_TRUE(put(10).is_ok());
  fs::last_write_time(dir.path() / store->entry_name(std::span(tokens).first(10), "fmt"),
                      fs::file_time_type::clock::now() - std::chrono::minutes(3));
  ASSERT_TRUE(put(20).is_ok());
  fs::last_write_time(dir.path() / store->entry_name(std::span(tokens).first(20), "fmt"),
                      fs::file_time_type::clock::now() - std::chrono::minutes(2));
  // Using the 10-token entry makes it the most recent; the 20-token one is evicted by the third.
  ASSERT_EQ(store->find_longest_prefix(std::span(tokens).first(15), "fmt", 1).value()->n_tokens, 10);
  ASSERT_TRUE(put(30).is_ok());
  EXPECT_EQ(store->n_entries(), 2u);
  EXPECT_TRUE(store->contains(std::span(tokens).first(10), "fmt"));
  EXPECT_FALSE(store->contains(std::span(tokens).first(20), "fmt"));
  EXPECT_TRUE(store->contains(tokens, "fmt"));
  EXPECT_LE(store->bytes_on_disk(), 10000u);
  // An entry larger than the whole bound is not written at all.
  EXPECT_TRUE(store->put(std::span(tokens).first(5), "fmt", {}, bytes_of(20000, 1)).is_ok());
  EXPECT_FALSE(store->contains(std::span(tokens).first(5), "fmt"));
}

TEST(SnapshotStore, OpenRejectsBadOptions) {
  SnapshotStoreOptions o;
  o.model_identity = "m";
  EXPECT_EQ(SnapshotStore::open(o).status().code(), ErrorCode::InvalidArgument);
  lectern::testing::TempDir dir;
  const fs::path file = dir.path() / "file";
  lectern::testing::write_bytes(file.string(), {1, 2, 3});
  o.dir = file / "sub";  // below a regular file
  EXPECT_EQ(SnapshotStore::open(o).status().code(), ErrorCode::IoError);
}

namespace {

// Session A: sync(document) (saved), then sync(document + question) (too few new tokens to be saved). Session B
// (new): sync(document + question) resumes from disk. Both evaluate the question from the same position in the same
// batches: identical logits.
void check_resume(ModelBackend& backend, const std::vector<int32_t>& prompt, const fs::path& dir) {
  auto store = open_store(dir, "golden-tiny-a");
  ASSERT_TRUE(store);
  const size_t n_doc = prompt.size() - 9;
  const std::span<const int32_t> all(prompt), doc = all.first(n_doc);
  SessionOptions so;
  so.n_ctx = 512;
  so.disk_cache = store;
  so.disk_min_tokens = 16;
  auto a = Session::create(backend, so);
  ASSERT_TRUE(a.is_ok());
  ASSERT_TRUE(a->sync(doc).is_ok());
  ASSERT_TRUE(a->disk_cache_status().is_ok()) << a->disk_cache_status().to_string();
  const std::vector<float> doc_logits(a->logits().begin(), a->logits().end());
  ASSERT_TRUE(a->sync(all).is_ok());
  const std::vector<float> continuous(a->logits().begin(), a->logits().end());

  // Only the document was saved (the 9 question tokens are fewer than disk_min_tokens): B loads it and evaluates
  // the question from the same position in the same batch as A.
  EXPECT_EQ(store->n_entries(), 1u);
  auto b = Session::create(backend, so);
  ASSERT_TRUE(b->sync(all).is_ok());
  EXPECT_EQ(b->n_loaded_from_disk(), n_doc);
  EXPECT_EQ(b->n_evaluated(), prompt.size() - n_doc);
  EXPECT_EQ(std::vector<float>(b->logits().begin(), b->logits().end()), continuous);
  // Rewinding into the question restores the checkpoint taken at the load and evaluates 3 tokens, not n_doc + 3.
  ASSERT_TRUE(b->rewind(static_cast<int64_t>(n_doc) + 3).is_ok());
  EXPECT_EQ(b->n_evaluated(), prompt.size() - n_doc + 3);
  // The document alone in a new session: loaded in full, nothing evaluated, its logits as stored.
  auto c = Session::create(backend, so);
  ASSERT_TRUE(c->sync(doc).is_ok());
  EXPECT_EQ(c->n_evaluated(), 0u);
  EXPECT_EQ(std::vector<float>(c->logits().begin(), c->logits().end()), doc_logits);

  // The same entries under another model identity are not used.
  so.disk_cache = open_store(dir, "another-model");
  auto d = Session::create(backend, so);
  ASSERT_TRUE(d->sync(all).is_ok());
  EXPECT_EQ(d->n_loaded_from_disk(), 0u);
}

std::vector<int32_t> golden_tokens() {
  return lectern::testing::read_json(
             (lectern::testing::golden_models_dir() / "tiny-a" / "tokens.json").string())
      .at("tokens")
      .get<std::vector<int32_t>>();
}

}  // namespace

TEST(SnapshotStore, CpuSessionResumesBitIdentically) {
  const auto path = lectern::testing::golden_models_dir() / "tiny-a" / "model.gguf";
  ASSERT_TRUE(fs::exists(path)) << "golden model missing: " << path;
  auto weights = model::load_model_weights(path.string());
  ASSERT_TRUE(weights.is_ok());
  auto backend = create_cpu_backend(*weights);
  ASSERT_TRUE(backend.is_ok());
  lectern::testing::TempDir dir;
  check_resume(**backend, golden_tokens(), dir.path());
}

TEST(SnapshotStore, VulkanSessionResumesBitIdentically) {
  const auto path = lectern::testing::golden_models_dir() / "tiny-a" / "model.gguf";
  ASSERT_TRUE(fs::exists(path)) << "golden model missing: " << path;
  auto weights = model::load_model_weights(path.string());
  ASSERT_TRUE(weights.is_ok());
  auto backend = create_vulkan_backend(*weights);
  ASSERT_TRUE(backend.is_ok()) << backend.status().to_string();
  lectern::testing::TempDir dir;
  check_resume(**backend, golden_tokens(), dir.path());
}
