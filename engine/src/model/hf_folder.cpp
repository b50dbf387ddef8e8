// hf_folder.cpp: locating and opening the files of a HuggingFace model folder (single or sharded safetensors).
#include "model/hf_folder.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/mapped_file.h"

namespace lectern::model {

namespace fs = std::filesystem;

namespace {

bool nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

bool is_plain_file_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
         name != "." && name != "..";
}

}  // namespace

Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& what) {
  if (!nesting_within(text, 64)) return Status(ErrorCode::CorruptData, what + " nests JSON deeper than 64 levels");
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    std::string detail = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> keep the human part.
    if (size_t p = detail.find("] "); p != std::string::npos) detail = detail.substr(p + 2);
    return Status(ErrorCode::CorruptData, what + " is not valid JSON: " + detail);
  }
}

Result<nlohmann::json> read_json_file(const std::string& path) {
  LECTERN_ASSIGN_OR_RETURN(MappedFile f, MappedFile::open(path));
  std::string_view text(reinterpret_cast<const char*>(f.data()), f.size());
  return parse_json_text(text, path);
}

const HfTensorLocation* HfFolder::find(std::string_view name) const {
  auto it = tensors.find(std::string(name));
  return it == tensors.end() ? nullptr : &it->second;
}

Result<HfFolder> open_hf_folder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status(ErrorCode::NotFound, "model folder '" + dir + "' does not exist");
  HfFolder folder;
  folder.dir = dir;
  const fs::path root(dir);
  const std::string config_path = (root / "config.json").string();
  if (!fs::exists(config_path, ec))
    return Status(ErrorCode::NotFound, "'" + dir + "' has no config.json; expected a HuggingFace model folder "
                                       "(config.json + model.safetensors) or a .gguf file");
  LECTERN_ASSIGN_OR_RETURN(folder.config, read_json_file(config_path));

  // Weights: an index names the shards; otherwise one model.safetensors.
  const std::string index_path = (root / "model.safetensors.index.json").string();
  std::vector<std::string> shard_names;
  nlohmann::json weight_map;
  if (fs::exists(index_path, ec)) {
    LECTERN_ASSIGN_OR_RETURN(nlohmann::json index, read_json_file(index_path));
    auto wm = index.is_object() ? index.find("weight_map") : index.end();
    if (!index.is_object() || wm == index.end() || !wm->is_object())
      return Status(ErrorCode::CorruptData, index_path + " has no weight_map object");
    weight_map = *wm;
    std::set<std::string> seen;
    for (auto it = weight_map.begin(); it != weight_map.end(); ++it) {
      if (!it->is_string() || !is_plain_file_name(it->get<std::string>()))
        return Status(ErrorCode::CorruptData, index_path + " maps tensor " + it.key() +
                                                  " to something that is not a file name in the folder");
      if (seen.insert(it->get<std::string>()).second) shard_names.push_back(it->get<std::string>());
    }
    if (shard_names.empty()) return Status(ErrorCode::CorruptData, index_path + " lists no shard files");
  } else if (fs::exists(root / "model.safetensors", ec)) {
    shard_names.push_back("model.safetensors");
  } else {
    return Status(ErrorCode::NotFound, "'" + dir + "' has neither model.safetensors nor model.safetensors.index.json");
  }
  folder.shards.reserve(shard_names.size());
  for (const std::string& name : shard_names) {
    LECTERN_ASSIGN_OR_RETURN(SafetensorsFile f, SafetensorsFile::open((root / name).string()));
    folder.shards.push_back(std::move(f));
  }
  for (size_t s = 0; s < folder.shards.size(); ++s) {
    for (const SafetensorsTensor& t : folder.shards[s].tensors()) {
      if (!folder.tensors.emplace(t.name, HfTensorLocation{s, &t}).second)
        return Status(ErrorCode::CorruptData, "tensor " + t.name + " appears in more than one shard of '" + dir + "'");
    }
  }
  for (auto it = weight_map.begin(); it != weight_map.end(); ++it) {
    const HfTensorLocation* loc = folder.find(it.key());
    if (!loc || folder.shards[loc->shard].name() != (root / it->get<std::string>()).string())
      return Status(ErrorCode::CorruptData, index_path + " says tensor " + it.key() + " is in " +
                                                it->get<std::string>() + ", but it is not there");
  }

  if (fs::exists(root / "tokenizer.json", ec)) folder.tokenizer_json_path = (root / "tokenizer.json").string();
  if (fs::exists(root / "tokenizer_config.json", ec)) {
    folder.tokenizer_config_path = (root / "tokenizer_config.json").string();
    LECTERN_ASSIGN_OR_RETURN(folder.tokenizer_config, read_json_file(folder.tokenizer_config_path));
  }
  // chat_template.jinja (newer transformers) wins over tokenizer_config.json's chat_template, as in HF.
  if (fs::exists(root / "chat_template.jinja", ec)) {
    LECTERN_ASSIGN_OR_RETURN(MappedFile f, MappedFile::open((root / "chat_template.jinja").string()));
    folder.chat_template = std::string(reinterpret_cast<const char*>(f.data()), f.size());
  } else if (folder.tokenizer_config.is_object()) {
    auto ct = folder.tokenizer_config.find("chat_template");
    if (ct != folder.tokenizer_config.end()) {
      if (ct->is_string()) {
        folder.chat_template = ct->get<std::string>();
      } else if (ct->is_array()) {  // [{"name": "default", "template": "..."}, ...]
        for (const auto& e : *ct) {
          if (!e.is_object() || !e.contains("template") || !e["template"].is_string()) continue;
          bool is_default = e.contains("name") && e["name"].is_string() && e["name"].get<std::string>() == "default";
          if (is_default || !folder.chat_template) folder.chat_template = e["template"].get<std::string>();
        }
      }
    }
  }
  return folder;
}

}  // namespace lectern::model
