// vk_result.cpp: VkResult names, error codes and the advice attached to each failure.
#include "vk/vk_result.h"

#include <string>

namespace lectern::vk {

const char* vk_result_name(VkResult result) {
  switch (result) {
#define LECTERN_VK_CASE(name) \
  case name: return #name;
    LECTERN_VK_CASE(VK_SUCCESS)
    LECTERN_VK_CASE(VK_NOT_READY)
    LECTERN_VK_CASE(VK_TIMEOUT)
    LECTERN_VK_CASE(VK_EVENT_SET)
    LECTERN_VK_CASE(VK_EVENT_RESET)
    LECTERN_VK_CASE(VK_INCOMPLETE)
    LECTERN_VK_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
    LECTERN_VK_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    LECTERN_VK_CASE(VK_ERROR_INITIALIZATION_FAILED)
    LECTERN_VK_CASE(VK_ERROR_DEVICE_LOST)
    LECTERN_VK_CASE(VK_ERROR_MEMORY_MAP_FAILED)
    LECTERN_VK_CASE(VK_ERROR_LAYER_NOT_PRESENT)
    LECTERN_VK_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
    LECTERN_VK_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
    LECTERN_VK_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
    LECTERN_VK_CASE(VK_ERROR_TOO_MANY_OBJECTS)
    LECTERN_VK_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
    LECTERN_VK_CASE(VK_ERROR_FRAGMENTED_POOL)
    LECTERN_VK_CASE(VK_ERROR_UNKNOWN)
    LECTERN_VK_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
    LECTERN_VK_CASE(VK_ERROR_INVALID_EXTERNAL_HANDLE)
    LECTERN_VK_CASE(VK_ERROR_FRAGMENTATION)
    LECTERN_VK_CASE(VK_ERROR_INVALID_OPAQUE_CAPTURE_ADDRESS)
    LECTERN_VK_CASE(VK_PIPELINE_COMPILE_REQUIRED)
    LECTERN_VK_CASE(VK_ERROR_VALIDATION_FAILED_EXT)
    LECTERN_VK_CASE(VK_ERROR_INVALID_SHADER_NV)
    LECTERN_VK_CASE(VK_ERROR_NOT_PERMITTED_KHR)
#undef LECTERN_VK_CASE
    default: break;
  }
  static thread_local std::string unknown;
  unknown = "VkResult(" + std::to_string(static_cast<int>(result)) + ")";
  return unknown.c_str();
}

ErrorCode error_code_for(VkResult result) {
  switch (result) {
    case VK_SUCCESS: return ErrorCode::Ok;
    case VK_TIMEOUT: return ErrorCode::Timeout;
    case VK_ERROR_OUT_OF_HOST_MEMORY: return ErrorCode::OutOfHostMemory;
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
    case VK_ERROR_FRAGMENTATION:
    case VK_ERROR_TOO_MANY_OBJECTS: return ErrorCode::OutOfDeviceMemory;
    case VK_ERROR_DEVICE_LOST: return ErrorCode::DeviceLost;
    case VK_ERROR_INCOMPATIBLE_DRIVER:
    case VK_ERROR_INITIALIZATION_FAILED: return ErrorCode::NoDevice;
    case VK_ERROR_LAYER_NOT_PRESENT:
    case VK_ERROR_EXTENSION_NOT_PRESENT:
    case VK_ERROR_FEATURE_NOT_PRESENT:
    case VK_ERROR_FORMAT_NOT_SUPPORTED: return ErrorCode::Unsupported;
    default: return ErrorCode::Internal;
  }
}

// What the user (or the calling code) can do about each kind of failure.
static const char* advice_for(VkResult result) {
  switch (result) {
    case VK_TIMEOUT:
      return "the GPU did not finish in time: the device may be hung or far too slow for this workload";
    case VK_ERROR_OUT_OF_HOST_MEMORY: return "the system is out of memory: close other programs or use a smaller model";
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
    case VK_ERROR_FRAGMENTATION:
      return "the GPU is out of memory: close other GPU programs, or use a smaller model, a smaller quantisation or a "
             "shorter context";
    case VK_ERROR_TOO_MANY_OBJECTS: return "the driver's limit on allocations was reached";
    case VK_ERROR_DEVICE_LOST:
      return "the GPU driver reset or crashed; restart Lectern, and if it repeats update the GPU driver or choose "
             "another device with LECTERN_VK_DEVICE";
    case VK_ERROR_INCOMPATIBLE_DRIVER:
    case VK_ERROR_INITIALIZATION_FAILED:
      return "no usable Vulkan driver: install a GPU driver, or Mesa's CPU driver with `sudo apt install "
             "mesa-vulkan-drivers`";
    case VK_ERROR_LAYER_NOT_PRESENT: return "a requested Vulkan layer is not installed";
    case VK_ERROR_EXTENSION_NOT_PRESENT:
    case VK_ERROR_FEATURE_NOT_PRESENT: return "the driver lacks a required Vulkan extension or feature";
    default: return nullptr;
  }
}

Status vk_status(VkResult result, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += vk_result_name(result);
  if (const char* advice = advice_for(result)) {
    message += " (";
    message += advice;
    message += ")";
  }
  return Status(error_code_for(result), std::move(message));
}

}  // namespace lectern::vk
