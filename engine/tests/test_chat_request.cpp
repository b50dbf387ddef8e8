// test_chat_request.cpp: reading conversations from the HuggingFace JSON shape (chat_request_from_json): content
// parts, tool calls, flags, and the specific error for each kind of bad input.
#include <gtest/gtest.h>

#include <string>

#include "lectern/chat.h"

using namespace lectern;

namespace {

ChatRequest parse_ok(const std::string& json) {
  auto request = chat_request_from_json(json);
  EXPECT_TRUE(request.is_ok()) << request.status().to_string();
  return request.is_ok() ? std::move(request).value() : ChatRequest{};
}

// Expects InvalidArgument whose message contains every given fragment.
void expect_error(const std::string& json, std::initializer_list<const char*> fragments) {
  SCOPED_TRACE(json);
  auto request = chat_request_from_json(json);
  ASSERT_FALSE(request.is_ok());
  EXPECT_EQ(request.status().code(), ErrorCode::InvalidArgument);
  for (const char* f : fragments) EXPECT_NE(request.status().message().find(f), std::string::npos)
      << "message: " << request.status().message() << "\nmissing: " << f;
}

}  // namespace

TEST(ChatRequestJson, ContentShapes) {
  ChatRequest r = parse_ok(R"({"messages": [
      {"role": "user", "content": "plain"},
      {"role": "user", "content": [{"type": "image", "image": "file:///a.png"},
                                   {"type": "image_url", "image_url": {"url": "https://x/b.jpg"}},
                                   {"type": "video", "video": "clip.mp4"}, {"type": "text", "text": "t"}]},
      {"role": "assistant", "content": null},
      {"role": "assistant"}]})");
  ASSERT_EQ(r.messages.size(), 4u);
  ASSERT_EQ(r.messages[0].content.size(), 1u);
  EXPECT_EQ(r.messages[0].content[0].kind, ContentPartKind::Text);
  EXPECT_EQ(r.messages[0].content[0].text, "plain");
  const auto& parts = r.messages[1].content;
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0].kind, ContentPartKind::Image);
  EXPECT_EQ(parts[0].source, "file:///a.png");
  EXPECT_EQ(parts[1].kind, ContentPartKind::Image);
  EXPECT_EQ(parts[1].source, "https://x/b.jpg");
  EXPECT_EQ(parts[2].kind, ContentPartKind::Video);
  EXPECT_EQ(parts[2].source, "clip.mp4");
  EXPECT_EQ(parts[3].kind, ContentPartKind::Text);
  EXPECT_EQ(parts[3].text, "t");
  EXPECT_TRUE(r.messages[2].content.empty());
  EXPECT_TRUE(r.messages[3].content.empty());
  EXPECT_EQ(r.messages[2].role, ChatRole::Assistant);
}

TEST(ChatRequestJson, AssistantFields) {
  ChatRequest r = parse_ok(R"({"messages": [{"role": "user", "content": "q"},
      {"role": "assistant", "content": "", "reasoning_content": "why",
       "tool_calls": [{"type": "function", "function": {"name": "get", "arguments": "{\"city\": \"Zürich\", \"n\": 2}"}},
                      {"name": "bare", "arguments": {"b": 1, "a": 2}},
                      {"function": {"name": "noargs"}}]},
      {"role": "assistant", "content": "x", "reasoning_content": null},
      {"role": "user", "content": "q", "tool_calls": "ignored on user turns"}]})");
  ASSERT_EQ(r.messages.size(), 4u);
  const ChatMessage& a = r.messages[1];
  ASSERT_TRUE(a.reasoning_content.has_value());
  EXPECT_EQ(*a.reasoning_content, "why");
  ASSERT_EQ(a.tool_calls.size(), 3u);
  EXPECT_EQ(a.tool_calls[0].name, "get");
  EXPECT_EQ(a.tool_calls[0].arguments_json, R"({"city":"Zürich","n":2})");
  EXPECT_EQ(a.tool_calls[1].name, "bare");
  EXPECT_EQ(a.tool_calls[1].arguments_json, R"({"b":1,"a":2})");  // key order kept
  EXPECT_EQ(a.tool_calls[2].name, "noargs");
  EXPECT_EQ(a.tool_calls[2].arguments_json, "");
  EXPECT_FALSE(r.messages[2].reasoning_content.has_value());
  EXPECT_TRUE(r.messages[3].tool_calls.empty());
}

