// bpe.cpp: byte-level BPE merge loop (priority queue over adjacent pairs, as HF tokenizers' Word::merge_all) and
// the word cache that makes repeated words cost one hash lookup.
#include "text/bpe.h"

#include <algorithm>
#include <array>
#include <mutex>

#include "text/bpe_byte_level.h"

namespace lectern::text {

namespace {

// Open-addressing map (id_a, id_b) -> (rank, merged id). Lookups sit in the innermost loop, so this avoids the
// node chasing of std::unordered_map.
class MergeTable {
 public:
  struct Entry {
    uint64_t key = kEmpty;
    int32_t rank = 0;
    int32_t merged_id = 0;
  };
  static constexpr uint64_t kEmpty = ~uint64_t{0};

  void reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    slots_.assign(cap, Entry{});
    mask_ = cap - 1;
  }
  // A later merge of the same pair replaces the earlier one (HF builds a HashMap from the list the same way).
  void insert(int32_t a, int32_t b, int32_t rank, int32_t merged_id) {
    const uint64_t key = make_key(a, b);
    for (size_t i = hash(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == kEmpty || slots_[i].key == key) {
        slots_[i] = Entry{key, rank, merged_id};
        return;
      }
    }
  }
  const Entry* find(int32_t a, int32_t b) const {
    const uint64_t key = make_key(a, b);
    for (size_t i = hash(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i];
      if (slots_[i].key == kEmpty) return nullptr;
    }
  }

 private:
  static uint64_t make_key(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
  }
  size_t hash(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 17) & mask_; }

  std::vector<Entry> slots_;
  size_t mask_ = 0;
};

struct Symbol {
  int32_t id;
  int32_t prev;  // index of the previous live symbol, -1 at the start
  int32_t next;  // index of the next live symbol, -1 at the end
  bool alive;
};

struct Candidate {
  int32_t rank;
  int32_t pos;  // index of the left symbol
  int32_t merged_id;
};

// Min-heap order: lowest rank first, then leftmost position.
struct CandidateAfter {
  bool operator()(const Candidate& x, const Candidate& y) const {
    return x.rank != y.rank ? x.rank > y.rank : x.pos > y.pos;
  }
};

constexpr size_t kMaxCachedWordBytes = 256;
constexpr size_t kMaxCacheEntries = 1 << 16;  // a few MB at most; HF tokenizers keeps 10,000 words

}  // namespace

struct BpeModel::State {
  MergeTable merges;
  size_t n_merges = 0;
  std::array<int32_t, 256> byte_ids{};
  bool ignore_merges = false;
  PieceToId vocab;  // only kept when ignore_merges is set

  mutable std::mutex cache_mutex;
  mutable std::unordered_map<std::string, std::vector<int32_t>, StringHash, std::equal_to<>> cache;
};

BpeModel::BpeModel(std::unique_ptr<State> state) : state_(std::move(state)) {}
BpeModel::BpeModel(BpeModel&&) noexcept = default;
BpeModel& BpeModel::operator=(BpeModel&&) noexcept = default;
BpeModel::~BpeModel() = default;

size_t BpeModel::n_merges() const { return state_->n_merges; }

