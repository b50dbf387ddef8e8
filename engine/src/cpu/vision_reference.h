// vision_reference.h: the whole Qwen3.5 vision encoder (qwen35.md §7.3, §7.5) on the CPU in plain f32/double
// loops: patch embedding, position table, 2-D rotary, pre-norm ViT blocks and the 2×2 merger. The oracle for the
// Vulkan encoder and the CPU backend's vision path.
#pragma once

#include <vector>

#include "lectern/status.h"
#include "model/vision_preprocess.h"
#include "model/vision_weights.h"

namespace lectern::cpu {

// Merged vision embeddings [input.n_tokens(), n_out] (processor order: slice, merged row, merged col).
// InvalidArgument when the input's patch width or grid does not fit the tower.
Result<std::vector<float>> encode_vision_reference(const model::VisionWeights& weights,
                                                   const model::VisionInput& input);

// The patch embeddings alone ([n_patches, n_embd], before the position table): exposed so tests can compare it
// with a direct Conv3d.
Result<std::vector<float>> vision_patch_embed_reference(const model::VisionWeights& weights,
                                                        const model::VisionInput& input);

}  // namespace lectern::cpu
