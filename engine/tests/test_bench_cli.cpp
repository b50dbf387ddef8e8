// test_bench_cli.cpp: `lectern-cli bench` smoke tests on a random tiny model (CPU and Vulkan): the JSON report has
// every field, positive; the bandwidth probe runs; bad arguments exit 2; --json-schema reports both generation rates
// and the mask time, really went through the constraint (a mask per generated token, complete values), and bad
// schemas give their errors. Never a timing assertion.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "model_test_support.h"

using namespace lectern::testing;

namespace {

const std::string& tiny_model() {
  static TempDir dir;
  static std::string path;
  if (path.empty()) path = make_tiny_gguf(dir, "q8_0", 9);
  return path;
}

// The JSON object in the output (driver messages on stderr may surround it).
nlohmann::json json_of(const std::string& output) {
  const size_t begin = output.find('{'), end = output.rfind('}');
  if (begin == std::string::npos || end == std::string::npos || end < begin) return nullptr;
  return nlohmann::json::parse(output.substr(begin, end - begin + 1), nullptr, false);
}

void expect_positive_stat(const nlohmann::json& j, const std::string& key) {
  ASSERT_TRUE(j.contains(key) && j[key].is_object()) << key << " missing in " << j.dump();
  ASSERT_TRUE(j[key]["mean"].is_number()) << key;
  ASSERT_TRUE(j[key]["stddev"].is_number()) << key;
  EXPECT_GT(j[key]["mean"].get<double>(), 0.0) << key;
  EXPECT_GE(j[key]["stddev"].get<double>(), 0.0) << key;
}

void check_report(const std::string& device) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  const CliResult r = run_cli("bench '" + model + "' -p 16 -n 4 -r 1 --json --device " + device);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = json_of(r.output);
  ASSERT_TRUE(j.is_object()) << r.output;
  EXPECT_EQ(j.value("backend", ""), device);
  EXPECT_FALSE(j.value("device", "").empty());
  EXPECT_EQ(j.value("n_prompt", 0), 16);
  EXPECT_EQ(j.value("n_gen", 0), 4);
  EXPECT_EQ(j.value("repetitions", 0), 1);
  EXPECT_GT(j.value("n_batch", 0), 0);
  EXPECT_GE(j.value("n_ctx", int64_t(0)), 17) << "room for the prompt and the first decode";
  expect_positive_stat(j, "pp_tokens_per_s");
  expect_positive_stat(j, "tg_tokens_per_s");
  expect_positive_stat(j, "ttft_ms");
  EXPECT_GT(j.value("load_s", 0.0), 0.0);
  const uint64_t weights = j.value("weight_bytes", uint64_t(0));
  const uint64_t planned = j.value("planned_bytes", uint64_t(0));
  const uint64_t peak = j.value("peak_memory_bytes", uint64_t(0));
  EXPECT_GT(weights, 0u);
  EXPECT_GT(planned, weights) << "the plan adds the sequence to the weights";
  EXPECT_GE(peak, weights) << "the weights alone are resident";
  ASSERT_TRUE(j.contains("peak_memory_measured"));
  EXPECT_EQ(j["peak_memory_measured"].get<bool>(), device == "vulkan")
      << "Vulkan counts its buffer allocations; the CPU reference reports the plan";
}

std::string write_file(TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// A small object schema.
const char* kSchema =
    R"({"type":"object","properties":{"name":{"type":"string","maxLength":6},"n":{"type":"integer"}},)"
    R"("required":["name","n"],"additionalProperties":false})";

void check_schema_report(const std::string& device) {
  ASSERT_FALSE(tiny_model().empty());
  TempDir dir;
  const std::string schema = write_file(dir, "s.json", kSchema);
  const CliResult r =
      run_cli("bench '" + tiny_model() + "' --json-schema '" + schema + "' -n 16 -r 1 --json --device " + device);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = json_of(r.output);
  ASSERT_TRUE(j.is_object()) << r.output;
  EXPECT_EQ(j.value("backend", ""), device);
  EXPECT_EQ(j.value("n_gen", 0), 16);
  EXPECT_EQ(j.value("repetitions", 0), 1);
  for (const char* key : {"tg_tokens_per_s", "tg_constrained_tokens_per_s"}) {
    ASSERT_TRUE(j.contains(key)) << key << " missing in " << j.dump();
    EXPECT_GT(j[key].value("mean", 0.0), 0.0) << key;
  }
  EXPECT_GT(j.value("ms_per_token", 0.0), 0.0);
  EXPECT_GT(j.value("constrained_ms_per_token", 0.0), 0.0);
  EXPECT_TRUE(j["slowdown"].is_number());
  EXPECT_GT(j.value("mask_ms_per_step", 0.0), 0.0);
  EXPECT_GT(j.value("mask_cpu_ms_per_step", 0.0), 0.0);
  EXPECT_GE(j.value("mask_max_cpu_ms", 0.0), j.value("mask_cpu_ms_per_step", 0.0));
  EXPECT_EQ(j.value("n_gen_constrained", int64_t(0)), 16) << "the same number of tokens in both modes";
  EXPECT_GE(j.value("n_masks", int64_t(0)), 16) << "every constrained token needs a mask";
  EXPECT_GE(j.value("values_per_repetition", int64_t(0)), 1);
  EXPECT_GT(j.value("n_prompt", int64_t(0)), 0);
}

}  // namespace

