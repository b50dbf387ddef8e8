// transfer.h: synchronous host<->device copies. Host-visible device memory (lavapipe, integrated GPUs) is written
// directly; everything else goes through a bounded staging buffer in chunks, two halves alternating so the host
// fills one while the GPU copies the other.
#pragma once

#include <vulkan/vulkan.h>

#include <array>
#include <cstdint>
#include <memory>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {

class Device;

class Transfer {
 public:
  static constexpr uint64_t k_default_staging_bytes = 16ull << 20;

  static Result<std::unique_ptr<Transfer>> create(const Device& device);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // The caller guarantees no submitted GPU work still uses the destination / produces the source range.
  Status upload(const Buffer& dst, uint64_t dst_offset, const void* src, uint64_t size);
  Status download(const Buffer& src, uint64_t src_offset, void* dst, uint64_t size);

  // Bytes each staging half holds (chunk size); staged chunks sent so far (tests check chunking happened).
  uint64_t chunk_bytes() const { return chunk_bytes_; }
  uint64_t n_staged_chunks() const { return n_staged_chunks_; }

 private:
  explicit Transfer(const Device& device) : device_(device) {}
  Status ensure_staging(Buffer& staging, MemoryUsage usage, const char* name);
  Status copy_chunk(int slot, const Buffer& src, uint64_t src_offset, const Buffer& dst, uint64_t dst_offset,
                    uint64_t size, bool to_host);
  Status finish(int slot);

  const Device& device_;
  uint64_t chunk_bytes_ = 0;
  uint64_t n_staged_chunks_ = 0;
  Buffer upload_staging_;
  Buffer readback_staging_;
  VkCommandPool pool_ = VK_NULL_HANDLE;
  std::array<VkCommandBuffer, 2> command_buffers_{};
  std::array<VkFence, 2> fences_{};
  std::array<bool, 2> in_flight_{};
};

}  // namespace lectern::vk
