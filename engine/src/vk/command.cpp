// command.cpp: command recording with hazard-tracked barriers, descriptor-set allocation, submission and waiting.
#include "vk/command.h"

#include <algorithm>

#include "vk/device.h"
#include "vk/pipeline.h"
#include "vk/vk_result.h"

namespace lectern::vk {

namespace {

constexpr uint32_t k_sets_per_pool = 256;
constexpr uint32_t k_descriptors_per_pool = k_sets_per_pool * 8;

constexpr VkPipelineStageFlags k_device_stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
constexpr VkAccessFlags k_device_writes = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
constexpr VkAccessFlags k_shader_access = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
constexpr VkAccessFlags k_transfer_access = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;

void memory_barrier(VkCommandBuffer cb, VkPipelineStageFlags src_stage, VkAccessFlags src_access,
                    VkPipelineStageFlags dst_stage, VkAccessFlags dst_access) {
  VkMemoryBarrier barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
  barrier.srcAccessMask = src_access;
  barrier.dstAccessMask = dst_access;
  vkCmdPipelineBarrier(cb, src_stage, dst_stage, 0, 1, &barrier, 0, nullptr, 0, nullptr);
}

// The range a descriptor covers: the slice rounded up to whole 32-bit words (shaders read packed 16-bit data as
// uints), never past the buffer's padded capacity.
uint64_t bound_range(const BufferSlice& s) {
  return std::min((s.size + 3) / 4 * 4, s.buffer->capacity() - s.offset);
}

}  // namespace

std::array<uint32_t, 3> split_groups(uint64_t n_groups, const std::array<uint32_t, 3>& max_group_count) {
  uint64_t max_x = std::max<uint32_t>(1, max_group_count[0]);
  if (n_groups <= max_x) return {static_cast<uint32_t>(std::max<uint64_t>(1, n_groups)), 1, 1};
  uint64_t y = (n_groups + max_x - 1) / max_x;
  uint64_t x = (n_groups + y - 1) / y;  // as even as possible, so few workgroups idle
  return {static_cast<uint32_t>(x), static_cast<uint32_t>(y), 1};
}

Result<std::unique_ptr<Sequence>> Sequence::create(Device& device, SequenceOptions options) {
  std::unique_ptr<Sequence> self(new Sequence(device, std::move(options)));
  VkDevice dev = device.handle();
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool_info.queueFamilyIndex = device.queue_family();
  LECTERN_VK_TRY(vkCreateCommandPool(dev, &pool_info, nullptr, &self->pool_), "creating a command pool");
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = self->pool_;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  LECTERN_VK_TRY(vkAllocateCommandBuffers(dev, &alloc, &self->cb_), "allocating a command buffer");
  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  LECTERN_VK_TRY(vkCreateFence(dev, &fence_info, nullptr, &self->fence_), "creating a fence");
  if (self->options_.profile) {
    LECTERN_ASSIGN_OR_RETURN(self->profiler_, Profiler::create(device));
  }
  return self;
}

Sequence::~Sequence() {
  VkDevice dev = device_.handle();
  if (state_ == State::Pending) (void)vkWaitForFences(dev, 1, &fence_, VK_TRUE, device_.fence_timeout_ns());
  profiler_.reset();
  for (VkDescriptorPool pool : descriptor_pools_) vkDestroyDescriptorPool(dev, pool, nullptr);
  if (fence_ != VK_NULL_HANDLE) vkDestroyFence(dev, fence_, nullptr);
  if (pool_ != VK_NULL_HANDLE) vkDestroyCommandPool(dev, pool_, nullptr);
}

Status Sequence::begin() {
  for (VkDescriptorPool pool : descriptor_pools_) {
    LECTERN_VK_TRY(vkResetDescriptorPool(device_.handle(), pool, 0), "resetting a descriptor pool");
  }
  descriptor_pool_index_ = 0;
  pending_.clear();
  bound_pipeline_ = VK_NULL_HANDLE;
  n_commands_ = 0;
  n_barriers_ = 0;
  timings_ready_ = false;
  VkCommandBufferBeginInfo info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  info.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  LECTERN_VK_TRY(vkBeginCommandBuffer(cb_, &info), "recording " + options_.name);
  // Work from earlier submissions (uploads, other sequences) is complete and visible before this one starts.
  memory_barrier(cb_, k_device_stages, k_device_writes, k_device_stages, k_shader_access | k_transfer_access);
  if (profiler_) LECTERN_TRY(profiler_->begin(cb_));
  state_ = State::Recording;
  return Status::ok();
}

Status Sequence::check_slice(const BufferSlice& s, const std::string& what) const {
  if (s.buffer == nullptr || !s.buffer->valid()) return Status(ErrorCode::InvalidArgument, what + " has no buffer");
  const Buffer& b = *s.buffer;
  if (s.size == 0) return Status(ErrorCode::InvalidArgument, what + " is empty");
  if (s.offset > b.size() || s.size > b.size() - s.offset) {
    return Status(ErrorCode::InvalidArgument, what + " (" + format_bytes(s.size) + " at offset " +
                                                  std::to_string(s.offset) + ") runs past the end of '" + b.name() +
                                                  "' (" + format_bytes(b.size()) + ")");
  }
  const DeviceLimits& limits = device_.limits();
  if (s.offset % limits.storage_offset_alignment != 0) {
    return Status(ErrorCode::InvalidArgument, what + " starts at offset " + std::to_string(s.offset) + " of '" +
                                                  b.name() + "', not a multiple of minStorageBufferOffsetAlignment (" +
                                                  std::to_string(limits.storage_offset_alignment) + ")");
  }
  if (bound_range(s) > limits.max_binding_bytes) {
    return Status(ErrorCode::InvalidArgument,
                  what + " covers " + format_bytes(s.size) + " of '" + b.name() + "', more than the " +
                      format_bytes(limits.max_binding_bytes) + " one binding may cover on " + device_.info().name +
                      " (maxStorageBufferRange, or LECTERN_VK_MAX_BINDING_BYTES); split the tensor into row blocks "
                      "(DeviceMatrix) or process fewer tokens per call");
  }
  return Status::ok();
}

void Sequence::order_after_pending(std::span<const PendingAccess> accesses, VkPipelineStageFlags stage,
                                   VkAccessFlags dst_access) {
  bool conflict = false;
  for (const PendingAccess& a : accesses) {
    for (const PendingAccess& p : pending_) {
      if (a.buffer == p.buffer && a.begin < p.end && p.begin < a.end && (a.write || p.write)) {
        conflict = true;
        break;
      }
    }
    if (conflict) break;
  }
  if (conflict) {
    VkPipelineStageFlags src_stage = 0;
    VkAccessFlags src_access = 0;
    for (const PendingAccess& p : pending_) {
      src_stage |= p.stage;
      if (p.write) {
        src_access |= p.stage == VK_PIPELINE_STAGE_TRANSFER_BIT ? VK_ACCESS_TRANSFER_WRITE_BIT
                                                                : VK_ACCESS_SHADER_WRITE_BIT;
      }
    }
    // One global memory barrier orders everything pending; drivers handle it at least as well as per-buffer ones.
    memory_barrier(cb_, src_stage, src_access, stage, dst_access);
    ++n_barriers_;
    pending_.clear();
  }
  pending_.insert(pending_.end(), accesses.begin(), accesses.end());
}

Result<VkDescriptorSet> Sequence::allocate_set(VkDescriptorSetLayout layout) {
  VkDevice dev = device_.handle();
  for (;;) {
    if (descriptor_pool_index_ == descriptor_pools_.size()) {
      VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, k_descriptors_per_pool};
      VkDescriptorPoolCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
      info.maxSets = k_sets_per_pool;
      info.poolSizeCount = 1;
      info.pPoolSizes = &size;
      VkDescriptorPool pool = VK_NULL_HANDLE;
      LECTERN_VK_TRY(vkCreateDescriptorPool(dev, &info, nullptr, &pool), "creating a descriptor pool");
      descriptor_pools_.push_back(pool);
    }
    VkDescriptorSetAllocateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    info.descriptorPool = descriptor_pools_[descriptor_pool_index_];
    info.descriptorSetCount = 1;
    info.pSetLayouts = &layout;
    VkDescriptorSet set = VK_NULL_HANDLE;
    VkResult r = vkAllocateDescriptorSets(dev, &info, &set);
    if (r == VK_SUCCESS) return set;
    if (r != VK_ERROR_OUT_OF_POOL_MEMORY && r != VK_ERROR_FRAGMENTED_POOL) {
      return vk_status(r, "allocating a descriptor set");
    }
    ++descriptor_pool_index_;  // this pool is full: continue with the next one
  }
}

