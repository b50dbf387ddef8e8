// cmd_devices.cpp: `lectern-cli devices [--json]`: every Vulkan device, its features and limits, and which one
// Lectern would use.
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "lectern/devices.h"

namespace {

std::string bytes_text(uint64_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024.0 && u < 4) {
    v /= 1024.0;
    ++u;
  }
  char text[48];
  if (v == static_cast<double>(static_cast<uint64_t>(v))) std::snprintf(text, sizeof text, "%.0f %s", v, units[u]);
  else std::snprintf(text, sizeof text, "%.2f %s", v, units[u]);
  return text;
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

nlohmann::json to_json(const lectern::DeviceDescription& d) {
  nlohmann::json heaps = nlohmann::json::array();
  for (const auto& h : d.memory_heaps) heaps.push_back({{"size_bytes", h.size_bytes}, {"device_local", h.device_local}});
  return {
      {"index", d.index},
      {"name", d.name},
      {"type", lectern::device_type_name(d.type)},
      {"vendor_id", d.vendor_id},
      {"device_id", d.device_id},
      {"driver_name", d.driver_name},
      {"driver_info", d.driver_info},
      {"api_version", d.api_version},
      {"usable", d.usable},
      {"unusable_reason", d.unusable_reason},
      {"selected", d.selected},
      {"memory_heaps", heaps},
      {"subgroup_size", d.subgroup_size},
      {"min_subgroup_size", d.min_subgroup_size},
      {"max_subgroup_size", d.max_subgroup_size},
      {"subgroup_arithmetic", d.subgroup_arithmetic},
      {"storage_buffer_16bit", d.storage_buffer_16bit},
      {"storage_buffer_8bit", d.storage_buffer_8bit},
      {"shader_float16", d.shader_float16},
      {"shader_int8", d.shader_int8},
      {"shader_int16", d.shader_int16},
      {"integer_dot_product", d.integer_dot_product},
      {"integer_dot_product_accelerated", d.integer_dot_product_accelerated},
      {"cooperative_matrix_khr", d.cooperative_matrix_khr},
      {"cooperative_matrix_nv", d.cooperative_matrix_nv},
      {"max_storage_buffer_range", d.max_storage_buffer_range},
      {"max_memory_allocation_size", d.max_memory_allocation_size},
      {"max_compute_workgroup_count",
       {d.max_compute_workgroup_count[0], d.max_compute_workgroup_count[1], d.max_compute_workgroup_count[2]}},
      {"max_compute_workgroup_size",
       {d.max_compute_workgroup_size[0], d.max_compute_workgroup_size[1], d.max_compute_workgroup_size[2]}},
      {"max_compute_workgroup_invocations", d.max_compute_workgroup_invocations},
      {"max_compute_shared_memory_bytes", d.max_compute_shared_memory_bytes},
      {"max_push_constants_bytes", d.max_push_constants_bytes},
      {"timestamps", d.timestamps},
      {"timestamp_period_ns", d.timestamp_period_ns},
  };
}

void print_row(const char* key, const std::string& value) { std::printf("      %-21s %s\n", key, value.c_str()); }

void print_table(const std::vector<lectern::DeviceDescription>& devices) {
  std::printf("Vulkan devices (* = the one Lectern uses; LECTERN_VK_DEVICE=<index or name part> picks another)\n");
  for (const auto& d : devices) {
    std::printf("\n%s %u  %s\n", d.selected ? "*" : " ", d.index, d.name.c_str());
    print_row("type", lectern::device_type_name(d.type));
    if (!d.usable) print_row("usable", "no: " + d.unusable_reason);
    print_row("driver", d.driver_name.empty() ? "?" : d.driver_name + (d.driver_info.empty() ? "" : ": " + d.driver_info));
    print_row("Vulkan", d.api_version);
    char ids[64];
    std::snprintf(ids, sizeof ids, "0x%04x / 0x%04x", d.vendor_id, d.device_id);
    print_row("vendor / device id", ids);
    std::string heaps;
    for (const auto& h : d.memory_heaps) {
      if (!heaps.empty()) heaps += ", ";
      heaps += bytes_text(h.size_bytes) + (h.device_local ? " device-local" : " host");
    }
    print_row("memory heaps", heaps);
    print_row("subgroup size", std::to_string(d.subgroup_size) + " (" + std::to_string(d.min_subgroup_size) + ".." +
                                   std::to_string(d.max_subgroup_size) + "), arithmetic " +
                                   yes_no(d.subgroup_arithmetic));
    print_row("16-bit", std::string("storage ") + yes_no(d.storage_buffer_16bit) + ", float16 arithmetic " +
                            yes_no(d.shader_float16) + ", int16 " + yes_no(d.shader_int16));
    print_row("8-bit", std::string("storage ") + yes_no(d.storage_buffer_8bit) + ", int8 arithmetic " +
                           yes_no(d.shader_int8));
    print_row("integer dot product", std::string(yes_no(d.integer_dot_product)) +
                                         (d.integer_dot_product ? (d.integer_dot_product_accelerated
                                                                       ? " (accelerated)"
                                                                       : " (not accelerated)")
                                                                : ""));
    std::string coop = d.cooperative_matrix_khr ? "KHR" : "";
    if (d.cooperative_matrix_nv) coop += coop.empty() ? "NV" : ", NV";
    print_row("cooperative matrix", coop.empty() ? "no" : coop);
    print_row("max binding", bytes_text(d.max_storage_buffer_range) + " (maxStorageBufferRange)");
    print_row("max allocation", bytes_text(d.max_memory_allocation_size) + " (maxMemoryAllocationSize)");
    char groups[160];
    std::snprintf(groups, sizeof groups, "count %u x %u x %u, size %u x %u x %u, %u invocations",
                  d.max_compute_workgroup_count[0], d.max_compute_workgroup_count[1], d.max_compute_workgroup_count[2],
                  d.max_compute_workgroup_size[0], d.max_compute_workgroup_size[1], d.max_compute_workgroup_size[2],
                  d.max_compute_workgroup_invocations);
    print_row("workgroups", groups);
    print_row("shared memory", bytes_text(d.max_compute_shared_memory_bytes));
    print_row("push constants", bytes_text(d.max_push_constants_bytes));
    char ts[64];
    std::snprintf(ts, sizeof ts, "yes (%g ns per tick)", static_cast<double>(d.timestamp_period_ns));
    print_row("timestamps", d.timestamps ? ts : "no");
  }
}

int run_devices(const std::vector<std::string>& args) {
  bool json = false;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "--help" || a == "-h") {
      std::printf("Usage: lectern-cli devices [--json]\n\nLists every Vulkan device, its features and limits, and marks "
                  "the one Lectern uses\n(LECTERN_VK_DEVICE=<index or name part> picks another).\n");
      return 0;
    } else {
      std::fprintf(stderr, "lectern-cli devices: unknown argument '%s'\nUsage: lectern-cli devices [--json]\n",
                   a.c_str());
      return 2;
    }
  }
  auto devices = lectern::list_devices();
  if (!devices) {
    std::fprintf(stderr, "lectern-cli devices: %s\n", devices.status().message().c_str());
    return 1;
  }
  if (json) {
    nlohmann::json out = {{"devices", nlohmann::json::array()}};
    for (const auto& d : *devices) out["devices"].push_back(to_json(d));
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    print_table(*devices);
  }
  return 0;
}

}  // namespace

LECTERN_CLI_COMMAND(devices, "list Vulkan devices, their features and limits, and the one Lectern uses", run_devices);
