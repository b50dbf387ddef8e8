// model_test_support.h: helpers shared by the model-file tests: golden paths, unique temp dirs, byte-level file
// mutation, and running lectern-cli.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace lectern::testing {

inline std::filesystem::path golden_dir() { return std::filesystem::path(LECTERN_GOLDEN_DIR); }

// Path of a golden file; fails the test (with the reason) when the reference data is not beside the checkout.
inline std::string golden_path(const std::string& rel) {
  auto p = golden_dir() / rel;
  if (!std::filesystem::exists(p))
    ADD_FAILURE() << "golden file missing: " << p << " (../shared/golden must sit beside the checkout)";
  return p.string();
}

// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("lectern-model-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
}

// Position of the first occurrence of `needle` in `bytes` (npos when absent).
inline size_t find_bytes(const std::vector<uint8_t>& bytes, const std::string& needle, size_t from = 0) {
  if (needle.empty() || bytes.size() < needle.size()) return std::string::npos;
  for (size_t i = from; i + needle.size() <= bytes.size(); ++i)
    if (std::memcmp(bytes.data() + i, needle.data(), needle.size()) == 0) return i;
  return std::string::npos;
}

template <typename T>
void poke(std::vector<uint8_t>& bytes, size_t at, T value) {
  ASSERT_LE(at + sizeof(T), bytes.size());
  std::memcpy(bytes.data() + at, &value, sizeof(T));
}

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs lectern-cli with the given argument string (already shell-quoted where needed).
inline CliResult run_cli(const std::string& args) {
  CliResult r;
  std::string cmd = std::string("'") + LECTERN_CLI_PATH + "' " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Writes a tiny random-weight GGUF with `lectern-cli make-test-model` into `dir` once; empty path (and a test
// failure) when that fails.
inline std::string make_tiny_gguf(const TempDir& dir, const std::string& type, int seed) {
  const std::string p = dir.file("tiny-" + type + ".gguf");
  const CliResult r = run_cli("make-test-model --shape tiny --format gguf --type " + type + " --seed " +
                              std::to_string(seed) + " --out '" + p + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.exit_code == 0 ? p : std::string();
}

}  // namespace lectern::testing
