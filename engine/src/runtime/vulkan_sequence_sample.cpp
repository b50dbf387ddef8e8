// vulkan_sequence_sample.cpp: VulkanSequence's device sampler: uploads the penalty list and the allowed-id bits,
// records ops::sample over the last logit row and reads back only the token (8 bytes instead of the whole row).
#include <mutex>
#include <string>

#include "ops/sampling.h"
#include "runtime/vulkan_sequence.h"
#include "vk/command.h"
#include "vk/memory.h"
#include "vk/transfer.h"

namespace lectern::runtime {
namespace {

ops::DeviceSampleParams to_params(const DeviceSampleRequest& r) {
  return {r.temperature, r.top_k, r.top_p, r.min_p, r.presence_penalty, r.repetition_penalty, r.uniform};
}

}  // namespace

bool VulkanSequence::can_sample(const DeviceSampleRequest& request) const {
  return ops::device_sampling_supported(to_params(request));
}

Status VulkanSequence::ensure_sample_buffers() {
  if (sample_state_.valid()) return Status::ok();
  const uint64_t n_vocab = static_cast<uint64_t>(m_.hp.n_vocab);
  const struct {
    vk::Buffer* buffer;
    uint64_t bytes;
    const char* name;
  } wanted[] = {{&sample_state_, ops::device_sample_state_bytes(), "sampling state"},
                {&sample_work_, n_vocab * 4, "sampling row"},
                {&sample_penalties_, n_vocab * 8, "sampling penalties"},
                {&sample_mask_, (n_vocab + 31) / 32 * 4, "sampling mask"}};
  uint64_t total = 0;
  for (const auto& w : wanted) {
    auto b = vk::Buffer::create(*m_.device, w.bytes, vk::MemoryUsage::DeviceLocal, w.name);
    if (!b.is_ok()) {
      for (const auto& u : wanted) *u.buffer = vk::Buffer();
      return b.status().with_context("allocating the device sampler's buffers");
    }
    *w.buffer = std::move(b).value();
    total += w.bytes;
  }
  n_bytes_ += total;
  m_.sequence_bytes_in_use += total;
  return Status::ok();
}

Status VulkanSequence::stage_sample(const DeviceSampleRequest& request) {
  const uint64_t n_vocab = static_cast<uint64_t>(m_.hp.n_vocab);
  if (!can_sample(request))
    return Status(ErrorCode::InvalidArgument, "sampling on the device takes greedy or top_k 1.." +
                                                  std::to_string(ops::k_device_max_top_k) + " (got top_k " +
                                                  std::to_string(request.top_k) + "); sample on the host");
  if (request.penalties.size() % 2 != 0 || request.penalties.size() > 2 * n_vocab)
    return Status(ErrorCode::InvalidArgument, "sampling: penalties must be at most n_vocab (id, flags) pairs");
  for (size_t i = 0; i < request.penalties.size(); i += 2)
    if (request.penalties[i] >= n_vocab)
      return Status(ErrorCode::InvalidArgument,
                    "sampling: penalty id " + std::to_string(request.penalties[i]) + " is outside the vocabulary");
  if (!request.allowed_bits.empty() && request.allowed_bits.size() != (n_vocab + 31) / 32)
    return Status(ErrorCode::InvalidArgument, "sampling: allowed_bits needs ceil(n_vocab / 32) words");
  if (!(request.uniform >= 0.0 && request.uniform < 1.0))
    return Status(ErrorCode::InvalidArgument, "sampling: the uniform must lie in [0, 1)");
  LECTERN_TRY(ensure_sample_buffers());
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  if (!request.penalties.empty())
    LECTERN_TRY(m_.transfer->upload(sample_penalties_, 0, request.penalties.data(), request.penalties.size() * 4));
  if (!request.allowed_bits.empty())
    LECTERN_TRY(m_.transfer->upload(sample_mask_, 0, request.allowed_bits.data(), request.allowed_bits.size() * 4));
  return Status::ok();
}

Status VulkanSequence::record_sample(vk::Sequence& seq, const DeviceSampleRequest& request, int64_t row) {
  const uint64_t n_vocab = static_cast<uint64_t>(m_.hp.n_vocab);
  return ops::sample(seq, act_.logits.slice(static_cast<uint64_t>(row) * n_vocab * 4, n_vocab * 4), sample_work_.whole(),
                     sample_state_.whole(), sample_penalties_.whole(), static_cast<uint32_t>(request.penalties.size() / 2),
                     request.allowed_bits.empty() ? vk::BufferSlice{} : sample_mask_.whole(), to_params(request));
}

Result<DeviceSampleResult> VulkanSequence::read_sample() {
  uint32_t out[2] = {0, 0};
  {
    std::lock_guard<std::mutex> lock(m_.transfer_mutex);
    LECTERN_TRY(m_.transfer->download(sample_state_, 0, out, sizeof out));
  }
  DeviceSampleResult r;
  r.token = static_cast<int32_t>(out[0]);
  r.used_uniform = (out[1] & 1u) != 0;
  r.host_fallback = (out[1] & 2u) != 0;
  return r;
}

Result<DeviceSampleResult> VulkanSequence::sample_last(const DeviceSampleRequest& request) {
  if (last_row_ < 0)
    return Status(ErrorCode::InvalidArgument, "sample_last: no logits on the device (evaluate a token first)");
  LECTERN_TRY(stage_sample(request));
  LECTERN_ASSIGN_OR_RETURN(vk::Sequence * seq, recorder());
  Status s = record_sample(*seq, request, last_row_);
  if (s.is_ok()) s = seq->run();
  if (!s.is_ok()) {
    drop_recorder();
    return s;
  }
  return read_sample();
}

Result<DeviceSampleResult> VulkanSequence::eval_sample(const EvalBatch& batch, const DeviceSampleRequest& request) {
  if (batch.logits != LogitsMode::Last)
    return Status(ErrorCode::InvalidArgument, "eval_sample: the batch must ask for the last row (LogitsMode::Last)");
  LECTERN_TRY(stage_sample(request));
  EvalBatch b = batch;
  b.keep_logits_on_device = true;
  std::vector<float> none;
  fused_sample_ = &request;
  Status s = eval(b, none);
  fused_sample_ = nullptr;
  if (!s.is_ok()) return s;
  return read_sample();
}

Status VulkanSequence::read_last_logits(std::vector<float>& out) {
  if (last_row_ < 0) return Status(ErrorCode::InvalidArgument, "read_last_logits: no logits on the device");
  const uint64_t n_vocab = static_cast<uint64_t>(m_.hp.n_vocab);
  out.resize(n_vocab);
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  return m_.transfer->download(act_.logits, static_cast<uint64_t>(last_row_) * n_vocab * 4, out.data(), n_vocab * 4);
}

}  // namespace lectern::runtime
