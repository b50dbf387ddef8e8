// test_chat_render.cpp: Qwen3.5 prompt rendering against the golden Jinja2 renderings, thinking defaults, the
// template's edge rules (hand-derived from qwen35.jinja) and the conversations it rejects.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "lectern/chat.h"

using namespace lectern;
using Json = nlohmann::ordered_json;

namespace {

const std::string kGolden = std::string(LECTERN_GOLDEN_DIR) + "/chat-template/cases.json";

Json load_golden_cases() {
  std::ifstream in(kGolden);
  if (!in) return Json();
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str(), nullptr, false);
}

ChatTemplateTraits traits(bool thinking_by_default) { return ChatTemplateTraits{thinking_by_default}; }

// Renders a conversation given as JSON text (the golden input shape) with the given default.
Result<std::string> render_json(const std::string& json_text, bool thinking_by_default = true) {
  auto request = chat_request_from_json(json_text);
  if (!request) return request.status();
  return render_chat_prompt(*request, traits(thinking_by_default));
}

const std::string kNoThink = "<|im_start|>assistant\n<think>\n\n</think>\n\n";
const std::string kThink = "<|im_start|>assistant\n<think>\n";

}  // namespace

TEST(ChatRender, GoldenCases) {
  Json cases = load_golden_cases();
  ASSERT_TRUE(cases.is_array()) << "golden chat-template cases missing or unreadable: " << kGolden
                                << " (the ../shared/golden folder must sit beside the checkout)";
  ASSERT_GE(cases.size(), 14u);
  size_t n_pass = 0, n_error_cases = 0;
  for (const Json& c : cases) {
    const std::string name = c.at("name").get<std::string>();
    SCOPED_TRACE(name);
    // The golden cases always pass enable_thinking when they have a generation prompt; the shipped template thinks
    // by default, so that is the traits it was rendered with.
    auto prompt = render_json(c.at("input").dump(), /*thinking_by_default=*/true);
    if (c.contains("error")) {
      ++n_error_cases;
      ASSERT_FALSE(prompt.is_ok()) << "template rejects this conversation, we rendered:\n" << prompt.value();
      EXPECT_EQ(prompt.status().code(), ErrorCode::InvalidArgument);
      EXPECT_EQ(prompt.status().message(), c.at("error").get<std::string>());
      if (prompt.status().message() == c.at("error").get<std::string>()) ++n_pass;
    } else {
      ASSERT_TRUE(prompt.is_ok()) << prompt.status().to_string();
      EXPECT_EQ(*prompt, c.at("prompt").get<std::string>());
      if (*prompt == c.at("prompt").get<std::string>()) ++n_pass;
    }
  }
  EXPECT_EQ(n_pass, cases.size());
  EXPECT_GE(n_error_cases, 2u);
  std::printf("golden chat-template cases passing: %zu / %zu\n", n_pass, cases.size());
}

TEST(ChatRender, ThinkingDefaultComesFromTraits) {
  const std::string conv = R"({"messages": [{"role": "user", "content": "Hi"}]})";
  const std::string turn = "<|im_start|>user\nHi<|im_end|>\n";
  EXPECT_EQ(render_json(conv, /*thinking_by_default=*/false).value(), turn + kNoThink);  // 0.8B / 2B templates
  EXPECT_EQ(render_json(conv, /*thinking_by_default=*/true).value(), turn + kThink);     // 4B and larger
  // An explicit enable_thinking wins over the default, both ways; a non-boolean counts as not given.
  EXPECT_EQ(render_json(R"({"enable_thinking": true, "messages": [{"role": "user", "content": "Hi"}]})", false).value(),
            turn + kThink);
  EXPECT_EQ(render_json(R"({"enable_thinking": false, "messages": [{"role": "user", "content": "Hi"}]})", true).value(),
            turn + kNoThink);
  EXPECT_EQ(render_json(R"({"enable_thinking": null, "messages": [{"role": "user", "content": "Hi"}]})", false).value(),
            turn + kNoThink);
}

TEST(ChatRender, TypedRequestWithoutJson) {
  ChatRequest request;
  request.messages.push_back(ChatMessage::make(ChatRole::System, " Be brief. "));
  ChatMessage user;
  user.content = {ContentPart::make_image("/tmp/a.png"), ContentPart::make_text("What is it?")};
  request.messages.push_back(user);
  request.enable_thinking = false;
  EXPECT_EQ(render_chat_prompt(request, traits(true)).value(),
            "<|im_start|>system\nBe brief.<|im_end|>\n"
            "<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>What is it?<|im_end|>\n" + kNoThink);
}

