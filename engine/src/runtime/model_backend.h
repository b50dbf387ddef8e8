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

namespace lectern::model {
struct VisionWeights;
struct VisionInput;
}  // namespace lectern::model

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
  // Embedding overrides (vision outputs, qwen35.md §7.6): batch row embedding_rows[i] uses row i of `embeddings`
  // instead of its token's embedding (the token id is still checked but otherwise ignored). embedding_rows is
  // strictly increasing within [0, n_tokens); embeddings is [embedding_rows.size(), n_embd] row-major f32.
  // Both empty: no overrides.
  std::span<const int32_t> embedding_rows;  // [n_override]
  std::span<const float> embeddings;        // [n_override, n_embd]
  // LogitsMode::Last on a backend that samples on the device (SequenceState::sample_last): the row stays there and
  // eval() returns no logits; read_last_logits() fetches it when the host needs it after all. Others ignore this.
  bool keep_logits_on_device = false;
};

// One token drawn on the device from the last evaluated logit row with runtime::Sampler's chain (ops/sampling.h);
// with the same inputs the host sampler picks the same token.
struct DeviceSampleRequest {
  float temperature = 0.0f;  // <= 0: greedy
  int32_t top_k = 0;         // device backends take 1..256 (k_device_max_top_k) unless greedy
  float top_p = 1.0f;
  float min_p = 0.0f;
  float presence_penalty = 0.0f;
  float repetition_penalty = 1.0f;
  double uniform = 0.0;                     // [0, 1): the host sampler's next draw (Sampler::peek_uniform)
  std::span<const uint32_t> penalties;      // (id, flags) pairs (Sampler::penalty_pairs)
  std::span<const uint32_t> allowed_bits;   // [ceil(n_vocab / 32)] or empty: every id allowed
};

struct DeviceSampleResult {
  int32_t token = -1;         // -1: nothing could be sampled (every allowed logit -inf) or host_fallback
  bool used_uniform = false;  // the draw used `uniform` (advance the host stream)
  bool host_fallback = false; // too many tied candidates for the device: sample the logits on the host
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

  // Sampling on the device. can_sample: this backend takes these settings. sample_last: draws from the last row of
  // the latest eval() (InvalidArgument when there is none, e.g. after restore(); Unsupported where the backend
  // has no device sampler). read_last_logits: that row, after an eval with keep_logits_on_device.
  virtual bool can_sample(const DeviceSampleRequest& request) const {
    (void)request;
    return false;
  }
  virtual Result<DeviceSampleResult> sample_last(const DeviceSampleRequest& request) {
    (void)request;
    return Status(ErrorCode::Unsupported, "this backend does not sample on the device");
  }
  // eval() of a LogitsMode::Last batch and sample_last() of its last row in one device submission; the row stays on
  // the device. Errors as eval() (a bad request is InvalidArgument before anything is evaluated).
  virtual Result<DeviceSampleResult> eval_sample(const EvalBatch& batch, const DeviceSampleRequest& request) {
    (void)batch, (void)request;
    return Status(ErrorCode::Unsupported, "this backend does not sample on the device");
  }
  virtual Status read_last_logits(std::vector<float>& out) {
    (void)out;
    return Status(ErrorCode::Unsupported, "this backend keeps no logits on the device");
  }

  // The whole state as plain bytes, for snapshots on disk (runtime/snapshot_store.h): GDN conv and delta states and
  // the KV rows [0, n_past), in a layout of the backend's own that state_format() names (backend and cache types;
  // empty: not supported). Bytes saved by one sequence load into any sequence of the same model and format.
  virtual std::string state_format() const { return {}; }
  virtual Status save_state(std::vector<uint8_t>& out) {
    (void)out;
    return Status(ErrorCode::Unsupported, "this backend cannot save sequence states");
  }
  // Replaces the state with save_state's bytes taken at n_past tokens. InvalidArgument when the size does not
  // match this model and n_past, or n_past exceeds n_ctx (the state is then unchanged).
  virtual Status load_state(std::span<const uint8_t> data, int64_t n_past) {
    (void)data, (void)n_past;
    return Status(ErrorCode::Unsupported, "this backend cannot load sequence states");
  }
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
  // The device memory sequences and weights must fit in (0 where the backend does not plan memory) and the largest
  // context a new sequence could have now, next to the weights and the sequences that exist (memory plan; the
  // trained context where memory is not planned).
  virtual uint64_t device_memory_bytes() const { return 0; }
  virtual int64_t max_context_length() const { return info().n_ctx_train; }

  // The vision tower on this backend's device (qwen35.md §7.3). load_vision takes a tower whose n_out is n_embd
  // (uploaded or kept; the VisionWeights may be released afterwards unless the backend says otherwise);
  // encode_vision returns merged embeddings [input.n_tokens(), n_embd] in processor order, the rows for
  // EvalBatch::embeddings. Unsupported where the backend has no vision encoder; encode_vision before load_vision
  // is InvalidArgument.
  virtual Status load_vision(const model::VisionWeights& tower) {
    (void)tower;
    return Status(ErrorCode::Unsupported, "this backend has no vision encoder");
  }
  virtual Result<std::vector<float>> encode_vision(const model::VisionInput& input) {
    (void)input;
    return Status(ErrorCode::Unsupported, "this backend has no vision encoder");
  }
};

// Shared argument checks for eval() implementations.
// n_embd > 0 also checks the embedding overrides (row indices in range and increasing, embeddings sized
// embedding_rows.size() * n_embd); n_embd == 0 rejects any override (a backend that cannot take them).
Status check_eval_batch(const EvalBatch& batch, int64_t n_past, int64_t n_ctx, int32_t n_vocab, int32_t n_embd = 0);

}  // namespace lectern::runtime
