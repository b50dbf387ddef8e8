// json_schema.cpp: parses a JSON Schema document (nlohmann) and compiles the supported subset into SchemaNodes,
// with minimum lengths and first-byte sets for the automaton; clear errors for everything outside the subset.
#include "runtime/json_schema.h"

#include "lectern/generation.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace lectern::runtime {
namespace {

using json = nlohmann::ordered_json;  // keeps the schema's property order

// Keywords that only describe (they never constrain the value).
const std::set<std::string> kAnnotations = {"title", "description", "$schema", "$id", "$comment", "default",
                                            "examples", "readOnly", "writeOnly", "deprecated"};
const std::set<std::string> kKnown = {"type", "properties", "required", "additionalProperties", "items", "minItems",
                                      "maxItems", "enum", "const", "anyOf", "oneOf", "minLength", "maxLength",
                                      "format"};

class Compiler {
 public:
  Result<int32_t> compile(const json& s, const std::string& path, int depth);
  CompiledSchema out;

 private:
  Status error(ErrorCode code, const std::string& path, const std::string& what) {
    return Status(code, "JSON schema " + (path.empty() ? std::string("root") : path) + ": " + what);
  }
  Result<int32_t> count(const json& s, const char* key, const std::string& path, int32_t fallback);
  Result<int32_t> compile_typed(const json& s, const std::string& type, const std::string& path, int depth);
  Result<int32_t> compile_any_of(const json& alts, const std::string& path, int depth);
  int32_t add(SchemaNode node) {
    out.nodes.push_back(std::move(node));
    return static_cast<int32_t>(out.nodes.size() - 1);
  }
};

void set_byte(std::array<uint64_t, 4>& set, uint8_t b) { set[b >> 6] |= uint64_t{1} << (b & 63); }

Result<int32_t> Compiler::count(const json& s, const char* key, const std::string& path, int32_t fallback) {
  auto it = s.find(key);
  if (it == s.end()) return fallback;
  if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 1000000)
    return error(ErrorCode::InvalidArgument, path, std::string("\"") + key + "\" must be a non-negative integer");
  return static_cast<int32_t>(it->get<int64_t>());
}

Result<int32_t> Compiler::compile_any_of(const json& alts, const std::string& path, int depth) {
  if (!alts.is_array() || alts.empty())
    return error(ErrorCode::InvalidArgument, path, "anyOf / oneOf must be a non-empty array of schemas");
  SchemaNode node;
  node.kind = SchemaKind::AnyOf;
  node.min_bytes = INT32_MAX;
  for (size_t i = 0; i < alts.size(); ++i) {
    LECTERN_ASSIGN_OR_RETURN(int32_t child, compile(alts[i], path + "/anyOf/" + std::to_string(i), depth));
    const SchemaNode& c = out.nodes[child];
    for (int w = 0; w < 4; ++w) {
      if (node.first_bytes[w] & c.first_bytes[w])
        return error(ErrorCode::Unsupported, path,
                     "anyOf alternatives must start differently (e.g. a string and null, or an object and an "
                     "array); alternative " + std::to_string(i) +
                         " can start like an earlier one: merge them into one schema");
      node.first_bytes[w] |= c.first_bytes[w];
    }
    node.min_bytes = std::min(node.min_bytes, c.min_bytes);
    // Flatten nested anyOf so that the automaton resolves an alternative from one byte.
    if (c.kind == SchemaKind::AnyOf) {
      const std::vector<int32_t> inner = c.alternatives;
      node.alternatives.insert(node.alternatives.end(), inner.begin(), inner.end());
    } else {
      node.alternatives.push_back(child);
    }
  }
  return add(std::move(node));
}