TEST(ChatRender, ReasoningKeptOnlyInsideTheToolLoop) {
  // Reasoning split off at </think>: kept for the assistant turn after the last real user query (the tool loop),
  // whose content before the call is non-empty so the call follows a blank line.
  EXPECT_EQ(render_json(R"({"enable_thinking": true, "messages": [
      {"role": "user", "content": "Q"},
      {"role": "assistant", "content": "<think>\nplan it\n</think>\n\nCalling.",
       "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}]},
      {"role": "tool", "content": "r"}]})").value(),
            "<|im_start|>user\nQ<|im_end|>\n"
            "<|im_start|>assistant\n<think>\nplan it\n</think>\n\nCalling.\n\n<tool_call>\n<function=f>\n"
            "<parameter=a>\n1\n</parameter>\n</function>\n</tool_call><|im_end|>\n"
            "<|im_start|>user\n<tool_response>\nr\n</tool_response><|im_end|>\n" + kThink);
  // ... and dropped (with the think block) for turns before the last query.
  EXPECT_EQ(render_json(R"({"enable_thinking": false, "messages": [
      {"role": "user", "content": "Q"},
      {"role": "assistant", "content": "<think>\nold\n</think>\n\nA1"},
      {"role": "user", "content": "Q2"}]})").value(),
            "<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\nA1<|im_end|>\n"
            "<|im_start|>user\nQ2<|im_end|>\n" + kNoThink);
}

TEST(ChatRender, VisionIdsCountAcrossTheConversation) {
  EXPECT_EQ(render_json(R"({"enable_thinking": false, "add_vision_id": true, "messages": [
      {"role": "user", "content": [{"type": "image", "image": "a"}, {"type": "text", "text": "one"}]},
      {"role": "assistant", "content": "ok"},
      {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "b"}}, {"type": "video", "video": "v"},
                                   {"type": "image"}, {"type": "text", "text": "more"}]}]})").value(),
            "<|im_start|>user\nPicture 1: <|vision_start|><|image_pad|><|vision_end|>one<|im_end|>\n"
            "<|im_start|>assistant\nok<|im_end|>\n"
            "<|im_start|>user\nPicture 2: <|vision_start|><|image_pad|><|vision_end|>"
            "Video 1: <|vision_start|><|video_pad|><|vision_end|>"
            "Picture 3: <|vision_start|><|image_pad|><|vision_end|>more<|im_end|>\n" + kNoThink);
}

TEST(ChatRender, ToolCallArgumentsPrintLikePython) {
  // Strings as-is, other scalars as Python's str() (True, None, 1e+16), lists/objects as json.dumps; several calls
  // are separated by one newline; a call without arguments has no parameters.
  EXPECT_EQ(render_json(R"({"add_generation_prompt": false, "messages": [
      {"role": "user", "content": "go"},
      {"role": "assistant", "content": "Sure.", "tool_calls": [
        {"type": "function", "function": {"name": "f",
          "arguments": {"b": true, "n": null, "big": 1e16, "x": 0.5, "l": [1, "é", false], "s": "two\nlines"}}},
        {"type": "function", "function": {"name": "g"}}]}]})").value(),
            "<|im_start|>user\ngo<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nSure.\n\n"
            "<tool_call>\n<function=f>\n"
            "<parameter=b>\nTrue\n</parameter>\n<parameter=n>\nNone\n</parameter>\n"
            "<parameter=big>\n1e+16\n</parameter>\n<parameter=x>\n0.5\n</parameter>\n"
            "<parameter=l>\n[1, \"é\", false]\n</parameter>\n<parameter=s>\ntwo\nlines\n</parameter>\n"
            "</function>\n</tool_call>\n<tool_call>\n<function=g>\n</function>\n</tool_call><|im_end|>\n");
  // OpenAI sends arguments as a JSON string: accepted and rendered the same as the object.
  EXPECT_EQ(render_json(R"({"add_generation_prompt": false, "messages": [{"role": "user", "content": "go"},
      {"role": "assistant", "content": "", "tool_calls": [{"function": {"name": "f", "arguments": "{\"k\": 2}"}}]}]})")
                .value(),
            "<|im_start|>user\ngo<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"
            "<tool_call>\n<function=f>\n<parameter=k>\n2\n</parameter>\n</function>\n</tool_call><|im_end|>\n");
}

