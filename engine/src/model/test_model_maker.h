// test_model_maker.h: writes random-weight Qwen3.5 text models (GGUF or HF folder) for tests and benchmarks:
// `tiny` (seconds to run, every code path incl. Hv = 2 Hk and K-quant rows) or the exact 0.8B text shape.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lectern/status.h"
#include "model/hparams.h"
#include "model/test_model_tensors.h"

namespace lectern::model {

// Long: a very small model (4 layers, hidden 64, one attention layer last, head_dim 16, one kv head) with a
// 1,048,576-token trained context, for long-context tests where attention cost is what matters.
enum class TestModelShape { Tiny, Qwen35_0_8B, Long };
enum class TestModelFormat { Gguf, Hf };

std::optional<TestModelShape> test_model_shape_from_name(std::string_view name);    // "tiny", "0.8b", "long"
std::optional<TestModelFormat> test_model_format_from_name(std::string_view name);  // "gguf", "hf"
std::optional<TestModelType> test_model_type_from_name(std::string_view name);      // "f32" ... "q4_k_m"

// The hyperparameters of a shape (n_vocab = embedding rows).
HParams test_model_hparams(TestModelShape shape);

struct TestModelOptions {
  TestModelShape shape = TestModelShape::Tiny;
  TestModelFormat format = TestModelFormat::Gguf;
  TestModelType type = TestModelType::F32;
  uint64_t seed = 0;
  std::string out;  // GGUF: the file; HF: the folder (created if missing)
};

struct TestModelSummary {
  uint64_t n_tensors = 0;
  uint64_t n_bytes = 0;  // bytes written (all files)
};

// InvalidArgument for a quantized type with the HF format ("q8_0 and q4_k_m exist only as GGUF") or an empty out
// path; IoError when writing fails. Files are written under a temporary name and renamed when complete.
Result<TestModelSummary> make_test_model(const TestModelOptions& options);

}  // namespace lectern::model
