// chat_render.cpp: the Qwen3.5 chat template (golden/chat-template/qwen35.jinja) as direct C++, one function per
// template section; output is byte-identical to HuggingFace's Jinja2 rendering (qwen35.md §6).
#include <string>
#include <string_view>

#include "lectern/chat.h"
#include "text/chat_python.h"

namespace lectern {

ContentPart ContentPart::make_text(std::string text) { return {ContentPartKind::Text, std::move(text), {}}; }
ContentPart ContentPart::make_image(std::string source) { return {ContentPartKind::Image, {}, std::move(source)}; }
ContentPart ContentPart::make_video(std::string source) { return {ContentPartKind::Video, {}, std::move(source)}; }

ChatMessage ChatMessage::make(ChatRole role, std::string text) {
  ChatMessage m;
  m.role = role;
  m.content.push_back(ContentPart::make_text(std::move(text)));
  return m;
}

namespace {

using text::Json;

// The fixed prose of the tools system block, verbatim from the shipped template.
constexpr std::string_view kToolsHeader = "# Tools\n\nYou have access to the following functions:\n\n<tools>";
constexpr std::string_view kToolsFooter =
    "\n</tools>"
    "\n\nIf you choose to call a function ONLY reply in the following format with NO suffix:\n\n<tool_call>\n"
    "<function=example_function_name>\n<parameter=example_parameter_1>\nvalue_1\n</parameter>\n"
    "<parameter=example_parameter_2>\nThis is the value for the second parameter\nthat can span\nmultiple lines\n"
    "</parameter>\n</function>\n</tool_call>\n\n<IMPORTANT>\nReminder:\n"
    "- Function calls MUST follow the specified format: an inner <function=...></function> block must be nested "
    "within <tool_call></tool_call> XML tags\n"
    "- Required parameters MUST be specified\n"
    "- You may provide optional reasoning for your function call in natural language BEFORE the function call, but "
    "NOT after\n"
    "- If there is no function call available, answer the question like normal with your current knowledge and do "
    "not tell the user about function calls\n"
    "</IMPORTANT>";

constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";

// The template's raise_exception(): same conversations rejected, same message.
Status template_error(std::string message) { return Status(ErrorCode::InvalidArgument, std::move(message)); }

// The template's image_count / video_count namespaces: numbering runs across the whole conversation.
struct VisionCounts {
  int n_images = 0;
  int n_videos = 0;
};

// Macro render_content(content, do_vision_count, is_system_content).
Result<std::string> render_content(const std::vector<ContentPart>& content, VisionCounts& counts, bool do_count,
                                   bool is_system, bool add_vision_id) {
  std::string out;
  for (const ContentPart& part : content) {
    switch (part.kind) {
      case ContentPartKind::Text:
        out += part.text;
        break;
      case ContentPartKind::Image:
        if (is_system) return template_error("System message cannot contain images.");
        if (do_count) ++counts.n_images;
        if (add_vision_id) out.append("Picture ").append(std::to_string(counts.n_images)).append(": ");
        out += "<|vision_start|><|image_pad|><|vision_end|>";
        break;
      case ContentPartKind::Video:
        if (is_system) return template_error("System message cannot contain videos.");
        if (do_count) ++counts.n_videos;
        if (add_vision_id) out.append("Video ").append(std::to_string(counts.n_videos)).append(": ");
        out += "<|vision_start|><|video_pad|><|vision_end|>";
        break;
    }
  }
  return out;
}

// render_content(...)|trim
Result<std::string> render_trimmed(const std::vector<ContentPart>& content, VisionCounts& counts, bool do_count,
                                   bool is_system, bool add_vision_id) {
  LECTERN_ASSIGN_OR_RETURN(std::string rendered, render_content(content, counts, do_count, is_system, add_vision_id));
  return std::string(text::python_strip(rendered));
}

Result<Json> parse_tools(const std::string& tools_json) {
  if (tools_json.empty()) return Json::array();
  Json tools = Json::parse(tools_json, nullptr, /*allow_exceptions=*/false);
  if (tools.is_discarded() || !tools.is_array())
    return Status(ErrorCode::InvalidArgument, "tools_json must be a JSON array of tool definitions");
  return tools;
}

// The first turn: the tools block (with the system text appended) or the plain system message.
Status render_system_turn(const ChatRequest& request, const Json& tools, VisionCounts& counts, std::string& out) {
  const ChatMessage& first = request.messages.front();
  const bool system_first = first.role == ChatRole::System;
  std::string system_text;
  if (system_first) {
    LECTERN_ASSIGN_OR_RETURN(system_text, render_trimmed(first.content, counts, false, true, request.add_vision_id));
  }
  if (!tools.empty()) {
    out += "<|im_start|>system\n";
    out += kToolsHeader;
    for (const Json& tool : tools) out.append("\n").append(text::python_json_dumps(tool));
    out += kToolsFooter;
    if (!system_text.empty()) out += "\n\n" + system_text;
    out += "<|im_end|>\n";
  } else if (system_first) {
    out += "<|im_start|>system\n" + system_text + "<|im_end|>\n";
  }
  return Status::ok();
}

bool is_tool_response_only(std::string_view content) {
  return content.starts_with("<tool_response>") && content.ends_with("</tool_response>");
}

// The index of the last user message that is a real query (not a wrapped tool response). Assistant turns after it
// belong to the ongoing tool-call loop and keep their reasoning.
Result<size_t> find_last_query_index(const ChatRequest& request, VisionCounts& counts) {
  for (size_t i = request.messages.size(); i-- > 0;) {
    const ChatMessage& m = request.messages[i];
    if (m.role != ChatRole::User) continue;
    LECTERN_ASSIGN_OR_RETURN(std::string content,
                             render_trimmed(m.content, counts, false, false, request.add_vision_id));
    if (!is_tool_response_only(content)) return i;
  }
  return template_error("No user query found in messages.");
}

// One <parameter=...> value: objects and arrays as JSON, everything else as Python's str() prints it.
std::string render_argument_value(const Json& value) {
  if (value.is_object() || value.is_array()) return text::python_json_dumps(value);
  return text::python_str(value);
}

Status render_tool_calls(const std::vector<ToolCall>& calls, std::string_view content, std::string& out) {
  for (size_t k = 0; k < calls.size(); ++k) {
    const ToolCall& call = calls[k];
    if (k > 0) out += "\n";
    else if (!text::python_strip(content).empty()) out += "\n\n";
    out += "<tool_call>\n<function=" + call.name + ">\n";
    if (!call.arguments_json.empty()) {
      Json args = Json::parse(call.arguments_json, nullptr, /*allow_exceptions=*/false);
      if (args.is_discarded() || !args.is_object())
        return Status(ErrorCode::InvalidArgument,
                      "tool call '" + call.name + "': arguments must be a JSON object, got: " + call.arguments_json);
      for (const auto& [name, value] : args.items())
        out.append("<parameter=").append(name).append(">\n").append(render_argument_value(value)).append("\n</parameter>\n");
    }
    out += "</function>\n</tool_call>";
  }
  return Status::ok();
}

// An assistant turn. Reasoning comes from reasoning_content, or is split off at </think>; it is shown only for
// turns after the last real user query (the ongoing tool-call loop, qwen35.md §6.2).
Status render_assistant(const ChatMessage& m, std::string content, bool keep_reasoning, std::string& out) {
  std::string reasoning;
  if (m.reasoning_content) {
    reasoning = *m.reasoning_content;
  } else if (size_t first_close = content.find(kThinkClose); first_close != std::string::npos) {
    // content.split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n')
    std::string_view before = text::rstrip_chars(std::string_view(content).substr(0, first_close), "\n");
    if (size_t open = before.rfind(kThinkOpen); open != std::string_view::npos)
      before = before.substr(open + kThinkOpen.size());
    reasoning = std::string(text::lstrip_chars(before, "\n"));
    // content.split('</think>')[-1].lstrip('\n')
    size_t last_close = content.rfind(kThinkClose);
    content = std::string(text::lstrip_chars(std::string_view(content).substr(last_close + kThinkClose.size()), "\n"));
  }
  reasoning = std::string(text::python_strip(reasoning));

  if (keep_reasoning) out += "<|im_start|>assistant\n<think>\n" + reasoning + "\n</think>\n\n" + content;
  else out += "<|im_start|>assistant\n" + content;
  LECTERN_TRY(render_tool_calls(m.tool_calls, content, out));
  out += "<|im_end|>\n";
  return Status::ok();
}

// A tool result: consecutive tool messages share one user turn, each in its own <tool_response> block.
void render_tool_response(const std::vector<ChatMessage>& messages, size_t i, const std::string& content,
                          std::string& out) {
  if (i > 0 && messages[i - 1].role != ChatRole::Tool) out += "<|im_start|>user";
  out += "\n<tool_response>\n" + content + "\n</tool_response>";
  const bool last = i + 1 == messages.size();
  if (last || messages[i + 1].role != ChatRole::Tool) out += "<|im_end|>\n";
}

Status render_message(const ChatRequest& request, size_t i, size_t last_query_index, VisionCounts& counts,
                      std::string& out) {
  const ChatMessage& m = request.messages[i];
  LECTERN_ASSIGN_OR_RETURN(std::string content, render_trimmed(m.content, counts, true, false, request.add_vision_id));
  switch (m.role) {
    case ChatRole::System:
      if (i != 0) return template_error("System message must be at the beginning.");
      return Status::ok();
    case ChatRole::User:
      out += "<|im_start|>user\n" + content + "<|im_end|>\n";
      return Status::ok();
    case ChatRole::Assistant:
      return render_assistant(m, std::move(content), i > last_query_index, out);
    case ChatRole::Tool:
      render_tool_response(request.messages, i, content, out);
      return Status::ok();
  }
  return template_error("Unexpected message role.");
}

void render_generation_prompt(const ChatRequest& request, const ChatTemplateTraits& traits, std::string& out) {
  out += "<|im_start|>assistant\n";
  const bool thinking = request.enable_thinking.value_or(traits.thinking_by_default);
  // Thinking: the model writes its reasoning first. Otherwise an empty, closed think block is part of the prompt.
  out += thinking ? "<think>\n" : "<think>\n\n</think>\n\n";
}

}  // namespace

Result<std::string> render_chat_prompt(const ChatRequest& request, const ChatTemplateTraits& traits) {
  if (request.messages.empty()) return template_error("No messages provided.");
  LECTERN_ASSIGN_OR_RETURN(Json tools, parse_tools(request.tools_json));

  std::string out;
  VisionCounts counts;
  LECTERN_TRY(render_system_turn(request, tools, counts, out));
  LECTERN_ASSIGN_OR_RETURN(size_t last_query_index, find_last_query_index(request, counts));
  for (size_t i = 0; i < request.messages.size(); ++i)
    LECTERN_TRY(render_message(request, i, last_query_index, counts, out));
  if (request.add_generation_prompt) render_generation_prompt(request, traits, out);
  return out;
}

}  // namespace lectern
