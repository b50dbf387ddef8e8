// gguf_tokenizer.cpp: reading tokenizer.ggml.* metadata with type and range checks.
#include "model/gguf_tokenizer.h"

#include "model/gguf_reader.h"

namespace lectern::model {

Result<text::TokenizerVocab> tokenizer_vocab_from_gguf(const GgufFile& g) {
  auto fail = [&](Status s) { return s.with_context(g.name() + ": tokenizer metadata"); };
  text::TokenizerVocab v;
  Result<std::string_view> model = g.get_string("tokenizer.ggml.model");
  if (!model.is_ok()) return fail(model.status());
  if (*model != "gpt2")
    return fail(Status(ErrorCode::Unsupported, "tokenizer.ggml.model is '" + std::string(*model) +
                                                   "'; Lectern supports byte-level BPE ('gpt2') only"));
  Result<const std::vector<std::string_view>*> tokens = g.get_string_array("tokenizer.ggml.tokens");
  if (!tokens.is_ok()) return fail(tokens.status());
  if ((*tokens)->empty()) return fail(Status(ErrorCode::CorruptData, "tokenizer.ggml.tokens is empty"));
  if ((*tokens)->size() > (1u << 30)) return fail(Status(ErrorCode::CorruptData, "tokenizer.ggml.tokens is implausibly long"));
  v.tokens.assign((*tokens)->begin(), (*tokens)->end());
  const int64_t n = static_cast<int64_t>(v.tokens.size());

  if (g.find("tokenizer.ggml.token_type")) {
    Result<std::vector<int64_t>> types = g.get_int_array("tokenizer.ggml.token_type");
    if (!types.is_ok()) return fail(types.status());
    if (static_cast<int64_t>(types->size()) != n)
      return fail(Status(ErrorCode::CorruptData, "tokenizer.ggml.token_type has " + std::to_string(types->size()) +
                                                     " entries for " + std::to_string(n) + " tokens"));
    v.token_types.reserve(types->size());
    for (int64_t t : *types) {
      if (t < 0 || t > 6)
        return fail(Status(ErrorCode::CorruptData, "tokenizer.ggml.token_type holds unknown type " + std::to_string(t)));
      v.token_types.push_back(static_cast<int32_t>(t));
    }
  }
  Result<const std::vector<std::string_view>*> merges = g.get_string_array("tokenizer.ggml.merges");
  if (!merges.is_ok()) return fail(merges.status());
  v.merges.assign((*merges)->begin(), (*merges)->end());
  if (g.find("tokenizer.ggml.pre")) {
    Result<std::string_view> pre = g.get_string("tokenizer.ggml.pre");
    if (!pre.is_ok()) return fail(pre.status());
    v.pre = std::string(*pre);
  } else {
    v.pre = "default";
  }
  auto read_id = [&](const char* key, std::optional<int32_t>& out) -> Status {
    if (!g.find(key)) return Status::ok();
    Result<uint64_t> id = g.get_uint(key);
    if (!id.is_ok()) return id.status();
    if (*id >= static_cast<uint64_t>(n))
      return Status(ErrorCode::CorruptData, std::string(key) + " = " + std::to_string(*id) + " is outside the " +
                                                std::to_string(n) + "-token vocabulary");
    out = static_cast<int32_t>(*id);
    return Status::ok();
  };
  for (auto [key, slot] : {std::pair{"tokenizer.ggml.eos_token_id", &v.eos_id},
                           std::pair{"tokenizer.ggml.padding_token_id", &v.pad_id},
                           std::pair{"tokenizer.ggml.bos_token_id", &v.bos_id}}) {
    Status s = read_id(key, *slot);
    if (!s.is_ok()) return fail(s);
  }
  Result<bool> add_bos = g.get_bool_or("tokenizer.ggml.add_bos_token", false);
  if (!add_bos.is_ok()) return fail(add_bos.status());
  v.add_bos = *add_bos;
  return v;
}

}  // namespace lectern::model
