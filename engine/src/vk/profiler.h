// profiler.h: optional GPU timestamps around each recorded command, converted to nanoseconds with the device's
// timestampPeriod, for `lectern-cli bench` and kernel tuning.
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::vk {

class Device;

struct CommandTiming {
  std::string label;   // pipeline name and group counts, or "copy <n> bytes"
  double start_ns = 0;  // relative to the start of the command buffer
  double end_ns = 0;
  double duration_ns() const { return end_ns - start_ns; }
};

class Profiler {
 public:
  // Unsupported when the compute queue has no timestamps (timestampValidBits == 0).
  static Result<std::unique_ptr<Profiler>> create(const Device& device);
  ~Profiler();
  Profiler(const Profiler&) = delete;
  Profiler& operator=(const Profiler&) = delete;

  // Starts a new recording: resets and writes the reference timestamp.
  Status begin(VkCommandBuffer cb);
  // Timestamp after the command just recorded (written once all earlier commands have completed).
  Status mark(VkCommandBuffer cb, std::string label);
  // After the command buffer has completed.
  Result<std::vector<CommandTiming>> read() const;

 private:
  explicit Profiler(const Device& device) : device_(device) {}
  Status write_timestamp(VkCommandBuffer cb);

  static constexpr uint32_t k_pool_queries = 512;
  const Device& device_;
  std::vector<VkQueryPool> pools_;
  uint32_t n_queries_ = 0;  // written in the current recording
  std::vector<std::string> labels_;
};

}  // namespace lectern::vk
