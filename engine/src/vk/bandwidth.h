// bandwidth.h: measures how fast a Vulkan device moves memory: a device-local to device-local vkCmdCopyBuffer and a
// compute shader that reads a buffer once (bandwidth_read.comp); what `lectern-cli bench --bandwidth` reports.
#pragma once

#include <cstdint>
#include <string>

#include "lectern/status.h"

namespace lectern::vk {

class Device;

struct BandwidthOptions {
  uint64_t n_bytes = 256ull << 20;  // size of the source buffer (lowered to the device's largest allocation)
  int32_t n_repeats = 10;           // timed runs of each test after one warm-up run
};

// One test's throughput over the timed runs, in GB/s (1e9 bytes per second).
struct BandwidthStat {
  double best_gbps = 0;
  double mean_gbps = 0;
  double best_ms = 0;  // the fastest run
};

struct BandwidthResult {
  std::string device_name;
  uint64_t n_bytes = 0;  // bytes each run reads
  int32_t n_repeats = 0;
  bool gpu_timestamps = false;  // false: host wall time around submit + wait (includes submission overhead)
  // vkCmdCopyBuffer of n_bytes: counted as 2 * n_bytes of traffic (read + write), as memory-bandwidth tools do.
  BandwidthStat copy;
  // bandwidth_read.comp over n_bytes: n_bytes of reads (what decoding a token needs: every weight read once).
  BandwidthStat read;
};

// InvalidArgument when n_bytes < 1 MiB or n_repeats < 1; OutOfDeviceMemory when the buffers do not fit.
Result<BandwidthResult> measure_bandwidth(Device& device, const BandwidthOptions& options = {});

}  // namespace lectern::vk
