// vision_prompt.cpp: request pixels -> encoder rows + expanded, placed prompt tokens.
#include "runtime/vision_prompt.h"

#include "cpu/vision_reference.h"
#include "text/vision_placeholders.h"

#include <algorithm>

namespace lectern::runtime {

bool request_has_pixels(const ChatRequest& request) {
  for (const ChatMessage& m : request.messages)
    for (const ContentPart& p : m.content)
      if (p.kind != ContentPartKind::Text && p.has_pixels()) return true;
  return false;
}

namespace {

Status no_vision_encoder() {
  return Status(ErrorCode::InvalidArgument,
                "this model has no vision encoder; load its mmproj file (the vision projector GGUF) to send images "
                "or videos");
}

}  // namespace

Result<std::vector<text::VisionItemLayout>> plan_vision_layouts(const ChatRequest& request,
                                                                const model::VisionHParams& hp,
                                                                const model::VisionBudget& budget) {
  std::vector<text::VisionItemLayout> layouts;
  const uint32_t factor = hp.patch_size * hp.merge_size;
  size_t n_item = 0;
  for (const ChatMessage& m : request.messages)
    for (const ContentPart& p : m.content) {
      if (p.kind == ContentPartKind::Text) continue;
      ++n_item;
      const std::string what = (p.kind == ContentPartKind::Image ? "image " : "video ") + std::to_string(n_item);
      if (!p.has_pixels())
        return Status(ErrorCode::InvalidArgument, what + " has no pixel data (decode it before sending)");
      text::VisionItemLayout l;
      l.is_video = p.kind == ContentPartKind::Video;
      l.merge = hp.merge_size;
      Result<model::ResizedSize> size = Status(ErrorCode::Internal, "unset");
      if (!l.is_video) {
        size = model::smart_resize(p.height, p.width, factor, budget.image_min_pixels, budget.image_max_pixels);
        l.grid_t = 1;
      } else {
        const auto n = static_cast<uint32_t>(p.frames.size());
        if (p.frame_times.size() != p.frames.size())
          return Status(ErrorCode::InvalidArgument, what + ": the video has " + std::to_string(n) + " frames but " +
                                                        std::to_string(p.frame_times.size()) + " timestamps");
        size = model::smart_resize(p.height, p.width, factor, budget.video_min_pixels, budget.video_max_pixels,
                                   std::max<uint32_t>(n, 2));
        const uint32_t tp = std::max<uint32_t>(1, hp.temporal_patch);
        l.grid_t = (n + tp - 1) / tp;
        for (uint32_t k = 0; k < l.grid_t; ++k) {  // an odd count repeats the last frame (and its time)
          double sum = 0;
          for (uint32_t f = 0; f < tp; ++f) sum += p.frame_times[std::min<size_t>(k * tp + f, n - 1)];
          l.timestamps.push_back(sum / tp);
        }
      }
      if (!size.is_ok()) return size.status().with_context(what);
      l.grid_h = size->height / hp.patch_size;
      l.grid_w = size->width / hp.patch_size;
      layouts.push_back(std::move(l));
    }
  return layouts;
}

Result<int64_t> count_vision_prompt_tokens(const ChatRequest& request, const std::string& rendered_prompt,
                                           const model::VisionWeights* vision, const model::VisionBudget& budget,
                                           const Tokenizer& tokenizer) {
  if (!vision) return no_vision_encoder();
  LECTERN_ASSIGN_OR_RETURN(std::vector<text::VisionItemLayout> layouts,
                           plan_vision_layouts(request, vision->hparams, budget));
  LECTERN_ASSIGN_OR_RETURN(std::string expanded, text::expand_vision_placeholders(rendered_prompt, layouts));
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> ids, tokenizer.encode(expanded));
  return static_cast<int64_t>(ids.size());
}