Result<BpeModel> BpeModel::create(const PieceToId& vocab,
                                  const std::vector<std::pair<std::string, std::string>>& merges,
                                  bool ignore_merges) {
  auto state = std::make_unique<State>();
  for (int b = 0; b < 256; ++b) {
    const std::string& piece = byte_to_vocab_piece(static_cast<uint8_t>(b));
    auto it = vocab.find(piece);
    if (it == vocab.end()) {
      return Status(ErrorCode::CorruptData, "byte-level vocabulary lacks the single-byte token '" + piece +
                                                "' (byte " + std::to_string(b) +
                                                "); the tokenizer is not a complete byte-level BPE");
    }
    state->byte_ids[b] = it->second;
  }
  state->merges.reserve(merges.size());
  std::string joined;
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const auto& [a, b] = merges[rank];
    auto ia = vocab.find(a);
    auto ib = vocab.find(b);
    if (ia == vocab.end() || ib == vocab.end()) {
      return Status(ErrorCode::CorruptData, "merge #" + std::to_string(rank) + " '" + a + " " + b +
                                                "' references token '" + (ia == vocab.end() ? a : b) +
                                                "' that is not in the vocabulary; the tokenizer file is corrupt");
    }
    joined.assign(a).append(b);
    auto im = vocab.find(joined);
    if (im == vocab.end()) {
      return Status(ErrorCode::CorruptData, "merge #" + std::to_string(rank) + " '" + a + " " + b +
                                                "' produces '" + joined +
                                                "', which is not in the vocabulary; the tokenizer file is corrupt");
    }
    state->merges.insert(ia->second, ib->second, static_cast<int32_t>(rank), im->second);
  }
  state->n_merges = merges.size();
  state->ignore_merges = ignore_merges;
  if (ignore_merges) state->vocab = vocab;
  return BpeModel(std::move(state));
}

void BpeModel::encode_word_uncached(std::string_view word, std::vector<int32_t>& out) const {
  const State& s = *state_;
  const size_t n = word.size();
  if (n == 0) return;
  if (n == 1) {
    out.push_back(s.byte_ids[static_cast<uint8_t>(word[0])]);
    return;
  }
  if (s.ignore_merges) {
    auto it = s.vocab.find(bytes_to_vocab_piece(word));
    if (it != s.vocab.end()) {
      out.push_back(it->second);
      return;
    }
  }

  thread_local std::vector<Symbol> symbols;
  thread_local std::vector<Candidate> heap;
  symbols.resize(n);
  heap.clear();
  for (size_t i = 0; i < n; ++i) {
    symbols[i] = Symbol{s.byte_ids[static_cast<uint8_t>(word[i])], static_cast<int32_t>(i) - 1,
                        i + 1 < n ? static_cast<int32_t>(i + 1) : -1, true};
  }
  const CandidateAfter after;
  auto push_pair = [&](int32_t left) {
    const int32_t right = symbols[left].next;
    if (right < 0) return;
    if (const MergeTable::Entry* e = s.merges.find(symbols[left].id, symbols[right].id)) {
      heap.push_back(Candidate{e->rank, left, e->merged_id});
      std::push_heap(heap.begin(), heap.end(), after);
    }
  };
  for (size_t i = 0; i + 1 < n; ++i) push_pair(static_cast<int32_t>(i));

  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), after);
    const Candidate top = heap.back();
    heap.pop_back();
    Symbol& left = symbols[top.pos];
    // Skip entries made stale by earlier merges: the left symbol was absorbed, or its right neighbour changed.
    if (!left.alive || left.next < 0) continue;
    Symbol& right = symbols[left.next];
    const MergeTable::Entry* e = s.merges.find(left.id, right.id);
    if (e == nullptr || e->rank != top.rank) continue;

    left.id = top.merged_id;
    right.alive = false;
    left.next = right.next;
    if (right.next >= 0) symbols[right.next].prev = top.pos;
    if (left.prev >= 0) push_pair(left.prev);
    push_pair(top.pos);
  }
  for (int32_t i = 0; i >= 0; i = symbols[i].next) out.push_back(symbols[i].id);
}

void BpeModel::encode_word(std::string_view word, std::vector<int32_t>& out) const {
  if (word.size() <= 1 || word.size() > kMaxCachedWordBytes) {
    encode_word_uncached(word, out);
    return;
  }
  State& s = *state_;
  {
    std::lock_guard<std::mutex> lock(s.cache_mutex);
    auto it = s.cache.find(word);
    if (it != s.cache.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
      return;
    }
  }
  const size_t first = out.size();
  encode_word_uncached(word, out);
  std::vector<int32_t> ids(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  std::lock_guard<std::mutex> lock(s.cache_mutex);
  // A crude bound on memory: start over rather than track recency; refilling costs one BPE run per word.
  if (s.cache.size() >= kMaxCacheEntries) s.cache.clear();
  s.cache.emplace(std::string(word), std::move(ids));
}

}  // namespace lectern::text
