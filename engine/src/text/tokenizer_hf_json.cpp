// tokenizer_hf_json.cpp: builds a Tokenizer from a HuggingFace tokenizer.json (+ tokenizer_config.json), accepting
// exactly the byte-level BPE pipeline the engine implements and naming anything else it finds.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "text/tokenizer_impl.h"

namespace lectern {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path, const char* what) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Status(ErrorCode::NotFound, std::string(what) + " not found at " + path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, "cannot open " + path.string() + " for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in.good() && !in.eof()) return Status(ErrorCode::IoError, "error while reading " + path.string());
  return std::move(ss).str();
}

Status corrupt(const std::string& message) { return Status(ErrorCode::CorruptData, message); }
Status unsupported(const std::string& message) { return Status(ErrorCode::Unsupported, message); }

std::string type_of(const json& j) {
  return j.is_object() && j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : j.dump();
}

// obj[key] without copying (json::value() returns a copy, and "model" is most of an 11 MB file); null if absent.
const json& member(const json& obj, const char* key) {
  static const json null_json;
  if (!obj.is_object()) return null_json;
  auto it = obj.find(key);
  return it == obj.end() ? null_json : *it;
}

bool flag(const json& obj, const char* key, bool fallback) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// normalizer: null, NFC, or a Sequence of those.
Status parse_normalizer(const json& j, bool& nfc) {
  if (j.is_null()) return Status::ok();
  const std::string type = type_of(j);
  if (type == "NFC") {
    nfc = true;
    return Status::ok();
  }
  if (type == "Sequence" && j.contains("normalizers") && j["normalizers"].is_array()) {
    for (const auto& n : j["normalizers"]) LECTERN_TRY(parse_normalizer(n, nfc));
    return Status::ok();
  }
  return unsupported("tokenizer.json normalizer '" + type + "' is not supported (only NFC is)");
}

// pre_tokenizer: Split(Regex, Isolated) followed by ByteLevel(use_regex=false), possibly inside a Sequence.
Status parse_pre_tokenizer(const json& j, std::string& regex, bool& byte_level) {
  const std::string type = type_of(j);
  if (type == "Sequence") {
    if (!j.contains("pretokenizers") || !j["pretokenizers"].is_array()) {
      return corrupt("tokenizer.json pre_tokenizer Sequence has no 'pretokenizers' array");
    }
    for (const auto& p : j["pretokenizers"]) LECTERN_TRY(parse_pre_tokenizer(p, regex, byte_level));
    return Status::ok();
  }
  if (type == "Split") {
    if (!regex.empty()) return unsupported("tokenizer.json has more than one Split pre-tokenizer");
    const json& pattern = member(j, "pattern");
    if (!pattern.is_object() || !pattern.contains("Regex") || !pattern["Regex"].is_string()) {
      return unsupported("tokenizer.json Split pre-tokenizer pattern " + pattern.dump() +
                         " is not supported (only {\"Regex\": ...} is)");
    }
    const std::string behavior = j.value("behavior", std::string());
    if (behavior != "Isolated") {
      return unsupported("tokenizer.json Split behaviour '" + behavior + "' is not supported (only Isolated is)");
    }
    if (flag(j, "invert", false)) return unsupported("tokenizer.json Split with invert=true is not supported");
    regex = pattern["Regex"].get<std::string>();
    if (regex.empty()) return corrupt("tokenizer.json Split pre-tokenizer has an empty regex");
    return Status::ok();
  }
  if (type == "ByteLevel") {
    if (flag(j, "add_prefix_space", false)) {
      return unsupported("tokenizer.json ByteLevel pre-tokenizer with add_prefix_space=true is not supported");
    }
    if (flag(j, "use_regex", true)) {
      return unsupported("tokenizer.json ByteLevel pre-tokenizer with use_regex=true (GPT-2 split) is not "
                         "supported; only a Split regex followed by ByteLevel(use_regex=false) is");
    }
    byte_level = true;
    return Status::ok();
  }
  return unsupported("tokenizer.json pre-tokenizer '" + type + "' is not supported (expected Split + ByteLevel)");
}

