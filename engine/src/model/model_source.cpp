// model_source.cpp: format detection and the open -> reconcile -> validate sequence.
#include "model/model_source.h"

#include <filesystem>

#include "model/weight_validation.h"

namespace lectern::model {

Result<ModelSource> open_model_source(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  ModelSource src;
  src.path = path;
  if (!fs::exists(path, ec))
    return Status(ErrorCode::NotFound, "model '" + path + "' does not exist (give a .gguf file or a HuggingFace folder)");
  if (fs::is_directory(path, ec)) {
    src.format = ModelFormat::HfFolder;
    LECTERN_ASSIGN_OR_RETURN(HfFolder folder, open_hf_folder(path));
    src.hf.emplace(std::move(folder));
    return src;
  }
  if (fs::path(path).extension() == ".safetensors")
    return Status(ErrorCode::InvalidArgument, "'" + path + "' is a single safetensors file; give the folder that holds "
                                              "it together with config.json");
  src.format = ModelFormat::Gguf;
  LECTERN_ASSIGN_OR_RETURN(GgufFile gguf, GgufFile::open(path));
  src.gguf.emplace(std::move(gguf));
  return src;
}

Result<ModelWeights> load_model_weights(const ModelSource& source) {
  Result<ModelWeights> w = source.format == ModelFormat::Gguf ? weights_from_gguf(*source.gguf)
                                                              : weights_from_hf(*source.hf);
  if (!w.is_ok()) {
    // Messages from the GGUF side do not carry the path yet.
    if (source.format == ModelFormat::Gguf) return w.status().with_context(source.path);
    return w.status();
  }
  LECTERN_TRY(validate_weights(*w));
  return w;
}

Result<ModelWeights> load_model_weights(const std::string& path) {
  LECTERN_ASSIGN_OR_RETURN(ModelSource src, open_model_source(path));
  return load_model_weights(src);
}

}  // namespace lectern::model
