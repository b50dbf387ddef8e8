// vk_result.h: VkResult names and the mapping of Vulkan failures onto engine Status values.
#pragma once

#include <vulkan/vulkan.h>

#include <string_view>

#include "lectern/status.h"

namespace lectern::vk {

// "VK_ERROR_DEVICE_LOST"; "VkResult(<n>)" for values this header does not know.
const char* vk_result_name(VkResult result);

// OutOfDeviceMemory, DeviceLost, Timeout, NoDevice, ... so callers can react to the kind of failure.
ErrorCode error_code_for(VkResult result);

// "<what>: VK_ERROR_OUT_OF_DEVICE_MEMORY (the GPU is out of memory: ...)"; `what` says what was attempted.
Status vk_status(VkResult result, std::string_view what);

}  // namespace lectern::vk

// Returns a Status from the enclosing function when a Vulkan call does not return VK_SUCCESS.
#define LECTERN_VK_TRY(call, what)                                                     \
  do {                                                                                 \
    VkResult lectern_vk_result_ = (call);                                              \
    if (lectern_vk_result_ != VK_SUCCESS) return ::lectern::vk::vk_status(lectern_vk_result_, what); \
  } while (0)
