// vision_prompt.h: turning a chat request with image/video pixels into what the session evaluates: preprocessing,
// the vision encoder, placeholder expansion, tokenization and M-RoPE placement (qwen35.md §6.3, §7).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lectern/chat.h"
#include "lectern/status.h"
#include "lectern/tokenizer.h"
#include "model/vision_preprocess.h"
#include "model/vision_weights.h"
#include "runtime/session.h"
#include "text/vision_placeholders.h"

namespace lectern::runtime {

struct VisionPrompt {
  std::vector<int32_t> tokens;  // the expanded prompt
  MultimodalPrompt mm;          // positions and encoder rows for Session::set_multimodal_prompt
  int64_t n_vision_tokens = 0;  // pad tokens (merged vision embeddings)
};

// True when some Image/Video part of the request carries pixels.
bool request_has_pixels(const ChatRequest& request);

// The vision encoder to run: merged rows [input.n_tokens(), n_out] for one preprocessed image/video.
using VisionEncodeFn = std::function<Result<std::vector<float>>(const model::VisionInput& input)>;

// Preprocesses and encodes (with `encode`; empty: the CPU reference encoder) every image/video of the request in
// prompt order, expands the rendered prompt's placeholders and places the tokens. InvalidArgument when `vision` is null ("this model has no
// vision encoder; load its mmproj file"), when an image/video part has no pixels while others do, or the
// pixels are malformed; the text width must equal the tower's output width.
Result<VisionPrompt> build_vision_prompt(const ChatRequest& request, const std::string& rendered_prompt,
                                         const model::VisionWeights* vision, const model::VisionBudget& budget,
                                         const Tokenizer& tokenizer, int32_t n_embd,
                                         const VisionEncodeFn& encode = {});

// The placement layouts build_vision_prompt would use, in prompt order, from the parts' sizes alone (no resampling,
// no encoder): smart resize under `budget`, grids of patch_size, video frames grouped in temporal pairs with the mean
// time of each pair. The same errors as build_vision_prompt for parts without pixels or unusable sizes.
Result<std::vector<text::VisionItemLayout>> plan_vision_layouts(const ChatRequest& request,
                                                                const model::VisionHParams& hp,
                                                                const model::VisionBudget& budget);

// Tokens of the expanded prompt build_vision_prompt would produce (what count_prompt_tokens reports for requests
// with pixels). InvalidArgument when `vision` is null, as build_vision_prompt.
Result<int64_t> count_vision_prompt_tokens(const ChatRequest& request, const std::string& rendered_prompt,
                                           const model::VisionWeights* vision, const model::VisionBudget& budget,
                                           const Tokenizer& tokenizer);

}  // namespace lectern::runtime
