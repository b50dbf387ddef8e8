// scripted_backend.h: a fake ModelBackend for runtime tests: the "model" favours whatever token a script picks
// from the history (one-hot logits), counts evaluated tokens, can be slowed down, and checks that recurrent
// snapshots are only restored onto an unchanged history prefix (what a real GDN state requires).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "runtime/model_backend.h"

namespace lectern::testing {

class ScriptedBackend : public runtime::ModelBackend {
 public:
  // The token the model should emit after `history`; -1 for flat logits.
  using Script = std::function<int32_t(const std::vector<int32_t>& history)>;

  ScriptedBackend(int32_t n_vocab, Script script, std::chrono::microseconds delay_per_token = {})
      : script_(std::move(script)), delay_(delay_per_token) {
    info_.name = "scripted";
    info_.device_name = "scripted test backend";
    info_.n_vocab = n_vocab;
    info_.n_embd = 1;
    info_.n_layer = 1;
    info_.n_ctx_train = 1 << 20;
    info_.preferred_batch = 16;
  }

  const runtime::BackendInfo& info() const override { return info_; }
  uint64_t sequence_bytes(int64_t n_ctx) const override { return static_cast<uint64_t>(n_ctx) * 4; }
  Result<std::unique_ptr<runtime::SequenceState>> create_sequence(int64_t n_ctx) override;

  std::atomic<int64_t> n_evaluated{0};
  std::atomic<int64_t> n_eval_calls{0};
  std::atomic<int64_t> fail_at{-1};  // eval() fails with DeviceLost once n_evaluated would pass this

 private:
  friend class ScriptedSequence;
  Script script_;
  std::chrono::microseconds delay_;
  runtime::BackendInfo info_;
};

class ScriptedSnapshot : public runtime::SequenceSnapshot {
 public:
  ScriptedSnapshot(std::vector<int32_t> history, runtime::SnapshotScope scope)
      : history_(std::move(history)), scope_(scope) {}
  int64_t n_past() const override { return static_cast<int64_t>(history_.size()); }
  runtime::SnapshotScope scope() const override { return scope_; }
  uint64_t n_bytes() const override { return history_.size() * 4; }
  std::vector<int32_t> history_;
  runtime::SnapshotScope scope_;
};

class ScriptedSequence : public runtime::SequenceState {
 public:
  ScriptedSequence(ScriptedBackend& backend, int64_t n_ctx) : backend_(backend), n_ctx_(n_ctx) {}
  int64_t n_ctx() const override { return n_ctx_; }
  int64_t n_past() const override { return static_cast<int64_t>(history_.size()); }

  Status eval(const runtime::EvalBatch& batch, std::vector<float>& logits) override {
    const int32_t n_vocab = backend_.info_.n_vocab;
    LECTERN_TRY(runtime::check_eval_batch(batch, n_past(), n_ctx_, n_vocab));
    ++backend_.n_eval_calls;
    if (backend_.fail_at >= 0 && backend_.n_evaluated + static_cast<int64_t>(batch.tokens.size()) > backend_.fail_at)
      return Status(ErrorCode::DeviceLost, "scripted device loss");
    const size_t n = batch.tokens.size();
    const size_t rows = batch.logits == runtime::LogitsMode::All ? n : batch.logits == runtime::LogitsMode::Last;
    logits.assign(rows * static_cast<size_t>(n_vocab), 0.0f);
    for (size_t i = 0; i < n; ++i) {
      if (backend_.delay_.count() > 0) std::this_thread::sleep_for(backend_.delay_);
      history_.push_back(batch.tokens[i]);
      ++backend_.n_evaluated;
      float* row = nullptr;
      if (batch.logits == runtime::LogitsMode::All) row = logits.data() + i * static_cast<size_t>(n_vocab);
      if (batch.logits == runtime::LogitsMode::Last && i + 1 == n) row = logits.data();
      if (row) {
        const int32_t next = backend_.script_(history_);
        if (next >= 0 && next < n_vocab) row[next] = 10.0f;
      }
    }
    return Status::ok();
  }

  Result<std::unique_ptr<runtime::SequenceSnapshot>> snapshot(runtime::SnapshotScope scope) const override {
    return std::unique_ptr<runtime::SequenceSnapshot>(std::make_unique<ScriptedSnapshot>(history_, scope));
  }

  Status restore(const runtime::SequenceSnapshot& snapshot) override {
    const auto* s = dynamic_cast<const ScriptedSnapshot*>(&snapshot);
    if (!s) return Status(ErrorCode::InvalidArgument, "foreign snapshot");
    if (s->scope() == runtime::SnapshotScope::Recurrent) {
      // A recurrent snapshot keeps the KV rows in place: the history before it must be the one it was taken on.
      if (s->history_.size() > history_.size() ||
          !std::equal(s->history_.begin(), s->history_.end(), history_.begin()))
        return Status(ErrorCode::Internal, "recurrent snapshot restored onto a changed history");
    }
    history_ = s->history_;
    return Status::ok();
  }

  void reset() override { history_.clear(); }

 private:
  ScriptedBackend& backend_;
  int64_t n_ctx_;
  std::vector<int32_t> history_;
};

inline Result<std::unique_ptr<runtime::SequenceState>> ScriptedBackend::create_sequence(int64_t n_ctx) {
  if (n_ctx < 1) return Status(ErrorCode::InvalidArgument, "n_ctx must be >= 1");
  return std::unique_ptr<runtime::SequenceState>(std::make_unique<ScriptedSequence>(*this, n_ctx));
}

}  // namespace lectern::testing