Status Sequence::dispatch(const Pipeline& pipeline, std::span<const Binding> bindings, std::span<const std::byte> push,
                          std::array<uint32_t, 3> groups) {
  if (state_ == State::Pending) {
    return Status(ErrorCode::InvalidArgument, options_.name + ": wait() for the submitted work before recording more");
  }
  if (bindings.size() != pipeline.n_bindings) {
    return Status(ErrorCode::InvalidArgument, pipeline.name + " takes " + std::to_string(pipeline.n_bindings) +
                                                  " buffers, got " + std::to_string(bindings.size()));
  }
  if (push.size() != pipeline.push_constant_bytes) {
    return Status(ErrorCode::InvalidArgument, pipeline.name + " takes " + std::to_string(pipeline.push_constant_bytes) +
                                                  " bytes of push constants, got " + std::to_string(push.size()));
  }
  const auto& max_groups = device_.limits().max_group_count;
  for (int i = 0; i < 3; ++i) {
    if (groups[i] == 0 || groups[i] > max_groups[i]) {
      return Status(ErrorCode::InvalidArgument, pipeline.name + ": " + std::to_string(groups[i]) +
                                                    " workgroups in dimension " + std::to_string(i) +
                                                    " (the device allows 1.." + std::to_string(max_groups[i]) + ")");
    }
  }
  std::array<PendingAccess, 16> accesses{};
  std::array<VkDescriptorBufferInfo, 16> infos{};
  if (bindings.size() > accesses.size()) {
    return Status(ErrorCode::Unsupported, pipeline.name + ": more than 16 bindings");
  }
  for (size_t i = 0; i < bindings.size(); ++i) {
    const BufferSlice& s = bindings[i].slice;
    LECTERN_TRY(check_slice(s, pipeline.name + " binding " + std::to_string(i)));
    accesses[i] = {s.buffer->handle(), s.offset, s.offset + s.size, bindings[i].access != Access::Read,
                   VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT};
    infos[i] = {s.buffer->handle(), s.offset, bound_range(s)};
  }
  if (state_ == State::Idle) LECTERN_TRY(begin());

  order_after_pending(std::span(accesses.data(), bindings.size()), VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                      k_shader_access);
  LECTERN_ASSIGN_OR_RETURN(VkDescriptorSet set, allocate_set(pipeline.set_layout));
  std::array<VkWriteDescriptorSet, 16> writes{};
  for (uint32_t i = 0; i < bindings.size(); ++i) {
    writes[i] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    writes[i].dstSet = set;
    writes[i].dstBinding = i;
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    writes[i].pBufferInfo = &infos[i];
  }
  vkUpdateDescriptorSets(device_.handle(), static_cast<uint32_t>(bindings.size()), writes.data(), 0, nullptr);

  if (bound_pipeline_ != pipeline.pipeline) {
    vkCmdBindPipeline(cb_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.pipeline);
    bound_pipeline_ = pipeline.pipeline;
  }
  vkCmdBindDescriptorSets(cb_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.layout, 0, 1, &set, 0, nullptr);
  if (!push.empty()) {
    vkCmdPushConstants(cb_, pipeline.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, static_cast<uint32_t>(push.size()),
                       push.data());
  }
  vkCmdDispatch(cb_, groups[0], groups[1], groups[2]);
  ++n_commands_;
  if (profiler_) {
    LECTERN_TRY(profiler_->mark(cb_, pipeline.name + " [" + std::to_string(groups[0]) + "," +
                                         std::to_string(groups[1]) + "," + std::to_string(groups[2]) + "]"));
  }
  return Status::ok();
}

