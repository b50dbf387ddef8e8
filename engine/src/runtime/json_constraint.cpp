// json_constraint.cpp: the token table (tries and plain-text bitsets) and the per-step allowed-token mask of
// JSON-schema-constrained decoding.
#include "runtime/json_constraint.h"

#include <algorithm>
#include <numeric>

namespace lectern::runtime {
namespace {

void set_bit(std::vector<uint32_t>& bits, int32_t id) { bits[static_cast<size_t>(id) >> 5] |= 1u << (id & 31); }
void clear_bit(std::vector<uint32_t>& bits, int32_t id) { bits[static_cast<size_t>(id) >> 5] &= ~(1u << (id & 31)); }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Code points of a token that is plain JSON string text, or -1.
int32_t plain_chars(std::string_view s) {
  int32_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    const uint8_t b = static_cast<uint8_t>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\') return -1;
      ++i;
    } else {
      int n = b >= 0xC2 && b < 0xE0 ? 1 : b >= 0xE0 && b < 0xF0 ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
      if (n < 0) return -1;
      uint8_t lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
      uint8_t hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
      for (int k = 1; k <= n; ++k) {
        if (i + k >= s.size()) return -1;
        const uint8_t c = static_cast<uint8_t>(s[i + k]);
        if (c < lo || c > hi) return -1;
        lo = 0x80;
        hi = 0xBF;
      }
      i += static_cast<size_t>(n) + 1;
    }
    ++chars;
  }
  return chars;
}

// Builds a trie over ids sorted by their bytes.
TokenTrie build_trie(const std::vector<std::string>& bytes, std::vector<int32_t> ids) {
  std::sort(ids.begin(), ids.end(), [&](int32_t a, int32_t b) { return bytes[a] < bytes[b]; });
  TokenTrie t;
  struct Pending {
    uint32_t node;
    size_t lo, hi, depth;
  };
  // Breadth-first so that each node's children are contiguous.
  std::vector<Pending> queue{{0, 0, ids.size(), 0}};
  std::vector<uint32_t> first_child{0}, n_child{0}, first_token{0}, n_token{0};
  std::vector<uint8_t> node_byte{0};
  for (size_t q = 0; q < queue.size(); ++q) {
    const Pending p = queue[q];
    size_t i = p.lo;
    first_token[p.node] = static_cast<uint32_t>(i);
    while (i < p.hi && bytes[ids[i]].size() == p.depth) ++i;
    n_token[p.node] = static_cast<uint32_t>(i - p.lo);
    first_child[p.node] = static_cast<uint32_t>(first_child.size());
    while (i < p.hi) {
      const uint8_t b = static_cast<uint8_t>(bytes[ids[i]][p.depth]);
      size_t j = i;
      while (j < p.hi && static_cast<uint8_t>(bytes[ids[j]][p.depth]) == b) ++j;
      const uint32_t child = static_cast<uint32_t>(first_child.size());
      first_child.push_back(0);
      n_child.push_back(0);
      first_token.push_back(0);
      n_token.push_back(0);
      node_byte.push_back(b);
      ++n_child[p.node];
      queue.push_back({child, i, j, p.depth + 1});
      i = j;
    }
  }
  const size_t n = first_child.size();
  t.child_begin.resize(n + 1);
  t.token_begin.resize(n + 1);
  t.child_byte.resize(n > 0 ? n - 1 : 0);
  t.child_node.resize(n > 0 ? n - 1 : 0);
  // Children of node i are nodes first_child[i] .. + n_child[i] (allocated in order); edges are numbered by child-1.
  t.child_begin[0] = 0;
  for (size_t i = 1; i < n; ++i) t.child_begin[i] = t.child_begin[i - 1] + n_child[i - 1];
  t.child_begin[n] = t.child_begin[n - 1] + n_child[n - 1];
  for (size_t c = 1; c < n; ++c) {
    t.child_byte[c - 1] = node_byte[c];
    t.child_node[c - 1] = static_cast<uint32_t>(c);
  }
  // Tokens: ids in sorted order are grouped per node by construction (first_token / n_token).
  t.token_ids.reserve(ids.size());
  for (size_t i = 0; i < n; ++i) {
    t.token_begin[i] = static_cast<uint32_t>(t.token_ids.size());
    for (uint32_t k = 0; k < n_token[i]; ++k) t.token_ids.push_back(ids[first_token[i] + k]);
  }
  t.token_begin[n] = static_cast<uint32_t>(t.token_ids.size());
  // Subtree ranges in byte order, and which byte runs have an exit below each node (children come after parents).
  t.sorted_ids = std::move(ids);
  t.sub_begin.resize(n);
  t.sub_end.resize(n);
  for (const Pending& p : queue) {
    t.sub_begin[p.node] = static_cast<uint32_t>(p.lo);
    t.sub_end[p.node] = static_cast<uint32_t>(p.hi);
  }
  t.exit_below.assign(n, 0);
  for (size_t c = n; c-- > 1;) {
    uint8_t below = 0;
    for (uint32_t k = 0; k < n_child[c]; ++k) below |= t.exit_below[first_child[c] + k];
    uint8_t flags = 0;
    for (int32_t run = 0; run < kNumByteRuns; ++run) {
      const bool exit = run_class_byte(run, node_byte[c]) ? ((below >> run) & 1) != 0 : run_exit_byte(run, node_byte[c]);
      if (exit) flags |= static_cast<uint8_t>(1u << run);
    }
    t.exit_below[c] = flags;
  }
  return t;
}

}  // namespace

