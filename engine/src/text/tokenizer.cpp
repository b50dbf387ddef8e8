// tokenizer.cpp: the encode/decode pipeline of the byte-level BPE tokenizer, its builder and the streaming decoder.
#include "lectern/tokenizer.h"

#include <algorithm>

#include "text/bpe_byte_level.h"
#include "text/tokenizer_impl.h"
#include "text/tokenizer_normalizer.h"
#include "text/utf8.h"

namespace lectern {

namespace text {

namespace {

// Far above any real vocabulary (Qwen3.5: 248,320) but small enough that a corrupt id cannot make us allocate
// gigabytes for the per-id tables.
constexpr int64_t kMaxVocab = 1 << 24;

bool id_in_range(int64_t id) { return id >= 0 && id < kMaxVocab; }

Status bad_id(int64_t id, const std::string& what) {
  return Status(ErrorCode::CorruptData, what + " has id " + std::to_string(id) + ", outside 0.." +
                                            std::to_string(kMaxVocab - 1));
}

}  // namespace

Result<Tokenizer> build_tokenizer(TokenizerSpec spec) {
  int64_t max_id = -1;
  for (const auto& [piece, id] : spec.model_vocab) {
    if (!id_in_range(id)) return bad_id(id, "vocabulary token '" + piece + "'");
    max_id = std::max<int64_t>(max_id, id);
  }
  for (const auto& t : spec.added_tokens) {
    if (!id_in_range(t.id)) return bad_id(t.id, "added token '" + t.content + "'");
    if (t.content.empty()) {
      return Status(ErrorCode::CorruptData, "added token " + std::to_string(t.id) + " has empty content");
    }
    max_id = std::max<int64_t>(max_id, t.id);
  }
  for (const auto& [id, piece] : spec.unused_tokens) {
    if (!id_in_range(id)) return bad_id(id, "unused token '" + piece + "'");
    max_id = std::max<int64_t>(max_id, id);
  }
  if (max_id < 0) return Status(ErrorCode::CorruptData, "tokenizer vocabulary is empty");
  const auto n_vocab = static_cast<size_t>(max_id + 1);

  LECTERN_ASSIGN_OR_RETURN(BpeModel bpe, BpeModel::create(spec.model_vocab, spec.merges, spec.ignore_merges));
  LECTERN_ASSIGN_OR_RETURN(RegexSplitter splitter, RegexSplitter::create(spec.regex));
  auto impl = std::make_unique<Tokenizer::Impl>(std::move(bpe), std::move(splitter));
  impl->nfc = spec.nfc;
  impl->pieces.resize(n_vocab);
  impl->flags.assign(n_vocab, 0);
  std::vector<std::string> token_bytes(n_vocab);

  for (const auto& [piece, id] : spec.model_vocab) {
    if (impl->flags[id] & kTokenPresent) {
      return Status(ErrorCode::CorruptData, "vocabulary id " + std::to_string(id) + " is used by both '" +
                                                impl->pieces[id] + "' and '" + piece + "'");
    }
    impl->pieces[id] = piece;
    impl->flags[id] = kTokenPresent;
    // HF's ByteLevel decoder keeps a token's own UTF-8 when some character is outside the byte alphabet.
    auto raw = vocab_piece_to_bytes(piece);
    token_bytes[id] = raw ? std::move(*raw) : piece;
  }
  for (const auto& t : spec.added_tokens) {
    if ((impl->flags[t.id] & kTokenPresent) && impl->pieces[t.id] != t.content) {
      return Status(ErrorCode::CorruptData, "added token '" + t.content + "' has id " + std::to_string(t.id) +
                                                ", which already belongs to '" + impl->pieces[t.id] + "'");
    }
    impl->pieces[t.id] = t.content;
    impl->flags[t.id] = kTokenPresent | kTokenAdded | (t.special ? kTokenSpecial : 0);
    token_bytes[t.id] = t.content;  // added tokens are literal text, not byte-mapped
  }
  for (const auto& [id, piece] : spec.unused_tokens) {
    if (impl->flags[id] & kTokenPresent) {
      return Status(ErrorCode::CorruptData, "unused token '" + piece + "' has id " + std::to_string(id) +
                                                ", which already belongs to '" + impl->pieces[id] + "'");
    }
    impl->pieces[id] = piece;
    impl->flags[id] = kTokenPresent | kTokenUnused;
  }

  size_t total = 0;
  for (const auto& b : token_bytes) total += b.size();
  impl->bytes.reserve(total);
  impl->bytes_offset.resize(n_vocab + 1);
  for (size_t i = 0; i < n_vocab; ++i) {
    impl->bytes_offset[i] = static_cast<uint32_t>(impl->bytes.size());
    impl->bytes += token_bytes[i];
  }
  impl->bytes_offset[n_vocab] = static_cast<uint32_t>(impl->bytes.size());

  impl->piece_to_id = std::move(spec.model_vocab);
  std::vector<AddedToken> raw, normalized;
  for (auto& t : spec.added_tokens) {
    impl->piece_to_id[t.content] = t.id;
    if (t.normalized && spec.nfc) {
      if (!is_valid_utf8(t.content)) {
        return Status(ErrorCode::CorruptData, "added token " + std::to_string(t.id) + " is not valid UTF-8");
      }
      LECTERN_ASSIGN_OR_RETURN(t.content, nfc_normalize(t.content));
    }
    (t.normalized ? normalized : raw).push_back(std::move(t));
  }
  impl->raw_added = AddedTokenMatcher(std::move(raw));
  impl->normalized_added = AddedTokenMatcher(std::move(normalized));

  auto check_special = [&](const std::optional<int32_t>& id, const char* what) -> Status {
    if (id && (*id < 0 || static_cast<size_t>(*id) >= n_vocab || !(impl->flags[*id] & kTokenPresent))) {
      return Status(ErrorCode::CorruptData, std::string(what) + " id " + std::to_string(*id) +
                                                " is not in the vocabulary of " + std::to_string(n_vocab));
    }
    return Status::ok();
  };
  LECTERN_TRY(check_special(spec.eos_id, "eos"));
  LECTERN_TRY(check_special(spec.pad_id, "pad"));
  LECTERN_TRY(check_special(spec.bos_id, "bos"));
  impl->eos_id = spec.eos_id;
  impl->pad_id = spec.pad_id;
  impl->bos_id = spec.bos_id;
  impl->add_bos = spec.add_bos;
  return Tokenizer(std::move(impl));
}

}  // namespace text

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

namespace {

// Text between added tokens: NFC, then added tokens that match on normalised text, then regex pieces and BPE.
Status encode_plain(const Tokenizer::Impl& impl, std::string_view text, std::vector<int32_t>& ids) {
  std::string normalized_storage;
  std::string_view normalized = text;
  if (impl.nfc) {
    LECTERN_ASSIGN_OR_RETURN(normalized_storage, text::nfc_normalize(text));
    normalized = normalized_storage;
  }
  std::vector<text::TextSegment> segments;
  if (impl.normalized_added.empty()) {
    segments.push_back(text::TextSegment{0, normalized.size(), -1});
  } else {
    impl.normalized_added.split(normalized, true, segments);
  }
  std::vector<std::pair<size_t, size_t>> pieces;
  for (const auto& seg : segments) {
    if (seg.id >= 0) {
      ids.push_back(seg.id);
      continue;
    }
    const std::string_view part = normalized.substr(seg.begin, seg.end - seg.begin);
    pieces.clear();
    LECTERN_TRY(impl.splitter.split(part, pieces));
    for (const auto& [b, e] : pieces) impl.bpe.encode_word(part.substr(b, e - b), ids);
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<int32_t>> Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  // Invalid UTF-8 cannot reach the regex or NFC: each maximal ill-formed subpart becomes U+FFFD (documented).
  std::string repaired;
  if (!text::is_valid_utf8(text)) {
    repaired = text::sanitize_utf8(text);
    text = repaired;
  }
  std::vector<int32_t> ids;
  ids.reserve(text.size() / 3 + 1);
  std::vector<text::TextSegment> segments;
  impl_->raw_added.split(text, options.parse_special, segments);
  for (const auto& seg : segments) {
    if (seg.id >= 0) {
      ids.push_back(seg.id);
    } else {
      LECTERN_TRY(encode_plain(*impl_, text.substr(seg.begin, seg.end - seg.begin), ids));
    }
  }
  return ids;
}

Result<std::string_view> Tokenizer::token_bytes(int32_t id) const {
  if (id < 0 || id >= n_vocab() || !(impl_->flags[id] & text::kTokenPresent)) {
    return Status(ErrorCode::InvalidArgument, "token id " + std::to_string(id) + " is not in the vocabulary (0.." +
                                                  std::to_string(n_vocab() - 1) + ")");
  }
  const uint32_t b = impl_->bytes_offset[id], e = impl_->bytes_offset[id + 1];
  return std::string_view(impl_->bytes).substr(b, e - b);
}

Result<std::string> Tokenizer::decode(std::span<const int32_t> ids, const DecodeOptions& options) const {
  std::string bytes;
  for (int32_t id : ids) {
    LECTERN_ASSIGN_OR_RETURN(std::string_view b, token_bytes(id));
    if (options.skip_special && (impl_->flags[id] & text::kTokenSpecial)) continue;
    bytes += b;
  }
  if (text::is_valid_utf8(bytes)) return bytes;
  return text::sanitize_utf8(bytes);
}

std::string_view Tokenizer::token_piece(int32_t id) const {
  if (id < 0 || id >= n_vocab()) return {};
  return impl_->pieces[id];
}

std::optional<int32_t> Tokenizer::piece_to_id(std::string_view piece) const {
  auto it = impl_->piece_to_id.find(piece);
  if (it == impl_->piece_to_id.end()) return std::nullopt;
  return it->second;
}

int32_t Tokenizer::n_vocab() const { return static_cast<int32_t>(impl_->pieces.size()); }
bool Tokenizer::is_special(int32_t id) const {
  return id >= 0 && id < n_vocab() && (impl_->flags[id] & text::kTokenSpecial);
}
bool Tokenizer::is_added(int32_t id) const {
  return id >= 0 && id < n_vocab() && (impl_->flags[id] & text::kTokenAdded);
}
std::optional<int32_t> Tokenizer::eos_id() const { return impl_->eos_id; }
std::optional<int32_t> Tokenizer::pad_id() const { return impl_->pad_id; }
std::optional<int32_t> Tokenizer::bos_id() const { return impl_->bos_id; }
bool Tokenizer::add_bos() const { return impl_->add_bos; }

struct StreamingDecoder::State {
  const Tokenizer* tokenizer;
  DecodeOptions options;
  text::Utf8Assembler assembler;
};

StreamingDecoder::StreamingDecoder(const Tokenizer& tokenizer, DecodeOptions options)
    : state_(std::make_unique<State>(State{&tokenizer, options, {}})) {}
StreamingDecoder::StreamingDecoder(StreamingDecoder&&) noexcept = default;
StreamingDecoder& StreamingDecoder::operator=(StreamingDecoder&&) noexcept = default;
StreamingDecoder::~StreamingDecoder() = default;

Result<std::string> StreamingDecoder::push(int32_t id) {
  LECTERN_ASSIGN_OR_RETURN(std::string_view bytes, state_->tokenizer->token_bytes(id));
  std::string out;
  if (state_->options.skip_special && state_->tokenizer->is_special(id)) return out;
  state_->assembler.push(bytes, out);
  return out;
}

std::string StreamingDecoder::finish() {
  std::string out;
  state_->assembler.finish(out);
  return out;
}

void StreamingDecoder::reset() { state_->assembler.reset(); }

}  // namespace lectern
