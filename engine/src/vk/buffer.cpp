// buffer.cpp: buffer creation with a dedicated allocation, mapping, flush/invalidate.
#include "vk/buffer.h"

#include <utility>

#include "vk/device.h"
#include "vk/vk_result.h"

namespace lectern::vk {

Result<Buffer> Buffer::create(const Device& device, uint64_t size, MemoryUsage usage, std::string name) {
  if (size == 0) return Status(ErrorCode::InvalidArgument, "buffer '" + name + "': size must be positive");
  const DeviceLimits& limits = device.limits();
  uint64_t capacity = (size + k_granule - 1) / k_granule * k_granule;
  if (capacity > limits.max_allocation_bytes) {
    return Status(ErrorCode::InvalidArgument,
                  "buffer '" + name + "' needs " + format_bytes(size) + ", more than the " +
                      format_bytes(limits.max_allocation_bytes) + " one allocation may hold on " + device.info().name +
                      " (maxMemoryAllocationSize, or LECTERN_VK_MAX_ALLOCATION_BYTES); split it into several buffers "
                      "(DeviceMatrix stores large tensors as row blocks)");
  }

  Buffer b;
  b.device_ = &device;
  b.size_ = size;
  b.capacity_ = capacity;
  b.usage_ = usage;
  b.name_ = std::move(name);
  VkDevice dev = device.handle();

  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = capacity;
  info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  LECTERN_VK_TRY(vkCreateBuffer(dev, &info, nullptr, &b.buffer_), "creating buffer '" + b.name_ + "'");

  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(dev, b.buffer_, &req);
  const auto& memory = device.info().memory;
  auto type = find_memory_type(memory, req.memoryTypeBits, usage);
  if (!type) {
    return Status(ErrorCode::Unsupported, "buffer '" + b.name_ + "': " + device.info().name + " offers no " +
                                              memory_usage_name(usage) + " memory type for storage buffers");
  }
  // One allocation per buffer: tensors are few and large; a sub-allocator can come when counts grow.
  VkMemoryDedicatedAllocateInfo dedicated{VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO};
  dedicated.buffer = b.buffer_;
  VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  alloc.pNext = &dedicated;
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = *type;
  LECTERN_VK_TRY(vkAllocateMemory(dev, &alloc, nullptr, &b.memory_),
                 "allocating " + format_bytes(req.size) + " of " + memory_usage_name(usage) + " memory for '" +
                     b.name_ + "'");
  b.allocated_ = req.size;
  if (usage == MemoryUsage::DeviceLocal) device.note_device_local_alloc(req.size);
  LECTERN_VK_TRY(vkBindBufferMemory(dev, b.buffer_, b.memory_, 0), "binding memory to buffer '" + b.name_ + "'");

  VkMemoryPropertyFlags flags = memory.memoryTypes[*type].propertyFlags;
  b.coherent_ = (flags & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT) != 0;
  if (flags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
    void* ptr = nullptr;
    LECTERN_VK_TRY(vkMapMemory(dev, b.memory_, 0, VK_WHOLE_SIZE, 0, &ptr), "mapping buffer '" + b.name_ + "'");
    b.mapped_ = static_cast<std::byte*>(ptr);
  }
  return b;
}

Buffer::Buffer(Buffer&& other) noexcept { *this = std::move(other); }

Buffer& Buffer::operator=(Buffer&& other) noexcept {
  if (this != &other) {
    release();
    device_ = std::exchange(other.device_, nullptr);
    buffer_ = std::exchange(other.buffer_, VK_NULL_HANDLE);
    memory_ = std::exchange(other.memory_, VK_NULL_HANDLE);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    allocated_ = std::exchange(other.allocated_, 0);
    usage_ = other.usage_;
    mapped_ = std::exchange(other.mapped_, nullptr);
    coherent_ = other.coherent_;
    name_ = std::move(other.name_);
  }
  return *this;
}

Buffer::~Buffer() { release(); }

void Buffer::release() {
  if (device_ == nullptr) return;
  VkDevice dev = device_->handle();
  if (buffer_ != VK_NULL_HANDLE) vkDestroyBuffer(dev, buffer_, nullptr);
  if (memory_ != VK_NULL_HANDLE) {
    vkFreeMemory(dev, memory_, nullptr);  // also unmaps
    if (usage_ == MemoryUsage::DeviceLocal) device_->note_device_local_free(allocated_);
  }
  allocated_ = 0;
  buffer_ = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
  mapped_ = nullptr;
  device_ = nullptr;
}

// Non-coherent ranges must be aligned to nonCoherentAtomSize; whole-buffer ranges always are.
static VkMappedMemoryRange atom_range(VkDeviceMemory memory, uint64_t offset, uint64_t size, uint64_t atom,
                                      uint64_t capacity) {
  VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
  range.memory = memory;
  range.offset = offset / atom * atom;
  uint64_t end = (offset + size + atom - 1) / atom * atom;
  range.size = end >= capacity ? VK_WHOLE_SIZE : end - range.offset;
  return range;
}

Status Buffer::flush(uint64_t offset, uint64_t size) const {
  if (coherent_ || mapped_ == nullptr || size == 0) return Status::ok();
  VkMappedMemoryRange range =
      atom_range(memory_, offset, size, device_->limits().non_coherent_atom_size, capacity_);
  LECTERN_VK_TRY(vkFlushMappedMemoryRanges(device_->handle(), 1, &range), "flushing buffer '" + name_ + "'");
  return Status::ok();
}

Status Buffer::invalidate(uint64_t offset, uint64_t size) const {
  if (coherent_ || mapped_ == nullptr || size == 0) return Status::ok();
  VkMappedMemoryRange range =
      atom_range(memory_, offset, size, device_->limits().non_coherent_atom_size, capacity_);
  LECTERN_VK_TRY(vkInvalidateMappedMemoryRanges(device_->handle(), 1, &range), "invalidating buffer '" + name_ + "'");
  return Status::ok();
}

}  // namespace lectern::vk
