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