Result<int32_t> Compiler::compile(const json& s, const std::string& path, int depth) {
  if (depth > kMaxSchemaDepth)
    return error(ErrorCode::Unsupported, path, "nested deeper than " + std::to_string(kMaxSchemaDepth) + " levels");
  if (s.is_boolean())
    return error(ErrorCode::Unsupported, path, "boolean schemas (true / false) are not supported; give a type");
  if (!s.is_object()) return error(ErrorCode::InvalidArgument, path, "a schema must be a JSON object");
  for (const auto& [key, value] : s.items()) {
    (void)value;
    if (kAnnotations.count(key) || kKnown.count(key)) continue;
    return error(ErrorCode::Unsupported, path,
                 "keyword \"" + key + "\" is not supported (supported: type, properties, required, "
                 "additionalProperties, items, minItems, maxItems, enum, const, anyOf, oneOf, minLength, "
                 "maxLength, format)");
  }

  if (s.contains("enum") || s.contains("const")) {
    SchemaNode node;
    node.kind = SchemaKind::Literals;
    std::vector<json> values;
    if (s.contains("const")) values.push_back(s.at("const"));
    if (s.contains("enum")) {
      const json& e = s.at("enum");
      if (!e.is_array() || e.empty()) return error(ErrorCode::InvalidArgument, path, "\"enum\" must be a non-empty array");
      if (!values.empty()) return error(ErrorCode::InvalidArgument, path, "give either \"enum\" or \"const\", not both");
      values.assign(e.begin(), e.end());
    }
    if (values.size() > static_cast<size_t>(kMaxLiterals))
      return error(ErrorCode::Unsupported, path, "more than " + std::to_string(kMaxLiterals) + " enum values");
    node.min_bytes = INT32_MAX;
    for (const json& v : values) {
      if (v.is_object() || v.is_array())
        return error(ErrorCode::Unsupported, path, "enum / const values must be strings, numbers, booleans or null");
      std::string text = v.dump();
      if (std::find(node.literals.begin(), node.literals.end(), text) != node.literals.end()) continue;
      set_byte(node.first_bytes, static_cast<uint8_t>(text[0]));
      node.min_bytes = std::min(node.min_bytes, static_cast<int32_t>(text.size()));
      node.literals.push_back(std::move(text));
    }
    return add(std::move(node));
  }
  if (s.contains("anyOf") || s.contains("oneOf")) {
    if (s.contains("anyOf") && s.contains("oneOf"))
      return error(ErrorCode::Unsupported, path, "give either \"anyOf\" or \"oneOf\", not both");
    return compile_any_of(s.contains("anyOf") ? s.at("anyOf") : s.at("oneOf"), path, depth);
  }
  auto type = s.find("type");
  if (type == s.end())
    return error(ErrorCode::InvalidArgument, path, "no \"type\" (or enum / const / anyOf): say what the value is");
  if (type->is_array()) {
    // ["string", "null"]: an anyOf over the same schema with each type.
    // Keywords that apply to another type of the list are left out of each alternative.
    static const std::map<std::string, std::set<std::string>> applies = {
        {"object", {"properties", "required", "additionalProperties"}},
        {"array", {"items", "minItems", "maxItems"}},
        {"string", {"minLength", "maxLength", "format"}}};
    json alts = json::array();
    for (const json& t : *type) {
      if (!t.is_string()) return error(ErrorCode::InvalidArgument, path, "\"type\" lists must hold type names");
      json one = json::object();
      for (const auto& [key, value] : s.items()) {
        bool other = false;
        for (const auto& [type_name, keys] : applies) other = other || (keys.count(key) && type_name != t);
        if (!other) one[key] = value;
      }
      one["type"] = t;
      alts.push_back(std::move(one));
    }
    return compile_any_of(alts, path, depth);
  }
  if (!type->is_string()) return error(ErrorCode::InvalidArgument, path, "\"type\" must be a string or an array");
  return compile_typed(s, type->get<std::string>(), path, depth);
}