TEST(ChatRender, ToolBlockAndToolResponses) {
  // Tools without system text: no blank line before <|im_end|>; the tool JSON keeps key order and Python's spacing.
  auto with_tools = render_json(R"({"enable_thinking": false, "tools": [{"name": "t", "x": 1.0}],
      "messages": [{"role": "system", "content": "  "}, {"role": "user", "content": "q"}]})");
  ASSERT_TRUE(with_tools.is_ok()) << with_tools.status().to_string();
  EXPECT_TRUE(with_tools->starts_with("<|im_start|>system\n# Tools\n\nYou have access to the following functions:\n\n"
                                      "<tools>\n{\"name\": \"t\", \"x\": 1.0}\n</tools>\n\nIf you choose"));
  EXPECT_TRUE(with_tools->ends_with("</IMPORTANT><|im_end|>\n<|im_start|>user\nq<|im_end|>\n" + kNoThink));
  // A tool message with nothing before it opens no user turn (the template tests loop.previtem).
  EXPECT_EQ(render_json(R"({"enable_thinking": false, "messages": [{"role": "tool", "content": "r0"},
      {"role": "user", "content": "q"}]})").value(),
            "\n<tool_response>\nr0\n</tool_response><|im_end|>\n<|im_start|>user\nq<|im_end|>\n" + kNoThink);
}

TEST(ChatRender, ContentIsTrimmedAndStringified) {
  // |trim is Python's str.strip(): Unicode whitespace (U+3000, U+00A0, U+2029) goes too.
  EXPECT_EQ(render_json("{\"enable_thinking\": false, \"messages\": [{\"role\": \"user\", "
                        "\"content\": \"\u3000x y\u00a0\u2029\"}]}").value(),
            "<|im_start|>user\nx y<|im_end|>\n" + kNoThink);
  // Non-string text items print as Python would print them.
  EXPECT_EQ(render_json(R"({"enable_thinking": false, "messages": [{"role": "user", "content": [
      {"type": "text", "text": 5}, {"type": "text", "text": null}, {"type": "text", "text": true},
      {"type": "text", "text": ["a'b", 1.0]}]}]})").value(),
            "<|im_start|>user\n5NoneTrue[\"a'b\", 1.0]<|im_end|>\n" + kNoThink);
}

TEST(ChatRender, RejectsWhatTheTemplateRejects) {
  struct Case {
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {R"({"messages": []})", "No messages provided."},
      {R"({})", "No messages provided."},
      {R"({"messages": [{"role": "user", "content": "<tool_response>\nx\n</tool_response>"}]})",
       "No user query found in messages."},
      {R"({"messages": [{"role": "assistant", "content": "a"}]})", "No user query found in messages."},
      {R"({"messages": [{"role": "system", "content": [{"type": "image"}]}, {"role": "user", "content": "q"}]})",
       "System message cannot contain images."},
      {R"({"messages": [{"role": "system", "content": [{"type": "video"}]}, {"role": "user", "content": "q"}]})",
       "System message cannot contain videos."},
      {R"({"messages": [{"role": "user", "content": "q"}, {"role": "system", "content": "s"}]})",
       "System message must be at the beginning."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    auto prompt = render_json(c.json);
    ASSERT_FALSE(prompt.is_ok());
    EXPECT_EQ(prompt.status().code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(prompt.status().message(), c.message);
  }
}

TEST(ChatRender, RejectsBadTypedInput) {
  ChatRequest request;
  request.messages.push_back(ChatMessage::make(ChatRole::User, "q"));
  request.tools_json = "{\"not\": \"a list\"}";
  auto bad_tools = render_chat_prompt(request, traits(false));
  ASSERT_FALSE(bad_tools.is_ok());
  EXPECT_NE(bad_tools.status().message().find("tools_json must be a JSON array"), std::string::npos);

  request.tools_json.clear();
  ChatMessage assistant = ChatMessage::make(ChatRole::Assistant, "");
  assistant.tool_calls.push_back(ToolCall{"f", "[1, 2]"});
  request.messages.push_back(assistant);
  auto bad_args = render_chat_prompt(request, traits(false));
  ASSERT_FALSE(bad_args.is_ok());
  EXPECT_EQ(bad_args.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(bad_args.status().message().find("tool call 'f': arguments must be a JSON object"), std::string::npos);
}
