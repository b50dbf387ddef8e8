// json_schema.h: the JSON Schema subset that constrained decoding understands, compiled into a flat node table
// (objects, arrays, strings with enum / maxLength / formats, numbers, integers, booleans, null, anyOf) that the
// byte automaton (json_schema_automaton.h) walks. Unsupported keywords are errors, never silently ignored.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"

namespace lectern::runtime {

enum class SchemaKind : uint8_t { Object, Array, String, Number, Integer, Literals, AnyOf };
enum class StringFormat : uint8_t { None, Date, DateTime, Email };

// Output is compact JSON (no whitespace) with object properties in schema order; numbers have no exponent.
inline constexpr int32_t kMaxIntegerDigits = 15;
inline constexpr int32_t kMaxFractionDigits = 6;
inline constexpr int32_t kMaxSchemaDepth = 12;       // nested objects / arrays
inline constexpr int32_t kMaxProperties = 64;        // per object
inline constexpr int32_t kMaxLiterals = 64;          // enum values (booleans and null are literals too)

struct SchemaProperty {
  std::string name;
  std::string key_literal;  // the JSON-encoded key and the colon: "name":
  int32_t node = -1;
  bool required = false;
};

struct SchemaNode {
  SchemaKind kind = SchemaKind::Literals;
  // Object: properties in schema order (emitted in that order).
  std::vector<SchemaProperty> properties;
  // Array
  int32_t item = -1;
  int32_t min_items = 0;
  int32_t max_items = -1;  // -1: unbounded
  // String: lengths in Unicode code points; an escape sequence counts as one.
  int32_t min_length = 0;
  int32_t max_length = -1;  // -1: unbounded
  StringFormat format = StringFormat::None;
  // Literals (enum, const, boolean, null): each value as compact JSON text.
  std::vector<std::string> literals;
  // AnyOf: alternatives whose first bytes never overlap (checked at compile time).
  std::vector<int32_t> alternatives;

  // Derived: the fewest bytes of a complete value, and which bytes can start one.
  int32_t min_bytes = 0;
  std::array<uint64_t, 4> first_bytes{};
  // Object only: for each property index i, the fewest bytes the required properties from i on need
  // ("key":value each, without commas), and how many required properties there are from i on. [n_props + 1]
  std::vector<int32_t> tail_bytes;
  std::vector<int32_t> tail_required;

  bool starts_with(uint8_t b) const { return (first_bytes[b >> 6] >> (b & 63)) & 1; }
};

struct CompiledSchema {
  std::vector<SchemaNode> nodes;
  int32_t root = 0;
};

// InvalidArgument (malformed JSON, bad keyword values, anyOf alternatives that could start alike) or Unsupported
// (keywords outside the subset), with the JSON pointer of the offending schema part in the message.
Result<CompiledSchema> compile_json_schema(std::string_view schema_json);

}  // namespace lectern::runtime
