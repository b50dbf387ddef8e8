// vk_test_support.h: shared pieces of the Vulkan and op tests: one instance and default device per test program,
// a fixture that fails (or, with LECTERN_SKIP_VULKAN_TESTS=1, skips) loudly without Vulkan and asserts zero
// validation messages after every test, seeded random data, dtype encoding, nmse, and one-line case reports.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "vk/buffer.h"
#include "vk/device.h"
#include "vk/env.h"
#include "vk/instance.h"
#include "vk/transfer.h"

namespace lectern::vk_test {

struct Context {
  std::shared_ptr<vk::Instance> instance;
  std::unique_ptr<vk::Device> device;
  std::unique_ptr<vk::Transfer> transfer;
  std::string error;  // why there is no device
  bool created = false;
};

inline Context& context() {
  static Context c;
  if (!c.created) {
    c.created = true;
    auto instance = vk::Instance::create();
    if (!instance) {
      c.error = instance.status().to_string();
      return c;
    }
    c.instance = *instance;
    if (!c.instance->validation_note().empty()) {
      std::printf("note: Vulkan validation requested but off: %s\n", c.instance->validation_note().c_str());
    }
    auto device = vk::Device::create(c.instance);
    if (!device) {
      c.error = device.status().to_string();
      return c;
    }
    c.device = std::move(device).value();
    auto transfer = vk::Transfer::create(*c.device);
    if (!transfer) {
      c.error = transfer.status().to_string();
      return c;
    }
    c.transfer = std::move(transfer).value();
  }
  return c;
}

inline vk::Device& device() { return *context().device; }
inline vk::Transfer& transfer() { return *context().transfer; }
inline vk::Instance& instance() { return *context().instance; }

// A second device with other options (forced fallbacks, lowered limits) on the shared instance, so its validation
// messages land in the same log.
inline std::unique_ptr<vk::Device> make_device(const vk::DeviceOptions& options) {
  auto d = vk::Device::create(context().instance, options);
  EXPECT_TRUE(d.is_ok()) << d.status().to_string();
  return d ? std::move(d).value() : nullptr;
}

inline std::unique_ptr<vk::Transfer> make_transfer(const vk::Device& d) {
  auto t = vk::Transfer::create(d);
  EXPECT_TRUE(t.is_ok()) << t.status().to_string();
  return t ? std::move(t).value() : nullptr;
}

// Fails the current test when validation recorded anything since the last check, and clears the log.
inline void expect_no_validation_messages() {
  Context& c = context();
  if (!c.instance) return;
  vk::ValidationLog& log = c.instance->validation_log();
  EXPECT_EQ(log.count(), 0u) << "Vulkan validation messages:\n" << log.joined();
  log.clear();
}

// Base fixture of every test that needs a device.
class VulkanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Context& c = context();
    if (!c.error.empty()) {
      if (vk::env_flag("LECTERN_SKIP_VULKAN_TESTS")) GTEST_SKIP() << "LECTERN_SKIP_VULKAN_TESTS=1 and no Vulkan: " << c.error;
      FAIL() << "no Vulkan device for this test (set LECTERN_SKIP_VULKAN_TESTS=1 to skip instead): " << c.error;
    }
  }
  void TearDown() override { expect_no_validation_messages(); }
};

// Destroys the shared device before exit and checks the messages its destruction produced (leaked objects).
class VulkanEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    Context& c = context();
    if (!c.instance) return;
    c.transfer.reset();
    c.device.reset();
    expect_no_validation_messages();
  }
};
inline const bool k_environment_registered = (::testing::AddGlobalTestEnvironment(new VulkanEnvironment), true);

// Uniform values in [lo, hi) from a fixed seed; the mapping from the engine's 64-bit output is spelled out so data
// is identical on every standard library.
inline std::vector<float> random_floats(size_t n, uint64_t seed, float lo = -1.0f, float hi = 1.0f) {
  std::mt19937_64 rng(seed);
  std::vector<float> v(n);
  for (auto& x : v) {
    double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    x = static_cast<float>(lo + (hi - lo) * u);
  }
  return v;
}

// Stores values as `dtype` (rounding to nearest even for 16-bit types).
inline std::vector<std::byte> encode(DType dtype, std::span<const float> values) {
  size_t elem = dtype == DType::F32 ? 4 : 2;
  std::vector<std::byte> out(values.size() * elem);
  for (size_t i = 0; i < values.size(); ++i) {
    if (dtype == DType::F32) {
      std::memcpy(out.data() + 4 * i, &values[i], 4);
    } else {
      uint16_t h = dtype == DType::F16 ? f32_to_f16(values[i]) : f32_to_bf16(values[i]);
      std::memcpy(out.data() + 2 * i, &h, 2);
    }
  }
  return out;
}

// Normalised mean squared error sum((a-b)^2) / sum(b^2); b is the reference. Plain sum of squares when b is zero.
inline double nmse(std::span<const float> a, std::span<const float> b) {
  if (a.size() != b.size()) return INFINITY;
  double num = 0.0;
  double den = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    double d = double(a[i]) - double(b[i]);
    num += d * d;
    den += double(b[i]) * double(b[i]);
    if (std::isnan(a[i]) != std::isnan(b[i])) return INFINITY;
  }
  return den > 0.0 ? num / den : num;
}

// Prints exactly one line for the case and checks it against the tolerance.
inline void report(const std::string& name, double error, double tolerance) {
  bool ok = error <= tolerance;
  std::printf("%s nmse=%.3g %s\n", name.c_str(), error, ok ? "ok" : "FAIL");
  std::fflush(stdout);
  EXPECT_LE(error, tolerance) << name;
}

inline vk::Buffer upload_floats(const vk::Device& d, vk::Transfer& t, std::span<const float> values,
                                const std::string& name) {
  auto b = vk::Buffer::create(d, values.size() * sizeof(float), vk::MemoryUsage::DeviceLocal, name);
  EXPECT_TRUE(b.is_ok()) << b.status().to_string();
  if (!b) return {};
  Status s = t.upload(*b, 0, values.data(), values.size() * sizeof(float));
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  return std::move(b).value();
}

inline vk::Buffer make_floats(const vk::Device& d, size_t n, const std::string& name) {
  auto b = vk::Buffer::create(d, n * sizeof(float), vk::MemoryUsage::DeviceLocal, name);
  EXPECT_TRUE(b.is_ok()) << b.status().to_string();
  return b ? std::move(b).value() : vk::Buffer();
}

inline std::vector<float> download_floats(vk::Transfer& t, const vk::Buffer& b, size_t n) {
  std::vector<float> out(n);
  Status s = t.download(b, 0, out.data(), n * sizeof(float));
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  return out;
}

// "[1024,7]"
inline std::string shape(std::initializer_list<uint64_t> dims) {
  std::string s = "[";
  for (uint64_t d : dims) {
    if (s.size() > 1) s += ',';
    s += std::to_string(d);
  }
  s += ']';
  return s;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    had_ = std::getenv(name) != nullptr;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_) ::setenv(name_.c_str(), old_.c_str(), 1);
    else ::unsetenv(name_.c_str());
  }

 private:
  std::string name_;
  std::string old_;
  bool had_ = false;
};

}  // namespace lectern::vk_test
