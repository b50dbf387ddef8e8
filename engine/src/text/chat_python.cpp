// chat_python.cpp: CPython's str()/repr()/json.dumps()/str.strip() on JSON values, as the chat template sees them.
#include "text/chat_python.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <utf8proc.h>

namespace lectern::text {
namespace {

// Decodes the code point starting at text[pos]; returns its byte length (1 for an invalid byte, code point -1).
size_t decode_at(std::string_view text, size_t pos, int32_t* cp) {
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                            static_cast<utf8proc_ssize_t>(text.size() - pos), cp);
  if (n <= 0) {
    *cp = -1;
    return 1;
  }
  return static_cast<size_t>(n);
}

// str.isspace(): Unicode White_Space as CPython defines it (bidi class WS/B/S or category Zs).
bool is_python_space(int32_t cp) {
  if (cp < 0) return false;
  if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20)) return true;
  if (cp == 0x85 || cp == 0xA0 || cp == 0x1680) return true;
  if (cp >= 0x2000 && cp <= 0x200A) return true;
  return cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// str.isprintable() for one non-ASCII code point: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs.
bool is_python_printable(int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

void append_hex_escape(std::string& out, const char* prefix, int digits, uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, value);
  out += buf;
}

// repr(str): single quotes unless the text has ' and no ", backslash escapes for non-printable characters.
std::string python_repr_string(std::string_view s) {
  const char quote = (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) ? '"' : '\'';
  std::string out(1, quote);
  for (size_t pos = 0; pos < s.size();) {
    int32_t cp = 0;
    size_t n = decode_at(s, pos, &cp);
    if (cp < 0) {  // not UTF-8 (cannot come from parsed JSON); CPython would show a surrogate escape
      append_hex_escape(out, "\\x", 2, static_cast<unsigned char>(s[pos]));
    } else if (cp == quote || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex_escape(out, "\\x", 2, static_cast<uint32_t>(cp));
    } else if (cp >= 0x80 && !is_python_printable(cp)) {
      if (cp < 0x100) append_hex_escape(out, "\\x", 2, static_cast<uint32_t>(cp));
      else if (cp < 0x10000) append_hex_escape(out, "\\u", 4, static_cast<uint32_t>(cp));
      else append_hex_escape(out, "\\U", 8, static_cast<uint32_t>(cp));
    } else {
      out.append(s.substr(pos, n));
    }
    pos += n;
  }
  out += quote;
  return out;
}

// json.dumps string literal with ensure_ascii=False.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) append_hex_escape(out, "\\u", 4, static_cast<unsigned char>(ch));
        else out += ch;
    }
  }
  out += '"';
}

std::string number_text(const Json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return python_float_repr(value.get<double>());
}

std::string python_repr(const Json& value);

std::string python_container_repr(const Json& value) {
  std::string out;
  bool first = true;
  if (value.is_array()) {
    out += '[';
    for (const auto& item : value) {
      if (!first) out += ", ";
      first = false;
      out += python_repr(item);
    }
    out += ']';
  } else {
    out += '{';
    for (const auto& [key, item] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += python_repr_string(key);
      out += ": ";
      out += python_repr(item);
    }
    out += '}';
  }
  return out;
}

std::string python_repr(const Json& value) {
  if (value.is_string()) return python_repr_string(value.get_ref<const std::string&>());
  return python_str(value);
}

}  // namespace

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // Shortest round-trip digits in scientific form: "-1.2345e+17" -> sign, digits "12345", exponent 17.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  std::string out;
  if (!sci.empty() && sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exp10 = 0;
  std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exp10);
  // CPython's repr switches to exponent notation when the decimal exponent is < -4 or >= 16.
  if (exp10 < -4 || exp10 >= 16) {
    out += digits[0];
    if (digits.size() > 1) out.append(".").append(digits, 1);
    char exp_buf[16];
    std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += exp_buf;
  } else if (exp10 < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exp10 - 1), '0');
    out += digits;
  } else {
    const size_t n_int = static_cast<size_t>(exp10) + 1;
    if (digits.size() <= n_int) {
      out += digits;
      out.append(n_int - digits.size(), '0');
      out += ".0";
    } else {
      out.append(digits, 0, n_int).append(".").append(digits, n_int);
    }
  }
  return out;
}

std::string python_json_dumps(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return number_text(value);
    case Json::value_t::number_float: {
      double d = value.get<double>();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
      return python_float_repr(d);
    }
    case Json::value_t::string: {
      std::string out;
      append_json_string(out, value.get_ref<const std::string&>());
      return out;
    }
    case Json::value_t::array: {
      std::string out = "[";
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ", ";
        first = false;
        out += python_json_dumps(item);
      }
      return out + "]";
    }
    case Json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ", ";
        first = false;
        append_json_string(out, key);
        out += ": ";
        out += python_json_dumps(item);
      }
      return out + "}";
    }
    default: return "null";  // null, and binary/discarded values that parsed JSON never holds
  }
}

std::string python_str(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return number_text(value);
    case Json::value_t::string: return value.get<std::string>();
    case Json::value_t::array:
    case Json::value_t::object: return python_container_repr(value);
    default: return "None";
  }
}

bool python_truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean: return value.get<bool>();
    case Json::value_t::number_integer: return value.get<int64_t>() != 0;
    case Json::value_t::number_unsigned: return value.get<uint64_t>() != 0;
    case Json::value_t::number_float: return value.get<double>() != 0.0;
    case Json::value_t::string: return !value.get_ref<const std::string&>().empty();  // json::empty() is false for strings
    case Json::value_t::array:
    case Json::value_t::object: return !value.empty();
    default: return false;
  }
}

std::string_view python_strip(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    int32_t cp = 0;
    size_t n = decode_at(text, begin, &cp);
    if (!is_python_space(cp)) break;
    begin += n;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;  // back up to the lead byte of the last code point
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4) --start;
    int32_t cp = 0;
    size_t n = decode_at(text, start, &cp);
    if (start + n != end || !is_python_space(cp)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string_view lstrip_chars(std::string_view text, std::string_view chars) {
  size_t begin = text.find_first_not_of(chars);
  return begin == std::string_view::npos ? std::string_view() : text.substr(begin);
}

std::string_view rstrip_chars(std::string_view text, std::string_view chars) {
  size_t last = text.find_last_not_of(chars);
  return last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
}

}  // namespace lectern::text
