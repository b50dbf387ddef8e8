// instance.h: the Vulkan instance, optionally with the Khronos validation layer and a debug messenger that
// records every warning and error so tests can assert there were none.
#pragma once

#include <vulkan/vulkan.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::vk {

// Thread-safe record of validation-layer (and loader) warnings and errors.
class ValidationLog {
 public:
  void record(std::string message);
  size_t count() const;
  std::vector<std::string> messages() const;  // the first k_max_kept messages, in arrival order
  void clear();
  // Every kept message on its own line, for test failure output.
  std::string joined() const;

  static constexpr size_t k_max_kept = 256;

 private:
  mutable std::mutex mutex_;
  size_t count_ = 0;
  std::vector<std::string> messages_;
};

struct InstanceOptions {
  // nullopt: on when the environment variable LECTERN_VK_VALIDATION is set to 1. Validation is enabled only when
  // VK_LAYER_KHRONOS_validation is installed; otherwise the instance is created without it (see validation_enabled()).
  std::optional<bool> validation;
  // With validation: also run synchronization validation, which checks every barrier decision we make.
  bool synchronization_validation = true;
};

class Instance {
 public:
  static Result<std::shared_ptr<Instance>> create(const InstanceOptions& options = {});
  ~Instance();
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  VkInstance handle() const { return instance_; }
  uint32_t api_version() const { return api_version_; }  // the version the instance was created for
  bool validation_enabled() const { return validation_enabled_; }
  // Why validation is off although it was requested ("" when on or not requested).
  const std::string& validation_note() const { return validation_note_; }
  ValidationLog& validation_log() { return *log_; }

  // Every physical device the loader reports, in its order. NoDevice with install advice when there is none.
  Result<std::vector<VkPhysicalDevice>> physical_devices() const;

 private:
  Instance() = default;

  VkInstance instance_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
  uint32_t api_version_ = 0;
  bool validation_enabled_ = false;
  std::string validation_note_;
  std::unique_ptr<ValidationLog> log_ = std::make_unique<ValidationLog>();
};

// The message users see when there is no Vulkan driver at all.
extern const char* const k_no_driver_message;

}  // namespace lectern::vk