Result<VisionPrompt> build_vision_prompt(const ChatRequest& request, const std::string& rendered_prompt,
                                         const model::VisionWeights* vision, const model::VisionBudget& budget,
                                         const Tokenizer& tokenizer, int32_t n_embd, const VisionEncodeFn& encode) {
  if (!vision) return no_vision_encoder();
  if (static_cast<int64_t>(vision->hparams.n_out) != n_embd)
    return Status(ErrorCode::InvalidArgument, "the vision encoder outputs " + std::to_string(vision->hparams.n_out) +
                                                  "-wide rows but the text model is " + std::to_string(n_embd) +
                                                  " wide; load the mmproj file made for this model");
  std::vector<model::VisionInput> inputs;
  std::vector<text::VisionItemLayout> layouts;
  size_t n_item = 0;
  for (const ChatMessage& m : request.messages)
    for (const ContentPart& p : m.content) {
      if (p.kind == ContentPartKind::Text) continue;
      ++n_item;
      const std::string what = (p.kind == ContentPartKind::Image ? "image " : "video ") + std::to_string(n_item);
      if (!p.has_pixels())
        return Status(ErrorCode::InvalidArgument, what + " has no pixel data (decode it before sending)");
      Result<model::VisionInput> in = Status(ErrorCode::Internal, "unset");
      if (p.kind == ContentPartKind::Image) {
        in = model::preprocess_image(model::RgbImage{p.width, p.height, p.rgb}, vision->hparams, budget);
      } else {
        std::vector<model::RgbImage> frames;
        for (const auto& f : p.frames) frames.push_back(model::RgbImage{p.width, p.height, f});
        in = model::preprocess_video(frames, p.frame_times, vision->hparams, budget);
      }
      if (!in.is_ok()) return in.status().with_context(what);
      layouts.push_back({p.kind == ContentPartKind::Video, in->grid_t, in->grid_h, in->grid_w, in->merge, in->timestamps});
      inputs.push_back(std::move(in).value());
    }
  LECTERN_ASSIGN_OR_RETURN(std::string expanded, text::expand_vision_placeholders(rendered_prompt, layouts));
  VisionPrompt out;
  LECTERN_ASSIGN_OR_RETURN(out.tokens, tokenizer.encode(expanded));
  text::VisionTokenIds ids;
  for (auto [piece, id] : {std::pair{"<|image_pad|>", &ids.image_pad}, std::pair{"<|video_pad|>", &ids.video_pad},
                           std::pair{"<|vision_start|>", &ids.vision_start}, std::pair{"<|vision_end|>", &ids.vision_end}}) {
    std::optional<int32_t> t = tokenizer.piece_to_id(piece);
    if (!t) return Status(ErrorCode::Unsupported, std::string("the tokenizer has no ") + piece + " token");
    *id = *t;
  }
  LECTERN_ASSIGN_OR_RETURN(text::VisionPlacement pl, text::place_vision_tokens(out.tokens, ids, layouts));
  out.mm.positions = std::move(pl.positions);
  out.mm.rows = std::move(pl.pad_rows);
  out.mm.next_position = pl.next_position;
  for (size_t i = 0; i < inputs.size(); ++i) {
    LECTERN_ASSIGN_OR_RETURN(std::vector<float> e,
                             encode ? encode(inputs[i]) : cpu::encode_vision_reference(*vision, inputs[i]));
    if (e.size() != size_t{inputs[i].n_tokens()} * static_cast<size_t>(n_embd))
      return Status(ErrorCode::Internal, "the vision encoder returned " + std::to_string(e.size()) + " values for " +
                                             std::to_string(inputs[i].n_tokens()) + " tokens");
    out.mm.embeddings.insert(out.mm.embeddings.end(), e.begin(), e.end());
  }
  out.n_vision_tokens = static_cast<int64_t>(out.mm.rows.size());
  if (out.mm.embeddings.size() != out.mm.rows.size() * static_cast<size_t>(n_embd))
    return Status(ErrorCode::Internal, "vision rows and pad tokens differ in number");
  return out;
}

}  // namespace lectern::runtime
