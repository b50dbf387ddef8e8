// snapshot_store.h: sequence states on disk, keyed by the token prefix they follow, so that a new session (or a
// later run) asking about the same long document resumes after it instead of evaluating it again. A bounded
// directory with least-recently-used eviction; every entry is written atomically (temp file + rename) and checked
// on load (magic, version, model identity, state format, the tokens themselves, a checksum), so a killed writer or
// a foreign file never yields a wrong state: such entries are skipped (and damaged ones deleted).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::runtime {

struct SnapshotStoreOptions {
  std::filesystem::path dir;        // created when missing
  uint64_t max_bytes = 16ull << 30;  // entries beyond this are evicted, least recently used first
  // Which weights the states belong to (engine: file sizes and content hashes); entries of another model are never
  // loaded.
  std::string model_identity;
};

// One entry as loaded.
struct StoredState {
  int64_t n_tokens = 0;        // the prefix length: the state's n_past
  std::vector<float> logits;   // after the prefix's last token
  std::vector<uint8_t> state;  // SequenceState::save_state bytes
};

class SnapshotStore {
 public:
  // InvalidArgument for an empty dir or identity; IoError when the directory cannot be created. Removes temp files
  // of writers that died more than ten minutes ago.
  static Result<std::shared_ptr<SnapshotStore>> open(const SnapshotStoreOptions& options);

  // The longest stored prefix of `tokens` (between min_tokens and tokens.size() long) saved with `state_format`;
  // nullopt when there is none. Damaged entries are deleted and skipped; a hit becomes the most recently used.
  Result<std::optional<StoredState>> find_longest_prefix(std::span<const int32_t> tokens,
                                                         const std::string& state_format, int64_t min_tokens) const;

  // Stores the state after `prefix` (no-op when an entry for it exists: it is only marked as used), then evicts
  // least-recently-used entries until the directory holds at most max_bytes. An entry larger than max_bytes is not
  // written. IoError when writing fails (nothing partial is left behind).
  Status put(std::span<const int32_t> prefix, const std::string& state_format, std::span<const float> logits,
             std::span<const uint8_t> state) const;

  bool contains(std::span<const int32_t> prefix, const std::string& state_format) const;
  uint64_t bytes_on_disk() const;  // all entries in the directory
  size_t n_entries() const;
  const SnapshotStoreOptions& options() const { return options_; }

  // The file name of an entry: "<n_tokens>-<prefix hash>-<model and format hash>.lsnap" (hex). Exposed for tests.
  std::string entry_name(std::span<const int32_t> prefix, const std::string& state_format) const;

 private:
  explicit SnapshotStore(SnapshotStoreOptions options) : options_(std::move(options)) {}
  std::string format_key(const std::string& state_format) const;
  void evict(const std::filesystem::path& keep) const;

  SnapshotStoreOptions options_;
};

// 64-bit non-cryptographic hash of bytes (collisions are harmless: entries hold the tokens and are compared).
uint64_t snapshot_hash(const void* data, uint64_t n_bytes, uint64_t seed = 0);

}  // namespace lectern::runtime
