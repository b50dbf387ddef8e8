// vision_weights.h: THE description of a Qwen3.5 vision tower (qwen35.md §7.1, §7.3, §8.2) handed to encoder code,
// whatever the file: `model.visual.*` in a HuggingFace folder or `v.*` / `mm.*` in a llama.cpp mmproj GGUF.
//
// Canonical form (like weights.h: GGUF `ne` order, ne[0] = the inner/input dimension):
//   * big matrices (attn_qkv, attn_out, ffn_up, ffn_down, mm0, mm2) are views into the file mapping in the file's
//     dtype (F32, F16, BF16 or Q8_0); a HF [out, in] matrix is ne [in, out] with identical bytes;
//   * patch_embd is always F32 ne [n_patch_values, n_embd] = [3·2·16·16, 768]: row o holds the Conv3d kernel of
//     output channel o flattened as ((ch·2 + f)·16 + y)·16 + x, the same order as a patch row of the preprocessed
//     pixels (§7.2 step 5), so patch embedding is `patch_row · patch_embd^T + patch_bias`. (GGUF stores the two
//     temporal slices as two 2-D kernels; they are interleaved into this form at load.)
//   * position_embd is always F32 ne [n_embd, n_pos] (row p = table entry p of the 48×48 grid, row-major);
//   * every 1-D tensor (biases, LayerNorm weight/bias) is F32.
// Converted tensors live in storage this struct owns (`owned`); views keep their file mapping alive (`keep_alive`).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lectern/status.h"
#include "model/weights.h"

namespace lectern::model {

struct VisionHParams {
  uint32_t n_layer = 0;         // ViT blocks (HF depth; GGUF clip.vision.block_count)
  uint32_t n_embd = 0;          // hidden width (768)
  uint32_t n_ff = 0;            // block MLP width (3072)
  uint32_t n_head = 0;          // attention heads (12); head_dim = n_embd / n_head
  uint32_t n_channels = 3;
  uint32_t patch_size = 16;
  uint32_t temporal_patch = 2;  // frames per patch
  uint32_t merge_size = 2;      // spatial merge window side
  uint32_t n_pos = 0;           // learned position table entries (2304 = 48 × 48, a square)
  uint32_t n_out = 0;           // merger output width = the text model's n_embd (1024)
  float eps = 1e-6f;            // LayerNorm eps (blocks and merger)
  double rope_theta = 10000.0;  // 2-D vision rotary base (§7.3.3)
  std::array<float, 3> image_mean{0.5f, 0.5f, 0.5f};
  std::array<float, 3> image_std{0.5f, 0.5f, 0.5f};

  uint32_t head_dim() const { return n_head ? n_embd / n_head : 0; }
  uint32_t pos_side() const;  // √n_pos (48)
  uint32_t patch_values() const { return n_channels * temporal_patch * patch_size * patch_size; }  // 1536
  uint32_t merge_width() const { return n_embd * merge_size * merge_size; }                          // 3072

  // Positive, divisible, square position table, head_dim even...: CorruptData naming the values.
  Status check() const;
};

struct VisionLayerWeights {
  TensorRef ln1_w, ln1_b;          // [n_embd]  F32
  TensorRef attn_qkv;              // [n_embd, 3*n_embd]  rows: q | k | v, each n_head × head_dim
  TensorRef attn_qkv_b;            // [3*n_embd]  F32
  TensorRef attn_out;              // [n_embd, n_embd]
  TensorRef attn_out_b;            // [n_embd]  F32
  TensorRef ln2_w, ln2_b;          // [n_embd]  F32
  TensorRef ffn_up;                // [n_embd, n_ff]
  TensorRef ffn_up_b;              // [n_ff]  F32
  TensorRef ffn_down;              // [n_ff, n_embd]
  TensorRef ffn_down_b;            // [n_embd]  F32
};

struct VisionWeights {
  ModelFormat format = ModelFormat::Gguf;
  std::string source_path;
  VisionHParams hparams;
  TensorRef patch_embd;    // [patch_values, n_embd]  F32 (see the file comment for the inner order)
  TensorRef patch_bias;    // [n_embd]  F32
  TensorRef position_embd; // [n_embd, n_pos]  F32
  std::vector<VisionLayerWeights> layers;
  TensorRef post_ln_w, post_ln_b;  // merger LayerNorm [n_embd]  F32 (HF merger.norm; GGUF v.post_ln)
  TensorRef mm0;                   // merger fc1 [merge_width, merge_width]
  TensorRef mm0_b;                 // [merge_width]  F32
  TensorRef mm2;                   // merger fc2 [merge_width, n_out]
  TensorRef mm2_b;                 // [n_out]  F32

  // Every tensor slot in a fixed order.
  std::vector<const TensorRef*> all_tensors() const;
  uint64_t total_bytes() const;

  std::vector<std::shared_ptr<const void>> keep_alive;
  std::vector<std::unique_ptr<std::vector<float>>> owned;
};

class GgufFile;
struct HfFolder;

// True when the folder's config has a vision_config and its safetensors hold model.visual.* tensors.
bool hf_has_vision(const HfFolder& folder);

// HF folder: vision_config from config.json (+ preprocessor_config.json mean/std when present) and the
// model.visual.* tensors. NotFound when the folder has no vision tower.
Result<VisionWeights> vision_weights_from_hf(const HfFolder& folder);

// mmproj GGUF: general.architecture "clip", clip.projector_type "qwen3vl_merger" (Unsupported otherwise),
// clip.vision.* keys and v.* / mm.* tensors.
Result<VisionWeights> vision_weights_from_gguf(const GgufFile& gguf);

// Opens and loads either form: a directory (HF folder) or an mmproj .gguf file. Validated (every tensor present,
// allowed dtype, exact shape; the first problem as the error, "(and N more problems)").
Result<VisionWeights> load_vision_weights(const std::string& path);

// Shape/dtype checks against the hyperparameters; `n_text_embd` > 0 also requires n_out == n_text_embd.
Status validate_vision_weights(const VisionWeights& weights, uint32_t n_text_embd = 0);

}  // namespace lectern::model
