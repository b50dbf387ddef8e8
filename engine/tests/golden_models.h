// golden_models.h: the golden tiny Qwen3.5 models (../shared/golden/models) and the comparison rules of their
// README (§6): per-position NMSE, top-1 agreement outside near-ties, teacher-forced greedy continuation.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lectern::testing {

struct GoldenModelCase {
  std::string label;       // "tiny-a/gguf"
  std::string model_path;  // GGUF file or HF folder
  std::string logits_path;
  std::string greedy_path;
  std::string tokens_path;
};

inline std::filesystem::path golden_models_dir() { return std::filesystem::path(LECTERN_GOLDEN_DIR) / "models"; }

inline std::vector<GoldenModelCase> golden_model_cases() {
  const auto d = golden_models_dir();
  auto mk = [&](const std::string& label, const std::string& folder, const std::string& model, const std::string& suffix) {
    return GoldenModelCase{label, (d / folder / model).string(), (d / folder / ("logits" + suffix + ".f32")).string(),
                           (d / folder / ("greedy" + suffix + ".json")).string(), (d / folder / "tokens.json").string()};
  };
  return {mk("tiny-a/gguf", "tiny-a", "model.gguf", ""),          mk("tiny-a/hf", "tiny-a", "hf", ""),
          mk("tiny-b/gguf", "tiny-b", "model.gguf", ""),          mk("tiny-b/hf", "tiny-b", "hf", ""),
          mk("tiny-q/q8_0", "tiny-q", "model-Q8_0.gguf", "-Q8_0"), mk("tiny-q/q4_k_m", "tiny-q", "model-Q4_K_M.gguf", "-Q4_K_M")};
}

inline nlohmann::json read_json(const std::string& path) {
  std::ifstream f(path);
  if (!f) {
    ADD_FAILURE() << "cannot read " << path << " (is ../shared/golden beside the checkout?)";
    return {};
  }
  return nlohmann::json::parse(f);
}

inline std::vector<int32_t> golden_tokens(const GoldenModelCase& c) {
  return read_json(c.tokens_path).at("tokens").get<std::vector<int32_t>>();
}

inline std::vector<float> read_f32_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  f.seekg(0, std::ios::end);
  std::vector<float> v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * 4));
  return v;
}

// Number of real (non-padding) vocabulary columns compared; the golden README fixes it at 8026.
constexpr int k_golden_real_vocab = 8026;

// Rules 1 and 2 of golden/models/README.md §6 on all positions. `got` is [n_tokens][n_vocab].
inline void expect_logits_match(const std::string& label, const std::vector<float>& got, const std::vector<float>& ref,
                                int n_vocab) {
  ASSERT_EQ(got.size(), ref.size()) << label;
  const size_t n_tokens = ref.size() / n_vocab;
  double worst = 0.0;
  int top1_checked = 0;
  for (size_t t = 0; t < n_tokens; ++t) {
    const float* x = got.data() + t * n_vocab;
    const float* r = ref.data() + t * n_vocab;
    double num = 0.0, den = 0.0, rmax = 0.0;
    int ax = 0, ar = 0, ar2 = -1;
    for (int j = 0; j < k_golden_real_vocab; ++j) {
      num += (double(x[j]) - r[j]) * (double(x[j]) - r[j]);
      den += double(r[j]) * r[j];
      rmax = std::max(rmax, std::abs(double(r[j])));
      if (x[j] > x[ax]) ax = j;
      if (r[j] > r[ar]) ar = j;
    }
    for (int j = 0; j < k_golden_real_vocab; ++j)
      if (j != ar && (ar2 < 0 || r[j] > r[ar2])) ar2 = j;
    const double nmse = num / den;
    worst = std::max(worst, nmse);
    EXPECT_LE(nmse, 1e-5) << label << " position " << t;
    if (r[ar] - r[ar2] > 1e-3 * rmax) {
      ++top1_checked;
      EXPECT_EQ(ax, ar) << label << " top-1 differs at position " << t;
    }
  }
  std::printf("%s logits: %zu positions, worst nmse=%.3g, top-1 checked at %d positions\n", label.c_str(), n_tokens,
              worst, top1_checked);
}

// Rule 3: `argmax_after(prefix)` returns the engine's argmax at the last position of prefix.
inline void expect_greedy_match(const std::string& label, const GoldenModelCase& c,
                                const std::function<int(const std::vector<int32_t>&)>& argmax_after) {
  const auto g = read_json(c.greedy_path);
  const auto ids = g.at("ids").get<std::vector<int32_t>>();
  const auto margins = g.at("top1_margins").get<std::vector<double>>();
  const auto row_max = g.at("row_max_abs").get<std::vector<double>>();
  std::vector<int32_t> seq = golden_tokens(c);
  int checked = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    const int got = argmax_after(seq);
    if (margins[k] > 1e-3 * row_max[k]) {
      ++checked;
      EXPECT_EQ(got, ids[k]) << label << " greedy step " << k;
    }
    seq.push_back(ids[k]);
  }
  std::printf("%s greedy: %d of %zu steps checked\n", label.c_str(), checked, ids.size());
}

}  // namespace lectern::testing
