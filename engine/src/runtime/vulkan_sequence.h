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

  uint64_t device_bytes() const { return n_bytes_; }

 private:
  VulkanSequence(VulkanModel& model, int64_t n_ctx) : m_(model), n_ctx_(n_ctx) {}
  Status eval_impl(const EvalBatch& batch, std::vector<float>& logits);
  // One device evaluation of tokens [first, first + n) of the batch.
  Status eval_part(const EvalBatch& batch, size_t first, size_t n, LogitsMode mode, float* out);
  Status zero_states();
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
};

}  // namespace lectern::runtime
