// model_source.h: opening a model path of either format (a .gguf file or a HuggingFace folder) and turning it
// into validated ModelWeights: the entry point model code and tools use.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "lectern/status.h"
#include "model/gguf_reader.h"
#include "model/hf_folder.h"
#include "model/weights.h"

namespace lectern::model {

struct ModelSource {
  ModelFormat format = ModelFormat::Gguf;
  std::string path;
  std::optional<GgufFile> gguf;   // format == Gguf
  std::optional<HfFolder> hf;     // format == HfFolder
};

// A directory is a HF folder, anything else must be a GGUF file. NotFound when the path does not exist.
Result<ModelSource> open_model_source(const std::string& path);

// Reconciles (weights_from_gguf / weights_from_hf) and validates; any validation error fails the load.
Result<ModelWeights> load_model_weights(const ModelSource& source);
Result<ModelWeights> load_model_weights(const std::string& path);

}  // namespace lectern::model