Status Sequence::copy(const BufferSlice& src, const BufferSlice& dst) {
  if (state_ == State::Pending) {
    return Status(ErrorCode::InvalidArgument, options_.name + ": wait() for the submitted work before recording more");
  }
  if (src.size != dst.size) {
    return Status(ErrorCode::InvalidArgument, "copy between ranges of different sizes (" + std::to_string(src.size) +
                                                  " and " + std::to_string(dst.size) + " bytes)");
  }
  for (const BufferSlice* s : {&src, &dst}) {
    if (s->buffer == nullptr || !s->buffer->valid() || s->size == 0 || s->offset > s->buffer->size() ||
        s->size > s->buffer->size() - s->offset) {
      return Status(ErrorCode::InvalidArgument, "copy: a range is empty or runs past the end of its buffer");
    }
  }
  if (state_ == State::Idle) LECTERN_TRY(begin());
  PendingAccess accesses[2] = {
      {src.buffer->handle(), src.offset, src.offset + src.size, false, VK_PIPELINE_STAGE_TRANSFER_BIT},
      {dst.buffer->handle(), dst.offset, dst.offset + dst.size, true, VK_PIPELINE_STAGE_TRANSFER_BIT}};
  order_after_pending(accesses, VK_PIPELINE_STAGE_TRANSFER_BIT, k_transfer_access);
  VkBufferCopy region{src.offset, dst.offset, src.size};
  vkCmdCopyBuffer(cb_, src.buffer->handle(), dst.buffer->handle(), 1, &region);
  ++n_commands_;
  if (profiler_) LECTERN_TRY(profiler_->mark(cb_, "copy " + std::to_string(src.size) + " bytes"));
  return Status::ok();
}

