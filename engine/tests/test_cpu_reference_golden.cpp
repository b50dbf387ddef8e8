// test_cpu_reference_golden.cpp: the CPU reference model reproduces the independent reference logits and greedy
// continuations of every golden model file (GGUF F32, HF folder, Q8_0, Q4_K_M), per golden/models/README.md §6.
#include <gtest/gtest.h>

#include <filesystem>

#include "cpu/qwen35_reference.h"
#include "cpu/qwen35_reference_weights.h"
#include "golden_models.h"
#include "model/model_source.h"

using namespace lectern;
using namespace lectern::testing;

class CpuReferenceGolden : public ::testing::TestWithParam<GoldenModelCase> {};

TEST_P(CpuReferenceGolden, LogitsAndGreedyMatch) {
  const GoldenModelCase& c = GetParam();
  ASSERT_TRUE(std::filesystem::exists(c.model_path)) << "golden model missing: " << c.model_path;
  auto mw = model::load_model_weights(c.model_path);
  ASSERT_TRUE(mw.is_ok()) << mw.status().to_string();
  auto rw = cpu::reference_weights_from(*mw);
  ASSERT_TRUE(rw.is_ok()) << rw.status().to_string();
  const int n_vocab = rw->config.n_vocab;

  const auto tokens = golden_tokens(c);
  cpu::Qwen35Reference model(*rw);
  std::vector<float> logits;
  logits.reserve(tokens.size() * n_vocab);
  for (size_t t = 0; t < tokens.size(); ++t) {
    auto row = model.step(tokens[t], static_cast<int64_t>(t));
    logits.insert(logits.end(), row.begin(), row.end());
  }
  expect_logits_match(c.label + " cpu", logits, read_f32_file(c.logits_path), n_vocab);

  // Teacher-forced greedy: continue the same state token by token.
  size_t fed = tokens.size();
  std::vector<float> last(logits.end() - n_vocab, logits.end());
  expect_greedy_match(c.label + " cpu", c, [&](const std::vector<int32_t>& seq) {
    while (fed < seq.size()) {
      last = model.step(seq[fed], static_cast<int64_t>(fed));
      ++fed;
    }
    int best = 0;
    for (int j = 0; j < k_golden_real_vocab; ++j)
      if (last[j] > last[best]) best = j;
    return best;
  });
}

INSTANTIATE_TEST_SUITE_P(Golden, CpuReferenceGolden, ::testing::ValuesIn(golden_model_cases()),
                         [](const auto& info) {
                           std::string n = info.param.label;
                           for (char& ch : n)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });
