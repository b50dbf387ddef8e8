// gguf_tokenizer.h: the tokenizer description a GGUF file carries (tokenizer.ggml.*) as a text::TokenizerVocab.
#pragma once

#include "lectern/status.h"
#include "text/tokenizer_vocab.h"

namespace lectern::model {

class GgufFile;

// tokenizer.ggml.model must be "gpt2" (byte-level BPE); tokens and merges are required, token_type (same length
// as tokens), pre, eos/pad/bos ids and add_bos_token are optional. Ids must lie inside the vocabulary.
Result<text::TokenizerVocab> tokenizer_vocab_from_gguf(const GgufFile& gguf);

}  // namespace lectern::model
