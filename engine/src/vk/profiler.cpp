// profiler.cpp: timestamp query pools (grown in fixed-size pools as commands are recorded) and their readback.
#include "vk/profiler.h"

#include <algorithm>

#include "vk/device.h"
#include "vk/vk_result.h"

namespace lectern::vk {

Result<std::unique_ptr<Profiler>> Profiler::create(const Device& device) {
  if (device.info().timestamp_valid_bits == 0 || device.info().timestamp_period <= 0.0f) {
    return Status(ErrorCode::Unsupported, device.info().name + " has no timestamps on its compute queue; profile on "
                                                               "another device or without GPU timings");
  }
  return std::unique_ptr<Profiler>(new Profiler(device));
}

Profiler::~Profiler() {
  for (VkQueryPool pool : pools_) vkDestroyQueryPool(device_.handle(), pool, nullptr);
}

Status Profiler::begin(VkCommandBuffer cb) {
  n_queries_ = 0;
  labels_.clear();
  return write_timestamp(cb);
}

Status Profiler::write_timestamp(VkCommandBuffer cb) {
  uint32_t pool_index = n_queries_ / k_pool_queries;
  uint32_t query = n_queries_ % k_pool_queries;
  if (pool_index == pools_.size()) {
    VkQueryPoolCreateInfo info{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
    info.queryType = VK_QUERY_TYPE_TIMESTAMP;
    info.queryCount = k_pool_queries;
    VkQueryPool pool = VK_NULL_HANDLE;
    LECTERN_VK_TRY(vkCreateQueryPool(device_.handle(), &info, nullptr, &pool), "creating a timestamp query pool");
    pools_.push_back(pool);
  }
  // Queries must be reset before they are written; each pool is reset when this recording first uses it.
  if (query == 0) vkCmdResetQueryPool(cb, pools_[pool_index], 0, k_pool_queries);
  // BOTTOM_OF_PIPE: the timestamp is taken once every earlier command has finished.
  vkCmdWriteTimestamp(cb, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pools_[pool_index], query);
  ++n_queries_;
  return Status::ok();
}

Status Profiler::mark(VkCommandBuffer cb, std::string label) {
  LECTERN_TRY(write_timestamp(cb));
  labels_.push_back(std::move(label));
  return Status::ok();
}

Result<std::vector<CommandTiming>> Profiler::read() const {
  std::vector<uint64_t> ticks(n_queries_);
  for (uint32_t first = 0; first < n_queries_; first += k_pool_queries) {
    uint32_t count = std::min(k_pool_queries, n_queries_ - first);
    LECTERN_VK_TRY(vkGetQueryPoolResults(device_.handle(), pools_[first / k_pool_queries], 0, count,
                                         count * sizeof(uint64_t), ticks.data() + first, sizeof(uint64_t),
                                         VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT),
                   "reading GPU timestamps");
  }
  uint32_t bits = device_.info().timestamp_valid_bits;
  uint64_t mask = bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
  double period = device_.info().timestamp_period;
  std::vector<CommandTiming> timings;
  if (ticks.empty()) return timings;
  uint64_t origin = ticks[0] & mask;
  // Differences modulo 2^bits survive a counter wrap-around during the recording.
  auto at = [&](uint32_t i) { return static_cast<double>(((ticks[i] & mask) - origin) & mask) * period; };
  for (uint32_t i = 1; i < n_queries_; ++i) timings.push_back({labels_[i - 1], at(i - 1), at(i)});
  return timings;
}

}  // namespace lectern::vk
