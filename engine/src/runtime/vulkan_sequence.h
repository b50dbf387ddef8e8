// vulkan_sequence.h: one sequence (conversation) on the Vulkan backend: KV caches, GDN states and activation
// scratch on the device; eval() in batches (one submission per batch part), device-side snapshots.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "lectern/status.h"
#include "runtime/model_backend.h"
#include "runtime/vulkan_layers.h"
#include "runtime/vulkan_model.h"
#include "vk/command.h"

namespace lectern::runtime {

class VulkanSequence final : public SequenceState {
 public:
  // Allocates the state for n_ctx tokens and scratch for min(n_ctx, model batch) tokens. OutOfDeviceMemory when an
  // allocation fails.
  static Result<std::unique_ptr<VulkanSequence>> create(VulkanModel& model, int64_t n_ctx);
  ~VulkanSequence() override;

  int64_t n_ctx() const override { return n_ctx_; }
  int64_t n_past() const override { return n_past_; }
  Status eval(const EvalBatch& batch, std::vector<float>& logits) override;
  Result<std::unique_ptr<SequenceSnapshot>> snapshot(SnapshotScope scope) const override;
  Status restore(const SequenceSnapshot& snapshot) override;
  void reset() override;
  // vulkan_sequence_io.cpp: the state as bytes (GDN states f32, KV rows in the cache type) for snapshots on disk.
  std::string state_format() const override;
  Status save_state(std::vector<uint8_t>& out) override;
  Status load_state(std::span<const uint8_t> data, int64_t n_past) override;

  // vulkan_sequence_sample.cpp: sampling the last logit row on the device (ops/sampling.h).
  bool can_sample(const DeviceSampleRequest& request) const override;
  Result<DeviceSampleResult> sample_last(const DeviceSampleRequest& request) override;
  Result<DeviceSampleResult> eval_sample(const EvalBatch& batch, const DeviceSampleRequest& request) override;
  Status read_last_logits(std::vector<float>& out) override;

  uint64_t device_bytes() const { return n_bytes_; }

 private:
  VulkanSequence(VulkanModel& model, int64_t n_ctx) : m_(model), n_ctx_(n_ctx) {}
  Status eval_impl(const EvalBatch& batch, std::vector<float>& logits);
  // One device evaluation of tokens [first, first + n) of the batch.
  Status eval_part(const EvalBatch& batch, size_t first, size_t n, LogitsMode mode, float* out);
  // Vision embedding rows of that part (EvalBatch::embedding_rows) into act_.overrides / act_.embedding_runs.
  Status stage_embedding_overrides(const EvalBatch& batch, size_t first, size_t n);
  Status zero_states();
  Status ensure_sample_buffers();  // allocated on the first device sampling (outside the memory plan, ~3 MB)
  // Checks a request and uploads its penalty list and mask; record_sample records ops::sample over logits row `row`;
  // read_sample reads the result back after the submission.
  Status stage_sample(const DeviceSampleRequest& request);
  Status record_sample(vk::Sequence& seq, const DeviceSampleRequest& request, int64_t row);
  Result<DeviceSampleResult> read_sample();
  Result<vk::Sequence*> recorder() const;  // the reusable command sequence (recreated after a failure)
  void drop_recorder() const { seq_.reset(); }

  VulkanModel& m_;
  int64_t n_ctx_ = 0;
  int64_t n_past_ = 0;
  bool states_zero_ = false;  // conv and delta states hold zeros (a fresh sequence)
  SequenceBuffers state_;
  Activations act_;
  uint64_t n_bytes_ = 0;
  mutable std::unique_ptr<vk::Sequence> seq_;
  std::vector<uint32_t> host_ids_;
  std::vector<int32_t> host_positions_;
  int64_t last_row_ = -1;
  const DeviceSampleRequest* fused_sample_ = nullptr;  // eval_sample: recorded after the forward pass  // row of act_.logits holding the latest evaluation's last logits; -1: none
  vk::Buffer sample_state_, sample_work_, sample_penalties_, sample_mask_;
};

}  // namespace lectern::runtime
