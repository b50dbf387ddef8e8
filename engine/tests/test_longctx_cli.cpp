// test_longctx_cli.cpp: `lectern-cli longctx`: the per-chunk curve, decode at depth and memory in the JSON report
// (the `long` test model on the CPU reference and on Vulkan), the --needle prompt on the tiny model (random
// weights: it runs and reports the hidden number; finding it needs real weights), and usage errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model_test_support.h"

using namespace lectern::testing;

namespace {

nlohmann::json run_json(const std::string& args) {
  const CliResult r = run_cli("longctx " + args + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const size_t brace = r.output.find('{');  // warnings or notes may come first on stderr
  if (brace == std::string::npos) return {};
  return nlohmann::json::parse(r.output.substr(brace), nullptr, false);
}

}  // namespace

TEST(LongctxCli, ReportsChunksDecodeAndMemory) {
  TempDir dir;
  const std::string model = dir.file("long.gguf");
  ASSERT_EQ(run_cli("make-test-model --shape long --format gguf --type f32 --seed 3 --out '" + model + "'").exit_code,
            0);
  for (const char* device : {"cpu", "vulkan"}) {
    const nlohmann::json j = run_json("'" + model + "' --tokens 700 --batch 256 --gen 3 --device " + device);
    ASSERT_TRUE(j.is_object()) << device;
    EXPECT_EQ(j["backend"], device);
    EXPECT_EQ(j["n_prompt"], 700);
    EXPECT_EQ(j["n_ctx"], 703);
    EXPECT_EQ(j["n_gen"], 3);
    EXPECT_GT(j["gen_tokens_per_s"].get<double>(), 0.0);
    // Chunks of 256, 256, 188 tokens ending at these positions.
    ASSERT_EQ(j["chunks"].size(), 3u) << device;
    EXPECT_EQ(j["chunks"][0]["end"], 256);
    EXPECT_EQ(j["chunks"][2]["end"], 700);
    EXPECT_GT(j["planned_bytes"].get<uint64_t>(), j["weight_bytes"].get<uint64_t>());
    if (std::string(device) == "vulkan") EXPECT_GT(j["peak_device_bytes"].get<uint64_t>(), 0u);
  }
}

TEST(LongctxCli, NeedleRunsOnRandomWeights) {
  TempDir dir;
  const std::string model = make_tiny_gguf(dir, "f32", 4);
  ASSERT_FALSE(model.empty());
  const nlohmann::json j = run_json("'" + model + "' --tokens 400 --needle --seed 9 --device cpu --gen 2");
  ASSERT_TRUE(j.is_object());
  EXPECT_LE(j["n_prompt"].get<int64_t>(), 400);
  EXPECT_GT(j["n_prompt"].get<int64_t>(), 300);  // filled to about the budget
  EXPECT_EQ(j["needle"]["number"].get<std::string>().size(), 5u);
  EXPECT_TRUE(j["needle"]["found"].is_boolean());
  EXPECT_EQ(j["n_gen"], 16);  // at least 16 tokens for the answer
}

TEST(LongctxCli, UsageErrors) {
  EXPECT_EQ(run_cli("longctx").exit_code, 2);
  EXPECT_EQ(run_cli("longctx model.gguf").exit_code, 2);  // no --tokens
  const CliResult kv = run_cli("longctx model.gguf --tokens 10 --kv q4_0");
  EXPECT_EQ(kv.exit_code, 2);
  EXPECT_NE(kv.output.find("unknown KV cache type 'q4_0'"), std::string::npos) << kv.output;
  const CliResult missing = run_cli("longctx /nonexistent/model.gguf --tokens 10 --device cpu");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("lectern-cli longctx:"), std::string::npos) << missing.output;
}
