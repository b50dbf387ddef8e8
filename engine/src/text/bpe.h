// bpe.h: byte-level BPE model: merges applied by rank (lowest first, leftmost on ties) with a word cache.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lectern/status.h"

namespace lectern::text {

// Transparent hashing so maps keyed by std::string can be probed with a std::string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using PieceToId = std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>>;

class BpeModel {
 public:
  // vocab: byte-level vocabulary spellings of the model's own tokens (not the added tokens) -> id.
  // merges: in rank order (index = rank), each a pair of vocabulary spellings. Fails with CorruptData when a merge
  // names a token that is not in vocab, when the merged token is missing, or when one of the 256 single-byte
  // tokens is missing (then some input could not be encoded).
  static Result<BpeModel> create(const PieceToId& vocab, const std::vector<std::pair<std::string, std::string>>& merges,
                                 bool ignore_merges);
  BpeModel(BpeModel&&) noexcept;
  BpeModel& operator=(BpeModel&&) noexcept;
  ~BpeModel();

  // Appends the ids of one pre-tokenized word, given as raw bytes (before the byte-to-character mapping).
  // Thread-safe.
  void encode_word(std::string_view word, std::vector<int32_t>& out) const;

  // The plain merge loop without the cache, exposed so tests can compare it against the cached path.
  void encode_word_uncached(std::string_view word, std::vector<int32_t>& out) const;

  size_t n_merges() const;

 private:
  struct State;
  explicit BpeModel(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lectern::text
