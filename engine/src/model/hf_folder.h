// hf_folder.h: a HuggingFace model folder: config.json, model.safetensors (or shards listed by
// model.safetensors.index.json), tokenizer.json, tokenizer_config.json / chat_template.jinja.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "lectern/status.h"
#include "model/safetensors_reader.h"

namespace lectern::model {

struct HfTensorLocation {
  size_t shard = 0;
  const SafetensorsTensor* tensor = nullptr;
};

struct HfFolder {
  HfFolder() = default;
  HfFolder(HfFolder&&) = default;
  HfFolder& operator=(HfFolder&&) = default;
  HfFolder(const HfFolder&) = delete;  // `tensors` points into `shards`
  HfFolder& operator=(const HfFolder&) = delete;

  std::string dir;
  nlohmann::json config;               // config.json as parsed
  std::vector<SafetensorsFile> shards;  // one per safetensors file
  std::unordered_map<std::string, HfTensorLocation> tensors;
  std::string tokenizer_json_path;     // empty when the folder has none
  std::string tokenizer_config_path;   // empty when the folder has none
  nlohmann::json tokenizer_config;     // null when absent
  std::optional<std::string> chat_template;  // chat_template.jinja, else tokenizer_config.json chat_template

  const HfTensorLocation* find(std::string_view name) const;
  std::span<const uint8_t> tensor_data(const HfTensorLocation& loc) const {
    return shards[loc.shard].tensor_data(*loc.tensor);
  }
};

// NotFound for a missing folder / config.json / weights file; CorruptData for malformed JSON or safetensors
// (messages name the file); shard file names from the index must be plain names inside the folder.
Result<HfFolder> open_hf_folder(const std::string& dir);

// Parses JSON text without exceptions escaping; `what` names the file in errors ("config.json is not valid JSON:
// ... at byte 17"). Rejects nesting deeper than 64 levels.
Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& what);
Result<nlohmann::json> read_json_file(const std::string& path);

}  // namespace lectern::model
