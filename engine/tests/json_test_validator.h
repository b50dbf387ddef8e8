// json_test_validator.h: an independent JSON Schema validator for the constrained-decoding tests. It shares no code
// with the engine's schema compiler or automaton: values are parsed by nlohmann::json and checked recursively
// against the schema document (type, properties, required, additionalProperties, items, minItems, maxItems, enum,
// const, anyOf, oneOf, minLength, maxLength, format date / date-time / email).
#pragma once

#include <cstdint>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

namespace lectern::testing {

inline int64_t utf8_code_points(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

inline bool valid_calendar_date(int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

inline bool valid_format(const std::string& format, const std::string& s) {
  std::smatch m;
  if (format == "date") {
    static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    return std::regex_match(s, m, re) && valid_calendar_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  }
  if (format == "date-time") {
    static const std::regex re(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$)");
    if (!std::regex_match(s, m, re)) return false;
    if (!valid_calendar_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))) return false;
    if (std::stoi(m[4]) > 23 || std::stoi(m[5]) > 59 || std::stoi(m[6]) > 60) return false;
    if (m[9].matched && (std::stoi(m[9]) > 23 || std::stoi(m[10]) > 59)) return false;
    return true;
  }
  if (format == "email") {
    static const std::regex re(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$)");
    return std::regex_match(s, re) && s.front() != '.' && s.find("..") == std::string::npos;
  }
  return true;
}

// Empty when `value` is valid against `schema`; otherwise the first problem found, with its JSON path.
inline std::string validate_json(const nlohmann::json& value, const nlohmann::json& schema,
                                 const std::string& path = "$") {
  using nlohmann::json;
  if (schema.contains("const") && value != schema["const"]) return path + ": not the const value";
  if (schema.contains("enum")) {
    bool found = false;
    for (const json& e : schema["enum"]) found = found || e == value;
    if (!found) return path + ": not one of the enum values";
  }
  for (const char* key : {"anyOf", "oneOf"}) {
    if (!schema.contains(key)) continue;
    int matches = 0;
    for (const json& alt : schema[key]) matches += validate_json(value, alt, path).empty() ? 1 : 0;
    if (matches == 0) return path + ": matches no " + key + " alternative";
    if (std::string(key) == "oneOf" && matches > 1) return path + ": matches more than one oneOf alternative";
  }
  if (schema.contains("type")) {
    const json& t = schema["type"];
    const auto is = [&](const std::string& name) {
      if (name == "object") return value.is_object();
      if (name == "array") return value.is_array();
      if (name == "string") return value.is_string();
      if (name == "boolean") return value.is_boolean();
      if (name == "null") return value.is_null();
      if (name == "number") return value.is_number();
      if (name == "integer")
        return value.is_number_integer() || (value.is_number_float() && value.get<double>() == static_cast<double>(
                                                 static_cast<int64_t>(value.get<double>())));
      return false;
    };
    bool ok = false;
    if (t.is_array()) {
      for (const json& n : t) ok = ok || is(n.get<std::string>());
    } else {
      ok = is(t.get<std::string>());
    }
    if (!ok) return path + ": wrong type, expected " + t.dump();
  }
  if (value.is_object()) {
    if (schema.contains("required"))
      for (const json& r : schema["required"])
        if (!value.contains(r.get<std::string>())) return path + ": required property " + r.dump() + " missing";
    const json props = schema.value("properties", json::object());
    for (const auto& [k, v] : value.items()) {
      if (props.contains(k)) {
        std::string e = validate_json(v, props[k], path + "." + k);
        if (!e.empty()) return e;
      } else if (schema.contains("additionalProperties") && schema["additionalProperties"] == false) {
        return path + ": additional property \"" + k + "\"";
      }
    }
  }
  if (value.is_array()) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<size_t>()) return path + ": too few items";
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<size_t>()) return path + ": too many items";
    if (schema.contains("items"))
      for (size_t i = 0; i < value.size(); ++i) {
        std::string e = validate_json(value[i], schema["items"], path + "[" + std::to_string(i) + "]");
        if (!e.empty()) return e;
      }
  }
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    const int64_t n = utf8_code_points(s);
    if (schema.contains("minLength") && n < schema["minLength"].get<int64_t>()) return path + ": shorter than minLength";
    if (schema.contains("maxLength") && n > schema["maxLength"].get<int64_t>()) return path + ": longer than maxLength";
    if (schema.contains("format") && !valid_format(schema["format"].get<std::string>(), s))
      return path + ": not a valid " + schema["format"].get<std::string>() + ": " + s;
  }
  return {};
}

// Parses `text` (strictly: the whole text must be one JSON value, valid UTF-8) and validates it.
inline std::string parse_and_validate(const std::string& text, const nlohmann::json& schema) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return std::string("not valid JSON: ") + e.what();
  }
  return validate_json(value, schema);
}

}  // namespace lectern::testing
