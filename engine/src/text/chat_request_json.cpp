// chat_request_json.cpp: reads a conversation in the HuggingFace apply_chat_template input shape into a ChatRequest,
// keeping the template's view of every value (what counts as an image item, truthiness, str() of non-strings).
#include <string>

#include "lectern/chat.h"
#include "text/chat_python.h"

namespace lectern {
namespace {

using text::Json;

Status invalid(std::string message) { return Status(ErrorCode::InvalidArgument, std::move(message)); }

bool has_key(const Json& object, const char* key) { return object.is_object() && object.contains(key); }

bool type_is(const Json& item, const char* type) {
  auto it = item.find("type");
  return it != item.end() && it->is_string() && it->get_ref<const std::string&>() == type;
}

// The path or URL of an image/video item: {"image": "a.png"}, {"image_url": {"url": ...}}, {"video": "clip.mp4"}.
std::string media_source(const Json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object() && it->contains("url") && (*it)["url"].is_string()) return (*it)["url"].get<std::string>();
  return text::python_json_dumps(*it);  // e.g. a video given as a list of frames
}

// One item of a content list, classified in the template's order: image keys first, then video, then text.
Result<ContentPart> parse_content_item(const Json& item) {
  if (!item.is_object())
    return invalid("Unexpected item type in content. (each content item must be a JSON object such as "
                   "{\"type\": \"text\", \"text\": \"...\"})");
  if (item.contains("image") || item.contains("image_url") || type_is(item, "image")) {
    return ContentPart::make_image(item.contains("image") ? media_source(item, "image") : media_source(item, "image_url"));
  }
  if (item.contains("video") || type_is(item, "video")) return ContentPart::make_video(media_source(item, "video"));
  if (item.contains("text")) return ContentPart::make_text(text::python_str(item["text"]));
  return invalid("Unexpected item type in content. (an item needs \"text\", \"image\", \"image_url\" or \"video\")");
}

Result<std::vector<ContentPart>> parse_content(const Json& message) {
  std::vector<ContentPart> parts;
  auto it = message.find("content");
  if (it == message.end() || it->is_null()) return parts;
  if (it->is_string()) {
    parts.push_back(ContentPart::make_text(it->get<std::string>()));
    return parts;
  }
  if (!it->is_array())
    return invalid("Unexpected content type. (content must be a string, a list of items or null, got: " +
                   text::python_json_dumps(*it) + ")");
  for (const Json& item : *it) {
    LECTERN_ASSIGN_OR_RETURN(ContentPart part, parse_content_item(item));
    parts.push_back(std::move(part));
  }
  return parts;
}

Result<ChatRole> parse_role(const Json& message) {
  auto it = message.find("role");
  const std::string role = (it != message.end() && it->is_string()) ? it->get<std::string>() : "";
  if (role == "system") return ChatRole::System;
  if (role == "user") return ChatRole::User;
  if (role == "assistant") return ChatRole::Assistant;
  if (role == "tool") return ChatRole::Tool;
  return invalid("Unexpected message role. (role must be \"system\", \"user\", \"assistant\" or \"tool\", got: " +
                 (it == message.end() ? std::string("nothing") : text::python_json_dumps(*it)) + ")");
}

// {"type": "function", "function": {"name", "arguments"}} or the bare {"name", "arguments"}. Arguments may be an
// object or, as the OpenAI API sends them, a string holding a JSON object; the template itself needs an object.
Result<ToolCall> parse_tool_call(const Json& item) {
  const Json& fn = has_key(item, "function") ? item["function"] : item;
  if (!has_key(fn, "name") || !fn["name"].is_string())
    return invalid("tool call without a function name (expected {\"function\": {\"name\": ..., \"arguments\": {...}}})");
  ToolCall call;
  call.name = fn["name"].get<std::string>();
  if (!fn.contains("arguments")) return call;
  const Json& args = fn["arguments"];
  if (args.is_object()) {
    call.arguments_json = args.dump();
    return call;
  }
  if (args.is_string()) {
    Json parsed = Json::parse(args.get<std::string>(), nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_discarded() && parsed.is_object()) {
      call.arguments_json = parsed.dump();
      return call;
    }
  }
  return invalid("tool call '" + call.name + "': arguments must be a JSON object (or a string holding one), got: " +
                 text::python_json_dumps(args));
}

// message.tool_calls as the template reads it: only a non-empty list is rendered; a non-empty string would be
// iterated character by character and fail on the missing name; any other value is ignored.
Result<std::vector<ToolCall>> parse_tool_calls(const Json& message) {
  std::vector<ToolCall> calls;
  auto it = message.find("tool_calls");
  if (it == message.end() || !text::python_truthy(*it)) return calls;
  if (it->is_string()) return invalid("tool_calls must be a list of tool calls, got a string");
  if (!it->is_array()) return calls;
  for (const Json& item : *it) {
    LECTERN_ASSIGN_OR_RETURN(ToolCall call, parse_tool_call(item));
    calls.push_back(std::move(call));
  }
  return calls;
}

Result<ChatMessage> parse_message(const Json& message) {
  if (!message.is_object()) return invalid("Unexpected message role. (message is not a JSON object)");
  ChatMessage m;
  LECTERN_ASSIGN_OR_RETURN(m.content, parse_content(message));
  LECTERN_ASSIGN_OR_RETURN(m.role, parse_role(message));
  if (m.role == ChatRole::Assistant) {
    auto it = message.find("reasoning_content");
    if (it != message.end() && it->is_string()) m.reasoning_content = it->get<std::string>();
    LECTERN_ASSIGN_OR_RETURN(m.tool_calls, parse_tool_calls(message));
  }
  return m;
}

// `tools and tools is iterable and tools is not mapping`: a non-empty list (a non-empty string iterates by
// character, each one rendered as a JSON string); anything else means no tools block.
std::string parse_tools(const Json& request) {
  auto it = request.find("tools");
  if (it == request.end() || !text::python_truthy(*it)) return {};
  if (it->is_array()) return it->dump();
  if (!it->is_string()) return {};
  Json chars = Json::array();
  const std::string& s = it->get_ref<const std::string&>();
  for (size_t pos = 0; pos < s.size();) {
    size_t n = 1;
    while (pos + n < s.size() && (static_cast<unsigned char>(s[pos + n]) & 0xC0) == 0x80) ++n;
    chars.push_back(s.substr(pos, n));
    pos += n;
  }
  return chars.dump();
}

bool flag(const Json& request, const char* key, bool absent_value) {
  auto it = request.find(key);
  return it == request.end() ? absent_value : text::python_truthy(*it);
}

}  // namespace