TEST(BenchCli, CpuReportHasEveryField) { check_report("cpu"); }

TEST(BenchCli, VulkanReportHasEveryFieldAndMeasuredMemory) { check_report("vulkan"); }

TEST(BenchCli, TableOutputAndSkippedTests) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  const CliResult table = run_cli("bench '" + model + "' -p 8 -n 2 -r 2 --device cpu");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("| pp8 "), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("| tg2 "), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("time to first token"), std::string::npos) << table.output;

  const CliResult tg_only = run_cli("bench '" + model + "' -p 0 -n 3 -r 1 --json --device cpu");
  ASSERT_EQ(tg_only.exit_code, 0) << tg_only.output;
  const nlohmann::json j = json_of(tg_only.output);
  ASSERT_TRUE(j.is_object()) << tg_only.output;
  EXPECT_FALSE(j.contains("pp_tokens_per_s")) << "-p 0 skips prompt processing";
  EXPECT_FALSE(j.contains("ttft_ms"));
  expect_positive_stat(j, "tg_tokens_per_s");
}

TEST(BenchCli, BandwidthReportsPositiveRates) {
  const CliResult r = run_cli("bench --bandwidth --size 4 -r 2 --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = json_of(r.output);
  ASSERT_TRUE(j.is_object()) << r.output;
  EXPECT_FALSE(j.value("device", "").empty());
  EXPECT_EQ(j.value("bytes", uint64_t(0)), uint64_t(4) << 20);
  EXPECT_EQ(j.value("repetitions", 0), 2);
  for (const char* test : {"copy", "read"}) {
    ASSERT_TRUE(j.contains(test)) << j.dump();
    EXPECT_GT(j[test].value("best_gbps", 0.0), 0.0) << test;
    EXPECT_GT(j[test].value("mean_gbps", 0.0), 0.0) << test;
    EXPECT_GE(j[test].value("best_gbps", 0.0), j[test].value("mean_gbps", 0.0)) << test << ": best is at least the mean";
  }
}

TEST(BenchCli, BadArgumentsExitTwo) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  const std::string m = "'" + model + "'";
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"", "no model given"},
      {m + " -p abc", "-p needs a token count"},
      {m + " -n -3", "-n needs a token count"},
      {m + " -r 0", "-r needs a positive number of repetitions"},
      {m + " --device gpu", "unknown device 'gpu'"},
      {m + " -p 0 -n 0", "nothing to measure"},
      {m + " -p 16 -n 4 --context 8", "--context 8 is too small"},
      {m + " --frobnicate", "unexpected argument '--frobnicate'"},
      {"--bandwidth --size 0", "--size needs a positive number of MiB"},
      {"--bandwidth " + m, "takes no model"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli("bench " + c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find("Usage: lectern-cli bench"), std::string::npos) << c.args;
  }
}

TEST(BenchCli, MissingModelExitsOne) {
  TempDir dir;
  const CliResult r = run_cli("bench '" + dir.file("missing.gguf") + "' -p 4 -n 1 -r 1 --device cpu");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("lectern-cli bench: "), std::string::npos) << r.output;
}

TEST(BenchCli, JsonSchemaCpuReportsBothRatesAndTheMaskTime) { check_schema_report("cpu"); }

TEST(BenchCli, JsonSchemaVulkanReportsBothRatesAndTheMaskTime) { check_schema_report("vulkan"); }

TEST(BenchCli, JsonSchemaTableOutput) {
  ASSERT_FALSE(tiny_model().empty());
  TempDir dir;
  const std::string schema = write_file(dir, "s.json", kSchema);
  const CliResult r = run_cli("bench '" + tiny_model() + "' --json-schema '" + schema + "' -n 6 -r 1 --device cpu");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("| tg6 "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("| tg6 +schema"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("constrained decoding is"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("token mask"), std::string::npos) << r.output;
}

TEST(BenchCli, JsonSchemaBadSchemasAndArguments) {
  ASSERT_FALSE(tiny_model().empty());
  TempDir dir;
  const std::string m = "'" + tiny_model() + "'";
  const std::string unsupported = write_file(dir, "min.json", R"({"type":"number","minimum":3})");
  const std::string malformed = write_file(dir, "bad.json", R"({"type":)");
  struct Case {
    std::string args;
    int exit_code;
    std::string message;
  };
  const Case cases[] = {
      {m + " --json-schema '" + unsupported + "' -n 4 -r 1 --device cpu", 1, "minimum"},
      {m + " --json-schema '" + malformed + "' -n 4 -r 1 --device cpu", 1, "cannot constrain decoding"},
      {m + " --json-schema '" + dir.file("missing.json") + "' -n 4 --device cpu", 1, "cannot read the JSON schema"},
      {m + " --json-schema '" + unsupported + "' -n 0", 2, "--json-schema needs -n of at least 1"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli("bench " + c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << "\n" << r.output;
  }
}
