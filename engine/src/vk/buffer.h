// buffer.h: a VkBuffer with its own memory allocation (device-local, upload or readback), and BufferSlice, the
// range of a buffer one descriptor binds.
#pragma once

#include <vulkan/vulkan.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "lectern/status.h"
#include "vk/memory.h"

namespace lectern::vk {

class Buffer;
class Device;

// A byte range of one buffer; what a shader binding (or a copy) refers to.
struct BufferSlice {
  const Buffer* buffer = nullptr;
  uint64_t offset = 0;
  uint64_t size = 0;
};

class Buffer {
 public:
  // Buffers are padded to this many bytes so shaders may read whole 16-byte vectors at the end of a row.
  static constexpr uint64_t k_granule = 16;

  // `size` bytes of `usage` memory; OutOfDeviceMemory when it does not fit, InvalidArgument when it exceeds the
  // device's largest allocation (split the data, as DeviceMatrix does). The Device must outlive the buffer.
  static Result<Buffer> create(const Device& device, uint64_t size, MemoryUsage usage, std::string name);

  Buffer() = default;
  Buffer(Buffer&& other) noexcept;
  Buffer& operator=(Buffer&& other) noexcept;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();

  bool valid() const { return buffer_ != VK_NULL_HANDLE; }
  VkBuffer handle() const { return buffer_; }
  uint64_t size() const { return size_; }          // bytes requested
  uint64_t capacity() const { return capacity_; }  // bytes of the VkBuffer (size rounded up to k_granule)
  MemoryUsage usage() const { return usage_; }
  const std::string& name() const { return name_; }

  // Persistently mapped pointer when the memory is host-visible, else nullptr.
  std::byte* mapped() const { return mapped_; }
  bool host_coherent() const { return coherent_; }
  // Make host writes visible to the device / device writes visible to the host; no-ops on coherent memory.
  Status flush(uint64_t offset, uint64_t size) const;
  Status invalidate(uint64_t offset, uint64_t size) const;

  BufferSlice slice(uint64_t offset, uint64_t size) const { return {this, offset, size}; }
  BufferSlice whole() const { return {this, 0, size_}; }

 private:
  void release();

  const Device* device_ = nullptr;
  VkBuffer buffer_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  uint64_t size_ = 0;
  uint64_t capacity_ = 0;
  uint64_t allocated_ = 0;  // bytes of memory_ (the allocation's size), counted on the device when device-local
  MemoryUsage usage_ = MemoryUsage::DeviceLocal;
  std::byte* mapped_ = nullptr;
  bool coherent_ = true;
  std::string name_;
};

}  // namespace lectern::vk