Result<std::shared_ptr<const JsonTokenTable>> JsonTokenTable::build(const Tokenizer& tokenizer, int32_t n_logits,
                                                                    std::span<const int32_t> stop_ids) {
  if (n_logits < 1) return Status(ErrorCode::InvalidArgument, "a token table needs at least one logit row");
  std::vector<std::string> bytes(static_cast<size_t>(n_logits));
  const int32_t n_vocab = std::min(n_logits, tokenizer.n_vocab());
  for (int32_t id = 0; id < n_vocab; ++id) {
    if (tokenizer.is_added(id) || tokenizer.is_special(id)) continue;
    Result<std::string_view> b = tokenizer.token_bytes(id);
    if (b.is_ok()) bytes[id] = std::string(*b);
  }
  return from_bytes(std::move(bytes), stop_ids);
}

Result<std::shared_ptr<const JsonTokenTable>> JsonTokenTable::from_bytes(std::vector<std::string> token_bytes,
                                                                         std::span<const int32_t> stop_ids) {
  if (token_bytes.empty()) return Status(ErrorCode::InvalidArgument, "a token table needs at least one logit row");
  auto t = std::make_shared<JsonTokenTable>();
  const int32_t n_logits = static_cast<int32_t>(token_bytes.size());
  t->n_logits = n_logits;
  t->n_words = (n_logits + 31) / 32;
  t->stop_ids.assign(stop_ids.begin(), stop_ids.end());
  for (int32_t id : t->stop_ids)
    if (id >= 0 && id < n_logits) token_bytes[id].clear();
  t->bytes = std::move(token_bytes);
  t->plain_upto.assign(kPlainBuckets + 1, std::vector<uint32_t>(static_cast<size_t>(t->n_words), 0));
  t->plain_all.assign(static_cast<size_t>(t->n_words), 0);
  std::vector<int32_t> usable, special;
  std::vector<int32_t> chars_of(static_cast<size_t>(n_logits), -1);
  for (int32_t id = 0; id < n_logits; ++id) {
    const std::string& b = t->bytes[id];
    if (b.empty()) continue;
    usable.push_back(id);
    const int32_t c = plain_chars(b);
    if (c < 0) {
      special.push_back(id);
      continue;
    }
    set_bit(t->plain_all, id);
    t->max_plain_chars = std::max(t->max_plain_chars, c);
    if (c > kPlainBuckets) t->plain_long.emplace_back(id, c);
    else chars_of[id] = c;
  }
  for (int32_t id = 0; id < n_logits; ++id)
    if (chars_of[id] > 0)
      for (int32_t k = chars_of[id]; k <= kPlainBuckets; ++k) set_bit(t->plain_upto[k], id);
  for (int32_t run = 0; run < kNumByteRuns; ++run) {
    t->run_start[run].assign(static_cast<size_t>(n_logits), 0);
    t->run_all[run].assign(static_cast<size_t>(t->n_words), 0);
    for (int32_t id : usable) {
      const std::string& b = t->bytes[id];
      size_t p = b.size();
      while (p > 0 && run_class_byte(run, static_cast<uint8_t>(b[p - 1]))) --p;
      t->run_start[run][id] = static_cast<uint16_t>(std::min<size_t>(p, UINT16_MAX));
      if (p == 0) set_bit(t->run_all[run], id);
    }
  }
  t->alpha_all.assign(static_cast<size_t>(t->n_words), 0);
  t->alpha_start.assign(static_cast<size_t>(n_logits), 0);
  t->length.assign(static_cast<size_t>(n_logits), 0);
  for (int32_t id : usable) {
    const std::string& b = t->bytes[id];
    size_t p = b.size();
    while (p > 0 && is_letter(b[p - 1])) --p;
    t->alpha_start[id] = static_cast<uint16_t>(std::min<size_t>(p, UINT16_MAX));
    t->length[id] = static_cast<uint16_t>(std::min<size_t>(b.size(), UINT16_MAX));
    t->max_token_bytes = std::max(t->max_token_bytes, static_cast<int32_t>(b.size()));
    if (p == 0) set_bit(t->alpha_all, id);
  }
  t->all = build_trie(t->bytes, usable);
  t->special = build_trie(t->bytes, special);
  return std::shared_ptr<const JsonTokenTable>(std::move(t));
}

