// tokenizer_loader.cpp: finds and loads the tokenizer that belongs to a model path (HF folder or GGUF file).
#include "text/tokenizer_loader.h"

#include "model/gguf_reader.h"
#include "model/gguf_tokenizer.h"
#include "text/tokenizer_vocab.h"

namespace lectern::text {

Result<Tokenizer> load_tokenizer_for_model(const std::filesystem::path& model_path) {
  std::error_code ec;
  if (std::filesystem::is_directory(model_path, ec)) return Tokenizer::from_hf_folder(model_path);
  if (!std::filesystem::exists(model_path, ec)) {
    return Status(ErrorCode::NotFound, "model path " + model_path.string() + " does not exist");
  }
  // A file: a GGUF model whose tokenizer.ggml.* metadata describes the vocabulary (model/gguf_tokenizer.h).
  LECTERN_ASSIGN_OR_RETURN(model::GgufFile gguf, model::GgufFile::open(model_path.string()));
  LECTERN_ASSIGN_OR_RETURN(TokenizerVocab vocab, model::tokenizer_vocab_from_gguf(gguf));
  Result<Tokenizer> tokenizer = tokenizer_from_vocab(vocab);
  if (!tokenizer.is_ok()) return tokenizer.status().with_context(model_path.string());
  return tokenizer;
}

}  // namespace lectern::text
