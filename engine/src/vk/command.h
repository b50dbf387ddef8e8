// command.h: Sequence, which records many dispatches (and device copies) into one command buffer, inserts the
// memory barriers the data dependencies between them need, submits once and waits on a fence with a timeout.
#pragma once

#include <vulkan/vulkan.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lectern/status.h"
#include "vk/buffer.h"
#include "vk/profiler.h"

namespace lectern::vk {

class Device;
struct Pipeline;

enum class Access { Read, Write, ReadWrite };

// One storage-buffer binding of a dispatch: which range, and whether the shader reads and/or writes it.
struct Binding {
  BufferSlice slice;
  Access access = Access::Read;
};

struct SequenceOptions {
  bool profile = false;                  // GPU timestamps after every command (see timings())
  std::string name = "compute sequence";  // for error messages
};

// Group counts for `n_groups` workgroups laid out as x * y (x at most the device limit); shaders recover the
// linear index as gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x and skip indices >= n_groups.
std::array<uint32_t, 3> split_groups(uint64_t n_groups, const std::array<uint32_t, 3>& max_group_count);

class Sequence {
 public:
  static Result<std::unique_ptr<Sequence>> create(Device& device, SequenceOptions options = {});
  ~Sequence();
  Sequence(const Sequence&) = delete;
  Sequence& operator=(const Sequence&) = delete;

  Device& device() const { return device_; }

  // Recording starts implicitly with the first command after creation or after wait().
  // Records a dispatch. `push` must be exactly the pipeline's push-constant size. Every buffer bound must stay
  // alive until wait() returns.
  Status dispatch(const Pipeline& pipeline, std::span<const Binding> bindings, std::span<const std::byte> push,
                  std::array<uint32_t, 3> groups);
  template <typename Push>
  Status dispatch(const Pipeline& pipeline, std::span<const Binding> bindings, const Push& push,
                  std::array<uint32_t, 3> groups) {
    return dispatch(pipeline, bindings, std::as_bytes(std::span<const Push>(&push, 1)), groups);
  }
  // Device-side copy between two equally sized ranges.
  Status copy(const BufferSlice& src, const BufferSlice& dst);

  Status submit();
  // Waits for the submitted work (timeout_ns 0: the device default). Timeout and DeviceLost are distinct codes.
  Status wait(uint64_t timeout_ns = 0);
  Status run(uint64_t timeout_ns = 0);  // submit() + wait()

  bool recording() const { return state_ == State::Recording; }
  bool pending() const { return state_ == State::Pending; }
  // Of the current / last recording.
  uint32_t n_commands() const { return n_commands_; }
  uint32_t n_barriers() const { return n_barriers_; }  // between commands, not counting the fixed entry/exit ones
  // Per-command GPU times of the last completed submission (profile = true).
  Result<std::vector<CommandTiming>> timings() const;

 private:
  enum class State { Idle, Recording, Pending };
  struct PendingAccess {
    VkBuffer buffer;
    uint64_t begin;
    uint64_t end;
    bool write;
    VkPipelineStageFlags stage;
  };

  Sequence(Device& device, SequenceOptions options) : device_(device), options_(std::move(options)) {}
  Status begin();
  Status check_slice(const BufferSlice& slice, const std::string& what) const;
  // Inserts a barrier when an access conflicts with one recorded since the last barrier (RAW, WAR, WAW).
  void order_after_pending(std::span<const PendingAccess> accesses, VkPipelineStageFlags stage,
                           VkAccessFlags dst_access);
  Result<VkDescriptorSet> allocate_set(VkDescriptorSetLayout layout);

  Device& device_;
  SequenceOptions options_;
  State state_ = State::Idle;
  VkCommandPool pool_ = VK_NULL_HANDLE;
  VkCommandBuffer cb_ = VK_NULL_HANDLE;
  VkFence fence_ = VK_NULL_HANDLE;
  std::vector<VkDescriptorPool> descriptor_pools_;
  size_t descriptor_pool_index_ = 0;
  std::vector<PendingAccess> pending_;
  VkPipeline bound_pipeline_ = VK_NULL_HANDLE;
  uint32_t n_commands_ = 0;
  uint32_t n_barriers_ = 0;
  std::unique_ptr<Profiler> profiler_;
  bool timings_ready_ = false;
};

}  // namespace lectern::vk
