// vision_encode_cache.h: the encoder outputs of one chat session's last request, by picture content, so that the
// pictures of a conversation's earlier questions, sent again with every follow-up, are not encoded again.
#pragma once

#include <cstdint>
#include <vector>

#include "lectern/status.h"
#include "model/vision_preprocess.h"
#include "runtime/vision_prompt.h"

namespace lectern::runtime {

class VisionEncodeCache {
 public:
  // An encoder for one request: inputs equal (grid and every patch value, by a 64-bit content hash) to one the
  // previous request encoded get its rows back; others run `encoder`. Outputs the request does not use are dropped
  // when the next request starts. The returned function refers to this cache: use it before the next wrap().
  VisionEncodeFn wrap(VisionEncodeFn encoder);

  int64_t n_encoded() const { return n_encoded_; }  // inputs run through the encoder, all requests
  int64_t n_reused() const { return n_reused_; }    // inputs answered from the previous request

 private:
  struct Entry {
    uint64_t hash = 0;
    std::vector<float> rows;  // [n_tokens, n_out]
  };
  std::vector<Entry> previous_, current_;
  int64_t n_encoded_ = 0, n_reused_ = 0;
};

}  // namespace lectern::runtime
