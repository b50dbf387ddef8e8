// tokenizer.h: public API of the byte-level BPE tokenizer (HF tokenizers semantics) and its streaming decoder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"

namespace lectern {

struct EncodeOptions {
  // Match added tokens marked special (<|im_start|>, ...) in the text. When false they are tokenized as plain text
  // (HF's split_special_tokens); non-special added tokens such as <think> are still matched, as in HF.
  bool parse_special = true;
};

struct DecodeOptions {
  // Leave out added tokens marked special (HF skip_special_tokens); <think>, <tool_call> etc. are not special.
  bool skip_special = false;
};

// Text -> token ids as HuggingFace tokenizers does it for byte-level BPE models (Qwen2/3/3.5): invalid UTF-8 is
// first replaced by U+FFFD (one per maximal ill-formed subpart), added tokens are split out literally, the rest is
// NFC-normalised, split by the pre-tokenizer regex, byte-mapped and merged by BPE rank. No BOS is ever added.
// Immutable once built; encode/decode may be called from several threads at once.
class Tokenizer {
 public:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // A folder holding tokenizer.json and, optionally, tokenizer_config.json (special flags, eos/pad/bos).
  static Result<Tokenizer> from_hf_folder(const std::filesystem::path& dir);
  // The same from explicit files; config may be empty (no tokenizer_config.json).
  static Result<Tokenizer> from_hf_files(const std::filesystem::path& tokenizer_json,
                                         const std::filesystem::path& tokenizer_config_json);

  Result<std::vector<int32_t>> encode(std::string_view text, const EncodeOptions& options = {}) const;

  // ids -> text. Bytes that do not form valid UTF-8 become U+FFFD. Fails with InvalidArgument on an id outside
  // the vocabulary. Unused (padding) vocabulary entries decode to nothing.
  Result<std::string> decode(std::span<const int32_t> ids, const DecodeOptions& options = {}) const;

  // The raw bytes one token stands for (may be part of a UTF-8 character); InvalidArgument if out of range.
  Result<std::string_view> token_bytes(int32_t id) const;
  // The vocabulary spelling ("Ġworld", "<|im_end|>"); empty for an id outside the vocabulary.
  std::string_view token_piece(int32_t id) const;
  // Id of a vocabulary spelling or an added token's content.
  std::optional<int32_t> piece_to_id(std::string_view piece) const;

  int32_t n_vocab() const;  // ids are 0 .. n_vocab()-1
  bool is_special(int32_t id) const;
  bool is_added(int32_t id) const;
  std::optional<int32_t> eos_id() const;
  std::optional<int32_t> pad_id() const;
  std::optional<int32_t> bos_id() const;
  bool add_bos() const;  // what the model files ask for; encode() itself never prepends anything

  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Turns a stream of generated ids into text without ever splitting a UTF-8 character: push() returns only
// complete characters and holds back a trailing incomplete one until the next token completes it; bytes that can
// no longer become valid are emitted as U+FFFD at once. The concatenation of every push() and finish() equals
// Tokenizer::decode() of all the ids. The tokenizer must outlive the decoder.
class StreamingDecoder {
 public:
  explicit StreamingDecoder(const Tokenizer& tokenizer, DecodeOptions options = {});
  StreamingDecoder(StreamingDecoder&&) noexcept;
  StreamingDecoder& operator=(StreamingDecoder&&) noexcept;
  ~StreamingDecoder();

  Result<std::string> push(int32_t id);
  // End of the stream: a held-back partial character becomes U+FFFD.
  std::string finish();
  void reset();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lectern
