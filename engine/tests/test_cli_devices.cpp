// test_cli_devices.cpp: `lectern-cli devices --json` end to end: valid JSON, one selected device, and lavapipe's
// limits reported as the driver states them.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "vk/env.h"

namespace {

struct Output {
  int exit_code = -1;
  std::string text;
};

Output run(const std::string& command) {
  Output out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.text.append(buffer.data(), n);
  int status = ::pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace

TEST(CliDevices, JsonListsDevicesAndLimits) {
  Output out = run(std::string("'") + LECTERN_CLI_PATH + "' devices --json 2>&1");
  if (out.exit_code != 0 && lectern::vk::env_flag("LECTERN_SKIP_VULKAN_TESTS")) {
    GTEST_SKIP() << "LECTERN_SKIP_VULKAN_TESTS=1 and lectern-cli devices failed: " << out.text;
  }
  ASSERT_EQ(out.exit_code, 0) << out.text;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out.text);
  } catch (const nlohmann::json::exception& e) {
    FAIL() << "not JSON (" << e.what() << "):\n" << out.text;
  }
  ASSERT_TRUE(j.contains("devices") && j["devices"].is_array()) << out.text;
  ASSERT_FALSE(j["devices"].empty());
  int selected = 0;
  bool saw_llvmpipe = false;
  for (const auto& d : j["devices"]) {
    for (const char* key : {"name", "type", "driver_name", "api_version", "memory_heaps", "subgroup_size",
                            "storage_buffer_16bit", "shader_float16", "storage_buffer_8bit", "shader_int8",
                            "integer_dot_product", "cooperative_matrix_khr", "max_storage_buffer_range",
                            "max_memory_allocation_size", "selected", "usable"}) {
      EXPECT_TRUE(d.contains(key)) << key << " missing in " << d.dump();
    }
    selected += d.value("selected", false) ? 1 : 0;
    std::string name = d.value("name", "");
    if (name.find("llvmpipe") != std::string::npos) {
      saw_llvmpipe = true;
      EXPECT_EQ(d["max_storage_buffer_range"].get<uint64_t>(), 128ull << 20) << d.dump();
      EXPECT_EQ(d["max_memory_allocation_size"].get<uint64_t>(), 2ull << 30) << d.dump();
      EXPECT_EQ(d["type"], "CPU");
      EXPECT_EQ(d["subgroup_size"], 8);
    }
  }
  EXPECT_EQ(selected, 1) << out.text;
  std::printf("devices: %zu, llvmpipe present: %s\n", j["devices"].size(), saw_llvmpipe ? "yes" : "no");
}

TEST(CliDevices, TableAndErrors) {
  Output table = run(std::string("'") + LECTERN_CLI_PATH + "' devices 2>&1");
  if (table.exit_code != 0 && lectern::vk::env_flag("LECTERN_SKIP_VULKAN_TESTS")) GTEST_SKIP() << table.text;
  ASSERT_EQ(table.exit_code, 0) << table.text;
  EXPECT_NE(table.text.find("max binding"), std::string::npos) << table.text;
  EXPECT_NE(table.text.find("\n* "), std::string::npos) << "no device marked as selected:\n" << table.text;

  Output bad = run(std::string("'") + LECTERN_CLI_PATH + "' devices --jsn 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.text;
  EXPECT_NE(bad.text.find("Usage: lectern-cli devices"), std::string::npos) << bad.text;

  Output nomatch = run(std::string("LECTERN_VK_DEVICE=no-such-gpu-xyz '") + LECTERN_CLI_PATH + "' devices 2>&1");
  EXPECT_EQ(nomatch.exit_code, 1) << nomatch.text;
  EXPECT_NE(nomatch.text.find("lectern-cli devices: LECTERN_VK_DEVICE='no-such-gpu-xyz' matches no Vulkan device"),
            std::string::npos)
      << nomatch.text;

  // No driver at all: point the loader at an empty ICD list.
  Output none = run(std::string("VK_ICD_FILENAMES=/nonexistent.json VK_DRIVER_FILES=/nonexistent.json '") +
                    LECTERN_CLI_PATH + "' devices 2>&1");
  EXPECT_EQ(none.exit_code, 1) << none.text;
  EXPECT_NE(none.text.find("no Vulkan driver found: install a GPU driver, or Mesa's CPU driver with `sudo apt "
                           "install mesa-vulkan-drivers`"),
            std::string::npos)
      << none.text;
}
