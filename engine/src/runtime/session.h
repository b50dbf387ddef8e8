// session.h: one conversation on a backend: the token history, its sequence state and rewind checkpoints. Extending
// evaluates only new tokens; rewinding restores the nearest checkpoint at or before the target and re-evaluates the
// gap, because Gated DeltaNet states cannot be run backwards (qwen35.md §3).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "lectern/status.h"
#include "runtime/model_backend.h"
#include "runtime/snapshot_store.h"

namespace lectern::runtime {

struct SessionOptions {
  int64_t n_ctx = 4096;
  int32_t n_batch = 0;                // tokens per eval() call; 0 = the backend's preferred batch
  int32_t checkpoint_interval = 256;  // also snapshot every this many tokens; 0 = only where asked
  int32_t max_checkpoints = 32;       // beyond this, checkpoints are thinned (see thin_checkpoints)
  uint64_t max_checkpoint_bytes = 0;  // and beyond this much snapshot memory (the newest one is always kept); 0 = no cap
  // Snapshots on disk (nullptr: off): sync() looks up the longest stored prefix of a prompt of at least
  // disk_min_tokens tokens before evaluating it, and stores the state after the prompt when it evaluated at least
  // disk_min_tokens new tokens (a long document, not every short follow-up).
  std::shared_ptr<SnapshotStore> disk_cache;
  int64_t disk_min_tokens = 4096;
};

struct ExtendOptions {
  // All: one row per new token appended to *all_logits. None is treated as Last: logits() always hold the last row.
  LogitsMode logits = LogitsMode::Last;
  // Absolute token counts (history lengths) within the new range at which to keep a checkpoint: turn boundaries.
  // These are preferred over the periodic ones when thinning.
  std::vector<int64_t> checkpoint_at;
  const std::atomic<bool>* cancel = nullptr;  // checked between batches; Cancelled leaves the evaluated prefix
  std::function<void(int64_t done, int64_t total)> progress;  // new tokens evaluated so far, of total
  // Backends that sample on the device keep the last row there (EvalBatch::keep_logits_on_device); logits() then
  // reads it back only when asked.
  bool keep_logits_on_device = false;
  // Sample the last row on the device in the same submission as its evaluation (SequenceState::eval_sample) and
  // put the draw in *sampled; where the backend cannot, *sampled is {-1, host_fallback = true}: sample logits().
  const DeviceSampleRequest* sample = nullptr;
  DeviceSampleResult* sampled = nullptr;
};

// A prompt with images or videos (qwen35.md §7.6, §7.7): M-RoPE positions for every prompt token and the encoder
// rows that replace the embeddings of the pad tokens.
struct MultimodalPrompt {
  std::vector<std::array<int64_t, 3>> positions;  // [n_prompt] (T, H, W)
  std::vector<int32_t> rows;                      // prompt indices of the pad tokens, increasing
  std::vector<float> embeddings;                  // [rows.size(), n_embd]
  int64_t next_position = 0;                      // position of the token after the prompt
};

class Session {
 public:
  // InvalidArgument for a bad n_ctx (see ModelBackend::create_sequence). The backend must outlive the session.
  static Result<Session> create(ModelBackend& backend, const SessionOptions& options);

  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  // Evaluates `tokens` after the history. InvalidArgument (state untouched) when they would exceed n_ctx; on a
  // backend failure the session is reset to empty and the error returned. all_logits (LogitsMode::All) receives
  // [tokens.size()][n_vocab].
  Status extend(std::span<const int32_t> tokens, const ExtendOptions& options = {},
                std::vector<float>* all_logits = nullptr);

  // Keeps the first n_tokens of the history (0 <= n_tokens <= n_past()); logits() are those after token n_tokens-1.
  Status rewind(int64_t n_tokens, const ExtendOptions& options = {});

  // Makes the history equal `tokens`: keeps the longest common prefix, rewinds to it and evaluates the rest, so
  // that logits() belong to the last token. Returns how many tokens were reused. InvalidArgument when tokens is
  // empty or longer than n_ctx (the session is left as it was).
  Result<int64_t> sync(std::span<const int32_t> tokens, const ExtendOptions& options = {});

  void reset();