Status Sequence::submit() {
  if (state_ == State::Pending) return Status(ErrorCode::InvalidArgument, options_.name + " was already submitted");
  if (state_ == State::Idle) LECTERN_TRY(begin());
  // Results are readable from mapped memory once the fence signals (the fence itself only makes them available).
  memory_barrier(cb_, k_device_stages, k_device_writes, VK_PIPELINE_STAGE_HOST_BIT, VK_ACCESS_HOST_READ_BIT);
  // On failure the recording is dropped (the next command starts a new one) rather than left half-ended.
  state_ = State::Idle;
  LECTERN_VK_TRY(vkEndCommandBuffer(cb_), "recording " + options_.name);
  LECTERN_TRY(device_.submit(cb_, fence_, options_.name));
  state_ = State::Pending;
  return Status::ok();
}

Status Sequence::wait(uint64_t timeout_ns) {
  if (state_ == State::Idle) return Status::ok();
  if (state_ == State::Recording) {
    return Status(ErrorCode::InvalidArgument, options_.name + ": submit() the recorded work before waiting for it");
  }
  LECTERN_TRY(device_.wait(fence_, timeout_ns, options_.name));  // on Timeout the work stays pending
  LECTERN_VK_TRY(vkResetFences(device_.handle(), 1, &fence_), "resetting a fence");
  state_ = State::Idle;
  timings_ready_ = profiler_ != nullptr;
  return Status::ok();
}

Status Sequence::run(uint64_t timeout_ns) {
  LECTERN_TRY(submit());
  return wait(timeout_ns);
}

Result<std::vector<CommandTiming>> Sequence::timings() const {
  if (!profiler_) {
    return Status(ErrorCode::InvalidArgument, options_.name + " was created without profiling (SequenceOptions::profile)");
  }
  if (!timings_ready_) return Status(ErrorCode::InvalidArgument, options_.name + ": no completed submission to time");
  return profiler_->read();
}

}  // namespace lectern::vk
