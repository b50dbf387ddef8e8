// json_schema_automaton.h: a deterministic pushdown automaton over bytes for a CompiledSchema: feeds one byte at a
// time, says whether the output so far is a valid prefix, whether it is a complete value, and the fewest bytes that
// complete it (so that a token budget can force the value closed in time). States are small plain values, cheap to
// copy while a token trie is walked.
#pragma once

#include <array>
#include <cstdint>

#include "runtime/json_schema.h"

namespace lectern::runtime {

inline constexpr int32_t kMaxAutomatonStack = kMaxSchemaDepth + 4;

struct SchemaFrame {
  int32_t node = 0;
  uint8_t phase = 0;
  uint8_t utf8_left = 0;  // UTF-8 continuation bytes still expected (strings); scratch for formats
  uint8_t lo = 0, hi = 0; // range of the next continuation byte; scratch for formats
  int32_t count = 0;      // string code points, array items, digits, key / literal position
  int32_t aux = 0;        // object: next property index; formats: position
  uint64_t mask = 0;      // key / literal candidates
};

struct SchemaState {
  std::array<SchemaFrame, kMaxAutomatonStack> frames;
  int32_t depth = 0;  // 0: the value is complete

  SchemaState& operator=(const SchemaState& o) {
    depth = o.depth;
    for (int32_t i = 0; i < depth; ++i) frames[i] = o.frames[i];
    return *this;
  }
  SchemaState() = default;
  SchemaState(const SchemaState& o) { *this = o; }
};

// What a free string (no format, no enum) at the top of the stack allows, for the bulk path of the token mask.
struct FreeString {
  int32_t n_chars = 0;     // code points so far
  int32_t max_length = -1; // -1: unbounded
  int32_t min_length = 0;
};

// Byte runs: states in which every byte of a class keeps the automaton in the same kind of state, and the only
// other bytes it may accept are the run's exit bytes. A token mask decides every class-only token of a run at
// once and walks only towards exit bytes.
//   plain: a free string between characters; class ASCII from 0x20 but '"' and '\\'; exits '"', '\\', 0x80+.
//   email local part: class [A-Za-z0-9_+-]; exits '.', '@'.
//   email domain: class [A-Za-z0-9]; exits '.', '"'.
enum ByteRun : int32_t { kRunPlain = 0, kRunEmailLocal = 1, kRunEmailDomain = 2 };
inline constexpr int32_t kNumByteRuns = 3;

inline bool run_class_byte(int32_t run, uint8_t b) {
  const bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  switch (run) {
    case kRunPlain: return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
    case kRunEmailLocal: return alnum || b == '_' || b == '+' || b == '-';
    default: return alnum;
  }
}

inline bool run_exit_byte(int32_t run, uint8_t b) {
  switch (run) {
    case kRunPlain: return b == '"' || b == '\\' || b >= 0x80;
    case kRunEmailLocal: return b == '.' || b == '@';
    default: return b == '.' || b == '"';
  }
}

// The automaton is in a byte run: which one, and what a class-only continuation leads to.
struct RunState {
  int32_t run = kRunPlain;
  int32_t rest = 0;        // the fewest bytes the frames below the top one need
  int32_t n_chars = 0;     // plain: code points so far
  int32_t max_length = -1; // plain: -1 unbounded
  int32_t min_length = 0;  // plain
  // Email: the most bytes the top frame can still need after any class-only continuation.
  int32_t worst_after = 0;
  // Email domain: a '.' was seen in the domain; the current label so far (letters only?, length).
  bool dot_seen = false;
  bool label_alpha = true;
  int32_t label_len = 0;

  // Email: the bytes the top frame needs after n_more class bytes (all_alpha: all of them letters).
  int32_t email_after(int32_t n_more, bool all_alpha) const {
    if (run == kRunEmailLocal) return 6;
    const bool alpha = label_alpha && all_alpha;
    const int32_t len = label_len + n_more;
    return dot_seen && alpha ? (len >= 2 ? 1 : 2) : 4;
  }
};

class SchemaAutomaton {
 public:
  explicit SchemaAutomaton(const CompiledSchema& schema) : schema_(schema) {}

  SchemaState initial() const;
  // Feeds one byte; false when the byte cannot follow (the state is then unspecified).
  bool step(SchemaState& s, uint8_t b) const;
  // The bytes so far form a complete value (a number at the top level may still go on).
  bool complete(const SchemaState& s) const;
  // The fewest bytes that turn the output into a complete value (0 when complete).
  int32_t min_remaining(const SchemaState& s) const;
  // True when the top of the stack is a free string between characters (no escape or UTF-8 sequence open).
  bool free_string(const SchemaState& s, FreeString* out) const;
  // True when the state is in a byte run (see ByteRun).
  bool run_state(const SchemaState& s, RunState* out) const;

  const CompiledSchema& schema() const { return schema_; }

 private:
  enum class Step { Consumed, Done, Pass, Reject, Retry };
  Step step_frame(SchemaState& s, uint8_t b) const;
  Step start(SchemaState& s, SchemaFrame& f, uint8_t b) const;
  Step format_step(SchemaFrame& f, uint8_t b) const;
  int32_t frame_remaining(const SchemaFrame& f, bool top) const;
  bool accepting(const SchemaFrame& f) const;

  const CompiledSchema& schema_;
};

}  // namespace lectern::runtime
