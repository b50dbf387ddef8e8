// json_constraint.h: JSON-schema-constrained decoding over a real tokenizer: the token byte strings are indexed
// once per tokenizer (a byte trie of every token, a second trie of the tokens that are not plain string text,
// bitsets of plain-text tokens by length, and per byte run (json_schema_automaton.h) where each token's class-only
// tail starts), and each step walks them from the automaton's state so that only tokens keeping the output a valid,
// completable prefix are allowed. Inside a byte run (free string text, email parts) every class-only continuation
// is decided at once and the walk follows only the paths to the run's exit bytes.
#pragma once

#include <array>
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
// Every token below node i (itself included) is sorted_ids[sub_begin[i] .. sub_end[i]). exit_below[i] bit k
// (a ByteRun): some token below node i has, from the byte of the edge into i on, run-k class bytes and then one of
// run k's exit bytes; a walk in a run-k state need not enter node i otherwise (see json_constraint.cpp).
struct TokenTrie {
  std::vector<uint32_t> child_begin;  // [n_nodes + 1]
  std::vector<uint8_t> child_byte;
  std::vector<uint32_t> child_node;
  std::vector<uint32_t> token_begin;  // [n_nodes + 1]
  std::vector<int32_t> token_ids;
  std::vector<int32_t> sorted_ids;    // the trie's tokens in byte order
  std::vector<uint32_t> sub_begin;    // [n_nodes]
  std::vector<uint32_t> sub_end;      // [n_nodes]
  std::vector<uint8_t> exit_below;    // [n_nodes]
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
  int32_t max_token_bytes = 0;         // the longest usable token (the deepest trie walk)
  // Per ByteRun k: run_start[k][id] = the first byte position from which token id is all run-k class bytes
  // (its length when the last byte is outside the class); run_all[k]: bitset of tokens made only of class bytes.
  std::array<std::vector<uint16_t>, kNumByteRuns> run_start;
  std::array<std::vector<uint32_t>, kNumByteRuns> run_all;
  std::vector<uint32_t> alpha_all;    // bitset: tokens made only of ASCII letters
  std::vector<uint16_t> alpha_start;  // [n_logits] like run_start, for ASCII letters
  std::vector<uint16_t> length;       // [n_logits] bytes of each token (saturated at 65535)

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
  // covered: a ByteRun whose class-only suffixes below this node are already decided, or -1.
  void walk(const TokenTrie& trie, uint32_t node, const SchemaState& state, int32_t depth, int32_t covered,
            std::vector<uint32_t>& bitset);
  // Decides at once (budget included) every token below node whose bytes from depth on are all run-class bytes.
  void bulk_run(const TokenTrie& trie, uint32_t node, int32_t depth, const RunState& run,
                std::vector<uint32_t>& bitset);
  void allow_plain(int32_t min_chars, int32_t max_chars, std::vector<uint32_t>& bitset) const;

  std::shared_ptr<const JsonTokenTable> table_;
  std::unique_ptr<CompiledSchema> schema_;
  SchemaAutomaton automaton_;
  SchemaState state_;
  int64_t budget_after_ = 0;                // remaining tokens minus this one, during walk()
  std::vector<SchemaState> scratch_;        // one state per trie depth, sized before a walk (never during one)
};

}  // namespace lectern::runtime