Status parse_model(const json& model, text::TokenizerSpec& spec) {
  if (!model.is_object()) return corrupt("tokenizer.json has no 'model' object");
  const std::string type = model.value("type", std::string("BPE"));
  if (type != "BPE") return unsupported("tokenizer.json model type '" + type + "' is not supported (only BPE is)");
  if (model.contains("dropout") && !model["dropout"].is_null()) {
    return unsupported("tokenizer.json BPE dropout is not supported");
  }
  if (flag(model, "byte_fallback", false)) return unsupported("tokenizer.json BPE byte_fallback is not supported");
  for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
    if (model.contains(key) && model[key].is_string() && !model[key].get<std::string>().empty()) {
      return unsupported(std::string("tokenizer.json BPE ") + key + " is not supported");
    }
  }
  spec.ignore_merges = flag(model, "ignore_merges", false);

  const auto vocab_it = model.find("vocab");
  if (vocab_it == model.end() || !vocab_it->is_object()) return corrupt("tokenizer.json model has no 'vocab' object");
  spec.model_vocab.reserve(vocab_it->size());
  for (auto it = vocab_it->begin(); it != vocab_it->end(); ++it) {
    if (!it.value().is_number_integer()) {
      return corrupt("tokenizer.json vocab entry '" + it.key() + "' has a non-integer id");
    }
    spec.model_vocab.emplace(it.key(), it.value().get<int32_t>());
  }

  const auto merges_it = model.find("merges");
  if (merges_it == model.end() || !merges_it->is_array()) return corrupt("tokenizer.json model has no 'merges' array");
  spec.merges.reserve(merges_it->size());
  for (size_t i = 0; i < merges_it->size(); ++i) {
    const json& m = (*merges_it)[i];
    if (m.is_string()) {  // legacy "a b" form; byte-level spellings never contain a space
      const std::string& s = m.get_ref<const std::string&>();
      const size_t sp = s.find(' ');
      if (sp == std::string::npos || sp == 0 || sp + 1 == s.size() || s.find(' ', sp + 1) != std::string::npos) {
        return corrupt("tokenizer.json merge #" + std::to_string(i) + " '" + s + "' is not two tokens separated by "
                       "one space");
      }
      spec.merges.emplace_back(s.substr(0, sp), s.substr(sp + 1));
    } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      spec.merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
    } else {
      return corrupt("tokenizer.json merge #" + std::to_string(i) + " is " + m.dump() +
                     ", expected \"a b\" or [\"a\", \"b\"]");
    }
  }
  return Status::ok();
}

Status parse_added_token(const json& t, text::AddedToken& out, bool has_id_field) {
  if (!t.is_object() || !t.contains("content") || !t["content"].is_string()) {
    return corrupt("added token " + t.dump() + " has no string 'content'");
  }
  if (has_id_field) {
    if (!t.contains("id") || !t["id"].is_number_integer()) {
      return corrupt("added token '" + t["content"].get<std::string>() + "' has no integer 'id'");
    }
    out.id = t["id"].get<int32_t>();
  }
  out.content = t["content"].get<std::string>();
  out.special = flag(t, "special", false);
  out.lstrip = flag(t, "lstrip", false);
  out.rstrip = flag(t, "rstrip", false);
  out.single_word = flag(t, "single_word", false);
  out.normalized = flag(t, "normalized", !out.special);  // HF's default when the field is absent
  return Status::ok();
}

// eos_token etc. may be a string, an AddedToken object or null.
std::optional<std::string> token_name(const json& config, const char* key) {
  auto it = config.find(key);
  if (it == config.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object() && it->contains("content") && (*it)["content"].is_string()) {
    return (*it)["content"].get<std::string>();
  }
  return std::nullopt;
}

Status apply_config(const json& config, text::TokenizerSpec& spec) {
  if (!config.is_object()) return corrupt("tokenizer_config.json is not a JSON object");
  // added_tokens_decoder refines the flags of tokenizer.json's added tokens (transformers applies it on load).
  if (auto it = config.find("added_tokens_decoder"); it != config.end() && it->is_object()) {
    for (auto e = it->begin(); e != it->end(); ++e) {
      int32_t id;
      try {
        size_t used = 0;
        id = std::stoi(e.key(), &used);
        if (used != e.key().size()) throw std::invalid_argument("trailing characters");
      } catch (const std::exception&) {
        return corrupt("tokenizer_config.json added_tokens_decoder key '" + e.key() + "' is not an id");
      }
      text::AddedToken t;
      LECTERN_TRY(parse_added_token(e.value(), t, false));
      t.id = id;
      auto same = std::find_if(spec.added_tokens.begin(), spec.added_tokens.end(),
                               [&](const text::AddedToken& a) { return a.id == id; });
      if (same == spec.added_tokens.end()) {
        spec.added_tokens.push_back(t);
      } else if (same->content != t.content) {
        return corrupt("tokenizer_config.json says token " + std::to_string(id) + " is '" + t.content +
                       "' but tokenizer.json says '" + same->content + "'");
      } else {
        *same = t;
      }
    }
  }
  auto lookup = [&](const char* key, std::optional<int32_t>& id) -> Status {
    const auto name = token_name(config, key);
    if (!name) return Status::ok();
    for (const auto& t : spec.added_tokens) {
      if (t.content == *name) {
        id = t.id;
        return Status::ok();
      }
    }
    auto it = spec.model_vocab.find(*name);
    if (it == spec.model_vocab.end()) {
      return corrupt(std::string("tokenizer_config.json ") + key + " '" + *name + "' is not in the vocabulary");
    }
    id = it->second;
    return Status::ok();
  };
  LECTERN_TRY(lookup("eos_token", spec.eos_id));
  LECTERN_TRY(lookup("pad_token", spec.pad_id));
  LECTERN_TRY(lookup("bos_token", spec.bos_id));
  spec.add_bos = flag(config, "add_bos_token", false) && spec.bos_id.has_value();
  return Status::ok();
}

