// chat_python.h: the Python/Jinja2 value semantics the Qwen3.5 chat template relies on (tojson, |string, |trim,
// truthiness), reproduced on nlohmann::ordered_json values so prompts match HuggingFace's rendering byte for byte.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lectern::text {

// Key order matters (Python dicts keep insertion order), so every chat JSON value is an ordered_json.
using Json = nlohmann::ordered_json;

// repr(float) of CPython: shortest round-trip digits; exponent form below 1e-4 and from 1e16 ("1e-05", "1e+16").
std::string python_float_repr(double value);

// json.dumps(value, ensure_ascii=False): separators ", " and ": ", non-ASCII kept, control characters escaped.
// This is HuggingFace's `tojson` filter.
std::string python_json_dumps(const Json& value);

// str(value) of the value json.loads would give: "None", "True", "False", repr for floats, the text of a string,
// repr() of lists and dicts ({'a': [1, 'x']}). This is Jinja's `|string` and what `{{ value }}` prints.
std::string python_str(const Json& value);

// bool(value) in Python: null, false, 0, 0.0, "", [] and {} are false.
bool python_truthy(const Json& value);

// str.strip() with no arguments: removes Unicode whitespace (str.isspace) from both ends. Jinja's `|trim`.
std::string_view python_strip(std::string_view text);

// str.lstrip(chars) / str.rstrip(chars) for an ASCII character set.
std::string_view lstrip_chars(std::string_view text, std::string_view chars);
std::string_view rstrip_chars(std::string_view text, std::string_view chars);

}  // namespace lectern::text
