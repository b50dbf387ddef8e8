// chat_output_parser.cpp: splits Qwen3.5 output into reasoning, answer and qwen3_coder XML tool calls, for whole
// and for still-growing (streamed) text (qwen35.md §6.2, §6.4).
#include <optional>
#include <string>
#include <string_view>

#include "lectern/chat.h"
#include "text/chat_python.h"

namespace lectern {
namespace {

using text::Json;

constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";
constexpr std::string_view kCallOpen = "<tool_call>";
constexpr std::string_view kCallClose = "</tool_call>";
constexpr std::string_view kFunctionOpen = "<function=";
constexpr std::string_view kFunctionClose = "</function>";
constexpr std::string_view kParamOpen = "<parameter=";
constexpr std::string_view kParamClose = "</parameter>";
constexpr std::string_view kAsciiSpace = " \t\n\r\f\v";

bool consume(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

void skip_space(std::string_view& s) { s = text::lstrip_chars(s, kAsciiSpace); }

// Length of the longest proper prefix of tag that text ends with: text may be cut in the middle of that tag.
size_t partial_tag_suffix(std::string_view text, std::string_view tag) {
  for (size_t n = std::min(text.size(), tag.size() - 1); n > 0; --n)
    if (text.substr(text.size() - n) == tag.substr(0, n)) return n;
  return 0;
}

// The NAME of "<function=NAME>" / "<parameter=NAME>" after the opening part was consumed; nullopt if malformed.
std::optional<std::string> read_tag_name(std::string_view& s) {
  size_t gt = s.find('>');
  if (gt == std::string_view::npos) return std::nullopt;
  std::string_view name = text::rstrip_chars(text::lstrip_chars(s.substr(0, gt), " \t"), " \t");
  if (name.empty() || name.find_first_of("\n<") != std::string_view::npos) return std::nullopt;
  s.remove_prefix(gt + 1);
  return std::string(name);
}

// A parameter value is a string unless it reads as another JSON value (42, 1.5, true, null, {...}, [...]); the
// template writes those JSON-encoded. Without the tool's schema, "42" meant as a string cannot be told apart.
Json argument_value(std::string_view raw) {
  Json parsed = Json::parse(raw, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded() && !parsed.is_string()) return parsed;
  return Json(std::string(raw));
}

// The inside of one <tool_call>...</tool_call> block:
//   <function=NAME>\n<parameter=ARG>\nVALUE\n</parameter>\n...</function>
std::optional<ToolCall> parse_tool_call_body(std::string_view s) {
  skip_space(s);
  if (!consume(s, kFunctionOpen)) return std::nullopt;
  std::optional<std::string> name = read_tag_name(s);
  if (!name) return std::nullopt;
  Json args = Json::object();
  for (;;) {
    skip_space(s);
    if (consume(s, kFunctionClose)) break;
    if (!consume(s, kParamOpen)) return std::nullopt;
    std::optional<std::string> param = read_tag_name(s);
    if (!param) return std::nullopt;
    size_t end = s.find(kParamClose);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view value = s.substr(0, end);
    if (value.starts_with('\n')) value.remove_prefix(1);  // the template puts the value on its own lines
    if (value.ends_with('\n')) value.remove_suffix(1);
    args[*param] = argument_value(value);
    s.remove_prefix(end + kParamClose.size());
  }
  skip_space(s);
  if (!s.empty()) return std::nullopt;  // text after </function> inside the block
  // replace: model output may hold invalid UTF-8; never let dump() throw.
  return ToolCall{*name, args.dump(-1, ' ', false, Json::error_handler_t::replace)};
}

// The answer part: text with well-formed tool-call blocks taken out.
void parse_answer(std::string_view answer, bool partial, ParsedAssistantOutput& out) {
  std::string content;
  size_t pos = 0;
  for (;;) {
    size_t open = answer.find(kCallOpen, pos);
    if (open == std::string_view::npos) {
      std::string_view rest = answer.substr(pos);
      if (partial) rest.remove_suffix(partial_tag_suffix(rest, kCallOpen));
      content += rest;
      break;
    }
    content += answer.substr(pos, open - pos);
    size_t close = answer.find(kCallClose, open + kCallOpen.size());
    if (close == std::string_view::npos) {
      if (partial) out.phase = AssistantPhase::ToolCall;  // still being written: hold it back
      else content += answer.substr(open);               // never closed: it is text
      break;
    }
    const size_t body_begin = open + kCallOpen.size();
    std::optional<ToolCall> call = parse_tool_call_body(answer.substr(body_begin, close - body_begin));
    if (call) out.tool_calls.push_back(std::move(*call));
    else content += answer.substr(open, close + kCallClose.size() - open);  // malformed: left as text
    pos = close + kCallClose.size();
  }
  out.content = std::string(text::python_strip(content));
}

// Stop tokens are not part of the answer if the caller's decoded text kept them.
std::string_view drop_trailing_stop_tokens(std::string_view text) {
  for (;;) {
    std::string_view trimmed = text::rstrip_chars(text, kAsciiSpace);
    if (trimmed.ends_with("<|im_end|>")) text = trimmed.substr(0, trimmed.size() - 10);
    else if (trimmed.ends_with("<|endoftext|>")) text = trimmed.substr(0, trimmed.size() - 13);
    else return text;
  }
}

}  // namespace

ParsedAssistantOutput parse_assistant_output(std::string_view generated, bool thinking_prefilled, bool partial) {
  ParsedAssistantOutput out;
  std::string_view text = drop_trailing_stop_tokens(generated);

  // The model may open the think block itself (or repeat the prefilled "<think>").
  bool in_think = thinking_prefilled;
  std::string_view lead = text::lstrip_chars(text, kAsciiSpace);
  if (lead.starts_with(kThinkOpen)) {
    in_think = true;
    text = lead.substr(kThinkOpen.size());
  } else if (partial && !lead.empty() && kThinkOpen.starts_with(lead)) {
    out.phase = thinking_prefilled ? AssistantPhase::Reasoning : AssistantPhase::Answer;  // "<thi": undecided yet
    return out;
  }

  if (in_think) {
    size_t close = text.find(kThinkClose);
    if (close == std::string_view::npos) {  // still thinking, or cut off while thinking
      std::string_view reasoning = text;
      if (partial) reasoning.remove_suffix(partial_tag_suffix(reasoning, kThinkClose));
      out.reasoning = std::string(text::python_strip(reasoning));
      out.phase = AssistantPhase::Reasoning;
      return out;
    }
    out.reasoning = std::string(text::python_strip(text.substr(0, close)));
    out.reasoning_complete = true;
    text = text.substr(close + kThinkClose.size());
  }
  out.phase = AssistantPhase::Answer;
  parse_answer(text, partial, out);
  return out;
}

AssistantOutputStream::AssistantOutputStream(bool thinking_prefilled) : thinking_prefilled_(thinking_prefilled) {
  current_.phase = thinking_prefilled ? AssistantPhase::Reasoning : AssistantPhase::Answer;
}

AssistantDelta AssistantOutputStream::push(std::string_view piece) {
  text_ += piece;
  return update(/*partial=*/true);
}

AssistantDelta AssistantOutputStream::finish() { return update(/*partial=*/false); }

AssistantDelta AssistantOutputStream::update(bool partial) {
  ParsedAssistantOutput next = parse_assistant_output(text_, thinking_prefilled_, partial);
  AssistantDelta delta;
  // Re-parsing the whole text keeps one source of truth; held-back fragments make the views grow append-only.
  auto grow = [&delta](const std::string& before, const std::string& after, std::string& out) {
    if (after.starts_with(before)) out = after.substr(before.size());
    else delta.replaced = true;
  };
  grow(current_.reasoning, next.reasoning, delta.reasoning);
  grow(current_.content, next.content, delta.content);
  for (size_t k = current_.tool_calls.size(); k < next.tool_calls.size(); ++k) delta.tool_calls.push_back(next.tool_calls[k]);
  delta.phase = next.phase;
  current_ = std::move(next);
  return delta;
}

}  // namespace lectern
