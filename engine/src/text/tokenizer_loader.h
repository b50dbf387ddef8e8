// tokenizer_loader.h: finds and loads the tokenizer that belongs to a model path (HF folder or GGUF file).
#pragma once

#include <filesystem>

#include "lectern/tokenizer.h"

namespace lectern::text {

// A folder: its tokenizer.json (+ tokenizer_config.json). A file: a GGUF model (tokenizer.ggml.* metadata).
Result<Tokenizer> load_tokenizer_for_model(const std::filesystem::path& model_path);

}  // namespace lectern::text
