// bandwidth.cpp: timed device copies and read-kernel dispatches for measure_bandwidth().
#include "vk/bandwidth.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <vector>

#include "vk/buffer.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::vk {
namespace {

constexpr uint64_t k_min_bytes = 1ull << 20;
constexpr uint32_t k_vec4_per_group = 4096;  // 64 KiB read by each workgroup of bandwidth_read

struct ReadPush {
  uint32_t n_vec4;
  uint32_t vec4_per_wg;
};

// Seconds one recorded run took: GPU time from the first command's start to the last one's end when the sequence
// profiles, else host wall time around submit + wait.
Result<double> time_run(Sequence& seq, const std::function<Status(Sequence&)>& record, bool gpu_timestamps) {
  LECTERN_TRY(record(seq));
  const auto t0 = std::chrono::steady_clock::now();
  LECTERN_TRY(seq.run());
  const auto t1 = std::chrono::steady_clock::now();
  if (!gpu_timestamps) return std::chrono::duration<double>(t1 - t0).count();
  LECTERN_ASSIGN_OR_RETURN(std::vector<CommandTiming> timings, seq.timings());
  if (timings.empty()) return Status(ErrorCode::Internal, "the bandwidth run recorded no timestamps");
  double start = timings.front().start_ns, end = timings.front().end_ns;
  for (const CommandTiming& t : timings) {
    start = std::min(start, t.start_ns);
    end = std::max(end, t.end_ns);
  }
  return std::max(end - start, 1.0) * 1e-9;
}

Result<BandwidthStat> repeat(Sequence& seq, const std::function<Status(Sequence&)>& record, bool gpu_timestamps,
                             int32_t n_repeats, double bytes_per_run) {
  LECTERN_TRY(time_run(seq, record, gpu_timestamps).status());  // warm-up: first-touch page faults, pipeline setup
  BandwidthStat stat;
  double sum_gbps = 0;
  for (int32_t i = 0; i < n_repeats; ++i) {
    LECTERN_ASSIGN_OR_RETURN(double seconds, time_run(seq, record, gpu_timestamps));
    const double gbps = bytes_per_run / seconds * 1e-9;
    sum_gbps += gbps;
    if (gbps > stat.best_gbps) {
      stat.best_gbps = gbps;
      stat.best_ms = seconds * 1e3;
    }
  }
  stat.mean_gbps = sum_gbps / n_repeats;
  return stat;
}

}  // namespace

Result<BandwidthResult> measure_bandwidth(Device& device, const BandwidthOptions& options) {
  if (options.n_repeats < 1) return Status(ErrorCode::InvalidArgument, "bandwidth repeats must be at least 1");
  if (options.n_bytes < k_min_bytes)
    return Status(ErrorCode::InvalidArgument, "bandwidth test size must be at least 1 MiB; pass a larger --size");
  const DeviceLimits& limits = device.limits();
  // Whole 64 KiB blocks, at most one allocation.
  const uint64_t block = uint64_t(k_vec4_per_group) * 16;
  const uint64_t n_bytes = std::min(options.n_bytes, limits.max_allocation_bytes) / block * block;
  // The read kernel binds at most this much per dispatch (and indexes it with 32-bit counts).
  // Chunks are whole multiples of 64 blocks where possible, so the per-chunk sums offsets stay aligned.
  uint64_t chunk_bytes = std::min<uint64_t>({limits.max_binding_bytes, 1ull << 30, n_bytes});
  chunk_bytes = chunk_bytes >= 64 * block ? chunk_bytes / (64 * block) * (64 * block) : chunk_bytes / block * block;
  if (n_bytes < k_min_bytes || chunk_bytes == 0)
    return Status(ErrorCode::Unsupported, device.info().name + " allows too small buffers for a bandwidth test");
  const uint64_t n_chunks = (n_bytes + chunk_bytes - 1) / chunk_bytes;
  const uint64_t n_groups_total = n_bytes / block;

  LECTERN_ASSIGN_OR_RETURN(Buffer src, Buffer::create(device, n_bytes, MemoryUsage::DeviceLocal, "bandwidth source"));
  LECTERN_ASSIGN_OR_RETURN(Buffer dst, Buffer::create(device, n_bytes, MemoryUsage::DeviceLocal, "bandwidth copy"));
  LECTERN_ASSIGN_OR_RETURN(Buffer sums, Buffer::create(device, n_groups_total * 4, MemoryUsage::DeviceLocal,
                                                       "bandwidth read sums"));

  BandwidthResult result;
  result.device_name = device.info().name;
  result.n_bytes = n_bytes;
  result.n_repeats = options.n_repeats;

  SequenceOptions so;
  so.name = "bandwidth test";
  so.profile = true;
  auto profiled = Sequence::create(device, so);
  std::unique_ptr<Sequence> seq;
  if (profiled.is_ok()) {
    seq = std::move(profiled).value();
    result.gpu_timestamps = true;
  } else if (profiled.status().code() == ErrorCode::Unsupported) {
    so.profile = false;
    LECTERN_ASSIGN_OR_RETURN(seq, Sequence::create(device, so));
  } else {
    return profiled.status();
  }

  auto record_copy = [&](Sequence& s) { return s.copy(src.whole(), dst.whole()); };
  LECTERN_ASSIGN_OR_RETURN(result.copy, repeat(*seq, record_copy, result.gpu_timestamps, options.n_repeats,
                                               2.0 * double(n_bytes)));

  // One subgroup per workgroup on CPU drivers (barriers between subgroups are expensive there), 256 elsewhere.
  const uint32_t wg_size = device.kernel_profile() == KernelProfile::Cpu
                               ? std::clamp<uint32_t>(limits.subgroup_size, 4, 256)
                               : std::min<uint32_t>(256, limits.max_workgroup_invocations);
  const std::array<uint32_t, 1> spec{wg_size};
  LECTERN_ASSIGN_OR_RETURN(const Pipeline* pipeline,
                           device.pipelines().get({"bandwidth_read", 2, sizeof(ReadPush), spec}));
  auto record_read = [&](Sequence& s) -> Status {
    for (uint64_t c = 0; c < n_chunks; ++c) {
      const uint64_t offset = c * chunk_bytes;
      const uint64_t size = std::min(chunk_bytes, n_bytes - offset);
      const uint64_t n_groups = size / block;
      const std::array<Binding, 2> bindings{
          Binding{src.slice(offset, size), Access::Read},
          Binding{sums.slice(offset / block * 4, n_groups * 4), Access::Write}};
      const ReadPush push{uint32_t(size / 16), k_vec4_per_group};
      LECTERN_TRY(s.dispatch(*pipeline, bindings, push, split_groups(n_groups, limits.max_group_count)));
    }
    return Status::ok();
  };
  if (n_groups_total / n_chunks > limits.max_group_count[0])
    return Status(ErrorCode::Unsupported, "bandwidth test: too many workgroups for one dispatch; pass a smaller --size");
  LECTERN_ASSIGN_OR_RETURN(result.read, repeat(*seq, record_read, result.gpu_timestamps, options.n_repeats,
                                               double(n_bytes)));
  return result;
}

}  // namespace lectern::vk