Result<int32_t> Compiler::compile_typed(const json& s, const std::string& type, const std::string& path,
                                        int depth) {
  const auto only = [&](std::initializer_list<const char*> allowed) -> Status {
    static const std::set<std::string> generic = {"type", "enum", "const", "anyOf", "oneOf"};
    for (const auto& [key, value] : s.items()) {
      (void)value;
      if (kAnnotations.count(key) || generic.count(key)) continue;
      if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) == allowed.end())
        return error(ErrorCode::InvalidArgument, path, "\"" + key + "\" does not apply to type \"" + type + "\"");
    }
    return Status::ok();
  };
  SchemaNode node;
  if (type == "object") {
    LECTERN_TRY(only({"properties", "required", "additionalProperties"}));
    node.kind = SchemaKind::Object;
    if (s.contains("additionalProperties") && !s.at("additionalProperties").is_boolean())
      return error(ErrorCode::Unsupported, path,
                   "\"additionalProperties\" must be true or false (extra properties are never generated)");
    std::set<std::string> required;
    if (s.contains("required")) {
      const json& r = s.at("required");
      if (!r.is_array()) return error(ErrorCode::InvalidArgument, path, "\"required\" must be an array of names");
      for (const json& n : r) {
        if (!n.is_string()) return error(ErrorCode::InvalidArgument, path, "\"required\" must be an array of names");
        required.insert(n.get<std::string>());
      }
    }
    if (s.contains("properties")) {
      const json& props = s.at("properties");
      if (!props.is_object()) return error(ErrorCode::InvalidArgument, path, "\"properties\" must be an object");
      if (props.size() > static_cast<size_t>(kMaxProperties))
        return error(ErrorCode::Unsupported, path, "more than " + std::to_string(kMaxProperties) + " properties");
      for (const auto& [name, sub] : props.items()) {
        SchemaProperty p;
        p.name = name;
        p.key_literal = json(name).dump() + ":";
        LECTERN_ASSIGN_OR_RETURN(p.node, compile(sub, path + "/properties/" + name, depth + 1));
        p.required = required.count(name) > 0;
        node.properties.push_back(std::move(p));
      }
    }
    for (const std::string& r : required)
      if (std::none_of(node.properties.begin(), node.properties.end(), [&](const auto& p) { return p.name == r; }))
        return error(ErrorCode::InvalidArgument, path, "\"required\" names \"" + r + "\", which is not in properties");
    const size_t n = node.properties.size();
    node.tail_bytes.assign(n + 1, 0);
    node.tail_required.assign(n + 1, 0);
    for (size_t i = n; i-- > 0;) {
      const SchemaProperty& p = node.properties[i];
      node.tail_bytes[i] = node.tail_bytes[i + 1];
      node.tail_required[i] = node.tail_required[i + 1];
      if (p.required) {
        node.tail_bytes[i] += static_cast<int32_t>(p.key_literal.size()) + out.nodes[p.node].min_bytes;
        node.tail_required[i] += 1;
      }
    }
    const int32_t n_req = node.tail_required[0];
    node.min_bytes = 2 + node.tail_bytes[0] + std::max(0, n_req - 1);
    set_byte(node.first_bytes, '{');
  } else if (type == "array") {
    LECTERN_TRY(only({"items", "minItems", "maxItems"}));
    node.kind = SchemaKind::Array;
    if (!s.contains("items")) return error(ErrorCode::InvalidArgument, path, "an array needs \"items\"");
    LECTERN_ASSIGN_OR_RETURN(node.min_items, count(s, "minItems", path, 0));
    LECTERN_ASSIGN_OR_RETURN(node.max_items, count(s, "maxItems", path, -1));
    if (node.max_items >= 0 && node.max_items < node.min_items)
      return error(ErrorCode::InvalidArgument, path, "\"maxItems\" is smaller than \"minItems\"");
    LECTERN_ASSIGN_OR_RETURN(node.item, compile(s.at("items"), path + "/items", depth + 1));
    const int32_t item_bytes = out.nodes[node.item].min_bytes;
    node.min_bytes = 2 + node.min_items * item_bytes + std::max(0, node.min_items - 1);
    set_byte(node.first_bytes, '[');
  } else if (type == "string") {
    LECTERN_TRY(only({"minLength", "maxLength", "format"}));
    node.kind = SchemaKind::String;
    LECTERN_ASSIGN_OR_RETURN(node.min_length, count(s, "minLength", path, 0));
    LECTERN_ASSIGN_OR_RETURN(node.max_length, count(s, "maxLength", path, -1));
    if (node.max_length >= 0 && node.max_length < node.min_length)
      return error(ErrorCode::InvalidArgument, path, "\"maxLength\" is smaller than \"minLength\"");
    node.min_bytes = 2 + node.min_length;
    if (s.contains("format")) {
      const json& f = s.at("format");
      const std::string name = f.is_string() ? f.get<std::string>() : std::string();
      if (name == "date") {
        node.format = StringFormat::Date;  // YYYY-MM-DD
        node.min_bytes = 12;
      } else if (name == "date-time") {
        node.format = StringFormat::DateTime;  // YYYY-MM-DDTHH:MM:SSZ at the shortest
        node.min_bytes = 22;
      } else if (name == "email") {
        node.format = StringFormat::Email;  // a@b.cd at the shortest
        node.min_bytes = 8;
      } else {
        return error(ErrorCode::Unsupported, path, "format \"" + name + "\" is not supported (date, date-time, email)");
      }
      if (node.min_length > 0 || node.max_length >= 0)
        return error(ErrorCode::Unsupported, path, "minLength / maxLength cannot be combined with a format");
    }
    set_byte(node.first_bytes, '"');
  } else if (type == "number" || type == "integer") {
    LECTERN_TRY(only({}));
    node.kind = type == "number" ? SchemaKind::Number : SchemaKind::Integer;
    node.min_bytes = 1;
    set_byte(node.first_bytes, '-');
    for (uint8_t b = '0'; b <= '9'; ++b) set_byte(node.first_bytes, b);
  } else if (type == "boolean" || type == "null") {
    LECTERN_TRY(only({}));
    node.kind = SchemaKind::Literals;
    node.literals = type == "null" ? std::vector<std::string>{"null"} : std::vector<std::string>{"true", "false"};
    node.min_bytes = 4;
    for (const std::string& l : node.literals) set_byte(node.first_bytes, static_cast<uint8_t>(l[0]));
  } else {
    return error(ErrorCode::InvalidArgument, path, "unknown type \"" + type + "\"");
  }
  return add(std::move(node));
}

}  // namespace

Result<CompiledSchema> compile_json_schema(std::string_view schema_json) {
  json doc;
  try {
    doc = json::parse(schema_json);
  } catch (const json::exception& e) {
    return Status(ErrorCode::InvalidArgument, std::string("the JSON schema is not valid JSON: ") + e.what());
  }
  Compiler c;
  Result<int32_t> root = c.compile(doc, "", 0);
  if (!root.is_ok()) return root.status();
  c.out.root = *root;
  return std::move(c.out);
}

}  // namespace lectern::runtime

namespace lectern {

Status check_json_schema(std::string_view schema_json) {
  Result<runtime::CompiledSchema> compiled = runtime::compile_json_schema(schema_json);
  return compiled.is_ok() ? Status::ok() : compiled.status();
}

}  // namespace lectern
