// json_constraint.h: JSON-schema-constrained decoding over a real tokenizer: the token byte strings are indexed
// once per tokenizer (a byte trie of every token, a second trie of the tokens that are not plain string text, and
// bitsets of plain-text tokens by length), and each step walks them from the automaton's state so that only tokens
// keeping the output a valid, completable prefix are allowed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"
#include "lectern/tokenizer.h"
#include "runtime/json_schema_automaton.h"
#include "runtime/token_constraint.h"

namespace lectern::runtime {

// A byte trie in flat arrays: node i's children are child_byte/child_node[child_begin[i] .. child_begin[i+1]),
// the tokens whose bytes end at node i are token_ids[token_begin[i] .. token_begin[i+1]).
struct TokenTrie {
  std::vector<uint32_t> child_begin;  // [n_nodes + 1]
  std::vector<uint8_t> child_byte;
  std::vector<uint32_t> child_node;
  std::vector<uint32_t> token_begin;  // [n_nodes + 1]
  std::vector<int32_t> token_ids;
  size_t n_nodes() const { return child_begin.empty() ? 0 : child_begin.size() - 1; }
};

// Built once per tokenizer and shared by every constrained generation (immutable).
struct JsonTokenTable {
  static constexpr int32_t kPlainBuckets = 16;

  int32_t n_logits = 0;
  int32_t n_words = 0;                 // ceil(n_logits / 32)
  std::vector<int32_t> stop_ids;       // allowed once the value is complete
  std::vector<std::string> bytes;      // [n_logits] token bytes; empty = never allowed (added, special, padding)
  TokenTrie all;                       // every usable token
  TokenTrie special;                   // usable tokens that are not plain string text
  // Plain string text: printable ASCII except '"' and '\\', and complete UTF-8 characters.
  // plain_upto[k]: tokens of 1..k code points (k <= kPlainBuckets); plain_all: every plain token.
  std::vector<std::vector<uint32_t>> plain_upto;
  std::vector<uint32_t> plain_all;
  std::vector<std::pair<int32_t, int32_t>> plain_long;  // (id, code points) of plain tokens over kPlainBuckets
  int32_t max_plain_chars = 0;

  static Result<std::shared_ptr<const JsonTokenTable>> build(const Tokenizer& tokenizer, int32_t n_logits,
                                                             std::span<const int32_t> stop_ids);
  // The same from explicit token bytes ([n_logits]; empty = never allowed), e.g. a hand-made vocabulary.
  static Result<std::shared_ptr<const JsonTokenTable>> from_bytes(std::vector<std::string> token_bytes,
                                                                  std::span<const int32_t> stop_ids);
};

class JsonConstraint : public TokenConstraint {
 public:
  // InvalidArgument / Unsupported for a schema outside the subset (see json_schema.h).
  static Result<std::unique_ptr<JsonConstraint>> create(std::shared_ptr<const JsonTokenTable> table,
                                                        std::string_view schema_json);

  Status allowed(std::vector<uint32_t>& bitset, int64_t remaining_tokens) override;
  Status accept(int32_t token) override;
  bool complete() const override { return automaton_.complete(state_); }

  // The fewest bytes (hence tokens) a complete value still needs.
  int32_t min_remaining() const { return automaton_.min_remaining(state_); }

 private:
  JsonConstraint(std::shared_ptr<const JsonTokenTable> table, std::unique_ptr<CompiledSchema> schema);
  void walk(const TokenTrie& trie, uint32_t node, const SchemaState& state, int32_t depth,
            std::vector<uint32_t>& bitset);

  std::shared_ptr<const JsonTokenTable> table_;
  std::unique_ptr<CompiledSchema> schema_;
  SchemaAutomaton automaton_;
  SchemaState state_;
  int64_t budget_after_ = 0;                // remaining tokens minus this one, during walk()
  std::vector<SchemaState> scratch_;        // one state per trie depth
};

}  // namespace lectern::runtime