JsonConstraint::JsonConstraint(std::shared_ptr<const JsonTokenTable> table, std::unique_ptr<CompiledSchema> schema)
    : table_(std::move(table)), schema_(std::move(schema)), automaton_(*schema_) {
  state_ = automaton_.initial();
}

Result<std::unique_ptr<JsonConstraint>> JsonConstraint::create(std::shared_ptr<const JsonTokenTable> table,
                                                               std::string_view schema_json) {
  if (!table) return Status(ErrorCode::InvalidArgument, "no token table");
  LECTERN_ASSIGN_OR_RETURN(CompiledSchema compiled, compile_json_schema(schema_json));
  auto schema = std::make_unique<CompiledSchema>(std::move(compiled));
  return std::unique_ptr<JsonConstraint>(new JsonConstraint(std::move(table), std::move(schema)));
}

// Byte runs (json_schema_automaton.h): at a node whose state is in a run, every token below whose remaining bytes
// are all class bytes ends in a state known without stepping (bulk_run decides them all from the token table);
// tokens whose first byte outside the class is no exit byte are rejected; so the walk goes on only into children
// with an exit below (TokenTrie::exit_below). Below a class edge the same tokens stay decided (covered).
void JsonConstraint::walk(const TokenTrie& trie, uint32_t node, const SchemaState& state, int32_t depth,
                          int32_t covered, std::vector<uint32_t>& bitset) {
  int32_t cover = covered;
  if (cover < 0) {
    RunState run;
    if (automaton_.run_state(state, &run)) {
      bulk_run(trie, node, depth, run, bitset);
      cover = run.run;
    }
  }
  for (uint32_t e = trie.child_begin[node]; e < trie.child_begin[node + 1]; ++e) {
    const uint32_t child = trie.child_node[e];
    if (cover >= 0 && !((trie.exit_below[child] >> cover) & 1)) continue;
    SchemaState& next = scratch_[static_cast<size_t>(depth) + 1];
    next = state;
    const uint8_t byte = trie.child_byte[e];
    if (!automaton_.step(next, byte)) continue;
    if (trie.token_begin[child] < trie.token_begin[child + 1] && automaton_.min_remaining(next) <= budget_after_)
      for (uint32_t k = trie.token_begin[child]; k < trie.token_begin[child + 1]; ++k)
        set_bit(bitset, trie.token_ids[k]);
    if (trie.child_begin[child] < trie.child_begin[child + 1])
      walk(trie, child, next, depth + 1, cover >= 0 && run_class_byte(cover, byte) ? cover : -1, bitset);
  }
}

void JsonConstraint::bulk_run(const TokenTrie& trie, uint32_t node, int32_t depth, const RunState& run,
                               std::vector<uint32_t>& bitset) {
  const JsonTokenTable& t = *table_;
  const std::vector<uint16_t>& start = t.run_start[run.run];
  const uint32_t lo = trie.sub_begin[node], hi = trie.sub_end[node];
  if (run.run != kRunPlain) {
    // Email: when the run's worst case fits the budget, every class-only continuation is allowed; when not even
    // the best case fits, none is; in between (domains only) it depends on the token's length and letters.
    const bool all_fit = run.rest + run.worst_after <= budget_after_;
    if (!all_fit && run.rest + run.email_after(2, true) > budget_after_) return;
    if (&trie == &t.all && node == 0) {
      // In between, only a domain label of letters (after a '.') ends within one or two bytes; one-letter
      // continuations of an empty label need two.
      const std::vector<uint32_t>& all = all_fit ? t.run_all[run.run] : t.alpha_all;
      for (int32_t w = 0; w < t.n_words; ++w) bitset[w] |= all[w];
      if (!all_fit && run.rest + run.email_after(1, true) > budget_after_)
        for (uint32_t e = trie.child_begin[0]; e < trie.child_begin[1]; ++e) {
          const uint32_t child = trie.child_node[e];
          for (uint32_t k = trie.token_begin[child]; k < trie.token_begin[child + 1]; ++k)
            if (is_letter(static_cast<char>(trie.child_byte[e]))) clear_bit(bitset, trie.token_ids[k]);
        }
      return;
    }
    for (uint32_t i = lo; i < hi; ++i) {
      const int32_t id = trie.sorted_ids[i];
      const int32_t k = t.length[id] - depth;
      if (k <= 0 || start[id] > depth) continue;
      if (!all_fit && run.rest + run.email_after(k, t.alpha_start[id] <= depth) > budget_after_) continue;
      set_bit(bitset, id);
    }
    return;
  }
  // Plain string text: k ASCII characters more, within maxLength, and the string's end still in budget.
  const int32_t need = std::max(0, run.min_length - run.n_chars);
  for (uint32_t i = lo; i < hi; ++i) {
    const int32_t id = trie.sorted_ids[i];
    const int32_t k = t.length[id] - depth;
    if (k <= 0 || start[id] > depth) continue;
    if (run.max_length >= 0 && run.n_chars + k > run.max_length) continue;
    if (run.rest + std::max(0, need - k) + 1 > budget_after_) continue;
    set_bit(bitset, id);
  }
}

