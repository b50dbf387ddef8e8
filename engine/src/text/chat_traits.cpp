// chat_traits.cpp: which Qwen3.5 template variant a model ships (thinking on or off by default), from the model's
// size and/or its stored chat template; one entry point per model format.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "lectern/chat.h"
#include "model/gguf_reader.h"
#include "text/chat_python.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;
using text::Json;

Result<std::string> read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, "cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Json> read_json_file(const fs::path& path) {
  LECTERN_ASSIGN_OR_RETURN(std::string text, read_text_file(path));
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    return Status(ErrorCode::CorruptData, path.string() + " is not a JSON object; re-download the model folder");
  return json;
}

// The template text of a HuggingFace folder: chat_template.jinja (newer exports), else tokenizer_config.json
// "chat_template" (a string, or a list of {"name", "template"} where "default" is the chat one). Empty if none.
Result<std::string> read_hf_chat_template(const fs::path& folder) {
  if (fs::exists(folder / "chat_template.jinja")) return read_text_file(folder / "chat_template.jinja");
  if (!fs::exists(folder / "tokenizer_config.json")) return std::string();
  LECTERN_ASSIGN_OR_RETURN(Json config, read_json_file(folder / "tokenizer_config.json"));
  auto it = config.find("chat_template");
  if (it == config.end()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {
    for (const Json& entry : *it) {
      if (entry.is_object() && entry.value("name", "") == "default" && entry.contains("template") &&
          entry["template"].is_string())
        return entry["template"].get<std::string>();
    }
  }
  return std::string();
}

Result<ChatTemplateTraits> traits_from_hf_folder(const fs::path& folder) {
  const fs::path config_path = folder / "config.json";
  if (!fs::exists(config_path))
    return Status(ErrorCode::NotFound, "no config.json in " + folder.string() + "; expected a HuggingFace model folder");
  LECTERN_ASSIGN_OR_RETURN(Json config, read_json_file(config_path));
  // Qwen3_5ForConditionalGeneration keeps the text settings under text_config; a text-only export has them at the top.
  const Json& text_config = (config.contains("text_config") && config["text_config"].is_object()) ? config["text_config"] : config;
  auto n_layer = text_config.find("num_hidden_layers");
  auto n_embd = text_config.find("hidden_size");
  if (n_layer == text_config.end() || !n_layer->is_number_integer() || n_embd == text_config.end() ||
      !n_embd->is_number_integer())
    return Status(ErrorCode::CorruptData,
                  config_path.string() + " lacks integer text_config.num_hidden_layers / hidden_size");
  LECTERN_ASSIGN_OR_RETURN(std::string template_text, read_hf_chat_template(folder));
  return chat_traits_from_model_info(n_layer->get<int64_t>(), n_embd->get<int64_t>(), template_text);
}

// GGUF: main layers = block_count - nextn_predict_layers (qwen35.md §8.1.2), embedding_length and the stored
// tokenizer.chat_template (optional) feed chat_traits_from_model_info.
Result<ChatTemplateTraits> traits_from_gguf(const fs::path& path) {
  LECTERN_ASSIGN_OR_RETURN(model::GgufFile gguf, model::GgufFile::open(path.string()));
  auto fail = [&](const Status& s) { return s.with_context(path.string()); };
  Result<uint64_t> blocks = gguf.get_uint("qwen35.block_count");
  if (!blocks.is_ok()) return fail(blocks.status());
  Result<uint64_t> nextn = gguf.get_uint_or("qwen35.nextn_predict_layers", 0);
  if (!nextn.is_ok()) return fail(nextn.status());
  Result<uint64_t> n_embd = gguf.get_uint("qwen35.embedding_length");
  if (!n_embd.is_ok()) return fail(n_embd.status());
  std::string template_text;
  if (gguf.find("tokenizer.chat_template")) {
    Result<std::string_view> t = gguf.get_string("tokenizer.chat_template");
    if (!t.is_ok()) return fail(t.status());
    template_text = std::string(*t);
  }
  const int64_t n_layer = static_cast<int64_t>(*blocks) - static_cast<int64_t>(*nextn);
  return chat_traits_from_model_info(n_layer, static_cast<int64_t>(*n_embd), template_text);
}

bool has_gguf_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".gguf";
}

}  // namespace

bool default_thinking_for_model(int64_t n_layer, int64_t n_embd) {
  (void)n_embd;  // 0.8B (1024) and 2B (other widths) share the 24-layer depth and the non-thinking default
  return n_layer != 24;
}

std::optional<bool> thinking_default_from_template(std::string_view template_text) {
  // Only the generation-prompt branch matters; look after its last `add_generation_prompt` test when present.
  std::string_view tail = template_text;
  if (size_t at = template_text.rfind("add_generation_prompt"); at != std::string_view::npos)
    tail = template_text.substr(at);
  const bool tests_true = tail.find("enable_thinking is true") != std::string_view::npos;
  const bool tests_false = tail.find("enable_thinking is false") != std::string_view::npos;
  if (tests_true == tests_false) return std::nullopt;  // neither, or both: not a form we recognise
  return tests_false;  // "think unless enable_thinking is false" means thinking by default
}

ChatTemplateTraits chat_traits_from_model_info(int64_t n_layer, int64_t n_embd, std::string_view template_text) {
  ChatTemplateTraits traits;
  traits.thinking_by_default =
      thinking_default_from_template(template_text).value_or(default_thinking_for_model(n_layer, n_embd));
  return traits;
}

Result<ChatTemplateTraits> chat_traits_for_model_path(const std::string& model_path) {
  const fs::path path(model_path);
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status(ErrorCode::NotFound, "model not found: " + model_path);
  if (fs::is_directory(path, ec)) return traits_from_hf_folder(path);
  if (has_gguf_extension(path)) return traits_from_gguf(path);
  return Status(ErrorCode::InvalidArgument,
                model_path + " is neither a HuggingFace model folder nor a .gguf file");
}

}  // namespace lectern
