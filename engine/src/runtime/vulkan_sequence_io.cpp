// vulkan_sequence_io.cpp: VulkanSequence's state as plain bytes (snapshots on disk): per layer the GDN conv and
// delta states, or the K then V rows [0, n_past) of the attention layer's cache in its own type.
#include <algorithm>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

#include "core/dtype.h"
#include "lectern/status.h"
#include "runtime/vulkan_sequence.h"

namespace lectern::runtime {
namespace {

// Bytes of the saved state of `state` at n_past tokens.
uint64_t saved_bytes(const SequenceBuffers& state, uint64_t n_past) {
  uint64_t n = 0;
  for (size_t il = 0; il < state.conv.size(); ++il)
    n += state.has_kv[il] ? 2 * n_past * state.kv[il].token_bytes() : state.conv[il].size() + state.delta[il].size();
  return n;
}

// Copies positions [0, n_past) of one K or V cache between its blocks and `host` (to_host: download).
Status transfer_rows(vk::Transfer& transfer, const ops::KvCache& cache, bool k, uint8_t* host, uint64_t n_past,
                     bool to_host) {
  const uint64_t tb = cache.token_bytes(), bt = cache.block_tokens();
  for (uint64_t first = 0; first < n_past; first += bt) {
    const size_t b = static_cast<size_t>(first / bt);
    const uint64_t bytes = std::min(bt, n_past - first) * tb;
    const vk::Buffer& block = k ? cache.k_block(b) : cache.v_block(b);
    LECTERN_TRY(to_host ? transfer.download(block, 0, host + first * tb, bytes)
                        : transfer.upload(block, 0, host + first * tb, bytes));
  }
  return Status::ok();
}

}  // namespace

std::string VulkanSequence::state_format() const {
  std::string kv = "f16";
  for (size_t il = 0; il < state_.kv.size(); ++il)
    if (state_.has_kv[il]) kv = dtype_name(state_.kv[il].dtype());
  return "vulkan/gdn-f32/kv-" + kv;
}

Status VulkanSequence::save_state(std::vector<uint8_t>& out) {
  if (n_past_ == 0 && !states_zero_) LECTERN_TRY(zero_states());
  const uint64_t n_past = static_cast<uint64_t>(n_past_);
  try {
    out.assign(saved_bytes(state_, n_past), 0);
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::OutOfHostMemory, "no host memory to save a " + std::to_string(n_past_) +
                                                  "-token sequence state");
  }
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  uint8_t* at = out.data();
  for (size_t il = 0; il < state_.conv.size(); ++il) {
    if (state_.has_kv[il]) {
      const ops::KvCache& cache = state_.kv[il];
      LECTERN_TRY(transfer_rows(*m_.transfer, cache, true, at, n_past, true));
      at += n_past * cache.token_bytes();
      LECTERN_TRY(transfer_rows(*m_.transfer, cache, false, at, n_past, true));
      at += n_past * cache.token_bytes();
      continue;
    }
    for (const vk::Buffer* b : {&state_.conv[il], &state_.delta[il]}) {
      LECTERN_TRY(m_.transfer->download(*b, 0, at, b->size()));
      at += b->size();
    }
  }
  return Status::ok();
}

Status VulkanSequence::load_state(std::span<const uint8_t> data, int64_t n_past) {
  last_row_ = -1;
  if (n_past < 0 || n_past > n_ctx_)
    return Status(ErrorCode::InvalidArgument, "saved state of " + std::to_string(n_past) +
                                                  " tokens does not fit this sequence's context of " +
                                                  std::to_string(n_ctx_));
  const uint64_t n = static_cast<uint64_t>(n_past);
  const uint64_t expected = saved_bytes(state_, n);
  if (data.size() != expected)
    return Status(ErrorCode::InvalidArgument, "saved state has " + std::to_string(data.size()) +
                                                  " bytes; this sequence needs " + std::to_string(expected) +
                                                  " for " + std::to_string(n_past) + " tokens");
  Status s = [&]() -> Status {
    std::lock_guard<std::mutex> lock(m_.transfer_mutex);
    const uint8_t* at = data.data();
    for (size_t il = 0; il < state_.conv.size(); ++il) {
      if (state_.has_kv[il]) {
        const ops::KvCache& cache = state_.kv[il];
        uint8_t* rows = const_cast<uint8_t*>(at);  // upload only reads
        LECTERN_TRY(transfer_rows(*m_.transfer, cache, true, rows, n, false));
        LECTERN_TRY(transfer_rows(*m_.transfer, cache, false, rows + n * cache.token_bytes(), n, false));
        at += 2 * n * cache.token_bytes();
        continue;
      }
      for (const vk::Buffer* b : {&state_.conv[il], &state_.delta[il]}) {
        LECTERN_TRY(m_.transfer->upload(*b, 0, at, b->size()));
        at += b->size();
      }
    }
    return Status::ok();
  }();
  if (!s.is_ok()) {
    reset();  // partly overwritten: the only safe state is the empty one
    return s.with_context("loading a saved sequence state");
  }
  n_past_ = n_past;
  states_zero_ = false;
  return Status::ok();
}

}  // namespace lectern::runtime