TEST(ChatRequestJson, Flags) {
  ChatRequest defaults = parse_ok(R"({"messages": [{"role": "user", "content": "q"}]})");
  EXPECT_TRUE(defaults.add_generation_prompt);  // the golden renderings use a generation prompt unless told not to
  EXPECT_FALSE(defaults.add_vision_id);
  EXPECT_FALSE(defaults.enable_thinking.has_value());
  EXPECT_TRUE(defaults.tools_json.empty());

  ChatRequest set = parse_ok(R"({"messages": [{"role": "user", "content": "q"}], "add_generation_prompt": false,
      "add_vision_id": 1, "enable_thinking": false, "tools": [{"b": 1, "a": {"z": 0}}]})");
  EXPECT_FALSE(set.add_generation_prompt);
  EXPECT_TRUE(set.add_vision_id);
  ASSERT_TRUE(set.enable_thinking.has_value());
  EXPECT_FALSE(*set.enable_thinking);
  EXPECT_EQ(set.tools_json, R"([{"b":1,"a":{"z":0}}])");

  // Template truthiness: "" and 0 are false; enable_thinking that is not a boolean means "not given".
  ChatRequest odd = parse_ok(R"({"messages": [{"role": "user", "content": "q"}], "add_generation_prompt": "",
      "enable_thinking": "yes", "tools": {"not": "a list"}})");
  EXPECT_FALSE(odd.add_generation_prompt);
  EXPECT_FALSE(odd.enable_thinking.has_value());
  EXPECT_TRUE(odd.tools_json.empty());  // the template ignores a mapping
}

TEST(ChatRequestJson, BadInputGivesSpecificErrors) {
  expect_error("{\"messages\": [", {"not valid JSON"});
  expect_error("[1, 2]", {"must be a JSON object", "messages"});
  expect_error(R"({"messages": {"role": "user"}})", {"\"messages\" must be a list"});
  expect_error(R"({"messages": ["hello"]})", {"message 0", "not a JSON object"});
  expect_error(R"({"messages": [{"role": "user", "content": "q"}, {"role": "bogus", "content": "x"}]})",
               {"message 1", "Unexpected message role", "\"bogus\""});
  expect_error(R"({"messages": [{"content": "x"}]})", {"Unexpected message role", "got: nothing"});
  expect_error(R"({"messages": [{"role": "user", "content": 42}]})", {"Unexpected content type", "42"});
  expect_error(R"({"messages": [{"role": "user", "content": {"text": "x"}}]})", {"Unexpected content type"});
  expect_error(R"({"messages": [{"role": "user", "content": [{"type": "audio", "audio": "a.wav"}]}]})",
               {"Unexpected item type in content"});
  expect_error(R"({"messages": [{"role": "user", "content": ["just a string"]}]})",
               {"Unexpected item type in content", "JSON object"});
  expect_error(R"({"messages": [{"role": "assistant", "content": "", "tool_calls": [{"function": {"arguments": {}}}]}]})",
               {"tool call without a function name"});
  expect_error(R"({"messages": [{"role": "assistant", "content": "",
                   "tool_calls": [{"function": {"name": "f", "arguments": "not json"}}]}]})",
               {"tool call 'f'", "arguments must be a JSON object", "not json"});
  expect_error(R"({"messages": [{"role": "assistant", "content": "",
                   "tool_calls": [{"function": {"name": "f", "arguments": null}}]}]})",
               {"tool call 'f'", "arguments must be a JSON object"});
  expect_error(R"({"messages": [{"role": "assistant", "content": "", "tool_calls": "f"}]})",
               {"tool_calls must be a list"});
}
