// vision_encode_cache.cpp: VisionEncodeCache (FNV-1a content hash of a preprocessed picture, reuse across one
// request boundary).
#include "runtime/vision_encode_cache.h"

#include <utility>

namespace lectern::runtime {
namespace {

uint64_t fnv1a(uint64_t h, const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

uint64_t content_hash(const model::VisionInput& in) {
  const uint32_t grid[5] = {in.is_video ? 1u : 0u, in.grid_t, in.grid_h, in.grid_w, in.merge};
  uint64_t h = fnv1a(14695981039346656037ull, grid, sizeof grid);
  h = fnv1a(h, in.patches.data(), in.patches.size() * sizeof(float));
  return fnv1a(h, in.timestamps.data(), in.timestamps.size() * sizeof(double));
}

}  // namespace

VisionEncodeFn VisionEncodeCache::wrap(VisionEncodeFn encoder) {
  // The outputs of the request before: everything encoded or reused by the last one.
  previous_ = std::move(current_);
  current_.clear();
  return [this, encoder = std::move(encoder)](const model::VisionInput& in) -> Result<std::vector<float>> {
    const uint64_t hash = content_hash(in);
    const Entry* kept = nullptr;
    for (const std::vector<Entry>* list : {&previous_, &current_})  // current_: the same picture twice in a request
      for (const Entry& e : *list)
        if (!kept && e.hash == hash) kept = &e;
    std::vector<float> rows;
    if (kept != nullptr) {
      rows = kept->rows;
      ++n_reused_;
    } else {
      LECTERN_ASSIGN_OR_RETURN(rows, encoder(in));
      ++n_encoded_;
    }
    current_.push_back({hash, rows});
    return rows;
  };
}

}  // namespace lectern::runtime
