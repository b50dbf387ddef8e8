// device.cpp: logical device creation (features, queue), effective limits, and queue submission.
#include "vk/device.h"

#include <algorithm>

#include "vk/env.h"
#include "vk/instance.h"
#include "vk/pipeline.h"
#include "vk/vk_result.h"

namespace lectern::vk {

namespace {

constexpr uint64_t k_default_fence_timeout_ns = 600ull * 1000 * 1000 * 1000;

// Applies a lowering override: 0 / unset leaves the limit alone, larger values are ignored.
uint64_t lowered(uint64_t limit, uint64_t override_bytes) {
  return override_bytes != 0 && override_bytes < limit ? override_bytes : limit;
}

}  // namespace

Result<std::unique_ptr<Device>> Device::create(std::shared_ptr<Instance> instance, const DeviceOptions& options) {
  if (!instance) return Status(ErrorCode::InvalidArgument, "Device::create needs an Instance");
  LECTERN_ASSIGN_OR_RETURN(auto infos, query_physical_devices(*instance));
  std::optional<std::string> selector = options.selector ? options.selector : env_string("LECTERN_VK_DEVICE");
  LECTERN_ASSIGN_OR_RETURN(size_t chosen, select_device(infos, selector));
  LECTERN_ASSIGN_OR_RETURN(auto env_binding, env_bytes("LECTERN_VK_MAX_BINDING_BYTES"));
  LECTERN_ASSIGN_OR_RETURN(auto env_allocation, env_bytes("LECTERN_VK_MAX_ALLOCATION_BYTES"));

  std::unique_ptr<Device> self(new Device());
  self->instance_ = std::move(instance);
  self->info_ = std::move(infos[chosen]);
  self->options_ = options;
  const PhysicalDeviceInfo& info = self->info_;
  uint32_t api = std::min(info.api_version, self->instance_->api_version());
  bool api13 = VK_API_VERSION_MINOR(api) >= 3 || VK_API_VERSION_MAJOR(api) > 1;

  // Features: enable every optional one later kernels may use; the shader variant choice reads use_*().
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  VkPhysicalDeviceVulkan11Features v11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  VkPhysicalDeviceVulkan12Features v12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  VkPhysicalDeviceShaderIntegerDotProductFeatures dot{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_INTEGER_DOT_PRODUCT_FEATURES};
  VkPhysicalDeviceSubgroupSizeControlFeatures size_control{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES};
  features.pNext = &v11;
  v11.pNext = &v12;
  void** next = &v12.pNext;
  features.features.shaderInt16 = info.shader_int16;
  // With 16-bit storage disallowed the feature stays off, so validation catches a 16-bit shader used by mistake.
  self->use_16bit_storage_ = info.storage_buffer_16bit && options.allow_16bit_storage;
  v11.storageBuffer16BitAccess = self->use_16bit_storage_;
  v12.storageBuffer8BitAccess = info.storage_buffer_8bit;
  v12.shaderFloat16 = info.shader_float16;
  v12.shaderInt8 = info.shader_int8;
  self->use_subgroup_arithmetic_ = info.subgroup_arithmetic() && options.allow_subgroup_arithmetic;

  std::vector<const char*> extensions;
  if (info.integer_dot_product) {
    dot.shaderIntegerDotProduct = VK_TRUE;
    *next = &dot;
    next = &dot.pNext;
    if (!api13) extensions.push_back(VK_KHR_SHADER_INTEGER_DOT_PRODUCT_EXTENSION_NAME);
  }
  if (info.subgroup_size_control) {
    size_control.subgroupSizeControl = VK_TRUE;
    *next = &size_control;
    next = &size_control.pNext;
    if (!api13) extensions.push_back(VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
  }
  // Vulkan requires enabling VK_KHR_portability_subset wherever it is offered (MoltenVK).
  if (info.has_extension("VK_KHR_portability_subset")) extensions.push_back("VK_KHR_portability_subset");

  float priority = 1.0f;
  VkDeviceQueueCreateInfo queue_info{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue_info.queueFamilyIndex = info.compute_queue_family;
  queue_info.queueCount = 1;
  queue_info.pQueuePriorities = &priority;

  VkDeviceCreateInfo device_info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  device_info.pNext = &features;
  device_info.queueCreateInfoCount = 1;
  device_info.pQueueCreateInfos = &queue_info;
  device_info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  device_info.ppEnabledExtensionNames = extensions.data();
  LECTERN_VK_TRY(vkCreateDevice(info.handle, &device_info, nullptr, &self->device_),
                 "creating the Vulkan device on " + info.name);
  vkGetDeviceQueue(self->device_, info.compute_queue_family, 0, &self->queue_);

  DeviceLimits& limits = self->limits_;
  limits.max_binding_bytes = lowered(lowered(info.max_storage_buffer_range, options.max_binding_bytes),
                                     env_binding.value_or(0));
  limits.max_allocation_bytes = lowered(lowered(info.max_memory_allocation_size, options.max_allocation_bytes),
                                        env_allocation.value_or(0));
  limits.storage_offset_alignment = info.min_storage_buffer_offset_alignment;
  limits.non_coherent_atom_size = info.non_coherent_atom_size;
  limits.max_group_count = info.max_compute_work_group_count;
  limits.max_push_constants_bytes = info.max_push_constants_size;
  limits.max_shared_memory_bytes = info.max_compute_shared_memory_size;
  limits.max_workgroup_invocations = info.max_compute_work_group_invocations;
  limits.subgroup_size = info.subgroup_size;
  self->kernel_profile_ = options.kernel_profile != KernelProfile::Auto ? options.kernel_profile
                          : info.type == VK_PHYSICAL_DEVICE_TYPE_CPU  ? KernelProfile::Cpu
                                                                      : KernelProfile::Gpu;
  self->fence_timeout_ns_ = options.fence_timeout_ns != 0 ? options.fence_timeout_ns : k_default_fence_timeout_ns;

  LECTERN_ASSIGN_OR_RETURN(self->pipelines_, PipelineCache::create(*self));
  return self;
}

Device::~Device() {
  if (device_ != VK_NULL_HANDLE) vkDeviceWaitIdle(device_);
  pipelines_.reset();
  if (device_ != VK_NULL_HANDLE) vkDestroyDevice(device_, nullptr);
}

Status Device::submit(VkCommandBuffer command_buffer, VkFence fence, std::string_view what) const {
  VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &command_buffer;
  std::lock_guard lock(queue_mutex_);
  LECTERN_VK_TRY(vkQueueSubmit(queue_, 1, &submit, fence), "submitting " + std::string(what));
  return Status::ok();
}

Status Device::wait(VkFence fence, uint64_t timeout_ns, std::string_view what) const {
  uint64_t timeout = timeout_ns != 0 ? timeout_ns : fence_timeout_ns_;
  VkResult r = vkWaitForFences(device_, 1, &fence, VK_TRUE, timeout);
  if (r == VK_TIMEOUT) {
    return Status(ErrorCode::Timeout, "waiting for " + std::string(what) + " on " + info_.name + ": not finished after " +
                                          std::to_string(timeout / 1000000) + " ms (VK_TIMEOUT)");
  }
  LECTERN_VK_TRY(r, "waiting for " + std::string(what) + " on " + info_.name);
  return Status::ok();
}

void Device::note_device_local_alloc(uint64_t n_bytes) const {
  const uint64_t now = device_local_bytes_.fetch_add(n_bytes) + n_bytes;
  uint64_t peak = peak_device_local_bytes_.load();
  while (now > peak && !peak_device_local_bytes_.compare_exchange_weak(peak, now)) {
  }
}

}  // namespace lectern::vk
