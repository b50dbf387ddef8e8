// tokenizer_vocab.cpp: builds a Tokenizer from a GGUF-style vocabulary description (TokenizerVocab).
#include "text/tokenizer_vocab.h"

#include "text/tokenizer_impl.h"

namespace lectern::text {

Result<Tokenizer> tokenizer_from_vocab(const TokenizerVocab& vocab) {
  if (!vocab.token_types.empty() && vocab.token_types.size() != vocab.tokens.size()) {
    return Status(ErrorCode::CorruptData, "tokenizer has " + std::to_string(vocab.tokens.size()) + " tokens but " +
                                              std::to_string(vocab.token_types.size()) + " token types");
  }
  TokenizerSpec spec;
  LECTERN_ASSIGN_OR_RETURN(spec.regex, regex_for_pre_type(vocab.pre));
  spec.nfc = true;  // both Qwen pre types come from HF tokenizers with an NFC normalizer (qwen35.md §5.1)
  spec.model_vocab.reserve(vocab.tokens.size());
  for (size_t i = 0; i < vocab.tokens.size(); ++i) {
    const auto id = static_cast<int32_t>(i);
    const std::string& piece = vocab.tokens[i];
    const int32_t type = vocab.token_types.empty() ? 1 : vocab.token_types[i];
    switch (static_cast<GgufTokenType>(type)) {
      case GgufTokenType::Undefined:
      case GgufTokenType::Normal:
      case GgufTokenType::Unknown:
      case GgufTokenType::Byte:
        if (!spec.model_vocab.emplace(piece, id).second) {
          return Status(ErrorCode::CorruptData, "token '" + piece + "' appears twice (ids " +
                                                    std::to_string(spec.model_vocab[piece]) + " and " +
                                                    std::to_string(id) + ")");
        }
        break;
      case GgufTokenType::Control:
      case GgufTokenType::UserDefined: {
        AddedToken t;
        t.id = id;
        t.content = piece;
        t.special = static_cast<GgufTokenType>(type) == GgufTokenType::Control;
        spec.added_tokens.push_back(std::move(t));
        break;
      }
      case GgufTokenType::Unused:
        spec.unused_tokens.emplace_back(id, piece);
        break;
      default:
        return Status(ErrorCode::CorruptData, "token " + std::to_string(id) + " '" + piece +
                                                  "' has unknown token type " + std::to_string(type));
    }
  }
  spec.merges.reserve(vocab.merges.size());
  for (size_t i = 0; i < vocab.merges.size(); ++i) {
    const std::string& m = vocab.merges[i];
    const size_t sp = m.find(' ');
    if (sp == std::string::npos || sp == 0 || sp + 1 == m.size() || m.find(' ', sp + 1) != std::string::npos) {
      return Status(ErrorCode::CorruptData, "merge #" + std::to_string(i) + " '" + m +
                                                "' is not two tokens separated by one space");
    }
    spec.merges.emplace_back(m.substr(0, sp), m.substr(sp + 1));
  }
  spec.eos_id = vocab.eos_id;
  spec.pad_id = vocab.pad_id;
  spec.bos_id = vocab.bos_id;
  spec.add_bos = vocab.add_bos;
  return build_tokenizer(std::move(spec));
}

}  // namespace lectern::text
