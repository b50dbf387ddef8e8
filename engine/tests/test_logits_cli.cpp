// test_logits_cli.cpp: `lectern-cli logits --device cpu|vulkan` on every golden model file, the prompt fed in one batch,
// in batches of 7 and token by token, checked with the golden README's rules (NMSE, top-1, teacher-forced greedy);
// plus its argument and input errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "golden_models.h"
#include "model_test_support.h"

using namespace lectern::testing;

namespace {

constexpr int kVocabRows = 8064;

struct LogitsCase {
  GoldenModelCase model;
  int batch;  // 0 = all at once
  std::string device = "cpu";
};

std::string case_name(const LogitsCase& c) {
  std::string n = c.model.label + "_batch_" + (c.batch ? std::to_string(c.batch) : std::string("all")) +
                  (c.device == "cpu" ? "" : "_" + c.device);
  for (char& ch : n)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

std::vector<LogitsCase> logits_cases() {
  std::vector<LogitsCase> out;
  for (const auto& m : golden_model_cases()) {
    for (int b : {0, 7, 1}) out.push_back({m, b});
    for (int b : {0, 7}) out.push_back({m, b, "vulkan"});  // the Vulkan backend (auto's first choice)
  }
  return out;
}

class LogitsCli : public ::testing::TestWithParam<LogitsCase> {};

}  // namespace

// Batch "all" runs the acceptance command exactly (the golden tokens.json as given). The other batch sizes feed
// tokens + the 24 greedy ids, so that one run also checks rule 3: row 144 + k must predict greedy id k.
TEST_P(LogitsCli, MatchesTheGoldenReference) {
  const LogitsCase& c = GetParam();
  ASSERT_TRUE(std::filesystem::exists(c.model.model_path)) << "golden model missing: " << c.model.model_path;
  TempDir dir;
  const std::string out = dir.file("logits.f32");
  const auto prompt = golden_tokens(c.model);
  ASSERT_EQ(prompt.size(), 145u);
  std::string tokens_file = c.model.tokens_path;
  std::vector<int32_t> greedy_ids;
  if (c.batch != 0) {
    greedy_ids = read_json(c.model.greedy_path).at("ids").get<std::vector<int32_t>>();
    std::vector<int32_t> all = prompt;
    all.insert(all.end(), greedy_ids.begin(), greedy_ids.end());
    tokens_file = dir.file("tokens.json");
    write_text(tokens_file, nlohmann::json{{"tokens", all}}.dump());
  }
  std::string args = "logits '" + c.model.model_path + "' --device " + c.device + " --tokens-file '" + tokens_file + "' --out '" + out + "'";
  if (c.batch) args += " --batch " + std::to_string(c.batch);
  const CliResult r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const std::vector<float> got = read_f32_file(out);
  const size_t n_rows = prompt.size() + greedy_ids.size();
  ASSERT_EQ(got.size(), n_rows * kVocabRows) << "[n_tokens][8064] float32, nothing else";
  const std::vector<float> prompt_rows(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(prompt.size() * kVocabRows));
  expect_logits_match(case_name(c), prompt_rows, read_f32_file(c.model.logits_path), kVocabRows);
  if (c.batch != 0) {
    expect_greedy_match(case_name(c), c.model, [&](const std::vector<int32_t>& seq) {
      const float* row = got.data() + (seq.size() - 1) * kVocabRows;
      int best = 0;
      for (int j = 0; j < k_golden_real_vocab; ++j)
        if (row[j] > row[best]) best = j;
      return best;
    });
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, LogitsCli, ::testing::ValuesIn(logits_cases()),
                         [](const auto& info) { return case_name(info.param); });

TEST(LogitsCliErrors, BadArgumentsAndInputs) {
  const std::string model = (golden_models_dir() / "tiny-a" / "model.gguf").string();
  ASSERT_TRUE(std::filesystem::exists(model)) << "golden model missing: " << model;
  TempDir dir;
  const std::string out = dir.file("x.f32");

  // Usage errors: exit 2 with the usage text.
  for (const std::string& args : {"logits '" + model + "' --tokens 1,2", "logits '" + model + "' --out '" + out + "'",
                                  "logits '" + model + "' --tokens 1,x --out '" + out + "'",
                                  "logits '" + model + "' --tokens 1 --out '" + out + "' --batch 0",
                                  "logits '" + model + "' --tokens 1 --out '" + out + "' --device tpu",
                                  "logits '" + model + "' --tokens 1 --tokens-file t.json --out '" + out + "'"}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find("Usage: lectern-cli logits"), std::string::npos) << args << "\n" << r.output;
  }

  const auto expect_error = [&](const std::string& args, const std::string& message) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 1) << args << "\n" << r.output;
    EXPECT_NE(r.output.find("lectern-cli logits: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << args << "\n" << r.output;
  };
  expect_error("logits '" + model + "' --tokens 1,8064 --device cpu --out '" + out + "'",
               "token id 8064 is outside the model's vocabulary (0..8063)");
  expect_error("logits '" + dir.file("missing.gguf") + "' --tokens 1 --device cpu --out '" + out + "'", "NotFound");
  expect_error("logits '" + model + "' --tokens 1,8064 --device vulkan --out '" + out + "'",
               "token id 8064 is outside the model's vocabulary (0..8063)");
  write_text(dir.file("bad.json"), "{\"ids\": [1, 2]}");
  expect_error("logits '" + model + "' --tokens-file '" + dir.file("bad.json") + "' --device cpu --out '" + out + "'",
               "\"tokens\" array");
  write_text(dir.file("neg.json"), "{\"tokens\": [1, -2]}");
  expect_error("logits '" + model + "' --tokens-file '" + dir.file("neg.json") + "' --device cpu --out '" + out + "'",
               "non-negative integer ids");
  expect_error("logits '" + model + "' --tokens 1 --device cpu --out '" + dir.file("no/such/dir/x.f32") + "'",
               "cannot create");
}

// --tokens with a few ids: the same numbers as the first rows of the golden run.
TEST(LogitsCliErrors, InlineTokensGiveTheSameRows) {
  const auto c = golden_model_cases()[0];
  TempDir dir;
  const auto prompt = golden_tokens(c);
  const std::string list = std::to_string(prompt[0]) + "," + std::to_string(prompt[1]) + "," + std::to_string(prompt[2]);
  const CliResult r = run_cli("logits '" + c.model_path + "' --device cpu --tokens " + list + " --out '" + dir.file("x.f32") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto got = read_f32_file(dir.file("x.f32"));
  const auto ref = read_f32_file(c.logits_path);
  ASSERT_EQ(got.size(), 3u * kVocabRows);
  expect_logits_match("inline tokens", got, std::vector<float>(ref.begin(), ref.begin() + 3 * kVocabRows), kVocabRows);
}
