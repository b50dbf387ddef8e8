// test_vision_tower.h: random-weight Qwen3.5 vision towers for tests: `tiny` (2 blocks, width 64) or the real
// 0.8B tower shape (qwen35.md §7.1), added to a HF test folder (model.visual.* in a second safetensors shard plus
// vision_config) or written as a llama.cpp mmproj GGUF (qwen3vl_merger). Values are a pure function of
// (seed, tensor, element): the HF and GGUF towers of one seed and type hold the same logical tensors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lectern/status.h"
#include "model/test_model_maker.h"
#include "model/vision_weights.h"

namespace lectern::model {

enum class TestVisionShape { Tiny, Real };
std::optional<TestVisionShape> test_vision_shape_from_name(std::string_view name);  // "tiny", "real"

// The tower's hyperparameters; n_out = the text model's width.
VisionHParams test_vision_hparams(TestVisionShape shape, uint32_t n_text_embd);

struct TestVisionOptions {
  TestVisionShape shape = TestVisionShape::Tiny;
  TestModelType type = TestModelType::F32;  // Q4_K_M writes Q8_0 matrices (K-quants do not fit the rows)
  uint64_t seed = 0;
  uint32_t n_text_embd = 0;
};

// Adds the tower to an existing HF test folder: model-vision.safetensors, model.safetensors.index.json listing
// both shards, vision_config in config.json and preprocessor_config.json. InvalidArgument for quantized types.
Result<TestModelSummary> add_test_vision_tower_hf(const std::string& dir, const TestVisionOptions& options);

// Writes an mmproj GGUF to `path`.
Result<TestModelSummary> write_test_vision_mmproj(const std::string& path, const TestVisionOptions& options);

// "mmproj-<stem>.gguf" next to a GGUF model path: where make-test-model puts the tower and `run` looks for it.
std::string default_mmproj_path(const std::string& model_path);

}  // namespace lectern::model