  // The next sync() evaluates its prompt (which must have positions.size() tokens) with these positions and
  // embedding rows. Prefix reuse goes past vision rows only where the history holds the same rows (equal
  // embeddings, equal positions) and a checkpoint after them can be restored: a conversation's earlier pictures sent
  // again cost nothing; otherwise it stops at the first pad token. Later text continues at the positions the
  // prompt ended with (M-RoPE offset), rewinding into the vision part is refused, and the disk cache is not used.
  void set_multimodal_prompt(MultimodalPrompt prompt) { pending_mm_ = std::move(prompt); }
  // Position minus history index of tokens after a multimodal prompt (0 without one).
  int64_t position_offset() const { return position_offset_; }

  const std::vector<int32_t>& tokens() const { return tokens_; }
  int64_t n_past() const { return static_cast<int64_t>(tokens_.size()); }
  int64_t n_ctx() const { return options_.n_ctx; }
  int32_t n_vocab() const { return backend_->info().n_vocab; }
  const ModelBackend& backend() const { return *backend_; }
  // The logits after the last token of the history; empty when the history is empty (or when reading back a row
  // kept on the device failed).
  std::span<const float> logits() const;

  // Sampling the logits after the last token on the device (SequenceState::sample_last): whether the backend takes
  // these settings, and the draw. InvalidArgument when the row is not on the device (e.g. after a rewind that
  // evaluated nothing): sample logits() on the host then.
  bool can_sample_on_device(const DeviceSampleRequest& request) const { return state_->can_sample(request); }
  Result<DeviceSampleResult> sample_on_device(const DeviceSampleRequest& request);

  // Tokens pushed through the backend since creation (extends, rewind gaps): lets tests and statistics see reuse.
  uint64_t n_evaluated() const { return n_evaluated_; }
  // Tokens whose state came from the disk cache instead of being evaluated.
  uint64_t n_loaded_from_disk() const { return n_loaded_; }
  // The outcome of the last disk-cache save (a failed save does not fail sync(); it is reported here).
  const Status& disk_cache_status() const { return disk_status_; }
  std::vector<int64_t> checkpoint_positions() const;
  uint64_t checkpoint_bytes() const;

 private:
  struct Checkpoint {
    int64_t n_past = 0;
    bool boundary = false;  // asked for (turn boundary) rather than periodic
    std::unique_ptr<SequenceSnapshot> snapshot;
    std::vector<float> logits;  // after token n_past-1
  };

  Session(ModelBackend& backend, std::unique_ptr<SequenceState> state, const SessionOptions& options);
  Status add_checkpoint(bool boundary);
  void thin_checkpoints();
  // mm: positions / embedding rows for these tokens (rows relative to tokens[0]); null for text.
  Status evaluate(std::span<const int32_t> tokens, const ExtendOptions& options, std::vector<float>* all_logits,
                  const MultimodalPrompt* mm = nullptr, size_t mm_offset = 0);
  void clear_vision() { vision_begin_ = -1, vision_end_ = -1, position_offset_ = 0, history_mm_.reset(); }
  // How much of `tokens` (already matching the history for `common` tokens) the multimodal prompt `mm` shares with
  // the history's: up to the first position or vision row that differs (rows compared by their embeddings), and
  // only as far as the history can be rewound without evaluating vision rows again.
  size_t shared_vision_prefix(const MultimodalPrompt& mm, size_t common) const;
  // Disk cache: replaces the state with the longest stored prefix of `tokens` longer than `common` tokens; returns
  // the new common prefix length. Save: stores the current state (errors go to disk_status_).
  int64_t load_from_disk(std::span<const int32_t> tokens, int64_t common);
  void save_to_disk();

  ModelBackend* backend_;
  std::unique_ptr<SequenceState> state_;
  SessionOptions options_;
  std::vector<int32_t> tokens_;
  mutable std::vector<float> last_logits_;
  mutable bool logits_pending_ = false;  // last_logits_ not read back yet: the row is on the device
  std::vector<Checkpoint> checkpoints_;  // sorted by n_past; all <= n_past(), history before each unchanged
  uint64_t n_evaluated_ = 0;
  uint64_t n_loaded_ = 0;
  Status disk_status_;
  std::optional<MultimodalPrompt> pending_mm_;
  int64_t vision_begin_ = -1;  // history index of the first vision row; -1: none
  int64_t vision_end_ = -1;    // history index after the last vision row (text from there on: position_offset_)
  int64_t position_offset_ = 0;
  std::optional<MultimodalPrompt> history_mm_;  // the multimodal prompt the history starts with
};

}  // namespace lectern::runtime