// Every plain token of min_chars..max_chars code points.
void JsonConstraint::allow_plain(int32_t min_chars, int32_t max_chars, std::vector<uint32_t>& bitset) const {
  const JsonTokenTable& t = *table_;
  constexpr int32_t K = JsonTokenTable::kPlainBuckets;
  min_chars = std::max(1, min_chars);
  if (max_chars < min_chars) return;
  if (min_chars <= K) {
    const std::vector<uint32_t>& base =
        max_chars >= t.max_plain_chars ? t.plain_all : t.plain_upto[std::min(max_chars, K)];
    const std::vector<uint32_t>& shorter = t.plain_upto[min_chars - 1];  // plain_upto[0] is empty
    for (int32_t w = 0; w < t.n_words; ++w) bitset[w] |= base[w] & ~shorter[w];
    if (max_chars > K && max_chars < t.max_plain_chars)
      for (const auto& [id, chars] : t.plain_long)
        if (chars <= max_chars) set_bit(bitset, id);
    return;
  }
  for (const auto& [id, chars] : t.plain_long)
    if (chars >= min_chars && chars <= max_chars) set_bit(bitset, id);
}

Status JsonConstraint::allowed(std::vector<uint32_t>& bitset, int64_t remaining_tokens) {
  const JsonTokenTable& t = *table_;
  bitset.assign(static_cast<size_t>(t.n_words), 0);
  if (remaining_tokens < 1) return Status::ok();
  budget_after_ = remaining_tokens - 1;
  if (automaton_.complete(state_))
    for (int32_t id : t.stop_ids)
      if (id >= 0 && id < t.n_logits) set_bit(bitset, id);
  // Resizing during a walk would move the states the recursion holds references to.
  const size_t n_scratch = static_cast<size_t>(t.max_token_bytes) + 2;
  if (scratch_.size() < n_scratch) scratch_.resize(n_scratch);

  FreeString fs;
  if (automaton_.free_string(state_, &fs)) {
    // A plain token of k code points leaves the stack as it is, adds k to the string and, below minLength, brings
    // the end min(k, minLength - n) bytes closer: it fits when k >= the bytes over budget (and within maxLength).
    const int64_t over = automaton_.min_remaining(state_) - budget_after_;
    const int32_t need = std::max(0, fs.min_length - fs.n_chars);
    const int32_t room = fs.max_length < 0 ? INT32_MAX : fs.max_length - fs.n_chars;
    if (over <= need) allow_plain(over <= 0 ? 1 : static_cast<int32_t>(over), room, bitset);
    walk(t.special, 0, state_, 0, kRunPlain, bitset);
  } else {
    walk(t.all, 0, state_, 0, -1, bitset);
  }
  return Status::ok();
}

Status JsonConstraint::accept(int32_t token) {
  const JsonTokenTable& t = *table_;
  if (token < 0 || token >= t.n_logits || t.bytes[token].empty()) {
    if (std::find(t.stop_ids.begin(), t.stop_ids.end(), token) != t.stop_ids.end() && complete()) return Status::ok();
    return Status(ErrorCode::InvalidArgument, "token " + std::to_string(token) + " is not allowed by the JSON schema");
  }
  SchemaState next = state_;
  for (char c : t.bytes[token])
    if (!automaton_.step(next, static_cast<uint8_t>(c)))
      return Status(ErrorCode::InvalidArgument,
                    "token " + std::to_string(token) + " does not continue the JSON value allowed by the schema");
  state_ = next;
  return Status::ok();
}

}  // namespace lectern::runtime
