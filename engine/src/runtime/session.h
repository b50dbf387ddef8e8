// session.h: one conversation on a backend: the token history, its sequence state and rewind checkpoints. Extending
// evaluates only new tokens; rewinding restores the nearest checkpoint at or before the target and re-evaluates the
// gap, because Gated DeltaNet states cannot be run backwards (qwen35.md §3).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "lectern/status.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

struct SessionOptions {
  int64_t n_ctx = 4096;
  int32_t n_batch = 0;                // tokens per eval() call; 0 = the backend's preferred batch
  int32_t checkpoint_interval = 256;  // also snapshot every this many tokens; 0 = only where asked
  int32_t max_checkpoints = 32;       // beyond this, checkpoints are thinned (see thin_checkpoints)
  uint64_t max_checkpoint_bytes = 0;  // and beyond this much snapshot memory (the newest one is always kept); 0 = no cap
};

struct ExtendOptions {
  // All: one row per new token appended to *all_logits. None is treated as Last: logits() always hold the last row.
  LogitsMode logits = LogitsMode::Last;
  // Absolute token counts (history lengths) within the new range at which to keep a checkpoint: turn boundaries.
  // These are preferred over the periodic ones when thinning.
  std::vector<int64_t> checkpoint_at;
  const std::atomic<bool>* cancel = nullptr;  // checked between batches; Cancelled leaves the evaluated prefix
  std::function<void(int64_t done, int64_t total)> progress;  // new tokens evaluated so far, of total
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

  const std::vector<int32_t>& tokens() const { return tokens_; }
  int64_t n_past() const { return static_cast<int64_t>(tokens_.size()); }
  int64_t n_ctx() const { return options_.n_ctx; }
  int32_t n_vocab() const { return backend_->info().n_vocab; }
  const ModelBackend& backend() const { return *backend_; }
  // The logits after the last token of the history; empty when the history is empty.
  std::span<const float> logits() const { return last_logits_; }

  // Tokens pushed through the backend since creation (extends, rewind gaps): lets tests and statistics see reuse.
  uint64_t n_evaluated() const { return n_evaluated_; }
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
  Status evaluate(std::span<const int32_t> tokens, const ExtendOptions& options, std::vector<float>* all_logits);

  ModelBackend* backend_;
  std::unique_ptr<SequenceState> state_;
  SessionOptions options_;
  std::vector<int32_t> tokens_;
  std::vector<float> last_logits_;
  std::vector<Checkpoint> checkpoints_;  // sorted by n_past; all <= n_past(), history before each unchanged
  uint64_t n_evaluated_ = 0;
};

}  // namespace lectern::runtime