Result<ChatRequest> chat_request_from_json(const std::string& json_text) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    return Status(ErrorCode::InvalidArgument, std::string("conversation is not valid JSON: ") + e.what());
  }
  if (!root.is_object())
    return invalid(std::string("a conversation must be a JSON object with a \"messages\" list, got: ") + root.type_name());

  ChatRequest request;
  auto messages = root.find("messages");
  if (messages != root.end() && text::python_truthy(*messages)) {
    if (!messages->is_array()) return invalid("\"messages\" must be a list of message objects");
    for (size_t i = 0; i < messages->size(); ++i) {
      auto parsed = parse_message((*messages)[i]);
      if (!parsed) return parsed.status().with_context("message " + std::to_string(i));
      request.messages.push_back(std::move(parsed).value());
    }
  }
  // Else no messages: render_chat_prompt rejects that with the template's "No messages provided.".

  request.tools_json = parse_tools(root);
  // `enable_thinking is false` / `is true` are identity tests on booleans; any other value behaves like "not given".
  if (auto it = root.find("enable_thinking"); it != root.end() && it->is_boolean()) request.enable_thinking = it->get<bool>();
  // The reference prompts (golden/chat-template) are rendered with a generation prompt unless told otherwise.
  request.add_generation_prompt = flag(root, "add_generation_prompt", true);
  request.add_vision_id = flag(root, "add_vision_id", false);
  return request;
}

}  // namespace lectern