Result<text::TokenizerSpec> parse_tokenizer_json(const std::string& text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    return corrupt(std::string("tokenizer.json is not valid JSON (truncated or corrupt?): ") + e.what());
  }
  if (!root.is_object()) return corrupt("tokenizer.json is not a JSON object");
  text::TokenizerSpec spec;
  spec.nfc = false;
  try {
    LECTERN_TRY(parse_model(member(root, "model"), spec));
    LECTERN_TRY(parse_normalizer(member(root, "normalizer"), spec.nfc));
    bool byte_level = false;
    LECTERN_TRY(parse_pre_tokenizer(member(root, "pre_tokenizer"), spec.regex, byte_level));
    if (spec.regex.empty() || !byte_level) {
      return unsupported("tokenizer.json pre_tokenizer must be a Split regex followed by ByteLevel; found " +
                         member(root, "pre_tokenizer").dump().substr(0, 200));
    }
    const std::string decoder = type_of(member(root, "decoder"));
    if (decoder != "ByteLevel") {
      return unsupported("tokenizer.json decoder '" + decoder + "' is not supported (only ByteLevel is)");
    }
    if (auto it = root.find("added_tokens"); it != root.end() && !it->is_null()) {
      if (!it->is_array()) return corrupt("tokenizer.json 'added_tokens' is not an array");
      for (const auto& t : *it) {
        text::AddedToken added;
        LECTERN_TRY(parse_added_token(t, added, true));
        spec.added_tokens.push_back(std::move(added));
      }
    }
  } catch (const json::exception& e) {
    return corrupt(std::string("tokenizer.json has an unexpected structure: ") + e.what());
  }
  return spec;
}

}  // namespace

Result<Tokenizer> Tokenizer::from_hf_files(const fs::path& tokenizer_json, const fs::path& tokenizer_config_json) {
  LECTERN_ASSIGN_OR_RETURN(std::string text, read_file(tokenizer_json, "tokenizer.json"));
  auto spec_or = parse_tokenizer_json(text);
  if (!spec_or.is_ok()) return spec_or.status().with_context(tokenizer_json.string());
  text::TokenizerSpec spec = std::move(spec_or).value();
  text.clear();
  text.shrink_to_fit();
  if (!tokenizer_config_json.empty()) {
    LECTERN_ASSIGN_OR_RETURN(std::string config_text, read_file(tokenizer_config_json, "tokenizer_config.json"));
    json config;
    try {
      config = json::parse(config_text);
    } catch (const json::exception& e) {
      return corrupt(tokenizer_config_json.string() + ": not valid JSON (truncated or corrupt?): " + e.what());
    }
    Status s;
    try {
      s = apply_config(config, spec);
    } catch (const json::exception& e) {
      s = corrupt(std::string("unexpected structure: ") + e.what());
    }
    if (!s.is_ok()) return s.with_context(tokenizer_config_json.string());
  }
  auto tok = text::build_tokenizer(std::move(spec));
  if (!tok.is_ok()) return tok.status().with_context(tokenizer_json.string());
  return tok;
}

Result<Tokenizer> Tokenizer::from_hf_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(ErrorCode::NotFound, "tokenizer folder " + dir.string() + " does not exist or is not a folder");
  }
  const fs::path json_path = dir / "tokenizer.json";
  if (!fs::exists(json_path, ec)) {
    return Status(ErrorCode::NotFound, "no tokenizer.json in " + dir.string() +
                                           "; pass a folder holding a HuggingFace tokenizer.json");
  }
  const fs::path config_path = dir / "tokenizer_config.json";
  return from_hf_files(json_path, fs::exists(config_path, ec) ? config_path : fs::path());
}

}  // namespace lectern
