// model_backend.h: the interface every model implementation (CPU reference, Vulkan) offers the runtime: per-sequence
// states that evaluate token batches, opaque snapshots for rewinding, and the sizes needed for memory planning.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::runtime {

// Which logit rows one evaluation returns.
enum class LogitsMode {
  None,  // none (prefill of a prefix whose logits nobody reads)
  Last,  // the row of the last token of the batch
  All,   // one row per token of the batch
};

// Tokens fed at cache positions [n_past, n_past + tokens.size()) of a sequence.
struct EvalBatch {
  std::span<const int32_t> tokens;  // [n_tokens]
  // [n_tokens] (T, H, W) M-RoPE positions (qwen35.md §7.7); empty: text positions, all three = the cache position.
  std::span<const std::array<int64_t, 3>> positions;
  LogitsMode logits = LogitsMode::Last;
};

// What a snapshot holds. Recurrent is what rewinding needs: conv + delta states and the position, while the KV
// cache rows before that position stay where they are (restoring truncates the cache). Full also copies those KV
// rows, so the snapshot stands on its own (forking a sequence, restoring after the cache was overwritten).
enum class SnapshotScope { Recurrent, Full };

// An opaque copy of a sequence's state at one position; only the backend that made it can restore it.
class SequenceSnapshot {
 public:
  virtual ~SequenceSnapshot() = default;
  virtual int64_t n_past() const = 0;
  virtual SnapshotScope scope() const = 0;
  virtual uint64_t n_bytes() const = 0;  // memory it holds (host or device), for checkpoint budgeting
};

// One sequence (conversation) on a backend: KV cache of the full-attention layers and the GDN conv + recurrent
// states (qwen35.md §3). Not thread-safe; one caller at a time.
class SequenceState {
 public:
  virtual ~SequenceState() = default;

  virtual int64_t n_ctx() const = 0;   // the most tokens it can hold
  virtual int64_t n_past() const = 0;  // tokens evaluated so far (the next cache position)

  // Evaluates the batch at positions [n_past, n_past + n) and advances n_past. logits is resized to the requested
  // rows × n_vocab (row-major; empty for LogitsMode::None). InvalidArgument when the batch is empty, does not fit
  // in n_ctx or holds an id outside [0, n_vocab). After any other failure the state is unspecified: reset it.
  virtual Status eval(const EvalBatch& batch, std::vector<float>& logits) = 0;

  virtual Result<std::unique_ptr<SequenceSnapshot>> snapshot(SnapshotScope scope) const = 0;
  // Full: the state becomes the snapshot's. Recurrent: requires snapshot.n_past() <= n_past() and that the tokens
  // before snapshot.n_past() are unchanged since it was taken (the caller's duty; the session guarantees it);
  // the KV cache is truncated to snapshot.n_past(). InvalidArgument for a foreign or unusable snapshot.
  virtual Status restore(const SequenceSnapshot& snapshot) = 0;

  virtual void reset() = 0;  // back to the empty sequence (n_past = 0)
};

struct BackendInfo {
  std::string name;         // "cpu", "vulkan"
  std::string device_name;  // human-readable, e.g. "CPU reference (f32)" or the GPU's name
  int32_t n_vocab = 0;      // logit row length (embedding rows, including padding rows)
  int32_t n_embd = 0;
  int32_t n_layer = 0;
  int64_t n_ctx_train = 0;  // the model's trained context; sequences may not exceed it
  int32_t preferred_batch = 512;  // tokens per eval() call the session should use for prompts
  uint64_t weight_bytes = 0;      // memory the loaded weights occupy on this backend
};

// A loaded model on one device. Sequences hold a pointer to it: the backend must outlive them.
class ModelBackend {
 public:
  virtual ~ModelBackend() = default;
  virtual const BackendInfo& info() const = 0;
  // Memory one sequence of n_ctx tokens needs (KV cache, states, scratch): the hook for device memory planning.
  virtual uint64_t sequence_bytes(int64_t n_ctx) const = 0;
  // InvalidArgument when n_ctx < 1 or above n_ctx_train; OutOfDeviceMemory / OutOfHostMemory when it cannot fit.
  virtual Result<std::unique_ptr<SequenceState>> create_sequence(int64_t n_ctx) = 0;
  // Device memory actually allocated (bytes): now and the most at any one time since loading. 0 / 0 where the
  // backend does not track it (the CPU reference); `lectern-cli bench` then reports the planned sizes.
  virtual uint64_t device_bytes_in_use() const { return 0; }
  virtual uint64_t peak_device_bytes() const { return 0; }
};

// Shared argument checks for eval() implementations.
Status check_eval_batch(const EvalBatch& batch, int64_t n_past, int64_t n_ctx, int32_t n_vocab);

}  // namespace lectern::runtime
