// transfer.cpp: direct and staged (double-buffered, chunked) uploads and downloads.
#include "vk/transfer.h"

#include <algorithm>
#include <cstring>

#include "vk/device.h"
#include "vk/vk_result.h"

namespace lectern::vk {

namespace {

Status check_range(const Buffer& buffer, uint64_t offset, uint64_t size, const char* what) {
  if (!buffer.valid()) return Status(ErrorCode::InvalidArgument, std::string(what) + ": the buffer is empty");
  if (offset > buffer.size() || size > buffer.size() - offset) {
    return Status(ErrorCode::InvalidArgument, std::string(what) + " of " + format_bytes(size) + " at offset " +
                                                  std::to_string(offset) + " runs past the end of buffer '" +
                                                  buffer.name() + "' (" + format_bytes(buffer.size()) + ")");
  }
  return Status::ok();
}

void memory_barrier(VkCommandBuffer cb, VkPipelineStageFlags src_stage, VkAccessFlags src_access,
                    VkPipelineStageFlags dst_stage, VkAccessFlags dst_access) {
  VkMemoryBarrier barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
  barrier.srcAccessMask = src_access;
  barrier.dstAccessMask = dst_access;
  vkCmdPipelineBarrier(cb, src_stage, dst_stage, 0, 1, &barrier, 0, nullptr, 0, nullptr);
}

}  // namespace

Result<std::unique_ptr<Transfer>> Transfer::create(const Device& device) {
  std::unique_ptr<Transfer> self(new Transfer(device));
  uint64_t staging = device.options().staging_bytes != 0 ? device.options().staging_bytes : k_default_staging_bytes;
  staging = std::min(staging, device.limits().max_allocation_bytes);
  self->chunk_bytes_ = std::max<uint64_t>(Buffer::k_granule, staging / 2 / Buffer::k_granule * Buffer::k_granule);

  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT | VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
  pool_info.queueFamilyIndex = device.queue_family();
  LECTERN_VK_TRY(vkCreateCommandPool(device.handle(), &pool_info, nullptr, &self->pool_),
                 "creating the transfer command pool");
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = self->pool_;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 2;
  LECTERN_VK_TRY(vkAllocateCommandBuffers(device.handle(), &alloc, self->command_buffers_.data()),
                 "allocating transfer command buffers");
  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  for (auto& fence : self->fences_) {
    LECTERN_VK_TRY(vkCreateFence(device.handle(), &fence_info, nullptr, &fence), "creating a transfer fence");
  }
  return self;
}

Transfer::~Transfer() {
  VkDevice dev = device_.handle();
  for (int s = 0; s < 2; ++s) {
    if (in_flight_[s]) (void)vkWaitForFences(dev, 1, &fences_[s], VK_TRUE, device_.fence_timeout_ns());
  }
  for (VkFence fence : fences_) {
    if (fence != VK_NULL_HANDLE) vkDestroyFence(dev, fence, nullptr);
  }
  if (pool_ != VK_NULL_HANDLE) vkDestroyCommandPool(dev, pool_, nullptr);
}

Status Transfer::ensure_staging(Buffer& staging, MemoryUsage usage, const char* name) {
  if (staging.valid()) return Status::ok();
  LECTERN_ASSIGN_OR_RETURN(staging, Buffer::create(device_, 2 * chunk_bytes_, usage, name));
  if (staging.mapped() == nullptr) {
    return Status(ErrorCode::Internal, std::string(name) + " buffer is not host-visible");
  }
  return Status::ok();
}

Status Transfer::finish(int slot) {
  if (!in_flight_[slot]) return Status::ok();
  in_flight_[slot] = false;
  LECTERN_TRY(device_.wait(fences_[slot], 0, "a staging copy"));
  LECTERN_VK_TRY(vkResetFences(device_.handle(), 1, &fences_[slot]), "resetting a transfer fence");
  return Status::ok();
}

// Records and submits one copy. Barriers: earlier compute/transfer work on the device buffer happens before the
// copy; afterwards the copy's writes are visible to later shaders and copies (uploads) or to the host (downloads).
Status Transfer::copy_chunk(int slot, const Buffer& src, uint64_t src_offset, const Buffer& dst, uint64_t dst_offset,
                            uint64_t size, bool to_host) {
  VkCommandBuffer cb = command_buffers_[slot];
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  LECTERN_VK_TRY(vkBeginCommandBuffer(cb, &begin), "recording a staging copy");
  const VkPipelineStageFlags device_stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  const VkAccessFlags device_writes = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  const VkAccessFlags device_access = device_writes | VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_TRANSFER_READ_BIT;
  memory_barrier(cb, device_stages, device_writes, VK_PIPELINE_STAGE_TRANSFER_BIT,
                 VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT);
  VkBufferCopy region{src_offset, dst_offset, size};
  vkCmdCopyBuffer(cb, src.handle(), dst.handle(), 1, &region);
  if (to_host) {
    memory_barrier(cb, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_HOST_BIT,
                   VK_ACCESS_HOST_READ_BIT);
  } else {
    memory_barrier(cb, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, device_stages, device_access);
  }
  LECTERN_VK_TRY(vkEndCommandBuffer(cb), "recording a staging copy");
  LECTERN_TRY(device_.submit(cb, fences_[slot], "a staging copy"));
  in_flight_[slot] = true;
  ++n_staged_chunks_;
  return Status::ok();
}

Status Transfer::upload(const Buffer& dst, uint64_t dst_offset, const void* src, uint64_t size) {
  LECTERN_TRY(check_range(dst, dst_offset, size, "upload"));
  if (size == 0) return Status::ok();
  const auto* bytes = static_cast<const std::byte*>(src);
  if (dst.mapped() != nullptr && !device_.options().force_staging) {
    std::memcpy(dst.mapped() + dst_offset, bytes, size);
    return dst.flush(dst_offset, size);
  }
  LECTERN_TRY(ensure_staging(upload_staging_, MemoryUsage::Upload, "upload staging"));
  uint64_t chunk_index = 0;
  for (uint64_t pos = 0; pos < size; pos += chunk_bytes_, ++chunk_index) {
    int slot = static_cast<int>(chunk_index & 1);
    uint64_t n = std::min(chunk_bytes_, size - pos);
    LECTERN_TRY(finish(slot));  // the copy that last used this half has read it
    uint64_t staging_offset = static_cast<uint64_t>(slot) * chunk_bytes_;
    std::memcpy(upload_staging_.mapped() + staging_offset, bytes + pos, n);
    LECTERN_TRY(upload_staging_.flush(staging_offset, n));
    LECTERN_TRY(copy_chunk(slot, upload_staging_, staging_offset, dst, dst_offset + pos, n, false));
  }
  LECTERN_TRY(finish(0));
  return finish(1);
}

Status Transfer::download(const Buffer& src, uint64_t src_offset, void* dst, uint64_t size) {
  LECTERN_TRY(check_range(src, src_offset, size, "download"));
  if (size == 0) return Status::ok();
  auto* bytes = static_cast<std::byte*>(dst);
  if (src.mapped() != nullptr && !device_.options().force_staging) {
    LECTERN_TRY(src.invalidate(src_offset, size));
    std::memcpy(bytes, src.mapped() + src_offset, size);
    return Status::ok();
  }
  LECTERN_TRY(ensure_staging(readback_staging_, MemoryUsage::Readback, "readback staging"));
  std::array<uint64_t, 2> pending_pos{};
  std::array<uint64_t, 2> pending_size{};
  auto drain = [&](int slot) -> Status {
    if (!in_flight_[slot]) return Status::ok();
    LECTERN_TRY(finish(slot));
    uint64_t staging_offset = static_cast<uint64_t>(slot) * chunk_bytes_;
    LECTERN_TRY(readback_staging_.invalidate(staging_offset, pending_size[slot]));
    std::memcpy(bytes + pending_pos[slot], readback_staging_.mapped() + staging_offset, pending_size[slot]);
    return Status::ok();
  };
  uint64_t chunk_index = 0;
  for (uint64_t pos = 0; pos < size; pos += chunk_bytes_, ++chunk_index) {
    int slot = static_cast<int>(chunk_index & 1);
    uint64_t n = std::min(chunk_bytes_, size - pos);
    LECTERN_TRY(drain(slot));  // copy out what this half received two chunks ago
    LECTERN_TRY(copy_chunk(slot, src, src_offset + pos, readback_staging_, static_cast<uint64_t>(slot) * chunk_bytes_,
                           n, true));
    pending_pos[slot] = pos;
    pending_size[slot] = n;
  }
  // The older of the two outstanding chunks first; order does not matter for correctness.
  int last = static_cast<int>((chunk_index - 1) & 1);
  LECTERN_TRY(drain(1 - last));
  return drain(last);
}

}  // namespace lectern::vk
